//! A document read as resources: which paths are collections and items, which operation lists, creates,
//! reads, updates, deletes or acts on them, where the items sit in the bodies, how ids look, and the items
//! the examples show. The mock server's stateful mode is built on this; the rules are spec reading only.
//!
//! The rules, in order:
//! - **Items** are paths ending `…/<literal>/{param}`: the collection is the path up to the literal
//!   (`/vps/{id}/backups/{backupId}` → items of `/vps/{id}/backups`, one collection per VPS).
//! - **Collections** are those, plus paths ending in a literal whose GET answers an array of objects.
//! - **Roles**: on a collection GET lists and POST creates; on an item GET reads, PUT replaces, PATCH updates
//!   and DELETE deletes. Literals after an item are an **action** on it (`/backups/{id}/chain`,
//!   `…/actions/restore`); one literal after a collection is an action on the collection, a create when it is
//!   `create`, `add` or `new` and the collection has no POST of its own (`/v3/{project_id}/backups/create`).
//! - The **item schema** is the list's array items (else the item in the read or create answer); the **id
//!   property** is the one named like the item's path parameter, else `id`. A collection without both is
//!   not a resource, and its operations stay example-driven, each with the reason.
//! - **Where items sit**: the list's array is the first array of objects in its answer, breadth first
//!   (a property named like the collection first), with a sibling `total`, `total_count`, `totalCount` or
//!   `count` as the total; a single item is the first object in the answer that has the id property.
//! - **Paging** (`offset`/`skip` with `limit`/`per_page`/`page_size`/`pageSize`/`size`, or `page`) and
//!   **filters** (a query parameter named like an item property, or like the item's path parameter for the
//!   id; not times such as `begin_time`, which bound windows) are read from the list's query parameters.
//! - **Seeds**: the items of the list's first example, the item of the read's first example, and for every
//!   other item operation the item its path examples name, so the first request of an example id finds it.
//! - **Series** (`x-series: {group: product_vm, position: increment_id}` on the item schema): items with the
//!   same group and a position form a series. A single delete of one of several points of a series is a
//!   conflict, and a DELETE action on an item removes its whole series (Raff's restore points).

use std::collections::BTreeSet;

use rand::RngCore;
use serde_json::Value;

use crate::Document;
use crate::path_template::{PathTemplate, Segment};
use crate::pointer;
use crate::properties::Through;
use crate::schema::Direction;
use crate::{Method, Operation, ParamLocation, SchemaAt, StatusKey};

/// How deep body schemas are searched for the array of items or the item.
const SEARCH_DEPTH: usize = 3;

/// Literals that make a POST on a collection's sub-path a create.
const CREATE_ACTIONS: [&str; 3] = ["create", "add", "new"];

/// The resources of a document and the role of each operation.
#[derive(Debug, Clone)]
pub struct ResourceModel {
    /// Every collection found, in the order their first operation comes in the document.
    pub collections: Vec<Collection>,
    /// One per operation of the document, in the same order.
    pub operations: Vec<OperationMapping>,
}

/// A collection of items, one instance per value of its parent path parameters.
#[derive(Debug, Clone)]
pub struct Collection {
    /// The path template up to the collection (`/api/v2/vps/{id}/backups`), as the first operation on it
    /// writes it.
    pub path: String,
    /// The collection's own path parameters, which tell its instances apart (`["id"]` above).
    pub parent_params: Vec<String>,
    /// The item property holding the id (`id`).
    pub id_property: String,
    /// How ids of created items are made.
    pub id_shape: IdShape,
    /// The items' schema, as written (`{$ref: '#/components/schemas/Backup'}`).
    pub item_schema: SchemaAt,
    /// The properties that schema gives an item (what a request may set).
    pub properties: Vec<String>,
    /// What a created item starts from before the request's fields go in: the first seed, else a sample.
    pub template_item: Value,
    /// The items the examples show, in order.
    pub seeds: Vec<Seed>,
    /// The series the items form, when the item schema says (`x-series`).
    pub series: Option<Series>,
}

/// An item of the examples, in the collection instance its parent values name.
#[derive(Debug, Clone, PartialEq)]
pub struct Seed {
    /// The values of the collection's parent parameters that name its instance.
    pub parents: Vec<String>,
    /// The item's id, as text.
    pub id: String,
    /// The item as the example shows it.
    pub item: Value,
}

/// Items that form series (`x-series` on the item schema).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The property whose value names the series (`product_vm`).
    pub group: String,
    /// The property holding the point's position in its series; `null` is a standalone item.
    pub position: String,
}

/// How new ids are made.
#[derive(Debug, Clone, PartialEq)]
pub enum IdShape {
    /// The next integer after the highest in use.
    Integer,
    /// A value of the id property's schema (a `uuid` format, a `pattern`, ...).
    Schema(Value),
    /// Like the example ids: this prefix, then `length` random lower-case letters and digits
    /// (`bkp_01hxa3b4c5d6e7f8g9h0j1k2m3`).
    LikeExamples {
        /// The text every example id starts with (`bkp_`).
        prefix: String,
        /// How many characters follow it.
        length: usize,
    },
}

/// What an operation does to a collection, or why it does nothing to one.
#[derive(Debug, Clone)]
pub struct OperationMapping {
    /// What the operation does, or `None` when it stays stateless.
    pub role: Option<Role>,
    /// How the operation was mapped, or why it was not (for `/__mock/routes`).
    pub note: String,
}

/// Which collection instance and item an operation addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The collection's index in [`ResourceModel::collections`].
    pub collection: usize,
    /// This operation's names for the collection's parent parameters, in order.
    pub parent_params: Vec<String>,
    /// This operation's name for the item's path parameter; `None` on the collection itself.
    pub item_param: Option<String>,
}

/// A JSON pointer into a body (`""` is the whole body).
pub type BodyPointer = String;

/// Where a single item sits in an answer, and the properties the answer's schema gives it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPlace {
    /// Where the item is in the body.
    pub at: BodyPointer,
    /// The properties the schema gives the item there.
    pub properties: Vec<String>,
}

/// What an operation does to its collection.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// GET on a collection: its items.
    List {
        /// The collection instance.
        target: Target,
        /// The array of items in the answer.
        items_at: BodyPointer,
        /// Where the answer gives the total count of items, if it does.
        total_at: Option<BodyPointer>,
        /// The paging parameters, when recognised.
        paging: Option<Paging>,
        /// The query parameters that filter items by a property.
        filters: Vec<Filter>,
    },
    /// POST on a collection (or on its `create`/`add`/`new` sub-path): a new item.
    Create {
        /// The collection instance.
        target: Target,
        /// The item in the answer, when the answer shows it.
        item_at: Option<ItemPlace>,
    },
    /// GET on an item.
    Read {
        /// The item.
        target: Target,
        /// The item in the answer, when the answer shows it.
        item_at: Option<ItemPlace>,
    },
    /// PUT (`merge: false`) or PATCH (`merge: true`).
    Update {
        /// The item.
        target: Target,
        /// The item in the answer, when the answer shows it.
        item_at: Option<ItemPlace>,
        /// Whether the request's fields are merged into the item (else they replace it).
        merge: bool,
    },
    /// DELETE on an item.
    Delete {
        /// The item.
        target: Target,
    },
    /// Literals after an item or a collection (`chain`, `actions/restore`, `reset-chain`).
    Action {
        /// The item or collection acted on.
        target: Target,
        /// The literals, as written (`actions/restore`).
        name: String,
        /// The HTTP method.
        method: Method,
    },
}

impl Role {
    /// The collection instance or item the operation addresses.
    pub fn target(&self) -> &Target {
        match self {
            Role::List { target, .. }
            | Role::Create { target, .. }
            | Role::Read { target, .. }
            | Role::Update { target, .. }
            | Role::Delete { target }
            | Role::Action { target, .. } => target,
        }
    }

    /// `list`, `create`, `read`, `replace`, `update`, `delete`, `action`.
    pub fn kind(&self) -> &'static str {
        match self {
            Role::List { .. } => "list",
            Role::Create { .. } => "create",
            Role::Read { .. } => "read",
            Role::Update { merge: false, .. } => "replace",
            Role::Update { merge: true, .. } => "update",
            Role::Delete { .. } => "delete",
            Role::Action { .. } => "action",
        }
    }
}

/// The list's paging parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Paging {
    /// Skip `offset` items, then at most `limit` (its documented default when absent).
    Offset {
        /// The offset parameter's name.
        offset: Option<String>,
        /// The limit parameter's name.
        limit: Option<String>,
        /// The limit's documented default.
        default_limit: Option<u64>,
    },
    /// 1-based page number and page size.
    Page {
        /// The page parameter's name.
        page: String,
        /// The page-size parameter's name.
        size: Option<String>,
        /// The page size's documented default.
        default_size: Option<u64>,
    },
}

/// A query parameter that keeps the items whose property equals its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    /// The query parameter.
    pub param: String,
    /// The item property it compares with.
    pub property: String,
}

impl ResourceModel {
    /// Reads `doc` as resources.
    pub fn of(doc: &Document) -> ResourceModel {
        Reader { doc }.model()
    }
}

/// The normalized shape of a path: literals kept, parameters as `{}`.
fn shape(segments: &[Segment]) -> Vec<Option<&str>> {
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(text) => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn param_names(segments: &[Segment]) -> Vec<String> {
    segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Param(name) => Some(name.clone()),
            _ => None,
        })
        .collect()
}

fn render(segments: &[Segment]) -> String {
    let mut path = String::new();
    for segment in segments {
        path.push('/');
        match segment {
            Segment::Literal(text) => path.push_str(text),
            Segment::Param(name) => {
                path.push('{');
                path.push_str(name);
                path.push('}');
            }
            Segment::Mixed(_) => path.push_str("{…}"),
        }
    }
    path
}

/// Where an operation's path sits relative to a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    Collection,
    Item,
    /// Literals after the collection (`start` is where they begin).
    CollectionAction {
        start: usize,
    },
    ItemAction {
        start: usize,
    },
}

struct Reader<'d> {
    doc: &'d Document,
}

/// A collection found, before it is known to be a resource.
struct Candidate {
    shape: Vec<Option<String>>,
    path: Vec<Segment>,
    /// Operations on it: (index in the document, place, the operation's path segments).
    operations: Vec<(usize, Place, Vec<Segment>)>,
}

impl<'d> Reader<'d> {
    fn model(&self) -> ResourceModel {
        let doc = self.doc;
        let templates: Vec<Vec<Segment>> = doc
            .operations
            .iter()
            .map(|op| PathTemplate::parse(&op.path).segments)
            .collect();

        // Collections: the parents of item paths, and literal-ended paths whose GET lists objects.
        let mut candidates: Vec<Candidate> = Vec::new();
        let mut add_candidate = |segments: &[Segment]| {
            let key: Vec<Option<String>> = shape(segments)
                .into_iter()
                .map(|s| s.map(str::to_string))
                .collect();
            if !candidates.iter().any(|c| c.shape == key) {
                candidates.push(Candidate {
                    shape: key,
                    path: segments.to_vec(),
                    operations: Vec::new(),
                });
            }
        };
        for (op, segments) in doc.operations.iter().zip(&templates) {
            if segments.iter().any(|s| matches!(s, Segment::Mixed(_))) {
                continue;
            }
            if let Some(item) = item_position(segments) {
                add_candidate(&segments[..item]);
            } else if op.method == Method::Get
                && matches!(segments.last(), Some(Segment::Literal(_)))
                && self.list_array(op, segments).is_some()
            {
                add_candidate(segments);
            }
        }

        // Each operation's place: on a collection itself, one of its items, or an action on either.
        let mut operations: Vec<OperationMapping> = Vec::with_capacity(doc.operations.len());
        for (index, segments) in templates.iter().enumerate() {
            let found = if segments.iter().any(|s| matches!(s, Segment::Mixed(_))) {
                Err("a path segment mixes text and parameters".to_string())
            } else {
                locate(&candidates, segments)
            };
            match found {
                Ok((collection, place)) => {
                    candidates[collection]
                        .operations
                        .push((index, place, segments.clone()));
                    operations.push(OperationMapping {
                        role: None,
                        note: String::new(),
                    });
                }
                Err(note) => operations.push(OperationMapping { role: None, note }),
            }
        }

        let mut collections = Vec::new();
        for candidate in &candidates {
            let path = render(&candidate.path);
            match self.collection(candidate, collections.len()) {
                Ok((collection, roles)) => {
                    for (index, role) in roles {
                        operations[index] = role;
                    }
                    collections.push(collection);
                }
                Err(reason) => {
                    for (index, _, _) in &candidate.operations {
                        operations[*index].note = format!("{path} is not a resource: {reason}");
                    }
                }
            }
        }
        ResourceModel {
            collections,
            operations,
        }
    }

    /// The collection and its operations' roles, or why it is not a resource.
    #[allow(clippy::type_complexity)]
    fn collection(
        &self,
        candidate: &Candidate,
        index: usize,
    ) -> Result<(Collection, Vec<(usize, OperationMapping)>), String> {
        let doc = self.doc;
        let ops = &doc.operations;
        let parent_len = param_names(&candidate.path).len();
        let on = |place: Place, method: Method| {
            candidate
                .operations
                .iter()
                .find(|(i, p, _)| *p == place && ops[*i].method == method)
        };
        let item_param = candidate
            .operations
            .iter()
            .find(|(_, place, _)| matches!(place, Place::Item | Place::ItemAction { .. }))
            .and_then(|(_, _, segments)| param_names(segments).get(parent_len).cloned());

        // The item schema: the list's array items, else the item of a read or create answer.
        let list = on(Place::Collection, Method::Get);
        let listed = list.and_then(|(i, _, segments)| {
            self.list_array(&ops[*i], segments)
                .map(|(items_at, item_schema)| (*i, items_at, item_schema))
        });
        let single_answers = candidate
            .operations
            .iter()
            .filter(|(i, place, _)| {
                (*place == Place::Item && ops[*i].method == Method::Get)
                    || (*place == Place::Collection && ops[*i].method == Method::Post)
            })
            .filter_map(|(i, _, _)| success_schema(&ops[*i]));
        let (item_schema, id_property) = match &listed {
            Some((_, _, item_schema)) => {
                let id = self
                    .id_property(&item_schema.schema, item_param.as_deref())
                    .ok_or_else(|| {
                        format!(
                            "its items have no `id` property{}",
                            item_param
                                .as_deref()
                                .map(|p| format!(" nor one named `{p}`"))
                                .unwrap_or_default()
                        )
                    })?;
                (item_schema.clone(), id)
            }
            None => {
                let wanted = item_param.as_deref();
                let mut found = None;
                for schema in single_answers {
                    if let Some(id) = ["id"]
                        .into_iter()
                        .chain(wanted)
                        .find(|id| self.find_object_with(&schema.schema, id).is_some())
                    {
                        let at = self
                            .find_object_with(&schema.schema, id)
                            .unwrap_or_default();
                        found = Some((self.schema_at_pointer(&schema, &at), id.to_string()));
                        break;
                    }
                }
                found.ok_or("no operation lists its items or answers with one")?
            }
        };

        let properties = self.properties(&item_schema.schema);
        let id_schema = properties
            .iter()
            .find(|(name, _)| *name == id_property)
            .map(|(_, schema)| schema.clone())
            .unwrap_or(Value::Null);
        let series = self.series(&item_schema.schema, &properties);

        let mut mappings = Vec::new();
        let target = |segments: &[Segment], item: bool| {
            let names = param_names(segments);
            Target {
                collection: index,
                parent_params: names.iter().take(parent_len).cloned().collect(),
                item_param: if item {
                    names.get(parent_len).cloned()
                } else {
                    None
                },
            }
        };
        let has_create = on(Place::Collection, Method::Post).is_some();
        let path = render(&candidate.path);
        for (op_index, place, segments) in &candidate.operations {
            let op = &ops[*op_index];
            let item_target = || target(segments, true);
            let item_at = || {
                let schema = success_schema(op)?;
                let at = self.find_object_with(&schema.schema, &id_property)?;
                let properties = self
                    .properties(&self.schema_at_pointer(&schema, &at).schema)
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect();
                Some(ItemPlace { at, properties })
            };
            let role = match (place, op.method) {
                (Place::Collection, Method::Get) => {
                    self.list_array(op, segments)
                        .map(|(items_at, _)| Role::List {
                            target: target(segments, false),
                            total_at: self.total_pointer(op, &items_at),
                            items_at,
                            paging: paging(doc, op),
                            filters: filters(op, &properties, item_param.as_deref(), &id_property),
                        })
                }
                (Place::Collection, Method::Post) => Some(Role::Create {
                    target: target(segments, false),
                    item_at: item_at(),
                }),
                (Place::CollectionAction { start }, Method::Post)
                    if !has_create
                        && segments.len() == start + 1
                        && matches!(&segments[*start], Segment::Literal(name) if CREATE_ACTIONS.contains(&name.to_ascii_lowercase().as_str())) =>
                {
                    Some(Role::Create {
                        target: target(segments, false),
                        item_at: item_at(),
                    })
                }
                (Place::Item, Method::Get) => Some(Role::Read {
                    target: item_target(),
                    item_at: item_at(),
                }),
                (Place::Item, Method::Put) => Some(Role::Update {
                    target: item_target(),
                    item_at: item_at(),
                    merge: false,
                }),
                (Place::Item, Method::Patch) => Some(Role::Update {
                    target: item_target(),
                    item_at: item_at(),
                    merge: true,
                }),
                (Place::Item, Method::Delete) => Some(Role::Delete {
                    target: item_target(),
                }),
                (Place::ItemAction { start }, method) => Some(Role::Action {
                    target: item_target(),
                    name: literals(&segments[*start..]),
                    method,
                }),
                (Place::CollectionAction { start }, method) => Some(Role::Action {
                    target: target(segments, false),
                    name: literals(&segments[*start..]),
                    method,
                }),
                _ => None,
            };
            let note = match &role {
                Some(role) => describe(role, &path),
                None => format!(
                    "{} on {path} is not one of the methods a resource answers",
                    op.method
                ),
            };
            mappings.push((*op_index, OperationMapping { role, note }));
        }

        let mut seeds = Vec::new();
        let mut seen = BTreeSet::new();
        let mut add_seed = |parents: Vec<String>, item: Value, seeds: &mut Vec<Seed>| {
            let Some(id) = item.get(&id_property).and_then(id_text) else {
                return;
            };
            if seen.insert((parents.clone(), id.clone())) {
                seeds.push(Seed { parents, id, item });
            }
        };
        if let Some((list_index, items_at, _)) = &listed
            && let Some(example) = first_example(&ops[*list_index])
            && let Some(Value::Array(items)) = example.pointer(items_at)
        {
            let parents = self.path_values(
                &ops[*list_index],
                &target(&templates_of(ops, *list_index), false).parent_params,
            );
            for item in items.iter().filter(|item| item.is_object()) {
                add_seed(parents.clone(), item.clone(), &mut seeds);
            }
        }
        for (op_index, mapping) in &mappings {
            if let Some(Role::Read {
                target,
                item_at: Some(place),
            }) = &mapping.role
                && let Some(item) =
                    first_example(&ops[*op_index]).and_then(|e| e.pointer(&place.at))
                && item.is_object()
            {
                let parents = self.path_values(&ops[*op_index], &target.parent_params);
                add_seed(parents, item.clone(), &mut seeds);
            }
        }
        let template_item = match seeds.first() {
            Some(seed) => seed.item.clone(),
            None => doc
                .sampler(Direction::Response)
                .static_value(&item_schema.schema),
        };
        for (op_index, mapping) in &mappings {
            let Some(role) = &mapping.role else { continue };
            let target = role.target();
            let Some(item_param) = &target.item_param else {
                continue;
            };
            // Only examples name an item; a value sampled from the schema does not.
            let op = &ops[*op_index];
            let documented = target.parent_params.iter().chain([item_param]).all(|name| {
                op.parameters_in(ParamLocation::Path)
                    .any(|p| &p.name == name && !p.examples.is_empty())
            });
            if !documented {
                continue;
            }
            let parents = self.path_values(op, &target.parent_params);
            let Some(id) = self.path_values(op, std::slice::from_ref(item_param)).pop() else {
                continue;
            };
            let mut item = template_item.clone();
            if let Value::Object(map) = &mut item {
                map.insert(id_property.clone(), typed_id(&id, &id_schema, doc));
            }
            add_seed(parents, item, &mut seeds);
        }

        let id_shape = id_shape(doc, &id_schema, &seeds);
        Ok((
            Collection {
                path,
                parent_params: param_names(&candidate.path),
                id_property,
                id_shape,
                properties: properties.iter().map(|(name, _)| name.clone()).collect(),
                item_schema,
                template_item,
                seeds,
                series,
            },
            mappings,
        ))
    }

    /// The first value of each named path parameter: its example, else its schema's static value.
    fn path_values(&self, op: &Operation, names: &[String]) -> Vec<String> {
        names
            .iter()
            .map(|name| {
                let param = op
                    .parameters_in(ParamLocation::Path)
                    .find(|p| &p.name == name);
                let value = param.and_then(|p| p.examples.first().map(|e| e.value.clone()));
                let value = value.or_else(|| {
                    param.and_then(|p| p.schema.as_ref()).map(|schema| {
                        self.doc
                            .sampler(Direction::Request)
                            .static_value(&schema.schema)
                    })
                });
                value.as_ref().and_then(id_text).unwrap_or_default()
            })
            .collect()
    }

    /// The array of objects a list answers with: its pointer and its items' schema.
    fn list_array(&self, op: &Operation, segments: &[Segment]) -> Option<(BodyPointer, SchemaAt)> {
        let schema = success_schema(op)?;
        let preferred = segments.iter().rev().find_map(|s| match s {
            Segment::Literal(text) => Some(text.as_str()),
            _ => None,
        });
        let mut level = vec![(String::new(), schema.schema.clone())];
        for _ in 0..=SEARCH_DEPTH {
            let mut arrays = Vec::new();
            let mut next = Vec::new();
            for (at, schema) in &level {
                let Some(resolved) = self.doc.resolve(schema) else {
                    continue;
                };
                if type_of(resolved) == Some("array") {
                    if let Some(items) = resolved.get("items")
                        && self
                            .doc
                            .resolve(items)
                            .is_some_and(|i| !self.properties(i).is_empty())
                    {
                        arrays.push((at.clone(), items.clone()));
                    }
                    continue;
                }
                for (name, property) in self.properties(schema) {
                    next.push((pointer::join(at, &name), property));
                }
            }
            let pick = arrays
                .iter()
                .find(|(at, _)| preferred.is_some_and(|p| at.rsplit('/').next() == Some(p)))
                .or(arrays.first());
            if let Some((at, items)) = pick {
                let schema_pointer = match items.get("$ref").and_then(Value::as_str) {
                    Some(reference) => reference.trim_start_matches('#').to_string(),
                    None => format!("{}/items", schema.pointer),
                };
                return Some((
                    at.clone(),
                    SchemaAt {
                        schema: items.clone(),
                        pointer: schema_pointer,
                    },
                ));
            }
            level = next;
        }
        None
    }

    /// The first object in the schema, breadth first, that has property `wanted`.
    fn find_object_with(&self, schema: &Value, wanted: &str) -> Option<BodyPointer> {
        let mut level = vec![(String::new(), schema.clone())];
        for _ in 0..=SEARCH_DEPTH {
            let mut next = Vec::new();
            for (at, schema) in &level {
                let properties = self.properties(schema);
                if properties.iter().any(|(name, _)| name == wanted) {
                    return Some(at.clone());
                }
                for (name, property) in properties {
                    next.push((pointer::join(at, &name), property));
                }
            }
            level = next;
        }
        None
    }

    /// The schema at a body pointer under `schema`.
    fn schema_at_pointer(&self, schema: &SchemaAt, at: &str) -> SchemaAt {
        let mut current = schema.schema.clone();
        for token in pointer::tokens(at) {
            let next = self
                .properties(&current)
                .into_iter()
                .find(|(name, _)| *name == token)
                .map(|(_, s)| s);
            match next {
                Some(next) => current = next,
                None => break,
            }
        }
        let pointer = match current.get("$ref").and_then(Value::as_str) {
            Some(reference) => reference.trim_start_matches('#').to_string(),
            None => schema.pointer.clone(),
        };
        SchemaAt {
            schema: current,
            pointer,
        }
    }

    /// A sibling of the items' array that counts them.
    fn total_pointer(&self, op: &Operation, items_at: &str) -> Option<BodyPointer> {
        let schema = success_schema(op)?;
        let parent = items_at.rsplit_once('/').map_or("", |(parent, _)| parent);
        let parent_schema = self.schema_at_pointer(&schema, parent);
        let properties = self.properties(&parent_schema.schema);
        ["total", "total_count", "totalCount", "count", "totalItems"]
            .into_iter()
            .find(|name| {
                properties.iter().any(|(p, s)| {
                    p == name
                        && self
                            .doc
                            .resolve(s)
                            .is_some_and(|s| type_of(s) == Some("integer"))
                })
            })
            .map(|name| pointer::join(parent, name))
    }

    /// The property named like the item's path parameter, else `id`.
    fn id_property(&self, item_schema: &Value, item_param: Option<&str>) -> Option<String> {
        let properties = self.properties(item_schema);
        item_param
            .into_iter()
            .chain(["id"])
            .find(|wanted| properties.iter().any(|(name, _)| name == wanted))
            .map(str::to_string)
    }

    fn series(&self, item_schema: &Value, properties: &[(String, Value)]) -> Option<Series> {
        let declared = self.doc.resolve(item_schema)?.get("x-series")?;
        let group = declared.get("group")?.as_str()?;
        let position = declared.get("position")?.as_str()?;
        let known = |name: &str| properties.iter().any(|(p, _)| p == name);
        (known(group) && known(position)).then(|| Series {
            group: group.to_string(),
            position: position.to_string(),
        })
    }

    /// The properties of an object schema (through `$ref`s and `allOf`), each schema as written.
    fn properties(&self, schema: &Value) -> Vec<(String, Value)> {
        crate::properties::declared(&self.doc.raw, schema, Through::AllOf)
            .properties
            .into_iter()
            .map(|(name, schema)| (name.to_string(), schema.clone()))
            .collect()
    }
}

/// The index of the item parameter in `…/<literal>/{param}[/<literal>…]`, the last such parameter.
fn item_position(segments: &[Segment]) -> Option<usize> {
    let last_param = segments
        .iter()
        .rposition(|s| matches!(s, Segment::Param(_)))?;
    (last_param > 0 && matches!(segments[last_param - 1], Segment::Literal(_)))
        .then_some(last_param)
}

/// Which collection a path belongs to and where in it, or why none.
fn locate(candidates: &[Candidate], segments: &[Segment]) -> Result<(usize, Place), String> {
    let key: Vec<Option<&str>> = shape(segments);
    let matches = |candidate: &Candidate, len: usize| {
        len <= key.len()
            && candidate.shape.len() == len
            && candidate
                .shape
                .iter()
                .zip(&key[..len])
                .all(|(a, b)| a.as_deref() == *b)
    };
    let trailing_literals = |from: usize| key[from..].iter().all(Option::is_some);
    // The longest collection the path starts with.
    let mut best: Option<(usize, usize)> = None;
    for (index, candidate) in candidates.iter().enumerate() {
        let len = candidate.shape.len();
        if matches(candidate, len) && best.is_none_or(|(_, l)| len > l) {
            best = Some((index, len));
        }
    }
    let Some((index, len)) = best else {
        return Err(format!(
            "{} is under no collection the spec describes",
            render(segments)
        ));
    };
    let place = if len == key.len() {
        Place::Collection
    } else if key[len].is_none() && len + 1 == key.len() {
        Place::Item
    } else if key[len].is_none() && trailing_literals(len + 1) {
        Place::ItemAction { start: len + 1 }
    } else if trailing_literals(len) {
        Place::CollectionAction { start: len }
    } else {
        return Err(format!(
            "{} goes below an item of {} into parts the spec does not describe",
            render(segments),
            render(&candidates[index].path)
        ));
    };
    Ok((index, place))
}

fn templates_of(ops: &[Operation], index: usize) -> Vec<Segment> {
    PathTemplate::parse(&ops[index].path).segments
}

fn literals(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter_map(|s| match s {
            Segment::Literal(text) => Some(text.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn describe(role: &Role, path: &str) -> String {
    match role {
        Role::List { items_at, .. } => format!("lists the items of {path} (at `{items_at}`)"),
        Role::Create { item_at, .. } => match item_at {
            Some(place) => format!("creates an item of {path} (answered at `{}`)", place.at),
            None => format!("creates an item of {path}"),
        },
        Role::Read { .. } => format!("reads an item of {path}"),
        Role::Update { merge: false, .. } => format!("replaces an item of {path}"),
        Role::Update { merge: true, .. } => format!("updates an item of {path}"),
        Role::Delete { .. } => format!("deletes an item of {path}"),
        Role::Action { target, name, .. } => match target.item_param {
            Some(_) => format!("action `{name}` on an item of {path}"),
            None => format!("action `{name}` on {path}"),
        },
    }
}

/// The schema of the lowest documented 2xx JSON answer.
fn success_schema(op: &Operation) -> Option<SchemaAt> {
    success_response(op)?.json_content()?.schema.clone()
}

fn success_response(op: &Operation) -> Option<&crate::Response> {
    op.responses
        .iter()
        .filter(|r| r.status.is_success())
        .min_by_key(|r| match r.status {
            StatusKey::Code(code) => code,
            _ => 299,
        })
}

/// The first example of the operation's success answer.
fn first_example(op: &Operation) -> Option<&Value> {
    success_response(op)?
        .json_content()?
        .examples
        .first()
        .map(|e| &e.value)
}

fn type_of(schema: &Value) -> Option<&str> {
    match schema.get("type") {
        Some(Value::String(kind)) => Some(kind),
        Some(Value::Array(kinds)) => kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|k| *k != "null"),
        _ => None,
    }
}

/// An id value as text (strings as they are, numbers written out).
pub fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// An id from a path as the id property's type.
fn typed_id(id: &str, id_schema: &Value, doc: &Document) -> Value {
    let integer = doc
        .resolve(id_schema)
        .is_some_and(|s| type_of(s) == Some("integer"));
    match id.parse::<i64>() {
        Ok(number) if integer => Value::from(number),
        _ => Value::String(id.to_string()),
    }
}

fn paging(doc: &Document, op: &Operation) -> Option<Paging> {
    let query: Vec<&crate::Parameter> = op.parameters_in(ParamLocation::Query).collect();
    let find = |names: &[&str]| {
        query
            .iter()
            .find(|p| names.contains(&p.name.as_str()))
            .copied()
    };
    let default_of = |param: Option<&crate::Parameter>| {
        param
            .and_then(|p| p.schema.as_ref())
            .and_then(|s| doc.resolve(&s.schema))
            .and_then(|s| s.get("default"))
            .and_then(Value::as_u64)
    };
    let size = find(&[
        "limit",
        "per_page",
        "page_size",
        "pageSize",
        "perPage",
        "size",
    ]);
    if let Some(page) = find(&["page", "page_number", "pageNumber"]) {
        return Some(Paging::Page {
            page: page.name.clone(),
            size: size.map(|p| p.name.clone()),
            default_size: default_of(size),
        });
    }
    let offset = find(&["offset", "skip", "start"]);
    (offset.is_some() || size.is_some()).then(|| Paging::Offset {
        offset: offset.map(|p| p.name.clone()),
        limit: size.map(|p| p.name.clone()),
        default_limit: default_of(size),
    })
}

fn filters(
    op: &Operation,
    properties: &[(String, Value)],
    item_param: Option<&str>,
    id_property: &str,
) -> Vec<Filter> {
    // Time values bound windows (`begin_time`, `created_at`) rather than match exactly.
    let time_like = |name: &str| {
        ["_time", "_at", "At", "Time", "date", "Date"]
            .iter()
            .any(|end| name.ends_with(end))
    };
    op.parameters_in(ParamLocation::Query)
        .filter(|param| !time_like(&param.name))
        .filter_map(|param| {
            let property = if properties.iter().any(|(name, _)| *name == param.name) {
                param.name.clone()
            } else if Some(param.name.as_str()) == item_param {
                id_property.to_string()
            } else {
                return None;
            };
            Some(Filter {
                param: param.name.clone(),
                property,
            })
        })
        .collect()
}

/// How new ids look: integers count up; a format or pattern is followed; plain strings look like the seeds'.
fn id_shape(doc: &Document, id_schema: &Value, seeds: &[Seed]) -> IdShape {
    let resolved = doc.resolve(id_schema).cloned().unwrap_or(Value::Null);
    if type_of(&resolved) == Some("integer") {
        return IdShape::Integer;
    }
    let constrained = ["format", "pattern", "enum", "const"]
        .iter()
        .any(|key| resolved.get(key).is_some());
    if !constrained && let Some(first) = seeds.first() {
        let prefix = match first.id.find(['_', '-']) {
            Some(at)
                if at > 0 && at < 8 && first.id[..at].chars().all(|c| c.is_ascii_alphabetic()) =>
            {
                first.id[..=at].to_string()
            }
            _ => String::new(),
        };
        let length = first.id.len() - prefix.len();
        if length > 0 {
            return IdShape::LikeExamples { prefix, length };
        }
    }
    IdShape::Schema(id_schema.clone())
}

impl IdShape {
    /// A new id that `taken` does not hold. `highest` is the highest integer id in use.
    pub fn generate(
        &self,
        root: &crate::SchemaRoot,
        highest: Option<i64>,
        rng: &mut dyn RngCore,
    ) -> Value {
        match self {
            IdShape::Integer => Value::from(highest.unwrap_or(0).saturating_add(1)),
            IdShape::LikeExamples { prefix, length } => {
                const CHARS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
                let rest: String = (0..*length)
                    .map(|_| CHARS[(rng.next_u32() as usize) % CHARS.len()] as char)
                    .collect();
                Value::String(format!("{prefix}{rest}"))
            }
            IdShape::Schema(schema) => root
                .sampler(Direction::Response)
                .dynamic_value_with(schema, rng),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(yaml: &str) -> (Document, ResourceModel) {
        let doc = Document::parse("t.yaml", "t", yaml, false).unwrap();
        let model = ResourceModel::of(&doc);
        (doc, model)
    }

    const SHOP: &str = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /shops/{shopId}/orders:
    get:
      operationId: listOrders
      parameters:
        - {name: shopId, in: path, required: true, schema: {type: string}, example: s1}
        - {name: offset, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: integer, default: 20}}
        - {name: state, in: query, schema: {type: string}}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  meta: {type: object, properties: {page: {type: integer}}}
                  result:
                    type: object
                    properties:
                      orders: {type: array, items: {$ref: '#/components/schemas/Order'}}
                      total: {type: integer}
              example:
                result:
                  orders: [{orderId: 7, state: open}, {orderId: 9, state: paid}]
                  total: 2
    post:
      operationId: createOrder
      parameters:
        - {name: shopId, in: path, required: true, schema: {type: string}}
      responses:
        '201':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {order: {$ref: '#/components/schemas/Order'}}}
  /shops/{shopId}/orders/{orderId}:
    get:
      operationId: getOrder
      parameters:
        - {name: shopId, in: path, required: true, schema: {type: string}, example: s1}
        - {name: orderId, in: path, required: true, schema: {type: integer}, example: 12}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Order'}
  /shops/{shopId}/orders/{orderId}/actions/cancel:
    post:
      operationId: cancelOrder
      parameters:
        - {name: shopId, in: path, required: true, schema: {type: string}}
        - {name: orderId, in: path, required: true, schema: {type: integer}}
      responses:
        '202': {description: ok}
  /health:
    get:
      operationId: health
      responses:
        '200': {description: ok}
components:
  schemas:
    Order:
      type: object
      properties:
        orderId: {type: integer}
        state: {type: string}
"#;

    #[test]
    fn collections_items_and_actions_are_found() {
        let (_, model) = model(SHOP);
        assert_eq!(model.collections.len(), 1);
        let orders = &model.collections[0];
        assert_eq!(orders.path, "/shops/{shopId}/orders");
        assert_eq!(orders.parent_params, ["shopId"]);
        assert_eq!(orders.id_property, "orderId");
        assert_eq!(orders.id_shape, IdShape::Integer);
        let kinds: Vec<Option<&str>> = model
            .operations
            .iter()
            .map(|m| m.role.as_ref().map(Role::kind))
            .collect();
        assert_eq!(
            kinds,
            [
                Some("list"),
                Some("create"),
                Some("read"),
                Some("action"),
                None
            ]
        );
        match &model.operations[0].role {
            Some(Role::List {
                items_at,
                total_at,
                paging,
                filters,
                ..
            }) => {
                assert_eq!(items_at, "/result/orders");
                assert_eq!(total_at.as_deref(), Some("/result/total"));
                assert_eq!(
                    paging,
                    &Some(Paging::Offset {
                        offset: Some("offset".into()),
                        limit: Some("limit".into()),
                        default_limit: Some(20)
                    })
                );
                assert_eq!(
                    filters,
                    &[Filter {
                        param: "state".into(),
                        property: "state".into()
                    }]
                );
            }
            other => panic!("{other:?}"),
        }
        match &model.operations[1].role {
            Some(Role::Create { item_at, .. }) => {
                assert_eq!(item_at.as_ref().map(|p| p.at.as_str()), Some("/order"))
            }
            other => panic!("{other:?}"),
        }
        assert!(
            model.operations[4].note.contains("no collection"),
            "{}",
            model.operations[4].note
        );
    }

    #[test]
    fn seeds_come_from_the_list_and_from_item_examples() {
        let (_, model) = model(SHOP);
        let seeds: Vec<(Vec<String>, String)> = model.collections[0]
            .seeds
            .iter()
            .map(|s| (s.parents.clone(), s.id.clone()))
            .collect();
        assert_eq!(
            seeds,
            [
                (vec!["s1".to_string()], "7".to_string()),
                (vec!["s1".to_string()], "9".to_string()),
                (vec!["s1".to_string()], "12".to_string()),
            ]
        );
        // The item named by getOrder's path examples starts from the first seed, with its id.
        assert_eq!(
            model.collections[0].seeds[2].item,
            serde_json::json!({"orderId": 12, "state": "open"})
        );
    }

    #[test]
    fn ids_look_like_the_examples_or_follow_the_schema() {
        let seed = |id: &str| Seed {
            parents: vec![],
            id: id.into(),
            item: Value::Null,
        };
        let doc = Document::parse(
            "t.yaml",
            "t",
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n",
            false,
        )
        .unwrap();
        assert_eq!(
            id_shape(
                &doc,
                &serde_json::json!({"type": "string"}),
                &[seed("bkp_01hxa3")]
            ),
            IdShape::LikeExamples {
                prefix: "bkp_".into(),
                length: 6
            }
        );
        let uuid = serde_json::json!({"type": "string", "format": "uuid"});
        assert_eq!(
            id_shape(&doc, &uuid, &[seed("3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41")]),
            IdShape::Schema(uuid.clone())
        );
        let mut rng = crate::sample::rng_from_seed(1);
        let made = IdShape::Schema(uuid).generate(&doc.schema_root(), None, &mut rng);
        assert_eq!(made.as_str().map(str::len), Some(36), "{made}");
        let made = IdShape::LikeExamples {
            prefix: "bkp_".into(),
            length: 6,
        }
        .generate(&doc.schema_root(), None, &mut rng);
        assert!(made.as_str().unwrap().starts_with("bkp_") && made.as_str().unwrap().len() == 10);
        assert_eq!(
            IdShape::Integer.generate(&doc.schema_root(), Some(41), &mut rng),
            Value::from(42)
        );
    }

    #[test]
    fn a_create_action_and_a_collection_without_ids() {
        let (_, model) = model(
            r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /v3/{project}/backups:
    get:
      operationId: list
      parameters: [{name: project, in: path, required: true, schema: {type: string}}]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {backups: {type: array, items: {type: object, properties: {id: {type: string}}}}}}
  /v3/{project}/backups/create:
    post:
      operationId: create
      parameters: [{name: project, in: path, required: true, schema: {type: string}}]
      responses: {'201': {description: ok}}
  /v3/{project}/backups/{backup_id}:
    delete:
      operationId: delete
      parameters:
        - {name: project, in: path, required: true, schema: {type: string}}
        - {name: backup_id, in: path, required: true, schema: {type: string}}
      responses: {'200': {description: ok}}
  /things:
    get:
      operationId: things
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object, properties: {name: {type: string}}}}
"#,
        );
        let kinds: Vec<Option<&str>> = model
            .operations
            .iter()
            .map(|m| m.role.as_ref().map(Role::kind))
            .collect();
        assert_eq!(kinds, [Some("list"), Some("create"), Some("delete"), None]);
        assert!(
            model.operations[3].note.contains("no `id` property"),
            "{}",
            model.operations[3].note
        );
    }
}
