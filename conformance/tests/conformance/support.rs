//! Shared helpers: running the binary from the crate's directory, and golden files.

use std::path::Path;
use std::process::Command;

pub(crate) struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub(crate) fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `conformance ARGS...` in the crate's directory, so paths in its output are relative and stable.
pub(crate) fn conformance(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_conformance"))
        .args(args)
        .current_dir(crate_dir())
        .env_remove("CONFORMANCE_BEARER")
        .env_remove("CONFORMANCE_API_KEY")
        .output()
        .expect("the conformance binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Compares `actual` with `tests/expected/NAME`, or writes it there when `CONFORMANCE_BLESS` is set.
pub(crate) fn assert_golden(name: &str, actual: &str) {
    let path = crate_dir().join("tests/expected").join(name);
    if let Err(difference) = test_support::check_golden(&path, actual, "CONFORMANCE_BLESS") {
        panic!("{difference}\n--- actual\n{actual}");
    }
}
