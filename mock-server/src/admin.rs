//! The mock's endpoints about sessions: `GET /__mock/requests` (the journal, filtered by `session`,
//! `operation`, `status` and `limit`), `POST /__mock/reset` (one session back to the seeds, or all), and a
//! session's plan: `/__mock/scenarios` (GET lists the session's scenarios and faults, POST sets a scenario,
//! DELETE removes them all) and `/__mock/faults` (GET, POST adds faults, DELETE removes them), and
//! `GET /__mock/coverage` (which documented responses were served, as JSON, text, JUnit or HTML), and the
//! dashboard at `GET /__mock/` (`dashboard/index.html`, which reads all of these).
//! A session is named by the `session` query parameter, else the `X-Mock-Session` header; without either,
//! requests lists every session and reset resets every session, and the plan endpoints use the default
//! session.

use axum::body::Body;
use axum::http::{HeaderValue, Method, StatusCode, header, request::Parts};
use axum::response::Response;
use serde_json::json;

use crate::catalog::Catalog;
use crate::faults::Fault;
use crate::journal::{JournalFilter, StatusFilter};
use crate::problem::{Problem, ProblemKind};
use crate::scenarios::{self, Scenario, ScenarioError, SessionPlan};
use crate::server::AppState;
use crate::session::{DEFAULT_SESSION, SESSION_HEADER, check_session};

/// Whether the request is for one of these endpoints.
pub(crate) fn is_admin(parts: &Parts) -> bool {
    matches!(
        parts.uri.path(),
        "/__mock/"
            | "/__mock"
            | "/__mock/requests"
            | "/__mock/reset"
            | "/__mock/scenarios"
            | "/__mock/faults"
            | "/__mock/coverage"
    )
}

/// The answer to a request of these endpoints ([`is_admin`]).
pub(crate) async fn answer(
    state: &AppState,
    catalog: &Catalog,
    parts: &Parts,
    body: axum::body::Body,
) -> Response {
    let path = parts.uri.path();
    match (path, &parts.method) {
        ("/__mock/" | "/__mock", &Method::GET) => dashboard(),
        ("/__mock/requests", &Method::GET) => requests(state, parts).await,
        ("/__mock/reset", &Method::POST) => reset(state, parts).await,
        ("/__mock/scenarios" | "/__mock/faults", &Method::GET) => show_plan(state, parts).await,
        ("/__mock/coverage", &Method::GET) => coverage(state, catalog, parts).await,
        ("/__mock/scenarios" | "/__mock/faults", &Method::POST) => {
            let body = match axum::body::to_bytes(body, MAX_PLAN_BYTES).await {
                Ok(body) => body,
                Err(_) => {
                    return bad_request(format!(
                        "the body is over {MAX_PLAN_BYTES} bytes, or did not arrive whole"
                    ));
                }
            };
            if path == "/__mock/scenarios" {
                add_scenario(state, catalog, parts, &body).await
            } else {
                add_faults(state, catalog, parts, &body).await
            }
        }
        ("/__mock/scenarios" | "/__mock/faults", &Method::DELETE) => {
            clear_plan(state, parts, path == "/__mock/scenarios").await
        }
        ("/__mock/scenarios" | "/__mock/faults", _) => {
            let mut response = Problem::new(
                ProblemKind::NoMethodMatched,
                format!("{path} answers GET, POST and DELETE"),
            )
            .into_response();
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET, POST, DELETE"));
            response
        }
        ("/__mock/requests" | "/__mock/reset" | "/__mock/coverage", _) => {
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
        _ => Problem::new(
            ProblemKind::NoPathMatched,
            format!("{path} is not one of the mock's endpoints"),
        )
        .into_response(),
    }
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

/// The largest body `POST /__mock/scenarios` and `/__mock/faults` read.
const MAX_PLAN_BYTES: usize = 1024 * 1024;

/// The session a plan endpoint acts on: the named one, else the default session.
fn plan_session(parts: &Parts) -> Result<String, Box<Response>> {
    Ok(named_session(parts)?.unwrap_or_else(|| DEFAULT_SESSION.to_string()))
}

async fn current_plan(state: &AppState, session: &str) -> Result<SessionPlan, Response> {
    match state.store.plan(session).await {
        Ok(plan) => Ok(plan.map(|p| (*p).clone()).unwrap_or_default()),
        Err(error) => Err(unavailable(&error.to_string())),
    }
}

fn unavailable(error: &str) -> Response {
    Problem::new(
        ProblemKind::StoreUnavailable,
        format!("The session's scenarios cannot be read or written: {error}"),
    )
    .into_response()
}

async fn show_plan(state: &AppState, parts: &Parts) -> Response {
    let session = match plan_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    match current_plan(state, &session).await {
        Ok(plan) => json_response(
            StatusCode::OK,
            &json!({
                "session": session,
                "scenarios": plan.scenarios,
                "faults": plan.faults,
                "every_session": {"faults": state.faults, "seed": state.seed},
            }),
        ),
        Err(response) => response,
    }
}

/// A scenario refused: 422 with the reason and, for a body, each violation.
fn refused(error: &ScenarioError) -> Response {
    let mut response = json_response(StatusCode::UNPROCESSABLE_ENTITY, &json!(error));
    response.headers_mut().insert(
        crate::problem::REFUSAL_HEADER,
        HeaderValue::from_static("UNPROCESSABLE_ENTITY"),
    );
    response
}

async fn add_scenario(state: &AppState, catalog: &Catalog, parts: &Parts, body: &[u8]) -> Response {
    let session = match plan_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let scenario: Scenario = match serde_json::from_slice(body) {
        Ok(scenario) => scenario,
        Err(error) => {
            return bad_request(format!(
                "the body is not a scenario ({error}); send {{\"operation\": \"spec.operationId\", \"respond\": [{{\"status\": 429}}, {{\"status\": 200}}]}}"
            ));
        }
    };
    let scenario = match scenarios::checked(catalog, scenario) {
        Ok(scenario) => scenario,
        Err(error) => return refused(&error),
    };
    let stored = scenario.clone();
    match state
        .store
        .change_plan(&session, |plan| plan.set_scenario(stored))
        .await
    {
        Ok(_) => json_response(
            StatusCode::CREATED,
            &json!({"session": session, "scenario": scenario}),
        ),
        Err(error) => unavailable(&error.to_string()),
    }
}

/// Faults, as one text (`"status=503,count=2"`), a list of them, or `{"faults": [...]}`.
#[derive(serde::Deserialize)]
#[serde(untagged)]
enum FaultsBody {
    One(Fault),
    Many(Vec<Fault>),
    Named { faults: Vec<Fault> },
}

async fn add_faults(state: &AppState, catalog: &Catalog, parts: &Parts, body: &[u8]) -> Response {
    let session = match plan_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let faults = match serde_json::from_slice::<FaultsBody>(body) {
        Ok(FaultsBody::One(fault)) => vec![fault],
        Ok(FaultsBody::Many(faults) | FaultsBody::Named { faults }) => faults,
        Err(_) => {
            // Say what is wrong with the first fault text that does not read.
            let texts: Vec<String> = match serde_json::from_slice::<serde_json::Value>(body) {
                Ok(serde_json::Value::String(text)) => vec![text],
                Ok(serde_json::Value::Array(items)) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect(),
                Ok(value) => value["faults"]
                    .as_array()
                    .map(|items| {
                        items
                            .iter()
                            .filter_map(|i| i.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            };
            let reason = texts
                .iter()
                .find_map(|text| Fault::parse(text).err())
                .map_or_else(
                    || "send a fault text such as \"status=503,count=2\", a list of them, or {\"faults\": [...]}".to_string(),
                    |error| error.0,
                );
            return bad_request(format!("the body is not a fault: {reason}"));
        }
    };
    let faults = match faults
        .into_iter()
        .map(|fault| scenarios::checked_fault(catalog, fault))
        .collect::<Result<Vec<Fault>, _>>()
    {
        Ok(faults) => faults,
        Err(error) => return refused(&error),
    };
    match state
        .store
        .change_plan(&session, |plan| plan.faults.extend(faults))
        .await
    {
        Ok(plan) => json_response(
            StatusCode::CREATED,
            &json!({"session": session, "faults": plan.faults}),
        ),
        Err(error) => unavailable(&error.to_string()),
    }
}

/// Removes the session's scenarios (`/__mock/scenarios`) or faults (`/__mock/faults`).
async fn clear_plan(state: &AppState, parts: &Parts, scenarios: bool) -> Response {
    let session = match plan_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let cleared = state
        .store
        .change_plan(&session, |plan| {
            if scenarios {
                plan.scenarios.clear();
            } else {
                plan.faults.clear();
            }
        })
        .await;
    match cleared {
        Ok(_) => json_response(
            StatusCode::OK,
            &json!({"session": session, "cleared": if scenarios { "scenarios" } else { "faults" }}),
        ),
        Err(error) => unavailable(&error.to_string()),
    }
}

/// `GET /__mock/coverage?session=S&format=json|text|junit|html`: one session's coverage, or every
/// session's together.
async fn coverage(state: &AppState, catalog: &Catalog, parts: &Parts) -> Response {
    let session = match named_session(parts) {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let counts = match state.store.served(session.as_deref()).await {
        Ok(counts) => counts,
        Err(error) => return unavailable(&error.to_string()),
    };
    let report = crate::coverage::report(catalog, &counts, session);
    let (body, content_type) = match query_value(parts, "format").as_deref() {
        None | Some("json") => (
            serde_json::to_vec(&report).unwrap_or_default(),
            "application/json",
        ),
        Some("text") => (report.to_text().into_bytes(), "text/plain; charset=utf-8"),
        Some("junit") => (report.to_junit().into_bytes(), "application/xml"),
        Some("html") => (report.to_html().into_bytes(), "text/html; charset=utf-8"),
        Some(other) => {
            return bad_request(format!(
                "`format` is json, text, junit or html, not `{other}`"
            ));
        }
    };
    let mut response = Response::new(Body::from(body));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn bad_request(detail: String) -> Response {
    Problem::new(ProblemKind::BadMockRequest, detail).into_response()
}

/// The dashboard: one page with its styles and script inside, nothing fetched from elsewhere.
fn dashboard() -> Response {
    let mut response = Response::new(Body::from(include_str!("dashboard/index.html")));
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
        ),
    );
    response
}

async fn requests(state: &AppState, parts: &Parts) -> Response {
    if query_value(parts, "watch").is_some() {
        state.watched();
    }
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

/// `GET /__mock/health` and `GET /__mock/routes` (with each operation's state mapping when stateful).
pub(crate) fn mock_endpoint(catalog: &Catalog, parts: &Parts, stateful: bool) -> Option<Response> {
    let body = match parts.uri.path() {
        "/__mock/health" => catalog.health_json.clone(),
        "/__mock/routes" if stateful => catalog.state.routes_json.clone(),
        "/__mock/routes" => catalog.routes_json.clone(),
        _ => return None,
    };
    let mut response = Response::new(Body::from(body));
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Some(response)
}
