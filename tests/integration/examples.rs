//! Every example of every vendored spec is valid against its schema, and a broken one is reported with
//! file, JSON pointer and violation.

use apispec::examples::invalid_examples;
use apispec::{Document, SchemaSet};

use crate::support::{VENDORED_SPECS, specs_dir};

fn report(doc: &Document) -> Vec<String> {
    let schemas = SchemaSet::new(doc).unwrap_or_else(|e| panic!("{e}"));
    invalid_examples(doc, &schemas)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn every_example_of_every_vendored_spec_is_valid() {
    // The vendored specs are ours to keep right; a document a user adds to `specs/` is its provider's
    // (`conformance check` reports its examples).
    for name in VENDORED_SPECS {
        let doc = Document::load(&specs_dir().join(name)).unwrap_or_else(|e| panic!("{e}"));
        let invalid = report(&doc);
        assert!(
            invalid.is_empty(),
            "{} invalid examples:\n{}",
            invalid.len(),
            invalid.join("\n")
        );
    }
}

#[test]
fn a_broken_example_is_named_by_file_pointer_and_field() {
    let original = std::fs::read_to_string(specs_dir().join("hostup.yaml")).unwrap();
    // The 429 example's `status` becomes a string.
    let broken = original.replacen("status: 429", "status: '429'", 1);
    assert_ne!(broken, original, "the fixture edit must apply");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostup.yaml");
    std::fs::write(&path, broken).unwrap();

    let invalid = report(&Document::load(&path).unwrap());

    assert_eq!(invalid.len(), 1, "{invalid:#?}");
    let message = &invalid[0];
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(
        message.contains(
            "#/components/responses/RateLimited/content/application~1problem+json/examples/rate_limit_exceeded/value:"
        ),
        "names the example's pointer: {message}"
    );
    assert!(message.contains("at /status"), "names the field: {message}");
    assert!(
        message.contains("\"429\" is not of type \"integer\""),
        "says what is wrong: {message}"
    );
}
