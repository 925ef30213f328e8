//! The small runtime every generated client uses. This crate knows nothing about any particular API; the
//! generated code supplies the names, types and media types.
//!
//! What a caller uses:
//! - [`ClientBuilder`]: `Client::builder(base_url)` in every generated module, with `.credentials(..)`,
//!   `.config(..)`, `.http_client(..)` (your own `reqwest::Client`) and `.layer(..)` (tower middleware).
//! - [`Secret`]: a credential that never shows in `Debug` output or logs.
//! - [`ClientConfig`] and [`RetryPolicy`]: timeouts, default headers, retries on 429/503 honouring
//!   `Retry-After` (defaults in [`RetryPolicy`]).
//! - [`CallOptions`]: per-call headers, timeout, retry policy or request change (a request builder's
//!   `customize`).
//! - [`Response`] and [`Error`]: what `send()` returns, typed per documented status.
//! - [`Items`]: every item of a paged list as one stream (a request builder's `items()`).
//! - [`OffsetTimestamp`]: timestamps with a `+hhmm` offset.
//!
//! Each call runs in a `tracing` span named `request` (operation, method, path) with an event per retry
//! (attempt, status, delay). Everything else here is for the generated code and hidden from the docs; with
//! the `dynamic-call` feature, `call` calls any operation by its `operationId` with JSON arguments, for
//! tools and contract tests.

#[cfg(feature = "dynamic-call")]
pub mod call;
mod client;
mod config;
mod credentials;
#[doc(hidden)]
pub mod decode;
mod deep_object;
mod error;
mod form;
mod list_header;
mod pages;
mod param;
mod response;
mod retry;
mod send;
mod time;

use std::fmt;

pub use client::{BoxError, ClientBuilder};
#[doc(hidden)]
pub use client::{ClientParts, ClientState, GeneratedClient};
pub use config::ClientConfig;
pub use credentials::Secret;
#[doc(hidden)]
pub use credentials::{Credential, SchemeCredentials};
#[doc(hidden)]
pub use deep_object::DeepObjectParam;
pub use error::{Error, TransportError};

/// The header a mock server puts on a refusal of its own ([`Error::Refused`]), which is not the API's
/// answer even when its status is one the operation documents.
pub const REFUSAL_HEADER: &str = "x-mock-refusal";
pub use form::FilePart;
#[doc(hidden)]
pub use list_header::simple_list;
pub use pages::Items;
#[doc(hidden)]
pub use pages::Page;
pub use param::IntoParam;
#[doc(hidden)]
pub use param::Param;
pub use response::Response;
pub use retry::{RetryPolicy, retry_after_delay};
#[doc(hidden)]
pub use send::Operation;
pub use send::{CallOptions, Customize};
pub use time::{OffsetTimestamp, OffsetTimestampError};

/// Why a client could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildError {
    /// The base URL is not an `http://` or `https://` URL.
    BaseUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A header name (of a credential, a default header) that is not one.
    HeaderName {
        /// The name as given.
        name: String,
    },
    /// A value (a credential's, a default header's) that the header cannot carry.
    HeaderValue {
        /// The header the value was for.
        header: String,
        /// Whether the value is a credential (and so left out of the message).
        secret: bool,
    },
    /// The HTTP client itself could not be built (TLS roots, for example).
    HttpClient {
        /// What the HTTP client reported.
        reason: String,
    },
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::BaseUrl { url, reason } => write!(
                f,
                "`{url}` is not a base URL: {reason} (expected e.g. `https://api.example.com`)"
            ),
            BuildError::HeaderName { name } => write!(f, "`{name}` is not a header name"),
            BuildError::HeaderValue {
                header,
                secret: true,
            } => write!(
                f,
                "the credential for `{header}` contains characters a header cannot carry"
            ),
            BuildError::HeaderValue { header, .. } => {
                write!(
                    f,
                    "the value of `{header}` contains characters a header cannot carry"
                )
            }
            BuildError::HttpClient { reason } => {
                write!(f, "the HTTP client cannot be built: {reason}")
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// `From<&T> for T` (a clone) for each type given, so request builder setters take borrowed values too.
#[doc(hidden)]
#[macro_export]
macro_rules! from_ref {
    ($($ty:ty),* $(,)?) => {
        $(impl ::core::convert::From<&$ty> for $ty {
            fn from(value: &$ty) -> Self {
                ::core::clone::Clone::clone(value)
            }
        })*
    };
}

/// `From<&str>` for each newtype of a string given, so request builder setters take text.
#[doc(hidden)]
#[macro_export]
macro_rules! from_str {
    ($($ty:ty),* $(,)?) => {
        $(impl ::core::convert::From<&str> for $ty {
            fn from(value: &str) -> Self {
                <$ty>::from(::std::string::String::from(value))
            }
        })*
    };
}
