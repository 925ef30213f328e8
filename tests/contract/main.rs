//! The contract suite: every documented response of every spec in `specs/`, driven through the generated
//! clients against the in-process mock server. Cases come from the specs, so a spec file added to `specs/`
//! adds its cases with no other change. Each case is a test named `spec/operationId/status[/example]`:
//!
//! ```text
//! cargo test --test contract                              # every case
//! cargo test --test contract -- raff/deleteBackup/409     # one case (any name filter works)
//! ```
//!
//! A case whose own example (a parameter's, the request body's, or the response's it expects) breaks
//! its schema is ignored and listed with the violation: the document is at fault, not the client.
//! `conformance check` reports the same examples; the vendored specs have none.

mod cases;
mod count;
mod flows;
mod mutation;
mod resilience;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use apispec::Document;
use libtest_mimic::{Arguments, Failed, Trial};
use test_support::specs_dir;

/// One runtime and one mock server for the whole suite.
struct Suite {
    runtime: tokio::runtime::Runtime,
    mock_url: String,
    _mock: mock_server::MockServer,
}

fn suite() -> &'static Suite {
    static SUITE: OnceLock<Suite> = OnceLock::new();
    SUITE.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        let mock = runtime.block_on(start_mock(&specs_dir()));
        Suite {
            mock_url: mock.url(),
            _mock: mock,
            runtime,
        }
    })
}

/// The mock serving every spec file of `dir`, each under `/<name>`, on 127.0.0.1 and an ephemeral port.
pub async fn start_mock(dir: &Path) -> mock_server::MockServer {
    let files = client_codegen::spec_files(dir).unwrap_or_else(|e| panic!("{e}"));
    let options = mock_server::ServerOptions {
        mount: mock_server::Mount::Prefixed,
        ..mock_server::ServerOptions::spec_files(files)
    };
    mock_server::MockServer::start(options)
        .await
        .unwrap_or_else(|e| panic!("the mock server did not start: {e}"))
}

fn main() {
    let arguments = Arguments::from_args();
    let specs: Vec<Arc<Document>> = cases::load_specs(&specs_dir())
        .into_iter()
        .map(Arc::new)
        .collect();
    let mut trials = Vec::new();
    let mut spec_defects = Vec::new();
    for doc in &specs {
        for case in cases::cases_of(doc) {
            let doc = Arc::clone(doc);
            let ignored = case.spec_defect.is_some();
            if let Some(defect) = &case.spec_defect {
                spec_defects.push((case.name(), defect.clone()));
            }
            let trial = Trial::test(case.name(), move || {
                let suite = suite();
                suite
                    .runtime
                    .block_on(cases::run(&case, &doc, &suite.mock_url))
                    .map_err(Failed::from)
            });
            trials.push(trial.with_ignored_flag(ignored));
        }
    }
    if !spec_defects.is_empty() && !arguments.list {
        eprintln!(
            "{} cases ignored: an example they send or expect breaks its own schema, so they cannot judge \
             the client (fix the example, or the document with an overlay; `--include-ignored` runs them):",
            spec_defects.len()
        );
        for (case, defect) in &spec_defects {
            eprintln!("  {case}: {defect}");
        }
    }
    let case_count = trials.len();
    trials.push(Trial::test(
        "suite/case_count_equals_the_specs_combinations",
        move || count::check(case_count, &specs_dir()),
    ));
    trials.extend(mutation::trials());
    trials.extend(flows::trials());
    trials.extend(resilience::trials());
    let whole_run = arguments.filter.is_none() && arguments.skip.is_empty() && !arguments.list;
    let conclusion = libtest_mimic::run(&arguments, trials);
    let ignored: BTreeSet<String> = spec_defects.into_iter().map(|(case, _)| case).collect();
    if whole_run && !conclusion.has_failed() && !publish_coverage(&ignored) {
        std::process::exit(101);
    }
    conclusion.exit();
}

/// Writes the coverage of the suite's mock (every documented response of every spec, asked for by the
/// cases) to `target/contract-coverage/` as text, JSON, JUnit and HTML, prints its summary, and says
/// whether it is complete: every response asked for, but those of the `ignored` cases.
fn publish_coverage(ignored: &BTreeSet<String>) -> bool {
    let suite = suite();
    let report = match suite.runtime.block_on(suite._mock.coverage(None)) {
        Ok(report) => report,
        Err(error) => {
            eprintln!("coverage: the mock's counts cannot be read: {error}");
            return false;
        }
    };
    let dir = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .join("contract-coverage");
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        std::fs::write(dir.join("coverage.txt"), report.to_text())?;
        std::fs::write(
            dir.join("coverage.json"),
            serde_json::to_vec_pretty(&report).unwrap_or_default(),
        )?;
        std::fs::write(dir.join("junit.xml"), report.to_junit())?;
        std::fs::write(dir.join("coverage.html"), report.to_html())
    });
    if let Err(error) = written {
        eprintln!("coverage: cannot write {}: {error}", dir.display());
    }
    println!(
        "coverage of the specs by the contract cases: {} of {} documented responses ({}%), in {}",
        report.served,
        report.documented,
        report.percent,
        dir.display()
    );
    let mut complete = true;
    for spec in &report.specs {
        for op in &spec.operations {
            for response in op.responses.iter().filter(|r| r.served == 0) {
                let mut case = format!("{}/{}/{}", spec.spec, op.operation, response.status);
                if let Some(example) = &response.example {
                    case.push('/');
                    case.push_str(example);
                }
                if ignored.contains(&case) {
                    continue;
                }
                if complete {
                    eprintln!("documented responses no case asked for:");
                    complete = false;
                }
                eprintln!("  {}.{} {}", spec.spec, op.operation, response.label());
            }
        }
    }
    complete
}
