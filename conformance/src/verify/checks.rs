//! The checks made on each response, named as Schemathesis names them. Each returns [`CheckFailure`]s that say
//! where (a JSON pointer into the response body, and the spec part the check compared against), what was
//! expected and what came.

use apispec::media::wildcard_covers;
use apispec::{Direction, Document, MediaContent, Operation, Response, SchemaSet};
use serde::Serialize;
use serde_json::Value;

use crate::check::{compact, schema_keyword};

/// A check made on a response, named as Schemathesis names it (`as_str`), so reports read the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Check {
    /// `not_a_server_error`: the status is below 500.
    NotAServerError,
    /// `status_code_conformance`: the status is one the operation documents.
    StatusCodeConformance,
    /// `content_type_conformance`: the body's media type is one the response documents.
    ContentTypeConformance,
    /// `response_headers_conformance`: the documented required headers are there and valid.
    ResponseHeadersConformance,
    /// `response_schema_conformance`: the body is valid against its documented schema.
    ResponseSchemaConformance,
    /// `ignored_auth`: a request without credentials is refused (401/403).
    IgnoredAuth,
    /// `negative_data_rejection`: a request that breaks the spec is refused (4xx).
    NegativeDataRejection,
    /// `use_after_free`: a deleted resource is gone (404 or 410 on the next GET).
    UseAfterFree,
    /// Not a Schemathesis check: the body was longer than `verify` reads ([`super::Options::max_response_bytes`]).
    ResponseSizeLimit,
}

impl Check {
    /// The check's name, as Schemathesis writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::NotAServerError => "not_a_server_error",
            Check::StatusCodeConformance => "status_code_conformance",
            Check::ContentTypeConformance => "content_type_conformance",
            Check::ResponseHeadersConformance => "response_headers_conformance",
            Check::ResponseSchemaConformance => "response_schema_conformance",
            Check::IgnoredAuth => "ignored_auth",
            Check::NegativeDataRejection => "negative_data_rejection",
            Check::UseAfterFree => "use_after_free",
            Check::ResponseSizeLimit => "response_size_limit",
        }
    }
}

impl std::fmt::Display for Check {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Check {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One check a response failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckFailure {
    /// The check that failed.
    pub rule: Check,
    /// What is wrong.
    pub message: String,
    /// JSON pointer into the response body (`/backups/0/id`), for body checks.
    pub pointer: Option<String>,
    /// The response header concerned, for header and content-type checks.
    pub header: Option<String>,
    /// JSON pointer (`#/paths/...`) of the spec part the response was compared with.
    pub spec_pointer: String,
    /// `file:line:column` of that part.
    pub spec_location: Option<String>,
    /// What the spec expects.
    pub expected: String,
    /// What the response has instead.
    pub actual: String,
}

impl CheckFailure {
    /// A failure of `rule` against the spec part at `spec_pointer` (without its `#`).
    pub fn new(
        rule: Check,
        spec_pointer: &str,
        message: impl Into<String>,
        expected: impl Into<String>,
        actual: impl Into<String>,
    ) -> CheckFailure {
        CheckFailure {
            rule,
            message: message.into(),
            pointer: None,
            header: None,
            spec_pointer: format!("#{spec_pointer}"),
            spec_location: None,
            expected: expected.into(),
            actual: actual.into(),
        }
    }
}

/// A response as received.
pub struct Received {
    /// The status.
    pub status: u16,
    /// The headers.
    pub headers: reqwest::header::HeaderMap,
    /// The body, at most as many bytes as `verify` reads.
    pub body: Vec<u8>,
}

impl Received {
    /// A header's value as text (invalid UTF-8 replaced), if the response has it.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    }

    fn body_excerpt(&self) -> String {
        let text = String::from_utf8_lossy(&self.body);
        let text = text.trim();
        if text.is_empty() {
            "an empty body".into()
        } else if text.chars().count() > 120 {
            format!("{}...", text.chars().take(117).collect::<String>())
        } else {
            text.to_string()
        }
    }
}

/// Every check of a response to a request that is valid for the spec.
pub fn positive_checks(
    doc: &Document,
    schemas: &SchemaSet,
    op: &Operation,
    received: &Received,
) -> Vec<CheckFailure> {
    let mut failures = Vec::new();
    if received.status >= 500 {
        failures.push(CheckFailure::new(
            Check::NotAServerError,
            &op.pointer,
            format!("the server failed with {}", received.status),
            "a status below 500",
            format!("{}: {}", received.status, received.body_excerpt()),
        ));
    }
    let Some(response) = op.response_for_status(received.status) else {
        let documented: Vec<String> = op.responses.iter().map(|r| r.status.to_string()).collect();
        failures.push(CheckFailure::new(
            Check::StatusCodeConformance,
            &apispec::pointer::join(&op.pointer, "responses"),
            format!("status {} is not documented", received.status),
            format!("one of {}", documented.join(", ")),
            received.status.to_string(),
        ));
        return failures;
    };
    header_checks(schemas, response, received, &mut failures);
    let Some(content) = content_check(response, received, &mut failures) else {
        return failures;
    };
    body_checks(doc, schemas, response, content, received, &mut failures);
    failures
}

/// The documented media type the response came as; a failure when it is not documented.
fn content_check<'r>(
    response: &'r Response,
    received: &Received,
    failures: &mut Vec<CheckFailure>,
) -> Option<&'r MediaContent> {
    if response.contents.is_empty() {
        return None;
    }
    let documented: Vec<&str> = response
        .contents
        .iter()
        .map(|c| c.media_type.as_str())
        .collect();
    let actual = received.header("content-type");
    let found = actual.as_deref().and_then(|actual| {
        response
            .contents
            .iter()
            .find(|c| wildcard_covers(&c.media_type, actual))
    });
    if found.is_none() {
        let mut failure = CheckFailure::new(
            Check::ContentTypeConformance,
            &apispec::pointer::join(&response.pointer, "content"),
            match &actual {
                Some(actual) => format!(
                    "content type {actual} is not documented for {}",
                    response.status
                ),
                None => format!("no Content-Type, but {} documents a body", response.status),
            },
            format!("one of {}", documented.join(", ")),
            actual.unwrap_or_else(|| "no Content-Type header".into()),
        );
        failure.header = Some("content-type".into());
        failures.push(failure);
    }
    found
}

fn header_checks(
    schemas: &SchemaSet,
    response: &Response,
    received: &Received,
    failures: &mut Vec<CheckFailure>,
) {
    for header in &response.headers {
        if header.name.eq_ignore_ascii_case("content-type") {
            continue;
        }
        let Some(value) = received.header(&header.name) else {
            if header.required {
                let mut failure = CheckFailure::new(
                    Check::ResponseHeadersConformance,
                    &header.pointer,
                    format!("required header {} is missing", header.name),
                    format!("a {} header", header.name),
                    "missing",
                );
                failure.header = Some(header.name.clone());
                failures.push(failure);
            }
            continue;
        };
        let Some(schema) = &header.schema else {
            continue;
        };
        let Ok(validator) = schemas.compile(&schema.schema, Direction::Response, &schema.pointer)
        else {
            continue;
        };
        // A header is text; the schema may describe it as a number or boolean written as text.
        let as_text = Value::String(value.clone());
        let parsed = serde_json::from_str::<Value>(&value).ok();
        let valid =
            validator.is_valid(&as_text) || parsed.as_ref().is_some_and(|v| validator.is_valid(v));
        if !valid {
            let violation = validator
                .violations(&as_text)
                .into_iter()
                .next()
                .map(|v| v.message)
                .unwrap_or_default();
            let mut failure = CheckFailure::new(
                Check::ResponseHeadersConformance,
                &schema.pointer,
                format!("header {} is invalid: {violation}", header.name),
                format!("a value valid for {}", compact(&schema.schema)),
                value,
            );
            failure.header = Some(header.name.clone());
            failures.push(failure);
        }
    }
}

fn body_checks(
    doc: &Document,
    schemas: &SchemaSet,
    response: &Response,
    content: &MediaContent,
    received: &Received,
    failures: &mut Vec<CheckFailure>,
) {
    let Some(schema) = &content.schema else {
        return;
    };
    if !content.is_json() {
        return;
    }
    let body: Value = match serde_json::from_slice(&received.body) {
        Ok(body) => body,
        Err(e) => {
            let mut failure = CheckFailure::new(
                Check::ResponseSchemaConformance,
                &schema.pointer,
                format!("the {} body is not JSON: {e}", response.status),
                format!("a JSON body ({})", content.media_type),
                received.body_excerpt(),
            );
            failure.pointer = Some(String::new());
            failures.push(failure);
            return;
        }
    };
    let Ok(validator) = schemas.compile(&schema.schema, Direction::Response, &schema.pointer)
    else {
        return;
    };
    for violation in validator.violations(&body) {
        let (keyword_pointer, keyword) =
            schema_keyword(doc, &schema.pointer, &violation.schema_pointer);
        let actual = match body.pointer(&violation.instance_pointer) {
            Some(value) => compact(value),
            None => "nothing".into(),
        };
        let mut failure = CheckFailure::new(
            Check::ResponseSchemaConformance,
            &keyword_pointer,
            format!(
                "the {} body breaks its schema: {}",
                response.status, violation.message
            ),
            keyword.unwrap_or_else(|| "a value valid for the schema".into()),
            actual,
        );
        failure.pointer = Some(violation.instance_pointer);
        failures.push(failure);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_match_by_essence_and_wildcards() {
        assert!(wildcard_covers(
            "application/json",
            "application/json; charset=utf-8"
        ));
        assert!(wildcard_covers("application/*", "application/problem+json"));
        assert!(wildcard_covers("*/*", "text/plain"));
        assert!(!wildcard_covers("application/json", "text/plain"));
        assert!(!wildcard_covers(
            "application/json",
            "application/problem+json"
        ));
    }
}
