//! Valid credentials: given them, the mock refuses any other value with the spec's 401 (or a problem
//! document); schemes without valid values accept any credential; a scheme no spec uses is refused at start.

use mock_server::{MockServer, ServerOptions, StartError, ValidCredentials};
use serde_json::json;

use crate::support::*;

async fn with_credentials(pairs: &[&str]) -> MockServer {
    let mut credentials = ValidCredentials::default();
    for pair in pairs {
        credentials.add_pair(pair).unwrap();
    }
    MockServer::start(ServerOptions {
        credentials,
        ..vendored_options()
    })
    .await
    .expect("the credentials name schemes in use")
}

#[tokio::test]
async fn only_the_valid_values_pass() {
    let server = with_credentials(&["raff.ApiKeyAuth=good-key", "BearerAuth=good-token"]).await;
    let http = client();
    let chain = format!("{}/raff/api/v1/backups/{BACKUP_ID}/chain", server.url());
    let with_key = |key: &str| {
        http.delete(&chain)
            .header("X-API-Key", key)
            .header("X-Project-ID", PROJECT_ID)
    };
    assert_eq!(with_key("good-key").send().await.unwrap().status(), 200);
    let refused = with_key("stolen-key").send().await.unwrap();
    assert_eq!(refused.status(), 401);
    assert!(header(&refused, "www-authenticate").is_some());
    assert_eq!(
        json(refused).await,
        json!({"error": "Unauthorized", "message": "Invalid or missing API key"})
    );
    let missing = http
        .delete(&chain)
        .header("X-Project-ID", PROJECT_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 401);

    // `BearerAuth` (no spec named) applies to both specs that declare it.
    for spec_path in [
        "/hostup/api/v2/vps/vps_1/backups",
        "/nethesis/systems/4a1f0c6e-9b2d-4e57-8c31-7d5e2f9a6b08/backups",
    ] {
        let url = format!("{}{spec_path}", server.url());
        assert_eq!(
            http.get(&url)
                .bearer_auth("good-token")
                .send()
                .await
                .unwrap()
                .status(),
            200,
            "{spec_path}"
        );
        assert_eq!(
            http.get(&url)
                .bearer_auth("other")
                .send()
                .await
                .unwrap()
                .status(),
            401,
            "{spec_path}"
        );
    }
    // TaurusDB's scheme has no valid values: any token passes.
    let taurus = format!(
        "{}/taurusdb/v3/054e292c9880d4992f02c0196d3ea468/backups",
        server.url()
    );
    let response = http
        .get(&taurus)
        .header("X-Auth-Token", "anything")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);

    let refusal = journal(&server, "status=401&operation=deleteBackupChain").await;
    assert_eq!(refusal[0]["validation"]["failure"], "security");
    assert!(
        refusal[0]["validation"]["violations"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ApiKeyAuth")
    );
}

#[tokio::test]
async fn a_scheme_no_spec_uses_is_refused_at_start() {
    let mut credentials = ValidCredentials::default();
    credentials.add_pair("raff.BearerAuth=x").unwrap();
    let error = match MockServer::start(ServerOptions {
        credentials,
        ..vendored_options()
    })
    .await
    {
        Err(error @ StartError::Credentials(_)) => error.to_string(),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("started"),
    };
    assert!(error.contains("raff.BearerAuth"), "{error}");
    assert!(error.contains("raff.ApiKeyAuth"), "{error}");
}
