//! `--stateful`: each vendored spec's backups as resources. Seeds from the examples, creates with fresh
//! ids, lists that reflect them (filtered and paged), the spec's own 404 after a delete (ids filled in),
//! Raff's 409 for a single point of a series, `Prefer` still winning, and `/__mock/routes`' account.

use reqwest::{Client, RequestBuilder};
use serde_json::{Value, json};

use crate::support::*;

fn raff(http: &Client, method: reqwest::Method, url: String) -> RequestBuilder {
    http.request(method, url)
        .header("X-API-Key", "k")
        .header("X-Project-ID", PROJECT_ID)
}

#[tokio::test]
async fn raff_backups_live_and_die() {
    let server = stateful().await;
    let http = client();
    let backups = format!("{}/raff/api/v1/backups", server.url());
    let get = |id: &str| raff(&http, reqwest::Method::GET, format!("{backups}/{id}"));

    // The example id exists from the start.
    let first = get(BACKUP_ID).send().await.unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(json(first).await["data"]["id"], BACKUP_ID);
    let listed = json(
        raff(&http, reqwest::Method::GET, backups.clone())
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed["total"], 3);

    // A create gets a fresh uuid, keeps the request's name, and shows up in the list and by id.
    let created = raff(&http, reqwest::Method::POST, backups.clone())
        .json(&json!({"vm_id": "7b1e4c9a-2f36-4d8b-a5e0-91c3d6f2b874", "name": "from-the-test"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 202);
    let created = json(created).await;
    let new_id = created["data"]["id"].as_str().unwrap().to_string();
    assert_eq!(new_id.len(), 36);
    assert_ne!(new_id, BACKUP_ID);
    assert_eq!(created["data"]["name"], "from-the-test");
    let doc = test_support::vendored_spec("raff");
    assert_valid_response(&doc, "createBackup", "202", "application/json", &created);
    let listed = json(
        raff(
            &http,
            reqwest::Method::GET,
            format!("{backups}?limit=2&offset=2"),
        )
        .send()
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(listed["total"], 4);
    let page: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        page,
        ["e2a7c5d9-4b13-4f80-9a6e-0c8d1f3b5e97", new_id.as_str()]
    );
    assert_valid_response(&doc, "listBackups", "200", "application/json", &listed);
    assert_eq!(get(&new_id).send().await.unwrap().status(), 200);

    // A point of a series cannot be deleted alone: the spec's 409, which points to the series delete.
    let refused = raff(
        &http,
        reqwest::Method::DELETE,
        format!("{backups}/{BACKUP_ID}"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(refused.status(), 409);
    assert!(
        json(refused).await["message"]
            .as_str()
            .unwrap()
            .contains("/chain")
    );
    // The series delete removes both points; then each is the spec's 404.
    let chain = raff(
        &http,
        reqwest::Method::DELETE,
        format!("{backups}/{BACKUP_ID}/chain"),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(chain.status(), 200);
    for id in [BACKUP_ID, "9d4b7e20-1c58-4a3f-86d2-5b0e9f7c3a12"] {
        let gone = get(id).send().await.unwrap();
        assert_eq!(gone.status(), 404);
        assert_eq!(
            json(gone).await,
            json!({"error": "Not Found", "message": "Backup not found"})
        );
    }
    // A standalone backup deletes on its own; a second delete is a 404.
    for expected in [200, 404] {
        let deleted = raff(
            &http,
            reqwest::Method::DELETE,
            format!("{backups}/{new_id}"),
        )
        .send()
        .await
        .unwrap();
        assert_eq!(deleted.status(), expected);
    }
    // `Prefer` still wins, and does not touch the state.
    let preferred = get(BACKUP_ID)
        .header("Prefer", "code=200")
        .send()
        .await
        .unwrap();
    assert_eq!(preferred.status(), 200);
    assert_eq!(get(BACKUP_ID).send().await.unwrap().status(), 404);

    // The journal says why.
    let entries = journal(&server, "operation=getBackup&status=404").await;
    assert_eq!(entries[0]["reason"]["by"], "state");
    assert!(
        entries[0]["reason"]["detail"]
            .as_str()
            .unwrap()
            .contains("does not exist"),
        "{entries:#?}"
    );
}

#[tokio::test]
async fn hostup_backups_belong_to_their_vps() {
    let server = stateful().await;
    let http = client();
    let vps = "vps_01hxa3b4c5d6e7f8g9h0j1k2m3";
    let list = |vps: &str| {
        http.get(format!("{}/hostup/api/v2/vps/{vps}/backups", server.url()))
            .bearer_auth("t")
    };
    let seeded = json(list(vps).send().await.unwrap()).await;
    let ids: Vec<String> = seeded["backups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    // Another VPS has no backups until one is created there.
    let other = "vps_other";
    assert_eq!(
        json(list(other).send().await.unwrap()).await["backups"],
        json!([])
    );
    let created = http
        .post(format!(
            "{}/hostup/api/v2/vps/{other}/backups",
            server.url()
        ))
        .bearer_auth("t")
        .json(&json!({"note": "made here"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 202);
    let listed = json(list(other).send().await.unwrap()).await;
    let made = &listed["backups"][0];
    assert_eq!(made["note"], "made here");
    let made_id = made["id"].as_str().unwrap();
    assert!(
        made_id.starts_with("bkp_") && made_id.len() == ids[0].len(),
        "{made_id}"
    );
    let doc = test_support::vendored_spec("hostup");
    assert_valid_response(&doc, "listVpsBackups", "200", "application/json", &listed);

    let delete = |id: &str| {
        http.delete(format!(
            "{}/hostup/api/v2/vps/{vps}/backups/{id}",
            server.url()
        ))
        .bearer_auth("t")
    };
    assert_eq!(delete(&ids[0]).send().await.unwrap().status(), 204);
    let again = delete(&ids[0]).send().await.unwrap();
    assert_eq!(again.status(), 404);
    let problem = json(again).await;
    // The spec's own 404 with the request's ids in place of the example's.
    assert_eq!(problem["code"], "not_found");
    assert_eq!(
        problem["instance"],
        format!("/api/v2/vps/{vps}/backups/{}", ids[0])
    );
    // An action on a deleted backup is a 404 too; on the other one it is accepted.
    let restore = |id: &str| {
        http.post(format!(
            "{}/hostup/api/v2/vps/{vps}/backups/{id}/actions/restore",
            server.url()
        ))
        .bearer_auth("t")
    };
    assert_eq!(restore(&ids[0]).send().await.unwrap().status(), 404);
    assert_eq!(restore(&ids[1]).send().await.unwrap().status(), 202);
}

#[tokio::test]
async fn taurusdb_creates_filters_and_pages() {
    let server = stateful().await;
    let http = client();
    let base = format!(
        "{}/taurusdb/v3/054e292c9880d4992f02c0196d3ea468/backups",
        server.url()
    );
    let instance = "43e4feaab48f11e89039fa163ebaa7e4in07";
    let created = http
        .post(format!("{base}/create"))
        .header("X-Auth-Token", "t")
        .json(&json!({"instance_id": instance, "name": "before-upgrade"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created = json(created).await;
    let doc = test_support::vendored_spec("taurusdb");
    assert_valid_response(
        &doc,
        "createManualBackup",
        "201",
        "application/json",
        &created,
    );
    assert_eq!(created["backup"]["instance_id"], instance);
    assert_eq!(created["backup"]["status"], "BUILDING");
    let list = |query: &str| {
        http.get(format!("{base}?{query}"))
            .header("X-Auth-Token", "t")
            .send()
    };
    let mine = json(list(&format!("instance_id={instance}")).await.unwrap()).await;
    assert_eq!(mine["total_count"], 1);
    assert_eq!(mine["backups"][0]["id"], created["backup"]["id"]);
    assert_valid_response(&doc, "listBackups", "200", "application/json", &mine);
    let page = json(list("limit=1&offset=1").await.unwrap()).await;
    assert_eq!(page["backups"].as_array().unwrap().len(), 1);
    assert!(page["total_count"].as_u64().unwrap() >= 3, "{page}");
}

#[tokio::test]
async fn routes_say_how_each_operation_is_mapped() {
    let server = stateful().await;
    let routes: Value = json(
        client()
            .get(format!("{}/__mock/routes", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(routes["stateful"], true);
    let route = |id: &str| {
        routes["routes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["spec"] == "raff" && r["operationId"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(route("deleteBackupChain")["state"]["role"], "action");
    assert_eq!(
        route("deleteBackupChain")["state"]["resource"],
        "/raff/api/v1/backups"
    );
    assert_eq!(route("resetBackupChain")["state"]["stateful"], false);
    assert!(
        route("resetBackupChain")["state"]["reason"]
            .as_str()
            .unwrap()
            .contains("/api/v1/vms"),
        "{}",
        route("resetBackupChain")
    );
    // Without --stateful the routes carry no mapping.
    let plain_server = vendored().await;
    let plain: Value = json(
        client()
            .get(format!("{}/__mock/routes", plain_server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert!(plain["routes"][0].get("state").is_none());
}
