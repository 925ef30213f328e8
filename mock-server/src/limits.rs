//! What one request may cost: the size of its body and the time to read it, and handing the memory of a
//! large body back to the system once it is freed. The connection timeouts and the cap on open connections
//! are [`connections`](crate::connections)' business; both read their settings from [`Limits`].

use std::future::poll_fn;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::http::{HeaderMap, header};

/// The bounds the server keeps to, whatever the clients send. `Limits::default()` is what the binary uses
/// unless told otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body read for validation; a longer one is answered 413 (`--max-body-bytes`).
    pub max_body_bytes: usize,
    /// The longest a request body may take to arrive, whole; then 408 (`--body-read-timeout`).
    pub body_read_timeout: Duration,
    /// The longest a connection may take to send a request head, from its first byte (or, for a new
    /// connection, from the accept); then it is closed (`--header-read-timeout`).
    pub header_read_timeout: Duration,
    /// The longest a connection may stay silent between requests; then it is closed
    /// (`--keep-alive-timeout`).
    pub keep_alive_timeout: Duration,
    /// The most connections open at once; at the cap, the one waiting longest for a request is closed to
    /// make room (`--max-connections`). Keep it under the open-file limit (`ulimit -n`).
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_body_bytes: 16 * 1024 * 1024,
            body_read_timeout: Duration::from_secs(30),
            header_read_timeout: Duration::from_secs(10),
            keep_alive_timeout: Duration::from_secs(60),
            max_connections: 1000,
        }
    }
}

/// Why a request body was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyReadError {
    /// Longer than `limit` bytes (said by `Content-Length`, or found while reading).
    TooLarge {
        /// The most bytes a body may have.
        limit: usize,
    },
    /// Not all there after `after`.
    TimedOut {
        /// How long the body was waited for.
        after: Duration,
    },
    /// The connection failed or the framing is broken.
    Unreadable(String),
}

/// A body this large or larger hands its memory back to the system once the request is answered.
const LARGE_BODY: usize = 1024 * 1024;

/// How much of a body over the limit is read and dropped, so that the client, still sending, gets to read
/// the 413 (most clients send the whole body before they read the answer; closing on them loses it).
/// Past this, the connection is closed.
const DRAINED_PAST_LIMIT: usize = 64 * 1024 * 1024;

/// Reads the whole body within the limits, into one buffer of its announced size. A body over the limit
/// (announced by `Content-Length`, or found while reading) is not kept: the rest is read and dropped.
pub async fn read_body(
    mut body: Body,
    headers: &HeaderMap,
    limits: &Limits,
) -> Result<Bytes, BodyReadError> {
    let limit = limits.max_body_bytes;
    let announced = content_length(headers);
    let read = async {
        if announced.is_none_or(|length| length <= limit) {
            match collect(&mut body, announced.unwrap_or(0), limit).await {
                Err(BodyReadError::TooLarge { .. }) => {}
                done => return done,
            }
        }
        drain(&mut body, DRAINED_PAST_LIMIT).await;
        Err(BodyReadError::TooLarge { limit })
    };
    match tokio::time::timeout(limits.body_read_timeout, read).await {
        Ok(result) => result,
        Err(_) => Err(BodyReadError::TimedOut {
            after: limits.body_read_timeout,
        }),
    }
}

/// The next piece of the body's data, skipping trailers.
async fn next_data(body: &mut Body) -> Option<Result<Bytes, BodyReadError>> {
    loop {
        match poll_fn(|cx| Pin::new(&mut *body).poll_frame(cx)).await? {
            Err(error) => return Some(Err(BodyReadError::Unreadable(error.to_string()))),
            Ok(frame) => {
                if let Ok(data) = frame.into_data() {
                    return Some(Ok(data));
                }
            }
        }
    }
}

/// Reads and drops up to `budget` bytes of the rest of a body.
async fn drain(body: &mut Body, budget: usize) {
    let mut dropped = 0;
    while dropped <= budget {
        match next_data(body).await {
            Some(Ok(data)) => dropped += data.len(),
            _ => return,
        }
    }
}

async fn collect(body: &mut Body, expected: usize, limit: usize) -> Result<Bytes, BodyReadError> {
    let mut buffer: Vec<u8> = Vec::new();
    let mut first: Option<Bytes> = None;
    while let Some(data) = next_data(body).await {
        let data = data?;
        let received = buffer.len() + first.as_ref().map_or(0, Bytes::len) + data.len();
        if received > limit {
            return Err(BodyReadError::TooLarge { limit });
        }
        // A body in one frame is kept as it came; otherwise the frames go into one buffer.
        match first.take() {
            None if buffer.is_empty() => first = Some(data),
            held => {
                if buffer.is_empty() {
                    buffer.reserve_exact(expected.max(received).min(limit));
                }
                if let Some(held) = held {
                    buffer.extend_from_slice(&held);
                }
                buffer.extend_from_slice(&data);
            }
        }
    }
    Ok(first.unwrap_or_else(|| Bytes::from(buffer)))
}

fn content_length(headers: &HeaderMap) -> Option<usize> {
    headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

static RELEASE_PENDING: AtomicBool = AtomicBool::new(false);

/// How long after a large body the memory is handed back: long enough for the connection's own buffers
/// to be freed too, and for a burst of large bodies to be released once.
const RELEASE_DELAY: Duration = Duration::from_millis(200);

/// After a request whose body was `read` bytes long: if that is large, hands freed heap memory back to
/// the system shortly, off the async threads, one release at a time (glibc keeps freed pages otherwise,
/// so a burst of large bodies would leave their memory resident).
pub fn release_after_body(read: usize) {
    if read < LARGE_BODY || RELEASE_PENDING.swap(true, Ordering::AcqRel) {
        return;
    }
    tokio::spawn(async {
        tokio::time::sleep(RELEASE_DELAY).await;
        RELEASE_PENDING.store(false, Ordering::Release);
        let _ = tokio::task::spawn_blocking(release_freed_memory).await;
    });
}

/// The size from which the allocator gives each buffer its own mapping.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const OWN_MAPPING_FROM: libc::c_int = 128 * 1024;

/// Makes the allocator give every buffer of 128 KiB or more its own mapping, handed back to the system
/// as soon as it is freed. Without this, glibc raises that threshold to the largest buffer freed so far
/// (up to 32 MiB) and keeps such buffers in its heap: after a burst of 16 MB bodies, hundreds of MB stay
/// resident. Process-wide, so the binary calls it once at start (a no-op where the allocator is not
/// glibc's).
#[allow(unsafe_code)]
pub fn return_large_buffers_promptly() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes an allocator setting; M_MMAP_THRESHOLD takes any size up to 32 MiB.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_MAPPING_FROM);
    }
}

/// Hands freed heap memory back to the system now (a no-op where the allocator is not glibc's).
#[allow(unsafe_code)]
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the system; it has no preconditions.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn limits(max_body_bytes: usize) -> Limits {
        Limits {
            max_body_bytes,
            ..Limits::default()
        }
    }

    fn announced(length: usize) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
        headers
    }

    #[tokio::test]
    async fn a_body_within_the_limit_is_read_whole() {
        let body = Body::from("x".repeat(100));
        let read = read_body(body, &announced(100), &limits(100)).await;
        assert_eq!(read.unwrap().len(), 100);
    }

    #[tokio::test]
    async fn a_body_over_the_limit_is_refused_announced_or_not() {
        let body = Body::from("x".repeat(101));
        assert_eq!(
            read_body(body, &announced(101), &limits(100)).await,
            Err(BodyReadError::TooLarge { limit: 100 })
        );
        let body = Body::from("x".repeat(101));
        assert_eq!(
            read_body(body, &HeaderMap::new(), &limits(100)).await,
            Err(BodyReadError::TooLarge { limit: 100 })
        );
    }
}
