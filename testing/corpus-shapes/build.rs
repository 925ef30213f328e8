//! Generates a client module per document in `specs/`: that this crate compiles is the first test.

fn main() {
    client_codegen::build_script("specs");
}
