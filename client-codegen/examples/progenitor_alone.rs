//! What progenitor alone generates from a spec file, with its default settings and no help from this
//! project: `cargo run -p client-codegen --example progenitor_alone -- [--builder] SPEC OUT.rs`
//! (`--builder`: progenitor's builder interface instead of its default positional one). The compile-cost
//! benchmark (`client-codegen/bench/compile-cost.sh`) compares it with this project's client.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let builder = args
        .first()
        .is_some_and(|first| first.as_os_str() == "--builder");
    if builder {
        args.remove(0);
    }
    let [spec, out] = args.as_slice() else {
        eprintln!("usage: progenitor_alone [--builder] SPEC OUT.rs");
        return ExitCode::from(2);
    };
    let mut settings = progenitor::GenerationSettings::default();
    if builder {
        settings.with_interface(progenitor::InterfaceStyle::Builder);
    }
    // Only the text is read through apispec (YAML → JSON); the document goes to progenitor as it is.
    let doc = match apispec::Document::load_as(spec, "spec") {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let spec: openapiv3::OpenAPI = match serde_json::from_value(doc.raw.clone()) {
        Ok(spec) => spec,
        Err(e) => {
            eprintln!("progenitor's object model refuses the document: {e}");
            return ExitCode::from(1);
        }
    };
    let generated =
        std::panic::catch_unwind(|| progenitor::Generator::new(&settings).generate_tokens(&spec));
    let tokens = match generated {
        Ok(Ok(tokens)) => tokens,
        Ok(Err(e)) => {
            eprintln!("progenitor refuses the document: {e}");
            return ExitCode::from(1);
        }
        Err(_) => {
            eprintln!("progenitor panicked on the document");
            return ExitCode::from(1);
        }
    };
    let file: syn::File = match syn::parse2(tokens) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("progenitor's output does not parse: {e}");
            return ExitCode::from(1);
        }
    };
    let code = prettyplease::unparse(&file);
    if let Err(e) = std::fs::write(out, &code) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!("{} lines -> {}", code.lines().count(), out.display());
    ExitCode::SUCCESS
}
