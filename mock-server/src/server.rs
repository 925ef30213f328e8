//! Running the mock: [`ServerOptions`], what every request reads ([`AppState`]: the catalog, settings, the
//! store), the in-process [`MockServer`] handle (start, journal, scenarios, faults, coverage), the axum
//! application (one fallback handler, `pipeline::handle`), and the `--watch` poller that rebuilds the
//! catalog when a spec file changes and swaps it in without disturbing requests in flight (each request
//! holds the catalog it started with).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwap;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::catalog::{Catalog, CatalogError, Mount, SpecSource, load_catalog};
use crate::connections;
use crate::credentials::{CredentialsError, ValidCredentials};
use crate::faults::Fault;
use crate::journal::{JournalEntry, JournalFilter};
use crate::limits::{Limits, release_freed_memory};
use crate::redis_store::RedisStore;
use crate::scenarios::{self, Scenario, ScenarioError, SessionPlan};
use crate::store::{MemoryStore, RedisOptions, StateLimits, Store, StoreError};

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// The specs to serve, in mount order.
    pub specs: Vec<SpecSource>,
    /// Where each spec is mounted (under its name, or at the root).
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
    pub(crate) cors: bool,
    pub(crate) validate_requests: bool,
    pub(crate) stateful: bool,
    pub(crate) store: Store,
    pub(crate) journal: bool,
    pub(crate) credentials: ValidCredentials,
    pub(crate) limits: Limits,
    /// Faults of every session, from the command line.
    pub(crate) faults: Vec<Fault>,
    /// The name each of those counts under in a session (`fault:all:0`).
    pub(crate) fault_keys: Vec<String>,
    pub(crate) seed: u64,
    pub(crate) journal_details: bool,
    /// Until when (milliseconds since the Unix epoch) the dashboard is taken to be open: each of its polls
    /// moves it on, and while it is open the journal keeps requests' headers and bodies.
    pub(crate) watched_until: AtomicU64,
}

/// How long one poll of the dashboard keeps request details on.
pub(crate) const WATCH_WINDOW: Duration = Duration::from_secs(30);

impl AppState {
    /// Whether requests' headers and bodies go into the journal now.
    pub(crate) fn keeps_details(&self) -> bool {
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

    /// The address the server listens on (with the port picked when it was 0).
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
        let fault = scenarios::checked_fault(&self.state.catalog.load(), fault)?;
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
        self.state
            .store
            .change_plan(session, change)
            .await
            .map(drop)
            .map_err(|e| ScenarioError {
                message: e.to_string(),
                violations: Vec::new(),
            })
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
    let catalog = load_on_own_thread(options)
        .await
        .map_err(StartError::Catalog)?;
    options
        .credentials
        .check_against(&catalog)
        .map_err(StartError::Credentials)?;
    for fault in &options.faults {
        scenarios::checked_fault(&catalog, fault.clone()).map_err(StartError::Fault)?;
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
        fault_keys: (0..options.faults.len())
            .map(|place| format!("fault:all:{place}"))
            .collect(),
        seed: options.seed,
        journal_details: options.journal_details,
        watched_until: AtomicU64::new(0),
    }))
}

/// The axum application: everything goes to one handler.
pub fn app(state: Arc<AppState>) -> Router {
    Router::new()
        .fallback(crate::pipeline::handle)
        .with_state(state)
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
        match load_on_own_thread(&options).await {
            Ok(catalog) => {
                release_freed_memory();
                tracing::info!(
                    operations = catalog.operations.len(),
                    "specs changed: reloaded"
                );
                state.catalog.store(Arc::new(catalog));
            }
            Err(error) => {
                tracing::error!(
                    "specs changed but cannot be loaded; still serving the previous version:\n{error}"
                )
            }
        }
    }
}

/// How much stack loading gets. Documents nest deeply (the loaders stop at 256 levels), which a debug build
/// cannot walk in a thread's default 2 MB; only the pages touched are used.
const LOAD_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Loads the specs on a thread of their own: off the async threads (a big document takes seconds), with
/// the stack deep documents need whatever thread called. A panic while loading is the caller's panic.
async fn load_on_own_thread(options: &ServerOptions) -> Result<Catalog, CatalogError> {
    let (specs, mount, strict) = (options.specs.clone(), options.mount, options.strict);
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let spawned = std::thread::Builder::new()
        .name("mock-server-load".into())
        .stack_size(LOAD_STACK_BYTES)
        .spawn(move || {
            let _ = sender.send(load_catalog(&specs, mount, strict));
        });
    match spawned {
        Ok(thread) => match receiver.await {
            Ok(loaded) => loaded,
            Err(_) => match thread.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => unreachable!("the loading thread sends before it ends"),
            },
        },
        // No thread to be had: load here.
        Err(_) => load_catalog(&options.specs, options.mount, options.strict),
    }
}
