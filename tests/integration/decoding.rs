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
    let client = raff::Client::with_config(
        &server.url,
        &[raff::Credentials::ApiKeyAuth("k".into())],
        no_retries(),
    )
    .unwrap();
    match client
        .delete_backup(&uuid::Uuid::new_v4(), &uuid::Uuid::new_v4())
        .await
    {
        Err(Error::ErrorResponse(response)) => match response.into_inner() {
            raff::responses::DeleteBackupError::Conflict(body) => {
                assert_eq!(
                    serde_json::to_value(body).unwrap(),
                    example_body(&doc, "deleteBackup", 409, None)
                );
            }
            other => panic!("expected Conflict, got {other:?}"),
        },
        other => panic!("expected a typed 409, got {other:?}"),
    }
}

#[tokio::test]
async fn nethesis_storage_errors_without_a_body_are_their_status() {
    let server = CannedServer::start(|n| Canned::empty([502, 503][n % 2])).await;
    let client = nethesis::Client::with_config(
        &server.url,
        &[nethesis::Credentials::BearerAuth("t".into())],
        no_retries(),
    )
    .unwrap();
    let backup: nethesis::types::BackupObjectId =
        "01934fab-bc33-7890-a1b2-c3d4e5f6a7b8".parse().unwrap();
    use nethesis::responses::DeleteSystemBackupError as E;
    for expected in [E::BadGateway, E::ServiceUnavailable] {
        match client.delete_system_backup("sys_1", &backup).await {
            Err(Error::ErrorResponse(response)) => assert_eq!(response.into_inner(), expected),
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
    let client = hostup::Client::with_config(
        &server.url,
        &[hostup::Credentials::BearerAuth("t".into())],
        no_retries(),
    )
    .unwrap();
    for code in ["not_found", "vps_not_found"] {
        match client.delete_vps_backup("vps_1", "bkp_1").await {
            Err(Error::ErrorResponse(response)) => match response.into_inner() {
                hostup::responses::DeleteVpsBackupError::NotFound(problem) => {
                    assert_eq!(problem.code, code)
                }
                other => panic!("expected NotFound, got {other:?}"),
            },
            other => panic!("expected a typed 404, got {other:?}"),
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
    let client = taurusdb::Client::with_config(
        &server.url,
        &[taurusdb::Credentials::IamToken("t".into())],
        no_retries(),
    )
    .unwrap();
    let project: taurusdb::types::ProjectId = "054e292c9880d4992f02c0196d3ea468".parse().unwrap();
    let backup: taurusdb::types::BackupId = "b1182ccdda034f2b9535f3dca5c47e71br07".parse().unwrap();
    for name in names {
        let expected = example_body(&doc, "deleteManualBackup", 400, Some(name));
        match client.delete_manual_backup(&project, &backup, None).await {
            Err(Error::ErrorResponse(response)) => match response.into_inner() {
                taurusdb::responses::DeleteManualBackupError::BadRequest(body) => {
                    assert_eq!(serde_json::to_value(body).unwrap(), expected, "{name}");
                }
                other => panic!("expected BadRequest, got {other:?}"),
            },
            other => panic!("{name}: expected a typed 400, got {other:?}"),
        }
    }
}
