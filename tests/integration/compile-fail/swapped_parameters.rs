// Two ids swapped: TaurusDB's project and backup ids are distinct types, so the mistake does not compile.
use cloud_backup_apis::taurusdb::{self, types};

async fn delete(client: &taurusdb::Client, project: types::ProjectId, backup: types::BackupId) {
    let _ = client
        .delete_manual_backup()
        .project_id(backup)
        .backup_id(project)
        .send()
        .await;
}

fn main() {
    let _ = delete;
}
