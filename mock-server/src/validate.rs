//! Request validation against the operation's spec: security, path, query, header and cookie parameters,
//! and the request body (content type, then JSON schema). Reads the request and the catalog only; what to
//! answer for a failure is `select`'s business.

use std::borrow::Cow;
use std::sync::Arc;

use apispec::{ArrayEncoding, ObjectEncoding, ParamLocation, SchemaValidator, Violation};
use axum::http::{HeaderMap, header};
use serde_json::{Map, Value};

use apispec::media::wildcard_covers;
use apispec::media_type_essence;
use apispec::path_template::{Segment, match_mixed};

use apispec::quote::{MAX_QUOTED, cut_text};

use crate::catalog::{BodyCheck, MockOperation, ParamCheck, RequiredCredential, ValueKind};
use crate::form;
use crate::problem::{ValidationItem, ViolationCode};

/// Which kind of failure decides the response (Prism's order: security, then content type, then the rest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// A security requirement is not met → 401.
    Security,
    /// The body's content type is not one the operation accepts → 415.
    ContentType,
    /// Anything else → 422.
    Invalid,
    /// The body is over the server's limit → 413.
    TooLarge,
}

/// The request as validation sees it.
#[derive(Debug)]
pub struct RequestView<'r> {
    /// The request's headers.
    pub headers: &'r HeaderMap,
    /// The request path's segments, percent-decoded.
    pub segments: &'r [Cow<'r, str>],
    /// Decoded query pairs.
    pub query: &'r [(Cow<'r, str>, Cow<'r, str>)],
    /// The request's body, as received.
    pub body: &'r [u8],
}

/// Why a request is refused: what kind of failure it is, and every violation found.
#[derive(Debug)]
pub struct Rejection {
    /// What kind of failure (security, content type, invalid).
    pub kind: FailureKind,
    /// At most [`MAX_VIOLATIONS`], then one item saying more were found.
    pub violations: Vec<ValidationItem>,
}

/// The most violations one answer lists: a body of a million bad items gets a short answer, quickly.
pub const MAX_VIOLATIONS: usize = 100;

/// The violations found so far, at most [`MAX_VIOLATIONS`]; past that, only the fact that there are more.
#[derive(Debug, Default)]
struct Found {
    items: Vec<ValidationItem>,
    more: bool,
}

impl Found {
    fn room(&self) -> usize {
        MAX_VIOLATIONS - self.items.len()
    }

    /// Says where in the spec the rule is for the items pushed since `from`.
    fn written_at(&mut self, from: usize, pointer: &Arc<str>) {
        for item in self.items.iter_mut().skip(from) {
            item.spec.get_or_insert_with(|| pointer.clone());
        }
    }

    fn push(&mut self, item: ValidationItem) {
        if self.items.len() < MAX_VIOLATIONS {
            self.items.push(item);
        } else {
            self.more = true;
        }
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn into_items(mut self) -> Vec<ValidationItem> {
        if self.more {
            self.items.push(ValidationItem {
                location: Vec::new(),
                code: "limit".into(),
                message: format!("More violations not listed: only the first {MAX_VIOLATIONS} are"),
                spec: None,
            });
        }
        self.items
    }
}

/// Checks the request; `Ok` when it meets the spec.
pub fn validate_request(op: &MockOperation, request: &RequestView<'_>) -> Result<(), Rejection> {
    if !security_satisfied(op, request) {
        return Err(Rejection {
            kind: FailureKind::Security,
            violations: vec![ValidationItem {
                location: Vec::new(),
                code: ViolationCode::Status(401),
                message: "Invalid security scheme used: the request carries none of the credentials the operation requires".into(),
                spec: Some(format!("{}/security", op.pointer).into()),
            }],
        });
    }
    let mut found = Found::default();
    for param in &op.parameters {
        let before = found.items.len();
        check_parameter(op, param, request, &mut found);
        found.written_at(before, &param.pointer);
    }
    if let Some(body) = &op.body {
        let before = found.items.len();
        let checked = check_body(body, request, &mut found);
        found.written_at(before, &body.pointer);
        if let Err(kind) = checked {
            return Err(Rejection {
                kind,
                violations: found.into_items(),
            });
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        Err(Rejection {
            kind: FailureKind::Invalid,
            violations: found.into_items(),
        })
    }
}

fn security_satisfied(op: &MockOperation, request: &RequestView<'_>) -> bool {
    op.security.is_empty()
        || op.security.iter().any(|alternative| {
            alternative
                .iter()
                .all(|credential| has_credential(credential, request))
        })
}

fn has_credential(credential: &RequiredCredential, request: &RequestView<'_>) -> bool {
    crate::credentials::presented(&credential.placement, request.headers, request.query)
        .is_some_and(|value| !value.trim().is_empty())
}

fn check_parameter(
    op: &MockOperation,
    param: &ParamCheck,
    request: &RequestView<'_>,
    violations: &mut Found,
) {
    let location = param.location.as_str();
    let values: Vec<Value> = match param.location {
        ParamLocation::Path => path_value(op, param, request)
            .map(|text| parameter_value(&text, param))
            .into_iter()
            .collect(),
        ParamLocation::Query => query_values(param, request),
        ParamLocation::Header => param
            .header
            .as_ref()
            .and_then(|name| request.headers.get(name))
            .map(|value| parameter_value(&String::from_utf8_lossy(value.as_bytes()), param))
            .into_iter()
            .collect(),
        ParamLocation::Cookie => crate::credentials::cookie(request.headers, &param.name)
            .map(|text| parameter_value(text, param))
            .into_iter()
            .collect(),
    };
    let shown_name = match param.location {
        ParamLocation::Header => param.name.to_ascii_lowercase(),
        _ => param.name.clone(),
    };
    let described = match param.location {
        ParamLocation::Query => "query parameter",
        ParamLocation::Path => "path parameter",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    };
    if values.is_empty() {
        if param.required {
            violations.push(ValidationItem {
                location: vec![location.into()],
                code: "required".into(),
                message: format!("Request {described} must have required property '{shown_name}'"),
                spec: None,
            });
        }
        return;
    }
    if values.len() > 1 {
        violations.push(ValidationItem {
            location: vec![location.into(), shown_name.clone()],
            code: "type".into(),
            message: format!(
                "Request {described} '{shown_name}' is given {} times; its schema takes one value",
                values.len()
            ),
            spec: None,
        });
    }
    if let Some(validator) = &param.validator {
        for value in &values {
            add_violations(
                validator,
                value,
                &[location, shown_name.as_str()],
                violations,
            );
        }
    }
}

/// The values of a query parameter: an array gathers every occurrence (one item each when exploded,
/// else each split at its delimiter); anything else gives one value per occurrence, so a scalar given
/// twice is seen twice.
fn query_values(param: &ParamCheck, request: &RequestView<'_>) -> Vec<Value> {
    if let ValueKind::Object(properties) = &param.kind {
        match param.object_encoding {
            ObjectEncoding::Exploded => return exploded_object(properties, request),
            ObjectEncoding::DeepObject => return deep_object(&param.name, properties, request),
            ObjectEncoding::Pairs | ObjectEncoding::Assignments => {}
        }
    }
    let given: Vec<&str> = request
        .query
        .iter()
        .filter(|(key, _)| key == param.name.as_str())
        .map(|(_, value)| value.as_ref())
        .collect();
    if given.is_empty() {
        return Vec::new();
    }
    match &param.kind {
        ValueKind::Array(item) => {
            let items = match param.array_encoding {
                ArrayEncoding::Repeated => given.iter().map(|text| coerce(text, item)).collect(),
                ArrayEncoding::Delimited(delimiter) => given
                    .iter()
                    .flat_map(|text| text.split(delimiter))
                    .map(|text| coerce(text, item))
                    .collect(),
            };
            vec![Value::Array(items)]
        }
        _ => given
            .iter()
            .map(|text| parameter_value(text, param))
            .collect(),
    }
}

/// A form-exploded object: its properties are query parameters of their own (`?status=open&limit=3`);
/// absent when none of them is given.
fn exploded_object(properties: &[(String, ValueKind)], request: &RequestView<'_>) -> Vec<Value> {
    let mut object = Map::new();
    for (key, text) in request.query {
        if let Some((name, kind)) = properties.iter().find(|(name, _)| name == key.as_ref())
            && !object.contains_key(name)
        {
            object.insert(name.clone(), coerce(text, kind));
        }
    }
    if object.is_empty() {
        Vec::new()
    } else {
        vec![Value::Object(object)]
    }
}

/// A `deepObject`: `?filter[status]=open&filter[limit]=3`, properties the schema does not name included
/// (as text) so that `additionalProperties` applies; absent when no key has the parameter's name.
fn deep_object(
    name: &str,
    properties: &[(String, ValueKind)],
    request: &RequestView<'_>,
) -> Vec<Value> {
    let mut object = Map::new();
    for (key, text) in request.query {
        let Some(property) = key
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.strip_suffix(']'))
        else {
            continue;
        };
        if object.contains_key(property) {
            continue;
        }
        let value = match properties.iter().find(|(known, _)| known == property) {
            Some((_, kind)) => coerce(text, kind),
            None => Value::String(text.to_string()),
        };
        object.insert(property.to_string(), value);
    }
    if object.is_empty() {
        Vec::new()
    } else {
        vec![Value::Object(object)]
    }
}

/// A parameter's value from its text: an object from its `name,value` pairs or `name=value` items, anything
/// else as [`coerce`] reads it.
fn parameter_value(text: &str, param: &ParamCheck) -> Value {
    let ValueKind::Object(properties) = &param.kind else {
        return coerce(text, &param.kind);
    };
    let kind_of = |name: &str| properties.iter().find(|(known, _)| known == name);
    let mut object = Map::new();
    let mut put = |name: &str, value: &str| {
        let value = match kind_of(name) {
            Some((_, kind)) => coerce(value, kind),
            None => Value::String(value.to_string()),
        };
        object.entry(name.to_string()).or_insert(value);
    };
    if param.object_encoding == ObjectEncoding::Assignments {
        for item in text.split(',') {
            let (name, value) = item.split_once('=').unwrap_or((item, ""));
            put(name, value);
        }
    } else {
        let mut parts = text.split(',');
        while let Some(name) = parts.next() {
            put(name, parts.next().unwrap_or(""));
        }
    }
    Value::Object(object)
}

/// The text of a path parameter, from the segment the route template puts it in.
fn path_value<'r>(
    op: &MockOperation,
    param: &ParamCheck,
    request: &'r RequestView<'r>,
) -> Option<Cow<'r, str>> {
    let (index, position) = param.path_position?;
    let text = request.segments.get(index)?;
    match op.segments.get(index)? {
        Segment::Mixed(parts) => match_mixed(parts, text)?
            .get(position)
            .map(|value| Cow::Owned(value.to_string())),
        _ => Some(Cow::Borrowed(text.as_ref())),
    }
}

/// Reads parameter text as the JSON its schema expects. Text that does not parse stays text, so the
/// validator reports it as the wrong type.
pub(crate) fn coerce(text: &str, kind: &ValueKind) -> Value {
    match kind {
        ValueKind::Integer => text
            .parse::<i64>()
            .map(Value::from)
            .or_else(|_| text.parse::<f64>().map(Value::from))
            .unwrap_or_else(|_| Value::String(text.to_string())),
        ValueKind::Number => text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(text.to_string())),
        ValueKind::Boolean => match text {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(text.to_string()),
        },
        ValueKind::Array(item) => {
            Value::Array(text.split(',').map(|part| coerce(part, item)).collect())
        }
        ValueKind::String | ValueKind::Object(_) | ValueKind::Other => {
            Value::String(text.to_string())
        }
    }
}

fn check_body(
    body: &BodyCheck,
    request: &RequestView<'_>,
    violations: &mut Found,
) -> Result<(), FailureKind> {
    if request.body.is_empty() {
        if body.required {
            violations.push(ValidationItem {
                location: vec!["body".into()],
                code: "required".into(),
                message: "Body parameter is required".into(),
                spec: None,
            });
        }
        return Ok(());
    }
    let content_type = request
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(media_type_essence);
    let content = match &content_type {
        Some(given) => body
            .contents
            .iter()
            .find(|content| wildcard_covers(&content.essence, given)),
        // No Content-Type: read it as the operation's JSON body, if it has one.
        None => body.contents.iter().find(|content| content.is_json),
    };
    let Some(content) = content else {
        let accepted: Vec<&str> = body.contents.iter().map(|c| c.essence.as_str()).collect();
        violations.push(ValidationItem {
            location: Vec::new(),
            code: ViolationCode::Status(415),
            message: format!(
                "Supported content types: {}; the request sent {}",
                accepted.join(", "),
                cut_text(content_type.as_deref().unwrap_or("none"), MAX_QUOTED)
            ),
            spec: None,
        });
        return Err(FailureKind::ContentType);
    };
    if let Some(fields) = &content.form_fields {
        let essence = content_type.as_deref().unwrap_or(&content.essence);
        match form::read(essence, request.headers, request.body, fields) {
            Err(error) => violations.push(ValidationItem {
                location: vec!["body".into()],
                code: "type".into(),
                message: format!("The request body is not a valid {essence} form: {error}"),
                spec: None,
            }),
            Ok(value) => {
                if let Some(validator) = &content.validator {
                    add_violations(validator, &value, &["body"], violations);
                }
            }
        }
        return Ok(());
    }
    if !content.is_json {
        return Ok(());
    }
    match serde_json::from_slice::<Value>(request.body) {
        Err(error) => violations.push(ValidationItem {
            location: vec!["body".into()],
            code: "type".into(),
            message: format!("The request body is not valid JSON: {error}"),
            spec: None,
        }),
        Ok(value) => {
            if let Some(validator) = &content.validator {
                add_violations(validator, &value, &["body"], violations);
            }
        }
    }
    Ok(())
}

fn add_violations(
    validator: &SchemaValidator,
    value: &Value,
    location: &[&str],
    violations: &mut Found,
) {
    if validator.is_valid(value) {
        return;
    }
    // One more than there is room for, to know whether some are left out.
    for Violation {
        instance_pointer,
        schema_pointer,
        message,
    } in validator.first_violations(value, violations.room() + 1)
    {
        let mut full: Vec<String> = location.iter().map(|s| s.to_string()).collect();
        full.extend(apispec::pointer::tokens(&instance_pointer));
        let keyword = schema_pointer.rsplit('/').next().unwrap_or_default();
        violations.push(ValidationItem {
            location: full,
            code: keyword.into(),
            message,
            spec: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_text_is_read_as_its_type() {
        assert_eq!(coerce("42", &ValueKind::Integer), Value::from(42));
        assert_eq!(coerce("4.5", &ValueKind::Integer), Value::from(4.5));
        assert_eq!(coerce("x", &ValueKind::Integer), Value::from("x"));
        assert_eq!(coerce("true", &ValueKind::Boolean), Value::Bool(true));
        assert_eq!(
            coerce("1,2", &ValueKind::Array(Box::new(ValueKind::Integer))),
            serde_json::json!([1, 2])
        );
        assert_eq!(coerce("007", &ValueKind::String), Value::from("007"));
    }

    #[test]
    fn media_type_wildcards() {
        assert!(wildcard_covers("application/json", "application/json"));
        assert!(wildcard_covers("application/*", "application/xml"));
        assert!(wildcard_covers("*/*", "text/plain"));
        assert!(!wildcard_covers("application/json", "text/plain"));
    }
}
