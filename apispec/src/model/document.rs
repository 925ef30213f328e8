//! A loaded document: its name, its JSON tree, its operations and the warnings loading left.

use serde_json::Value;

use crate::{Operation, SpecError};

/// An OpenAPI 3.0 or 3.1 document, parsed once and only read afterwards.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where the document came from, as shown in messages (a file path, or a name for embedded text).
    pub source: String,
    /// The name the project gives this document: its file stem as written (`petstore-expanded.yaml` →
    /// `petstore-expanded`). It is the mock server's mount prefix and how reports name the spec.
    pub name: String,
    /// The generated client module's name (`petstore_expanded`), see [`crate::spec_file::module_name`].
    pub module: String,
    /// The whole document as a JSON tree. Pointers in messages point into this.
    pub raw: Value,
    /// Every operation, in document order, with `$ref`s followed.
    pub operations: Vec<Operation>,
    /// The OpenAPI version the document declares, which is also its schemas' dialect.
    pub version: SpecVersion,
    /// The document in OpenAPI 3.0 form where that differs from `raw`: an OpenAPI 3.1 document, or a 3.0
    /// one written with 3.1 schema forms (`type: [integer, "null"]`). See [`Document::openapi30`].
    pub(crate) openapi30: Option<Value>,
    /// What the 3.0 form could not carry over (a webhook, a `prefixItems`), where it is written.
    pub downgrade_notes: Vec<crate::openapi31::DowngradeNote>,
    /// Problems that left a part of the document out without stopping the rest: a `$ref` that does not
    /// resolve (and the operation that needed it). Reported by `check`, logged by the mock, warned by the build.
    pub warnings: Vec<SpecError>,
}

/// The OpenAPI versions this project reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecVersion {
    /// OpenAPI 3.0.x: schemas are the OpenAPI 3.0 dialect of JSON Schema draft 4 (`nullable`, boolean
    /// `exclusiveMinimum`, a `$ref` that replaces its siblings).
    V30,
    /// OpenAPI 3.1.x: schemas are JSON Schema 2020-12.
    V31,
}

impl Document {
    /// The document in OpenAPI 3.0 form, as the client generator and the structural check read it.
    pub fn openapi30(&self) -> &Value {
        self.openapi30.as_ref().unwrap_or(&self.raw)
    }

    /// The value at a JSON pointer of this document.
    pub fn get(&self, pointer: &str) -> Option<&Value> {
        self.raw.pointer(pointer)
    }

    /// The first server URL with its variables set to their defaults, if the document names one.
    pub fn default_server_url(&self) -> Option<String> {
        let server = self.raw.pointer("/servers/0")?;
        let mut url = server.get("url")?.as_str()?.to_string();
        if let Some(Value::Object(vars)) = server.get("variables") {
            for (var, def) in vars {
                if let Some(default) = def.get("default").and_then(Value::as_str) {
                    url = url.replace(&format!("{{{var}}}"), default);
                }
            }
        }
        Some(url)
    }

    /// `info.title`, or the document's name.
    pub fn title(&self) -> &str {
        self.raw
            .pointer("/info/title")
            .and_then(Value::as_str)
            .unwrap_or(&self.name)
    }
}
