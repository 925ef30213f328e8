//! The journal: what each request was, matched, failed and got, per session, bounded, read over HTTP and
//! from the in-process handle, and emptied by a reset.

use mock_server::{JournalFilter, MockServer, Reason, StatusFilter};
use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn each_request_is_journaled_with_its_verdict_answer_and_reason() {
    let server = vendored().await;
    let http = client();
    delete_backup_chain(&server, &http)
        .header("X-Mock-Session", "a")
        .send()
        .await
        .unwrap();
    // No project id: the spec's own 400.
    http.delete(format!(
        "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
        server.url()
    ))
    .header("X-API-Key", "k")
    .header("X-Mock-Session", "a")
    .send()
    .await
    .unwrap();
    delete_backup_chain(&server, &http)
        .header("Prefer", "code=404")
        .send()
        .await
        .unwrap();
    http.get(format!("{}/nowhere", server.url()))
        .send()
        .await
        .unwrap();

    let all = journal(&server, "").await;
    assert_eq!(all.len(), 4, "{all:#?}");
    let first = &all[0];
    assert_eq!(first["session"], "a");
    assert_eq!(first["method"], "DELETE");
    assert_eq!(
        first["path"],
        format!("/raff/api/v1/backups/{BACKUP_ID}/chain")
    );
    assert_eq!(first["spec"], "raff");
    assert_eq!(first["operation"], "deleteBackupChain");
    assert_eq!(first["validation"], json!({"verdict": "passed"}));
    assert_eq!(first["status"], 200);
    assert_eq!(first["reason"], json!({"by": "default"}));
    assert!(first["latency_us"].as_u64().is_some());
    assert!(first["time"].as_str().unwrap().ends_with('Z'));

    let invalid = &all[1];
    assert_eq!(invalid["validation"]["verdict"], "failed");
    assert_eq!(invalid["validation"]["failure"], "invalid");
    assert_eq!(
        invalid["validation"]["violations"][0]["location"],
        json!(["header"])
    );
    let spec_place = invalid["validation"]["violations"][0]["spec"]
        .as_str()
        .unwrap();
    // Raff declares the header once, as a component every operation refers to.
    assert_eq!(spec_place, "/components/parameters/ProjectIDHeader");
    assert_eq!(invalid["status"], 400);
    assert_eq!(invalid["reason"], json!({"by": "validation"}));

    assert_eq!(all[2]["session"], "default");
    assert_eq!(all[2]["reason"], json!({"by": "prefer"}));
    assert_eq!(all[2]["status"], 404);
    assert_eq!(all[3]["operation"], json!(null));
    assert_eq!(all[3]["reason"], json!({"by": "routing"}));

    // Filters: session, operation (with or without the spec), status or status class.
    assert_eq!(journal(&server, "session=a").await.len(), 2);
    assert_eq!(
        journal(&server, "operation=raff.deleteBackupChain&status=4xx")
            .await
            .len(),
        2
    );
    assert_eq!(journal(&server, "status=200").await.len(), 1);
    assert_eq!(journal(&server, "limit=1").await[0]["path"], "/nowhere");
    // The header names the session when the query does not.
    let mine = client()
        .get(format!("{}/__mock/requests", server.url()))
        .header("X-Mock-Session", "a")
        .send()
        .await
        .unwrap();
    assert_eq!(json(mine).await["requests"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn the_in_process_handle_reads_the_same_journal() {
    let server = vendored().await;
    let http = client();
    let response = http
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .bearer_auth("t")
        .header("Prefer", "code=404, example=vps_not_found")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    let entries = server
        .requests(&JournalFilter {
            operation: Some("listVpsBackups".into()),
            status: Some(StatusFilter::Exact(404)),
            ..JournalFilter::default()
        })
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].example.as_deref(), Some("vps_not_found"));
    assert_eq!(entries[0].reason, Reason::Prefer);
    assert_eq!(entries[0].sequence, 1);
}

#[tokio::test]
async fn the_journal_is_a_bounded_ring_and_a_reset_empties_one_session() {
    let mut options = vendored_options();
    options.state_limits.journal_size = 3;
    let server = MockServer::start(options).await.unwrap();
    let http = client();
    for session in ["a", "b", "b", "a", "b"] {
        delete_backup_chain(&server, &http)
            .header("X-Mock-Session", session)
            .send()
            .await
            .unwrap();
    }
    let all = journal(&server, "").await;
    let sequences: Vec<u64> = all
        .iter()
        .map(|e| e["sequence"].as_u64().unwrap())
        .collect();
    assert_eq!(sequences, [3, 4, 5]);

    let reset = http
        .post(format!("{}/__mock/reset?session=b", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 200);
    assert_eq!(json(reset).await, json!({"reset": "b"}));
    let left = journal(&server, "").await;
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["session"], "a");

    // The mock's own endpoints are not journaled; a bad session name is refused.
    let bad = http
        .get(format!("{}/__mock/requests?session=a%20b", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    let wrong_method = http
        .get(format!("{}/__mock/reset", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_method.status(), 405);
    assert_eq!(header(&wrong_method, "allow"), Some("POST"));
    server.reset(None).await.unwrap();
    assert!(journal(&server, "").await.is_empty());
}
