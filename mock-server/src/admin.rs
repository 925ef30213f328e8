//! The mock's endpoints about sessions: `GET /__mock/requests` (the journal, filtered by `session`,
//! `operation`, `status` and `limit`) and `POST /__mock/reset` (one session back to the seeds, or all).
//! A session is named by the `session` query parameter, else the `X-Mock-Session` header; without either,
//! requests lists every session and reset resets every session.

use axum::body::Body;
use axum::http::{HeaderValue, Method, StatusCode, header, request::Parts};
use axum::response::Response;
use serde_json::json;

use crate::catalog::Catalog;
use crate::journal::{JournalFilter, StatusFilter};
use crate::problem::{Problem, ProblemKind};
use crate::server::AppState;
use crate::session::{SESSION_HEADER, check_session};

/// The answer to a request of these endpoints; `None` for any other request.
pub(crate) async fn answer(
    state: &AppState,
    _catalog: &Catalog,
    parts: &Parts,
) -> Option<Response> {
    let path = parts.uri.path();
    if !path.starts_with("/__mock/") {
        return None;
    }
    let response = match (path, &parts.method) {
        ("/__mock/requests", &Method::GET) => requests(state, parts).await,
        ("/__mock/reset", &Method::POST) => reset(state, parts).await,
        ("/__mock/requests" | "/__mock/reset", _) => {
            let allowed = if path == "/__mock/reset" {
                "POST"
            } else {
                "GET"
            };
            let mut response = Problem::new(
                ProblemKind::NoMethodMatched,
                format!("{path} answers {allowed} only"),
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(allowed));
            response
        }
        _ => return None,
    };
    Some(response)
}

/// The query's value of `name`.
fn query_value(parts: &Parts, name: &str) -> Option<String> {
    let query = parts.uri.query()?;
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

/// The session named by the query or the header, if any.
fn named_session(parts: &Parts) -> Result<Option<String>, Box<Response>> {
    let named = query_value(parts, "session").or_else(|| {
        parts
            .headers
            .get(SESSION_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_string())
    });
    match named {
        None => Ok(None),
        Some(name) => check_session(&name)
            .map(|name| Some(name.to_string()))
            .map_err(|bad| Box::new(bad_request(bad.0))),
    }
}

fn bad_request(detail: String) -> Response {
    Problem::new(ProblemKind::BadMockRequest, detail).into_response()
}

async fn requests(state: &AppState, parts: &Parts) -> Response {
    let session = match named_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let status = match query_value(parts, "status") {
        None => None,
        Some(text) => match StatusFilter::parse(&text) {
            Some(status) => Some(status),
            None => {
                return bad_request(format!(
                    "`status` is a status (404) or a class of them (4xx), not `{text}`"
                ));
            }
        },
    };
    let limit = match query_value(parts, "limit") {
        None => None,
        Some(text) => match text.parse::<usize>() {
            Ok(limit) => Some(limit),
            Err(_) => return bad_request(format!("`limit` is a number, not `{text}`")),
        },
    };
    let filter = JournalFilter {
        session,
        operation: query_value(parts, "operation"),
        status,
        limit,
    };
    match state.store.requests(&filter).await {
        Ok(entries) => json_response(StatusCode::OK, &json!({ "requests": entries })),
        Err(error) => Problem::new(
            ProblemKind::StoreUnavailable,
            format!("The journal cannot be read: {error}"),
        )
        .into_response(),
    }
}

async fn reset(state: &AppState, parts: &Parts) -> Response {
    let session = match named_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    match state.store.reset(session.as_deref()).await {
        Ok(()) => json_response(
            StatusCode::OK,
            &json!({ "reset": session.as_deref().map_or(json!("all"), |s| json!(s)) }),
        ),
        Err(error) => Problem::new(
            ProblemKind::StoreUnavailable,
            format!("The state cannot be reset: {error}"),
        )
        .into_response(),
    }
}

fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    let mut response = Response::new(Body::from(serde_json::to_vec(value).unwrap_or_default()));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}
