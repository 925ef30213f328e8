//! The stateful mode (`--stateful`): what `apispec::resources` reads in each spec, turned at load into
//! plain data the requests only read ([`StateModel`]), and the [`engine`] that answers a request from a
//! session's state. Operations the spec cannot be read as resources for stay example-driven, and
//! `/__mock/routes` says for each operation how it is mapped or why it is not.

pub mod engine;

use std::collections::HashMap;
use std::sync::Arc;

use apispec::resources::{IdShape, ResourceModel, Role, Series};
use apispec::{CompiledSchemas, Direction, Document, SchemaValidator, StatusKey};
use axum::body::Bytes;
use serde_json::{Value, json};

use crate::catalog::{Catalog, MockOperation, MockResponse};
use crate::store::Items;

/// Every spec's resources, indexed like the catalog's operations.
#[derive(Debug, Default)]
pub struct StateModel {
    /// Every collection of every spec.
    pub collections: Vec<MockCollection>,
    /// One per catalog operation.
    pub operations: Vec<Option<StatefulOperation>>,
    /// One per catalog operation: `/__mock/routes`' account of it.
    mappings: Vec<Value>,
    /// `GET /__mock/routes` in stateful mode, serialized at load.
    pub routes_json: Bytes,
}

/// A collection, mounted.
#[derive(Debug)]
pub struct MockCollection {
    /// The mounted path template (`/hostup/api/v2/vps/{id}/backups`).
    pub path: String,
    /// The item property holding the id.
    pub id_property: String,
    /// How ids of created items are made.
    pub id_shape: IdShape,
    /// What a request may set on an item.
    pub properties: Vec<String>,
    /// What a created item starts from before the request's fields go in.
    pub template_item: Value,
    /// The seed items of each instance, by [`instance_key`].
    pub seeds: HashMap<String, Vec<(String, Value)>>,
    /// The series the items form, when the item schema says (`x-series`).
    pub series: Option<Series>,
    /// The item schema, compiled: a created or updated item that would break it keeps its documented
    /// fields instead of the request's.
    pub item_validator: Option<Arc<SchemaValidator>>,
}

impl MockCollection {
    /// The items an instance starts with.
    pub fn seed_items(&self, instance: &str) -> Items {
        Items::new(self.seeds.get(instance).cloned().unwrap_or_default())
    }
}

/// One collection instance: the collection's path and its parent values.
pub fn instance_key(collection: &MockCollection, parents: &[&str]) -> String {
    let mut key = collection.path.clone();
    for parent in parents {
        key.push('\u{1f}');
        key.push_str(parent);
    }
    key
}

/// A documented answer the state may choose.
#[derive(Debug, Clone)]
pub struct Documented {
    /// The status to answer with.
    pub status: u16,
    /// Its JSON body, when it has one.
    pub body: Option<Value>,
    /// The body serialized at load, served as it is when no request value goes into it.
    pub serialized: Option<Bytes>,
}

impl Documented {
    fn new(status: u16, body: Option<Value>) -> Documented {
        let serialized = body
            .as_ref()
            .map(|body| Bytes::from(serde_json::to_vec(body).unwrap_or_default()));
        Documented {
            status,
            body,
            serialized,
        }
    }
}

/// An operation the state answers.
#[derive(Debug)]
pub struct StatefulOperation {
    /// What it does to its collection.
    pub role: Role,
    /// Which request path segments hold the collection's parent values, in order.
    pub parent_segments: Vec<usize>,
    /// Which one holds the item id.
    pub item_segment: Option<usize>,
    /// Each path segment's example value, replaced by the request's in answers (`(segment, example)`).
    pub path_examples: Vec<(usize, String)>,
    /// The lowest documented success, with its default body.
    pub success: Documented,
    /// The 404 the spec documents, if it does.
    pub not_found: Option<Documented>,
    /// The 409 the spec documents, if it does.
    pub conflict: Option<Documented>,
}

impl StateModel {
    /// Adds one spec's resources. `catalog_index[i]` is where the document's operation `i` went in the
    /// catalog (none when it could not be mounted).
    pub fn add_spec(
        &mut self,
        doc: &Document,
        prefix: &str,
        catalog_index: &[Option<usize>],
        operations: &[MockOperation],
        schemas: &mut CompiledSchemas,
    ) {
        let model = ResourceModel::of(doc);
        self.operations.resize_with(operations.len(), || None);
        self.mappings.resize(operations.len(), Value::Null);
        let first_collection = self.collections.len();
        for collection in &model.collections {
            let path = format!("{prefix}{}", collection.path);
            let mut seeds: HashMap<String, Vec<(String, Value)>> = HashMap::new();
            let mut mounted = MockCollection {
                path,
                id_property: collection.id_property.clone(),
                id_shape: collection.id_shape.clone(),
                properties: collection.properties.clone(),
                template_item: collection.template_item.clone(),
                seeds: HashMap::new(),
                series: collection.series.clone(),
                item_validator: schemas.validator(&collection.item_schema, Direction::Response),
            };
            for seed in &collection.seeds {
                let parents: Vec<&str> = seed.parents.iter().map(String::as_str).collect();
                seeds
                    .entry(instance_key(&mounted, &parents))
                    .or_default()
                    .push((seed.id.clone(), seed.item.clone()));
            }
            mounted.seeds = seeds;
            self.collections.push(mounted);
        }
        for (doc_index, mapping) in model.operations.iter().enumerate() {
            let Some(index) = catalog_index.get(doc_index).copied().flatten() else {
                continue;
            };
            let op = &operations[index];
            let Some(mut role) = mapping.role.clone() else {
                self.mappings[index] = json!({"stateful": false, "reason": mapping.note});
                continue;
            };
            let target = role_target_mut(&mut role);
            target.collection += first_collection;
            let collection = &self.collections[target.collection];
            let position = |name: &str| {
                apispec::path_template::PathTemplate {
                    segments: op.segments.clone(),
                    fixed_query: Vec::new(),
                }
                .position_of(name)
                .map(|(segment, _)| segment)
            };
            let parent_segments: Option<Vec<usize>> =
                target.parent_params.iter().map(|p| position(p)).collect();
            let item_segment = target.item_param.as_deref().map(position);
            let (Some(parent_segments), Some(item_segment)) = (
                parent_segments,
                item_segment.map_or(Some(None), |s| s.map(Some)),
            ) else {
                self.mappings[index] = json!({
                    "stateful": false,
                    "reason": "a path parameter of the resource is not in the mounted path",
                });
                continue;
            };
            let path_examples = doc.operations[doc_index]
                .parameters_in(apispec::ParamLocation::Path)
                .filter_map(|param| {
                    let example = param
                        .examples
                        .first()
                        .and_then(|e| apispec::resources::id_text(&e.value))?;
                    Some((position(&param.name)?, example))
                })
                .filter(|(_, example)| !example.is_empty())
                .collect();
            let Some(success) = success(op) else {
                self.mappings[index] = json!({
                    "stateful": false,
                    "reason": "the operation documents no success response",
                });
                continue;
            };
            let singular = singular(&collection.path);
            self.mappings[index] = json!({
                "stateful": true,
                "role": role.kind(),
                "resource": collection.path,
                "idProperty": collection.id_property,
                "mapping": mapping.note,
            });
            self.operations[index] = Some(StatefulOperation {
                role,
                parent_segments,
                item_segment,
                path_examples,
                success,
                not_found: documented(op, 404, &singular),
                conflict: documented(op, 409, &singular),
            });
        }
    }

    /// `GET /__mock/routes` with each operation's mapping; call once every spec is added.
    pub fn finish(&mut self, catalog: &Catalog) {
        let routes: Vec<Value> = catalog
            .operations
            .iter()
            .enumerate()
            .map(|(index, op)| {
                let mut route = crate::catalog::route_json(catalog, op);
                route["state"] = self.mappings.get(index).cloned().unwrap_or(Value::Null);
                route
            })
            .collect();
        self.routes_json = Bytes::from(
            serde_json::to_vec(&json!({ "stateful": true, "routes": routes })).unwrap_or_default(),
        );
    }
}

fn role_target_mut(role: &mut Role) -> &mut apispec::resources::Target {
    match role {
        Role::List { target, .. }
        | Role::Create { target, .. }
        | Role::Read { target, .. }
        | Role::Update { target, .. }
        | Role::Delete { target }
        | Role::Action { target, .. } => target,
    }
}

/// The lowest documented success and its default JSON body.
fn success(op: &MockOperation) -> Option<Documented> {
    let (status, response) = op
        .responses
        .iter()
        .filter_map(|r| match r.status {
            StatusKey::Code(code @ 200..=299) => Some((code, r)),
            StatusKey::Range(2) => Some((200, r)),
            _ => None,
        })
        .min_by_key(|(code, _)| *code)?;
    Some(Documented::new(status, json_body(response, None)))
}

/// The documented response of `status`, with the example that names the item kind if there are several
/// (`backup_not_found` rather than `system_not_found`).
fn documented(op: &MockOperation, status: u16, singular: &str) -> Option<Documented> {
    let response = op
        .responses
        .iter()
        .find(|r| r.status == StatusKey::Code(status))?;
    Some(Documented::new(status, json_body(response, Some(singular))))
}

fn json_body(response: &MockResponse, preferring: Option<&str>) -> Option<Value> {
    let content = response.contents.iter().find(|c| c.is_json)?;
    let named = preferring.filter(|s| !s.is_empty()).and_then(|singular| {
        content.examples.iter().find(|e| {
            e.valid
                && e.name
                    .as_deref()
                    .is_some_and(|name| name.to_ascii_lowercase().contains(singular))
        })
    });
    let bytes = named.map_or(&content.default_body, |e| &e.body);
    serde_json::from_slice(bytes).ok()
}

/// `backup` for `/raff/api/v1/backups`.
fn singular(path: &str) -> String {
    let last = path
        .rsplit('/')
        .find(|s| !s.is_empty() && !s.starts_with('{'))
        .unwrap_or_default()
        .to_ascii_lowercase();
    last.strip_suffix('s').unwrap_or(&last).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_names() {
        assert_eq!(singular("/raff/api/v1/backups"), "backup");
        assert_eq!(singular("/x/{id}/data"), "data");
    }
}
