//! Typed async clients for cloud backup APIs, generated at compile time from the OpenAPI documents in `specs/`.
//!
//! Each spec file becomes a module named after it (`specs/hostup.yaml` → [`hostup`]). Every module has a
//! `Client` with a constructor that takes the API's `Credentials`, one async method per operation, the
//! request and response `types`, and in `responses` an enum per operation with one variant per documented
//! error status, so callers can `match` on the status and get its documented body typed.
//!
//! Shared behaviour (timeouts, retries on 429/503 honouring `Retry-After`, credentials that never print)
//! lives in [`runtime`].

pub use client_runtime as runtime;

include!(concat!(env!("OUT_DIR"), "/clients.rs"));

/// The README's examples, compiled as doctests so they keep up with the generated API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExamples;
