//! What a user sees for a mistake the types catch: the compiler's message for swapped parameters, pinned in
//! `compile-fail/*.stderr` (refresh with `TRYBUILD=overwrite cargo test --test integration compile_fail`).

//!
//! The pinned message spells types as rustc does, which depends on every other type in the crate (beside a
//! user's document with its own `ProjectId`, rustc writes the full path): with documents beyond the vendored
//! ones in `specs/` the case is skipped, saying so.

#[test]
fn swapped_parameters_do_not_compile() {
    let files =
        client_codegen::spec_files(&test_support::specs_dir()).unwrap_or_else(|e| panic!("{e}"));
    let others: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_name()?.to_str().map(str::to_string))
        .filter(|name| !test_support::VENDORED_SPECS.contains(&name.as_str()))
        .collect();
    if !others.is_empty() {
        eprintln!(
            "skipped: specs/ holds documents beyond the vendored ones ({})",
            others.join(", ")
        );
        return;
    }
    trybuild::TestCases::new().compile_fail("tests/integration/compile-fail/*.rs");
}
