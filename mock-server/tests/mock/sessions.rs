//! Sessions: two tests running at once against one stateful mock, each in its own `X-Mock-Session`, see only
//! their own state and their own journal; a reset of one leaves the other as it is.

use serde_json::Value;

use crate::support::*;

/// Deletes `delete` in `session`, creates one backup with `note`, and returns the ids the session lists.
async fn one_test(url: String, session: &'static str, delete: &str, note: &str) -> Vec<String> {
    let http = client();
    let vps = format!("{url}/hostup/api/v2/vps/vps_01hxa3b4c5d6e7f8g9h0j1k2m3/backups");
    let deleted = http
        .delete(format!("{vps}/{delete}"))
        .bearer_auth("t")
        .header("X-Mock-Session", session)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204, "{session}");
    for _ in 0..20 {
        let created = http
            .post(&vps)
            .bearer_auth("t")
            .header("X-Mock-Session", session)
            .json(&serde_json::json!({ "note": note }))
            .send()
            .await
            .unwrap();
        assert_eq!(created.status(), 202);
    }
    let listed: Value = json(
        http.get(&vps)
            .bearer_auth("t")
            .header("X-Mock-Session", session)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let backups = listed["backups"].as_array().unwrap();
    let created = backups.iter().filter(|b| b["note"] == note).count();
    assert_eq!(
        created, 20,
        "{session} sees its own creates only: {listed:#}"
    );
    backups
        .iter()
        .map(|b| b["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_sessions_see_only_their_own_state_and_journal() {
    let server = stateful().await;
    let first = "bkp_01hxa3b4c5d6e7f8g9h0j1k2m3";
    let second = "bkp_01hx9z8y7x6w5v4t3s2r1q0p9n";
    let (a, b) = tokio::join!(
        tokio::spawn(one_test(server.url(), "test-a", first, "from a")),
        tokio::spawn(one_test(server.url(), "test-b", second, "from b")),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    // Each deleted a different seed; each still has the other's.
    assert!(!a.contains(&first.to_string()) && a.contains(&second.to_string()));
    assert!(!b.contains(&second.to_string()) && b.contains(&first.to_string()));
    assert!(
        a.iter()
            .all(|id| !b.contains(id) || id == second || id == first)
    );

    for (session, other) in [("test-a", "test-b"), ("test-b", "test-a")] {
        let entries = journal(&server, &format!("session={session}")).await;
        assert_eq!(entries.len(), 22, "{session}");
        assert!(
            entries
                .iter()
                .all(|e| e["session"] == session && e["session"] != other)
        );
    }
    // The default session saw nothing of it.
    let untouched: Value = json(
        client()
            .get(format!(
                "{}/hostup/api/v2/vps/vps_01hxa3b4c5d6e7f8g9h0j1k2m3/backups",
                server.url()
            ))
            .bearer_auth("t")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(untouched["backups"].as_array().unwrap().len(), 2);

    // Resetting one session restores its seeds and empties its journal only.
    let reset = client()
        .post(format!("{}/__mock/reset", server.url()))
        .header("X-Mock-Session", "test-a")
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 200);
    assert!(journal(&server, "session=test-a").await.is_empty());
    assert_eq!(journal(&server, "session=test-b").await.len(), 22);
}
