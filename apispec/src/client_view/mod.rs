//! The client generator's view of a document.
//!
//! progenitor 0.15 (with typify 0.8 for types) takes only part of OpenAPI: one response type per operation,
//! only `application/json` as JSON, a single request media type of four kinds, an `operationId` everywhere,
//! type names that never meet, and schemas written the way its object model reads them. [`client_view`]
//! turns any [`Document`] into a document progenitor accepts *and* a table of what was taken out of it, so
//! the generated client can still decode every documented response into its own typed variant:
//!
//! - every response body is described here ([`ClientResponse`]) and removed from progenitor's copy, whose
//!   methods are then completed by the code generator from this table;
//! - inline response and request schemas are hoisted into `components/schemas` under stable names;
//! - schemas progenitor or typify cannot take are repaired where the meaning survives (`repair`) and
//!   type names that would meet are made distinct (`type_names`);
//! - what cannot be supported is left out *per part* — an operation, a parameter, a response — never the
//!   whole document, each as an [`Omission`] naming the file, the place, the reason and the fix.
//!
//! Nothing here knows about Rust syntax beyond the names the generators give (see [`crate::names`]); the
//! code is the code generator's job.

mod operations;
mod repair;
mod type_names;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::{Map, Value, json};

use crate::Document;
use crate::{Method, StatusKey};

/// How a response body is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyKind {
    /// No body is documented.
    Empty,
    /// A JSON body with the type generated for `components/schemas/{0}` (of the progenitor document).
    Json(String),
    /// A JSON body documented without a schema: any JSON value.
    AnyJson,
    /// A `text/*` body.
    Text,
    /// Any other media type: raw bytes.
    Binary,
}

/// One documented response, as the generated client decodes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientResponse {
    /// The documented status: a code, a range (`4XX`) or `default`.
    pub status: StatusKey,
    /// Whether the client returns it as `Ok`.
    pub success: bool,
    /// How its body is decoded.
    pub body: BodyKind,
    /// The response's `description`, for the generated variant's documentation.
    pub description: String,
}

/// One operation of the generated client.
#[derive(Debug, Clone, PartialEq)]
pub struct ClientOperation {
    /// The `operationId` as written (or synthesized).
    pub operation_id: String,
    /// The generated method's name.
    pub method_name: String,
    /// The HTTP method.
    pub method: Method,
    /// The path template as written (`/backups/{id}`).
    pub path: String,
    /// Where the operation is written, in the document and in its progenitor copy.
    pub pointer: String,
    /// Every documented response: exact codes ascending, then ranges, then `default`.
    pub responses: Vec<ClientResponse>,
    /// The `Accept` header listing every documented response media type, if there are any.
    pub accept: Option<String>,
    /// The media type to send the request body as, when progenitor sends a stand-in (`application/json`
    /// for a `+json` type, `application/octet-stream` for any binary type).
    pub request_content_type: Option<String>,
    /// For a `multipart/form-data` body: progenitor builds it as JSON, and the runtime re-encodes that as
    /// the form these parts describe.
    pub multipart: Option<MultipartForm>,
    /// Query and header parameters renamed in progenitor's copy because their argument names met
    /// (`Limit` beside `limit` becomes `Limit_2`, setter `limit_2`): the name in the copy, and the name
    /// sent on the wire.
    pub renamed_parameters: BTreeMap<String, String>,
    /// The query parameters written `style: deepObject` (`?filter[status]=open`), by name: progenitor
    /// writes them as `form`, and the generated code sends them through the runtime's `DeepObjectParam`.
    pub deep_object_query: Vec<String>,
    /// The header parameters that are lists of scalars (`OpenAI-Beta: a,b`), by name: progenitor writes a
    /// header with `to_string()`, and the generated code writes these items comma-separated instead (the
    /// `simple` style) through the runtime's `simple_list`.
    pub list_headers: Vec<String>,
}

/// How a `multipart/form-data` body's fields become parts. Binary fields (`format: binary`) are typed as
/// bytes (`Vec<u8>`, or a list of them for several files) and sent as file parts; every other field is a
/// text part (its JSON text when it is not a string; one part per item for a list of plain values).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultipartForm {
    /// The fields sent as file parts, in the schema's order.
    pub binary_parts: Vec<BinaryPart>,
}

/// A `multipart/form-data` field sent as a file part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinaryPart {
    /// The field's name, as written in the schema.
    pub name: String,
    /// The part's `Content-Type`: the spec's `encoding.<name>.contentType` when it names one concrete type,
    /// else `application/octet-stream`.
    pub content_type: String,
}

impl ClientOperation {
    /// The responses the client returns as `Ok`, in [`ClientOperation::responses`] order.
    pub fn successes(&self) -> impl Iterator<Item = &ClientResponse> {
        self.responses.iter().filter(|r| r.success)
    }

    /// The responses the client returns as the operation's documented errors, in the same order.
    pub fn errors(&self) -> impl Iterator<Item = &ClientResponse> {
        self.responses.iter().filter(|r| !r.success)
    }

    /// `` `listBackups` (GET /backups) ``, as messages name an operation.
    pub fn label(&self) -> String {
        crate::model::operation::operation_label(&self.operation_id, self.method, &self.path)
    }
}

/// String formats the client reads as a typed value rather than text: a timestamp whose UTC offset has no
/// colon (`2018-08-06T10:41:14+0800`), under the name a spec may give it (Huawei Cloud's `huawei-datetime`)
/// or the generic `date-time-offset-hhmm`. In the client view such a string schema is exactly
/// `{type: string, format}` (plus documentation), so the generator can map it to its type.
pub const TYPED_STRING_FORMATS: [&str; 2] = ["date-time-offset-hhmm", "huawei-datetime"];

/// A document as the client generator takes it.
#[derive(Debug, Clone)]
pub struct ClientView {
    /// The reshaped document, ready to deserialize as `openapiv3::OpenAPI` for progenitor.
    pub progenitor_document: Value,
    /// Every operation the client has, in document order.
    pub operations: Vec<ClientOperation>,
    /// What the client does without, in document order.
    pub omissions: Vec<Omission>,
    /// Property names and enum values renamed in the copy so their Rust names differ (`authTime` beside
    /// `auth_time` becomes `authTime_2`, field `auth_time_2`; `red*` beside `red` becomes `red*_2`, variant
    /// `Red2`): the name in the copy, which no property or enum value of the document has, and the name on
    /// the wire that the generated code must use wherever it writes the other.
    pub wire_names: BTreeMap<String, String>,
    source: String,
}

/// What an [`Omission`] did to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// The operation has no method in the client.
    OperationLeftOut,
    /// The operation's method has no argument for this parameter.
    ParameterLeftOut(String),
    /// The operation's method sends no body.
    BodyLeftOut,
    /// The client does not decode this documented response (it comes back as an undocumented status).
    ResponseLeftOut(StatusKey),
    /// A schema is typed more loosely than written (a type, an enum or a property dropped).
    SchemaLoosened,
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Effect::OperationLeftOut => f.write_str("left out of the client"),
            Effect::ParameterLeftOut(name) => {
                write!(f, "parameter `{name}` left out of the client")
            }
            Effect::BodyLeftOut => f.write_str("request body left out of the client"),
            Effect::ResponseLeftOut(status) => {
                write!(f, "response {status} left out of the client")
            }
            Effect::SchemaLoosened => f.write_str("typed more loosely in the client"),
        }
    }
}

/// A part of the document the generated client does without, with why and what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Omission {
    /// The document, as messages name it (its file).
    pub source: String,
    /// `` `operationId` (METHOD /path) ``, when the part belongs to an operation.
    pub operation: Option<String>,
    /// What the client does without.
    pub effect: Effect,
    /// Where the construct is written.
    pub pointer: String,
    /// Why the client cannot take it as written.
    pub reason: String,
    /// What to change in the document (or that nothing needs to change).
    pub fix: String,
}

impl fmt::Display for Omission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.source)?;
        match &self.operation {
            Some(op) => write!(f, " operation {op}")?,
            None => f.write_str(" schema")?,
        }
        write!(
            f,
            " {} at #{}: {}\n  fix: {}",
            self.effect, self.pointer, self.reason, self.fix
        )
    }
}

/// Builds the client view of `doc`. It always succeeds: what cannot be supported is an [`Omission`].
pub fn client_view(doc: &Document) -> ClientView {
    let mut shaper = Shaper::new(doc);
    repair::repair_schemas(&mut shaper);
    type_names::distinct_component_names(&mut shaper);
    type_names::nullable_components(&mut shaper);
    for op in &doc.operations {
        operations::shape_operation(&mut shaper, op);
    }
    type_names::distinct_inline_names(&mut shaper);
    shaper.finish()
}

impl ClientView {
    /// Leaves one operation out after the fact (when the generator itself cannot take it).
    pub fn leave_out_operation(&mut self, method_name: &str, reason: String, fix: String) {
        let Some(index) = self
            .operations
            .iter()
            .position(|op| op.method_name == method_name)
        else {
            return;
        };
        let op = self.operations.remove(index);
        remove_operation(&mut self.progenitor_document, &op.pointer);
        self.omissions.push(Omission {
            source: self.source.clone(),
            operation: Some(op.label()),
            effect: Effect::OperationLeftOut,
            pointer: op.pointer,
            reason,
            fix,
        });
    }

    /// Makes one component schema untyped (any JSON) after the fact, when the generator cannot take it.
    pub fn loosen_component(&mut self, name: &str, reason: String, fix: String) {
        let at = crate::pointer::join("/components/schemas", name);
        if let Some(schema) = self.progenitor_document.pointer_mut(&at) {
            *schema = json!({});
            self.omissions.push(Omission {
                source: self.source.clone(),
                operation: None,
                effect: Effect::SchemaLoosened,
                pointer: at,
                reason,
                fix,
            });
        }
    }

    /// The names of `components/schemas` in the progenitor document.
    pub fn component_names(&self) -> Vec<String> {
        self.progenitor_document
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map(|schemas| schemas.keys().cloned().collect())
            .unwrap_or_default()
    }
}

/// `deleteVpsBackup` → `delete_vps_backup`, as progenitor names the method; see [`crate::names`].
pub fn method_name(operation_id: &str) -> String {
    crate::names::progenitor_snake(operation_id)
}

/// The view under construction: the progenitor copy, what was left out, and the names in use.
pub(crate) struct Shaper<'a> {
    pub(crate) doc: &'a Document,
    /// progenitor's copy of the document, reshaped step by step.
    pub(crate) copy: Value,
    pub(crate) operations: Vec<ClientOperation>,
    pub(crate) omissions: Vec<Omission>,
    /// Type names in use (component schemas and hoisted ones), in the generated spelling.
    pub(crate) taken_type_names: BTreeSet<String>,
    /// Method names in use.
    pub(crate) taken_method_names: BTreeSet<String>,
    /// See [`ClientView::wire_names`].
    pub(crate) wire_names: BTreeMap<String, String>,
}

impl<'a> Shaper<'a> {
    fn new(doc: &'a Document) -> Shaper<'a> {
        Shaper {
            doc,
            copy: doc.openapi30().clone(),
            operations: Vec::new(),
            omissions: Vec::new(),
            taken_type_names: BTreeSet::new(),
            taken_method_names: BTreeSet::new(),
            wire_names: BTreeMap::new(),
        }
    }

    pub(crate) fn omit(
        &mut self,
        operation: Option<String>,
        effect: Effect,
        pointer: &str,
        reason: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.omissions.push(Omission {
            source: self.doc.source.clone(),
            operation,
            effect,
            pointer: pointer.to_string(),
            reason: reason.into(),
            fix: fix.into(),
        });
    }

    /// `components/schemas` of the copy, made if missing.
    pub(crate) fn component_schemas(&mut self) -> &mut Map<String, Value> {
        let root = self.copy.as_object_mut().expect("a document is an object");
        let components = root.entry("components").or_insert_with(|| json!({}));
        if !components.is_object() {
            *components = json!({});
        }
        let schemas = components
            .as_object_mut()
            .expect("made an object above")
            .entry("schemas")
            .or_insert_with(|| json!({}));
        if !schemas.is_object() {
            *schemas = json!({});
        }
        schemas.as_object_mut().expect("made an object above")
    }

    /// A type name not yet taken, starting from `wanted` (`Name`, then `Name2`, `Name3`...), now taken.
    pub(crate) fn claim_type_name(&mut self, wanted: &str) -> String {
        let mut name = wanted.to_string();
        let mut n = 2;
        while self.taken_type_names.contains(&name) {
            name = format!("{wanted}{n}");
            n += 1;
        }
        self.taken_type_names.insert(name.clone());
        name
    }

    fn finish(mut self) -> ClientView {
        // Shared component responses, request bodies, parameters and examples are already copied into each
        // operation; progenitor does not need them and would validate their media types.
        if let Some(Value::Object(components)) = self.copy.get_mut("components") {
            for part in [
                "responses",
                "requestBodies",
                "examples",
                "parameters",
                "headers",
                "callbacks",
                "links",
            ] {
                components.remove(part);
            }
        }
        // Path-item parameters are copied into each operation (see `operations`).
        if let Some(Value::Object(paths)) = self.copy.get_mut("paths") {
            for item in paths.values_mut() {
                if let Value::Object(item) = item {
                    item.remove("parameters");
                }
            }
        }
        ClientView {
            progenitor_document: self.copy,
            operations: self.operations,
            omissions: self.omissions,
            wire_names: self.wire_names,
            source: self.doc.source.clone(),
        }
    }
}

/// Removes the operation at `pointer` (`/paths/~1a/get`) from `document`, and its path when it was the
/// path's last operation.
pub(crate) fn remove_operation(document: &mut Value, pointer: &str) {
    let Some((item_at, method)) = pointer.rsplit_once('/') else {
        return;
    };
    let Some(Value::Object(item)) = document.pointer_mut(item_at) else {
        return;
    };
    item.remove(&crate::pointer::unescape(method));
    let has_operations = item
        .keys()
        .any(|key| Method::ALL.iter().any(|m| m.key() == key));
    if !has_operations
        && let Some((paths_at, path)) = item_at.rsplit_once('/')
        && let Some(Value::Object(paths)) = document.pointer_mut(paths_at)
    {
        paths.remove(&crate::pointer::unescape(path));
    }
}

#[cfg(test)]
mod tests;
