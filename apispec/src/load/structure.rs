//! The structural check: the document's 3.0 form read as the OpenAPI 3.0 object model, and the smallest
//! wrong part named when it does not read.

use serde_json::Value;

use crate::SpecError;

/// Checks the document against the OpenAPI 3.0 object model, so later steps can rely on its shape.
pub(super) fn check(source: &str, raw: &Value) -> Result<(), SpecError> {
    let Err((pointer, reason)) = shape_error::<openapiv3::OpenAPI>(raw, "") else {
        return Ok(());
    };
    // The object model's untagged and flattened parts hide where inside them the error is; check the
    // parts one by one to name the smallest one that is wrong.
    let pointer = narrow(raw, &pointer).unwrap_or(pointer);
    let reason = shape_error_at(raw, &pointer).unwrap_or(reason);
    Err(SpecError::at(
        source,
        &pointer,
        format!("not a valid OpenAPI 3.0 document: {reason}"),
    ))
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
