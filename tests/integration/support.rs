//! Shared helpers: the vendored specs and their documented examples as canned responses.

use std::path::{Path, PathBuf};

use apispec::{Document, StatusKey};
use canned_server::Canned;
use cloud_backup_apis::runtime::{ClientConfig, RetryPolicy};

/// The project's own specs, kept true to the providers (`specs/ERRATA.md`). A user may add documents of
/// their own beside them; the tests about the vendored specs name these four and ignore the rest.
pub(crate) const VENDORED_SPECS: [&str; 4] =
    ["hostup.yaml", "nethesis.yaml", "raff.yaml", "taurusdb.yaml"];

pub(crate) fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("specs")
}

pub(crate) fn spec(name: &str) -> Document {
    Document::load(&specs_dir().join(format!("{name}.yaml"))).unwrap_or_else(|e| panic!("{e}"))
}

/// The documented response of `operation` for `status` with example `name` (or its first example),
/// as the server would send it: status, content type, documented headers' examples and the example body.
pub(crate) fn documented(
    doc: &Document,
    operation: &str,
    status: u16,
    name: Option<&str>,
) -> Canned {
    let op = doc
        .operations
        .iter()
        .find(|op| op.id == operation)
        .unwrap_or_else(|| panic!("no operation {operation}"));
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
