//! Build-time generation of one typed client module per OpenAPI document, for `build.rs`.
//!
//! For each spec file: [`apispec`] loads it and builds its client view (the document reshaped so progenitor
//! takes it, plus the table of every documented response); progenitor generates types and request code from
//! the view; then [`complete`] finishes each method so it decodes every documented status into a typed value,
//! and adds what progenitor leaves out (credentials from `securitySchemes`, retries, media types).
//!
//! Nothing here panics on a bad spec: every problem is a [`Failure`] naming the file, the operation and what
//! to change, which `build.rs` prints before failing the build.

mod complete;
mod dynamic_call;
mod names;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use apispec::Document;
use apispec::client_view::{ClientView, client_view};
use proc_macro2::TokenStream;

/// Why the clients could not be generated: one message per problem, each naming its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub messages: Vec<String>,
}

impl Failure {
    fn one(message: impl Into<String>) -> Failure {
        Failure {
            messages: vec![message.into()],
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.messages.join("\n"))
    }
}

impl std::error::Error for Failure {}

/// The generated source and the spec files it came from.
#[derive(Debug, Clone)]
pub struct Generated {
    pub code: String,
    /// `(module name, spec file)` in the order generated.
    pub modules: Vec<(String, PathBuf)>,
}

/// The spec files of a directory: `*.yaml`, `*.yml` and `*.json`, sorted by name.
pub fn spec_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Failure::one(format!("{}: cannot list spec files: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.is_file()
                && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                    matches!(e.to_ascii_lowercase().as_str(), "yaml" | "yml" | "json")
                })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// What a crate's `build.rs` calls: generates `$OUT_DIR/clients.rs` from the spec files in `dir` (relative to
/// the crate), asks cargo to rerun when the directory changes, and on failure prints each problem as a
/// cargo error, which fails the build — a bad spec fails the build with a message, never a panic.
pub fn build_script(dir: &str) {
    println!("cargo::rerun-if-changed={dir}");
    let out_dir = std::env::var_os("OUT_DIR").unwrap_or_default();
    // Build scripts run in the crate's directory, so `dir` as given makes the shortest paths in messages.
    let result = generate_clients(Path::new(dir)).and_then(|generated| {
        let target = Path::new(&out_dir).join("clients.rs");
        std::fs::write(&target, generated.code)
            .map_err(|e| Failure::one(format!("cannot write {}: {e}", target.display())))
    });
    if let Err(failure) = result {
        // cargo prints each as `error: …` and fails the build.
        for message in &failure.messages {
            for line in message.lines() {
                println!("cargo::error={line}");
            }
        }
    }
}

/// Generates one module per spec file in `dir`, all problems of all files reported together.
pub fn generate_clients(dir: &Path) -> Result<Generated, Failure> {
    let mut messages = Vec::new();
    let mut modules: Vec<(String, PathBuf)> = Vec::new();
    let mut tokens = TokenStream::new();
    for file in spec_files(dir)? {
        let doc = match Document::load(&file) {
            Ok(doc) => doc,
            Err(e) => {
                messages.push(e.to_string());
                continue;
            }
        };
        if let Some((_, other)) = modules.iter().find(|(name, _)| *name == doc.name) {
            messages.push(format!(
                "{}: module `{}` would also be generated from {}\n  fix: rename one of the two files",
                file.display(),
                doc.name,
                other.display()
            ));
            continue;
        }
        match generate_module(&doc) {
            Ok(module) => {
                tokens.extend(module);
                modules.push((doc.name.clone(), file));
            }
            Err(failure) => messages.extend(failure.messages),
        }
    }
    if !messages.is_empty() {
        return Err(Failure { messages });
    }
    let names: Vec<String> = modules.iter().map(|(name, _)| name.clone()).collect();
    tokens.extend(dynamic_call::emit_crate_level(&names));
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| Failure::one(format!("generated code does not parse: {e}")))?;
    Ok(Generated {
        code: prettyplease::unparse(&file),
        modules,
    })
}

/// Generates `pub mod <name> { ... }` for one document.
pub fn generate_module(doc: &Document) -> Result<TokenStream, Failure> {
    let view = client_view(doc).map_err(|refusals| Failure {
        messages: refusals.iter().map(ToString::to_string).collect(),
    })?;
    let progenitor_output = run_progenitor(doc, &view)?;
    complete::module(doc, &view, progenitor_output)
}

fn run_progenitor(doc: &Document, view: &ClientView) -> Result<syn::File, Failure> {
    let fail = |reason: String| {
        Failure::one(format!(
            "{}: the client generator (progenitor) cannot take this document: {reason}\n  \
             fix: change or simplify the construct named above",
            doc.source
        ))
    };
    let spec: openapiv3::OpenAPI = serde_json::from_value(view.progenitor_document.clone())
        .map_err(|e| fail(e.to_string()))?;
    let mut settings = progenitor::GenerationSettings::new();
    settings
        .with_interface(progenitor::InterfaceStyle::Positional)
        .with_inner_type(quote::quote!(crate::runtime::ClientState))
        .with_derive("PartialEq");

    // progenitor reports some unsupported input by panicking; turn that into a message for this file.
    let panic_message = Arc::new(Mutex::new(None::<String>));
    let previous_hook = std::panic::take_hook();
    let sink = Arc::clone(&panic_message);
    std::panic::set_hook(Box::new(move |info| {
        let text = match info.payload().downcast_ref::<&str>() {
            Some(s) => s.to_string(),
            None => info
                .payload()
                .downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| info.to_string()),
        };
        if let Ok(mut slot) = sink.lock() {
            *slot = Some(text);
        }
    }));
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        progenitor::Generator::new(&settings).generate_tokens(&spec)
    }));
    std::panic::set_hook(previous_hook);

    let tokens = match outcome {
        Ok(Ok(tokens)) => tokens,
        Ok(Err(e)) => return Err(fail(e.to_string())),
        Err(_) => {
            let message = panic_message
                .lock()
                .ok()
                .and_then(|m| m.clone())
                .unwrap_or_else(|| "it stopped".into());
            return Err(fail(format!("it failed with `{message}`")));
        }
    };
    syn::parse2(tokens).map_err(|e| fail(format!("its output does not parse: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_progenitor_becomes_a_message_for_the_file() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      responses:\n        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}\ncomponents:\n  schemas:\n    A: {type: object}\n";
        let doc = Document::parse("specs/a.yaml", "a", text, false).unwrap();
        let mut view = client_view(&doc).unwrap();
        // A dangling reference cannot pass `Document::parse`; plant one to make progenitor panic.
        view.progenitor_document["components"]["schemas"]["A"] =
            serde_json::json!({"$ref": "#/components/schemas/Missing"});

        let Err(failure) = run_progenitor(&doc, &view) else {
            panic!("progenitor took a dangling reference")
        };

        assert_eq!(
            failure.messages,
            [
                "specs/a.yaml: the client generator (progenitor) cannot take this document: it failed with \
              `$ref #/components/schemas/Missing is missing`\n  fix: change or simplify the construct named above"
            ]
        );
    }
}
