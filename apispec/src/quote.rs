//! Quoting values in messages. A message that names a bad value echoes at most [`MAX_QUOTED`] bytes of it,
//! then an ellipsis and the value's full length, so a 16 MB value gives a message of a few hundred bytes
//! (and quoting it never holds the whole value's text in memory).

use std::borrow::Cow;
use std::io::Write;

use serde_json::Value;

/// The most of a value's text a message quotes, in bytes (cut on a character boundary).
pub const MAX_QUOTED: usize = 100;

/// The most a whole message may be, in bytes, once its values are quoted: a message can name several
/// values of the input (additional property names), each cut, and still be short.
pub const MAX_MESSAGE: usize = 1000;

/// `text` if it is at most `max` bytes long, else its first bytes, `…` and its length in characters:
/// `AAAA… (2000000 characters)`.
pub fn cut_text(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let end = floor_char_boundary(text, max);
    Cow::Owned(format!(
        "{}… ({} characters)",
        &text[..end],
        text.chars().count()
    ))
}

/// A value as JSON text, cut past [`MAX_QUOTED`] bytes: a string keeps its quotes and gives its length in
/// characters (`"AAAA…" (2000000 characters)`), anything else its length as JSON text
/// (`[1,2,3,… (300000 bytes of JSON)`).
pub fn quote_value(value: &Value) -> String {
    if let Value::String(text) = value {
        let json = serde_json::to_string(&cut_text_bare(text)).unwrap_or_default();
        return if text.len() <= MAX_QUOTED {
            json
        } else {
            let open = json.strip_suffix('"').unwrap_or(&json);
            format!("{open}…\" ({} characters)", text.chars().count())
        };
    }
    let mut head = Head::default();
    // Writing to `Head` never fails; serializing a `Value` cannot either.
    let _ = serde_json::to_writer(&mut head, value);
    let text = String::from_utf8_lossy(&head.kept);
    if head.total <= MAX_QUOTED {
        return text.into_owned();
    }
    let end = floor_char_boundary(&text, MAX_QUOTED);
    format!("{}… ({} bytes of JSON)", &text[..end], head.total)
}

/// The first [`MAX_QUOTED`] bytes of a string, with no marks.
fn cut_text_bare(text: &str) -> &str {
    &text[..floor_char_boundary(text, MAX_QUOTED)]
}

fn floor_char_boundary(text: &str, max: usize) -> usize {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Keeps the first bytes written (a few more than [`MAX_QUOTED`], for the character boundary) and counts
/// them all.
#[derive(Default)]
struct Head {
    kept: Vec<u8>,
    total: usize,
}

impl Write for Head {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let room = (MAX_QUOTED + 4).saturating_sub(self.kept.len());
        self.kept.extend_from_slice(&bytes[..room.min(bytes.len())]);
        self.total += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn short_values_are_quoted_whole() {
        assert_eq!(quote_value(&json!("abc")), "\"abc\"");
        assert_eq!(quote_value(&json!({"a": [1, 2]})), "{\"a\":[1,2]}");
        assert_eq!(cut_text("short", 10), "short");
    }

    #[test]
    fn long_values_are_cut_with_their_length() {
        let long = "A".repeat(2_000_000);
        let quoted = quote_value(&json!(long));
        assert_eq!(
            quoted,
            format!("\"{}…\" (2000000 characters)", "A".repeat(MAX_QUOTED))
        );
        let array: Vec<u32> = (0..100_000).collect();
        let quoted = quote_value(&json!(array));
        assert!(quoted.starts_with("[0,1,2,"), "{quoted}");
        assert!(quoted.ends_with("… (588891 bytes of JSON)"), "{quoted}");
        assert!(quoted.len() < 2 * MAX_QUOTED);
        assert_eq!(cut_text(&"x".repeat(50), 10), "xxxxxxxxxx… (50 characters)");
    }

    #[test]
    fn cuts_fall_on_character_boundaries() {
        let text = "é".repeat(200);
        let quoted = quote_value(&json!(text));
        assert!(quoted.ends_with("…\" (200 characters)"), "{quoted}");
        assert_eq!(cut_text(&text, 5), "éé… (200 characters)");
        let quoted = quote_value(&json!([text]));
        assert!(quoted.ends_with("… (404 bytes of JSON)"), "{quoted}");
    }
}
