//! My Nethesis against the in-process mock server: list a system's backups, get a download link for
//! each, delete the newest, and see the 502 documented without a body. `cargo run --example nethesis`

use cloud_backup_apis::nethesis::{self, responses::DeleteSystemBackupError};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = mock_server::MockServer::start(mock_server::ServerOptions::embedded()).await?;
    let client = nethesis::Client::builder(format!("{}/nethesis", mock.url()))
        .credentials(nethesis::Credentials::BearerAuth("TOKEN".into()))
        .build()?;
    let system = "4a1f0c6e-9b2d-4e57-8c31-7d5e2f9a6b08";

    let listed = client
        .get_system_backups()
        .id(system)
        .send()
        .await?
        .into_inner();
    for backup in &listed.data.backups {
        let link = client
            .download_system_backup()
            .id(system)
            .backup_id(backup.id.as_str())
            .send()
            .await?;
        println!("{} → {}", backup.filename, link.data.download_url);
    }
    if let Some(newest) = listed.data.backups.first() {
        let deleted = client
            .delete_system_backup()
            .id(system)
            .backup_id(newest.id.as_str())
            .send()
            .await?;
        println!("deleted {} (code {})", newest.filename, deleted.code);
        let unavailable = client
            .delete_system_backup()
            .id(system)
            .backup_id(newest.id.as_str())
            .customize(|call| call.header("Prefer", "code=502"))
            .send()
            .await
            .unwrap_err();
        match unavailable.documented() {
            Some(DeleteSystemBackupError::BadGateway) => println!("storage down: {unavailable}"),
            _ => return Err(unavailable.into()),
        }
    }
    Ok(())
}
