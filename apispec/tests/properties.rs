//! Property tests: whatever the input, loading refuses with a `SpecError` that has a reason, and the sampler
//! and the client view do not panic. Bounded: 64 cases unless `PROPTEST_CASES` says otherwise, small inputs.

use apispec::sample::Sampler;
use apispec::{Direction, Document};
use proptest::prelude::*;
use serde_json::{Value, json};

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Small JSON values.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        "[a-z$/#{}]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z$/]{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Small schemas, with references between a few components.
fn schema() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(json!({"type": "string"})),
        Just(json!({"type": "integer", "minimum": 3})),
        Just(json!({"type": "string", "format": "uuid"})),
        Just(json!({"nullable": true})),
        (0..3usize).prop_map(|i| json!({"$ref": format!("#/components/schemas/S{i}")})),
        json_value(),
    ];
    leaf.prop_recursive(4, 24, 3, |inner| {
        prop_oneof![
            inner
                .clone()
                .prop_map(|items| json!({"type": "array", "items": items, "minItems": 1})),
            (inner.clone(), any::<bool>()).prop_map(|(x, required)| {
                let mut s = json!({"type": "object", "properties": {"x": x}});
                if required {
                    s["required"] = json!(["x"]);
                }
                s
            }),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|parts| json!({"allOf": parts})),
            prop::collection::vec(inner, 1..3).prop_map(|parts| json!({"oneOf": parts})),
        ]
    })
}

fn document(paths: Value, schemas: Value) -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    })
}

fn refusal_has_a_reason(result: Result<Document, apispec::SpecError>) {
    if let Err(err) = result {
        assert!(!err.reason.trim().is_empty(), "{err:?}");
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_load_or_are_refused_with_a_reason(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        refusal_has_a_reason(Document::parse("p.yaml", "p", &text, false));
        refusal_has_a_reason(Document::parse("p.json", "p", &text, true));
    }

    #[test]
    fn arbitrary_yaml_like_text_loads_or_is_refused(text in "[a-z0-9:{}\\[\\], '\"\\-\\n#&*!|>]{0,200}") {
        refusal_has_a_reason(Document::parse("p.yaml", "p", &format!("openapi: 3.0.3\n{text}"), false));
    }

    #[test]
    fn arbitrary_paths_load_or_are_refused(paths in json_value()) {
        let text = document(paths, json!({})).to_string();
        let result = Document::parse("p.json", "p", &text, true);
        if let Ok(doc) = &result {
            let _ = apispec::client_view::client_view(doc);
        }
        refusal_has_a_reason(result);
    }

    #[test]
    fn arbitrary_schemas_sample_and_view_without_panicking(
        s0 in schema(), s1 in schema(), s2 in schema(), seed in any::<u64>()
    ) {
        let paths = json!({"/a": {"get": {"operationId": "a", "responses": {"200": {
            "description": "ok",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}
        }}}}});
        let text = document(paths, json!({"S0": s0, "S1": s1, "S2": s2})).to_string();
        let result = Document::parse("p.json", "p", &text, true);
        if let Ok(doc) = &result {
            let _ = apispec::client_view::client_view(doc);
            let _ = apispec::unsatisfiable_cycles(doc);
            for direction in [Direction::Request, Direction::Response] {
                let sampler = Sampler::new(&doc.raw, direction);
                for i in 0..2 {
                    let schema = json!({"$ref": format!("#/components/schemas/S{i}")});
                    let _ = sampler.static_value_checked(&schema);
                    let _ = sampler.dynamic_value(&schema, seed);
                }
            }
        }
        refusal_has_a_reason(result);
    }
}
