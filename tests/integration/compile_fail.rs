//! What a user sees for a mistake the types catch: the compiler's message for swapped parameters, pinned in
//! `compile-fail/*.stderr` (refresh with `TRYBUILD=overwrite cargo test --test integration compile_fail`).

#[test]
fn swapped_parameters_do_not_compile() {
    trybuild::TestCases::new().compile_fail("tests/integration/compile-fail/*.rs");
}
