//! Rate limits: 429 and 503 are retried with bounded backoff, honouring `Retry-After`; the caller gets the
//! last error typed when retries run out, with HostUp's `X-RateLimit-*` headers readable.

use std::time::{Duration, Instant, SystemTime};

use canned_server::{Canned, CannedServer};
use cloud_backup_apis::hostup;
use cloud_backup_apis::runtime::{ClientConfig, Error, Response, RetryPolicy};

use crate::support::{documented, spec};

fn client(server: &CannedServer, retry: RetryPolicy) -> hostup::Client {
    let config = ClientConfig::default().retry(retry);
    hostup::Client::builder(&server.url)
        .credentials(hostup::Credentials::BearerAuth("t".into()))
        .config(config)
        .build()
        .unwrap()
}

async fn delete(
    client: &hostup::Client,
) -> Result<Response<()>, Error<hostup::responses::DeleteVpsBackupError>> {
    client
        .delete_vps_backup()
        .id("vps_1")
        .backup_id("bkp_1")
        .send()
        .await
}

fn rate_limited(retry_after: &str) -> Canned {
    let mut canned = documented(&spec("hostup"), "deleteVpsBackup", 429, None);
    canned
        .headers
        .retain(|(name, _)| !name.eq_ignore_ascii_case("retry-after"));
    canned.header("Retry-After", retry_after)
}

#[tokio::test]
async fn retry_after_in_seconds_is_waited_for_then_the_call_succeeds() {
    let server = CannedServer::start(|n| {
        if n == 0 {
            rate_limited("1")
        } else {
            Canned::empty(204)
        }
    })
    .await;
    let started = Instant::now();

    let deleted = delete(&client(&server, RetryPolicy::default()))
        .await
        .unwrap();

    assert_eq!(deleted.status(), 204);
    assert_eq!(server.requests().len(), 2);
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited only {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_waited_for() {
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
    let server = CannedServer::start(move |n| {
        if n == 0 {
            rate_limited(&date)
        } else {
            Canned::empty(204)
        }
    })
    .await;
    let started = Instant::now();

    delete(&client(&server, RetryPolicy::default()))
        .await
        .unwrap();

    assert_eq!(server.requests().len(), 2);
    // The date has one-second resolution: the wait is between one and two seconds.
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "waited only {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn retries_stop_at_the_bound_and_the_last_error_comes_back_typed() {
    let server = CannedServer::always(rate_limited("0")).await;

    let result = delete(&client(&server, RetryPolicy::default().max_retries(2))).await;

    assert_eq!(server.requests().len(), 3, "one attempt and two retries");
    let error = result.unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("429 Too Many Requests after 3 attempts: "),
        "{error}"
    );
    match error {
        Error::Documented(response) => {
            assert_eq!(response.status(), 429);
            assert_eq!(response.attempts(), 3);
            for header in [
                "x-ratelimit-limit",
                "x-ratelimit-remaining",
                "x-ratelimit-reset",
            ] {
                assert!(
                    response.headers().contains_key(header),
                    "{header} is readable"
                );
            }
            assert!(
                matches!(response.into_inner(), hostup::responses::DeleteVpsBackupError::TooManyRequests(p) if p.code == "rate_limit_exceeded")
            );
        }
        other => panic!("expected the typed 429, got {other:?}"),
    }
}

#[tokio::test]
async fn a_retry_after_beyond_the_policy_limit_is_returned_at_once() {
    let server = CannedServer::always(rate_limited("3600")).await;
    let started = Instant::now();

    let result = delete(&client(&server, RetryPolicy::default())).await;

    assert!(matches!(result, Err(Error::Documented(r)) if r.status() == 429));
    assert_eq!(server.requests().len(), 1);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn unavailable_is_retried_with_backoff_and_other_errors_are_not() {
    let server = CannedServer::start(|n| match n {
        0 | 1 => Canned::empty(503),
        2 => Canned::empty(204),
        _ => documented(&spec("hostup"), "deleteVpsBackup", 500, None),
    })
    .await;
    let policy = RetryPolicy::default()
        .initial_backoff(Duration::from_millis(10))
        .max_backoff(Duration::from_millis(20));
    let client = client(&server, policy);

    delete(&client).await.unwrap();
    assert_eq!(server.requests().len(), 3, "two 503s retried");

    let failed = delete(&client).await;
    assert!(matches!(failed, Err(Error::Documented(r)) if r.status() == 500));
    assert_eq!(server.requests().len(), 4, "a 500 is not retried");
}

#[tokio::test]
async fn retries_can_be_switched_off() {
    let server = CannedServer::always(rate_limited("0")).await;
    let result = delete(&client(&server, RetryPolicy::disabled())).await;
    assert!(matches!(result, Err(Error::Documented(r)) if r.status() == 429));
    assert_eq!(server.requests().len(), 1);
}
