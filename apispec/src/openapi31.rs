//! Downgrades an OpenAPI 3.1 document to its OpenAPI 3.0.3 equivalent, so the rest of this crate (and the
//! client generator, which reads 3.0 only) can take it.
//!
//! The work is a pure tree rewrite on the document's JSON form: [`downgrade_to_30`] walks the document's
//! structure (paths, operations, parameters, bodies, responses, headers, callbacks, components) and hands
//! every Schema Object it finds to the schema rewrite ([`schema_to_30`]), which turns the JSON Schema
//! 2020-12 dialect of 3.1 into the draft-4-like dialect of 3.0 (`type` arrays become `nullable`, `const`
//! becomes `enum`, numeric exclusive bounds become boolean ones, `$ref` siblings move beside an `allOf`...).
//! What has no 3.0 form is dropped from the copy and recorded as a [`DowngradeNote`] that names the place
//! in the original document.
//!
//! This module must not read files, refuse documents or panic: whatever it does not understand (odd types,
//! unknown keywords, `x-` extensions) it leaves as it is, and the loader's own checks judge the result.
//! It is not wired into loading; whoever loads a document decides when to call it.

use serde_json::{Map, Value, json};

use crate::pointer;

/// A 3.1 document rewritten as 3.0.3, with what could not be carried over.
#[derive(Debug, Clone, PartialEq)]
pub struct Downgrade {
    /// The OpenAPI 3.0.3 document.
    pub document: Value,
    /// What a 3.1 construct became, or why it could not be carried over (each with the JSON pointer, in the
    /// ORIGINAL document, where it is written).
    pub notes: Vec<DowngradeNote>,
}

/// One construct of the original document that was dropped or changed in meaning.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DowngradeNote {
    /// Where the construct is written in the original document (a JSON pointer).
    pub pointer: String,
    /// What happened to it.
    pub message: String,
    /// Whether the client loses anything by it (document metadata such as `info.summary` it does not).
    pub affects_client: bool,
}

/// Whether `raw` declares OpenAPI 3.1.x (`openapi: 3.1.*`).
pub fn is_openapi_31(raw: &Value) -> bool {
    raw.get("openapi")
        .and_then(Value::as_str)
        .is_some_and(|v| v == "3.1" || v.starts_with("3.1."))
}

/// The 3.0.3 equivalent of a 3.1 document.
///
/// Schemas are rewritten by the rules of [`schema_to_30`]; `webhooks`, `jsonSchemaDialect`,
/// `components/pathItems` (after inlining the path items that refer to them), `info.summary`,
/// `info.license.identifier` and `mutualTLS` security schemes are dropped; a missing `paths` becomes `{}`.
/// `$defs` are hoisted into `components/schemas` and the `$ref`s into them rewritten.
pub fn downgrade_to_30(raw: &Value) -> Downgrade {
    let mut converter = Converter::default();
    let document = converter.document(raw);
    // A shared path item inlined at several paths is converted, and noted, once per path.
    let mut seen = std::collections::HashSet::new();
    let notes = converter
        .notes
        .into_iter()
        .filter(|note| seen.insert(note.clone()))
        .collect();
    Downgrade { document, notes }
}

/// One 3.1 Schema Object (JSON Schema 2020-12 dialect) as an OpenAPI 3.0 Schema Object.
///
/// `$defs` are dropped (a lone schema has no `components/schemas` to move them to); use
/// [`downgrade_to_30`] for a whole document.
pub fn schema_to_30(schema: &Value) -> Value {
    Converter::default().schema(schema, "", Body::Json)
}

/// Keywords of JSON Schema 2020-12 that OpenAPI 3.0 has no form for: dropped, with a note.
const DROPPED_KEYWORDS: &[&str] = &[
    "$schema",
    "$id",
    "$anchor",
    "$dynamicRef",
    "$dynamicAnchor",
    "$vocabulary",
    "prefixItems",
    "unevaluatedProperties",
    "unevaluatedItems",
    "dependentRequired",
    "dependentSchemas",
    "if",
    "then",
    "else",
    "contains",
    "minContains",
    "maxContains",
    "propertyNames",
    "contentSchema",
];

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Whether a schema describes a JSON body (or no body at all), or some other media type, where a string
/// with a `contentMediaType` is raw bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    Json,
    Other,
}

#[derive(Debug, Default)]
struct Converter {
    notes: Vec<DowngradeNote>,
    /// `$defs` entries met while converting: (original pointer of the entry, its 3.0 form).
    hoisted: Vec<(String, Value)>,
    /// Every schema `$ref` carried into the copy: (original pointer of the `$ref`, its value).
    refs: Vec<(String, String)>,
    /// Names of the `mutualTLS` security schemes dropped.
    dropped_schemes: Vec<String>,
}

impl Converter {
    fn note(&mut self, at: &str, message: impl Into<String>) {
        self.notes.push(DowngradeNote {
            pointer: at.to_string(),
            message: message.into(),
            affects_client: true,
        });
    }

    /// A note on document metadata, which no generated code reads.
    fn metadata_note(&mut self, at: &str, message: impl Into<String>) {
        self.note(at, message);
        if let Some(note) = self.notes.last_mut() {
            note.affects_client = false;
        }
    }

    // ----- the document's structure -------------------------------------------------------------------

    fn document(&mut self, raw: &Value) -> Value {
        let Value::Object(root) = raw else {
            return raw.clone();
        };
        let mut out = Map::with_capacity(root.len() + 1);
        for (key, value) in root {
            let at = pointer::join("", key);
            let converted = match key.as_str() {
                "openapi" if is_openapi_31(raw) => json!("3.0.3"),
                "jsonSchemaDialect" => {
                    self.metadata_note(&at, "`jsonSchemaDialect` has no OpenAPI 3.0 form; dropped");
                    continue;
                }
                "webhooks" => {
                    self.drop_webhooks(value, &at);
                    continue;
                }
                "info" => self.info(value, &at),
                "paths" => self.each_entry(value, &at, |c, v, a| c.path_item(raw, v, a)),
                "components" => self.components(raw, value, &at),
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }
        if !out.contains_key("paths") {
            out.insert("paths".into(), json!({}));
        }
        let mut document = Value::Object(out);
        self.drop_mutual_tls_requirements(&mut document);
        self.place_hoisted_defs(&mut document);
        self.check_refs(&document);
        document
    }

    /// One note for all of a document's webhooks: requests the provider sends, which a client never makes.
    fn drop_webhooks(&mut self, webhooks: &Value, at: &str) {
        match webhooks {
            Value::Object(hooks) if !hooks.is_empty() => {
                let names: Vec<String> = hooks.keys().map(|name| format!("`{name}`")).collect();
                self.note(
                    at,
                    format!(
                        "{} webhook(s) ({}) have no OpenAPI 3.0 form; dropped: they are requests the provider \
                         sends, not ones a client makes (their payloads still get types where they are component \
                         schemas)",
                        names.len(),
                        names.join(", ")
                    ),
                );
            }
            _ => self.metadata_note(at, "`webhooks` has no OpenAPI 3.0 form; dropped"),
        }
    }

    fn info(&mut self, info: &Value, at: &str) -> Value {
        let Value::Object(map) = info else {
            return info.clone();
        };
        let mut out = map.clone();
        if out.remove("summary").is_some() {
            self.metadata_note(
                &pointer::join(at, "summary"),
                "`info.summary` has no OpenAPI 3.0 form; dropped",
            );
        }
        if let Some(Value::Object(license)) = out.get_mut("license")
            && license.remove("identifier").is_some()
        {
            self.metadata_note(
                &pointer::join(&pointer::join(at, "license"), "identifier"),
                "`license.identifier` has no OpenAPI 3.0 form; dropped (the license name stays)",
            );
        }
        Value::Object(out)
    }

    fn components(&mut self, raw: &Value, components: &Value, at: &str) -> Value {
        let Value::Object(map) = components else {
            return components.clone();
        };
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let child = pointer::join(at, key);
            let converted = match key.as_str() {
                "schemas" => self.each_entry(value, &child, |c, v, a| c.schema(v, a, Body::Json)),
                "parameters" => self.each_entry(value, &child, Self::parameter),
                "headers" => self.each_entry(value, &child, Self::parameter),
                "requestBodies" => self.each_entry(value, &child, Self::request_body),
                "responses" => self.each_entry(value, &child, Self::response),
                "callbacks" => self.each_entry(value, &child, |c, v, a| c.callback(raw, v, a)),
                "securitySchemes" => self.security_schemes(value, &child),
                "pathItems" => {
                    if let Value::Object(items) = value {
                        for name in items.keys() {
                            self.note(
                                &pointer::join(&child, name),
                                "`components/pathItems` has no OpenAPI 3.0 form; dropped (path items that refer to it are inlined)",
                            );
                        }
                    }
                    continue;
                }
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }
        Value::Object(out)
    }

    /// Applies `convert` to every value of an object (`at` being the object's pointer).
    fn each_entry(
        &mut self,
        value: &Value,
        at: &str,
        mut convert: impl FnMut(&mut Self, &Value, &str) -> Value,
    ) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), convert(self, v, &pointer::join(at, k))))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// Applies `convert` to every item of an array.
    fn each_item(
        &mut self,
        value: &Value,
        at: &str,
        mut convert: impl FnMut(&mut Self, &Value, &str) -> Value,
    ) -> Value {
        match value {
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| convert(self, v, &format!("{at}/{i}")))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// A Path Item. One that refers to `components/pathItems` (which 3.0 lacks) gets the target's content.
    fn path_item(&mut self, raw: &Value, item: &Value, at: &str) -> Value {
        let Value::Object(map) = item else {
            return item.clone();
        };
        if let Some(Value::String(reference)) = map.get("$ref")
            && let Some(target) = crate::pointer::of_reference(reference)
            && target.starts_with("/components/pathItems/")
            && let Some(Value::Object(shared)) = raw.pointer(&target)
        {
            // The target's fields, then this item's own siblings (which win). One level only, so a
            // cycle of path items cannot loop.
            let mut merged = shared.clone();
            merged.remove("$ref");
            let mut inlined = self.path_item_fields(raw, &merged, &target);
            for (key, value) in map {
                if key != "$ref" {
                    let converted = self.path_item_field(raw, key, value, &pointer::join(at, key));
                    inlined.insert(key.clone(), converted);
                }
            }
            return Value::Object(inlined);
        }
        Value::Object(self.path_item_fields(raw, map, at))
    }

    fn path_item_fields(
        &mut self,
        raw: &Value,
        map: &Map<String, Value>,
        at: &str,
    ) -> Map<String, Value> {
        map.iter()
            .map(|(key, value)| {
                let converted = self.path_item_field(raw, key, value, &pointer::join(at, key));
                (key.clone(), converted)
            })
            .collect()
    }

    fn path_item_field(&mut self, raw: &Value, key: &str, value: &Value, at: &str) -> Value {
        match key {
            "parameters" => self.each_item(value, at, Self::parameter),
            method if METHODS.contains(&method) => self.operation(raw, value, at),
            _ => value.clone(),
        }
    }

    fn operation(&mut self, raw: &Value, operation: &Value, at: &str) -> Value {
        let Value::Object(map) = operation else {
            return operation.clone();
        };
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let child = pointer::join(at, key);
            let converted = match key.as_str() {
                "parameters" => self.each_item(value, &child, Self::parameter),
                "requestBody" => self.request_body(value, &child),
                "responses" => self.each_entry(value, &child, Self::response),
                "callbacks" => self.each_entry(value, &child, |c, v, a| c.callback(raw, v, a)),
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }
        Value::Object(out)
    }

    fn callback(&mut self, raw: &Value, callback: &Value, at: &str) -> Value {
        if is_reference(callback) {
            return callback.clone();
        }
        self.each_entry(callback, at, |c, v, a| c.path_item(raw, v, a))
    }

    /// A Parameter or a Header Object: both hold a `schema` or a `content` map.
    fn parameter(&mut self, parameter: &Value, at: &str) -> Value {
        let Value::Object(map) = parameter else {
            return parameter.clone();
        };
        if map.contains_key("$ref") {
            return parameter.clone();
        }
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let child = pointer::join(at, key);
            let converted = match key.as_str() {
                "schema" => self.schema(value, &child, Body::Json),
                "content" => self.content(value, &child),
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }
        Value::Object(out)
    }

    fn request_body(&mut self, body: &Value, at: &str) -> Value {
        self.with_content(body, at, &["content"])
    }

    fn response(&mut self, response: &Value, at: &str) -> Value {
        self.with_content(response, at, &["content", "headers"])
    }

    /// A Request Body or Response: only `content` (and a response's `headers`) hold schemas.
    fn with_content(&mut self, value: &Value, at: &str, keys: &[&str]) -> Value {
        let Value::Object(map) = value else {
            return value.clone();
        };
        if map.contains_key("$ref") {
            return value.clone();
        }
        let mut out = map.clone();
        for key in keys {
            if let Some(inner) = map.get(*key) {
                let child = pointer::join(at, key);
                let converted = match *key {
                    "content" => self.content(inner, &child),
                    _ => self.each_entry(inner, &child, Self::parameter),
                };
                out.insert(key.to_string(), converted);
            }
        }
        Value::Object(out)
    }

    /// A `content` map: media type name → Media Type Object. Its `examples` are data and stay as they are.
    fn content(&mut self, content: &Value, at: &str) -> Value {
        let Value::Object(map) = content else {
            return content.clone();
        };
        let mut out = Map::with_capacity(map.len());
        for (media_type, media) in map {
            let media_at = pointer::join(at, media_type);
            let body = if crate::is_json_media_type(media_type) {
                Body::Json
            } else {
                Body::Other
            };
            let converted = match media {
                Value::Object(fields) => {
                    let mut fields = fields.clone();
                    if let Some(schema) = fields.get("schema") {
                        let schema = self.schema(schema, &pointer::join(&media_at, "schema"), body);
                        fields.insert("schema".into(), schema);
                    }
                    if let Some(encoding) = fields.get("encoding") {
                        let encoding = self.each_entry(
                            encoding,
                            &pointer::join(&media_at, "encoding"),
                            |c, e, a| c.with_content(e, a, &["headers"]),
                        );
                        fields.insert("encoding".into(), encoding);
                    }
                    Value::Object(fields)
                }
                other => other.clone(),
            };
            out.insert(media_type.clone(), converted);
        }
        Value::Object(out)
    }

    /// `mutualTLS` (new in 3.1) is not a 3.0 scheme type: dropped, and so are the requirements naming it.
    fn security_schemes(&mut self, schemes: &Value, at: &str) -> Value {
        let Value::Object(map) = schemes else {
            return schemes.clone();
        };
        let mut out = Map::with_capacity(map.len());
        for (name, scheme) in map {
            if scheme.get("type").and_then(Value::as_str) == Some("mutualTLS") {
                self.note(
                    &pointer::join(at, name),
                    format!("security scheme `{name}` is `mutualTLS`, which OpenAPI 3.0 lacks; dropped, with the requirements naming it"),
                );
                self.dropped_schemes.push(name.clone());
                continue;
            }
            out.insert(name.clone(), scheme.clone());
        }
        Value::Object(out)
    }

    fn drop_mutual_tls_requirements(&mut self, document: &mut Value) {
        if self.dropped_schemes.is_empty() {
            return;
        }
        let dropped = std::mem::take(&mut self.dropped_schemes);
        let keep = |requirement: &Value| {
            requirement
                .as_object()
                .is_none_or(|names| !names.keys().any(|n| dropped.contains(n)))
        };
        if let Some(Value::Array(list)) = document.get_mut("security") {
            list.retain(keep);
        }
        if let Some(Value::Object(paths)) = document.get_mut("paths") {
            for item in paths.values_mut().filter_map(Value::as_object_mut) {
                for method in METHODS {
                    if let Some(Value::Array(list)) =
                        item.get_mut(*method).and_then(|op| op.get_mut("security"))
                    {
                        list.retain(keep);
                    }
                }
            }
        }
    }

    // ----- schemas -----------------------------------------------------------------------------------

    /// One Schema Object at `at` in the original document.
    fn schema(&mut self, schema: &Value, at: &str, body: Body) -> Value {
        let map = match schema {
            Value::Bool(true) => return json!({}),
            Value::Bool(false) => return json!({ "not": {} }),
            Value::Object(map) => map,
            other => return other.clone(),
        };
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let child = pointer::join(at, key);
            let converted = match key.as_str() {
                "properties" | "patternProperties" => {
                    self.each_entry(value, &child, |c, v, a| c.schema(v, a, body))
                }
                "additionalProperties" if value.is_boolean() => value.clone(),
                "additionalProperties" | "items" | "not" => self.schema(value, &child, body),
                "allOf" | "anyOf" | "oneOf" => {
                    self.each_item(value, &child, |c, v, a| c.schema(v, a, body))
                }
                "$defs" => {
                    self.collect_defs(value, &child);
                    continue;
                }
                "$comment" => continue,
                "prefixItems" => {
                    self.note(
                        &child,
                        "`prefixItems` has no OpenAPI 3.0 form; dropped from the client's view (the items are described by `items`)",
                    );
                    continue;
                }
                "$ref" => {
                    if let Value::String(reference) = value {
                        self.refs.push((child, reference.clone()));
                    }
                    value.clone()
                }
                dropped if DROPPED_KEYWORDS.contains(&dropped) => {
                    self.note(
                        &child,
                        format!(
                            "`{dropped}` has no OpenAPI 3.0 form; dropped from the client's view"
                        ),
                    );
                    continue;
                }
                _ => value.clone(),
            };
            out.insert(key.clone(), converted);
        }

        self.prefix_items_to_items(map, &mut out, at, body);
        type_list_to_nullable(&mut out);
        const_to_enum(&mut out);
        examples_to_example(&mut out);
        exclusive_bounds_to_booleans(&mut out);
        self.content_keywords_to_format(&mut out, at, body);
        null_branches_to_nullable(&mut out);
        ref_siblings_to_all_of(&mut out);
        Value::Object(out)
    }

    fn collect_defs(&mut self, defs: &Value, at: &str) {
        let Value::Object(entries) = defs else {
            self.note(at, "`$defs` is not an object; dropped");
            return;
        };
        for (name, def) in entries {
            let def_at = pointer::join(at, name);
            let converted = self.schema(def, &def_at, Body::Json);
            self.hoisted.push((def_at, converted));
        }
    }

    /// `prefixItems` describes the first items one by one; 3.0 has one `items` for all. The closest 3.0
    /// form says each item is one of the prefix schemas (or the schema of the rest).
    fn prefix_items_to_items(
        &mut self,
        original: &Map<String, Value>,
        out: &mut Map<String, Value>,
        at: &str,
        body: Body,
    ) {
        let Some(Value::Array(prefix)) = original.get("prefixItems") else {
            return;
        };
        let prefix_at = pointer::join(at, "prefixItems");
        let mut branches: Vec<Value> = prefix
            .iter()
            .enumerate()
            .map(|(i, s)| self.schema(s, &format!("{prefix_at}/{i}"), body))
            .collect();
        match original.get("items") {
            // Any number of further items, of any kind: nothing narrower than "anything" is true.
            None | Some(Value::Bool(true)) => {
                out.insert("items".into(), json!({}));
                return;
            }
            Some(Value::Bool(false)) => {
                out.entry("maxItems").or_insert(json!(prefix.len()));
            }
            Some(_) => {
                if let Some(rest) = out.get("items") {
                    branches.push(rest.clone());
                }
            }
        }
        let items = match branches.len() {
            0 => json!({}),
            1 => branches.remove(0),
            _ => json!({ "anyOf": branches }),
        };
        out.insert("items".into(), items);
    }

    /// `contentEncoding: base64` is 3.0's `format: byte`; a `contentMediaType` of raw bytes is `format: binary`.
    fn content_keywords_to_format(&mut self, out: &mut Map<String, Value>, at: &str, body: Body) {
        let encoding = out.remove("contentEncoding");
        let media_type = out.remove("contentMediaType");
        if encoding.is_none() && media_type.is_none() {
            return;
        }
        let is_string = match out.get("type") {
            None => true,
            Some(t) => t == "string",
        };
        let format = match (&encoding, &media_type) {
            (Some(Value::String(e)), _) if e.eq_ignore_ascii_case("base64") => Some("byte"),
            (Some(e), _) => {
                self.note(
                    &pointer::join(at, "contentEncoding"),
                    format!("`contentEncoding: {e}` has no OpenAPI 3.0 form; dropped"),
                );
                None
            }
            (None, Some(Value::String(m)))
                if body == Body::Other
                    || crate::media_type_essence(m) == "application/octet-stream" =>
            {
                Some("binary")
            }
            // A string in a JSON document whose text is some media type: an annotation only.
            (None, _) => None,
        };
        if let Some(format) = format
            && is_string
            && !out.contains_key("format")
        {
            out.entry("type").or_insert(json!("string"));
            out.insert("format".into(), json!(format));
        }
    }

    // ----- after the walk ----------------------------------------------------------------------------

    /// Moves every `$defs` entry to `components/schemas` under a fresh name and points the `$ref`s at it.
    fn place_hoisted_defs(&mut self, document: &mut Value) {
        if self.hoisted.is_empty() {
            return;
        }
        let hoisted = std::mem::take(&mut self.hoisted);
        let Some(root) = document.as_object_mut() else {
            return;
        };
        let components = root.entry("components").or_insert_with(|| json!({}));
        let Some(components) = components.as_object_mut() else {
            return;
        };
        let schemas = components.entry("schemas").or_insert_with(|| json!({}));
        let Some(schemas) = schemas.as_object_mut() else {
            return;
        };
        let mut renames: Vec<(String, String)> = Vec::with_capacity(hoisted.len());
        for (def_at, schema) in hoisted {
            let name = unique_name(schemas, &hoisted_name(&def_at));
            self.note(
                &def_at,
                format!("`$defs` entry moved to `#/components/schemas/{name}`"),
            );
            schemas.insert(name.clone(), schema);
            renames.push((
                format!("#{def_at}"),
                format!("#/components/schemas/{}", pointer::escape(&name)),
            ));
        }
        // Longest first, so a `$defs` inside a `$defs` entry wins over its parent.
        renames.sort_by_key(|(from, _)| std::cmp::Reverse(from.len()));
        rewrite_refs(document, &renames);
        for (_, reference) in &mut self.refs {
            if let Some(renamed) = renamed(reference, &renames) {
                *reference = renamed;
            }
        }
    }

    /// A schema `$ref` that pointed into something the downgrade dropped would break the 3.0 document.
    fn check_refs(&mut self, document: &Value) {
        let refs = std::mem::take(&mut self.refs);
        for (at, reference) in refs {
            let Some(target) = crate::pointer::of_reference(&reference) else {
                continue;
            };
            if document.pointer(&target).is_none() {
                self.note(
                    &at,
                    format!("`$ref: {reference}` does not resolve in the OpenAPI 3.0 form (it points at something 3.0 cannot hold, or at a `$id`/`$anchor`)"),
                );
            }
        }
    }
}

fn is_reference(value: &Value) -> bool {
    value.get("$ref").is_some()
}

// ----- one function per schema rule -------------------------------------------------------------------

/// `type: [T, "null"]` → `type: T, nullable: true`; `type: "null"` → `nullable: true, enum: [null]`;
/// several non-null types → `anyOf` of one schema per type.
fn type_list_to_nullable(out: &mut Map<String, Value>) {
    let types: Vec<&str> = match out.get("type") {
        Some(Value::String(t)) if t == "null" => vec!["null"],
        Some(Value::Array(list)) => {
            match list.iter().map(Value::as_str).collect::<Option<Vec<_>>>() {
                Some(types) if !types.is_empty() => types,
                _ => return,
            }
        }
        _ => return,
    };
    let nullable = types.contains(&"null");
    let mut others: Vec<String> = Vec::new();
    for t in types.into_iter().filter(|t| *t != "null") {
        if !others.iter().any(|o| o == t) {
            others.push(t.to_string());
        }
    }
    out.remove("type");
    match others.len() {
        0 => {
            out.entry("enum").or_insert(json!([null]));
        }
        1 => {
            out.insert("type".into(), json!(others[0]));
        }
        _ => {
            let branches: Vec<Value> = others.iter().map(|t| json!({ "type": t })).collect();
            add_branches(out, "anyOf", branches);
        }
    }
    if nullable {
        out.insert("nullable".into(), json!(true));
        if let Some(Value::Array(values)) = out.get_mut("enum")
            && !values.contains(&Value::Null)
        {
            values.push(Value::Null);
        }
    }
}

/// Puts `branches` under `keyword`; when the schema already has that keyword, both go under an `allOf`.
fn add_branches(out: &mut Map<String, Value>, keyword: &str, branches: Vec<Value>) {
    if !out.contains_key(keyword) {
        out.insert(keyword.into(), Value::Array(branches));
        return;
    }
    let extra = json!({ keyword: branches });
    match out.get_mut("allOf") {
        Some(Value::Array(all)) => all.push(extra),
        _ => {
            out.insert("allOf".into(), json!([extra]));
        }
    }
}

/// `const: X` → `enum: [X]` (and `nullable: true` when X is null).
fn const_to_enum(out: &mut Map<String, Value>) {
    let Some(value) = out.remove("const") else {
        return;
    };
    if value.is_null() {
        out.insert("nullable".into(), json!(true));
    }
    out.insert("enum".into(), json!([value]));
}

/// `examples: [a, b]` on a schema → `example: a`.
fn examples_to_example(out: &mut Map<String, Value>) {
    let Some(Value::Array(examples)) = out.get("examples") else {
        return;
    };
    let first = examples.first().cloned();
    out.remove("examples");
    if let Some(first) = first {
        out.entry("example").or_insert(first);
    }
}

/// Numeric `exclusiveMinimum: n` → `minimum: n, exclusiveMinimum: true` (the stricter bound wins when a
/// `minimum` is also given); the same for the maximum.
fn exclusive_bounds_to_booleans(out: &mut Map<String, Value>) {
    for (flag, bound, stricter) in [
        ("exclusiveMinimum", "minimum", std::cmp::Ordering::Greater),
        ("exclusiveMaximum", "maximum", std::cmp::Ordering::Less),
    ] {
        let Some(Value::Number(exclusive)) = out.get(flag).cloned() else {
            continue;
        };
        let inclusive = out.get(bound).and_then(Value::as_f64);
        let exclusive_wins = match (exclusive.as_f64(), inclusive) {
            (Some(e), Some(i)) => e.partial_cmp(&i).is_none_or(|o| o == stricter || o.is_eq()),
            _ => true,
        };
        if exclusive_wins {
            out.insert(bound.into(), Value::Number(exclusive));
            out.insert(flag.into(), json!(true));
        } else {
            out.remove(flag);
        }
    }
}

/// `anyOf`/`oneOf` with a `{type: "null"}` branch → the other branches, `nullable: true`.
fn null_branches_to_nullable(out: &mut Map<String, Value>) {
    for keyword in ["anyOf", "oneOf"] {
        let Some(Value::Array(branches)) = out.get(keyword) else {
            continue;
        };
        if !branches.iter().any(is_null_only) {
            continue;
        }
        let mut rest: Vec<Value> = branches
            .iter()
            .filter(|b| !is_null_only(b))
            .cloned()
            .collect();
        out.remove(keyword);
        out.insert("nullable".into(), json!(true));
        match rest.len() {
            0 => {
                out.entry("enum").or_insert(json!([null]));
            }
            1 => {
                let only = rest.remove(0);
                match only {
                    // An inline branch that shares no keyword with the schema merges into it.
                    Value::Object(fields)
                        if !fields.contains_key("$ref")
                            && fields.keys().all(|k| !out.contains_key(k)) =>
                    {
                        out.extend(fields);
                    }
                    other => add_branches(out, "allOf", vec![other]),
                }
            }
            _ => add_branches(out, keyword, rest),
        }
    }
}

/// A (converted) schema that only allows `null`.
fn is_null_only(schema: &Value) -> bool {
    let Value::Object(map) = schema else {
        return false;
    };
    let only_null_enum = map.get("enum") == Some(&json!([null]));
    only_null_enum
        && map
            .keys()
            .all(|k| matches!(k.as_str(), "enum" | "nullable" | "description" | "title"))
}

/// `$ref` with sibling keywords → `allOf: [{$ref}]` with the siblings beside it.
fn ref_siblings_to_all_of(out: &mut Map<String, Value>) {
    if out.len() < 2 || !out.contains_key("$ref") {
        return;
    }
    let Some(reference) = out.remove("$ref") else {
        return;
    };
    let branch = json!({ "$ref": reference });
    match out.get_mut("allOf") {
        Some(Value::Array(all)) => all.insert(0, branch),
        _ => {
            out.insert("allOf".into(), json!([branch]));
        }
    }
}

// ----- `$defs` hoisting helpers -----------------------------------------------------------------------

/// `Parent_Def` for `/components/schemas/Parent/$defs/Def`, `Def` elsewhere; only characters a
/// component name may hold.
fn hoisted_name(def_at: &str) -> String {
    let tokens = pointer::tokens(def_at);
    let def = tokens.last().map(String::as_str).unwrap_or("def");
    let name = match tokens.as_slice() {
        [c, s, parent, ..] if c == "components" && s == "schemas" => format!("{parent}_{def}"),
        _ => def.to_string(),
    };
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn unique_name(taken: &Map<String, Value>, base: &str) -> String {
    if !taken.contains_key(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|name| !taken.contains_key(name))
        .unwrap_or_else(|| base.to_string())
}

fn renamed(reference: &str, renames: &[(String, String)]) -> Option<String> {
    renames.iter().find_map(|(from, to)| {
        let rest = reference.strip_prefix(from.as_str())?;
        (rest.is_empty() || rest.starts_with('/')).then(|| format!("{to}{rest}"))
    })
}

/// Rewrites every `$ref` of the document by `renames`, leaving example values (data) alone.
fn rewrite_refs(value: &mut Value, renames: &[(String, String)]) {
    rewrite_refs_below(value, renames, false);
}

/// `names_only`: the keys of `value` are names (of properties, paths...), not keywords.
fn rewrite_refs_below(value: &mut Value, renames: &[(String, String)], names_only: bool) {
    match value {
        Value::Object(map) => {
            if !names_only
                && let Some(Value::String(reference)) = map.get_mut("$ref")
                && let Some(new) = renamed(reference, renames)
            {
                *reference = new;
            }
            for (key, child) in map.iter_mut() {
                let is_example = key == "example" || key == "examples";
                if names_only || !is_example {
                    let names =
                        !names_only && matches!(key.as_str(), "properties" | "patternProperties");
                    rewrite_refs_below(child, renames, names);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| rewrite_refs_below(item, renames, false)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn yaml(text: &str) -> Value {
        crate::load::parse_yaml("test", text).expect("test YAML parses")
    }

    fn note_at<'a>(notes: &'a [DowngradeNote], at: &str) -> Option<&'a DowngradeNote> {
        notes.iter().find(|n| n.pointer == at)
    }

    /// Checks the 3.0 form against the object model the client generator reads, and against this crate's
    /// own loader (which also resolves every `$ref` and collects the operations).
    fn assert_loads_as_30(document: &Value) {
        let model = serde_json::from_value::<openapiv3::OpenAPI>(document.clone());
        assert!(model.is_ok(), "openapiv3 refuses it: {:?}", model.err());
        let text = serde_json::to_string(document).expect("serializes");
        let loaded = crate::Document::parse("downgraded", "downgraded", &text, true);
        assert!(
            loaded.is_ok(),
            "the loader refuses it: {}",
            loaded.err().unwrap()
        );
    }

    #[test]
    fn detects_31_documents_only() {
        assert!(is_openapi_31(&json!({"openapi": "3.1.0"})));
        assert!(is_openapi_31(&json!({"openapi": "3.1.1"})));
        assert!(!is_openapi_31(&json!({"openapi": "3.0.3"})));
        assert!(!is_openapi_31(&json!({"openapi": 3.1})));
        assert!(!is_openapi_31(&json!({"swagger": "2.0"})));
        assert!(!is_openapi_31(&json!([])));
    }

    #[test]
    fn document_level_31_fields_are_dropped_and_paths_inserted() {
        let raw = yaml(
            r#"
openapi: 3.1.0
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
info:
  title: t
  version: '1'
  summary: short
  license: {name: MIT, identifier: MIT}
webhooks:
  newPet: {post: {responses: {'200': {description: ok}}}}
components:
  pathItems:
    shared: {get: {responses: {'200': {description: ok}}}}
"#,
        );
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        assert_eq!(document["openapi"], "3.0.3");
        assert_eq!(document["paths"], json!({}));
        for gone in [
            "/webhooks",
            "/jsonSchemaDialect",
            "/components/pathItems",
            "/info/summary",
            "/info/license/identifier",
        ] {
            assert!(document.pointer(gone).is_none(), "{gone} is still there");
        }
        assert_eq!(document["info"]["license"]["name"], "MIT");
        for at in [
            "/webhooks",
            "/jsonSchemaDialect",
            "/components/pathItems/shared",
            "/info/summary",
            "/info/license/identifier",
        ] {
            assert!(note_at(&notes, at).is_some(), "no note at {at}: {notes:?}");
        }
        // Metadata is nothing the client loses; the webhooks are one note, naming each.
        for at in [
            "/jsonSchemaDialect",
            "/info/summary",
            "/info/license/identifier",
        ] {
            assert!(!note_at(&notes, at).unwrap().affects_client, "{at}");
        }
        let webhooks = note_at(&notes, "/webhooks").unwrap();
        assert!(webhooks.affects_client && webhooks.message.contains("`newPet`"));
        assert_eq!(
            notes
                .iter()
                .filter(|n| n.pointer.starts_with("/webhooks"))
                .count(),
            1
        );
        assert_loads_as_30(&document);
    }

    #[test]
    fn path_items_referring_to_components_path_items_are_inlined() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /pets:
    $ref: '#/components/pathItems/pets'
    summary: own summary
components:
  pathItems:
    pets:
      summary: shared summary
      get:
        responses:
          '200':
            description: ok
            content:
              application/json: {schema: {type: [string, 'null']}}
"#,
        );
        let document = downgrade_to_30(&raw).document;
        let item = &document["paths"]["/pets"];
        assert!(item.get("$ref").is_none());
        assert_eq!(item["summary"], "own summary");
        assert_eq!(
            item["get"]["responses"]["200"]["content"]["application/json"]["schema"],
            json!({"type": "string", "nullable": true})
        );
        assert_loads_as_30(&document);
    }

    #[test]
    fn type_with_null_becomes_nullable() {
        assert_eq!(
            schema_to_30(&json!({"type": ["string", "null"], "maxLength": 3})),
            json!({"maxLength": 3, "type": "string", "nullable": true})
        );
        assert_eq!(
            schema_to_30(&json!({"type": ["integer"]})),
            json!({"type": "integer"})
        );
    }

    #[test]
    fn type_null_alone_becomes_nullable_null_enum() {
        let expected = json!({"enum": [null], "nullable": true});
        assert_eq!(schema_to_30(&json!({"type": ["null"]})), expected);
        assert_eq!(schema_to_30(&json!({"type": "null"})), expected);
    }

    #[test]
    fn several_types_become_any_of_beside_the_other_keywords() {
        assert_eq!(
            schema_to_30(&json!({"type": ["string", "integer", "null"], "description": "id"})),
            json!({
                "description": "id",
                "anyOf": [{"type": "string"}, {"type": "integer"}],
                "nullable": true
            })
        );
        // An existing anyOf is kept; the type choice joins it under allOf.
        assert_eq!(
            schema_to_30(
                &json!({"type": ["string", "number"], "anyOf": [{"minLength": 1}, {"minimum": 1}]})
            ),
            json!({
                "anyOf": [{"minLength": 1}, {"minimum": 1}],
                "allOf": [{"anyOf": [{"type": "string"}, {"type": "number"}]}]
            })
        );
    }

    #[test]
    fn const_becomes_a_one_value_enum() {
        assert_eq!(
            schema_to_30(&json!({"type": "string", "const": "cat"})),
            json!({"type": "string", "enum": ["cat"]})
        );
        assert_eq!(
            schema_to_30(&json!({"const": null})),
            json!({"nullable": true, "enum": [null]})
        );
    }

    #[test]
    fn schema_examples_array_becomes_its_first_example() {
        assert_eq!(
            schema_to_30(&json!({"type": "integer", "examples": [3, 4]})),
            json!({"type": "integer", "example": 3})
        );
        assert_eq!(schema_to_30(&json!({"examples": []})), json!({}));
    }

    #[test]
    fn media_type_examples_are_not_schema_keywords() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /p:
    get:
      parameters:
        - name: q
          in: query
          schema: {type: string, examples: [a]}
          examples: {one: {value: a}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: string}
              examples: {one: {value: [1, 2]}, two: {$ref: '#/components/examples/two'}}
components:
  examples:
    two: {value: b}
"#,
        );
        let document = downgrade_to_30(&raw).document;
        let parameter = &document["paths"]["/p"]["get"]["parameters"][0];
        assert_eq!(
            parameter["schema"],
            json!({"type": "string", "example": "a"})
        );
        assert_eq!(
            parameter["examples"],
            raw["paths"]["/p"]["get"]["parameters"][0]["examples"]
        );
        let media = "/paths/~1p/get/responses/200/content/application~1json/examples";
        assert_eq!(document.pointer(media), raw.pointer(media));
        assert_loads_as_30(&document);
    }

    #[test]
    fn numeric_exclusive_bounds_become_boolean_flags() {
        assert_eq!(
            schema_to_30(&json!({"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10})),
            json!({"type": "number", "exclusiveMinimum": true, "exclusiveMaximum": true, "minimum": 0, "maximum": 10})
        );
    }

    #[test]
    fn the_stricter_of_inclusive_and_exclusive_bounds_is_kept() {
        // exclusiveMinimum 5 is stricter than minimum 1; maximum 3 is stricter than exclusiveMaximum 7.
        assert_eq!(
            schema_to_30(
                &json!({"minimum": 1, "exclusiveMinimum": 5, "maximum": 3, "exclusiveMaximum": 7})
            ),
            json!({"minimum": 5, "exclusiveMinimum": true, "maximum": 3})
        );
        // At the same value, the exclusive bound is the stricter.
        assert_eq!(
            schema_to_30(&json!({"minimum": 2, "exclusiveMinimum": 2})),
            json!({"minimum": 2, "exclusiveMinimum": true})
        );
    }

    #[test]
    fn ref_with_siblings_moves_into_all_of() {
        assert_eq!(
            schema_to_30(&json!({"$ref": "#/components/schemas/Pet", "description": "the pet"})),
            json!({"description": "the pet", "allOf": [{"$ref": "#/components/schemas/Pet"}]})
        );
        let lone = json!({"$ref": "#/components/schemas/Pet"});
        assert_eq!(schema_to_30(&lone), lone);
        // `$comment` is dropped silently, so the `$ref` is alone again.
        assert_eq!(
            schema_to_30(&json!({"$ref": "#/components/schemas/Pet", "$comment": "why"})),
            lone
        );
    }

    #[test]
    fn null_branch_of_any_of_or_one_of_becomes_nullable() {
        // One branch left, a reference: allOf + nullable.
        assert_eq!(
            schema_to_30(
                &json!({"oneOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "null"}]})
            ),
            json!({"nullable": true, "allOf": [{"$ref": "#/components/schemas/Pet"}]})
        );
        // One inline branch left: merged into the schema.
        assert_eq!(
            schema_to_30(
                &json!({"anyOf": [{"type": "string"}, {"type": "null"}], "description": "d"})
            ),
            json!({"description": "d", "nullable": true, "type": "string"})
        );
        // Several branches left: they stay a choice.
        assert_eq!(
            schema_to_30(
                &json!({"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]})
            ),
            json!({"nullable": true, "anyOf": [{"type": "string"}, {"type": "integer"}]})
        );
    }

    #[test]
    fn content_encoding_and_media_type_become_formats() {
        assert_eq!(
            schema_to_30(&json!({"type": "string", "contentEncoding": "base64"})),
            json!({"type": "string", "format": "byte"})
        );
        assert_eq!(
            schema_to_30(
                &json!({"type": "string", "contentMediaType": "application/octet-stream"})
            ),
            json!({"type": "string", "format": "binary"})
        );
        // In a JSON document a string's media type is an annotation only.
        assert_eq!(
            schema_to_30(&json!({"type": "string", "contentMediaType": "text/html"})),
            json!({"type": "string"})
        );
        // In a non-JSON body, a part with a media type is raw bytes.
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /upload:
    post:
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                file: {type: string, contentMediaType: image/png}
          image/png:
            schema: {contentMediaType: image/png}
      responses: {'204': {description: done}}
"#,
        );
        let document = downgrade_to_30(&raw).document;
        let content = &document["paths"]["/upload"]["post"]["requestBody"]["content"];
        assert_eq!(
            content["multipart/form-data"]["schema"]["properties"]["file"],
            json!({"type": "string", "format": "binary"})
        );
        assert_eq!(
            content["image/png"]["schema"],
            json!({"type": "string", "format": "binary"})
        );
        assert_loads_as_30(&document);
    }

    #[test]
    fn keywords_without_a_30_form_are_dropped_with_a_note() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    Thing:
      $schema: https://json-schema.org/draft/2020-12/schema
      $id: https://example.com/thing
      $comment: silent
      type: object
      properties:
        tags:
          type: array
          items: {type: string}
          contains: {const: a}
          minContains: 1
          maxContains: 2
      propertyNames: {pattern: '^[a-z]+$'}
      dependentRequired: {a: [b]}
      dependentSchemas: {a: {required: [c]}}
      if: {required: [a]}
      then: {required: [b]}
      else: {required: [c]}
      unevaluatedProperties: false
"#,
        );
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        let thing = &document["components"]["schemas"]["Thing"];
        assert_eq!(
            thing,
            &json!({"type": "object", "properties": {"tags": {"type": "array", "items": {"type": "string"}}}})
        );
        let mut expected: Vec<&str> = vec![
            "$schema",
            "$id",
            "propertyNames",
            "dependentRequired",
            "dependentSchemas",
            "if",
            "then",
            "else",
            "unevaluatedProperties",
        ];
        expected.extend([
            "properties/tags/contains",
            "properties/tags/minContains",
            "properties/tags/maxContains",
        ]);
        for keyword in expected {
            let at = format!("/components/schemas/Thing/{keyword}");
            let note = note_at(&notes, &at).unwrap_or_else(|| panic!("no note at {at}: {notes:?}"));
            assert!(note.message.contains("has no OpenAPI 3.0 form"), "{note:?}");
        }
        assert!(
            notes.iter().all(|n| !n.pointer.ends_with("$comment")),
            "$comment is silent"
        );
        assert_eq!(notes.len(), 12, "{notes:?}");
        assert_loads_as_30(&document);
    }

    #[test]
    fn prefix_items_become_items_of_any_prefix_schema() {
        // No `items`: further items may be anything.
        assert_eq!(
            schema_to_30(&json!({"type": "array", "prefixItems": [{"type": "string"}]})),
            json!({"type": "array", "items": {}})
        );
        // A closed tuple: each item is one of the prefix schemas, and there are at most that many.
        assert_eq!(
            schema_to_30(
                &json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false})
            ),
            json!({
                "type": "array",
                "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                "maxItems": 2
            })
        );
        // A tuple with a rest schema: the rest schema is one more choice.
        assert_eq!(
            schema_to_30(
                &json!({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "boolean"}})
            ),
            json!({"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "boolean"}]}})
        );
        let notes = downgrade_to_30(&json!({
            "openapi": "3.1.0", "info": {"title": "t", "version": "1"},
            "components": {"schemas": {"Pair": {"type": "array", "prefixItems": [true, true]}}}
        }))
        .notes;
        assert!(
            note_at(&notes, "/components/schemas/Pair/prefixItems").is_some(),
            "{notes:?}"
        );
    }

    #[test]
    fn boolean_schemas_become_empty_and_not_empty() {
        assert_eq!(schema_to_30(&json!(true)), json!({}));
        assert_eq!(schema_to_30(&json!(false)), json!({"not": {}}));
        assert_eq!(
            schema_to_30(
                &json!({"type": "object", "properties": {"any": true, "never": false}, "additionalProperties": false})
            ),
            json!({"type": "object", "properties": {"any": {}, "never": {"not": {}}}, "additionalProperties": false})
        );
    }

    #[test]
    fn rules_apply_recursively_in_every_subschema_position() {
        let nullable_string = json!({"type": "string", "nullable": true});
        let converted = schema_to_30(&json!({
            "type": "object",
            "properties": {"a": {"type": ["string", "null"]}},
            "patternProperties": {"^x": {"type": ["string", "null"]}},
            "additionalProperties": {"type": ["string", "null"]},
            "allOf": [{"type": ["string", "null"]}],
            "not": {"type": ["string", "null"]},
            "x-extension": {"type": ["string", "null"]},
        }));
        for at in [
            "/properties/a",
            "/patternProperties/^x",
            "/additionalProperties",
            "/allOf/0",
            "/not",
        ] {
            assert_eq!(converted.pointer(at), Some(&nullable_string), "at {at}");
        }
        assert_eq!(
            converted["x-extension"],
            json!({"type": ["string", "null"]}),
            "extensions untouched"
        );
        assert_eq!(
            schema_to_30(&json!({"type": "array", "items": {"const": 1}})),
            json!({"type": "array", "items": {"enum": [1]}})
        );
    }

    #[test]
    fn schemas_are_found_in_parameters_headers_bodies_and_callbacks() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /p/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: [string, 'null']}}
    post:
      parameters:
        - name: filter
          in: query
          content: {application/json: {schema: {type: [string, 'null']}}}
      requestBody:
        content: {application/json: {schema: {type: [string, 'null']}}}
      responses:
        '200':
          description: ok
          headers:
            X-Rate: {schema: {type: [string, 'null']}}
          content: {application/json: {schema: {type: [string, 'null']}}}
      callbacks:
        done:
          '{$request.body#/url}':
            post:
              requestBody:
                content: {application/json: {schema: {type: [string, 'null']}}}
              responses: {'200': {description: ok}}
components:
  parameters:
    P: {name: p, in: query, schema: {type: [string, 'null']}}
  headers:
    H: {schema: {type: [string, 'null']}}
  requestBodies:
    B: {content: {application/json: {schema: {type: [string, 'null']}}}}
  responses:
    R: {description: r, content: {application/json: {schema: {type: [string, 'null']}}}}
"#,
        );
        let document = downgrade_to_30(&raw).document;
        let text = serde_json::to_string(&document).unwrap();
        assert!(
            !text.contains(r#"["string","null"]"#),
            "a type list is left: {text}"
        );
        assert_eq!(text.matches(r#""nullable":true"#).count(), 10);
        assert_loads_as_30(&document);
    }

    #[test]
    fn defs_are_hoisted_into_components_and_refs_rewritten() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
components:
  schemas:
    Tree:
      type: object
      properties:
        leaf: {$ref: '#/components/schemas/Tree/$defs/Leaf'}
        odd: {$ref: '#/$defs/Nowhere'}
      $defs:
        Leaf: {type: [string, 'null']}
"#,
        );
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        let schemas = &document["components"]["schemas"];
        assert_eq!(
            schemas["Tree_Leaf"],
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(
            schemas["Tree"]["properties"]["leaf"],
            json!({"$ref": "#/components/schemas/Tree_Leaf"})
        );
        assert!(schemas["Tree"].get("$defs").is_none());
        assert!(note_at(&notes, "/components/schemas/Tree/$defs/Leaf").is_some());
        // A `$ref` that cannot resolve in the 3.0 form is named.
        assert!(
            note_at(&notes, "/components/schemas/Tree/properties/odd/$ref").is_some(),
            "{notes:?}"
        );
    }

    #[test]
    fn mutual_tls_schemes_and_their_requirements_are_dropped() {
        let raw = yaml(
            r#"
openapi: 3.1.0
info: {title: t, version: '1'}
security: [{mtls: []}, {key: []}]
paths:
  /p:
    get:
      security: [{mtls: []}]
      responses: {'200': {description: ok}}
components:
  securitySchemes:
    mtls: {type: mutualTLS}
    key: {type: apiKey, in: header, name: X-Key}
"#,
        );
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        assert_eq!(document["security"], json!([{"key": []}]));
        assert_eq!(document["paths"]["/p"]["get"]["security"], json!([]));
        assert!(note_at(&notes, "/components/securitySchemes/mtls").is_some());
        assert_loads_as_30(&document);
    }

    #[test]
    fn odd_input_is_left_alone_without_panicking() {
        for odd in [
            json!(null),
            json!(3),
            json!("s"),
            json!([1, 2]),
            json!({"type": 7}),
            json!({"type": []}),
            json!({"type": [1, "null"]}),
            json!({"examples": "x"}),
            json!({"exclusiveMinimum": true, "minimum": 1}),
            json!({"anyOf": "no"}),
            json!({"properties": [1]}),
            json!({"$ref": 5, "description": "d"}),
        ] {
            let converted = schema_to_30(&odd);
            if odd.get("$ref").is_none() {
                assert_eq!(converted, odd);
            }
        }
        for odd in [
            json!(null),
            json!({"openapi": "3.1.0", "paths": 3, "components": [], "webhooks": 1, "info": "i"}),
        ] {
            let _ = downgrade_to_30(&odd);
        }
    }

    #[test]
    fn end_to_end_small_31_document_downgrades_to_valid_30() {
        let raw = yaml(
            r#"
openapi: 3.1.0
jsonSchemaDialect: https://spec.openapis.org/oas/3.1/dialect/base
info: {title: Pets, version: '1.0'}
webhooks:
  newPet:
    post:
      requestBody:
        content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
      responses: {'200': {description: ok}}
components:
  schemas:
    Pet:
      type: object
      required: [id, kind]
      properties:
        id: {type: integer, exclusiveMinimum: 0, examples: [1, 2]}
        kind: {const: pet}
        name: {type: [string, 'null']}
        owner: {$ref: '#/components/schemas/Owner', description: who owns it}
    Owner:
      type: object
      properties:
        name: {type: string}
"#,
        );
        assert!(is_openapi_31(&raw));
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        assert_loads_as_30(&document);
        let pet = &document["components"]["schemas"]["Pet"]["properties"];
        assert_eq!(
            pet["id"],
            json!({"type": "integer", "exclusiveMinimum": true, "example": 1, "minimum": 0})
        );
        assert_eq!(pet["kind"], json!({"enum": ["pet"]}));
        assert_eq!(pet["name"], json!({"type": "string", "nullable": true}));
        assert_eq!(
            pet["owner"],
            json!({"description": "who owns it", "allOf": [{"$ref": "#/components/schemas/Owner"}]})
        );
        let webhook = note_at(&notes, "/webhooks").expect("the dropped webhook is noted");
        assert!(webhook.message.contains("newPet"));
    }

    // ----- the corpus --------------------------------------------------------------------------------

    fn corpus(name: &str) -> Option<Value> {
        // `../shared` beside the repository, as CI has it.
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
        let path = dir.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipped: {} is not present", path.display());
            return None;
        };
        let raw = crate::load::parse_yaml(name, &text).or_else(|e| {
            // The YAML reader has no form for integers beyond 64 bits (openai.yaml bounds a seed by
            // ±9223372036854776000); that is the loader's limit, not the downgrade's, so read them as floats.
            eprintln!("{name}: {e}; reading out-of-range integers as floats");
            crate::load::parse_yaml(name, &widen_huge_integers(&text))
        });
        Some(raw.expect("corpus YAML parses"))
    }

    /// `key: 123…` with an integer no 64-bit type holds becomes `key: 123….0`.
    fn widen_huge_integers(text: &str) -> String {
        let widen = |line: &str| {
            let Some((key, value)) = line.rsplit_once(": ") else {
                return line.to_string();
            };
            let digits = value.trim().trim_start_matches('-');
            let is_integer = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            let fits = value.trim().parse::<i64>().is_ok() || value.trim().parse::<u64>().is_ok();
            if is_integer && !fits {
                format!("{key}: {}.0", value.trim())
            } else {
                line.to_string()
            }
        };
        text.lines().map(widen).collect::<Vec<_>>().join("\n")
    }

    /// Downgrades a corpus document, checks the result loads as 3.0 with no 3.1 keyword left, prints its
    /// notes counted by construct, and returns them.
    fn downgrade_corpus(name: &str) -> Option<Vec<DowngradeNote>> {
        let raw = corpus(name)?;
        assert!(is_openapi_31(&raw), "{name} is a 3.1 document");
        let Downgrade { document, notes } = downgrade_to_30(&raw);
        assert_loads_as_30(&document);
        let mut leftovers = Vec::new();
        find_31_keywords(&document, "", false, &mut leftovers);
        assert!(
            leftovers.is_empty(),
            "{name}: 3.1 keywords left: {leftovers:?}"
        );
        let mut counts = std::collections::BTreeMap::new();
        for note in &notes {
            let key = if note.pointer.starts_with("/webhooks/") {
                "webhooks"
            } else {
                let quoted = note.message.split('`').nth(1).unwrap_or(&note.message);
                quoted.split(':').next().unwrap_or_default()
            };
            *counts.entry(key.to_string()).or_insert(0) += 1;
        }
        eprintln!("{name}: {} notes by construct: {counts:#?}", notes.len());
        Some(notes)
    }

    /// Pointers of 3.1-only schema constructs in a document (`names`: the keys of `value` are names).
    fn find_31_keywords(value: &Value, at: &str, names: bool, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let child_at = pointer::join(at, key);
                    if names {
                        find_31_keywords(child, &child_at, false, found);
                        continue;
                    }
                    let is_31 = match key.as_str() {
                        "type" => child.is_array() || child == "null",
                        "exclusiveMinimum" | "exclusiveMaximum" => child.is_number(),
                        "const" | "$defs" | "prefixItems" | "contentEncoding"
                        | "contentMediaType" => true,
                        keyword => DROPPED_KEYWORDS.contains(&keyword),
                    };
                    if is_31 {
                        found.push(child_at.clone());
                    }
                    if key != "example" && key != "examples" {
                        let child_names =
                            matches!(key.as_str(), "properties" | "patternProperties");
                        find_31_keywords(child, &child_at, child_names, found);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    find_31_keywords(item, &format!("{at}/{i}"), false, found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn corpus_small_31_documents_downgrade_to_loadable_30() {
        if let Some(notes) = downgrade_corpus("webhook-example.yaml") {
            assert!(
                note_at(&notes, "/webhooks").is_some_and(|n| n.message.contains("`newPet`")),
                "the webhook is noted: {notes:?}"
            );
        }
        downgrade_corpus("shapes/openapi-31.yaml");
    }

    #[test]
    fn corpus_openai_downgrades_to_loadable_30() {
        downgrade_corpus("openai.yaml");
    }
}
