//! The HTTP side: one axum fallback handler that routes with the catalog's own trie, validates, selects a
//! response and logs one line per request; the in-process [`MockServer`] handle; and the `--watch` poller
//! that rebuilds the catalog when a spec file changes and swaps it in without disturbing requests in flight
//! (each request holds the catalog it started with).

use std::borrow::Cow;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

use apispec::Method;
use apispec::quote::{MAX_QUOTED, cut_text};
use arc_swap::ArcSwap;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header, request::Parts};
use axum::response::Response;
use futures_util::StreamExt;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::admin;
use crate::catalog::{Catalog, CatalogError, MockOperation, Mount, SpecSource, load_catalog};
use crate::connections;
use crate::credentials::{CredentialsError, ValidCredentials};
use crate::faults::{DRIP_PIECE, Fault, FaultKind, InjectedFault, TransportFault};
use crate::journal::{
    self, JournalEntry, JournalFilter, Reason, RequestDetail, ServedExample, Verdict,
};
use crate::limits::{self, BodyReadError, Limits, read_body, release_freed_memory};
use crate::preferences::{self, Preferences};
use crate::problem::{MockMade, Problem, ProblemKind, ValidationItem};
use crate::redis_store::RedisStore;
use crate::scenarios::{self, Scenario, ScenarioError, SessionPlan, Step};
use crate::session::{BadSession, session_of};
use crate::state::engine::{self, StateAnswer, StateRequest};
use crate::store::{MemoryStore, RedisOptions, StateLimits, Store, StoreError};
use apispec::path_template::split_path;

use crate::routing::RouteMatch;
use crate::select::{
    BodyError, ChosenBody, Selected, negotiate, select_body, select_failure_response,
    select_response,
};
use crate::validate::{FailureKind, RequestView, validate_request};

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub specs: Vec<SpecSource>,
    pub mount: Mount,
    /// `127.0.0.1:0` picks a free port.
    pub addr: SocketAddr,
    /// Refuse specs whose examples break their schemas.
    pub strict: bool,
    /// Answer CORS preflights and add CORS headers to responses of requests that carry `Origin`.
    pub cors: bool,
    /// Validate requests against the spec (security, parameters, body).
    pub validate_requests: bool,
    /// Poll spec files this often and reload on change.
    pub watch: Option<Duration>,
    /// Answer from each session's state where the spec reads as resources (`--stateful`).
    pub stateful: bool,
    /// The journal's size and the state's bounds.
    pub state_limits: StateLimits,
    /// Valid values per security scheme; empty: any credential is accepted where one is required.
    pub credentials: ValidCredentials,
    /// Keep state and journal in this Redis instead of in the process (`--redis URL`).
    pub redis: Option<RedisOptions>,
    /// Bounds on bodies and connections.
    pub limits: Limits,
    /// Faults injected in every session (`--fault`), besides those a session sets.
    pub faults: Vec<Fault>,
    /// The seed faults draw from unless they give their own (`--seed`).
    pub seed: u64,
    /// Keep every request's headers and body in the journal, not only while the dashboard is open
    /// (`--journal-details`).
    pub journal_details: bool,
}

impl ServerOptions {
    /// Every spec of `specs/` compiled into the binary, each under `/<file stem>`, on a free loopback port.
    pub fn embedded() -> ServerOptions {
        ServerOptions {
            specs: SpecSource::embedded(),
            mount: Mount::Prefixed,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            strict: false,
            cors: true,
            validate_requests: true,
            watch: None,
            stateful: false,
            state_limits: StateLimits::default(),
            credentials: ValidCredentials::default(),
            redis: None,
            limits: Limits::default(),
            faults: Vec::new(),
            seed: 0,
            journal_details: false,
        }
    }

    /// The given spec files; one file alone is mounted at `/`, several under their prefixes.
    pub fn spec_files(paths: impl IntoIterator<Item = PathBuf>) -> ServerOptions {
        let specs: Vec<SpecSource> = paths.into_iter().map(SpecSource::File).collect();
        ServerOptions {
            mount: if specs.len() == 1 {
                Mount::Root
            } else {
                Mount::Prefixed
            },
            specs,
            ..ServerOptions::embedded()
        }
    }
}

/// Why the server did not start.
#[derive(Debug)]
pub enum StartError {
    /// A spec cannot be served (exit code 2 in the CLI).
    Catalog(CatalogError),
    /// The address cannot be bound.
    Bind(std::io::Error),
    /// The valid credentials name a scheme no spec uses (exit code 2 in the CLI).
    Credentials(CredentialsError),
    /// The Redis store cannot be reached.
    Store(StoreError),
    /// A `--fault` names an operation no spec has (exit code 2 in the CLI).
    Fault(ScenarioError),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Catalog(error) => write!(f, "{error}"),
            StartError::Bind(error) => write!(f, "cannot listen: {error}"),
            StartError::Credentials(error) => write!(f, "{error}"),
            StartError::Store(error) => write!(f, "{error}"),
            StartError::Fault(error) => write!(f, "--fault: {error}"),
        }
    }
}

impl std::error::Error for StartError {}

/// What every request reads: the current catalog (swapped whole on reload), fixed settings, and the
/// store of sessions' state and the journal.
pub struct AppState {
    pub(crate) catalog: ArcSwap<Catalog>,
    cors: bool,
    validate_requests: bool,
    pub(crate) stateful: bool,
    pub(crate) store: Store,
    journal: bool,
    credentials: ValidCredentials,
    limits: Limits,
    /// Faults of every session, from the command line.
    pub(crate) faults: Vec<Fault>,
    pub(crate) seed: u64,
    journal_details: bool,
    /// Until when (milliseconds since the Unix epoch) the dashboard is taken to be open: each of its polls
    /// moves it on, and while it is open the journal keeps requests' headers and bodies.
    pub(crate) watched_until: AtomicU64,
}

/// How long one poll of the dashboard keeps request details on.
pub(crate) const WATCH_WINDOW: Duration = Duration::from_secs(30);

impl AppState {
    /// Whether requests' headers and bodies go into the journal now.
    fn keeps_details(&self) -> bool {
        if self.journal_details {
            return true;
        }
        // Never watched: no clock read.
        let until = self.watched_until.load(Ordering::Relaxed);
        until != 0 && unix_millis() < until
    }

    /// Someone is looking at the dashboard.
    pub(crate) fn watched(&self) {
        let until = unix_millis() + WATCH_WINDOW.as_millis() as u64;
        self.watched_until.store(until, Ordering::Relaxed);
    }
}

fn unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// A running mock server. Dropping it stops the server.
pub struct MockServer {
    addr: SocketAddr,
    state: Arc<AppState>,
    shutdown: Option<watch::Sender<bool>>,
    server: Option<JoinHandle<std::io::Result<()>>>,
    watcher: Option<JoinHandle<()>>,
}

impl MockServer {
    /// Loads the specs, binds and starts serving in the background.
    pub async fn start(options: ServerOptions) -> Result<MockServer, StartError> {
        let state = loaded(&options).await?;
        let listener = TcpListener::bind(options.addr)
            .await
            .map_err(StartError::Bind)?;
        let addr = listener.local_addr().map_err(StartError::Bind)?;
        let (shutdown, stopped) = watch::channel(false);
        let server = tokio::spawn(connections::serve(
            listener,
            app(state.clone()),
            options.limits.clone(),
            stopped,
        ));
        let watcher = options
            .watch
            .map(|every| tokio::spawn(watch(state.clone(), options.clone(), every)));
        Ok(MockServer {
            addr,
            state,
            shutdown: Some(shutdown),
            server: Some(server),
            watcher,
        })
    }

    /// The request pipeline alone, with no socket: the router [`MockServer::start`] would serve for
    /// `options` (refusing what it refuses), for use in-process with `tower::ServiceExt::oneshot`. The body
    /// limits apply; the connection timeouts and cap are the listener's, so they do not.
    pub async fn router(options: &ServerOptions) -> Result<Router, StartError> {
        Ok(app(loaded(options).await?))
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The base URL of one spec (`http://127.0.0.1:PORT/raff`); `None` if no spec has that name.
    pub fn spec_url(&self, name: &str) -> Option<String> {
        let catalog = self.state.catalog.load();
        catalog
            .specs
            .iter()
            .find(|spec| &*spec.name == name)
            .map(|spec| format!("{}{}", self.url(), spec.prefix))
    }

    /// Load-time warnings of the current catalog (examples that break their schemas, unreachable routes).
    pub fn warnings(&self) -> Vec<String> {
        self.state.catalog.load().warnings.clone()
    }

    /// What the mock received and answered, oldest first, as `GET /__mock/requests` lists it.
    pub async fn requests(&self, filter: &JournalFilter) -> Result<Vec<JournalEntry>, StoreError> {
        self.state.store.requests(filter).await
    }

    /// Back to the seed state with an empty journal and no scenarios or faults: one session, or every
    /// session.
    pub async fn reset(&self, session: Option<&str>) -> Result<(), StoreError> {
        self.state.store.reset(session).await
    }

    /// Sets a scenario in `session` (replacing the operation's previous one), as `POST /__mock/scenarios`
    /// does; refused when it names what the operation does not document.
    pub async fn scenario(
        &self,
        session: &str,
        scenario: impl Into<Scenario>,
    ) -> Result<(), ScenarioError> {
        let catalog = self.state.catalog.load();
        let scenario = scenarios::checked(&catalog, scenario.into())?;
        self.change_plan(session, |plan| plan.set_scenario(scenario))
            .await
    }

    /// Adds a fault to `session`, as `POST /__mock/faults` does.
    pub async fn fault(&self, session: &str, fault: Fault) -> Result<(), ScenarioError> {
        if let Some(operation) = &fault.operation {
            scenarios::find_operation(&self.state.catalog.load(), operation)?;
        }
        self.change_plan(session, |plan| plan.faults.push(fault))
            .await
    }

    /// Which documented responses were served: to one session, or to every session together (as
    /// `GET /__mock/coverage`).
    pub async fn coverage(
        &self,
        session: Option<&str>,
    ) -> Result<crate::coverage::Report, StoreError> {
        let counts = self.state.store.served(session).await?;
        let catalog = self.state.catalog.load();
        Ok(crate::coverage::report(
            &catalog,
            &counts,
            session.map(str::to_string),
        ))
    }

    /// The scenarios and faults `session` has set.
    pub async fn plan(&self, session: &str) -> Result<SessionPlan, StoreError> {
        Ok(self
            .state
            .store
            .plan(session)
            .await?
            .map(|plan| (*plan).clone())
            .unwrap_or_default())
    }

    async fn change_plan(
        &self,
        session: &str,
        change: impl FnOnce(&mut SessionPlan),
    ) -> Result<(), ScenarioError> {
        let stored = |e: StoreError| ScenarioError {
            message: e.to_string(),
            violations: Vec::new(),
        };
        let mut plan = self.plan(session).await.map_err(stored)?;
        change(&mut plan);
        self.state
            .store
            .set_plan(session, plan)
            .await
            .map_err(stored)
    }

    /// Stops accepting connections, lets requests in flight finish, and returns when the server is down.
    pub async fn shutdown(mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(true);
        }
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        if let Some(watcher) = self.watcher.take() {
            watcher.abort();
        }
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(true);
        }
    }
}

/// Loads the specs and opens the store: what every request reads.
async fn loaded(options: &ServerOptions) -> Result<Arc<AppState>, StartError> {
    let catalog =
        load_catalog(&options.specs, options.mount, options.strict).map_err(StartError::Catalog)?;
    options
        .credentials
        .check_against(&catalog)
        .map_err(StartError::Credentials)?;
    for operation in options.faults.iter().filter_map(|f| f.operation.as_deref()) {
        scenarios::find_operation(&catalog, operation).map_err(StartError::Fault)?;
    }
    let store = match &options.redis {
        None => Store::Memory(MemoryStore::new(options.state_limits)),
        Some(redis) => Store::Redis(
            RedisStore::connect(&redis.url, &redis.prefix, options.state_limits)
                .await
                .map_err(StartError::Store)?,
        ),
    };
    release_freed_memory();
    Ok(Arc::new(AppState {
        catalog: ArcSwap::from_pointee(catalog),
        cors: options.cors,
        validate_requests: options.validate_requests,
        stateful: options.stateful,
        store,
        journal: options.state_limits.journal_size > 0,
        credentials: options.credentials.clone(),
        limits: options.limits.clone(),
        faults: options.faults.clone(),
        seed: options.seed,
        journal_details: options.journal_details,
        watched_until: AtomicU64::new(0),
    }))
}

/// The axum application: everything goes to one handler.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new().fallback(handle).with_state(state)
}

/// Polls the spec files' modification times; on a change, loads all specs again off the async threads and
/// swaps the new catalog in. A spec that no longer loads is logged and the old catalog kept.
async fn watch(state: Arc<AppState>, options: ServerOptions, every: Duration) {
    let paths: Vec<PathBuf> = options
        .specs
        .iter()
        .filter_map(|s| s.path().map(PathBuf::from))
        .collect();
    let stamp = |paths: &[PathBuf]| -> Vec<Option<(SystemTime, u64)>> {
        paths
            .iter()
            .map(|path| {
                std::fs::metadata(path)
                    .ok()
                    .and_then(|m| Some((m.modified().ok()?, m.len())))
            })
            .collect()
    };
    let mut last = stamp(&paths);
    loop {
        tokio::time::sleep(every).await;
        let now = stamp(&paths);
        if now == last {
            continue;
        }
        last = now;
        let options = options.clone();
        let loaded = tokio::task::spawn_blocking(move || {
            load_catalog(&options.specs, options.mount, options.strict)
        })
        .await;
        match loaded {
            Ok(Ok(catalog)) => {
                release_freed_memory();
                tracing::info!(
                    operations = catalog.operations.len(),
                    "specs changed: reloaded"
                );
                state.catalog.store(Arc::new(catalog));
            }
            Ok(Err(error)) => {
                tracing::error!(
                    "specs changed but cannot be loaded; still serving the previous version:\n{error}"
                )
            }
            Err(error) => tracing::error!("reloading failed: {error}"),
        }
    }
}

/// What the log line and the journal say about a request.
struct Outcome {
    /// Index of the matched operation in the catalog.
    operation: Option<usize>,
    validation: &'static str,
    /// The validation failure's kind and violations.
    failure: Option<(FailureKind, Vec<ValidationItem>)>,
    /// Bytes of request body read.
    body_bytes: usize,
    /// Faults that fired: latency to add, and a fault of the body to carry out.
    faults: Vec<InjectedFault>,
    delay: Duration,
    body_fault: Option<FaultKind>,
    /// The request body read (shared, not copied), for the journal's request detail.
    body: Bytes,
}

async fn handle(State(state): State<Arc<AppState>>, request: Request) -> Response {
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
    let mut outcome = Outcome {
        operation: None,
        validation: "skipped",
        failure: None,
        body_bytes: 0,
        faults: Vec::new(),
        delay: Duration::ZERO,
        body_fault: None,
        body: Bytes::new(),
    };
    let mut response = answer(&state, &catalog, &parts, body, &session, &mut outcome).await;
    if !outcome.delay.is_zero() {
        tokio::time::sleep(outcome.delay).await;
    }
    if let Some(fault) = outcome.body_fault.take() {
        response = faulty_body(response, &fault).await;
    }
    limits::release_after_body(outcome.body_bytes);
    if state.cors
        && let Some(origin) = parts.headers.get(header::ORIGIN)
    {
        add_cors_headers(response.headers_mut(), origin);
    }
    tracing::info!(
        method = %parts.method,
        path = parts.uri.path(),
        operation = outcome
            .operation
            .map_or("-", |index| catalog.operations[index].label.as_str()),
        status = response.status().as_u16(),
        validation = outcome.validation,
        latency_us = started.elapsed().as_micros() as u64,
        "request"
    );
    if state.journal {
        let detail = state
            .keeps_details()
            .then(|| RequestDetail::capture(&parts.headers, &outcome.body));
        let mut entry = journal_entry(&catalog, &parts, &response, outcome, session, time, started);
        entry.request = detail;
        state.store.record(entry).await;
    }
    response
}

/// The journal's account of one request.
fn journal_entry(
    catalog: &Catalog,
    parts: &Parts,
    response: &Response,
    outcome: Outcome,
    session: String,
    time: SystemTime,
    started: Instant,
) -> JournalEntry {
    let op = outcome.operation.map(|index| &catalog.operations[index]);
    let (verdict, failure, violations) = match outcome.failure {
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
        None if outcome.validation == "passed" => (Verdict::Passed, None, Vec::new()),
        None => (Verdict::Skipped, None, Vec::new()),
    };
    let reason = response
        .extensions()
        .get::<Reason>()
        .cloned()
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
        faults: outcome.faults,
        request: None,
    }
}

/// Marks a response with why it was chosen, for the journal.
fn because(mut response: Response, reason: Reason) -> Response {
    response.extensions_mut().insert(reason);
    response
}

async fn answer(
    state: &AppState,
    catalog: &Catalog,
    parts: &Parts,
    body: Body,
    session: &str,
    outcome: &mut Outcome,
) -> Response {
    let path = parts.uri.path();
    if let Some(response) = mock_endpoint(catalog, parts, state.stateful) {
        return response;
    }
    if state.cors && is_preflight(parts) {
        return preflight(parts);
    }

    let Some(method) = method_of(&parts.method) else {
        return match catalog.router.find_undescribed(path) {
            RouteMatch::MethodNotAllowed(allowed) => method_not_allowed(parts, &allowed),
            _ => no_path_matched(path),
        };
    };
    let mut found = catalog.router.find(path, method);
    if method == Method::Head && !matches!(found, RouteMatch::Found(_)) {
        // HEAD is answered like GET where the spec documents only GET (the body is dropped on the wire).
        if let RouteMatch::Found(get) = catalog.router.find(path, Method::Get) {
            found = RouteMatch::Found(get);
        }
    }
    let (index, op) = match found {
        RouteMatch::Found(index) => {
            outcome.operation = Some(index);
            (index, &catalog.operations[index])
        }
        RouteMatch::NotFound => return no_path_matched(path),
        RouteMatch::MethodNotAllowed(allowed) => return method_not_allowed(parts, &allowed),
    };

    let plan = match state.store.plan(session).await {
        Ok(plan) => plan,
        Err(error) => return store_unavailable(&error),
    };
    match inject_faults(state, catalog, op, parts, session, plan.as_deref(), outcome).await {
        Ok(Some(response)) => return response,
        Ok(None) => {}
        Err(error) => return store_unavailable(&error),
    }

    let preferences = match read_preferences(parts) {
        Ok(preferences) => preferences,
        Err(error) => {
            return because(
                Problem::new(ProblemKind::UnprocessableEntity, error.message).into_response(),
                Reason::Prefer,
            );
        }
    };
    // The state decides only what the client leaves to the mock.
    let stateful = state.stateful && preferences.is_empty();

    let body = match op.body {
        Some(_) if state.validate_requests || stateful => {
            match read_body(body, &parts.headers, &state.limits).await {
                Ok(bytes) => {
                    outcome.body_bytes = bytes.len();
                    outcome.body = bytes.clone();
                    bytes
                }
                Err(error) => {
                    return unread_body(catalog, op, parts, error, outcome);
                }
            }
        }
        _ => Bytes::new(),
    };
    let segments: Vec<Cow<'_, str>> = split_path(path).map(percent_decode).collect();
    let query: Vec<(Cow<'_, str>, Cow<'_, str>)> = parts
        .uri
        .query()
        .map(|q| form_urlencoded::parse(q.as_bytes()).collect())
        .unwrap_or_default();
    if state.validate_requests {
        let spec = &catalog.specs[op.spec].name;
        if let Err(violation) = state.credentials.check(spec, op, &parts.headers, &query) {
            outcome.validation = "failed: security";
            outcome.failure = Some((FailureKind::Security, vec![violation.clone()]));
            return because(
                invalid_request(catalog, op, parts, FailureKind::Security, vec![violation]),
                Reason::Validation,
            );
        }
        let view = RequestView {
            headers: &parts.headers,
            segments: &segments,
            query: &query,
            body: &body,
        };
        outcome.validation = "passed";
        if let Err(failure) = validate_request(op, &view) {
            outcome.validation = match failure.kind {
                FailureKind::Security => "failed: security",
                FailureKind::ContentType => "failed: content type",
                FailureKind::Invalid | FailureKind::TooLarge => "failed",
            };
            outcome.failure = Some((failure.kind, failure.violations.clone()));
            return because(
                invalid_request(catalog, op, parts, failure.kind, failure.violations),
                Reason::Validation,
            );
        }
    }

    if preferences.is_empty()
        && let Some(scenario) = plan.as_deref().and_then(|p| p.scenario_of(&op.label))
    {
        let key = format!("scenario:{}", op.label);
        let served = match state.store.next_count(session, &key).await {
            Ok(served) => served,
            Err(error) => return store_unavailable(&error),
        };
        if let Some((at, step)) = scenario.step(served) {
            let detail = format!("step {} of {}", at + 1, scenario.respond.len());
            return because(
                scenario_response(catalog, op, parts, step),
                Reason::Scenario(detail),
            );
        }
    }

    if stateful {
        let request = StateRequest {
            session,
            segments: &segments,
            query: &query,
            body: serde_json::from_slice(&body).ok(),
        };
        let root = &catalog.specs[op.spec].schema_root;
        let answered = Box::pin(engine::answer(
            &catalog.state,
            index,
            root,
            &state.store,
            &request,
        ))
        .await;
        match answered {
            Ok(None) => {}
            Ok(Some(answer)) => return state_response(catalog, op, parts, answer),
            Err(error) => return store_unavailable(&error),
        }
    }

    let reason = if preferences.is_empty() {
        Reason::Default
    } else {
        Reason::Prefer
    };
    let selected = match select_response(op, &preferences) {
        Ok(selected) => selected,
        Err(undefined) => {
            return because(
                Problem::new(
                    ProblemKind::NotFound,
                    format!(
                        "The operation {} documents no response for the code {} (nor its range, nor default)",
                        op.label, undefined.0
                    ),
                )
                .into_response(),
                reason,
            );
        }
    };
    because(respond(catalog, op, parts, selected, &preferences), reason)
}

fn store_unavailable(error: &StoreError) -> Response {
    Problem::new(
        ProblemKind::StoreUnavailable,
        format!("The mock's state cannot be read: {error}"),
    )
    .into_response()
}

/// Draws the faults that apply to `op` in this session (the command line's, then the session's own). A
/// status or a connection fault answers at once (its response is returned); latency and body faults are
/// left in `outcome` for the handler to carry out on the answer.
async fn inject_faults(
    state: &AppState,
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    session: &str,
    plan: Option<&SessionPlan>,
    outcome: &mut Outcome,
) -> Result<Option<Response>, StoreError> {
    let session_faults = plan.map_or(&[][..], |plan| &plan.faults[..]);
    if state.faults.is_empty() && session_faults.is_empty() {
        return Ok(None);
    }
    let everyone = state.faults.iter().enumerate().map(|(i, f)| ("all", i, f));
    let own = session_faults
        .iter()
        .enumerate()
        .map(|(i, f)| ("own", i, f));
    let mut answer = None;
    for (set, place, fault) in everyone.chain(own) {
        // A fault that cannot fire is not counted: it costs nothing and changes no other draw.
        if fault.probability <= 0.0 || !fault.applies_to(&op.label, &op.operation_id) {
            continue;
        }
        let key = format!("fault:{set}:{place}");
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
            FaultKind::Latency(_) => outcome.delay += drawn.delay,
            _ if answer.is_some() || outcome.body_fault.is_some() => continue,
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
                outcome.body_fault = Some(fault.kind.clone());
            }
        }
        outcome.faults.push(injected);
    }
    let Some(response) = answer else {
        // Latency and body faults change the answer the pipeline gives; the journal lists them.
        return Ok(None);
    };
    let shown: Vec<&str> = outcome.faults.iter().map(|f| f.fault.as_str()).collect();
    Ok(Some(because(response, Reason::Fault(shown.join("; ")))))
}

/// An injected status: the operation's documented response of it (with its `Retry-After` and other
/// headers), else a problem document with the status, and `Retry-After: 1` for 429 and 503.
fn fault_status_response(
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
fn scenario_response(
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
async fn faulty_body(response: Response, fault: &FaultKind) -> Response {
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
fn state_response(
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
fn respond_json(
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

fn no_path_matched(path: &str) -> Response {
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
fn method_not_allowed(parts: &Parts, allowed: &[Method]) -> Response {
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
fn respond(
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
fn unread_body(
    catalog: &Catalog,
    op: &MockOperation,
    parts: &Parts,
    error: BodyReadError,
    outcome: &mut Outcome,
) -> Response {
    match error {
        BodyReadError::TooLarge { limit } => {
            outcome.validation = "failed: body too large";
            outcome.body_bytes = limit;
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
fn invalid_request(
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

fn read_preferences(parts: &Parts) -> Result<Preferences, preferences::PreferenceError> {
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

/// `GET /__mock/health` and `GET /__mock/routes` (with each operation's state mapping when stateful).
fn mock_endpoint(catalog: &Catalog, parts: &Parts, stateful: bool) -> Option<Response> {
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

fn is_preflight(parts: &Parts) -> bool {
    parts.method == axum::http::Method::OPTIONS
        && parts.headers.contains_key(header::ORIGIN)
        && parts
            .headers
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

fn preflight(parts: &Parts) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::NO_CONTENT;
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_METHODS,
        HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, TRACE"),
    );
    let requested = parts
        .headers
        .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
        .cloned()
        .unwrap_or_else(|| HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, requested);
    headers.insert(
        header::ACCESS_CONTROL_MAX_AGE,
        HeaderValue::from_static("86400"),
    );
    response
}

fn add_cors_headers(headers: &mut HeaderMap, origin: &HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_CREDENTIALS,
        HeaderValue::from_static("true"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("*"),
    );
    headers.append(header::VARY, HeaderValue::from_static("Origin"));
}

fn method_of(method: &axum::http::Method) -> Option<Method> {
    Method::ALL
        .into_iter()
        .find(|m| m.as_str() == method.as_str())
}

/// `%20` → ` `; invalid escapes stay as they are, invalid UTF-8 is replaced.
fn percent_decode(segment: &str) -> Cow<'_, str> {
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
