//! The client view of small documents, one per shape it must take.

use super::*;
use crate::Document;

fn view(text: &str) -> ClientView {
    client_view(&Document::parse("shape.yaml", "shape", text, false).unwrap())
}

const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

#[test]
fn differing_error_bodies_and_no_body_errors_are_each_described() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /systems/{id}:
    delete:
      operationId: deleteSystem
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {code: {type: integer}}}}}}
        '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Validation'}}}}
        '404': {description: missing, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        '502': {description: storage down}
components:
  schemas:
    Validation: {type: object}
    Problem: {type: object}
"##
    );
    let view = view(&text);
    let op = &view.operations[0];
    assert_eq!(op.method_name, "delete_system");
    let shapes: Vec<_> = op
        .responses
        .iter()
        .map(|r| (r.status.to_string(), r.success, r.body.clone()))
        .collect();
    assert_eq!(
        shapes,
        [
            (
                "200".into(),
                true,
                BodyKind::Json("DeleteSystemResponse".into())
            ),
            ("400".into(), false, BodyKind::Json("Validation".into())),
            ("404".into(), false, BodyKind::Json("Problem".into())),
            ("502".into(), false, BodyKind::Empty),
        ]
    );
    assert_eq!(
        op.accept.as_deref(),
        Some("application/json, application/problem+json")
    );
    assert!(
        view.progenitor_document
            .pointer("/components/schemas/DeleteSystemResponse/properties/code")
            .is_some()
    );
    let progenitor_op = view
        .progenitor_document
        .pointer("/paths/~1systems~1{id}/delete")
        .unwrap();
    assert_eq!(progenitor_op["operationId"], "delete_system");
    assert_eq!(progenitor_op["responses"].as_object().unwrap().len(), 1);
    let parsed: openapiv3::OpenAPI =
        serde_json::from_value(view.progenitor_document.clone()).unwrap();
    assert_eq!(parsed.paths.paths.len(), 1);
}

#[test]
fn two_hundred_beside_two_hundred_four_are_both_successes() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /jobs:
    post:
      responses:
        '204': {description: nothing to do}
        '200': {description: done, content: {application/json: {schema: {type: string}}}}
        default: {description: error, content: {application/json: {schema: {type: object}}}}
"##
    );
    let view = view(&text);
    let op = &view.operations[0];
    assert_eq!(op.method_name, "post_jobs");
    let successes: Vec<_> = op.successes().map(|r| r.status).collect();
    assert_eq!(successes, [StatusKey::Code(200), StatusKey::Code(204)]);
    assert_eq!(
        op.errors().map(|r| r.status).collect::<Vec<_>>(),
        [StatusKey::Default]
    );
    assert_eq!(
        op.errors().next().unwrap().body,
        BodyKind::Json("PostJobsErrorDefault".into())
    );
}

#[test]
fn unsupported_constructs_leave_out_the_smallest_part() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /upload/{id}:
    post:
      operationId: upload
      parameters:
        - {name: session, in: cookie, schema: {type: string}}
      requestBody:
        required: true
        content:
          multipart/form-data: {schema: {type: object}}
      responses:
        '204': {description: done}
  /stream/{id}:
    get:
      operationId: stream
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: StartTime<, in: query, schema: {type: string}}
        - {name: StartTime>, in: query, schema: {type: string}}
      responses:
        '101': {description: switching}
        '200': {description: ok}
"##
    );
    let view = view(&text);
    let text: Vec<String> = view.omissions.iter().map(ToString::to_string).collect();
    // The required multipart body leaves `upload` out; what else it lacks is not repeated.
    assert_eq!(view.omissions.len(), 2, "{text:#?}");
    assert!(text[0].starts_with("shape.yaml: operation `upload` (POST /upload/{id}) left out of the client at #/paths/~1upload~1{id}/post/requestBody: request body media type multipart/form-data"), "{}", text[0]);
    assert!(text[1].contains("response 101 left out"), "{}", text[1]);
    let methods: Vec<&str> = view
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    assert_eq!(methods, ["stream"]);
    assert!(
        view.progenitor_document
            .pointer("/paths/~1upload~1{id}")
            .is_none()
    );
    // Parameters whose argument names meet are both kept, the later renamed in the copy and sent as written.
    let params = view
        .progenitor_document
        .pointer("/paths/~1stream~1{id}/get/parameters")
        .unwrap();
    let names: Vec<&str> = params
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["id", "StartTime<", "StartTime>_2"]);
    assert_eq!(
        view.operations[0]
            .renamed_parameters
            .get("StartTime>_2")
            .map(String::as_str),
        Some("StartTime>")
    );
    assert_eq!(
        view.wire_names.get("StartTime>_2").map(String::as_str),
        Some("StartTime>")
    );
}

#[test]
fn a_query_parameter_meeting_a_path_parameter_is_the_one_renamed() {
    // The query's `ID` is listed first, but the path's `id` cannot be renamed (its name is the template's):
    // the query one is, and the operation keeps both. Two path names that meet still leave it out.
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /items/{id}:
    get:
      operationId: item
      parameters:
        - {name: ID, in: query, schema: {type: string}}
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
  /pairs/{pairId}/{pair_id}:
    get:
      operationId: pair
      parameters:
        - {name: pairId, in: path, required: true, schema: {type: string}}
        - {name: pair_id, in: path, required: true, schema: {type: string}}
      responses:
        '200': {description: ok}
"##
    );
    let view = view(&text);
    let methods: Vec<&str> = view
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    assert_eq!(methods, ["item"]);
    let names: Vec<&str> = view
        .progenitor_document
        .pointer("/paths/~1items~1{id}/get/parameters")
        .and_then(Value::as_array)
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["ID_2", "id"]);
    assert_eq!(view.wire_names.get("ID_2").map(String::as_str), Some("ID"));
    let text: Vec<String> = view.omissions.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:#?}");
    assert!(
        text[0].contains("operation `pair`")
            && text[0].contains("path parameter `pair_id` would get the argument name `pair_id`"),
        "{}",
        text[0]
    );
}

#[test]
fn a_list_header_of_scalars_is_kept_and_an_object_header_taken_as_text() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /responses:
    get:
      operationId: list
      parameters:
        - {name: OpenAI-Beta, in: header, schema: {type: array, items: {$ref: '#/components/schemas/Beta'}}}
        - {name: X-Shape, in: header, schema: {type: object}}
        - {name: X-Nested, in: header, schema: {type: array, items: {type: array, items: {type: string}}}}
      responses:
        '204': {description: ok}
components:
  schemas:
    Beta: {type: string, enum: [v1, v2]}
"##
    );
    let view = view(&text);
    assert_eq!(view.operations[0].list_headers, ["OpenAI-Beta"]);
    let schema = |i: usize| {
        view.progenitor_document
            .pointer(&format!(
                "/paths/~1responses/get/parameters/{i}/schema/type"
            ))
            .cloned()
    };
    assert_eq!(schema(0), Some(json!("array")));
    assert_eq!(schema(1), Some(json!("string")));
    assert_eq!(schema(2), Some(json!("string")));
    let text: Vec<String> = view.omissions.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 2, "{text:#?}");
    assert!(
        text[0].contains("header `X-Shape` is an object"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("header `X-Nested` is an object, or a list of lists"),
        "{}",
        text[1]
    );
}

#[test]
fn names_that_would_meet_are_made_distinct() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /a:
    post:
      operationId: post
      requestBody: {content: {image/png: {schema: {type: string, format: byte}}}}
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/registry_storage'}}}}
  /b:
    get:
      operationId: Post
      parameters: [{name: type, in: query, schema: {type: string, enum: [ASC, asc]}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/plan'}}}}
components:
  schemas:
    registry-storage: {type: object, properties: {used: {type: number}}}
    registry_storage: {type: object, properties: {allowed: {type: number}}}
    plan:
      type: object
      properties:
        state: {title: registry storage, type: string, enum: [draft]}
        authTime: {type: integer}
        auth_time: {type: integer}
"##
    );
    let view = view(&text);
    let doc = &view.progenitor_document;
    let methods: Vec<&str> = view
        .operations
        .iter()
        .map(|o| o.method_name.as_str())
        .collect();
    assert_eq!(
        methods,
        ["post_2", "post_3"],
        "`post` is a hook of progenitor's client"
    );
    assert_eq!(
        view.operations[0].request_content_type.as_deref(),
        Some("image/png")
    );
    assert!(
        doc.pointer("/paths/~1a/post/requestBody/content/application~1octet-stream")
            .is_some()
    );
    assert_eq!(
        view.operations[0].responses[0].body,
        BodyKind::Json("registry_storage_2".into())
    );
    assert!(
        doc.pointer("/components/schemas/registry_storage_2/properties/allowed")
            .is_some()
    );
    assert_eq!(
        doc["components"]["schemas"]["plan"]["properties"]["state"]["title"],
        "RegistryStorage3"
    );
    // `auth_time` meets `authTime` in snake_case: renamed in the copy, its wire name kept for the generator.
    assert!(
        doc.pointer("/components/schemas/plan/properties/auth_time_2")
            .is_some()
    );
    assert_eq!(
        view.wire_names.get("auth_time_2").map(String::as_str),
        Some("auth_time")
    );
    // `asc` meets `ASC` as a variant name: renamed the same way.
    assert_eq!(
        doc.pointer("/paths/~1b/get/parameters/0/schema/enum"),
        Some(&serde_json::json!(["ASC", "asc_2"]))
    );
    assert_eq!(
        view.wire_names.get("asc_2").map(String::as_str),
        Some("asc")
    );
    assert!(view.omissions.is_empty(), "{:#?}", view.omissions);
    let parsed: Result<openapiv3::OpenAPI, _> = serde_json::from_value(doc.clone());
    assert!(parsed.is_ok(), "{parsed:?}");
}

#[test]
fn schemas_are_repaired_for_the_generator() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /x/{database-id}:
    get:
      operationId: getX
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  a: {type: float}
                  b: {type: enum}
                  c: {type: object, format: uri-map}
                  d: {type: integer, minimum: -9223372036854776000.0, maximum: 10.0}
                  e: {$ref: '#/components/schemas/R/properties/name'}
                  f: {$ref: '#/components/schemas/Missing'}
components:
  schemas:
    R: {type: object, properties: {name: {type: string}}}
"##
    );
    let view = view(&text);
    let schema = &view.progenitor_document["components"]["schemas"]["GetXResponse"]["properties"];
    assert_eq!(schema["a"], serde_json::json!({"type": "number"}));
    assert_eq!(schema["b"], serde_json::json!({}));
    assert_eq!(schema["c"], serde_json::json!({"type": "object"}));
    assert_eq!(
        schema["d"],
        serde_json::json!({"type": "integer", "maximum": 10})
    );
    assert_eq!(schema["e"], serde_json::json!({"type": "string"}));
    assert_eq!(schema["f"], serde_json::json!({}));
    let params = &view.progenitor_document["paths"]["/x/{database-id}"]["get"]["parameters"];
    assert_eq!(params[0]["name"], "database-id");
    let reasons: Vec<&str> = view.omissions.iter().map(|o| o.reason.as_str()).collect();
    assert_eq!(reasons.len(), 3, "{reasons:#?}");
}

#[test]
fn an_any_of_with_a_value_branch_is_one_of_and_defaults_fit_their_rust_type() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /videos:
    get:
      operationId: listVideos
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  model: {$ref: '#/components/schemas/VideoModel'}
                  owner: {anyOf: [{$ref: '#/components/schemas/User'}, {$ref: '#/components/schemas/Team'}]}
                  voice: {anyOf: [{$ref: '#/components/schemas/VideoModel'}, {type: object, properties: {id: {type: string}}}]}
                  flush_ms: {type: integer, default: 9223372036854776000}
                  offset: {type: integer, minimum: -1, default: 9223372036854776000}
                  retention: {type: integer, default: -1}
                  small: {type: integer, format: int32, default: 3000000000}
                  replicas: {type: integer, minimum: 1, default: 0}
                  segment: {type: integer, minimum: 1, default: 14}
components:
  schemas:
    VideoModel:
      anyOf: [{type: string}, {type: string, enum: [sora-2, sora-2-pro]}]
    User: {type: object, properties: {name: {type: string}}}
    Team: {type: object, properties: {members: {type: integer}}}
"##
    );
    let view = view(&text);
    let schemas = &view.progenitor_document["components"]["schemas"];
    assert_eq!(
        schemas["VideoModel"],
        serde_json::json!({"oneOf": [{"type": "string"}, {"type": "string", "enum": ["sora-2", "sora-2-pro"]}]})
    );
    let properties = &schemas["ListVideosResponse"]["properties"];
    assert!(
        properties["owner"].get("anyOf").is_some(),
        "objects stay anyOf: {}",
        properties["owner"]
    );
    assert!(
        properties["voice"].get("oneOf").is_some(),
        "a branch that is itself a string or enum: {}",
        properties["voice"]
    );
    let default = |name: &str| properties[name].get("default").cloned();
    assert_eq!(
        properties["flush_ms"]["format"],
        serde_json::json!("uint64"),
        "a documented value beyond i64 and none below zero: u64"
    );
    assert_eq!(
        default("flush_ms"),
        Some(serde_json::json!(9223372036854776000_u64))
    );
    assert_eq!(properties["offset"].get("format"), None);
    assert_eq!(default("offset"), None, "beyond i64, and i64 kept for -1");
    assert_eq!(default("retention"), Some(serde_json::json!(-1)));
    assert_eq!(default("small"), None, "beyond i32");
    assert_eq!(default("replicas"), None, "NonZeroU64");
    assert_eq!(default("segment"), Some(serde_json::json!(14)));
}

#[test]
fn the_client_accepts_what_it_decodes() {
    let text = format!(
        "{HEAD}{}",
        r##"
paths:
  /videos/{id}/content:
    get:
      operationId: getContent
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: the bytes
          content:
            video/mp4: {schema: {type: string, format: binary}}
            application/json: {schema: {type: string}}
        '404':
          description: none
          content: {text/plain: {schema: {type: string}}}
"##
    );
    let view = view(&text);
    assert_eq!(
        view.operations[0].accept.as_deref(),
        Some("application/json, text/plain")
    );
}

#[test]
fn method_names_are_snake_case_and_never_keywords() {
    assert_eq!(method_name("listVpsBackups"), "list_vps_backups");
    assert_eq!(method_name("restore-to-payg"), "restore_to_payg");
    assert_eq!(method_name("type"), "type_");
    assert_eq!(method_name("2fa"), "_2fa");
}
