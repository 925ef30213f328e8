//! Clients generated from documents the project did not write: the small OpenAPI Initiative examples and
//! one minimal document per construct that breaks a client generator (see `specs/SOURCES.md`). That this
//! crate compiles shows each becomes a client, with no compiler warning in the user's crate; `tests/` shows
//! each is served by the mock and linted.

// A test fixture, not an API: its items need no documentation.
#![allow(missing_docs)]
#![deny(warnings)]

pub use client_runtime as runtime;

include!(concat!(env!("OUT_DIR"), "/clients.rs"));
