//! One scenario per provider, through the typed clients, the way an application uses the API. The mock
//! serves each step; a scripted proxy in front of it adds the step's `Prefer` to each request in turn (the
//! provider's answer for that step), so a client retry is a new request that gets the next answer.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, Response};
use cloud_backup_apis::runtime::{ClientConfig, Error, RetryPolicy};
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};
use libtest_mimic::{Failed, Trial};

use crate::cases::SECRET;
use crate::suite;

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test(
            "flows/raff/list_then_single_delete_refused_then_series_deleted",
            || run(raff_flow()),
        ),
        Trial::test("flows/nethesis/list_then_download_url_then_delete", || {
            run(nethesis_flow())
        }),
        Trial::test(
            "flows/hostup/list_then_delete_then_rate_limited_and_retried",
            || run(hostup_flow()),
        ),
        Trial::test("flows/taurusdb/create_then_list_then_delete", || {
            run(taurusdb_flow())
        }),
    ]
}

fn run(flow: impl std::future::Future<Output = Result<(), String>>) -> Result<(), Failed> {
    suite().runtime.block_on(flow).map_err(Failed::from)
}

/// A proxy to the suite's mock that gives request N the N-th scripted `Prefer` (none once the script ends).
struct ScriptedMock {
    url: String,
    seen: Arc<Mutex<Vec<(String, Instant)>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for ScriptedMock {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn scripted(spec: &str, script: &[&str]) -> ScriptedMock {
    let upstream = format!("{}/{spec}", suite().mock_url);
    let script: Arc<Mutex<VecDeque<String>>> =
        Arc::new(Mutex::new(script.iter().map(|s| s.to_string()).collect()));
    let seen: Arc<Mutex<Vec<(String, Instant)>>> = Arc::default();
    let http = reqwest::Client::new();
    let log = Arc::clone(&seen);
    let app = axum::Router::new().fallback(move |request: Request<Body>| {
        let (upstream, script, log, http) = (
            upstream.clone(),
            Arc::clone(&script),
            Arc::clone(&log),
            http.clone(),
        );
        async move {
            let (parts, body) = request.into_parts();
            let body = axum::body::to_bytes(body, usize::MAX)
                .await
                .unwrap_or_default();
            let path = parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_string())
                .unwrap_or_default();
            let prefer = script.lock().expect("script").pop_front();
            log.lock().expect("log").push((
                format!(
                    "{} {path} [{}]",
                    parts.method,
                    prefer.as_deref().unwrap_or("-")
                ),
                Instant::now(),
            ));
            let mut forward = http
                .request(parts.method, format!("{upstream}{path}"))
                .headers(parts.headers)
                .body(body);
            if let Some(prefer) = prefer.filter(|p| !p.is_empty()) {
                forward = forward.header("Prefer", prefer);
            }
            let answer = forward.send().await.expect("the mock answers");
            let mut response = Response::builder().status(answer.status());
            for (name, value) in answer.headers() {
                response = response.header(name, value);
            }
            response
                .body(Body::from(answer.bytes().await.unwrap_or_default()))
                .expect("a response")
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("address"));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    ScriptedMock { url, seen, task }
}

impl ScriptedMock {
    fn requests(&self) -> Vec<String> {
        self.seen
            .lock()
            .expect("log")
            .iter()
            .map(|(line, _)| line.clone())
            .collect()
    }
}

fn no_retries() -> ClientConfig {
    ClientConfig::default().retry(RetryPolicy::disabled())
}

async fn raff_flow() -> Result<(), String> {
    let mock = scripted("raff", &["", "code=409", ""]).await;
    let client = raff::Client::builder(&mock.url)
        .credentials(raff::Credentials::ApiKeyAuth(SECRET.into()))
        .config(no_retries())
        .build()
        .map_err(|e| e.to_string())?;
    let project: uuid::Uuid = "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58"
        .parse()
        .map_err(|e| format!("{e}"))?;

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

    let refused = client
        .delete_backup()
        .id(id)
        .x_project_id(project)
        .send()
        .await;
    match refused.map_err(Error::into_documented) {
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
                "expected the single delete to be refused with 409, got {other:?}"
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
    expect_eq(mock.requests().len(), 3, "requests")
}

async fn nethesis_flow() -> Result<(), String> {
    let mock = scripted("nethesis", &["", "", ""]).await;
    let client = nethesis::Client::builder(&mock.url)
        .credentials(nethesis::Credentials::BearerAuth(SECRET.into()))
        .config(no_retries())
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
    expect_eq(deleted.code, 200, "delete envelope code")
}

async fn hostup_flow() -> Result<(), String> {
    // list → 200, delete → 204, delete → 429 (Retry-After from the spec), the client's retry → 204.
    let mock = scripted("hostup", &["", "", "code=429", ""]).await;
    let config = ClientConfig::default().retry(RetryPolicy::default().max_retries(1));
    let client = hostup::Client::builder(&mock.url)
        .credentials(hostup::Credentials::BearerAuth(SECRET.into()))
        .config(config)
        .build()
        .map_err(|e| e.to_string())?;
    let vps = "vps_01hxa3b4c5d6e7f8g9h0j1k2m3";

    let listed = client
        .list_vps_backups()
        .id(vps)
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    let [first, second, ..] = &listed.backups[..] else {
        return Err("the list needs two backups".into());
    };
    let deleted = client
        .delete_vps_backup()
        .id(vps)
        .backup_id(&first.id)
        .send()
        .await
        .map_err(|e| format!("delete: {e}"))?;
    expect_eq(deleted.status().as_u16(), 204, "first delete")?;

    let started = Instant::now();
    let deleted = client
        .delete_vps_backup()
        .id(vps)
        .backup_id(&second.id)
        .send()
        .await
        .map_err(|e| format!("delete after the rate limit: {e}"))?;
    expect_eq(
        deleted.status().as_u16(),
        204,
        "second delete, after one retry",
    )?;
    let seen = mock.seen.lock().expect("log").clone();
    let waited = seen[3].1.duration_since(seen[2].1);
    let retry_after = documented_retry_after()?;
    if waited < retry_after - Duration::from_millis(50) || started.elapsed() < retry_after {
        return Err(format!(
            "the retry came {waited:?} after the 429, before its Retry-After of {retry_after:?}"
        ));
    }
    expect_eq(mock.requests().len(), 4, "requests")
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
    let mock = scripted("taurusdb", &["", "", ""]).await;
    let client = taurusdb::Client::builder(&mock.url)
        .credentials(taurusdb::Credentials::IamToken(SECRET.into()))
        .config(no_retries())
        .build()
        .map_err(|e| e.to_string())?;
    let project: taurusdb::types::ProjectId = "054e292c9880d4992f02c0196d3ea468"
        .parse()
        .map_err(|e| format!("{e}"))?;
    let request = taurusdb::types::CreateBackupRequest {
        instance_id: "43e4feaab48f11e89039fa163ebaa7e4in07"
            .parse()
            .map_err(|e| format!("{e}"))?,
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
        .send()
        .await
        .map_err(|e| format!("list: {e}"))?
        .into_inner();
    if listed.backups.is_empty() {
        return Err("the list is empty".into());
    }
    let deleted = client
        .delete_manual_backup()
        .project_id(&project)
        .backup_id(&created.backup.id)
        .send()
        .await
        .map_err(|e| format!("delete: {e}"))?;
    expect_eq(deleted.status().as_u16(), 200, "delete status")
}

fn expect_eq<T: PartialEq + std::fmt::Debug>(
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
