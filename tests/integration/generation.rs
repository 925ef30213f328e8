//! What `build.rs` does with the spec directory: a module per file, and clear failures for what it cannot take.

use std::path::Path;

use client_codegen::generate_clients;

use crate::support::{VENDORED_SPECS, specs_dir};

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// The four vendored specs alone (not the documents a user added beside them, which would only make the
/// generation slower), in a directory of their own.
fn vendored_specs() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in VENDORED_SPECS {
        std::fs::copy(specs_dir().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

const FIFTH: &str = r#"
openapi: 3.0.3
info: {title: Fifth provider, version: '1'}
servers: [{url: 'https://api.fifth.example'}]
security: [{Token: []}]
paths:
  /snapshots/{id}:
    delete:
      operationId: deleteSnapshot
      parameters: [{name: id, in: path, required: true, schema: {type: string}}]
      responses:
        '202': {description: queued, content: {application/json: {schema: {type: object, properties: {job: {type: string}}}}}}
        '404': {description: missing}
components:
  securitySchemes:
    Token: {type: http, scheme: bearer}
"#;

/// The module each spec file of `dir` should become, in file order.
fn expected_modules(dir: &Path) -> Vec<String> {
    client_codegen::spec_files(dir)
        .unwrap()
        .iter()
        .map(|file| apispec::SpecName::from_path(file).unwrap().module)
        .collect()
}

#[test]
fn every_vendored_spec_becomes_a_module_named_after_its_file() {
    let dir = vendored_specs();
    let generated = generate_clients(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = generated
        .modules
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names, expected_modules(dir.path()));
    assert_eq!(names, ["hostup", "nethesis", "raff", "taurusdb"]);
}

#[test]
fn file_names_as_users_have_them_become_snake_case_modules() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let json =
        "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}";
    let dir = dir_with(&[
        ("petstore-expanded.yaml", spec),
        ("Foo.YAML", spec),
        ("api.v1.json", json),
        ("box.json", json),
    ]);
    let generated = generate_clients(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = generated
        .modules
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names, ["foo", "api_v1", "box_", "petstore_expanded"]);
    assert!(generated.code.contains("pub mod box_ {"));
    assert!(
        generated.code.contains("\"petstore-expanded\""),
        "the spec keeps its own name"
    );

    std::fs::write(dir.path().join("foo.yml"), spec).unwrap();
    let failure = generate_clients(dir.path()).unwrap_err();
    assert!(
        failure
            .to_string()
            .contains("module `foo` would also be generated from"),
        "{failure}"
    );
}

#[test]
fn a_fifth_spec_file_adds_a_fifth_module_with_no_other_change() {
    let dir = vendored_specs();
    std::fs::write(dir.path().join("fifth_provider.yml"), FIFTH).unwrap();

    let generated = generate_clients(dir.path()).unwrap_or_else(|e| panic!("{e}"));

    let names: Vec<&str> = generated
        .modules
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names, expected_modules(dir.path()));
    assert_eq!(names.len(), VENDORED_SPECS.len() + 1);
    assert!(names.contains(&"fifth_provider"), "{names:?}");
    let code = &generated.code;
    assert!(code.contains("pub mod fifth_provider {"));
    assert!(code.contains("pub fn delete_snapshot(&self) -> builder::DeleteSnapshot<'_>"));
    assert!(code.contains("pub enum DeleteSnapshotError {"));
    assert!(code.contains("pub const DEFAULT_BASE_URL: &str = \"https://api.fifth.example\";"));
}

#[test]
fn an_unsupported_construct_leaves_its_operation_out_naming_file_place_and_fix() {
    let spec = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /upload:
    post:
      operationId: uploadArchive
      requestBody:
        content:
          multipart/form-data: {schema: {type: object}}
        required: true
      responses:
        '204': {description: stored}
  /archives:
    get:
      operationId: listArchives
      responses:
        '200': {description: ok, content: {application/json: {schema: {type: array, items: {type: string}}}}}
"#;
    let dir = dir_with(&[("archive.yaml", spec)]);

    let generated = generate_clients(dir.path()).unwrap_or_else(|e| panic!("{e}"));

    let expected = format!(
        "{}: operation `uploadArchive` (POST /upload) left out of the client at #/paths/~1upload/post/requestBody: \
         request body media type multipart/form-data is not supported by the client generator\n  fix: document an \
         application/json (or a binary) body beside it, or leave the operation out with an overlay",
        dir.path().join("archive.yaml").display()
    );
    assert_eq!(generated.warnings, [expected]);
    assert!(
        generated
            .code
            .contains("pub fn list_archives(&self) -> builder::ListArchives<'_>")
    );
    assert!(!generated.code.contains("upload_archive"));
}

#[test]
fn every_bad_file_is_reported_at_once_and_none_panics() {
    let not_yaml = "openapi: 3.0.3\ninfo: title: broken\n";
    let swagger = "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let bad_name = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let dir = dir_with(&[
        ("a_broken.yaml", not_yaml),
        ("b_swagger.json", "{\"swagger\": \"2.0\"}"),
        ("c_old.yaml", swagger),
        ("bad name.yaml", bad_name),
    ]);

    let failure = generate_clients(dir.path()).unwrap_err();

    let text = failure.to_string();
    assert_eq!(failure.messages.len(), 4, "{text}");
    assert!(
        text.contains(
            "bad name.yaml: the file name `bad name` has ` `, which cannot be part of a URL prefix"
        ),
        "{text}"
    );
    assert!(
        text.contains("a_broken.yaml:2:12: not valid YAML"),
        "{text}"
    );
    assert!(
        text.contains("b_swagger.json at #/swagger: this is a Swagger 2.0 document"),
        "{text}"
    );
    assert!(text.contains("c_old.yaml at #/swagger"), "{text}");
}

#[test]
fn two_files_for_one_module_are_refused() {
    let spec = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n";
    let dir = dir_with(&[
        (
            "same.json",
            "{\"openapi\": \"3.0.3\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}}",
        ),
        ("same.yaml", spec),
    ]);
    let failure = generate_clients(dir.path()).unwrap_err();
    assert!(
        failure
            .to_string()
            .contains("module `same` would also be generated from"),
        "{failure}"
    );
}
