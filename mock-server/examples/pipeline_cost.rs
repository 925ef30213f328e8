//! The request pipeline's own cost, without sockets: sends Raff's deleteBackupChain request N times through the router
//! `MockServer::router` builds (in process, one thread) under one configuration, so that
//! `valgrind --tool=callgrind` can count its instructions per request, which a shared machine cannot disturb.
//! `cargo run --release --example pipeline_cost -- CONFIG N`, CONFIG one of:
//!
//! - `plain`: the default mock (journal and coverage on, no faults);
//! - `no-journal`: `--journal-size 0` (no journal, so no coverage either);
//! - `inert-fault`: `--fault latency=0ms,probability=0`;
//! - `firing-fault`: `--fault latency=0ms` (fires, and is counted and journaled, on every request);
//! - `watched`: request headers and bodies kept in the journal, as while the dashboard is open;
//! - `stateful`: `--stateful`, the series deleted by the first request and a 404 from state after.

use axum::body::Body;
use axum::http::Request;
use mock_server::{Fault, MockServer, ServerOptions};
use tower::ServiceExt;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut args = std::env::args().skip(1);
    let config = args.next().unwrap_or_else(|| "plain".into());
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let mut options = ServerOptions::embedded();
    match config.as_str() {
        "plain" => {}
        "no-journal" => options.state_limits.journal_size = 0,
        "inert-fault" => options.faults = vec![Fault::parse("latency=0ms,probability=0").unwrap()],
        "firing-fault" => options.faults = vec![Fault::parse("latency=0ms").unwrap()],
        "watched" => options.journal_details = true,
        "stateful" => options.stateful = true,
        other => {
            eprintln!("unknown configuration `{other}`");
            std::process::exit(2);
        }
    }
    let router = MockServer::router(&options).await.expect("the specs load");
    for _ in 0..count {
        let request =
            Request::delete("/raff/api/v1/backups/3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41/chain")
                .header("X-API-Key", "bench-key")
                .header("X-Project-ID", "5a2d8e17-c4b9-4f63-8e01-7d9a3b6c2f58")
                .body(Body::empty())
                .unwrap();
        let response = router.clone().oneshot(request).await.unwrap();
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        std::hint::black_box(bytes);
    }
    println!("{config}: {count} requests");
}
