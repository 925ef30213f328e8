//! Loading a document: text to JSON tree, the version check, the structural check, then the operations.

use std::fmt;
use std::path::Path;

use serde_json::Value;

use crate::operation::{self, Operation};
use crate::spec_file::{SpecName, is_json_file};

/// An OpenAPI 3.0 document, parsed once and only read afterwards.
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
    openapi30: Option<Value>,
    /// What the 3.0 form could not carry over (a webhook, a `prefixItems`), where it is written.
    pub downgrade_notes: Vec<crate::openapi31::DowngradeNote>,
    /// Problems that left a part of the document out without stopping the rest: a `$ref` that does not
    /// resolve (and the operation that needed it). Reported by `check`, logged by the mock, warned by the build.
    pub warnings: Vec<LoadError>,
}

/// An overlay's text, to apply to a document as it loads.
#[derive(Debug, Clone, Copy)]
pub struct OverlayText<'a> {
    /// What messages call the overlay (its file).
    pub source: &'a str,
    /// The overlay's text.
    pub text: &'a str,
    /// Whether the text is JSON (else YAML).
    pub is_json: bool,
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

/// A line and column in the source text, both counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1.
    pub column: u32,
}

impl Location {
    pub(crate) fn new(line: usize, column: usize) -> Location {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Location {
            line: clamp(line),
            column: clamp(column),
        }
    }
}

/// What kind of problem stopped a document from loading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file cannot be read.
    Unreadable,
    /// The file's name cannot name a module or mount prefix.
    FileName,
    /// The text is not well-formed YAML.
    YamlSyntax,
    /// The text is not well-formed JSON.
    JsonSyntax,
    /// Not an OpenAPI 3.0 or 3.1 document (Swagger 2.0, another version, no version).
    Version,
    /// Well-formed, but not shaped like an OpenAPI document.
    Structure,
    /// A `$ref` that does not resolve, points outside the document, or loops.
    Reference,
    /// The document's overlay (`<stem>.overlay.yaml`) cannot be applied, or an action of it matches nothing.
    Overlay,
}

/// Why a document could not be used: the file, where in it, what is wrong, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// What kind of problem it is.
    pub kind: LoadErrorKind,
    /// The file (or the name of embedded text), as messages name it.
    pub source: String,
    /// Where in the text, when the problem is in the text itself (a syntax error) or the place is known.
    pub location: Option<Location>,
    /// JSON pointer to the offending part, when the text parsed but its content is wrong.
    pub pointer: Option<String>,
    /// What is wrong.
    pub reason: String,
    /// What to do about it, when there is something to say.
    pub hint: Option<String>,
}

impl LoadError {
    /// A structural problem at `pointer`.
    pub(crate) fn at(source: &str, pointer: &str, reason: impl Into<String>) -> Self {
        LoadError {
            kind: LoadErrorKind::Structure,
            source: source.to_string(),
            location: None,
            pointer: Some(pointer.to_string()),
            reason: reason.into(),
            hint: None,
        }
    }

    pub(crate) fn of_kind(mut self, kind: LoadErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub(crate) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// The same problem, saying that `what` (`operation GET /a`) was left out because of it.
    pub(crate) fn left_out(mut self, what: &str) -> Self {
        self.reason = format!("{what} left out: {}", self.reason);
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.source)?;
        if let Some(Location { line, column }) = self.location {
            write!(f, ":{line}:{column}")?;
        }
        if let Some(pointer) = &self.pointer {
            write!(f, " at #{pointer}")?;
        }
        write!(f, ": {}", self.reason)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl Document {
    /// Reads and parses a spec file. YAML unless the extension is `.json`.
    pub fn load(path: &Path) -> Result<Document, LoadError> {
        let name = SpecName::from_path(path)?;
        Document::load_as(path, &name.name)
    }

    /// Reads and parses a spec file under a name of the caller's choosing (for tools that report on a file
    /// whose own name cannot name a spec).
    pub fn load_as(path: &Path, name: &str) -> Result<Document, LoadError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| LoadError {
            kind: LoadErrorKind::Unreadable,
            source: source.clone(),
            location: None,
            pointer: None,
            reason: format!("cannot read the file: {e}"),
            hint: None,
        })?;
        let Some(overlay_path) = crate::overlay::overlay_path_for(path) else {
            return Document::parse(&source, name, &text, is_json_file(path));
        };
        let overlay_source = overlay_path.display().to_string();
        let overlay_text = std::fs::read_to_string(&overlay_path).map_err(|e| LoadError {
            kind: LoadErrorKind::Overlay,
            source: overlay_source.clone(),
            location: None,
            pointer: None,
            reason: format!("cannot read the overlay: {e}"),
            hint: None,
        })?;
        let overlay = OverlayText {
            source: &overlay_source,
            text: &overlay_text,
            is_json: is_json_file(&overlay_path),
        };
        Document::parse_with_overlay(&source, name, &text, is_json_file(path), Some(overlay))
    }

    /// [`Document::parse`] with an overlay applied to the text's tree first (see [`crate::overlay`]); each
    /// overlay action that matches nothing is one of the document's warnings.
    pub fn parse_with_overlay(
        source: &str,
        name: &str,
        text: &str,
        is_json: bool,
        overlay: Option<OverlayText<'_>>,
    ) -> Result<Document, LoadError> {
        let mut raw = parse_text(source, text, is_json)?;
        let Some(overlay) = overlay else {
            return Document::from_raw(source, name, raw);
        };
        let warnings = apply_overlay(&overlay, &mut raw)?;
        let mut doc = Document::from_raw(source, name, raw)?;
        doc.warnings.splice(0..0, warnings);
        Ok(doc)
    }

    /// Parses spec text. `source` is what messages call it; `name` is the project's name for it.
    pub fn parse(
        source: &str,
        name: &str,
        text: &str,
        is_json: bool,
    ) -> Result<Document, LoadError> {
        Document::from_raw(source, name, parse_text(source, text, is_json)?)
    }

    /// A document from its parsed JSON tree.
    fn from_raw(source: &str, name: &str, raw: Value) -> Result<Document, LoadError> {
        let module = SpecName::from_stem(name)
            .map_err(|reason| LoadError {
                kind: LoadErrorKind::FileName,
                source: source.to_string(),
                location: None,
                pointer: None,
                reason,
                hint: None,
            })?
            .module;
        let version = check_version(source, &raw).map_err(|e| e.of_kind(LoadErrorKind::Version))?;
        let (openapi30, downgrade_notes) = openapi30_form(source, version, &raw)?;
        let mut warnings = Vec::new();
        check_references(source, &raw, &raw, "", &mut warnings);
        let operations = operation::collect(source, &raw, &mut warnings)?;
        Ok(Document {
            source: source.to_string(),
            name: name.to_string(),
            module,
            raw,
            version,
            openapi30,
            downgrade_notes,
            operations,
            warnings,
        })
    }

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

/// Spec text (YAML, or JSON) as a JSON tree.
fn parse_text(source: &str, text: &str, is_json: bool) -> Result<Value, LoadError> {
    // A byte-order mark is not part of the document (editors on Windows write one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(at) = crate::depth::check_nesting(text, is_json) {
        return Err(LoadError {
            kind: if is_json {
                LoadErrorKind::JsonSyntax
            } else {
                LoadErrorKind::YamlSyntax
            },
            source: source.to_string(),
            location: Some(Location::new(at.line, at.column)),
            pointer: None,
            reason: format!(
                "collections are nested more than {} levels deep here",
                crate::depth::MAX_NESTING
            ),
            hint: Some(
                "no OpenAPI document nests this deep: the file is damaged or generated wrongly; flatten it with `$ref`s to components"
                    .into(),
            ),
        });
    }
    if is_json {
        parse_json(source, text)
    } else {
        parse_yaml(source, text)
    }
}

/// Applies an overlay to `raw`; each action that matches nothing is a warning.
fn apply_overlay(overlay: &OverlayText<'_>, raw: &mut Value) -> Result<Vec<LoadError>, LoadError> {
    let source = overlay.source.to_string();
    let fail = |reason: String| LoadError {
        kind: LoadErrorKind::Overlay,
        source: source.clone(),
        location: None,
        pointer: None,
        reason,
        hint: None,
    };
    let tree = parse_text(&source, overlay.text, overlay.is_json)?;
    let overlay = crate::overlay::Overlay::from_value(&tree).map_err(|e| fail(e.to_string()))?;
    let applied = crate::overlay::apply(&overlay, raw).map_err(|e| fail(e.to_string()))?;
    Ok(overlay
        .actions
        .iter()
        .zip(&applied.matches)
        .filter(|(_, matches)| **matches == 0)
        .map(|(action, _)| LoadError {
            kind: LoadErrorKind::Overlay,
            source: source.clone(),
            location: None,
            pointer: Some(action.pointer.clone()),
            reason: format!(
                "the overlay action's target `{}` matches nothing in the document",
                action.target
            ),
            hint: Some(
                "correct the JSONPath, or remove the action if the document no longer needs it"
                    .into(),
            ),
        })
        .collect())
}

fn parse_json(source: &str, text: &str) -> Result<Value, LoadError> {
    crate::yaml::from_json_str(text).map_err(|e| LoadError {
        kind: LoadErrorKind::JsonSyntax,
        source: source.to_string(),
        location: Some(Location::new(e.line(), e.column())),
        pointer: None,
        reason: format!("not valid JSON: {e}"),
        hint: None,
    })
}

/// YAML spec text as a JSON tree (non-string keys become their text).
pub(crate) fn parse_yaml(source: &str, text: &str) -> Result<Value, LoadError> {
    let yaml_error = |e: serde_yaml::Error| LoadError {
        kind: LoadErrorKind::YamlSyntax,
        source: source.to_string(),
        location: e.location().map(|l| Location::new(l.line(), l.column())),
        pointer: None,
        reason: format!("not valid YAML: {e}"),
        hint: None,
    };
    crate::yaml::from_str(text).map_err(yaml_error)
}

fn check_version(source: &str, raw: &Value) -> Result<SpecVersion, LoadError> {
    if raw.get("swagger").is_some() {
        return Err(
            LoadError::at(source, "/swagger", "this is a Swagger 2.0 document").hint(
                "convert it to OpenAPI 3.0 (for example with swagger2openapi) and load the result",
            ),
        );
    }
    match raw.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0") => Ok(SpecVersion::V30),
        Some(v) if v.starts_with("3.1") => Ok(SpecVersion::V31),
        Some(v) => Err(
            LoadError::at(source, "/openapi", format!("OpenAPI {v} is not supported"))
                .hint("this tool reads OpenAPI 3.0.x and 3.1.x documents"),
        ),
        None => Err(LoadError::at(
            source,
            "",
            "no `openapi` version field: this is not an OpenAPI document",
        )
        .hint("an OpenAPI document starts with `openapi: 3.0.3` or `openapi: 3.1.0`")),
    }
}

/// The document's 3.0 form, checked against the OpenAPI 3.0 object model: `None` when the document is that
/// form already. A 3.0 document that only breaks the model with 3.1 schema forms is read in 3.0 form too.
fn openapi30_form(
    source: &str,
    version: SpecVersion,
    raw: &Value,
) -> Result<(Option<Value>, Vec<crate::openapi31::DowngradeNote>), LoadError> {
    if version == SpecVersion::V30 {
        let Err(error) = check_structure(source, raw) else {
            return Ok((None, Vec::new()));
        };
        let downgraded = crate::openapi31::downgrade_to_30(raw);
        if check_structure(source, &downgraded.document).is_err() {
            return Err(error);
        }
        return Ok((Some(downgraded.document), downgraded.notes));
    }
    let downgraded = crate::openapi31::downgrade_to_30(raw);
    check_structure(source, &downgraded.document)?;
    Ok((Some(downgraded.document), downgraded.notes))
}

/// Checks the document against the OpenAPI 3.0 object model, so later steps can rely on its shape.
fn check_structure(source: &str, raw: &Value) -> Result<(), LoadError> {
    let Err((pointer, reason)) = shape_error::<openapiv3::OpenAPI>(raw, "") else {
        return Ok(());
    };
    // The object model's untagged and flattened parts hide where inside them the error is; check the
    // parts one by one to name the smallest one that is wrong.
    let pointer = narrow(raw, &pointer).unwrap_or(pointer);
    let reason = shape_error_at(raw, &pointer).unwrap_or(reason);
    Err(LoadError::at(
        source,
        &pointer,
        format!("not a valid OpenAPI 3.0 document: {reason}"),
    ))
}

/// Every `$ref` should point inside this document, at something that exists; each one that does not is a
/// warning (the parts that need it are left out where they are used).
fn check_references(
    source: &str,
    root: &Value,
    value: &Value,
    at: &str,
    warnings: &mut Vec<LoadError>,
) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                let ref_at = crate::pointer::join(at, "$ref");
                if let Err(error) = resolve(source, root, reference, &ref_at) {
                    warnings.push(error);
                }
            }
            for (key, child) in map {
                // Examples are data: a `$ref` key inside one is just a value.
                if key == "example" || (key == "value" && at.contains("/examples/")) {
                    continue;
                }
                check_references(
                    source,
                    root,
                    child,
                    &crate::pointer::join(at, key),
                    warnings,
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_references(source, root, item, &format!("{at}/{i}"), warnings);
            }
        }
        _ => {}
    }
}

/// What `reference` (written at `ref_at`) points at in `root`, or why it points at nothing.
pub(crate) fn resolve<'v>(
    source: &str,
    root: &'v Value,
    reference: &str,
    ref_at: &str,
) -> Result<&'v Value, LoadError> {
    let Some(target) = crate::pointer::of_reference(reference) else {
        return Err(LoadError::at(
            source,
            ref_at,
            format!("external reference `{reference}` is not supported"),
        )
        .hint("inline the referenced document into this one, under `components`")
        .of_kind(LoadErrorKind::Reference));
    };
    root.pointer(&target).ok_or_else(|| {
        LoadError::at(source, ref_at, format!("`{reference}` does not resolve"))
            .hint("point the $ref at an existing entry, such as `#/components/schemas/Name`")
            .of_kind(LoadErrorKind::Reference)
    })
}

fn shape_error<T: serde::de::DeserializeOwned>(
    value: &Value,
    base: &str,
) -> Result<(), (String, String)> {
    let result: Result<T, _> = serde_path_to_error::deserialize(value);
    result.map(drop).map_err(|e| {
        (
            format!("{base}{}", path_to_pointer(e.path())),
            e.into_inner().to_string(),
        )
    })
}

/// The message for the part at `pointer`, checked on its own as the kind of object it is.
fn shape_error_at(raw: &Value, pointer: &str) -> Option<String> {
    use openapiv3::*;
    let value = raw.pointer(pointer)?;
    let tokens = crate::pointer::tokens(pointer);
    let kind: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let result = match kind.as_slice() {
        ["paths", _] => shape_error::<ReferenceOr<PathItem>>(value, pointer),
        ["paths", _, "parameters", _] | [.., "parameters", _] => {
            shape_error::<ReferenceOr<Parameter>>(value, pointer)
        }
        ["paths", _, method] if crate::Method::ALL.iter().any(|m| m.key() == *method) => {
            shape_error::<Operation>(value, pointer)
        }
        [.., "responses", _] => shape_error::<ReferenceOr<Response>>(value, pointer),
        [.., "requestBody"] | ["components", "requestBodies", _] => {
            shape_error::<ReferenceOr<RequestBody>>(value, pointer)
        }
        ["components", "schemas", _] => shape_error::<ReferenceOr<Schema>>(value, pointer),
        ["components", "securitySchemes", _] => {
            shape_error::<ReferenceOr<SecurityScheme>>(value, pointer)
        }
        _ => return None,
    };
    result.err().map(|(_, reason)| reason)
}

/// Descends from `pointer` into the first child that is wrong on its own, as far as it can.
fn narrow(raw: &Value, pointer: &str) -> Option<String> {
    let mut current = pointer.to_string();
    if current.is_empty() || current == "/components" {
        current = String::new();
    }
    loop {
        let value = raw.pointer(&current)?;
        let child = children(value)
            .map(|(key, _)| crate::pointer::join(&current, &key))
            .find(|child| is_wrong(raw, child, 0));
        match child {
            Some(child) => current = child,
            None => return shape_error_at(raw, &current).map(|_| current),
        }
    }
}

/// Whether the part at `pointer` is wrong: checked as its kind of object where this module knows the kind,
/// else through its children, two levels down at most (a `responses` map between an operation and a response).
fn is_wrong(raw: &Value, pointer: &str, depth: usize) -> bool {
    match shape_error_at(raw, pointer) {
        Some(_) => true,
        None if depth < 2 => raw.pointer(pointer).is_some_and(|v| {
            children(v)
                .any(|(key, _)| is_wrong(raw, &crate::pointer::join(pointer, &key), depth + 1))
        }),
        None => false,
    }
}

fn children(value: &Value) -> Box<dyn Iterator<Item = (String, &Value)> + '_> {
    match value {
        Value::Object(map) => Box::new(map.iter().map(|(k, v)| (k.clone(), v))),
        Value::Array(list) => Box::new(list.iter().enumerate().map(|(i, v)| (i.to_string(), v))),
        _ => Box::new(std::iter::empty()),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => pointer = crate::pointer::join(&pointer, key),
            Segment::Enum { variant } => pointer = crate::pointer::join(&pointer, variant),
            Segment::Unknown => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, LoadError> {
        Document::parse("t.yaml", "t", text, false)
    }

    #[test]
    fn yaml_syntax_error_names_line_and_column() {
        let err = parse("openapi: 3.0.3\ninfo: title: t\n").unwrap_err();
        assert_eq!(err.kind, LoadErrorKind::YamlSyntax);
        let loc = err.location.expect("a location");
        assert_eq!((loc.line, loc.column), (2, 12), "{err}");
        assert!(err.to_string().starts_with("t.yaml:2:"), "{err}");
    }

    #[test]
    fn openapi_31_loads_with_a_30_form() {
        let doc = parse("openapi: 3.1.0\ninfo: {title: t, version: '1'}\ncomponents:\n  schemas:\n    N: {type: [integer, 'null']}\n").unwrap();
        assert_eq!(doc.version, SpecVersion::V31);
        assert_eq!(doc.raw["components"]["schemas"]["N"]["type"][1], "null");
        assert_eq!(
            doc.openapi30()["components"]["schemas"]["N"]["nullable"],
            true
        );
        let err = parse("openapi: 4.0.0\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap_err();
        assert_eq!(err.kind, LoadErrorKind::Version);
        assert_eq!(err.pointer.as_deref(), Some("/openapi"));
        assert!(
            err.to_string().contains("OpenAPI 4.0.0 is not supported"),
            "{err}"
        );
    }

    #[test]
    fn a_30_document_with_type_lists_is_read_in_30_form() {
        let doc = parse("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    N: {type: [integer, 'null']}\n").unwrap();
        assert_eq!(doc.version, SpecVersion::V30);
        assert_eq!(
            doc.openapi30()["components"]["schemas"]["N"]["type"],
            "integer"
        );
    }

    #[test]
    fn swagger_2_is_refused() {
        let err = parse("swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap_err();
        assert!(err.reason.contains("Swagger 2.0"), "{err}");
    }

    #[test]
    fn structural_error_names_the_pointer() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {content: {}}\n";
        let err = parse(text).unwrap_err();
        assert_eq!(
            err.pointer.as_deref(),
            Some("/paths/~1a/get/responses/200"),
            "{err}"
        );
        assert!(err.reason.contains("description"), "{err}");
    }

    #[test]
    fn a_dangling_schema_reference_is_a_warning_with_its_pointer() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    A: {properties: {b: {$ref: '#/components/schemas/Missing'}}}\n";
        let doc = parse(text).unwrap();
        let [err] = &doc.warnings[..] else {
            panic!("one warning expected: {:?}", doc.warnings)
        };
        assert_eq!(
            err.pointer.as_deref(),
            Some("/components/schemas/A/properties/b/$ref"),
            "{err}"
        );
        assert!(err.reason.contains("does not resolve"), "{err}");
    }

    #[test]
    fn integer_status_keys_are_read_as_text() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        200: {description: ok}\n";
        let doc = parse(text).unwrap();
        assert!(doc.get("/paths/~1a/get/responses/200").is_some());
    }

    #[test]
    fn default_server_url_fills_variables() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nservers:\n  - url: https://db.{region}.example.com\n    variables: {region: {default: eu-1}}\npaths: {}\n";
        assert_eq!(
            parse(text).unwrap().default_server_url().as_deref(),
            Some("https://db.eu-1.example.com")
        );
    }

    #[test]
    fn an_overlay_beside_the_spec_is_applied_and_unmatched_actions_are_warnings() {
        let dir = std::env::temp_dir().join(format!("apispec-overlay-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = dir.join("petstore-expanded.yaml");
        std::fs::write(&spec, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {'200': {description: ok}}\n").unwrap();
        std::fs::write(
            dir.join("petstore-expanded.overlay.yaml"),
            "overlay: 1.0.0\ninfo: {title: fix, version: '1'}\nactions:\n  - target: $.paths['/a'].get\n    update: {operationId: listA}\n  - target: $.paths['/b']\n    remove: true\n",
        )
        .unwrap();
        let doc = Document::load(&spec);
        std::fs::remove_dir_all(&dir).unwrap();
        let doc = doc.unwrap();
        assert_eq!(doc.operations[0].id, "listA");
        let [warning] = &doc.warnings[..] else {
            panic!("{:?}", doc.warnings)
        };
        assert_eq!(warning.kind, LoadErrorKind::Overlay);
        assert_eq!(warning.pointer.as_deref(), Some("/actions/1"));
        assert!(warning.reason.contains("matches nothing"), "{warning}");
    }

    #[test]
    fn deeply_nested_text_is_refused_before_parsing() {
        // 1 MB each: brackets, flow mappings, JSON objects and block sequences, thousands of levels deep.
        let n = 500_000;
        let cases = [
            (format!("{}{}", "[".repeat(n), "]".repeat(n)), false),
            (
                format!("{}1{}", "{a: ".repeat(n / 4), "}".repeat(n / 4)),
                false,
            ),
            (
                format!("{}1{}", "{\"a\":".repeat(n / 5), "}".repeat(n / 5)),
                true,
            ),
            (format!("openapi: 3.0.3\n{}x\n", "- ".repeat(n)), false),
        ];
        for (text, is_json) in cases {
            let err = Document::parse("t", "t", &text, is_json).unwrap_err();
            let kind = if is_json {
                LoadErrorKind::JsonSyntax
            } else {
                LoadErrorKind::YamlSyntax
            };
            assert_eq!(err.kind, kind, "{err}");
            assert!(err.reason.contains("nested more than 256 levels"), "{err}");
            assert!(err.location.is_some() && err.hint.is_some(), "{err}");
        }
        assert_eq!(
            crate::source_map::SourceMap::parse(&"[".repeat(n)).map(|_| ()),
            None
        );
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_document() {
        let doc =
            parse("\u{feff}openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n").unwrap();
        assert_eq!(doc.title(), "t");
    }
}
