//! The three forms of a `verify` report.
//!
//! - human: one line per case (`PASS`/`FAIL`/`ERROR`), each failure with its rule, where, expected and
//!   actual, and a curl line reproducing it; then a summary;
//! - json: JSON Lines, one object per case (passed ones too);
//! - junit: one `testsuite` per spec, one `testcase` per case (`classname` = spec name and operationId).

use crate::junit::{self, CaseResult, TestCase, TestSuite};
use crate::verify::{CaseReport, Outcome};

fn title(case: &CaseReport) -> String {
    let status = case.status.map(|s| format!(" -> {s}")).unwrap_or_default();
    format!(
        "{} {} {} [{}]{status}",
        case.operation, case.method, case.path, case.case
    )
}

/// The details of a case that did not pass.
pub fn human_details(case: &CaseReport) -> String {
    let mut out = String::new();
    if let Some(error) = &case.error {
        out.push_str(&format!("  error: {error}\n"));
    }
    for failure in &case.failures {
        out.push_str(&format!("  {}: {}\n", failure.rule, failure.message));
        match failure.pointer.as_deref() {
            Some("") => out.push_str("    body pointer: \"\" (the root of the body)\n"),
            Some(pointer) => out.push_str(&format!("    body pointer: {pointer}\n")),
            None => {}
        }
        if let Some(header) = &failure.header {
            out.push_str(&format!("    header: {header}\n"));
        }
        match &failure.spec_location {
            Some(at) => out.push_str(&format!("    spec: {at} {}\n", failure.spec_pointer)),
            None => out.push_str(&format!("    spec: {}\n", failure.spec_pointer)),
        }
        out.push_str(&format!("    expected: {}\n", failure.expected));
        out.push_str(&format!("    actual: {}\n", failure.actual));
    }
    out.push_str(&format!("  reproduce: {}\n", case.curl));
    out
}

/// The cases as a person reads them: each with its outcome, failures and a curl line, then a summary.
pub fn human(cases: &[CaseReport]) -> String {
    let mut out = String::new();
    for case in cases {
        let label = match case.outcome {
            Outcome::Passed => "PASS ",
            Outcome::Failed => "FAIL ",
            Outcome::Errored => "ERROR",
        };
        out.push_str(&format!("{label} {}\n", title(case)));
        if case.outcome != Outcome::Passed {
            out.push_str(&human_details(case));
        }
    }
    let count = |o: Outcome| cases.iter().filter(|c| c.outcome == o).count();
    out.push_str(&format!(
        "verify: {} cases, {} passed, {} failed, {} errored\n",
        cases.len(),
        count(Outcome::Passed),
        count(Outcome::Failed),
        count(Outcome::Errored)
    ));
    if cases
        .iter()
        .any(|c| c.outcome != Outcome::Passed && c.curl.contains("$CONFORMANCE_"))
    {
        out.push_str(
            "note: the curl lines read credentials from the environment variables they name\n",
        );
    }
    out
}

/// The cases as JSON Lines, one object per case.
pub fn json(cases: &[CaseReport]) -> String {
    let mut out = String::new();
    for case in cases {
        out.push_str(&serde_json::to_string(case).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The cases as JUnit XML: a suite per spec, a test case per case.
pub fn junit(cases: &[CaseReport]) -> String {
    let mut suites: Vec<TestSuite> = Vec::new();
    for case in cases {
        let suite = match suites.iter_mut().find(|s| s.name == case.spec) {
            Some(suite) => suite,
            None => {
                suites.push(TestSuite {
                    name: case.spec.clone(),
                    cases: Vec::new(),
                });
                suites.last_mut().expect("just pushed")
            }
        };
        let outcome = match case.outcome {
            Outcome::Passed => CaseResult::Passed,
            Outcome::Failed => {
                let mut rules: Vec<&str> = case.failures.iter().map(|f| f.rule.as_str()).collect();
                rules.dedup();
                CaseResult::Failed {
                    kind: rules.join(","),
                    message: case
                        .failures
                        .iter()
                        .map(|f| format!("{}: {}", f.rule, f.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                    text: human_details(case),
                }
            }
            Outcome::Errored => CaseResult::Errored {
                message: case.error.clone().unwrap_or_default(),
                text: human_details(case),
            },
        };
        suite.cases.push(TestCase {
            classname: format!("{}.{}", case.spec, case.operation),
            name: format!("{} {} [{}]", case.method, case.path, case.case),
            outcome,
            time: Some(case.duration_ms as f64 / 1000.0),
        });
    }
    junit::render("conformance verify", &suites)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::CaseKind;
    use crate::verify::checks::CheckFailure;

    #[test]
    fn a_failure_at_the_body_root_names_the_root() {
        let mut failure = CheckFailure::new(
            crate::verify::checks::Check::ResponseSchemaConformance,
            "/components/schemas/Thing/required",
            "the 200 body breaks its schema: \"name\" is a required property",
            "required: [\"id\",\"name\"]",
            "{\"id\":\"a\"}",
        );
        failure.pointer = Some(String::new());
        let case = CaseReport {
            spec: "s.yaml".into(),
            operation: "getThing".into(),
            method: "GET".into(),
            path: "/thing".into(),
            case: "examples".into(),
            kind: CaseKind::Example,
            outcome: Outcome::Failed,
            status: Some(200),
            failures: vec![failure],
            error: None,
            curl: "curl".into(),
            duration_ms: 0,
        };
        let text = human_details(&case);
        assert!(
            text.contains("    body pointer: \"\" (the root of the body)\n"),
            "{text}"
        );
    }
}
