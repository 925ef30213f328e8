//! OpenAPI Overlay Specification 1.0: fixing a published document without editing it.
//!
//! An overlay (`specs/<stem>.overlay.yaml` beside `specs/<stem>.yaml`) is an ordered list of actions; each
//! selects nodes of the OpenAPI document with an RFC 9535 JSONPath `target` and either merges an `update`
//! into them or removes them. [`Overlay::from_value`] checks an overlay's shape, [`apply`] runs its actions
//! on a document's JSON tree, before anything else reads it, and says how many nodes each action matched.
//!
//! Merging follows the published Overlay 1.0.0 text, "the properties in the `update` object are recursively
//! merged with the properties in the target object with the same names; new properties are added", read
//! as Overlay 1.1.0 spells it out: objects merge recursively, arrays are concatenated, a plain value
//! replaces a plain value, any other pairing is an error. An `update` on a selected array is appended to
//! it (an array `update` is concatenated).
//!
//! This module does no I/O except [`overlay_path_for`] asking whether a file exists, never follows
//! `extends` (which file an overlay applies to is decided by its name), never panics on odd input, and
//! leaves the document untouched when applying fails.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use serde_json_path::{JsonPath, PathElement};

use crate::pointer;

/// The file-name endings of overlay files, lower case.
const OVERLAY_SUFFIXES: [&str; 3] = [".overlay.yaml", ".overlay.yml", ".overlay.json"];

/// What an overlay looks like, for messages about documents that are not one.
const SHAPE: &str = "an overlay is a mapping with `overlay: 1.0.0`, `info` (`title`, `version`) and a \
                     list of `actions`";

/// Targets whose brackets and parentheses nest deeper than this are refused before parsing, so a
/// pathological query cannot exhaust the stack of the recursive JSONPath parser.
const MAX_TARGET_NESTING: usize = 64;

/// An Overlay 1.0 document: what it is called and the actions it applies, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// `info.title`.
    pub title: String,
    /// `info.version`: the overlay's own version, not the Overlay Specification's.
    pub version: String,
    /// `extends`: the document the overlay was written for. Informative only; never fetched.
    pub extends: Option<String>,
    /// The changes, applied in order.
    pub actions: Vec<Action>,
}

/// One change: the nodes `target` selects get `update` merged in, or are removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// An RFC 9535 JSONPath query, e.g. `$.paths['/pets'].get`.
    pub target: String,
    /// What the action is for, as its author wrote it.
    pub description: Option<String>,
    /// What to merge into each selected node; ignored when `remove` is set.
    pub update: Option<Value>,
    /// Remove each selected node from the object or array that holds it.
    pub remove: bool,
    /// Where the action is written in the overlay file: `/actions/3`.
    pub pointer: String,
}

/// Why an overlay cannot be read or applied. Each message says what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayError {
    /// The document is not an Overlay 1.0 document: no `overlay` field, or a version this module does not
    /// implement.
    NotAnOverlay {
        /// What the document is instead.
        reason: String,
    },
    /// A field is missing, of the wrong type, or unknown.
    BadShape {
        /// Where, in the overlay file.
        pointer: String,
        /// What is wrong with the field.
        reason: String,
    },
    /// An action's `target` is not a valid JSONPath query.
    InvalidTarget {
        /// The action (`/actions/3`).
        pointer: String,
        /// The query as written.
        target: String,
        /// The JSONPath parser's message.
        message: String,
    },
    /// An action would remove the whole document (`target: $` with `remove: true`).
    RemoveRoot {
        /// The action (`/actions/3`).
        pointer: String,
    },
    /// An `update` does not fit the node it is merged into.
    IncompatibleUpdate {
        /// The action (`/actions/3`).
        pointer: String,
        /// The JSON pointer of the clashing node in the target document.
        at: String,
        /// How the update and the node clash.
        reason: String,
    },
}

impl fmt::Display for OverlayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OverlayError::NotAnOverlay { reason } => {
                write!(f, "not an Overlay 1.0 document: {reason}")
            }
            OverlayError::BadShape { pointer, reason } if pointer.is_empty() => {
                write!(f, "overlay: {reason}")
            }
            OverlayError::BadShape { pointer, reason } => {
                write!(f, "overlay `{pointer}`: {reason}")
            }
            OverlayError::InvalidTarget {
                pointer,
                target,
                message,
            } => write!(
                f,
                "overlay {pointer}/target: `{target}` is not a valid JSONPath query (RFC 9535): {message}; \
                 write a query starting with `$`, e.g. `$.paths['/pets'].get` or \
                 `$.paths.*.get.parameters[?@.name == 'limit']`"
            ),
            OverlayError::RemoveRoot { pointer } => write!(
                f,
                "overlay {pointer}: `remove: true` with target `$` would remove the whole document; \
                 target the nodes to remove instead, e.g. `$.paths['/old']`"
            ),
            OverlayError::IncompatibleUpdate {
                pointer,
                at,
                reason,
            } => write!(
                f,
                "overlay {pointer}/update: cannot merge into {}: {reason}",
                document_place(at)
            ),
        }
    }
}

impl std::error::Error for OverlayError {}

/// What applying an overlay did: for each action, how many nodes it matched (0 → unmatched, reported by
/// callers as a finding).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Applied {
    /// Index aligned with [`Overlay::actions`]; each selected node counts once.
    pub matches: Vec<usize>,
}

impl Applied {
    /// The indices of the actions that matched nothing (and so changed nothing).
    pub fn unmatched(&self) -> impl Iterator<Item = usize> + '_ {
        self.matches
            .iter()
            .enumerate()
            .filter(|(_, n)| **n == 0)
            .map(|(i, _)| i)
    }
}

impl Overlay {
    /// Reads an overlay from its parsed YAML or JSON tree, checking its shape against Overlay 1.0
    /// (required fields, types, no unknown fields except `x-` extensions, valid JSONPath targets).
    pub fn from_value(v: &Value) -> Result<Overlay, OverlayError> {
        let Value::Object(root) = v else {
            return Err(OverlayError::NotAnOverlay {
                reason: format!("the document is {}, not a mapping; {SHAPE}", kind(v)),
            });
        };
        check_version(root)?;
        check_keys(root, "", &["overlay", "info", "extends", "actions"])?;

        let info = match root.get("info") {
            Some(Value::Object(info)) => info,
            Some(other) => {
                return Err(bad(
                    "/info",
                    format!(
                        "must be a mapping with `title` and `version`, not {}",
                        kind(other)
                    ),
                ));
            }
            None => {
                return Err(bad(
                    "",
                    "`info` is missing; add `info:` with `title` and `version`".into(),
                ));
            }
        };
        check_keys(info, "/info", &["title", "version", "description"])?;
        let title = required_string(info, "/info", "title", "what the overlay is for")?;
        let version = required_string(
            info,
            "/info",
            "version",
            "the overlay's own version, e.g. '1.0.0'",
        )?;
        let extends = optional_string(root, "", "extends")?;

        let actions = match root.get("actions") {
            Some(Value::Array(a)) if !a.is_empty() => a,
            Some(Value::Array(_)) => {
                return Err(bad(
                    "/actions",
                    "is empty; an overlay needs at least one action".into(),
                ));
            }
            Some(other) => {
                return Err(bad(
                    "/actions",
                    format!("must be a list of actions, not {}", kind(other)),
                ));
            }
            None => {
                return Err(bad(
                    "",
                    "`actions` is missing; add a list of actions, each with a `target`".into(),
                ));
            }
        };
        let mut parsed = Vec::with_capacity(actions.len());
        for (i, raw) in actions.iter().enumerate() {
            if let Some(first) = actions[..i].iter().position(|earlier| earlier == raw) {
                return Err(bad(
                    &format!("/actions/{i}"),
                    format!(
                        "repeats /actions/{first} exactly; actions must be unique, so delete one of them"
                    ),
                ));
            }
            let action = action_from_value(raw, format!("/actions/{i}"))?;
            let path = parse_target(&action)?;
            if action.remove && selects_root(&path) {
                return Err(OverlayError::RemoveRoot {
                    pointer: action.pointer,
                });
            }
            parsed.push(action);
        }
        Ok(Overlay {
            title,
            version,
            extends,
            actions: parsed,
        })
    }
}

/// Applies `overlay`'s actions in order to `document`, each to the result of the ones before.
///
/// An action that selects nothing is not an error: its count in [`Applied::matches`] is 0. On error the
/// document is left as it was.
pub fn apply(overlay: &Overlay, document: &mut Value) -> Result<Applied, OverlayError> {
    let mut work = document.clone();
    let mut matches = Vec::with_capacity(overlay.actions.len());
    for action in &overlay.actions {
        let path = parse_target(action)?;
        let selected = select(&path, &work);
        matches.push(selected.len());
        if action.remove {
            if selected.iter().any(|steps| steps.is_empty()) {
                return Err(OverlayError::RemoveRoot {
                    pointer: action.pointer.clone(),
                });
            }
            // Deepest and last first: removing an array element then leaves the indices of the other
            // selected elements of that array, and the paths of selected descendants, valid.
            let mut order = selected;
            order.sort_unstable_by(|a, b| b.cmp(a));
            for steps in &order {
                remove_at(&mut work, steps);
            }
        } else if let Some(update) = &action.update {
            for steps in &selected {
                if let Some(node) = get_mut(&mut work, steps) {
                    update_node(node, update, &action.pointer, steps)?;
                }
            }
        }
    }
    *document = work;
    Ok(Applied { matches })
}

/// The overlay file for a spec file: `specs/foo.yaml` → `specs/foo.overlay.yaml` (also `.overlay.yml`,
/// `.overlay.json`, tried in that order), if one exists.
pub fn overlay_path_for(spec: &Path) -> Option<PathBuf> {
    if is_overlay_file(spec) {
        return None;
    }
    let stem = spec.file_stem()?;
    let dir = spec.parent().unwrap_or_else(|| Path::new(""));
    OVERLAY_SUFFIXES.iter().find_map(|suffix| {
        let mut name = OsString::from(stem);
        name.push(suffix);
        let candidate = dir.join(name);
        candidate.is_file().then_some(candidate)
    })
}

/// Whether a file name is an overlay (`*.overlay.yaml|yml|json`, any case), so spec discovery can skip it.
pub fn is_overlay_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_ascii_lowercase)
        .is_some_and(|name| OVERLAY_SUFFIXES.iter().any(|s| name.ends_with(s)))
}

// ---------------------------------------------------------------------------------------------------
// Reading the overlay

fn check_version(root: &Map<String, Value>) -> Result<(), OverlayError> {
    let reason = match root.get("overlay") {
        Some(Value::String(s)) if is_supported_version(s) => return Ok(()),
        Some(Value::String(s)) => format!(
            "`overlay: {s}` is not a version this tool implements (Overlay 1.0.x); write `overlay: 1.0.0` \
             and use only `update` and `remove` actions"
        ),
        Some(other) => format!(
            "`overlay` is {} `{}`, not a version string; write `overlay: 1.0.0`",
            kind(other),
            other
        ),
        None if root.contains_key("openapi") || root.contains_key("swagger") => format!(
            "it has no `overlay` field and looks like an OpenAPI document; an overlay file holds only the \
             changes to make to one: {SHAPE}"
        ),
        None => format!("it has no `overlay` field; {SHAPE}"),
    };
    Err(OverlayError::NotAnOverlay { reason })
}

/// `1.0.N`: patch versions only clarify the text, so every one of them is the same feature set.
fn is_supported_version(s: &str) -> bool {
    s.strip_prefix("1.0.")
        .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()))
}

fn action_from_value(raw: &Value, pointer: String) -> Result<Action, OverlayError> {
    let Value::Object(obj) = raw else {
        return Err(bad(
            &pointer,
            format!(
                "must be a mapping with `target` and `update` or `remove`, not {}",
                kind(raw)
            ),
        ));
    };
    check_keys(
        obj,
        &pointer,
        &["target", "description", "update", "remove"],
    )?;
    let target = required_string(obj, &pointer, "target", "a JSONPath query such as `$.info`")?;
    let description = optional_string(obj, &pointer, "description")?;
    let remove = match obj.get("remove") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(bad(
                &format!("{pointer}/remove"),
                format!("must be `true` or `false`, not {} `{other}`", kind(other)),
            ));
        }
    };
    Ok(Action {
        target,
        description,
        update: obj.get("update").cloned(),
        remove,
        pointer,
    })
}

fn check_keys(obj: &Map<String, Value>, at: &str, known: &[&str]) -> Result<(), OverlayError> {
    for key in obj.keys() {
        if known.contains(&key.as_str()) || key.starts_with("x-") {
            continue;
        }
        let hint = if key == "copy" {
            "`copy` is an Overlay 1.1 action this tool does not implement; use `update`".to_string()
        } else {
            format!(
                "allowed here: {}, and `x-` extensions",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(bad(
            &pointer::join(at, key),
            format!("unknown field `{key}`; {hint}"),
        ));
    }
    Ok(())
}

fn required_string(
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
    what: &str,
) -> Result<String, OverlayError> {
    match obj.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        None => Err(bad(
            at,
            format!("`{key}` is missing; add `{key}:` ({what})"),
        )),
        Some(other) => Err(not_a_string(&pointer::join(at, key), other)),
    }
}

fn optional_string(
    obj: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<Option<String>, OverlayError> {
    match obj.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(not_a_string(&pointer::join(at, key), other)),
    }
}

fn not_a_string(at: &str, found: &Value) -> OverlayError {
    bad(
        at,
        format!(
            "must be a string, not {} `{found}`; quote it in YAML (e.g. '{found}')",
            kind(found)
        ),
    )
}

fn bad(pointer: &str, reason: String) -> OverlayError {
    OverlayError::BadShape {
        pointer: pointer.to_string(),
        reason,
    }
}

fn parse_target(action: &Action) -> Result<JsonPath, OverlayError> {
    let invalid = |message: String| OverlayError::InvalidTarget {
        pointer: action.pointer.clone(),
        target: action.target.clone(),
        message,
    };
    if nesting_depth(&action.target) > MAX_TARGET_NESTING {
        return Err(invalid(format!(
            "its brackets and parentheses nest more than {MAX_TARGET_NESTING} deep"
        )));
    }
    JsonPath::parse(&action.target).map_err(|e| invalid(e.to_string()))
}

/// How deep brackets and parentheses nest in a query, not counting those inside quoted names.
fn nesting_depth(query: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut quote = None;
    let mut escaped = false;
    for c in query.chars() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(_) if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '[' | '(' => {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
                ']' | ')' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
    }
    deepest
}

/// Whether a query selects the document root itself. Only a query without segments (`$`) can, and such
/// a query selects the root of any value, so querying `null` tells.
fn selects_root(path: &JsonPath) -> bool {
    path.query_located(&Value::Null)
        .iter()
        .any(|node| node.location().is_empty())
}

// ---------------------------------------------------------------------------------------------------
// Applying actions

/// One step of a location: an object member or an array element. The derived order (index before name,
/// then by value; a prefix before its extensions) is total, which removal relies on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Step {
    Index(usize),
    Name(String),
}

/// The locations `path` selects in `doc`, in query order, each once.
fn select(path: &JsonPath, doc: &Value) -> Vec<Vec<Step>> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for node in path.query_located(doc).iter() {
        let steps: Vec<Step> = node
            .location()
            .iter()
            .map(|el| match el {
                PathElement::Name(n) => Step::Name((*n).to_string()),
                PathElement::Index(i) => Step::Index(*i),
            })
            .collect();
        if seen.insert(steps.clone()) {
            out.push(steps);
        }
    }
    out
}

fn to_pointer(steps: &[Step]) -> String {
    steps.iter().fold(String::new(), |acc, step| match step {
        Step::Name(n) => pointer::join(&acc, n),
        Step::Index(i) => format!("{acc}/{i}"),
    })
}

fn get_mut<'a>(root: &'a mut Value, steps: &[Step]) -> Option<&'a mut Value> {
    steps
        .iter()
        .try_fold(root, |node, step| match (node, step) {
            (Value::Object(m), Step::Name(n)) => m.get_mut(n),
            (Value::Array(a), Step::Index(i)) => a.get_mut(*i),
            _ => None,
        })
}

fn remove_at(root: &mut Value, steps: &[Step]) {
    let Some((last, parent)) = steps.split_last() else {
        return;
    };
    match (get_mut(root, parent), last) {
        (Some(Value::Object(m)), Step::Name(n)) => {
            m.shift_remove(n);
        }
        (Some(Value::Array(a)), Step::Index(i)) if *i < a.len() => {
            a.remove(*i);
        }
        _ => {}
    }
}

fn update_node(
    node: &mut Value,
    update: &Value,
    action: &str,
    steps: &[Step],
) -> Result<(), OverlayError> {
    let at = to_pointer(steps);
    let incompatible = |reason: String| OverlayError::IncompatibleUpdate {
        pointer: action.to_string(),
        at: to_pointer(steps),
        reason,
    };
    match (node, update) {
        (Value::Object(target), Value::Object(props)) => merge(target, props, action, &at),
        (Value::Array(target), Value::Array(items)) => {
            target.extend(items.iter().cloned());
            Ok(())
        }
        (Value::Array(target), entry) => {
            target.push(entry.clone());
            Ok(())
        }
        (Value::Object(_), other) => Err(incompatible(format!(
            "the target selects an object, so `update` must be a mapping of properties to merge into it, \
             not {}",
            kind(other)
        ))),
        (primitive, _) => {
            let hint = match steps.split_last() {
                Some((Step::Name(name), parent)) => format!(
                    "target the object holding it ({}) and write `update: {{{name}: <new value>}}`",
                    document_place(&to_pointer(parent))
                ),
                _ => {
                    "an array's plain items cannot be replaced one by one: remove the whole array \
                      (`remove: true`), then add it again with an `update` of the object holding it"
                        .to_string()
                }
            };
            Err(incompatible(format!(
                "the target selects {}, but Overlay 1.0 targets of `update` must be objects or arrays; {hint}",
                kind(primitive)
            )))
        }
    }
}

fn merge(
    target: &mut Map<String, Value>,
    props: &Map<String, Value>,
    action: &str,
    at: &str,
) -> Result<(), OverlayError> {
    for (key, new) in props {
        let here = pointer::join(at, key);
        let Some(old) = target.get_mut(key) else {
            target.insert(key.clone(), new.clone());
            continue;
        };
        match (old, new) {
            (Value::Object(old), Value::Object(new)) => merge(old, new, action, &here)?,
            (Value::Array(old), Value::Array(new)) => old.extend(new.iter().cloned()),
            (old, new) if !is_container(old) && !is_container(new) => *old = new.clone(),
            (old, new) => {
                return Err(OverlayError::IncompatibleUpdate {
                    pointer: action.to_string(),
                    at: here,
                    reason: format!(
                        "the document has {} here and the update {}; objects merge into objects, arrays \
                         are added to arrays and plain values replace plain values. To replace it, remove \
                         it in an earlier action (`remove: true`), then add it with this update",
                        kind(old),
                        kind(new)
                    ),
                });
            }
        }
    }
    Ok(())
}

fn is_container(v: &Value) -> bool {
    matches!(v, Value::Object(_) | Value::Array(_))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn document_place(p: &str) -> String {
    if p.is_empty() {
        "the document root".to_string()
    } else {
        format!("the document at `{p}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).expect("test YAML parses")
    }

    /// An overlay with the given actions (a YAML list).
    fn overlay(actions: &str) -> Overlay {
        let text =
            format!("overlay: 1.0.0\ninfo:\n  title: test\n  version: '1'\nactions:\n{actions}");
        Overlay::from_value(&yaml(&text)).expect("test overlay is valid")
    }

    fn apply_to(actions: &str, doc: &mut Value) -> Applied {
        apply(&overlay(actions), doc).expect("overlay applies")
    }

    fn api() -> Value {
        yaml(
            r#"
openapi: 3.0.3
info: {title: API, version: '1'}
tags: [{name: a}, {name: b}]
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - {name: type, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses: {'200': {description: OK}}
    post:
      operationId: createItem
      responses: {'201': {description: Created}}
  /items/{id}:
    get:
      operationId: getItem
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
        - {name: type, in: query, schema: {type: string}}
      responses: {'200': {description: OK}}
"#,
        )
    }

    #[test]
    fn update_merges_into_an_object_recursively() {
        let mut doc = api();
        let applied = apply_to(
            r#"
  - target: $.paths['/items'].get
    update:
      summary: List items
      operationId: listAllItems
      responses:
        '200': {description: The items, x-extra: 1}
        '404': {description: Missing}
"#,
            &mut doc,
        );
        assert_eq!(applied.matches, [1]);
        let get = &doc["paths"]["/items"]["get"];
        assert_eq!(get["summary"], "List items");
        assert_eq!(get["operationId"], "listAllItems");
        assert_eq!(
            get["responses"]["200"],
            json!({"description": "The items", "x-extra": 1})
        );
        assert_eq!(get["responses"]["404"], json!({"description": "Missing"}));
        // Untouched properties stay, in their order; new ones come last.
        let keys: Vec<_> = get.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["operationId", "parameters", "responses", "summary"]);
        assert_eq!(get["parameters"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn update_on_an_array_appends_and_nested_arrays_concatenate() {
        let mut doc = api();
        apply_to(
            r#"
  - target: $.tags
    update: {name: c}
  - target: $.tags
    update: [{name: d}, {name: e}]
  - target: $.paths['/items'].post
    update:
      parameters: [{name: dry_run, in: query}]
  - target: $.paths['/items'].get
    update:
      parameters: [{name: page, in: query}]
"#,
            &mut doc,
        );
        let names: Vec<_> = doc["tags"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].clone())
            .collect();
        assert_eq!(names, ["a", "b", "c", "d", "e"]);
        assert_eq!(
            doc["paths"]["/items"]["post"]["parameters"],
            json!([{"name": "dry_run", "in": "query"}])
        );
        let params = doc["paths"]["/items"]["get"]["parameters"]
            .as_array()
            .unwrap();
        let names: Vec<_> = params.iter().map(|p| p["name"].clone()).collect();
        assert_eq!(names, ["type", "limit", "page"]);
    }

    #[test]
    fn remove_of_object_keys() {
        let mut doc = api();
        let applied = apply_to(
            r#"
  - target: $.paths.*.get.responses['200']
    remove: true
  - target: $.info.version
    remove: true
"#,
            &mut doc,
        );
        assert_eq!(applied.matches, [2, 1]);
        assert_eq!(doc["paths"]["/items"]["get"]["responses"], json!({}));
        assert_eq!(doc["paths"]["/items/{id}"]["get"]["responses"], json!({}));
        assert_eq!(doc["info"], json!({"title": "API"}));
    }

    #[test]
    fn remove_of_several_elements_of_one_array() {
        let mut doc = json!({"list": [
            {"n": 0, "drop": true}, {"n": 1}, {"n": 2, "drop": true}, {"n": 3, "drop": true}, {"n": 4}
        ]});
        let applied = apply_to(
            "  - target: $.list[?@.drop == true]\n    remove: true\n",
            &mut doc,
        );
        assert_eq!(applied.matches, [3]);
        assert_eq!(doc, json!({"list": [{"n": 1}, {"n": 4}]}));

        // Indices selected in any order, more than once, and an element together with a descendant.
        let mut doc = json!({"list": [0, 1, 2, 3, 4, 5], "tree": [{"kids": [{"x": 1}]}, {"y": 2}]});
        let applied = apply_to(
            "  - target: $.list[4, 0, 4, 2]\n    remove: true\n  - target: $.tree..*\n    remove: true\n",
            &mut doc,
        );
        assert_eq!(applied.matches[0], 3);
        assert_eq!(doc, json!({"list": [1, 3, 5], "tree": []}));
    }

    #[test]
    fn filter_expression_selects_parameters() {
        let mut doc = api();
        let applied = apply_to(
            r#"
  - target: $.paths.*.get.parameters[?@.name == 'type']
    update:
      description: The kind of item
      schema: {enum: [book, film]}
"#,
            &mut doc,
        );
        assert_eq!(applied.matches, [2]);
        for path in ["/items", "/items/{id}"] {
            let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
            let p = params.iter().find(|p| p["name"] == "type").unwrap();
            assert_eq!(p["description"], "The kind of item");
            assert_eq!(
                p["schema"],
                json!({"type": "string", "enum": ["book", "film"]})
            );
            assert!(
                params
                    .iter()
                    .filter(|p| p["name"] != "type")
                    .all(|p| p.get("description").is_none())
            );
        }
    }

    #[test]
    fn wildcard_over_paths_and_methods() {
        let mut doc = api();
        let applied = apply_to(
            "  - target: $.paths.*.*\n    update: {x-checked: true}\n  - target: $.paths.*.get\n    update: {x-safe: true}\n",
            &mut doc,
        );
        assert_eq!(applied.matches, [3, 2]);
        assert_eq!(doc["paths"]["/items"]["post"]["x-checked"], true);
        assert_eq!(doc["paths"]["/items/{id}"]["get"]["x-checked"], true);
        assert_eq!(doc["paths"]["/items"]["get"]["x-safe"], true);
        assert!(doc["paths"]["/items"]["post"].get("x-safe").is_none());
    }

    #[test]
    fn unmatched_action_is_reported_with_zero_and_changes_nothing() {
        let mut doc = api();
        let before = doc.clone();
        let applied = apply_to(
            "  - target: $.paths['/nope'].get\n    update: {summary: x}\n  - target: $.paths[?@.deprecated]\n    remove: true\n",
            &mut doc,
        );
        assert_eq!(applied.matches, [0, 0]);
        assert_eq!(applied.unmatched().collect::<Vec<_>>(), [0, 1]);
        assert_eq!(doc, before);
    }

    #[test]
    fn invalid_jsonpath_is_reported_with_the_actions_pointer() {
        let text = "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info\n    update: {x: 1}\n  - target: $.paths[?@.name ==]\n    remove: true\n";
        let err = Overlay::from_value(&yaml(text)).unwrap_err();
        let OverlayError::InvalidTarget {
            pointer,
            target,
            message,
        } = &err
        else {
            panic!("expected InvalidTarget, got {err:?}");
        };
        assert_eq!(pointer, "/actions/1");
        assert_eq!(target, "$.paths[?@.name ==]");
        assert!(!message.is_empty());
        let shown = err.to_string();
        assert!(
            shown.contains("/actions/1/target") && shown.contains("not a valid JSONPath"),
            "{shown}"
        );

        // The same check when an action is built by hand and applied.
        let mut o = overlay("  - target: $.info\n    update: {x: 1}\n");
        o.actions[0].target = "paths.x".into();
        let err = apply(&o, &mut api()).unwrap_err();
        assert!(
            matches!(err, OverlayError::InvalidTarget { ref pointer, .. } if pointer == "/actions/0")
        );
    }

    #[test]
    fn a_non_overlay_document_is_refused_with_a_clear_message() {
        let err = Overlay::from_value(&api()).unwrap_err();
        assert!(matches!(err, OverlayError::NotAnOverlay { .. }));
        assert!(
            err.to_string().contains("looks like an OpenAPI document"),
            "{err}"
        );

        let unsupported = yaml(
            "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, update: {}}]",
        );
        let err = Overlay::from_value(&unsupported).unwrap_err();
        assert!(
            err.to_string()
                .contains("`overlay: 1.1.0` is not a version"),
            "{err}"
        );

        let number = yaml(
            "overlay: 1.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, update: {}}]",
        );
        let err = Overlay::from_value(&number).unwrap_err();
        assert!(err.to_string().contains("write `overlay: 1.0.0`"), "{err}");

        for v in [json!(null), json!([1]), json!("overlay"), json!({})] {
            assert!(
                matches!(
                    Overlay::from_value(&v),
                    Err(OverlayError::NotAnOverlay { .. })
                ),
                "{v}"
            );
        }
        assert!(
            Overlay::from_value(&yaml(
                "overlay: 1.0.12\ninfo: {title: t, version: '1'}\nactions: [{target: $}]"
            ))
            .is_ok()
        );
    }

    #[test]
    fn bad_shapes_name_the_place() {
        let cases = [
            (
                "info: {title: t}\nactions: [{target: $}]",
                "/info",
                "`version` is missing",
            ),
            (
                "info: {title: t, version: 1.0}\nactions: [{target: $}]",
                "/info/version",
                "quote it",
            ),
            (
                "info: {title: t, version: '1'}\nactions: []",
                "/actions",
                "at least one action",
            ),
            ("info: {title: t, version: '1'}", "", "`actions` is missing"),
            (
                "info: {title: t, version: '1'}\nactions: [{target: $.a, remov: true}]",
                "/actions/0/remov",
                "unknown field",
            ),
            (
                "info: {title: t, version: '1'}\nactions: [{target: $.a, remove: 'yes'}]",
                "/actions/0/remove",
                "`true` or `false`",
            ),
            (
                "info: {title: t, version: '1'}\nactions: [{update: {}}]",
                "/actions/0",
                "`target` is missing",
            ),
            (
                "info: {title: t, version: '1'}\nactions: [{target: $.a, copy: $.b}]",
                "/actions/0/copy",
                "Overlay 1.1",
            ),
            (
                "info: {title: t, version: '1'}\nactions: [{target: $.a, remove: true}, {target: $.a, remove: true}]",
                "/actions/1",
                "repeats /actions/0",
            ),
            (
                "info: {title: t, version: '1'}\nactions: [7]",
                "/actions/0",
                "must be a mapping",
            ),
            (
                "info: {title: t, version: '1'}\nextends: 3\nactions: [{target: $}]",
                "/extends",
                "must be a string",
            ),
            (
                "info: {title: t, version: '1'}\naction: []\nactions: [{target: $}]",
                "/action",
                "unknown field",
            ),
        ];
        for (body, at, says) in cases {
            let err = Overlay::from_value(&yaml(&format!("overlay: 1.0.0\n{body}"))).unwrap_err();
            match &err {
                OverlayError::BadShape { pointer, reason } => {
                    assert_eq!(pointer, at, "{body}");
                    assert!(reason.contains(says), "{body}: {reason}");
                }
                other => panic!("{body}: expected BadShape, got {other:?}"),
            }
        }
        let ok = yaml(
            "overlay: 1.0.0\ninfo: {title: t, version: '1', x-by: me}\nextends: petstore.yaml\nx-note: n\nactions:\n  - {target: $.info, description: d, x-id: 1, update: {x: 1}, remove: false}\n",
        );
        let o = Overlay::from_value(&ok).unwrap();
        assert_eq!(o.extends.as_deref(), Some("petstore.yaml"));
        assert_eq!(o.actions[0].description.as_deref(), Some("d"));
        assert_eq!(o.actions[0].pointer, "/actions/0");
    }

    #[test]
    fn removing_the_root_is_refused() {
        let text =
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions: [{target: $, remove: true}]";
        let err = Overlay::from_value(&yaml(text)).unwrap_err();
        assert_eq!(
            err,
            OverlayError::RemoveRoot {
                pointer: "/actions/0".into()
            }
        );
        assert!(err.to_string().contains("whole document"));

        let mut o = overlay("  - target: $.info\n    remove: true\n");
        o.actions[0].target = "$".into();
        let mut doc = api();
        assert!(matches!(
            apply(&o, &mut doc),
            Err(OverlayError::RemoveRoot { .. })
        ));
        assert_eq!(doc, api());

        // Updating the root is fine.
        let applied = apply_to(
            "  - target: $\n    update: {info: {x-overlaid: true}}\n",
            &mut doc,
        );
        assert_eq!(applied.matches, [1]);
        assert_eq!(doc["info"]["x-overlaid"], true);
        assert_eq!(doc["info"]["title"], "API");
    }

    #[test]
    fn incompatible_updates_are_errors_and_leave_the_document_alone() {
        let cases = [
            // An object where the document has a string, after an earlier action that did apply.
            (
                "  - target: $.info\n    update: {x: 1}\n  - target: $.info\n    update: {title: {text: t}}\n",
                "/actions/1",
                "/info/title",
                "an object",
            ),
            // A plain value where the document has an object.
            (
                "  - target: $.paths['/items']\n    update: {get: null}\n",
                "/actions/0",
                "/paths/~1items/get",
                "null",
            ),
            // A non-object update on an object.
            (
                "  - target: $.info\n    update: [1]\n",
                "/actions/0",
                "/info",
                "must be a mapping",
            ),
            // A target selecting a plain value.
            (
                "  - target: $.info.title\n    update: New\n",
                "/actions/0",
                "/info/title",
                "`update: {title: <new value>}`",
            ),
            (
                "  - target: $.tags[0].name\n    update: z\n",
                "/actions/0",
                "/tags/0/name",
                "objects or arrays",
            ),
        ];
        for (actions, action, at_want, says) in cases {
            let mut doc = api();
            let err = apply(&overlay(actions), &mut doc).unwrap_err();
            let OverlayError::IncompatibleUpdate {
                pointer,
                at,
                reason,
            } = &err
            else {
                panic!("{actions}: expected IncompatibleUpdate, got {err:?}");
            };
            assert_eq!(
                (pointer.as_str(), at.as_str()),
                (action, at_want),
                "{actions}"
            );
            assert!(reason.contains(says), "{actions}: {reason}");
            assert_eq!(doc, api(), "{actions}: the document is unchanged");
            assert!(err.to_string().contains(at_want), "{err}");
        }
        // A plain value replaces a plain value of another type; null included.
        let mut doc = json!({"o": {"a": 1, "b": "x", "c": null}});
        apply_to(
            "  - target: $.o\n    update: {a: one, b: null, c: 3}\n",
            &mut doc,
        );
        assert_eq!(doc, json!({"o": {"a": "one", "b": null, "c": 3}}));
    }

    #[test]
    fn actions_apply_in_order_each_to_the_previous_result() {
        let mut doc = api();
        let applied = apply_to(
            r#"
  - target: $.tags
    remove: true
  - target: $
    update: {tags: [{name: only}]}
  - target: $.tags[?@.name == 'a']
    remove: true
"#,
            &mut doc,
        );
        assert_eq!(applied.matches, [1, 1, 0]);
        assert_eq!(doc["tags"], json!([{"name": "only"}]));
        // Moved to the end, as any new property.
        assert_eq!(doc.as_object().unwrap().keys().next_back().unwrap(), "tags");
    }

    #[test]
    fn a_node_selected_twice_is_updated_once() {
        let mut doc = json!({"a": {"list": []}});
        let applied = apply_to("  - target: $['a', 'a'].list\n    update: 1\n", &mut doc);
        assert_eq!(applied.matches, [1]);
        assert_eq!(doc, json!({"a": {"list": [1]}}));
    }

    #[test]
    fn remove_wins_over_update_and_an_action_with_neither_only_counts() {
        let mut doc = api();
        let applied = apply_to(
            "  - target: $.tags\n    update: [{name: z}]\n    remove: true\n  - target: $.info\n",
            &mut doc,
        );
        assert_eq!(applied.matches, [1, 1]);
        assert!(doc.get("tags").is_none());
        assert_eq!(doc["info"], api()["info"]);
    }

    #[test]
    fn petstore_overlay_renames_an_operation_and_removes_a_path() {
        let mut petstore = yaml(
            r#"
openapi: "3.0.0"
info:
  version: 1.0.0
  title: Swagger Petstore
  license: {name: MIT}
servers:
  - url: http://petstore.swagger.io/v1
paths:
  /pets:
    get:
      summary: List all pets
      operationId: listPets
      tags: [pets]
      parameters:
        - name: limit
          in: query
          description: How many items to return at one time (max 100)
          required: false
          schema: {type: integer, maximum: 100, format: int32}
      responses:
        '200':
          description: A paged array of pets
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pets'}
        default:
          description: unexpected error
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Error'}
    post:
      summary: Create a pet
      operationId: createPets
      tags: [pets]
      responses:
        '201': {description: Null response}
  /pets/{petId}:
    get:
      summary: Info for a specific pet
      operationId: showPetById
      tags: [pets]
      parameters:
        - {name: petId, in: path, required: true, description: The id of the pet to retrieve, schema: {type: string}}
      responses:
        '200':
          description: Expected response to a valid request
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Pet'}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: integer, format: int64}
        name: {type: string}
        tag: {type: string}
    Pets:
      type: array
      maxItems: 100
      items: {$ref: '#/components/schemas/Pet'}
    Error:
      type: object
      required: [code, message]
      properties:
        code: {type: integer, format: int32}
        message: {type: string}
"#,
        );
        let fix = yaml(
            r#"
overlay: 1.0.0
info:
  title: Petstore fixes
  version: 1.0.0
extends: petstore.yaml
actions:
  - target: $.paths['/pets/{petId}'].get
    description: A clearer name for the generated client method
    update:
      operationId: getPet
  - target: $.paths['/pets'].post
    description: Creating pets is not offered to clients
    remove: true
  - target: $.paths['/pets/{petId}']
    description: Not served by the real API
    remove: true
  - target: $.paths.*.*[?@.operationId == 'showPetById']
    description: Already renamed above, so this matches nothing
    update: {deprecated: true}
"#,
        );
        let fix = Overlay::from_value(&fix).unwrap();
        assert_eq!(fix.title, "Petstore fixes");
        assert_eq!(fix.version, "1.0.0");
        let before = petstore.clone();
        // Rename first, then check it took effect, then the path goes.
        let mut renamed = before.clone();
        let first = Overlay {
            actions: fix.actions[..1].to_vec(),
            ..fix.clone()
        };
        apply(&first, &mut renamed).unwrap();
        assert_eq!(
            renamed["paths"]["/pets/{petId}"]["get"]["operationId"],
            "getPet"
        );
        assert_eq!(
            renamed["paths"]["/pets/{petId}"]["get"]["summary"],
            "Info for a specific pet"
        );

        let applied = apply(&fix, &mut petstore).unwrap();
        assert_eq!(applied.matches, [1, 1, 1, 0]);
        assert_eq!(applied.unmatched().collect::<Vec<_>>(), [3]);
        let paths = petstore["paths"].as_object().unwrap();
        assert_eq!(paths.keys().collect::<Vec<_>>(), ["/pets"]);
        assert_eq!(
            paths["/pets"]
                .as_object()
                .unwrap()
                .keys()
                .collect::<Vec<_>>(),
            ["get"]
        );
        assert_eq!(paths["/pets"]["get"], before["paths"]["/pets"]["get"]);
        assert_eq!(petstore["components"], before["components"]);
        // The result is still an OpenAPI document the rest of the crate reads.
        let text = serde_json::to_string(&petstore).unwrap();
        let doc = crate::Document::parse("petstore.json", "petstore", &text, true).unwrap();
        let ids: Vec<_> = doc.operations.iter().map(|op| op.id.clone()).collect();
        assert_eq!(ids, ["listPets"]);
    }

    #[test]
    fn overlay_files_are_found_beside_their_spec() {
        let dir = std::env::temp_dir().join(format!("apispec-overlay-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = dir.join("foo.yaml");
        std::fs::write(&spec, "openapi: 3.0.0").unwrap();
        assert_eq!(overlay_path_for(&spec), None);
        std::fs::write(dir.join("foo.overlay.json"), "{}").unwrap();
        assert_eq!(overlay_path_for(&spec), Some(dir.join("foo.overlay.json")));
        std::fs::write(dir.join("foo.overlay.yaml"), "").unwrap();
        assert_eq!(overlay_path_for(&spec), Some(dir.join("foo.overlay.yaml")));
        assert_eq!(
            overlay_path_for(&dir.join("foo.json")),
            Some(dir.join("foo.overlay.yaml"))
        );
        assert_eq!(overlay_path_for(&dir.join("foo.overlay.yaml")), None);
        assert_eq!(overlay_path_for(&dir.join("bar.yaml")), None);
        assert_eq!(overlay_path_for(Path::new("")), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn overlay_file_names_are_recognised() {
        for name in [
            "specs/foo.overlay.yaml",
            "foo.overlay.yml",
            "a/b/foo.overlay.json",
            "FOO.Overlay.YAML",
        ] {
            assert!(is_overlay_file(Path::new(name)), "{name}");
        }
        for name in [
            "specs/foo.yaml",
            "overlay.yaml",
            "foo.overlay",
            "foo.overlay.txt",
            "foo.overlay.yaml/x",
            "",
        ] {
            assert!(!is_overlay_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn odd_input_never_panics() {
        let deep = format!("$.a{}", "[?(".repeat(5000));
        let nested = format!("$[?{}@.a{}]", "(".repeat(60), ")".repeat(60));
        let mut o = overlay("  - target: $.info\n    update: {x: 1}\n");
        o.actions[0].target = nested.clone();
        assert!(
            apply(&o, &mut api()).is_ok(),
            "60 nested parentheses are accepted"
        );
        let targets = [
            "",
            "$",
            "$$",
            "$.",
            "$..",
            "$[",
            "$[-1]",
            "$[-9999999999999999999]",
            "$[::-1]",
            "$[0:99999999999:0]",
            "$..*",
            "$..[?@]",
            "$[?match(@.name, '[')]",
            "$[?search(@, '(((')]",
            "$['\\uD800']",
            "\u{0}",
            "$.\u{ffff}",
            &deep,
            "$[?length(@) > 18446744073709551615]",
            "$[?count(@.*) == 1]",
            "$[?value(@..x) == 1]",
        ];
        let docs = [
            api(),
            json!(null),
            json!([[[]]]),
            json!({"a": [1, {"a": [2, {"a": 3}]}]}),
            json!("s"),
        ];
        for target in targets {
            for remove in [false, true] {
                let o = Overlay {
                    title: String::new(),
                    version: String::new(),
                    extends: None,
                    actions: vec![Action {
                        target: target.to_string(),
                        description: None,
                        update: Some(json!({"a": [0]})),
                        remove,
                        pointer: "/actions/0".into(),
                    }],
                };
                for doc in &docs {
                    let mut d = doc.clone();
                    let _ = apply(&o, &mut d);
                }
            }
        }
        let raw_actions = [
            json!(null),
            json!({}),
            json!({"target": 1}),
            json!({"target": "$", "update": null}),
            json!([]),
        ];
        for a in raw_actions {
            let v =
                json!({"overlay": "1.0.0", "info": {"title": "t", "version": "1"}, "actions": [a]});
            let _ = Overlay::from_value(&v);
        }
        for v in [
            json!({"overlay": "1.0."}),
            json!({"overlay": "1.0.x"}),
            json!({"overlay": ""}),
            json!({"overlay": "1.0.0", "info": []}),
        ] {
            assert!(Overlay::from_value(&v).is_err(), "{v}");
        }
    }
}
