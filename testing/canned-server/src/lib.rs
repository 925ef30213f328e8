//! A real HTTP server for client tests: bound to 127.0.0.1:0, it answers each request with a canned
//! response chosen by the request's index, and records what it received (method, path and query, headers).

// A test fixture, not an API: its items need no documentation.
#![allow(missing_docs)]

use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Request, StatusCode};
use axum::response::Response;

/// A response to send back.
#[derive(Debug, Clone)]
pub struct Canned {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Canned {
    /// A response without a body.
    pub fn empty(status: u16) -> Canned {
        Canned {
            status,
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// `value` as `application/json`.
    pub fn json(status: u16, value: &serde_json::Value) -> Canned {
        Canned::body(status, "application/json", value.to_string().into_bytes())
    }

    pub fn body(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Canned {
        Canned::empty(status)
            .header("content-type", content_type)
            .with_body(body)
    }

    pub fn header(mut self, name: &str, value: &str) -> Canned {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }

    fn with_body(mut self, body: impl Into<Vec<u8>>) -> Canned {
        self.body = body.into();
        self
    }
}

/// One request the server received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub uri: String,
    pub headers: HeaderMap,
    pub body: Bytes,
}

type Responder = dyn Fn(usize) -> Canned + Send + Sync;

pub struct CannedServer {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    recorded: Arc<Mutex<Vec<Recorded>>>,
    task: tokio::task::JoinHandle<()>,
}

impl CannedServer {
    /// Answers request number `n` (from 0) with `respond(n)`.
    pub async fn start(respond: impl Fn(usize) -> Canned + Send + Sync + 'static) -> CannedServer {
        let recorded: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let respond: Arc<Responder> = Arc::new(respond);
        let log = Arc::clone(&recorded);
        let app = axum::Router::new().fallback(move |request: Request<Body>| {
            let (log, respond) = (Arc::clone(&log), Arc::clone(&respond));
            async move {
                let (parts, body) = request.into_parts();
                let body = axum::body::to_bytes(body, usize::MAX)
                    .await
                    .unwrap_or_default();
                let index = {
                    let mut log = log.lock().expect("request log");
                    log.push(Recorded {
                        method: parts.method.to_string(),
                        uri: parts.uri.to_string(),
                        headers: parts.headers,
                        body,
                    });
                    log.len() - 1
                };
                into_response(respond(index))
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let url = format!("http://{}", listener.local_addr().expect("local address"));
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("canned server");
        });
        CannedServer {
            url,
            recorded,
            task,
        }
    }

    /// Answers every request the same way.
    pub async fn always(canned: Canned) -> CannedServer {
        CannedServer::start(move |_| canned.clone()).await
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.recorded.lock().expect("request log").clone()
    }
}

impl Drop for CannedServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn into_response(canned: Canned) -> Response {
    let mut response = Response::new(Body::from(canned.body));
    *response.status_mut() = StatusCode::from_u16(canned.status).expect("a valid status");
    for (name, value) in canned.headers {
        response.headers_mut().append(
            HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(&value).expect("a header value"),
        );
    }
    response
}
