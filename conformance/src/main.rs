//! The `conformance` binary: `check SPEC...` and `verify SPEC --target URL`. Exit codes: 0 clean, 1 findings
//! or failures, 2 could not run (unreadable spec, unreachable target, bad flags).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::time::Duration;

use conformance::verify::request::Credentials;
use conformance::{check, check_report, verify, verify_report};

#[derive(Parser)]
#[command(
    name = "conformance",
    version,
    about = "Lint OpenAPI 3.0 specs and contract-test live servers against them",
    long_about = "Lint OpenAPI 3.0 specs (`check`) and contract-test a live server against its spec (`verify`).\n\n\
                  `coverage` reads a running mock server's coverage and fails under `--min`.\n\n\
                  Exit codes: 0 clean, 1 findings or failures (or coverage under --min), 2 could not run \
                  (unreadable spec, unreachable target, bad flags)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint spec files: parse errors, unresolved $refs, missing or duplicate operationIds, invalid examples,
    /// JSON responses without a schema, constructs the client build refuses.
    Check(CheckArgs),
    /// Contract-test a live server: send every operation's documented example requests to --target and
    /// check status, content type, required headers and body schema (Schemathesis check names).
    Verify(VerifyArgs),
    /// Read a running mock server's coverage (which documented responses its clients were served) and
    /// fail under a threshold: `conformance coverage http://127.0.0.1:4010 --min 100 --format junit`.
    Coverage(CoverageArgs),
}

#[derive(Args)]
struct CoverageArgs {
    /// The mock server's address (`http://127.0.0.1:4010`); its `/__mock/coverage` is read.
    #[arg(value_name = "URL")]
    url: String,
    /// One session's coverage (`X-Mock-Session`); every session's together by default.
    #[arg(long, value_name = "NAME")]
    session: Option<String>,
    /// Exit 1 when fewer than this percent of the documented responses were served.
    #[arg(long, value_name = "PERCENT", default_value_t = 0.0)]
    min: f64,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args)]
struct VerifyArgs {
    /// The spec the server must conform to.
    #[arg(value_name = "SPEC")]
    spec: PathBuf,
    /// Base URL of the server; the spec's paths are appended to it (`http://127.0.0.1:4010/raff`).
    #[arg(long, value_name = "URL")]
    target: String,
    /// Token for `http` `bearer` security schemes (also OAuth2 / OpenID Connect), sent as
    /// `Authorization: Bearer TOKEN`.
    #[arg(
        long,
        env = "CONFORMANCE_BEARER",
        value_name = "TOKEN",
        hide_env_values = true
    )]
    bearer: Option<String>,
    /// `USER:PASSWORD` for `http` `basic` security schemes, sent as `Authorization: Basic` with the pair
    /// base64-encoded (curl lines pass it to `-u`).
    #[arg(
        long,
        env = "CONFORMANCE_BASIC",
        value_name = "USER:PASSWORD",
        hide_env_values = true
    )]
    basic: Option<String>,
    /// Value for an `apiKey` security scheme, by the scheme's parameter name (`X-API-Key=secret`);
    /// repeat for several. The environment variable takes a comma-separated list.
    #[arg(long = "api-key", env = "CONFORMANCE_API_KEY", value_name = "NAME=VALUE",
          value_delimiter = ',', value_parser = parse_pair, hide_env_values = true)]
    api_keys: Vec<(String, String)>,
    /// A header sent with every request (`X-Tenant: acme`); repeat for several. Headers whose name looks
    /// secret (authorization, cookie, *key*, *token*...) are redacted in curl lines.
    #[arg(long = "header", value_name = "NAME: VALUE", value_parser = parse_header)]
    headers: Vec<(String, String)>,
    /// Also check that the server refuses bad requests: no credentials → 401/403 (`ignored_auth`), an
    /// invalid body or parameter → 4xx (`negative_data_rejection`), and a GET after a successful DELETE →
    /// 404 (`use_after_free`).
    #[arg(long)]
    negative: bool,
    /// Requests in flight at once.
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
    concurrency: u16,
    /// Seconds to wait for each response before the case counts as errored.
    #[arg(long, default_value_t = 10, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// The most bytes of a response body read; a longer body fails its case (`response_size_limit`) and
    /// the run goes on.
    #[arg(long, default_value_t = verify::DEFAULT_MAX_RESPONSE_BYTES, value_name = "N",
          value_parser = clap::value_parser!(u64).range(1..))]
    max_response_bytes: u64,
    /// Only this operationId; repeat for several.
    #[arg(long = "operation", value_name = "OPERATION_ID")]
    operations: Vec<String>,
    #[command(flatten)]
    output: OutputArgs,
}

fn parse_pair(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.to_string()))
        }
        _ => Err(format!("`{text}` is not NAME=VALUE")),
    }
}

fn parse_header(text: &str) -> Result<(String, String), String> {
    match text.split_once(':') {
        Some((name, value)) if !name.trim().is_empty() => {
            Ok((name.trim().to_string(), value.trim().to_string()))
        }
        _ => Err(format!("`{text}` is not `NAME: VALUE`")),
    }
}

#[derive(Args)]
struct CheckArgs {
    /// Spec files to check (YAML, or JSON with a `.json` extension).
    #[arg(required = true, value_name = "SPEC")]
    specs: Vec<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Args)]
struct OutputArgs {
    /// Report format: `human` (compiler-style, the default), `json` (JSON Lines: one object per finding or
    /// per case) or `junit` (JUnit XML for CI test reports).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Write the report to FILE instead of standard output. With `--format json` or `junit` the human
    /// report still goes to standard output, so CI logs stay readable.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
    Junit,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Verify(args) => run_verify(args),
        Command::Coverage(args) => run_coverage(args),
    }
}

fn run_coverage(args: CoverageArgs) -> ExitCode {
    if !(0.0..=100.0).contains(&args.min) {
        eprintln!(
            "error: --min is a percentage from 0 to 100, not {}",
            args.min
        );
        return ExitCode::from(2);
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let base = args.url.trim_end_matches('/');
    let fetch = |format: &str| {
        let url = format!("{base}/__mock/coverage");
        let mut query = vec![("format", format.to_string())];
        if let Some(session) = &args.session {
            query.push(("session", session.clone()));
        }
        runtime.block_on(async move {
            let response = reqwest::Client::new()
                .get(&url)
                .query(&query)
                .timeout(Duration::from_secs(30))
                .send()
                .await
                .map_err(|e| format!("{url} cannot be reached: {e}"))?;
            let status = response.status();
            let text = response
                .text()
                .await
                .map_err(|e| format!("{url}: the answer cannot be read: {e}"))?;
            if !status.is_success() {
                return Err(format!(
                    "{url} answered {status}: {}\n  is it a mock server of this project?",
                    text.trim()
                ));
            }
            Ok(text)
        })
    };
    let summary = match fetch("json").map(|text| serde_json::from_str::<serde_json::Value>(&text)) {
        Ok(Ok(summary)) => summary,
        Ok(Err(e)) => {
            eprintln!("error: {base}/__mock/coverage did not answer a coverage report: {e}");
            return ExitCode::from(2);
        }
        Err(cannot) => {
            eprintln!("error: {cannot}");
            return ExitCode::from(2);
        }
    };
    let report = match args.output.format {
        Format::Human => fetch("text"),
        Format::Json => Ok(format!("{summary}\n")),
        Format::Junit => fetch("junit"),
    };
    let report = match report {
        Ok(report) => report,
        Err(cannot) => {
            eprintln!("error: {cannot}");
            return ExitCode::from(2);
        }
    };
    let human = || fetch("text").unwrap_or_default();
    if let Err(code) = emit(&args.output, human, report) {
        return code;
    }
    let percent = summary["percent"].as_f64().unwrap_or(0.0);
    if percent < args.min {
        eprintln!(
            "coverage {percent}% is under --min {}%: {} of {} documented responses served",
            args.min, summary["served"], summary["documented"]
        );
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Writes the report where `--output` says; a failure to write is a failure to run.
fn emit(output: &OutputArgs, human: impl Fn() -> String, report: String) -> Result<(), ExitCode> {
    match &output.output {
        Some(path) => {
            if output.format != Format::Human {
                print!("{}", human());
            }
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                // A missing directory is created; a failure shows in the write below.
                let _ = std::fs::create_dir_all(parent);
            }
            std::fs::write(path, report).map_err(|e| {
                eprintln!("error: cannot write {}: {e}", path.display());
                ExitCode::from(2)
            })
        }
        None => {
            print!("{report}");
            Ok(())
        }
    }
}

fn run_check(args: CheckArgs) -> ExitCode {
    let mut reports = Vec::new();
    for spec in &args.specs {
        match check::check_file(spec) {
            Ok(report) => reports.push(report),
            Err(cannot) => {
                eprintln!("error: {cannot}");
                return ExitCode::from(2);
            }
        }
    }
    let report = match args.output.format {
        Format::Human => check_report::human(&reports),
        Format::Json => check_report::json(&reports),
        Format::Junit => check_report::junit(&reports),
    };
    if let Err(code) = emit(&args.output, || check_report::human(&reports), report) {
        return code;
    }
    if reports.iter().any(|r| !r.findings.is_empty()) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run_verify(args: VerifyArgs) -> ExitCode {
    let options = verify::Options {
        target: args.target,
        credentials: Credentials {
            bearer: args.bearer.filter(|t| !t.is_empty()),
            basic: args.basic.filter(|pair| !pair.is_empty()),
            api_keys: args.api_keys,
            headers: args.headers,
        },
        negative: args.negative,
        concurrency: usize::from(args.concurrency),
        timeout: Duration::from_secs(args.timeout),
        operations: args.operations,
        max_response_bytes: args.max_response_bytes,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let cases = match runtime.block_on(verify::run(&args.spec, &options)) {
        Ok(cases) => cases,
        Err(cannot) => {
            eprintln!("error: {cannot}");
            return ExitCode::from(2);
        }
    };
    let report = match args.output.format {
        Format::Human => verify_report::human(&cases),
        Format::Json => verify_report::json(&cases),
        Format::Junit => verify_report::junit(&cases),
    };
    if let Err(code) = emit(&args.output, || verify_report::human(&cases), report) {
        return code;
    }
    if cases.iter().all(|c| c.outcome == verify::Outcome::Passed) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
