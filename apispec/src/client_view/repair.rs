//! Schemas in progenitor's copy rewritten into forms progenitor and typify take, where the meaning
//! survives; where it cannot, the schema is loosened (a type or an enum dropped) with an [`Omission`] that
//! says so. The document itself, which the mock server and `check` read, is never changed.
//!
//! [`Omission`]: super::Omission

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

use super::{Effect, Shaper};
use crate::names::{typify_pascal, typify_snake};
use crate::pointer;

/// The types an OpenAPI 3.0 schema may name.
const OPENAPI_TYPES: [&str; 6] = ["string", "number", "integer", "boolean", "array", "object"];

/// How deep schemas nest before the walk stops (a guard against documents built to exhaust the stack).
const MAX_DEPTH: usize = 64;

/// Keys whose value is one schema.
const SCHEMA_KEYS: [&str; 3] = ["items", "additionalProperties", "not"];
/// Keys whose value is a list of schemas.
const SCHEMA_LIST_KEYS: [&str; 3] = ["allOf", "anyOf", "oneOf"];

pub(super) fn repair_schemas(shaper: &mut Shaper<'_>) {
    let mut copy = std::mem::take(&mut shaper.copy);
    let root = copy.clone();
    let mut repairs = Repairs {
        shaper,
        root: &root,
        names_in_document: None,
    };
    for_each_schema_root(&mut copy, &mut |schema, at| repairs.schema(schema, at, 0));
    shaper.copy = copy;
}

/// Calls `visit` on every schema written at the top of a part of the document: each component schema and
/// every `schema` of a parameter, header or media type (the nested ones are the visitor's to walk).
pub(crate) fn for_each_schema_root(document: &mut Value, visit: &mut dyn FnMut(&mut Value, &str)) {
    fn walk(value: &mut Value, at: &str, visit: &mut dyn FnMut(&mut Value, &str), depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let map = match value {
            Value::Object(map) => map,
            Value::Array(items) => {
                for (i, item) in items.iter_mut().enumerate() {
                    walk(item, &format!("{at}/{i}"), visit, depth + 1);
                }
                return;
            }
            _ => return,
        };
        for (key, child) in map.iter_mut() {
            // Examples are data, not document structure.
            if matches!(key.as_str(), "example" | "examples") {
                continue;
            }
            let child_at = pointer::join(at, key);
            if key == "schema" {
                visit(child, &child_at);
            } else {
                walk(child, &child_at, visit, depth + 1);
            }
        }
    }
    if let Some(Value::Object(schemas)) = document.pointer_mut("/components/schemas") {
        for (name, schema) in schemas.iter_mut() {
            visit(schema, &pointer::join("/components/schemas", name));
        }
    }
    for part in ["paths", "components"] {
        if let Some(value) = document.get_mut(part) {
            let at = format!("/{part}");
            if part == "components" {
                // Component schemas were visited above; the rest of `components` holds parameters,
                // bodies, responses and headers with `schema`s of their own.
                if let Value::Object(components) = value {
                    for (key, child) in components.iter_mut() {
                        if key != "schemas" {
                            walk(child, &pointer::join(&at, key), visit, 0);
                        }
                    }
                }
            } else {
                walk(value, &at, visit, 0);
            }
        }
    }
}

struct Repairs<'s, 'd> {
    shaper: &'s mut Shaper<'d>,
    /// The copy as it was before repairs, where references are followed.
    root: &'s Value,
    /// Every property name and enum value of the document, once a collision needs a name none of them has.
    names_in_document: Option<BTreeSet<String>>,
}

impl Repairs<'_, '_> {
    fn loosened(&mut self, at: &str, reason: String, fix: &str) {
        self.shaper
            .omit(None, Effect::SchemaLoosened, at, reason, fix.to_string());
    }

    fn schema(&mut self, schema: &mut Value, at: &str, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        self.reference(schema, at, depth);
        let Value::Object(map) = schema else { return };
        if map.contains_key("$ref") {
            return;
        }
        self.type_keyword(map, at);
        drop_meaningless_format(map);
        typed_string_format(map);
        unsigned_where_documented_values_need_it(map);
        integer_bounds(map);
        drop_presence_only_not(map);
        drop_nonconforming_default(map);
        self.enum_variants(map);
        self.pattern(map, at);
        self.property_names(map);

        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            let properties_at = pointer::join(at, "properties");
            for (name, property) in properties.iter_mut() {
                // Places are reported as the document writes them, a renamed property by its own name.
                let written = self.shaper.wire_names.get(name).unwrap_or(name);
                let property_at = pointer::join(&properties_at, written);
                self.schema(property, &property_at, depth + 1);
            }
        }
        for key in SCHEMA_KEYS {
            if let Some(child) = map.get_mut(key)
                && child.is_object()
            {
                self.schema(child, &pointer::join(at, key), depth + 1);
            }
        }
        for key in SCHEMA_LIST_KEYS {
            if let Some(Value::Array(list)) = map.get_mut(key) {
                for (i, child) in list.iter_mut().enumerate() {
                    self.schema(child, &format!("{}/{i}", pointer::join(at, key)), depth + 1);
                }
            }
        }
        self.any_of_values(map);
    }

    /// Whether a schema takes values that are not objects: a `type` other than `object`, an enum of such
    /// values, or a composition with such a branch (OpenAI's voice: `anyOf: [{$ref: VoiceIdsShared}, {...}]`
    /// where `VoiceIdsShared` is itself a string or an enum of strings).
    fn takes_values(&self, schema: &Value, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            return false;
        }
        let schema = crate::follow_refs(self.root, schema).unwrap_or(schema);
        if let Some(Value::String(t)) = schema.get("type") {
            return t != "object";
        }
        if let Some(Value::Array(values)) = schema.get("enum") {
            return values.iter().all(|v| !v.is_object());
        }
        ["anyOf", "oneOf"].iter().any(|key| {
            schema
                .get(*key)
                .and_then(Value::as_array)
                .is_some_and(|branches| branches.iter().any(|b| self.takes_values(b, depth + 1)))
        })
    }

    /// typify reads `anyOf` as a struct holding every branch that matched, each flattened into it, which
    /// only objects can be: with a branch that is a string, number, array or enum of them (OpenAI's
    /// `anyOf: [{type: string}, {enum: [sora-2, ...]}]`, a type list) that struct decodes no value at all.
    /// Such an `anyOf` is read as `oneOf`: an enum whose first branch that takes the value holds it, which is
    /// what a client decoding or sending one value needs.
    fn any_of_values(&self, map: &mut Map<String, Value>) {
        let Some(Value::Array(branches)) = map.get("anyOf") else {
            return;
        };
        if map.contains_key("oneOf") || !branches.iter().any(|b| self.takes_values(b, 0)) {
            return;
        }
        if let Some(branches) = map.remove("anyOf") {
            map.insert("oneOf".into(), branches);
        }
    }

    /// progenitor follows only `#/components/schemas/Name`: a reference deeper into a schema (or elsewhere
    /// in the document) is replaced by what it points at; one that points at nothing becomes any JSON.
    fn reference(&mut self, schema: &mut Value, at: &str, depth: usize) {
        let Some(reference) = schema.get("$ref").and_then(Value::as_str) else {
            return;
        };
        if let Some(name) = reference.strip_prefix("#/components/schemas/")
            && !name.contains(['/', '%'])
            && self.root.pointer(&reference[1..]).is_some()
        {
            return;
        }
        let target = crate::pointer::follow(self.root, reference);
        match target {
            Some(target) if depth < MAX_DEPTH => *schema = target.clone(),
            _ => {
                self.loosened(
                    at,
                    format!("`$ref: {reference}` does not resolve; the client reads any JSON value there"),
                    "point the $ref at an existing schema under `#/components/schemas`",
                );
                *schema = json!({});
            }
        }
    }

    /// `type` must be one of OpenAPI's six: a list (`[integer, "null"]`) becomes a type and `nullable`,
    /// well-known misspellings (`float`, `int`) their type, anything else no type at all.
    fn type_keyword(&mut self, map: &mut Map<String, Value>, at: &str) {
        let Some(written) = map.get("type").cloned() else {
            return;
        };
        let replacement = match &written {
            Value::String(t) if OPENAPI_TYPES.contains(&t.as_str()) => return,
            Value::Array(types) => {
                let names: Vec<&str> = types.iter().filter_map(Value::as_str).collect();
                let concrete: Vec<&str> = names.iter().copied().filter(|t| *t != "null").collect();
                if names.contains(&"null") {
                    map.insert("nullable".into(), json!(true));
                }
                match concrete.as_slice() {
                    [one] if OPENAPI_TYPES.contains(one) => Some((*one).to_string()),
                    [] => None,
                    _ => {
                        map.remove("type");
                        map.insert(
                            "anyOf".into(),
                            Value::Array(concrete.iter().map(|t| json!({"type": t})).collect()),
                        );
                        return;
                    }
                }
            }
            Value::String(t) => match t.to_ascii_lowercase().as_str() {
                "float" | "double" | "decimal" => Some("number".to_string()),
                "int" | "long" | "int32" | "int64" => Some("integer".to_string()),
                "bool" => Some("boolean".to_string()),
                "str" | "text" | "date" | "datetime" => Some("string".to_string()),
                "map" | "dict" => Some("object".to_string()),
                "list" => Some("array".to_string()),
                _ => None,
            },
            _ => None,
        };
        match replacement {
            Some(t) => {
                map.insert("type".into(), json!(t));
            }
            None => {
                map.remove("type");
                if !written.is_array() {
                    self.loosened(
                        at,
                        format!("`type: {written}` is not an OpenAPI type; the client reads any JSON value there"),
                        "use one of string, number, integer, boolean, array, object",
                    );
                }
            }
        }
    }

    /// A string enum whose values typify cannot give distinct variant names (`ASC` and `asc`) is read as
    /// a plain string.
    /// String enum values whose Rust variant names meet (`ASC` and `asc`, `red` and `red*`): the later ones
    /// are renamed in the copy (`asc_2`, variant `Asc2`), a name no property or enum value of the document
    /// has, and the generated code is told to use the value on the wire ([`super::ClientView::wire_names`]).
    fn enum_variants(&mut self, map: &mut Map<String, Value>) {
        let Some(Value::Array(values)) = map.get("enum") else {
            return;
        };
        let mut variants = BTreeSet::new();
        let colliding: Vec<String> = values
            .iter()
            .filter_map(Value::as_str)
            .filter(|value| !variants.insert(typify_pascal(value)))
            .map(str::to_string)
            .collect();
        for value in colliding {
            let renamed = self.unused_name(&value, |candidate| {
                !variants.contains(&typify_pascal(candidate))
            });
            variants.insert(typify_pascal(&renamed));
            if let Some(Value::Array(values)) = map.get_mut("enum")
                && let Some(entry) = values.iter_mut().rev().find(|v| v.as_str() == Some(&value))
            {
                *entry = json!(renamed);
            }
            if map.get("default").and_then(Value::as_str) == Some(value.as_str()) {
                map.insert("default".into(), json!(renamed));
            }
            self.shaper.wire_names.insert(renamed, value);
        }
    }

    /// A `pattern` typify cannot compile (it uses the `regress` engine, ECMAScript syntax) is dropped: the
    /// string is then not checked by the client.
    fn pattern(&mut self, map: &mut Map<String, Value>, at: &str) {
        let Some(Value::String(pattern)) = map.get("pattern") else {
            return;
        };
        if let Err(error) = regress::Regex::new(pattern) {
            let reason = format!(
                "the pattern `{pattern}` is not a regular expression ({error}); the client does not check it"
            );
            map.remove("pattern");
            self.loosened(
                &pointer::join(at, "pattern"),
                reason,
                "write the pattern in ECMAScript regular-expression syntax",
            );
        }
    }

    /// Properties whose snake_case field names meet (`auth_time` and `authTime`): the later ones are renamed
    /// in the copy (`authTime_2`, field `auth_time_2`), a name no property of the document has, and the
    /// generated code is told to use the name on the wire ([`super::ClientView::property_renames`]).
    fn property_names(&mut self, map: &mut Map<String, Value>) {
        let Some(Value::Object(properties)) = map.get("properties") else {
            return;
        };
        let mut fields = BTreeSet::new();
        let colliding: Vec<String> = properties
            .keys()
            .filter(|name| !fields.insert(typify_snake(name)))
            .cloned()
            .collect();
        for name in colliding {
            let renamed = self.unused_name(&name, |candidate| {
                !fields.contains(&typify_snake(candidate))
            });
            fields.insert(typify_snake(&renamed));
            if let Some(Value::Object(properties)) = map.get_mut("properties")
                && let Some(schema) = properties.remove(&name)
            {
                properties.insert(renamed.clone(), schema);
            }
            if let Some(Value::Array(required)) = map.get_mut("required") {
                for entry in required.iter_mut() {
                    if entry.as_str() == Some(name.as_str()) {
                        *entry = json!(renamed);
                    }
                }
            }
            self.shaper.wire_names.insert(renamed, name);
        }
    }

    /// `{name}_2` (or `_3`...): the first that `fits` and that no property or enum value of the document has,
    /// so the generated code can tell it from every name on the wire.
    fn unused_name(&mut self, name: &str, fits: impl Fn(&str) -> bool) -> String {
        let taken = self.names_in_document.get_or_insert_with(|| {
            fn gather(value: &Value, names: &mut BTreeSet<String>) {
                match value {
                    Value::Object(map) => {
                        if let Some(Value::Object(properties)) = map.get("properties") {
                            names.extend(properties.keys().cloned());
                        }
                        if let Some(Value::Array(values)) = map.get("enum") {
                            names.extend(
                                values.iter().filter_map(Value::as_str).map(str::to_string),
                            );
                        }
                        map.values().for_each(|child| gather(child, names));
                    }
                    Value::Array(items) => items.iter().for_each(|item| gather(item, names)),
                    _ => {}
                }
            }
            let mut names = BTreeSet::new();
            gather(self.root, &mut names);
            names
        });
        (2..)
            .map(|n| format!("{name}_{n}"))
            .find(|candidate| !taken.contains(candidate) && fits(candidate))
            .expect("an unused name")
    }
}

/// `format` means something only on strings and numbers.
fn drop_meaningless_format(map: &mut Map<String, Value>) {
    let typed = map.get("type").and_then(Value::as_str);
    if matches!(typed, Some("object" | "array" | "boolean")) {
        map.remove("format");
    }
}

/// A string whose `format` the client reads as a typed value ([`TYPED_STRING_FORMATS`]) keeps only its
/// type, format and documentation: the generator recognises the schema by exactly those, and the typed value
/// checks what a pattern or length would.
///
/// [`TYPED_STRING_FORMATS`]: super::TYPED_STRING_FORMATS
fn typed_string_format(map: &mut Map<String, Value>) {
    let typed = map
        .get("format")
        .and_then(Value::as_str)
        .is_some_and(|format| super::TYPED_STRING_FORMATS.contains(&format));
    if typed && map.get("type").and_then(Value::as_str) == Some("string") {
        map.retain(|key, _| matches!(key.as_str(), "type" | "format" | "description" | "title"));
    }
}

/// An integer's bounds must fit 64 bits and be whole numbers.
fn integer_bounds(map: &mut Map<String, Value>) {
    if map.get("type").and_then(Value::as_str) != Some("integer") {
        return;
    }
    for bound in ["minimum", "maximum", "multipleOf"] {
        let Some(Value::Number(n)) = map.get(bound) else {
            continue;
        };
        if n.is_i64() || n.is_u64() {
            continue;
        }
        match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f > i64::MIN as f64 && f < i64::MAX as f64 => {
                map.insert(bound.into(), json!(f as i64));
            }
            _ => {
                map.remove(bound);
            }
        }
    }
}

/// A `not` that only forbids properties together (`not: {required: [image_url, file_id]}`, "not both")
/// makes typify's type for the object uninhabited (`enum ImageRefParam {}`): no value can be built or
/// decoded. The constraint goes; the rest of the schema (an `anyOf` of required properties becomes one
/// variant per branch) still types the object, and the server still checks it.
fn drop_presence_only_not(map: &mut Map<String, Value>) {
    if map
        .get("not")
        .and_then(crate::properties::presence_only)
        .is_some()
    {
        map.remove("not");
    }
}

/// An integer with no `format` is an `i64` to typify; one whose documented values (`example`, `default`,
/// `enum`, `maximum`) go beyond `i64` and none below zero is read as `uint64`, so the client decodes what
/// the document says it sends (DigitalOcean's Kafka `flush_ms: 9223372036854776000`).
fn unsigned_where_documented_values_need_it(map: &mut Map<String, Value>) {
    if map.get("type").and_then(Value::as_str) != Some("integer") || map.contains_key("format") {
        return;
    }
    let documented: Vec<&Value> = ["example", "default", "maximum", "minimum"]
        .iter()
        .filter_map(|key| map.get(*key))
        .chain(
            map.get("enum")
                .and_then(Value::as_array)
                .into_iter()
                .flatten(),
        )
        .collect();
    let beyond_i64 = documented
        .iter()
        .any(|v| v.as_i64().is_none() && v.as_u64().is_some());
    let negative = documented
        .iter()
        .any(|v| v.as_i64().is_some_and(|i| i < 0) || v.as_f64().is_some_and(|f| f < 0.0));
    if beyond_i64 && !negative {
        map.insert("format".into(), json!("uint64"));
    }
}

/// Whether an integer default fits the Rust type typify gives the schema: the type its `format` names
/// (`int32` → `i32`), else `u64` for `minimum: 0`, `NonZeroU64` for `minimum: 1`, and `i64` otherwise.
/// typify writes a default that does not fit (DigitalOcean's `9223372036854776000`, beyond `i64`) as a
/// conversion that panics when a response leaves the field out.
fn integer_default_fits(map: &Map<String, Value>, default: &Value) -> bool {
    let value = match (default.as_i64(), default.as_u64()) {
        (Some(i), _) => i128::from(i),
        (None, Some(u)) => i128::from(u),
        _ => return false,
    };
    let (low, high): (i128, i128) = match map.get("format").and_then(Value::as_str) {
        Some("int8") => (i8::MIN.into(), i8::MAX.into()),
        Some("int16") => (i16::MIN.into(), i16::MAX.into()),
        Some("int32") => (i32::MIN.into(), i32::MAX.into()),
        Some("int64") => (i64::MIN.into(), i64::MAX.into()),
        Some("uint8") => (0, u8::MAX.into()),
        Some("uint16") => (0, u16::MAX.into()),
        Some("uint32") => (0, u32::MAX.into()),
        Some("uint64") => (0, u64::MAX.into()),
        _ => match map.get("minimum").and_then(Value::as_i64) {
            Some(0) => (0, u64::MAX.into()),
            Some(1) => (1, u64::MAX.into()),
            _ => (i64::MIN.into(), i64::MAX.into()),
        },
    };
    (low..=high).contains(&value)
}

/// typify refuses a whole document over one `default` it cannot make a Rust value of ("value does not
/// conform to the given schema"), and its own check of composite schemas (`oneOf`, `allOf`, a `$ref`) refuses
/// defaults that do conform. A default is only documentation for a client, so these go: one of the wrong
/// JSON type (`"10"` for an integer), a `null`, and any default of a composite schema.
fn drop_nonconforming_default(map: &mut Map<String, Value>) {
    let Some(default) = map.get("default") else {
        return;
    };
    let composite = ["oneOf", "anyOf", "allOf", "not", "$ref"]
        .iter()
        .any(|key| map.contains_key(*key));
    if composite || default.is_null() {
        map.remove("default");
        return;
    }
    let conforms = match map.get("type").and_then(Value::as_str) {
        Some("string") => default.is_string(),
        Some("integer") => integer_default_fits(map, default),
        Some("number") => default.is_number(),
        Some("boolean") => default.is_boolean(),
        Some("array") => default.is_array(),
        Some("object") => default.is_object(),
        _ => true,
    } || (default.is_null()
        && map.get("nullable").and_then(Value::as_bool) == Some(true));
    let in_enum = match map.get("enum") {
        Some(Value::Array(values)) => values.contains(default),
        _ => true,
    };
    if !conforms || !in_enum {
        map.remove("default");
    }
}
