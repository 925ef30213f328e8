//! Property: arbitrary requests through the request pipeline in-process (the router from
//! `MockServer::router`, called with `tower::ServiceExt::oneshot`, no socket), against every vendored spec
//! and the shop fixture. Nothing panics or hangs, and every refusal (a 4xx or 5xx the request did not ask
//! for with `Prefer: code=…`/`__code`) is a problem document in Prism's shape (for `HEAD`, its headers),
//! or the spec's own response with its violations in `sl-violations`. Bounded: 256 cases unless `PROPTEST_CASES` says otherwise.

use std::sync::OnceLock;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, Response};
use mock_server::{MockServer, SpecSource};
use proptest::prelude::*;
use serde_json::Value;
use tower::ServiceExt;

use crate::support::{fixture, vendored_options};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The router, its runtime, and every route it serves (method, path template), made once.
struct Pipeline {
    runtime: tokio::runtime::Runtime,
    router: Router,
    routes: Vec<(String, String)>,
}

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let mut options = vendored_options();
        options.specs.push(SpecSource::File(fixture("shop.yaml")));
        let router = runtime
            .block_on(MockServer::router(&options))
            .expect("the specs load");
        let listed = runtime.block_on(async {
            let request = Request::get("/__mock/routes").body(Body::empty()).unwrap();
            let response = router.clone().oneshot(request).await.unwrap();
            body_json(response).await
        });
        let routes = listed["routes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|route| {
                (
                    route["method"].as_str().unwrap().to_string(),
                    route["path"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        Pipeline {
            runtime,
            router,
            routes,
        }
    })
}

async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

async fn body_json(response: Response<Body>) -> Value {
    serde_json::from_slice(&body_bytes(response).await).unwrap()
}

/// Percent-encodes everything but unreserved characters.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// A path segment's text, before encoding: ids of the right shapes, odd text, escapes that decode to bad
/// UTF-8.
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41".to_string()),
        Just("054e292c9880d4992f02c0196d3ea468".to_string()),
        Just("5b4a1c9e7d2f4e3a8c6b0d1f2e3a4b5cin07".to_string()),
        "[0-9]{1,4}",
        ".{0,12}",
    ]
}

/// A request path: a mounted route with its templates filled, or anything.
fn path() -> impl Strategy<Value = String> {
    let routes = pipeline().routes.clone();
    prop_oneof![
        3 => (0..routes.len(), prop::collection::vec(segment(), 8)).prop_map(move |(index, fills)| {
            let template = &routes[index].1;
            let mut fills = fills.into_iter();
            template
                .split('/')
                .map(|part| {
                    if part.starts_with('{') {
                        encoded(&fills.next().unwrap_or_default())
                    } else {
                        part.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("/")
        }),
        1 => prop::collection::vec(segment(), 0..5)
            .prop_map(|parts| format!("/{}", parts.iter().map(|p| encoded(p)).collect::<Vec<_>>().join("/"))),
        1 => Just("/raw/%zz/%/%ff%fe".to_string()),
    ]
}

fn method() -> impl Strategy<Value = Method> {
    prop_oneof![
        Just("GET"),
        Just("POST"),
        Just("PUT"),
        Just("PATCH"),
        Just("DELETE"),
        Just("HEAD"),
        Just("OPTIONS"),
        Just("TRACE"),
        Just("QUERY"),
        Just("delete"),
    ]
    .prop_map(|name| Method::from_bytes(name.as_bytes()).unwrap())
}

fn query() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        Just("limit"),
        Just("offset"),
        Just("vm_id"),
        Just("instance_id"),
        Just("since"),
        Just("tags"),
        Just("ids"),
        Just("__code"),
        Just("__example"),
        Just("__dynamic"),
        Just("__seed"),
    ]
    .prop_map(str::to_string);
    let value = prop_oneof![
        "[0-9]{1,3}",
        Just("true".to_string()),
        Just("3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41".to_string()),
        ".{0,10}",
    ];
    prop::collection::vec((key, value), 0..4)
}

fn headers() -> impl Strategy<Value = Vec<(String, String)>> {
    let name = prop_oneof![
        Just("x-api-key"),
        Just("x-project-id"),
        Just("x-auth-token"),
        Just("authorization"),
        Just("content-type"),
        Just("accept"),
        Just("prefer"),
        Just("origin"),
        Just("access-control-request-method"),
        Just("x-language"),
        Just("cookie"),
    ]
    .prop_map(str::to_string);
    let value = prop_oneof![
        Just("Bearer token".to_string()),
        Just("application/json".to_string()),
        Just("text/plain".to_string()),
        Just("*/*".to_string()),
        Just("code=404".to_string()),
        Just("code=500, dynamic=true, seed=7".to_string()),
        Just("example=nothing".to_string()),
        Just("5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58".to_string()),
        "[ -~]{0,24}",
    ];
    prop::collection::vec((name, value), 0..6)
}

/// Small JSON values.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("name".to_string()),
                    Just("instance_id".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..4
            )
            .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(Vec::new()),
        json_value().prop_map(|value| value.to_string().into_bytes()),
        prop::collection::vec(any::<u8>(), 0..64),
    ]
}

#[derive(Debug, Clone)]
struct Case {
    method: Method,
    path: String,
    query: Vec<(String, String)>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn case() -> impl Strategy<Value = Case> {
    (method(), path(), query(), headers(), body()).prop_map(
        |(method, path, query, headers, body)| Case {
            method,
            path,
            query,
            headers,
            body,
        },
    )
}

impl Case {
    fn request(&self) -> Request<Body> {
        let mut uri = self.path.clone();
        if !self.query.is_empty() {
            let query: Vec<String> = self
                .query
                .iter()
                .map(|(key, value)| format!("{}={}", encoded(key), encoded(value)))
                .collect();
            uri = format!("{uri}?{}", query.join("&"));
        }
        let mut request = Request::builder().method(self.method.clone()).uri(uri);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        request.body(Body::from(self.body.clone())).unwrap()
    }

    /// Whether the request asked for `status` (a `Prefer` code, or `__code` without a `Prefer`).
    fn asked_for(&self, status: u16) -> bool {
        let wanted = format!("code={status}");
        let prefer: Vec<&(String, String)> =
            self.headers.iter().filter(|(n, _)| n == "prefer").collect();
        if prefer.is_empty() {
            self.query
                .iter()
                .any(|(key, value)| key == "__code" && value == &status.to_string())
        } else {
            prefer.iter().any(|(_, value)| value.contains(&wanted))
        }
    }
}

/// Why a refusal is not what it should be, if it is not.
fn refusal_problem(
    case: &Case,
    status: u16,
    head: &axum::http::HeaderMap,
    body: &[u8],
) -> Option<String> {
    if let Some(violations) = head.get("sl-violations") {
        // The spec's own response to an invalid request.
        let listed: Result<Vec<Value>, _> = serde_json::from_slice(violations.as_bytes());
        return match listed {
            Ok(items)
                if !items.is_empty() && items.iter().all(|i| i["location"][0] == "request") =>
            {
                None
            }
            other => Some(format!(
                "sl-violations is not a list of request violations: {other:?}"
            )),
        };
    }
    let is_problem = head
        .get("content-type")
        .is_some_and(|v| v == "application/problem+json");
    if !is_problem {
        return (!case.asked_for(status)).then(|| {
            format!(
                "a {status} that is neither a problem document nor the spec's own answer: {}",
                String::from_utf8_lossy(body)
            )
        });
    }
    if case.method == Method::HEAD {
        return None; // answered without its body
    }
    let Ok(problem) = serde_json::from_slice::<Value>(body) else {
        return Some(format!(
            "the problem document is not JSON: {}",
            String::from_utf8_lossy(body)
        ));
    };
    let typed = problem["type"]
        .as_str()
        .is_some_and(|t| t.starts_with("https://stoplight.io/prism/errors#"));
    let titled = problem["title"].as_str().is_some_and(|t| !t.is_empty());
    let detailed = problem["detail"].as_str().is_some_and(|t| !t.is_empty());
    let listed = problem.get("validation").is_none_or(|list| {
        list.as_array().is_some_and(|items| {
            items.iter().all(|item| {
                item["location"].is_array()
                    && item["message"].is_string()
                    && !item["code"].is_null()
            })
        })
    });
    (!(typed && titled && detailed && listed && problem["status"] == status))
        .then(|| format!("not a problem document of status {status}: {problem}"))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_requests_get_an_answer_and_every_refusal_is_a_problem_document(case in case()) {
        let pipeline = pipeline();
        let (status, head, body) = pipeline.runtime.block_on(async {
            let answer = pipeline.router.clone().oneshot(case.request());
            let response = tokio::time::timeout(Duration::from_secs(10), answer)
                .await
                .expect("an answer within 10 s")
                .unwrap();
            let status = response.status().as_u16();
            let head = response.headers().clone();
            (status, head, body_bytes(response).await)
        });
        if status >= 400
            && let Some(problem) = refusal_problem(&case, status, &head, &body)
        {
            prop_assert!(false, "{problem}");
        }
        prop_assert!(status < 500 || case.asked_for(status), "a {status} nobody asked for");
    }
}
