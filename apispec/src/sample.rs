//! Values built from a schema: bodies for mock responses that document no example, and request arguments
//! for contract tests.
//!
//! Two modes. *Static* values are deterministic and read like documentation: per schema, its `default`, then
//! its `example`, then the first `enum` value, then `null` when it is nullable, then a value for its `format`
//! (or one matching its `pattern`), then a plain value of its type (`"string"`, `0`, `true`). *Dynamic* values
//! are random but reproducible: they come from a ChaCha RNG, so one seed gives the same value on every run and
//! every machine.
//!
//! Values respect `type`, `format`, `pattern`, length, bounds, `multipleOf`, item counts, `required`, `allOf`
//! (merged), `oneOf`/`anyOf` (one branch), `nullable`, and `readOnly`/`writeOnly` by [`Direction`]; a
//! `default` or `example` of the wrong type, outside its `enum`, lengths or `pattern` is passed over. A
//! schema that contradicts itself, or a documented value breaking it in ways not looked at here (a nested
//! property, a format), can still give an invalid value: callers that must be sure check the value with a
//! [`SchemaValidator`](crate::SchemaValidator), and can build again with
//! [`Sampler::ignoring_documented_values`]. Recursion through `$ref`s is bounded.
//! This module does no I/O and never panics.

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{Map, Number, Value, json};

use crate::schema::Direction;

/// The random source of dynamic values. ChaCha8, so that a seed means the same values everywhere.
pub type SampleRng = ChaCha8Rng;

/// A random source for dynamic values, from a seed.
pub fn rng_from_seed(seed: u64) -> SampleRng {
    ChaCha8Rng::seed_from_u64(seed)
}

/// How deep `$ref`s and nesting are followed before the sampler settles for the smallest value it can. Deep
/// enough for any real document (arrays nested 115 deep are sampled whole), shallow enough for the default
/// 2 MB stack of a thread. Recursive schemas end much earlier, at [`OPTIONAL_DEPTH`].
const MAX_DEPTH: usize = 160;

/// Below this depth objects get their required properties only, so recursive schemas end.
const OPTIONAL_DEPTH: usize = 6;

/// The most items a sampled array gets.
const MAX_ITEMS: u64 = 1000;

/// The most schema nodes one value is built from: past it the sampler settles for the smallest values, so a
/// schema that branches at every level of a deep recursion (two required properties that each `oneOf` back
/// to the schema) cannot take exponential time.
const MAX_NODES: usize = 50_000;

thread_local! {
    /// Nodes left to build for the value under construction on this thread.
    static NODES_LEFT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_NODES) };
}

/// Runs `build` with a fresh node budget (restoring the outer one, for nested use).
fn with_budget<T>(build: impl FnOnce() -> T) -> T {
    let outer = NODES_LEFT.with(|n| n.replace(MAX_NODES));
    let value = build();
    NODES_LEFT.with(|n| n.set(outer));
    value
}

/// Takes one node from the budget; `false` once it is spent.
fn take_node() -> bool {
    NODES_LEFT.with(|n| {
        let left = n.get();
        n.set(left.saturating_sub(1));
        left > 0
    })
}

/// Builds values for the schemas of one document.
#[derive(Debug, Clone, Copy)]
pub struct Sampler<'a> {
    /// The whole document, where `#/...` references point.
    root: &'a Value,
    direction: Direction,
    documented_values: bool,
}

enum Source<'r> {
    Static,
    Random(&'r mut dyn RngCore),
}

impl<'a> Sampler<'a> {
    /// A sampler for the schemas of the document whose JSON tree is `root`, for data flowing in `direction`
    /// (request values leave out `readOnly` properties, response values `writeOnly` ones).
    pub fn new(root: &'a Value, direction: Direction) -> Sampler<'a> {
        Sampler {
            root,
            direction,
            documented_values: true,
        }
    }

    /// The same sampler, but never taking a schema's `default` or `example` (for when those break the schema).
    pub fn ignoring_documented_values(mut self) -> Sampler<'a> {
        self.documented_values = false;
        self
    }

    /// The static value of `schema`: the same every time.
    pub fn static_value(&self, schema: &Value) -> Value {
        with_budget(|| self.value(schema, &mut Source::Static, 0))
    }

    /// [`Sampler::static_value`], or why no value can be built: a schema that requires a value of itself
    /// through `$ref`s with no way out (see [`crate::unsatisfiable_cycles`]) has no finite value.
    pub fn static_value_checked(&self, schema: &Value) -> Result<Value, String> {
        match crate::schema::no_finite_value(self.root, schema) {
            Some(reason) => Err(format!("no value can be built: {reason}")),
            None => Ok(self.static_value(schema)),
        }
    }

    /// A random value of `schema`, the same for the same seed.
    pub fn dynamic_value(&self, schema: &Value, seed: u64) -> Value {
        self.dynamic_value_with(schema, &mut rng_from_seed(seed))
    }

    /// A random value of `schema` drawn from `rng` (to draw several values from one seed).
    pub fn dynamic_value_with(&self, schema: &Value, rng: &mut dyn RngCore) -> Value {
        with_budget(|| self.value(schema, &mut Source::Random(rng), 0))
    }

    /// Follows `$ref`s to the schema they name (an unresolved reference gives an empty schema).
    fn resolve<'s>(&self, schema: &'s Value) -> &'s Value
    where
        'a: 's,
    {
        crate::follow_refs(self.root, schema).unwrap_or(&Value::Bool(true))
    }

    fn value(&self, schema: &Value, source: &mut Source<'_>, depth: usize) -> Value {
        let schema = self.flatten(schema, depth);
        let Value::Object(schema) = &schema else {
            return Value::Null;
        };
        let nullable = schema.get("nullable").and_then(Value::as_bool) == Some(true);

        if self.documented_values {
            for key in ["default", "example"] {
                if matches!(source, Source::Static)
                    && let Some(value) = schema.get(key)
                    && documented_value_fits(schema, value)
                {
                    return value.clone();
                }
            }
        }
        if let Some(Value::Array(values)) = schema.get("enum")
            && !values.is_empty()
        {
            return match source {
                Source::Static => values[0].clone(),
                Source::Random(rng) => values[rng.random_range(0..values.len())].clone(),
            };
        }
        if nullable {
            let null = match source {
                Source::Static => true,
                Source::Random(rng) => rng.random_ratio(1, 10),
            };
            if null {
                return Value::Null;
            }
        }
        if depth >= MAX_DEPTH || !take_node() {
            return smallest_value(schema);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(Value::Array(branches)) = schema.get(key)
                && !branches.is_empty()
            {
                let index = match source {
                    Source::Static => 0,
                    Source::Random(rng) => rng.random_range(0..branches.len()),
                };
                let mut merged = schema.clone();
                merged.remove(key);
                if let Value::Object(branch) = self.flatten(&branches[index], depth + 1) {
                    merge_into(&mut merged, &branch);
                }
                leave_out_other_branches_properties(&mut merged, branches, index);
                return self.value(&Value::Object(merged), source, depth + 1);
            }
        }
        match type_of(schema) {
            "object" => self.object(schema, source, depth),
            "array" => self.array(schema, source, depth),
            "string" => string_value(schema, source),
            "integer" => integer_value(schema, source),
            "number" => number_value(schema, source),
            "boolean" => Value::Bool(match source {
                Source::Static => true,
                Source::Random(rng) => rng.random(),
            }),
            _ => Value::Null,
        }
    }

    /// The schema with its `$ref`s followed and its `allOf` merged into one object schema.
    fn flatten(&self, schema: &Value, depth: usize) -> Value {
        let schema = self.resolve(schema);
        let Value::Object(map) = schema else {
            return json!({});
        };
        let Some(Value::Array(parts)) = map.get("allOf") else {
            return schema.clone();
        };
        let mut merged = map.clone();
        merged.remove("allOf");
        // `null` fits an `allOf` only where every part takes it (`allOf: [{$ref: T}, {nullable: true}]`
        // is not nullable when `T` is not), or the schema beside the `allOf` says `nullable` itself, as
        // the validator reads them.
        let nullable = |schema: &Map<String, Value>| {
            schema.get("nullable").and_then(Value::as_bool) == Some(true)
        };
        let mut every_part_nullable = !parts.is_empty();
        if depth < MAX_DEPTH && take_node() {
            for part in parts {
                if let Value::Object(part) = self.flatten(part, depth + 1) {
                    every_part_nullable &= nullable(&part);
                    merge_into(&mut merged, &part);
                }
            }
        }
        if nullable(map) || every_part_nullable {
            merged.insert("nullable".into(), Value::Bool(true));
        } else {
            merged.remove("nullable");
        }
        Value::Object(merged)
    }

    fn object(&self, schema: &Map<String, Value>, source: &mut Source<'_>, depth: usize) -> Value {
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let ignored = match self.direction {
            Direction::Request => "readOnly",
            Direction::Response => "writeOnly",
        };
        let mut object = Map::new();
        if let Some(Value::Object(properties)) = schema.get("properties") {
            for (name, property) in properties {
                let is_required = required.contains(&name.as_str());
                let flagged = self
                    .resolve(property)
                    .get(ignored)
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                // A flagged property is never required in this direction (see `to_json_schema`).
                if flagged || (!is_required && depth >= OPTIONAL_DEPTH) {
                    continue;
                }
                let include = match source {
                    Source::Static => true,
                    Source::Random(rng) => is_required || rng.random_bool(0.6),
                };
                if include {
                    let value = self.value(property, source, depth + 1);
                    object.insert(name.clone(), value);
                }
            }
        }
        let declared = schema.get("properties").and_then(Value::as_object);
        for name in required {
            let is_declared = declared.is_some_and(|properties| properties.contains_key(name));
            if !is_declared && !object.contains_key(name) {
                let value = match schema.get("additionalProperties") {
                    Some(extra @ Value::Object(_)) => self.value(extra, source, depth + 1),
                    _ => Value::String("string".into()),
                };
                object.insert(name.to_string(), value);
            }
        }
        Value::Object(object)
    }

    fn array(&self, schema: &Map<String, Value>, source: &mut Source<'_>, depth: usize) -> Value {
        // Counts are capped: a sample is not the place to honour `minItems: 1000000`.
        let min = bound_u64(schema, "minItems").unwrap_or(0).min(MAX_ITEMS);
        let max = bound_u64(schema, "maxItems").unwrap_or(u64::MAX).max(min);
        // Past the optional depth arrays get their fewest items, so recursion through them ends.
        let least = if depth >= OPTIONAL_DEPTH {
            min
        } else {
            min.max(1)
        };
        let count = match source {
            Source::Static => least.min(max),
            // At least one item where the static value has one: an empty list says little.
            Source::Random(rng) => rng.random_range(least.min(max)..=max.min(least + 3)),
        };
        let items = schema.get("items").cloned().unwrap_or(json!({}));
        let unique = schema.get("uniqueItems").and_then(Value::as_bool) == Some(true);
        let mut values: Vec<Value> = Vec::new();
        let mut attempts = 0;
        while (values.len() as u64) < count && attempts < count * 4 + 4 {
            attempts += 1;
            let mut value = self.value(&items, source, depth + 1);
            if unique && values.contains(&value) && matches!(source, Source::Static) {
                // Static items would all be equal: later ones come from a fixed seed instead.
                let mut rng = rng_from_seed(attempts);
                value = self.value(&items, &mut Source::Random(&mut rng), depth + 1);
            }
            if unique && values.contains(&value) {
                continue;
            }
            values.push(value);
        }
        Value::Array(values)
    }
}

/// Branches that only say which properties must be present (`anyOf: [{required: [file_ids]},
/// {required: [files]}]`) mean "one of these": the value of the chosen branch leaves out the properties
/// only the other branches require, as a typed client sends it.
fn leave_out_other_branches_properties(
    merged: &mut Map<String, Value>,
    branches: &[Value],
    chosen: usize,
) {
    let Some(per_branch) = branches
        .iter()
        .map(crate::properties::presence_only)
        .collect::<Option<Vec<_>>>()
    else {
        return;
    };
    let Some(Value::Object(properties)) = merged.get_mut("properties") else {
        return;
    };
    for (index, names) in per_branch.iter().enumerate() {
        if index == chosen {
            continue;
        }
        for name in names.iter().filter(|n| !per_branch[chosen].contains(n)) {
            properties.remove(*name);
        }
    }
}

/// Adds `part`'s keywords to `into`: `properties` and `required` are united, other keywords kept if present.
fn merge_into(into: &mut Map<String, Value>, part: &Map<String, Value>) {
    for (key, value) in part {
        match (key.as_str(), into.get_mut(key), value) {
            ("properties", Some(Value::Object(existing)), Value::Object(more)) => {
                for (name, schema) in more {
                    existing
                        .entry(name.clone())
                        .or_insert_with(|| schema.clone());
                }
            }
            ("required", Some(Value::Array(existing)), Value::Array(more)) => {
                for name in more {
                    if !existing.contains(name) {
                        existing.push(name.clone());
                    }
                }
            }
            (_, Some(_), _) => {}
            (_, None, _) => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}

/// The schema's type, or the one its keywords imply.
fn type_of(schema: &Map<String, Value>) -> &str {
    match schema.get("type") {
        Some(Value::String(t)) => t,
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("null"),
        _ if schema.contains_key("properties") || schema.contains_key("required") => "object",
        _ if schema.contains_key("items") => "array",
        _ if schema.contains_key("format")
            || schema.contains_key("pattern")
            || schema.contains_key("minLength") =>
        {
            "string"
        }
        _ if schema.contains_key("minimum") || schema.contains_key("maximum") => "number",
        _ => "any",
    }
}

/// The least value of a schema, used where nesting goes too deep to follow.
fn smallest_value(schema: &Map<String, Value>) -> Value {
    match type_of(schema) {
        "object" => json!({}),
        "array" => json!([]),
        "string" => string_value(schema, &mut Source::Static),
        "integer" => integer_value(schema, &mut Source::Static),
        "number" => number_value(schema, &mut Source::Static),
        "boolean" => Value::Bool(true),
        _ => Value::Null,
    }
}

fn bound_u64(schema: &Map<String, Value>, key: &str) -> Option<u64> {
    schema.get(key).and_then(Value::as_u64)
}

fn bound_f64(schema: &Map<String, Value>, key: &str) -> Option<f64> {
    schema.get(key).and_then(Value::as_f64)
}

/// `(lower, lower_exclusive, upper, upper_exclusive)` in either the OpenAPI 3.0 (boolean flags) or the
/// JSON Schema (numeric exclusive bounds) spelling.
fn numeric_bounds(schema: &Map<String, Value>) -> (Option<f64>, bool, Option<f64>, bool) {
    let mut lower = (bound_f64(schema, "minimum"), false);
    let mut upper = (bound_f64(schema, "maximum"), false);
    match schema.get("exclusiveMinimum") {
        Some(Value::Bool(true)) => lower.1 = true,
        Some(Value::Number(n)) => lower = (n.as_f64(), true),
        _ => {}
    }
    match schema.get("exclusiveMaximum") {
        Some(Value::Bool(true)) => upper.1 = true,
        Some(Value::Number(n)) => upper = (n.as_f64(), true),
        _ => {}
    }
    if schema.get("format").and_then(Value::as_str) == Some("int32") {
        lower.0.get_or_insert(f64::from(i32::MIN));
        upper.0.get_or_insert(f64::from(i32::MAX));
    }
    (lower.0, lower.1, upper.0, upper.1)
}

fn integer_value(schema: &Map<String, Value>, source: &mut Source<'_>) -> Value {
    let (lower, lower_exclusive, upper, upper_exclusive) = numeric_bounds(schema);
    // Bounds beyond ±2^53 are kept as they are: they cannot be honoured exactly in f64 anyway.
    let low = lower.map(|l| {
        let l = l.ceil() as i64;
        if lower_exclusive && (l as f64) <= lower.unwrap_or(0.0) {
            l.saturating_add(1)
        } else {
            l
        }
    });
    let high = upper.map(|u| {
        let u = u.floor() as i64;
        if upper_exclusive && (u as f64) >= upper.unwrap_or(0.0) {
            u.saturating_sub(1)
        } else {
            u
        }
    });
    let step = schema
        .get("multipleOf")
        .and_then(Value::as_f64)
        .filter(|m| *m >= 1.0 && m.fract() == 0.0)
        .map(|m| m as i64)
        .unwrap_or(1);
    let (low, high) = match (low, high) {
        (Some(l), Some(h)) => (l, h.max(l)),
        (Some(l), None) => (l, l.saturating_add(1000)),
        (None, Some(h)) => (h.saturating_sub(1000).min(h.min(0)), h),
        (None, None) => (0, 1000),
    };
    let chosen = match source {
        Source::Static => 0i64.clamp(low, high),
        Source::Random(rng) => rng.random_range(low..=high),
    };
    let mut value = round_to_step(chosen, step);
    if value < low {
        value = value.saturating_add(step);
    }
    if value > high {
        value = value.saturating_sub(step);
    }
    Value::from(value)
}

fn round_to_step(value: i64, step: i64) -> i64 {
    if step <= 1 {
        value
    } else {
        value - value.rem_euclid(step)
    }
}

fn number_value(schema: &Map<String, Value>, source: &mut Source<'_>) -> Value {
    let (lower, lower_exclusive, upper, upper_exclusive) = numeric_bounds(schema);
    let margin = |bound: f64| (bound.abs() * 1e-9).max(1e-6);
    let low = lower.map(|l| if lower_exclusive { l + margin(l) } else { l });
    let high = upper.map(|u| if upper_exclusive { u - margin(u) } else { u });
    let (low, high) = match (low, high) {
        (Some(l), Some(h)) => (l, h.max(l)),
        (Some(l), None) => (l, l + 1000.0),
        (None, Some(h)) => (h - 1000.0, h),
        (None, None) => (0.0, 1000.0),
    };
    let multiple = schema
        .get("multipleOf")
        .and_then(Value::as_f64)
        .filter(|m| *m > 0.0);
    let mut value = match source {
        Source::Static => 0f64.clamp(low, high),
        Source::Random(rng) => {
            let raw = low + (high - low) * rng.random::<f64>();
            // Two decimals read better, when the bounds leave room for them.
            let rounded = (raw * 100.0).round() / 100.0;
            if (low..=high).contains(&rounded) {
                rounded
            } else {
                raw
            }
        }
    };
    if let Some(m) = multiple {
        let mut k = (value / m).round();
        if k * m < low {
            k += 1.0;
        }
        if k * m > high {
            k -= 1.0;
        }
        value = k * m;
    }
    // Whole numbers are written as integers (`0`, not `0.0`): both are JSON numbers.
    if value.fract() == 0.0 && value.abs() < 9.0e15 {
        return Value::from(value as i64);
    }
    Number::from_f64(value).map_or(Value::from(0), Value::Number)
}

/// Whether a schema's own `default` or `example` can stand for it: of its type (or `null` where it is
/// nullable), one of its `enum`, and for a string within its lengths and `pattern`. Documents write
/// `"false"` for a boolean or a three-letter sample password beside `minLength: 8`; such a value is
/// passed over for one built from the schema.
fn documented_value_fits(schema: &Map<String, Value>, value: &Value) -> bool {
    if value.is_null() {
        return schema.get("nullable").and_then(Value::as_bool) == Some(true)
            || schema.get("type").is_none();
    }
    let typed = match schema.get("type").and_then(Value::as_str) {
        Some("string") => value.is_string(),
        Some("integer") => {
            value.is_i64() || value.is_u64() || value.as_f64().is_some_and(|f| f.fract() == 0.0)
        }
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        Some("array") => value.is_array(),
        Some("object") => value.is_object(),
        _ => true,
    };
    let listed = match schema.get("enum") {
        Some(Value::Array(values)) => values.contains(value),
        _ => true,
    };
    let text_fits = match value.as_str() {
        Some(text) => {
            let length = text.chars().count() as u64;
            bound_u64(schema, "minLength").is_none_or(|min| length >= min)
                && bound_u64(schema, "maxLength").is_none_or(|max| length <= max)
                && schema
                    .get("pattern")
                    .and_then(Value::as_str)
                    .and_then(|pattern| regress::Regex::new(pattern).ok())
                    .is_none_or(|regex| regex.find(text).is_some())
        }
        None => true,
    };
    typed && listed && text_fits
}

/// A string matching `pattern` within the lengths `minLength`..`maxLength` when one can be found
/// (repetitions stretched for a long minimum), else the first string matching it.
fn pattern_value(
    pattern: &str,
    format: &str,
    (min, max): (usize, usize),
    source: &mut Source<'_>,
) -> Option<String> {
    let fits = |text: &String| (min..=max).contains(&text.chars().count());
    let mut first = None;
    if let Source::Random(rng) = source
        && let Some(text) = believable_match(pattern, format, *rng)
    {
        if fits(&text) {
            return Some(text);
        }
        first = Some(text);
    }
    for stretch in [0, 8, 64] {
        for seed in 0..8 {
            let text = match source {
                Source::Static => {
                    string_matching_stretched(pattern, stretch, &mut rng_from_seed(seed))
                }
                Source::Random(rng) => string_matching_stretched(pattern, stretch, *rng),
            };
            let Some(text) = text else {
                return first;
            };
            if fits(&text) {
                return Some(text);
            }
            first.get_or_insert(text);
        }
    }
    first
}

fn string_value(schema: &Map<String, Value>, source: &mut Source<'_>) -> Value {
    let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
    let min = bound_u64(schema, "minLength").unwrap_or(0) as usize;
    let max = bound_u64(schema, "maxLength")
        .map(|m| m as usize)
        .unwrap_or(usize::MAX)
        .max(min);
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str)
        && let Some(text) = pattern_value(pattern, format, (min, max), source)
    {
        return Value::String(text);
    }
    let text = match source {
        Source::Static => static_format(format).map(str::to_string),
        Source::Random(rng) => random_format(format, *rng),
    };
    if let Some(text) = text {
        return Value::String(text);
    }
    let text = match source {
        Source::Static => {
            let mut text = "string".to_string();
            while text.chars().count() < min {
                text.push('x');
            }
            text.chars().take(max).collect()
        }
        Source::Random(rng) => {
            let length = rng.random_range(min.max(4).min(max)..=max.min(min.max(4) + 8));
            random_word(length, *rng)
        }
    };
    Value::String(text)
}

fn static_format(format: &str) -> Option<&'static str> {
    Some(match format {
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "date-time" => "2026-01-01T00:00:00Z",
        "date" => "2026-01-01",
        "time" => "12:00:00Z",
        "email" => "user@example.com",
        "uri" | "url" | "iri" => "https://example.com/",
        "uri-reference" | "iri-reference" => "/example",
        "hostname" | "idn-hostname" => "example.com",
        // `ip` (either family, as Oxide writes it; typify reads it as `IpAddr`) is given as an IPv4 address.
        "ipv4" | "ip" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "byte" => "c3RyaW5n",
        "duration" => "PT1H",
        _ => return None,
    })
}

fn random_format(format: &str, rng: &mut dyn RngCore) -> Option<String> {
    Some(match format {
        "uuid" => random_uuid(rng),
        "date-time" => {
            let (date, time) = (random_date(rng), random_time(rng));
            format!("{date}T{time}Z")
        }
        "date" => random_date(rng),
        "time" => format!("{}Z", random_time(rng)),
        "email" => format!("{}@example.com", random_word(8, rng)),
        "uri" | "url" | "iri" => format!("https://example.com/{}", random_word(8, rng)),
        "uri-reference" | "iri-reference" => format!("/{}", random_word(8, rng)),
        "hostname" | "idn-hostname" => format!("{}.example.com", random_word(8, rng)),
        "ipv4" | "ip" => format!("192.0.2.{}", rng.random_range(1..=254)),
        "ipv6" => format!("2001:db8::{:x}", rng.random_range(1..=0xffffu32)),
        "byte" => "c3RyaW5n".to_string(),
        "duration" => format!("PT{}M", rng.random_range(1..=59)),
        _ => return None,
    })
}

fn random_uuid(rng: &mut dyn RngCore) -> String {
    let mut bytes = [0u8; 16];
    rng.fill_bytes(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn random_date(rng: &mut dyn RngCore) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.random_range(2020..=2030),
        rng.random_range(1..=12),
        rng.random_range(1..=28)
    )
}

fn random_time(rng: &mut dyn RngCore) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        rng.random_range(0..24),
        rng.random_range(0..60),
        rng.random_range(0..60)
    )
}

fn random_word(length: usize, rng: &mut dyn RngCore) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    (0..length)
        .map(|_| LETTERS[rng.random_range(0..LETTERS.len())] as char)
        .collect()
}

/// A value a real server could send that `pattern` also matches: a date, time or timestamp in the usual
/// notations, a uuid, an address... A pattern that describes a timestamp digit by digit (`^\\d{4}-\\d{2}-...`)
/// would otherwise give month 68 and minute 69. `None` when no such value matches.
fn believable_match(pattern: &str, format: &str, rng: &mut dyn RngCore) -> Option<String> {
    let regex = regress::Regex::new(pattern).ok()?;
    let (date, time) = (random_date(rng), random_time(rng));
    let millis = rng.random_range(0..1000);
    let mut candidates = vec![
        format!("{date}T{time}Z"),
        format!("{date}T{time}.{millis:03}Z"),
        format!("{date}T{time}+00:00"),
        format!("{date}T{time}"),
        format!("{date} {time}"),
        date.clone(),
        time.clone(),
        format!("{time}Z"),
        date.replace('-', ""),
        format!("{}{}", date.replace('-', ""), time.replace(':', "")),
    ];
    for known in ["uuid", "email", "uri", "hostname", "ipv4", "ipv6"] {
        candidates.extend(random_format(known, rng));
    }
    if let Some(text) = random_format(format, rng) {
        candidates.insert(0, text);
    }
    candidates
        .into_iter()
        .find(|candidate| regex.find(candidate).is_some())
}

/// A string that `pattern` matches, or `None` when the pattern cannot be read.
pub fn string_matching(pattern: &str, rng: &mut dyn RngCore) -> Option<String> {
    string_matching_stretched(pattern, 0, rng)
}

/// [`string_matching`] with open repetitions (`+`, `*`, `{2,}`) allowed `stretch` more rounds than the
/// usual three beyond their minimum.
fn string_matching_stretched(pattern: &str, stretch: u32, rng: &mut dyn RngCore) -> Option<String> {
    let hir = regex_syntax::ParserBuilder::new()
        .build()
        .parse(pattern)
        .ok()?;
    let mut out = String::new();
    generate_from_hir(&hir, stretch, rng, &mut out, 0).then_some(out)
}

fn generate_from_hir(
    hir: &regex_syntax::hir::Hir,
    stretch: u32,
    rng: &mut dyn RngCore,
    out: &mut String,
    depth: usize,
) -> bool {
    use regex_syntax::hir::{Class, HirKind};
    if depth > 64 {
        return false;
    }
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => true,
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => {
                out.push_str(text);
                true
            }
            Err(_) => false,
        },
        HirKind::Class(Class::Unicode(class)) => {
            let ranges = class.ranges();
            // Printable ASCII where the class allows it: it survives headers, URLs and logs.
            let ascii: Vec<(char, char)> = ranges
                .iter()
                .filter_map(|r| {
                    let (start, end) = (r.start().max(' '), r.end().min('~'));
                    (start <= end).then_some((start, end))
                })
                .collect();
            let pick = |(start, end): (char, char), rng: &mut dyn RngCore| {
                char::from_u32(rng.random_range(start as u32..=end as u32))
            };
            let chosen = if ascii.is_empty() {
                match ranges.get(rng.random_range(0..ranges.len().max(1))) {
                    Some(r) => pick((r.start(), r.end()), rng),
                    None => None,
                }
            } else {
                pick(ascii[rng.random_range(0..ascii.len())], rng)
            };
            match chosen {
                Some(c) => {
                    out.push(c);
                    true
                }
                None => false,
            }
        }
        HirKind::Class(Class::Bytes(class)) => {
            let ranges = class.ranges();
            let Some(range) = ranges.get(rng.random_range(0..ranges.len().max(1))) else {
                return false;
            };
            let byte = rng.random_range(range.start()..=range.end());
            if byte.is_ascii() {
                out.push(byte as char);
                true
            } else {
                false
            }
        }
        HirKind::Repetition(repetition) => {
            let cap = repetition.min.saturating_add(3).saturating_add(stretch);
            let max = repetition.max.map_or(cap, |max| max.min(cap));
            let count = rng.random_range(repetition.min..=max.max(repetition.min));
            (0..count).all(|_| generate_from_hir(&repetition.sub, stretch, rng, out, depth + 1))
        }
        HirKind::Capture(capture) => generate_from_hir(&capture.sub, stretch, rng, out, depth + 1),
        HirKind::Concat(parts) => parts
            .iter()
            .all(|part| generate_from_hir(part, stretch, rng, out, depth + 1)),
        HirKind::Alternation(branches) => {
            let branch = &branches[rng.random_range(0..branches.len())];
            generate_from_hir(branch, stretch, rng, out, depth + 1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, SchemaSet};

    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
paths: {}
components:
  schemas:
    Backup:
      type: object
      required: [id, name, size, status, created, secret]
      properties:
        id: {type: string, format: uuid, readOnly: true}
        name: {type: string, minLength: 4, maxLength: 8}
        size: {type: integer, format: int32, minimum: 10, exclusiveMinimum: true, maximum: 20}
        ratio: {type: number, minimum: 0.5, maximum: 0.75}
        status: {type: string, enum: [ready, failed]}
        created: {type: string, format: date-time}
        note: {type: string, nullable: true}
        secret: {type: string, writeOnly: true}
        code: {type: string, pattern: '^[A-Za-z0-9]{32}br07$'}
        object_id: {type: string, pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}(\.(tar\.gz|gpg))?$'}
        tags: {type: array, items: {type: string}, minItems: 2, maxItems: 4, uniqueItems: true}
        owner: {$ref: '#/components/schemas/Owner'}
        parent: {$ref: '#/components/schemas/Backup'}
        step: {type: integer, multipleOf: 5, minimum: 1, maximum: 14}
    Owner:
      allOf:
        - {type: object, required: [name], properties: {name: {type: string}}}
        - {type: object, required: [email], properties: {email: {type: string, format: email}}}
    Choice:
      oneOf:
        - {type: object, required: [kind], properties: {kind: {type: string, enum: [a]}}, additionalProperties: false}
        - {type: object, required: [count], properties: {count: {type: integer, minimum: 1}}, additionalProperties: false}
    Documented:
      type: object
      properties:
        level: {type: integer, default: 3}
        label: {type: string, example: hello}
        broken: {type: integer, example: 3.5}
        flag: {type: boolean, example: 'false'}
        truncation: {allOf: [{$ref: '#/components/schemas/Owner'}, {nullable: true}]}
        batch:
          type: object
          properties: {file_ids: {type: array, items: {type: string}}, files: {type: array, items: {type: string}}, note: {type: string}}
          anyOf: [{required: [file_ids]}, {required: [files]}]
        password: {type: string, minLength: 8, pattern: '^[a-zA-Z0-9-_]+$', example: S5O}
"##;

    fn doc() -> Document {
        Document::parse("t.yaml", "t", SPEC, false).unwrap()
    }

    fn assert_valid(doc: &Document, name: &str, direction: Direction, value: &Value) {
        let set = SchemaSet::new(doc).unwrap();
        let schema = json!({"$ref": format!("#/components/schemas/{name}")});
        let validator = set.compile(&schema, direction, "/x").unwrap();
        let violations = validator.violations(value);
        assert!(violations.is_empty(), "{value:#}\n{violations:#?}");
    }

    #[test]
    fn static_values_are_valid_and_stable() {
        let doc = doc();
        for direction in [Direction::Request, Direction::Response] {
            let sampler = Sampler::new(&doc.raw, direction);
            for name in ["Backup", "Owner", "Choice"] {
                let schema = json!({"$ref": format!("#/components/schemas/{name}")});
                let value = sampler.static_value(&schema);
                assert_valid(&doc, name, direction, &value);
                assert_eq!(value, sampler.static_value(&schema), "static means stable");
            }
        }
    }

    #[test]
    fn static_values_follow_the_documented_order() {
        let doc = doc();
        let sampler = Sampler::new(&doc.raw, Direction::Response);
        let backup = sampler.static_value(&json!({"$ref": "#/components/schemas/Backup"}));
        assert_eq!(backup["id"], "3fa85f64-5717-4562-b3fc-2c963f66afa6");
        assert_eq!(backup["status"], "ready", "first enum value");
        assert_eq!(backup["note"], Value::Null, "nullable gives null");
        assert_eq!(backup["size"], 11, "exclusive minimum respected");
        assert_eq!(backup["step"], 5);
        assert!(
            backup.get("secret").is_none(),
            "writeOnly left out of responses"
        );
        assert!(backup["owner"]["email"].is_string(), "allOf merged");
        let documented = sampler.static_value(&json!({"$ref": "#/components/schemas/Documented"}));
        assert_eq!(documented["level"], 3);
        assert_eq!(documented["label"], "hello");
        assert_eq!(
            documented["broken"], 0,
            "an example that breaks its schema is passed over"
        );
        assert_eq!(documented["flag"], true, "\"false\" is no boolean");
        assert!(
            documented["truncation"].is_object(),
            "`nullable` in one part of an allOf does not make null fit: {}",
            documented["truncation"]
        );
        let batch = documented["batch"].as_object().unwrap();
        assert!(
            batch.contains_key("file_ids")
                && !batch.contains_key("files")
                && batch.contains_key("note"),
            "one of the properties the branches require: {batch:?}"
        );
        let password = documented["password"].as_str().unwrap();
        assert!(
            password.len() >= 8 && password != "S5O",
            "a pattern's value within minLength: {password}"
        );
        assert_valid(&doc, "Documented", Direction::Response, &documented);
        let plain = sampler
            .ignoring_documented_values()
            .static_value(&json!({"$ref": "#/components/schemas/Documented"}));
        assert_eq!(plain["level"], 0);
        assert_eq!(plain["label"], "string");
    }

    #[test]
    fn an_ip_of_either_family_is_an_address() {
        let doc = doc();
        let schema = json!({"type": "string", "format": "ip"});
        let sampler = Sampler::new(&doc.raw, Direction::Response);
        let value = sampler.static_value(&schema);
        assert!(
            value.as_str().unwrap().parse::<std::net::IpAddr>().is_ok(),
            "{value}"
        );
    }

    #[test]
    fn request_values_leave_out_read_only_properties() {
        let doc = doc();
        let value = Sampler::new(&doc.raw, Direction::Request)
            .static_value(&json!({"$ref": "#/components/schemas/Backup"}));
        assert!(
            value.get("id").is_none(),
            "readOnly left out of requests: {value}"
        );
        assert!(value.get("secret").is_some(), "{value}");
    }

    #[test]
    fn dynamic_values_are_valid_and_reproducible_from_a_seed() {
        let doc = doc();
        let sampler = Sampler::new(&doc.raw, Direction::Response);
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..200 {
            for name in ["Backup", "Owner", "Choice"] {
                let schema = json!({"$ref": format!("#/components/schemas/{name}")});
                let value = sampler.dynamic_value(&schema, seed);
                assert_valid(&doc, name, Direction::Response, &value);
                assert_eq!(value, sampler.dynamic_value(&schema, seed), "seed {seed}");
                seen.insert(value.to_string());
            }
        }
        assert!(seen.len() > 300, "different seeds give different values");
    }

    fn components(schemas: &str) -> Document {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        Document::parse("t.yaml", "t", &text, false).unwrap()
    }

    /// Runs `f` on a thread with the default 2 MB test stack.
    fn on_small_stack(f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(f)
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn a_31_hop_reference_chain_is_sampled() {
        let mut schemas = String::new();
        for i in 0..40 {
            schemas.push_str(&format!(
                "    S{i}: {{$ref: '#/components/schemas/S{}'}}\n",
                i + 1
            ));
        }
        schemas.push_str("    S40: {type: object, required: [id], properties: {id: {type: integer, minimum: 7}}}\n");
        let doc = components(&schemas);
        let value = Sampler::new(&doc.raw, Direction::Response)
            .static_value(&json!({"$ref": "#/components/schemas/S0"}));
        assert_eq!(value, json!({"id": 7}));
        assert_valid(&doc, "S0", Direction::Response, &value);
    }

    #[test]
    fn arrays_nested_115_deep_are_sampled_whole() {
        let mut schema = json!({"type": "integer"});
        for _ in 0..115 {
            schema = json!({"type": "array", "minItems": 1, "items": schema});
        }
        let mut doc = components("    Deep: {}\n");
        doc.raw["components"]["schemas"]["Deep"] = schema;
        on_small_stack(move || {
            let value = Sampler::new(&doc.raw, Direction::Response)
                .static_value(&json!({"$ref": "#/components/schemas/Deep"}));
            let mut depth = 0;
            let mut current = &value;
            while let Some(first) = current.get(0) {
                depth += 1;
                current = first;
            }
            assert_eq!((depth, current), (115, &json!(0)));
            assert_valid(&doc, "Deep", Direction::Response, &value);
        });
    }

    #[test]
    fn a_cycle_with_no_base_case_cannot_be_sampled_and_a_tree_can() {
        let doc = components(
            "    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n    P: {type: object, properties: {x: {$ref: '#/components/schemas/P'}}, required: [x]}\n    Node: {type: object, required: [name, children], properties: {name: {type: string}, children: {type: array, items: {$ref: '#/components/schemas/Node'}}}}\n",
        );
        let sampler = Sampler::new(&doc.raw, Direction::Response);
        for name in ["A", "P"] {
            let schema = json!({"$ref": format!("#/components/schemas/{name}")});
            let err = sampler.static_value_checked(&schema).unwrap_err();
            assert!(err.contains("no finite value"), "{err}");
        }
        let node = sampler
            .static_value_checked(&json!({"$ref": "#/components/schemas/Node"}))
            .unwrap();
        assert_valid(&doc, "Node", Direction::Response, &node);
    }

    #[test]
    fn patterns_are_matched() {
        let mut rng = rng_from_seed(7);
        for _ in 0..50 {
            let text = string_matching("^[A-Za-z0-9]{32}br07$", &mut rng).unwrap();
            assert_eq!(text.len(), 36);
            assert!(text.ends_with("br07"));
        }
        assert!(string_matching("(unclosed", &mut rng).is_none());
    }

    #[test]
    fn dynamic_values_of_a_timestamp_pattern_are_real_timestamps_and_lists_have_items() {
        let doc = components(
            "    Backup: {type: object, required: [at, tags], properties: {at: {type: string, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$'}, tags: {type: array, items: {type: string}}}}\n",
        );
        let sampler = Sampler::new(&doc.raw, Direction::Response);
        let schema = json!({"$ref": "#/components/schemas/Backup"});
        for seed in 0..40 {
            let value = sampler.dynamic_value(&schema, seed);
            let at = value["at"].as_str().unwrap();
            let month: u32 = at[5..7].parse().unwrap();
            let (day, hour, minute): (u32, u32, u32) = (
                at[8..10].parse().unwrap(),
                at[11..13].parse().unwrap(),
                at[14..16].parse().unwrap(),
            );
            assert!((1..=12).contains(&month) && (1..=31).contains(&day), "{at}");
            assert!(hour < 24 && minute < 60, "{at}");
            assert!(!value["tags"].as_array().unwrap().is_empty(), "{value}");
            assert_valid(&doc, "Backup", Direction::Response, &value);
        }
    }
}
