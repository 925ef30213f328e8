//! `mock-server`: serves OpenAPI 3.0 documents as a Prism-compatible mock. With no `--spec`, serves every
//! spec of `specs/` compiled into the binary, each under `/<file stem>`.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use mock_server::logging::{self, LogFormat};
use mock_server::{
    Fault, Limits, MockServer, Mount, RedisOptions, ServerOptions, StartError, StateLimits,
};

#[derive(Debug, Parser)]
#[command(
    version,
    about = "Serves OpenAPI 3.0 documents as a Prism-compatible mock server"
)]
struct Cli {
    /// An OpenAPI 3.0 document (YAML or JSON) to serve; repeat for several. Without it, every spec of the
    /// project's `specs/` folder (built into the binary) is served, each under `/<file stem>`.
    #[arg(long = "spec", value_name = "FILE")]
    specs: Vec<PathBuf>,
    /// Address to listen on. Loopback unless told otherwise.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port to listen on; 0 picks a free one (and prints it).
    #[arg(long, default_value_t = 4010)]
    port: u16,
    /// Mount even a single --spec under `/<file stem>` instead of `/`.
    #[arg(long)]
    prefixed: bool,
    /// Reload the spec files when they change, without dropping requests in flight.
    #[arg(long)]
    watch: bool,
    /// Refuse specs whose examples break their schemas, or with parts that cannot be served as written (a
    /// `$ref` to nothing, a schema that cannot be compiled); by default they load with a warning each.
    #[arg(long)]
    strict: bool,
    /// Do not answer CORS preflights nor add CORS headers.
    #[arg(long)]
    no_cors: bool,
    /// Do not validate requests: answer every routed request from the spec.
    #[arg(long)]
    no_validation: bool,
    /// The largest request body read; a longer one is answered 413.
    #[arg(long, value_name = "BYTES", default_value_t = Limits::default().max_body_bytes)]
    max_body_bytes: usize,
    /// Seconds a request body may take to arrive whole; then 408.
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = seconds)]
    body_read_timeout: Duration,
    /// Seconds a connection may take to send a request head (from its first byte, or from the accept);
    /// then it is closed.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = seconds)]
    header_read_timeout: Duration,
    /// Seconds a connection may stay silent between requests; then it is closed.
    #[arg(long, value_name = "SECONDS", default_value = "60", value_parser = seconds)]
    keep_alive_timeout: Duration,
    /// The most connections open at once; at the cap, the one waiting longest for a request is closed to
    /// make room. Keep it under the open-file limit (`ulimit -n`).
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_connections)]
    max_connections: usize,
    /// Log line format.
    #[arg(long, value_enum, default_value = "pretty")]
    log_format: LogFormat,
    /// Answer from each session's state: collections and items inferred from the paths, seeded from the
    /// examples (creates are listed, deletes are followed by 404s). `GET /__mock/routes` shows the mapping.
    #[arg(long)]
    stateful: bool,
    /// How many requests the journal (`GET /__mock/requests`) keeps; 0 keeps none.
    #[arg(long, value_name = "N", default_value_t = StateLimits::default().journal_size)]
    journal_size: usize,
    /// How many items one session's state may hold (`--stateful`); creates past it get 507.
    #[arg(long, value_name = "N", default_value_t = StateLimits::default().max_items)]
    max_items: usize,
    /// How many sessions' state is kept at once; the least recently used one starts again from the seeds.
    #[arg(long, value_name = "N", default_value_t = StateLimits::default().max_sessions)]
    max_sessions: usize,
    /// A valid credential, `SCHEME=VALUE` (`ApiKeyAuth=secret`; `raff.ApiKeyAuth=secret` for one spec;
    /// `user:password` for HTTP basic); repeat for several. Any other value then gets the spec's 401.
    /// Without valid credentials any non-empty credential is accepted.
    #[arg(long = "credential", value_name = "SCHEME=VALUE")]
    credentials: Vec<String>,
    /// A YAML or JSON file of valid credentials: scheme names to a value or a list of values.
    #[arg(long = "credentials", value_name = "FILE")]
    credentials_file: Option<PathBuf>,
    /// Keep state and journal in this Redis (`redis://127.0.0.1:6379`), shared by every mock using it.
    #[arg(long, value_name = "URL")]
    redis: Option<String>,
    /// What the Redis keys start with; mocks with the same prefix share state and journal.
    #[arg(
        long,
        value_name = "PREFIX",
        default_value = "mock-server",
        requires = "redis"
    )]
    redis_prefix: String,
    /// A fault to inject in every session; repeat for several. `KIND[=VALUE][,operation=OP]
    /// [,probability=P][,count=N][,seed=S]` with KIND one of latency=200ms (or 50ms..400ms, or
    /// p50:20ms/p99:400ms), status=503 (the operation's documented response of it, with its Retry-After),
    /// reset, empty, truncate, drip=50ms. Count is per session. Sessions add their own with
    /// `POST /__mock/faults`.
    #[arg(long = "fault", value_name = "FAULT", value_parser = fault)]
    faults: Vec<Fault>,
    /// The seed that faults draw from (unless they give their own): the same seed and the same requests
    /// give the same faults. The journal records it with each fault.
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,
    /// Keep every request's headers (credentials masked) and body in the journal; by default they are kept
    /// only while the dashboard (`/__mock/`) is open.
    #[arg(long)]
    journal_details: bool,
}

fn fault(text: &str) -> Result<Fault, String> {
    Fault::parse(text).map_err(|error| error.0)
}

impl Cli {
    fn limits(&self) -> Limits {
        Limits {
            max_body_bytes: self.max_body_bytes,
            body_read_timeout: self.body_read_timeout,
            header_read_timeout: self.header_read_timeout,
            keep_alive_timeout: self.keep_alive_timeout,
            max_connections: self.max_connections,
        }
    }
}

/// A positive number of seconds (`0.5`, `30`).
fn seconds(text: &str) -> Result<Duration, String> {
    match text.parse::<f64>() {
        Ok(value) if value > 0.0 && value.is_finite() => Ok(Duration::from_secs_f64(value)),
        _ => Err(format!("`{text}` is not a positive number of seconds")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    mock_server::limits::return_large_buffers_promptly();
    logging::init(cli.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(1);
        }
    };
    let code = runtime.block_on(run(cli));
    logging::flush();
    code
}

async fn run(cli: Cli) -> ExitCode {
    let mut options = if cli.specs.is_empty() {
        ServerOptions::embedded()
    } else {
        ServerOptions::spec_files(cli.specs.clone())
    };
    if cli.prefixed {
        options.mount = Mount::Prefixed;
    }
    options.addr = SocketAddr::new(cli.host, cli.port);
    options.strict = cli.strict;
    options.cors = !cli.no_cors;
    options.validate_requests = !cli.no_validation;
    options.stateful = cli.stateful;
    options.redis = cli.redis.as_ref().map(|url| RedisOptions {
        url: url.clone(),
        prefix: cli.redis_prefix.clone(),
    });
    let credentials = cli
        .credentials
        .iter()
        .try_for_each(|pair| options.credentials.add_pair(pair))
        .and_then(|()| match &cli.credentials_file {
            Some(file) => options.credentials.add_file(file),
            None => Ok(()),
        });
    if let Err(error) = credentials {
        eprintln!("error: {error}");
        return ExitCode::from(2);
    }
    options.state_limits = StateLimits {
        journal_size: cli.journal_size,
        max_items: cli.max_items,
        max_sessions: cli.max_sessions,
    };
    options.limits = cli.limits();
    options.faults = cli.faults.clone();
    options.seed = cli.seed;
    options.journal_details = cli.journal_details;
    if cli.watch {
        if cli.specs.is_empty() {
            tracing::warn!(
                "--watch has no effect on the built-in specs; pass --spec FILE to watch files"
            );
        }
        options.watch = Some(Duration::from_millis(500));
    }

    let server = match MockServer::start(options).await {
        Ok(server) => server,
        Err(
            error @ (StartError::Catalog(_) | StartError::Credentials(_) | StartError::Fault(_)),
        ) => {
            logging::flush();
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
        Err(error) => {
            logging::flush();
            eprintln!("error: {error}");
            return ExitCode::from(1);
        }
    };
    tracing::info!(url = %server.url(), "mock server listening; GET /__mock/routes lists the operations");
    logging::flush();
    // A plain line first, for scripts and tests that asked for port 0.
    println!("listening on {}", server.url());

    match tokio::signal::ctrl_c().await {
        Ok(()) => tracing::info!("Ctrl-C: finishing requests in flight, then stopping"),
        Err(error) => tracing::error!("cannot listen for Ctrl-C ({error}); stopping"),
    }
    server.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_defaults_are_the_libraries() {
        assert_eq!(Cli::parse_from(["mock-server"]).limits(), Limits::default());
        let cli = Cli::parse_from(["mock-server", "--header-read-timeout", "0.5"]);
        assert_eq!(cli.limits().header_read_timeout, Duration::from_millis(500));
        assert!(Cli::try_parse_from(["mock-server", "--keep-alive-timeout", "0"]).is_err());
    }
}
