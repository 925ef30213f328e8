//! `conformance verify`: planted faults are each reported with their rule and pointers and nothing else is;
//! the mock server serving the vendored specs passes every case.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use conformance::verify::request::Credentials;
use conformance::verify::{self, CaseKind, Options, Outcome};
use futures_util::StreamExt;

use crate::support::{conformance, crate_dir};

const TOKEN: &str = "planted-secret";

async fn serve(app: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.ok() });
    addr
}

fn json(status: StatusCode, body: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn authorized(headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        == Some(&format!("Bearer {TOKEN}"))
}

/// Every route answers 401 without the token, except `/ignored-auth`; each route plants one fault.
fn faulty_app() -> Router {
    fn guarded(answer: fn() -> Response) -> axum::routing::MethodRouter {
        get(move |headers: HeaderMap| async move {
            if authorized(&headers) {
                answer()
            } else {
                StatusCode::UNAUTHORIZED.into_response()
            }
        })
    }
    Router::new()
        .route(
            "/conforming",
            guarded(|| json(StatusCode::OK, r#"{"id":"a","name":"n"}"#)),
        )
        .route(
            "/wrong-status",
            guarded(|| json(StatusCode::CREATED, r#"{"id":"a","name":"n"}"#)),
        )
        .route(
            "/missing-field",
            guarded(|| json(StatusCode::OK, r#"{"id":"a"}"#)),
        )
        .route(
            "/wrong-type",
            guarded(|| json(StatusCode::OK, r#"{"id":"a","name":"n","size":"big"}"#)),
        )
        .route(
            "/wrong-content-type",
            guarded(|| {
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "text/plain")],
                    "id=a",
                )
                    .into_response()
            }),
        )
        .route(
            "/missing-header",
            guarded(|| json(StatusCode::OK, r#"{"id":"a","name":"n"}"#)),
        )
        .route(
            "/server-error",
            guarded(|| {
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    [(header::CONTENT_TYPE, "application/problem+json")],
                    r#"{"title":"boom","status":500}"#,
                )
                    .into_response()
            }),
        )
        .route(
            "/ignored-auth",
            get(|| async { json(StatusCode::OK, r#"{"id":"a","name":"n"}"#) }),
        )
}

fn options(target: String, negative: bool) -> Options {
    Options {
        target,
        credentials: Credentials {
            bearer: Some(TOKEN.into()),
            ..Credentials::default()
        },
        negative,
        concurrency: 4,
        timeout: Duration::from_secs(10),
        operations: Vec::new(),
        max_response_bytes: verify::DEFAULT_MAX_RESPONSE_BYTES,
    }
}

/// (operation, case kind, rule, body pointer, header, spec pointer) of every failure.
type Found = BTreeSet<(
    String,
    CaseKind,
    String,
    Option<String>,
    Option<String>,
    String,
)>;

fn failures(cases: &[verify::CaseReport]) -> Found {
    cases
        .iter()
        .flat_map(|case| {
            case.failures.iter().map(|f| {
                (
                    case.operation.clone(),
                    case.kind,
                    f.rule.to_string(),
                    f.pointer.clone(),
                    f.header.clone(),
                    f.spec_pointer.clone(),
                )
            })
        })
        .collect()
}

fn fault(
    op: &str,
    kind: CaseKind,
    rule: &str,
    pointer: Option<&str>,
    header: Option<&str>,
    spec_pointer: &str,
) -> (
    String,
    CaseKind,
    String,
    Option<String>,
    Option<String>,
    String,
) {
    (
        op.into(),
        kind,
        rule.into(),
        pointer.map(Into::into),
        header.map(Into::into),
        spec_pointer.into(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn each_planted_fault_is_reported_with_its_rule_and_pointer_and_nothing_else() {
    let addr = serve(faulty_app()).await;
    let spec = crate_dir().join("tests/fixtures/faults.yaml");
    let cases = verify::run(&spec, &options(format!("http://{addr}"), true))
        .await
        .unwrap();
    use CaseKind::{Example, NoCredentials};
    let expected: Found = [
        fault(
            "getWrongStatus",
            Example,
            "status_code_conformance",
            None,
            None,
            "#/paths/~1wrong-status/get/responses",
        ),
        fault(
            "getMissingField",
            Example,
            "response_schema_conformance",
            Some(""),
            None,
            "#/components/schemas/Thing/required",
        ),
        fault(
            "getWrongType",
            Example,
            "response_schema_conformance",
            Some("/size"),
            None,
            "#/components/schemas/Thing/properties/size/type",
        ),
        fault(
            "getWrongContentType",
            Example,
            "content_type_conformance",
            None,
            Some("content-type"),
            "#/paths/~1wrong-content-type/get/responses/200/content",
        ),
        fault(
            "getMissingHeader",
            Example,
            "response_headers_conformance",
            None,
            Some("X-Request-Id"),
            "#/paths/~1missing-header/get/responses/200/headers/X-Request-Id",
        ),
        fault(
            "getServerError",
            Example,
            "not_a_server_error",
            None,
            None,
            "#/paths/~1server-error/get",
        ),
        fault(
            "getIgnoredAuth",
            NoCredentials,
            "ignored_auth",
            None,
            None,
            "#/security",
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(failures(&cases), expected, "{cases:#?}");

    // 8 example cases and 8 without credentials; only the faulty ones fail, each with one failure.
    assert_eq!(cases.len(), 16);
    assert_eq!(
        cases
            .iter()
            .filter(|c| c.outcome == Outcome::Failed)
            .count(),
        7
    );
    assert!(cases.iter().all(|c| c.failures.len() <= 1));

    // Each failure says what was expected against what came, where in the spec, and how to reproduce it.
    let wrong_type = cases
        .iter()
        .find(|c| c.operation == "getWrongType")
        .unwrap();
    let failure = &wrong_type.failures[0];
    assert_eq!(
        (failure.expected.as_str(), failure.actual.as_str()),
        ("type: \"integer\"", "\"big\"")
    );
    assert_eq!(
        failure.spec_location.as_deref(),
        Some(format!("{}:95:16", spec.display()).as_str())
    );
    assert_eq!(wrong_type.status, Some(200));
    assert_eq!(
        wrong_type.curl,
        format!(
            "curl -sS -i -X GET \"http://{addr}/wrong-type\" -H \"Authorization: Bearer $CONFORMANCE_BEARER\""
        )
    );
    assert!(
        cases.iter().all(|c| !c.curl.contains(TOKEN)),
        "secrets never appear in curl lines"
    );
    let status = cases
        .iter()
        .find(|c| c.operation == "getWrongStatus")
        .unwrap();
    assert_eq!(
        (
            status.failures[0].expected.as_str(),
            status.failures[0].actual.as_str()
        ),
        ("one of 200", "201")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_negative_no_credential_cases_are_sent() {
    let addr = serve(faulty_app()).await;
    let spec = crate_dir().join("tests/fixtures/faults.yaml");
    let cases = verify::run(&spec, &options(format!("http://{addr}"), false))
        .await
        .unwrap();
    assert_eq!(cases.len(), 8);
    assert!(cases.iter().all(|c| c.kind == CaseKind::Example));
    assert!(!failures(&cases).iter().any(|f| f.2 == "ignored_auth"));
}

/// Accepts any body, and still finds an item after deleting it.
fn forgetful_app() -> Router {
    Router::new()
        .route("/items", post(|| async { StatusCode::CREATED }))
        .route(
            "/items/{id}",
            get(|| async { json(StatusCode::OK, "{}") })
                .delete(|| async { StatusCode::NO_CONTENT }),
        )
}

#[tokio::test(flavor = "multi_thread")]
async fn accepted_invalid_data_and_use_after_free_are_reported() {
    let addr = serve(forgetful_app()).await;
    let spec = crate_dir().join("tests/fixtures/lifecycle.yaml");
    let cases = verify::run(&spec, &options(format!("http://{addr}"), true))
        .await
        .unwrap();
    let expected: Found = [
        fault(
            "createItem",
            CaseKind::InvalidData,
            "negative_data_rejection",
            None,
            None,
            "#/paths/~1items/post/requestBody/content/application~1json",
        ),
        fault(
            "getItem",
            CaseKind::AfterDelete,
            "use_after_free",
            None,
            None,
            "#/paths/~1items~1{id}/get",
        ),
    ]
    .into_iter()
    .collect();
    assert_eq!(failures(&cases), expected, "{cases:#?}");
    let after = cases
        .iter()
        .find(|c| c.kind == CaseKind::AfterDelete)
        .unwrap();
    assert_eq!(
        after.curl,
        format!("curl -sS -i -X GET \"http://{addr}/items/item-1\"")
    );
    let invalid = cases
        .iter()
        .find(|c| c.kind == CaseKind::InvalidData)
        .unwrap();
    assert_eq!(invalid.case, "body []");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_mock_serving_the_vendored_specs_passes_every_case() {
    let mock = mock_server::MockServer::start(mock_server::ServerOptions::embedded())
        .await
        .unwrap();
    let credentials = Credentials {
        bearer: Some("token".into()),
        api_keys: vec![
            ("X-API-Key".into(), "key".into()),
            ("X-Auth-Token".into(), "token".into()),
        ],
        basic: None,
        headers: Vec::new(),
    };
    let mut total = 0;
    for name in ["hostup", "nethesis", "raff", "taurusdb"] {
        let spec = test_support::specs_dir().join(format!("{name}.yaml"));
        let options = Options {
            credentials: credentials.clone(),
            ..options(mock.spec_url(name).unwrap(), false)
        };
        let cases = verify::run(&spec, &options).await.unwrap();
        let failed: Vec<_> = cases
            .iter()
            .filter(|c| c.outcome != Outcome::Passed)
            .collect();
        assert!(failed.is_empty(), "{name}: {failed:#?}");
        let doc = apispec::Document::load(&spec).unwrap();
        let covered: BTreeSet<&str> = cases.iter().map(|c| c.operation.as_str()).collect();
        assert_eq!(
            covered.len(),
            doc.operations.len(),
            "{name}: every operation is sent"
        );
        total += cases.len();
    }
    assert!(total >= 18, "{total} cases");
    mock.shutdown().await;
}

/// `--negative` against the stateful mock with valid credentials: the credentials are required, a
/// request without them is refused, invalid data is refused, and nothing the state answers breaks the spec.
#[tokio::test(flavor = "multi_thread")]
async fn the_stateful_mock_with_credentials_passes_every_negative_case() {
    let mut valid = mock_server::ValidCredentials::default();
    for pair in ["BearerAuth=token", "ApiKeyAuth=key", "IamToken=token"] {
        valid.add_pair(pair).unwrap();
    }
    let mock = mock_server::MockServer::start(mock_server::ServerOptions {
        stateful: true,
        credentials: valid,
        ..mock_server::ServerOptions::embedded()
    })
    .await
    .unwrap();
    let credentials = Credentials {
        bearer: Some("token".into()),
        api_keys: vec![
            ("X-API-Key".into(), "key".into()),
            ("X-Auth-Token".into(), "token".into()),
        ],
        basic: None,
        headers: Vec::new(),
    };
    for name in ["hostup", "nethesis", "raff", "taurusdb"] {
        let spec = test_support::specs_dir().join(format!("{name}.yaml"));
        let options = Options {
            credentials: credentials.clone(),
            ..options(mock.spec_url(name).unwrap(), true)
        };
        let cases = verify::run(&spec, &options).await.unwrap();
        let failed: Vec<_> = cases
            .iter()
            .filter(|c| c.outcome != Outcome::Passed)
            .collect();
        assert!(failed.is_empty(), "{name}: {failed:#?}");
        let refused_anonymous = cases
            .iter()
            .filter(|c| c.kind == CaseKind::NoCredentials)
            .count();
        let doc = apispec::Document::load(&spec).unwrap();
        assert_eq!(refused_anonymous, doc.operations.len(), "{name}");
    }
    // The state was used: the delete examples found their items and removed them.
    let deletes = mock
        .requests(&mock_server::JournalFilter {
            operation: Some("taurusdb.deleteManualBackup".into()),
            status: mock_server::StatusFilter::parse("200"),
            ..mock_server::JournalFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(deletes.len(), 1, "{deletes:#?}");
    assert!(matches!(deletes[0].reason, mock_server::Reason::State(_)));
    mock.shutdown().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_binary_writes_junit_and_exits_1_on_failures() {
    let addr = serve(faulty_app()).await;
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("verify.xml");
    let target = format!("http://{addr}");
    let report_arg = report.display().to_string();
    let run = tokio::task::spawn_blocking(move || {
        conformance(&[
            "verify",
            "tests/fixtures/faults.yaml",
            "--target",
            &target,
            "--bearer",
            TOKEN,
            "--format",
            "junit",
            "--output",
            &report_arg,
        ])
    })
    .await
    .unwrap();
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("FAIL  getWrongType GET /wrong-type [examples] -> 200\n  response_schema_conformance: the 200 body breaks its schema: \"big\" is not of type \"integer\"\n    body pointer: /size\n    spec: tests/fixtures/faults.yaml:95:16 #/components/schemas/Thing/properties/size/type\n    expected: type: \"integer\"\n    actual: \"big\"\n  reproduce: curl -sS -i -X GET"), "{}", run.stdout);
    assert!(run.stdout.ends_with("verify: 8 cases, 2 passed, 6 failed, 0 errored\nnote: the curl lines read credentials from the environment variables they name\n"), "{}", run.stdout);
    assert!(!run.stdout.contains(TOKEN));
    let xml = std::fs::read_to_string(report).unwrap();
    assert!(
        xml.contains(
            "<testsuites name=\"conformance verify\" tests=\"8\" failures=\"6\" errors=\"0\">"
        ),
        "{xml}"
    );
    assert!(xml.contains("<testcase classname=\"tests/fixtures/faults.yaml.getWrongStatus\" name=\"GET /wrong-status [examples]\""), "{xml}");
    assert!(xml.contains("<failure type=\"status_code_conformance\" message=\"status_code_conformance: status 201 is not documented\">"), "{xml}");
    assert!(!xml.contains(TOKEN));
}

const BASIC_PAIR: &str = "user:p@ss";

/// Answers `/things` only to `Authorization: Basic base64(user:p@ss)`, 401 otherwise.
fn basic_app() -> Router {
    Router::new().route(
        "/things",
        get(|headers: HeaderMap| async move {
            let sent = headers
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok());
            if sent == Some("Basic dXNlcjpwQHNz") {
                json(StatusCode::OK, r#"{"id":"a"}"#)
            } else {
                StatusCode::UNAUTHORIZED.into_response()
            }
        }),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn basic_schemes_are_sent_basic_credentials_and_curl_lines_hide_them() {
    let addr = serve(basic_app()).await;
    let spec = crate_dir().join("tests/fixtures/basic_auth.yaml");
    let options = Options {
        credentials: Credentials {
            basic: Some(BASIC_PAIR.into()),
            // A bearer token is not what a basic scheme takes.
            bearer: Some(TOKEN.into()),
            ..Credentials::default()
        },
        ..options(format!("http://{addr}"), true)
    };
    let cases = verify::run(&spec, &options).await.unwrap();
    let kinds: Vec<(CaseKind, Outcome, Option<u16>)> = cases
        .iter()
        .map(|c| (c.kind, c.outcome, c.status))
        .collect();
    assert_eq!(
        kinds,
        [
            (CaseKind::Example, Outcome::Passed, Some(200)),
            (CaseKind::NoCredentials, Outcome::Passed, Some(401)),
        ],
        "{cases:#?}"
    );
    assert_eq!(
        cases[0].curl,
        format!("curl -sS -i -X GET \"http://{addr}/things\" -u \"$CONFORMANCE_BASIC\"")
    );

    let target = format!("http://{addr}");
    let run = tokio::task::spawn_blocking(move || {
        conformance(&[
            "verify",
            "tests/fixtures/basic_auth.yaml",
            "--target",
            &target,
            "--basic",
            BASIC_PAIR,
        ])
    })
    .await
    .unwrap();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains(BASIC_PAIR) && !run.stdout.contains("dXNlcjpwQHNz"));
}

#[test]
fn cannot_run_exits_2() {
    // Nothing listens on port 9 of the loopback.
    let unreachable = conformance(&[
        "verify",
        "tests/fixtures/clean.yaml",
        "--target",
        "http://127.0.0.1:9",
    ]);
    assert_eq!(unreachable.code, 2, "{}", unreachable.stderr);
    assert!(
        unreachable
            .stderr
            .starts_with("error: cannot reach the target http://127.0.0.1:9/"),
        "{}",
        unreachable.stderr
    );
    let bad_spec = conformance(&[
        "verify",
        "tests/fixtures/parse_error.yaml",
        "--target",
        "http://127.0.0.1:9",
    ]);
    assert_eq!(bad_spec.code, 2);
    assert!(
        bad_spec
            .stderr
            .starts_with("error: tests/fixtures/parse_error.yaml:10:1: not valid YAML"),
        "{}",
        bad_spec.stderr
    );
    let bad_target = conformance(&["verify", "tests/fixtures/clean.yaml", "--target", "ftp://x"]);
    assert_eq!(bad_target.code, 2);
    let bad_flag = conformance(&[
        "verify",
        "tests/fixtures/clean.yaml",
        "--target",
        "http://x",
        "--concurrency",
        "0",
    ]);
    assert_eq!(bad_flag.code, 2);
    let no_target = conformance(&["verify", "tests/fixtures/clean.yaml"]);
    assert_eq!(no_target.code, 2);
}

/// A target whose `/endless` streams a JSON array without end, and whose `/ok` answers `[]`.
fn endless_app() -> Router {
    let endless = || async {
        let chunk = axum::body::Bytes::from(vec![b'1'; 64 * 1024]);
        let stream = futures_util::stream::once(async { Ok::<_, std::io::Error>("[".into()) })
            .chain(futures_util::stream::repeat_with(move || {
                Ok::<_, std::io::Error>(chunk.clone())
            }));
        (
            [(header::CONTENT_TYPE, "application/json")],
            axum::body::Body::from_stream(stream),
        )
    };
    Router::new()
        .route("/endless", get(endless))
        .route("/ok", get(|| async { json(StatusCode::OK, "[]") }))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_endless_response_is_cut_at_the_size_cap_and_the_run_goes_on() {
    let addr = serve(endless_app()).await;
    let spec = crate_dir().join("tests/fixtures/endless.yaml");
    let options = Options {
        max_response_bytes: 1024 * 1024,
        ..options(format!("http://{addr}"), false)
    };
    let cases = verify::run(&spec, &options).await.unwrap();
    let outcomes: Vec<(&str, Outcome)> = cases
        .iter()
        .map(|c| (c.operation.as_str(), c.outcome))
        .collect();
    assert_eq!(
        outcomes,
        [("getEndless", Outcome::Failed), ("getOk", Outcome::Passed)]
    );
    let [failure] = &cases[0].failures[..] else {
        panic!("{:#?}", cases[0])
    };
    assert_eq!(failure.rule.as_str(), "response_size_limit");
    assert!(failure.message.contains("1048576 bytes"), "{failure:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn coverage_reads_a_running_mock_and_fails_under_the_threshold() {
    // The vendored specs alone: coverage is counted over every document the mock serves.
    let files = test_support::VENDORED_SPECS.map(|file| test_support::specs_dir().join(file));
    let mock = mock_server::MockServer::start(mock_server::ServerOptions {
        mount: mock_server::Mount::Prefixed,
        ..mock_server::ServerOptions::spec_files(files)
    })
    .await
    .unwrap();
    reqwest::Client::new()
        .get(format!("{}/raff/api/v1/backups", mock.url()))
        .header("X-API-Key", "k")
        .header("X-Project-ID", "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58")
        .header("X-Mock-Session", "ci")
        .send()
        .await
        .unwrap();
    let url = mock.url();
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("coverage.xml");
    let (under, met, report, unreachable) = tokio::task::spawn_blocking(move || {
        let under =
            crate::support::conformance(&["coverage", &url, "--session", "ci", "--min", "50"]);
        let met =
            crate::support::conformance(&["coverage", &url, "--session", "ci", "--min", "0.5"]);
        let report = crate::support::conformance(&[
            "coverage",
            &url,
            "--format",
            "junit",
            "--output",
            junit.to_str().unwrap(),
        ]);
        let unreachable = crate::support::conformance(&["coverage", "http://127.0.0.1:9"]);
        (
            under,
            met,
            (report, std::fs::read_to_string(&junit).unwrap_or_default()),
            unreachable,
        )
    })
    .await
    .unwrap();
    assert_eq!(under.code, 1, "{}", under.stderr);
    assert!(under.stderr.contains("under --min 50%"), "{}", under.stderr);
    assert!(under.stdout.contains("raff: 1 of "), "{}", under.stdout);
    assert_eq!(met.code, 0, "{}", met.stderr);
    let (run, xml) = report;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        xml.contains(r#"<testcase classname="raff.listBackups" name="listBackups 200"/>"#),
        "{xml}"
    );
    assert!(
        run.stdout.contains("coverage: 1 of "),
        "the human summary goes to stdout: {}",
        run.stdout
    );
    assert_eq!(unreachable.code, 2);
    assert!(
        unreachable.stderr.contains("cannot be reached"),
        "{}",
        unreachable.stderr
    );
}
