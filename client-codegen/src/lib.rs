//! Build-time generation of one typed client module per OpenAPI document, for `build.rs`.
//!
//! For each spec file: [`apispec`] loads it and builds its client view (the document reshaped so progenitor
//! takes it, plus the table of every documented response); progenitor generates types and request code from
//! the view; then `complete` keeps the code that builds each request and adds what progenitor leaves out: a
//! request builder per operation whose `send()` decodes every documented status into a typed value,
//! credentials from `securitySchemes`, media types, paginators. [`progenitor_output`] lists every
//! assumption made about progenitor's output.
//!
//! A part of a document that cannot be supported (an operation, a parameter, a response, a schema's type) is
//! left out with a warning naming the file, the place, the reason and the fix; the rest builds. Set
//! `CLIENT_CODEGEN_STRICT=1` to make those warnings errors. Nothing here panics on a bad spec: what stops a
//! document (it does not parse, two files make one module) is a [`Failure`], which `build.rs` prints before
//! failing the build.

mod builders;
mod complete;
mod credentials;
mod dynamic_call;
mod mock_scenarios;
mod names;
mod pagination;
pub mod progenitor_output;
mod responses;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use apispec::Document;
use apispec::client_view::{ClientView, client_view};
use proc_macro2::TokenStream;

/// Why the clients could not be generated: one message per problem, each naming its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Each problem: file, place, what is wrong and what to do.
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
    /// The Rust source: one `pub mod` per spec.
    pub code: String,
    /// `(module name, spec file)` in the order generated.
    pub modules: Vec<(String, PathBuf)>,
    /// What the clients do without, one message each (file, place, reason, fix).
    pub warnings: Vec<String>,
}

/// The environment variable that turns every warning of the generation into an error.
pub const STRICT_ENV: &str = "CLIENT_CODEGEN_STRICT";

/// The spec files of a directory (see [`apispec::spec_file::spec_files`]).
pub fn spec_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    apispec::spec_file::spec_files(dir)
        .map_err(|e| Failure::one(format!("{}: cannot list spec files: {e}", dir.display())))
}

/// What a crate's `build.rs` calls: generates `$OUT_DIR/clients.rs` from the spec files in `dir` (relative to
/// the crate), asks cargo to rerun when the directory changes, and on failure prints each problem as a
/// cargo error, which fails the build — a bad spec fails the build with a message, never a panic.
pub fn build_script(dir: &str) {
    println!("cargo::rerun-if-changed={dir}");
    println!("cargo::rerun-if-env-changed={STRICT_ENV}");
    let strict = std::env::var(STRICT_ENV).is_ok_and(|v| !v.is_empty() && v != "0");
    let out_dir = std::env::var_os("OUT_DIR").unwrap_or_default();
    // Build scripts run in the crate's directory, so `dir` as given makes the shortest paths in messages.
    let result = generate_clients(Path::new(dir)).and_then(|generated| {
        let kind = if strict { "error" } else { "warning" };
        for warning in &generated.warnings {
            for line in warning.lines() {
                println!("cargo::{kind}={line}");
            }
        }
        if strict && !generated.warnings.is_empty() {
            println!("cargo::error=({STRICT_ENV} is set: the parts above must be fixed, or unset it to build without them)");
            return Ok(());
        }
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
    let mut warnings = Vec::new();
    let mut modules: Vec<(String, PathBuf)> = Vec::new();
    let mut crate_level: Vec<(String, String)> = Vec::new();
    let mut tokens = TokenStream::new();
    for file in spec_files(dir)? {
        let doc = match Document::load(&file) {
            Ok(doc) => doc,
            Err(e) => {
                messages.push(e.to_string());
                continue;
            }
        };
        if let Some((_, other)) = modules.iter().find(|(module, _)| *module == doc.module) {
            messages.push(format!(
                "{}: module `{}` would also be generated from {}\n  fix: rename one of the two files",
                file.display(),
                doc.module,
                other.display()
            ));
            continue;
        }
        match generate_module(&doc) {
            Ok((module, module_warnings)) => {
                tokens.extend(module);
                warnings.extend(module_warnings);
                modules.push((doc.module.clone(), file));
                crate_level.push((doc.name.clone(), doc.module.clone()));
            }
            Err(failure) => messages.extend(failure.messages),
        }
    }
    if !messages.is_empty() {
        return Err(Failure { messages });
    }
    tokens.extend(dynamic_call::emit_crate_level(&crate_level));
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| Failure::one(format!("generated code does not parse: {e}")))?;
    Ok(Generated {
        code: prettyplease::unparse(&file),
        modules,
        warnings,
    })
}

/// Generates `pub mod <module> { ... }` for one document, with a warning for each part it does without.
pub fn generate_module(doc: &Document) -> Result<(TokenStream, Vec<String>), Failure> {
    let (view, progenitor_output) = build_view(doc)?;
    let tokens = complete::module(doc, &view, progenitor_output)?;
    let mut warnings: Vec<String> = doc.warnings.iter().map(ToString::to_string).collect();
    warnings.extend(
        doc.downgrade_notes
            .iter()
            .filter(|note| note.affects_client)
            .map(|note| {
                format!(
                    "{} at #{}: {}\n  fix: nothing to change if the client can do without it",
                    doc.source, note.pointer, note.message
                )
            }),
    );
    warnings.extend(view.omissions.iter().map(ToString::to_string));
    Ok((tokens, warnings))
}

/// The client view the build generates from, after progenitor has run on it (with what progenitor itself
/// could not take left out), and progenitor's output. `conformance check` calls this to report what the
/// build will do without compiling anything.
pub fn build_view(doc: &Document) -> Result<(ClientView, syn::File), Failure> {
    let mut view = client_view(doc);
    let output = progenitor_output(doc, &mut view)?;
    Ok((view, output))
}

/// progenitor's output for the view. Where progenitor cannot take the document, the operations (then the
/// component schemas) it cannot take are found by halving and left out of the view, and the rest generated.
fn progenitor_output(doc: &Document, view: &mut ClientView) -> Result<syn::File, Failure> {
    let whole = match run_progenitor(view) {
        Ok(file) => return Ok(file),
        Err(refusal) => refusal,
    };
    // Schemas first: with no operation at all, does progenitor take them?
    let all: Vec<String> = view
        .operations
        .iter()
        .map(|o| o.method_name.clone())
        .collect();
    let mut schemas_only = view.clone();
    for method in &all {
        schemas_only.leave_out_operation(method, String::new(), String::new());
    }
    if run_progenitor(&schemas_only).is_err() {
        let components = view.component_names();
        let with_only = |kept: &[String]| {
            let mut trial = schemas_only.clone();
            for name in components.iter().filter(|c| !kept.contains(c)) {
                trial.loosen_component(name, String::new(), String::new());
            }
            trial
        };
        let found = culprits(&components, &mut |subset| {
            run_progenitor(&with_only(subset)).is_ok()
        });
        for component in found {
            let refusal = run_progenitor(&with_only(std::slice::from_ref(&component))).err();
            view.loosen_component(
                &component,
                format!(
                    "the client generator (progenitor) cannot take this schema ({}); the client reads any JSON value there",
                    refusal.as_ref().unwrap_or(&whole).0
                ),
                "simplify the schema, or replace it with an overlay".into(),
            );
        }
    }
    let base = view.clone();
    let only = |kept: &[String]| {
        let mut trial = base.clone();
        for method in all.iter().filter(|m| !kept.contains(m)) {
            trial.leave_out_operation(method, String::new(), String::new());
        }
        trial
    };
    let found = culprits(&all, &mut |subset| run_progenitor(&only(subset)).is_ok());
    for method in found {
        let refusal = run_progenitor(&only(std::slice::from_ref(&method))).err();
        view.leave_out_operation(
            &method,
            format!(
                "the client generator (progenitor) cannot take this operation: {}",
                refusal.as_ref().unwrap_or(&whole).0
            ),
            "simplify the construct named above, or leave the operation out with an overlay".into(),
        );
    }
    run_progenitor(view).map_err(|refusal| refusal.for_document(doc))
}

/// The items that `works` cannot take, found by halving: `works(set)` says whether a set of items is fine.
fn culprits(items: &[String], works: &mut dyn FnMut(&[String]) -> bool) -> Vec<String> {
    if items.is_empty() || works(items) {
        return Vec::new();
    }
    if items.len() == 1 {
        return items.to_vec();
    }
    let (left, right) = items.split_at(items.len() / 2);
    let mut found = culprits(left, works);
    found.extend(culprits(right, works));
    found
}

/// Why progenitor could not take a document, in its own words.
struct ProgenitorRefusal(String);

impl ProgenitorRefusal {
    fn for_document(self, doc: &Document) -> Failure {
        Failure::one(format!(
            "{}: the client generator (progenitor) cannot take this document: {}\n  \
             fix: change or simplify the construct named above",
            doc.source, self.0
        ))
    }
}

fn run_progenitor(view: &ClientView) -> Result<syn::File, ProgenitorRefusal> {
    let fail = ProgenitorRefusal;
    let spec: openapiv3::OpenAPI = serde_json::from_value(view.progenitor_document.clone())
        .map_err(|e| fail(e.to_string()))?;
    let mut settings = progenitor::GenerationSettings::new();
    settings
        .with_interface(progenitor::InterfaceStyle::Positional)
        .with_inner_type(quote::quote!(crate::runtime::ClientState))
        .with_derive("PartialEq");
    for format in apispec::client_view::TYPED_STRING_FORMATS {
        settings.with_conversion(
            schemars::schema::SchemaObject {
                instance_type: Some(schemars::schema::InstanceType::String.into()),
                format: Some(format.to_string()),
                ..Default::default()
            },
            "crate::runtime::OffsetTimestamp",
            [progenitor::TypeImpl::Display, progenitor::TypeImpl::FromStr].into_iter(),
        );
    }

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
        let mut view = client_view(&doc);
        // A dangling reference cannot pass `Document::parse`; plant one to make progenitor panic.
        view.progenitor_document["components"]["schemas"]["A"] =
            serde_json::json!({"$ref": "#/components/schemas/Missing"});

        let Err(refusal) = run_progenitor(&view) else {
            panic!("progenitor took a dangling reference")
        };

        assert_eq!(
            refusal.for_document(&doc).messages,
            [
                "specs/a.yaml: the client generator (progenitor) cannot take this document: it failed with \
              `$ref #/components/schemas/Missing is missing`\n  fix: change or simplify the construct named above"
            ]
        );
    }
}
