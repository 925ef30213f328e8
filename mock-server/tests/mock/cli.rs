//! The `mock-server` binary: serving the built-in specs from any directory, log lines, a spec that cannot
//! be loaded (exit code 2 with file and place), examples that break their schemas, and `--watch`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::support::*;

const BINARY: &str = env!("CARGO_BIN_EXE_mock-server");

/// A running binary; killed when dropped.
struct Running {
    child: Child,
    url: String,
    lines: mpsc::Receiver<String>,
    /// Lines read while waiting for another one.
    backlog: Vec<String>,
}

impl Running {
    fn start(args: &[&str], dir: &Path) -> Running {
        let mut child = Command::new(BINARY)
            .args(["--port", "0"])
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let mut running = Running {
            child,
            url: String::new(),
            lines,
            backlog: Vec::new(),
        };
        let line = running.wait_for_line(|line| line.starts_with("listening on "));
        running.url = line.trim_start_matches("listening on ").to_string();
        running
    }

    /// The next stdout line that passes `wanted`, within 2 minutes (the built-in specs are whatever
    /// `specs/` holds: a debug build takes tens of seconds to load a user's large documents).
    fn wait_for_line(&mut self, wanted: impl Fn(&str) -> bool) -> String {
        if let Some(index) = self.backlog.iter().position(|line| wanted(line)) {
            return self.backlog.remove(index);
        }
        let deadline = Instant::now() + Duration::from_secs(120);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if wanted(&line) => return line,
                Ok(line) => self.backlog.push(line),
                Err(_) => break,
            }
        }
        panic!("no such line; stdout was:\n{}", self.backlog.join("\n"));
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn run_to_exit(args: &[&str]) -> Output {
    Command::new(BINARY)
        .args(["--port", "0"])
        .args(args)
        .output()
        .expect("the binary runs")
}

#[tokio::test]
async fn the_binary_serves_the_built_in_specs_from_any_directory_and_logs_each_request() {
    let elsewhere = tempfile::tempdir().unwrap();
    let mut server = Running::start(&["--log-format", "json"], elsewhere.path());
    let response = client()
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url
        ))
        .header("X-API-Key", "k")
        .header("X-Project-ID", PROJECT_ID)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let line = server.wait_for_line(|line| line.contains("deleteBackupChain"));
    let logged: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(logged["method"], "DELETE");
    assert_eq!(
        logged["path"],
        format!("/raff/api/v1/backups/{BACKUP_ID}/chain")
    );
    assert_eq!(logged["operation"], "raff.deleteBackupChain");
    assert_eq!(logged["status"], 200);
    assert_eq!(logged["validation"], "passed");
    assert!(logged["latency_us"].is_u64(), "{logged}");
}

#[test]
fn a_spec_that_cannot_be_loaded_exits_2_naming_the_file_and_the_place() {
    // A `$ref` to nothing leaves only what needs it out; `--strict` refuses the spec instead.
    let output = run_to_exit(&[
        "--strict",
        "--spec",
        fixture("bad_reference.yaml").to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad_reference.yaml"), "{stderr}");
    assert!(
        stderr.contains("#/paths/~1things/get/responses/200/content/application~1json/schema/$ref"),
        "{stderr}"
    );
    assert!(stderr.contains("does not resolve"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "openapi: 3.0.3\ninfo: {title: t\npaths: {}\n").unwrap();
    let output = run_to_exit(&["--spec", broken.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.yaml:"),
        "a line and column: {stderr}"
    );

    let output = run_to_exit(&["--spec", "/nonexistent/spec.yaml"]);
    assert_eq!(output.status.code(), Some(2));
}

#[tokio::test]
async fn an_example_that_breaks_its_schema_loads_with_a_warning_and_strict_refuses_it() {
    let spec = fixture("bad_example.yaml");
    let pointer =
        "#/paths/~1count/get/responses/200/content/application~1json/examples/broken/value";
    let mut server = Running::start(&["--spec", spec.to_str().unwrap()], Path::new("."));
    server.wait_for_line(|line| line.contains("WARN") && line.contains(pointer));
    // The broken example is not served unless asked for by name.
    let default = client()
        .get(format!("{}/count", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(json(default).await, json!({"count": 0}));
    let asked = client()
        .get(format!("{}/count", server.url))
        .header("Prefer", "example=broken")
        .send()
        .await
        .unwrap();
    assert_eq!(json(asked).await, json!({"count": "many"}));

    let output = run_to_exit(&["--strict", "--spec", spec.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("bad_example.yaml"), "{stderr}");
    assert!(stderr.contains(pointer), "{stderr}");
}

#[tokio::test]
async fn watch_reloads_a_changed_spec() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("live.yaml");
    let version = |word: &str| {
        format!(
            "openapi: 3.0.3\ninfo: {{title: live, version: '1'}}\npaths:\n  /word:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              example: {{word: {word}}}\n"
        )
    };
    std::fs::write(&spec, version("before")).unwrap();
    let server = Running::start(&["--watch", "--spec", spec.to_str().unwrap()], dir.path());
    let fetch = || async {
        json(
            client()
                .get(format!("{}/word", server.url))
                .send()
                .await
                .unwrap(),
        )
        .await
    };
    assert_eq!(fetch().await, json!({"word": "before"}));

    std::fs::write(&spec, version("after")).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if fetch().await == json!({"word": "after"}) {
            break;
        }
        assert!(Instant::now() < deadline, "the change was not picked up");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // A change that breaks the spec keeps the previous version serving.
    std::fs::write(&spec, "openapi: 3.0.3\ninfo: [").unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(fetch().await, json!({"word": "after"}));
}

#[tokio::test]
async fn ctrl_c_stops_the_server_gracefully_with_exit_code_0() {
    let mut server = Running::start(&[], Path::new("."));
    let health = client()
        .get(format!("{}/__mock/health", server.url))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let line = server.wait_for_line(|line| line.contains("request method=GET"));
    assert!(
        line.contains(" INFO request method=GET path=/__mock/health operation=- status=200 validation=skipped latency_us="),
        "the pretty log line: {line}"
    );
    let interrupted = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    server.wait_for_line(|line| line.contains("Ctrl-C"));
}

#[test]
fn credentials_that_cannot_be_used_stop_the_binary_with_exit_code_2() {
    let bad_pair = run_to_exit(&["--credential", "no-equals-sign"]);
    assert_eq!(bad_pair.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad_pair.stderr).contains("SCHEME=VALUE"));
    let unknown = run_to_exit(&["--credential", "Nope=1"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("`Nope`"));
}

#[test]
fn a_fault_that_cannot_be_read_or_names_no_operation_stops_the_binary_with_exit_code_2() {
    let unreadable = run_to_exit(&["--fault", "latency=200"]);
    assert_eq!(unreadable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unreadable.stderr).contains("give its unit"));
    let nowhere = run_to_exit(&["--fault", "status=503,operation=noSuchOperation"]);
    assert_eq!(nowhere.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("no operation `noSuchOperation`"));
}

#[tokio::test]
async fn faults_from_the_command_line_apply_in_every_session_with_the_given_seed() {
    let elsewhere = tempfile::tempdir().unwrap();
    let server = Running::start(
        &[
            "--fault",
            "status=404,count=1,operation=raff.deleteBackupChain",
            "--seed",
            "9",
        ],
        elsewhere.path(),
    );
    let http = client();
    let send = |session: &str| {
        http.delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url
        ))
        .header("X-API-Key", "k")
        .header("X-Project-ID", PROJECT_ID)
        .header("X-Mock-Session", session.to_string())
        .send()
    };
    for session in ["a", "b"] {
        assert_eq!(send(session).await.unwrap().status(), 404, "{session}");
        assert_eq!(send(session).await.unwrap().status(), 200, "{session}");
    }
    let listed: serde_json::Value = http
        .get(format!("{}/__mock/faults", server.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed["every_session"],
        serde_json::json!({"faults": ["status=404,operation=raff.deleteBackupChain,count=1"], "seed": 9})
    );
}
