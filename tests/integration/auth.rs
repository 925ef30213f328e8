//! Each provider's credentials reach the server in the provider's real header, and never show in `Debug`.

use canned_server::CannedServer;
use cloud_backup_apis::runtime::ClientConfig;
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};
use uuid::Uuid;

use crate::support::{documented, example_body, no_retries, spec};

const SECRET: &str = "s3cr3t-VALUE-never-printed";

fn header(server: &CannedServer, name: &str) -> String {
    let requests = server.requests();
    let request = requests.last().expect("the server received a request");
    request
        .headers
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no {name} header"))
}

#[tokio::test]
async fn raff_sends_x_api_key() {
    let doc = spec("raff");
    let server = CannedServer::always(documented(&doc, "deleteBackupChain", 200, None)).await;
    let client = raff::Client::builder(&server.url)
        .credentials(raff::Credentials::ApiKeyAuth(SECRET.into()))
        .build()
        .unwrap();
    let (backup, project) = (Uuid::new_v4(), Uuid::new_v4());

    let deleted = client
        .delete_backup_chain()
        .id(backup)
        .x_project_id(project)
        .send()
        .await
        .unwrap();

    assert_eq!(
        serde_json::to_value(deleted.into_inner()).unwrap(),
        example_body(&doc, "deleteBackupChain", 200, None)
    );
    assert_eq!(header(&server, "x-api-key"), SECRET);
    assert_eq!(header(&server, "x-project-id"), project.to_string());
    assert_eq!(
        server.requests()[0].uri,
        format!("/api/v1/backups/{backup}/chain")
    );
    assert!(!format!("{client:?}").contains(SECRET), "{client:?}");
}

#[tokio::test]
async fn nethesis_sends_a_bearer_token() {
    let doc = spec("nethesis");
    let server = CannedServer::always(documented(&doc, "deleteSystemBackup", 200, None)).await;
    let client = nethesis::Client::builder(&server.url)
        .credentials(nethesis::Credentials::BearerAuth(SECRET.into()))
        .build()
        .unwrap();

    client
        .delete_system_backup()
        .id("sys_123456789")
        .backup_id("01934fab-bc33-7890-a1b2-c3d4e5f6a7b8.tar.gz")
        .send()
        .await
        .unwrap();

    assert_eq!(header(&server, "authorization"), format!("Bearer {SECRET}"));
    assert_eq!(
        server.requests()[0].uri,
        "/systems/sys_123456789/backups/01934fab-bc33-7890-a1b2-c3d4e5f6a7b8.tar.gz"
    );
}

#[tokio::test]
async fn hostup_sends_a_bearer_token() {
    let doc = spec("hostup");
    let server = CannedServer::always(documented(&doc, "deleteVpsBackup", 204, None)).await;
    let client = hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth(SECRET.into()))
        .build()
        .unwrap();

    let deleted = client
        .delete_vps_backup()
        .id("vps_01hxa3b4c5d6e7f8g9h0j1k2m3")
        .backup_id("bkp_01hxa3b4c5d6e7f8g9h0j1k2m3")
        .send()
        .await
        .unwrap();

    assert_eq!(deleted.status(), 204);
    assert_eq!(header(&server, "authorization"), format!("Bearer {SECRET}"));
}

#[tokio::test]
async fn taurusdb_sends_x_auth_token_and_the_language_set_on_the_client_or_the_call() {
    let doc = spec("taurusdb");
    let server = CannedServer::always(documented(&doc, "deleteManualBackup", 200, None)).await;
    let config = ClientConfig::default()
        .default_header("X-Language", "zh-cn")
        .unwrap();
    let client = taurusdb::Client::builder(&server.url)
        .credentials(taurusdb::Credentials::IamToken(SECRET.into()))
        .config(config)
        .build()
        .unwrap();
    let delete = || {
        client
            .delete_manual_backup()
            .project_id("054e292c9880d4992f02c0196d3ea468")
            .backup_id("b1182ccdda034f2b9535f3dca5c47e71br07")
    };

    let deleted = delete().send().await.unwrap().into_inner();
    assert_eq!(
        serde_json::to_value(deleted).unwrap(),
        example_body(&doc, "deleteManualBackup", 200, None)
    );
    assert_eq!(header(&server, "x-auth-token"), SECRET);
    assert_eq!(
        header(&server, "x-language"),
        "zh-cn",
        "the client's default"
    );

    delete()
        .x_language(taurusdb::types::Language::EnUs)
        .send()
        .await
        .unwrap();
    assert_eq!(
        header(&server, "x-language"),
        "en-us",
        "the call's own value wins"
    );
}

#[tokio::test]
async fn credentials_never_show_in_debug_output_or_error_messages() {
    let doc = spec("hostup");
    let server = CannedServer::always(documented(
        &doc,
        "deleteVpsBackup",
        404,
        Some("vps_not_found"),
    ))
    .await;
    let credentials = hostup::Credentials::BearerAuth(SECRET.into());
    assert!(!format!("{credentials:?}").contains(SECRET));
    let client = hostup::Client::builder(&server.url)
        .credentials(credentials)
        .config(no_retries())
        .build()
        .unwrap();
    assert!(!format!("{client:?}").contains(SECRET), "{client:?}");

    let error = client
        .delete_vps_backup()
        .id("vps_1")
        .backup_id("bkp_1")
        .send()
        .await
        .unwrap_err();
    for text in [
        format!("{error}"),
        format!("{error:?}"),
        format!("{error:#}"),
    ] {
        assert!(!text.contains(SECRET), "{text}");
    }
    assert_eq!(
        header(&server, "authorization"),
        format!("Bearer {SECRET}"),
        "and yet it was sent"
    );
}

#[tokio::test]
async fn a_base_url_that_is_not_one_is_a_clear_error() {
    let error = raff::Client::builder("api.rafftechnologies.com")
        .credentials(raff::Credentials::ApiKeyAuth("k".into()))
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("is not a base URL"), "{error}");
    assert_eq!(raff::DEFAULT_BASE_URL, "https://api.rafftechnologies.com");
    assert_eq!(
        taurusdb::DEFAULT_BASE_URL,
        "https://gaussdb.ap-southeast-3.myhuaweicloud.com"
    );
}
