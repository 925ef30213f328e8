//! Finding the operation for a request path: a trie of path segments built once at load.
//!
//! Each node has literal children (a hash map), one child for a whole-segment parameter (`{id}`, whatever
//! its name, so `/a/{id}` and `/a/{name}/b` share it) and children for mixed segments (`{id}.json`).
//! Lookup walks the request's segments, trying literals before templates and backtracking, so a concrete
//! segment wins over a template and a template still catches what the concrete branch does not. Its cost
//! depends on the path's length, not on how many operations are mounted. Operations are stored by index:
//! this module knows nothing else about them, and the template rules (segments, mixed-segment matching)
//! are `apispec::path_template`'s.

use std::collections::HashMap;

use apispec::Method;

use apispec::path_template::{Part, Segment, match_mixed, query_pairs, split_path};

#[derive(Debug, Default)]
struct Node {
    literals: HashMap<Box<str>, usize>,
    param: Option<usize>,
    mixed: Vec<(Vec<Part>, usize)>,
    /// The operations that end here, by method and the query their path key fixes (most conditions
    /// first, so the most specific one that a request satisfies is found first).
    methods: Vec<Ending>,
}

/// An operation ending at a node.
#[derive(Debug)]
struct Ending {
    method: Method,
    /// `(name, value)` pairs the request's query must hold (`/responses?beta=true`); mostly none.
    fixed_query: Vec<(String, String)>,
    operation: usize,
}

/// What a request path and method resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteMatch {
    /// The operation's index.
    Found(usize),
    /// The path exists but not with this method: the methods it has.
    MethodNotAllowed(Vec<Method>),
    /// No path matches.
    NotFound,
}

/// The trie of every mounted operation's path.
#[derive(Debug)]
pub struct Router {
    nodes: Vec<Node>,
}

impl Default for Router {
    fn default() -> Self {
        Router {
            nodes: vec![Node::default()],
        }
    }
}

/// Two operations with the same method and the same path shape: the second cannot be reached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shadowed {
    /// The index of the operation that reaches it first.
    pub existing: usize,
}

impl Router {
    /// Adds an operation. Parameter names do not matter for the shape: `/a/{id}` and `/a/{name}` are the
    /// same path, and adding the same method (with the same fixed query) twice reports the operation that
    /// keeps it.
    pub fn insert(
        &mut self,
        segments: &[Segment],
        fixed_query: &[(String, String)],
        method: Method,
        operation: usize,
    ) -> Result<(), Shadowed> {
        let mut node = 0;
        for segment in segments {
            node = match segment {
                Segment::Literal(text) => match self.nodes[node].literals.get(text.as_str()) {
                    Some(&child) => child,
                    None => {
                        let child = self.new_node();
                        self.nodes[node]
                            .literals
                            .insert(text.clone().into_boxed_str(), child);
                        child
                    }
                },
                Segment::Param(_) => match self.nodes[node].param {
                    Some(child) => child,
                    None => {
                        let child = self.new_node();
                        self.nodes[node].param = Some(child);
                        child
                    }
                },
                Segment::Mixed(parts) => {
                    let existing = self.nodes[node]
                        .mixed
                        .iter()
                        .find(|(shape, _)| same_shape(shape, parts))
                        .map(|&(_, child)| child);
                    match existing {
                        Some(child) => child,
                        None => {
                            let child = self.new_node();
                            self.nodes[node].mixed.push((parts.clone(), child));
                            child
                        }
                    }
                }
            };
        }
        let methods = &mut self.nodes[node].methods;
        let mut fixed_query = fixed_query.to_vec();
        fixed_query.sort();
        if let Some(existing) = methods
            .iter()
            .find(|e| e.method == method && e.fixed_query == fixed_query)
        {
            return Err(Shadowed {
                existing: existing.operation,
            });
        }
        methods.push(Ending {
            method,
            fixed_query,
            operation,
        });
        methods.sort_by_key(|e| std::cmp::Reverse(e.fixed_query.len()));
        Ok(())
    }

    fn new_node(&mut self) -> usize {
        self.nodes.push(Node::default());
        self.nodes.len() - 1
    }

    /// Resolves a request path and query (the raw query text, `None` without one) and method.
    pub fn find(&self, path: &str, query: Option<&str>, method: Method) -> RouteMatch {
        self.resolve(path, query.unwrap_or(""), Some(method))
    }

    /// Resolves a request path for a method OpenAPI cannot describe (`QUERY`, `CONNECT`, lowercase
    /// `delete`): never `Found`; `MethodNotAllowed` with the path's documented methods, or `NotFound`.
    pub fn find_undescribed(&self, path: &str) -> RouteMatch {
        self.resolve(path, "", None)
    }

    fn resolve(&self, path: &str, query: &str, method: Option<Method>) -> RouteMatch {
        let segments: Vec<&str> = split_path(path).collect();
        let request = Request { method, query };
        let mut allowed = Vec::new();
        match self.search(0, &segments, &request, &mut allowed) {
            Some(operation) => RouteMatch::Found(operation),
            None if allowed.is_empty() => RouteMatch::NotFound,
            None => {
                allowed.sort();
                allowed.dedup();
                RouteMatch::MethodNotAllowed(allowed)
            }
        }
    }

    fn search(
        &self,
        node: usize,
        segments: &[&str],
        request: &Request<'_>,
        allowed: &mut Vec<Method>,
    ) -> Option<usize> {
        let here = &self.nodes[node];
        let Some((first, rest)) = segments.split_first() else {
            // Read only for the rare operation whose path key fixes a query.
            let fixed_query_holds = |ending: &Ending| {
                ending.fixed_query.iter().all(|(name, value)| {
                    query_pairs(request.query)
                        .any(|(n, v)| n == name && (value.is_empty() || v == value))
                })
            };
            if let Some(ending) = here
                .methods
                .iter()
                .find(|e| Some(e.method) == request.method && fixed_query_holds(e))
            {
                return Some(ending.operation);
            }
            allowed.extend(here.methods.iter().map(|e| e.method));
            return None;
        };
        // A literal segment matches as written or percent-decoded (`/%3Cupload_url%3E` is `/<upload_url>`).
        if let Some(&child) = here.literals.get(*first).or_else(|| {
            first
                .contains('%')
                .then(|| {
                    here.literals
                        .get(crate::pipeline::percent_decode(first).as_ref())
                })
                .flatten()
        }) && let Some(found) = self.search(child, rest, request, allowed)
        {
            return Some(found);
        }
        for (parts, child) in &here.mixed {
            if match_mixed(parts, first).is_some()
                && let Some(found) = self.search(*child, rest, request, allowed)
            {
                return Some(found);
            }
        }
        let child = here.param?;
        self.search(child, rest, request, allowed)
    }
}

/// What a lookup matches against beside the path.
struct Request<'q> {
    /// `None` for a method OpenAPI cannot describe.
    method: Option<Method>,
    /// The query's text, as sent (empty without one).
    query: &'q str,
}

fn same_shape(a: &[Part], b: &[Part]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (Part::Text(x), Part::Text(y)) => x == y,
            (Part::Param(_), Part::Param(_)) => true,
            _ => false,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use apispec::path_template::PathTemplate;

    fn router(routes: &[(&str, Method)]) -> Router {
        let mut router = Router::default();
        for (index, (path, method)) in routes.iter().enumerate() {
            let template = PathTemplate::parse(path);
            router
                .insert(&template.segments, &template.fixed_query, *method, index)
                .unwrap();
        }
        router
    }

    #[test]
    fn concrete_segments_win_over_templates() {
        let router = router(&[
            ("/v3/{project_id}/backups/{backup_id}", Method::Delete),
            ("/v3/{project_id}/backups/create", Method::Post),
            ("/v3/{project_id}/backups/{backup_id}", Method::Post),
        ]);
        assert_eq!(
            router.find("/v3/p/backups/create", None, Method::Post),
            RouteMatch::Found(1)
        );
        assert_eq!(
            router.find("/v3/p/backups/other", None, Method::Post),
            RouteMatch::Found(2)
        );
        // The concrete path has no DELETE: the template still answers.
        assert_eq!(
            router.find("/v3/p/backups/create", None, Method::Delete),
            RouteMatch::Found(0)
        );
    }

    #[test]
    fn a_query_fixed_by_the_path_key_picks_its_operation() {
        let router = router(&[
            ("/responses", Method::Post),
            ("/responses?beta=true", Method::Post),
        ]);
        let post = |query| router.find("/responses", query, Method::Post);
        assert_eq!(post(Some("beta=true")), RouteMatch::Found(1));
        assert_eq!(post(Some("stream=1&beta=true")), RouteMatch::Found(1));
        assert_eq!(post(None), RouteMatch::Found(0));
        assert_eq!(post(Some("beta=false")), RouteMatch::Found(0));
        let mut twice = Router::default();
        let template = PathTemplate::parse("/responses?beta=true");
        twice
            .insert(&template.segments, &template.fixed_query, Method::Post, 0)
            .unwrap();
        assert_eq!(
            twice.insert(&template.segments, &template.fixed_query, Method::Post, 1),
            Err(Shadowed { existing: 0 })
        );
    }

    #[test]
    fn a_literal_segment_matches_percent_decoded() {
        let router = router(&[("/<upload_url>", Method::Put), ("/files/a b", Method::Get)]);
        assert_eq!(
            router.find("/%3Cupload_url%3E", None, Method::Put),
            RouteMatch::Found(0)
        );
        assert_eq!(
            router.find("/files/a%20b", None, Method::Get),
            RouteMatch::Found(1)
        );
        assert_eq!(
            router.find("/files/a%20c", None, Method::Get),
            RouteMatch::NotFound
        );
    }

    #[test]
    fn different_parameter_names_at_the_same_position() {
        let router = router(&[("/a/{id}", Method::Get), ("/a/{name}/b", Method::Get)]);
        assert_eq!(router.find("/a/1", None, Method::Get), RouteMatch::Found(0));
        assert_eq!(
            router.find("/a/1/b", None, Method::Get),
            RouteMatch::Found(1)
        );
        assert_eq!(
            router.find("/a/1/b/", None, Method::Get),
            RouteMatch::Found(1)
        );
        assert_eq!(
            router.find("/a/1/c", None, Method::Get),
            RouteMatch::NotFound
        );
        assert_eq!(router.find("/a", None, Method::Get), RouteMatch::NotFound);
    }

    #[test]
    fn wrong_method_lists_the_allowed_ones() {
        let router = router(&[("/a/{id}", Method::Get), ("/a/{id}", Method::Delete)]);
        assert_eq!(
            router.find("/a/1", None, Method::Post),
            RouteMatch::MethodNotAllowed(vec![Method::Get, Method::Delete])
        );
    }

    #[test]
    fn an_undescribed_method_gets_every_method_of_the_path() {
        let router = router(&[
            ("/a/{id}", Method::Get),
            ("/a/special", Method::Post),
            ("/a/{id}", Method::Delete),
        ]);
        assert_eq!(
            router.find_undescribed("/a/special"),
            RouteMatch::MethodNotAllowed(vec![Method::Get, Method::Post, Method::Delete])
        );
        assert_eq!(
            router.find_undescribed("/a/1"),
            RouteMatch::MethodNotAllowed(vec![Method::Get, Method::Delete])
        );
        assert_eq!(router.find_undescribed("/b"), RouteMatch::NotFound);
    }

    #[test]
    fn same_shape_twice_is_reported() {
        let mut router = router(&[("/a/{id}", Method::Get)]);
        assert_eq!(
            router.insert(
                &PathTemplate::parse("/a/{name}").segments,
                &[],
                Method::Get,
                7
            ),
            Err(Shadowed { existing: 0 })
        );
    }

    #[test]
    fn mixed_segments_match_and_extract() {
        let router = router(&[
            ("/files/{name}.json", Method::Get),
            ("/files/{name}", Method::Get),
        ]);
        assert_eq!(
            router.find("/files/a.json", None, Method::Get),
            RouteMatch::Found(0)
        );
        assert_eq!(
            router.find("/files/a.xml", None, Method::Get),
            RouteMatch::Found(1)
        );
        let parts = mixed_parts("v{major}.{minor}");
        assert_eq!(match_mixed(&parts, "v1.2"), Some(vec!["1", "2"]));
        assert_eq!(match_mixed(&parts, "v1"), None);
        assert_eq!(match_mixed(&mixed_parts("{id}.json"), ".json"), None);
    }

    /// The parts of one mixed segment, as the template parser reads them.
    fn mixed_parts(segment: &str) -> Vec<Part> {
        match PathTemplate::parse(segment).segments.into_iter().next() {
            Some(Segment::Mixed(parts)) => parts,
            other => panic!("not a mixed segment: {other:?}"),
        }
    }
}
