//! Raff against the in-process mock server: every backup of a project page by page, a single delete
//! refused with 409, then the series deleted. `cargo run --example raff`

use cloud_backup_apis::raff::{self, responses::DeleteBackupError};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = mock_server::MockServer::start(mock_server::ServerOptions::embedded()).await?;
    let client = raff::Client::builder(format!("{}/raff", mock.url()))
        .credentials(raff::Credentials::ApiKeyAuth("YOUR_API_KEY".into()))
        .build()?;
    let project: uuid::Uuid = "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58".parse()?;

    // The mock serves one example page (`total` 3), so the paginator stops after it.
    let backups = client
        .list_backups()
        .x_project_id(project)
        .items()
        .collect()
        .await?;
    for backup in &backups {
        println!(
            "{} {} (series position {:?})",
            backup.id, backup.name, backup.increment_id
        );
    }
    let Some(first) = backups.first() else {
        return Ok(());
    };
    let refused = client
        .delete_backup()
        .id(first.id)
        .x_project_id(project)
        .customize(|call| call.header("Prefer", "code=409"))
        .send()
        .await;
    match refused {
        Ok(_) => println!("deleted {}", first.id),
        Err(error) => match error.into_documented()? {
            DeleteBackupError::Conflict(body) => {
                println!("refused: {}", body.message.unwrap_or_default());
                let series = client
                    .delete_backup_chain()
                    .id(first.id)
                    .x_project_id(project)
                    .send()
                    .await?;
                println!("series deleted ({})", series.status());
            }
            other => println!("refused: {other:?}"),
        },
    }
    Ok(())
}
