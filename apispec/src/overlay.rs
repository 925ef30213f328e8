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

/// Targets nested deeper than this (brackets and parentheses) are refused before parsing, so a
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
    pub actions: Vec<Action>,
}

/// One change: the nodes `target` selects get `update` merged in, or are removed.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// An RFC 9535 JSONPath query, e.g. `$.paths['/pets'].get`.
    pub target: String,
    pub description: Option<String>,
    /// What to merge into each selected node; ignored when `remove` is set.
    pub update: Option<Value>,
    /// Remove each selected node from the object or array that holds it.
    pub remove: bool,
    /// where the action is written in the overlay file: `/actions/3`
    pub pointer: String,
}

/// Why an overlay cannot be read or applied. Each message says what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayError {
    /// The document is not an Overlay 1.0 document: no `overlay` field, or a version this module does not
    /// implement.
    NotAnOverlay { reason: String },
    /// A field is missing, of the wrong type, or unknown. `pointer` is where, in the overlay file.
    BadShape { pointer: String, reason: String },
    /// An action's `target` is not a valid JSONPath query. `pointer` is the action (`/actions/3`),
    /// `message` the parser's.
    InvalidTarget {
        pointer: String,
        target: String,
        message: String,
    },
    /// An action would remove the whole document (`target: $` with `remove: true`).
    RemoveRoot { pointer: String },
    /// An `update` does not fit the node it is merged into. `pointer` is the action, `at` the JSON
    /// pointer of the clashing node in the target document.
    IncompatibleUpdate {
        pointer: String,
        at: String,
        reason: String,
    },
}

impl fmt::Display for OverlayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OverlayError::NotAnOverlay { reason } => write!(
                f,
                "not an Overlay 1.0 document: {reason}; an overlay is a mapping with `overlay: 1.0.0`, \
                 `info` (`title`, `version`) and a list of `actions`"
            ),
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
                reason: format!("the document is {}, not a mapping", kind(v)),
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
        None if root.contains_key("openapi") || root.contains_key("swagger") => {
            "it has no `overlay` field and looks like an OpenAPI document; an overlay file holds only the \
             changes to make to one"
                .into()
        }
        None => "it has no `overlay` field".into(),
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
    let nesting = action
        .target
        .bytes()
        .filter(|b| matches!(b, b'[' | b'('))
        .count();
    if nesting > MAX_TARGET_NESTING {
        return Err(invalid(format!(
            "it has {nesting} brackets and parentheses, more than the {MAX_TARGET_NESTING} this tool accepts"
        )));
    }
    JsonPath::parse(&action.target).map_err(|e| invalid(e.to_string()))
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
