//! What is served: bodies built from schemas (static and dynamic) valid against them, empty no-content
//! bodies, documented response headers, and `Accept` negotiation.

use apispec::{Document, StatusKey};
use mock_server::{MockServer, Mount, ServerOptions};
use serde_json::{Value, json};

use crate::support::*;

/// A request path for a template, with every parameter set to `x` (validation is off where this is used).
fn concrete(path: &str) -> String {
    let mut out = String::new();
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => in_param = true,
            '}' => {
                in_param = false;
                out.push('x');
            }
            _ if !in_param => out.push(c),
            _ => {}
        }
    }
    out
}

/// A code that the response key covers and no other key of the operation claims first.
fn code_for(op: &apispec::Operation, key: StatusKey) -> u16 {
    match key {
        StatusKey::Code(code) => code,
        StatusKey::Range(digit) => (u16::from(digit) * 100..u16::from(digit) * 100 + 100)
            .find(|c| op.response(StatusKey::Code(*c)).is_none())
            .unwrap(),
        StatusKey::Default => (500..600)
            .find(|c| {
                op.response(StatusKey::Code(*c)).is_none()
                    && op.response(StatusKey::Range(5)).is_none()
            })
            .unwrap(),
    }
}

#[tokio::test]
async fn every_documented_json_body_static_and_dynamic_is_valid_against_its_schema() {
    let mut files: Vec<_> = VENDORED_SPECS.map(|file| specs_dir().join(file)).to_vec();
    files.push(fixture("shop.yaml"));
    let mut options = ServerOptions::spec_files(files.clone());
    options.mount = Mount::Prefixed;
    options.validate_requests = false;
    let server = MockServer::start(options).await.unwrap();
    let client = client();
    let mut checked = 0;
    for file in &files {
        let doc = Document::load(file).unwrap();
        for op in &doc.operations {
            for response in &op.responses {
                let Some(content) = response.json_content().filter(|c| c.schema.is_some()) else {
                    continue;
                };
                let code = code_for(op, response.status);
                let url = format!("{}/{}{}", server.url(), doc.name, concrete(&op.path));
                for prefer in [
                    format!("code={code}"),
                    format!("code={code}, dynamic=true, seed=1"),
                    format!("code={code}, dynamic=true, seed=2"),
                    format!("code={code}, dynamic=true, seed=3"),
                ] {
                    let sent = client
                        .request(op.method.as_str().parse().unwrap(), &url)
                        .header("Prefer", &prefer)
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(sent.status(), code, "{} {prefer}", op.id);
                    let body = json(sent).await;
                    assert_valid_response(
                        &doc,
                        &op.id,
                        &response.status.to_string(),
                        &content.media_type,
                        &body,
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 200, "checked only {checked} bodies");
}

#[tokio::test]
async fn without_an_example_the_static_body_follows_the_schema() {
    let server = shop().await;
    let response = client()
        .get(format!("{}/profile", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let profile = json(response).await;
    let doc = Document::load(&fixture("shop.yaml")).unwrap();
    assert_valid_response(&doc, "getProfile", "200", "application/json", &profile);
    assert_eq!(profile["name"], "Ada", "the schema's example");
    assert_eq!(profile["level"], 7, "the schema's default");
    assert_eq!(profile["status"], "active", "the first enum value");
    assert_eq!(profile["nickname"], Value::Null, "nullable");
    assert_eq!(profile["id"], "3fa85f64-5717-4562-b3fc-2c963f66afa6");
    assert_eq!(profile["score"], 10, "the lower bound");
    assert_eq!(profile["tags"].as_array().unwrap().len(), 2, "minItems");
}

#[tokio::test]
async fn no_content_responses_have_an_empty_body() {
    let server = vendored().await;
    let response = client()
        .delete(format!(
            "{}/hostup/api/v2/vps/vps_1/backups/bkp_1",
            server.url()
        ))
        .bearer_auth("t")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert!(response.bytes().await.unwrap().is_empty());

    for code in [502, 503] {
        let response = client()
            .delete(format!(
                "{}/nethesis/systems/sys_1/backups/01934fab-bc33-7890-a1b2-c3d4e5f6a7b8.tar.gz",
                server.url()
            ))
            .bearer_auth("t")
            .header("Prefer", format!("code={code}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), code);
        assert!(header(&response, "content-type").is_none());
        assert!(response.bytes().await.unwrap().is_empty(), "{code}");
    }
}

#[tokio::test]
async fn documented_response_headers_are_sent_with_their_examples() {
    let server = vendored().await;
    let response = client()
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .bearer_auth("t")
        .header("Prefer", "code=429")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 429);
    assert_eq!(header(&response, "retry-after"), Some("30"));
    assert_eq!(header(&response, "x-ratelimit-limit"), Some("60"));
    assert_eq!(header(&response, "x-ratelimit-remaining"), Some("0"));
    assert_eq!(
        header(&response, "x-ratelimit-reset"),
        Some("2026-04-27T12:35:26.000Z")
    );
    assert_eq!(json(response).await["code"], "rate_limit_exceeded");

    // A header documented without an example gets a value built from its schema.
    let server = shop().await;
    let response = client()
        .get(format!("{}/search?limit=5", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(header(&response, "x-total-count"), Some("5"));
}

#[tokio::test]
async fn accept_chooses_the_media_type_and_406_when_nothing_fits() {
    let server = shop().await;
    let url = format!("{}/search?limit=5", server.url());
    let csv = client()
        .get(&url)
        .header("Accept", "text/csv")
        .send()
        .await
        .unwrap();
    assert_eq!(csv.status(), 200);
    assert_eq!(header(&csv, "content-type"), Some("text/csv"));
    assert_eq!(csv.text().await.unwrap(), "id,name\n1,pen\n");

    let json_body = client()
        .get(&url)
        .header("Accept", "text/csv;q=0.5, application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(header(&json_body, "content-type"), Some("application/json"));

    let refused = client()
        .get(&url)
        .header("Accept", "application/xml")
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 406);
    assert_eq!(prism_type(&json(refused).await), "NOT_ACCEPTABLE");

    // application/problem+json is JSON: a client that accepts JSON gets it.
    let server = vendored().await;
    let problem = client()
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .bearer_auth("t")
        .header("Accept", "application/json")
        .header("Prefer", "code=404")
        .send()
        .await
        .unwrap();
    assert_eq!(problem.status(), 404);
    assert_eq!(json(problem).await["code"], json!("not_found"));
}
