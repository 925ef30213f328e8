//! The loaded state the server answers from: every mounted operation turned, once at load, into plain data
//! that requests only read — the routing trie, compiled validators, pre-serialized bodies and header
//! values. Nothing here is computed per request; a reload builds a new `Catalog` and swaps it in whole.
//! This module is the model and the entry points ([`load_catalog`], [`build_catalog`]); `build` turns each
//! operation into it (parameters, credentials, body, responses).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use apispec::path_template::Segment;
use apispec::{
    ArrayEncoding, CredentialPlacement, Document, Method, ObjectEncoding, ParamLocation,
    SchemaRoot, SchemaValidator, SpecError, StatusKey,
};
use axum::body::Bytes;
use axum::http::{HeaderName, HeaderValue};
use serde_json::Value;

use crate::routing::Router;
use crate::state::StateModel;

mod build;

use build::{add_spec, health_json, routes_json};
pub use build::{body_bytes, route_json};

/// Where a spec comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecSource {
    /// Text compiled into the binary (the specs of `specs/`), with its overlay's `(file name, text)`.
    Embedded {
        /// The spec's file name.
        file_name: &'static str,
        /// The spec's text.
        text: &'static str,
        /// Its overlay's `(file name, text)`.
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

    /// Reads and parses the spec (its overlay applied).
    pub fn load(&self) -> Result<Document, SpecError> {
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
    /// A spec does not load.
    Load(SpecError),
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

impl From<SpecError> for CatalogError {
    fn from(error: SpecError) -> Self {
        CatalogError::Load(error)
    }
}

/// How a parameter's text is read as JSON before validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKind {
    /// A string, validated as the text.
    String,
    /// An integer, read as a JSON number when the text is one.
    Integer,
    /// A number, read as a JSON number when the text is one.
    Number,
    /// `true` or `false`, read as JSON when the text is one.
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
    /// The parameter's name.
    pub name: String,
    /// Where it is sent.
    pub location: ParamLocation,
    /// For header parameters: the header to read.
    pub header: Option<HeaderName>,
    /// Whether a request must carry it.
    pub required: bool,
    /// How its text is read as JSON.
    pub kind: ValueKind,
    /// How an array value is written (query parameters may repeat).
    pub array_encoding: ArrayEncoding,
    /// How an object value is written (`?status=open`, `?filter[status]=open`, `status,open`).
    pub object_encoding: ObjectEncoding,
    /// For path parameters: which segment holds it, and which parameter of a mixed segment it is.
    pub path_position: Option<(usize, usize)>,
    /// Its schema, compiled; `None` when it has none or it cannot be compiled.
    pub validator: Option<Arc<SchemaValidator>>,
    /// Where the parameter is written in the spec (for violations).
    pub pointer: Arc<str>,
}

/// The request body an operation accepts.
#[derive(Debug)]
pub struct BodyCheck {
    /// Whether a request must have a body.
    pub required: bool,
    /// The media types it may be sent as, in document order.
    pub contents: Vec<BodyContent>,
    /// Where the request body is written in the spec (for violations).
    pub pointer: Arc<str>,
}

/// One media type a request body may be sent as.
#[derive(Debug)]
pub struct BodyContent {
    /// The media type's essence, lower-cased (`application/json`); may hold wildcards (`application/*`).
    pub essence: String,
    /// Whether it is JSON (`application/json` or `+json`).
    pub is_json: bool,
    /// For a form body (`application/x-www-form-urlencoded`, `multipart/form-data`) whose schema names its
    /// fields: each field and how its text reads, so the form is validated as the object it stands for.
    pub form_fields: Option<Vec<(String, ValueKind)>>,
    /// Its schema, compiled; `None` when it has none or it cannot be compiled.
    pub validator: Option<Arc<SchemaValidator>>,
}

/// One example body, serialized once.
#[derive(Debug)]
pub struct MockExample {
    /// Shared with every journal entry that served it.
    pub name: Option<Arc<str>>,
    /// The value, serialized.
    pub body: Bytes,
    /// False when the example breaks its schema: it is served only when asked for by name.
    pub valid: bool,
}

/// One media type of a response.
#[derive(Debug)]
pub struct MockContent {
    /// The media type's essence, lower-cased (`application/json`).
    pub essence: String,
    /// The `Content-Type` it is served with.
    pub content_type: HeaderValue,
    /// Whether it is JSON (`application/json` or `+json`).
    pub is_json: bool,
    /// Its examples, in document order.
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
    /// The `responses` key it is written under.
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
    /// Where the credential goes in a request.
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
    /// The HTTP method.
    pub method: Method,
    /// The mounted path template (`/raff/api/v1/backups/{id}/chain`).
    pub path: String,
    /// The mounted path template, split into segments.
    pub segments: Vec<Segment>,
    /// Query parameters the path key itself fixes (`/responses?beta=true`): a request carrying them is
    /// routed here rather than to the same path and method without them.
    pub fixed_query: Vec<(String, String)>,
    /// The parameters to check on each request.
    pub parameters: Vec<ParamCheck>,
    /// Alternatives; each lists credentials needed together. Empty: no security. An empty alternative:
    /// anonymous access allowed. Header names are valid ones (a scheme naming an invalid header is left out).
    pub security: Vec<Vec<RequiredCredential>>,
    /// The `WWW-Authenticate` value of a 401.
    pub challenge: HeaderValue,
    /// The request body it accepts, when it takes one.
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
    /// The file it was read from, or the embedded file's name.
    pub source: String,
    /// The document's `info.title`.
    pub title: String,
    /// `""` at the root, else `/<name>`.
    pub prefix: String,
    /// The document's schemas, where dynamic bodies resolve `$ref`s.
    pub schema_root: SchemaRoot,
    /// How many operations it has.
    pub operation_count: usize,
}

/// Everything the server answers from. Built once per (re)load, then only read.
#[derive(Debug)]
pub struct Catalog {
    /// Every spec, in mount order.
    pub specs: Vec<MountedSpec>,
    /// Every operation of every spec; [`Router`] matches refer to them by index.
    pub operations: Vec<MockOperation>,
    /// Matches a request's method and path to an operation.
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

#[cfg(test)]
mod tests {
    use super::build::value_kind;
    use super::*;
    use serde_json::json;

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
    fn every_embedded_spec_loads_and_the_vendored_ones_without_warnings() {
        // Documents a user added to `specs/` are embedded too, warts (and warnings) included.
        let catalog = load_catalog(&SpecSource::embedded(), Mount::Prefixed, false).unwrap();
        let names: Vec<&str> = catalog.specs.iter().map(|s| &*s.name).collect();
        assert!(
            names.contains(&"raff") && names.contains(&"hostup"),
            "{names:?}"
        );
        let vendored: Vec<&String> = catalog
            .warnings
            .iter()
            .filter(|w| {
                test_support::VENDORED_SPECS
                    .iter()
                    .any(|file| w.starts_with(&format!("specs/{file}")))
            })
            .collect();
        assert!(vendored.is_empty(), "{vendored:#?}");
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
