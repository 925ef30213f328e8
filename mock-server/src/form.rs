//! Request bodies that are forms (`application/x-www-form-urlencoded`, `multipart/form-data` per RFC 7578)
//! read as the JSON object their schema describes, so they are validated the way JSON bodies are (Prism
//! validates forms too): each field's text read as its schema's type, a repeated field as a list, a part
//! sent as `application/json` as its JSON, a file as its text.

use axum::http::{HeaderMap, header};
use serde_json::{Map, Value};

use crate::catalog::ValueKind;
use crate::validate::coerce;

/// The form in `body` as a JSON object, or what makes it unreadable.
pub(crate) fn read(
    essence: &str,
    headers: &HeaderMap,
    body: &[u8],
    fields: &[(String, ValueKind)],
) -> Result<Value, String> {
    let parts = if essence == "multipart/form-data" {
        let boundary = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(boundary)
            .ok_or("the Content-Type names no `boundary`")?;
        multipart_parts(body, &boundary)?
    } else {
        form_urlencoded::parse(body)
            .map(|(name, value)| Part {
                name: name.into_owned(),
                json: false,
                text: value.into_owned(),
            })
            .collect()
    };
    let mut object = Map::new();
    let mut names: Vec<&str> = parts.iter().map(|p| p.name.as_str()).collect();
    names.dedup();
    names.sort_unstable();
    names.dedup();
    for name in names {
        let kind = fields
            .iter()
            .find(|(field, _)| field == name)
            .map_or(&ValueKind::String, |(_, kind)| kind);
        let values: Vec<Value> = parts
            .iter()
            .filter(|part| part.name == name)
            .map(|part| part.value(kind))
            .collect();
        let value = match (kind, values.len()) {
            (ValueKind::Array(_), _) => Value::Array(values),
            (_, 1) => values.into_iter().next().unwrap_or(Value::Null),
            // A field that is not a list, given several times: the validator says it is the wrong type.
            _ => Value::Array(values),
        };
        object.insert(name.to_string(), value);
    }
    Ok(Value::Object(object))
}

/// One field of a form as sent.
struct Part {
    name: String,
    /// Sent with `Content-Type: application/json` (multipart only).
    json: bool,
    text: String,
}

impl Part {
    fn value(&self, kind: &ValueKind) -> Value {
        if self.json
            && let Ok(value) = serde_json::from_str(&self.text)
        {
            return value;
        }
        match kind {
            // Each item of a list is its own field; only its item type applies here.
            ValueKind::Array(item) => coerce(&self.text, item),
            kind => coerce(&self.text, kind),
        }
    }
}

/// The `boundary` parameter of a `multipart/*` Content-Type (quoted or not).
fn boundary(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.trim().split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| value.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty())
    })
}

/// The parts of a multipart body: each one's name (from `Content-Disposition`), whether it is JSON, and
/// its content as text (bytes that are not UTF-8 replaced).
fn multipart_parts(body: &[u8], boundary: &str) -> Result<Vec<Part>, String> {
    let delimiter = format!("--{boundary}");
    let delimiter = delimiter.as_bytes();
    let mut at =
        find(body, delimiter, 0).ok_or("no part starts with the boundary")? + delimiter.len();
    let mut parts = Vec::new();
    loop {
        if body[at..].starts_with(b"--") {
            return Ok(parts);
        }
        if !body[at..].starts_with(b"\r\n") {
            return Err("a boundary is not followed by a line break".into());
        }
        at += 2;
        let headers_end = find(body, b"\r\n\r\n", at).ok_or("a part's headers do not end")?;
        let headers = String::from_utf8_lossy(&body[at..headers_end]);
        let content_start = headers_end + 4;
        let mut closing = b"\r\n".to_vec();
        closing.extend_from_slice(delimiter);
        let content_end = find(body, &closing, content_start)
            .ok_or("the last part is not closed by the boundary")?;
        let mut name = None;
        let mut json = false;
        for line in headers.split("\r\n") {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            if key.trim().eq_ignore_ascii_case("content-disposition") {
                name = disposition_name(value);
            } else if key.trim().eq_ignore_ascii_case("content-type") {
                json = apispec::is_json_media_type(value.trim());
            }
        }
        let name = name.ok_or("a part's Content-Disposition names no field")?;
        parts.push(Part {
            name,
            json,
            text: String::from_utf8_lossy(&body[content_start..content_end]).into_owned(),
        });
        at = content_end + closing.len();
    }
}

/// The `name` parameter of a `Content-Disposition: form-data; name="..."` value.
fn disposition_name(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|parameter| {
        let (key, value) = parameter.trim().split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("name")
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|i| i + from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields() -> Vec<(String, ValueKind)> {
        vec![
            ("size".into(), ValueKind::Integer),
            ("tags".into(), ValueKind::Array(Box::new(ValueKind::String))),
            ("file".into(), ValueKind::String),
        ]
    }

    #[test]
    fn an_urlencoded_form_reads_as_typed_fields() {
        let value = read(
            "application/x-www-form-urlencoded",
            &HeaderMap::new(),
            b"size=12&tags=a&tags=b%20c&note=x",
            &fields(),
        )
        .unwrap();
        assert_eq!(
            value,
            json!({"size": 12, "tags": ["a", "b c"], "note": "x"})
        );
    }

    #[test]
    fn a_multipart_form_reads_as_typed_fields() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=\"XyZ\"".parse().unwrap(),
        );
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"size\"\r\n\r\n12\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.tar\"\r\nContent-Type: application/x-tar\r\n\r\n\x00\xffdata\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"a\":1}\r\n\
--XyZ--\r\n";
        let value = read("multipart/form-data", &headers, body, &fields()).unwrap();
        assert_eq!(value["size"], json!(12));
        assert_eq!(value["meta"], json!({"a": 1}));
        assert!(value["file"].as_str().unwrap().ends_with("data"));
    }

    #[test]
    fn a_broken_multipart_form_says_what_is_wrong() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=B".parse().unwrap(),
        );
        let error = read(
            "multipart/form-data",
            &headers,
            b"--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end",
            &fields(),
        )
        .unwrap_err();
        assert_eq!(error, "the last part is not closed by the boundary");
        let error = read("multipart/form-data", &HeaderMap::new(), b"", &fields()).unwrap_err();
        assert_eq!(error, "the Content-Type names no `boundary`");
    }
}
