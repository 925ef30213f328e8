//! Huawei Cloud TaurusDB against the in-process mock server: create a manual backup, list the backups with
//! their `+0800` timestamps, delete the new one in another language. `cargo run --example taurusdb`

use cloud_backup_apis::runtime::ClientConfig;
use cloud_backup_apis::taurusdb::{self, types};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = mock_server::MockServer::start(mock_server::ServerOptions::embedded()).await?;
    let client = taurusdb::Client::builder(format!("{}/taurusdb", mock.url()))
        .credentials(taurusdb::Credentials::IamToken("IAM_TOKEN".into()))
        .config(ClientConfig::default().default_header("X-Language", "en-us")?)
        .build()?;
    let project = "054e292c9880d4992f02c0196d3ea468";

    let request = types::CreateBackupRequest {
        instance_id: "43e4feaab48f11e89039fa163ebaa7e4in07".parse()?,
        name: "backup-before-upgrade".parse()?,
        description: None,
    };
    let created = client
        .create_manual_backup()
        .project_id(project)
        .body(request)
        .send()
        .await?;
    println!("creating {} (job {})", created.backup.id, created.job_id);

    let mut backups = client.list_backups().project_id(project).items();
    while let Some(backup) = backups.next().await {
        let backup = backup?;
        println!(
            "{} {:?} began {}",
            backup.id, backup.status, backup.begin_time
        );
    }

    client
        .delete_manual_backup()
        .project_id(project)
        .backup_id(&created.backup.id)
        .x_language(types::Language::ZhCn)
        .send()
        .await?;
    println!("deleted {}", created.backup.id);
    Ok(())
}
