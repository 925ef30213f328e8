//! [`Error`]: why a call did not return a documented success, in one enum per operation's error type.
//!
//! The documented case comes first and is one step away ([`Error::documented`],
//! [`Error::into_documented`]); the others (a status the spec does not document, a body that does not decode,
//! a request that was never sent, no response at all) stay reachable as their own variants. `Display` is one
//! line (status and the body's message); `Debug` shows everything, headers included.

use std::fmt;

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde::Serialize;
use serde_json::Value;

use crate::Response;
use crate::client::BoxError;

/// Why a call did not return one of the operation's documented successes. `E` is the operation's error
/// enum (`DeleteBackupError`), one variant per documented error status.
pub enum Error<E> {
    /// A status the operation documents as an error, its body decoded into the operation's error enum.
    Documented(Box<Response<E>>),
    /// A status the operation does not document, with the body as text.
    Undocumented(Box<Response<String>>),
    /// A mock server's own refusal (marked `x-mock-refusal`), not the API's answer, even when its status is
    /// one the operation documents: a `Prefer` for a status the operation does not have, a request that
    /// breaks the spec where the spec documents no answer for it. The body (a problem document) as text.
    Refused(Box<Response<String>>),
    /// A documented status whose body does not decode into its documented type.
    Undecodable {
        /// The response, its body as received.
        response: Box<Response<Bytes>>,
        /// Why the body did not decode (the decoder's message, with where in the body).
        reason: String,
    },
    /// The request was not sent: a required parameter is missing, a value does not convert to its type, or a
    /// header cannot carry a value.
    InvalidRequest(String),
    /// No response: connecting, TLS, the timeout or a middleware failed.
    Transport(TransportError),
}

impl<E> Error<E> {
    /// The operation's documented error, if the server sent one.
    pub fn documented(&self) -> Option<&E> {
        match self {
            Error::Documented(response) => Some(response.as_ref()),
            _ => None,
        }
    }

    /// The operation's documented error, or this error back when it is another kind (for `?`).
    pub fn into_documented(self) -> Result<E, Self> {
        match self {
            Error::Documented(response) => Ok(response.into_inner()),
            other => Err(other),
        }
    }

    /// The status of the response, if one came.
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Documented(r) => Some(r.status()),
            Error::Undocumented(r) | Error::Refused(r) => Some(r.status()),
            Error::Undecodable { response, .. } => Some(response.status()),
            Error::InvalidRequest(_) | Error::Transport(_) => None,
        }
    }

    /// The headers of the response, if one came.
    pub fn headers(&self) -> Option<&HeaderMap> {
        match self {
            Error::Documented(r) => Some(r.headers()),
            Error::Undocumented(r) | Error::Refused(r) => Some(r.headers()),
            Error::Undecodable { response, .. } => Some(response.headers()),
            Error::InvalidRequest(_) | Error::Transport(_) => None,
        }
    }

    /// How many times the request was sent (0 when it was not).
    pub fn attempts(&self) -> u32 {
        match self {
            Error::Documented(r) => r.attempts(),
            Error::Undocumented(r) | Error::Refused(r) => r.attempts(),
            Error::Undecodable { response, .. } => response.attempts(),
            Error::InvalidRequest(_) => 0,
            Error::Transport(e) => e.attempts,
        }
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        matches!(self, Error::Transport(e) if e.is_timeout())
    }
}

/// A documented error response.
impl<E> From<Response<E>> for Error<E> {
    fn from(response: Response<E>) -> Self {
        Error::Documented(Box::new(response))
    }
}

impl<E> From<reqwest::Error> for Error<E> {
    fn from(e: reqwest::Error) -> Self {
        Error::InvalidRequest(format!("the request cannot be built: {e}"))
    }
}

impl<E> From<reqwest::header::InvalidHeaderValue> for Error<E> {
    fn from(e: reqwest::header::InvalidHeaderValue) -> Self {
        Error::InvalidRequest(format!("a parameter cannot be sent as a header: {e}"))
    }
}

/// For progenitor's request code (a form body that does not serialize).
impl<E> From<progenitor_client::Error<()>> for Error<E> {
    fn from(e: progenitor_client::Error<()>) -> Self {
        Error::InvalidRequest(e.to_string())
    }
}

impl<E> From<std::convert::Infallible> for Error<E> {
    fn from(never: std::convert::Infallible) -> Self {
        match never {}
    }
}

/// One line: the status (and attempts when retries ran) and the documented body's message.
impl<E: Serialize> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let after = |attempts: u32| {
            if attempts > 1 {
                format!(" after {attempts} attempts")
            } else {
                String::new()
            }
        };
        match self {
            Error::Documented(r) => {
                write!(f, "{}{}", r.status(), after(r.attempts()))?;
                let body = serde_json::to_value(r.as_ref().as_ref()).unwrap_or(Value::Null);
                match message_of(&body) {
                    Some(message) => write!(f, ": {message}"),
                    None => Ok(()),
                }
            }
            Error::Undocumented(r) => write!(
                f,
                "{}{}, a status the operation does not document: {}",
                r.status(),
                after(r.attempts()),
                one_line(r, 200)
            ),
            Error::Refused(r) => write!(
                f,
                "{}{}, the mock server's own refusal ({}): {}",
                r.status(),
                after(r.attempts()),
                r.headers()
                    .get(crate::REFUSAL_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("refused"),
                one_line(r, 200)
            ),
            Error::Undecodable { response, reason } => write!(
                f,
                "{}: the body does not match its documented type: {reason}",
                response.status()
            ),
            Error::InvalidRequest(reason) => write!(f, "the request was not sent: {reason}"),
            Error::Transport(e) => write!(f, "no response{}: {e}", after(e.attempts)),
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Documented(r) => f.debug_tuple("Documented").field(r).finish(),
            Error::Undocumented(r) => f.debug_tuple("Undocumented").field(r).finish(),
            Error::Refused(r) => f.debug_tuple("Refused").field(r).finish(),
            Error::Undecodable { response, reason } => f
                .debug_struct("Undecodable")
                .field("response", response)
                .field("reason", reason)
                .finish(),
            Error::InvalidRequest(reason) => f.debug_tuple("InvalidRequest").field(reason).finish(),
            Error::Transport(e) => f.debug_tuple("Transport").field(e).finish(),
        }
    }
}

impl<E: Serialize + fmt::Debug> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(e) => Some(e),
            _ => None,
        }
    }
}

/// No response came: the HTTP client's or a middleware's error, and the attempt it ended.
pub struct TransportError {
    source: BoxError,
    attempts: u32,
}

impl TransportError {
    pub(crate) fn new(source: BoxError, attempts: u32) -> Self {
        TransportError { source, attempts }
    }

    /// The error as the HTTP client or middleware reported it.
    pub fn get_ref(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &*self.source
    }

    /// Whether the HTTP client reported a timeout, anywhere in the chain of sources.
    pub fn is_timeout(&self) -> bool {
        let mut next: Option<&(dyn std::error::Error + 'static)> = Some(&*self.source);
        while let Some(error) = next {
            if let Some(e) = error.downcast_ref::<reqwest::Error>()
                && e.is_timeout()
            {
                return true;
            }
            next = error.source();
        }
        false
    }
}

/// The error and its causes, on one line.
impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        let mut cause = self.source.source();
        while let Some(e) = cause {
            write!(f, ": {e}")?;
            cause = e.source();
        }
        Ok(())
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("source", &self.source)
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// The human message of an error body, with its machine code when it has one:
/// `The VPS could not be found. (vps_not_found)`. Looks for the fields APIs commonly use.
fn message_of(body: &Value) -> Option<String> {
    const MESSAGES: [&str; 7] = [
        "message",
        "detail",
        "error_msg",
        "error_description",
        "title",
        "msg",
        "error",
    ];
    const CODES: [&str; 3] = ["code", "error_code", "errorCode"];
    match body {
        Value::String(text) => Some(collapse(text, 300)),
        Value::Object(fields) => {
            let message = MESSAGES
                .iter()
                .find_map(|key| fields.get(*key).and_then(Value::as_str));
            let nested = || {
                fields
                    .get("error")
                    .or_else(|| fields.get("data"))
                    .filter(|v| v.is_object())
                    .and_then(message_of)
            };
            let code = CODES
                .iter()
                .find_map(|key| fields.get(*key).and_then(Value::as_str));
            match (message.map(|m| collapse(m, 300)).or_else(nested), code) {
                (Some(message), Some(code)) => Some(format!("{message} ({code})")),
                (Some(message), None) => Some(message),
                (None, Some(code)) => Some(code.to_string()),
                (None, None) => None,
            }
        }
        _ => None,
    }
}

/// `text` on one line, cut to `limit` characters.
fn one_line(text: &str, limit: usize) -> String {
    if text.trim().is_empty() {
        "(no body)".into()
    } else {
        collapse(text, limit)
    }
}

fn collapse(text: &str, limit: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() > limit {
        let cut: String = joined.chars().take(limit).collect();
        format!("{cut}…")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_message_of_common_error_bodies() {
        let problem = json!({"type": "about:blank", "title": "Not Found", "status": 404,
            "detail": "The VPS could not be found.", "code": "vps_not_found"});
        assert_eq!(
            message_of(&problem).as_deref(),
            Some("The VPS could not be found. (vps_not_found)")
        );
        let huawei =
            json!({"error_code": "DBS.280056", "error_msg": "The instance does not\n exist."});
        assert_eq!(
            message_of(&huawei).as_deref(),
            Some("The instance does not exist. (DBS.280056)")
        );
        let nested = json!({"error": {"message": "quota exceeded"}});
        assert_eq!(message_of(&nested).as_deref(), Some("quota exceeded"));
        assert_eq!(message_of(&Value::Null), None);
        assert_eq!(message_of(&json!({"count": 3})), None);
    }

    #[test]
    fn display_is_one_line_with_status_attempts_and_message() {
        let mut headers = HeaderMap::new();
        headers.insert("x-ratelimit-remaining", "0".parse().unwrap());
        let body = json!({"title": "Too Many Requests", "detail": "Slow\ndown.", "code": "rate_limit_exceeded"});
        let error: Error<Value> = Error::Documented(Box::new(Response::new(
            body,
            StatusCode::TOO_MANY_REQUESTS,
            headers,
            4,
        )));
        assert_eq!(
            error.to_string(),
            "429 Too Many Requests after 4 attempts: Slow down. (rate_limit_exceeded)"
        );
        let debug = format!("{error:?}");
        assert!(debug.contains("x-ratelimit-remaining"), "{debug}");
        assert_eq!(error.attempts(), 4);
        assert_eq!(
            error.into_documented().unwrap()["code"],
            "rate_limit_exceeded"
        );
    }
}
