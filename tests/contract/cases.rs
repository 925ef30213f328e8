//! The cases: one per (spec, operation, documented status, example), read from the spec files, and how
//! one is run and judged.

use std::collections::BTreeMap;
use std::path::Path;

use apispec::properties::{self, Through};
use apispec::{CompiledSchemas, Direction, Document, Operation, StatusKey};
use cloud_backup_apis::runtime::call::CallOutcome;
use cloud_backup_apis::runtime::{ClientConfig, RetryPolicy};
use serde_json::{Map, Value};

/// The secret the suite sends for every credential; the mock checks presence, not value.
pub(crate) const SECRET: &str = "contract-suite-credential";

#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub spec: String,
    pub operation: String,
    pub status: StatusKey,
    /// The named example served, if the response has named examples.
    pub example: Option<String>,
    /// The body the response documents for this case; `None` when it documents none.
    pub expected_body: Option<Value>,
    pub arguments: Map<String, Value>,
    /// The client leaves this response out (a `1xx`, with its build warning): it comes back undocumented.
    pub left_out_of_client: bool,
    /// An example this case sends or expects breaks its own schema: the document, not the client, is at
    /// fault, so the case cannot judge the client. Says which example and how.
    pub spec_defect: Option<String>,
}

impl Case {
    /// `spec/operationId/status[/example]`
    pub(crate) fn name(&self) -> String {
        let mut name = format!("{}/{}/{}", self.spec, self.operation, self.status);
        if let Some(example) = &self.example {
            name.push('/');
            name.push_str(example);
        }
        name
    }

    /// The status asked of the mock: the code itself, a range's first code, or an undocumented one for `default`.
    fn requested_status(&self, op: &Operation) -> u16 {
        match self.status {
            StatusKey::Code(code) => code,
            StatusKey::Range(digit) => u16::from(digit) * 100,
            StatusKey::Default => (500..600)
                .find(|code| {
                    !op.responses
                        .iter()
                        .any(|r| r.status == StatusKey::Code(*code))
                })
                .unwrap_or(599),
        }
    }

    /// The `Prefer` header that makes the mock serve this case.
    pub(crate) fn prefer(&self, op: &Operation) -> String {
        let mut prefer = format!("code={}", self.requested_status(op));
        if let Some(example) = &self.example {
            prefer.push_str(&format!(", example={example}"));
        }
        prefer
    }
}

/// Every case of one spec, in document order.
pub(crate) fn cases_of(doc: &Document) -> Vec<Case> {
    let view = apispec::client_view::client_view(doc);
    let invalid_examples: BTreeMap<String, String> = match CompiledSchemas::new(doc) {
        Ok(mut compiled) => apispec::examples::invalid_examples_compiled(doc, &mut compiled)
            .into_iter()
            .map(|invalid| (invalid.example_pointer.clone(), invalid.to_string()))
            .collect(),
        Err(_) => BTreeMap::new(),
    };
    let defect = |pointer: Option<&str>| pointer.and_then(|p| invalid_examples.get(p)).cloned();
    let mut cases = Vec::new();
    for op in &doc.operations {
        let arguments = arguments_for(doc, op);
        let request_defect = op
            .parameters
            .iter()
            .filter_map(|p| p.examples.first())
            .chain(request_content(op).and_then(|c| c.examples.first()))
            .find_map(|example| defect(Some(&example.pointer)));
        for response in &op.responses {
            let content = apispec::media::preferred_content(&response.contents);
            let examples: Vec<(Option<String>, Option<Value>, Option<&str>)> = match content {
                None => vec![(None, None, None)],
                Some(content) if content.examples.is_empty() => vec![(None, None, None)],
                Some(content) => content
                    .examples
                    .iter()
                    .map(|e| {
                        (
                            e.name.clone(),
                            Some(e.value.clone()),
                            Some(e.pointer.as_str()),
                        )
                    })
                    .collect(),
            };
            let left_out_of_client = view.omissions.iter().any(|omission| {
                omission.effect == apispec::client_view::Effect::ResponseLeftOut(response.status)
                    && omission.pointer == response.pointer
                    && omission.operation.as_deref() == Some(op.label().as_str())
            });
            for (example, expected_body, example_pointer) in examples {
                cases.push(Case {
                    spec_defect: request_defect.clone().or_else(|| defect(example_pointer)),
                    left_out_of_client,
                    spec: doc.name.clone(),
                    operation: op.id.clone(),
                    status: response.status,
                    example,
                    expected_body,
                    arguments: arguments.clone(),
                });
            }
        }
    }
    cases
}

/// Arguments from the spec: each parameter's first example, else a value built from its schema; the request
/// body's first example, else one built from its schema.
fn arguments_for(doc: &Document, op: &Operation) -> Map<String, Value> {
    let sampler = apispec::sample::Sampler::new(&doc.raw, Direction::Request);
    let mut arguments = Map::new();
    for parameter in &op.parameters {
        let value = match (parameter.examples.first(), &parameter.schema) {
            (Some(example), _) => example.value.clone(),
            (None, Some(schema)) => sampler.static_value(&schema.schema),
            (None, None) => continue,
        };
        // The client takes a list of scalars in a header as a list, and any other structured header
        // (an object, a list of lists or objects) as its text, in the parameter's style.
        let structured = match &value {
            Value::Object(_) => true,
            Value::Array(items) => items.iter().any(|i| i.is_array() || i.is_object()),
            _ => false,
        };
        let value = if structured && parameter.location == apispec::ParamLocation::Header {
            Value::String(parameter.text(&value))
        } else {
            value
        };
        arguments.insert(parameter.name.clone(), value);
    }
    if let Some(body) = &op.request_body
        && let Some(content) = request_content(op)
    {
        let value = match (content.examples.first(), &content.schema) {
            (Some(example), _) => Some(example.value.clone()),
            (None, Some(schema)) => Some(sampler.static_value(&schema.schema)),
            (None, None) => None,
        };
        // A required body of any JSON (`schema: {}`) samples as `null`, which the call reads as no
        // body at all: send an empty object, which any JSON schema takes.
        let value = match value {
            Some(Value::Null) if body.required => Some(Value::Object(Map::new())),
            value => value,
        };
        if let Some(value) = value {
            arguments.insert("body".into(), value);
        }
    }
    arguments
}

/// The request body's content the suite sends: JSON first, else the first.
fn request_content(op: &Operation) -> Option<&apispec::MediaContent> {
    apispec::media::preferred_content(&op.request_body.as_ref()?.contents)
}

/// The specs the suite runs: every spec file in `dir`, loaded.
pub(crate) fn load_specs(dir: &Path) -> Vec<Document> {
    client_codegen::spec_files(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|file| Document::load(file).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Runs one case against the mock at `mock_url` (where spec `x` is mounted at `/x`) and judges it.
pub(crate) async fn run(case: &Case, doc: &Document, mock_url: &str) -> Result<(), String> {
    let op = doc
        .operations
        .iter()
        .find(|op| op.id == case.operation)
        .ok_or("the operation is gone")?;
    let config = ClientConfig::default()
        .retry(RetryPolicy::disabled())
        .default_header("Prefer", &case.prefer(op))
        .map_err(|e| e.to_string())?;
    let base_url = format!("{mock_url}/{}", case.spec);
    let outcome = cloud_backup_apis::call_operation(
        &case.spec,
        &base_url,
        SECRET,
        config,
        &case.operation,
        &case.arguments,
    )
    .await
    .map_err(|e| format!("the client could not make the call: {e}"))?;
    judge(case, op, doc, &outcome)
}

/// Whether the outcome is what the spec documents for this case.
pub(crate) fn judge(
    case: &Case,
    op: &Operation,
    doc: &Document,
    outcome: &CallOutcome,
) -> Result<(), String> {
    let requested = case.requested_status(op);
    let success = op
        .responses
        .iter()
        .find(|r| r.status == case.status)
        .is_some_and(|r| {
            r.status.is_success()
                || (r.status == StatusKey::Default
                    && !op.responses.iter().any(|o| o.status.is_success()))
        });
    if case.left_out_of_client {
        return match outcome {
            CallOutcome::Unexpected { status, .. } if *status == requested => Ok(()),
            other => Err(format!(
                "the client leaves the {requested} response out, so it should come back undocumented; got {other:?}"
            )),
        };
    }
    let body = match outcome {
        CallOutcome::Success { status, body, .. } if success && *status == requested => body,
        CallOutcome::DocumentedError { status, body, .. } if !success && *status == requested => {
            body
        }
        CallOutcome::UndecodableBody { body, reason, .. } => {
            return Err(format!(
                "the {requested} body does not decode to its type: {reason}{}",
                schema_report(doc, op, case, body)
            ));
        }
        CallOutcome::DocumentedError {
            status,
            body,
            variant,
        } if *status != requested => {
            return Err(format!(
                "the mock rejected the request with {status} ({variant}) instead of serving {requested}: {body}"
            ));
        }
        CallOutcome::Unexpected { status, body } => {
            return Err(format!(
                "the mock answered {status}, which the operation does not document, instead of {requested}: {body}"
            ));
        }
        other => {
            return Err(format!(
                "expected {requested} as a {}, got {other:?}",
                if success { "success" } else { "typed error" }
            ));
        }
    };
    match &case.expected_body {
        None => Ok(()),
        Some(expected) => {
            let schema = op
                .response(case.status)
                .and_then(|r| r.json_content())
                .and_then(|c| c.schema.as_ref())
                .map(|s| &s.schema);
            let differences =
                differences(&normalize(expected), &normalize(body), "", schema, &doc.raw);
            if differences.is_empty() {
                Ok(())
            } else {
                Err(format!(
                    "the typed value differs from the example:\n  {}",
                    differences.join("\n  ")
                ))
            }
        }
    }
}

/// When a body does not decode, says which field breaks the schema the client was built from.
fn schema_report(doc: &Document, op: &Operation, case: &Case, body: &str) -> String {
    let Some(schema) = op
        .response(case.status)
        .and_then(|r| r.json_content())
        .and_then(|c| c.schema.as_ref())
    else {
        return String::new();
    };
    let Ok(value) = serde_json::from_str::<Value>(body) else {
        return format!("\n  body: {body}");
    };
    let Ok(schemas) = apispec::SchemaSet::new(doc) else {
        return String::new();
    };
    let Ok(validator) = schemas.compile(&schema.schema, Direction::Response, &schema.pointer)
    else {
        return String::new();
    };
    let violations: String = validator
        .violations(&value)
        .iter()
        .map(|v| {
            format!(
                "\n  at {}: {}",
                if v.instance_pointer.is_empty() {
                    "/"
                } else {
                    &v.instance_pointer
                },
                v.message
            )
        })
        .collect();
    if violations.is_empty() {
        return violations;
    }
    format!(
        "{violations}\n  the body breaks the response's own schema: fix the example, or the published \
         document with an overlay (specs/{}.overlay.yaml)",
        doc.name
    )
}

/// Makes JSON comparable across a typed round trip: nulls in objects dropped (an optional field that is
/// `null` and one that is absent decode alike), numbers as f64, RFC 3339 timestamps in one canonical form.
pub(crate) fn normalize(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), normalize(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(normalize).collect()),
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or(Value::Number(n.clone())),
        Value::String(s) => match chrono::DateTime::parse_from_rfc3339(s) {
            Ok(time) => Value::String(
                time.with_timezone(&chrono::Utc)
                    .to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            ),
            Err(_) => value.clone(),
        },
        _ => value.clone(),
    }
}

/// Every JSON pointer where the typed value says something else than the example, with both values, read
/// through the response's `schema` (`None`: unknown) as a typed client reads it: a property the schema does
/// not declare is not kept (typed structs drop what they do not know), an empty list or map may be left
/// out, a property the example leaves out may hold its schema's `default`, a `format: float` number is
/// compared at the precision of an `f32`, and bytes are compared with an example's text.
pub(crate) fn differences(
    expected: &Value,
    actual: &Value,
    at: &str,
    schema: Option<&Value>,
    root: &Value,
) -> Vec<String> {
    let schema = schema.map(|s| apispec::follow_refs(root, s).unwrap_or(s));
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let declared = schema.map(|s| properties::declared(root, s, Through::AnyComposition));
            let open = declared.as_ref().is_none_or(|d| d.open);
            let property = |key: &str| declared.as_ref().and_then(|d| d.get(key));
            let mut found = Vec::new();
            for (key, value) in e {
                let here = apispec::pointer::join(at, key);
                match a.get(key) {
                    Some(other) => {
                        found.extend(differences(value, other, &here, property(key), root))
                    }
                    None if is_empty_collection(value) => {}
                    None if !open && property(key).is_none() => {}
                    None => found.push(format!(
                        "{here}: the example has {value}, the typed value has nothing"
                    )),
                }
            }
            for (key, value) in a {
                if e.contains_key(key) || is_empty_collection(value) {
                    continue;
                }
                let default = property(key)
                    .map(|p| apispec::follow_refs(root, p).unwrap_or(p))
                    .and_then(|p| p.get("default"))
                    .map(normalize);
                if default.as_ref() != Some(value) {
                    found.push(format!(
                        "{}: the typed value has {value}, the example has nothing",
                        apispec::pointer::join(at, key)
                    ));
                }
            }
            found
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            let items = schema.and_then(|s| properties::items_schema(root, s));
            e.iter()
                .zip(a)
                .enumerate()
                .flat_map(|(i, (x, y))| differences(x, y, &format!("{at}/{i}"), items, root))
                .collect()
        }
        (Value::Number(x), Value::Number(y))
            if x.as_f64()
                .zip(y.as_f64())
                .is_some_and(|(x, y)| x as f32 == y as f32) =>
        {
            Vec::new()
        }
        // A body the client reads as bytes (`application/yaml`, `text/csv`) against its example text.
        (Value::String(text), Value::Array(bytes))
            if bytes
                .iter()
                .map(|b| b.as_f64().map(|b| b as u8))
                .collect::<Option<Vec<u8>>>()
                .is_some_and(|bytes| bytes == text.as_bytes()) =>
        {
            Vec::new()
        }
        _ if expected == actual => Vec::new(),
        _ => vec![format!(
            "{}: the example has {expected}, the typed value has {actual}",
            if at.is_empty() { "/" } else { at }
        )],
    }
}

fn is_empty_collection(value: &Value) -> bool {
    matches!(value, Value::Array(items) if items.is_empty())
        || matches!(value, Value::Object(map) if map.is_empty())
}
