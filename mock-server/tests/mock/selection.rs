//! Which documented response answers: defaults, every `Prefer` form, the `__` query fallback, `NXX` ranges
//! and `default`, and the 404/422 answers to preferences the spec cannot meet.

use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn without_preferences_the_lowest_2xx_is_served_with_its_first_example() {
    let server = vendored().await;
    let response = delete_backup_chain(&server, &client())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "content-type"), Some("application/json"));
    assert_eq!(
        json(response).await,
        json!({"success": true, "message": "Backup series deleted successfully"})
    );
}

#[tokio::test]
async fn prefer_code_serves_that_response_with_its_first_example() {
    let server = vendored().await;
    let response = delete_backup_chain(&server, &client())
        .header("Prefer", "code=404")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        json(response).await,
        json!({"error": "Not Found", "message": "Backup not found"})
    );
}

#[tokio::test]
async fn prefer_code_and_example_serve_the_named_example() {
    let server = vendored().await;
    let response = client()
        .get(format!("{}/hostup/api/v2/vps/vps_1/backups", server.url()))
        .bearer_auth("token")
        .header("Prefer", "code=404, example=vps_not_found")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    assert_eq!(json(response).await["code"], "vps_not_found");
}

#[tokio::test]
async fn query_parameters_are_the_fallback_when_there_is_no_prefer_header() {
    let server = vendored().await;
    let url = format!(
        "{}/hostup/api/v2/vps/vps_1/backups?__code=404&__example=vps_not_found",
        server.url()
    );
    let response = client().get(&url).bearer_auth("t").send().await.unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(json(response).await["code"], "vps_not_found");

    // A Prefer header, when there is one, is read instead of the query.
    let response = client()
        .get(&url)
        .bearer_auth("t")
        .header("Prefer", "code=403")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    assert_eq!(json(response).await["code"], "forbidden");
}

#[tokio::test]
async fn an_nxx_range_serves_the_preferred_code() {
    let server = shop().await;
    let response = client()
        .get(format!("{}/items/7", server.url()))
        .header("Prefer", "code=418")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 418);
    assert_eq!(json(response).await, json!({"error": "client"}));
}

#[tokio::test]
async fn default_serves_a_code_nothing_else_covers() {
    let server = shop().await;
    let response = client()
        .get(format!("{}/items/7?__code=503", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(json(response).await, json!({"error": "other"}));

    // Without a preference, an operation with only `default` answers 200 from it.
    let response = client()
        .get(format!("{}/fallback", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(json(response).await, json!({"fallback": true}));
}

#[tokio::test]
async fn a_2xx_range_is_served_as_200() {
    let server = shop().await;
    let response = client()
        .get(format!("{}/ranged", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(json(response).await, json!({"ranged": true}));
}

#[tokio::test]
async fn an_undefined_code_is_a_404_not_found_problem() {
    let server = vendored().await;
    let response = delete_backup_chain(&server, &client())
        .header("Prefer", "code=500")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(
        header(&response, "content-type"),
        Some("application/problem+json")
    );
    let problem = json(response).await;
    assert_eq!(prism_type(&problem), "NOT_FOUND");
    assert_eq!(problem["status"], 404);
}

#[tokio::test]
async fn an_undefined_example_is_a_404_not_found_problem() {
    let server = vendored().await;
    let response = delete_backup_chain(&server, &client())
        .header("Prefer", "example=nope")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
    assert_eq!(prism_type(&json(response).await), "NOT_FOUND");
}

#[tokio::test]
async fn malformed_preferences_are_422() {
    let server = vendored().await;
    for prefer in ["code=20", "code=abc", "dynamic=maybe"] {
        let response = delete_backup_chain(&server, &client())
            .header("Prefer", prefer)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 422, "{prefer}");
        assert_eq!(
            prism_type(&json(response).await),
            "UNPROCESSABLE_ENTITY",
            "{prefer}"
        );
    }
    let response = delete_backup_chain(&server, &client())
        .query(&[("__dynamic", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn dynamic_bodies_are_reproducible_with_a_seed() {
    let server = shop().await;
    let fetch = |prefer: &'static str| {
        let url = format!("{}/profile", server.url());
        async move {
            let response = client()
                .get(url)
                .header("Prefer", prefer)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            json(response).await
        }
    };
    let first = fetch("dynamic=true, seed=42").await;
    assert_eq!(first, fetch("dynamic=true, seed=42").await);
    assert_ne!(first, fetch("dynamic=true, seed=43").await);
    // The query form works the same way.
    let response = client()
        .get(format!("{}/profile?__dynamic=true&__seed=42", server.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(json(response).await, first);
    // Without `dynamic`, the body is static: the same on every request.
    assert_eq!(fetch("code=200").await, fetch("code=200").await);
}
