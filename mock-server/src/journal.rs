//! The request journal: one [`JournalEntry`] per request the mock answered (its own `/__mock/…` endpoints
//! aside), kept in a bounded ring ([`Ring`]) or in Redis, read back with a [`JournalFilter`] through
//! `GET /__mock/requests` or [`crate::MockServer::requests`].
//!
//! An entry says what came in (time, session, method, path), what the mock made of it (the operation, the
//! validation verdict with every violation) and what it answered and why (status, example, [`Reason`]),
//! with the latency. Later tools read it as it is: a coverage report counts operations and statuses, a
//! dashboard lists entries; a new kind of decision (an injected fault and its seed) is one more [`Reason`].

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::http::Method;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::faults::InjectedFault;
use crate::problem::ValidationItem;

/// What the mock received and answered, once per request.
///
/// Recording one is on every request's path, and an entry is freed later by whichever thread evicts it, which
/// costs more than allocating it: so the names it shares with the catalog (spec, operation, example) are
/// `Arc<str>`, and the time and method are values, leaving the session and the path as its only strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Counts up from 1 per journal (per Redis journal when shared).
    pub sequence: u64,
    /// When the request came in (written as RFC 3339 in UTC with microseconds).
    pub time: Timestamp,
    /// The request's session (`X-Mock-Session`, or the default session).
    pub session: String,
    /// The request's method.
    #[serde(with = "method_text")]
    pub method: Method,
    /// The request's path, without the query.
    pub path: String,
    /// The query string, without the `?`, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// The spec of the matched operation.
    #[serde(default)]
    pub spec: Option<Arc<str>>,
    /// The matched operation's `operationId`; `None` when no operation matched.
    #[serde(default)]
    pub operation: Option<Arc<str>>,
    /// Whether the request met the spec, and how it did not.
    pub validation: Validation,
    /// The status answered; 0 when a fault broke the connection instead.
    pub status: u16,
    /// Whether the answer is one the spec documents for the operation (not a problem document the mock
    /// made up, nor a connection a fault broke): what coverage counts.
    #[serde(default)]
    pub documented: bool,
    /// The named example served, if the body is one.
    #[serde(default)]
    pub example: Option<Arc<str>>,
    /// Why that answer (an example, a `Prefer`, a scenario, the state, a refusal).
    pub reason: Reason,
    /// Microseconds from the request's arrival to its answer.
    pub latency_us: u64,
    /// The faults injected into this request, each with the seed and draw that produced it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub faults: Vec<InjectedFault>,
    /// The request's headers and body, kept while someone watches the dashboard (or with
    /// `--journal-details`): copying them costs every request, so they are not kept otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<RequestDetail>,
}

/// The most bytes of a request body the journal keeps.
pub const MAX_JOURNALED_BODY: usize = 16 * 1024;

/// What a request carried: headers with credentials masked, and the body as text (cut short).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestDetail {
    /// In the order they came; a masked value reads `•••• (N characters)` (after the scheme for
    /// `Authorization`), and its header is listed in `masked`.
    pub headers: Vec<(String, String)>,
    /// The headers whose values are masked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub masked: Vec<String>,
    /// The body as UTF-8 text (invalid bytes replaced), at most [`MAX_JOURNALED_BODY`] bytes of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The body's whole length in bytes.
    #[serde(default)]
    pub body_bytes: usize,
}

impl RequestDetail {
    /// The detail of a request's headers and body, masking credentials: `Authorization`, cookies, and
    /// every header whose name says key, token, secret, password, auth or credential.
    pub fn capture(headers: &axum::http::HeaderMap, body: &[u8]) -> RequestDetail {
        let mut shown = Vec::with_capacity(headers.len());
        let mut masked = Vec::new();
        for (name, value) in headers {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            if is_secret(name.as_str()) {
                masked.push(name.as_str().to_string());
                shown.push((name.as_str().to_string(), mask(name.as_str(), &text)));
            } else {
                shown.push((name.as_str().to_string(), text));
            }
        }
        let body_text = (!body.is_empty()).then(|| {
            let end = body.len().min(MAX_JOURNALED_BODY);
            String::from_utf8_lossy(&body[..end]).into_owned()
        });
        RequestDetail {
            headers: shown,
            masked,
            body: body_text,
            body_bytes: body.len(),
        }
    }
}

fn is_secret(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [
        "key",
        "token",
        "secret",
        "password",
        "auth",
        "credential",
        "cookie",
    ]
    .iter()
    .any(|word| name.contains(word))
}

fn mask(name: &str, value: &str) -> String {
    let hidden = format!("•••• ({} characters)", value.chars().count());
    let authorization = name.eq_ignore_ascii_case("authorization")
        || name.eq_ignore_ascii_case("proxy-authorization");
    if authorization && let Some((scheme, _)) = value.split_once(' ') {
        return format!("{scheme} {hidden}");
    }
    hidden
}

/// A moment, written as RFC 3339 in UTC with microseconds (`2026-11-24T09:30:00.123456Z`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub SystemTime);

impl Timestamp {
    /// Microseconds since 1970-01-01T00:00:00Z.
    pub fn unix_micros(self) -> u64 {
        self.0
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |since| since.as_micros() as u64)
    }

    /// Reads the form [`Timestamp`] writes (`YYYY-MM-DDTHH:MM:SS.ffffffZ`).
    pub fn parse(text: &str) -> Option<Timestamp> {
        let bytes = text.as_bytes();
        if bytes.len() != 27 || bytes[26] != b'Z' {
            return None;
        }
        let number = |from: usize, to: usize| -> Option<u64> {
            text.get(from..to)
                .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))?
                .parse()
                .ok()
        };
        let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
        let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
        let micros = number(20, 26)?;
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
            return None;
        }
        let days = crate::logging::days_from_civil(year as i64, month as u32, day as u32);
        let seconds = u64::try_from(days).ok()? * 86_400 + hour * 3600 + minute * 60 + second;
        Some(Timestamp(
            SystemTime::UNIX_EPOCH + Duration::from_secs(seconds) + Duration::from_micros(micros),
        ))
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::logging::write_utc_micros(f, self.0)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{text}` is not a time as YYYY-MM-DDTHH:MM:SS.ffffffZ"
            ))
        })
    }
}

/// An HTTP method as its text (`GET`).
mod method_text {
    use axum::http::Method;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        method: &Method,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(method.as_str())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Method, D::Error> {
        let text = String::deserialize(deserializer)?;
        Method::from_bytes(text.as_bytes()).map_err(serde::de::Error::custom)
    }
}

/// The validation verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Validation {
    /// `passed`, `failed` or `skipped` (no operation matched, or `--no-validation`).
    pub verdict: Verdict,
    /// For a failure: `security`, `content type` or `invalid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    /// Each violation, in the order validation found them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<Violation>,
}

/// A request's validation verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The request met the spec.
    Passed,
    /// The request broke the spec.
    Failed,
    /// Not validated.
    Skipped,
}

/// One violation, as the problem document's `validation` list has it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// Where in the request: `["query", "limit"]`, `["body", "name"]`.
    pub location: Vec<String>,
    /// The keyword (`required`, `format`, …) as a string, or the status (401, 415) as a number.
    pub code: serde_json::Value,
    /// What is wrong.
    pub message: String,
    /// Where the rule broken is written in the spec (a JSON pointer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spec: Option<Arc<str>>,
}

impl From<&ValidationItem> for Violation {
    fn from(item: &ValidationItem) -> Violation {
        Violation {
            location: item.location.clone(),
            code: item.code.to_json(),
            message: item.message.clone(),
            spec: item.spec.clone(),
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
    /// A scenario the session set; the detail says which step (`step 2 of 3`).
    Scenario(String),
    /// An injected fault (`status=503`); the entry's `faults` say which, with seed and draw.
    Fault(String),
    /// The documented default: the lowest success with its first example.
    Default,
    /// The request broke the spec: the spec's own answer for that, or a problem document.
    Validation,
    /// No operation answers the request (unknown path, method or session), or a CORS preflight.
    Routing,
}

/// The name of the example a response's body is, carried on the response for the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedExample(pub Arc<str>);

/// Which entries to read back. Every field narrows; `None` keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JournalFilter {
    /// A session name.
    pub session: Option<String>,
    /// An `operationId` (`deleteBackup`) or `spec.operationId` (`raff.deleteBackup`).
    pub operation: Option<String>,
    /// A status or class of statuses.
    pub status: Option<StatusFilter>,
    /// At most this many, the latest ones.
    pub limit: Option<usize>,
}

/// A status, or a class of them (`4xx`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// This status.
    Exact(u16),
    /// Any status of this class: the hundreds digit (4 for `4xx`).
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
    /// Whether the entry passes every field of the filter.
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
    /// An empty journal keeping at most `capacity` entries (0: keeps none).
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

    /// The entries the filter admits, oldest first.
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

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_read_back_what_they_write() {
        for micros in [0u64, 1_764_000_000_123_456, 951_782_400_000_001] {
            let time = Timestamp(SystemTime::UNIX_EPOCH + Duration::from_micros(micros));
            let text = time.to_string();
            assert_eq!(Timestamp::parse(&text), Some(time), "{text}");
            assert_eq!(time.unix_micros(), micros);
        }
        assert_eq!(
            Timestamp(SystemTime::UNIX_EPOCH + Duration::from_micros(951_782_400_000_001))
                .to_string(),
            "2000-02-29T00:00:00.000001Z"
        );
        for bad in [
            "",
            "2000-02-29T00:00:00Z",
            "2000-13-01T00:00:00.000000Z",
            "x000-01-01T00:00:00.000000Z",
        ] {
            assert_eq!(Timestamp::parse(bad), None, "{bad}");
        }
    }

    fn entry(session: &str, operation: &str, status: u16) -> JournalEntry {
        JournalEntry {
            sequence: 0,
            time: Timestamp(SystemTime::UNIX_EPOCH),
            session: session.into(),
            method: Method::GET,
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
            faults: Vec::new(),
            documented: true,
            request: None,
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
        assert_eq!(all[0].time.to_string(), "1970-01-01T00:00:00.000000Z");
    }

    #[test]
    fn credentials_are_masked_in_the_request_detail() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert("authorization", "Bearer abc.def".parse().unwrap());
        headers.insert("x-api-key", "secret-key".parse().unwrap());
        headers.insert("x-mock-session", "s1".parse().unwrap());
        let detail = RequestDetail::capture(&headers, b"{\"a\":1}");
        assert_eq!(
            detail.headers,
            vec![
                (
                    "authorization".to_string(),
                    "Bearer •••• (14 characters)".to_string()
                ),
                ("x-api-key".to_string(), "•••• (10 characters)".to_string()),
                ("x-mock-session".to_string(), "s1".to_string()),
            ]
        );
        assert_eq!(detail.masked, vec!["authorization", "x-api-key"]);
        assert_eq!(detail.body.as_deref(), Some("{\"a\":1}"));
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
