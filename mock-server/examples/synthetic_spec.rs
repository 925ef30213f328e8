//! Writes a synthetic OpenAPI 3.0 document with N operations (default 2,000) for the benchmark: N/2 paths
//! `/group{i}/items/{id}`, each with a GET and a DELETE that take a uuid path parameter, a required header,
//! an API key, and a documented 200 and 404 with examples.
//! `cargo run --release --example synthetic_spec -- 2000 /tmp/synthetic.json`

use serde_json::{Map, Value, json};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let out = args.next().unwrap_or_else(|| "synthetic.json".into());
    let mut paths = Map::new();
    for group in 0..count.div_ceil(2) {
        let operation = |verb: &str| {
            json!({
                "operationId": format!("{verb}Item{group}"),
                "parameters": [
                    {"name": "id", "in": "path", "required": true,
                     "schema": {"type": "string", "format": "uuid"}},
                    {"$ref": "#/components/parameters/Project"}
                ],
                "responses": {
                    "200": {"description": "ok", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Item"},
                        "example": {"id": "3f9c2a61-8d4e-4b7a-9c15-2e7f0a6b8d41", "group": group, "name": format!("item {group}")}
                    }}},
                    "404": {"description": "missing", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Error"},
                        "example": {"error": "Not Found"}
                    }}}
                }
            })
        };
        paths.insert(
            format!("/group{group}/items/{{id}}"),
            json!({"get": operation("get"), "delete": operation("delete")}),
        );
    }
    let spec = json!({
        "openapi": "3.0.3",
        "info": {"title": format!("synthetic ({count} operations)"), "version": "1"},
        "security": [{"key": []}],
        "paths": Value::Object(paths),
        "components": {
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-API-Key"}},
            "parameters": {"Project": {"name": "X-Project-ID", "in": "header", "required": true,
                                       "schema": {"type": "string", "format": "uuid"}}},
            "schemas": {
                "Item": {"type": "object", "required": ["id", "group", "name"], "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "group": {"type": "integer", "minimum": 0},
                    "name": {"type": "string"}}},
                "Error": {"type": "object", "properties": {"error": {"type": "string"}}}
            }
        }
    });
    std::fs::write(
        &out,
        serde_json::to_vec_pretty(&spec).expect("serializable"),
    )
    .unwrap_or_else(|e| panic!("cannot write {out}: {e}"));
    println!("{out}: {count} operations");
}
