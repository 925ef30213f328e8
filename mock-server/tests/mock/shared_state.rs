//! `--redis`: two mock processes' worth of servers sharing one real `redis-server` (started here on a free
//! port, installed by `.ci/install-redis-server.sh` when missing) see each other's writes, journal and
//! resets. Without redis-server the test fails, unless `MOCK_SERVER_SKIP_REDIS=1` is set for a local run.

use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use mock_server::{MockServer, RedisOptions, ServerOptions, StartError};
use serde_json::{Value, json};

use crate::support::*;

/// A redis-server of this test's own; killed when dropped.
struct RedisServer {
    child: Child,
    url: String,
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts redis-server on a free loopback port; `None` only when it is missing and the skip is asked for.
fn start_redis() -> Option<RedisServer> {
    if !programs_installed(
        &["redis-server"],
        "install-redis-server.sh",
        "MOCK_SERVER_SKIP_REDIS",
    ) {
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new("redis-server")
        .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
        .args(["--save", "", "--appendonly", "no"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("redis-server starts");
    let server = RedisServer {
        child,
        url: format!("redis://127.0.0.1:{port}"),
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "redis-server did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Some(server)
}

async fn sharing(redis: &RedisServer) -> MockServer {
    MockServer::start(ServerOptions {
        stateful: true,
        redis: Some(RedisOptions::new(&redis.url)),
        ..vendored_options()
    })
    .await
    .expect("the mock connects to redis")
}

#[tokio::test]
async fn two_mocks_sharing_one_redis_see_each_others_writes() {
    let Some(redis) = start_redis() else { return };
    let (one, two) = (sharing(&redis).await, sharing(&redis).await);
    let http = client();
    let backups = |server: &MockServer| {
        format!(
            "{}/hostup/api/v2/vps/vps_01hxa3b4c5d6e7f8g9h0j1k2m3/backups",
            server.url()
        )
    };
    let list = |server: &MockServer| {
        http.get(backups(server))
            .bearer_auth("t")
            .header("X-Mock-Session", "shared")
            .send()
    };
    let notes = |listed: &Value| -> Vec<Value> {
        listed["backups"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["note"].clone())
            .collect()
    };

    let created = http
        .post(backups(&one))
        .bearer_auth("t")
        .header("X-Mock-Session", "shared")
        .json(&json!({"note": "written by one"}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 202);
    let seen_by_two = json(list(&two).await.unwrap()).await;
    assert_eq!(seen_by_two["backups"].as_array().unwrap().len(), 3);
    assert!(notes(&seen_by_two).contains(&json!("written by one")));

    // A delete through the second is a 404 through the first.
    let id = seen_by_two["backups"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let delete = |server: &MockServer| {
        http.delete(format!("{}/{id}", backups(server)))
            .bearer_auth("t")
            .header("X-Mock-Session", "shared")
            .send()
    };
    assert_eq!(delete(&two).await.unwrap().status(), 204);
    assert_eq!(delete(&one).await.unwrap().status(), 404);
    // Another session is apart even in Redis.
    let other = http
        .get(backups(&one))
        .bearer_auth("t")
        .send()
        .await
        .unwrap();
    assert_eq!(json(other).await["backups"].as_array().unwrap().len(), 2);

    // One journal: the first reads the second's requests, numbered in order.
    let entries = journal(&one, "session=shared").await;
    let seen: Vec<(String, u64)> = entries
        .iter()
        .map(|e| {
            (
                e["operation"].as_str().unwrap().to_string(),
                e["status"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("createVpsBackup".to_string(), 202),
            ("listVpsBackups".to_string(), 200),
            ("deleteVpsBackup".to_string(), 204),
            ("deleteVpsBackup".to_string(), 404),
        ]
    );
    let sequences: Vec<u64> = entries
        .iter()
        .map(|e| e["sequence"].as_u64().unwrap())
        .collect();
    assert!(sequences.windows(2).all(|w| w[0] < w[1]), "{sequences:?}");

    // A reset through the second restores the seeds for both, and empties that session's journal.
    two.reset(Some("shared")).await.unwrap();
    let listed = json(list(&one).await.unwrap()).await;
    assert_eq!(listed["backups"].as_array().unwrap().len(), 2);
    assert!(!notes(&listed).contains(&json!("written by one")));
    assert_eq!(journal(&two, "session=shared").await.len(), 1);
    assert!(!journal(&two, "").await.is_empty());
}

#[tokio::test]
async fn concurrent_creates_through_two_mocks_are_all_kept() {
    let Some(redis) = start_redis() else { return };
    let (one, two) = (sharing(&redis).await, sharing(&redis).await);
    let url = |server: &MockServer| {
        format!(
            "{}/taurusdb/v3/054e292c9880d4992f02c0196d3ea468/backups",
            server.url()
        )
    };
    let mut tasks = Vec::new();
    for (index, base) in [url(&one), url(&two)]
        .into_iter()
        .cycle()
        .take(20)
        .enumerate()
    {
        tasks.push(tokio::spawn(async move {
            let response = client()
                .post(format!("{base}/create"))
                .header("X-Auth-Token", "t")
                .json(&json!({"instance_id": "43e4feaab48f11e89039fa163ebaa7e4in07", "name": format!("concurrent-{index}")}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 201);
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let listed = json(
        client()
            .get(format!(
                "{}?instance_id=43e4feaab48f11e89039fa163ebaa7e4in07",
                url(&one)
            ))
            .header("X-Auth-Token", "t")
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(listed["total_count"], 20, "{listed:#}");
}

#[tokio::test]
async fn an_unreachable_redis_stops_the_start() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .unwrap()
        .port();
    let started = MockServer::start(ServerOptions {
        redis: Some(RedisOptions::new(format!("redis://127.0.0.1:{port}"))),
        ..vendored_options()
    })
    .await;
    match started {
        Err(StartError::Store(error)) => assert!(error.0.contains("cannot connect"), "{error}"),
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("started without redis"),
    }
}

#[tokio::test]
async fn a_scenario_and_a_fault_set_through_one_mock_are_served_by_the_other() {
    let Some(redis) = start_redis() else { return };
    let (one, two) = (sharing(&redis).await, sharing(&redis).await);
    one.scenario(
        "plans",
        mock_server::Scenario::new("hostup.listVpsBackups")
            .then(mock_server::Step::status(429))
            .then(mock_server::Step::status(500)),
    )
    .await
    .unwrap();
    one.fault(
        "plans",
        mock_server::Fault::status(500)
            .operation("hostup.deleteVpsBackup")
            .count(1),
    )
    .await
    .unwrap();
    let http = client();
    let vps = "vps_01hxa3b4c5d6e7f8g9h0j1k2m3";
    let list = |server: &MockServer| {
        http.get(format!("{}/hostup/api/v2/vps/{vps}/backups", server.url()))
            .bearer_auth("t")
            .header("X-Mock-Session", "plans")
            .send()
    };
    // The steps are counted in Redis: one step through each mock, then the state answers.
    assert_eq!(list(&two).await.unwrap().status(), 429);
    assert_eq!(list(&one).await.unwrap().status(), 500);
    assert_eq!(list(&two).await.unwrap().status(), 200);
    let delete = |server: &MockServer| {
        http.delete(format!(
            "{}/hostup/api/v2/vps/{vps}/backups/nope",
            server.url()
        ))
        .bearer_auth("t")
        .header("X-Mock-Session", "plans")
        .send()
    };
    // The fault fires once across both mocks, then the state's 404 answers.
    assert_eq!(delete(&two).await.unwrap().status(), 500);
    assert_eq!(delete(&one).await.unwrap().status(), 404);
    assert_eq!(two.plan("plans").await.unwrap().faults.len(), 1);
    two.reset(Some("plans")).await.unwrap();
    assert!(one.plan("plans").await.unwrap().is_empty());
}
