//! Generates the client code for the spec files in a directory and writes it to a file (or reports why it
//! cannot), as `build.rs` would: `cargo run -p client-codegen --example generate -- SPEC_DIR [OUT.rs]`.
//! For looking at generated code and measuring its size without building a crate around it.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: generate SPEC_DIR [OUT.rs]");
        return ExitCode::from(2);
    };
    let out = args.next().map(PathBuf::from);
    match client_codegen::generate_clients(&dir) {
        Ok(generated) => {
            for warning in &generated.warnings {
                eprintln!("warning: {warning}");
            }
            let lines = generated.code.lines().count();
            match out {
                Some(path) => {
                    if let Err(e) = std::fs::write(&path, &generated.code) {
                        eprintln!("error: cannot write {}: {e}", path.display());
                        return ExitCode::from(2);
                    }
                    println!("{lines} lines -> {}", path.display());
                }
                None => println!("{lines} lines"),
            }
            ExitCode::SUCCESS
        }
        Err(failure) => {
            eprintln!("{failure}");
            ExitCode::from(1)
        }
    }
}
