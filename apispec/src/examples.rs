//! Every example a document holds, and whether each one is valid against the schema it illustrates.
//!
//! Examples live on parameters, request and response media types, response headers (`example` or named
//! `examples`), and on schemas themselves (`example`). Each is checked against its schema in the direction
//! its data flows.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::pointer;
use crate::schema::{CompiledSchemas, Direction, SchemaSet, SchemaValidator, Violation};
use crate::{Document, SpecError};
use crate::{Example, SchemaAt};

/// One example with the schema it must satisfy.
#[derive(Debug, Clone)]
pub struct ExampleSite<'a> {
    /// The example.
    pub example: &'a Example,
    /// The schema of the parameter, body or response the example belongs to.
    pub schema: &'a SchemaAt,
    /// Whether the example is sent (read-only properties forbidden) or received (write-only forbidden).
    pub direction: Direction,
}

/// An example that breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidExample {
    /// The document, as messages name it.
    pub source: String,
    /// Where the example value is written.
    pub example_pointer: String,
    /// Where the schema it breaks is written.
    pub schema_pointer: String,
    /// The first way the example breaks the schema.
    pub violation: Violation,
}

impl std::fmt::Display for InvalidExample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.violation.instance_pointer.is_empty() {
            "/"
        } else {
            &self.violation.instance_pointer
        };
        write!(
            f,
            "{} #{}: example value at {at} breaks schema #{}: {}",
            self.source, self.example_pointer, self.schema_pointer, self.violation.message
        )
    }
}

/// Every example of the operations (parameters, bodies, response headers), each once even where the
/// document shares it between operations through a `$ref`.
pub fn operation_examples(doc: &Document) -> Vec<ExampleSite<'_>> {
    let mut seen = BTreeSet::new();
    let mut sites = Vec::new();
    for op in &doc.operations {
        let params = op.parameters.iter().filter_map(|p| {
            p.schema
                .as_ref()
                .map(|s| (&p.examples, s, Direction::Request))
        });
        let bodies = op
            .request_body
            .iter()
            .flat_map(|b| &b.contents)
            .filter_map(|c| {
                c.schema
                    .as_ref()
                    .map(|s| (&c.examples, s, Direction::Request))
            });
        let responses = op
            .responses
            .iter()
            .flat_map(|r| &r.contents)
            .filter_map(|c| {
                c.schema
                    .as_ref()
                    .map(|s| (&c.examples, s, Direction::Response))
            });
        let headers = op
            .responses
            .iter()
            .flat_map(|r| &r.headers)
            .filter_map(|h| {
                h.schema
                    .as_ref()
                    .map(|s| (&h.examples, s, Direction::Response))
            });
        for (examples, schema, direction) in params.chain(bodies).chain(responses).chain(headers) {
            for example in examples {
                if seen.insert(example.pointer.clone()) {
                    sites.push(ExampleSite {
                        example,
                        schema,
                        direction,
                    });
                }
            }
        }
    }
    sites
}

/// Every `example` keyword written inside a schema, with the schema it sits on.
pub fn schema_examples(doc: &Document) -> Vec<(Example, SchemaAt)> {
    let mut found = Vec::new();
    let mut visit = |schema: &Value, at: &str| collect_schema_examples(schema, at, &mut found);
    if let Some(Value::Object(schemas)) = doc.raw.pointer("/components/schemas") {
        for (name, schema) in schemas {
            visit(schema, &pointer::join("/components/schemas", name));
        }
    }
    for op in &doc.operations {
        let inline = op
            .parameters
            .iter()
            .filter_map(|p| p.schema.as_ref())
            .chain(
                op.request_body
                    .iter()
                    .flat_map(|b| &b.contents)
                    .filter_map(|c| c.schema.as_ref()),
            )
            .chain(
                op.responses
                    .iter()
                    .flat_map(|r| &r.contents)
                    .filter_map(|c| c.schema.as_ref()),
            )
            .chain(
                op.responses
                    .iter()
                    .flat_map(|r| &r.headers)
                    .filter_map(|h| h.schema.as_ref()),
            );
        for schema in inline {
            visit(&schema.schema, &schema.pointer);
        }
    }
    found.sort_by(|a, b| a.0.pointer.cmp(&b.0.pointer));
    found.dedup_by(|a, b| a.0.pointer == b.0.pointer);
    found
}

fn collect_schema_examples(schema: &Value, at: &str, found: &mut Vec<(Example, SchemaAt)>) {
    let Value::Object(map) = schema else { return };
    if map.contains_key("$ref") {
        return;
    }
    if let Some(value) = map.get("example") {
        let example = Example {
            name: None,
            summary: None,
            value: value.clone(),
            pointer: pointer::join(at, "example"),
        };
        found.push((
            example,
            SchemaAt {
                schema: schema.clone(),
                pointer: at.to_string(),
            },
        ));
    }
    for key in ["properties", "patternProperties"] {
        if let Some(Value::Object(props)) = map.get(key) {
            for (name, prop) in props {
                collect_schema_examples(prop, &pointer::join(&pointer::join(at, key), name), found);
            }
        }
    }
    for key in ["items", "additionalProperties", "not"] {
        if let Some(sub) = map.get(key) {
            collect_schema_examples(sub, &pointer::join(at, key), found);
        }
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(list)) = map.get(key) {
            for (i, sub) in list.iter().enumerate() {
                collect_schema_examples(sub, &format!("{}/{i}", pointer::join(at, key)), found);
            }
        }
    }
}

/// Checks every example of the document against its schema. An `Err` means a schema itself is broken.
pub fn invalid_examples(
    doc: &Document,
    schemas: &SchemaSet,
) -> Result<Vec<InvalidExample>, SpecError> {
    let mut invalid = Vec::new();
    for_each_example(doc, |example, schema, direction| {
        let validator = schemas.compile(&schema.schema, direction, &schema.pointer)?;
        record_violations(doc, example, schema, &validator, &mut invalid);
        Ok(())
    })?;
    Ok(invalid)
}

/// Checks every example of the document against its schema, compiling through `compiled`. An example
/// whose schema cannot be compiled is not checked; `compiled` remembers that schema as uncompilable.
pub fn invalid_examples_compiled(
    doc: &Document,
    compiled: &mut CompiledSchemas,
) -> Vec<InvalidExample> {
    let mut invalid = Vec::new();
    let _ = for_each_example::<std::convert::Infallible>(doc, |example, schema, direction| {
        if let Some(validator) = compiled.validator(schema, direction) {
            record_violations(doc, example, schema, &validator, &mut invalid);
        }
        Ok(())
    });
    invalid
}

/// Calls `visit` with every example of the document (operations' first, then schemas' own), its schema and
/// direction, stopping at the first error.
fn for_each_example<E>(
    doc: &Document,
    mut visit: impl FnMut(&Example, &SchemaAt, Direction) -> Result<(), E>,
) -> Result<(), E> {
    for site in operation_examples(doc) {
        visit(site.example, site.schema, site.direction)?;
    }
    for (example, schema) in schema_examples(doc) {
        visit(&example, &schema, Direction::Response)?;
    }
    Ok(())
}

fn record_violations(
    doc: &Document,
    example: &Example,
    schema: &SchemaAt,
    validator: &SchemaValidator,
    invalid: &mut Vec<InvalidExample>,
) {
    for violation in validator.violations(&example.value) {
        invalid.push(InvalidExample {
            source: doc.source.clone(),
            example_pointer: example.pointer.clone(),
            schema_pointer: schema.pointer.clone(),
            violation,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /things/{id}:
    get:
      operationId: getThing
      parameters:
        - {name: id, in: path, required: true, schema: {type: string, format: uuid}, example: nope}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
              examples:
                good: {value: {name: a, size: 1}}
                bad: {value: {size: "1"}}
        '429':
          description: slow down
          headers:
            Retry-After: {schema: {type: integer}, example: soon}
components:
  schemas:
    Thing:
      type: object
      required: [name]
      properties:
        name: {type: string}
        size: {type: integer, example: 3.5}
"##;

    #[test]
    fn every_kind_of_bad_example_is_named_with_both_pointers() {
        let doc = Document::parse("t.yaml", "t", SPEC, false).unwrap();
        let set = SchemaSet::new(&doc).unwrap();
        let found: Vec<String> = invalid_examples(&doc, &set)
            .unwrap()
            .iter()
            .map(|e| format!("{} {}", e.example_pointer, e.violation.instance_pointer))
            .collect();
        assert_eq!(
            found,
            [
                "/paths/~1things~1{id}/get/parameters/0/example ",
                "/paths/~1things~1{id}/get/responses/200/content/application~1json/examples/bad/value ",
                "/paths/~1things~1{id}/get/responses/200/content/application~1json/examples/bad/value /size",
                "/paths/~1things~1{id}/get/responses/429/headers/Retry-After/example ",
                "/components/schemas/Thing/properties/size/example ",
            ]
        );
    }

    #[test]
    fn compiled_checks_agree_and_skip_schemas_that_do_not_compile() {
        let doc = Document::parse("t.yaml", "t", SPEC, false).unwrap();
        let set = SchemaSet::new(&doc).unwrap();
        let mut compiled = CompiledSchemas::new(&doc).unwrap();
        assert_eq!(
            invalid_examples_compiled(&doc, &mut compiled),
            invalid_examples(&doc, &set).unwrap()
        );
        assert!(compiled.uncompilable().is_empty());

        let broken = SPEC.replace("format: uuid}", "pattern: '(('}");
        let doc = Document::parse("t.yaml", "t", &broken, false).unwrap();
        let mut compiled = CompiledSchemas::new(&doc).unwrap();
        let found = invalid_examples_compiled(&doc, &mut compiled);
        assert!(
            found
                .iter()
                .all(|e| !e.example_pointer.contains("/parameters/0/")),
            "{found:?}"
        );
        assert_eq!(compiled.uncompilable().len(), 1);
        assert_eq!(found.len(), 4);
    }
}
