//! Shared helpers: starting servers, the seed 000 request, reading problem documents, checking bodies.

use std::path::PathBuf;

use apispec::{Direction, Document, SchemaSet};
use mock_server::{MockServer, ServerOptions};
use reqwest::{Client, Response};
use serde_json::Value;

pub const BACKUP_ID: &str = "3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41";
pub const PROJECT_ID: &str = "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn specs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../specs")
}

/// Every spec of `specs/`, as the binary embeds them.
pub async fn embedded() -> MockServer {
    MockServer::start(ServerOptions::embedded())
        .await
        .expect("the vendored specs load")
}

/// The purpose-written fixture, alone, mounted at `/`.
pub async fn shop() -> MockServer {
    MockServer::start(ServerOptions::spec_files([fixture("shop.yaml")]))
        .await
        .expect("the fixture loads")
}

pub fn client() -> Client {
    Client::new()
}

/// `DELETE /raff/api/v1/backups/{id}/chain` (seed 000), with both headers.
pub fn seed_000(server: &MockServer, client: &Client) -> reqwest::RequestBuilder {
    client
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url()
        ))
        .header("X-API-Key", "test-key")
        .header("X-Project-ID", PROJECT_ID)
}

pub async fn json(response: Response) -> Value {
    let text = response.text().await.expect("a body");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

pub fn header<'r>(response: &'r Response, name: &str) -> Option<&'r str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The `location`s of a problem document's `validation` list.
pub fn locations(problem: &Value) -> Vec<Vec<String>> {
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

pub fn prism_type(problem: &Value) -> &str {
    problem["type"]
        .as_str()
        .and_then(|t| t.strip_prefix("https://stoplight.io/prism/errors#"))
        .unwrap_or_else(|| panic!("not a Prism problem type: {problem}"))
}

/// Asserts `body` is valid against the schema of the `status` response of `operation_id` in `spec`.
pub fn assert_valid_response(
    doc: &Document,
    operation_id: &str,
    status: &str,
    media_type: &str,
    body: &Value,
) {
    let op = doc
        .operations
        .iter()
        .find(|op| op.id == operation_id)
        .unwrap_or_else(|| panic!("{operation_id} in {}", doc.source));
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
pub async fn stateful() -> MockServer {
    MockServer::start(ServerOptions {
        stateful: true,
        ..ServerOptions::embedded()
    })
    .await
    .expect("the vendored specs load")
}

/// The journal through `GET /__mock/requests` with this query.
pub async fn journal(server: &MockServer, query: &str) -> Vec<Value> {
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
