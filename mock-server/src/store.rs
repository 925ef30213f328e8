//! Where sessions' state and the journal are kept: in this process ([`MemoryStore`], the default) or in
//! Redis ([`crate::redis_store::RedisStore`]), so that several mock processes behind one address share
//! them. The state of a session is a set of collection instances, each an ordered list of [`Items`]; an
//! instance nobody has touched in a session holds its seed items.
//!
//! Memory is bounded: the journal is a ring, a session holds at most `max_items` items, and at most
//! `max_sessions` sessions are kept (the least recently used one is forgotten, to start again from the
//! seeds if it comes back).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::coverage::ServedCounts;
use crate::journal::{JournalEntry, JournalFilter, Ring};
use crate::redis_store::RedisStore;
use crate::scenarios::SessionPlan;

/// Where a shared store is (`--redis URL`, `--redis-prefix`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedisOptions {
    /// `redis://127.0.0.1:6379`.
    pub url: String,
    /// What every key starts with, so that several mocks can share one Redis apart.
    pub prefix: String,
}

impl RedisOptions {
    /// A Redis at `url` (`redis://127.0.0.1:6379`), keys under the default prefix.
    pub fn new(url: impl Into<String>) -> RedisOptions {
        RedisOptions {
            url: url.into(),
            prefix: "mock-server".into(),
        }
    }
}

/// The limits of the state and journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateLimits {
    /// Journal entries kept (0: no journal).
    pub journal_size: usize,
    /// Items one session may hold across its collections.
    pub max_items: usize,
    /// Sessions whose state is kept at once (in memory).
    pub max_sessions: usize,
}

impl Default for StateLimits {
    fn default() -> StateLimits {
        StateLimits {
            journal_size: 1000,
            max_items: 10_000,
            max_sessions: 64,
        }
    }
}

/// The items of one collection instance, in the order they were made, with an index by id. Stored (in
/// Redis) as the list of `[id, item]` pairs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "Vec<(String, Value)>", into = "Vec<(String, Value)>")]
pub struct Items {
    entries: Vec<(String, Value)>,
    /// Where each id is in `entries`.
    index: HashMap<String, usize>,
    /// Changed since it was read (written back only then).
    dirty: bool,
    /// How many items the session has room for, this instance's included.
    limit: usize,
}

impl From<Vec<(String, Value)>> for Items {
    fn from(entries: Vec<(String, Value)>) -> Items {
        Items::new(entries)
    }
}

impl From<Items> for Vec<(String, Value)> {
    fn from(items: Items) -> Vec<(String, Value)> {
        items.entries
    }
}

/// The session holds as many items as it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Full {
    /// How many items the session may hold.
    pub limit: usize,
}

impl Items {
    /// Items in this order, ids as given; not yet changed.
    pub fn new(entries: Vec<(String, Value)>) -> Items {
        let mut items = Items {
            entries,
            index: HashMap::new(),
            dirty: false,
            limit: usize::MAX,
        };
        items.reindex();
        items
    }

    fn reindex(&mut self) {
        self.index = self
            .entries
            .iter()
            .enumerate()
            .map(|(at, (id, _))| (id.clone(), at))
            .collect();
    }

    /// The item of this id.
    pub fn get(&self, id: &str) -> Option<&Value> {
        self.index.get(id).map(|&at| &self.entries[at].1)
    }

    /// Whether an item has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Every item with its id, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.entries.iter().map(|(id, item)| (id.as_str(), item))
    }

    /// How many items there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a new item at the end, if the session has room.
    pub fn insert(&mut self, id: String, item: Value) -> Result<(), Full> {
        if self.entries.len() >= self.limit {
            return Err(Full { limit: self.limit });
        }
        self.index.insert(id.clone(), self.entries.len());
        self.entries.push((id, item));
        self.dirty = true;
        Ok(())
    }

    /// Replaces an existing item; `false` when there is none.
    pub fn replace(&mut self, id: &str, item: Value) -> bool {
        match self.index.get(id) {
            Some(&at) => {
                self.entries[at].1 = item;
                self.dirty = true;
                true
            }
            None => false,
        }
    }

    /// Removes the items `remove` picks; how many went.
    pub fn remove_where(&mut self, mut remove: impl FnMut(&str, &Value) -> bool) -> usize {
        let before = self.entries.len();
        self.entries.retain(|(id, item)| !remove(id, item));
        let removed = before - self.entries.len();
        if removed > 0 {
            self.dirty = true;
            self.reindex();
        }
        removed
    }

    /// Whether anything changed since it was read (so it must be written back).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    pub(crate) fn set_limit(&mut self, limit: usize) {
        self.limit = limit;
    }
}

/// The store could not be read or written (Redis unreachable, a value it cannot read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError(pub String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

/// The state and journal of every session.
pub enum Store {
    /// In this process's memory (the default).
    Memory(MemoryStore),
    /// In a Redis shared by several processes.
    Redis(RedisStore),
}

impl Store {
    /// Adds one entry to the journal. A store that cannot be written loses the entry, with a warning.
    pub async fn record(&self, entry: JournalEntry) {
        match self {
            Store::Memory(store) => store.record(entry),
            Store::Redis(store) => {
                if let Err(error) = Box::pin(store.record(&entry)).await {
                    tracing::warn!("the journal entry was not written: {error}");
                }
            }
        }
    }

    /// What was served, for coverage: one session's, or every session's together.
    pub async fn served(&self, session: Option<&str>) -> Result<ServedCounts, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.served(session)),
            Store::Redis(store) => Box::pin(store.served(session)).await,
        }
    }

    /// The journal entries the filter admits, oldest first.
    pub async fn requests(&self, filter: &JournalFilter) -> Result<Vec<JournalEntry>, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.requests(filter)),
            Store::Redis(store) => Box::pin(store.requests(filter)).await,
        }
    }

    /// Back to the seeds, an empty journal, no scenarios or faults set and every count at 0: one
    /// session, or all.
    pub async fn reset(&self, session: Option<&str>) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.reset(session);
                Ok(())
            }
            Store::Redis(store) => Box::pin(store.reset(session)).await,
        }
    }

    /// The scenarios and faults a session has set, if any.
    pub async fn plan(&self, session: &str) -> Result<Option<Arc<SessionPlan>>, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.plan(session)),
            Store::Redis(store) => Box::pin(store.plan(session)).await,
        }
    }

    /// Replaces a session's scenarios and faults (and starts their counts again).
    pub async fn set_plan(&self, session: &str, plan: SessionPlan) -> Result<(), StoreError> {
        match self {
            Store::Memory(store) => {
                store.set_plan(session, plan);
                Ok(())
            }
            Store::Redis(store) => Box::pin(store.set_plan(session, plan)).await,
        }
    }

    /// Reads a session's scenarios and faults, changes them and writes them back; gives them as written.
    pub async fn change_plan(
        &self,
        session: &str,
        change: impl FnOnce(&mut SessionPlan),
    ) -> Result<SessionPlan, StoreError> {
        let mut plan = self
            .plan(session)
            .await?
            .map(|plan| (*plan).clone())
            .unwrap_or_default();
        change(&mut plan);
        self.set_plan(session, plan.clone()).await?;
        Ok(plan)
    }

    /// Counts one more under `key` in a session; gives the count before (0 the first time). Scenarios
    /// count the requests they answered, faults the requests they saw and the times they fired.
    pub async fn next_count(&self, session: &str, key: &str) -> Result<u64, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.next_count(session, key)),
            Store::Redis(store) => Box::pin(store.next_count(session, key)).await,
        }
    }

    /// Runs `change` on one collection instance of a session (its seed items the first time), and keeps
    /// what it changed.
    pub async fn with_items<R>(
        &self,
        session: &str,
        instance: &str,
        seed: &(dyn Fn() -> Items + Sync),
        change: &mut (dyn FnMut(&mut Items) -> R + Send),
    ) -> Result<R, StoreError> {
        match self {
            Store::Memory(store) => Ok(store.with_items(session, instance, seed, change)),
            // Boxed: Redis futures are large, and would make every request's future large to move.
            Store::Redis(store) => {
                Box::pin(store.with_items(session, instance, seed, change)).await
            }
        }
    }
}

/// Sessions and journal in this process.
#[derive(Debug)]
pub struct MemoryStore {
    limits: StateLimits,
    journal: Mutex<Recorded>,
    sessions: Mutex<Sessions>,
    /// Sessions' scenarios and faults; `any_plan` spares the lock when no session has one.
    plans: RwLock<HashMap<String, Arc<SessionPlan>>>,
    any_plan: AtomicBool,
    /// Per session and key, see [`Store::next_count`].
    counts: Mutex<HashMap<String, HashMap<String, u64>>>,
}

/// The journal and the coverage counts, kept under one lock: recording a request takes it once.
#[derive(Debug)]
struct Recorded {
    ring: Ring,
    served: HashMap<String, ServedCounts>,
}

/// The most sessions whose coverage is counted in memory; later sessions' requests are journaled but not
/// counted (a warning says so once).
const MAX_COVERED_SESSIONS: usize = 4096;

#[derive(Debug, Default)]
struct Sessions {
    by_name: HashMap<String, SessionState>,
    /// Counts uses, to find the least recently used session.
    clock: u64,
}

#[derive(Debug, Default)]
struct SessionState {
    instances: HashMap<String, Items>,
    items: usize,
    last_used: u64,
}

impl MemoryStore {
    /// An empty store with these bounds.
    pub fn new(limits: StateLimits) -> MemoryStore {
        MemoryStore {
            limits,
            journal: Mutex::new(Recorded {
                ring: Ring::new(limits.journal_size),
                served: HashMap::new(),
            }),
            sessions: Mutex::new(Sessions::default()),
            plans: RwLock::new(HashMap::new()),
            any_plan: AtomicBool::new(false),
            counts: Mutex::new(HashMap::new()),
        }
    }

    fn plan(&self, session: &str) -> Option<Arc<SessionPlan>> {
        if !self.any_plan.load(Ordering::Acquire) {
            return None;
        }
        let plans = self.plans.read().unwrap_or_else(|p| p.into_inner());
        plans.get(session).cloned()
    }

    fn set_plan(&self, session: &str, plan: SessionPlan) {
        let mut plans = self.plans.write().unwrap_or_else(|p| p.into_inner());
        if plan.is_empty() {
            plans.remove(session);
        } else {
            plans.insert(session.to_string(), Arc::new(plan));
        }
        self.any_plan.store(!plans.is_empty(), Ordering::Release);
        drop(plans);
        self.forget_counts(Some(session));
    }

    fn next_count(&self, session: &str, key: &str) -> u64 {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        // Looked up by reference: the names are copied only the first time they are counted.
        if !counts.contains_key(session) {
            counts.insert(session.to_string(), HashMap::new());
        }
        let Some(session_counts) = counts.get_mut(session) else {
            return 0;
        };
        match session_counts.get_mut(key) {
            Some(count) => {
                *count += 1;
                *count - 1
            }
            None => {
                session_counts.insert(key.to_string(), 1);
                0
            }
        }
    }

    fn forget_counts(&self, session: Option<&str>) {
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        match session {
            Some(session) => {
                counts.remove(session);
            }
            None => counts.clear(),
        }
    }

    fn record(&self, entry: JournalEntry) {
        let mut recorded = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        let Recorded { ring, served } = &mut *recorded;
        if let Some(counts) = served.get_mut(&entry.session) {
            counts.count(&entry);
        } else if served.len() < MAX_COVERED_SESSIONS {
            let mut counts = ServedCounts::default();
            counts.count(&entry);
            served.insert(entry.session.clone(), counts);
        } else if served.len() == MAX_COVERED_SESSIONS {
            tracing::warn!(
                "coverage is counted for the first {MAX_COVERED_SESSIONS} sessions only; reset to count new ones"
            );
            // One more key, so the warning is given once.
            served.insert(String::new(), ServedCounts::default());
        }
        ring.push(entry);
    }

    fn requests(&self, filter: &JournalFilter) -> Vec<JournalEntry> {
        self.journal
            .lock()
            .map(|journal| journal.ring.select(filter))
            .unwrap_or_default()
    }

    fn served(&self, session: Option<&str>) -> ServedCounts {
        let recorded = self.journal.lock().unwrap_or_else(|p| p.into_inner());
        match session {
            Some(session) => recorded.served.get(session).cloned().unwrap_or_default(),
            None => {
                let mut all = ServedCounts::default();
                for counts in recorded.served.values() {
                    all.merge(counts);
                }
                all
            }
        }
    }

    fn reset(&self, session: Option<&str>) {
        if let Ok(mut sessions) = self.sessions.lock() {
            match session {
                Some(session) => {
                    sessions.by_name.remove(session);
                }
                None => sessions.by_name.clear(),
            }
        }
        if let Ok(mut journal) = self.journal.lock() {
            journal.ring.clear(session);
            match session {
                Some(session) => {
                    journal.served.remove(session);
                }
                None => journal.served.clear(),
            }
        }
        let mut plans = self.plans.write().unwrap_or_else(|p| p.into_inner());
        match session {
            Some(session) => {
                plans.remove(session);
            }
            None => plans.clear(),
        }
        self.any_plan.store(!plans.is_empty(), Ordering::Release);
        drop(plans);
        self.forget_counts(session);
    }

    fn with_items<R>(
        &self,
        session: &str,
        instance: &str,
        seed: &(dyn Fn() -> Items + Sync),
        change: &mut (dyn FnMut(&mut Items) -> R + Send),
    ) -> R {
        let mut sessions = match self.sessions.lock() {
            Ok(sessions) => sessions,
            Err(poisoned) => poisoned.into_inner(),
        };
        sessions.clock += 1;
        let now = sessions.clock;
        if !sessions.by_name.contains_key(session)
            && sessions.by_name.len() >= self.limits.max_sessions.max(1)
            && let Some(oldest) = sessions
                .by_name
                .iter()
                .min_by_key(|(_, s)| s.last_used)
                .map(|(name, _)| name.clone())
        {
            tracing::info!(
                "forgetting the state of session `{oldest}`, the least recently used (--max-sessions {})",
                self.limits.max_sessions
            );
            sessions.by_name.remove(&oldest);
        }
        // Looked up by reference first: the names are copied only the first time they are seen.
        if !sessions.by_name.contains_key(session) {
            sessions
                .by_name
                .insert(session.to_string(), SessionState::default());
        }
        let state = sessions
            .by_name
            .get_mut(session)
            .expect("the session was just added");
        state.last_used = now;
        if !state.instances.contains_key(instance) {
            let seeded = seed();
            state.items += seeded.len();
            state.instances.insert(instance.to_string(), seeded);
        }
        let items = state
            .instances
            .get_mut(instance)
            .expect("the instance was just added");
        let before = items.len();
        let others = state.items - before;
        items.set_limit(self.limits.max_items.saturating_sub(others));
        let result = change(items);
        let after = items.len();
        state.items = others + after;
        items.dirty = false;
        result
    }

    /// Entries in the journal (for tests and the benchmark).
    pub fn journal_len(&self) -> usize {
        self.journal.lock().map(|j| j.ring.len()).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn seeds() -> Items {
        Items::new(vec![("a".into(), json!({"id": "a"}))])
    }

    #[test]
    fn sessions_start_from_the_seeds_and_stay_apart() {
        let store = MemoryStore::new(StateLimits::default());
        store.with_items("one", "/things", &seeds, &mut |items| {
            items.remove_where(|id, _| id == "a");
        });
        let count =
            |session: &str| store.with_items(session, "/things", &seeds, &mut |items| items.len());
        assert_eq!(count("one"), 0);
        assert_eq!(count("two"), 1);
        store.reset(Some("one"));
        assert_eq!(count("one"), 1);
    }

    #[test]
    fn a_session_holds_at_most_max_items_and_few_sessions_are_kept() {
        let store = MemoryStore::new(StateLimits {
            journal_size: 10,
            max_items: 3,
            max_sessions: 2,
        });
        let add = |session: &str, instance: &str, id: &str| {
            store.with_items(session, instance, &seeds, &mut |items| {
                items.insert(id.to_string(), json!({}))
            })
        };
        assert_eq!(add("s", "/x", "b"), Ok(()));
        // The seed of the second instance counts too: a, b, then a of /y.
        assert_eq!(add("s", "/y", "c"), Err(Full { limit: 1 }));
        add("t", "/x", "b").unwrap();
        add("u", "/x", "b").unwrap();
        // `s` was the least recently used: it starts again from the seeds.
        let held = store.with_items("s", "/x", &seeds, &mut |items| items.len());
        assert_eq!(held, 1);
    }
}
