//! The `conformance` binary: `check SPEC...` and `verify SPEC --target URL`. Exit codes: 0 clean, 1 findings
//! or failures, 2 could not run (unreadable spec, unreachable target, bad flags).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use conformance::{check, check_report};

#[derive(Parser)]
#[command(
    name = "conformance",
    version,
    about = "Lint OpenAPI 3.0 specs and contract-test live servers against them",
    long_about = "Lint OpenAPI 3.0 specs (`check`) and contract-test a live server against its spec (`verify`).\n\n\
                  Exit codes: 0 clean, 1 findings or failures, 2 could not run (unreadable spec, unreachable \
                  target, bad flags)."
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
    }
}

/// Writes the report where `--output` says; a failure to write is a failure to run.
fn emit(output: &OutputArgs, human: impl Fn() -> String, report: String) -> Result<(), ExitCode> {
    match &output.output {
        Some(path) => {
            if output.format != Format::Human {
                print!("{}", human());
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
