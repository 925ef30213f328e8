//! The client generator's view of a document.
//!
//! progenitor 0.15 takes only part of OpenAPI: one response type per operation for success and one for
//! errors (it asserts so and panics otherwise), only `application/json` as JSON, a single request media type,
//! and it needs an `operationId` everywhere. [`client_view`] turns a [`Document`] into a document progenitor
//! accepts *and* a table of what was taken out of it, so the generated client can still decode every
//! documented response into its own typed variant:
//!
//! - every response body is described here ([`ClientResponse`]) and removed from progenitor's copy, whose
//!   methods are then completed by the code generator from this table;
//! - inline response schemas are hoisted into `components/schemas` under a stable name so they get a type;
//! - `+json` media types (`application/problem+json`) are read as JSON;
//! - operations get a snake_case method name derived from their `operationId` (or method and path).
//!
//! Constructs that cannot be supported are [`Refusal`]s naming the file, the operation and what to change.
//! Nothing here knows about Rust syntax; that is the code generator's job.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use heck::{ToSnakeCase, ToUpperCamelCase};
use serde_json::{Map, Value, json};

use crate::operation::{MediaContent, Operation, ParamLocation, StatusKey, is_json_media_type};
use crate::{Document, pointer};

/// How a response body is decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyKind {
    /// No body is documented.
    Empty,
    /// A JSON body with the type generated for `components/schemas/{0}`.
    Json(String),
    /// A JSON body documented without a schema: any JSON value.
    AnyJson,
    /// A `text/*` body.
    Text,
    /// Any other media type: raw bytes.
    Binary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientResponse {
    pub status: StatusKey,
    /// Whether the client returns it as `Ok`.
    pub success: bool,
    pub body: BodyKind,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClientOperation {
    /// The `operationId` as written (or synthesized).
    pub operation_id: String,
    /// The generated method's name.
    pub method_name: String,
    /// Every documented response: exact codes ascending, then ranges, then `default`.
    pub responses: Vec<ClientResponse>,
    /// The `Accept` header listing every documented response media type, if there are any.
    pub accept: Option<String>,
    /// The request body's documented media type when it is a `+json` type progenitor would send as
    /// `application/json`.
    pub request_content_type: Option<String>,
}

impl ClientOperation {
    pub fn successes(&self) -> impl Iterator<Item = &ClientResponse> {
        self.responses.iter().filter(|r| r.success)
    }

    pub fn errors(&self) -> impl Iterator<Item = &ClientResponse> {
        self.responses.iter().filter(|r| !r.success)
    }
}

/// A document as the client generator takes it.
#[derive(Debug, Clone)]
pub struct ClientView {
    /// The reshaped document, ready to deserialize as `openapiv3::OpenAPI` for progenitor.
    pub progenitor_document: Value,
    pub operations: Vec<ClientOperation>,
}

/// A construct the client build cannot support, with what to change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub source: String,
    /// `operationId (METHOD /path)`, when the construct belongs to an operation.
    pub operation: Option<String>,
    pub pointer: String,
    pub reason: String,
    pub fix: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(op) = &self.operation {
            write!(f, ": operation {op}")?;
        }
        write!(
            f,
            " at #{}: {}\n  fix: {}",
            self.pointer, self.reason, self.fix
        )
    }
}

/// Builds the client view of `doc`, or every reason it cannot be built.
pub fn client_view(doc: &Document) -> Result<ClientView, Vec<Refusal>> {
    let mut shaper = Shaper {
        doc,
        refusals: Vec::new(),
        hoisted: Map::new(),
        taken_names: BTreeSet::new(),
    };
    if let Some(Value::Object(schemas)) = doc.raw.pointer("/components/schemas") {
        shaper
            .taken_names
            .extend(schemas.keys().map(|k| k.to_upper_camel_case()));
    }
    let mut progenitor_document = doc.raw.clone();
    let mut operations = Vec::new();
    let mut method_names: BTreeMap<String, String> = BTreeMap::new();

    for op in &doc.operations {
        let label = format!("`{}` ({} {})", op.id, op.method, op.path);
        let method_name = method_name(&op.id);
        if let Some(other) = method_names.insert(method_name.clone(), op.id.clone()) {
            shaper.refuse(
                Some(&label),
                &op.pointer,
                format!("its method name `{method_name}` is also the name of `{other}`"),
                "give the operations operationIds that differ in more than case and punctuation",
            );
        }
        shaper.check_parameters(op, &label);
        let request_content_type = shaper.request_body(op, &label, &mut progenitor_document);
        let responses = shaper.responses(op, &label);
        let accept = accept_header(op);

        // progenitor's copy: the operation's name, no responses (the generator decodes them from `responses`).
        if let Some(Value::Object(target)) = progenitor_document.pointer_mut(&op.pointer) {
            target.insert("operationId".into(), json!(method_name));
            target.insert(
                "responses".into(),
                json!({ "default": { "description": "decoded by the generated client" } }),
            );
        }
        operations.push(ClientOperation {
            operation_id: op.id.clone(),
            method_name,
            responses,
            accept,
            request_content_type,
        });
    }

    if !shaper.refusals.is_empty() {
        return Err(shaper.refusals);
    }
    let schemas = ensure_object(&mut progenitor_document, &["components", "schemas"]);
    schemas.extend(shaper.hoisted);
    strip_shared_parts_progenitor_rejects(&mut progenitor_document);
    Ok(ClientView {
        progenitor_document,
        operations,
    })
}

/// `deleteVpsBackup` → `delete_vps_backup`; Rust keywords get a trailing `_`, as progenitor does.
pub fn method_name(operation_id: &str) -> String {
    let cleaned: String = operation_id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let mut name = cleaned.to_snake_case();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "op_");
    }
    if is_keyword(&name) {
        name.push('_');
    }
    name
}

fn is_keyword(word: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
        "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move",
        "mut", "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true",
        "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final",
        "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
    ];
    KEYWORDS.contains(&word)
}

struct Shaper<'a> {
    doc: &'a Document,
    refusals: Vec<Refusal>,
    /// Inline response schemas moved into `components/schemas`, by their new name.
    hoisted: Map<String, Value>,
    /// Type names in use (component schemas and hoisted ones), in the generated spelling.
    taken_names: BTreeSet<String>,
}

impl Shaper<'_> {
    fn refuse(
        &mut self,
        operation: Option<&str>,
        pointer: &str,
        reason: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.refusals.push(Refusal {
            source: self.doc.source.clone(),
            operation: operation.map(str::to_string),
            pointer: pointer.to_string(),
            reason: reason.into(),
            fix: fix.into(),
        });
    }

    fn check_parameters(&mut self, op: &Operation, label: &str) {
        let template_names: BTreeSet<&str> = op
            .path
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split('}').next())
            .collect();
        let mut rust_names: BTreeMap<String, &str> = BTreeMap::new();
        for param in &op.parameters {
            if param.location == ParamLocation::Cookie {
                self.refuse(Some(label), &param.pointer, format!("cookie parameter `{}` is not supported by the client generator", param.name),
                    "send the value in a header parameter instead, or remove the parameter from the client's copy of the spec");
            }
            if param.schema.is_none() {
                self.refuse(Some(label), &param.pointer, format!("parameter `{}` has no `schema`", param.name),
                    "describe the parameter with a `schema` (a `content` map is not supported by the client generator)");
            }
            if param.location == ParamLocation::Path
                && !template_names.contains(param.name.as_str())
            {
                self.refuse(
                    Some(label),
                    &param.pointer,
                    format!(
                        "path parameter `{}` does not appear in the path `{}`",
                        param.name, op.path
                    ),
                    format!(
                        "add `{{{}}}` to the path or remove the parameter",
                        param.name
                    ),
                );
            }
            if let Some(other) = rust_names.insert(param.name.to_snake_case(), &param.name) {
                self.refuse(
                    Some(label),
                    &param.pointer,
                    format!(
                        "parameters `{other}` and `{}` would get the same argument name",
                        param.name
                    ),
                    "rename one of them",
                );
            }
        }
        for name in template_names {
            if !op
                .parameters
                .iter()
                .any(|p| p.location == ParamLocation::Path && p.name == name)
            {
                self.refuse(
                    Some(label),
                    &op.pointer,
                    format!(
                        "the path `{}` has `{{{name}}}` but no path parameter declares it",
                        op.path
                    ),
                    format!("declare a parameter `{name}` with `in: path`"),
                );
            }
        }
    }

    /// Reduces the request body to the one media type progenitor will send; returns the documented
    /// `+json` media type when it is not plain `application/json`.
    fn request_body(&mut self, op: &Operation, label: &str, target: &mut Value) -> Option<String> {
        let body = op.request_body.as_ref()?;
        if body.contents.is_empty() {
            return None;
        }
        const SENDABLE: [&str; 4] = [
            "application/octet-stream",
            "application/x-www-form-urlencoded",
            "text/plain",
            "text/x-markdown",
        ];
        let chosen = body.contents.iter().find(|c| c.is_json()).or_else(|| {
            body.contents
                .iter()
                .find(|c| SENDABLE.contains(&c.media_type.split(';').next().unwrap_or("").trim()))
        });
        let Some(chosen) = chosen else {
            let types: Vec<_> = body
                .contents
                .iter()
                .map(|c| c.media_type.as_str())
                .collect();
            self.refuse(Some(label), &body.pointer, format!("request body media type {} is not supported by the client generator", types.join(", ")),
                "document an application/json (or application/octet-stream, application/x-www-form-urlencoded, text/plain) body");
            return None;
        };
        if chosen.schema.is_none() {
            self.refuse(
                Some(label),
                &chosen.pointer,
                "the request body has no schema",
                "add a `schema` to the request body's media type",
            );
            return None;
        }
        let sent_as = if chosen.is_json() {
            "application/json".to_string()
        } else {
            chosen.media_type.clone()
        };
        let media: Value = json!({ "schema": chosen.schema.as_ref().map(|s| s.schema.clone()) });
        // The body may be shared through a $ref; progenitor's copy gets it inline, with one media type.
        if let Some(Value::Object(target_op)) = target.pointer_mut(&op.pointer) {
            let mut inline = Map::new();
            inline.insert("required".into(), json!(body.required));
            inline.insert("content".into(), json!({ sent_as.clone(): media }));
            target_op.insert("requestBody".into(), Value::Object(inline));
        }
        (chosen.is_json() && !chosen.media_type.eq_ignore_ascii_case("application/json"))
            .then(|| chosen.media_type.clone())
    }

    fn responses(&mut self, op: &Operation, label: &str) -> Vec<ClientResponse> {
        let any_success = op.responses.iter().any(|r| r.status.is_success());
        let mut responses = Vec::new();
        for response in &op.responses {
            if matches!(
                response.status,
                StatusKey::Code(100..=199) | StatusKey::Range(1)
            ) {
                self.refuse(
                    Some(label),
                    &response.pointer,
                    format!(
                        "informational status {} cannot be returned by the client",
                        response.status
                    ),
                    "remove the 1xx response; protocol upgrades are not supported",
                );
                continue;
            }
            let body = self.body_kind(op, response.status, &response.contents);
            responses.push(ClientResponse {
                status: response.status,
                success: response.status.is_success()
                    || (response.status == StatusKey::Default && !any_success),
                body,
                description: response.description.clone(),
            });
        }
        responses.sort_by_key(|r| r.status);
        responses
    }

    fn body_kind(
        &mut self,
        op: &Operation,
        status: StatusKey,
        contents: &[MediaContent],
    ) -> BodyKind {
        let Some(content) = contents
            .iter()
            .find(|c| c.is_json())
            .or_else(|| contents.first())
        else {
            return BodyKind::Empty;
        };
        if !content.is_json() {
            return if content.media_type.starts_with("text/") {
                BodyKind::Text
            } else {
                BodyKind::Binary
            };
        }
        let Some(schema) = &content.schema else {
            return BodyKind::AnyJson;
        };
        if let Some(name) = schema
            .schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            && !name.contains('/')
        {
            return BodyKind::Json(pointer::unescape(name));
        }
        // Inline (or deep-ref) schema: give it a name of its own. Every `$ref` resolves: `Document::parse`
        // refuses those that do not.
        let Some(resolved) = crate::follow_refs(&self.doc.raw, &schema.schema).cloned() else {
            return BodyKind::AnyJson;
        };
        let base = op.id.to_upper_camel_case();
        let suffix = match status {
            s if s.is_success() => "Response".to_string(),
            StatusKey::Code(code) => format!("Error{code}"),
            StatusKey::Range(digit) => format!("Error{digit}xx"),
            StatusKey::Default => "ErrorDefault".to_string(),
        };
        let mut name = format!("{base}{suffix}");
        if status.is_success() && self.taken_names.contains(&name) {
            name = format!("{base}Response{status}");
        }
        while self.taken_names.contains(&name) {
            name.push_str("Body");
        }
        self.taken_names.insert(name.clone());
        self.hoisted.insert(name.clone(), resolved);
        BodyKind::Json(name)
    }
}

fn accept_header(op: &Operation) -> Option<String> {
    let mut types: Vec<&str> = Vec::new();
    for content in op.responses.iter().flat_map(|r| &r.contents) {
        if !types.contains(&content.media_type.as_str()) {
            types.push(&content.media_type);
        }
    }
    // JSON first: it is what the typed variants decode.
    types.sort_by_key(|t| !is_json_media_type(t));
    (!types.is_empty()).then(|| types.join(", "))
}

fn ensure_object<'v>(root: &'v mut Value, path: &[&str]) -> &'v mut Map<String, Value> {
    let mut current = root;
    for key in path {
        let Value::Object(map) = current else {
            unreachable!("ensure_object walks objects only")
        };
        current = map.entry(key.to_string()).or_insert_with(|| json!({}));
        if !current.is_object() {
            *current = json!({});
        }
    }
    match current {
        Value::Object(map) => map,
        _ => unreachable!("made an object above"),
    }
}

/// Shared component responses, request bodies and examples are already copied into the client view;
/// progenitor does not need them and would validate their media types.
fn strip_shared_parts_progenitor_rejects(document: &mut Value) {
    if let Some(Value::Object(components)) = document.get_mut("components") {
        components.remove("responses");
        components.remove("requestBodies");
        components.remove("examples");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> Result<ClientView, Vec<Refusal>> {
        client_view(&Document::parse("shape.yaml", "shape", text, false).unwrap())
    }

    const HEAD: &str = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\n";

    #[test]
    fn differing_error_bodies_and_no_body_errors_are_each_described() {
        let text = format!(
            "{HEAD}{}",
            r##"
paths:
  /systems/{id}:
    delete:
      operationId: deleteSystem
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: object, properties: {code: {type: integer}}}}}}
        '400': {description: bad, content: {application/json: {schema: {$ref: '#/components/schemas/Validation'}}}}
        '404': {description: missing, content: {application/problem+json: {schema: {$ref: '#/components/schemas/Problem'}}}}
        '502': {description: storage down}
components:
  schemas:
    Validation: {type: object}
    Problem: {type: object}
"##
        );
        let view = view(&text).unwrap();
        let op = &view.operations[0];
        assert_eq!(op.method_name, "delete_system");
        let shapes: Vec<_> = op
            .responses
            .iter()
            .map(|r| (r.status.to_string(), r.success, r.body.clone()))
            .collect();
        assert_eq!(
            shapes,
            [
                (
                    "200".into(),
                    true,
                    BodyKind::Json("DeleteSystemResponse".into())
                ),
                ("400".into(), false, BodyKind::Json("Validation".into())),
                ("404".into(), false, BodyKind::Json("Problem".into())),
                ("502".into(), false, BodyKind::Empty),
            ]
        );
        assert_eq!(
            op.accept.as_deref(),
            Some("application/json, application/problem+json")
        );
        assert!(
            view.progenitor_document
                .pointer("/components/schemas/DeleteSystemResponse/properties/code")
                .is_some()
        );
        let progenitor_op = view
            .progenitor_document
            .pointer("/paths/~1systems~1{id}/delete")
            .unwrap();
        assert_eq!(progenitor_op["operationId"], "delete_system");
        assert_eq!(progenitor_op["responses"].as_object().unwrap().len(), 1);
        let parsed: openapiv3::OpenAPI =
            serde_json::from_value(view.progenitor_document.clone()).unwrap();
        assert_eq!(parsed.paths.paths.len(), 1);
    }

    #[test]
    fn two_hundred_beside_two_hundred_four_are_both_successes() {
        let text = format!(
            "{HEAD}{}",
            r##"
paths:
  /jobs:
    post:
      responses:
        '204': {description: nothing to do}
        '200': {description: done, content: {application/json: {schema: {type: string}}}}
        default: {description: error, content: {application/json: {schema: {type: object}}}}
"##
        );
        let view = view(&text).unwrap();
        let op = &view.operations[0];
        assert_eq!(op.method_name, "post_jobs");
        let successes: Vec<_> = op.successes().map(|r| r.status).collect();
        assert_eq!(successes, [StatusKey::Code(200), StatusKey::Code(204)]);
        assert_eq!(
            op.errors().map(|r| r.status).collect::<Vec<_>>(),
            [StatusKey::Default]
        );
        assert_eq!(
            op.errors().next().unwrap().body,
            BodyKind::Json("PostJobsErrorDefault".into())
        );
    }

    #[test]
    fn unsupported_constructs_are_refused_with_operation_and_fix() {
        let text = format!(
            "{HEAD}{}",
            r##"
paths:
  /upload/{id}:
    post:
      operationId: upload
      parameters:
        - {name: session, in: cookie, schema: {type: string}}
      requestBody:
        content:
          multipart/form-data: {schema: {type: object}}
      responses:
        '101': {description: switching}
"##
        );
        let refusals = view(&text).unwrap_err();
        let text: Vec<String> = refusals.iter().map(ToString::to_string).collect();
        assert_eq!(refusals.len(), 4, "{text:#?}");
        assert!(text[0].starts_with("shape.yaml: operation `upload` (POST /upload/{id}) at #/paths/~1upload~1{id}/post/parameters/0: cookie parameter"), "{}", text[0]);
        assert!(
            text[1].contains("`{id}` but no path parameter declares it"),
            "{}",
            text[1]
        );
        assert!(
            text[2].contains("multipart/form-data is not supported")
                && text[2].contains("fix: document an application/json"),
            "{}",
            text[2]
        );
        assert!(text[3].contains("informational status 101"), "{}", text[3]);
    }

    #[test]
    fn method_names_are_snake_case_and_never_keywords() {
        assert_eq!(method_name("listVpsBackups"), "list_vps_backups");
        assert_eq!(method_name("restore-to-payg"), "restore_to_payg");
        assert_eq!(method_name("type"), "type_");
        assert_eq!(method_name("2fa"), "op_2fa");
    }
}
