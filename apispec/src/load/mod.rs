//! Loading a document: text to JSON tree (an overlay applied), the version check, the document's 3.0
//! form checked against the object model ([`structure`]), its references, then its operations ([`operations`]).

mod operations;
mod structure;

use std::path::Path;

use serde_json::Value;

use crate::spec_file::{SpecName, is_json_file};
use crate::{Document, Location, SpecError, SpecErrorKind, SpecVersion};

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

impl Document {
    /// Reads and parses a spec file. YAML unless the extension is `.json`.
    pub fn load(path: &Path) -> Result<Document, SpecError> {
        let name = SpecName::from_path(path)?;
        Document::load_as(path, &name.name)
    }

    /// Reads and parses a spec file under a name of the caller's choosing (for tools that report on a file
    /// whose own name cannot name a spec).
    pub fn load_as(path: &Path, name: &str) -> Result<Document, SpecError> {
        let source = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SpecError {
            kind: SpecErrorKind::Unreadable,
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
        let overlay_text = std::fs::read_to_string(&overlay_path).map_err(|e| SpecError {
            kind: SpecErrorKind::Overlay,
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
    ) -> Result<Document, SpecError> {
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
    ) -> Result<Document, SpecError> {
        Document::from_raw(source, name, parse_text(source, text, is_json)?)
    }

    /// A document from its parsed JSON tree.
    fn from_raw(source: &str, name: &str, raw: Value) -> Result<Document, SpecError> {
        let module = SpecName::from_stem(name)
            .map_err(|reason| SpecError {
                kind: SpecErrorKind::FileName,
                source: source.to_string(),
                location: None,
                pointer: None,
                reason,
                hint: None,
            })?
            .module;
        let version = check_version(source, &raw).map_err(|e| e.of_kind(SpecErrorKind::Version))?;
        let (openapi30, downgrade_notes) = openapi30_form(source, version, &raw)?;
        let mut warnings = Vec::new();
        check_references(source, &raw, &raw, "", &mut warnings);
        let operations = operations::collect(source, &raw, &mut warnings)?;
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
}

/// Spec text (YAML, or JSON) as a JSON tree.
fn parse_text(source: &str, text: &str, is_json: bool) -> Result<Value, SpecError> {
    // A byte-order mark is not part of the document (editors on Windows write one).
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Err(at) = crate::depth::check_nesting(text, is_json) {
        return Err(SpecError {
            kind: if is_json {
                SpecErrorKind::JsonSyntax
            } else {
                SpecErrorKind::YamlSyntax
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
fn apply_overlay(overlay: &OverlayText<'_>, raw: &mut Value) -> Result<Vec<SpecError>, SpecError> {
    let source = overlay.source.to_string();
    let fail = |reason: String| SpecError {
        kind: SpecErrorKind::Overlay,
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
        .map(|(action, _)| SpecError {
            kind: SpecErrorKind::Overlay,
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

fn parse_json(source: &str, text: &str) -> Result<Value, SpecError> {
    crate::yaml::from_json_str(text).map_err(|e| SpecError {
        kind: SpecErrorKind::JsonSyntax,
        source: source.to_string(),
        location: Some(Location::new(e.line(), e.column())),
        pointer: None,
        reason: format!("not valid JSON: {e}"),
        hint: None,
    })
}

/// YAML spec text as a JSON tree (non-string keys become their text).
pub(crate) fn parse_yaml(source: &str, text: &str) -> Result<Value, SpecError> {
    let yaml_error = |e: serde_yaml::Error| SpecError {
        kind: SpecErrorKind::YamlSyntax,
        source: source.to_string(),
        location: e.location().map(|l| Location::new(l.line(), l.column())),
        pointer: None,
        reason: format!("not valid YAML: {e}"),
        hint: None,
    };
    crate::yaml::from_str(text).map_err(yaml_error)
}

fn check_version(source: &str, raw: &Value) -> Result<SpecVersion, SpecError> {
    if raw.get("swagger").is_some() {
        return Err(
            SpecError::at(source, "/swagger", "this is a Swagger 2.0 document").hint(
                "convert it to OpenAPI 3.0 (for example with swagger2openapi) and load the result",
            ),
        );
    }
    match raw.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0") => Ok(SpecVersion::V30),
        Some(v) if v.starts_with("3.1") => Ok(SpecVersion::V31),
        Some(v) => Err(
            SpecError::at(source, "/openapi", format!("OpenAPI {v} is not supported"))
                .hint("this tool reads OpenAPI 3.0.x and 3.1.x documents"),
        ),
        None => Err(SpecError::at(
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
) -> Result<(Option<Value>, Vec<crate::openapi31::DowngradeNote>), SpecError> {
    if version == SpecVersion::V30 {
        let Err(error) = structure::check(source, raw) else {
            return Ok((None, Vec::new()));
        };
        let downgraded = crate::openapi31::downgrade_to_30(raw);
        if structure::check(source, &downgraded.document).is_err() {
            return Err(error);
        }
        return Ok((Some(downgraded.document), downgraded.notes));
    }
    let downgraded = crate::openapi31::downgrade_to_30(raw);
    structure::check(source, &downgraded.document)?;
    Ok((Some(downgraded.document), downgraded.notes))
}

/// Every `$ref` should point inside this document, at something that exists; each one that does not is a
/// warning (the parts that need it are left out where they are used).
fn check_references(
    source: &str,
    root: &Value,
    value: &Value,
    at: &str,
    warnings: &mut Vec<SpecError>,
) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                let ref_at = crate::pointer::join(at, "$ref");
                if let Err(error) = crate::refs::resolve(source, root, reference, &ref_at) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, SpecError> {
        Document::parse("t.yaml", "t", text, false)
    }

    #[test]
    fn yaml_syntax_error_names_line_and_column() {
        let err = parse("openapi: 3.0.3\ninfo: title: t\n").unwrap_err();
        assert_eq!(err.kind, SpecErrorKind::YamlSyntax);
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
        assert_eq!(err.kind, SpecErrorKind::Version);
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
        assert_eq!(warning.kind, SpecErrorKind::Overlay);
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
                SpecErrorKind::JsonSyntax
            } else {
                SpecErrorKind::YamlSyntax
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
