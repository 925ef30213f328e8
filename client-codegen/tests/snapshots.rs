//! Snapshots of the generated code: for each spec below, the code the generator makes now must equal the
//! file kept in `tests/snapshots/src/generated/` (a crate of the workspace, so every snapshot also compiles).
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
/// snapshot crate (`tests/snapshots/src/lib.rs`) includes each.
const SNAPSHOTS: &[(&str, &str)] = &[
    (
        "tests/client-shapes/specs/differing_errors.yaml",
        "differing_errors",
    ),
    (
        "tests/client-shapes/specs/ok_or_no_content.yaml",
        "ok_or_no_content",
    ),
    ("tests/client-shapes/specs/paged_lists.yaml", "paged_lists"),
    (
        "tests/client-shapes/specs/problem_json.yaml",
        "problem_json",
    ),
    (
        "tests/corpus-shapes/specs/array-header.yaml",
        "array_header",
    ),
    ("tests/corpus-shapes/specs/big-integer.yaml", "big_integer"),
    (
        "tests/corpus-shapes/specs/builder-name-param.yaml",
        "builder_name_param",
    ),
    ("tests/corpus-shapes/specs/image-body.yaml", "image_body"),
    (
        "tests/corpus-shapes/specs/keyword-param.yaml",
        "keyword_param",
    ),
    (
        "tests/corpus-shapes/specs/nullable-one-of.yaml",
        "nullable_one_of",
    ),
    (
        "tests/corpus-shapes/specs/octet-stream-body.yaml",
        "octet_stream_body",
    ),
    ("tests/corpus-shapes/specs/openapi-31.yaml", "openapi_31"),
    ("tests/corpus-shapes/specs/multipart.yaml", "multipart"),
    (
        "tests/corpus-shapes/specs/options-method.yaml",
        "options_method",
    ),
    (
        "tests/corpus-shapes/specs/param-name-collision.yaml",
        "param_name_collision",
    ),
    ("tests/corpus-shapes/specs/type-list.yaml", "type_list"),
    (
        "tests/corpus-shapes/specs/undeclared-path-param.yaml",
        "undeclared_path_param",
    ),
    (
        "tests/corpus-shapes/specs/websocket-101.yaml",
        "websocket_101",
    ),
    (
        "tests/corpus-shapes/specs/petstore-expanded.yaml",
        "petstore_expanded",
    ),
    ("specs/taurusdb.yaml", "taurusdb"),
];

const BLESS_ENV: &str = "SNAPSHOTS_BLESS";

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("client-codegen is in the workspace")
        .to_path_buf()
}

fn snapshot_dir() -> PathBuf {
    workspace().join("tests/snapshots/src/generated")
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

fn blessing() -> bool {
    std::env::var(BLESS_ENV).is_ok_and(|v| !v.is_empty() && v != "0")
}

#[test]
fn generated_code_matches_its_snapshot() {
    let bless = blessing();
    let mut stale = Vec::new();
    for (spec, name) in SNAPSHOTS {
        let code = generate(&workspace().join(spec));
        let file = snapshot_dir().join(format!("{name}.rs"));
        let kept = std::fs::read_to_string(&file).unwrap_or_default();
        if code == kept {
            continue;
        }
        if bless {
            std::fs::write(&file, &code).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            continue;
        }
        let line = code
            .lines()
            .zip(kept.lines())
            .position(|(new, old)| new != old)
            .unwrap_or_else(|| code.lines().count().min(kept.lines().count()));
        stale.push(format!(
            "{spec}: the generated code differs from {} from line {}\n  now:  {}\n  kept: {}",
            file.strip_prefix(workspace()).unwrap_or(&file).display(),
            line + 1,
            code.lines().nth(line).unwrap_or("(end of file)"),
            kept.lines().nth(line).unwrap_or("(end of file)"),
        ));
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
    if blessing() {
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
