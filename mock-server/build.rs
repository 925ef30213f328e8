//! Embeds every spec of the workspace's `specs/` folder in the binary, each with its overlay if it has one:
//! writes `embedded_specs.rs` into `OUT_DIR` with one `include_str!` per file. Which files are specs is
//! `apispec::spec_file`'s rule, the same the client build follows, so adding a file to `specs/` is all it
//! takes to serve it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let specs_dir = manifest_dir.join("..").join("specs");
    println!("cargo:rerun-if-changed={}", specs_dir.display());
    // A missing folder embeds nothing; the server then says it has no spec to serve.
    let files = apispec::spec_file::spec_files(&specs_dir).unwrap_or_default();

    let include = |path: &Path| {
        println!("cargo:rerun-if-changed={}", path.display());
        let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let file_name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        format!(
            "({file_name:?}, include_str!({:?}))",
            absolute.display().to_string()
        )
    };
    let mut code = String::from(
        "/// Every spec of `specs/` as `(file name, text)`, sorted by file name, each with its overlay.\n",
    );
    code.push_str("pub(crate) static EMBEDDED_SPECS: &[EmbeddedSpec] = &[\n");
    for path in &files {
        let overlay = match apispec::overlay::overlay_path_for(path) {
            Some(overlay) => format!("Some({})", include(&overlay)),
            None => "None".to_string(),
        };
        writeln!(
            code,
            "    EmbeddedSpec {{ spec: {}, overlay: {overlay} }},",
            include(path)
        )
        .expect("writing to a String");
    }
    code.push_str("];\n");

    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("embedded_specs.rs");
    std::fs::write(&out, code).expect("OUT_DIR is writable");
}
