//! The small runtime that every generated client uses.
//!
//! - [`Secret`]: a credential that never shows in `Debug` output or logs; headers made from it are marked
//!   sensitive, so `reqwest` and `http` print them as `Sensitive`.
//! - [`ClientConfig`]: timeouts, retry policy, extra default headers, user agent.
//! - [`RetryPolicy`]: on 429 and 503, bounded exponential backoff with jitter, honouring `Retry-After`
//!   (seconds or HTTP date); when retries run out the last response is returned, so the caller sees it typed.
//! - The `decode` helpers the generated methods call to turn each documented status into its typed value.
//! - [`call`]: calling any operation by `operationId` with JSON arguments, for tools and contract tests.
//!
//! This crate knows nothing about any particular API; the generated code supplies the names and media types.

pub mod call;
mod form;
mod retry;

use std::fmt;
use std::time::Duration;

use base64::Engine as _;
pub use progenitor_client::{Error, ResponseValue};
use reqwest::header::{self, HeaderMap, HeaderName, HeaderValue};

pub use form::FilePart;
pub use retry::{RetryPolicy, retry_after_delay};

/// A credential: an API key, token or password. Its `Debug` output is `Secret(***)` and it has no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself. Only for putting it on the wire.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_string())
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

/// How one credential is put on a request. Built by the generated `Credentials` of each API.
#[derive(Clone)]
pub enum Credential {
    /// A header whose value is sensitive (`X-API-Key: …`, `Authorization: Bearer …`).
    Header(HeaderName, HeaderValue),
    /// A query parameter. Note that URLs appear in `reqwest` error messages; prefer header credentials.
    Query(String, Secret),
    /// A cookie.
    Cookie(String, Secret),
}

impl fmt::Debug for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credential::Header(name, _) => write!(f, "Header({name}: ***)"),
            Credential::Query(name, _) => write!(f, "Query({name}=***)"),
            Credential::Cookie(name, _) => write!(f, "Cookie({name}=***)"),
        }
    }
}

impl Credential {
    /// An API key in a header.
    pub fn header(name: &str, secret: &Secret) -> Result<Credential, BuildError> {
        let header = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| BuildError(format!("`{name}` is not a header name")))?;
        Ok(Credential::Header(
            header,
            sensitive(secret.expose(), name)?,
        ))
    }

    /// `Authorization: Bearer <token>`.
    pub fn bearer(token: &Secret) -> Result<Credential, BuildError> {
        let value = sensitive(&format!("Bearer {}", token.expose()), "Authorization")?;
        Ok(Credential::Header(header::AUTHORIZATION, value))
    }

    /// `Authorization: Basic <base64(username:password)>`.
    pub fn basic(username: &str, password: &Secret) -> Result<Credential, BuildError> {
        let encoded = base64::engine::general_purpose::STANDARD
            .encode(format!("{username}:{}", password.expose()));
        Ok(Credential::Header(
            header::AUTHORIZATION,
            sensitive(&format!("Basic {encoded}"), "Authorization")?,
        ))
    }

    pub fn query(name: &str, secret: &Secret) -> Credential {
        Credential::Query(name.to_string(), secret.clone())
    }

    pub fn cookie(name: &str, secret: &Secret) -> Credential {
        Credential::Cookie(name.to_string(), secret.clone())
    }
}

fn sensitive(value: &str, header: &str) -> Result<HeaderValue, BuildError> {
    let mut value = HeaderValue::from_str(value).map_err(|_| {
        BuildError(format!(
            "the credential for `{header}` contains characters a header cannot carry"
        ))
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// Why a client could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError(pub String);

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BuildError {}

/// Everything about a client that is not its base URL or credentials.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Time allowed to open a connection. Default 10 s.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request and response, per attempt. Default 30 s.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    pub user_agent: String,
    /// Headers sent on every request unless the call sets them (for example `X-Language`).
    pub default_headers: HeaderMap,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            user_agent: concat!("cloud-backup-apis/", env!("CARGO_PKG_VERSION")).to_string(),
            default_headers: HeaderMap::new(),
        }
    }
}

impl ClientConfig {
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Adds a header sent on every request that does not set it itself.
    pub fn default_header(mut self, name: &str, value: &str) -> Result<Self, BuildError> {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| BuildError(format!("`{name}` is not a header name")))?;
        let value = HeaderValue::from_str(value)
            .map_err(|_| BuildError(format!("`{value}` is not a header value")))?;
        self.default_headers.insert(name, value);
        Ok(self)
    }

    fn http_client(&self) -> Result<reqwest::Client, BuildError> {
        reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .user_agent(self.user_agent.clone())
            .default_headers(self.default_headers.clone())
            .build()
            .map_err(|e| BuildError(format!("the HTTP client cannot be built: {e}")))
    }
}

/// What a generated `Client` carries besides its base URL and `reqwest::Client` (progenitor's "inner" value).
#[derive(Debug, Clone)]
pub struct ClientState {
    pub retry: RetryPolicy,
    credentials: Vec<Credential>,
}

/// The parts a generated constructor assembles into a `Client`.
pub struct ClientParts {
    pub base_url: String,
    pub http: reqwest::Client,
    pub state: ClientState,
}

impl ClientParts {
    pub fn new(
        base_url: &str,
        credentials: Vec<Credential>,
        config: ClientConfig,
    ) -> Result<ClientParts, BuildError> {
        let parsed = reqwest::Url::parse(base_url).map_err(|e| {
            BuildError(format!(
                "`{base_url}` is not a base URL: {e} (expected e.g. `https://api.example.com`)"
            ))
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(BuildError(format!(
                "`{base_url}` must start with http:// or https://"
            )));
        }
        Ok(ClientParts {
            base_url: base_url.trim_end_matches('/').to_string(),
            http: config.http_client()?,
            state: ClientState {
                retry: config.retry,
                credentials,
            },
        })
    }
}

/// Media types of one operation, from its spec.
#[derive(Debug, Clone, Copy, Default)]
pub struct MediaTypes {
    pub accept: Option<&'static str>,
    pub request_content_type: Option<&'static str>,
    /// A `multipart/form-data` body, built as JSON by the generated method: the fields that are files.
    pub form: Option<&'static [FilePart]>,
}

/// Puts credentials and the operation's media types on a request. Called by the generated `pre` hook.
pub fn prepare_request(state: &ClientState, request: &mut reqwest::Request, media: MediaTypes) {
    let mut cookies = Vec::new();
    for credential in &state.credentials {
        match credential {
            Credential::Header(name, value) => {
                request.headers_mut().insert(name.clone(), value.clone());
            }
            Credential::Query(name, secret) => {
                request
                    .url_mut()
                    .query_pairs_mut()
                    .append_pair(name, secret.expose());
            }
            Credential::Cookie(name, secret) => cookies.push(format!("{name}={}", secret.expose())),
        }
    }
    if !cookies.is_empty()
        && let Ok(mut value) = HeaderValue::from_str(&cookies.join("; "))
    {
        value.set_sensitive(true);
        request.headers_mut().insert(header::COOKIE, value);
    }
    if let Some(accept) = media.accept
        && let Ok(value) = HeaderValue::from_str(accept)
    {
        request.headers_mut().insert(header::ACCEPT, value);
    }
    if let Some(files) = media.form {
        form::encode_request(request, files);
    }
    if let Some(content_type) = media.request_content_type
        && request.body().is_some()
        && let Ok(value) = HeaderValue::from_str(content_type)
    {
        request.headers_mut().insert(header::CONTENT_TYPE, value);
    }
}

/// Sends a request, retrying as the policy says. Called by the generated `exec` hook.
pub async fn execute(
    http: &reqwest::Client,
    state: &ClientState,
    request: reqwest::Request,
) -> reqwest::Result<reqwest::Response> {
    retry::send_with_retries(http, &state.retry, request).await
}

/// Decoding helpers for the generated methods: one per kind of documented body.
pub mod decode {
    use super::*;

    pub async fn json<T: serde::de::DeserializeOwned, E>(
        response: reqwest::Response,
    ) -> Result<ResponseValue<T>, Error<E>> {
        ResponseValue::from_response(response).await
    }

    pub async fn text<E>(response: reqwest::Response) -> Result<ResponseValue<String>, Error<E>> {
        let (status, headers) = (response.status(), response.headers().clone());
        let text = response.text().await.map_err(Error::ResponseBodyError)?;
        Ok(ResponseValue::new(text, status, headers))
    }

    pub async fn binary<E>(
        response: reqwest::Response,
    ) -> Result<ResponseValue<Vec<u8>>, Error<E>> {
        let (status, headers) = (response.status(), response.headers().clone());
        let bytes = response.bytes().await.map_err(Error::ResponseBodyError)?;
        Ok(ResponseValue::new(bytes.to_vec(), status, headers))
    }

    /// A response documented without a body. Whatever body came is read and dropped.
    pub fn empty(response: reqwest::Response) -> ResponseValue<()> {
        ResponseValue::empty(response)
    }

    /// Wraps a decoded value in one variant of a generated enum, keeping status and headers.
    pub fn variant<T, V>(value: ResponseValue<T>, make: impl FnOnce(T) -> V) -> ResponseValue<V> {
        let (status, headers) = (value.status(), value.headers().clone());
        ResponseValue::new(make(value.into_inner()), status, headers)
    }
}
