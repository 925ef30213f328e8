//! A mock server for OpenAPI 3.0 and 3.1 documents, compatible with Stoplight Prism's conventions: it routes each
//! request to its operation, validates it against the spec, and answers with a documented response chosen
//! by the client's `Prefer` header — an example, or a body built from the schema.
//!
//! Specs are understood by `apispec` only; at load they are turned into a [`catalog::Catalog`] of plain,
//! pre-computed data (routes, compiled validators, serialized bodies) that requests only read.
//!
//! ```no_run
//! # async fn demo() -> Result<(), mock_server::StartError> {
//! let server = mock_server::MockServer::start(mock_server::ServerOptions::embedded()).await?;
//! let base = server.spec_url("raff").unwrap(); // http://127.0.0.1:PORT/raff
//! # Ok(()) }
//! ```
//!
//! Modules: [`catalog`] (loading), [`routing`] (the path trie), [`validate`] (requests against the spec),
//! [`select`] (which response and body), [`preferences`] (`Prefer` and `__code`), [`problem`] (error
//! documents), [`server`] (options, the in-process handle, `--watch`), `pipeline` (each request's steps),
//! `respond` (building responses), `cors`, [`limits`] (body size and read time),
//! [`connections`] (timeouts, the connection cap), [`logging`] (the binary's log output), [`session`]
//! (`X-Mock-Session`), [`credentials`] (valid credentials), [`journal`] (what the mock received and answered),
//! [`state`] (the stateful mode), [`store`] (where state and journal are kept), [`scenarios`] (what a session
//! told the mock to answer), [`faults`] (latency, error statuses and transport failures on a seeded schedule),
//! [`coverage`] (which documented responses were served).

mod admin;
pub mod catalog;
pub mod connections;
mod cors;
pub mod coverage;
pub mod credentials;
mod embedded;
pub mod faults;
mod form;
pub mod journal;
pub mod limits;
pub mod logging;
mod pipeline;
pub mod preferences;
pub mod problem;
pub mod redis_store;
mod respond;
pub mod routing;
pub mod scenarios;
pub mod select;
pub mod server;
pub mod session;
pub mod state;
pub mod store;
pub mod validate;

pub use catalog::{CatalogError, Mount, SpecSource, load_catalog};
pub use credentials::ValidCredentials;
pub use faults::{Fault, FaultKind, Latency};
pub use journal::{JournalEntry, JournalFilter, Reason, StatusFilter};
pub use limits::Limits;
pub use scenarios::{Scenario, ScenarioError, SessionPlan, Step};
pub use server::{MockServer, ServerOptions, StartError};
pub use store::{RedisOptions, StateLimits};

pub use embedded::EmbeddedSpec;

/// The specs compiled into this binary, each with its overlay.
pub fn embedded_specs() -> &'static [EmbeddedSpec] {
    embedded::EMBEDDED_SPECS
}
