//! The loaded state the server answers from: every mounted operation turned, once at load, into plain data
//! that requests only read — the routing trie, compiled validators, pre-serialized bodies and header
//! values. Nothing here is computed per request; a reload builds a new `Catalog` and swaps it in whole.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use apispec::examples::invalid_examples_compiled;
use apispec::path_template::{PathTemplate, Segment};
use apispec::{
    ArrayEncoding, CompiledSchemas, CredentialPlacement, Direction, Document, LoadError, Method,
    ObjectEncoding, Operation, ParamLocation, SchemaRoot, SchemaValidator, StatusKey,
};
use axum::body::Bytes;
use axum::http::{HeaderName, HeaderValue};
use serde_json::{Value, json};

use crate::routing::Router;
use crate::state::StateModel;

/// Where a spec comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecSource {
    /// Text compiled into the binary (the specs of `specs/`), with its overlay's `(file name, text)`.
    Embedded {
        file_name: &'static str,
        text: &'static str,
        overlay: Option<(&'static str, &'static str)>,
    },
    /// A file read at start (and again on change, with `--watch`).
    File(PathBuf),
}

impl SpecSource {
    /// Every spec of the workspace's `specs/` folder, as compiled into this binary.
    pub fn embedded() -> Vec<SpecSource> {
        crate::embedded::EMBEDDED_SPECS
            .iter()
            .map(|embedded| SpecSource::Embedded {
                file_name: embedded.spec.0,
                text: embedded.spec.1,
                overlay: embedded.overlay,
            })
            .collect()
    }

    pub fn load(&self) -> Result<Document, LoadError> {
        match self {
            SpecSource::File(path) => Document::load(path),
            SpecSource::Embedded {
                file_name,
                text,
                overlay,
            } => {
                let path = Path::new(file_name);
                let name = apispec::SpecName::from_path(path)?;
                let overlay_source =
                    overlay.map(|(overlay_name, _)| format!("specs/{overlay_name}"));
                let overlay =
                    overlay
                        .zip(overlay_source.as_deref())
                        .map(|((overlay_name, text), source)| apispec::OverlayText {
                            source,
                            text,
                            is_json: apispec::spec_file::is_json_file(Path::new(overlay_name)),
                        });
                Document::parse_with_overlay(
                    &format!("specs/{file_name}"),
                    &name.name,
                    text,
                    apispec::spec_file::is_json_file(path),
                    overlay,
                )
            }
        }
    }

    /// The file to watch for changes, if there is one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            SpecSource::File(path) => Some(path),
            SpecSource::Embedded { .. } => None,
        }
    }
}

/// Where specs are mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mount {
    /// Each spec under `/<file stem>`.
    Prefixed,
    /// The one spec at `/`.
    Root,
}

/// Why the specs cannot be served.
#[derive(Debug)]
pub enum CatalogError {
    Load(LoadError),
    /// `--strict` and some examples break their schemas.
    InvalidExamples(Vec<String>),
    /// `--strict` and parts of a spec cannot be served as written (a `$ref` to nothing, a schema that
    /// cannot be compiled): without `--strict` they are served with load warnings.
    PartsLeftOut(Vec<String>),
    /// Two specs want the same prefix, or several specs were asked to mount at `/`.
    Mount(String),
}

impl std::fmt::Display for CatalogError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CatalogError::Load(error) => write!(f, "{error}"),
            CatalogError::InvalidExamples(found) => strict_refusal(
                f,
                &format!("{} example(s) break their schema", found.len()),
                found,
                "fix the examples, or start without --strict to serve the spec with warnings",
            ),
            CatalogError::PartsLeftOut(found) => strict_refusal(
                f,
                &format!(
                    "{} part(s) of the spec cannot be served as written",
                    found.len()
                ),
                found,
                "fix them, or start without --strict to serve the rest with warnings",
            ),
            CatalogError::Mount(reason) => write!(f, "{reason}"),
        }
    }
}

/// What `--strict` refused, one line per problem, and what to do.
fn strict_refusal(
    f: &mut std::fmt::Formatter<'_>,
    what: &str,
    found: &[String],
    help: &str,
) -> std::fmt::Result {
    writeln!(f, "{what} (--strict):")?;
    for line in found {
        writeln!(f, "  {line}")?;
    }
    write!(f, "  help: {help}")
}

impl std::error::Error for CatalogError {}

impl From<LoadError> for CatalogError {
    fn from(error: LoadError) -> Self {
        CatalogError::Load(error)
    }
}

/// How a parameter's text is read as JSON before validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKind {
    String,
    Integer,
    Number,
    Boolean,
    /// Comma-separated (or repeated, in a query) values of one kind.
    Array(Box<ValueKind>),
    /// Named properties, each of its own kind (how they are written: [`ParamCheck::object_encoding`]).
    Object(Vec<(String, ValueKind)>),
    /// Anything else: validated as text.
    Other,
}

/// A parameter to check on each request.
#[derive(Debug)]
pub struct ParamCheck {
    pub name: String,
    pub location: ParamLocation,
    /// For header parameters: the header to read.
    pub header: Option<HeaderName>,
    pub required: bool,
    pub kind: ValueKind,
    /// How an array value is written (query parameters may repeat).
    pub array_encoding: ArrayEncoding,
    /// How an object value is written (`?status=open`, `?filter[status]=open`, `status,open`).
    pub object_encoding: ObjectEncoding,
    /// For path parameters: which segment holds it, and which parameter of a mixed segment it is.
    pub path_position: Option<(usize, usize)>,
    pub validator: Option<Arc<SchemaValidator>>,
    /// Where the parameter is written in the spec (for violations).
    pub pointer: Arc<str>,
}

/// The request body an operation accepts.
#[derive(Debug)]
pub struct BodyCheck {
    pub required: bool,
    pub contents: Vec<BodyContent>,
    /// Where the request body is written in the spec (for violations).
    pub pointer: Arc<str>,
}

#[derive(Debug)]
pub struct BodyContent {
    /// The media type's essence, lower-cased (`application/json`); may hold wildcards (`application/*`).
    pub essence: String,
    pub is_json: bool,
    /// For a form body (`application/x-www-form-urlencoded`, `multipart/form-data`) whose schema names its
    /// fields: each field and how its text reads, so the form is validated as the object it stands for.
    pub form_fields: Option<Vec<(String, ValueKind)>>,
    pub validator: Option<Arc<SchemaValidator>>,
}

/// One example body, serialized once.
#[derive(Debug)]
pub struct MockExample {
    /// Shared with every journal entry that served it.
    pub name: Option<Arc<str>>,
    pub body: Bytes,
    /// False when the example breaks its schema: it is served only when asked for by name.
    pub valid: bool,
}

/// One media type of a response.
#[derive(Debug)]
pub struct MockContent {
    pub essence: String,
    pub content_type: HeaderValue,
    pub is_json: bool,
    pub examples: Vec<MockExample>,
    /// What is served without preferences: the first valid example, else the static sample of the schema.
    pub default_body: Bytes,
    /// For dynamic bodies.
    pub schema: Option<Value>,
    /// Checks bodies a scenario gives for this content (JSON contents with a schema).
    pub validator: Option<Arc<SchemaValidator>>,
}

/// One documented response.
#[derive(Debug)]
pub struct MockResponse {
    pub status: StatusKey,
    /// Documented headers with their example (or sample) values.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Empty when the response has no body.
    pub contents: Vec<MockContent>,
}

/// One credential a security requirement needs: its scheme's name and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredCredential {
    /// The key in `components/securitySchemes`.
    pub scheme: String,
    pub placement: CredentialPlacement,
}

/// Everything the server needs to answer one operation.
#[derive(Debug)]
pub struct MockOperation {
    /// Index of the spec in [`Catalog::specs`].
    pub spec: usize,
    /// `spec.operationId`, as logs name it.
    pub label: String,
    /// The operationId alone (spec names may hold dots, so it is not cut from `label`).
    /// Shared with every journal entry of the operation.
    pub operation_id: Arc<str>,
    pub method: Method,
    /// The mounted path template (`/raff/api/v1/backups/{id}/chain`).
    pub path: String,
    pub segments: Vec<Segment>,
    pub parameters: Vec<ParamCheck>,
    /// Alternatives; each lists credentials needed together. Empty: no security. An empty alternative:
    /// anonymous access allowed. Header names are valid ones (a scheme naming an invalid header is left out).
    pub security: Vec<Vec<RequiredCredential>>,
    /// The `WWW-Authenticate` value of a 401.
    pub challenge: HeaderValue,
    pub body: Option<BodyCheck>,
    /// In document order.
    pub responses: Vec<MockResponse>,
    /// Where the Operation Object is written in the spec.
    pub pointer: Arc<str>,
}

/// A loaded spec.
#[derive(Debug)]
pub struct MountedSpec {
    /// Shared with every journal entry of the spec.
    pub name: Arc<str>,
    pub source: String,
    pub title: String,
    /// `""` at the root, else `/<name>`.
    pub prefix: String,
    /// The document's schemas, where dynamic bodies resolve `$ref`s.
    pub schema_root: SchemaRoot,
    pub operation_count: usize,
}

/// Everything the server answers from. Built once per (re)load, then only read.
#[derive(Debug)]
pub struct Catalog {
    pub specs: Vec<MountedSpec>,
    pub operations: Vec<MockOperation>,
    pub router: Router,
    /// `GET /__mock/routes`, serialized at load.
    pub routes_json: Bytes,
    /// `GET /__mock/health`, serialized at load.
    pub health_json: Bytes,
    /// Load-time warnings (invalid examples, unreachable operations), already logged.
    pub warnings: Vec<String>,
    /// The specs read as resources, for `--stateful`.
    pub state: StateModel,
}

/// Loads every source and builds the catalog. The first spec that cannot be loaded stops it.
pub fn load_catalog(
    sources: &[SpecSource],
    mount: Mount,
    strict: bool,
) -> Result<Catalog, CatalogError> {
    let documents = sources
        .iter()
        .map(SpecSource::load)
        .collect::<Result<Vec<_>, _>>()?;
    build_catalog(documents, mount, strict)
}

/// Builds the catalog from parsed documents.
pub fn build_catalog(
    documents: Vec<Document>,
    mount: Mount,
    strict: bool,
) -> Result<Catalog, CatalogError> {
    if mount == Mount::Root && documents.len() > 1 {
        return Err(CatalogError::Mount(
            "only one spec can be mounted at `/`; serve several under their prefixes".into(),
        ));
    }
    let mut seen = BTreeSet::new();
    for doc in &documents {
        if !seen.insert(doc.name.clone()) {
            return Err(CatalogError::Mount(format!(
                "{}: another spec is already mounted at `/{}`\n  help: rename one of the files; the file stem is the mount prefix",
                doc.source, doc.name
            )));
        }
    }

    let mut catalog = Catalog {
        specs: Vec::new(),
        operations: Vec::new(),
        router: Router::default(),
        routes_json: Bytes::new(),
        health_json: Bytes::new(),
        warnings: Vec::new(),
        state: StateModel::default(),
    };
    for doc in documents {
        let prefix = match mount {
            Mount::Root => String::new(),
            Mount::Prefixed => format!("/{}", doc.name),
        };
        add_spec(&mut catalog, doc, prefix, strict)?;
    }
    catalog.routes_json = routes_json(&catalog);
    catalog.health_json = health_json(&catalog);
    let mut state = std::mem::take(&mut catalog.state);
    state.finish(&catalog);
    catalog.state = state;
    Ok(catalog)
}

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

fn add_spec(
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
        if let Err(shadowed) = catalog.router.insert(&mock.segments, mock.method, index) {
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
) -> Result<MockOperation, LoadError> {
    let path = format!("{prefix}{}", op.path);
    let template = PathTemplate::parse(&path);

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

    let body = match &op.request_body {
        None => None,
        Some(body) => {
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
    };

    let mut responses = Vec::new();
    for response in &op.responses {
        let mut headers = Vec::new();
        for header in &response.headers {
            let Ok(name) = HeaderName::from_bytes(header.name.to_ascii_lowercase().as_bytes())
            else {
                continue;
            };
            if name == axum::http::header::CONTENT_TYPE {
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

    Ok(MockOperation {
        spec,
        label: format!("{}.{}", context.doc.name, op.id),
        operation_id: op.id.as_str().into(),
        method: op.method,
        path,
        segments: template.segments,
        parameters,
        security,
        challenge,
        body,
        responses,
        pointer: op.pointer.as_str().into(),
    })
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
pub const FORM_MEDIA_TYPES: [&str; 2] =
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

fn value_kind(root: &SchemaRoot, schema: &Value, depth: usize) -> ValueKind {
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

fn routes_json(catalog: &Catalog) -> Bytes {
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

fn health_json(catalog: &Catalog) -> Bytes {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedded_spec_gets_its_overlay() {
        let source = SpecSource::Embedded {
            file_name: "shop.yaml",
            text: "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {'200': {description: ok}}\n",
            overlay: Some((
                "shop.overlay.yaml",
                "overlay: 1.0.0\ninfo: {title: fix, version: '1'}\nactions:\n  - target: $.paths['/a'].get\n    update: {operationId: listA}\n",
            )),
        };
        let doc = source.load().unwrap();
        assert_eq!(doc.operations[0].id, "listA");
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }

    #[test]
    fn every_embedded_spec_loads_without_warnings() {
        let catalog = load_catalog(&SpecSource::embedded(), Mount::Prefixed, true).unwrap();
        let names: Vec<&str> = catalog.specs.iter().map(|s| &*s.name).collect();
        assert!(
            names.contains(&"raff") && names.contains(&"hostup"),
            "{names:?}"
        );
        assert!(catalog.warnings.is_empty(), "{:#?}", catalog.warnings);
        let chain = catalog
            .operations
            .iter()
            .find(|op| op.label == "raff.deleteBackupChain")
            .unwrap();
        assert_eq!(chain.path, "/raff/api/v1/backups/{id}/chain");
    }

    #[test]
    fn value_kinds_follow_refs_and_arrays() {
        let root = SchemaRoot::from(json!({"components": {"schemas": {"N": {"type": "integer"}}}}));
        assert_eq!(
            value_kind(&root, &json!({"$ref": "#/components/schemas/N"}), 0),
            ValueKind::Integer
        );
        assert_eq!(
            value_kind(
                &root,
                &json!({"type": "array", "items": {"type": "boolean"}}),
                0
            ),
            ValueKind::Array(Box::new(ValueKind::Boolean))
        );
        assert_eq!(
            value_kind(&root, &json!({"allOf": [{"type": "number"}]}), 0),
            ValueKind::Number
        );
    }
}
