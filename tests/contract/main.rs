//! The contract suite: every documented response of every spec in `specs/`, driven through the generated
//! clients against the in-process mock server. Cases come from the specs, so a spec file added to `specs/`
//! adds its cases with no other change. Each case is a test named `spec/operationId/status[/example]`:
//!
//! ```text
//! cargo test --test contract                              # every case
//! cargo test --test contract -- raff/deleteBackup/409     # one case (any name filter works)
//! ```

mod cases;
mod count;
mod flows;
mod mutation;
mod resilience;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use apispec::Document;
use libtest_mimic::{Arguments, Failed, Trial};

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

pub fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("specs")
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
    for doc in &specs {
        for case in cases::cases_of(doc) {
            let doc = Arc::clone(doc);
            trials.push(Trial::test(case.name(), move || {
                let suite = suite();
                suite
                    .runtime
                    .block_on(cases::run(&case, &doc, &suite.mock_url))
                    .map_err(Failed::from)
            }));
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
    libtest_mimic::run(&arguments, trials).exit();
}
