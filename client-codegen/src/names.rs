//! Rust names for things in a spec: enum variants for statuses; the names progenitor and typify give are
//! `apispec::names`, re-exported here under the names this crate uses.

use apispec::StatusKey;
use heck::ToUpperCamelCase;

pub(crate) use apispec::names::{progenitor_snake as argument_name, typify_pascal as type_name};

/// Names the generated `builder` module imports, which no request builder may take.
const BUILDER_MODULE_NAMES: &[&str] = &[
    "CallOptions",
    "ClientInfo",
    "Customize",
    "Error",
    "IntoParam",
    "Operation",
    "Param",
    "RequestBuilderExt",
    "Response",
];

/// The PascalCase stem of an operation's generated types (its error and success enums add `Error` and
/// `Success`, its scenario `Scenario`): `list_backups` → `ListBackups`, and a valid identifier whatever the
/// method name (`_4od_feed`, from an operationId starting with a digit, → `X4odFeed`).
pub(crate) fn operation_type_name(method_name: &str) -> String {
    type_name(method_name)
}

/// The name of an operation's request builder: [`operation_type_name`], with `Request` after it where that
/// is a name the builder module already uses (an operation `error` has the builder `ErrorRequest`).
pub(crate) fn builder_name(method_name: &str) -> String {
    let name = operation_type_name(method_name);
    if BUILDER_MODULE_NAMES.contains(&name.as_str()) {
        format!("{name}Request")
    } else {
        name
    }
}

/// The enum variant for a documented status: its reason phrase (`404` → `NotFound`), a range's class
/// (`4XX` → `ClientError`), or `Other` for `default`.
pub(crate) fn status_variant(status: StatusKey) -> String {
    match status {
        StatusKey::Code(code) => http::StatusCode::from_u16(code)
            .ok()
            .and_then(|s| s.canonical_reason())
            .map(|reason| reason.replace('\'', "").to_upper_camel_case())
            .filter(|name| !name.is_empty())
            .unwrap_or_else(|| format!("Status{code}")),
        StatusKey::Range(1) => "Informational".into(),
        StatusKey::Range(2) => "Success".into(),
        StatusKey::Range(3) => "Redirection".into(),
        StatusKey::Range(4) => "ClientError".into(),
        StatusKey::Range(5) => "ServerError".into(),
        StatusKey::Range(digit) => format!("Status{digit}xx"),
        StatusKey::Default => "Other".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_named_by_their_reason() {
        assert_eq!(status_variant(StatusKey::Code(200)), "Ok");
        assert_eq!(status_variant(StatusKey::Code(429)), "TooManyRequests");
        assert_eq!(status_variant(StatusKey::Code(502)), "BadGateway");
        assert_eq!(status_variant(StatusKey::Code(599)), "Status599");
        assert_eq!(status_variant(StatusKey::Range(4)), "ClientError");
        assert_eq!(status_variant(StatusKey::Default), "Other");
    }

    #[test]
    fn argument_names_match_progenitor() {
        assert_eq!(argument_name("X-Project-ID"), "x_project_id");
        assert_eq!(argument_name("backupId"), "backup_id");
        assert_eq!(argument_name("vm_id"), "vm_id");
        assert_eq!(argument_name("type"), "type_");
    }

    #[test]
    fn operation_names_are_identifiers_apart_from_the_builder_modules_own() {
        assert_eq!(builder_name("list_backups"), "ListBackups");
        assert_eq!(
            operation_type_name("_4o_d_browse_by_date_feed"),
            "X4oDBrowseByDateFeed"
        );
        assert_eq!(builder_name("error"), "ErrorRequest");
        assert_eq!(operation_type_name("error"), "Error");
        assert_eq!(builder_name("self_"), "Self_");
    }

    #[test]
    fn type_names_follow_typify() {
        assert_eq!(type_name("SuccessResponse"), "SuccessResponse");
        assert_eq!(type_name("backup-list"), "BackupList");
        assert_eq!(type_name("Problem.v2"), "ProblemV2");
    }
}
