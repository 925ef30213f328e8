//! Scenarios and faults: set per session over HTTP and from the Rust handle, refused when they name what the
//! operation does not document, served in order, replayed identically from a seed, and carried out on the
//! wire (latency, documented statuses, resets, empty replies, bodies cut short or dripped).

use std::time::{Duration, Instant};

use mock_server::{Fault, MockServer, Scenario, ServerOptions, Step};
use serde_json::{Value, json};

use crate::support::*;

/// `DELETE /raff/api/v1/backups/{id}` in `session`.
fn delete_backup(
    server: &MockServer,
    http: &reqwest::Client,
    session: &str,
) -> reqwest::RequestBuilder {
    http.delete(format!("{}/raff/api/v1/backups/{BACKUP_ID}", server.url()))
        .header("X-API-Key", "test-key")
        .header("X-Project-ID", PROJECT_ID)
        .header("X-Mock-Session", session)
}

async fn statuses(
    server: &MockServer,
    http: &reqwest::Client,
    session: &str,
    n: usize,
) -> Vec<u16> {
    let mut seen = Vec::new();
    for _ in 0..n {
        let response = delete_backup(server, http, session).send().await.unwrap();
        seen.push(response.status().as_u16());
    }
    seen
}

async fn post(server: &MockServer, path: &str, session: &str, body: Value) -> reqwest::Response {
    client()
        .post(format!("{}{path}?session={session}", server.url()))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_sequence_set_over_http_is_served_in_order_then_the_default_returns() {
    let server = vendored().await;
    let http = client();
    let set = post(
        &server,
        "/__mock/scenarios",
        "seq",
        json!({"operation": "deleteBackup", "respond": [{"status": 409}, {"status": 409}, {"status": 200}]}),
    )
    .await;
    assert_eq!(set.status(), 201);
    assert_eq!(
        json(set).await["scenario"]["operation"],
        "raff.deleteBackup"
    );

    assert_eq!(
        statuses(&server, &http, "seq", 4).await,
        [409, 409, 200, 200]
    );
    // Another session is untouched.
    assert_eq!(statuses(&server, &http, "other", 1).await, [200]);

    let entries = journal(&server, "session=seq").await;
    let reasons: Vec<&Value> = entries.iter().map(|e| &e["reason"]).collect();
    assert_eq!(
        reasons[0],
        &json!({"by": "scenario", "detail": "step 1 of 3"})
    );
    assert_eq!(
        reasons[2],
        &json!({"by": "scenario", "detail": "step 3 of 3"})
    );
    assert_eq!(reasons[3], &json!({"by": "default"}));

    let listed = json(
        http.get(format!("{}/__mock/scenarios?session=seq", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed["scenarios"][0]["respond"][0]["status"], 409);
    let cleared = http
        .delete(format!("{}/__mock/scenarios?session=seq", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(cleared.status(), 200);
    let listed = json(
        http.get(format!("{}/__mock/scenarios?session=seq", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed["scenarios"], json!([]));
}

#[tokio::test]
async fn prefer_wins_over_a_scenario_and_a_repeating_one_goes_round() {
    let server = vendored().await;
    let http = client();
    server
        .scenario(
            "round",
            Scenario::new("raff.deleteBackup")
                .then(Step::status(404))
                .then(Step::status(409))
                .repeat(),
        )
        .await
        .unwrap();
    let preferred = delete_backup(&server, &http, "round")
        .header("Prefer", "code=400")
        .send()
        .await
        .unwrap();
    assert_eq!(preferred.status(), 400);
    assert_eq!(statuses(&server, &http, "round", 3).await, [404, 409, 404]);
}

#[tokio::test]
async fn scenarios_naming_what_the_operation_does_not_document_are_refused_with_the_reason() {
    let server = vendored().await;
    let undocumented = post(
        &server,
        "/__mock/scenarios",
        "s",
        json!({"operation": "raff.deleteBackup", "respond": [{"status": 503}]}),
    )
    .await;
    assert_eq!(undocumented.status(), 422);
    let message = json(undocumented).await["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(message.contains("documents no 503 response"), "{message}");
    assert!(
        message.contains("409"),
        "lists what is documented: {message}"
    );

    let unknown = server
        .scenario(
            "s",
            Scenario::new("noSuchOperation").then(Step::status(200)),
        )
        .await
        .unwrap_err();
    assert!(
        unknown.message.contains("no operation `noSuchOperation`"),
        "{unknown}"
    );

    let no_example = server
        .scenario(
            "s",
            Scenario::new("raff.deleteBackup").then(Step::status(409).example("nope")),
        )
        .await
        .unwrap_err();
    assert!(
        no_example.message.contains("no example `nope`"),
        "{no_example}"
    );

    // A body of the test's own must match the documented schema: raff's errors have a string `message`.
    let invalid = post(
        &server,
        "/__mock/scenarios",
        "s",
        json!({"operation": "raff.deleteBackup", "respond": [{"status": 409, "body": {"message": 42}}]}),
    )
    .await;
    assert_eq!(invalid.status(), 422);
    let refused = json(invalid).await;
    assert_eq!(
        refused["violations"][0]["location"],
        json!(["body", "message"]),
        "{refused}"
    );
    assert!(server.plan("s").await.unwrap().scenarios.is_empty());
}

#[tokio::test]
async fn a_body_of_the_tests_own_is_served_when_it_validates() {
    let server = vendored().await;
    let http = client();
    let body = json!({"message": "restore points depend on this backup"});
    server
        .scenario(
            "own",
            Scenario::new("raff.deleteBackup").then(Step::status(409).body(body.clone())),
        )
        .await
        .unwrap();
    let response = delete_backup(&server, &http, "own").send().await.unwrap();
    assert_eq!(response.status(), 409);
    assert_eq!(json(response).await, body);
}

#[tokio::test]
async fn a_preferred_status_the_operation_does_not_document_is_marked_as_the_mocks_refusal() {
    let server = vendored().await;
    let http = client();
    let refused = delete_backup(&server, &http, "p")
        .header("Prefer", "code=503")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 404);
    assert_eq!(header(&refused, "x-mock-refusal"), Some("NOT_FOUND"));
    let documented = delete_backup(&server, &http, "p")
        .header("Prefer", "code=404")
        .send()
        .await
        .unwrap();
    assert_eq!(documented.status(), 404);
    assert_eq!(header(&documented, "x-mock-refusal"), None);
}

#[tokio::test]
async fn a_counted_status_fault_uses_the_documented_response_then_stops() {
    let server = vendored().await;
    let http = client();
    let set = post(
        &server,
        "/__mock/faults",
        "f",
        json!("status=404,count=2,operation=raff.deleteBackup"),
    )
    .await;
    assert_eq!(set.status(), 201);
    assert_eq!(statuses(&server, &http, "f", 3).await, [404, 404, 200]);
    let entries = journal(&server, "session=f").await;
    assert_eq!(
        entries[0]["faults"],
        json!([{"fault": "status=404,operation=raff.deleteBackup,count=2", "seed": 0, "draw": 0}])
    );
    assert_eq!(entries[1]["faults"][0]["draw"], 1);
    assert!(entries[2].get("faults").is_none(), "{:?}", entries[2]);

    // An undocumented status is a problem document of that status, with Retry-After for 503.
    server
        .fault("g", Fault::status(503).operation("raff.deleteBackup"))
        .await
        .unwrap();
    let unavailable = delete_backup(&server, &http, "g").send().await.unwrap();
    assert_eq!(unavailable.status(), 503);
    assert_eq!(header(&unavailable, "retry-after"), Some("1"));

    let bad = post(&server, "/__mock/faults", "f", json!("sometimes")).await;
    assert_eq!(bad.status(), 400);
    assert!(
        json(bad).await["detail"]
            .as_str()
            .unwrap()
            .contains("is not a fault")
    );
}

/// The statuses and fault draws of 30 requests in a fresh session with a 50% fault.
async fn faulted_run(server: &MockServer, session: &str) -> Vec<(u16, Value)> {
    let http = client();
    server
        .fault(session, Fault::status(404).probability(0.5).seed(7))
        .await
        .unwrap();
    statuses(server, &http, session, 30).await;
    journal(server, &format!("session={session}"))
        .await
        .into_iter()
        .map(|mut entry| {
            // All but when, how long and the journal's numbering.
            let object = entry.as_object_mut().unwrap();
            for varying in ["time", "latency_us", "sequence", "session"] {
                object.remove(varying);
            }
            (object["status"].as_u64().unwrap() as u16, entry)
        })
        .collect()
}

#[tokio::test]
async fn the_same_seed_replays_the_same_faults() {
    let server = vendored().await;
    let first = faulted_run(&server, "replay").await;
    server.reset(Some("replay")).await.unwrap();
    let again = faulted_run(&server, "replay").await;
    assert_eq!(first, again);
    let fired = first.iter().filter(|(status, _)| *status == 404).count();
    assert!((5..=25).contains(&fired), "{fired} of 30 at p=0.5");
    // Another process, another session name: the same schedule.
    let other = MockServer::start(vendored_options()).await.unwrap();
    assert_eq!(faulted_run(&other, "elsewhere").await, first);
}

#[tokio::test]
async fn latency_and_transport_faults_happen_on_the_wire() {
    let server = MockServer::start(ServerOptions {
        faults: vec![Fault::latency(Duration::from_millis(150)).operation("getBackup")],
        ..vendored_options()
    })
    .await
    .unwrap();
    let http = client();
    let get = |session: &str| {
        http.get(format!("{}/raff/api/v1/backups/{BACKUP_ID}", server.url()))
            .header("X-API-Key", "k")
            .header("X-Project-ID", PROJECT_ID)
            .header("X-Mock-Session", session)
    };
    let started = Instant::now();
    assert_eq!(get("slow").send().await.unwrap().status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    server
        .fault("reset", Fault::parse("reset").unwrap())
        .await
        .unwrap();
    let reset = get("reset").send().await.unwrap_err();
    assert!(!reset.is_status(), "{reset:?}");

    server
        .fault("empty", Fault::parse("empty").unwrap())
        .await
        .unwrap();
    assert!(get("empty").send().await.is_err());

    server
        .fault("cut", Fault::parse("truncate").unwrap())
        .await
        .unwrap();
    let cut = get("cut").send().await.unwrap();
    assert_eq!(cut.status(), 200);
    assert!(cut.bytes().await.is_err(), "a body cut short is an error");

    server
        .fault("drip", Fault::parse("drip=20ms").unwrap())
        .await
        .unwrap();
    let started = Instant::now();
    let dripped = get("drip").send().await.unwrap();
    let bytes = dripped.bytes().await.unwrap();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(body["data"]["id"], BACKUP_ID);
    let pieces = bytes.len().div_ceil(16) as u32;
    let least = Duration::from_millis(150) + Duration::from_millis(20) * (pieces - 1);
    assert!(
        started.elapsed() >= least,
        "{:?} < {least:?}",
        started.elapsed()
    );

    let entries = journal(&server, "session=reset").await;
    assert_eq!(entries[0]["status"], 0, "a reset sends no status");
    assert_eq!(
        entries[0]["reason"],
        json!({"by": "fault", "detail": "latency=150ms,operation=getBackup; reset"})
    );
}
