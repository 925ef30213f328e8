//! The vendored specs read as resources: every provider's backups are a collection, with the roles, body
//! places and seeds the stateful mock relies on.

use std::path::PathBuf;

use apispec::Document;
use apispec::resources::{IdShape, Paging, ResourceModel, Role, Series};

fn load(name: &str) -> (Document, ResourceModel) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../specs")
        .join(name);
    let doc = Document::load(&path).unwrap_or_else(|e| panic!("{e}"));
    let model = ResourceModel::of(&doc);
    (doc, model)
}

/// `operationId → role kind` (`-` when stateless).
fn roles(doc: &Document, model: &ResourceModel) -> Vec<String> {
    doc.operations
        .iter()
        .zip(&model.operations)
        .map(|(op, m)| format!("{}:{}", op.id, m.role.as_ref().map_or("-", Role::kind)))
        .collect()
}

fn role<'m>(doc: &Document, model: &'m ResourceModel, id: &str) -> &'m Role {
    let index = doc.operations.iter().position(|op| op.id == id).unwrap();
    model.operations[index]
        .role
        .as_ref()
        .unwrap_or_else(|| panic!("{id}: {}", model.operations[index].note))
}

#[test]
fn raff_backups_with_their_series() {
    let (doc, model) = load("raff.yaml");
    assert_eq!(
        roles(&doc, &model),
        [
            "listBackups:list",
            "createBackup:create",
            "getBackup:read",
            "deleteBackup:delete",
            "deleteBackupChain:action",
            "restoreBackup:action",
            "resetBackupChain:-",
        ]
    );
    let backups = &model.collections[0];
    assert_eq!(backups.path, "/api/v1/backups");
    assert_eq!(backups.id_property, "id");
    assert!(matches!(backups.id_shape, IdShape::Schema(_)));
    assert_eq!(
        backups.series,
        Some(Series {
            group: "product_vm".into(),
            position: "increment_id".into()
        })
    );
    assert_eq!(backups.seeds.len(), 3);
    match role(&doc, &model, "listBackups") {
        Role::List {
            items_at,
            total_at,
            paging,
            ..
        } => {
            assert_eq!(items_at, "/data");
            assert_eq!(total_at.as_deref(), Some("/total"));
            assert!(matches!(
                paging,
                Some(Paging::Offset {
                    default_limit: Some(50),
                    ..
                })
            ));
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(role(&doc, &model, "getBackup"), Role::Read { item_at: Some(place), .. } if place.at == "/data")
    );
    let reset = doc
        .operations
        .iter()
        .position(|op| op.id == "resetBackupChain")
        .unwrap();
    assert!(
        model.operations[reset].note.contains("/api/v1/vms"),
        "{}",
        model.operations[reset].note
    );
}

#[test]
fn hostup_backups_are_nested_under_a_vps() {
    let (doc, model) = load("hostup.yaml");
    assert_eq!(
        roles(&doc, &model),
        [
            "listVpsBackups:list",
            "createVpsBackup:create",
            "deleteVpsBackup:delete",
            "restoreVpsBackup:action",
            "restoreVpsBackupToPayg:action",
        ]
    );
    let backups = &model.collections[0];
    assert_eq!(backups.parent_params, ["id"]);
    assert_eq!(
        backups.id_shape,
        IdShape::LikeExamples {
            prefix: "bkp_".into(),
            length: 26
        }
    );
    assert!(
        backups
            .seeds
            .iter()
            .all(|s| s.parents == ["vps_01hxa3b4c5d6e7f8g9h0j1k2m3"])
    );
    assert!(matches!(
        role(&doc, &model, "createVpsBackup"),
        Role::Create { item_at: None, .. }
    ));
}

#[test]
fn nethesis_and_taurusdb() {
    let (doc, model) = load("nethesis.yaml");
    assert_eq!(
        roles(&doc, &model),
        [
            "getSystemBackups:list",
            "deleteSystemBackup:delete",
            "downloadSystemBackup:action",
        ]
    );
    assert!(
        matches!(role(&doc, &model, "getSystemBackups"), Role::List { items_at, .. } if items_at == "/data/backups")
    );

    let (doc, model) = load("taurusdb.yaml");
    assert_eq!(
        roles(&doc, &model),
        [
            "listBackups:list",
            "createManualBackup:create",
            "deleteManualBackup:delete",
        ]
    );
    match role(&doc, &model, "listBackups") {
        Role::List {
            total_at, filters, ..
        } => {
            assert_eq!(total_at.as_deref(), Some("/total_count"));
            let filters: Vec<(&str, &str)> = filters
                .iter()
                .map(|f| (f.param.as_str(), f.property.as_str()))
                .collect();
            assert_eq!(
                filters,
                [("instance_id", "instance_id"), ("backup_id", "id")]
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(role(&doc, &model, "createManualBackup"), Role::Create { item_at: Some(place), .. } if place.at == "/backup" && place.properties.len() == 7)
    );
    // The delete's example id is not in the list example: it is seeded too.
    assert!(
        model.collections[0]
            .seeds
            .iter()
            .any(|s| s.id == "b1182ccdda034f2b9535f3dca5c47e71br07")
    );
}
