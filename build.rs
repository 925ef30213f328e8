//! Generates one typed client module per spec file in `specs/` (see the `client-codegen` crate).

fn main() {
    client_codegen::build_script("specs");
}
