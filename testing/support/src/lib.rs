//! What the project's tests share: where the specs are, the vendored ones by name and their operations,
//! golden files (compared, or written when blessing), and the programs a test needs, installed by the
//! project's own scripts in `.ci/`.

use std::path::{Path, PathBuf};

use apispec::{Document, Operation};

/// The project's own specs, kept true to the providers (`specs/ERRATA.md`). A user may add documents of
/// their own beside them; tests about the vendored specs name these four and ignore the rest.
pub const VENDORED_SPECS: [&str; 4] =
    ["hostup.yaml", "nethesis.yaml", "raff.yaml", "taurusdb.yaml"];

/// The workspace's root directory.
pub fn workspace_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("test-support is at testing/support in the workspace")
}

/// `specs/`, the documents the clients are built from and the mock embeds.
pub fn specs_dir() -> PathBuf {
    workspace_dir().join("specs")
}

/// A vendored spec by its stem (`raff`), loaded; a spec that does not load fails the test with its error.
pub fn vendored_spec(stem: &str) -> Document {
    Document::load(&specs_dir().join(format!("{stem}.yaml"))).unwrap_or_else(|e| panic!("{e}"))
}

/// The operation `id` of `doc`; one the document lacks fails the test, naming both.
pub fn operation<'d>(doc: &'d Document, id: &str) -> &'d Operation {
    doc.operations
        .iter()
        .find(|op| op.id == id)
        .unwrap_or_else(|| panic!("{} has no operation `{id}`", doc.source))
}

/// Whether `bless_variable` is set (to anything but empty or `0`): golden files are then written, not compared.
pub fn blessing(bless_variable: &str) -> bool {
    std::env::var(bless_variable).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Compares `actual` with the golden file at `path`, or writes it there when `bless_variable` is set. The
/// error names the file, the first line that differs (now and kept), and the variable that refreshes it.
pub fn check_golden(path: &Path, actual: &str, bless_variable: &str) -> Result<(), String> {
    let kept = std::fs::read_to_string(path).unwrap_or_default();
    if kept == actual {
        return Ok(());
    }
    if blessing(bless_variable) {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        return std::fs::write(path, actual).map_err(|e| format!("{}: {e}", path.display()));
    }
    let line = actual
        .lines()
        .zip(kept.lines())
        .position(|(now, before)| now != before)
        .unwrap_or_else(|| actual.lines().count().min(kept.lines().count()));
    Err(format!(
        "{} differs from line {} (run with {bless_variable}=1 to refresh it, then read the diff)\n  now:  {}\n  kept: {}",
        path.strip_prefix(workspace_dir()).unwrap_or(path).display(),
        line + 1,
        actual.lines().nth(line).unwrap_or("(end of text)"),
        kept.lines().nth(line).unwrap_or("(end of file)"),
    ))
}

/// Whether every program answers `--version`; when not, runs the project's install script (`.ci/SCRIPT`) and
/// looks again. `false` only when they are still missing and `skip_variable=1` asks to skip; otherwise a
/// missing program fails the test, saying how to install it.
pub fn programs_installed(programs: &[&str], script: &str, skip_variable: &str) -> bool {
    let installed = || {
        programs.iter().all(|program| {
            std::process::Command::new(program)
                .arg("--version")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
    };
    if installed() {
        return true;
    }
    let script = workspace_dir().join(".ci").join(script);
    let ran = std::process::Command::new("bash").arg(&script).status();
    if installed() {
        return true;
    }
    if std::env::var(skip_variable).as_deref() == Ok("1") {
        eprintln!(
            "skipped: no {}, and {skip_variable}=1",
            programs.join(" or ")
        );
        return false;
    }
    panic!(
        "{} needed by this test and could not be installed ({} gave {ran:?}); install the Debian \
         packages, or set {skip_variable}=1 to skip it locally",
        programs.join(" and "),
        script.display()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_golden_file_that_differs_is_named_with_its_first_differing_line() {
        let path =
            std::env::temp_dir().join(format!("test-support-golden-{}.txt", std::process::id()));
        std::fs::write(&path, "one\ntwo\nthree\n").unwrap();
        assert_eq!(
            check_golden(&path, "one\ntwo\nthree\n", "TEST_SUPPORT_UNSET_BLESS"),
            Ok(())
        );
        let error = check_golden(&path, "one\n2\nthree\n", "TEST_SUPPORT_UNSET_BLESS").unwrap_err();
        std::fs::remove_file(&path).unwrap();
        assert!(error.contains("differs from line 2"), "{error}");
        assert!(
            error.contains("now:  2") && error.contains("kept: two"),
            "{error}"
        );
        assert!(error.contains("TEST_SUPPORT_UNSET_BLESS=1"), "{error}");
    }

    #[test]
    fn the_vendored_specs_and_their_operations_are_found_by_name() {
        for file in VENDORED_SPECS {
            assert!(specs_dir().join(file).is_file(), "{file}");
        }
        let raff = vendored_spec("raff");
        assert_eq!(
            operation(&raff, "deleteBackupChain").id,
            "deleteBackupChain"
        );
    }
}
