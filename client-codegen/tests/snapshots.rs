//! Snapshots of the generated code: for each spec below, the code the generator makes now must equal the
//! file kept in `testing/snapshots/src/generated/` (a crate of the workspace, so every snapshot also compiles).
//! A generator change or a progenitor upgrade fails this test until the snapshots are refreshed with
//!
//! ```text
//! SNAPSHOTS_BLESS=1 cargo test -p client-codegen --test snapshots
//! ```
//!
//! and the diff is read and committed with the change.

use std::path::{Path, PathBuf};

/// `(spec file, snapshot name)`, paths from the workspace root: every response shape fixture, the corpus
/// documents for the constructs that break generators, a public example, and one vendored spec. The
/// snapshot crate (`testing/snapshots/src/lib.rs`) includes each.
const SNAPSHOTS: &[(&str, &str)] = &[
    (
        "testing/client-shapes/specs/differing_errors.yaml",
        "differing_errors",
    ),
    (
        "testing/client-shapes/specs/ok_or_no_content.yaml",
        "ok_or_no_content",
    ),
    (
        "testing/client-shapes/specs/paged_lists.yaml",
        "paged_lists",
    ),
    (
        "testing/client-shapes/specs/problem_json.yaml",
        "problem_json",
    ),
    (
        "testing/corpus-shapes/specs/array-header.yaml",
        "array_header",
    ),
    (
        "testing/corpus-shapes/specs/big-integer.yaml",
        "big_integer",
    ),
    (
        "testing/corpus-shapes/specs/builder-name-param.yaml",
        "builder_name_param",
    ),
    ("testing/corpus-shapes/specs/image-body.yaml", "image_body"),
    (
        "testing/corpus-shapes/specs/keyword-param.yaml",
        "keyword_param",
    ),
    (
        "testing/corpus-shapes/specs/nullable-one-of.yaml",
        "nullable_one_of",
    ),
    (
        "testing/corpus-shapes/specs/octet-stream-body.yaml",
        "octet_stream_body",
    ),
    ("testing/corpus-shapes/specs/openapi-31.yaml", "openapi_31"),
    ("testing/corpus-shapes/specs/multipart.yaml", "multipart"),
    (
        "testing/corpus-shapes/specs/options-method.yaml",
        "options_method",
    ),
    (
        "testing/corpus-shapes/specs/param-name-collision.yaml",
        "param_name_collision",
    ),
    ("testing/corpus-shapes/specs/type-list.yaml", "type_list"),
    (
        "testing/corpus-shapes/specs/undeclared-path-param.yaml",
        "undeclared_path_param",
    ),
    (
        "testing/corpus-shapes/specs/websocket-101.yaml",
        "websocket_101",
    ),
    (
        "testing/corpus-shapes/specs/petstore-expanded.yaml",
        "petstore_expanded",
    ),
    ("specs/taurusdb.yaml", "taurusdb"),
];

const BLESS_ENV: &str = "SNAPSHOTS_BLESS";

fn workspace() -> &'static Path {
    test_support::workspace_dir()
}

fn snapshot_dir() -> PathBuf {
    workspace().join("testing/snapshots/src/generated")
}

/// The code generated for one spec file on its own (with its overlay, if it has one).
fn generate(spec: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(spec, dir.path().join(spec.file_name().unwrap())).unwrap();
    let stem = spec.file_stem().unwrap().to_string_lossy();
    let overlay = spec.with_file_name(format!("{stem}.overlay.yaml"));
    if overlay.exists() {
        std::fs::copy(&overlay, dir.path().join(overlay.file_name().unwrap())).unwrap();
    }
    client_codegen::generate_clients(dir.path())
        .unwrap_or_else(|e| panic!("{}: {e}", spec.display()))
        .code
}

#[test]
fn generated_code_matches_its_snapshot() {
    let mut stale = Vec::new();
    for (spec, name) in SNAPSHOTS {
        let code = generate(&workspace().join(spec));
        let file = snapshot_dir().join(format!("{name}.rs"));
        if let Err(difference) = test_support::check_golden(&file, &code, BLESS_ENV) {
            stale.push(format!("{spec}: {difference}"));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\n\nIf the change is intended, refresh the snapshots with `{BLESS_ENV}=1 cargo test -p client-codegen \
         --test snapshots` and review the diff.",
        stale.join("\n")
    );
}

/// (Skipped while blessing: the other test is writing the files.)
#[test]
fn every_snapshot_file_belongs_to_a_spec() {
    if test_support::blessing(BLESS_ENV) {
        return;
    }
    let mut files: Vec<String> = std::fs::read_dir(snapshot_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = SNAPSHOTS
        .iter()
        .map(|(_, name)| format!("{name}.rs"))
        .collect();
    expected.sort();
    assert_eq!(
        files, expected,
        "a snapshot without a spec, or a spec without a snapshot"
    );
}
