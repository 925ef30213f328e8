//! [`DeepObjectParam`]: a query parameter written `style: deepObject`, each property under the
//! parameter's name (`?filter[status]=open&filter[limit]=3`), which progenitor's `QueryParam` cannot
//! write.

use serde::ser::{Serialize, SerializeSeq, Serializer};
use serde_json::Value;

/// One `deepObject` query parameter, serialized as the `(key, value)` pairs `reqwest`'s `query` takes.
/// Nested objects go one bracket deeper (`filter[owner][id]=7`), a list repeats its key, a `null` is left
/// out, and a value that is not an object is written plainly (`filter=open`).
#[derive(Debug)]
pub struct DeepObjectParam<'a, T> {
    name: &'a str,
    value: &'a T,
}

impl<'a, T: Serialize> DeepObjectParam<'a, T> {
    /// The parameter `name` with its `value`.
    pub fn new(name: &'a str, value: &'a T) -> Self {
        DeepObjectParam { name, value }
    }
}

impl<T: Serialize> Serialize for DeepObjectParam<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let value = serde_json::to_value(self.value).map_err(serde::ser::Error::custom)?;
        let mut pairs = Vec::new();
        flatten(self.name.to_string(), &value, &mut pairs);
        let mut seq = serializer.serialize_seq(Some(pairs.len()))?;
        for pair in &pairs {
            seq.serialize_element(pair)?;
        }
        seq.end()
    }
}

fn flatten(key: String, value: &Value, pairs: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Object(map) => {
            for (property, value) in map {
                flatten(format!("{key}[{property}]"), value, pairs);
            }
        }
        Value::Array(items) => {
            for item in items {
                flatten(key.clone(), item, pairs);
            }
        }
        Value::String(text) => pairs.push((key, text.clone())),
        other => pairs.push((key, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The query's pairs, sorted: a JSON map's order depends on serde_json's `preserve_order` feature.
    fn query(name: &str, value: &Value) -> String {
        let client = reqwest::Client::new();
        let request = client
            .get("http://example.com/")
            .query(&DeepObjectParam::new(name, value))
            .build()
            .unwrap();
        let mut pairs: Vec<&str> = request
            .url()
            .query()
            .unwrap_or_default()
            .split('&')
            .collect();
        pairs.sort();
        pairs.join("&")
    }

    #[test]
    fn properties_go_under_the_name_in_brackets() {
        assert_eq!(
            query(
                "filter",
                &json!({"status": "open", "limit": 3, "gone": null})
            ),
            "filter%5Blimit%5D=3&filter%5Bstatus%5D=open"
        );
        assert_eq!(
            query("metadata", &json!({"owner": {"id": 7}, "tags": ["a", "b"]})),
            "metadata%5Bowner%5D%5Bid%5D=7&metadata%5Btags%5D=a&metadata%5Btags%5D=b"
        );
        assert_eq!(query("q", &json!("plain")), "q=plain");
    }
}
