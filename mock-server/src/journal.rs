//! The request journal: one [`JournalEntry`] per request the mock answered (its own `/__mock/…` endpoints
//! aside), kept in a bounded ring ([`Ring`]) or in Redis, read back with a [`JournalFilter`] through
//! `GET /__mock/requests` or [`crate::MockServer::requests`].
//!
//! An entry says what came in (time, session, method, path), what the mock made of it (the operation, the
//! validation verdict with every violation) and what it answered and why (status, example, [`Reason`]),
//! with the latency. Later tools read it as it is: a coverage report counts operations and statuses, a
//! dashboard lists entries; a new kind of decision (an injected fault and its seed) is one more [`Reason`].

use std::collections::VecDeque;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::problem::ValidationItem;

/// What the mock received and answered, once per request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Counts up from 1 per journal (per Redis journal when shared).
    pub sequence: u64,
    /// When the request came in, RFC 3339 in UTC with microseconds.
    pub time: String,
    pub session: String,
    pub method: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The spec of the matched operation.
    #[serde(default)]
    pub spec: Option<String>,
    /// The matched operation's `operationId`; `None` when no operation matched.
    #[serde(default)]
    pub operation: Option<String>,
    pub validation: Validation,
    pub status: u16,
    /// The named example served, if the body is one.
    #[serde(default)]
    pub example: Option<String>,
    pub reason: Reason,
    pub latency_us: u64,
}

/// The validation verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Validation {
    /// `passed`, `failed` or `skipped` (no operation matched, or `--no-validation`).
    pub verdict: Verdict,
    /// For a failure: `security`, `content type` or `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Passed,
    Failed,
    Skipped,
}

/// One violation, as the problem document's `validation` list has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    pub location: Vec<String>,
    /// The keyword (`required`, `format`, …) as a string, or the status (401, 415) as a number.
    pub code: serde_json::Value,
    pub message: String,
}

impl From<&ValidationItem> for Violation {
    fn from(item: &ValidationItem) -> Violation {
        Violation {
            location: item.location.clone(),
            code: item.code.to_json(),
            message: item.message.clone(),
        }
    }
}

/// Why the mock answered as it did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", content = "detail", rename_all = "lowercase")]
pub enum Reason {
    /// The client's `Prefer` header (or `__code`/`__example` query parameters) chose the response.
    Prefer,
    /// The stateful mode chose it; the detail says what the state held (`item 3f9c… does not exist`).
    State(String),
    /// The documented default: the lowest success with its first example.
    Default,
    /// The request broke the spec: the spec's own answer for that, or a problem document.
    Validation,
    /// No operation answers the request (unknown path, method or session), or a CORS preflight.
    Routing,
}

/// The name of the example a response's body is, carried on the response for the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedExample(pub String);

/// Which entries to read back. Every field narrows; `None` keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalFilter {
    pub session: Option<String>,
    /// An `operationId` (`deleteBackup`) or `spec.operationId` (`raff.deleteBackup`).
    pub operation: Option<String>,
    pub status: Option<StatusFilter>,
    /// At most this many, the latest ones.
    pub limit: Option<usize>,
}

/// A status, or a class of them (`4xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Exact(u16),
    Class(u16),
}

impl StatusFilter {
    /// `404`, or `4xx`/`4XX`.
    pub fn parse(text: &str) -> Option<StatusFilter> {
        let bytes = text.as_bytes();
        if bytes.len() != 3 || !(b'1'..=b'5').contains(&bytes[0]) {
            return None;
        }
        if bytes[1..].eq_ignore_ascii_case(b"xx") {
            return Some(StatusFilter::Class(u16::from(bytes[0] - b'0')));
        }
        text.parse().ok().map(StatusFilter::Exact)
    }

    fn admits(self, status: u16) -> bool {
        match self {
            StatusFilter::Exact(code) => code == status,
            StatusFilter::Class(digit) => status / 100 == digit,
        }
    }
}

impl JournalFilter {
    pub fn admits(&self, entry: &JournalEntry) -> bool {
        self.session.as_ref().is_none_or(|s| *s == entry.session)
            && self.operation.as_ref().is_none_or(|wanted| {
                entry.operation.as_deref() == Some(wanted.as_str())
                    || wanted.split_once('.').is_some_and(|(spec, id)| {
                        entry.spec.as_deref() == Some(spec)
                            && entry.operation.as_deref() == Some(id)
                    })
            })
            && self.status.is_none_or(|status| status.admits(entry.status))
    }

    /// The entries it admits, oldest first, at most `limit` of the latest.
    pub fn select<'e>(&self, entries: impl Iterator<Item = &'e JournalEntry>) -> Vec<JournalEntry> {
        let mut selected: Vec<JournalEntry> = entries.filter(|e| self.admits(e)).cloned().collect();
        if let Some(limit) = self.limit
            && selected.len() > limit
        {
            selected.drain(..selected.len() - limit);
        }
        selected
    }
}

/// The in-memory journal: the latest `capacity` entries.
#[derive(Debug)]
pub struct Ring {
    entries: VecDeque<JournalEntry>,
    capacity: usize,
    next_sequence: u64,
}

impl Ring {
    pub fn new(capacity: usize) -> Ring {
        Ring {
            entries: VecDeque::with_capacity(capacity.min(4096)),
            capacity,
            next_sequence: 1,
        }
    }

    /// Adds an entry, numbering it and dropping the oldest past capacity.
    pub fn push(&mut self, mut entry: JournalEntry) {
        if self.capacity == 0 {
            return;
        }
        entry.sequence = self.next_sequence;
        self.next_sequence += 1;
        if self.entries.len() == self.capacity {
            self.entries.pop_front();
        }
        self.entries.push_back(entry);
    }

    pub fn select(&self, filter: &JournalFilter) -> Vec<JournalEntry> {
        filter.select(self.entries.iter())
    }

    /// Forgets one session's entries, or all.
    pub fn clear(&mut self, session: Option<&str>) {
        match session {
            Some(session) => self.entries.retain(|e| e.session != session),
            None => self.entries.clear(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// `2026-05-14T02:15:42.123456Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let mut text = String::with_capacity(27);
    let _ = crate::logging::write_utc_micros(&mut text, time);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(session: &str, operation: &str, status: u16) -> JournalEntry {
        JournalEntry {
            sequence: 0,
            time: rfc3339(SystemTime::UNIX_EPOCH),
            session: session.into(),
            method: "GET".into(),
            path: "/x".into(),
            query: None,
            spec: Some("raff".into()),
            operation: Some(operation.into()),
            validation: Validation {
                verdict: Verdict::Passed,
                failure: None,
                violations: Vec::new(),
            },
            status,
            example: None,
            reason: Reason::Default,
            latency_us: 1,
        }
    }

    #[test]
    fn the_ring_keeps_the_latest_entries_numbered() {
        let mut ring = Ring::new(2);
        for status in [200, 201, 202] {
            ring.push(entry("a", "op", status));
        }
        let all = ring.select(&JournalFilter::default());
        let seen: Vec<(u64, u16)> = all.iter().map(|e| (e.sequence, e.status)).collect();
        assert_eq!(seen, [(2, 201), (3, 202)]);
        assert_eq!(all[0].time, "1970-01-01T00:00:00.000000Z");
    }

    #[test]
    fn filters_by_session_operation_status_and_limit() {
        let mut ring = Ring::new(10);
        ring.push(entry("a", "getBackup", 200));
        ring.push(entry("b", "getBackup", 404));
        ring.push(entry("a", "deleteBackup", 409));
        ring.push(entry("a", "getBackup", 404));
        let count = |filter: JournalFilter| ring.select(&filter).len();
        assert_eq!(
            count(JournalFilter {
                session: Some("a".into()),
                ..JournalFilter::default()
            }),
            3
        );
        assert_eq!(
            count(JournalFilter {
                operation: Some("raff.getBackup".into()),
                status: StatusFilter::parse("4xx"),
                ..JournalFilter::default()
            }),
            2
        );
        assert_eq!(
            count(JournalFilter {
                operation: Some("hostup.getBackup".into()),
                ..JournalFilter::default()
            }),
            0
        );
        let latest = ring.select(&JournalFilter {
            limit: Some(1),
            ..JournalFilter::default()
        });
        assert_eq!(latest[0].sequence, 4);
        ring.clear(Some("a"));
        assert_eq!(ring.len(), 1);
        assert_eq!(StatusFilter::parse("40"), None);
        assert_eq!(StatusFilter::parse("404"), Some(StatusFilter::Exact(404)));
    }

    #[test]
    fn entries_read_back_from_json() {
        let mut e = entry("a", "op", 404);
        e.reason = Reason::State("item x does not exist".into());
        let text = serde_json::to_string(&e).unwrap();
        assert!(
            text.contains(r#""reason":{"by":"state","detail":"item x does not exist"}"#),
            "{text}"
        );
        assert_eq!(serde_json::from_str::<JournalEntry>(&text).unwrap(), e);
    }
}
