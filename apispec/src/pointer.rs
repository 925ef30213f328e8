//! JSON pointers (RFC 6901): building them while walking a document, and reading through them.

use std::borrow::Cow;

use serde_json::Value;

/// The JSON pointer a local `$ref` names (`#/components/schemas/Pet` gives `/components/schemas/Pet`), with
/// the fragment's percent-encoding undone (RFC 6901 §6: `#/paths/~1vps~1%7Bid%7D` names the path
/// `/vps/{id}`). `None` for a reference into another document. Every `$ref` apispec follows goes through
/// this, so all readers of a document agree on what a reference names.
pub fn of_reference(reference: &str) -> Option<Cow<'_, str>> {
    let fragment = reference.strip_prefix('#')?;
    if !fragment.contains('%') {
        return Some(Cow::Borrowed(fragment));
    }
    let bytes = fragment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            decoded.push((high * 16 + low) as u8);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    // A `%` not followed by two hex digits, or bytes that are not UTF-8, are taken as written.
    Some(match String::from_utf8(decoded) {
        Ok(text) => Cow::Owned(text),
        Err(_) => Cow::Borrowed(fragment),
    })
}

/// `pointer` as a URI fragment: every character a fragment may not hold percent-encoded (RFC 3986), so a
/// pointer to `/paths/~1vps~1{id}` can be handed to a URI-based resolver. Undone by [`of_reference`].
pub fn to_fragment(pointer: &str) -> String {
    let mut fragment = String::with_capacity(pointer.len());
    for byte in pointer.bytes() {
        let allowed = byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte);
        if allowed {
            fragment.push(byte as char);
        } else {
            fragment.push_str(&format!("%{byte:02X}"));
        }
    }
    fragment
}

/// The value a local `$ref` names in `root` ([`of_reference`]), if there is one.
pub fn follow<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    root.pointer(&of_reference(reference)?)
}

/// Escapes one reference token: `~` becomes `~0`, `/` becomes `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Undoes [`escape`].
pub fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// `base` with one more token appended.
pub fn join(base: &str, token: &str) -> String {
    format!("{base}/{}", escape(token))
}

/// The tokens of a pointer, unescaped. `""` is the whole document.
pub fn tokens(pointer: &str) -> Vec<String> {
    if pointer.is_empty() {
        return Vec::new();
    }
    pointer
        .trim_start_matches('/')
        .split('/')
        .map(unescape)
        .collect()
}
/// The value at `pointer` in `root`, if there is one.
pub fn get<'a>(root: &'a Value, pointer: &str) -> Option<&'a Value> {
    root.pointer(pointer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_reference_names_the_pointer_after_its_fragment_is_percent_decoded() {
        assert_eq!(
            of_reference("#/components/schemas/Pet").as_deref(),
            Some("/components/schemas/Pet")
        );
        assert_eq!(
            of_reference("#/paths/~1vps~1%7Bid%7D/get").as_deref(),
            Some("/paths/~1vps~1{id}/get")
        );
        assert_eq!(of_reference("#/a%25b").as_deref(), Some("/a%b"));
        // Not an escape, or not UTF-8 once decoded: taken as written.
        assert_eq!(of_reference("#/a%zz").as_deref(), Some("/a%zz"));
        assert_eq!(of_reference("#/a%FF").as_deref(), Some("/a%FF"));
        assert_eq!(of_reference("other.yaml#/a"), None);
    }

    #[test]
    fn a_pointer_becomes_a_fragment_a_uri_may_hold_and_back() {
        let pointer = "/paths/~1vps~1{id}/get/a b%c/é";
        let fragment = to_fragment(pointer);
        assert_eq!(fragment, "/paths/~1vps~1%7Bid%7D/get/a%20b%25c/%C3%A9");
        assert_eq!(
            of_reference(&format!("#{fragment}")).as_deref(),
            Some(pointer)
        );
    }

    #[test]
    fn follow_reaches_a_path_written_with_braces() {
        let root = json!({"paths": {"/vps/{id}": {"get": {"operationId": "getVps"}}}});
        assert_eq!(
            follow(&root, "#/paths/~1vps~1%7Bid%7D/get/operationId"),
            Some(&json!("getVps"))
        );
        assert_eq!(follow(&root, "#/paths/~1vps~1%7Bid%7D/put"), None);
    }
}
