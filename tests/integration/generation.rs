//! What `build.rs` does with the spec directory: a module per file, and clear failures for what it cannot take.

use std::path::Path;

use client_codegen::generate_clients;

use crate::support::specs_dir;

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

fn copy_vendored_specs(into: &Path) {
    for file in client_codegen::spec_files(&specs_dir()).unwrap() {
        std::fs::copy(&file, into.join(file.file_name().unwrap())).unwrap();
    }
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

#[test]
fn every_vendored_spec_becomes_a_module_named_after_its_file() {
    let generated = generate_clients(&specs_dir()).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = generated
        .modules
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names, ["hostup", "nethesis", "raff", "taurusdb"]);
}

#[test]
fn a_fifth_spec_file_adds_a_fifth_module_with_no_other_change() {
    let dir = tempfile::tempdir().unwrap();
    copy_vendored_specs(dir.path());
    std::fs::write(dir.path().join("fifth_provider.yml"), FIFTH).unwrap();

    let generated = generate_clients(dir.path()).unwrap_or_else(|e| panic!("{e}"));

    let names: Vec<&str> = generated
        .modules
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(
        names,
        ["fifth_provider", "hostup", "nethesis", "raff", "taurusdb"]
    );
    let code = &generated.code;
    assert!(code.contains("pub mod fifth_provider {"));
    assert!(code.contains("pub async fn delete_snapshot<'a>("));
    assert!(code.contains("pub enum DeleteSnapshotError {"));
    assert!(code.contains("pub const DEFAULT_BASE_URL: &str = \"https://api.fifth.example\";"));
}

#[test]
fn an_unsupported_construct_fails_naming_file_operation_and_fix() {
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
      responses:
        '204': {description: stored}
"#;
    let dir = dir_with(&[("archive.yaml", spec)]);

    let failure = generate_clients(dir.path()).unwrap_err();

    let expected = format!(
        "{}: operation `uploadArchive` (POST /upload) at #/paths/~1upload/post/requestBody: request body media type \
         multipart/form-data is not supported by the client generator\n  fix: document an application/json \
         (or application/octet-stream, application/x-www-form-urlencoded, text/plain) body",
        dir.path().join("archive.yaml").display()
    );
    assert_eq!(failure.messages, [expected]);
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
        ("Bad-Name.yaml", bad_name),
    ]);

    let failure = generate_clients(dir.path()).unwrap_err();

    let text = failure.to_string();
    assert_eq!(failure.messages.len(), 4, "{text}");
    assert!(
        text.contains("Bad-Name.yaml: the file name `Bad-Name` cannot name a module"),
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
