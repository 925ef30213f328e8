//! The real response bodies the spec audit quotes (kept in `specs/fixtures/`, see its README and
//! `specs/ERRATA.md`), each served with its status by a real HTTP server and decoded through the generated
//! client method: the typed variant, and its fields.

use canned_server::{Canned, CannedServer};
use cloud_backup_apis::runtime::Error;
use cloud_backup_apis::{hostup, nethesis, taurusdb};

use crate::support::{VENDORED_SPECS, no_retries, specs_dir};

/// The fixture `specs/fixtures/<name>`, as the server sends it: `status`, JSON content type, the file's bytes.
fn fixture(name: &str, status: u16) -> Canned {
    let path = specs_dir().join("fixtures").join(name);
    let body = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice::<serde_json::Value>(&body)
        .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
    Canned::body(status, "application/json", body)
}

#[tokio::test]
async fn nethesis_invalid_backup_id_is_the_plain_envelope() {
    // methods/backups.go: response.BadRequest("invalid backup id", nil), on delete and on download.
    let server = CannedServer::always(fixture("nethesis/delete_400.json", 400)).await;
    let client = nethesis::Client::builder(&server.url)
        .credentials(nethesis::Credentials::BearerAuth("t".into()))
        .config(no_retries())
        .build()
        .unwrap();
    // The server lowercases the id before checking it, so the spec accepts upper case too.
    let backup: nethesis::types::BackupObjectId = "01934FAB-BC33-7890-A1B2-C3D4E5F6A7B8.TAR.GZ"
        .parse()
        .unwrap();
    let system = "4a1f0c6e-9b2d-4e57-8c31-7d5e2f9a6b08";

    let deleted = client
        .delete_system_backup()
        .id(system)
        .backup_id(&backup)
        .send()
        .await;
    match deleted {
        Err(Error::Documented(response)) => {
            assert_eq!(response.status(), 400);
            match response.into_inner() {
                nethesis::responses::DeleteSystemBackupError::BadRequest(body) => {
                    assert_eq!(body.code, 400);
                    assert_eq!(body.message, "invalid backup id");
                    assert!(body.data.is_none(), "{:?}", body.data);
                }
                other => panic!("expected BadRequest, got {other:?}"),
            }
        }
        other => panic!("expected a typed 400, got {other:?}"),
    }
    let download = client
        .download_system_backup()
        .id(system)
        .backup_id(backup)
        .send()
        .await
        .unwrap_err();
    match download.documented() {
        Some(nethesis::responses::DownloadSystemBackupError::BadRequest(body)) => {
            assert_eq!(
                (body.code, body.message.as_str()),
                (400, "invalid backup id")
            );
            assert!(body.data.is_none());
        }
        other => panic!("expected a typed 400 BadRequest, got {other:?}"),
    }
}

fn taurusdb_client(url: &str) -> taurusdb::Client {
    taurusdb::Client::builder(url)
        .credentials(taurusdb::Credentials::IamToken("t".into()))
        .config(no_retries())
        .build()
        .unwrap()
}

fn project() -> taurusdb::types::ProjectId {
    "054e292c9880d4992f02c0196d3ea468".parse().unwrap()
}

#[tokio::test]
async fn taurusdb_delete_decodes_the_sdks_job_id_body() {
    // DeleteGaussMySqlBackupResponse (SDK Go, Python, C++): only `job_id`.
    let server = CannedServer::always(fixture("taurusdb/delete_200_job.json", 200)).await;
    let client = taurusdb_client(&server.url);
    // The id the create API documents is a UUID; the spec no longer requires a `br07` suffix.
    let deleted = client
        .delete_manual_backup()
        .project_id(project())
        .backup_id("2f4ddb93-b901-4b08-93d8-1d2e472f30fe")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 200);
    let deleted = deleted.into_inner();
    assert_eq!(
        deleted.job_id.as_deref(),
        Some("7f3d9c2e-1a4b-4e6f-8d2c-5b9a0e1f3c47")
    );
    assert_eq!(deleted.backup_id, None);
    assert_eq!(deleted.backup_name, None);
    assert_eq!(
        server.requests()[0].uri,
        "/v3/054e292c9880d4992f02c0196d3ea468/backups/2f4ddb93-b901-4b08-93d8-1d2e472f30fe"
    );
}

#[tokio::test]
async fn taurusdb_gateway_401_is_typed_on_every_operation() {
    // The API gateway's answer to a missing or invalid X-Auth-Token, with its extra `request_id`.
    let server = CannedServer::always(fixture("taurusdb/unauthorized_401.json", 401)).await;
    let client = taurusdb_client(&server.url);
    let check = |body: taurusdb::types::GatewayError| {
        assert_eq!(body.error_code, "APIGW.0301");
        assert_eq!(
            body.error_msg,
            "Incorrect IAM authentication information: x-auth-token not found"
        );
        assert_eq!(
            body.request_id.as_deref(),
            Some("4c7e1f2a9b3d48e6a0f5c2d9e8b7a613")
        );
    };

    use taurusdb::responses::{CreateManualBackupError, DeleteManualBackupError, ListBackupsError};
    let deleted = client
        .delete_manual_backup()
        .project_id(project())
        .backup_id("b1182ccdda034f2b9535f3dca5c47e71br07")
        .send()
        .await;
    match deleted.map_err(Error::into_documented) {
        Err(Ok(DeleteManualBackupError::Unauthorized(body))) => check(body),
        other => panic!("delete: expected a typed 401 Unauthorized, got {other:?}"),
    }
    let listed = client.list_backups().project_id(project()).send().await;
    match listed.map_err(Error::into_documented) {
        Err(Ok(ListBackupsError::Unauthorized(body))) => check(body),
        other => panic!("list: expected a typed 401 Unauthorized, got {other:?}"),
    }
    let request = taurusdb::types::CreateBackupRequest {
        instance_id: "43e4feaab48f11e89039fa163ebaa7e4in07".parse().unwrap(),
        name: "backup-f3c1".parse().unwrap(),
        description: None,
    };
    let created = client
        .create_manual_backup()
        .project_id(project())
        .body(request)
        .send()
        .await;
    match created.map_err(Error::into_documented) {
        Err(Ok(CreateManualBackupError::Unauthorized(body))) => check(body),
        other => panic!("create: expected a typed 401 Unauthorized, got {other:?}"),
    }
}

#[tokio::test]
async fn hostup_list_without_gate_code_decodes() {
    // HU:list marks `code` of a Gate optional, and the server leaves it out.
    let server = CannedServer::always(fixture("hostup/list_200_without_gate_code.json", 200)).await;
    let client = hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .config(no_retries())
        .build()
        .unwrap();

    let listed = client
        .list_vps_backups()
        .id("vps_01hxa3b4c5d6e7f8g9h0j1k2m3")
        .send()
        .await
        .unwrap()
        .into_inner();
    assert!(listed.actions.can_create_backup.allowed);
    assert_eq!(listed.actions.can_create_backup.code, None);
    assert_eq!(listed.actions.can_restore.code, None);
    let [backup] = &listed.backups[..] else {
        panic!("one backup expected: {:?}", listed.backups);
    };
    assert_eq!(backup.id, "bkp_01hxa3b4c5d6e7f8g9h0j1k2m3");
    assert_eq!(
        backup.display_id,
        "2026-04-27T10:00:00.000Z (vzdump-qemu-101.vma.zst)"
    );
    assert_eq!(backup.storage_key, "vzdump-qemu-101.vma.zst");
    // `createdAt` is `format: date-time`, so it comes back as a timestamp, not a string.
    let created: chrono::DateTime<chrono::Utc> = backup.created_at.expect("a creation time");
    assert_eq!(created.to_rfc3339(), "2026-04-27T10:00:00+00:00");
    assert_eq!(listed.quota_info.remaining, Some(4));
}

/// The fixtures are not specs: neither the client build nor the mock takes the subdirectory for one.
#[test]
fn the_fixtures_directory_is_not_read_as_specs() {
    let files = client_codegen::spec_files(&specs_dir()).unwrap();
    assert!(
        files
            .iter()
            .all(|f| f.parent() == Some(specs_dir().as_path())),
        "{files:?}"
    );
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // Documents a user added are read too (beside the vendored ones); the fixtures, one level down, never
    // are (checked above).
    for vendored in VENDORED_SPECS {
        assert!(names.iter().any(|name| name == vendored), "{names:?}");
    }
    let embedded: Vec<&str> = mock_server::SpecSource::embedded()
        .into_iter()
        .map(|source| match source {
            mock_server::SpecSource::Embedded { file_name, .. } => file_name,
            other => panic!("not embedded: {other:?}"),
        })
        .collect();
    assert_eq!(embedded, names);
}
