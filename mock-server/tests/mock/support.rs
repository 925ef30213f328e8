//! Shared helpers: starting servers, the deleteBackupChain request, reading problem documents, checking bodies.

use std::path::PathBuf;

use apispec::{Direction, Document, SchemaSet};
use mock_server::{MockServer, ServerOptions};
use reqwest::{Client, Response};
use serde_json::Value;

pub(crate) const BACKUP_ID: &str = "3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41";
pub(crate) const PROJECT_ID: &str = "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58";

pub(crate) fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub(crate) use test_support::{VENDORED_SPECS, programs_installed, specs_dir};

/// The vendored specs, each under `/<name>` as the binary mounts its built-in ones. Read from their files,
/// so documents a user adds to `specs/` (which the binary embeds too) change nothing these tests see.
pub(crate) fn vendored_options() -> ServerOptions {
    ServerOptions::spec_files(VENDORED_SPECS.map(|file| specs_dir().join(file)))
}

/// The mock serving the vendored specs ([`vendored_options`]).
pub(crate) async fn vendored() -> MockServer {
    MockServer::start(vendored_options())
        .await
        .expect("the vendored specs load")
}

/// The purpose-written fixture, alone, mounted at `/`.
pub(crate) async fn shop() -> MockServer {
    MockServer::start(ServerOptions::spec_files([fixture("shop.yaml")]))
        .await
        .expect("the fixture loads")
}

pub(crate) fn client() -> Client {
    Client::new()
}

/// `DELETE /raff/api/v1/backups/{id}/chain` (Raff's deleteBackupChain), with both headers.
pub(crate) fn delete_backup_chain(server: &MockServer, client: &Client) -> reqwest::RequestBuilder {
    client
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url()
        ))
        .header("X-API-Key", "test-key")
        .header("X-Project-ID", PROJECT_ID)
}

pub(crate) async fn json(response: Response) -> Value {
    let text = response.text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

pub(crate) fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The `location`s of a problem document's `validation` list.
pub(crate) fn locations(problem: &Value) -> Vec<Vec<String>> {
    problem["validation"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|item| {
                    item["location"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| s.as_str().unwrap().to_string())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) fn prism_type(problem: &Value) -> &str {
    problem["type"]
        .as_str()
        .and_then(|t| t.strip_prefix("https://stoplight.io/prism/errors#"))
        .unwrap_or_else(|| panic!("not a Prism problem type: {problem}"))
}

/// Asserts `body` is valid against the schema of the `status` response of `operation_id` in `spec`.
pub(crate) fn assert_valid_response(
    doc: &Document,
    operation_id: &str,
    status: &str,
    media_type: &str,
    body: &Value,
) {
    let op = test_support::operation(doc, operation_id);
    let response = op
        .responses
        .iter()
        .find(|r| r.status.to_string() == status)
        .unwrap_or_else(|| panic!("{operation_id} documents {status}"));
    let content = response
        .contents
        .iter()
        .find(|c| c.media_type == media_type)
        .unwrap_or_else(|| panic!("{operation_id} {status} has {media_type}"));
    let schema = content.schema.as_ref().expect("a schema");
    let set = SchemaSet::new(doc).unwrap();
    let validator = set
        .compile(&schema.schema, Direction::Response, &schema.pointer)
        .unwrap();
    let violations = validator.violations(body);
    assert!(
        violations.is_empty(),
        "{operation_id} {status}: {body:#}\n{violations:#?}"
    );
}

/// Every vendored spec, answered from each session's state.
pub(crate) async fn stateful() -> MockServer {
    MockServer::start(ServerOptions {
        stateful: true,
        ..vendored_options()
    })
    .await
    .expect("the vendored specs load")
}

/// The journal through `GET /__mock/requests` with this query.
pub(crate) async fn journal(server: &MockServer, query: &str) -> Vec<Value> {
    let response = client()
        .get(format!("{}/__mock/requests?{query}", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    json(response).await["requests"]
        .as_array()
        .expect("a list of requests")
        .clone()
}

/// Sends `request` as written on a fresh TCP connection and returns the response head (status line and
/// headers, lowercased names) and the body read until the server closes or `Content-Length` is reached.
/// For what reqwest cannot send: methods outside HTTP's usual set, `CONNECT` with a path, odd framing.
pub(crate) async fn raw_request(server: &MockServer, request: &str) -> RawResponse {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut received = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        let read =
            tokio::time::timeout(std::time::Duration::from_secs(10), stream.read(&mut buffer))
                .await
                .expect("the server answers within 10 s")
                .unwrap_or(0);
        if read == 0 {
            break;
        }
        received.extend_from_slice(&buffer[..read]);
        if let Some(response) = RawResponse::parse(&received) {
            return response;
        }
    }
    RawResponse::parse(&received)
        .unwrap_or_else(|| panic!("no whole response: {}", String::from_utf8_lossy(&received)))
}

#[derive(Debug)]
pub(crate) struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl RawResponse {
    /// A whole response in `bytes` (head and `Content-Length` bytes of body), if there is one yet.
    fn parse(bytes: &[u8]) -> Option<RawResponse> {
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = String::from_utf8_lossy(&bytes[..end]);
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
            .collect();
        let length: usize = headers
            .iter()
            .find(|(name, _)| name == "content-length")
            .and_then(|(_, value)| value.parse().ok())
            .unwrap_or(0);
        let body = bytes.get(end + 4..end + 4 + length)?.to_vec();
        Some(RawResponse {
            status,
            headers,
            body,
        })
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}
