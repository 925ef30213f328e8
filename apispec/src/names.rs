//! The Rust names the generated client gives the parts of a spec, as progenitor 0.15 and typify 0.8 make
//! them: snake_case for methods, arguments and fields, PascalCase for types, a trailing `_` for keywords.
//! The client view uses them to foresee collisions before progenitor meets them, and the code generator to
//! find the items progenitor generated. Spelled out here once, so both agree with the generator.

use heck::{ToPascalCase, ToSnakeCase};
use unicode_ident::{is_xid_continue, is_xid_start};

/// Whether `word` cannot be an identifier as it is (typify's list: Rust's strict, reserved and 2024 keywords).
pub fn is_rust_keyword(word: &str) -> bool {
    matches!(
        word,
        "_" | "abstract"
            | "as"
            | "async"
            | "await"
            | "become"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "crate"
            | "do"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "final"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "macro"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "override"
            | "priv"
            | "pub"
            | "ref"
            | "return"
            | "Self"
            | "self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "unsafe"
            | "unsized"
            | "use"
            | "virtual"
            | "where"
            | "while"
            | "yield"
    )
}

/// Which case a name is made in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Snake,
    Pascal,
}

/// The shared recipe: quotes dropped, non-identifier characters made word breaks, the case changed, a
/// prefix where the first character cannot start an identifier, and `_` after a keyword.
fn sanitize(input: &str, case: Case, bad_start_prefix: &str) -> String {
    let to_case = |text: &str| match case {
        Case::Snake => text.to_snake_case(),
        Case::Pascal => text.to_pascal_case(),
    };
    let out = match input {
        "+1" => "plus1".to_string(),
        "-1" => "minus1".to_string(),
        _ => to_case(
            &input
                .replace('\'', "")
                .replace(|c: char| !is_xid_continue(c), "-"),
        ),
    };
    let out = match out.chars().next() {
        None => to_case("x"),
        Some(c) if is_xid_start(c) => out,
        Some(_) => format!("{bad_start_prefix}{out}"),
    };
    if is_rust_keyword(&out) {
        format!("{out}_")
    } else {
        out
    }
}

/// The name progenitor gives a method (from its operationId) or an argument (from a parameter's name):
/// `X-Project-ID` → `x_project_id`, `type` → `type_`.
pub fn progenitor_snake(input: &str) -> String {
    sanitize(input, Case::Snake, "_")
}

/// The name typify gives a type (`components/schemas/{name}`, or an inline schema's made-up name):
/// `backup-list` → `BackupList`, `Problem.v2` → `ProblemV2`.
pub fn typify_pascal(input: &str) -> String {
    sanitize(input, Case::Pascal, "X")
}

/// The name typify gives a struct field (from a property name): `authTime` → `auth_time`.
pub fn typify_snake(input: &str) -> String {
    sanitize(input, Case::Snake, "x")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_the_generators() {
        assert_eq!(progenitor_snake("X-Project-ID"), "x_project_id");
        assert_eq!(progenitor_snake("backupId"), "backup_id");
        assert_eq!(progenitor_snake("type"), "type_");
        assert_eq!(progenitor_snake("2fa"), "_2fa");
        assert_eq!(progenitor_snake("StartTime<"), "start_time");
        assert_eq!(typify_pascal("backup-list"), "BackupList");
        assert_eq!(typify_pascal("Problem.v2"), "ProblemV2");
        assert_eq!(typify_pascal("2fa"), "X2fa");
        assert_eq!(typify_pascal("Self"), "Self_");
        assert_eq!(typify_snake("authTime"), "auth_time");
        assert_eq!(typify_snake("auth_time"), "auth_time");
    }
}
