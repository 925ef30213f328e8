//! Closed-loop tests of the typed clients against a failing provider: for each provider, the mock injects
//! faults into its list operation (429s with `Retry-After` in seconds and as an HTTP date, 503 bursts,
//! bodies cut short, connection resets, latency past the client's timeout), and each test checks from the
//! mock's journal how often and when the client retried, and which typed error it gave when retries ran
//! out. Waits are sped up 1000 times ([`RetryPolicy::speed_up`]); the same seed gives the same run.

use std::time::{Duration, SystemTime};

use cloud_backup_apis::runtime::{ClientConfig, Error, Response, RetryPolicy};
use cloud_backup_apis::{hostup, nethesis, raff, taurusdb};
use libtest_mimic::{Failed, Trial};
use mock_server::{Fault, JournalEntry, Scenario, Step};

use crate::cases::SECRET;
use crate::flows::{SPEED_UP, expect_eq, journal, micros_between, raff_example_ids, stateful_mock};
use crate::suite;

/// A provider's list operation, and what its spec documents about failing.
#[derive(Debug, Clone, Copy)]
struct Provider {
    spec: &'static str,
    operation: &'static str,
    documents_429: bool,
    documents_503: bool,
    /// The `Retry-After` its 429 documents, in seconds.
    retry_after: Option<u64>,
}

const PROVIDERS: [Provider; 4] = [
    Provider {
        spec: "raff",
        operation: "raff.listBackups",
        documents_429: false,
        documents_503: false,
        retry_after: None,
    },
    Provider {
        spec: "nethesis",
        operation: "nethesis.getSystemBackups",
        documents_429: true,
        documents_503: true,
        retry_after: None,
    },
    Provider {
        spec: "hostup",
        operation: "hostup.listVpsBackups",
        documents_429: true,
        documents_503: false,
        retry_after: Some(30),
    },
    Provider {
        spec: "taurusdb",
        operation: "taurusdb.listBackups",
        documents_429: true,
        documents_503: false,
        retry_after: None,
    },
];

pub(crate) fn trials() -> Vec<Trial> {
    let mut trials = Vec::new();
    for provider in PROVIDERS {
        let name = |case: &str| format!("resilience/{}/{case}", provider.spec);
        trials.push(Trial::test(name("two_429s_then_success"), move || {
            run(two_429s_then_success(provider))
        }));
        if provider.documents_429 {
            trials.push(Trial::test(
                name("a_429_with_retry_after_as_an_http_date"),
                move || run(retry_after_as_a_date(provider)),
            ));
        }
        trials.push(Trial::test(
            name("a_503_burst_runs_out_of_retries"),
            move || run(a_503_burst(provider)),
        ));
        trials.push(Trial::test(
            name("a_body_cut_short_and_a_reset_are_transport_errors"),
            move || run(broken_transport(provider)),
        ));
        trials.push(Trial::test(name("latency_past_the_timeout"), move || {
            run(latency_past_the_timeout(provider))
        }));
        trials.push(Trial::test(
            name("the_same_seed_gives_the_same_run"),
            move || run(same_seed_same_run(provider)),
        ));
    }
    trials
}

fn run(test: impl std::future::Future<Output = Result<(), String>>) -> Result<(), Failed> {
    stateful_mock();
    suite().runtime.block_on(test).map_err(Failed::from)
}

/// How a call ended.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ending {
    Success(u16),
    Documented(u16),
    Undocumented(u16),
    Refused(u16),
    Timeout,
    Transport,
    NotSent,
}

fn ending<T, E>(result: Result<Response<T>, Error<E>>) -> (Ending, u32) {
    match result {
        Ok(response) => (
            Ending::Success(response.status().as_u16()),
            response.attempts(),
        ),
        Err(error) => {
            let attempts = error.attempts();
            let status = error.status().map_or(0, |s| s.as_u16());
            let ending = match &error {
                Error::Documented(_) => Ending::Documented(status),
                Error::Undocumented(_) => Ending::Undocumented(status),
                Error::Refused(_) => Ending::Refused(status),
                Error::Transport(_) if error.is_timeout() => Ending::Timeout,
                Error::Transport(_) => Ending::Transport,
                Error::Undecodable { .. } | Error::InvalidRequest(_) => Ending::NotSent,
            };
            (ending, attempts)
        }
    }
}

/// Calls the provider's list operation once in `session`, with `retry` and `timeout`.
async fn call(
    provider: Provider,
    session: &str,
    retry: RetryPolicy,
    timeout: Duration,
) -> Result<(Ending, u32), String> {
    let base = stateful_mock()
        .spec_url(provider.spec)
        .ok_or("no such spec")?;
    let config = ClientConfig::default()
        .retry(retry)
        .timeout(timeout)
        .default_header("X-Mock-Session", session)
        .map_err(|e| e.to_string())?;
    let built = |e: cloud_backup_apis::runtime::BuildError| e.to_string();
    Ok(match provider.spec {
        "raff" => {
            let client = raff::Client::builder(&base)
                .credentials(raff::Credentials::ApiKeyAuth(SECRET.into()))
                .config(config)
                .build()
                .map_err(built)?;
            let (project, _) = raff_example_ids()?;
            ending(client.list_backups().x_project_id(project).send().await)
        }
        "nethesis" => {
            let client = nethesis::Client::builder(&base)
                .credentials(nethesis::Credentials::BearerAuth(SECRET.into()))
                .config(config)
                .build()
                .map_err(built)?;
            ending(
                client
                    .get_system_backups()
                    .id("4a1f0c6e-9b2d-4e57-8c31-7d5e2f9a6b08")
                    .send()
                    .await,
            )
        }
        "hostup" => {
            let client = hostup::Client::builder(&base)
                .credentials(hostup::Credentials::BearerAuth(SECRET.into()))
                .config(config)
                .build()
                .map_err(built)?;
            ending(
                client
                    .list_vps_backups()
                    .id("vps_01hxa3b4c5d6e7f8g9h0j1k2m3")
                    .send()
                    .await,
            )
        }
        "taurusdb" => {
            let client = taurusdb::Client::builder(&base)
                .credentials(taurusdb::Credentials::IamToken(SECRET.into()))
                .config(config)
                .build()
                .map_err(built)?;
            let project: taurusdb::types::ProjectId = "054e292c9880d4992f02c0196d3ea468"
                .parse()
                .map_err(|e| format!("{e}"))?;
            ending(client.list_backups().project_id(&project).send().await)
        }
        other => return Err(format!("no client for {other}")),
    })
}

fn retrying(max_retries: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(max_retries)
        .speed_up(SPEED_UP)
}

const TIMEOUT: Duration = Duration::from_secs(5);

async fn fault(session: &str, text: &str) -> Result<(), String> {
    let fault = Fault::parse(text).map_err(|e| e.to_string())?;
    stateful_mock()
        .fault(session, fault)
        .await
        .map_err(|e| e.to_string())
}

fn statuses(entries: &[JournalEntry]) -> Vec<u16> {
    entries.iter().map(|e| e.status).collect()
}

/// The status a provider's 429 or 503 ends with when retries run out: its documented error, else the
/// undocumented status.
fn exhausted(documented: bool, status: u16) -> Ending {
    if documented {
        Ending::Documented(status)
    } else {
        Ending::Undocumented(status)
    }
}

async fn two_429s_then_success(provider: Provider) -> Result<(), String> {
    let session = format!("resilience-{}-429", provider.spec);
    fault(
        &session,
        &format!("status=429,count=2,operation={}", provider.operation),
    )
    .await?;
    let (ended, attempts) = call(provider, &session, retrying(3), TIMEOUT).await?;
    expect_eq(ended, Ending::Success(200), "ending")?;
    expect_eq(attempts, 3, "attempts")?;
    let sent = journal(&session).await?;
    expect_eq(statuses(&sent), vec![429, 429, 200], "journaled statuses")?;
    // The wait asked for: the documented Retry-After, or the mock's own 1 s where none is documented.
    let asked = match (provider.documents_429, provider.retry_after) {
        (true, Some(seconds)) => Some(seconds),
        (true, None) => None,
        (false, _) => Some(1),
    };
    if let Some(seconds) = asked {
        let least = seconds * 1_000_000 / u64::from(SPEED_UP);
        for pair in sent.windows(2) {
            let waited = micros_between(&pair[0], &pair[1])?;
            if waited < least {
                return Err(format!(
                    "a retry came {waited} µs after a 429 asking for {seconds} s (sped up: {least} µs)"
                ));
            }
        }
    }
    Ok(())
}

async fn retry_after_as_a_date(provider: Provider) -> Result<(), String> {
    let session = format!("resilience-{}-429-date", provider.spec);
    let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3));
    stateful_mock()
        .scenario(
            &session,
            Scenario::new(provider.operation)
                .then(Step::status(429).header("Retry-After", later))
                .then(Step::status(200)),
        )
        .await
        .map_err(|e| e.to_string())?;
    let (ended, attempts) = call(provider, &session, retrying(2), TIMEOUT).await?;
    expect_eq(ended, Ending::Success(200), "ending")?;
    expect_eq(attempts, 2, "attempts")?;
    let sent = journal(&session).await?;
    expect_eq(statuses(&sent), vec![429, 200], "journaled statuses")?;
    // Two to three seconds away (the date has whole seconds), sped up 1000 times.
    let waited = micros_between(&sent[0], &sent[1])?;
    if waited < 1_000 {
        return Err(format!(
            "the retry came {waited} µs after a 429 whose Retry-After date was 2 to 3 s away"
        ));
    }
    Ok(())
}

async fn a_503_burst(provider: Provider) -> Result<(), String> {
    let session = format!("resilience-{}-503", provider.spec);
    fault(
        &session,
        &format!("status=503,count=5,operation={}", provider.operation),
    )
    .await?;
    let (ended, attempts) = call(provider, &session, retrying(2), TIMEOUT).await?;
    expect_eq(ended, exhausted(provider.documents_503, 503), "ending")?;
    expect_eq(attempts, 3, "attempts")?;
    let sent = journal(&session).await?;
    expect_eq(statuses(&sent), vec![503, 503, 503], "journaled statuses")
}

async fn broken_transport(provider: Provider) -> Result<(), String> {
    for kind in ["truncate", "reset", "empty"] {
        let session = format!("resilience-{}-{kind}", provider.spec);
        fault(
            &session,
            &format!("{kind},count=1,operation={}", provider.operation),
        )
        .await?;
        let (ended, attempts) = call(provider, &session, retrying(3), TIMEOUT).await?;
        expect_eq(ended, Ending::Transport, kind)?;
        expect_eq(attempts, 1, "attempts (a transport error is not retried)")?;
        // The fault fired once: the next call gets the answer.
        let (ended, _) = call(provider, &session, retrying(3), TIMEOUT).await?;
        expect_eq(ended, Ending::Success(200), "after the fault")?;
    }
    Ok(())
}

async fn latency_past_the_timeout(provider: Provider) -> Result<(), String> {
    let session = format!("resilience-{}-slow", provider.spec);
    fault(
        &session,
        &format!("latency=400ms,count=1,operation={}", provider.operation),
    )
    .await?;
    let (ended, attempts) =
        call(provider, &session, retrying(3), Duration::from_millis(100)).await?;
    expect_eq(ended, Ending::Timeout, "ending")?;
    expect_eq(attempts, 1, "attempts")
}

/// Twelve calls against a 50% 503 fault with the seed 11, as (ending, attempts) and the statuses the
/// mock journaled.
async fn seeded_run(
    provider: Provider,
    session: &str,
) -> Result<(Vec<(Ending, u32)>, Vec<u16>), String> {
    fault(
        session,
        &format!(
            "status=503,probability=0.5,seed=11,operation={}",
            provider.operation
        ),
    )
    .await?;
    let mut endings = Vec::new();
    for _ in 0..12 {
        endings.push(call(provider, session, retrying(1), TIMEOUT).await?);
    }
    Ok((endings, statuses(&journal(session).await?)))
}

async fn same_seed_same_run(provider: Provider) -> Result<(), String> {
    let session = format!("resilience-{}-seeded", provider.spec);
    let first = seeded_run(provider, &session).await?;
    stateful_mock()
        .reset(Some(&session))
        .await
        .map_err(|e| e.to_string())?;
    let again = seeded_run(provider, &session).await?;
    expect_eq(&again, &first, "the second run")?;
    let failed = first.1.iter().filter(|&&s| s == 503).count();
    if failed == 0 || failed == first.1.len() {
        return Err(format!("a 50% fault fired {failed} times in {:?}", first.1));
    }
    Ok(())
}
