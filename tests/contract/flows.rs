//! One scenario per provider, through the typed clients, the way an application uses the API, against the
//! stateful mock: each flow runs in its own session (`X-Mock-Session`), goes from a list or a create to a
//! delete, and gets the spec's 404 after it. The mock checks the credentials' values, and its journal is
//! read to check what the clients sent (HostUp's retry after `Retry-After`).

use std::time::Duration;

use cloud_backup_apis::runtime::{ClientConfig, Error, RetryPolicy};
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};
use libtest_mimic::{Failed, Trial};
use mock_server::{
    JournalEntry, JournalFilter, MockServer, Scenario, ServerOptions, Step, ValidCredentials,
};
use std::sync::OnceLock;

use crate::cases::SECRET;
use crate::suite;

pub(crate) fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "flows/raff/list_then_single_delete_refused_then_series_deleted_then_404",
            || run(raff_flow()),
        ),
        Trial::test(
            "flows/nethesis/list_then_download_url_then_delete_then_404",
            || run(nethesis_flow()),
        ),
        Trial::test(
            "flows/hostup/list_then_delete_then_404_and_a_429_retried_after_its_retry_after",
            || run(hostup_flow()),
        ),
        Trial::test(
            "flows/taurusdb/create_then_list_then_delete_then_404",
            || run(taurusdb_flow()),
        ),
        Trial::test(
            "flows/raff/a_typed_scenario_answers_a_conflict_then_the_success",
            || run(raff_typed_scenario()),
        ),
        Trial::test(
            "flows/a_preferred_status_the_operation_lacks_is_the_mocks_refusal",
            || run(refusal_flow()),
        ),
        Trial::test("flows/a_wrong_credential_gets_401", || {
            run(wrong_credential_flow())
        }),
    ]
}

fn run(flow: impl std::future::Future<Output = Result<(), String>>) -> Result<(), Failed> {
    // Started here, outside the runtime, the first time a flow runs.
    stateful_mock();
    suite().runtime.block_on(flow).map_err(Failed::from)
}

/// The stateful mock of the flows, on the suite's runtime, with `SECRET` as every scheme's valid value.
pub(crate) fn stateful_mock() -> &'static MockServer {
    static MOCK: OnceLock<MockServer> = OnceLock::new();
    MOCK.get_or_init(|| {
        let files =
            client_codegen::spec_files(&crate::specs_dir()).unwrap_or_else(|e| panic!("{e}"));
        let mut credentials = ValidCredentials::default();
        for scheme in ["ApiKeyAuth", "BearerAuth", "IamToken"] {
            credentials.add(scheme, SECRET);
        }
        let options = ServerOptions {
            mount: mock_server::Mount::Prefixed,
            stateful: true,
            credentials,
            ..ServerOptions::spec_files(files)
        };
        suite()
            .runtime
            .block_on(MockServer::start(options))
            .unwrap_or_else(|e| panic!("the stateful mock did not start: {e}"))
    })
}

/// A client configuration in its own session, without retries unless given.
fn session(name: &str, retry: RetryPolicy) -> Result<ClientConfig, String> {
    ClientConfig::default()
        .retry(retry)
        .default_header("X-Mock-Session", name)
        .map_err(|e| e.to_string())
}

fn base(spec: &str) -> Result<String, String> {
    stateful_mock()
        .spec_url(spec)
        .ok_or_else(|| format!("no spec {spec}"))
}

/// The journal of one session.
pub(crate) async fn journal(session: &str) -> Result<Vec<JournalEntry>, String> {
    stateful_mock()
        .requests(&JournalFilter {
            session: Some(session.into()),
            ..JournalFilter::default()
        })
        .await
        .map_err(|e| e.to_string())
}

fn status_of<T: std::fmt::Debug, E: std::fmt::Debug>(
    result: &Result<T, Error<E>>,
) -> Result<u16, String> {
    match result {
        Err(error) if error.documented().is_some() => error
            .status()
            .map(|status| status.as_u16())
            .ok_or_else(|| format!("no status in {error:?}")),
        other => Err(format!(
            "expected a documented error response, got {other:?}"
        )),
    }
}

async fn raff_flow() -> Result<(), String> {
    let client = raff_client("flows-raff")?;
    let (project, _) = raff_example_ids()?;

    let listed = client
        .list_backups()
        .x_project_id(project)
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    let later_point = listed
        .data
        .iter()
        .find(|b| b.increment_id.is_some_and(|i| i > 0))
        .ok_or("the list shows no later restore point")?;
    let id: uuid::Uuid = later_point.id;

    match client
        .delete_backup()
        .id(id)
        .x_project_id(project)
        .send()
        .await
        .map_err(Error::into_documented)
    {
        Err(Ok(raff::responses::DeleteBackupError::Conflict(body))) => {
            let message = body.message.unwrap_or_default();
            if !message.contains("/chain") {
                return Err(format!(
                    "the 409 should point to the series delete: {message}"
                ));
            }
        }
        other => {
            return Err(format!(
                "expected the single delete to be refused, got {other:?}"
            ));
        }
    }

    let deleted = client
        .delete_backup_chain()
        .id(id)
        .x_project_id(project)
        .send()
        .await
        .map_err(|e| format!("series delete: {e}"))?;
    expect_eq(deleted.status().as_u16(), 200, "series delete status")?;
    let gone = client
        .get_backup()
        .id(id)
        .x_project_id(project)
        .send()
        .await;
    expect_eq(status_of(&gone)?, 404, "get after the series delete")?;
    let listed = client
        .list_backups()
        .x_project_id(project)
        .send()
        .await
        .map_err(|e| format!("list after: {e}"))?
        .into_inner();
    expect_eq(
        listed.data.iter().any(|b| b.increment_id.is_some()),
        false,
        "a series point is still listed",
    )?;
    expect_eq(listed.total, 1, "backups left")
}

async fn nethesis_flow() -> Result<(), String> {
    let client = nethesis::Client::builder(&base("nethesis")?)
        .credentials(nethesis::Credentials::BearerAuth(SECRET.into()))
        .config(session("flows-nethesis", RetryPolicy::disabled())?)
        .build()
        .map_err(|e| e.to_string())?;
    let system = "4a1f0c6e-9b2d-4e57-8c31-7d5e2f9a6b08";

    let listed = client
        .get_system_backups()
        .id(system)
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    let newest = listed.data.backups.first().ok_or("no backups listed")?;
    let id: nethesis::types::BackupObjectId = newest.id.parse().map_err(|e| format!("{e}"))?;

    let link = client
        .download_system_backup()
        .id(system)
        .backup_id(&id)
        .send()
        .await
        .map_err(|e| format!("download: {e}"))?
        .into_inner();
    if !link.data.download_url.starts_with("https://") {
        return Err(format!("not a download URL: {}", link.data.download_url));
    }
    let deleted = client
        .delete_system_backup()
        .id(system)
        .backup_id(&id)
        .send()
        .await
        .map_err(|e| format!("delete: {e}"))?
        .into_inner();
    expect_eq(deleted.code, 200, "delete envelope code")?;
    expect_eq(
        deleted.data.backup_id.to_string(),
        id.to_string(),
        "deleted id",
    )?;
    let again = client
        .download_system_backup()
        .id(system)
        .backup_id(&id)
        .send()
        .await;
    expect_eq(status_of(&again)?, 404, "download after delete")?;
    let listed = client
        .get_system_backups()
        .id(system)
        .send()
        .await
        .map_err(|e| format!("list after: {e}"))?
        .into_inner();
    expect_eq(listed.data.backups.len(), 1, "backups left")
}

async fn hostup_flow() -> Result<(), String> {
    let vps = "vps_01hxa3b4c5d6e7f8g9h0j1k2m3";
    let client = hostup::Client::builder(&base("hostup")?)
        .credentials(hostup::Credentials::BearerAuth(SECRET.into()))
        .config(session("flows-hostup", RetryPolicy::disabled())?)
        .build()
        .map_err(|e| e.to_string())?;

    let listed = client
        .list_vps_backups()
        .id(vps)
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    let first = listed.backups.first().ok_or("the list is empty")?;
    let deleted = client
        .delete_vps_backup()
        .id(vps)
        .backup_id(&first.id)
        .send()
        .await
        .map_err(|e| format!("delete: {e}"))?;
    expect_eq(deleted.status().as_u16(), 204, "first delete")?;
    let again = client
        .delete_vps_backup()
        .id(vps)
        .backup_id(&first.id)
        .send()
        .await;
    match again.map_err(Error::into_documented) {
        Err(Ok(hostup::responses::DeleteVpsBackupError::NotFound(problem))) => {
            expect_eq(problem.code.as_str(), "not_found", "404 code")?;
        }
        other => return Err(format!("expected the 404, got {other:?}")),
    }

    // A rate-limited delete: a scenario answers 429 (with HostUp's documented Retry-After), then the
    // delete; the client waits what it was told (sped up 1000 times) and retries once.
    let limited_session = "flows-hostup-rate-limited";
    stateful_mock()
        .scenario(
            limited_session,
            Scenario::new("hostup.deleteVpsBackup")
                .then(Step::status(429))
                .then(Step::status(204)),
        )
        .await
        .map_err(|e| e.to_string())?;
    let limited = hostup::Client::builder(&base("hostup")?)
        .credentials(hostup::Credentials::BearerAuth(SECRET.into()))
        .config(session(
            limited_session,
            RetryPolicy::default().max_retries(1).speed_up(SPEED_UP),
        )?)
        .build()
        .map_err(|e| e.to_string())?;
    let retried = limited
        .delete_vps_backup()
        .id(vps)
        .backup_id(&first.id)
        .send()
        .await
        .map_err(|e| format!("the retried delete failed: {e}"))?;
    expect_eq(retried.status().as_u16(), 204, "retried delete")?;
    expect_eq(retried.attempts(), 2, "attempts")?;
    let sent = journal(limited_session).await?;
    expect_eq(sent.len(), 2, "requests journaled")?;
    let waited = micros_between(&sent[0], &sent[1])?;
    let asked = documented_retry_after()? / SPEED_UP;
    if waited + 5_000 < asked.as_micros() as u64 {
        return Err(format!(
            "the retry came {waited} µs after the 429, before its Retry-After of {asked:?} (sped up)"
        ));
    }
    Ok(())
}

/// How many times faster than the providers' `Retry-After` the flows' clients wait.
pub(crate) const SPEED_UP: u32 = 1000;

/// `Prefer: code=409` on an operation without a 409 gets Prism's 404 problem document, which the client
/// must not take for the operation's documented 404.
async fn refusal_flow() -> Result<(), String> {
    let client = raff_client("flows-refusal")?;
    let (project, id) = raff_example_ids()?;
    let refused = client
        .get_backup()
        .id(id)
        .x_project_id(project)
        .customize(|call| call.header("Prefer", "code=409"))
        .send()
        .await;
    match refused {
        Err(Error::Refused(response)) => {
            expect_eq(response.status().as_u16(), 404, "the refusal's status")?;
            expect_eq(
                response
                    .headers()
                    .get("x-mock-refusal")
                    .and_then(|v| v.to_str().ok()),
                Some("NOT_FOUND"),
                "the refusal's mark",
            )
        }
        other => Err(format!("expected Error::Refused, got {other:?}")),
    }
}

/// A scenario named with the client's own types: the conflict body given is the one the client decodes.
async fn raff_typed_scenario() -> Result<(), String> {
    let session = "flows-raff-typed";
    let conflict = raff::types::Error {
        error: Some("Conflict".into()),
        message: Some("set by a typed scenario".into()),
    };
    let answered = raff::types::SuccessResponse {
        message: Some("deleted".into()),
        ..Default::default()
    };
    stateful_mock()
        .scenario(
            session,
            raff::mock::delete_backup()
                .respond(raff::responses::DeleteBackupError::Conflict(
                    conflict.clone(),
                ))
                .succeed(answered.clone()),
        )
        .await
        .map_err(|e| e.to_string())?;
    let client = raff_client(session)?;
    let (project, id) = raff_example_ids()?;
    let delete = || client.delete_backup().id(id).x_project_id(project).send();
    match delete().await.map_err(Error::into_documented) {
        Err(Ok(raff::responses::DeleteBackupError::Conflict(body))) => {
            expect_eq(body, conflict, "the conflict's body")?
        }
        other => return Err(format!("expected the scenario's 409, got {other:?}")),
    }
    let deleted = delete()
        .await
        .map_err(|e| format!("the scenario's success: {e}"))?;
    expect_eq(deleted.into_inner(), answered, "the success's body")
}

/// Raff's client in a session of its own, with the valid API key and no retries.
fn raff_client(session_name: &str) -> Result<raff::Client, String> {
    raff::Client::builder(&base("raff")?)
        .credentials(raff::Credentials::ApiKeyAuth(SECRET.into()))
        .config(session(session_name, RetryPolicy::disabled())?)
        .build()
        .map_err(|e| e.to_string())
}

/// The project and the backup Raff's examples name (the backup is seeded into the state).
pub(crate) fn raff_example_ids() -> Result<(uuid::Uuid, uuid::Uuid), String> {
    let parse = |text: &str| text.parse::<uuid::Uuid>().map_err(|e| format!("{e}"));
    Ok((
        parse("5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58")?,
        parse("3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41")?,
    ))
}

/// Microseconds from one journal entry's time to another's.
pub(crate) fn micros_between(earlier: &JournalEntry, later: &JournalEntry) -> Result<u64, String> {
    Ok(later
        .time
        .unix_micros()
        .saturating_sub(earlier.time.unix_micros()))
}

/// The `Retry-After` HostUp's 429 documents, which the mock sends.
fn documented_retry_after() -> Result<Duration, String> {
    let doc = apispec::Document::load(&crate::specs_dir().join("hostup.yaml"))
        .map_err(|e| e.to_string())?;
    let op = doc
        .operations
        .iter()
        .find(|op| op.id == "deleteVpsBackup")
        .ok_or("deleteVpsBackup")?;
    let header = op
        .response(apispec::StatusKey::Code(429))
        .and_then(|r| {
            r.headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("retry-after"))
        })
        .ok_or("no documented Retry-After")?;
    let seconds = header
        .examples
        .first()
        .and_then(|e| e.value.as_u64())
        .ok_or("no Retry-After example")?;
    Ok(Duration::from_secs(seconds))
}

async fn taurusdb_flow() -> Result<(), String> {
    let client = taurusdb::Client::builder(&base("taurusdb")?)
        .credentials(taurusdb::Credentials::IamToken(SECRET.into()))
        .config(session("flows-taurusdb", RetryPolicy::disabled())?)
        .build()
        .map_err(|e| e.to_string())?;
    let project: taurusdb::types::ProjectId = "054e292c9880d4992f02c0196d3ea468"
        .parse()
        .map_err(|e| format!("{e}"))?;
    let instance: taurusdb::types::InstanceId = "43e4feaab48f11e89039fa163ebaa7e4in07"
        .parse()
        .map_err(|e| format!("{e}"))?;
    let request = taurusdb::types::CreateBackupRequest {
        instance_id: instance.clone(),
        name: "backup-before-upgrade"
            .parse()
            .map_err(|e| format!("{e}"))?,
        description: Some(
            "taken before the 8.0.32 upgrade"
                .parse()
                .map_err(|e| format!("{e}"))?,
        ),
    };

    let created = client
        .create_manual_backup()
        .project_id(&project)
        .body(request)
        .send()
        .await
        .map_err(|e| format!("create: {e}"))?;
    expect_eq(created.status().as_u16(), 201, "create status")?;
    let created = created.into_inner();
    let listed = client
        .list_backups()
        .project_id(&project)
        .instance_id(&instance)
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    let ids: Vec<String> = listed.backups.iter().map(|b| b.id.to_string()).collect();
    expect_eq(
        ids,
        vec![created.backup.id.to_string()],
        "listed for the instance",
    )?;
    let deleted = client
        .delete_manual_backup()
        .project_id(&project)
        .backup_id(&created.backup.id)
        .send()
        .await
        .map_err(|e| format!("delete: {e}"))?;
    expect_eq(deleted.status().as_u16(), 200, "delete status")?;
    let again = client
        .delete_manual_backup()
        .project_id(&project)
        .backup_id(&created.backup.id)
        .send()
        .await;
    expect_eq(status_of(&again)?, 404, "delete again")
}

async fn wrong_credential_flow() -> Result<(), String> {
    let client = raff::Client::builder(&base("raff")?)
        .credentials(raff::Credentials::ApiKeyAuth("not-the-key".into()))
        .config(session("flows-wrong-credential", RetryPolicy::disabled())?)
        .build()
        .map_err(|e| e.to_string())?;
    let listed = client.list_backups().send().await;
    expect_eq(status_of(&listed)?, 401, "a wrong API key")
}

pub(crate) fn expect_eq<T: PartialEq + std::fmt::Debug>(
    actual: T,
    expected: T,
    what: &str,
) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what}: expected {expected:?}, got {actual:?}"))
    }
}
