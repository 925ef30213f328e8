//! Building responses: a selected documented response with its negotiated body ([`respond`]), a body the
//! state or a scenario gives, an injected fault's status or broken body, and the mock's own answers to what
//! it cannot serve (no route, no method, an invalid request, a body not read).

use std::time::Duration;

use apispec::Method;
use apispec::quote::{MAX_QUOTED, cut_text};
use axum::body::{Body, Bytes};
use axum::http::{HeaderName, HeaderValue, StatusCode, header, request::Parts};
use axum::response::Response;
use futures_util::StreamExt;

use crate::catalog::{Catalog, MockOperation};
use crate::faults::{DRIP_PIECE, FaultKind};
use crate::journal::{Reason, ServedExample};
use crate::limits::BodyReadError;
use crate::pipeline::{Facts, because, method_of};
use crate::preferences::Preferences;
use crate::problem::{Problem, ProblemKind, ValidationItem};
use crate::scenarios::Step;
use crate::state::engine::StateAnswer;
use crate::store::StoreError;

use crate::select::{
    BodyError, ChosenBody, Selected, negotiate, select_body, select_failure_response,
    select_response,
};
use crate::validate::FailureKind;

pub(crate) fn store_unavailable(error: &StoreError) -> Response {
    Problem::new(
        ProblemKind::StoreUnavailable,
        format!("The mock's state cannot be read: {error}"),
    )
    .into_response()
}

/// An injected status: the operation's documented response of it (with its `Retry-After` and other
/// headers), else a problem document with the status, and `Retry-After: 1` for 429 and 503.
pub(crate) fn fault_status_response(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    status: u16,
) -> Response {
    let preferences = Preferences {
        code: Some(status),
        ..Preferences::default()
    };
    match select_response(op, &preferences) {
        Ok(selected) => respond(catalog, op, parts, selected, &preferences),
        Err(_) => {
            let mut response = Problem::new(
                ProblemKind::Fault(status),
                format!(
                    "A fault injected the status {status}, which {} does not document",
                    op.label
                ),
            )
            .into_response();
            if status == 429 || status == 503 {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            }
            response
        }
    }
}

/// A scenario step's answer: the documented response of its status, with its example or its own body.
pub(crate) fn scenario_response(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    step: &Step,
) -> Response {
    let preferences = step.preferences();
    match select_response(op, &preferences) {
        Ok(selected) => {
            let mut response = match &step.body {
                Some(body) => respond_json(
                    catalog,
                    op,
                    parts,
                    selected,
                    Bytes::from(serde_json::to_vec(body).unwrap_or_default()),
                ),
                None => respond(catalog, op, parts, selected, &preferences),
            };
            for (name, value) in &step.headers {
                if let (Ok(name), Ok(value)) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(value),
                ) {
                    response.headers_mut().insert(name, value);
                }
            }
            response
        }
        // The spec changed under the scenario (`--watch`).
        Err(_) => Problem::new(
            ProblemKind::NotFound,
            format!(
                "The scenario asks {} for a {} response it no longer documents",
                op.label, step.status
            ),
        )
        .into_response(),
    }
}

/// The answer with a faulty body: cut short (the full length declared, half sent, then the connection
/// closed), or sent slowly in [`DRIP_PIECE`]-byte pieces.
pub(crate) async fn faulty_body(response: Response, fault: &FaultKind) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    parts.headers.insert(
        header::CONTENT_LENGTH,
        HeaderValue::from(bytes.len().max(1)),
    );
    let body = match fault {
        FaultKind::Drip(every) => {
            let every = *every;
            let pieces: Vec<Bytes> = bytes
                .chunks(DRIP_PIECE)
                .map(|piece| bytes.slice_ref(piece))
                .collect();
            let stream = futures_util::stream::iter(pieces.into_iter().enumerate()).then(
                move |(index, piece)| async move {
                    if index > 0 {
                        tokio::time::sleep(every).await;
                    }
                    Ok::<_, std::io::Error>(piece)
                },
            );
            Body::from_stream(stream)
        }
        _ => {
            let half = bytes.slice(..bytes.len() / 2);
            let pieces = futures_util::stream::iter([Some(half), None]).then(|piece| async move {
                match piece {
                    Some(half) => Ok(half),
                    None => {
                        // A pause first, so that the head and the half are on the wire before the close.
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        Err(std::io::Error::other("body cut short by an injected fault"))
                    }
                }
            });
            Body::from_stream(pieces)
        }
    };
    Response::from_parts(parts, body)
}

/// The response for what the state decided: the documented response of its status, with the state's
/// body where it gives one.
pub(crate) fn state_response(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    answer: StateAnswer,
) -> Response {
    let (response, detail) = match answer {
        StateAnswer::Problem { problem, detail } => (problem.into_response(), detail),
        StateAnswer::Documented {
            status,
            body,
            detail,
        } => {
            let preferences = Preferences {
                code: Some(status),
                ..Preferences::default()
            };
            let response = match select_response(op, &preferences) {
                Ok(selected) => match body {
                    Some(body) => respond_json(catalog, op, parts, selected, body),
                    None => respond(catalog, op, parts, selected, &preferences),
                },
                Err(_) => Problem::new(ProblemKind::NotFound, detail.clone()).into_response(),
            };
            (response, detail)
        }
    };
    because(response, Reason::State(detail))
}

/// A selected response with a JSON body the state built, when the client accepts the response's JSON;
/// otherwise the documented body, negotiated as usual.
pub(crate) fn respond_json(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    selected: Selected<'_>,
    body: Bytes,
) -> Response {
    let accept = parts
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    let content = match negotiate(&selected.response.contents, accept) {
        Some(content) if content.is_json => content,
        _ => {
            let preferences = Preferences {
                code: Some(selected.status),
                ..Preferences::default()
            };
            return respond(catalog, op, parts, selected, &preferences);
        }
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = StatusCode::from_u16(selected.status).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, content.content_type.clone());
    for (name, value) in &selected.response.headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}

pub(crate) fn no_path_matched(path: &str) -> Response {
    Problem::new(
        ProblemKind::NoPathMatched,
        format!(
            "The route {} hasn't been found in the specification files",
            cut_text(path, MAX_QUOTED)
        ),
    )
    .into_response()
}

/// 405 with `Allow` listing the path's documented methods, for any method the path lacks, including
/// those OpenAPI cannot describe (`QUERY`, `CONNECT`, lowercase `delete`).
pub(crate) fn method_not_allowed(parts: &Parts, allowed: &[Method]) -> Response {
    let allow = allowed
        .iter()
        .map(|m| m.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let method = cut_text(parts.method.as_str(), MAX_QUOTED);
    let path = cut_text(parts.uri.path(), MAX_QUOTED);
    let detail = if method_of(&parts.method).is_some() {
        format!("The route {path} has no {method} operation; it allows {allow}")
    } else {
        format!("The method {method} is not one OpenAPI describes; the route {path} allows {allow}")
    };
    let mut response = Problem::new(ProblemKind::NoMethodMatched, detail).into_response();
    if let Ok(value) = HeaderValue::from_str(&allow) {
        response.headers_mut().insert(header::ALLOW, value);
    }
    response
}

/// Builds the response for a selected documented response, negotiating its body.
pub(crate) fn respond(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    selected: Selected<'_>,
    preferences: &Preferences,
) -> Response {
    let accept = parts
        .headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok());
    let root = &catalog.specs[op.spec].schema_root;
    let chosen = match select_body(selected.response, accept, preferences, root) {
        Ok(chosen) => chosen,
        Err(BodyError::NotAcceptable { offered }) => {
            return Problem::new(
                ProblemKind::NotAcceptable,
                format!(
                    "Unable to find content for the accept header {}; the response offers {}",
                    cut_text(accept.unwrap_or(""), MAX_QUOTED),
                    offered.join(", ")
                ),
            )
            .into_response();
        }
        Err(BodyError::UnknownExample(name)) => {
            return Problem::new(
                ProblemKind::NotFound,
                format!(
                    "The {} response of {} has no example named `{}`",
                    selected.status,
                    op.label,
                    cut_text(&name, MAX_QUOTED)
                ),
            )
            .into_response();
        }
    };
    let mut response = match chosen {
        ChosenBody::Empty => Response::new(Body::empty()),
        ChosenBody::Content {
            content_type,
            body,
            example,
        } => {
            let mut response = Response::new(Body::from(body));
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, content_type);
            if let Some(example) = example {
                response.extensions_mut().insert(ServedExample(example));
            }
            response
        }
    };
    *response.status_mut() = StatusCode::from_u16(selected.status).unwrap_or(StatusCode::OK);
    let headers = response.headers_mut();
    for (name, value) in &selected.response.headers {
        headers.insert(name.clone(), value.clone());
    }
    response
}

/// The answer to a body that was not read: over the limit (the spec's own 413, else a problem document
/// saying the limit), not there in time (408), or unreadable (422).
pub(crate) fn unread_body(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    error: BodyReadError,
    facts: &mut Facts,
) -> Response {
    match error {
        BodyReadError::TooLarge { limit } => {
            facts.validation = "failed: body too large";
            facts.body_bytes = limit;
            let violation = ValidationItem {
                location: vec!["body".into()],
                code: "maxBodyBytes".into(),
                message: format!(
                    "The request body is over the mock server's limit of {limit} bytes (--max-body-bytes)"
                ),
                spec: None,
            };
            invalid_request(catalog, op, parts, FailureKind::TooLarge, vec![violation])
        }
        BodyReadError::TimedOut { after } => Problem::new(
            ProblemKind::RequestTimeout,
            format!(
                "The request body did not arrive whole within {} s (--body-read-timeout)",
                after.as_secs_f64()
            ),
        )
        .into_response(),
        BodyReadError::Unreadable(error) => Problem::new(
            ProblemKind::UnprocessableEntity,
            format!("The request body cannot be read: {error}"),
        )
        .into_response(),
    }
}

/// The answer to a request that breaks the spec: the spec's own response for it, else a problem document.
pub(crate) fn invalid_request(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    kind: FailureKind,
    violations: Vec<ValidationItem>,
) -> Response {
    let mut response = match select_failure_response(op, kind) {
        Some(selected) => {
            let mut response = respond(catalog, op, parts, selected, &Preferences::default());
            response.headers_mut().insert(
                HeaderName::from_static("sl-violations"),
                ValidationItem::header_value(&violations),
            );
            response
        }
        None => {
            let (problem_kind, detail) = match kind {
                FailureKind::Security => (
                    ProblemKind::Unauthorized,
                    "Your request does not fullfil the security requirements and no HTTP unauthorized response was found in the spec, so the mock server is generating this error for you.",
                ),
                FailureKind::ContentType => (
                    ProblemKind::InvalidContentType,
                    "Your request body has a content type the operation does not accept and no HTTP validation response was found in the spec, so the mock server is generating this error for you.",
                ),
                FailureKind::Invalid => (
                    ProblemKind::UnprocessableEntity,
                    "Your request is not valid and no HTTP validation response was found in the spec, so the mock server is generating this error for you.",
                ),
                FailureKind::TooLarge => (
                    ProblemKind::PayloadTooLarge,
                    "Your request body is larger than the mock server reads and no HTTP 413 response was found in the spec, so the mock server is generating this error for you.",
                ),
            };
            Problem::new(problem_kind, detail)
                .with_validation(violations)
                .into_response()
        }
    };
    if kind == FailureKind::Security {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, op.challenge.clone());
    }
    response
}
