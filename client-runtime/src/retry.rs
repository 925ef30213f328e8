//! Retrying rate-limited and unavailable responses: which statuses, how long to wait, when to stop. The
//! sending loop that follows the policy is in `send`.

use std::time::{Duration, SystemTime};

use rand::Rng;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};

/// When and how often a client retries.
///
/// A response whose status is in `statuses` is sent again, up to `max_retries` more times. The wait before
/// each retry is the server's `Retry-After` (seconds or an HTTP date) when it sends one, else exponential
/// backoff: `initial_backoff`, doubling each retry, capped at `max_backoff`, with full jitter (a random wait
/// between zero and that). A `Retry-After` longer than `max_retry_after` is not waited for: that response is
/// returned at once. When retries run out the last response is returned as the operation's typed result,
/// and [`Response::attempts`](crate::Response::attempts) / [`Error::attempts`](crate::Error::attempts) say
/// how many attempts were made. A request whose body is a stream is sent once. Each retry is logged as a
/// `tracing` event (attempt, status, delay) inside the request's span.
///
/// | field | default |
/// | --- | --- |
/// | `max_retries` | 3 (so at most 4 attempts) |
/// | `initial_backoff` | 500 ms |
/// | `max_backoff` | 30 s |
/// | `max_retry_after` | 120 s |
/// | `statuses` | 429 Too Many Requests, 503 Service Unavailable |
/// | `speed_up` | 1 |
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// How many times a request is sent again after its first attempt (0: never).
    pub max_retries: u32,
    /// The backoff before the first retry when the server sends no `Retry-After`; doubled for each retry.
    pub initial_backoff: Duration,
    /// The most the backoff grows to.
    pub max_backoff: Duration,
    /// The longest `Retry-After` the client waits for; a response asking for more is returned at once.
    pub max_retry_after: Duration,
    /// The statuses that are retried.
    pub statuses: Vec<StatusCode>,
    /// Every wait is this many times shorter than the server asks or the backoff says (1: as asked).
    /// For test suites against a mock that sends a provider's real `Retry-After` (30 s): the client still
    /// follows what it receives, only faster. `max_retry_after` applies to the wait asked for.
    pub speed_up: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 3,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(120),
            statuses: vec![
                StatusCode::TOO_MANY_REQUESTS,
                StatusCode::SERVICE_UNAVAILABLE,
            ],
            speed_up: 1,
        }
    }
}

impl RetryPolicy {
    /// Never retry.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_retries: 0,
            ..RetryPolicy::default()
        }
    }

    /// Sets [`RetryPolicy::max_retries`].
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = max_retries;
        self
    }

    /// Sets [`RetryPolicy::initial_backoff`].
    pub fn initial_backoff(mut self, backoff: Duration) -> Self {
        self.initial_backoff = backoff;
        self
    }

    /// Sets [`RetryPolicy::max_backoff`].
    pub fn max_backoff(mut self, backoff: Duration) -> Self {
        self.max_backoff = backoff;
        self
    }

    /// Sets [`RetryPolicy::max_retry_after`].
    pub fn max_retry_after(mut self, limit: Duration) -> Self {
        self.max_retry_after = limit;
        self
    }

    /// The statuses to retry (429 and 503 by default).
    pub fn statuses(mut self, statuses: impl IntoIterator<Item = StatusCode>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Waits `factor` times shorter (see [`RetryPolicy::speed_up`]; 0 counts as 1).
    pub fn speed_up(mut self, factor: u32) -> Self {
        self.speed_up = factor.max(1);
        self
    }

    /// How long to wait before retry number `retry` (0-based) of a response, or `None` to stop.
    pub fn delay_before_retry(
        &self,
        retry: u32,
        status: StatusCode,
        headers: &HeaderMap,
        now: SystemTime,
    ) -> Option<Duration> {
        if retry >= self.max_retries || !self.statuses.contains(&status) {
            return None;
        }
        let wait = match retry_after_delay(headers, now) {
            Some(wait) if wait > self.max_retry_after => return None,
            Some(wait) => wait,
            None => {
                let exponential = self
                    .initial_backoff
                    .saturating_mul(2u32.saturating_pow(retry));
                let cap = exponential.min(self.max_backoff);
                cap.mul_f64(rand::rng().random_range(0.0..=1.0))
            }
        };
        Some(wait / self.speed_up.max(1))
    }
}

/// The wait a `Retry-After` header asks for: delay-seconds, or an HTTP date (a date in the past means now).
pub fn retry_after_delay(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(retry_after: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, HeaderValue::from_str(retry_after).unwrap());
        headers
    }

    #[test]
    fn retry_after_in_seconds_and_as_a_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_784_000_000);
        assert_eq!(
            retry_after_delay(&headers("7"), now),
            Some(Duration::from_secs(7))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(90));
        assert_eq!(
            retry_after_delay(&headers(&later), now),
            Some(Duration::from_secs(90))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(90));
        assert_eq!(
            retry_after_delay(&headers(&earlier), now),
            Some(Duration::ZERO)
        );
        assert_eq!(retry_after_delay(&headers("soon"), now), None);
    }

    #[test]
    fn policy_stops_at_the_bound_and_on_other_statuses() {
        let policy = RetryPolicy::default().max_retries(2);
        let now = SystemTime::now();
        let h = headers("1");
        assert_eq!(
            policy.delay_before_retry(0, StatusCode::TOO_MANY_REQUESTS, &h, now),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            policy.delay_before_retry(1, StatusCode::SERVICE_UNAVAILABLE, &h, now),
            Some(Duration::from_secs(1))
        );
        assert_eq!(
            policy.delay_before_retry(2, StatusCode::TOO_MANY_REQUESTS, &h, now),
            None
        );
        assert_eq!(
            policy.delay_before_retry(0, StatusCode::INTERNAL_SERVER_ERROR, &h, now),
            None
        );
        assert_eq!(
            RetryPolicy::disabled().delay_before_retry(0, StatusCode::TOO_MANY_REQUESTS, &h, now),
            None
        );
    }

    #[test]
    fn a_sped_up_policy_waits_a_fraction_of_what_is_asked() {
        let policy = RetryPolicy::default().speed_up(1000);
        assert_eq!(
            policy.delay_before_retry(
                0,
                StatusCode::TOO_MANY_REQUESTS,
                &headers("30"),
                SystemTime::now()
            ),
            Some(Duration::from_millis(30))
        );
    }

    #[test]
    fn a_retry_after_beyond_the_limit_is_not_waited_for() {
        let policy = RetryPolicy::default().max_retry_after(Duration::from_secs(60));
        assert_eq!(
            policy.delay_before_retry(
                0,
                StatusCode::TOO_MANY_REQUESTS,
                &headers("3600"),
                SystemTime::now()
            ),
            None
        );
    }

    #[test]
    fn backoff_without_retry_after_doubles_within_the_cap() {
        let policy = RetryPolicy::default()
            .max_retries(10)
            .initial_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_millis(300));
        let none = HeaderMap::new();
        for (retry, cap) in [(0, 100), (1, 200), (2, 300), (5, 300)] {
            let wait = policy
                .delay_before_retry(
                    retry,
                    StatusCode::SERVICE_UNAVAILABLE,
                    &none,
                    SystemTime::now(),
                )
                .unwrap();
            assert!(
                wait <= Duration::from_millis(cap),
                "retry {retry}: {wait:?} over {cap} ms"
            );
        }
    }
}
