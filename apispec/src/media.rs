//! Media types as a spec and HTTP use them: the essence of a type, whether it is JSON, whether a range
//! (`application/*`, `*/*`) covers a type, and which of an operation's contents a client reads first.
//! The mock server's validation and negotiation, `verify`'s checks and the client view all ask here, so a
//! `+json` type or a wildcard means the same thing everywhere.

use crate::MediaContent;

/// A media type without its parameters, lower-cased: `application/json; charset=utf-8` → `application/json`.
pub fn media_type_essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// `application/json`, `application/*+json` (`application/problem+json`), with or without parameters.
pub fn is_json_media_type(media_type: &str) -> bool {
    let essence = media_type_essence(media_type);
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Whether the media range `range` (from a spec or an `Accept` header: `application/json`, `text/*`,
/// `*/*`) covers the concrete media type `given`. Both may carry parameters; case does not matter.
/// `application/json` also covers every `+json` type, since those are JSON.
pub fn range_covers(range: &str, given: &str) -> bool {
    wildcard_covers(range, given)
        || (media_type_essence(range) == "application/json" && is_json_media_type(given))
}

/// Whether `range` covers `given` by equality or wildcards only (`application/*`, `*/*`), without the
/// `+json` rule of [`range_covers`]: what a spec documents as `application/json` is not met by an
/// `application/problem+json` body or request. Parameters and case do not matter.
pub fn wildcard_covers(range: &str, given: &str) -> bool {
    let (range, given) = (media_type_essence(range), media_type_essence(given));
    if range == "*/*" || range == given {
        return true;
    }
    match range.strip_suffix("/*") {
        Some(kind) => given.split('/').next() == Some(kind),
        None => false,
    }
}

/// Whether two media types, either of which may be a range, have a type in common: a spec's
/// `application/*` content and a client's `Accept: application/xml` do.
pub fn ranges_overlap(a: &str, b: &str) -> bool {
    range_covers(a, b) || range_covers(b, a)
}

/// How specific a media range is: `*/*` 0, `type/*` 1, a concrete type 2. A more specific range of an
/// `Accept` header decides the quality of the types it covers.
pub fn range_specificity(range: &str) -> u8 {
    let range = media_type_essence(range);
    if range == "*/*" {
        0
    } else if range.ends_with("/*") {
        1
    } else {
        2
    }
}

/// The content a client reads first among a response's or body's contents: the first JSON one, else the
/// first one.
pub fn preferred_content(contents: &[MediaContent]) -> Option<&MediaContent> {
    contents
        .iter()
        .find(|c| c.is_json())
        .or_else(|| contents.first())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn essence_and_json() {
        assert_eq!(
            media_type_essence("Application/JSON; charset=utf-8"),
            "application/json"
        );
        assert!(is_json_media_type("application/problem+json"));
        assert!(is_json_media_type("application/json;charset=utf-8"));
        assert!(!is_json_media_type("text/json+plain"));
    }

    #[test]
    fn ranges_cover_types_and_plus_json() {
        assert!(range_covers(
            "application/json",
            "application/json; charset=utf-8"
        ));
        assert!(range_covers("application/*", "application/xml"));
        assert!(range_covers("*/*", "text/plain"));
        assert!(range_covers("application/json", "application/problem+json"));
        assert!(!range_covers(
            "application/problem+json",
            "application/json"
        ));
        assert!(!range_covers("application/json", "text/plain"));
        assert!(ranges_overlap("application/xml", "application/*"));
        assert!(!ranges_overlap("text/plain", "application/*"));
        assert!(wildcard_covers("application/*", "application/problem+json"));
        assert!(wildcard_covers(
            "Application/JSON",
            "application/json; charset=utf-8"
        ));
        assert!(!wildcard_covers(
            "application/json",
            "application/problem+json"
        ));
        assert!(!wildcard_covers("text/*", "application/xml"));
        assert_eq!(
            (
                range_specificity("*/*"),
                range_specificity("text/*"),
                range_specificity("text/csv")
            ),
            (0, 1, 2)
        );
    }
}
