//! What an object schema declares: its properties through `$ref`s and compositions, whether it keeps
//! properties it does not name, which ones a presence-only schema requires, and the schema of an array's
//! items. One reading for every consumer (the
//! stateful mock's resources follow `allOf` only; the contract suite, comparing typed values, every
//! composition).

use serde_json::Value;

use crate::follow_refs;

/// How deep `$ref`s and compositions are followed: past it, a schema counts as open and item-less.
const MAX_DEPTH: usize = 32;

/// Which compositions contribute properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Through {
    /// `allOf` only: what every value of the schema has.
    AllOf,
    /// `allOf`, `oneOf` and `anyOf`, the branches' together: what any value of the schema may have.
    AnyComposition,
}

impl Through {
    fn keys(self) -> &'static [&'static str] {
        match self {
            Through::AllOf => &["allOf"],
            Through::AnyComposition => &["allOf", "oneOf", "anyOf"],
        }
    }
}

/// The properties an object schema declares, in the order first met (the schema's own, then its
/// compositions' in order), each name once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Declared<'d> {
    /// Each property's name and schema as written (not followed).
    pub properties: Vec<(&'d str, &'d Value)>,
    /// Whether properties it does not name are kept: an `additionalProperties` schema somewhere, or a shape
    /// too deep to follow.
    pub open: bool,
}

impl<'d> Declared<'d> {
    /// The schema of the property `name`, if declared.
    pub fn get(&self, name: &str) -> Option<&'d Value> {
        self.properties
            .iter()
            .find(|(declared, _)| *declared == name)
            .map(|(_, schema)| *schema)
    }
}

/// The properties `schema` declares in the document whose tree is `root`.
pub fn declared<'d>(root: &'d Value, schema: &'d Value, through: Through) -> Declared<'d> {
    let mut out = Declared::default();
    collect(root, schema, through, &mut out, 0);
    out
}

fn collect<'d>(
    root: &'d Value,
    schema: &'d Value,
    through: Through,
    out: &mut Declared<'d>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        out.open = true;
        return;
    }
    let Some(schema) = follow_refs(root, schema) else {
        return;
    };
    out.open |= matches!(schema.get("additionalProperties"), Some(Value::Object(_)));
    if let Some(Value::Object(properties)) = schema.get("properties") {
        for (name, property) in properties {
            if out.get(name).is_none() {
                out.properties.push((name.as_str(), property));
            }
        }
    }
    for key in through.keys() {
        for branch in schema
            .get(*key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            collect(root, branch, through, out, depth + 1);
        }
    }
}

/// The properties a schema requires when that is all it says (`{required: [file_ids]}`, a branch of "one
/// of these properties" or the body of a "not both"; a `description` or `title` beside it is allowed), or
/// `None` for a schema that says anything else.
pub fn presence_only(schema: &Value) -> Option<Vec<&str>> {
    let map = schema.as_object()?;
    if !map
        .keys()
        .all(|key| matches!(key.as_str(), "required" | "description" | "title"))
    {
        return None;
    }
    map.get("required")?
        .as_array()?
        .iter()
        .map(Value::as_str)
        .collect()
}

/// The schema of an array schema's items (through `$ref`s and any composition), if it says.
pub fn items_schema<'d>(root: &'d Value, schema: &'d Value) -> Option<&'d Value> {
    items_at(root, schema, 0)
}

fn items_at<'d>(root: &'d Value, schema: &'d Value, depth: usize) -> Option<&'d Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    let schema = follow_refs(root, schema)?;
    schema.get("items").or_else(|| {
        Through::AnyComposition.keys().iter().find_map(|key| {
            schema
                .get(*key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .find_map(|branch| items_at(root, branch, depth + 1))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn root() -> Value {
        json!({"components": {"schemas": {
            "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
            "Backup": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"properties": {"size": {"type": "integer"}}}],
                       "oneOf": [{"properties": {"vps": {"type": "string"}}}, {"additionalProperties": {}}]},
            "List": {"allOf": [{"type": "array", "items": {"$ref": "#/components/schemas/Backup"}}]},
        }}})
    }

    #[test]
    fn all_of_gives_what_every_value_has_and_any_composition_what_one_may_have() {
        let root = root();
        let backup = json!({"$ref": "#/components/schemas/Backup"});
        let every = declared(&root, &backup, Through::AllOf);
        let names: Vec<&str> = every.properties.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["id", "size"]);
        assert!(!every.open);
        let any = declared(&root, &backup, Through::AnyComposition);
        let names: Vec<&str> = any.properties.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["id", "size", "vps"]);
        assert!(any.open, "a branch keeps undeclared properties");
        assert_eq!(any.get("size"), Some(&json!({"type": "integer"})));
    }

    #[test]
    fn a_schema_that_only_requires_properties_is_presence_only() {
        assert_eq!(
            presence_only(&json!({"required": ["a", "b"], "description": "not both"})),
            Some(vec!["a", "b"])
        );
        assert_eq!(
            presence_only(&json!({"required": ["a"], "type": "object"})),
            None
        );
        assert_eq!(
            presence_only(&json!({"description": "nothing required"})),
            None
        );
    }

    #[test]
    fn items_are_found_through_compositions() {
        let root = root();
        let list = json!({"$ref": "#/components/schemas/List"});
        assert_eq!(
            items_schema(&root, &list),
            Some(&json!({"$ref": "#/components/schemas/Backup"}))
        );
        assert_eq!(items_schema(&root, &json!({"type": "string"})), None);
    }
}
