//! Coverage: each documented response (per named example) marked served or never asked for, per session or
//! for all, the mock's own refusals and broken connections counting for nothing, unmatched requests listed,
//! in JSON, text, JUnit and HTML, and emptied by a reset.

use serde_json::Value;

use crate::support::*;

/// The response of `report` for `operation` and `label` (`404 backup_not_found`).
fn served(report: &Value, spec: &str, operation: &str, label: &str) -> u64 {
    let spec = report["specs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["spec"] == spec)
        .unwrap();
    let op = spec["operations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["operation"] == operation)
        .unwrap_or_else(|| panic!("no {operation}"));
    op["responses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            let shown = match r["example"].as_str() {
                Some(example) => format!("{} {example}", r["status"].as_str().unwrap()),
                None => r["status"].as_str().unwrap().to_string(),
            };
            shown == label
        })
        .unwrap_or_else(|| panic!("no {label} in {op}"))["served"]
        .as_u64()
        .unwrap()
}

async fn coverage(server: &mock_server::MockServer, query: &str) -> reqwest::Response {
    client()
        .get(format!("{}/__mock/coverage?{query}", server.url()))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn served_responses_are_counted_per_example_and_refusals_are_not() {
    let server = vendored().await;
    let http = client();
    let get = |session: &str, prefer: Option<&str>| {
        let mut request = http
            .get(format!("{}/raff/api/v1/backups/{BACKUP_ID}", server.url()))
            .header("X-API-Key", "k")
            .header("X-Project-ID", PROJECT_ID)
            .header("X-Mock-Session", session.to_string());
        if let Some(prefer) = prefer {
            request = request.header("Prefer", prefer.to_string());
        }
        request.send()
    };
    get("c1", None).await.unwrap();
    get("c1", None).await.unwrap();
    get("c1", Some("code=404")).await.unwrap();
    // Not documented for getBackup: the mock's own 404, which serves no documented response.
    get("c1", Some("code=409")).await.unwrap();
    get("c2", Some("code=401")).await.unwrap();
    http.get(format!("{}/raff/nowhere", server.url()))
        .header("X-Mock-Session", "c1")
        .send()
        .await
        .unwrap();

    let one = coverage(&server, "session=c1")
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(one["session"], "c1");
    assert_eq!(served(&one, "raff", "getBackup", "200"), 2);
    assert_eq!(served(&one, "raff", "getBackup", "401"), 0);
    let not_found: u64 = one["specs"][0]["operations"]
        .as_array()
        .into_iter()
        .chain(
            one["specs"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["spec"] == "raff")
                .map(|s| s["operations"].as_array().unwrap()),
        )
        .flatten()
        .filter(|o| o["operation"] == "getBackup")
        .flat_map(|o| o["responses"].as_array().unwrap())
        .filter(|r| r["status"] == "404")
        .map(|r| r["served"].as_u64().unwrap())
        .sum();
    assert_eq!(
        not_found, 1,
        "the documented 404 once, the refusal not at all"
    );
    assert_eq!(
        one["unmatched"],
        serde_json::json!([["GET /raff/nowhere", 1]])
    );

    let all = coverage(&server, "").await.json::<Value>().await.unwrap();
    assert_eq!(served(&all, "raff", "getBackup", "401"), 1);
    assert!(all["served"].as_u64().unwrap() >= 3);
    assert!(all["percent"].as_f64().unwrap() < 100.0);

    let junit = coverage(&server, "session=c2&format=junit")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        junit.contains(r#"<testcase classname="raff.getBackup" name="getBackup 401"/>"#),
        "{junit}"
    );
    assert!(junit.contains("<failure message=\"never served\">"));
    let text = coverage(&server, "session=c2&format=text")
        .await
        .text()
        .await
        .unwrap();
    assert!(text.contains("coverage: 1 of "), "{text}");
    let html = coverage(&server, "format=html").await;
    assert_eq!(
        header(&html, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(html.text().await.unwrap().contains("<td>getBackup</td>"));
    assert_eq!(coverage(&server, "format=pdf").await.status(), 400);

    server.reset(Some("c1")).await.unwrap();
    let after = server.coverage(Some("c1")).await.unwrap();
    assert_eq!(after.served, 0);
    assert!(after.unmatched.is_empty());
}
