//! The request pipeline: [`handle`] takes every request (the mock's own endpoints aside), finds its
//! session and operation, then [`answer`] runs the steps in order — route, inject faults, read preferences,
//! read the body, validate, a scenario, the state, select the documented response — and the handler adds
//! CORS headers, logs one line and journals the request.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use apispec::Method;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, request::Parts};
use axum::response::Response;

use crate::admin::{self, mock_endpoint};
use crate::catalog::{Catalog, MockOperation};
use crate::cors::{add_cors_headers, is_preflight, preflight};
use crate::faults::{FaultKind, InjectedFault, TransportFault};
use crate::journal::{self, JournalEntry, Reason, RequestDetail, ServedExample, Verdict};
use crate::limits::{self, read_body};
use crate::preferences::{self, Preferences};
use crate::problem::{MockMade, Problem, ProblemKind, ValidationItem};
use crate::respond::{
    fault_status_response, faulty_body, invalid_request, method_not_allowed, no_path_matched,
    respond, scenario_response, state_response, store_unavailable, unread_body,
};
use crate::scenarios::SessionPlan;
use crate::server::AppState;
use crate::session::{BadSession, session_of};
use crate::state::engine::{self, StateRequest};
use crate::store::StoreError;
use apispec::path_template::split_path;

use crate::routing::RouteMatch;
use crate::select::select_response;
use crate::validate::{FailureKind, RequestView, validate_request};

/// What the log line and the journal say about a request.
pub(crate) struct Facts {
    /// Index of the matched operation in the catalog.
    pub(crate) operation: Option<usize>,
    pub(crate) validation: &'static str,
    /// The validation failure's kind and violations.
    pub(crate) failure: Option<(FailureKind, Vec<ValidationItem>)>,
    /// Bytes of request body read.
    pub(crate) body_bytes: usize,
    /// Faults that fired: latency to add, and a fault of the body to carry out.
    pub(crate) faults: Vec<InjectedFault>,
    pub(crate) delay: Duration,
    pub(crate) body_fault: Option<FaultKind>,
    /// The request body read (shared, not copied), for the journal's request detail.
    pub(crate) body: Bytes,
}

pub(crate) async fn handle(State(state): State<Arc<AppState>>, request: Request) -> Response {
    let started = Instant::now();
    let time = SystemTime::now();
    let catalog = state.catalog.load_full();
    let (parts, body) = request.into_parts();
    if parts.uri.path().starts_with("/__mock/") && admin::is_admin(&parts) {
        return Box::pin(admin::answer(&state, &catalog, &parts, body)).await;
    }
    let session = match session_of(&parts.headers) {
        Ok(session) => session.to_string(),
        Err(BadSession(reason)) => {
            return Problem::new(ProblemKind::BadMockRequest, reason).into_response();
        }
    };
    let mut facts = Facts {
        operation: None,
        validation: "skipped",
        failure: None,
        body_bytes: 0,
        faults: Vec::new(),
        delay: Duration::ZERO,
        body_fault: None,
        body: Bytes::new(),
    };
    let mut response = answer(&state, &catalog, &parts, body, &session, &mut facts).await;
    if !facts.delay.is_zero() {
        tokio::time::sleep(facts.delay).await;
    }
    if let Some(fault) = facts.body_fault.take() {
        response = faulty_body(response, &fault).await;
    }
    limits::release_after_body(facts.body_bytes);
    if state.cors
        && let Some(origin) = parts.headers.get(header::ORIGIN)
    {
        add_cors_headers(response.headers_mut(), origin);
    }
    tracing::info!(
        method = %parts.method,
        path = parts.uri.path(),
        operation = facts
            .operation
            .map_or("-", |index| catalog.operations[index].label.as_str()),
        status = response.status().as_u16(),
        validation = facts.validation,
        latency_us = started.elapsed().as_micros() as u64,
        "request"
    );
    if state.journal {
        let detail = state
            .keeps_details()
            .then(|| RequestDetail::capture(&parts.headers, &facts.body));
        let mut entry = journal_entry(
            &catalog,
            &parts,
            &mut response,
            facts,
            session,
            time,
            started,
        );
        entry.request = detail;
        state.store.record(entry).await;
    }
    response
}

/// The journal's account of one request.
pub(crate) fn journal_entry(
    catalog: &Catalog,
    parts: &Parts,
    response: &mut Response,
    facts: Facts,
    session: String,
    time: SystemTime,
    started: Instant,
) -> JournalEntry {
    let op = facts.operation.map(|index| &catalog.operations[index]);
    let (verdict, failure, violations) = match facts.failure {
        Some((kind, violations)) => (
            Verdict::Failed,
            Some(
                match kind {
                    FailureKind::Security => "security",
                    FailureKind::ContentType => "content type",
                    FailureKind::Invalid => "invalid",
                    FailureKind::TooLarge => "too large",
                }
                .to_string(),
            ),
            violations.iter().map(journal::Violation::from).collect(),
        ),
        None if facts.validation == "passed" => (Verdict::Passed, None, Vec::new()),
        None => (Verdict::Skipped, None, Vec::new()),
    };
    // Taken from the response, not copied: the journal is the last to read it.
    let reason = response
        .extensions_mut()
        .remove::<Reason>()
        .unwrap_or(match op {
            Some(_) => Reason::Default,
            None => Reason::Routing,
        });
    let broken = response.extensions().get::<TransportFault>().is_some();
    JournalEntry {
        sequence: 0,
        time: journal::Timestamp(time),
        session,
        method: parts.method.clone(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        spec: op.map(|op| catalog.specs[op.spec].name.clone()),
        operation: op.map(|op| op.operation_id.clone()),
        validation: journal::Validation {
            verdict,
            failure,
            violations,
        },
        // A connection reset or closed instead of answered sent no status.
        status: if broken {
            0
        } else {
            response.status().as_u16()
        },
        documented: op.is_some() && !broken && response.extensions().get::<MockMade>().is_none(),
        example: response
            .extensions()
            .get::<ServedExample>()
            .map(|served| served.0.clone()),
        reason,
        latency_us: started.elapsed().as_micros() as u64,
        faults: facts.faults,
        request: None,
    }
}

/// Marks a response with why it was chosen, for the journal.
pub(crate) fn because(mut response: Response, reason: Reason) -> Response {
    response.extensions_mut().insert(reason);
    response
}

pub(crate) async fn answer(
    state: &AppState,
    catalog: &Catalog,
    parts: &Parts,
    body: Body,
    session: &str,
    facts: &mut Facts,
) -> Response {
    match steps(state, catalog, parts, body, session, facts).await {
        Ok(response) => response,
        Err(early) => *early,
    }
}

/// A step's answer that ends the pipeline early (boxed: a response is large, and most requests pass
/// every step).
type Early = Box<Response>;

fn early(response: Response) -> Early {
    Box::new(response)
}

/// The pipeline, one named step per line: each step passes the request on, or answers it (`Err`, or an
/// `Ok(Some(..))` from a step that may answer).
async fn steps(
    state: &AppState,
    catalog: &Catalog,
    parts: &Parts,
    body: Body,
    session: &str,
    facts: &mut Facts,
) -> Result<Response, Early> {
    if let Some(response) = own_endpoint(state, catalog, parts) {
        return Ok(response);
    }
    let (index, op) = route(catalog, parts)?;
    facts.operation = Some(index);
    let plan = state
        .store
        .plan(session)
        .await
        .map_err(|e| early(store_unavailable(&e)))?;
    if let Some(response) =
        inject_faults(state, catalog, op, parts, session, plan.as_deref(), facts)
            .await
            .map_err(|e| early(store_unavailable(&e)))?
    {
        return Ok(response);
    }
    let preferences = preferences_of(parts)?;
    // The state decides only what the client leaves to the mock.
    let stateful = state.stateful && preferences.is_empty();
    let body = request_body(state, catalog, op, parts, body, stateful, facts).await?;
    let segments: Vec<Cow<'_, str>> = split_path(parts.uri.path()).map(percent_decode).collect();
    let query: Vec<(Cow<'_, str>, Cow<'_, str>)> = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).collect())
        .unwrap_or_default();
    if state.validate_requests {
        let view = RequestView {
            headers: &parts.headers,
            segments: &segments,
            query: &query,
            body: &body,
        };
        validate(state, catalog, op, parts, &view, facts)?;
    }
    if preferences.is_empty()
        && let Some(response) =
            from_scenario(state, catalog, op, parts, session, plan.as_deref()).await?
    {
        return Ok(response);
    }
    if stateful {
        let request = StateRequest {
            session,
            segments: &segments,
            query: &query,
            body: serde_json::from_slice(&body).ok(),
        };
        if let Some(response) = from_state(state, catalog, index, op, parts, &request).await? {
            return Ok(response);
        }
    }
    Ok(documented(catalog, op, parts, &preferences))
}

/// The mock's own read-only endpoints (`/__mock/health`, `/__mock/routes`) and CORS preflights.
fn own_endpoint(state: &AppState, catalog: &Catalog, parts: &Parts) -> Option<Response> {
    if let Some(response) = mock_endpoint(catalog, parts, state.stateful) {
        return Some(response);
    }
    (state.cors && is_preflight(parts)).then(|| preflight(parts))
}

/// The operation the request is for: 404 for no path, 405 for a method the path lacks. `HEAD` is answered
/// like `GET` where the spec documents only `GET` (the body is dropped on the wire).
fn route<'c>(catalog: &'c Catalog, parts: &Parts) -> Result<(usize, &'c MockOperation), Early> {
    let path = parts.uri.path();
    let Some(method) = method_of(&parts.method) else {
        return Err(early(match catalog.router.find_undescribed(path) {
            RouteMatch::MethodNotAllowed(allowed) => method_not_allowed(parts, &allowed),
            _ => no_path_matched(path),
        }));
    };
    let query = parts.uri.query();
    let mut found = catalog.router.find(path, query, method);
    if method == Method::Head
        && !matches!(found, RouteMatch::Found(_))
        && let RouteMatch::Found(get) = catalog.router.find(path, query, Method::Get)
    {
        found = RouteMatch::Found(get);
    }
    match found {
        RouteMatch::Found(index) => Ok((index, &catalog.operations[index])),
        RouteMatch::NotFound => Err(early(no_path_matched(path))),
        RouteMatch::MethodNotAllowed(allowed) => Err(early(method_not_allowed(parts, &allowed))),
    }
}

/// The client's `Prefer` (or `__code`…); one the mock cannot honour is 422.
fn preferences_of(parts: &Parts) -> Result<Preferences, Early> {
    read_preferences(parts).map_err(|error| {
        early(because(
            Problem::new(ProblemKind::UnprocessableEntity, error.message).into_response(),
            Reason::Prefer,
        ))
    })
}

/// The request body, read when it is validated or the state needs it; one over the limit, late or
/// unreadable is answered.
async fn request_body(
    state: &AppState,
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    body: Body,
    stateful: bool,
    facts: &mut Facts,
) -> Result<Bytes, Early> {
    if op.body.is_none() || !(state.validate_requests || stateful) {
        return Ok(Bytes::new());
    }
    match read_body(body, &parts.headers, &state.limits).await {
        Ok(bytes) => {
            facts.body_bytes = bytes.len();
            facts.body = bytes.clone();
            Ok(bytes)
        }
        Err(error) => Err(early(unread_body(catalog, op, parts, error, facts))),
    }
}

/// Credentials (their values, when valid ones are configured), then the request against the spec; a
/// failure gets the spec's own answer for it.
fn validate(
    state: &AppState,
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    view: &RequestView<'_>,
    facts: &mut Facts,
) -> Result<(), Early> {
    let spec = &catalog.specs[op.spec].name;
    if let Err(violation) = state.credentials.check(spec, op, view.headers, view.query) {
        facts.validation = "failed: security";
        facts.failure = Some((FailureKind::Security, vec![violation.clone()]));
        return Err(early(because(
            invalid_request(catalog, op, parts, FailureKind::Security, vec![violation]),
            Reason::Validation,
        )));
    }
    facts.validation = "passed";
    if let Err(failure) = validate_request(op, view) {
        facts.validation = match failure.kind {
            FailureKind::Security => "failed: security",
            FailureKind::ContentType => "failed: content type",
            FailureKind::Invalid | FailureKind::TooLarge => "failed",
        };
        facts.failure = Some((failure.kind, failure.violations.clone()));
        return Err(early(because(
            invalid_request(catalog, op, parts, failure.kind, failure.violations),
            Reason::Validation,
        )));
    }
    Ok(())
}

/// The next step of the session's scenario for the operation, if it has one left.
async fn from_scenario(
    state: &AppState,
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    session: &str,
    plan: Option<&SessionPlan>,
) -> Result<Option<Response>, Early> {
    let Some(scenario) = plan.and_then(|p| p.scenario_of(&op.label)) else {
        return Ok(None);
    };
    let key = format!("scenario:{}", op.label);
    let served = state
        .store
        .next_count(session, &key)
        .await
        .map_err(|e| early(store_unavailable(&e)))?;
    Ok(scenario.step(served).map(|(at, step)| {
        let detail = format!("step {} of {}", at + 1, scenario.respond.len());
        because(
            scenario_response(catalog, op, parts, step),
            Reason::Scenario(detail),
        )
    }))
}

/// The session's state's answer, where the operation is stateful.
async fn from_state(
    state: &AppState,
    catalog: &Catalog,
    index: usize,
    op: &MockOperation,
    parts: &Parts,
    request: &StateRequest<'_>,
) -> Result<Option<Response>, Early> {
    let root = &catalog.specs[op.spec].schema_root;
    let answered = Box::pin(engine::answer(
        &catalog.state,
        index,
        root,
        &state.store,
        request,
    ))
    .await
    .map_err(|e| early(store_unavailable(&e)))?;
    Ok(answered.map(|answer| state_response(catalog, op, parts, answer)))
}

/// The documented response the preferences select (the default without any); a preferred code the
/// operation does not document is Prism's 404 problem document.
fn documented(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    preferences: &Preferences,
) -> Response {
    let reason = if preferences.is_empty() {
        Reason::Default
    } else {
        Reason::Prefer
    };
    match select_response(op, preferences) {
        Ok(selected) => because(respond(catalog, op, parts, selected, preferences), reason),
        Err(undefined) => because(
            Problem::new(
                ProblemKind::NotFound,
                format!(
                    "The operation {} documents no response for the code {} (nor its range, nor default)",
                    op.label, undefined.0
                ),
            )
            .into_response(),
            reason,
        ),
    }
}

/// Draws the faults that apply to `op` in this session (the command line's, then the session's own). A
/// status or a connection fault answers at once (its response is returned); latency and body faults are
/// left in `facts` for the handler to carry out on the answer.
pub(crate) async fn inject_faults(
    state: &AppState,
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    session: &str,
    plan: Option<&SessionPlan>,
    facts: &mut Facts,
) -> Result<Option<Response>, StoreError> {
    let session_faults = plan.map_or(&[][..], |plan| &plan.faults[..]);
    if state.faults.is_empty() && session_faults.is_empty() {
        return Ok(None);
    }
    // The counters' names: the command line's faults' made at start, a session's own made here.
    let everyone = state
        .faults
        .iter()
        .zip(&state.fault_keys)
        .enumerate()
        .map(|(i, (f, key))| (Cow::Borrowed(key.as_str()), i, f));
    let own = session_faults
        .iter()
        .enumerate()
        .map(|(i, f)| (Cow::Owned(format!("fault:own:{i}")), i, f));
    let mut answer = None;
    for (key, place, fault) in everyone.chain(own) {
        // A fault that cannot fire is not counted: it costs nothing and changes no other draw.
        if fault.probability <= 0.0 || !fault.applies_to(&op.label, &op.operation_id) {
            continue;
        }
        let seen = state.store.next_count(session, &key).await?;
        let Some(drawn) = fault.draw(state.seed, place, seen) else {
            continue;
        };
        if let Some(count) = fault.count {
            let fired = state
                .store
                .next_count(session, &format!("{key}:fired"))
                .await?;
            if fired >= count {
                continue;
            }
        }
        let injected = InjectedFault {
            fault: fault.to_string(),
            seed: fault.seed.unwrap_or(state.seed),
            draw: drawn.draw,
        };
        match &fault.kind {
            FaultKind::Latency(_) => facts.delay += drawn.delay,
            _ if answer.is_some() || facts.body_fault.is_some() => continue,
            FaultKind::Status(status) => {
                answer = Some(fault_status_response(catalog, op, parts, *status));
            }
            FaultKind::Reset | FaultKind::Empty => {
                let mut response = Response::new(Body::empty());
                response.extensions_mut().insert(match fault.kind {
                    FaultKind::Reset => TransportFault::Reset,
                    _ => TransportFault::Empty,
                });
                answer = Some(response);
            }
            FaultKind::Truncate | FaultKind::Drip(_) => {
                facts.body_fault = Some(fault.kind.clone());
            }
        }
        facts.faults.push(injected);
    }
    let Some(response) = answer else {
        // Latency and body faults change the answer the pipeline gives; the journal lists them.
        return Ok(None);
    };
    let shown: Vec<&str> = facts.faults.iter().map(|f| f.fault.as_str()).collect();
    Ok(Some(because(response, Reason::Fault(shown.join("; ")))))
}

pub(crate) fn read_preferences(parts: &Parts) -> Result<Preferences, preferences::PreferenceError> {
    let mut prefer = parts.headers.get_all("prefer").iter().peekable();
    if prefer.peek().is_none() {
        return preferences::from_query(parts.uri.query().unwrap_or(""));
    }
    let joined = prefer
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    preferences::from_prefer_header(&joined)
}

pub(crate) fn method_of(method: &axum::http::Method) -> Option<Method> {
    Method::ALL
        .into_iter()
        .find(|m| m.as_str() == method.as_str())
}

/// `%20` → ` `; invalid escapes stay as they are, invalid UTF-8 is replaced.
pub(crate) fn percent_decode(segment: &str) -> Cow<'_, str> {
    if !segment.contains('%') {
        return Cow::Borrowed(segment);
    }
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escape = (bytes[index] == b'%')
            .then(|| segment.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                index += 3;
            }
            None => {
                decoded.push(bytes[index]);
                index += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&decoded).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("a%20b"), "a b");
        assert_eq!(percent_decode("plain"), "plain");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
