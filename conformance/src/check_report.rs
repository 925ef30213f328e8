//! The three forms of a `check` report.
//!
//! - human: one block per finding, like a compiler's, then a summary line;
//! - json: JSON Lines, one object per finding (nothing at all when every file is clean);
//! - junit: one `testsuite` per file and one `testcase` per (file, rule): a rule with findings fails with
//!   all of them in its text, a rule without passes, and the rules that could not run because the document
//!   did not load are skipped.

use crate::check::{FileReport, Finding, RULES, Severity};
use crate::junit::{self, CaseResult, TestCase, TestSuite};

fn place(f: &Finding) -> String {
    match (f.line, f.column) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", f.file),
        _ => f.file.clone(),
    }
}

/// One finding as a compiler would print it.
pub fn human_finding(f: &Finding) -> String {
    let mut out = format!(
        "{}[{}]: {}\n  --> {}\n",
        f.severity.as_str(),
        f.rule,
        f.message,
        place(f)
    );
    if let Some(pointer) = &f.pointer {
        out.push_str(&format!("   = pointer: {pointer}\n"));
    }
    if let Some(expected) = &f.expected {
        out.push_str(&format!("   = expected: {expected}"));
        if let (Some(pointer), Some(at)) = (&f.schema_pointer, &f.schema_location) {
            out.push_str(&format!(" (schema {pointer} at {at})"));
        }
        out.push('\n');
    }
    if let Some(actual) = &f.actual {
        out.push_str(&format!("   = actual: {actual}\n"));
    }
    if let Some(hint) = &f.hint {
        out.push_str(&format!("   = help: {hint}\n"));
    }
    out
}

/// The findings as a person reads them: each with its place, rule, message and help, then a summary.
pub fn human(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        out.push_str(&human_finding(finding));
        out.push('\n');
    }
    let findings: Vec<&Finding> = reports.iter().flat_map(|r| &r.findings).collect();
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let files_with = reports.iter().filter(|r| !r.findings.is_empty()).count();
    let files = plural(reports.len(), "file");
    if findings.is_empty() {
        out.push_str(&format!("check: {files} checked, no findings\n"));
    } else {
        out.push_str(&format!(
            "check: {files} checked, {} and {} in {}\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files_with, "file")
        ));
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The findings as JSON Lines, one object per finding.
pub fn json(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for finding in reports.iter().flat_map(|r| &r.findings) {
        out.push_str(&serde_json::to_string(finding).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// The findings as JUnit XML: a suite per file, a test case per rule (failed when it found something).
pub fn junit(reports: &[FileReport]) -> String {
    let suites: Vec<TestSuite> = reports
        .iter()
        .map(|report| {
            let load_rule = report
                .findings
                .first()
                .filter(|_| !report.loaded)
                .map(|f| f.rule);
            let cases = RULES
                .iter()
                .map(|rule| {
                    let found: Vec<&Finding> =
                        report.findings.iter().filter(|f| f.rule == *rule).collect();
                    let outcome = if !found.is_empty() {
                        CaseResult::Failed {
                            kind: rule.as_str().to_string(),
                            message: format!(
                                "{}: {}",
                                plural(found.len(), "finding"),
                                rule.summary()
                            ),
                            text: found.iter().map(|f| human_finding(f)).collect(),
                        }
                    } else if load_rule.is_some() {
                        CaseResult::Skipped {
                            message: "the document did not load".into(),
                        }
                    } else {
                        CaseResult::Passed
                    };
                    TestCase {
                        classname: report.file.clone(),
                        name: rule.as_str().to_string(),
                        outcome,
                        time: None,
                    }
                })
                .collect();
            TestSuite {
                name: report.file.clone(),
                cases,
            }
        })
        .collect();
    junit::render("conformance check", &suites)
}
