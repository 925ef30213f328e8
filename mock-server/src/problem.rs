//! The mock's own error documents: RFC 7807 `application/problem+json` in Prism's shape, with Prism's type
//! URIs (`https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY`), which is what Prism users match on.
//! Used only where the spec documents no response of its own for the situation.
//!
//! Every such document but an injected fault's carries [`REFUSAL_HEADER`] with its code
//! (`x-mock-refusal: NOT_FOUND`), so that a client or a test can tell the mock's own refusal from the API's
//! documented answer of the same status (a `Prefer: code=409` on an operation without a 409 gets Prism's
//! 404, which must not pass for the operation's documented 404).

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::{Value, json};

/// Marks a response as the mock's own refusal, not an answer the spec documents; its value is the
/// problem's code.
pub const REFUSAL_HEADER: HeaderName = HeaderName::from_static("x-mock-refusal");

/// On every response made from a [`Problem`]: the mock made it up, the spec does not document it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MockMade;

/// Which of Prism's errors this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// No operation's path matches (404).
    NoPathMatched,
    /// A path matches, but not with this method (405).
    NoMethodMatched,
    /// The request breaks its operation's parameters or body (422).
    UnprocessableEntity,
    /// A credential the operation needs is missing or not a valid one (401).
    Unauthorized,
    /// The body's media type is not one the operation accepts (415).
    InvalidContentType,
    /// No documented response has a media type the `Accept` header takes (406).
    NotAcceptable,
    /// The stateful mode has no such item (404).
    NotFound,
    /// The stateful mode refuses what the state does not allow (a duplicate, a delete others depend on).
    Conflict,
    /// The stateful mode's session holds as many items as it may.
    StateFull,
    /// A request to the mock's own endpoints that it cannot read.
    BadMockRequest,
    /// The store of the state (Redis) cannot be reached.
    StoreUnavailable,
    /// Not one of Prism's: the body is over the server's limit.
    PayloadTooLarge,
    /// Not one of Prism's: the body did not arrive in time.
    RequestTimeout,
    /// Not one of Prism's: a fault injected with this status, which the operation does not document.
    Fault(u16),
}

impl ProblemKind {
    /// The error code, as the `type` URL ends (`UNPROCESSABLE_ENTITY`).
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
            ProblemKind::PayloadTooLarge => "PAYLOAD_TOO_LARGE",
            ProblemKind::RequestTimeout => "REQUEST_TIMEOUT",
            ProblemKind::Fault(_) => "INJECTED_FAULT",
        }
    }

    /// The status answered with.
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
            ProblemKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProblemKind::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            ProblemKind::Fault(status) => {
                StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE)
            }
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
            ProblemKind::PayloadTooLarge => "Request body too large",
            ProblemKind::RequestTimeout => "Request body not received in time",
            ProblemKind::Fault(_) => "Injected fault",
        }
    }
}

/// One way a request breaks its spec, with where it is: `["path","id"]`, `["header"]`, `["body","name"]`
/// (empty for the request as a whole: its credentials, its content type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationItem {
    /// Where in the request.
    pub location: Vec<String>,
    /// The rule broken: a schema keyword or a status.
    pub code: ViolationCode,
    /// What is wrong.
    pub message: String,
    /// Where the rule broken is written in the spec (a JSON pointer: the parameter, the request body's
    /// media type, the operation's security), for the journal and the dashboard; Prism's documents do not
    /// carry it.
    pub spec: Option<Arc<str>>,
}

/// What failed, as Prism names it: a JSON Schema keyword, or for credentials and content type the status
/// they call for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViolationCode {
    /// `required`, `format`, `type`, …; also the mock's own `limit` and `maxBodyBytes`.
    Keyword(String),
    /// 401 (no credentials the operation accepts), 415 (a content type it does not take).
    Status(u16),
}

impl From<&str> for ViolationCode {
    fn from(keyword: &str) -> ViolationCode {
        ViolationCode::Keyword(keyword.to_string())
    }
}

impl From<String> for ViolationCode {
    fn from(keyword: String) -> ViolationCode {
        ViolationCode::Keyword(keyword)
    }
}

impl ViolationCode {
    /// As the problem document writes it: the keyword as a string, the status as a number.
    pub fn to_json(&self) -> Value {
        match self {
            ViolationCode::Keyword(keyword) => Value::from(keyword.as_str()),
            ViolationCode::Status(status) => Value::from(*status),
        }
    }
}

/// The longest `sl-violations` header sent, in bytes: clients refuse headers past 64–100 KB.
pub const MAX_VIOLATIONS_HEADER: usize = 8 * 1024;

impl ValidationItem {
    /// The `sl-violations` header: the items as a JSON array in ASCII (other characters as `\uXXXX`),
    /// each location led by `"request"` as Prism's are, as many as fit in [`MAX_VIOLATIONS_HEADER`] bytes,
    /// then one item saying how many were left out.
    pub fn header_value(items: &[ValidationItem]) -> HeaderValue {
        let mut text = String::from("[");
        for (index, item) in items.iter().enumerate() {
            let entry = ascii_json(&item.to_json_in_request());
            // Room is kept for the closing item.
            if text.len() + entry.len() + 200 > MAX_VIOLATIONS_HEADER {
                let left_out = ValidationItem {
                    location: Vec::new(),
                    code: "limit".into(),
                    message: format!(
                        "{} more violations not listed in this header",
                        items.len() - index
                    ),
                    spec: None,
                };
                if index > 0 {
                    text.push(',');
                }
                text.push_str(&ascii_json(&left_out.to_json_in_request()));
                break;
            }
            if index > 0 {
                text.push(',');
            }
            text.push_str(&entry);
        }
        text.push(']');
        // ASCII JSON has no control characters (they are escaped), so it is always a valid header value.
        HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("[]"))
    }

    /// As listed in a problem document's `validation`.
    pub fn to_json(&self) -> Value {
        json!({
            "location": self.location,
            "severity": "Error",
            "code": self.code.to_json(),
            "message": self.message,
        })
    }

    /// As listed in `sl-violations`: the location led by `"request"`.
    fn to_json_in_request(&self) -> Value {
        let mut item = self.to_json();
        let mut location = vec![Value::from("request")];
        location.extend(self.location.iter().map(|part| Value::from(part.as_str())));
        item["location"] = Value::Array(location);
        item
    }
}

/// JSON text with every character outside ASCII escaped as `\uXXXX` (in JSON text, such characters occur
/// only inside strings, where the escape means the same).
fn ascii_json(value: &Value) -> String {
    // serde_json escapes the control characters below space; DEL and everything past ASCII are left.
    let fits = |character: char| character.is_ascii() && character != '\x7f';
    let text = value.to_string();
    if text.chars().all(fits) {
        return text;
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for character in text.chars() {
        if fits(character) {
            escaped.push(character);
        } else {
            let mut units = [0u16; 2];
            for unit in character.encode_utf16(&mut units) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    escaped
}

/// A problem document ready to send.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Which error.
    pub kind: ProblemKind,
    /// What happened, for a person (`detail`).
    pub detail: String,
    /// Each violation, for a request that breaks its spec.
    pub validation: Vec<ValidationItem>,
}

impl Problem {
    /// A problem document with no violations listed.
    pub fn new(kind: ProblemKind, detail: impl Into<String>) -> Problem {
        Problem {
            kind,
            detail: detail.into(),
            validation: Vec::new(),
        }
    }

    /// The violations the document lists.
    pub fn with_validation(mut self, validation: Vec<ValidationItem>) -> Problem {
        self.validation = validation;
        self
    }

    /// The document as JSON: Prism's `type`, `title`, `status`, `detail` and `validation`.
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

    /// The response: its status, `application/problem+json`, and (but for an injected fault) the
    /// mock's refusal marker header.
    pub fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.to_json()).unwrap_or_default();
        let mut response = Response::new(Body::from(body));
        *response.status_mut() = self.kind.status();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        response.extensions_mut().insert(MockMade);
        if !matches!(self.kind, ProblemKind::Fault(_)) {
            response
                .headers_mut()
                .insert(REFUSAL_HEADER, HeaderValue::from_static(self.kind.code()));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(message: &str) -> ValidationItem {
        ValidationItem {
            location: vec!["body".into()],
            code: "type".into(),
            message: message.into(),
            spec: None,
        }
    }

    #[test]
    fn the_violations_header_is_ascii_json() {
        let items = vec![item("\"é…😀\u{7f}\" is not of type \"integer\"")];
        let header = ValidationItem::header_value(&items);
        let text = header.to_str().expect("visible ASCII");
        assert!(
            text.contains("\\u00e9\\u2026\\ud83d\\ude00\\u007f"),
            "{text}"
        );
        let parsed: Value = serde_json::from_str(text).unwrap();
        assert_eq!(parsed, json!([items[0].to_json_in_request()]));
        assert_eq!(parsed[0]["location"], json!(["request", "body"]));
    }

    #[test]
    fn the_violations_header_is_capped() {
        let items: Vec<ValidationItem> = (0..500).map(|i| item(&format!("{i:0>200}"))).collect();
        let header = ValidationItem::header_value(&items);
        assert!(header.len() <= MAX_VIOLATIONS_HEADER, "{}", header.len());
        let parsed: Vec<Value> = serde_json::from_slice(header.as_bytes()).unwrap();
        let listed = parsed.len() - 1;
        assert!(listed > 10, "{listed}");
        assert_eq!(
            parsed.last().unwrap()["message"],
            format!("{} more violations not listed in this header", 500 - listed)
        );
    }

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
            spec: None,
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
