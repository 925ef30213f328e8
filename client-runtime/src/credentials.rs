//! Credentials: the secret a caller passes ([`Secret`], never printed) and how one is put on a request
//! ([`Credential`], built by each generated `Credentials` enum from its security scheme).

use std::fmt;

use base64::Engine as _;
use reqwest::header::{self, HeaderName, HeaderValue};

use crate::BuildError;

/// A credential: an API key, token or password. Its `Debug` output is `Secret(***)` and it has no `Display`;
/// headers made from it are marked sensitive, so `reqwest` and `http` print them as `Sensitive`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// The credential's value, as the API expects it (without a scheme such as `Bearer `).
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

/// What a generated `Credentials` enum implements: the credential one of its values puts on requests.
#[doc(hidden)]
pub trait SchemeCredentials {
    fn credential(&self) -> Result<Credential, BuildError>;
}

/// How one credential is put on a request.
#[doc(hidden)]
#[derive(Clone)]
pub enum Credential {
    /// A header whose value is sensitive (`X-API-Key: …`, `Authorization: Bearer …`).
    Header(HeaderName, HeaderValue),
    /// A query parameter. URLs appear in `reqwest` error messages; prefer header credentials.
    Query(String, Secret),
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
        let header =
            HeaderName::from_bytes(name.as_bytes()).map_err(|_| BuildError::HeaderName {
                name: name.to_string(),
            })?;
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

    pub fn query(name: &str, secret: &Secret) -> Result<Credential, BuildError> {
        Ok(Credential::Query(name.to_string(), secret.clone()))
    }

    pub fn cookie(name: &str, secret: &Secret) -> Result<Credential, BuildError> {
        Ok(Credential::Cookie(name.to_string(), secret.clone()))
    }

    /// Puts every credential of `credentials` on `request`.
    pub(crate) fn apply_all(credentials: &[Credential], request: &mut reqwest::Request) {
        let mut cookies = Vec::new();
        for credential in credentials {
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
                Credential::Cookie(name, secret) => {
                    cookies.push(format!("{name}={}", secret.expose()))
                }
            }
        }
        if !cookies.is_empty()
            && let Ok(mut value) = HeaderValue::from_str(&cookies.join("; "))
        {
            value.set_sensitive(true);
            request.headers_mut().insert(header::COOKIE, value);
        }
    }
}

fn sensitive(value: &str, header: &str) -> Result<HeaderValue, BuildError> {
    let mut value = HeaderValue::from_str(value).map_err(|_| BuildError::HeaderValue {
        header: header.to_string(),
        secret: true,
    })?;
    value.set_sensitive(true);
    Ok(value)
}
