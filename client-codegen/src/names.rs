//! Rust names for things in a spec: generated types, enum variants for statuses, credential variants.

use apispec::StatusKey;
use heck::{ToSnakeCase, ToUpperCamelCase};

/// `text` with every character that cannot be in an identifier turned into a word break, as progenitor
/// and typify do before changing case.
fn words(text: &str) -> String {
    text.replace('\'', "")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The snake_case argument name progenitor gives a spec parameter (`X-Project-ID` → `x_project_id`).
pub fn argument_name(parameter: &str) -> String {
    words(parameter).to_snake_case()
}

/// The type name typify gives `components/schemas/{name}` (Pascal case, non-identifier characters dropped).
pub fn type_name(schema_name: &str) -> String {
    let mut name = words(schema_name).to_upper_camel_case();
    if name.is_empty() {
        name = "X".into();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// The enum variant for a documented status: its reason phrase (`404` → `NotFound`), a range's class
/// (`4XX` → `ClientError`), or `Other` for `default`.
pub fn status_variant(status: StatusKey) -> String {
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
    }

    #[test]
    fn type_names_follow_typify() {
        assert_eq!(type_name("SuccessResponse"), "SuccessResponse");
        assert_eq!(type_name("backup-list"), "BackupList");
        assert_eq!(type_name("Problem.v2"), "ProblemV2");
    }
}
