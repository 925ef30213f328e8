//! Answers one request from a session's state: lists what exists (filtered and paged), creates items with
//! fresh ids, reads, updates and deletes them, and refuses what the state does not allow with the spec's
//! own 404 or 409 (the example's ids replaced by the request's), or a problem document when the spec has
//! none. The handler asks only when the request is valid and carries no `Prefer`.

use std::borrow::Cow;

use apispec::SchemaRoot;
use apispec::resources::{Filter, ItemPlace, Paging, Role};
use axum::body::Bytes;
use rand::RngCore;
use serde_json::{Map, Value};

use super::{Documented, MockCollection, StateModel, StatefulOperation, instance_key};
use crate::problem::{Problem, ProblemKind};
use crate::store::{Items, Store, StoreError};

/// How many fresh ids are drawn before giving up on finding an unused one.
const ID_ATTEMPTS: usize = 16;

/// What the state decided.
#[derive(Debug)]
pub enum StateAnswer {
    /// The documented response of `status`; `body` (JSON text) replaces its example body when given.
    Documented {
        /// The status to answer with.
        status: u16,
        /// The body, when the state makes one.
        body: Option<Bytes>,
        /// What the state did, for the journal.
        detail: String,
    },
    /// The spec documents no answer for what the state found.
    Problem {
        /// The problem document to send.
        problem: Problem,
        /// What the state did, for the journal.
        detail: String,
    },
}

/// The parts of the request the state reads.
pub struct StateRequest<'r> {
    /// The request's session.
    pub session: &'r str,
    /// The path's segments, percent-decoded.
    pub segments: &'r [Cow<'r, str>],
    /// Decoded query pairs.
    pub query: &'r [(Cow<'r, str>, Cow<'r, str>)],
    /// The body, when it is JSON.
    pub body: Option<Value>,
}

/// The state's answer to a request of catalog operation `index`; `None` when the operation is not
/// stateful (or its state does not decide the answer).
pub async fn answer(
    model: &StateModel,
    index: usize,
    root: &SchemaRoot,
    store: &Store,
    request: &StateRequest<'_>,
) -> Result<Option<StateAnswer>, StoreError> {
    let Some(op) = model.operations.get(index).and_then(Option::as_ref) else {
        return Ok(None);
    };
    let collection = &model.collections[op.role.target().collection];
    let segment = |i: usize| request.segments.get(i).map_or("", |s| s.as_ref());
    let parents: Vec<&str> = op.parent_segments.iter().map(|&i| segment(i)).collect();
    let instance = instance_key(collection, &parents);
    let id = op.item_segment.map(segment);
    let seed = || collection.seed_items(&instance);
    let fills: Vec<(&str, &str)> = op
        .path_examples
        .iter()
        .map(|(i, example)| (example.as_str(), segment(*i)))
        .filter(|(example, actual)| example != actual)
        .collect();
    let context = Context {
        op,
        collection,
        root,
        fills: &fills,
    };
    let session = request.session;
    let answer = match (&op.role, id) {
        (
            Role::List {
                items_at,
                total_at,
                paging,
                filters,
                ..
            },
            _,
        ) => {
            let wanted = wanted_values(filters, request.query);
            let (skip, take) = page_window(paging.as_ref(), request.query);
            let (page, total) = store
                .with_items(session, &instance, &seed, &mut |items| {
                    let matching: Vec<&Value> = items
                        .iter()
                        .filter(|(_, item)| matches(item, &wanted))
                        .map(|(_, item)| item)
                        .collect();
                    let total = matching.len();
                    let page: Vec<Value> = matching
                        .into_iter()
                        .skip(skip)
                        .take(take)
                        .cloned()
                        .collect();
                    (page, total)
                })
                .await?;
            let mut body = op.success.body.clone().unwrap_or(Value::Null);
            let shown = page.len();
            put(&mut body, items_at, Value::Array(page));
            if let Some(total_at) = total_at {
                put(&mut body, total_at, Value::from(total));
            }
            Some(StateAnswer::Documented {
                status: op.success.status,
                body: Some(json_text(&body)),
                detail: format!(
                    "{shown} of {total} items of {instance_name}",
                    instance_name = shown_instance(&instance)
                ),
            })
        }
        (Role::Create { item_at, .. }, _) => {
            let outcome = store
                .with_items(session, &instance, &seed, &mut |items| {
                    context.create(items, request.body.as_ref(), item_at.as_ref())
                })
                .await?;
            Some(outcome)
        }
        (Role::Read { item_at, .. }, Some(id)) => {
            let item = store
                .with_items(session, &instance, &seed, &mut |items| {
                    items.get(id).cloned()
                })
                .await?;
            Some(match item {
                Some(item) => {
                    context.with_item(&op.success, item_at.as_ref(), &item, format!("read {id}"))
                }
                None => context.not_found(id),
            })
        }
        (Role::Update { item_at, merge, .. }, Some(id)) => {
            let outcome = store
                .with_items(session, &instance, &seed, &mut |items| {
                    let current = items.get(id)?.clone();
                    let updated = context.updated(&current, id, request.body.as_ref(), *merge);
                    items.replace(id, updated.clone());
                    Some(updated)
                })
                .await?;
            Some(match outcome {
                Some(item) => context.with_item(
                    &op.success,
                    item_at.as_ref(),
                    &item,
                    format!("updated {id}"),
                ),
                None => context.not_found(id),
            })
        }
        (Role::Delete { .. }, Some(id)) => {
            let outcome = store
                .with_items(session, &instance, &seed, &mut |items| {
                    context.delete(items, id, false)
                })
                .await?;
            Some(outcome)
        }
        (Role::Action { method, name, .. }, Some(id)) => {
            let outcome = store
                .with_items(session, &instance, &seed, &mut |items| {
                    if *method == apispec::Method::Delete {
                        context.delete(items, id, true)
                    } else if items.contains(id) {
                        context.filled(&op.success, format!("action `{name}` on {id}"))
                    } else {
                        context.not_found(id)
                    }
                })
                .await?;
            Some(outcome)
        }
        // An action on a whole collection changes nothing the state keeps.
        _ => None,
    };
    Ok(answer)
}

/// What answering one operation reads.
struct Context<'c> {
    op: &'c StatefulOperation,
    collection: &'c MockCollection,
    root: &'c SchemaRoot,
    /// Example path values and the request's, to put the request's into documented bodies.
    fills: &'c [(&'c str, &'c str)],
}

impl Context<'_> {
    fn not_found(&self, id: &str) -> StateAnswer {
        // Joined by hand: this is the answer a client polling a deleted item gets on every request, and
        // `format!` costs several times as much.
        let shown = shown_instance(&self.collection.path);
        let mut detail = String::with_capacity(id.len() + 20 + shown.len());
        detail.push_str(id);
        detail.push_str(" does not exist in ");
        detail.push_str(&shown);
        match &self.op.not_found {
            Some(documented) => self.filled(documented, detail),
            None => StateAnswer::Problem {
                problem: Problem::new(
                    ProblemKind::NotFound,
                    format!(
                        "No item `{id}` exists in this session (it was never created, or it was deleted); the operation documents no 404, so the mock server is generating this error for you."
                    ),
                ),
                detail,
            },
        }
    }

    fn conflict(&self, detail: String) -> StateAnswer {
        match &self.op.conflict {
            Some(documented) => self.filled(documented, detail),
            None => StateAnswer::Problem {
                problem: Problem::new(ProblemKind::Conflict, detail.clone()),
                detail,
            },
        }
    }

    /// A documented answer with the request's path values in place of the example's.
    fn filled(&self, documented: &Documented, detail: String) -> StateAnswer {
        let body = if self.fills.is_empty() {
            documented.serialized.clone()
        } else {
            documented
                .body
                .as_ref()
                .map(|body| json_text(&fill(body.clone(), self.fills)))
        };
        StateAnswer::Documented {
            status: documented.status,
            body,
            detail,
        }
    }

    /// A documented answer showing `item` where it puts one.
    fn with_item(
        &self,
        documented: &Documented,
        place: Option<&ItemPlace>,
        item: &Value,
        detail: String,
    ) -> StateAnswer {
        let body = documented.body.as_ref().map(|body| {
            let mut body = fill(body.clone(), self.fills);
            if let Some(place) = place {
                put(&mut body, &place.at, project(item, &place.properties));
            }
            body
        });
        StateAnswer::Documented {
            status: documented.status,
            body: body.as_ref().map(json_text),
            detail,
        }
    }

    fn create(
        &self,
        items: &mut Items,
        request: Option<&Value>,
        place: Option<&ItemPlace>,
    ) -> StateAnswer {
        let collection = self.collection;
        let id_property = collection.id_property.as_str();
        let requested_id = request
            .and_then(|body| body.get(id_property))
            .and_then(apispec::resources::id_text);
        if let Some(id) = &requested_id
            && items.contains(id)
            && self.op.conflict.is_some()
        {
            return self.conflict(format!("{id} already exists"));
        }
        // The template, then what the create answer documents for a new item, then the request's fields.
        let mut base = collection.template_item.clone();
        if let (Some(place), Some(answer)) = (place, &self.op.success.body)
            && let Some(Value::Object(documented)) = answer.pointer(&place.at)
        {
            overlay(&mut base, documented, &collection.properties);
        }
        let id = match requested_id.filter(|id| !items.contains(id)) {
            Some(id) => id_value(&base, id_property, id),
            None => match self.fresh_id(items) {
                Some(id) => id,
                None => {
                    return StateAnswer::Problem {
                        problem: Problem::new(
                            ProblemKind::Conflict,
                            "No unused id could be made for a new item",
                        ),
                        detail: "no unused id".into(),
                    };
                }
            },
        };
        let id_text = apispec::resources::id_text(&id).unwrap_or_default();
        let mut item = base.clone();
        if let Some(Value::Object(fields)) = request {
            overlay(&mut item, fields, &collection.properties);
        }
        set(&mut item, id_property, id.clone());
        if let Some(validator) = &collection.item_validator
            && !validator.is_valid(&item)
        {
            // The request's fields do not fit the item: keep the documented ones.
            item = base;
            set(&mut item, id_property, id);
        }
        if let Err(full) = items.insert(id_text.clone(), item.clone()) {
            return StateAnswer::Problem {
                problem: Problem::new(
                    ProblemKind::StateFull,
                    format!(
                        "This session holds {} items, as many as the mock keeps per session (--max-items); reset it with POST /__mock/reset",
                        full.limit
                    ),
                ),
                detail: "the session is full".into(),
            };
        }
        self.with_item(&self.op.success, place, &item, format!("created {id_text}"))
    }

    /// A new id no item holds.
    fn fresh_id(&self, items: &Items) -> Option<Value> {
        let id_property = self.collection.id_property.as_str();
        // Only integer ids count up from the highest in use; the others are drawn, and checked unused.
        let highest = match self.collection.id_shape {
            apispec::resources::IdShape::Integer => items
                .iter()
                .filter_map(|(_, item)| item.get(id_property).and_then(Value::as_i64))
                .max(),
            _ => None,
        };
        let mut rng = rand::rng();
        (0..ID_ATTEMPTS).find_map(|_| {
            let id =
                self.collection
                    .id_shape
                    .generate(self.root, highest, &mut rng as &mut dyn RngCore);
            let text = apispec::resources::id_text(&id)?;
            (!items.contains(&text)).then_some(id)
        })
    }

    fn updated(&self, current: &Value, id: &str, request: Option<&Value>, merge: bool) -> Value {
        let collection = self.collection;
        let mut item = if merge {
            current.clone()
        } else {
            Value::Object(Map::new())
        };
        if let Some(Value::Object(fields)) = request {
            overlay(&mut item, fields, &collection.properties);
        }
        let id_value = current
            .get(&collection.id_property)
            .cloned()
            .unwrap_or_else(|| Value::String(id.to_string()));
        set(&mut item, &collection.id_property, id_value);
        match &collection.item_validator {
            Some(validator) if !validator.is_valid(&item) => current.clone(),
            _ => item,
        }
    }

    /// Deletes one item (`whole_series`: its series with it). A single point of a series that other
    /// points share is a conflict, where the operation documents one.
    fn delete(&self, items: &mut Items, id: &str, whole_series: bool) -> StateAnswer {
        let Some(item) = items.get(id).cloned() else {
            return self.not_found(id);
        };
        let series = self.collection.series.as_ref().and_then(|series| {
            let group = item.get(&series.group).filter(|g| !g.is_null())?.clone();
            item.get(&series.position).filter(|p| !p.is_null())?;
            Some((series, group))
        });
        let in_series = |candidate: &Value| {
            series.as_ref().is_some_and(|(series, group)| {
                candidate.get(&series.group) == Some(group)
                    && candidate
                        .get(&series.position)
                        .is_some_and(|p| !p.is_null())
            })
        };
        let removed = if whole_series && series.is_some() {
            items.remove_where(|_, candidate| in_series(candidate))
        } else {
            let others = items
                .iter()
                .filter(|(other, candidate)| *other != id && in_series(candidate))
                .count();
            if others > 0 && self.op.conflict.is_some() {
                return self.conflict(format!(
                    "{id} is one of {} points of a series; delete the series instead",
                    others + 1
                ));
            }
            items.remove_where(|other, _| other == id)
        };
        self.filled(
            &self.op.success,
            if removed > 1 {
                format!("deleted {id} and its series ({removed} items)")
            } else {
                format!("deleted {id}")
            },
        )
    }
}

/// `(property, value)` for each filter the query uses.
fn wanted_values<'q>(
    filters: &'q [Filter],
    query: &'q [(Cow<'q, str>, Cow<'q, str>)],
) -> Vec<(&'q str, &'q str)> {
    filters
        .iter()
        .filter_map(|filter| {
            query
                .iter()
                .find(|(name, _)| name == filter.param.as_str())
                .map(|(_, value)| (filter.property.as_str(), value.as_ref()))
        })
        .collect()
}

fn matches(item: &Value, wanted: &[(&str, &str)]) -> bool {
    wanted
        .iter()
        .all(|(property, value)| match item.get(*property) {
            Some(Value::String(text)) => text == value,
            Some(Value::Null) | None => false,
            Some(other) => other.to_string().as_str() == *value,
        })
}

/// How many items to skip and show for the request's paging parameters.
fn page_window(paging: Option<&Paging>, query: &[(Cow<'_, str>, Cow<'_, str>)]) -> (usize, usize) {
    let number = |name: Option<&String>| {
        let name = name?;
        query
            .iter()
            .find(|(key, _)| key == name.as_str())
            .and_then(|(_, value)| value.parse::<u64>().ok())
    };
    let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    match paging {
        None => (0, usize::MAX),
        Some(Paging::Offset {
            offset,
            limit,
            default_limit,
        }) => (
            to_usize(number(offset.as_ref()).unwrap_or(0)),
            to_usize(
                number(limit.as_ref())
                    .or(*default_limit)
                    .unwrap_or(u64::MAX),
            ),
        ),
        Some(Paging::Page {
            page,
            size,
            default_size,
        }) => {
            let size = number(size.as_ref()).or(*default_size);
            let page = number(Some(page)).unwrap_or(1).max(1);
            match size {
                Some(size) => (to_usize((page - 1).saturating_mul(size)), to_usize(size)),
                None => (0, usize::MAX),
            }
        }
    }
}

/// Puts `value` at `at` in `body` (the whole body for `""`); parents that are missing are made.
fn put(body: &mut Value, at: &str, value: Value) {
    if at.is_empty() {
        *body = value;
        return;
    }
    let mut current = body;
    let tokens = apispec::pointer::tokens(at);
    let last = tokens.len() - 1;
    for (index, token) in tokens.into_iter().enumerate() {
        if !current.is_object() {
            *current = Value::Object(Map::new());
        }
        let Value::Object(map) = current else { return };
        if index == last {
            map.insert(token, value);
            return;
        }
        current = map.entry(token).or_insert(Value::Null);
    }
}

fn set(item: &mut Value, property: &str, value: Value) {
    if let Value::Object(map) = item {
        map.insert(property.to_string(), value);
    }
}

/// Copies `fields` onto `item`, those the item's schema has.
fn overlay(item: &mut Value, fields: &Map<String, Value>, properties: &[String]) {
    if !item.is_object() {
        *item = Value::Object(Map::new());
    }
    if let Value::Object(map) = item {
        for (name, value) in fields {
            if properties.iter().any(|p| p == name) {
                map.insert(name.clone(), value.clone());
            }
        }
    }
}

/// The item with only the properties an answer's schema gives it (all of them when it names none).
fn project(item: &Value, properties: &[String]) -> Value {
    match item {
        Value::Object(map) if !properties.is_empty() => Value::Object(
            map.iter()
                .filter(|(name, _)| properties.iter().any(|p| p == *name))
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// An id given as text, typed like the template's id.
fn id_value(template: &Value, id_property: &str, id: String) -> Value {
    match template.get(id_property) {
        Some(Value::Number(_)) => id
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or(Value::String(id)),
        _ => Value::String(id),
    }
}

fn json_text(value: &Value) -> Bytes {
    Bytes::from(serde_json::to_vec(value).unwrap_or_default())
}

/// Replaces example path values by the request's in every string of `value`.
fn fill(value: Value, fills: &[(&str, &str)]) -> Value {
    if fills.is_empty() {
        return value;
    }
    match value {
        Value::String(text) => {
            let mut text = text;
            for (example, actual) in fills {
                if text.contains(example) {
                    text = text.replace(example, actual);
                }
            }
            Value::String(text)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(|v| fill(v, fills)).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, v)| (key, fill(v, fills)))
                .collect(),
        ),
        other => other,
    }
}

/// `/raff/api/v1/backups` or `/hostup/api/v2/vps/{id}/backups (vps_01…)` for messages.
fn shown_instance(instance: &str) -> Cow<'_, str> {
    let Some((path, parents)) = instance.split_once('\u{1f}') else {
        return Cow::Borrowed(instance);
    };
    let parents: Vec<&str> = parents.split('\u{1f}').collect();
    Cow::Owned(format!("{path} ({})", parents.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_put_at_pointers() {
        let mut body = json!({"data": {"backups": [1]}, "total": 1});
        put(&mut body, "/data/backups", json!([]));
        put(&mut body, "/total", json!(0));
        put(&mut body, "/new/deep", json!(true));
        assert_eq!(
            body,
            json!({"data": {"backups": []}, "total": 0, "new": {"deep": true}})
        );
        put(&mut body, "", json!([2]));
        assert_eq!(body, json!([2]));
    }

    #[test]
    fn example_ids_are_replaced_by_the_requests() {
        let body = json!({"instance": "/vps/vps_1/backups/bkp_1", "code": 404, "list": ["bkp_1"]});
        assert_eq!(
            fill(body, &[("bkp_1", "bkp_9")]),
            json!({"instance": "/vps/vps_1/backups/bkp_9", "code": 404, "list": ["bkp_9"]})
        );
    }

    #[test]
    fn paging_windows() {
        let query: Vec<(Cow<'_, str>, Cow<'_, str>)> =
            vec![("offset".into(), "2".into()), ("limit".into(), "3".into())];
        let offset = Paging::Offset {
            offset: Some("offset".into()),
            limit: Some("limit".into()),
            default_limit: Some(50),
        };
        assert_eq!(page_window(Some(&offset), &query), (2, 3));
        assert_eq!(page_window(Some(&offset), &[]), (0, 50));
        let pages = Paging::Page {
            page: "page".into(),
            size: Some("per_page".into()),
            default_size: Some(10),
        };
        let query: Vec<(Cow<'_, str>, Cow<'_, str>)> = vec![("page".into(), "3".into())];
        assert_eq!(page_window(Some(&pages), &query), (20, 10));
        assert_eq!(page_window(None, &query), (0, usize::MAX));
    }

    #[test]
    fn filters_compare_text() {
        let item = json!({"instance_id": "i1", "size": 3, "note": null});
        assert!(matches(&item, &[("instance_id", "i1"), ("size", "3")]));
        assert!(!matches(&item, &[("note", "null")]));
        assert!(!matches(&item, &[("instance_id", "i2")]));
    }
}
