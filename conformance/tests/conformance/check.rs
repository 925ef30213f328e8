//! `conformance check`: one small bad spec per rule, with its exact output.

use crate::support::{assert_golden, conformance};

/// Checks one fixture: exit code 1, the exact human and JSON output, and the rule of every finding.
fn check_fixture(file: &str, rules: &[&str]) {
    let path = format!("tests/fixtures/{file}");
    let human = conformance(&["check", &path]);
    assert_eq!(human.code, 1, "{}{}", human.stdout, human.stderr);
    assert_eq!(human.stderr, "");
    assert_golden(&format!("{file}.txt"), &human.stdout);

    let json = conformance(&["check", "--format", "json", &path]);
    assert_eq!(json.code, 1);
    assert_golden(&format!("{file}.jsonl"), &json.stdout);
    let found: Vec<String> = json
        .stdout
        .lines()
        .map(|line| {
            let finding: serde_json::Value =
                serde_json::from_str(line).expect("one JSON object per line");
            assert_eq!(finding["file"], path.as_str());
            finding["rule"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(found, rules);
}

#[test]
fn vendored_specs_are_clean() {
    let run = conformance(&[
        "check",
        "../specs/hostup.yaml",
        "../specs/nethesis.yaml",
        "../specs/raff.yaml",
        "../specs/taurusdb.yaml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "check: 4 files checked, no findings\n");
    let json = conformance(&["check", "--format", "json", "../specs/raff.yaml"]);
    assert_eq!((json.code, json.stdout.as_str()), (0, ""));
}

#[test]
fn a_clean_spec_passes() {
    let run = conformance(&["check", "tests/fixtures/clean.yaml"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "check: 1 file checked, no findings\n")
    );
}

#[test]
fn parse_error() {
    check_fixture("parse_error.yaml", &["parse-error"]);
}

#[test]
fn invalid_file_name() {
    // The name is reported, and so is what the document itself has.
    check_fixture(
        "bad name.yaml",
        &["invalid-file-name", "missing-operation-id"],
    );
}

#[test]
fn ref_cycle() {
    check_fixture("ref_cycle.yaml", &["ref-cycle", "ref-cycle", "ref-cycle"]);
}

#[test]
fn invalid_document() {
    check_fixture("invalid_document.yaml", &["invalid-document"]);
}

#[test]
fn unresolved_ref() {
    check_fixture(
        "unresolved_ref.yaml",
        &["client-unsupported", "unresolved-ref"],
    );
}

#[test]
fn missing_operation_id() {
    check_fixture("missing_operation_id.yaml", &["missing-operation-id"]);
}

#[test]
fn duplicate_operation_id() {
    // The client build refuses the same pair (their method names clash): both are reported.
    check_fixture("duplicate_operation_id.yaml", &["duplicate-operation-id"]);
}

#[test]
fn invalid_examples_of_every_kind() {
    // Parameter, named body example, response header, inline response body, schema-level example.
    check_fixture("invalid_example.yaml", &["invalid-example"; 5]);
}

#[test]
fn invalid_example_in_a_json_spec_is_located_in_the_json_text() {
    check_fixture("json_example.json", &["invalid-example"]);
}

#[test]
fn invalid_schema() {
    check_fixture(
        "invalid_schema.yaml",
        &["invalid-schema", "client-unsupported"],
    );
}

#[test]
fn json_response_without_schema() {
    check_fixture(
        "json_response_without_schema.yaml",
        &["json-response-without-schema"; 2],
    );
}

#[test]
fn client_unsupported() {
    check_fixture("client_unsupported.yaml", &["client-unsupported"; 2]);
}

#[test]
fn junit_has_one_testcase_per_file_and_rule() {
    let run = conformance(&[
        "check",
        "--format",
        "junit",
        "tests/fixtures/clean.yaml",
        "tests/fixtures/invalid_example.yaml",
        "tests/fixtures/parse_error.yaml",
    ]);
    assert_eq!(run.code, 1);
    let xml = run.stdout;
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"conformance check\" tests=\"36\" failures=\"2\" errors=\"0\">\n"), "{xml}");
    assert!(xml.contains("<testsuite name=\"tests/fixtures/clean.yaml\" tests=\"12\" failures=\"0\" errors=\"0\" skipped=\"0\">"), "{xml}");
    assert!(
        xml.contains(
            "<testcase classname=\"tests/fixtures/clean.yaml\" name=\"invalid-example\"/>"
        ),
        "{xml}"
    );
    assert!(xml.contains("<testsuite name=\"tests/fixtures/invalid_example.yaml\" tests=\"12\" failures=\"1\" errors=\"0\" skipped=\"0\">"), "{xml}");
    assert!(xml.contains("<testcase classname=\"tests/fixtures/invalid_example.yaml\" name=\"invalid-example\">\n      <failure type=\"invalid-example\" message=\"5 findings: an example (parameter, body, header or schema; inline or named) breaks its schema\">error[invalid-example]: example does not match its schema: &quot;not-a-uuid&quot; is not a &quot;uuid&quot;\n"), "{xml}");
    // A document that does not load fails its load rule; the rules that need it are skipped.
    assert!(xml.contains("<testsuite name=\"tests/fixtures/parse_error.yaml\" tests=\"12\" failures=\"1\" errors=\"0\" skipped=\"11\">"), "{xml}");
    assert_eq!(xml.matches("<testcase ").count(), 36);
    assert_eq!(xml.matches("</testsuite>").count(), 3);
    assert!(xml.ends_with("</testsuites>\n"));
}

#[test]
fn output_file_gets_the_report_and_stdout_the_human_form() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("reports/check.xml");
    let run = conformance(&[
        "check",
        "--format",
        "junit",
        "--output",
        report.to_str().unwrap(),
        "tests/fixtures/missing_operation_id.yaml",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.starts_with("warning[missing-operation-id]"),
        "{}",
        run.stdout
    );
    let xml = std::fs::read_to_string(report).unwrap();
    assert!(
        xml.contains("<failure type=\"missing-operation-id\""),
        "{xml}"
    );
}

#[test]
fn cannot_run_exits_2() {
    let missing = conformance(&["check", "tests/fixtures/no_such_file.yaml"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: tests/fixtures/no_such_file.yaml: cannot read the file"),
        "{}",
        missing.stderr
    );
    assert_eq!(missing.stdout, "");
    let bad_flag = conformance(&["check", "--format", "xml", "tests/fixtures/clean.yaml"]);
    assert_eq!(bad_flag.code, 2, "{}", bad_flag.stderr);
    let no_spec = conformance(&["check"]);
    assert_eq!(no_spec.code, 2);
}
