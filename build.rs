//! Generates one typed client module per spec file in `specs/` (see the `client-codegen` crate).
//! A spec the generator cannot take fails the build with a message naming the file, the operation and
//! what to change.

use std::path::Path;

fn main() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).join("specs");
    println!("cargo::rerun-if-changed=specs");
    let out_dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    match client_codegen::generate_clients(&specs) {
        Ok(generated) => {
            let target = Path::new(&out_dir).join("clients.rs");
            if let Err(e) = std::fs::write(&target, generated.code) {
                println!("cargo::error=cannot write {}: {e}", target.display());
                std::process::exit(1);
            }
        }
        Err(failure) => {
            for message in &failure.messages {
                println!("cargo::error={}", message.replace('\n', " | "));
            }
            std::process::exit(1);
        }
    }
}
