//! [`ClientConfig`]: timeouts, retry policy, default headers and user agent of a client.

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::{BuildError, RetryPolicy};

/// Everything about a client that is not its base URL, credentials or HTTP client.
///
/// The timeout, retry policy and default headers apply to every request, whichever HTTP client sends it.
/// The connect timeout and user agent configure the HTTP client the builder makes, which follows no
/// redirects (a `3xx` is returned as the response it is); a client passed with
/// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) keeps its own settings.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Time allowed to open a connection. Default 10 s.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request and response, per attempt. Default 30 s.
    pub timeout: Duration,
    /// When to retry; see [`RetryPolicy`] for the defaults.
    pub retry: RetryPolicy,
    /// Default `cloud-backup-apis/<version>`.
    pub user_agent: String,
    /// Headers sent on every request that does not set them itself (for example `X-Language`).
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
    /// Sets [`ClientConfig::timeout`].
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Sets [`ClientConfig::connect_timeout`].
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sets [`ClientConfig::retry`].
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets [`ClientConfig::user_agent`].
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Adds a header sent on every request that does not set it itself.
    pub fn default_header(mut self, name: &str, value: &str) -> Result<Self, BuildError> {
        let (name, value) = header(name, value)?;
        self.default_headers.insert(name, value);
        Ok(self)
    }

    /// The HTTP client the builder makes. It follows no redirect: a `3xx` is a response like any other,
    /// the operation's documented one (a `303` after a login, say) or an undocumented status with its
    /// `Location`; a client passed with `http_client` follows whatever its own policy says.
    pub(crate) fn http_client(&self) -> Result<reqwest::Client, BuildError> {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(self.connect_timeout)
            .user_agent(self.user_agent.clone())
            .build()
            .map_err(|e| BuildError::HttpClient {
                reason: e.to_string(),
            })
    }
}

/// A header from text, or why it is not one.
pub(crate) fn header(name: &str, value: &str) -> Result<(HeaderName, HeaderValue), BuildError> {
    let header_name =
        HeaderName::from_bytes(name.as_bytes()).map_err(|_| BuildError::HeaderName {
            name: name.to_string(),
        })?;
    let header_value = HeaderValue::from_str(value).map_err(|_| BuildError::HeaderValue {
        header: name.to_string(),
        secret: false,
    })?;
    Ok((header_name, header_value))
}
