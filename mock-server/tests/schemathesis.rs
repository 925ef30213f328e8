//! Peer check: Schemathesis (pinned in `tests/peer/schemathesis.sh`, which installs it into a virtualenv
//! under the target directory) runs with every check (`ignored_auth`, `use_after_free`,
//! `ensure_resource_availability` among them), a fixed seed and a bounded number of cases, against the
//! in-process mock serving each vendored spec with one valid credential per security scheme: first the
//! stateless mock (examples, coverage and fuzzing phases), then the stateful one (`--stateful`, the same
//! phases plus Schemathesis' stateful phase over the links it infers). The test fails on any failure or
//! error not listed in [`ACCEPTED`], the one place that says which failures the specs themselves cause, and
//! why.
//!
//! If Schemathesis cannot be installed the test fails, saying why. `SKIP_SCHEMATHESIS=1` skips it on a
//! developer's machine; it is ignored where `CI` is set. Run it alone with
//! `cargo test -p mock-server --test schemathesis -- --nocapture`.

use std::path::{Path, PathBuf};
use std::process::Command;

use apispec::{Document, OverlayText};
use mock_server::{MockServer, ServerOptions, ValidCredentials};
use serde_json::Value;

/// The seed of every run, so a failure reproduces (`st run … --seed 42`).
const SEED: u64 = 42;
/// Cases per operation and phase: enough to reach every check, small enough for CI (about a minute for
/// the four vendored specs).
const MAX_EXAMPLES: u32 = 20;

/// The credential every security scheme accepts, and Schemathesis sends.
const CREDENTIAL: &str = "peer-check";

/// How the mock answers in one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Examples only (the default).
    Stateless,
    /// From each session's state (`--stateful`).
    Stateful,
}

impl Mode {
    fn phases(self) -> &'static str {
        match self {
            Mode::Stateless => "examples,coverage,fuzzing",
            Mode::Stateful => "examples,coverage,fuzzing,stateful",
        }
    }
}

/// A failure that does not fail the test: every field must match. Each is caused by its spec, which the
/// mock follows.
struct Accepted {
    /// The spec's file stem, or `*` for any.
    spec: &'static str,
    /// Schemathesis' failure code (`ST401`).
    code: &'static str,
    /// `METHOD /path` as Schemathesis names the operation, or `*` for any.
    operation: &'static str,
    /// Text the failure's message contains.
    message: &'static str,
    reason: &'static str,
}

/// Every failure accepted, with its reason. A failure not listed here fails the test.
const ACCEPTED: &[Accepted] = &[
    Accepted {
        spec: "raff",
        code: "ST103",
        operation: "GET /api/v1/backups",
        message: "Received: 422",
        reason: "listBackups documents only 200 and 401, no 400, 422 or 4XX: a request its parameters refuse \
                 (a `vm_id` that is not a UUID, a `limit` given twice) can only get the mock's own 422 \
                 problem, as Prism answers, which the spec does not list.",
    },
    Accepted {
        spec: "taurusdb",
        code: "ST205",
        operation: "*",
        message: "`Allow: POST, DELETE` does not match the schema. Undocumented methods advertised: DELETE",
        reason: "`/v3/{project_id}/backups/create` is also `/v3/{project_id}/backups/{backup_id}` with the \
                 backup id `create` (the spec's BackupId has no pattern), so DELETE is served there and \
                 `Allow` says so; Schemathesis counts only the literal path's own methods.",
    },
];

/// One failure or error Schemathesis reported.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reported {
    code: String,
    operation: String,
    message: String,
}

impl Reported {
    fn accepted_by(&self, spec: &str) -> Option<&'static Accepted> {
        ACCEPTED.iter().find(|accepted| {
            (accepted.spec == "*" || accepted.spec == spec)
                && accepted.code == self.code
                && (accepted.operation == "*" || accepted.operation == self.operation)
                && self.message.contains(accepted.message)
        })
    }
}

fn opted_out() -> bool {
    let asked = std::env::var("SKIP_SCHEMATHESIS").is_ok_and(|v| v == "1");
    if asked && std::env::var_os("CI").is_some() {
        eprintln!("SKIP_SCHEMATHESIS is ignored where CI is set: running the peer check");
        return false;
    }
    asked
}

fn workspace() -> PathBuf {
    test_support::workspace_dir().to_path_buf()
}

/// Runs the project's install script; its last line of output is the path of `st`.
fn install() -> PathBuf {
    let script = workspace().join("tests/peer/schemathesis.sh");
    let peer_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("peer");
    let output = Command::new("bash")
        .arg(&script)
        .env("PEER_DIR", &peer_dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let st = stdout.lines().last().map(PathBuf::from);
    match st {
        Some(st) if output.status.success() && st.is_file() => st,
        _ => panic!(
            "Schemathesis could not be installed by {} (exit {}): the peer check cannot run.\n\
             {}\n\
             Fix the install (python3 with venv, and PyPI reachable), or on a developer's machine skip this \
             test with SKIP_SCHEMATHESIS=1.",
            script.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// The document the mock serves for an embedded spec (its overlay applied), written as JSON for
/// Schemathesis to read.
fn served_document(spec: &mock_server::EmbeddedSpec, dir: &Path) -> (String, PathBuf) {
    let (file_name, text) = spec.spec;
    let stem = Path::new(file_name)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .to_string();
    let is_json = file_name.to_ascii_lowercase().ends_with(".json");
    let overlay = spec.overlay.map(|(source, text)| OverlayText {
        source,
        text,
        is_json: source.to_ascii_lowercase().ends_with(".json"),
    });
    let doc = Document::parse_with_overlay(file_name, &stem, text, is_json, overlay)
        .unwrap_or_else(|e| panic!("{file_name} does not load: {e}"));
    let path = dir.join(format!("{stem}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&doc.raw).unwrap()).unwrap();
    (stem, path)
}

/// Runs Schemathesis on one spec and returns what it reported, failures and errors alike.
fn run(st: &Path, mode: Mode, spec: &Path, url: &str, report: &Path) -> Vec<Reported> {
    let output = Command::new(st)
        .current_dir(report.parent().expect("the report's folder"))
        .arg("run")
        .arg(spec)
        .args(["--url", url])
        .args(["--phases", mode.phases()])
        .args(["--checks", "all"])
        .args(["--seed", &SEED.to_string()])
        .args(["--max-examples", &MAX_EXAMPLES.to_string()])
        .args(["--workers", "1", "--no-shrink", "--request-timeout", "10"])
        .args(["-H", &format!("X-API-Key: {CREDENTIAL}")])
        .args(["-H", &format!("Authorization: Bearer {CREDENTIAL}")])
        .args(["-H", &format!("X-Auth-Token: {CREDENTIAL}")])
        .args(["--report", "ndjson", "--report-ndjson-path"])
        .arg(report)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", st.display()));
    let events = std::fs::read_to_string(report).unwrap_or_else(|e| {
        panic!(
            "Schemathesis wrote no report ({e}); it said:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let mut reported = Vec::new();
    let mut finished = false;
    let mut checked = 0usize;
    for line in events.lines().filter(|line| !line.trim().is_empty()) {
        let event: Value = serde_json::from_str(line).expect("an NDJSON event");
        let Some((kind, body)) = event.as_object().and_then(|o| o.iter().next()) else {
            continue;
        };
        match kind.as_str() {
            "EngineFinished" => finished = true,
            "NonFatalError" | "FatalError" | "Interrupted" => reported.push(Reported {
                code: kind.clone(),
                operation: body["label"].as_str().unwrap_or("-").to_string(),
                message: body.to_string(),
            }),
            _ => {}
        }
        let Some(checks) = body["recorder"]["checks"].as_object() else {
            continue;
        };
        for check in checks
            .values()
            .flat_map(|list| list.as_array().into_iter().flatten())
        {
            checked += 1;
            if check["status"] != "failure" {
                continue;
            }
            let failure = &check["failure_info"]["failure"];
            let found = Reported {
                code: failure["code"].as_str().unwrap_or("?").to_string(),
                operation: failure["operation"].as_str().unwrap_or("?").to_string(),
                message: failure["message"].as_str().unwrap_or("").to_string(),
            };
            if !reported.contains(&found) {
                reported.push(found);
            }
        }
    }
    assert!(
        finished && checked > 0,
        "Schemathesis did not finish a run on {} ({checked} checks); it said:\n{}\n{}",
        spec.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    reported
}

/// The vendored specs (from their files, whatever else `specs/` holds), `CREDENTIAL` the one valid value of
/// every scheme they declare.
fn options(mode: Mode) -> ServerOptions {
    let mut credentials = ValidCredentials::default();
    for scheme in ["ApiKeyAuth", "BearerAuth", "IamToken"] {
        credentials.add(scheme, CREDENTIAL);
    }
    ServerOptions {
        stateful: mode == Mode::Stateful,
        credentials,
        ..ServerOptions::spec_files(
            test_support::VENDORED_SPECS.map(|file| test_support::specs_dir().join(file)),
        )
    }
}

#[test]
fn schemathesis_finds_nothing_the_specs_do_not_cause() {
    if opted_out() {
        eprintln!("skipped: SKIP_SCHEMATHESIS=1");
        return;
    }
    let st = install();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut unexpected = Vec::new();
    for mode in [Mode::Stateless, Mode::Stateful] {
        let server = runtime
            .block_on(MockServer::start(options(mode)))
            .expect("the vendored specs load");
        let vendored = mock_server::embedded_specs()
            .iter()
            .filter(|spec| test_support::VENDORED_SPECS.contains(&spec.spec.0));
        for spec in vendored {
            let (stem, path) = served_document(spec, dir.path());
            let url = server.spec_url(&stem).expect("mounted under its stem");
            let report = dir.path().join(format!("{stem}-{mode:?}.ndjson"));
            for found in run(&st, mode, &path, &url, &report) {
                match found.accepted_by(&stem) {
                    Some(accepted) => eprintln!(
                        "accepted ({mode:?}): {stem}: {} {}: {}\n  because {}",
                        found.code, found.operation, found.message, accepted.reason
                    ),
                    None => unexpected.push(format!(
                        "{mode:?}: {stem}: {} {}: {}",
                        found.code, found.operation, found.message
                    )),
                }
            }
        }
        runtime.block_on(server.shutdown());
    }
    assert!(
        unexpected.is_empty(),
        "Schemathesis found {} failure(s) the specs do not cause (reproduce: {} run specs/<spec>.yaml --url \
         http://127.0.0.1:4010/<spec> --phases examples,coverage,fuzzing[,stateful] --checks all --seed \
         {SEED} --max-examples {MAX_EXAMPLES} -H 'X-API-Key: {CREDENTIAL}' …, against `mock-server \
         [--stateful] --credential ApiKeyAuth={CREDENTIAL} …`):\n{}",
        unexpected.len(),
        st.display(),
        unexpected.join("\n")
    );
}
