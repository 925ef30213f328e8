//! Sessions: the `X-Mock-Session` header names the session a request belongs to, and the state and the
//! journal are kept per session, so parallel tests share one mock without seeing each other's data. A
//! request without the header is in the [`DEFAULT_SESSION`].

use axum::http::HeaderMap;

/// The header naming a request's session.
pub const SESSION_HEADER: &str = "x-mock-session";

/// The session of requests that name none.
pub const DEFAULT_SESSION: &str = "default";

/// The longest session name accepted.
pub const MAX_SESSION_LENGTH: usize = 128;

/// A session name that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadSession(pub String);

/// The request's session: its `X-Mock-Session` (trimmed), else [`DEFAULT_SESSION`].
pub fn session_of(headers: &HeaderMap) -> Result<&str, BadSession> {
    let Some(value) = headers.get(SESSION_HEADER) else {
        return Ok(DEFAULT_SESSION);
    };
    let text = value
        .to_str()
        .map(str::trim)
        .map_err(|_| BadSession("X-Mock-Session must be printable ASCII text".into()))?;
    check_session(text)
}

/// Checks a session name given elsewhere (a query parameter, the Rust API).
pub fn check_session(name: &str) -> Result<&str, BadSession> {
    if name.is_empty() {
        return Ok(DEFAULT_SESSION);
    }
    if name.len() > MAX_SESSION_LENGTH {
        return Err(BadSession(format!(
            "a session name has at most {MAX_SESSION_LENGTH} characters; this one has {}",
            name.len()
        )));
    }
    if !name.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(BadSession(
            "a session name is printable ASCII without spaces".into(),
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn the_header_names_the_session() {
        let mut headers = HeaderMap::new();
        assert_eq!(session_of(&headers), Ok(DEFAULT_SESSION));
        headers.insert(SESSION_HEADER, HeaderValue::from_static(" test-7 "));
        assert_eq!(session_of(&headers), Ok("test-7"));
        headers.insert(SESSION_HEADER, HeaderValue::from_static(""));
        assert_eq!(session_of(&headers), Ok(DEFAULT_SESSION));
        let long = "x".repeat(MAX_SESSION_LENGTH + 1);
        headers.insert(SESSION_HEADER, HeaderValue::from_str(&long).unwrap());
        assert!(session_of(&headers).is_err());
        assert!(check_session("a b").is_err());
    }
}
