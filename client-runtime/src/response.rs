//! [`Response`]: a decoded body with the status, headers and number of attempts it came with.

use std::fmt;
use std::ops::{Deref, DerefMut};

use reqwest::StatusCode;
use reqwest::header::HeaderMap;

/// A response: its body decoded to the type the operation documents for its status, with the status, the
/// headers and how many attempts the call took (more than one when retries ran). Derefs to the body.
pub struct Response<T> {
    body: T,
    status: StatusCode,
    headers: HeaderMap,
    attempts: u32,
}

impl<T> Response<T> {
    #[doc(hidden)]
    pub fn new(body: T, status: StatusCode, headers: HeaderMap, attempts: u32) -> Self {
        Response {
            body,
            status,
            headers,
            attempts,
        }
    }

    /// The decoded body.
    pub fn into_inner(self) -> T {
        self.body
    }

    /// The response's status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// How many times the request was sent: 1, or more when the retry policy retried it.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// The same response with its body changed by `f`.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            body: f(self.body),
            status: self.status,
            headers: self.headers,
            attempts: self.attempts,
        }
    }
}

impl<T> Deref for Response<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

impl<T> AsRef<T> for Response<T> {
    fn as_ref(&self) -> &T {
        &self.body
    }
}

impl<T> DerefMut for Response<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.body
    }
}

/// Status, every header, attempts and body.
impl<T: fmt::Debug> fmt::Debug for Response<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("attempts", &self.attempts)
            .field("body", &self.body)
            .finish()
    }
}
