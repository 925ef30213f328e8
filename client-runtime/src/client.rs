//! Building a client: [`ClientBuilder`] (base URL, credentials, configuration, the caller's own HTTP
//! client and middleware), the same for every generated module, and the state a built client carries.

use std::fmt;
use std::future::{Future, poll_fn};
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::credentials::{Credential, SchemeCredentials};
use crate::{BuildError, ClientConfig, RetryPolicy};

/// An error from an HTTP client or middleware, whatever its type.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// What a generated `Client` implements so [`ClientBuilder`] can build it.
#[doc(hidden)]
pub trait GeneratedClient: Sized {
    /// The module's `Credentials` (an empty enum when the API documents none).
    type Credentials: SchemeCredentials + fmt::Debug;
    fn from_parts(parts: ClientParts) -> Self;
}

/// The parts a generated client is made of.
#[doc(hidden)]
pub struct ClientParts {
    pub base_url: String,
    /// Builds requests (and sends them, unless a layer wraps it).
    pub http: reqwest::Client,
    pub state: ClientState,
}

/// Builds the `Client` of a generated module: `Client::builder(base_url)`, then any of the methods below,
/// then [`build`](Self::build).
///
/// ```ignore
/// // (from the crate that generates the clients; compiled in its README)
/// # use cloud_backup_apis::hostup;
/// # use cloud_backup_apis::runtime::{ClientConfig, RetryPolicy};
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let client = hostup::Client::builder(hostup::DEFAULT_BASE_URL)
///     .credentials(hostup::Credentials::BearerAuth("KEY".into()))
///     .config(ClientConfig::default().retry(RetryPolicy::default().max_retries(5)))
///     .http_client(reqwest::Client::new()) // your own: proxy, TLS roots, connection pool
///     .build()?;
/// # Ok(()) }
/// ```
pub struct ClientBuilder<C: GeneratedClient> {
    base_url: String,
    credentials: Vec<C::Credentials>,
    config: ClientConfig,
    http: Option<reqwest::Client>,
    layer: Option<Box<dyn FnOnce(reqwest::Client) -> Transport + Send>>,
    client: PhantomData<fn() -> C>,
}

impl<C: GeneratedClient> fmt::Debug for ClientBuilder<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("credentials", &self.credentials)
            .field("config", &self.config)
            .field("http", &self.http)
            .field("layer", &self.layer.as_ref().map(|_| "…"))
            .finish()
    }
}

impl<C: GeneratedClient> ClientBuilder<C> {
    /// A builder for a client of the API at `base_url` (`https://api.example.com`, with any path prefix).
    pub fn new(base_url: impl Into<String>) -> Self {
        ClientBuilder {
            base_url: base_url.into(),
            credentials: Vec::new(),
            config: ClientConfig::default(),
            http: None,
            layer: None,
            client: PhantomData,
        }
    }

    /// A credential sent on every request, named after the API's security scheme
    /// (`Credentials::BearerAuth("TOKEN".into())`). Call it once per scheme when operations need several.
    pub fn credentials(mut self, credentials: C::Credentials) -> Self {
        self.credentials.push(credentials);
        self
    }

    /// Timeouts, retry policy, default headers and user agent ([`ClientConfig::default`] if not called).
    pub fn config(mut self, config: ClientConfig) -> Self {
        self.config = config;
        self
    }

    /// Sends requests with this `reqwest::Client` (your proxy, TLS roots, connection pool) instead of one
    /// the builder makes. The configuration's timeout, retries and default headers still apply per request.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// Wraps the HTTP client in a tower layer (tracing, signing, metrics, a test double): each attempt of
    /// each request goes through the service the layer makes. Compose several with
    /// `tower::ServiceBuilder` (or a tuple of layers).
    pub fn layer<L>(mut self, layer: L) -> Self
    where
        L: tower_layer::Layer<reqwest::Client> + Send + 'static,
        L::Service: tower_service::Service<reqwest::Request, Response = reqwest::Response>
            + Clone
            + Send
            + Sync
            + 'static,
        <L::Service as tower_service::Service<reqwest::Request>>::Error: Into<BoxError>,
        <L::Service as tower_service::Service<reqwest::Request>>::Future: Send,
    {
        self.layer = Some(Box::new(move |http| Transport::service(layer.layer(http))));
        self
    }

    /// The client, or why it cannot be built (a base URL that is not one, a credential a header cannot carry).
    pub fn build(self) -> Result<C, BuildError> {
        let base_url = &self.base_url;
        let parsed = reqwest::Url::parse(base_url).map_err(|e| BuildError::BaseUrl {
            url: base_url.clone(),
            reason: e.to_string(),
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(BuildError::BaseUrl {
                url: base_url.clone(),
                reason: "it must start with http:// or https://".into(),
            });
        }
        let credentials = self
            .credentials
            .iter()
            .map(SchemeCredentials::credential)
            .collect::<Result<Vec<_>, _>>()?;
        let http = match self.http {
            Some(http) => http,
            None => self.config.http_client()?,
        };
        let transport = match self.layer {
            Some(layer) => layer(http.clone()),
            None => Transport::service(http.clone()),
        };
        Ok(C::from_parts(ClientParts {
            base_url: base_url.trim_end_matches('/').to_string(),
            http,
            state: ClientState {
                retry: self.config.retry,
                timeout: self.config.timeout,
                default_headers: self.config.default_headers,
                credentials,
                transport,
            },
        }))
    }
}

type SendFuture = Pin<Box<dyn Future<Output = Result<reqwest::Response, BoxError>> + Send>>;

/// Sends one attempt of a request: the HTTP client, or the service a layer made of it.
#[derive(Clone)]
pub(crate) struct Transport(Arc<dyn Fn(reqwest::Request) -> SendFuture + Send + Sync>);

impl Transport {
    fn service<S>(service: S) -> Transport
    where
        S: tower_service::Service<reqwest::Request, Response = reqwest::Response>
            + Clone
            + Send
            + Sync
            + 'static,
        S::Error: Into<BoxError>,
        S::Future: Send,
    {
        Transport(Arc::new(move |request| {
            let mut service = service.clone();
            Box::pin(async move {
                poll_fn(|cx| service.poll_ready(cx))
                    .await
                    .map_err(Into::into)?;
                service.call(request).await.map_err(Into::into)
            })
        }))
    }

    pub(crate) async fn send(
        &self,
        request: reqwest::Request,
    ) -> Result<reqwest::Response, BoxError> {
        (self.0)(request).await
    }
}

/// What a generated `Client` carries besides its base URL and `reqwest::Client`.
#[doc(hidden)]
#[derive(Clone)]
pub struct ClientState {
    pub(crate) retry: RetryPolicy,
    pub(crate) timeout: Duration,
    pub(crate) default_headers: HeaderMap,
    pub(crate) credentials: Vec<Credential>,
    pub(crate) transport: Transport,
}

impl fmt::Debug for ClientState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientState")
            .field("retry", &self.retry)
            .field("timeout", &self.timeout)
            .field("default_headers", &self.default_headers)
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}
