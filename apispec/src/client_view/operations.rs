//! One operation in progenitor's copy: its method name, its parameters written out in full, the one request
//! media type progenitor will send, and the table of its documented responses. What progenitor cannot take
//! is left out at the smallest scope that keeps the rest true: an optional parameter or body alone, a
//! required one with its operation.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToUpperCamelCase;
use serde_json::{Map, Value, json};

use super::{
    BinaryPart, BodyKind, ClientOperation, ClientResponse, Effect, MultipartForm, Shaper,
    remove_operation,
};
use crate::media::{is_json_media_type, media_type_essence};
use crate::names::progenitor_snake;
use crate::path_template::PathTemplate;
use crate::{MediaContent, Operation, ParamLocation, StatusKey};

/// Method names progenitor's `Client` (and the traits it implements) already has, and `builder`, which
/// starts building the client.
const RESERVED_METHOD_NAMES: &[&str] = &[
    "builder",
    "new",
    "new_with_client",
    "with_config",
    "api_version",
    "baseurl",
    "client",
    "inner",
    "pre",
    "post",
    "exec",
];

/// Why an operation is left out: where, what and what to do.
struct LeftOut {
    pointer: String,
    reason: String,
    fix: String,
}

impl LeftOut {
    fn new(pointer: &str, reason: impl Into<String>, fix: impl Into<String>) -> LeftOut {
        LeftOut {
            pointer: pointer.to_string(),
            reason: reason.into(),
            fix: fix.into(),
        }
    }
}

pub(super) fn shape_operation(shaper: &mut Shaper<'_>, op: &Operation) {
    let label = op.label();
    // Omissions of parts of an operation that is then left out whole would only be noise.
    let omitted_before = shaper.omissions.len();
    let shaped = parameters(shaper, op, &label).and_then(|parameters| {
        let body = request_body(shaper, op, &label)?;
        Ok((parameters, body))
    });
    let (parameters, (body, request_content_type, multipart)) = match shaped {
        Ok(shaped) => shaped,
        Err(left_out) => {
            shaper.omissions.truncate(omitted_before);
            remove_operation(&mut shaper.copy, &op.pointer);
            shaper.omit(
                Some(label),
                Effect::OperationLeftOut,
                &left_out.pointer,
                left_out.reason,
                left_out.fix,
            );
            return;
        }
    };
    let method_name = method_name(shaper, op);
    let responses = responses(shaper, op, &label);
    let accept = accept_header(op);

    // progenitor's copy: the method's name, every parameter written out, the one body, no responses (the
    // generator decodes them from `responses`).
    if let Some(Value::Object(target)) = shaper.copy.pointer_mut(&op.pointer) {
        target.insert("operationId".into(), json!(method_name));
        target.insert("parameters".into(), Value::Array(parameters.written));
        match body {
            Some(body) => target.insert("requestBody".into(), body),
            None => target.remove("requestBody"),
        };
        target.insert(
            "responses".into(),
            json!({ "default": { "description": "decoded by the generated client" } }),
        );
        target.remove("callbacks");
        // progenitor's WebSocket upgrade code needs crates a client does not have; the 101 is left out.
        target.remove("x-dropshot-websocket");
    }
    shaper.operations.push(ClientOperation {
        renamed_parameters: parameters.renamed,
        deep_object_query: parameters.deep_object_query,
        list_headers: parameters.list_headers,
        operation_id: op.id.clone(),
        method_name,
        method: op.method,
        path: op.path.clone(),
        pointer: op.pointer.clone(),
        responses,
        accept,
        request_content_type,
        multipart,
    });
}

/// `{name}_2` (or `_3`...): a parameter name whose argument name no parameter of the operation has, and
/// which is no name or string anywhere in the document, so the generated code's literal of it can be put
/// back to `name` ([`super::ClientView::wire_names`]) without touching anything else.
fn unused_parameter_name(
    document: &Value,
    name: &str,
    argument_names: &BTreeSet<String>,
) -> String {
    fn written(value: &Value, text: &str) -> bool {
        match value {
            Value::String(s) => s == text,
            Value::Array(items) => items.iter().any(|item| written(item, text)),
            Value::Object(map) => map.iter().any(|(k, v)| k == text || written(v, text)),
            _ => false,
        }
    }
    let mut n = 2;
    loop {
        let candidate = format!("{name}_{n}");
        if !argument_names.contains(&progenitor_snake(&candidate)) && !written(document, &candidate)
        {
            return candidate;
        }
        n += 1;
    }
}

/// The operationId as progenitor spells a method, made distinct from every other method of the client.
fn method_name(shaper: &mut Shaper<'_>, op: &Operation) -> String {
    let wanted = progenitor_snake(&op.id);
    let mut name = wanted.clone();
    let mut n = 2;
    while RESERVED_METHOD_NAMES.contains(&name.as_str())
        || shaper.taken_method_names.contains(&name)
    {
        name = format!("{wanted}_{n}");
        n += 1;
    }
    shaper.taken_method_names.insert(name.clone());
    name
}

/// The parameters of one operation as progenitor's copy has them.
struct WrittenParameters {
    /// Every parameter (path-item ones included) written out in full.
    written: Vec<Value>,
    /// See `ClientOperation::renamed_parameters`.
    renamed: BTreeMap<String, String>,
    /// See `ClientOperation::deep_object_query`.
    deep_object_query: Vec<String>,
    /// See `ClientOperation::list_headers`.
    list_headers: Vec<String>,
}

/// Every parameter of the operation (path-item ones included) written out in full for progenitor's copy.
fn parameters(
    shaper: &mut Shaper<'_>,
    op: &Operation,
    label: &str,
) -> Result<WrittenParameters, LeftOut> {
    let mut renamed_parameters = BTreeMap::new();
    let mut deep_object_query = Vec::new();
    let mut list_headers = Vec::new();
    let template = PathTemplate::parse(&op.path);
    let template_names: BTreeSet<&str> = template.parameter_names().collect();
    let mut argument_names: BTreeSet<String> = BTreeSet::new();
    if op.request_body.is_some() {
        argument_names.insert("body".into());
    }
    // The path's parameters claim their argument names first (the first of two template names that meet
    // wins): a path parameter's name is the template's and cannot be renamed in the copy alone, while a
    // query or header parameter that meets one can, and is still sent under its own name.
    let mut path_arguments: BTreeMap<String, &str> = BTreeMap::new();
    for name in template.parameter_names() {
        let argument = progenitor_snake(name);
        if argument_names.insert(argument.clone()) {
            path_arguments.insert(argument, name);
        }
    }
    let mut written = Vec::new();
    for param in &op.parameters {
        let unsupported = |reason: String, fix: &str| -> Result<(), LeftOut> {
            if param.required {
                Err(LeftOut::new(&param.pointer, reason, fix))
            } else {
                Ok(())
            }
        };
        let raw = shaper
            .copy
            .pointer(&param.pointer)
            .cloned()
            .unwrap_or(Value::Null);
        let style = raw.get("style").and_then(Value::as_str).map(str::to_string);
        let mut renamed_to = None;
        let problem = if param.location == ParamLocation::Cookie {
            Some((
                format!(
                    "cookie parameter `{}` is not supported by the client generator",
                    param.name
                ),
                "send the value in a header parameter instead, or describe it with an overlay that removes it",
            ))
        } else if param.schema.is_none() {
            Some((
                format!(
                    "parameter `{}` has a `content` map instead of a `schema`",
                    param.name
                ),
                "describe the parameter with a `schema`",
            ))
        } else if param.location == ParamLocation::Path
            && !template_names.contains(param.name.as_str())
        {
            // It cannot be sent: the path has no place for it. Never a reason to lose the operation.
            shaper.omit(
                Some(label.to_string()),
                Effect::ParameterLeftOut(param.name.clone()),
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
            continue;
        } else if style.as_deref().is_some_and(|s| {
            !matches!(
                (param.location, s),
                (ParamLocation::Path | ParamLocation::Header, "simple")
                    | (ParamLocation::Query, "form" | "deepObject")
            )
        }) {
            Some((
                format!(
                    "parameter `{}` uses `style: {}`, which the client generator cannot serialize",
                    param.name,
                    style.as_deref().unwrap_or_default()
                ),
                "use the default style for its location (`form` in a query, `simple` elsewhere)",
            ))
        } else {
            let argument = progenitor_snake(&param.name);
            if param.location == ParamLocation::Path {
                (path_arguments.get(&argument) != Some(&param.name.as_str())).then(|| {
                    (
                        format!(
                            "path parameter `{}` would get the argument name `{argument}`, which another parameter of the operation has",
                            param.name
                        ),
                        "rename one of the path's parameters so their snake_case names differ",
                    )
                })
            } else if argument_names.insert(argument.clone()) {
                None
            } else {
                // A query or header parameter beside one with the same argument name (`limit` beside
                // `Limit` in AWS documents' paging, or a path's `id`): renamed in the copy, `Limit_2`
                // (setter `limit_2`), and sent under its own name.
                let renamed = unused_parameter_name(&shaper.copy, &param.name, &argument_names);
                argument_names.insert(progenitor_snake(&renamed));
                shaper
                    .wire_names
                    .insert(renamed.clone(), param.name.clone());
                renamed_parameters.insert(renamed.clone(), param.name.clone());
                renamed_to = Some(renamed);
                None
            }
        };
        if let Some((reason, fix)) = problem {
            unsupported(reason.clone(), fix)?;
            shaper.omit(
                Some(label.to_string()),
                Effect::ParameterLeftOut(param.name.clone()),
                &param.pointer,
                reason,
                fix,
            );
            continue;
        }
        let mut raw = raw;
        if let Value::Object(map) = &mut raw {
            if let Some(renamed) = renamed_to {
                map.insert("name".into(), json!(renamed));
            }
            map.insert("required".into(), json!(param.required));
            // A parameter is absent or has a value: null cannot be sent in a path, query or header, and
            // progenitor makes a nullable optional one `Option<Option<T>>`.
            if let Some(Value::Object(schema)) = map.get_mut("schema") {
                schema.remove("nullable");
            }
            // progenitor knows `form` only; a `deepObject` is sent by the runtime
            // (`ClientOperation::deep_object_query`).
            if style.as_deref() == Some("deepObject") {
                map.remove("style");
                map.remove("explode");
                deep_object_query.push(param.name.clone());
            }
            // progenitor writes a header with `to_string()`: a list of scalars is written by the
            // runtime instead (`ClientOperation::list_headers`), items comma-separated (the `simple`
            // style); anything else that is not a scalar is taken as the header's text.
            let header_shape = (param.location == ParamLocation::Header)
                .then(|| map.get("schema"))
                .flatten()
                .and_then(|schema| header_shape(&shaper.copy, schema));
            if header_shape == Some(HeaderShape::ListOfScalars) {
                list_headers.push(param.name.clone());
            } else if header_shape == Some(HeaderShape::Structured) {
                map.insert("schema".into(), json!({"type": "string"}));
                shaper.omit(
                    Some(label.to_string()),
                    Effect::SchemaLoosened,
                    &param.pointer,
                    format!(
                        "header `{}` is an object, or a list of lists or objects; the client takes the header's text",
                        param.name
                    ),
                    "nothing to change: pass the header as its text",
                );
            }
        }
        written.push(raw);
    }
    for name in template_names {
        let declared = op
            .parameters
            .iter()
            .any(|p| p.location == ParamLocation::Path && p.name == name);
        if !declared {
            shaper.omit(
                Some(label.to_string()),
                Effect::SchemaLoosened,
                &op.pointer,
                format!(
                    "the path `{}` has `{{{name}}}` but no path parameter declares it; the client takes it as a string",
                    op.path
                ),
                format!("declare a parameter `{name}` with `in: path` and its schema"),
            );
            written.push(
                json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}),
            );
        }
    }
    Ok(WrittenParameters {
        written,
        renamed: renamed_parameters,
        deep_object_query,
        list_headers,
    })
}

/// What a header parameter's schema holds, where it is not one scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderShape {
    /// A list whose items are scalars: sent comma-separated.
    ListOfScalars,
    /// An object, or a list of lists or objects: no text form the client can write for it.
    Structured,
}

/// What a header parameter's schema holds where it is not one scalar (`None`: a scalar, or no type said).
fn header_shape(document: &Value, schema: &Value) -> Option<HeaderShape> {
    fn type_of<'v>(document: &'v Value, schema: &'v Value) -> Option<&'v str> {
        crate::follow_refs(document, schema)?.get("type")?.as_str()
    }
    match type_of(document, schema)? {
        "object" => Some(HeaderShape::Structured),
        "array" => {
            let items = crate::follow_refs(document, schema)?.get("items");
            let item_type = items.and_then(|items| type_of(document, items));
            Some(match item_type {
                Some("string" | "integer" | "number" | "boolean") => HeaderShape::ListOfScalars,
                _ => HeaderShape::Structured,
            })
        }
        _ => None,
    }
}

/// The body progenitor sends, in one of the media types it knows, and the media type to put on the wire
/// when it differs from progenitor's.
fn request_body(
    shaper: &mut Shaper<'_>,
    op: &Operation,
    label: &str,
) -> Result<ShapedBody, LeftOut> {
    let Some(body) = op.request_body.as_ref().filter(|b| !b.contents.is_empty()) else {
        return Ok((None, None, None));
    };
    let sendable = |c: &&MediaContent| !media_type_essence(&c.media_type).starts_with("multipart/");
    let form =
        |c: &&MediaContent| essence(c) == "multipart/form-data" && form_fields(shaper, c).is_some();
    let chosen = body
        .contents
        .iter()
        .find(|c| c.is_json())
        .or_else(|| {
            body.contents
                .iter()
                .find(|c| essence(c) == "application/x-www-form-urlencoded")
        })
        .or_else(|| body.contents.iter().find(form))
        .or_else(|| body.contents.iter().find(|c| is_plain_text(shaper, c)))
        .or_else(|| body.contents.iter().find(sendable));
    let Some(chosen) = chosen else {
        let types: Vec<&str> = body
            .contents
            .iter()
            .map(|c| c.media_type.as_str())
            .collect();
        let reason = format!(
            "request body media type {} is not supported by the client generator",
            types.join(", ")
        );
        let fix = "document an application/json (or a binary) body beside it, or leave the operation out with an overlay";
        if body.required {
            return Err(LeftOut::new(&body.pointer, reason, fix));
        }
        shaper.omit(
            Some(label.to_string()),
            Effect::BodyLeftOut,
            &body.pointer,
            reason,
            fix,
        );
        return Ok((None, None, None));
    };
    let chosen_essence = essence(chosen);
    if chosen_essence == "multipart/form-data"
        && let Some((schema, multipart)) = multipart_body(shaper, op, chosen)
    {
        let inline = json!({
            "required": body.required,
            "content": { "application/json": { "schema": schema } },
        });
        return Ok((Some(inline), None, Some(multipart)));
    }
    let (sent_as, schema, wire_type) = if chosen.is_json() {
        let schema = match &chosen.schema {
            Some(schema) => named_body_schema(shaper, op, &schema.pointer),
            // A JSON body documented without a schema is any JSON value.
            None => json!({}),
        };
        let wire = (chosen_essence != "application/json").then(|| chosen.media_type.clone());
        ("application/json".to_string(), schema, wire)
    } else if chosen_essence == "application/x-www-form-urlencoded" {
        let schema = chosen
            .schema
            .as_ref()
            .map(|s| named_body_schema(shaper, op, &s.pointer))
            .unwrap_or_else(|| json!({"type": "object"}));
        (chosen_essence.clone(), schema, None)
    } else if is_plain_text(shaper, chosen) {
        (chosen_essence.clone(), json!({"type": "string"}), None)
    } else {
        // Any other media type is bytes, sent with its own content type (a concrete one: a wildcard such
        // as `image/*` cannot be put on the wire).
        let wire = (chosen_essence != "application/octet-stream" && !chosen_essence.contains('*'))
            .then(|| chosen.media_type.clone());
        (
            "application/octet-stream".to_string(),
            json!({"type": "string", "format": "binary"}),
            wire,
        )
    };
    let inline = json!({
        "required": body.required,
        "content": { sent_as: { "schema": schema } },
    });
    Ok((Some(inline), wire_type, None))
}

/// The request body for progenitor's copy, the media type to send it as when progenitor sends a stand-in,
/// and how to re-encode it as a form.
type ShapedBody = (Option<Value>, Option<String>, Option<MultipartForm>);

/// The fields of a form body's schema (an object with `properties`, after following `$ref`s).
fn form_fields<'c>(
    shaper: &'c Shaper<'_>,
    content: &MediaContent,
) -> Option<&'c Map<String, Value>> {
    let written = shaper.copy.pointer(&content.schema.as_ref()?.pointer)?;
    crate::follow_refs(&shaper.copy, written)?
        .get("properties")?
        .as_object()
}

/// A `multipart/form-data` body as progenitor can build it: the schema copied under `<OperationId>Body`
/// with each binary field typed as bytes (a list of bytes for several files), and the parts that are files.
fn multipart_body(
    shaper: &mut Shaper<'_>,
    op: &Operation,
    content: &MediaContent,
) -> Option<(Value, MultipartForm)> {
    let written = shaper.copy.pointer(&content.schema.as_ref()?.pointer)?;
    let mut schema = crate::follow_refs(&shaper.copy, written)?.clone();
    let encoding = shaper
        .copy
        .pointer(&format!("{}/encoding", content.pointer))
        .cloned()
        .unwrap_or(Value::Null);
    let bytes = json!({"type": "array", "items": {"type": "integer", "format": "uint8"}});
    let mut binary_parts = Vec::new();
    let properties = schema.get_mut("properties")?.as_object_mut()?;
    for (name, property) in properties.iter_mut() {
        let resolved = crate::follow_refs(&shaper.copy, property).unwrap_or(property);
        let is_binary = |s: &Value| {
            s.get("type").and_then(Value::as_str) == Some("string")
                && s.get("format").and_then(Value::as_str) == Some("binary")
        };
        let typed = if is_binary(resolved) {
            bytes.clone()
        } else if resolved.get("type").and_then(Value::as_str) == Some("array")
            && resolved
                .get("items")
                .and_then(|items| crate::follow_refs(&shaper.copy, items))
                .is_some_and(is_binary)
        {
            json!({"type": "array", "items": bytes})
        } else {
            continue;
        };
        let content_type = encoding
            .pointer(&format!("/{}/contentType", crate::pointer::escape(name)))
            .and_then(Value::as_str)
            .filter(|t| !t.contains([',', '*']))
            .unwrap_or("application/octet-stream");
        binary_parts.push(BinaryPart {
            name: name.clone(),
            content_type: content_type.to_string(),
        });
        *property = typed;
    }
    let name = shaper.claim_type_name(&format!("{}Body", op.id.to_upper_camel_case()));
    shaper.component_schemas().insert(name.clone(), schema);
    let reference = json!({ "$ref": format!("#/components/schemas/{name}") });
    Some((reference, MultipartForm { binary_parts }))
}

fn essence(content: &MediaContent) -> String {
    media_type_essence(&content.media_type)
}

/// `text/plain` (or `text/x-markdown`) with the only schema progenitor sends as text: a plain string.
fn is_plain_text(shaper: &Shaper<'_>, content: &MediaContent) -> bool {
    matches!(essence(content).as_str(), "text/plain" | "text/x-markdown")
        && content.schema.as_ref().is_some_and(|schema| {
            let schema = shaper
                .copy
                .pointer(&schema.pointer)
                .unwrap_or(&schema.schema);
            let resolved = crate::follow_refs(&shaper.copy, schema).unwrap_or(schema);
            resolved.get("type").and_then(Value::as_str) == Some("string")
                && resolved.get("format").is_none()
                && resolved.get("pattern").is_none()
                && resolved.get("enum").is_none()
                && resolved.get("minLength").is_none()
                && resolved.get("maxLength").is_none()
                && resolved.get("nullable").and_then(Value::as_bool) != Some(true)
                && resolved.get("default").is_none()
        })
}

/// The request body schema at `pointer` of the copy: a reference to a component stays one; an inline
/// schema is hoisted into `components/schemas` under `<OperationId>Body` (made distinct), so its type name
/// never meets another.
fn named_body_schema(shaper: &mut Shaper<'_>, op: &Operation, pointer: &str) -> Value {
    let schema = shaper
        .copy
        .pointer(pointer)
        .cloned()
        .unwrap_or_else(|| json!({}));
    if component_ref(&schema).is_some() {
        return schema;
    }
    let resolved = crate::follow_refs(&shaper.copy, &schema)
        .cloned()
        .unwrap_or_else(|| json!({}));
    let name = shaper.claim_type_name(&format!("{}Body", op.id.to_upper_camel_case()));
    shaper.component_schemas().insert(name.clone(), resolved);
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// The component a schema is a plain reference to (`#/components/schemas/Name`), if it is one.
fn component_ref(schema: &Value) -> Option<String> {
    let name = schema
        .get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")?;
    (!name.contains('/')).then(|| crate::pointer::unescape(name))
}

fn responses(shaper: &mut Shaper<'_>, op: &Operation, label: &str) -> Vec<ClientResponse> {
    let any_success = op.responses.iter().any(|r| r.status.is_success());
    let mut responses = Vec::new();
    for response in &op.responses {
        if matches!(
            response.status,
            StatusKey::Code(100..=199) | StatusKey::Range(1)
        ) {
            shaper.omit(
                Some(label.to_string()),
                Effect::ResponseLeftOut(response.status),
                &response.pointer,
                format!(
                    "informational status {} (a protocol switch) cannot be returned by the client",
                    response.status
                ),
                "nothing to change if the operation is a protocol upgrade; call it with your own HTTP client",
            );
            continue;
        }
        let body = body_kind(shaper, op, response.status, &response.contents);
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
    shaper: &mut Shaper<'_>,
    op: &Operation,
    status: StatusKey,
    contents: &[MediaContent],
) -> BodyKind {
    let Some(content) = crate::media::preferred_content(contents) else {
        return BodyKind::Empty;
    };
    if !content.is_json() {
        return if essence(content).starts_with("text/") {
            BodyKind::Text
        } else {
            BodyKind::Binary
        };
    }
    let Some(schema) = &content.schema else {
        return BodyKind::AnyJson;
    };
    // The repaired schema of the copy (its components may have been renamed, see `type_names`).
    let written = shaper
        .copy
        .pointer(&schema.pointer)
        .cloned()
        .unwrap_or_else(|| schema.schema.clone());
    if let Some(name) = component_ref(&written) {
        return BodyKind::Json(name);
    }
    // Inline (or deep-ref) schema: give it a name of its own.
    let Some(resolved) = crate::follow_refs(&shaper.copy, &written).cloned() else {
        return BodyKind::AnyJson;
    };
    let base = op.id.to_upper_camel_case();
    let suffix = match status {
        s if s.is_success() => "Response".to_string(),
        StatusKey::Code(code) => format!("Error{code}"),
        StatusKey::Range(digit) => format!("Error{digit}xx"),
        StatusKey::Default => "ErrorDefault".to_string(),
    };
    let mut wanted = format!("{base}{suffix}");
    if status.is_success() && shaper.taken_type_names.contains(&wanted) {
        wanted = format!("{base}Response{status}");
    }
    let name = shaper.claim_type_name(&wanted);
    shaper.component_schemas().insert(name.clone(), resolved);
    BodyKind::Json(name)
}

/// The media types the client decodes: each response's preferred content (its JSON one, else its first).
/// A type a response offers beside the one the client reads is left out, so a server that negotiates
/// (the mock, by document order among equals) does not send a `video/mp4` where the client reads JSON.
fn accept_header(op: &Operation) -> Option<String> {
    let mut types: Vec<&str> = Vec::new();
    for content in op
        .responses
        .iter()
        .filter_map(|r| crate::media::preferred_content(&r.contents))
    {
        // A wildcard range in a spec (`image/*`) is a fine thing to accept.
        if !types.contains(&content.media_type.as_str()) {
            types.push(&content.media_type);
        }
    }
    // JSON first: it is what the typed variants decode.
    types.sort_by_key(|t| !is_json_media_type(t));
    (!types.is_empty()).then(|| types.join(", "))
}
