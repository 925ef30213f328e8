//! Every document of `specs/`: its client was built (this crate compiled), the mock serves it, and `check`
//! reports on it without failing to run.

use std::path::{Path, PathBuf};

use apispec::{Document, Method, StatusKey};

fn documents() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("specs");
    client_codegen::spec_files(&dir).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_document_became_a_client_module() {
    for file in documents() {
        let name = apispec::SpecName::from_path(&file).unwrap().name;
        assert!(
            corpus_shapes::SPEC_NAMES.contains(&name.as_str()),
            "{} has no client module: {:?}",
            file.display(),
            corpus_shapes::SPEC_NAMES
        );
    }
    assert_eq!(corpus_shapes::SPEC_NAMES.len(), documents().len());
}

/// A concrete path for a template: every parameter filled with `1`.
fn concrete(template: &str) -> String {
    apispec::path_template::PathTemplate::fill(template, |_| "1".into())
}

#[tokio::test]
async fn the_mock_serves_every_document_and_answers_a_documented_get() {
    let client = reqwest::Client::new();
    for file in documents() {
        let doc = Document::load(&file).unwrap_or_else(|e| panic!("{e}"));
        let server =
            mock_server::MockServer::start(mock_server::ServerOptions::spec_files([file.clone()]))
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        // A GET with no required parameter but the path, no security and a documented status.
        let get = doc.operations.iter().find(|op| {
            op.method == Method::Get
                && op.security.iter().all(|r| r.schemes.is_empty())
                && op
                    .parameters
                    .iter()
                    .all(|p| !p.required || p.location == apispec::ParamLocation::Path)
        });
        if let Some(op) = get {
            let url = format!("{}{}", server.url(), concrete(&op.path));
            let response = client.get(&url).send().await.unwrap();
            let status = response.status().as_u16();
            assert!(
                op.responses
                    .iter()
                    .any(|r| r.status.covers(status) || r.status == StatusKey::Default),
                "{}: GET {} answered {status}, which `{}` does not document",
                file.display(),
                op.path,
                op.id
            );
        }
        server.shutdown().await;
    }
}

#[test]
fn check_reports_on_every_document_and_never_fails_to_run() {
    for file in documents() {
        let report = conformance::check::check_file(&file)
            .unwrap_or_else(|e| panic!("{}: check could not run: {e}", file.display()));
        assert!(report.loaded, "{}: {:#?}", file.display(), report.findings);
    }
}

#[test]
fn check_names_what_the_client_leaves_out() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("specs");
    let report = conformance::check::check_file(&dir.join("websocket-101.yaml")).unwrap();
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == conformance::check::Rule::ClientUnsupported
                && f.message.contains("response 101 left out")),
        "{:#?}",
        report.findings
    );
    // A form body is built (typed parts), so nothing is reported for it.
    let report = conformance::check::check_file(&dir.join("multipart.yaml")).unwrap();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);
}

#[tokio::test]
async fn percent_encoded_references_resolve_for_the_loader_check_and_mock() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("specs/percent-encoded-ref.yaml");
    let doc = Document::load(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.warnings.is_empty(), "{:#?}", doc.warnings);
    let position = doc
        .operations
        .iter()
        .find(|op| op.id == "getVehiclePosition")
        .unwrap();
    assert_eq!(position.parameters[0].name, "vehicleId");
    let report = conformance::check::check_file(&file).unwrap();
    assert!(report.findings.is_empty(), "{:#?}", report.findings);

    let server = mock_server::MockServer::start(mock_server::ServerOptions::spec_files([file]))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(server.warnings().is_empty(), "{:#?}", server.warnings());
    let response = reqwest::get(format!("{}/vehicles/v1/position", server.url()))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["latitude"], 59.9);
    server.shutdown().await;
}
