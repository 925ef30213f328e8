//! Coverage: which documented responses a session (or every session) was served. The unit is an operation's
//! documented response — one per named example where it has named examples, else the status alone — marked
//! served when the mock answered the operation with it (a `Prefer`, a scenario, the state, a validation
//! failure's documented answer, an injected documented status). The mock's own problem documents and
//! connections a fault broke serve nothing. Requests that matched no operation are listed apart.
//!
//! The store counts served responses as the journal records them ([`ServedCounts`]), so the report covers
//! every request since the last reset, not only those the journal still holds. [`Report`] renders as a
//! table, JSON, JUnit (one testcase per documented response, failed when never served) and HTML.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use apispec::StatusKey;
use serde::{Deserialize, Serialize};

use crate::catalog::{Catalog, MockOperation};
use crate::journal::JournalEntry;
use crate::select::response_for_status;

/// The most distinct unmatched requests counted per session.
pub const MAX_UNMATCHED: usize = 200;

/// What one served entry counts under. Compared and hashed by the names' identity (the `Arc`s the catalog
/// shares with every journal entry), which costs a few pointer comparisons per request instead of hashing
/// three strings; names equal in text but not in identity (after a reload, or read back from Redis) are
/// separate keys that [`report`] adds up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServedKey {
    /// The spec's name.
    pub spec: Arc<str>,
    /// The operation's `operationId`.
    pub operation: Arc<str>,
    /// The status served.
    pub status: u16,
    /// The named example served, if the body was one.
    pub example: Option<Arc<str>>,
}

impl ServedKey {
    fn identity(&self) -> (*const u8, *const u8, u16, *const u8) {
        (
            Arc::as_ptr(&self.spec).cast(),
            Arc::as_ptr(&self.operation).cast(),
            self.status,
            self.example
                .as_ref()
                .map_or(std::ptr::null(), |e| Arc::as_ptr(e).cast()),
        )
    }
}

impl PartialEq for ServedKey {
    fn eq(&self, other: &ServedKey) -> bool {
        self.identity() == other.identity()
    }
}

impl Eq for ServedKey {}

impl std::hash::Hash for ServedKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.identity().hash(state);
    }
}

/// What a journaled request counts as.
enum Counted<'e> {
    /// A documented response of an operation.
    Served {
        spec: &'e Arc<str>,
        operation: &'e Arc<str>,
    },
    /// A request no operation matched.
    Unmatched,
}

/// A documented answer to a matched operation is served; a request that matched nothing is unmatched; a
/// refusal of the mock's own or a broken connection counts for nothing.
fn counted(entry: &JournalEntry) -> Option<Counted<'_>> {
    match (&entry.spec, &entry.operation) {
        (Some(spec), Some(operation)) if entry.documented && entry.status != 0 => {
            Some(Counted::Served { spec, operation })
        }
        (_, None) if entry.status != 0 => Some(Counted::Unmatched),
        _ => None,
    }
}

/// Served responses and unmatched requests, counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServedCounts {
    /// How many times each documented response was served.
    pub served: HashMap<ServedKey, u64>,
    /// `METHOD path` of requests no operation matched.
    pub unmatched: HashMap<String, u64>,
}

impl ServedCounts {
    /// Counts one journaled request.
    pub fn count(&mut self, entry: &JournalEntry) {
        match counted(entry) {
            Some(Counted::Served { spec, operation }) => {
                let key = ServedKey {
                    spec: spec.clone(),
                    operation: operation.clone(),
                    status: entry.status,
                    example: entry.example.clone(),
                };
                *self.served.entry(key).or_insert(0) += 1;
            }
            Some(Counted::Unmatched) => {
                let key = format!("{} {}", entry.method, entry.path);
                if let Some(count) = self.unmatched.get_mut(&key) {
                    *count += 1;
                } else if self.unmatched.len() < MAX_UNMATCHED {
                    self.unmatched.insert(key, 1);
                }
            }
            None => {}
        }
    }

    /// How a request counts, as one text (a Redis hash field): `s␟spec␟operation␟status␟example` for a
    /// served response, `u␟METHOD path` for an unmatched request; `None` when it counts for nothing.
    pub fn field_of(entry: &JournalEntry) -> Option<String> {
        Some(match counted(entry)? {
            Counted::Served { spec, operation } => format!(
                "s\u{1f}{spec}\u{1f}{operation}\u{1f}{}\u{1f}{}",
                entry.status,
                entry.example.as_deref().unwrap_or("")
            ),
            Counted::Unmatched => format!("u\u{1f}{} {}", entry.method, entry.path),
        })
    }

    /// Adds `count` under a field made by [`ServedCounts::field_of`].
    pub fn add_field(&mut self, field: &str, count: u64) {
        let mut parts = field.split('\u{1f}');
        match parts.next() {
            Some("s") => {
                let (Some(spec), Some(operation), Some(status), Some(example)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    return;
                };
                let Ok(status) = status.parse() else { return };
                let key = ServedKey {
                    spec: spec.into(),
                    operation: operation.into(),
                    status,
                    example: (!example.is_empty()).then(|| example.into()),
                };
                *self.served.entry(key).or_insert(0) += count;
            }
            Some("u") => {
                if let Some(request) = parts.next() {
                    *self.unmatched.entry(request.to_string()).or_insert(0) += count;
                }
            }
            _ => {}
        }
    }

    /// Adds another session's counts.
    pub fn merge(&mut self, other: &ServedCounts) {
        for (key, count) in &other.served {
            *self.served.entry(key.clone()).or_insert(0) += count;
        }
        for (key, count) in &other.unmatched {
            *self.unmatched.entry(key.clone()).or_insert(0) += count;
        }
    }
}

/// The coverage of every mounted spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The session reported on; `None`: every session.
    pub session: Option<String>,
    /// How many documented responses (per named example) there are.
    pub documented: usize,
    /// How many of them were served at least once.
    pub served: usize,
    /// Served over documented, in percent (100 when nothing is documented).
    pub percent: f64,
    /// Per spec, in mount order.
    pub specs: Vec<SpecCoverage>,
    /// Requests that matched no operation, `METHOD path` with how many times.
    pub unmatched: Vec<(String, u64)>,
}

/// The coverage of one spec.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpecCoverage {
    /// The spec's name.
    pub spec: String,
    /// How many documented responses (per named example) it has.
    pub documented: usize,
    /// How many of them were served at least once.
    pub served: usize,
    /// Per operation, in document order.
    pub operations: Vec<OperationCoverage>,
}

/// The coverage of one operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OperationCoverage {
    /// The `operationId`.
    pub operation: String,
    /// The HTTP method, upper-case.
    pub method: String,
    /// The path template.
    pub path: String,
    /// Per documented response, in document order.
    pub responses: Vec<ResponseCoverage>,
}

/// One documented response (a status, and an example where it names them) and how often it was served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseCoverage {
    /// `404`, `4XX` or `default`.
    pub status: String,
    /// The example's name, where the response names its examples.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// How many times it was served.
    pub served: u64,
}

/// The report of `counts` against the catalog's documented responses.
pub fn report(catalog: &Catalog, counts: &ServedCounts, session: Option<String>) -> Report {
    // Served counts by (spec, operation, documented status, example).
    let mut served: HashMap<(&str, &str, StatusKey, Option<&str>), u64> = HashMap::new();
    let by_label: HashMap<(&str, &str), &MockOperation> = catalog
        .operations
        .iter()
        .map(|op| ((&*catalog.specs[op.spec].name, &*op.operation_id), op))
        .collect();
    for (key, count) in &counts.served {
        let Some(op) = by_label.get(&(&*key.spec, &*key.operation)) else {
            continue;
        };
        if let Some(response) = response_for_status(op, key.status) {
            *served
                .entry((
                    &key.spec,
                    &key.operation,
                    response.status,
                    key.example.as_deref(),
                ))
                .or_insert(0) += count;
        }
    }
    let mut specs = Vec::new();
    for (index, spec) in catalog.specs.iter().enumerate() {
        let mut operations = Vec::new();
        for op in catalog.operations.iter().filter(|op| op.spec == index) {
            let mut responses = Vec::new();
            for response in &op.responses {
                let names: Vec<&str> = response
                    .contents
                    .iter()
                    .flat_map(|c| &c.examples)
                    .filter_map(|e| e.name.as_deref())
                    .collect();
                let lookup = |example: Option<&str>| {
                    served
                        .get(&(&*spec.name, &*op.operation_id, response.status, example))
                        .copied()
                        .unwrap_or(0)
                };
                if names.is_empty() {
                    // Any body served for the status counts: there is no example to tell apart.
                    let total: u64 = served
                        .iter()
                        .filter(|((s, o, status, _), _)| {
                            *s == &*spec.name
                                && *o == &*op.operation_id
                                && *status == response.status
                        })
                        .map(|(_, count)| count)
                        .sum();
                    responses.push(ResponseCoverage {
                        status: response.status.to_string(),
                        example: None,
                        served: total,
                    });
                } else {
                    let mut seen = Vec::new();
                    for name in names {
                        if seen.contains(&name) {
                            continue;
                        }
                        seen.push(name);
                        responses.push(ResponseCoverage {
                            status: response.status.to_string(),
                            example: Some(name.to_string()),
                            served: lookup(Some(name)),
                        });
                    }
                }
            }
            operations.push(OperationCoverage {
                operation: op.operation_id.to_string(),
                method: op.method.as_str().to_string(),
                path: op.path.clone(),
                responses,
            });
        }
        let documented = operations.iter().map(|o| o.responses.len()).sum();
        let served = operations
            .iter()
            .flat_map(|o| &o.responses)
            .filter(|r| r.served > 0)
            .count();
        specs.push(SpecCoverage {
            spec: spec.name.to_string(),
            documented,
            served,
            operations,
        });
    }
    let documented: usize = specs.iter().map(|s| s.documented).sum();
    let served: usize = specs.iter().map(|s| s.served).sum();
    let mut unmatched: Vec<(String, u64)> = counts
        .unmatched
        .iter()
        .map(|(k, v)| (k.clone(), *v))
        .collect();
    unmatched.sort();
    Report {
        session,
        documented,
        served,
        percent: percent(served, documented),
        specs,
        unmatched,
    }
}

fn percent(served: usize, documented: usize) -> f64 {
    if documented == 0 {
        100.0
    } else {
        // One decimal, rounded down, so 99.96% never shows as 100%.
        (served as f64 * 1000.0 / documented as f64).floor() / 10.0
    }
}

impl ResponseCoverage {
    /// `404` or `404 backup_not_found`.
    pub fn label(&self) -> String {
        match &self.example {
            Some(example) => format!("{} {example}", self.status),
            None => self.status.clone(),
        }
    }
}

impl Report {
    /// A table for people: one line per documented response, then the totals.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for spec in &self.specs {
            let _ = writeln!(
                out,
                "{}: {} of {} documented responses served",
                spec.spec, spec.served, spec.documented
            );
            for op in &spec.operations {
                for response in &op.responses {
                    let mark = if response.served > 0 {
                        "served"
                    } else {
                        "NEVER"
                    };
                    let _ = writeln!(
                        out,
                        "  {:<7} {:<34} {:<6} {:<28} {:>6} x{}",
                        op.method,
                        op.operation,
                        response.status,
                        response.example.as_deref().unwrap_or("-"),
                        mark,
                        response.served
                    );
                }
            }
        }
        for (request, count) in &self.unmatched {
            let _ = writeln!(out, "no operation matched: {request} x{count}");
        }
        let _ = writeln!(
            out,
            "coverage: {} of {} documented responses served ({}%)",
            self.served, self.documented, self.percent
        );
        out
    }

    /// JUnit XML: a testsuite per spec, a testcase per documented response, failed when never served.
    pub fn to_junit(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let failures = self.documented - self.served;
        let _ = writeln!(
            out,
            "<testsuites name=\"mock coverage\" tests=\"{}\" failures=\"{failures}\">",
            self.documented
        );
        for spec in &self.specs {
            let _ = writeln!(
                out,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">",
                xml(&spec.spec),
                spec.documented,
                spec.documented - spec.served
            );
            for op in &spec.operations {
                for response in &op.responses {
                    let name = format!("{} {}", op.operation, response.label());
                    let class = format!("{}.{}", spec.spec, op.operation);
                    if response.served > 0 {
                        let _ = writeln!(
                            out,
                            "    <testcase classname=\"{}\" name=\"{}\"/>",
                            xml(&class),
                            xml(&name)
                        );
                    } else {
                        let _ = writeln!(
                            out,
                            "    <testcase classname=\"{}\" name=\"{}\"><failure message=\"never served\">{} {} documents {} and no request was answered with it</failure></testcase>",
                            xml(&class),
                            xml(&name),
                            xml(&op.method),
                            xml(&op.path),
                            xml(&response.label())
                        );
                    }
                }
            }
            out.push_str("  </testsuite>\n");
        }
        out.push_str("</testsuites>\n");
        out
    }

    /// A page of its own (the dashboard links to it).
    pub fn to_html(&self) -> String {
        let mut rows = String::new();
        for spec in &self.specs {
            for op in &spec.operations {
                for response in &op.responses {
                    let (class, mark) = if response.served > 0 {
                        ("served", format!("served ×{}", response.served))
                    } else {
                        ("never", "never asked for".to_string())
                    };
                    let _ = write!(
                        rows,
                        "<tr class=\"{class}\"><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        xml(&spec.spec),
                        xml(&op.method),
                        xml(&op.path),
                        xml(&op.operation),
                        xml(&response.label()),
                        mark
                    );
                }
            }
        }
        let unmatched: String = self
            .unmatched
            .iter()
            .map(|(request, count)| format!("<li>{} ×{count}</li>", xml(request)))
            .collect();
        format!(
            include_str!("dashboard/coverage.html"),
            session = xml(self.session.as_deref().unwrap_or("every session")),
            served = self.served,
            documented = self.documented,
            percent = self.percent,
            rows = rows,
            unmatched = if unmatched.is_empty() {
                "<p>None.</p>".to_string()
            } else {
                format!("<ul>{unmatched}</ul>")
            },
        )
    }
}

/// Text safe inside XML and HTML, attributes included.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_never_round_up_to_complete() {
        assert_eq!(percent(0, 0), 100.0);
        assert_eq!(percent(2, 3), 66.6);
        assert_eq!(percent(2499, 2500), 99.9);
        assert_eq!(percent(3, 3), 100.0);
    }

    #[test]
    fn xml_text_is_escaped() {
        assert_eq!(
            xml("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
