//! `GET /__mock/health` and `GET /__mock/routes`.

use crate::support::*;

#[tokio::test]
async fn health_lists_every_mounted_spec() {
    let server = vendored().await;
    let response = client()
        .get(format!("{}/__mock/health", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let health = json(response).await;
    assert_eq!(health["status"], "ok");
    // The vendored specs, in order; documents a user added to `specs/` may stand between them.
    let specs = health["specs"].as_array().unwrap();
    let names: Vec<&str> = specs
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .filter(|name| VENDORED_SPECS.contains(&format!("{name}.yaml").as_str()))
        .collect();
    assert_eq!(names, ["hostup", "nethesis", "raff", "taurusdb"]);
    let raff = specs.iter().find(|s| s["name"] == "raff").unwrap();
    assert_eq!(raff["prefix"], "/raff");
    assert_eq!(raff["operations"], 7);
}

#[tokio::test]
async fn routes_list_every_operation_with_method_path_and_statuses() {
    let server = vendored().await;
    let routes = json(
        client()
            .get(format!("{}/__mock/routes", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let routes = routes["routes"].as_array().unwrap();
    let vendored = routes
        .iter()
        .filter(|r| {
            VENDORED_SPECS.contains(&format!("{}.yaml", r["spec"].as_str().unwrap()).as_str())
        })
        .count();
    assert_eq!(vendored, 5 + 3 + 7 + 3);
    let chain = routes
        .iter()
        .find(|r| r["operationId"] == "deleteBackupChain")
        .unwrap();
    assert_eq!(chain["method"], "DELETE");
    assert_eq!(chain["path"], "/raff/api/v1/backups/{id}/chain");
    assert_eq!(chain["spec"], "raff");
    assert_eq!(
        chain["statuses"],
        serde_json::json!(["200", "400", "401", "404"])
    );
}

#[tokio::test]
async fn a_spec_named_with_dots_keeps_its_name_and_operation_ids_whole() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("amazonaws.com_appmesh.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: mesh, version: '1'}\npaths:\n  /meshes:\n    get:\n      operationId: ListMeshes\n      responses: {'200': {description: ok}}\n",
    )
    .unwrap();
    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([spec]))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let routes = json(
        client()
            .get(format!("{}/__mock/routes", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(routes["routes"][0]["spec"], "amazonaws.com_appmesh");
    assert_eq!(routes["routes"][0]["operationId"], "ListMeshes");
    assert_eq!(routes["routes"][0]["path"], "/meshes");
}

#[tokio::test]
async fn reloads_do_not_drop_requests_in_flight() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("live.yaml");
    let version = |n: usize| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: live, version: '1'}}\npaths:\n  /n:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              example: {{n: {n}}}\n"
        )
    };
    std::fs::write(&spec, version(0)).unwrap();
    let mut options = mock_server::ServerOptions::spec_files([spec.clone()]);
    options.watch = Some(std::time::Duration::from_millis(20));
    let server = mock_server::MockServer::start(options).await.unwrap();
    let url = format!("{}/n", server.url());

    let writer = tokio::spawn(async move {
        for n in 1..=10 {
            tokio::time::sleep(std::time::Duration::from_millis(40)).await;
            std::fs::write(&spec, version(n)).unwrap();
        }
    });
    let client = client();
    let mut seen = std::collections::BTreeSet::new();
    while !writer.is_finished() {
        // Concurrent requests, so some are in flight while the catalog is swapped.
        let requests: Vec<_> = (0..8)
            .map(|_| tokio::spawn(client.get(&url).send()))
            .collect();
        for request in requests {
            let response = request.await.unwrap().expect("no request is dropped");
            assert_eq!(response.status(), 200);
            seen.insert(json(response).await["n"].as_u64().unwrap());
        }
    }
    assert!(seen.len() > 2, "several versions were served: {seen:?}");
}

#[tokio::test]
async fn a_dangling_reference_leaves_only_its_part_unvalidated_with_a_load_warning() {
    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([fixture(
        "bad_reference.yaml",
    )]))
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let warnings = server.warnings();
    assert!(
        warnings.iter().any(|w| w
            .contains("#/paths/~1things/get/responses/200/content/application~1json/schema/$ref")
            && w.contains("does not resolve")),
        "{warnings:#?}"
    );
    let response = client()
        .get(format!("{}/things", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let health: serde_json::Value = client()
        .get(format!("{}/__mock/health", server.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["warnings"], warnings.len());
}
