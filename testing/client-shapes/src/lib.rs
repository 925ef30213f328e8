//! Clients generated from small specs, one per response shape progenitor cannot take as it is. The tests
//! in `tests/` serve each documented response from a real HTTP server and check it decodes typed.

// A test fixture, not an API: its items need no documentation.
#![allow(missing_docs)]

pub use client_runtime as runtime;

include!(concat!(env!("OUT_DIR"), "/clients.rs"));
