//! The mock's own error documents: RFC 7807 `application/problem+json` in Prism's shape, with Prism's type
//! URIs (`https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY`), which is what Prism users match on.
//! Used only where the spec documents no response of its own for the situation.

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

/// Which of Prism's errors this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    NoPathMatched,
    NoMethodMatched,
    UnprocessableEntity,
    Unauthorized,
    InvalidContentType,
    NotAcceptable,
    NotFound,
    /// The stateful mode refuses what the state does not allow (a duplicate, a delete others depend on).
    Conflict,
    /// The stateful mode's session holds as many items as it may.
    StateFull,
    /// A request to the mock's own endpoints that it cannot read.
    BadMockRequest,
    /// The store of the state (Redis) cannot be reached.
    StoreUnavailable,
}

impl ProblemKind {
    pub fn code(self) -> &'static str {
        match self {
            ProblemKind::NoPathMatched => "NO_PATH_MATCHED_ERROR",
            ProblemKind::NoMethodMatched => "NO_METHOD_MATCHED_ERROR",
            ProblemKind::UnprocessableEntity => "UNPROCESSABLE_ENTITY",
            ProblemKind::Unauthorized => "UNAUTHORIZED",
            ProblemKind::InvalidContentType => "INVALID_CONTENT_TYPE",
            ProblemKind::NotAcceptable => "NOT_ACCEPTABLE",
            ProblemKind::NotFound => "NOT_FOUND",
            ProblemKind::Conflict => "CONFLICT",
            ProblemKind::StateFull => "INSUFFICIENT_STORAGE",
            ProblemKind::BadMockRequest => "BAD_REQUEST",
            ProblemKind::StoreUnavailable => "SERVICE_UNAVAILABLE",
        }
    }

    pub fn status(self) -> StatusCode {
        match self {
            ProblemKind::NoPathMatched | ProblemKind::NotFound => StatusCode::NOT_FOUND,
            ProblemKind::NoMethodMatched => StatusCode::METHOD_NOT_ALLOWED,
            ProblemKind::UnprocessableEntity => StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ProblemKind::InvalidContentType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::NotAcceptable => StatusCode::NOT_ACCEPTABLE,
            ProblemKind::Conflict => StatusCode::CONFLICT,
            ProblemKind::StateFull => StatusCode::INSUFFICIENT_STORAGE,
            ProblemKind::BadMockRequest => StatusCode::BAD_REQUEST,
            ProblemKind::StoreUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn title(self) -> &'static str {
        match self {
            ProblemKind::NoPathMatched => "Route not resolved, no path matched",
            ProblemKind::NoMethodMatched => "Route resolved, but no method matched",
            ProblemKind::UnprocessableEntity => "Invalid request",
            ProblemKind::Unauthorized => "Invalid security scheme used",
            ProblemKind::InvalidContentType => "Invalid content type",
            ProblemKind::NotAcceptable => {
                "The server cannot produce a representation for your accept header"
            }
            ProblemKind::NotFound => "The server cannot find the requested content",
            ProblemKind::Conflict => "The request conflicts with the mock's state",
            ProblemKind::StateFull => "The mock's state for this session is full",
            ProblemKind::BadMockRequest => "The mock server cannot read this request",
            ProblemKind::StoreUnavailable => "The mock's state store cannot be reached",
        }
    }
}

/// One way a request breaks its spec, with where it is: `["path","id"]`, `["header"]`, `["body","name"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationItem {
    pub location: Vec<String>,
    /// The JSON Schema keyword that failed (`required`, `format`, `type`, ...).
    pub code: String,
    pub message: String,
}

impl ValidationItem {
    pub fn to_json(&self) -> Value {
        json!({
            "location": self.location,
            "severity": "Error",
            "code": self.code,
            "message": self.message,
        })
    }
}

/// A problem document ready to send.
#[derive(Debug, Clone)]
pub struct Problem {
    pub kind: ProblemKind,
    pub detail: String,
    pub validation: Vec<ValidationItem>,
}

impl Problem {
    pub fn new(kind: ProblemKind, detail: impl Into<String>) -> Problem {
        Problem {
            kind,
            detail: detail.into(),
            validation: Vec::new(),
        }
    }

    pub fn with_validation(mut self, validation: Vec<ValidationItem>) -> Problem {
        self.validation = validation;
        self
    }

    pub fn to_json(&self) -> Value {
        let mut document = json!({
            "type": format!("https://stoplight.io/prism/errors#{}", self.kind.code()),
            "title": self.kind.title(),
            "status": self.kind.status().as_u16(),
            "detail": self.detail,
        });
        if !self.validation.is_empty() {
            document["validation"] = self
                .validation
                .iter()
                .map(ValidationItem::to_json)
                .collect();
        }
        document
    }

    pub fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_json()).unwrap_or_default();
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.kind.status();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unprocessable_entity_has_prisms_shape() {
        let problem = Problem::new(
            ProblemKind::UnprocessableEntity,
            "Your request is not valid and no HTTP validation response was found in the spec, so Prism is generating this error for you.",
        )
        .with_validation(vec![ValidationItem {
            location: vec!["header".into()],
            code: "required".into(),
            message: "Request header must have required property 'x-project-id'".into(),
        }]);
        let document = problem.to_json();
        assert_eq!(
            document["type"],
            "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"
        );
        assert_eq!(document["status"], 422);
        assert_eq!(
            document["validation"][0],
            json!({"location": ["header"], "severity": "Error", "code": "required",
                   "message": "Request header must have required property 'x-project-id'"})
        );
        assert!(
            Problem::new(ProblemKind::NotFound, "x")
                .to_json()
                .get("validation")
                .is_none()
        );
    }
}
