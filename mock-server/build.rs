//! Embeds every spec of the workspace's `specs/` folder in the binary: writes `embedded_specs.rs` into
//! `OUT_DIR` with one `include_str!` per `*.yaml`, `*.yml` or `*.json` file, sorted by name. Adding a file
//! to `specs/` is all it takes to serve it.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let specs_dir = manifest_dir.join("..").join("specs");
    println!("cargo:rerun-if-changed={}", specs_dir.display());

    let mut files: Vec<PathBuf> = std::fs::read_dir(&specs_dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| {
                    path.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();

    let mut code =
        String::from("/// Every spec of `specs/`, as `(file name, text)`, sorted by file name.\n");
    code.push_str("pub static EMBEDDED_SPECS: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let absolute = path.canonicalize().unwrap_or_else(|_| path.clone());
        writeln!(
            code,
            "    ({file_name:?}, include_str!({:?})),",
            absolute.display().to_string()
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");

    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("embedded_specs.rs");
    std::fs::write(&out, code).expect("OUT_DIR is writable");
}
