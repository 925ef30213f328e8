//! `GET /__mock/health` and `GET /__mock/routes`.

use crate::support::*;

#[tokio::test]
async fn health_lists_every_mounted_spec() {
    let server = embedded().await;
    let response = client()
        .get(format!("{}/__mock/health", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let health = json(response).await;
    assert_eq!(health["status"], "ok");
    let names: Vec<&str> = health["specs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["hostup", "nethesis", "raff", "taurusdb"]);
    assert_eq!(health["specs"][2]["prefix"], "/raff");
    assert_eq!(health["specs"][2]["operations"], 7);
}

#[tokio::test]
async fn routes_list_every_operation_with_method_path_and_statuses() {
    let server = embedded().await;
    let routes = json(
        client()
            .get(format!("{}/__mock/routes", server.url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    let routes = routes["routes"].as_array().unwrap();
    assert_eq!(routes.len(), 5 + 3 + 7 + 3);
    let chain = routes
        .iter()
        .find(|r| r["operationId"] == "deleteBackupChain")
        .unwrap();
    assert_eq!(chain["method"], "DELETE");
    assert_eq!(chain["path"], "/raff/api/v1/backups/{id}/chain");
    assert_eq!(chain["spec"], "raff");
    assert_eq!(chain["statuses"], serde_json::json!(["200", "404"]));
}
