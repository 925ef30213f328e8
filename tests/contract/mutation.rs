//! The suite can fail: a copy of the specs with one response example changed against its schema is served
//! by the mock, and the affected case fails with a message naming the field. The client still comes from
//! the real specs, as an application's would when its provider starts answering differently. A case
//! whose own example breaks its schema is set aside (ignored, with the violation), not run.

use libtest_mimic::{Failed, Trial};

use crate::cases::{self, Case};
use crate::{specs_dir, start_mock, suite};

pub(crate) fn trials() -> Vec<Trial> {
    // Named examples: the mock serves an example that breaks its schema only when asked for it by name.
    vec![
        Trial::test("suite/a_field_of_the_wrong_type_fails_its_case", || {
            let from = "summary: No backup object with this id\n              value:\n                code: 404\n";
            let to = "summary: No backup object with this id\n              value:\n                code: four-oh-four\n";
            expect_failure(
                "nethesis",
                from,
                to,
                "nethesis/deleteSystemBackup/404/backup_not_found",
                "at /code",
            )
        }),
        Trial::test("suite/a_missing_required_field_fails_its_case", || {
            let from = "detail: The VPS could not be found.\n                code: vps_not_found\n";
            let to = "detail: The VPS could not be found.\n";
            expect_failure(
                "hostup",
                from,
                to,
                "hostup/deleteVpsBackup/404/vps_not_found",
                "\"code\" is a required property",
            )
        }),
        Trial::test(
            "suite/a_case_whose_own_example_breaks_its_schema_is_set_aside_with_the_reason",
            || {
                let text = std::fs::read_to_string(specs_dir().join("hostup.yaml"))
                    .map_err(|e| e.to_string())?;
                // The 429 example's `status` becomes a string.
                let broken = text.replacen("status: 429", "status: '429'", 1);
                if broken == text {
                    return Err("the edit does not apply to hostup".into());
                }
                let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
                let path = dir.path().join("hostup.yaml");
                std::fs::write(&path, broken).map_err(|e| e.to_string())?;
                let doc = apispec::Document::load(&path).map_err(|e| e.to_string())?;
                let cases = cases::cases_of(&doc);
                let rate_limited: Vec<&Case> = cases
                    .iter()
                    .filter(|c| c.name().ends_with("/429/rate_limit_exceeded"))
                    .collect();
                let set_aside: Vec<&Case> =
                    cases.iter().filter(|c| c.spec_defect.is_some()).collect();
                if rate_limited.is_empty() || set_aside.len() != rate_limited.len() {
                    return Err(format!(
                        "{} cases set aside, {} expect the broken example",
                        set_aside.len(),
                        rate_limited.len()
                    )
                    .into());
                }
                match set_aside.iter().find(|c| {
                    !c.name().ends_with("/429/rate_limit_exceeded")
                        || !c.spec_defect.as_deref().is_some_and(|d| {
                            d.contains("at /status") && d.contains("rate_limit_exceeded")
                        })
                }) {
                    Some(case) => {
                        Err(format!("{} set aside as {:?}", case.name(), case.spec_defect).into())
                    }
                    None => Ok(()),
                }
            },
        ),
    ]
}

/// Serves the specs with `from` replaced by `to` in `spec`, runs `case_name`, and requires it to fail
/// with a message that mentions `field`.
fn expect_failure(
    spec: &str,
    from: &str,
    to: &str,
    case_name: &str,
    field: &str,
) -> Result<(), Failed> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    for file in client_codegen::spec_files(&specs_dir()).map_err(|e| e.to_string())? {
        let target = dir.path().join(file.file_name().ok_or("a file name")?);
        let mut text = std::fs::read_to_string(&file).map_err(|e| e.to_string())?;
        if file.file_stem().is_some_and(|s| s == spec) {
            let changed = text.replacen(from, to, 1);
            if changed == text {
                return Err(format!("the edit `{from}` → `{to}` does not apply to {spec}").into());
            }
            text = changed;
        }
        std::fs::write(&target, text).map_err(|e| e.to_string())?;
    }
    let original = cases::load_specs(&specs_dir());
    let doc = original.iter().find(|d| d.name == spec).ok_or("the spec")?;
    let case: Case = cases::cases_of(doc)
        .into_iter()
        .find(|c| c.name() == case_name)
        .ok_or("the case")?;

    let outcome = suite().runtime.block_on(async {
        let mock = start_mock(dir.path()).await;
        cases::run(&case, doc, &mock.url()).await
    });
    match outcome {
        Ok(()) => Err(format!("{case_name} passed against a broken example").into()),
        Err(message) if message.contains(field) => Ok(()),
        Err(message) => Err(format!(
            "{case_name} failed, but its message does not name `{field}`:\n{message}"
        )
        .into()),
    }
}
