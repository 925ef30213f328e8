//! OpenAPI 3.0 Schema Objects as JSON Schema validators.
//!
//! OpenAPI 3.0 schemas are a dialect of JSON Schema draft 4: `nullable`, boolean `exclusiveMinimum`,
//! `readOnly`/`writeOnly` that change what is required depending on direction. [`to_json_schema`] rewrites one
//! into JSON Schema 2020-12; [`SchemaSet`] holds the document's `components/schemas` so rewritten, registered
//! once per direction, so compiling a validator for any schema of the document only compiles that schema;
//! [`CompiledSchemas`] compiles each one once. [`SchemaRoot`] and [`Document::sampler`] give the schemas to
//! samplers, and [`Document::schema_keyword`] maps a violation back to the keyword written in the document.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::quote::{MAX_MESSAGE, cut_text, quote_value};
use crate::sample::Sampler;
use crate::{Document, SchemaAt, SpecError, SpecErrorKind, SpecVersion, follow_refs};

/// Which way data flows. `readOnly` properties are not required in requests, `writeOnly` ones not in responses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Data a client sends: a parameter, a request body.
    Request,
    /// Data a server sends: a response body or header.
    Response,
}

impl Direction {
    fn base_uri(self) -> &'static str {
        match self {
            Direction::Request => "urn:apispec:request",
            Direction::Response => "urn:apispec:response",
        }
    }

    /// The property flag that drops a property from `required` in this direction.
    fn ignored_flag(self) -> &'static str {
        match self {
            Direction::Request => "readOnly",
            Direction::Response => "writeOnly",
        }
    }
}

/// One way an instance breaks a schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer into the instance (`/data/0/id`); `""` is the instance itself.
    pub instance_pointer: String,
    /// JSON pointer into the rewritten schema, naming the keyword that failed.
    pub schema_pointer: String,
    /// What is wrong, as the validator words it.
    pub message: String,
}

/// A compiled validator for one schema of a document.
pub struct SchemaValidator {
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for SchemaValidator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SchemaValidator")
    }
}

impl SchemaValidator {
    /// Whether the instance satisfies the schema (stops at the first violation).
    pub fn is_valid(&self, instance: &Value) -> bool {
        self.validator.is_valid(instance)
    }

    /// Every violation, in the order the validator finds them.
    pub fn violations(&self, instance: &Value) -> Vec<Violation> {
        self.first_violations(instance, usize::MAX)
    }

    /// At most `limit` violations, in the order the validator finds them (it stops there). Each message
    /// quotes the bad value cut to [`quote::MAX_QUOTED`](crate::quote::MAX_QUOTED) bytes, with its length.
    pub fn first_violations(&self, instance: &Value, limit: usize) -> Vec<Violation> {
        self.validator
            .iter_errors(instance)
            .take(limit)
            .map(|e| {
                let message = e.masked_with(quote_value(e.instance())).to_string();
                Violation {
                    instance_pointer: e.instance_path().to_string(),
                    schema_pointer: e.schema_path().to_string(),
                    message: cut_text(&message, MAX_MESSAGE).into_owned(),
                }
            })
            .collect()
    }
}

/// The document's component schemas, rewritten and registered for both directions.
pub struct SchemaSet {
    source: String,
    version: SpecVersion,
    request: jsonschema::Registry<'static>,
    response: jsonschema::Registry<'static>,
}

impl std::fmt::Debug for SchemaSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SchemaSet({})", self.source)
    }
}

impl SchemaSet {
    /// The document's schemas, in the dialect its version says.
    pub fn new(doc: &Document) -> Result<SchemaSet, SpecError> {
        SchemaSet::from_tree(&doc.source, &doc.raw, doc.version)
    }

    /// The component schemas of a document tree in `version`'s dialect.
    fn from_tree(source: &str, tree: &Value, version: SpecVersion) -> Result<SchemaSet, SpecError> {
        let registry = |direction: Direction| {
            let components = tree
                .pointer("/components/schemas")
                .cloned()
                .unwrap_or_else(|| json!({}));
            let Value::Object(schemas) = components else {
                return Err(SpecError::at(
                    source,
                    "/components/schemas",
                    "`components/schemas` must be a map",
                ));
            };
            let converted: Map<String, Value> = schemas
                .iter()
                .map(|(name, s)| (name.clone(), convert(s, direction, version)))
                .collect();
            let mut root = json!({ "components": { "schemas": converted } });
            // A `$ref` may point anywhere in the document (`#/paths/.../schema`): those targets are
            // registered at their own pointers too.
            for target in referenced_outside_component_schemas(tree) {
                if let Some(schema) = tree.pointer(&target) {
                    place(&mut root, &target, convert(schema, direction, version));
                }
            }
            jsonschema::Registry::new()
                .draft(jsonschema::Draft::Draft202012)
                .add(direction.base_uri(), root)
                .and_then(|builder| builder.prepare())
                .map_err(|e| {
                    SpecError::at(
                        source,
                        "/components/schemas",
                        format!("schemas cannot be compiled: {e}"),
                    )
                    .of_kind(SpecErrorKind::Schema)
                })
        };
        Ok(SchemaSet {
            source: source.to_string(),
            version,
            request: registry(Direction::Request)?,
            response: registry(Direction::Response)?,
        })
    }

    /// Compiles one schema of the document (`pointer` is where it is written, for messages).
    pub fn compile(
        &self,
        schema: &Value,
        direction: Direction,
        pointer: &str,
    ) -> Result<SchemaValidator, SpecError> {
        let registry = match direction {
            Direction::Request => &self.request,
            Direction::Response => &self.response,
        };
        let converted = convert(schema, direction, self.version);
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .with_registry(registry)
            .should_validate_formats(true)
            .build(&converted)
            .map(|validator| SchemaValidator { validator })
            .map_err(|e| {
                SpecError::at(
                    &self.source,
                    pointer,
                    format!("the schema cannot be compiled: {e}"),
                )
                .of_kind(SpecErrorKind::Schema)
            })
    }
}

/// A document's schemas compiled on demand, each schema once per direction however many places use it.
/// A schema that cannot be compiled is not validated: it is remembered in [`CompiledSchemas::uncompilable`]
/// so that the caller can warn about it, and the rest of the document keeps working.
#[derive(Debug)]
pub struct CompiledSchemas {
    schemas: SchemaSet,
    compiled: HashMap<(String, Direction), Option<Arc<SchemaValidator>>>,
    uncompilable: Vec<SpecError>,
}

impl CompiledSchemas {
    /// An empty cache over the document's schemas; each is compiled when first asked for.
    pub fn new(doc: &Document) -> Result<CompiledSchemas, SpecError> {
        Ok(CompiledSchemas {
            schemas: SchemaSet::new(doc)?,
            compiled: HashMap::new(),
            uncompilable: Vec::new(),
        })
    }

    /// The validator of `schema` in `direction`, compiled the first time it is asked for; `None` when the
    /// schema cannot be compiled (recorded once in [`CompiledSchemas::uncompilable`]).
    pub fn validator(
        &mut self,
        schema: &SchemaAt,
        direction: Direction,
    ) -> Option<Arc<SchemaValidator>> {
        let key = (schema.schema.to_string(), direction);
        if let Some(validator) = self.compiled.get(&key) {
            return validator.clone();
        }
        let validator = match self
            .schemas
            .compile(&schema.schema, direction, &schema.pointer)
        {
            Ok(validator) => Some(Arc::new(validator)),
            Err(error) => {
                self.uncompilable.push(error);
                None
            }
        };
        self.compiled.insert(key, validator.clone());
        validator
    }

    /// Why each schema that could not be compiled was left unvalidated, in the order they were met.
    pub fn uncompilable(&self) -> &[SpecError] {
        &self.uncompilable
    }
}

/// A document's JSON tree, shared and read-only, for what needs the document's schemas after the
/// [`Document`] itself is gone: the mock server samples dynamic bodies from it per request.
#[derive(Debug, Clone, Default)]
pub struct SchemaRoot(Arc<Value>);

impl SchemaRoot {
    /// A sampler of this document's schemas.
    pub fn sampler(&self, direction: Direction) -> Sampler<'_> {
        Sampler::new(&self.0, direction)
    }

    /// The schema a `$ref` chain leads to in this document, see [`follow_refs`].
    pub fn resolve<'v>(&'v self, schema: &'v Value) -> Option<&'v Value> {
        follow_refs(&self.0, schema)
    }
}

impl From<Value> for SchemaRoot {
    /// A root made of a bare JSON tree (for tests and tools that build documents by hand).
    fn from(root: Value) -> SchemaRoot {
        SchemaRoot(Arc::new(root))
    }
}

/// The keyword a validator's violation names, found back in the document: the pointer reached and, when
/// the path ends on a keyword written there, its name and value.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaKeywordAt<'d> {
    /// The JSON pointer reached in the document.
    pub pointer: String,
    /// The keyword's name and value, when the path ends on one written there.
    pub keyword: Option<(String, &'d Value)>,
}

impl Document {
    /// A sampler of this document's schemas.
    pub fn sampler(&self, direction: Direction) -> Sampler<'_> {
        Sampler::new(&self.raw, direction)
    }

    /// The schema a `$ref` chain leads to in this document, see [`follow_refs`].
    pub fn resolve<'v>(&'v self, schema: &'v Value) -> Option<&'v Value> {
        follow_refs(&self.raw, schema)
    }

    /// This document's tree, shared, for use after the document is dropped.
    pub fn schema_root(&self) -> SchemaRoot {
        SchemaRoot(Arc::new(self.raw.clone()))
    }

    /// Follows a validator's schema path (`Violation::schema_pointer`, written against [`SchemaSet`]'s
    /// rewrite of the schema written at `schema_at`) back into the document, through `$ref`s, as far as it
    /// goes.
    pub fn schema_keyword(&self, schema_at: &str, path: &str) -> SchemaKeywordAt<'_> {
        // Past a `$ref`, the validator names the keyword by its place in the registered components, which
        // mirror the document's own: then the path is a pointer into the document.
        let schema_at = if path.starts_with("/components/") {
            ""
        } else {
            schema_at
        };
        let mut at = schema_at.to_string();
        let Some(mut current) = self.raw.pointer(&at) else {
            return SchemaKeywordAt {
                pointer: at,
                keyword: None,
            };
        };
        let tokens = crate::pointer::tokens(path);
        let mut keyword = None;
        for (i, token) in tokens.iter().enumerate() {
            if token == "$ref"
                && let Some(target) = current
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(crate::pointer::of_reference)
                && let Some(next) = self.raw.pointer(&target)
            {
                current = next;
                at = target.to_string();
                continue;
            }
            let next = match current {
                Value::Object(map) => map.get(token.as_str()),
                Value::Array(items) => token.parse::<usize>().ok().and_then(|n| items.get(n)),
                _ => None,
            };
            let Some(next) = next else { break };
            at = crate::pointer::join(&at, token);
            current = next;
            if i + 1 == tokens.len() {
                keyword = Some((token.clone(), next));
            }
        }
        SchemaKeywordAt {
            pointer: at,
            keyword,
        }
    }
}

/// Component schemas no finite value can satisfy: each as (pointer, message). Such a schema requires, through
/// `$ref`s (directly, in a required property, in every `allOf` part or every `oneOf`/`anyOf` branch, or as
/// the items of an array that must not be empty), a value of itself, with no way out (`A: {$ref: A}`,
/// `A: {$ref: B}` with `B: {$ref: A}`, `A: {properties: {x: {$ref: A}}, required: [x]}`). A recursive schema
/// with a base case (an optional `children` array of nodes, a `nullable` reference) is not one.
pub fn unsatisfiable_cycles(doc: &Document) -> Vec<(String, String)> {
    let Some(Value::Object(schemas)) = doc.raw.pointer("/components/schemas") else {
        return Vec::new();
    };
    let names: Vec<&String> = schemas.keys().collect();
    let finite = component_finiteness(&doc.raw, &names);
    let checker = Finiteness {
        root: &doc.raw,
        names: &names,
        finite: &finite,
    };
    names
        .iter()
        .enumerate()
        .filter(|(i, _)| !finite[*i])
        .map(|(i, name)| {
            let message = format!(
                "schema `{name}` has no finite value: {}",
                checker.why(&schemas[*name], Some(i))
            );
            (crate::pointer::join("/components/schemas", name), message)
        })
        .collect()
}

/// Why `schema` (of the document whose tree is `root`) has no finite value, or `None` when it has one:
/// see [`unsatisfiable_cycles`].
pub(crate) fn no_finite_value(root: &Value, schema: &Value) -> Option<String> {
    let names: Vec<&String> = match root.pointer("/components/schemas") {
        Some(Value::Object(schemas)) => schemas.keys().collect(),
        _ => Vec::new(),
    };
    let finite = component_finiteness(root, &names);
    let checker = Finiteness {
        root,
        names: &names,
        finite: &finite,
    };
    (!checker.of(schema, 0)).then(|| {
        format!(
            "the schema has no finite value: {}",
            checker.why(schema, None)
        )
    })
}

/// Which component schemas (`names`, in the order of `root`'s `components/schemas`) have a finite value:
/// the least fixed point, where a schema has one once it can be built from schemas known to have one.
fn component_finiteness(root: &Value, names: &[&String]) -> Vec<bool> {
    let mut finite = vec![false; names.len()];
    let Some(Value::Object(schemas)) = root.pointer("/components/schemas") else {
        return finite;
    };
    loop {
        let mut changed = false;
        for (i, name) in names.iter().enumerate() {
            let checker = Finiteness {
                root,
                names,
                finite: &finite,
            };
            if !finite[i] && checker.of(&schemas[*name], 0) {
                finite[i] = true;
                changed = true;
            }
        }
        if !changed {
            return finite;
        }
    }
}

/// Whether schemas have a finite value, given which component schemas are known to.
struct Finiteness<'d> {
    root: &'d Value,
    names: &'d [&'d String],
    finite: &'d [bool],
}

impl Finiteness<'_> {
    /// The chain of component schemas that makes `schema` (which has no finite value) endless.
    fn why(&self, schema: &Value, start: Option<usize>) -> String {
        let mut chain: Vec<usize> = Vec::new();
        let mut current = schema;
        while let Some(next) = self.needed(current) {
            let repeated = chain.contains(&next) || start == Some(next);
            chain.push(next);
            if repeated || chain.len() > 16 {
                break;
            }
            current = self
                .root
                .pointer(&crate::pointer::join(
                    "/components/schemas",
                    self.names[next],
                ))
                .unwrap_or(&Value::Null);
        }
        if chain.is_empty() {
            return "every value of it must contain, through nested parts, a value of a schema with no finite value ($ref cycle with no base case)".into();
        }
        format!(
            "every value of it must contain a value of {} ($ref cycle with no base case)",
            chain
                .iter()
                .map(|i| format!("`{}`", self.names[*i]))
                .collect::<Vec<_>>()
                .join(", which must contain a value of ")
        )
    }

    /// The index of the component schema a `$ref` names, if it names one.
    fn component(&self, reference: &str) -> Option<usize> {
        let pointer = crate::pointer::of_reference(reference)?;
        let name = crate::pointer::unescape(pointer.strip_prefix("/components/schemas/")?);
        self.names.iter().position(|n| **n == name)
    }

    fn of(&self, schema: &Value, depth: usize) -> bool {
        let Value::Object(map) = schema else {
            return true;
        };
        // Deep inline nesting is assumed to end: this only looks for cycles.
        if depth > 64 || map.get("nullable").and_then(Value::as_bool) == Some(true) {
            return true;
        }
        if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
            let target_ok = match self.component(reference) {
                Some(index) => self.finite[index],
                None => match crate::pointer::follow(self.root, reference) {
                    Some(target) => self.of(target, depth + 1),
                    None => true,
                },
            };
            if !target_ok {
                return false;
            }
        }
        if let Some(Value::Array(parts)) = map.get("allOf")
            && !parts.iter().all(|part| self.of(part, depth + 1))
        {
            return false;
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(branches)) = map.get(key)
                && !branches.is_empty()
                && !branches.iter().any(|branch| self.of(branch, depth + 1))
            {
                return false;
            }
        }
        if let (Some(Value::Array(required)), Some(Value::Object(properties))) =
            (map.get("required"), map.get("properties"))
        {
            let all = required
                .iter()
                .filter_map(Value::as_str)
                .filter_map(|name| properties.get(name))
                .all(|property| self.of(property, depth + 1));
            if !all {
                return false;
            }
        }
        let min_items = map.get("minItems").and_then(Value::as_u64).unwrap_or(0);
        if min_items > 0
            && let Some(items) = map.get("items")
            && !self.of(items, depth + 1)
        {
            return false;
        }
        true
    }

    /// A component schema without a finite value that `schema` needs directly, for messages.
    fn needed(&self, schema: &Value) -> Option<usize> {
        let Value::Object(map) = schema else {
            return None;
        };
        let mut parts: Vec<&Value> = vec![schema];
        if let Some(Value::Array(list)) = map.get("allOf") {
            parts.extend(list);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(list)) = map.get(key) {
                parts.extend(list);
            }
        }
        if let (Some(Value::Array(required)), Some(Value::Object(properties))) =
            (map.get("required"), map.get("properties"))
        {
            parts.extend(
                required
                    .iter()
                    .filter_map(Value::as_str)
                    .filter_map(|name| properties.get(name)),
            );
        }
        if let Some(items) = map.get("items") {
            parts.push(items);
        }
        parts.iter().find_map(|part| {
            let index = self.component(part.get("$ref")?.as_str()?)?;
            (!self.finite[index]).then_some(index)
        })
    }
}

/// Rewrites an OpenAPI 3.0 Schema Object as JSON Schema 2020-12 for one direction. Local `$ref`s
/// become references into the registered components of [`SchemaSet`].
pub fn to_json_schema(schema: &Value, direction: Direction) -> Value {
    convert(schema, direction, SpecVersion::V30)
}

/// The pointers of every `$ref` target outside `components/schemas`, and of the targets those reach in
/// turn: the validator's registry holds component schemas only unless told of these.
fn referenced_outside_component_schemas(tree: &Value) -> std::collections::BTreeSet<String> {
    fn collect(value: &Value, found: &mut Vec<String>, depth: usize) {
        if depth > crate::depth::MAX_NESTING {
            return;
        }
        match value {
            Value::Object(map) => {
                if let Some(pointer) = map
                    .get("$ref")
                    .and_then(Value::as_str)
                    .and_then(crate::pointer::of_reference)
                    && !pointer.starts_with("/components/schemas/")
                {
                    found.push(pointer.into_owned());
                }
                for child in map.values() {
                    collect(child, found, depth + 1);
                }
            }
            Value::Array(items) => items
                .iter()
                .for_each(|item| collect(item, found, depth + 1)),
            _ => {}
        }
    }
    let mut pending = Vec::new();
    collect(tree, &mut pending, 0);
    let mut targets = std::collections::BTreeSet::new();
    while let Some(target) = pending.pop() {
        if target.is_empty() || !targets.insert(target.clone()) {
            continue;
        }
        if let Some(value) = tree.pointer(&target) {
            collect(value, &mut pending, 0);
        }
    }
    targets
}

/// Writes `value` at `pointer` in `root`, making the objects on the way.
fn place(root: &mut Value, pointer: &str, value: Value) {
    let mut at = root;
    for token in crate::pointer::tokens(pointer) {
        let Value::Object(map) = at else {
            return;
        };
        at = map.entry(token).or_insert_with(|| json!({}));
    }
    *at = value;
}

/// [`to_json_schema`] for a schema of either dialect: an OpenAPI 3.1 schema is JSON Schema 2020-12 already,
/// so only its references and the direction's `readOnly`/`writeOnly` rule change.
fn convert(schema: &Value, direction: Direction, version: SpecVersion) -> Value {
    let Value::Object(map) = schema else {
        return schema.clone();
    };
    if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
        let target = match crate::pointer::of_reference(reference) {
            Some(pointer) => format!(
                "{}#{}",
                direction.base_uri(),
                crate::pointer::to_fragment(&pointer)
            ),
            None => reference.to_string(),
        };
        let reference = json!({ "$ref": target });
        // In OpenAPI 3.0 a $ref replaces its siblings; in 3.1 they apply beside it.
        let mut siblings = map.clone();
        siblings.remove("$ref");
        if version == SpecVersion::V30 || siblings.is_empty() {
            return reference;
        }
        let mut rest = match convert(&Value::Object(siblings), direction, version) {
            Value::Object(rest) => rest,
            _ => Map::new(),
        };
        rest.insert("allOf".into(), json!([reference]));
        return Value::Object(rest);
    }

    let mut out = Map::with_capacity(map.len());
    for (key, value) in map {
        let converted = match key.as_str() {
            "properties" | "patternProperties" => match value {
                Value::Object(props) => Value::Object(
                    props
                        .iter()
                        .map(|(k, v)| (k.clone(), convert(v, direction, version)))
                        .collect(),
                ),
                other => other.clone(),
            },
            "items" | "additionalProperties" | "not" => convert(value, direction, version),
            "allOf" | "anyOf" | "oneOf" => match value {
                Value::Array(list) => Value::Array(
                    list.iter()
                        .map(|s| convert(s, direction, version))
                        .collect(),
                ),
                other => other.clone(),
            },
            // OpenAPI-only keywords: consumed below or meaningless to a validator.
            "nullable" | "discriminator" | "xml" | "externalDocs" | "example" => continue,
            "exclusiveMinimum" | "exclusiveMaximum" => continue,
            _ => value.clone(),
        };
        out.insert(key.clone(), converted);
    }

    // Draft 4 booleans become draft 6+ numbers.
    for (flag, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match map.get(flag) {
            Some(Value::Bool(true)) => {
                if let Some(limit) = out.remove(bound) {
                    out.insert(flag.to_string(), limit);
                }
            }
            Some(number @ Value::Number(_)) => {
                out.insert(flag.to_string(), number.clone());
            }
            _ => {}
        }
    }

    // Integer formats carry their range.
    match map.get("format").and_then(Value::as_str) {
        Some("int32") => {
            out.entry("minimum").or_insert(json!(i32::MIN));
            out.entry("maximum").or_insert(json!(i32::MAX));
        }
        Some("int64") => {
            out.entry("minimum").or_insert(json!(i64::MIN));
            out.entry("maximum").or_insert(json!(i64::MAX));
        }
        _ => {}
    }

    select_by_discriminator(map, &mut out);

    // A property flagged readOnly (writeOnly) is not required in a request (response).
    if let (Some(Value::Array(required)), Some(Value::Object(props))) =
        (map.get("required"), map.get("properties"))
    {
        let flag = direction.ignored_flag();
        let kept: Vec<Value> = required
            .iter()
            .filter(|name| {
                let prop = name.as_str().and_then(|n| props.get(n));
                !prop
                    .and_then(|p| p.get(flag))
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
            })
            .cloned()
            .collect();
        out.insert("required".into(), Value::Array(kept));
    }

    if map.get("nullable").and_then(Value::as_bool) == Some(true) {
        return make_nullable(out);
    }
    Value::Object(out)
}

/// A `oneOf` with a `discriminator` picks its branch by the discriminator property's value, as OpenAPI
/// says, rather than by which branches happen to match (a value the branches share, such as a base
/// schema and one extending it, matches more than one and fails `oneOf`). Each value that names a
/// branch (through `mapping`, whose targets are compared by their last name so an external file's
/// `models/x.yml#/droplet_action` still names `#/components/schemas/droplet_action`, or implicitly by the
/// branch's component name) requires that branch; any value requires some branch. A discriminator
/// naming no branch leaves `oneOf` as written.
fn select_by_discriminator(schema: &Map<String, Value>, out: &mut Map<String, Value>) {
    let Some(property) = schema
        .get("discriminator")
        .and_then(|d| d.get("propertyName"))
        .and_then(Value::as_str)
    else {
        return;
    };
    let (Some(Value::Array(written)), Some(Value::Array(converted))) =
        (schema.get("oneOf"), out.get("oneOf"))
    else {
        return;
    };
    let last_name = |reference: &str| -> String {
        reference
            .rsplit(['/', '#'])
            .next()
            .unwrap_or(reference)
            .to_string()
    };
    let mapping: Vec<(&str, String)> = schema
        .get("discriminator")
        .and_then(|d| d.get("mapping"))
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(value, target)| Some((value.as_str(), last_name(target.as_str()?))))
        .collect();
    let mut conditions = Vec::new();
    for (branch, branch_schema) in written.iter().zip(converted) {
        let Some(name) = branch.get("$ref").and_then(Value::as_str).map(last_name) else {
            continue;
        };
        let mut values: Vec<&str> = mapping
            .iter()
            .filter(|(_, target)| *target == name)
            .map(|(value, _)| *value)
            .collect();
        if !mapping.iter().any(|(value, _)| *value == name) {
            values.push(&name);
        }
        if values.is_empty() {
            continue;
        }
        conditions.push(json!({
            "if": {"properties": {property: {"enum": values}}, "required": [property]},
            "then": branch_schema,
        }));
    }
    if conditions.is_empty() {
        return;
    }
    let Some(branches) = out.remove("oneOf") else {
        return;
    };
    let mut all_of = match out.remove("allOf") {
        Some(Value::Array(all_of)) => all_of,
        _ => Vec::new(),
    };
    all_of.push(json!({ "anyOf": branches }));
    all_of.extend(conditions);
    out.insert("allOf".into(), Value::Array(all_of));
}

fn make_nullable(mut schema: Map<String, Value>) -> Value {
    if let Some(Value::Array(values)) = schema.get_mut("enum")
        && !values.contains(&Value::Null)
    {
        values.push(Value::Null);
    }
    match schema.get("type").cloned() {
        Some(Value::String(t)) => {
            schema.insert("type".into(), json!([t, "null"]));
            Value::Object(schema)
        }
        Some(Value::Array(mut types)) => {
            if !types.contains(&json!("null")) {
                types.push(json!("null"));
            }
            schema.insert("type".into(), Value::Array(types));
            Value::Object(schema)
        }
        _ => json!({ "anyOf": [Value::Object(schema), { "type": "null" }] }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> Document {
        let text = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Backup:
      type: object
      required: [id, secret, created]
      properties:
        id: {type: string, format: uuid, readOnly: true}
        secret: {type: string, writeOnly: true}
        created: {type: string, format: date-time}
        note: {type: string, nullable: true}
        size: {type: integer, format: int32, minimum: 0, exclusiveMinimum: true}
        owner: {$ref: '#/components/schemas/Owner'}
    Owner:
      nullable: true
      allOf: [{type: object, required: [name], properties: {name: {type: string}}}]
"##;
        Document::parse("t.yaml", "t", text, false).unwrap()
    }

    fn check(direction: Direction, instance: Value) -> Vec<String> {
        let doc = doc();
        let set = SchemaSet::new(&doc).unwrap();
        let validator = set
            .compile(
                &json!({"$ref": "#/components/schemas/Backup"}),
                direction,
                "/x",
            )
            .unwrap();
        validator
            .violations(&instance)
            .into_iter()
            .map(|v| format!("{} {}", v.instance_pointer, v.message))
            .collect()
    }

    #[test]
    fn a_discriminator_picks_the_one_of_branch() {
        let text = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    action:
      type: object
      required: [type]
      properties:
        type: {type: string, enum: [power_on, snapshot, reboot]}
    action_snapshot:
      allOf:
        - $ref: '#/components/schemas/action'
        - type: object
          required: [name]
          properties: {name: {type: string}}
    body:
      oneOf:
        - $ref: '#/components/schemas/action'
        - $ref: '#/components/schemas/action_snapshot'
      discriminator:
        propertyName: type
        mapping:
          power_on: 'models/actions.yml#/action'
          snapshot: 'models/actions.yml#/action_snapshot'
"##;
        let doc = Document::parse("t.yaml", "t", text, false).unwrap();
        let set = SchemaSet::new(&doc).unwrap();
        let validator = set
            .compile(
                &json!({"$ref": "#/components/schemas/body"}),
                Direction::Request,
                "/x",
            )
            .unwrap();
        // Matches both branches: plain oneOf would refuse it; the discriminator picks `action`.
        assert!(validator.is_valid(&json!({"type": "power_on", "name": "n"})));
        assert!(validator.is_valid(&json!({"type": "snapshot", "name": "n"})));
        // `snapshot` picks `action_snapshot`, which requires a name.
        assert!(!validator.is_valid(&json!({"type": "snapshot"})));
        // A value the mapping does not name still needs some branch.
        assert!(validator.is_valid(&json!({"type": "reboot"})));
        assert!(!validator.is_valid(&json!({"type": "halt"})));
    }

    #[test]
    fn response_requires_read_only_but_not_write_only() {
        let ok = json!({"id": "0b3c7f4e-56a2-4b8f-9d61-2f1d3c4b5a69", "created": "2026-01-01T00:00:00Z"});
        assert_eq!(check(Direction::Response, ok), Vec::<String>::new());
        let errors = check(
            Direction::Request,
            json!({"created": "2026-01-01T00:00:00Z"}),
        );
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("secret"), "{errors:?}");
    }

    #[test]
    fn formats_nullable_and_exclusive_bounds_are_enforced() {
        let base = json!({"id": "not-a-uuid", "created": "yesterday", "note": null, "size": 0, "owner": null});
        let errors = check(Direction::Response, base);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors.iter().any(|e| e.starts_with("/id ")), "{errors:?}");
        assert!(
            errors.iter().any(|e| e.starts_with("/created ")),
            "{errors:?}"
        );
        assert!(errors.iter().any(|e| e.starts_with("/size ")), "{errors:?}");
    }

    #[test]
    fn nested_refs_resolve_and_report_the_inner_pointer() {
        let instance = json!({"id": "0b3c7f4e-56a2-4b8f-9d61-2f1d3c4b5a69", "created": "2026-01-01T00:00:00Z", "owner": {}});
        let errors = check(Direction::Response, instance);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].starts_with("/owner "), "{errors:?}");
    }

    fn cycles(schemas: &str) -> Vec<(String, String)> {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        unsatisfiable_cycles(&Document::parse("t.yaml", "t", &text, false).unwrap())
    }

    #[test]
    fn ref_cycles_without_a_base_case_are_found() {
        let found = cycles(
            "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    Self: {$ref: '#/components/schemas/Self'}\n    All: {allOf: [{$ref: '#/components/schemas/All'}]}\n    Prop: {type: object, properties: {x: {$ref: '#/components/schemas/Prop'}}, required: [x]}\n    UsesA: {type: object, properties: {a: {$ref: '#/components/schemas/A'}}, required: [a]}\n",
        );
        let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            pointers,
            [
                "/components/schemas/A",
                "/components/schemas/B",
                "/components/schemas/Self",
                "/components/schemas/All",
                "/components/schemas/Prop",
                "/components/schemas/UsesA",
            ]
        );
        assert!(
            found[0]
                .1
                .contains("`B`, which must contain a value of `A`"),
            "{found:?}"
        );
    }

    #[test]
    fn recursion_with_a_base_case_is_not_a_cycle() {
        let found = cycles(
            "    Node:\n      type: object\n      required: [name]\n      properties:\n        name: {type: string}\n        children: {type: array, items: {$ref: '#/components/schemas/Node'}}\n        parent: {$ref: '#/components/schemas/Node'}\n    Either: {oneOf: [{$ref: '#/components/schemas/Either'}, {type: string}]}\n    Nullable: {type: object, nullable: true, required: [x], properties: {x: {$ref: '#/components/schemas/Nullable'}}}\n",
        );
        assert_eq!(found, Vec::<(String, String)>::new());
    }

    #[test]
    fn integer_formats_carry_their_range() {
        let converted = to_json_schema(
            &json!({"type": "integer", "format": "int32"}),
            Direction::Request,
        );
        assert_eq!(converted["maximum"], json!(i32::MAX));
        let converted = to_json_schema(
            &json!({"type": "integer", "format": "int64"}),
            Direction::Request,
        );
        assert_eq!(converted["minimum"], json!(i64::MIN));
        assert_eq!(converted["maximum"], json!(i64::MAX));
    }
}
