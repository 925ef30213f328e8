//! `multipart/form-data` bodies (RFC 7578). progenitor sends typed bodies only as JSON, so a form body is
//! built as the JSON of its typed struct and re-encoded here, before the request leaves: file fields (typed
//! as bytes) become file parts with their documented content type, every other field a text part.

use reqwest::header::{CONTENT_TYPE, HeaderValue};
use serde_json::Value;

/// A field of a form body that is a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FilePart {
    /// The field's name, as the spec writes it.
    pub name: &'static str,
    /// The part's `Content-Type`.
    pub content_type: &'static str,
}

/// Replaces a request's JSON body by the form it stands for, and its `Content-Type` by the form's.
/// A body that is not a JSON object is left as it is.
pub(crate) fn encode_request(request: &mut reqwest::Request, files: &[FilePart]) {
    let Some(Ok(Fields(fields))) = request
        .body()
        .and_then(reqwest::Body::as_bytes)
        .map(serde_json::from_slice::<Fields>)
    else {
        return;
    };
    let boundary = format!(
        "form-boundary-{:016x}{:016x}",
        rand::random::<u64>(),
        rand::random::<u64>()
    );
    let body = encode(&fields, files, &boundary);
    let Ok(content_type) =
        HeaderValue::from_str(&format!("multipart/form-data; boundary={boundary}"))
    else {
        return;
    };
    request.headers_mut().insert(CONTENT_TYPE, content_type);
    *request.body_mut() = Some(body.into());
}

/// A JSON object's fields in the order written (the typed struct's field order, which is the schema's).
struct Fields(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    fields.push(entry);
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// The form's bytes: one part per field (per item, for a list of files or of plain values), in the
/// order of the fields; `null` fields are left out.
fn encode(fields: &[(String, Value)], files: &[FilePart], boundary: &str) -> Vec<u8> {
    let mut body = Vec::new();
    for (name, value) in fields {
        let name = name.as_str();
        match files.iter().find(|file| file.name == name) {
            Some(file) => {
                let many =
                    matches!(value, Value::Array(items) if items.iter().all(Value::is_array));
                let contents: Vec<&Value> = match value {
                    Value::Array(items) if many => items.iter().collect(),
                    Value::Null => Vec::new(),
                    single => vec![single],
                };
                for content in contents {
                    let disposition = format!(
                        "form-data; name=\"{}\"; filename=\"{}\"",
                        quoted(name),
                        quoted(name)
                    );
                    part(
                        &mut body,
                        boundary,
                        &disposition,
                        Some(file.content_type),
                        &bytes(content),
                    );
                }
            }
            None => {
                let disposition = format!("form-data; name=\"{}\"", quoted(name));
                let plain = |v: &Value| !matches!(v, Value::Array(_) | Value::Object(_));
                match value {
                    Value::Null => {}
                    Value::String(text) => {
                        part(&mut body, boundary, &disposition, None, text.as_bytes())
                    }
                    Value::Array(items) if items.iter().all(plain) => {
                        for item in items.iter().filter(|item| !item.is_null()) {
                            part(
                                &mut body,
                                boundary,
                                &disposition,
                                None,
                                text(item).as_bytes(),
                            );
                        }
                    }
                    Value::Array(_) | Value::Object(_) => {
                        let json = value.to_string();
                        part(
                            &mut body,
                            boundary,
                            &disposition,
                            Some("application/json"),
                            json.as_bytes(),
                        );
                    }
                    other => part(
                        &mut body,
                        boundary,
                        &disposition,
                        None,
                        text(other).as_bytes(),
                    ),
                }
            }
        }
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

fn part(
    body: &mut Vec<u8>,
    boundary: &str,
    disposition: &str,
    content_type: Option<&str>,
    content: &[u8],
) {
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n").as_bytes(),
    );
    if let Some(content_type) = content_type {
        body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    }
    body.extend_from_slice(b"\r\n");
    body.extend_from_slice(content);
    body.extend_from_slice(b"\r\n");
}

/// A file's bytes from the JSON of `Vec<u8>` (a list of numbers).
fn bytes(value: &Value) -> Vec<u8> {
    match value {
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_u64)
            .map(|byte| byte as u8)
            .collect(),
        Value::String(text) => text.clone().into_bytes(),
        _ => Vec::new(),
    }
}

/// A plain value as a text part holds it: a string as itself, anything else as its JSON text.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A name inside a quoted `Content-Disposition` parameter: `"` and line breaks percent-encoded, as browsers do.
fn quoted(name: &str) -> String {
    name.replace('"', "%22")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn in_order(object: &str) -> Vec<(String, Value)> {
        serde_json::from_str::<Fields>(object).unwrap().0
    }

    #[test]
    fn files_become_file_parts_and_other_fields_text_parts() {
        let fields = r#"{"file": [104, 105], "purpose": "backup", "tags": ["a", "b"], "meta": {"size": 2},
            "count": 3, "skipped": null}"#;
        let files = [FilePart {
            name: "file",
            content_type: "image/png",
        }];
        let body = encode(&in_order(fields), &files, "B");
        let text = String::from_utf8(body).unwrap();
        assert_eq!(
            text,
            "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"file\"\r\nContent-Type: image/png\r\n\r\nhi\r\n\
             --B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbackup\r\n\
             --B\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\na\r\n\
             --B\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nb\r\n\
             --B\r\nContent-Disposition: form-data; name=\"meta\"\r\nContent-Type: application/json\r\n\r\n{\"size\":2}\r\n\
             --B\r\nContent-Disposition: form-data; name=\"count\"\r\n\r\n3\r\n\
             --B--\r\n"
        );
    }

    #[test]
    fn a_list_of_files_gives_one_part_per_file() {
        let fields = r#"{"files": [[1, 2], [3]]}"#;
        let files = [FilePart {
            name: "files",
            content_type: "application/octet-stream",
        }];
        let body = encode(&in_order(fields), &files, "B");
        let parts = body.windows(3).filter(|w| w == b"--B").count();
        assert_eq!(parts, 3, "two parts and the closing boundary");
        assert!(
            body.windows(4).any(|w| w == [b'\n', b'\n', 1, 2])
                || body.windows(2).any(|w| w == [1, 2])
        );
    }
}
