//! CI tooling for OpenAPI 3.0 and 3.1 specs.
//!
//! - [`check`] lints spec files: parse errors, unresolved `$ref`s, missing or duplicate operationIds, examples
//!   that break their schemas, JSON responses without a schema, constructs the client build refuses. Each
//!   finding has a stable rule id and a file:line:column ([`check_report`] prints them).
//! - [`verify`] contract-tests a live server: it sends every operation's documented example requests and
//!   checks each response against the spec, with Schemathesis' check names.
//!
//! Specs are understood by `apispec` only; this crate never parses a spec itself.

pub mod check;
pub mod check_report;
pub mod junit;
pub mod verify;
pub mod verify_report;
