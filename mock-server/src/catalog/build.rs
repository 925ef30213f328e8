//! Building the catalog from loaded documents: each operation's checks (parameters, credentials, body),
//! its documented responses with their bodies serialized once, the routes and health documents.

use std::collections::BTreeSet;
use std::sync::Arc;

use apispec::examples::invalid_examples_compiled;
use apispec::path_template::PathTemplate;
use apispec::{
    CompiledSchemas, CredentialPlacement, Direction, Document, Operation, ParamLocation,
    SchemaRoot, SpecError,
};
use axum::body::Bytes;
use axum::http::{HeaderName, HeaderValue};
use serde_json::{Value, json};

use super::{
    BodyCheck, BodyContent, Catalog, CatalogError, MockContent, MockExample, MockOperation,
    MockResponse, MountedSpec, ParamCheck, RequiredCredential, ValueKind,
};

/// What building one spec's operations reads: the document, its schemas compiled once each, and the
/// examples found to break their schemas.
struct SpecContext<'d> {
    doc: &'d Document,
    root: SchemaRoot,
    schemas: CompiledSchemas,
    /// Pointers of the examples that break their schemas: served only when named.
    invalid_examples: BTreeSet<String>,
    /// Bodies that cannot be built from their schema (a `$ref` cycle with no way out).
    unservable: Vec<String>,
}

pub(super) fn add_spec(
    catalog: &mut Catalog,
    doc: Document,
    prefix: String,
    strict: bool,
) -> Result<(), CatalogError> {
    let spec_index = catalog.specs.len();
    let mut context = SpecContext {
        doc: &doc,
        root: doc.schema_root(),
        schemas: CompiledSchemas::new(&doc)?,
        invalid_examples: BTreeSet::new(),
        unservable: Vec::new(),
    };

    // Every example is checked against its schema once, here; each invalid one is named by its first
    // violation. A schema that cannot be compiled is a warning below, and its examples are not checked.
    let mut invalid_messages = Vec::new();
    for invalid in invalid_examples_compiled(&doc, &mut context.schemas) {
        if context
            .invalid_examples
            .insert(invalid.example_pointer.clone())
        {
            invalid_messages.push(invalid.to_string());
        }
    }
    if strict && !invalid_messages.is_empty() {
        return Err(CatalogError::InvalidExamples(invalid_messages));
    }
    for message in invalid_messages {
        tracing::warn!("{message} (loaded anyway; --strict refuses it)");
        catalog.warnings.push(message);
    }

    let mut count = 0;
    let mut catalog_index = Vec::with_capacity(doc.operations.len());
    for op in &doc.operations {
        let mock = mock_operation(&mut context, op, spec_index, &prefix)?;
        let index = catalog.operations.len();
        if let Err(shadowed) =
            catalog
                .router
                .insert(&mock.segments, &mock.fixed_query, mock.method, index)
        {
            let message = format!(
                "{} #{}: {} {} has the same path shape as {} and cannot be reached",
                doc.source,
                op.pointer,
                op.method,
                op.path,
                catalog.operations[shadowed.existing].label
            );
            tracing::warn!("{message}");
            catalog.warnings.push(message);
            catalog_index.push(None);
            continue;
        }
        catalog_index.push(Some(catalog.operations.len()));
        catalog.operations.push(mock);
        count += 1;
    }
    catalog.state.add_spec(
        &doc,
        &prefix,
        &catalog_index,
        &catalog.operations,
        &mut context.schemas,
    );
    let mut parts_left_out: Vec<String> = doc.warnings.iter().map(ToString::to_string).collect();
    parts_left_out.append(&mut context.unservable);
    for error in context.schemas.uncompilable() {
        let message = format!("{error} (not validated)");
        tracing::warn!("{message}");
        parts_left_out.push(message);
    }
    if strict && !parts_left_out.is_empty() {
        return Err(CatalogError::PartsLeftOut(parts_left_out));
    }
    catalog.warnings.append(&mut parts_left_out);
    let schema_root = context.root;
    catalog.specs.push(MountedSpec {
        name: doc.name.as_str().into(),
        source: doc.source.clone(),
        title: doc.title().to_string(),
        prefix,
        schema_root,
        operation_count: count,
    });
    Ok(())
}

fn mock_operation(
    context: &mut SpecContext<'_>,
    op: &Operation,
    spec: usize,
    prefix: &str,
) -> Result<MockOperation, SpecError> {
    let path = format!("{prefix}{}", op.path);
    let template = PathTemplate::parse(&path);

    let parameters = parameter_checks(context, op, &template);
    let (security, challenge) = required_credentials(op);
    let body = body_check(context, op);
    let responses = documented_responses(context, op);

    Ok(MockOperation {
        spec,
        label: format!("{}.{}", context.doc.name, op.id),
        operation_id: op.id.as_str().into(),
        method: op.method,
        path,
        segments: template.segments,
        fixed_query: template.fixed_query,
        parameters,
        security,
        challenge,
        body,
        responses,
        pointer: op.pointer.as_str().into(),
    })
}

/// What each parameter that can be sent must be. Header parameters OpenAPI ignores (`Accept`,
/// `Content-Type`, `Authorization`) and path parameters the template does not use are left out.
fn parameter_checks(
    context: &mut SpecContext<'_>,
    op: &Operation,
    template: &PathTemplate,
) -> Vec<ParamCheck> {
    let mut parameters = Vec::new();
    for param in &op.parameters {
        let header = match param.location {
            ParamLocation::Header => {
                // OpenAPI: header parameters with these names are ignored.
                let lower = param.name.to_ascii_lowercase();
                if matches!(lower.as_str(), "accept" | "content-type" | "authorization") {
                    continue;
                }
                match HeaderName::from_bytes(lower.as_bytes()) {
                    Ok(name) => Some(name),
                    Err(_) => continue,
                }
            }
            _ => None,
        };
        let path_position = match param.location {
            ParamLocation::Path => match template.position_of(&param.name) {
                Some(position) => Some(position),
                // A path parameter the template does not use cannot be sent: nothing to check.
                None => continue,
            },
            _ => None,
        };
        let (kind, validator) = match &param.schema {
            Some(schema) => (
                value_kind(&context.root, &schema.schema, 0),
                context.schemas.validator(schema, Direction::Request),
            ),
            None => (ValueKind::Other, None),
        };
        parameters.push(ParamCheck {
            name: param.name.clone(),
            location: param.location,
            header,
            required: param.required,
            kind,
            array_encoding: param.array_encoding,
            object_encoding: param.object_encoding,
            path_position,
            validator,
            pointer: param.pointer.as_str().into(),
        });
    }
    parameters
}

/// The credentials each security alternative requires, and the `WWW-Authenticate` challenge naming them.
fn required_credentials(op: &Operation) -> (Vec<Vec<RequiredCredential>>, HeaderValue) {
    let mut security = Vec::new();
    let mut challenges = Vec::new();
    for requirement in &op.security {
        let mut credentials = Vec::new();
        for scheme in &requirement.schemes {
            let placement = scheme.placement();
            let challenge = match &placement {
                CredentialPlacement::Header(name)
                | CredentialPlacement::Query(name)
                | CredentialPlacement::Cookie(name) => {
                    let location = match &placement {
                        CredentialPlacement::Query(_) => "query",
                        CredentialPlacement::Cookie(_) => "cookie",
                        _ => "header",
                    };
                    format!("ApiKey realm=\"*\", in=\"{location}\", name=\"{name}\"")
                }
                CredentialPlacement::Authorization { scheme } => {
                    let mut title = scheme.clone();
                    if let Some(first) = title.get_mut(..1) {
                        first.make_ascii_uppercase();
                    }
                    format!("{title} realm=\"*\"")
                }
            };
            let credential = match placement {
                // A header name that cannot be sent cannot be required.
                CredentialPlacement::Header(name) => {
                    match HeaderName::from_bytes(name.to_ascii_lowercase().as_bytes()) {
                        Ok(header) => CredentialPlacement::Header(header.as_str().to_string()),
                        Err(_) => continue,
                    }
                }
                other => other,
            };
            credentials.push(RequiredCredential {
                scheme: scheme.name.clone(),
                placement: credential,
            });
            if !challenges.contains(&challenge) {
                challenges.push(challenge);
            }
        }
        security.push(credentials);
    }
    let challenge = HeaderValue::from_str(&challenges.join(", "))
        .unwrap_or_else(|_| HeaderValue::from_static("Bearer"));
    (security, challenge)
}

/// What the request body must be, per media type.
fn body_check(context: &mut SpecContext<'_>, op: &Operation) -> Option<BodyCheck> {
    let body = op.request_body.as_ref()?;
    let mut contents = Vec::new();
    for content in &body.contents {
        let essence = apispec::media_type_essence(&content.media_type);
        let form_fields = match &content.schema {
            Some(schema) if FORM_MEDIA_TYPES.contains(&essence.as_str()) => {
                form_fields(&context.root, &schema.schema)
            }
            _ => None,
        };
        let validator = match &content.schema {
            Some(schema) if content.is_json() || form_fields.is_some() => {
                context.schemas.validator(schema, Direction::Request)
            }
            _ => None,
        };
        contents.push(BodyContent {
            essence,
            is_json: content.is_json(),
            form_fields,
            validator,
        });
    }
    Some(BodyCheck {
        required: body.required,
        contents,
        pointer: body.pointer.as_str().into(),
    })
}

/// Whether a header belongs to the connection and the message's framing, which the server writes for
/// the body it actually sends: a documented `Transfer-Encoding: chunked` (OpenAI's speech endpoint)
/// served with a sample value beside a `Content-Length` makes the response unreadable.
fn is_framing_header(name: &HeaderName) -> bool {
    use axum::http::header;
    [
        header::CONTENT_LENGTH,
        header::TRANSFER_ENCODING,
        header::CONNECTION,
        header::UPGRADE,
        header::TE,
        header::TRAILER,
        header::PROXY_AUTHENTICATE,
    ]
    .contains(name)
        || name.as_str() == "keep-alive"
}

/// Every documented response, with its headers' values and its bodies serialized once.
fn documented_responses(context: &mut SpecContext<'_>, op: &Operation) -> Vec<MockResponse> {
    let mut responses = Vec::new();
    for response in &op.responses {
        let mut headers = Vec::new();
        for header in &response.headers {
            let Ok(name) = HeaderName::from_bytes(header.name.to_ascii_lowercase().as_bytes())
            else {
                continue;
            };
            if name == axum::http::header::CONTENT_TYPE || is_framing_header(&name) {
                continue;
            }
            let value = match (header.examples.first(), &header.schema) {
                (Some(example), _) if !context.invalid_examples.contains(&example.pointer) => {
                    Some(example.value.clone())
                }
                (_, Some(schema)) => Some(sample_valid(context, schema, Direction::Response)),
                _ => None,
            };
            if let Some(value) = value.as_ref().and_then(header_text)
                && let Ok(value) = HeaderValue::from_str(&value)
            {
                headers.push((name, value));
            }
        }
        let mut contents = Vec::new();
        for content in &response.contents {
            let is_json = content.is_json();
            let examples: Vec<MockExample> = content
                .examples
                .iter()
                .map(|example| MockExample {
                    name: example.name.as_deref().map(Arc::from),
                    body: body_bytes(&example.value, is_json),
                    valid: !context.invalid_examples.contains(&example.pointer),
                })
                .collect();
            let default_body = match examples.iter().find(|e| e.valid) {
                Some(example) => example.body.clone(),
                None => match &content.schema {
                    Some(schema) => {
                        body_bytes(&sample_valid(context, schema, Direction::Response), is_json)
                    }
                    None => Bytes::new(),
                },
            };
            let content_type = HeaderValue::from_str(&content.media_type)
                .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
            contents.push(MockContent {
                essence: apispec::media_type_essence(&content.media_type),
                content_type,
                is_json,
                examples,
                default_body,
                schema: content.schema.as_ref().map(|s| s.schema.clone()),
                validator: match &content.schema {
                    Some(schema) if is_json => {
                        context.schemas.validator(schema, Direction::Response)
                    }
                    _ => None,
                },
            });
        }
        responses.push(MockResponse {
            status: response.status,
            headers,
            contents,
        });
    }
    responses
}

/// The static sample of a schema, checked against it; built again without the schema's own `default` and
/// `example` values when those break it.
fn sample_valid(
    context: &mut SpecContext<'_>,
    schema: &apispec::SchemaAt,
    direction: Direction,
) -> Value {
    let value = match context
        .doc
        .sampler(direction)
        .static_value_checked(&schema.schema)
    {
        Ok(value) => value,
        Err(reason) => {
            // A body no finite value satisfies: served as null, warned about, refused by --strict.
            let message = format!("{} #{}: {reason}", context.doc.source, schema.pointer);
            context.unservable.push(message);
            return Value::Null;
        }
    };
    let Some(validator) = context.schemas.validator(schema, direction) else {
        return value;
    };
    if validator.is_valid(&value) {
        return value;
    }
    let plain = context
        .doc
        .sampler(direction)
        .ignoring_documented_values()
        .static_value(&schema.schema);
    if !validator.is_valid(&plain) {
        tracing::warn!(
            "{} #{}: no value valid against this schema could be built; serving a best effort",
            context.doc.source,
            schema.pointer
        );
    }
    plain
}

/// A body's bytes: JSON text, or for other media types a string example as it is.
pub fn body_bytes(value: &Value, is_json: bool) -> Bytes {
    match value {
        Value::String(text) if !is_json => Bytes::from(text.clone()),
        _ => Bytes::from(serde_json::to_vec(value).unwrap_or_default()),
    }
}

/// A header's text for a JSON value (`simple` style: arrays comma-separated).
fn header_text(value: &Value) -> Option<String> {
    match value {
        Value::Null | Value::Object(_) => None,
        Value::String(text) => Some(text.clone()),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(header_text)
                .collect::<Vec<_>>()
                .join(","),
        ),
        other => Some(other.to_string()),
    }
}

/// How a parameter's text is read, from the type its schema declares.
/// The media types whose bodies are forms: named fields of text (or files).
pub(crate) const FORM_MEDIA_TYPES: [&str; 2] =
    ["application/x-www-form-urlencoded", "multipart/form-data"];

/// The fields of a form body's schema, when it is an object that names them.
fn form_fields(root: &SchemaRoot, schema: &Value) -> Option<Vec<(String, ValueKind)>> {
    let properties = root.resolve(schema)?.get("properties")?.as_object()?;
    Some(
        properties
            .iter()
            .map(|(name, property)| (name.clone(), value_kind(root, property, 0)))
            .collect(),
    )
}

pub(super) fn value_kind(root: &SchemaRoot, schema: &Value, depth: usize) -> ValueKind {
    if depth > 8 {
        return ValueKind::Other;
    }
    let Some(schema) = root.resolve(schema) else {
        return ValueKind::Other;
    };
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => ValueKind::String,
        Some("integer") => ValueKind::Integer,
        Some("number") => ValueKind::Number,
        Some("boolean") => ValueKind::Boolean,
        Some("array") => ValueKind::Array(Box::new(
            schema.get("items").map_or(ValueKind::String, |items| {
                value_kind(root, items, depth + 1)
            }),
        )),
        Some("object") => ValueKind::Object(properties(root, schema, depth)),
        Some(_) => ValueKind::Other,
        None if schema.get("properties").is_some() => {
            ValueKind::Object(properties(root, schema, depth))
        }
        None => ["allOf", "oneOf", "anyOf"]
            .iter()
            .filter_map(|key| schema.get(*key).and_then(Value::as_array))
            .flatten()
            .map(|part| value_kind(root, part, depth + 1))
            .find(|kind| *kind != ValueKind::Other)
            .unwrap_or(ValueKind::Other),
    }
}

/// The properties of an object schema (its own and its `allOf` parts'), each with its kind.
fn properties(root: &SchemaRoot, schema: &Value, depth: usize) -> Vec<(String, ValueKind)> {
    let mut found: Vec<(String, ValueKind)> = Vec::new();
    let own = schema.get("properties").and_then(Value::as_object);
    for (name, property) in own.into_iter().flatten() {
        if !found.iter().any(|(known, _)| known == name) {
            found.push((name.clone(), value_kind(root, property, depth + 1)));
        }
    }
    let parts = schema.get("allOf").and_then(Value::as_array);
    for part in parts.into_iter().flatten() {
        if depth < 8
            && let Some(part) = root.resolve(part)
        {
            for (name, kind) in properties(root, part, depth + 1) {
                if !found.iter().any(|(known, _)| *known == name) {
                    found.push((name, kind));
                }
            }
        }
    }
    found
}

pub(super) fn routes_json(catalog: &Catalog) -> Bytes {
    let routes: Vec<Value> = catalog
        .operations
        .iter()
        .map(|op| route_json(catalog, op))
        .collect();
    Bytes::from(serde_json::to_vec(&json!({ "routes": routes })).unwrap_or_default())
}

/// One operation as `GET /__mock/routes` lists it.
pub fn route_json(catalog: &Catalog, op: &MockOperation) -> Value {
    let spec = &catalog.specs[op.spec];
    json!({
        "spec": spec.name,
        "method": op.method.as_str(),
        "path": op.path,
        "operationId": op.operation_id,
        "statuses": op.responses.iter().map(|r| r.status.to_string()).collect::<Vec<_>>(),
    })
}

pub(super) fn health_json(catalog: &Catalog) -> Bytes {
    let specs: Vec<Value> = catalog
        .specs
        .iter()
        .map(|spec| {
            json!({
                "name": spec.name,
                "title": spec.title,
                "source": spec.source,
                "prefix": if spec.prefix.is_empty() { "/" } else { spec.prefix.as_str() },
                "operations": spec.operation_count,
            })
        })
        .collect();
    Bytes::from(
        serde_json::to_vec(&json!({
            "status": "ok",
            "specs": specs,
            "warnings": catalog.warnings.len(),
        }))
        .unwrap_or_default(),
    )
}
