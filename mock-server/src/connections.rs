//! Accepting and keeping connections, so that no client can hold the server: a connection gets
//! [`Limits::header_read_timeout`] to send a request head (its first one, or one it has started), and
//! [`Limits::keep_alive_timeout`] of silence between requests; then it is closed. At most
//! [`Limits::max_connections`] are open at once: at the cap, the connection waiting longest for a request
//! (idle, or with a head half sent) is closed to make room for the new one, and when every connection has a
//! request in flight, new ones wait in the system's backlog until one ends. A request's body is read within
//! its own time (`limits::read_body`).
//!
//! Each connection is served by hyper with the axum router as its service; a per-connection `Activity`
//! (bytes arriving, requests in flight) decides when it may be closed. A response that carries a
//! [`TransportFault`] is not written: the connection is reset, or closed with no reply. Shutdown stops accepting, lets
//! requests in flight finish and closes idle connections.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::pin::{Pin, pin};
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore, watch};
use tower::ServiceExt;

use crate::faults::TransportFault;
use crate::limits::Limits;

/// "Not set" for the millisecond stamps of [`Activity`].
const NEVER: u64 = u64::MAX;

/// What a connection is doing, as its socket and its requests tell it. Times are milliseconds since the
/// connection was accepted.
#[derive(Debug)]
struct Activity {
    accepted: Instant,
    /// Requests handed to the router and not answered yet.
    in_flight: AtomicUsize,
    /// Requests handed to the router so far.
    started: AtomicU64,
    /// When the last request was answered (0 before the first).
    free_since: AtomicU64,
    /// When the first byte arrived with no request in flight (a head on its way), or [`NEVER`].
    head_since: AtomicU64,
    /// A transport fault to carry out instead of writing: [`NO_FAULT`], [`RESET`] or [`EMPTY`].
    fault: AtomicU8,
}

const NO_FAULT: u8 = 0;
const RESET: u8 = 1;
const EMPTY: u8 = 2;

impl Activity {
    fn new() -> Activity {
        Activity {
            accepted: Instant::now(),
            in_flight: AtomicUsize::new(0),
            started: AtomicU64::new(0),
            fault: AtomicU8::new(NO_FAULT),
            free_since: AtomicU64::new(0),
            head_since: AtomicU64::new(NEVER),
        }
    }

    fn now(&self) -> u64 {
        self.accepted.elapsed().as_millis() as u64
    }

    fn bytes_arrived(&self) {
        if self.in_flight.load(Ordering::Acquire) == 0 {
            let now = self.now();
            let _ =
                self.head_since
                    .compare_exchange(NEVER, now, Ordering::AcqRel, Ordering::Acquire);
        }
    }

    fn request_started(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        self.started.fetch_add(1, Ordering::AcqRel);
        self.head_since.store(NEVER, Ordering::Release);
        InFlight(self.clone())
    }

    /// Since when the connection has been waiting for a request (the start of a head on its way, else the
    /// last answer or the accept); `None` while a request is in flight.
    fn waiting_since(&self) -> Option<u64> {
        if self.in_flight.load(Ordering::Acquire) > 0 {
            return None;
        }
        match self.head_since.load(Ordering::Acquire) {
            NEVER => Some(self.free_since.load(Ordering::Acquire)),
            since => Some(since),
        }
    }

    /// When the connection is to be closed if nothing changes; `None` while a request is in flight.
    fn deadline(&self, limits: &Limits) -> Option<Instant> {
        let since = self.waiting_since()?;
        let allowed = if self.head_since.load(Ordering::Acquire) != NEVER
            || self.started.load(Ordering::Acquire) == 0
        {
            limits.header_read_timeout
        } else {
            limits.keep_alive_timeout
        };
        Some(self.accepted + Duration::from_millis(since) + allowed)
    }
}

/// A request in flight on a connection; the connection counts it until this is dropped (answered, or
/// abandoned when the client goes away).
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        let activity = &self.0;
        if activity.in_flight.fetch_sub(1, Ordering::AcqRel) == 1 {
            activity.free_since.store(activity.now(), Ordering::Release);
        }
    }
}

/// A connection's socket, telling its [`Activity`] when bytes arrive.
struct Watched {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if matches!(polled, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.activity.bytes_arrived();
        }
        polled
    }
}

impl Watched {
    /// The error that ends the connection instead of a write, when a transport fault is set: for a
    /// reset, the socket is first set to close with RST.
    fn faulted(&self) -> Option<io::Error> {
        match self.activity.fault.load(Ordering::Acquire) {
            NO_FAULT => None,
            RESET => {
                let _ = self.stream.set_zero_linger();
                Some(io::Error::new(
                    io::ErrorKind::ConnectionReset,
                    "connection reset by an injected fault",
                ))
            }
            _ => Some(io::Error::other("no reply, by an injected fault")),
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.faulted() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(error) = self.faulted() {
            return Poll::Ready(Err(error));
        }
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }
}

/// The router as a hyper service that counts the requests in flight on its connection.
#[derive(Clone)]
struct Counted {
    router: Router,
    activity: Arc<Activity>,
}

impl hyper::service::Service<Request<Incoming>> for Counted {
    type Response = Response;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

    fn call(&self, request: Request<Incoming>) -> Self::Future {
        let in_flight = self.activity.request_started();
        let answer = self.router.clone().oneshot(request.map(Body::new));
        let activity = self.activity.clone();
        Box::pin(async move {
            let response = answer.await;
            if let Ok(response) = &response
                && let Some(fault) = response.extensions().get::<TransportFault>()
            {
                let code = match fault {
                    TransportFault::Reset => RESET,
                    TransportFault::Empty => EMPTY,
                };
                activity.fault.store(code, Ordering::Release);
            }
            drop(in_flight);
            response
        })
    }
}

/// One open connection, as the acceptor sees it: what it is doing, and how to ask it to close.
struct Open {
    activity: Arc<Activity>,
    close: Notify,
}

/// The open connections, for making room at the cap.
#[derive(Default)]
struct Registry {
    open: Mutex<HashMap<u64, Arc<Open>>>,
}

impl Registry {
    fn add(&self, id: u64, open: Arc<Open>) {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(id, open);
    }

    fn remove(&self, id: u64) {
        self.open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .remove(&id);
    }

    /// Asks the connection that has waited longest for a request to close. `false`: every connection has
    /// a request in flight.
    fn close_longest_waiting(&self) -> bool {
        let open = self
            .open
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let longest = open
            .values()
            .filter_map(|connection| {
                let since = connection.activity.waiting_since()?;
                Some((
                    connection.activity.accepted + Duration::from_millis(since),
                    connection,
                ))
            })
            .min_by_key(|(since, _)| *since);
        match longest {
            Some((_, connection)) => {
                connection.close.notify_one();
                true
            }
            None => false,
        }
    }
}

/// Serves `router` on `listener` within `limits` until `shutdown` changes, then lets requests in flight
/// finish and returns when every connection is closed.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Limits,
    mut shutdown: watch::Receiver<bool>,
) -> io::Result<()> {
    let cap = limits.max_connections.clamp(1, u32::MAX as usize) as u32;
    let slots = Arc::new(Semaphore::new(cap as usize));
    let registry = Arc::new(Registry::default());
    let limits = Arc::new(limits);
    let mut next_id = 0u64;
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.wait_for(|stop| *stop) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(error) => {
                // Out of file descriptors, or the peer gave up before the accept: wait a little.
                tracing::warn!("cannot accept a connection: {error}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let slot = loop {
            if let Ok(slot) = slots.clone().try_acquire_owned() {
                break Some(slot);
            }
            let made_room = registry.close_longest_waiting();
            let wait = slots.clone().acquire_owned();
            let slot = if made_room {
                tokio::time::timeout(Duration::from_millis(100), wait)
                    .await
                    .ok()
            } else {
                tokio::select! {
                    slot = wait => Some(slot),
                    _ = shutdown.wait_for(|stop| *stop) => break None,
                }
            };
            if let Some(slot) = slot {
                break slot.ok();
            }
        };
        let Some(slot) = slot else { break };
        let _ = stream.set_nodelay(true);
        let activity = Arc::new(Activity::new());
        let open = Arc::new(Open {
            activity: activity.clone(),
            close: Notify::new(),
        });
        next_id += 1;
        let id = next_id;
        registry.add(id, open.clone());
        let registry = registry.clone();
        let service = Counted {
            router: router.clone(),
            activity: activity.clone(),
        };
        let limits = limits.clone();
        let shutdown = shutdown.clone();
        tokio::spawn(async move {
            serve_connection(stream, service, &open, &limits, shutdown).await;
            registry.remove(id);
            drop(slot);
        });
    }
    // Wait until every connection has given its slot back.
    drop(listener);
    let _ = slots.acquire_many(cap).await;
    Ok(())
}

/// Serves one connection until it ends, goes past its deadline, is asked to make room while it waits
/// for a request, or the server shuts down (then requests in flight finish first).
async fn serve_connection(
    stream: TcpStream,
    service: Counted,
    open: &Open,
    limits: &Limits,
    mut shutdown: watch::Receiver<bool>,
) {
    let activity = open.activity.clone();
    let io = TokioIo::new(Watched {
        stream,
        activity: activity.clone(),
    });
    let builder = Builder::new(TokioExecutor::new());
    let mut connection = pin!(builder.serve_connection_with_upgrades(io, service));
    let mut shutting_down = false;
    loop {
        // While a request is in flight, look again after the shortest timeout.
        let wake = activity.deadline(limits).unwrap_or_else(|| {
            Instant::now() + limits.header_read_timeout.min(limits.keep_alive_timeout)
        });
        tokio::select! {
            _ = connection.as_mut() => return,
            _ = tokio::time::sleep_until(wake.into()) => {
                if activity.deadline(limits).is_some_and(|deadline| deadline <= Instant::now()) {
                    return; // dropping the connection closes the socket
                }
            }
            _ = open.close.notified() => {
                if activity.waiting_since().is_some() {
                    return;
                }
            }
            _ = shutdown.wait_for(|stop| *stop), if !shutting_down => {
                shutting_down = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits {
            header_read_timeout: Duration::from_secs(10),
            keep_alive_timeout: Duration::from_secs(60),
            ..Limits::default()
        }
    }

    #[test]
    fn a_new_connection_has_the_header_timeout_and_an_idle_one_the_keep_alive_timeout() {
        let activity = Arc::new(Activity::new());
        let accepted = activity.accepted;
        assert_eq!(
            activity.deadline(&limits()),
            Some(accepted + Duration::from_secs(10))
        );
        let in_flight = activity.request_started();
        assert_eq!(activity.deadline(&limits()), None, "busy");
        assert_eq!(activity.waiting_since(), None);
        drop(in_flight);
        let deadline = activity.deadline(&limits()).unwrap();
        assert!(deadline >= accepted + Duration::from_secs(60), "keep-alive");
        activity.bytes_arrived();
        let deadline = activity.deadline(&limits()).unwrap();
        assert!(
            deadline < accepted + Duration::from_secs(11),
            "a head on its way"
        );
    }

    #[test]
    fn bytes_of_a_request_in_flight_do_not_start_a_head() {
        let activity = Arc::new(Activity::new());
        let in_flight = activity.request_started();
        activity.bytes_arrived();
        drop(in_flight);
        assert_eq!(activity.head_since.load(Ordering::Acquire), NEVER);
    }
}
