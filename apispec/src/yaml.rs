//! YAML (and JSON) text as a JSON tree, read in one pass: non-string keys become their text (`200:` is `"200"`),
//! merge keys (`<<: *base`) are applied, tags are ignored, integers beyond 64 bits become floats, and a
//! duplicate key is refused. Nothing else is accepted that JSON cannot hold.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use serde_json::{Map, Number, Value};

/// Parses one YAML document into a JSON tree.
pub(crate) fn from_str(text: &str) -> Result<Value, serde_yaml::Error> {
    JsonValue { yaml: true }.deserialize(serde_yaml::Deserializer::from_str(text))
}

/// Parses JSON text, refusing duplicate keys (which `serde_json` alone keeps silently, the last one winning).
pub(crate) fn from_json_str(text: &str) -> Result<Value, serde_json::Error> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = JsonValue { yaml: false }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Builds a [`Value`] from whatever the deserializer presents.
#[derive(Clone, Copy)]
struct JsonValue {
    /// Whether `<<` is YAML's merge key (in JSON it is an ordinary key).
    yaml: bool,
}

impl<'de> DeserializeSeed<'de> for JsonValue {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

fn float<E: de::Error>(f: f64) -> Result<Value, E> {
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| E::custom(format!("the number {f} has no JSON form")))
}

impl<'de> Visitor<'de> for JsonValue {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        match i64::try_from(v) {
            Ok(v) => Ok(Value::from(v)),
            Err(_) => float(v as f64),
        }
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        match u64::try_from(v) {
            Ok(v) => Ok(Value::from(v)),
            Err(_) => float(v as f64),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        float(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        let mut merged = Vec::new();
        while let Some(key) = map.next_key_seed(KeyText)? {
            let value = map.next_value_seed(self)?;
            if self.yaml && key == "<<" {
                merged.push(value);
                continue;
            }
            if entries.contains_key(&key) {
                return Err(de::Error::custom(format!("duplicate key `{key}`")));
            }
            entries.insert(key, value);
        }
        // Merge keys: the mapping's own keys win, then earlier merged mappings over later ones.
        for source in merged {
            let sources = match source {
                Value::Array(list) => list,
                other => vec![other],
            };
            for source in sources {
                let Value::Object(source) = source else {
                    return Err(de::Error::custom("a merge key (`<<`) must name a mapping"));
                };
                for (key, value) in source {
                    entries.entry(key).or_insert(value);
                }
            }
        }
        Ok(Value::Object(entries))
    }

    /// A tagged value (`!Ref x`): the tag is dropped, the value kept.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_tag, variant) = data.variant::<de::IgnoredAny>()?;
        variant.newtype_variant_seed(self)
    }
}

/// A mapping key as text: OpenAPI means the text of `200:` or `true:`.
struct KeyText;

impl<'de> DeserializeSeed<'de> for KeyText {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        match (JsonValue { yaml: true }).deserialize(deserializer)? {
            Value::String(text) => Ok(text),
            Value::Null => Ok("null".into()),
            Value::Bool(b) => Ok(b.to_string()),
            Value::Number(n) => Ok(n.to_string()),
            other => Err(de::Error::custom(format!(
                "a mapping key must be a scalar, found {other}"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_merges_tags_and_big_integers() {
        let text = "base: &b {a: 1, b: 2}\nm:\n  <<: *b\n  b: 3\n200: ok\ntrue: yes\nbig: -9223372036854776000\nt: !Tag {x: 1}\n";
        let value = from_str(text).unwrap();
        assert_eq!(value["m"], json!({"b": 3, "a": 1}));
        assert_eq!(value["200"], json!("ok"));
        assert_eq!(value["true"], json!("yes"));
        assert_eq!(value["big"].as_f64(), Some(-9.223372036854776e18));
        assert_eq!(value["t"], json!({"x": 1}));
    }

    #[test]
    fn json_duplicate_keys_are_refused_too() {
        let err = from_json_str("{\"a\": 1,\n \"a\": 2}").unwrap_err();
        assert!(err.to_string().contains("duplicate key `a`"), "{err}");
        assert_eq!(err.line(), 2);
        assert_eq!(from_json_str("{\"<<\": 1}").unwrap(), json!({"<<": 1}));
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_line() {
        let err = from_str("a: 1\nb:\n  c: 1\n  c: 2\n").unwrap_err();
        assert!(err.to_string().contains("duplicate key `c`"), "{err}");
        // The mapping that holds the duplicate.
        assert_eq!(err.location().map(|l| l.line()), Some(3), "{err}");
    }
}
