//! `conformance verify`: contract-tests a live server against its spec.
//!
//! For every operation it sends each documented example request ([`request::example_cases`]) and checks
//! the response ([`checks`]). With `negative`, it also sends each operation's request without credentials
//! (`ignored_auth`), one request made invalid (`negative_data_rejection`) and, after a DELETE that
//! succeeded, a GET of the same resource (`use_after_free`).
//!
//! Requests run with bounded concurrency and a timeout each, in three phases so that nothing is deleted
//! before it is read: every non-DELETE request, then DELETE requests that must not succeed (negative ones),
//! then DELETEs with their follow-up GETs. The number of requests is fixed by the spec before any is sent.

pub mod checks;
pub mod request;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use apispec::source_map::SourceMap;
use apispec::{Direction, Document, Method, Operation, ParamLocation, SchemaSet};
use serde::Serialize;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use checks::{Check, CheckFailure, Received};
use request::{Credentials, ExampleCase, TestRequest};

/// How to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The server's base URL (the spec's paths go after it).
    pub target: String,
    /// What to send for each security scheme.
    pub credentials: Credentials,
    /// Also send the negative cases: no credentials, invalid data, a GET after a DELETE.
    pub negative: bool,
    /// How many requests are in flight at once.
    pub concurrency: usize,
    /// How long one request may take.
    pub timeout: Duration,
    /// Only these operationIds, when not empty.
    pub operations: Vec<String>,
    /// The most bytes of a response body read; a longer body fails its case ([`Check::ResponseSizeLimit`]).
    pub max_response_bytes: u64,
}

/// The default of [`Options::max_response_bytes`]: 16 MiB.
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 16 * 1024 * 1024;

/// What kind of request a case sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    /// A documented example request.
    Example,
    /// The example request without credentials.
    NoCredentials,
    /// The example request with one part made invalid.
    InvalidData,
    /// A GET of a resource after its DELETE succeeded.
    AfterDelete,
}

/// How a case ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Every check passed.
    Passed,
    /// A check failed.
    Failed,
    /// The request got no response (timeout, connection reset).
    Errored,
}

/// One request sent and what came of it.
#[derive(Debug, Clone, Serialize)]
pub struct CaseReport {
    /// The spec's name.
    pub spec: String,
    /// The operation's `operationId`.
    pub operation: String,
    /// The HTTP method, upper-case.
    pub method: String,
    /// The path template.
    pub path: String,
    /// The case's name: the example's, with what a negative case changed.
    pub case: String,
    /// What kind of request it sent.
    pub kind: CaseKind,
    /// How it ended.
    pub outcome: Outcome,
    /// The status received, when a response came.
    pub status: Option<u16>,
    /// Each check that failed.
    pub failures: Vec<CheckFailure>,
    /// Why no response came, when none did.
    pub error: Option<String>,
    /// A curl command that sends the same request.
    pub curl: String,
    /// How long the request took, in milliseconds.
    pub duration_ms: u64,
}

/// Why `verify` could not run (exit code 2).
#[derive(Debug)]
pub enum CannotRun {
    /// The spec does not load.
    Spec(apispec::SpecError),
    /// The target URL cannot be used (its reason).
    Target(String),
}

impl std::fmt::Display for CannotRun {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CannotRun::Spec(e) => write!(f, "{e}"),
            CannotRun::Target(reason) => f.write_str(reason),
        }
    }
}

/// A request to send, and how its response is judged.
#[derive(Clone)]
struct Planned {
    /// Index of the operation in the document, for report order.
    op_index: usize,
    order: usize,
    case: String,
    kind: CaseKind,
    request: TestRequest,
    /// For an invalid-data case: the spec part made invalid, and how.
    mutation: Option<(String, String)>,
    phase: u8,
}

struct Shared {
    doc: Document,
    schemas: SchemaSet,
    source_map: Option<SourceMap>,
    target: reqwest::Url,
    client: reqwest::Client,
    credentials: Credentials,
    negative: bool,
    max_response_bytes: u64,
}

/// Runs every case against `options.target`. Reports come in document order.
pub async fn run(spec: &Path, options: &Options) -> Result<Vec<CaseReport>, CannotRun> {
    let doc = Document::load(spec).map_err(CannotRun::Spec)?;
    let schemas = SchemaSet::new(&doc).map_err(CannotRun::Spec)?;
    let source_map = std::fs::read_to_string(spec)
        .ok()
        .and_then(|text| SourceMap::parse(&text));
    let target = reqwest::Url::parse(&options.target)
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https"))
        .ok_or_else(|| {
            CannotRun::Target(format!(
                "--target `{}` is not an http(s) URL",
                options.target
            ))
        })?;
    let client = reqwest::Client::builder()
        .timeout(options.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| CannotRun::Target(format!("cannot build an HTTP client: {e}")))?;
    let planned = plan(&doc, &schemas, options);
    let shared = Arc::new(Shared {
        doc,
        schemas,
        source_map,
        target,
        client,
        credentials: options.credentials.clone(),
        negative: options.negative,
        max_response_bytes: options.max_response_bytes,
    });
    let semaphore = Arc::new(Semaphore::new(options.concurrency.clamp(1, 64)));
    let mut reports: Vec<(usize, usize, CaseReport)> = Vec::new();
    for phase in 0..3u8 {
        let mut tasks = tokio::task::JoinSet::new();
        for item in planned.iter().filter(|p| p.phase == phase) {
            let shared = Arc::clone(&shared);
            let semaphore = Arc::clone(&semaphore);
            let item = item.clone();
            tasks.spawn(async move {
                let _permit = semaphore.acquire_owned().await.ok();
                execute(&shared, item).await
            });
        }
        while let Some(joined) = tasks.join_next().await {
            let outcome =
                joined.map_err(|e| CannotRun::Target(format!("a request task failed: {e}")))?;
            reports.extend(outcome?);
        }
    }
    reports.sort_by_key(|(op, order, _)| (*op, *order));
    Ok(reports.into_iter().map(|(_, _, r)| r).collect())
}

/// Every request of the run, decided before any is sent.
fn plan(doc: &Document, schemas: &SchemaSet, options: &Options) -> Vec<Planned> {
    let mut planned = Vec::new();
    for (op_index, op) in doc.operations.iter().enumerate() {
        if !options.operations.is_empty() && !options.operations.contains(&op.id) {
            continue;
        }
        let is_delete = op.method == Method::Delete;
        let cases = request::example_cases(doc, op);
        let mut order = 0;
        let mut push = |case: String, kind, request, mutation, phase| {
            planned.push(Planned {
                op_index,
                order,
                case,
                kind,
                request,
                mutation,
                phase,
            });
            order += 1;
        };
        for case in &cases {
            let request = request::build_request(op, case, &options.credentials, true);
            push(
                case.name.clone(),
                CaseKind::Example,
                request,
                None,
                if is_delete { 2 } else { 0 },
            );
        }
        if !options.negative {
            continue;
        }
        let phase = if is_delete { 1 } else { 0 };
        if !request::is_anonymous(op) {
            let request = request::build_request(op, &cases[0], &options.credentials, false);
            push(
                "no credentials".into(),
                CaseKind::NoCredentials,
                request,
                None,
                phase,
            );
        }
        if let Some((case, spec_pointer, how)) = invalid_case(schemas, op, &cases[0]) {
            let request = request::build_request(op, &case, &options.credentials, true);
            push(
                case.name,
                CaseKind::InvalidData,
                request,
                Some((spec_pointer, how)),
                phase,
            );
        }
    }
    planned
}

/// The first example case with one part made invalid for the spec: the body, else a required header or
/// query parameter left out, else a path parameter with a value its schema refuses.
fn invalid_case(
    schemas: &SchemaSet,
    op: &Operation,
    base: &ExampleCase,
) -> Option<(ExampleCase, String, String)> {
    let refuses = |schema: &apispec::SchemaAt, value: &Value| {
        schemas
            .compile(&schema.schema, Direction::Request, &schema.pointer)
            .is_ok_and(|v| !v.is_valid(value))
    };
    if let Some(body) = &op.request_body
        && let Some((media_type, _, _)) = &base.body
        && let Some(content) = body.contents.iter().find(|c| &c.media_type == media_type)
        && let Some(schema) = &content.schema
        && content.is_json()
    {
        let candidates = [json!([]), json!("not an object"), json!(0), json!({})];
        if let Some(bad) = candidates.into_iter().find(|c| refuses(schema, c)) {
            let mut case = base.clone();
            let how = format!("body {}", bad);
            case.name = how.clone();
            case.body = Some((media_type.clone(), true, bad));
            return Some((case, content.pointer.clone(), how));
        }
    }
    for location in [ParamLocation::Header, ParamLocation::Query] {
        if let Some(param) = op.parameters_in(location).find(|p| p.required) {
            let mut case = base.clone();
            case.params
                .retain(|(l, n, _)| !(*l == param.location && *n == param.name));
            let how = format!("{} parameter {} missing", location.as_str(), param.name);
            case.name = how.clone();
            return Some((case, param.pointer.clone(), how));
        }
    }
    for param in op.parameters_in(ParamLocation::Path) {
        let Some(schema) = &param.schema else {
            continue;
        };
        let candidates = ["not-a-valid-value", "0", "-1", "x"];
        let bad = candidates.into_iter().find(|c| {
            let text = Value::String(c.to_string());
            let parsed = serde_json::from_str::<Value>(c).ok();
            refuses(schema, &text) && parsed.as_ref().is_none_or(|p| refuses(schema, p))
        });
        if let Some(bad) = bad {
            let mut case = base.clone();
            for (l, n, v) in &mut case.params {
                if *l == ParamLocation::Path && *n == param.name {
                    *v = Value::String(bad.into());
                }
            }
            let how = format!("path parameter {} = {bad}", param.name);
            case.name = how.clone();
            return Some((case, param.pointer.clone(), how));
        }
    }
    None
}

/// Sends one planned request (and, for a DELETE that succeeded under `negative`, its follow-up GET).
async fn execute(
    shared: &Shared,
    item: Planned,
) -> Result<Vec<(usize, usize, CaseReport)>, CannotRun> {
    let op = &shared.doc.operations[item.op_index];
    let mut reports = Vec::new();
    let (report, status) = send_and_check(shared, op, &item).await?;
    reports.push((item.op_index, item.order, report));
    if shared.negative
        && item.kind == CaseKind::Example
        && op.method == Method::Delete
        && status.is_some_and(|s| (200..300).contains(&s))
        && let Some((get_index, get)) = shared
            .doc
            .operations
            .iter()
            .enumerate()
            .find(|(_, o)| o.method == Method::Get && o.path == op.path)
    {
        let cases = request::example_cases(&shared.doc, get);
        let mut request = request::build_request(get, &cases[0], &shared.credentials, true);
        request.path_values = item.request.path_values.clone();
        let follow = Planned {
            op_index: get_index,
            order: 1000 + item.op_index * 100 + item.order,
            case: format!("after DELETE ({})", item.case),
            kind: CaseKind::AfterDelete,
            request,
            mutation: None,
            phase: item.phase,
        };
        let (report, _) = send_and_check(shared, get, &follow).await?;
        reports.push((follow.op_index, follow.order, report));
    }
    Ok(reports)
}

async fn send_and_check(
    shared: &Shared,
    op: &Operation,
    item: &Planned,
) -> Result<(CaseReport, Option<u16>), CannotRun> {
    let request = &item.request;
    let curl = request::curl(&shared.target, &op.path, request);
    let url = request::url(&shared.target, &op.path, request, true);
    let method =
        reqwest::Method::from_bytes(op.method.as_str().as_bytes()).unwrap_or(reqwest::Method::GET);
    let mut builder = shared.client.request(method, &url);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.text.as_str());
    }
    if let Some((media_type, body)) = &request.body {
        builder = builder
            .header("content-type", media_type.as_str())
            .body(body.clone());
    }
    let started = Instant::now();
    let mut report = CaseReport {
        spec: shared.doc.source.clone(),
        operation: op.id.clone(),
        method: op.method.to_string(),
        path: op.path.clone(),
        case: item.case.clone(),
        kind: item.kind,
        outcome: Outcome::Passed,
        status: None,
        failures: Vec::new(),
        error: None,
        curl,
        duration_ms: 0,
    };
    let max = shared.max_response_bytes;
    let mut too_long = false;
    let received = match builder.send().await {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            // Read at most `max` bytes: a target that streams without end must not exhaust memory.
            let mut body = Vec::new();
            let mut failed = None;
            if response.content_length().is_some_and(|length| length > max) {
                too_long = true;
            }
            while !too_long {
                match response.chunk().await {
                    Ok(Some(chunk)) => {
                        if (body.len() + chunk.len()) as u64 > max {
                            too_long = true;
                        } else {
                            body.extend_from_slice(&chunk);
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
            match failed {
                Some(e) => Err(e),
                None => Ok(Received {
                    status,
                    headers,
                    body,
                }),
            }
        }
        Err(e) => Err(e),
    };
    report.duration_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let received = match received {
        Ok(received) => received,
        Err(e) if e.is_connect() => {
            return Err(CannotRun::Target(format!(
                "cannot reach the target {}: {e}",
                shared.target
            )));
        }
        Err(e) => {
            report.outcome = Outcome::Errored;
            report.error = Some(if e.is_timeout() {
                "no response within the timeout".to_string()
            } else {
                format!("the request failed: {e}")
            });
            return Ok((report, None));
        }
    };
    report.status = Some(received.status);
    report.failures = if too_long {
        vec![CheckFailure::new(
            Check::ResponseSizeLimit,
            &op.pointer,
            format!(
                "the {} response body is longer than {max} bytes; reading stopped there",
                received.status
            ),
            format!("a body of at most {max} bytes (--max-response-bytes)"),
            format!("more than {max} bytes"),
        )]
    } else {
        judge(shared, op, item, &received)
    };
    for failure in &mut report.failures {
        let pointer = failure.spec_pointer.trim_start_matches('#');
        failure.spec_location = shared
            .source_map
            .as_ref()
            .and_then(|m| m.locate_nearest(pointer))
            .map(|(l, _)| format!("{}:{}:{}", shared.doc.source, l.line, l.column));
    }
    if !report.failures.is_empty() {
        report.outcome = Outcome::Failed;
    }
    Ok((report, Some(received.status)))
}

fn judge(
    shared: &Shared,
    op: &Operation,
    item: &Planned,
    received: &Received,
) -> Vec<CheckFailure> {
    let server_error = || {
        CheckFailure::new(
            Check::NotAServerError,
            &op.pointer,
            format!("the server failed with {}", received.status),
            "a status below 500",
            received.status.to_string(),
        )
    };
    match item.kind {
        CaseKind::Example => checks::positive_checks(&shared.doc, &shared.schemas, op, received),
        CaseKind::NoCredentials => {
            let mut failures = Vec::new();
            if received.status >= 500 {
                failures.push(server_error());
            }
            if !matches!(received.status, 401 | 403) {
                let security_at = if shared
                    .doc
                    .get(&apispec::pointer::join(&op.pointer, "security"))
                    .is_some()
                {
                    apispec::pointer::join(&op.pointer, "security")
                } else {
                    "/security".to_string()
                };
                failures.push(CheckFailure::new(
                    Check::IgnoredAuth,
                    &security_at,
                    format!(
                        "a request without credentials got {} instead of being refused",
                        received.status
                    ),
                    "401 or 403",
                    received.status.to_string(),
                ));
            }
            failures
        }
        CaseKind::InvalidData => {
            let mut failures = Vec::new();
            if received.status >= 500 {
                failures.push(server_error());
            }
            if !(400..500).contains(&received.status) {
                let (spec_pointer, how) = item.mutation.clone().unwrap_or_default();
                failures.push(CheckFailure::new(
                    Check::NegativeDataRejection,
                    &spec_pointer,
                    format!(
                        "invalid data ({how}) got {} instead of a 4xx",
                        received.status
                    ),
                    "a 4xx status",
                    received.status.to_string(),
                ));
            }
            failures
        }
        CaseKind::AfterDelete => {
            if matches!(received.status, 404 | 410) {
                Vec::new()
            } else {
                vec![CheckFailure::new(
                    Check::UseAfterFree,
                    &op.pointer,
                    format!(
                        "GET {} after a successful DELETE got {}",
                        op.path, received.status
                    ),
                    "404",
                    received.status.to_string(),
                )]
            }
        }
    }
}
