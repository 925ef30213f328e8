//! The request builders: required parameters and conversions checked before anything is sent, per-call
//! options, a caller's own HTTP client and tower middleware, tracing, and paginators.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use canned_server::{Canned, CannedServer};
use cloud_backup_apis::runtime::{ClientConfig, Error, RetryPolicy};
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};
use serde_json::json;

use crate::support::{documented, example_body, no_retries, spec};

fn hostup_client(url: &str, config: ClientConfig) -> hostup::Client {
    hostup::Client::builder(url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .config(config)
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_missing_required_parameter_is_an_error_before_any_request() {
    let server = CannedServer::always(Canned::empty(204)).await;
    let client = hostup_client(&server.url, no_retries());

    // `backup_id` forgotten.
    let error = client
        .delete_vps_backup()
        .id("vps_1")
        .send()
        .await
        .unwrap_err();

    match &error {
        Error::InvalidRequest(reason) => {
            assert_eq!(reason, "the required parameter `backup_id` is not set")
        }
        other => panic!("expected InvalidRequest, got {other:?}"),
    }
    assert_eq!(error.attempts(), 0);
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn a_value_its_type_refuses_is_an_error_before_any_request() {
    let server = CannedServer::always(Canned::empty(200)).await;
    let client = taurusdb::Client::builder(&server.url)
        .credentials(taurusdb::Credentials::IamToken("t".into()))
        .build()
        .unwrap();

    // A project id has 32 letters and digits; a backup id was pasted in its place.
    let error = client
        .delete_manual_backup()
        .project_id("b1182ccd-da03-4f2b-9535-f3dca5c47e71")
        .backup_id("b1182ccdda034f2b9535f3dca5c47e71br07")
        .send()
        .await
        .unwrap_err();

    let message = error.to_string();
    assert!(
        message.starts_with("the request was not sent: parameter `project_id` does not convert: "),
        "{message}"
    );
    assert!(matches!(error, Error::InvalidRequest(_)));
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn customize_adds_a_header_to_one_call_only() {
    let server = CannedServer::always(Canned::empty(204)).await;
    let client = hostup_client(&server.url, no_retries());
    let delete = || client.delete_vps_backup().id("vps_1").backup_id("bkp_1");

    delete()
        .customize(|call| call.header("Prefer", "code=204"))
        .send()
        .await
        .unwrap();
    delete().send().await.unwrap();
    let invalid = delete()
        .customize(|call| call.header("Bad Header", "x"))
        .send()
        .await
        .unwrap_err();

    let requests = server.requests();
    assert_eq!(requests[0].headers["prefer"], "code=204");
    assert!(!requests[1].headers.contains_key("prefer"), "one call only");
    assert_eq!(
        requests.len(),
        2,
        "an invalid header is refused before sending"
    );
    assert_eq!(
        invalid.to_string(),
        "the request was not sent: `Bad Header` is not a header name"
    );
}

#[tokio::test]
async fn a_call_that_times_out_says_so() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    // Accepts connections and never answers.
    let silent = tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            open.push(stream);
        }
    });
    let client = hostup_client(&url, no_retries());

    let error = client
        .delete_vps_backup()
        .id("vps_1")
        .backup_id("bkp_1")
        .customize(|call| call.timeout(Duration::from_millis(200)))
        .send()
        .await
        .unwrap_err();

    assert!(error.is_timeout(), "{error:?}");
    assert!(error.to_string().starts_with("no response: "), "{error}");
    silent.abort();
}

#[tokio::test]
async fn a_callers_own_http_client_sends_the_requests() {
    let server = CannedServer::always(Canned::empty(204)).await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-from-my-client", "yes".parse().unwrap());
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .user_agent("my-service/1.0")
        .build()
        .unwrap();
    let client = hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .http_client(http)
        .build()
        .unwrap();

    client
        .delete_vps_backup()
        .id("vps_1")
        .backup_id("bkp_1")
        .send()
        .await
        .unwrap();

    let request = &server.requests()[0];
    assert_eq!(request.headers["x-from-my-client"], "yes");
    assert_eq!(request.headers["user-agent"], "my-service/1.0");
    assert_eq!(
        request.headers["authorization"], "Bearer t",
        "credentials still added"
    );
}

#[tokio::test]
async fn a_tower_layer_sees_every_attempt() {
    let doc = spec("hostup");
    let rate_limited = documented(&doc, "deleteVpsBackup", 429, None);
    let server = CannedServer::start(move |n| {
        if n == 0 {
            let mut canned = rate_limited.clone();
            canned
                .headers
                .retain(|(name, _)| !name.eq_ignore_ascii_case("retry-after"));
            canned.header("Retry-After", "0")
        } else {
            Canned::empty(204)
        }
    })
    .await;
    let attempts = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&attempts);
    let client = hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .layer(
            tower::ServiceBuilder::new().map_request(move |mut request: reqwest::Request| {
                let attempt = seen.fetch_add(1, Ordering::SeqCst) + 1;
                request
                    .headers_mut()
                    .insert("x-attempt", attempt.to_string().parse().unwrap());
                request
            }),
        )
        .build()
        .unwrap();

    let deleted = client
        .delete_vps_backup()
        .id("vps_1")
        .backup_id("bkp_1")
        .send()
        .await
        .unwrap();

    assert_eq!(deleted.attempts(), 2);
    assert_eq!(attempts.load(Ordering::SeqCst), 2);
    let requests = server.requests();
    assert_eq!(requests[0].headers["x-attempt"], "1");
    assert_eq!(requests[1].headers["x-attempt"], "2");
}

thread_local! {
    /// What the `tracing` subscriber wrote on this thread while capturing, if capturing.
    static CAPTURED: std::cell::RefCell<Option<Vec<u8>>> = const { std::cell::RefCell::new(None) };
}

/// Writes into this thread's capture, or nowhere.
struct ThreadCapture;

impl Write for ThreadCapture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        CAPTURED.with(|captured| {
            if let Some(buffer) = captured.borrow_mut().as_mut() {
                buffer.extend_from_slice(bytes);
            }
        });
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `test` with what `tracing` writes on this thread captured, and returns it. The subscriber is the
/// binary's global one (a thread-scoped subscriber would race with the other tests over callsite interest).
async fn capturing_tracing(test: impl std::future::Future<Output = ()>) -> String {
    static GLOBAL: std::sync::Once = std::sync::Once::new();
    GLOBAL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadCapture)
            .with_ansi(false)
            .with_max_level(tracing::Level::DEBUG)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    });
    CAPTURED.with(|captured| *captured.borrow_mut() = Some(Vec::new()));
    test.await;
    let bytes = CAPTURED.with(|captured| captured.borrow_mut().take().unwrap_or_default());
    String::from_utf8(bytes).expect("UTF-8 log")
}

#[tokio::test]
async fn each_call_has_a_span_and_each_retry_an_event() {
    let server = CannedServer::start(|n| match n {
        0 => Canned::empty(503),
        _ => Canned::empty(204),
    })
    .await;
    let client = hostup_client(
        &server.url,
        ClientConfig::default().retry(
            RetryPolicy::default()
                .initial_backoff(Duration::from_millis(1))
                .max_backoff(Duration::from_millis(1)),
        ),
    );

    let log = capturing_tracing(async {
        client
            .delete_vps_backup()
            .id("vps_1")
            .backup_id("bkp_1")
            .send()
            .await
            .unwrap();
    })
    .await;
    let retry = log
        .lines()
        .find(|line| line.contains("retrying after 503 Service Unavailable"))
        .unwrap_or_else(|| panic!("no retry event in:\n{log}"));
    for expected in [
        "request{operation=\"deleteVpsBackup\" method=DELETE path=\"/api/v2/vps/vps_1/backups/bkp_1\"}",
        "attempt=1",
        "status=503",
        "delay_ms=",
    ] {
        assert!(retry.contains(expected), "`{expected}` not in {retry}");
    }
    assert!(
        log.lines()
            .any(|line| line.contains("response") && line.contains("status=204 attempts=2")),
        "{log}"
    );
}

#[tokio::test]
async fn items_walks_offset_pages_until_the_total() {
    let doc = spec("raff");
    let page = example_body(&doc, "listBackups", 200, None);
    let all = page["data"].as_array().unwrap().clone();
    assert_eq!(all.len(), 3);
    let pages = [all[..2].to_vec(), all[2..].to_vec()];
    let server = CannedServer::start(move |n| {
        Canned::json(
            200,
            &json!({"success": true, "data": pages[n.min(1)], "total": 3}),
        )
    })
    .await;
    let client = raff::Client::builder(&server.url)
        .credentials(raff::Credentials::ApiKeyAuth("k".into()))
        .build()
        .unwrap();

    let backups = client
        .list_backups()
        .limit(2)
        .items()
        .collect()
        .await
        .unwrap();

    let ids: Vec<String> = backups.iter().map(|b| b.id.to_string()).collect();
    let expected: Vec<&str> = all.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, expected);
    let uris: Vec<String> = server.requests().iter().map(|r| r.uri.clone()).collect();
    assert_eq!(
        uris,
        [
            "/api/v1/backups?limit=2&offset=0",
            "/api/v1/backups?limit=2&offset=2"
        ],
        "stops once `total` items are read"
    );
}

#[tokio::test]
async fn items_yields_the_error_of_a_page_and_stops() {
    let doc = spec("taurusdb");
    let unauthorized = documented(&doc, "listBackups", 401, None);
    let server = CannedServer::always(unauthorized).await;
    let client = taurusdb::Client::builder(&server.url)
        .credentials(taurusdb::Credentials::IamToken("t".into()))
        .config(no_retries())
        .build()
        .unwrap();

    let mut items = client
        .list_backups()
        .project_id("054e292c9880d4992f02c0196d3ea468")
        .limit(10)
        .items();

    let first = items.next().await.expect("the error").unwrap_err();
    assert_eq!(first.status().map(|s| s.as_u16()), Some(401));
    assert!(items.next().await.is_none());
    assert_eq!(server.requests().len(), 1);
    assert!(server.requests()[0].uri.contains("limit=10"));

    // `limit` is at least 1: zero is refused before sending.
    let zero = client
        .list_backups()
        .project_id("054e292c9880d4992f02c0196d3ea468")
        .limit(0)
        .send()
        .await
        .unwrap_err();
    assert!(
        zero.to_string()
            .starts_with("the request was not sent: parameter `limit` does not convert: "),
        "{zero}"
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn an_undocumented_status_keeps_its_body_and_says_so_in_one_line() {
    let server = CannedServer::always(Canned::body(
        418,
        "text/plain",
        "I'm a teapot,\nnot a backup server",
    ))
    .await;
    let client = nethesis::Client::builder(&server.url)
        .credentials(nethesis::Credentials::BearerAuth("t".into()))
        .build()
        .unwrap();

    let error = client
        .get_system_backups()
        .id("sys_1")
        .send()
        .await
        .unwrap_err();

    assert!(error.documented().is_none());
    assert_eq!(
        error.to_string(),
        "418 I'm a teapot, a status the operation does not document: I'm a teapot, not a backup server"
    );
    match error {
        Error::Undocumented(response) => {
            assert_eq!(response.headers()["content-type"], "text/plain");
            assert_eq!(response.into_inner(), "I'm a teapot,\nnot a backup server");
        }
        other => panic!("expected Undocumented, got {other:?}"),
    }
}

#[tokio::test]
async fn a_redirect_comes_back_as_a_response_not_followed() {
    // The first answer redirects; following it would reach the 200 behind it.
    let server = CannedServer::start(|n| {
        if n == 0 {
            Canned::empty(303).header("Location", "/elsewhere")
        } else {
            Canned::json(200, &json!([]))
        }
    })
    .await;
    let client = nethesis::Client::builder(&server.url)
        .credentials(nethesis::Credentials::BearerAuth("t".into()))
        .build()
        .unwrap();

    let error = client
        .get_system_backups()
        .id("sys_1")
        .send()
        .await
        .unwrap_err();

    match error {
        Error::Undocumented(response) => {
            assert_eq!(response.status(), 303);
            assert_eq!(response.headers()["location"], "/elsewhere");
        }
        other => panic!("expected the 303 back, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 1, "the redirect was not followed");
}

#[tokio::test]
async fn huawei_timestamps_decode_to_a_typed_time_and_go_back_as_written() {
    let doc = spec("taurusdb");
    let server = CannedServer::always(documented(&doc, "listBackups", 200, None)).await;
    let client = taurusdb::Client::builder(&server.url)
        .credentials(taurusdb::Credentials::IamToken("t".into()))
        .build()
        .unwrap();
    let window_start: cloud_backup_apis::runtime::OffsetTimestamp =
        "2018-08-06T10:41:14+0800".parse().unwrap();

    let listed = client
        .list_backups()
        .project_id("054e292c9880d4992f02c0196d3ea468")
        .begin_time(window_start)
        .end_time("2018-08-07T10:41:14+0800")
        .send()
        .await
        .unwrap()
        .into_inner();

    let example = example_body(&doc, "listBackups", 200, None);
    let first = &listed.backups[0];
    let written = example["backups"][0]["begin_time"].as_str().unwrap();
    assert_eq!(
        first.begin_time.to_string(),
        written,
        "written back as it came"
    );
    let as_rfc3339 = format!("{}:{}", &written[..22], &written[22..]);
    assert_eq!(
        first.begin_time.to_rfc3339(),
        as_rfc3339,
        "the same instant"
    );
    let uri = &server.requests()[0].uri;
    assert!(
        uri.contains("begin_time=2018-08-06T10%3A41%3A14%2B0800")
            && uri.contains("end_time=2018-08-07T10%3A41%3A14%2B0800"),
        "{uri}"
    );
}
