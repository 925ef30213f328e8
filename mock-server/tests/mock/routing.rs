//! Routing: concrete segments over templates, different parameter names at one position, 404, 405 with
//! `Allow`, CORS preflights, and mounting (a prefix per spec, or one spec at `/`).

use mock_server::{MockServer, ServerOptions};
use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn a_concrete_segment_wins_over_a_template() {
    let server = shop().await;
    let special = client()
        .get(format!("{}/items/special", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(special).await, json!({"route": "special"}));
    let templated = client()
        .get(format!("{}/items/12", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(templated.status(), 200);

    // TaurusDB: POST …/backups/create is its own operation, DELETE …/backups/{backup_id} another.
    let server = vendored().await;
    let base = format!(
        "{}/taurusdb/v3/054e292c9880d4992f02c0196d3ea468/backups",
        server.url()
    );
    let created = client()
        .post(format!("{base}/create"))
        .header("X-Auth-Token", "t")
        .json(
            &json!({"instance_id": "5b4a1c9e7d2f4e3a8c6b0d1f2e3a4b5cin07", "name": "backup-f3c1"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let deleted = client()
        .delete(format!("{base}/b1182ccdda034f2b9535f3dca5c47e71br07"))
        .header("X-Auth-Token", "t")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 200);
    assert_eq!(json(deleted).await["backup_name"], "backup-f3c1");
}

#[tokio::test]
async fn different_parameter_names_at_the_same_position_both_route() {
    let server = shop().await;
    let a = client()
        .get(format!("{}/a/one", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(a).await, json!({"route": "a"}));
    let b = client()
        .get(format!("{}/a/one/b", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(b).await, json!({"route": "b"}));
    // Each operation validates its own parameter name.
    let invalid = client()
        .get(format!("{}/a/ONE/b", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(invalid.status(), 422);
    assert_eq!(locations(&json(invalid).await), [vec!["path", "name"]]);
}

#[tokio::test]
async fn an_unknown_path_is_404_no_path_matched() {
    let server = vendored().await;
    for path in [
        "/raff/api/v1/nothing",
        "/unknown",
        "/raff/api/v1/backups/x/chain/more",
    ] {
        let response = client()
            .get(format!("{}{path}", server.url()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            prism_type(&json(response).await),
            "NO_PATH_MATCHED_ERROR",
            "{path}"
        );
    }
}

#[tokio::test]
async fn a_known_path_with_a_wrong_method_is_405_with_allow() {
    let server = vendored().await;
    let response = client()
        .patch(format!("{}/raff/api/v1/backups/{BACKUP_ID}", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(header(&response, "allow"), Some("GET, DELETE"));
    assert_eq!(prism_type(&json(response).await), "NO_METHOD_MATCHED_ERROR");
}

#[tokio::test]
async fn cors_preflights_are_answered_and_can_be_switched_off() {
    let server = vendored().await;
    let preflight = |url: String| {
        client()
            .request(reqwest::Method::OPTIONS, url)
            .header("Origin", "http://app.example")
            .header("Access-Control-Request-Method", "DELETE")
            .header("Access-Control-Request-Headers", "x-api-key, x-project-id")
            .send()
    };
    let url = format!("{}/raff/api/v1/backups/{BACKUP_ID}/chain", server.url());
    let response = preflight(url.clone()).await.unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(
        header(&response, "access-control-allow-origin"),
        Some("http://app.example")
    );
    assert_eq!(
        header(&response, "access-control-allow-headers"),
        Some("x-api-key, x-project-id")
    );
    assert!(
        header(&response, "access-control-allow-methods")
            .unwrap()
            .contains("DELETE")
    );

    let actual = delete_backup_chain(&server, &client())
        .header("Origin", "http://app.example")
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&actual, "access-control-allow-origin"),
        Some("http://app.example")
    );

    let mut options = vendored_options();
    options.cors = false;
    let server = MockServer::start(options).await.unwrap();
    let url = format!("{}/raff/api/v1/backups/{BACKUP_ID}/chain", server.url());
    let response = preflight(url).await.unwrap();
    assert_eq!(response.status(), 405, "no OPTIONS operation in the spec");
    assert!(header(&response, "access-control-allow-origin").is_none());
}

#[tokio::test]
async fn one_spec_alone_is_mounted_at_the_root_and_several_under_prefixes() {
    let server = shop().await;
    assert_eq!(server.spec_url("shop"), Some(server.url()));
    let response = client()
        .get(format!("{}/ranged", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    let server = vendored().await;
    assert_eq!(
        server.spec_url("hostup"),
        Some(format!("{}/hostup", server.url()))
    );
}

#[tokio::test]
async fn head_is_answered_like_get_without_a_body() {
    let server = shop().await;
    let response = client()
        .head(format!("{}/items/special", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert!(response.bytes().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_json_spec_is_served_like_a_yaml_one() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("tiny.json");
    std::fs::write(
        &spec,
        json!({
            "openapi": "3.0.3",
            "info": {"title": "tiny", "version": "1"},
            "paths": {"/ping": {"get": {"responses": {"200": {
                "description": "pong",
                "content": {"application/json": {"example": {"pong": true}}}
            }}}}}
        })
        .to_string(),
    )
    .unwrap();
    let mut options = ServerOptions::spec_files([spec]);
    options.mount = mock_server::Mount::Prefixed;
    let server = MockServer::start(options).await.unwrap();
    let response = client()
        .get(format!("{}/tiny/ping", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(response).await, json!({"pong": true}));
}

#[tokio::test]
async fn a_method_outside_openapis_set_is_405_with_the_paths_allow() {
    let server = vendored().await;
    let path = format!("/raff/api/v1/backups/{BACKUP_ID}");
    for method in ["QUERY", "FOO", "CONNECT", "delete", "get"] {
        let response = raw_request(
            &server,
            &format!("{method} {path} HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n"),
        )
        .await;
        assert_eq!(response.status, 405, "{method}");
        assert_eq!(response.header("allow"), Some("GET, DELETE"), "{method}");
        assert_eq!(
            prism_type(&response.json()),
            "NO_METHOD_MATCHED_ERROR",
            "{method}"
        );
    }
    // An unknown method on an unknown path is still 404.
    let response = raw_request(
        &server,
        "QUERY /raff/nothing HTTP/1.1\r\nHost: mock\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert_eq!(response.status, 404);
}

/// A document with the shapes real providers publish: a literal path segment that needs percent-encoding
/// (DigitalOcean's `/<upload_url>`), a documented `Transfer-Encoding` header (OpenAI's speech endpoint),
/// a `oneOf` whose branches both match a body, told apart by its discriminator (DigitalOcean's
/// droplet actions), and two operations of one path and method told apart by a query written into the
/// path key (OpenAI's `/responses?beta=true`).
async fn published_shapes() -> (MockServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("published.yaml");
    std::fs::write(
        &path,
        r##"
openapi: 3.0.3
info: {title: published, version: '1'}
paths:
  /<upload_url>:
    put:
      operationId: upload
      requestBody:
        content: {application/octet-stream: {schema: {type: string, format: binary}}}
      responses:
        '200':
          description: stored
          headers:
            Transfer-Encoding: {schema: {type: string}, description: chunked}
            X-Stored: {schema: {type: string}, example: 'yes'}
          content: {application/json: {schema: {type: object}, example: {stored: true}}}
  /responses:
    post:
      operationId: createResponse
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}, example: {beta: false}}}}
  /responses?beta=true:
    post:
      operationId: createBetaResponse
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object}, example: {beta: true}}}}
  /actions:
    post:
      operationId: act
      requestBody:
        content:
          application/json:
            schema:
              oneOf: [{$ref: '#/components/schemas/action'}, {$ref: '#/components/schemas/action_snapshot'}]
              discriminator:
                propertyName: type
                mapping: {power_on: 'models/actions.yml#/action', snapshot: 'models/actions.yml#/action_snapshot'}
      responses:
        '204': {description: done}
components:
  schemas:
    action:
      type: object
      required: [type]
      properties: {type: {type: string, enum: [power_on, snapshot]}}
    action_snapshot:
      allOf:
        - $ref: '#/components/schemas/action'
        - {type: object, required: [name], properties: {name: {type: string}}}
"##,
    )
    .unwrap();
    let server = MockServer::start(ServerOptions::spec_files([path]))
        .await
        .unwrap();
    (server, dir)
}

#[tokio::test]
async fn a_literal_segment_is_matched_percent_decoded_and_framing_headers_are_not_echoed() {
    let (server, _dir) = published_shapes().await;

    let response = client()
        .put(format!("{}/%3Cupload_url%3E", server.url()))
        .header("Content-Type", "application/octet-stream")
        .body("line\n")
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-stored"), Some("yes"));
    assert_ne!(
        header(&response, "transfer-encoding"),
        Some("string"),
        "a sample Transfer-Encoding would break the framing"
    );
    assert_eq!(json(response).await, json!({"stored": true}));
}

#[tokio::test]
async fn a_discriminator_picks_the_branch_a_body_is_validated_against() {
    let (server, _dir) = published_shapes().await;
    let act = |body: serde_json::Value| {
        client()
            .post(format!("{}/actions", server.url()))
            .json(&body)
            .send()
    };

    // Valid against both branches: plain `oneOf` refuses it, the discriminator picks `action`.
    let power_on = act(json!({"type": "power_on", "name": "now"}))
        .await
        .unwrap();
    assert_eq!(power_on.status(), 204);
    // `snapshot` picks `action_snapshot`, which needs a name.
    let nameless = act(json!({"type": "snapshot"})).await.unwrap();
    assert_eq!(nameless.status(), 422);
    let named = act(json!({"type": "snapshot", "name": "nightly"}))
        .await
        .unwrap();
    assert_eq!(named.status(), 204);
}

#[tokio::test]
async fn a_query_written_into_the_path_key_routes_to_its_own_operation() {
    let (server, _dir) = published_shapes().await;
    let create = |url: String| async move { json(client().post(url).send().await.unwrap()).await };

    let beta = create(format!("{}/responses?beta=true", server.url())).await;
    let plain = create(format!("{}/responses", server.url())).await;

    assert_eq!(beta, json!({"beta": true}));
    assert_eq!(plain, json!({"beta": false}));
}
