//! Documented responses decode typed: every example of every spec through the generated decoders, and the
//! error statuses the providers' users match on.

use apispec::client_view::method_name;
use canned_server::{Canned, CannedServer};
use cloud_backup_apis::runtime::Error;
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};

use crate::support::{documented, example_body, no_retries, spec};

/// Every (spec, operation, status, example) is served by a real server and decoded by that operation's
/// generated decoder; none may end in a decoding error.
#[tokio::test]
async fn no_documented_example_ends_in_a_decoding_error() {
    let mut cases = Vec::new();
    for name in ["hostup", "nethesis", "raff", "taurusdb"] {
        let doc = spec(name);
        for op in &doc.operations {
            for response in &op.responses {
                let apispec::StatusKey::Code(status) = response.status else {
                    continue;
                };
                let examples: Vec<Option<String>> = match response.contents.first() {
                    None => vec![None],
                    Some(content) => content.examples.iter().map(|e| e.name.clone()).collect(),
                };
                assert!(
                    !examples.is_empty(),
                    "{name} {} {status} has no example",
                    op.id
                );
                for example in examples {
                    cases.push((
                        name,
                        op.id.clone(),
                        status,
                        example.clone(),
                        documented(&doc, &op.id, status, example.as_deref()),
                    ));
                }
            }
        }
    }
    let responses: Vec<Canned> = cases.iter().map(|c| c.4.clone()).collect();
    let server = CannedServer::start(move |n| responses[n].clone()).await;
    let http = reqwest::Client::new();
    let mut failures = Vec::new();
    for (spec_name, operation, status, example, _) in &cases {
        let response = http.get(&server.url).send().await.unwrap();
        assert_eq!(response.status(), *status);
        let method = method_name(operation);
        let decoded = match *spec_name {
            "hostup" => hostup::responses::__decode_by_operation(&method, response).await,
            "nethesis" => nethesis::responses::__decode_by_operation(&method, response).await,
            "raff" => raff::responses::__decode_by_operation(&method, response).await,
            _ => taurusdb::responses::__decode_by_operation(&method, response).await,
        };
        if let Err(e) = decoded {
            failures.push(format!(
                "{spec_name}/{operation}/{status}/{}: {e}",
                example.as_deref().unwrap_or("-")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(
        cases.len() > 100,
        "only {} cases: the specs lost examples",
        cases.len()
    );
}

#[tokio::test]
async fn raff_single_delete_conflict_is_a_typed_409() {
    let doc = spec("raff");
    let server = CannedServer::always(documented(&doc, "deleteBackup", 409, None)).await;
    let client = raff::Client::builder(&server.url)
        .credentials(raff::Credentials::ApiKeyAuth("k".into()))
        .config(no_retries())
        .build()
        .unwrap();
    let error = client
        .delete_backup()
        .id(uuid::Uuid::new_v4())
        .x_project_id(uuid::Uuid::new_v4())
        .send()
        .await
        .unwrap_err();
    match error.documented() {
        Some(raff::responses::DeleteBackupError::Conflict(body)) => {
            assert_eq!(
                serde_json::to_value(body).unwrap(),
                example_body(&doc, "deleteBackup", 409, None)
            );
        }
        other => panic!("expected a typed 409 Conflict, got {other:?}"),
    }
    assert_eq!(
        error.to_string(),
        "409 Conflict: This backup is part of a backup series and other restore points depend on it. \
         Delete the whole series with DELETE /api/v1/backups/3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41/chain",
        "one line: status and the documented message"
    );
}

#[tokio::test]
async fn nethesis_storage_errors_without_a_body_are_their_status() {
    let server = CannedServer::start(|n| Canned::empty([502, 503][n % 2])).await;
    let client = nethesis::Client::builder(&server.url)
        .credentials(nethesis::Credentials::BearerAuth("t".into()))
        .config(no_retries())
        .build()
        .unwrap();
    use nethesis::responses::DeleteSystemBackupError as E;
    for expected in [E::BadGateway, E::ServiceUnavailable] {
        let result = client
            .delete_system_backup()
            .id("sys_1")
            .backup_id("01934fab-bc33-7890-a1b2-c3d4e5f6a7b8")
            .send()
            .await;
        match result.map_err(Error::into_documented) {
            Err(Ok(documented)) => assert_eq!(documented, expected),
            other => panic!("expected {expected:?}, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn hostup_named_404_examples_are_told_apart_by_code() {
    let doc = spec("hostup");
    let server = CannedServer::start({
        let doc = doc.clone();
        move |n| {
            documented(
                &doc,
                "deleteVpsBackup",
                404,
                Some(["not_found", "vps_not_found"][n % 2]),
            )
        }
    })
    .await;
    let client = hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .config(no_retries())
        .build()
        .unwrap();
    for code in ["not_found", "vps_not_found"] {
        let error = client
            .delete_vps_backup()
            .id("vps_1")
            .backup_id("bkp_1")
            .send()
            .await
            .unwrap_err();
        match error.documented() {
            Some(hostup::responses::DeleteVpsBackupError::NotFound(problem)) => {
                assert_eq!(problem.code, code)
            }
            other => panic!("expected a typed 404 NotFound, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn taurusdb_400_codes_are_typed() {
    let doc = spec("taurusdb");
    let names = [
        "parameter_error",
        "backup_file_not_found",
        "backup_status_not_allowed",
        "backup_not_found",
    ];
    let server = CannedServer::start({
        let doc = doc.clone();
        move |n| documented(&doc, "deleteManualBackup", 400, Some(names[n]))
    })
    .await;
    let client = taurusdb::Client::builder(&server.url)
        .credentials(taurusdb::Credentials::IamToken("t".into()))
        .config(no_retries())
        .build()
        .unwrap();
    let project: taurusdb::types::ProjectId = "054e292c9880d4992f02c0196d3ea468".parse().unwrap();
    for name in names {
        let expected = example_body(&doc, "deleteManualBackup", 400, Some(name));
        let result = client
            .delete_manual_backup()
            .project_id(&project)
            .backup_id("b1182ccdda034f2b9535f3dca5c47e71br07")
            .send()
            .await;
        match result.map_err(Error::into_documented) {
            Err(Ok(taurusdb::responses::DeleteManualBackupError::BadRequest(body))) => {
                assert_eq!(serde_json::to_value(body).unwrap(), expected, "{name}");
            }
            other => panic!("{name}: expected a typed 400 BadRequest, got {other:?}"),
        }
    }
}
