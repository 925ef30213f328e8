//! Shared helpers: the vendored specs and their documented examples as canned responses.

use apispec::{Document, StatusKey};
use canned_server::Canned;
use cloud_backup_apis::runtime::{ClientConfig, RetryPolicy};

pub(crate) use test_support::{VENDORED_SPECS, specs_dir};

pub(crate) fn spec(name: &str) -> Document {
    test_support::vendored_spec(name)
}

/// The documented response of `operation` for `status` with example `name` (or its first example),
/// as the server would send it: status, content type, documented headers' examples and the example body.
pub(crate) fn documented(
    doc: &Document,
    operation: &str,
    status: u16,
    name: Option<&str>,
) -> Canned {
    let op = test_support::operation(doc, operation);
    let response = op
        .response(StatusKey::Code(status))
        .unwrap_or_else(|| panic!("{operation} documents no {status}"));
    let mut canned = match response.contents.first() {
        None => Canned::empty(status),
        Some(content) => {
            let example = content
                .examples
                .iter()
                .find(|e| name.is_none() || e.name.as_deref() == name)
                .unwrap_or_else(|| panic!("{operation} {status} has no example {name:?}"));
            Canned::body(status, &content.media_type, example.value.to_string())
        }
    };
    for header in &response.headers {
        if let Some(example) = header.examples.first() {
            let value = example
                .value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| example.value.to_string());
            canned = canned.header(&header.name, &value);
        }
    }
    canned
}

/// The example body of a documented response, as JSON.
pub(crate) fn example_body(
    doc: &Document,
    operation: &str,
    status: u16,
    name: Option<&str>,
) -> serde_json::Value {
    serde_json::from_slice(&documented(doc, operation, status, name).body).expect("a JSON example")
}

pub(crate) fn no_retries() -> ClientConfig {
    ClientConfig::default().retry(RetryPolicy::disabled())
}
