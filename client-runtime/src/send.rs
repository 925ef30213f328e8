//! Sending one call: the client's credentials, default headers and timeout, the operation's media types,
//! the caller's [`CallOptions`], then attempts as the retry policy says, in a `tracing` span per call with an
//! event per retry.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use reqwest::header::{self, HeaderName, HeaderValue};
use tracing::Instrument as _;

use crate::client::ClientState;
use crate::error::TransportError;
use crate::{Error, RetryPolicy};

/// What the generated code knows about an operation when it sends a call: its `operationId` as the spec
/// writes it (names the tracing span), the response media type to ask for (`Accept`), and the request body's
/// media type when progenitor's code does not set the one the spec documents, and for a `multipart/form-data`
/// body (built as JSON by progenitor's code) the fields that are files.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Operation(
    pub &'static str,
    pub Option<&'static str>,
    pub Option<&'static str>,
    pub Option<&'static [crate::FilePart]>,
);

impl Operation {
    /// An operation that asks for JSON, and whose body (if any) progenitor's code sends as JSON.
    pub const fn json(id: &'static str) -> Self {
        Operation(id, Some("application/json"), None, None)
    }
}

/// A request builder's `customize` argument: a function from the call's options to the options to use.
pub trait Customize: FnOnce(CallOptions) -> CallOptions {}

impl<F: FnOnce(CallOptions) -> CallOptions> Customize for F {}

/// How many attempts a response took; the decoders copy it into [`Response`](crate::Response).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Attempts(pub u32);

type RequestChange = Arc<dyn Fn(&mut reqwest::Request) + Send + Sync>;

/// Per-call control, set with a request builder's `customize`: extra headers, a timeout or retry policy
/// for this call only, or any change to the request before it is sent.
///
/// ```ignore
/// let listed = client
///     .list_vps_backups()
///     .id("vps_01hxa3b4c5d6e7f8g9h0j1k2m3")
///     .customize(|call| call.header("Prefer", "code=429").timeout(Duration::from_secs(5)))
///     .send()
///     .await;
/// ```
#[derive(Default, Clone)]
pub struct CallOptions {
    headers: Vec<Result<(HeaderName, HeaderValue), crate::BuildError>>,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    changes: Vec<RequestChange>,
}

impl fmt::Debug for CallOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallOptions")
            .field("headers", &self.headers)
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("changes", &self.changes.len())
            .finish()
    }
}

impl CallOptions {
    /// A header for this call, replacing one the client or the operation would send. A name or value a
    /// header cannot carry fails the call with [`Error::InvalidRequest`] before anything is sent.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push(crate::config::header(name, value));
        self
    }

    /// The time allowed for this call's request and response, per attempt.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The retry policy for this call.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Changes the request once it is complete (credentials and headers on), before its first attempt.
    pub fn map_request(
        mut self,
        change: impl Fn(&mut reqwest::Request) + Send + Sync + 'static,
    ) -> Self {
        self.changes.push(Arc::new(change));
        self
    }
}

impl ClientState {
    /// Sends `request` as `operation`: prepares it, then attempts it as the retry policy says.
    pub async fn send<E>(
        &self,
        request: reqwest::Request,
        operation: &Operation,
        options: CallOptions,
    ) -> Result<reqwest::Response, Error<E>> {
        send(self, request, operation, options).await
    }
}

async fn send<E>(
    state: &ClientState,
    mut request: reqwest::Request,
    operation: &Operation,
    options: CallOptions,
) -> Result<reqwest::Response, Error<E>> {
    prepare(state, &mut request, operation);
    for header in options.headers {
        let (name, value) = header.map_err(|e| Error::InvalidRequest(e.to_string()))?;
        request.headers_mut().insert(name, value);
    }
    *request.timeout_mut() = Some(options.timeout.unwrap_or(state.timeout));
    for change in &options.changes {
        change(&mut request);
    }
    let policy = options.retry.as_ref().unwrap_or(&state.retry);
    let span = tracing::info_span!(
        "request",
        operation = operation.0,
        method = %request.method(),
        path = request.url().path(),
    );
    let response = attempts(state, policy, request).instrument(span).await?;
    if response.headers().contains_key(crate::REFUSAL_HEADER) {
        return Err(crate::decode::refused(response).await);
    }
    Ok(response)
}

/// Credentials, default headers and media types.
fn prepare(state: &ClientState, request: &mut reqwest::Request, operation: &Operation) {
    for (name, value) in &state.default_headers {
        if !request.headers().contains_key(name) {
            request.headers_mut().insert(name.clone(), value.clone());
        }
    }
    crate::credentials::Credential::apply_all(&state.credentials, request);
    let Operation(_, accept, content_type, form) = *operation;
    if let Some(files) = form {
        crate::form::encode_request(request, files);
    }
    if let Some(accept) = accept
        && let Ok(value) = HeaderValue::from_str(accept)
    {
        request.headers_mut().insert(header::ACCEPT, value);
    }
    if let Some(content_type) = content_type
        && request.body().is_some()
        && let Ok(value) = HeaderValue::from_str(content_type)
    {
        request.headers_mut().insert(header::CONTENT_TYPE, value);
    }
}

async fn attempts<E>(
    state: &ClientState,
    policy: &RetryPolicy,
    mut request: reqwest::Request,
) -> Result<reqwest::Response, Error<E>> {
    let mut attempt: u32 = 1;
    loop {
        // A streaming body cannot be sent twice; such a request gets one attempt.
        let spare = request.try_clone();
        let mut response = state
            .transport
            .send(request)
            .await
            .map_err(|e| Error::Transport(TransportError::new(e, attempt)))?;
        let status = response.status();
        let wait = spare.as_ref().and_then(|_| {
            policy.delay_before_retry(attempt - 1, status, response.headers(), SystemTime::now())
        });
        match (spare, wait) {
            (Some(next), Some(wait)) => {
                tracing::info!(
                    attempt,
                    status = status.as_u16(),
                    delay_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                    "retrying after {status}"
                );
                drop(response);
                tokio::time::sleep(wait).await;
                request = next;
                attempt += 1;
            }
            _ => {
                tracing::debug!(status = status.as_u16(), attempts = attempt, "response");
                response.extensions_mut().insert(Attempts(attempt));
                return Ok(response);
            }
        }
    }
}
