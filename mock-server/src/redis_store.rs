//! State and journal in Redis (`--redis URL`), so that several mock processes behind one address share them.
//!
//! Keys, under a prefix (`mock-server` by default): `PREFIX:state:SESSION:INSTANCE` holds one collection
//! instance's items as JSON (absent: the seed items); `PREFIX:journal` is a list of JSON entries trimmed to the
//! journal's size, numbered by `PREFIX:journal:sequence`. A change is written only if the instance is still
//! what it read (a compare-and-set script), and tried again otherwise, so concurrent writers from several
//! processes do not lose each other's changes. `PREFIX:plan:SESSION` holds a session's scenarios and faults
//! as JSON, and `PREFIX:count:SESSION:KEY` their counts (INCR); `PREFIX:coverage:SESSION` is a hash of what
//! the session was served, for coverage (HINCRBY). Here `max_items` bounds each instance;
//! sessions are kept until a reset.

use std::sync::Arc;

use redis::AsyncCommands;
use redis::aio::MultiplexedConnection;

use crate::coverage::ServedCounts;
use crate::journal::{JournalEntry, JournalFilter};
use crate::scenarios::SessionPlan;
use crate::store::{Items, StateLimits, StoreError};

/// How many times a change is tried when another writer changed the instance in between.
const CHANGE_ATTEMPTS: usize = 32;

/// Writes `ARGV[2]` to `KEYS[1]` if it still holds `ARGV[1]` (or is absent and `ARGV[1]` is empty).
const COMPARE_AND_SET: &str = r"
local current = redis.call('GET', KEYS[1])
if (current == false and ARGV[1] == '') or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0
";

/// The Redis side of [`crate::store::Store`].
pub struct RedisStore {
    connection: MultiplexedConnection,
    prefix: String,
    limits: StateLimits,
    compare_and_set: redis::Script,
}

impl RedisStore {
    /// Connects to `url` (`redis://127.0.0.1:6379`); keys go under `prefix`.
    pub async fn connect(
        url: &str,
        prefix: &str,
        limits: StateLimits,
    ) -> Result<RedisStore, StoreError> {
        let client = redis::Client::open(url)
            .map_err(|e| StoreError(format!("`{url}` is not a Redis URL: {e}")))?;
        let mut connection = client
            .get_multiplexed_async_connection()
            .await
            .map_err(|e| StoreError(format!("cannot connect to Redis at {url}: {e}")))?;
        let _: String = redis::cmd("PING")
            .query_async(&mut connection)
            .await
            .map_err(|e| StoreError(format!("Redis at {url} does not answer: {e}")))?;
        Ok(RedisStore {
            connection,
            prefix: prefix.to_string(),
            limits,
            compare_and_set: redis::Script::new(COMPARE_AND_SET),
        })
    }

    fn journal_key(&self) -> String {
        format!("{}:journal", self.prefix)
    }

    fn state_key(&self, session: &str, instance: &str) -> String {
        format!("{}:state:{session}:{instance}", self.prefix)
    }

    fn plan_key(&self, session: &str) -> String {
        format!("{}:plan:{session}", self.prefix)
    }

    fn count_key(&self, session: &str, key: &str) -> String {
        format!("{}:count:{session}:{key}", self.prefix)
    }

    /// See [`crate::store::Store::plan`].
    pub async fn plan(&self, session: &str) -> Result<Option<Arc<SessionPlan>>, StoreError> {
        let mut connection = self.connection.clone();
        let key = self.plan_key(session);
        let stored: Option<String> = connection.get(&key).await.map_err(failed)?;
        stored
            .map(|text| {
                serde_json::from_str(&text).map(Arc::new).map_err(|e| {
                    StoreError(format!(
                        "Redis key {key} does not hold the mock's scenarios: {e}"
                    ))
                })
            })
            .transpose()
    }

    /// See [`crate::store::Store::set_plan`].
    pub async fn set_plan(&self, session: &str, plan: SessionPlan) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        if plan.is_empty() {
            let _: () = connection
                .del(self.plan_key(session))
                .await
                .map_err(failed)?;
        } else {
            let text = serde_json::to_string(&plan).map_err(|e| StoreError(e.to_string()))?;
            let _: () = connection
                .set(self.plan_key(session), text)
                .await
                .map_err(failed)?;
        }
        let counts = format!(
            "{}:count:{}:*",
            glob_escape(&self.prefix),
            glob_escape(session)
        );
        self.delete_matching(&counts).await
    }

    /// See [`crate::store::Store::next_count`].
    pub async fn next_count(&self, session: &str, key: &str) -> Result<u64, StoreError> {
        let mut connection = self.connection.clone();
        let count: u64 = connection
            .incr(self.count_key(session, key), 1)
            .await
            .map_err(failed)?;
        Ok(count - 1)
    }

    /// Deletes every key matching the glob `pattern`.
    async fn delete_matching(&self, pattern: &str) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        let keys: Vec<String> = {
            let mut found = Vec::new();
            let mut iter = connection
                .scan_match::<_, String>(pattern)
                .await
                .map_err(failed)?;
            while let Some(key) = futures_next(&mut iter).await {
                found.push(key);
            }
            found
        };
        if !keys.is_empty() {
            let _: () = connection.del(keys).await.map_err(failed)?;
        }
        Ok(())
    }

    /// See [`crate::store::Store::record`].
    pub async fn record(&self, entry: &JournalEntry) -> Result<(), StoreError> {
        if self.limits.journal_size == 0 {
            return Ok(());
        }
        let mut connection = self.connection.clone();
        let sequence: u64 = connection
            .incr(format!("{}:sequence", self.journal_key()), 1)
            .await
            .map_err(failed)?;
        let mut entry = entry.clone();
        entry.sequence = sequence;
        let text = serde_json::to_string(&entry).map_err(|e| StoreError(e.to_string()))?;
        let keep = self.limits.journal_size as isize;
        let mut pipe = redis::pipe();
        pipe.atomic()
            .rpush(self.journal_key(), text)
            .ignore()
            .ltrim(self.journal_key(), -keep, -1)
            .ignore();
        if let Some(field) = ServedCounts::field_of(&entry) {
            pipe.hincr(self.coverage_key(&entry.session), field, 1)
                .ignore();
        }
        pipe.query_async::<()>(&mut connection)
            .await
            .map_err(failed)
    }

    fn coverage_key(&self, session: &str) -> String {
        format!("{}:coverage:{session}", self.prefix)
    }

    /// See [`crate::store::Store::served`].
    pub async fn served(&self, session: Option<&str>) -> Result<ServedCounts, StoreError> {
        let mut connection = self.connection.clone();
        let keys: Vec<String> = match session {
            Some(session) => vec![self.coverage_key(session)],
            None => {
                let pattern = format!("{}:coverage:*", glob_escape(&self.prefix));
                let mut found = Vec::new();
                let mut iter = connection
                    .scan_match::<_, String>(&pattern)
                    .await
                    .map_err(failed)?;
                while let Some(key) = futures_next(&mut iter).await {
                    found.push(key);
                }
                found
            }
        };
        let mut counts = ServedCounts::default();
        for key in keys {
            let fields: Vec<(String, u64)> = connection.hgetall(&key).await.map_err(failed)?;
            for (field, count) in fields {
                counts.add_field(&field, count);
            }
        }
        Ok(counts)
    }

    async fn journal_texts(&self) -> Result<Vec<String>, StoreError> {
        let mut connection = self.connection.clone();
        connection
            .lrange(self.journal_key(), 0, -1)
            .await
            .map_err(failed)
    }

    /// See [`crate::store::Store::requests`].
    pub async fn requests(&self, filter: &JournalFilter) -> Result<Vec<JournalEntry>, StoreError> {
        let entries: Vec<JournalEntry> = self
            .journal_texts()
            .await?
            .iter()
            .filter_map(|text| serde_json::from_str(text).ok())
            .collect();
        Ok(filter.select(entries.iter()))
    }

    /// See [`crate::store::Store::reset`].
    pub async fn reset(&self, session: Option<&str>) -> Result<(), StoreError> {
        let mut connection = self.connection.clone();
        let prefix = glob_escape(&self.prefix);
        let session_glob = session.map_or("*".to_string(), |s| format!("{}:*", glob_escape(s)));
        for kind in ["state", "count"] {
            self.delete_matching(&format!("{prefix}:{kind}:{session_glob}"))
                .await?;
        }
        let plans = session.map_or("*".to_string(), glob_escape);
        self.delete_matching(&format!("{prefix}:plan:{plans}"))
            .await?;
        match session {
            None => {
                let _: () = connection.del(self.journal_key()).await.map_err(failed)?;
            }
            Some(session) => {
                for text in self.journal_texts().await? {
                    let mine = serde_json::from_str::<JournalEntry>(&text)
                        .is_ok_and(|entry| entry.session == session);
                    if mine {
                        let _: () = connection
                            .lrem(self.journal_key(), 0, text)
                            .await
                            .map_err(failed)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// See [`crate::store::Store::with_items`].
    pub async fn with_items<R>(
        &self,
        session: &str,
        instance: &str,
        seed: &(dyn Fn() -> Items + Sync),
        change: &mut (dyn FnMut(&mut Items) -> R + Send),
    ) -> Result<R, StoreError> {
        let key = self.state_key(session, instance);
        let mut connection = self.connection.clone();
        for _ in 0..CHANGE_ATTEMPTS {
            let stored: Option<String> = connection.get(&key).await.map_err(failed)?;
            let mut items = match &stored {
                Some(text) => serde_json::from_str::<Items>(text).map_err(|e| {
                    StoreError(format!(
                        "Redis key {key} does not hold the mock's items: {e}"
                    ))
                })?,
                None => seed(),
            };
            items.set_limit(self.limits.max_items);
            let result = change(&mut items);
            if !items.is_dirty() {
                return Ok(result);
            }
            let text = serde_json::to_string(&items).map_err(|e| StoreError(e.to_string()))?;
            let written: i32 = self
                .compare_and_set
                .key(&key)
                .arg(stored.unwrap_or_default())
                .arg(text)
                .invoke_async(&mut connection)
                .await
                .map_err(failed)?;
            if written == 1 {
                return Ok(result);
            }
        }
        Err(StoreError(format!(
            "{key} kept changing under {CHANGE_ATTEMPTS} attempts to change it"
        )))
    }
}

fn failed(error: redis::RedisError) -> StoreError {
    StoreError(format!("Redis: {error}"))
}

/// The next key of a SCAN.
async fn futures_next(iter: &mut redis::AsyncIter<'_, String>) -> Option<String> {
    iter.next_item().await.and_then(Result::ok)
}

/// Text matched literally by a Redis glob pattern.
fn glob_escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '?' | '[' | ']' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_characters_are_escaped() {
        assert_eq!(glob_escape("a*b?[c]\\"), "a\\*b\\?\\[c\\]\\\\");
    }
}
