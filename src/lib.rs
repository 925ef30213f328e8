//! Typed async clients for cloud backup APIs, generated at compile time from the OpenAPI documents in `specs/`.
//!
//! Each spec file becomes a module named after it (`specs/hostup.yaml` → [`hostup`]). Every module has:
//! - a `Client`, built with `Client::builder(base_url).credentials(..).build()?` (see
//!   [`runtime::ClientBuilder`]: configuration, your own `reqwest::Client`, tower middleware);
//! - one method per operation returning its request builder (`client.list_backups()`), with a setter per
//!   parameter and `send()`; paged lists also have `items()`;
//! - the request and response `types`, and in `responses` an enum per operation with one variant per
//!   documented error status, so callers `match` on `err.documented()` and get its body typed.
//!
//! Shared behaviour (timeouts, retries on 429/503 honouring `Retry-After`, credentials that never print,
//! per-call options, typed responses and errors) is in [`runtime`].

/// The runtime the generated clients share: client builder, configuration, responses and errors.
pub mod runtime {
    #[doc(inline)]
    pub use client_runtime::*;
}

include!(concat!(env!("OUT_DIR"), "/clients.rs"));

/// The README's examples, compiled as doctests so they keep up with the generated API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeExamples;
