//! Type names that never meet. typify names a component by its key (`registry-storage` → `RegistryStorage`)
//! and an inline schema by its `title`, else by its parent's name and its place (`Snapshot` + `export` →
//! `SnapshotExport`); when two of these spell alike, the generated code does not compile (E0428). Here a
//! component keeps its name (the first in document order wins), and whatever would meet it is renamed,
//! by a number on the end: `RegistryStorage2`. Names depend only on the document, so they are stable.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::Shaper;
use super::repair::for_each_schema_root;
use crate::names::typify_pascal;
use crate::pointer;

/// Renames component schemas whose type names meet an earlier component's, and every `$ref` to them.
pub(super) fn distinct_component_names(shaper: &mut Shaper<'_>) {
    let keys: Vec<String> = match shaper.copy.pointer("/components/schemas") {
        Some(Value::Object(schemas)) => schemas.keys().cloned().collect(),
        _ => return,
    };
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    for key in &keys {
        let name = typify_pascal(key);
        if !shaper.taken_type_names.contains(&name) {
            shaper.taken_type_names.insert(name);
            continue;
        }
        // A new key whose type name is free and which no other component has.
        let mut n = 2;
        let new_key = loop {
            let candidate = format!("{key}_{n}");
            if !keys.contains(&candidate)
                && !shaper.taken_type_names.contains(&typify_pascal(&candidate))
            {
                break candidate;
            }
            n += 1;
        };
        shaper.taken_type_names.insert(typify_pascal(&new_key));
        renames.insert(key.clone(), new_key);
    }
    if renames.is_empty() {
        return;
    }
    let schemas = shaper.component_schemas();
    let old = std::mem::take(schemas);
    for (key, schema) in old {
        let key = renames.get(&key).cloned().unwrap_or(key);
        schemas.insert(key, schema);
    }
    let by_reference: BTreeMap<String, String> = renames
        .iter()
        .map(|(old, new)| {
            (
                format!("#/components/schemas/{}", pointer::escape(old)),
                format!("#/components/schemas/{}", pointer::escape(new)),
            )
        })
        .collect();
    rewrite_references(&mut shaper.copy, &by_reference);
}

/// A component that is `nullable` and also a struct or an enum of its own (`nullable: true` beside
/// `oneOf`) makes typify emit a wrapper `struct Name(Option<Name>)` beside the inner type of the same name
/// (E0428, and a type that contains itself). The inner type becomes a component of its own, `<Name>Value`,
/// and the component a nullable reference to it.
pub(super) fn nullable_components(shaper: &mut Shaper<'_>) {
    let nullable_composites: Vec<String> = match shaper.copy.pointer("/components/schemas") {
        Some(Value::Object(schemas)) => schemas
            .iter()
            .filter(|(_, schema)| {
                schema.get("nullable").and_then(Value::as_bool) == Some(true)
                    && ["oneOf", "anyOf", "allOf", "properties", "enum"]
                        .iter()
                        .any(|key| schema.get(*key).is_some())
            })
            .map(|(key, _)| key.clone())
            .collect(),
        _ => return,
    };
    for key in nullable_composites {
        let value_name = shaper.claim_type_name(&format!("{}Value", typify_pascal(&key)));
        let schemas = shaper.component_schemas();
        let Some(Value::Object(mut inner)) = schemas.remove(&key) else {
            continue;
        };
        inner.remove("nullable");
        let mut outer = serde_json::Map::new();
        for annotation in ["description", "title"] {
            if let Some(value) = inner.get(annotation) {
                outer.insert(annotation.into(), value.clone());
            }
        }
        outer.insert("nullable".into(), json!(true));
        outer.insert(
            "allOf".into(),
            json!([{ "$ref": format!("#/components/schemas/{}", pointer::escape(&value_name)) }]),
        );
        schemas.insert(key, Value::Object(outer));
        schemas.insert(value_name, Value::Object(inner));
    }
}

/// Points every `$ref` (or a deeper one, `#/components/schemas/Old/properties/x`) at its renamed target.
fn rewrite_references(value: &mut Value, renames: &BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                let renamed = renames.iter().find_map(|(old, new)| {
                    let rest = reference.strip_prefix(old.as_str())?;
                    (rest.is_empty() || rest.starts_with('/')).then(|| format!("{new}{rest}"))
                });
                if let Some(renamed) = renamed {
                    *reference = renamed;
                }
            }
            for (key, child) in map.iter_mut() {
                if key != "example" && key != "examples" {
                    rewrite_references(child, renames);
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| rewrite_references(item, renames)),
        _ => {}
    }
}

/// Gives a distinct `title` to every inline schema whose type name would meet one already taken.
pub(super) fn distinct_inline_names(shaper: &mut Shaper<'_>) {
    let mut copy = std::mem::take(&mut shaper.copy);
    for_each_schema_root(&mut copy, &mut |schema, at| {
        // A component is named by its key; anything else by where it is used, which progenitor decides
        // (`<OperationId>Body`, taken when hoisted): only their insides are named here.
        let prefix = match at.strip_prefix("/components/schemas/") {
            Some(key) => pointer::unescape(key),
            None => return,
        };
        name_children(shaper, schema, &prefix, 0);
    });
    shaper.copy = copy;
}

/// Names the inline schemas inside `schema`, whose own type name is `prefix` (unsanitized, as typify keeps it).
fn name_children(shaper: &mut Shaper<'_>, schema: &mut Value, prefix: &str, depth: usize) {
    if depth > 32 {
        return;
    }
    let Value::Object(map) = schema else { return };
    if let Some(Value::Object(properties)) = map.get_mut("properties") {
        for (name, property) in properties.iter_mut() {
            name_inline(shaper, property, &format!("{prefix}_{name}"), depth);
        }
    }
    if let Some(items) = map.get_mut("items") {
        name_inline(shaper, items, &format!("{prefix}_item"), depth);
    }
    if let Some(values) = map.get_mut("additionalProperties")
        && values.is_object()
    {
        name_inline(shaper, values, &format!("{prefix}_value"), depth);
    }
}

fn name_inline(shaper: &mut Shaper<'_>, schema: &mut Value, suggested: &str, depth: usize) {
    let Value::Object(map) = schema else { return };
    if map.contains_key("$ref") {
        return;
    }
    let title = map.get("title").and_then(Value::as_str).map(str::to_string);
    let prefix = title.clone().unwrap_or_else(|| suggested.to_string());
    if gets_a_type_of_its_own(map) || title.is_some() {
        let wanted = typify_pascal(&prefix);
        let name = shaper.claim_type_name(&wanted);
        if name != wanted {
            map.insert("title".into(), json!(name));
        }
    }
    name_children(shaper, schema, &prefix, depth + 1);
}

/// Whether typify makes a named type for an inline schema (a struct, an enum, a constrained newtype),
/// rather than using a standard type (`String`, `Vec<T>`, `i64`).
fn gets_a_type_of_its_own(map: &serde_json::Map<String, Value>) -> bool {
    [
        "properties",
        "enum",
        "oneOf",
        "anyOf",
        "allOf",
        "pattern",
        "minLength",
        "maxLength",
    ]
    .iter()
    .any(|key| map.contains_key(*key))
}
