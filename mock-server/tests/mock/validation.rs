//! Invalid requests: each kind of failure, and the answer — the spec's own documented response where it has
//! one (401; 422, then 400), else a problem document listing every violation with its location.

use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn delete_backup_chain_without_an_api_key_is_its_documented_401() {
    // Every Raff operation documents its 401 (ERRATA R3), so the mock serves the spec's own example.
    let server = vendored().await;
    let response = client()
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url()
        ))
        .header("X-Project-ID", PROJECT_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert!(
        header(&response, "www-authenticate").is_some_and(|v| v.contains("X-API-Key")),
        "{:?}",
        response.headers()
    );
    assert_eq!(
        json(response).await,
        json!({"error": "Unauthorized", "message": "Invalid or missing API key"}),
        "the documented example"
    );
}

#[tokio::test]
async fn delete_backup_chain_without_a_project_id_is_its_documented_400_located_in_the_header() {
    // deleteBackupChain documents 400 "X-Project-ID required" (ERRATA R4), so the mock serves it.
    let server = vendored().await;
    let response = client()
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url()
        ))
        .header("X-API-Key", "k")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let violations: serde_json::Value =
        serde_json::from_str(header(&response, "sl-violations").expect("sl-violations")).unwrap();
    assert_eq!(violations[0]["location"], json!(["request", "header"]));
    assert_eq!(
        json(response).await,
        json!({"error": "Bad Request", "message": "X-Project-ID required"}),
        "the documented example"
    );
}

#[tokio::test]
async fn a_missing_required_header_without_a_documented_400_is_422_located_in_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("projects.yaml");
    std::fs::write(
        &spec,
        "openapi: 3.0.3\ninfo: {title: projects, version: '1'}\npaths:\n  /things/{id}:\n    delete:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string, format: uuid}}\n        - {name: X-Project-ID, in: header, required: true, schema: {type: string, format: uuid}}\n      responses:\n        '204': {description: deleted}\n",
    )
    .unwrap();
    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([spec]))
        .await
        .unwrap();
    let response = client()
        .delete(format!("{}/things/{BACKUP_ID}", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    let problem = json(response).await;
    assert_eq!(prism_type(&problem), "UNPROCESSABLE_ENTITY");
    assert_eq!(problem["title"], "Invalid request");
    assert_eq!(
        problem["validation"],
        json!([{
            "location": ["header"],
            "severity": "Error",
            "code": "required",
            "message": "Request header must have required property 'x-project-id'",
        }])
    );
}

#[tokio::test]
async fn delete_backup_chain_with_an_id_that_is_not_a_uuid_is_its_documented_400_listing_every_violation()
 {
    let server = vendored().await;
    let response = client()
        .delete(format!(
            "{}/raff/api/v1/backups/not-a-uuid/chain",
            server.url()
        ))
        .header("X-API-Key", "k")
        .header("X-Project-ID", "also-not-a-uuid")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400, "deleteBackupChain documents a 400");
    let violations: serde_json::Value =
        serde_json::from_str(header(&response, "sl-violations").expect("sl-violations")).unwrap();
    assert_eq!(
        locations(&json!({ "validation": violations })),
        [
            vec!["request", "path", "id"],
            vec!["request", "header", "x-project-id"]
        ],
        "every violation is listed: {violations:#}"
    );
    assert_eq!(violations[0]["code"], "format");
}

#[tokio::test]
async fn a_query_and_a_header_that_are_not_uuids_are_422_located_where_they_are() {
    // listBackups documents no 400, so the mock answers with its own problem document.
    let server = vendored().await;
    let response = client()
        .get(format!(
            "{}/raff/api/v1/backups?vm_id=not-a-uuid",
            server.url()
        ))
        .header("X-API-Key", "k")
        .header("X-Project-ID", "also-not-a-uuid")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(prism_type(&problem), "UNPROCESSABLE_ENTITY");
    assert_eq!(
        locations(&problem),
        [vec!["query", "vm_id"], vec!["header", "x-project-id"]],
        "every violation is listed: {problem:#}"
    );
    assert_eq!(problem["validation"][0]["code"], "format");
}

#[tokio::test]
async fn a_documented_401_is_served_with_its_example() {
    let server = vendored().await;
    let response = client()
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(
        header(&response, "www-authenticate"),
        Some("Bearer realm=\"*\"")
    );
    assert_eq!(json(response).await["code"], "unauthorized");

    // A bearer scheme wants `Authorization: Bearer …`, not any Authorization.
    let response = client()
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .header("Authorization", "Basic dTpw")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_documented_400_answers_when_the_spec_has_no_422() {
    let server = vendored().await;
    let response = client()
        .post(format!("{}/raff/api/v1/backups", server.url()))
        .header("X-API-Key", "k")
        .header("X-Project-ID", PROJECT_ID)
        .json(&json!({"vm_id": "not-a-uuid", "name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let violations: serde_json::Value =
        serde_json::from_str(header(&response, "sl-violations").expect("sl-violations")).unwrap();
    assert_eq!(
        violations[0]["location"],
        json!(["request", "body", "vm_id"])
    );
    assert_eq!(
        json(response).await,
        json!({"error": "Bad Request", "message": "X-Project-ID required"}),
        "the documented example"
    );
}

#[tokio::test]
async fn a_documented_422_wins_over_a_generated_problem() {
    let server = shop().await;
    let response = client()
        .post(format!("{}/orders", server.url()))
        .bearer_auth("t")
        .json(&json!({"item": 1, "quantity": 0, "payment": {"card": "1"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(json(response).await, json!({"error": "invalid order"}));
}

#[tokio::test]
async fn query_and_header_parameters_are_checked_by_type_bounds_enum_and_format() {
    let server = shop().await;
    let response = client()
        .get(format!(
            "{}/search?limit=500&sort=sideways&since=yesterday",
            server.url()
        ))
        .header("X-Trace", "nope")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(
        locations(&problem),
        [
            vec!["query", "limit"],
            vec!["query", "sort"],
            vec!["query", "since"],
            vec!["header", "x-trace"],
        ],
        "{problem:#}"
    );
    let codes: Vec<&str> = problem["validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["maximum", "enum", "format", "format"]);

    let missing = client()
        .get(format!("{}/search", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 422);
    let problem = json(missing).await;
    assert_eq!(locations(&problem), [vec!["query"]]);
    assert_eq!(
        problem["validation"][0]["message"],
        "Request query parameter must have required property 'limit'"
    );

    let typed = client()
        .get(format!("{}/search?limit=ten", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(typed).await["validation"][0]["code"], "type");

    let fine = client()
        .get(format!(
            "{}/search?limit=5&sort=asc&since=2026-01-01T00:00:00Z&tags=a&tags=b",
            server.url()
        ))
        .header("X-Trace", "3fa85f64-5717-4562-b3fc-2c963f66afa6")
        .send()
        .await
        .unwrap();
    assert_eq!(fine.status(), 200);
}

#[tokio::test]
async fn path_parameters_are_checked_with_their_schema() {
    let server = shop().await;
    let response = client()
        .get(format!("{}/items/0", server.url()))
        .send()
        .await
        .unwrap();
    // No 422 nor 400 documented: the `4XX` range answers, served as 422, with its example.
    assert_eq!(response.status(), 422);
    let violations: serde_json::Value =
        serde_json::from_str(header(&response, "sl-violations").unwrap()).unwrap();
    assert_eq!(
        violations[0]["location"],
        json!(["request", "path", "itemId"])
    );
    assert_eq!(violations[0]["code"], "minimum");
    assert_eq!(json(response).await, json!({"error": "client"}));

    let not_a_number = client()
        .delete(format!("{}/items/abc", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(not_a_number.status(), 422);
    let problem = json(not_a_number).await;
    assert_eq!(locations(&problem), [vec!["path", "itemId"]]);
    assert_eq!(problem["validation"][0]["code"], "type");
}

#[tokio::test]
async fn request_bodies_are_checked_with_refs_one_of_nullable_and_read_only() {
    let server = shop().await;
    let url = format!("{}/orders", server.url());
    // readOnly `id` may be left out of a request; `note` is nullable; `payment` is one of two shapes.
    let fine = client()
        .post(&url)
        .bearer_auth("t")
        .json(&json!({"item": 1, "quantity": 2, "note": null, "payment": {"iban": "DE00"}, "secret": "s"}))
        .send()
        .await
        .unwrap();
    assert_eq!(fine.status(), 201);

    let server_without_422 = shop().await;
    let response = client()
        .put(format!("{}/notes", server_without_422.url()))
        .json(&json!({"text": "far too long"}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(prism_type(&problem), "UNPROCESSABLE_ENTITY");
    assert_eq!(locations(&problem), [vec!["body", "text"]]);

    let missing_field = client()
        .put(format!("{}/notes", server_without_422.url()))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    let problem = json(missing_field).await;
    assert_eq!(locations(&problem), [vec!["body"]]);
    assert_eq!(problem["validation"][0]["code"], "required");

    let no_body = client()
        .put(format!("{}/notes", server_without_422.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(no_body.status(), 422);
    assert_eq!(
        json(no_body).await["validation"][0]["message"],
        "Body parameter is required"
    );

    let not_json = client()
        .put(format!("{}/notes", server_without_422.url()))
        .header("Content-Type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 422);
}

#[tokio::test]
async fn one_of_rejects_a_body_matching_no_branch() {
    let server = shop().await;
    let response = client()
        .post(format!("{}/orders", server.url()))
        .bearer_auth("t")
        .header("Prefer", "code=201")
        .json(&json!({"item": 1, "quantity": 2, "payment": {"cash": true}}))
        .send()
        .await
        .unwrap();
    // The operation documents a 422: its example answers.
    assert_eq!(response.status(), 422);
    let violations: serde_json::Value =
        serde_json::from_str(header(&response, "sl-violations").unwrap()).unwrap();
    assert_eq!(
        violations[0]["location"],
        json!(["request", "body", "payment"])
    );
}

#[tokio::test]
async fn an_unsupported_content_type_is_415() {
    let server = shop().await;
    let response = client()
        .put(format!("{}/notes", server.url()))
        .header("Content-Type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 415);
    let problem = json(response).await;
    assert_eq!(prism_type(&problem), "INVALID_CONTENT_TYPE");
    assert_eq!(problem["validation"][0]["code"], 415);
    assert_eq!(locations(&problem), [Vec::<String>::new()]);

    // Where the spec documents no 415 but a 422, that answers (Prism: 415, then 422, then 400).
    let documented = client()
        .post(format!("{}/orders", server.url()))
        .bearer_auth("t")
        .header("Content-Type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(documented.status(), 422);
    assert_eq!(json(documented).await, json!({"error": "invalid order"}));
}

#[tokio::test]
async fn validation_can_be_switched_off() {
    let mut options = vendored_options();
    options.validate_requests = false;
    let server = mock_server::MockServer::start(options).await.unwrap();
    let response = client()
        .delete(format!("{}/raff/api/v1/backups/nope/chain", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn every_value_of_a_repeated_query_parameter_is_validated() {
    let server = shop().await;
    let search = |query: &str| {
        client()
            .get(format!("{}/search?{query}", server.url()))
            .send()
    };

    // A scalar given twice: the repetition is a violation, and each value is checked.
    let response = search("limit=5&limit=1000").await.unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(
        locations(&problem),
        [vec!["query", "limit"], vec!["query", "limit"]],
        "{problem:#}"
    );
    let codes: Vec<&str> = problem["validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["type", "maximum"], "{problem:#}");
    assert_eq!(search("limit=5&limit=6").await.unwrap().status(), 422);

    // An exploded array (form, the default): one item per occurrence; a comma is part of the value.
    assert_eq!(search("limit=5&ids=1&ids=2").await.unwrap().status(), 200);
    let response = search("limit=5&ids=1&ids=x&ids=3").await.unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        locations(&json(response).await),
        [vec!["query", "ids", "1"]]
    );
    let response = search("limit=5&ids=1,2").await.unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        locations(&json(response).await),
        [vec!["query", "ids", "0"]]
    );

    // Not exploded: one value, comma-separated.
    assert_eq!(search("limit=5&csv=1,2").await.unwrap().status(), 200);
    let response = search("limit=5&csv=1,x").await.unwrap();
    assert_eq!(response.status(), 422);
    assert_eq!(
        locations(&json(response).await),
        [vec!["query", "csv", "1"]]
    );
}

async fn forms() -> mock_server::MockServer {
    mock_server::MockServer::start(mock_server::ServerOptions::spec_files([fixture(
        "forms.yaml",
    )]))
    .await
    .unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn an_urlencoded_form_is_validated_field_by_field_with_its_types() {
    let server = forms().await;
    let post = |body: &'static str| {
        client()
            .post(format!("{}/tokens", server.url()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    assert_eq!(
        post("grant_type=client_credentials&lifetime=60")
            .await
            .unwrap()
            .status(),
        200
    );

    let response = post("grant_type=password&lifetime=7200").await.unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(
        locations(&problem),
        [vec!["body", "grant_type"], vec!["body", "lifetime"]],
        "{problem:#}"
    );
}

#[tokio::test]
async fn a_multipart_form_is_validated_with_its_file_and_text_parts() {
    let server = forms().await;
    let post = |body: &'static [u8]| {
        client()
            .post(format!("{}/uploads", server.url()))
            .header("content-type", "multipart/form-data; boundary=b0undary")
            .body(body)
            .send()
    };
    let good = b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.tar\"\r\n\
Content-Type: application/x-tar\r\n\r\n\x00\x01tar\r\n--b0undary\r\nContent-Disposition: form-data; name=\"retention_days\"\r\n\r\n7\r\n--b0undary--\r\n";
    assert_eq!(post(good).await.unwrap().status(), 204);

    let no_file_bad_days = b"--b0undary\r\nContent-Disposition: form-data; name=\"retention_days\"\r\n\r\n0\r\n--b0undary--\r\n";
    let response = post(no_file_bad_days).await.unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(
        locations(&problem),
        [vec!["body"], vec!["body", "retention_days"]],
        "{problem:#}"
    );

    let unterminated = b"--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nbytes";
    let response = post(unterminated).await.unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert!(
        problem.to_string().contains("not closed by the boundary"),
        "{problem:#}"
    );
}

/// A secured operation with a JSON body that documents, besides its 204, only `extra` (YAML).
async fn documenting_only(extra: &str) -> (mock_server::MockServer, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("fallbacks.yaml");
    std::fs::write(
        &spec,
        format!("openapi: 3.0.3\ninfo: {{title: fallbacks, version: '1'}}\ncomponents:\n  securitySchemes:\n    key: {{type: apiKey, in: header, name: X-Key}}\nsecurity: [{{key: []}}]\npaths:\n  /things:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {{type: object}}\n      responses:\n        '204': {{description: stored}}\n{extra}"),
    )
    .unwrap();
    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([spec]))
        .await
        .unwrap();
    (server, dir)
}

#[tokio::test]
async fn missing_credentials_fall_back_to_4xx_then_default_served_as_401() {
    for (extra, expected) in [
        (
            "        4XX:\n          description: any client error\n          content:\n            application/json:\n              example: {error: client}\n        default:\n          description: anything\n          content:\n            application/json:\n              example: {error: other}\n",
            json!({"error": "client"}),
        ),
        (
            "        default:\n          description: anything\n          content:\n            application/json:\n              example: {error: other}\n",
            json!({"error": "other"}),
        ),
    ] {
        let (server, _dir) = documenting_only(extra).await;
        let response = client()
            .post(format!("{}/things", server.url()))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401);
        assert!(header(&response, "www-authenticate").is_some());
        let violations: serde_json::Value =
            serde_json::from_str(header(&response, "sl-violations").expect("sl-violations"))
                .unwrap();
        assert_eq!(violations[0]["location"], json!(["request"]));
        assert_eq!(violations[0]["code"], 401);
        assert_eq!(json(response).await, expected);
    }
}

#[tokio::test]
async fn a_wrong_content_type_falls_back_to_4xx_then_default_served_as_415() {
    for (extra, expected) in [
        (
            "        4XX:\n          description: any client error\n          content:\n            application/json:\n              example: {error: client}\n",
            json!({"error": "client"}),
        ),
        (
            "        default:\n          description: anything\n          content:\n            application/json:\n              example: {error: other}\n",
            json!({"error": "other"}),
        ),
    ] {
        let (server, _dir) = documenting_only(extra).await;
        let response = client()
            .post(format!("{}/things", server.url()))
            .header("X-Key", "k")
            .header("Content-Type", "text/plain")
            .body("hello")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 415);
        let violations: serde_json::Value =
            serde_json::from_str(header(&response, "sl-violations").expect("sl-violations"))
                .unwrap();
        assert_eq!(violations[0]["location"], json!(["request"]));
        assert_eq!(violations[0]["code"], 415);
        assert_eq!(json(response).await, expected);
    }
}

#[tokio::test]
async fn object_parameters_are_read_in_their_style_and_validated_property_by_property() {
    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([fixture(
        "object_params.yaml",
    )]))
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let get = |path_and_query: &str, tenant: Option<&str>| {
        let mut request = client().get(format!("{}{path_and_query}", server.url()));
        if let Some(tenant) = tenant {
            request = request.header("X-Tenant", tenant);
        }
        request.send()
    };
    let ok = "/items/from,1,to,9?filter%5Bstatus%5D=open&filter%5Blimit%5D=3&size=20&cursor=abc";
    assert_eq!(
        get(ok, Some("region=eu,tier=2")).await.unwrap().status(),
        200
    );

    // Each property is checked against its own schema, wherever the style puts it.
    for (path_and_query, tenant, expected) in [
        (
            "/items/from,1,to,x?filter%5Bstatus%5D=open",
            None,
            vec!["path", "range", "to"],
        ),
        (
            "/items/from,1,to,9?filter%5Bstatus%5D=bogus",
            None,
            vec!["query", "filter", "status"],
        ),
        (
            "/items/from,1,to,9?filter%5Bstatus%5D=open&filter%5Blimit%5D=50",
            None,
            vec!["query", "filter", "limit"],
        ),
        (
            "/items/from,1,to,9?filter%5Bstatus%5D=open&filter%5Bcolour%5D=red",
            None,
            vec!["query", "filter"],
        ),
        (
            "/items/from,1,to,9?filter%5Bstatus%5D=open&size=0",
            None,
            vec!["query", "page", "size"],
        ),
        (
            "/items/from,1,to,9?filter%5Bstatus%5D=open",
            Some("region=eu,tier=two"),
            vec!["header", "x-tenant", "tier"],
        ),
    ] {
        let response = get(path_and_query, tenant).await.unwrap();
        assert_eq!(response.status(), 422, "{path_and_query} {tenant:?}");
        let problem = json(response).await;
        assert_eq!(locations(&problem), [expected], "{problem:#}");
    }

    // A required deepObject with none of its keys is missing.
    let response = get("/items/from,1,to,9?status=open", None).await.unwrap();
    assert_eq!(response.status(), 422);
    let problem = json(response).await;
    assert_eq!(problem["validation"][0]["code"], "required", "{problem:#}");
}
