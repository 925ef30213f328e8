//! Generates a client module per spec in `specs/`, each a shape the generator must handle.

fn main() {
    client_codegen::build_script("specs");
}
