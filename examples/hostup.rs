//! HostUp v2 against the in-process mock server: list a VPS's backups, delete each, and see the typed 404
//! and the 429 after retries. `cargo run --example hostup`

use std::time::Duration;

use cloud_backup_apis::hostup::{self, responses::DeleteVpsBackupError};
use cloud_backup_apis::runtime::{ClientConfig, RetryPolicy};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = mock_server::MockServer::start(mock_server::ServerOptions::embedded()).await?;
    let client = hostup::Client::builder(format!("{}/hostup", mock.url()))
        .credentials(hostup::Credentials::BearerAuth("KEY".into()))
        .config(
            ClientConfig::default()
                .retry(RetryPolicy::default().max_retry_after(Duration::from_secs(2))),
        )
        .build()?;
    let vps = "vps_01hxa3b4c5d6e7f8g9h0j1k2m3";

    let listed = client.list_vps_backups().id(vps).send().await?.into_inner();
    println!("{} backups of {vps}", listed.backups.len());
    for backup in &listed.backups {
        let deleted = client
            .delete_vps_backup()
            .id(vps)
            .backup_id(&backup.id)
            .send()
            .await?;
        println!("deleted {} ({})", backup.id, deleted.status());
    }

    // The mock answers what `Prefer` asks for: a documented error, typed.
    let missing = client
        .delete_vps_backup()
        .id(vps)
        .backup_id("bkp_gone")
        .customize(|call| call.header("Prefer", "code=404, example=not_found"))
        .send()
        .await
        .unwrap_err();
    match missing.documented() {
        Some(DeleteVpsBackupError::NotFound(problem)) => println!("already gone: {}", problem.code),
        _ => return Err(missing.into()),
    }
    // A 429 whose Retry-After is beyond the policy's limit comes back at once, typed, in one line.
    let limited = client
        .delete_vps_backup()
        .id(vps)
        .backup_id("bkp_1")
        .customize(|call| call.header("Prefer", "code=429"))
        .send()
        .await
        .unwrap_err();
    println!("{limited}");
    Ok(())
}
