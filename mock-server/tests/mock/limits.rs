//! Bounded answers to hostile requests: what the mock echoes of a bad value is cut, the number of violations
//! listed is capped, and a body over the limit is refused as too large.

use mock_server::{MockServer, ServerOptions};
use serde_json::{Value, json};

use crate::support::*;

/// The longest answer (head or body) a bad value may give in these tests: far below what clients accept
/// for a header (64–100 KB), far below the values sent.
const SMALL: usize = 8 * 1024;

fn messages(problem: &Value) -> Vec<String> {
    problem["validation"]
        .as_array()
        .unwrap_or_else(|| panic!("no validation list: {problem}"))
        .iter()
        .map(|item| item["message"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_huge_bad_value_in_the_body_is_echoed_cut_with_its_length() {
    let server = shop().await;
    let text = "A".repeat(2_000_000);
    let response = client()
        .put(format!("{}/notes", server.url()))
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body = response.bytes().await.unwrap();
    assert!(body.len() < SMALL, "{} bytes of problem", body.len());
    let problem: Value = serde_json::from_slice(&body).unwrap();
    let message = &messages(&problem)[0];
    assert!(
        message.starts_with("\"AAAA") && message.contains("…\" (2000000 characters)"),
        "{message}"
    );
}

#[tokio::test]
async fn a_huge_bad_value_is_cut_in_the_sl_violations_header() {
    // createOrder documents its own 422, so the violations travel in `sl-violations`.
    let server = shop().await;
    let response = client()
        .post(format!("{}/orders", server.url()))
        .bearer_auth("t")
        .json(&json!({"item": "9".repeat(1_000_000), "quantity": 1, "payment": {"card": "4242"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let header = header(&response, "sl-violations").expect("sl-violations, in ASCII");
    assert!(header.len() < SMALL, "{} bytes of header", header.len());
    let violations: Value = serde_json::from_str(header).unwrap();
    let message = violations[0]["message"].as_str().unwrap();
    assert!(
        message.contains("…\" (1000000 characters) is not of type \"integer\""),
        "{message}"
    );
}

#[tokio::test]
async fn huge_bad_parameters_and_paths_are_echoed_cut() {
    let server = shop().await;
    // A URI is at most 64 KiB (the `http` crate's limit, on both sides); a header may be longer.
    let since = "B".repeat(60_000);
    let response = client()
        .get(format!("{}/search?limit=5&since={since}", server.url()))
        .header("X-Trace", "C".repeat(200_000))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body = response.bytes().await.unwrap();
    assert!(body.len() < SMALL, "{} bytes of problem", body.len());
    let problem: Value = serde_json::from_slice(&body).unwrap();
    let messages = messages(&problem);
    assert!(
        messages.iter().any(|m| m.contains("(60000 characters)")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("(200000 characters)")),
        "{messages:?}"
    );

    let path = format!("/{}", "p".repeat(60_000));
    let response = client()
        .get(format!("{}{path}", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let body = response.bytes().await.unwrap();
    assert!(body.len() < SMALL, "{} bytes of problem", body.len());
    let detail = serde_json::from_slice::<Value>(&body).unwrap()["detail"].to_string();
    assert!(detail.contains("(60001 characters)"), "{detail}");
}

#[tokio::test]
async fn the_violations_listed_are_capped() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("bulk.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: bulk, version: '1'}\npaths:\n  /bulk:\n    post:\n      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: {type: array, items: {type: integer}}\n      responses:\n        '204': {description: stored}\n",
    )
    .unwrap();
    let server = MockServer::start(ServerOptions::spec_files([spec]))
        .await
        .unwrap();
    let items = vec!["x"; 100_000];
    let response = client()
        .post(format!("{}/bulk", server.url()))
        .json(&items)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let body = response.bytes().await.unwrap();
    assert!(body.len() < 64 * 1024, "{} bytes of problem", body.len());
    let problem: Value = serde_json::from_slice(&body).unwrap();
    let messages = messages(&problem);
    assert!(
        messages.len() <= 101,
        "{} violations listed",
        messages.len()
    );
    assert!(
        messages
            .last()
            .is_some_and(|m| m.contains("More violations not listed")),
        "{:?}",
        messages.last()
    );
}

/// A spec with one JSON body operation; `with_413` adds the spec's own 413 response.
fn upload_spec(dir: &std::path::Path, with_413: bool) -> std::path::PathBuf {
    let own_413 = if with_413 {
        "        '413':\n          description: too large\n          content:\n            application/json:\n              example: {error: too big}\n"
    } else {
        ""
    };
    let spec = dir.join("upload.yaml");
    std::fs::write(
        &spec,
        format!("openapi: 3.0.3\ninfo: {{title: upload, version: '1'}}\npaths:\n  /upload:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {{type: string}}\n      responses:\n        '204': {{description: stored}}\n{own_413}"),
    )
    .unwrap();
    spec
}

async fn upload_server(with_413: bool, max_body_bytes: usize) -> (MockServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut options = ServerOptions::spec_files([upload_spec(dir.path(), with_413)]);
    options.limits.max_body_bytes = max_body_bytes;
    (MockServer::start(options).await.unwrap(), dir)
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_saying_the_limit() {
    let (server, _dir) = upload_server(false, 1000).await;
    let within = client()
        .post(format!("{}/upload", server.url()))
        .json(&"x".repeat(990))
        .send()
        .await
        .unwrap();
    assert_eq!(within.status(), 204);

    let over = client()
        .post(format!("{}/upload", server.url()))
        .json(&"x".repeat(1000))
        .send()
        .await
        .unwrap();
    assert_eq!(over.status(), 413);
    assert_eq!(
        header(&over, "content-type"),
        Some("application/problem+json")
    );
    let problem = json(over).await;
    assert_eq!(prism_type(&problem), "PAYLOAD_TOO_LARGE");
    assert!(
        messages(&problem)[0].contains("limit of 1000 bytes"),
        "{problem}"
    );

    // Without Content-Length (chunked), the limit is found while reading.
    let chunk = "x".repeat(600);
    let response = raw_request(
        &server,
        &format!(
            "POST /upload HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n258\r\n{chunk}\r\n258\r\n{chunk}\r\n0\r\n\r\n"
        ),
    )
    .await;
    assert_eq!(response.status, 413);
    assert_eq!(prism_type(&response.json()), "PAYLOAD_TOO_LARGE");
}

#[tokio::test]
async fn a_body_over_the_limit_gets_the_specs_own_413() {
    let (server, _dir) = upload_server(true, 1000).await;
    let over = client()
        .post(format!("{}/upload", server.url()))
        .json(&"x".repeat(5000))
        .send()
        .await
        .unwrap();
    assert_eq!(over.status(), 413);
    let violations: Value =
        serde_json::from_str(header(&over, "sl-violations").expect("sl-violations")).unwrap();
    assert!(
        violations[0]["message"]
            .as_str()
            .unwrap()
            .contains("limit of 1000 bytes"),
        "{violations}"
    );
    assert_eq!(json(over).await, json!({"error": "too big"}));
}

#[tokio::test]
async fn the_default_body_limit_is_16_mib_and_the_413_reaches_a_client_still_sending() {
    let (server, _dir) = upload_server(false, mock_server::Limits::default().max_body_bytes).await;
    assert_eq!(
        mock_server::Limits::default().max_body_bytes,
        16 * 1024 * 1024
    );
    // Written whole before reading, as most clients do: the server reads and drops the rest, so the
    // write completes and the 413 can be read.
    let length = 20 * 1024 * 1024;
    let body = format!("\"{}\"", "x".repeat(length - 2));
    let response = raw_request(
        &server,
        &format!(
            "POST /upload HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n{body}"
        ),
    )
    .await;
    assert_eq!(response.status, 413);
    assert!(
        response.json()["validation"][0]["message"]
            .as_str()
            .unwrap()
            .contains("limit of 16777216 bytes"),
        "{:?}",
        response.json()
    );
}

/// Whether the server closed `stream` within `within` (end of stream or reset), reading and dropping
/// whatever it sends first.
async fn closed_within(stream: &mut tokio::net::TcpStream, within: std::time::Duration) -> bool {
    use tokio::io::AsyncReadExt;
    let mut buffer = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buffer)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
        }
    }
}

/// Timeouts short enough for a test: `timeout` for heads, bodies and keep-alive.
fn short_limits(options: &mut ServerOptions, timeout: std::time::Duration, max_connections: usize) {
    options.limits.header_read_timeout = timeout;
    options.limits.keep_alive_timeout = timeout;
    options.limits.body_read_timeout = timeout;
    options.limits.max_connections = max_connections;
}

#[tokio::test]
async fn half_sent_heads_do_not_stop_service_and_are_closed_after_the_header_timeout() {
    use std::time::{Duration, Instant};
    use tokio::io::AsyncWriteExt;
    let mut options = ServerOptions::spec_files([fixture("shop.yaml")]);
    short_limits(&mut options, Duration::from_secs(2), 4);
    let server = MockServer::start(options).await.unwrap();

    // Twice as many half-sent heads as the cap allows connections.
    let mut held = Vec::new();
    for _ in 0..8 {
        let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
        stream
            .write_all(b"GET /items/special HTTP/1.1\r\nHost: mock\r\nX-Slow: ")
            .await
            .unwrap();
        held.push(stream);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;

    // A normal request is answered at once, well before any timeout frees a connection.
    let started = Instant::now();
    let response = client()
        .get(format!("{}/items/special", server.url()))
        .timeout(Duration::from_secs(5))
        .send()
        .await
        .expect("answered while the cap is full of half-sent heads");
    assert_eq!(response.status(), 200);
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "answered after {:?}",
        started.elapsed()
    );

    // Every half-sent head is closed: made room for the others, or past the header timeout.
    for (index, stream) in held.iter_mut().enumerate() {
        assert!(
            closed_within(stream, Duration::from_secs(4)).await,
            "half-sent connection {index} still open"
        );
    }
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_keep_alive_timeout() {
    use std::time::Duration;
    use tokio::io::AsyncWriteExt;
    let mut options = ServerOptions::spec_files([fixture("shop.yaml")]);
    short_limits(&mut options, Duration::from_millis(1500), 100);
    let server = MockServer::start(options).await.unwrap();
    let mut stream = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    stream
        .write_all(b"GET /items/special HTTP/1.1\r\nHost: mock\r\n\r\n")
        .await
        .unwrap();
    // The answer comes, and the connection stays open a while (keep-alive)…
    assert!(!closed_within(&mut stream, Duration::from_millis(500)).await);
    // …then is closed.
    assert!(closed_within(&mut stream, Duration::from_secs(3)).await);

    // A connection that never sends a byte is closed after the header timeout.
    let mut silent = tokio::net::TcpStream::connect(server.addr()).await.unwrap();
    assert!(closed_within(&mut silent, Duration::from_secs(3)).await);
}

#[tokio::test]
async fn a_body_that_never_arrives_is_408() {
    let dir = tempfile::tempdir().unwrap();
    let mut options = ServerOptions::spec_files([upload_spec(dir.path(), false)]);
    short_limits(&mut options, std::time::Duration::from_millis(800), 100);
    let server = MockServer::start(options).await.unwrap();
    // 100 bytes announced, 5 sent.
    let response = raw_request(
        &server,
        "POST /upload HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n\"xxx\"",
    )
    .await;
    assert_eq!(response.status, 408);
    assert_eq!(prism_type(&response.json()), "REQUEST_TIMEOUT");
}

/// A schema nested 55 levels deep (about 120 nested objects, under the 128 the JSON reader takes) loads and is
/// served from a caller with a small stack (a test thread, an embedding program's worker): the mock loads
/// specs on a thread of its own, with the stack the depth guards allow for, whoever calls
/// `MockServer::start`.
#[test]
fn a_deeply_nested_document_loads_whatever_the_callers_stack() {
    let schema = (0..55).fold(
        serde_json::json!({"type": "string", "example": "leaf"}),
        |inner, _| serde_json::json!({"type": "object", "required": ["a"], "properties": {"a": inner}}),
    );
    let document = serde_json::json!({
        "openapi": "3.0.3",
        "info": {"title": "deep", "version": "1"},
        "paths": {"/deep": {"get": {"responses": {"200": {
            "description": "ok",
            "content": {"application/json": {"schema": schema}}
        }}}}}
    });
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("deep.json");
    std::fs::write(&spec, document.to_string()).unwrap();
    let small_stack = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                let server = MockServer::start(ServerOptions::spec_files([spec]))
                    .await
                    .unwrap();
                server.url()
            })
        })
        .unwrap();
    // The server's runtime ends with its thread; that it started (and did not overflow) is the point.
    let url = small_stack
        .join()
        .expect("the caller's thread did not overflow");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
}
