//! Following `$ref`s: the one resolver every reader of a document goes through, so all agree on what a
//! reference names, how long a chain may be, and what a dangling or looping one is.

use serde_json::Value;

use crate::{SpecError, SpecErrorKind, pointer};

/// The longest `$ref` chain followed: far beyond any real document, short enough to follow at once.
pub const MAX_REF_HOPS: usize = 1000;

/// What `reference` (written at `ref_at`) points at in `root`, or why it points at nothing.
pub(crate) fn resolve<'v>(
    source: &str,
    root: &'v Value,
    reference: &str,
    ref_at: &str,
) -> Result<&'v Value, SpecError> {
    let Some(target) = pointer::of_reference(reference) else {
        return Err(SpecError::at(
            source,
            ref_at,
            format!("external reference `{reference}` is not supported"),
        )
        .hint("inline the referenced document into this one, under `components`")
        .of_kind(SpecErrorKind::Reference));
    };
    root.pointer(&target).ok_or_else(|| {
        SpecError::at(source, ref_at, format!("`{reference}` does not resolve"))
            .hint("point the $ref at an existing entry, such as `#/components/schemas/Name`")
            .of_kind(SpecErrorKind::Reference)
    })
}

/// Follows `value`'s `$ref` chain (`value` written at `at`) to the value it ends at, with that value's own
/// pointer; the error names the reference that dangles, or the chain that loops or runs past
/// [`MAX_REF_HOPS`].
pub(crate) fn follow<'v>(
    source: &str,
    root: &'v Value,
    value: &'v Value,
    at: &str,
) -> Result<(&'v Value, String), SpecError> {
    let mut value = value;
    let mut at = at.to_string();
    for _ in 0..=MAX_REF_HOPS {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
            return Ok((value, at));
        };
        value = resolve(source, root, reference, &pointer::join(&at, "$ref"))?;
        at = pointer::of_reference(reference)
            .map_or_else(|| reference.to_string(), |p| p.into_owned());
    }
    Err(SpecError::at(source, &at, "a cycle of $refs").of_kind(SpecErrorKind::Reference))
}

/// The schema a `$ref` chain leads to within `root` (the schema itself when it is no reference), or `None`
/// for a reference that does not resolve, a chain that loops, or one longer than [`MAX_REF_HOPS`].
pub fn follow_refs<'v>(root: &'v Value, schema: &'v Value) -> Option<&'v Value> {
    let mut current = schema;
    let mut seen: Vec<*const Value> = Vec::new();
    for _ in 0..=MAX_REF_HOPS {
        match current.get("$ref").and_then(Value::as_str) {
            Some(reference) => {
                let at: *const Value = current;
                if seen.contains(&at) {
                    return None;
                }
                seen.push(at);
                current = pointer::follow(root, reference)?;
            }
            None => return Some(current),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reference_chains_are_followed_and_dangling_or_looping_ones_are_none() {
        let root =
            json!({"a": {"$ref": "#/b"}, "b": {"type": "string"}, "loop": {"$ref": "#/loop"}});
        assert_eq!(
            follow_refs(&root, &json!({"$ref": "#/a"})),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(
            follow_refs(&root, &json!({"type": "integer"})),
            Some(&json!({"type": "integer"}))
        );
        assert_eq!(follow_refs(&root, &json!({"$ref": "#/missing"})), None);
        assert_eq!(follow_refs(&root, &json!({"$ref": "#/loop"})), None);
        assert_eq!(follow_refs(&root, &json!({"$ref": "other.yaml#/x"})), None);
    }

    #[test]
    fn long_reference_chains_are_followed_and_loops_are_none() {
        let mut root = serde_json::Map::new();
        for i in 0..200 {
            root.insert(format!("s{i}"), json!({"$ref": format!("#/s{}", i + 1)}));
        }
        root.insert("s200".into(), json!({"type": "string"}));
        root.insert("a".into(), json!({"$ref": "#/b"}));
        root.insert("b".into(), json!({"$ref": "#/a"}));
        let root = Value::Object(root);
        assert_eq!(
            follow_refs(&root, &json!({"$ref": "#/s0"})),
            Some(&json!({"type": "string"}))
        );
        assert_eq!(follow_refs(&root, &json!({"$ref": "#/a"})), None);
    }

    #[test]
    fn a_loop_of_references_is_an_error_that_names_it() {
        let root = json!({"a": {"$ref": "#/b"}, "b": {"$ref": "#/a"}});
        let error = follow("t.yaml", &root, &json!({"$ref": "#/a"}), "/x").unwrap_err();
        assert_eq!(error.kind, SpecErrorKind::Reference);
        assert!(error.reason.contains("a cycle of $refs"), "{error}");
        let error = follow("t.yaml", &root, &json!({"$ref": "#/c"}), "/x").unwrap_err();
        assert_eq!(error.pointer.as_deref(), Some("/x/$ref"));
        assert!(error.reason.contains("`#/c` does not resolve"), "{error}");
    }
}
