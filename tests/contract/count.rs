//! The suite's case count, checked against an independent count of the (spec, operation, status, example)
//! combinations, made from each document's JSON tree (as read from its text, overlay applied) without the
//! `apispec` operation model the cases come from.

use std::path::Path;

use libtest_mimic::Failed;
use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

pub(crate) fn check(case_count: usize, dir: &Path) -> Result<(), Failed> {
    let mut combinations = 0;
    for file in client_codegen::spec_files(dir).map_err(|e| e.to_string())? {
        // The text reader, not serde_yaml alone: it takes what specs hold and serde_yaml refuses (an
        // integer beyond 64 bits, a merge key).
        let document = apispec::Document::load(&file).map_err(|e| e.to_string())?;
        combinations += combinations_in(&document.raw);
    }
    if case_count == combinations {
        Ok(())
    } else {
        Err(format!(
            "the suite runs {case_count} cases but the specs document {combinations} combinations"
        )
        .into())
    }
}

fn combinations_in(raw: &Value) -> usize {
    let resolve = |value: &Value| -> Value {
        let mut value = value.clone();
        while let Some(target) = value
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix('#'))
        {
            value = raw.pointer(target).cloned().unwrap_or(Value::Null);
        }
        value
    };
    let mut count = 0;
    for item in raw["paths"]
        .as_object()
        .into_iter()
        .flat_map(|paths| paths.values())
    {
        for method in METHODS {
            let Some(responses) = item.get(method).and_then(|op| op["responses"].as_object())
            else {
                continue;
            };
            for (status, response) in responses {
                if status.starts_with("x-") {
                    continue;
                }
                let response = resolve(response);
                let media = response["content"].as_object().and_then(|content| {
                    content
                        .iter()
                        .find(|(t, _)| t.contains("json"))
                        .or_else(|| content.iter().next())
                        .map(|(_, m)| m.clone())
                });
                let examples = media.map_or(0, |m| {
                    m["examples"].as_object().map_or(0, |named| {
                        named
                            .values()
                            .filter(|e| resolve(e).get("value").is_some())
                            .count()
                    }) + usize::from(m.get("example").is_some())
                });
                count += examples.max(1);
            }
        }
    }
    count
}
