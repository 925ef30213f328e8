//! Walking `paths` into [`Operation`]s: path-item parameters merged into each operation's, security
//! falling back to the document's, and every part's `$ref` followed through [`crate::refs`].

use serde_json::Value;

use crate::pointer;
use crate::{
    ArrayEncoding, Example, Header, MediaContent, Method, ObjectEncoding, Operation, ParamLocation,
    Parameter, RequestBody, Response, SchemaAt, SecurityRequirement, SecurityScheme,
    SecuritySchemeKind, SpecError, SpecErrorKind, StatusKey,
};

/// Walks `paths` and builds every operation. An operation (or path item) whose parts cannot be read, such as
/// a `$ref` that does not resolve, is left out with a warning; the rest of the document still loads.
pub(crate) fn collect(
    source: &str,
    raw: &Value,
    warnings: &mut Vec<SpecError>,
) -> Result<Vec<Operation>, SpecError> {
    let walker = Walker { source, raw };
    let mut operations = Vec::new();
    let Some(paths) = raw.get("paths").and_then(Value::as_object) else {
        return Ok(operations);
    };
    let document_security = raw.get("security");
    for (path, item) in paths {
        let item_pointer = pointer::join("/paths", path);
        let shared = walker
            .follow(item, &item_pointer)
            .and_then(|(item, item_pointer)| {
                let params = walker.parameters(
                    item.get("parameters"),
                    &pointer::join(&item_pointer, "parameters"),
                )?;
                Ok((item, item_pointer, params))
            });
        let (item, item_pointer, shared_params) = match shared {
            Ok(shared) => shared,
            Err(error) => {
                warnings.push(error.left_out(&format!("the operations of path `{path}`")));
                continue;
            }
        };
        let methods = item
            .as_object()
            .into_iter()
            .flat_map(|m| m.iter())
            .filter_map(|(key, op)| {
                Method::ALL
                    .into_iter()
                    .find(|m| m.key() == key)
                    .map(|m| (m, op))
            });
        for (method, op) in methods {
            let op_pointer = pointer::join(&item_pointer, method.key());
            match walker.operation(
                method,
                path,
                op,
                &op_pointer,
                &shared_params,
                document_security,
            ) {
                Ok(operation) => operations.push(operation),
                Err(error) if error.kind == SpecErrorKind::Reference => {
                    warnings.push(error.left_out(&format!("operation {method} {path}")));
                }
                Err(error) => return Err(error),
            }
        }
    }
    Ok(operations)
}

struct Walker<'a> {
    source: &'a str,
    raw: &'a Value,
}

impl<'a> Walker<'a> {
    fn error(&self, pointer: &str, reason: impl Into<String>) -> SpecError {
        SpecError::at(self.source, pointer, reason)
    }

    /// Follows `$ref` chains to the value they name, returning it with its own pointer.
    fn follow(&self, value: &'a Value, at: &str) -> Result<(&'a Value, String), SpecError> {
        crate::refs::follow(self.source, self.raw, value, at)
    }

    fn operation(
        &self,
        method: Method,
        path: &str,
        op: &'a Value,
        at: &str,
        shared_params: &[Parameter],
        document_security: Option<&'a Value>,
    ) -> Result<Operation, SpecError> {
        let declared_id = op.get("operationId").and_then(Value::as_str);
        let mut parameters = shared_params.to_vec();
        for own in self.parameters(op.get("parameters"), &pointer::join(at, "parameters"))? {
            parameters.retain(|p| !(p.name == own.name && p.location == own.location));
            parameters.push(own);
        }
        let request_body = match op.get("requestBody") {
            Some(body) => Some(self.request_body(body, &pointer::join(at, "requestBody"))?),
            None => None,
        };
        let mut responses = Vec::new();
        if let Some(map) = op.get("responses").and_then(Value::as_object) {
            for (key, response) in map {
                if key.starts_with("x-") {
                    continue;
                }
                let response_pointer = pointer::join(&pointer::join(at, "responses"), key);
                let status = StatusKey::parse(key).ok_or_else(|| {
                    self.error(&response_pointer, format!("`{key}` is not a status code"))
                        .hint("use a three-digit status (`404`), a range (`4XX`) or `default`")
                })?;
                responses.push(self.response(status, response, &response_pointer)?);
            }
        }
        let security = match op.get("security") {
            Some(list) => self.security(list, &pointer::join(at, "security"))?,
            None => match document_security {
                Some(list) => self.security(list, "/security")?,
                None => Vec::new(),
            },
        };
        Ok(Operation {
            id: declared_id
                .map(str::to_string)
                .unwrap_or_else(|| synthesized_id(method, path)),
            id_declared: declared_id.is_some(),
            method,
            path: path.to_string(),
            summary: text(op, "summary"),
            description: text(op, "description"),
            deprecated: op
                .get("deprecated")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            parameters,
            request_body,
            responses,
            security,
            pointer: at.to_string(),
        })
    }

    fn parameters(&self, list: Option<&'a Value>, at: &str) -> Result<Vec<Parameter>, SpecError> {
        let Some(list) = list.and_then(Value::as_array) else {
            return Ok(Vec::new());
        };
        list.iter()
            .enumerate()
            .map(|(i, p)| self.parameter(p, &format!("{at}/{i}")))
            .collect()
    }

    fn parameter(&self, value: &'a Value, at: &str) -> Result<Parameter, SpecError> {
        let (param, at) = self.follow(value, at)?;
        let location = match param.get("in").and_then(Value::as_str) {
            Some("path") => ParamLocation::Path,
            Some("query") => ParamLocation::Query,
            Some("header") => ParamLocation::Header,
            Some("cookie") => ParamLocation::Cookie,
            other => return Err(self.error(&at, format!("unknown parameter location {other:?}"))),
        };
        let (schema, mut examples) = match param.get("content").and_then(Value::as_object) {
            // A parameter may carry its schema in a one-entry `content` map instead of `schema`.
            Some(content) if param.get("schema").is_none() => match content.iter().next() {
                Some((media_type, media)) => {
                    let media_pointer = pointer::join(&pointer::join(&at, "content"), media_type);
                    let media = self.media(media_type, media, &media_pointer)?;
                    (media.schema, media.examples)
                }
                None => (None, Vec::new()),
            },
            _ => (self.schema(param, &at), Vec::new()),
        };
        examples.extend(self.examples(param, &at)?);
        Ok(Parameter {
            name: text(param, "name").unwrap_or_default(),
            location,
            array_encoding: array_encoding(param, location),
            object_encoding: object_encoding(param, location),
            required: location == ParamLocation::Path
                || param
                    .get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            description: text(param, "description"),
            schema,
            examples,
            pointer: at,
        })
    }

    fn request_body(&self, value: &'a Value, at: &str) -> Result<RequestBody, SpecError> {
        let (body, at) = self.follow(value, at)?;
        Ok(RequestBody {
            required: body
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(false),
            contents: self.contents(body, &at)?,
            pointer: at,
        })
    }

    fn response(
        &self,
        status: StatusKey,
        value: &'a Value,
        at: &str,
    ) -> Result<Response, SpecError> {
        let (response, at) = self.follow(value, at)?;
        let mut headers = Vec::new();
        if let Some(map) = response.get("headers").and_then(Value::as_object) {
            for (name, header) in map {
                let (header, header_at) =
                    self.follow(header, &pointer::join(&pointer::join(&at, "headers"), name))?;
                headers.push(Header {
                    name: name.clone(),
                    required: header
                        .get("required")
                        .and_then(Value::as_bool)
                        .unwrap_or(false),
                    schema: self.schema(header, &header_at),
                    examples: self.examples(header, &header_at)?,
                    pointer: header_at,
                });
            }
        }
        Ok(Response {
            status,
            description: text(response, "description").unwrap_or_default(),
            headers,
            contents: self.contents(response, &at)?,
            pointer: at,
        })
    }

    fn contents(&self, owner: &'a Value, at: &str) -> Result<Vec<MediaContent>, SpecError> {
        let Some(map) = owner.get("content").and_then(Value::as_object) else {
            return Ok(Vec::new());
        };
        let content_at = pointer::join(at, "content");
        map.iter()
            .map(|(media_type, media)| {
                self.media(media_type, media, &pointer::join(&content_at, media_type))
            })
            .collect()
    }

    fn media(
        &self,
        media_type: &str,
        media: &'a Value,
        at: &str,
    ) -> Result<MediaContent, SpecError> {
        Ok(MediaContent {
            media_type: media_type.to_string(),
            schema: self.schema(media, at),
            examples: self.examples(media, at)?,
            pointer: at.to_string(),
        })
    }

    /// The `schema` of a parameter, header or media type, as written (a `$ref` stays a `$ref`).
    fn schema(&self, owner: &'a Value, at: &str) -> Option<SchemaAt> {
        owner.get("schema").map(|schema| SchemaAt {
            schema: schema.clone(),
            pointer: pointer::join(at, "schema"),
        })
    }

    /// `example`, then each entry of `examples` (following Example Object `$ref`s).
    fn examples(&self, owner: &'a Value, at: &str) -> Result<Vec<Example>, SpecError> {
        let mut examples = Vec::new();
        if let Some(value) = owner.get("example") {
            examples.push(Example {
                name: None,
                summary: None,
                value: value.clone(),
                pointer: pointer::join(at, "example"),
            });
        }
        if let Some(map) = owner.get("examples").and_then(Value::as_object) {
            let examples_at = pointer::join(at, "examples");
            for (name, example) in map {
                let (example, example_at) =
                    self.follow(example, &pointer::join(&examples_at, name))?;
                // An Example Object with only `externalValue` has no value to serve or check here.
                let Some(value) = example.get("value") else {
                    continue;
                };
                examples.push(Example {
                    name: Some(name.clone()),
                    summary: text(example, "summary"),
                    value: value.clone(),
                    pointer: pointer::join(&example_at, "value"),
                });
            }
        }
        Ok(examples)
    }

    fn security(&self, list: &'a Value, at: &str) -> Result<Vec<SecurityRequirement>, SpecError> {
        let Some(list) = list.as_array() else {
            return Ok(Vec::new());
        };
        let mut requirements = Vec::new();
        for (i, requirement) in list.iter().enumerate() {
            let mut schemes = Vec::new();
            for name in requirement.as_object().into_iter().flat_map(|m| m.keys()) {
                let scheme_at = pointer::join("/components/securitySchemes", name);
                let scheme = self.raw.pointer(&scheme_at).ok_or_else(|| {
                    self.error(
                        &format!("{at}/{i}"),
                        format!("security scheme `{name}` is not defined"),
                    )
                    .hint("define it under components/securitySchemes")
                })?;
                let (scheme, scheme_at) = self.follow(scheme, &scheme_at)?;
                schemes.push(self.security_scheme(name, scheme, &scheme_at)?);
            }
            requirements.push(SecurityRequirement { schemes });
        }
        Ok(requirements)
    }

    fn security_scheme(
        &self,
        name: &str,
        scheme: &Value,
        at: &str,
    ) -> Result<SecurityScheme, SpecError> {
        let kind = match scheme.get("type").and_then(Value::as_str) {
            Some("apiKey") => SecuritySchemeKind::ApiKey {
                location: match scheme.get("in").and_then(Value::as_str) {
                    Some("header") => ParamLocation::Header,
                    Some("query") => ParamLocation::Query,
                    Some("cookie") => ParamLocation::Cookie,
                    other => {
                        return Err(self.error(at, format!("apiKey scheme with `in: {other:?}`")));
                    }
                },
                name: text(scheme, "name").unwrap_or_default(),
            },
            Some("http") => SecuritySchemeKind::Http {
                scheme: text(scheme, "scheme")
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
            },
            Some("oauth2") => SecuritySchemeKind::OAuth2,
            Some("openIdConnect") => SecuritySchemeKind::OpenIdConnect,
            other => return Err(self.error(at, format!("unknown security scheme type {other:?}"))),
        };
        Ok(SecurityScheme {
            name: name.to_string(),
            kind,
            description: text(scheme, "description"),
        })
    }
}

/// A parameter's `style` and `explode`, with OpenAPI's defaults: `form` in a query or cookie, `simple` in a
/// path or header; `explode` is true for `form` only.
fn style_and_explode(param: &Value, location: ParamLocation) -> (&str, bool) {
    let style = param
        .get("style")
        .and_then(Value::as_str)
        .unwrap_or(match location {
            ParamLocation::Query | ParamLocation::Cookie => "form",
            ParamLocation::Path | ParamLocation::Header => "simple",
        });
    let explode = param
        .get("explode")
        .and_then(Value::as_bool)
        .unwrap_or(style == "form");
    (style, explode)
}

fn object_encoding(param: &Value, location: ParamLocation) -> ObjectEncoding {
    match style_and_explode(param, location) {
        ("deepObject", _) => ObjectEncoding::DeepObject,
        ("form", true) => ObjectEncoding::Exploded,
        ("simple", true) => ObjectEncoding::Assignments,
        _ => ObjectEncoding::Pairs,
    }
}

fn array_encoding(param: &Value, location: ParamLocation) -> ArrayEncoding {
    let (style, explode) = style_and_explode(param, location);
    match style {
        "form" if explode => ArrayEncoding::Repeated,
        "spaceDelimited" if !explode => ArrayEncoding::Delimited(' '),
        "pipeDelimited" if !explode => ArrayEncoding::Delimited('|'),
        "spaceDelimited" | "pipeDelimited" => ArrayEncoding::Repeated,
        _ => ArrayEncoding::Delimited(','),
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_string)
}

/// `get /vps/{id}/backups` → `get_vps_id_backups`, for documents that omit `operationId`.
fn synthesized_id(method: Method, path: &str) -> String {
    let mut id = method.key().to_string();
    for word in path
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        id.push('_');
        id.push_str(&word.to_ascii_lowercase());
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    const SPEC: &str = r##"
openapi: 3.0.3
info: {title: t, version: '1'}
security: [{key: []}]
paths:
  /things/{id}:
    parameters:
      - {name: id, in: path, required: true, schema: {type: string}, example: abc}
    delete:
      operationId: deleteThing
      parameters:
        - $ref: '#/components/parameters/Project'
      responses:
        '204': {description: gone}
        '404': {$ref: '#/components/responses/NotFound'}
        4XX: {description: other client error}
    get:
      security: []
      responses:
        default: {description: anything}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-Key}
  parameters:
    Project: {name: X-Project, in: header, required: true, schema: {type: string}, example: p1}
  examples:
    Missing: {summary: missing, value: {error: missing}}
  responses:
    NotFound:
      description: not found
      content:
        application/problem+json:
          schema: {type: object}
          examples:
            missing: {$ref: '#/components/examples/Missing'}
"##;

    #[test]
    fn operations_follow_refs_and_merge_parameters() {
        let doc = Document::parse("t.yaml", "t", SPEC, false).unwrap();
        let [delete, get] = &doc.operations[..] else {
            panic!("two operations expected")
        };
        assert_eq!(
            (delete.method, get.method),
            (Method::Delete, Method::Get),
            "document order"
        );
        assert_eq!(delete.id, "deleteThing");
        assert_eq!(get.id, "get_things_id");
        assert!(!get.id_declared);
        let names: Vec<_> = delete
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.location))
            .collect();
        assert_eq!(
            names,
            [
                ("id", ParamLocation::Path),
                ("X-Project", ParamLocation::Header)
            ]
        );
        assert_eq!(
            delete.parameters[1].pointer,
            "/components/parameters/Project"
        );

        let not_found = delete.response(StatusKey::Code(404)).unwrap();
        assert_eq!(not_found.pointer, "/components/responses/NotFound");
        let example = not_found.examples().next().unwrap();
        assert_eq!(example.name.as_deref(), Some("missing"));
        assert_eq!(example.pointer, "/components/examples/Missing/value");
        assert!(not_found.json_content().is_some(), "problem+json is JSON");
        assert_eq!(
            delete
                .responses
                .iter()
                .map(|r| r.status)
                .collect::<Vec<_>>(),
            [
                StatusKey::Code(204),
                StatusKey::Code(404),
                StatusKey::Range(4)
            ]
        );
    }

    #[test]
    fn array_encodings_follow_style_explode_and_the_locations_defaults() {
        let text = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a/{ids}:
    get:
      parameters:
        - {name: ids, in: path, required: true, schema: {type: array}}
        - {name: tag, in: query, schema: {type: array}}
        - {name: csv, in: query, explode: false, schema: {type: array}}
        - {name: spaced, in: query, style: spaceDelimited, explode: false, schema: {type: array}}
        - {name: piped, in: query, style: pipeDelimited, explode: false, schema: {type: array}}
        - {name: X-List, in: header, schema: {type: array}}
        - {name: c, in: cookie, schema: {type: array}}
      responses:
        '200': {description: ok}
"#;
        let doc = Document::parse("t.yaml", "t", text, false).unwrap();
        let encodings: Vec<(&str, ArrayEncoding)> = doc.operations[0]
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.array_encoding))
            .collect();
        assert_eq!(
            encodings,
            [
                ("ids", ArrayEncoding::Delimited(',')),
                ("tag", ArrayEncoding::Repeated),
                ("csv", ArrayEncoding::Delimited(',')),
                ("spaced", ArrayEncoding::Delimited(' ')),
                ("piped", ArrayEncoding::Delimited('|')),
                ("X-List", ArrayEncoding::Delimited(',')),
                ("c", ArrayEncoding::Repeated),
            ]
        );
    }

    #[test]
    fn object_encodings_follow_style_explode_and_the_locations_defaults() {
        let text = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a/{o}/{e}:
    get:
      parameters:
        - {name: o, in: path, required: true, schema: {type: object}}
        - {name: e, in: path, required: true, explode: true, schema: {type: object}}
        - {name: page, in: query, schema: {type: object}}
        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object}}
        - {name: flat, in: query, explode: false, schema: {type: object}}
        - {name: X-O, in: header, schema: {type: object}}
      responses:
        '200': {description: ok}
"#;
        let doc = Document::parse("t.yaml", "t", text, false).unwrap();
        let encodings: Vec<(&str, ObjectEncoding)> = doc.operations[0]
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.object_encoding))
            .collect();
        assert_eq!(
            encodings,
            [
                ("o", ObjectEncoding::Pairs),
                ("e", ObjectEncoding::Assignments),
                ("page", ObjectEncoding::Exploded),
                ("filter", ObjectEncoding::DeepObject),
                ("flat", ObjectEncoding::Pairs),
                ("X-O", ObjectEncoding::Pairs),
            ]
        );
    }

    #[test]
    fn values_are_written_in_the_parameters_style() {
        let text = r#"
openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /a:
    get:
      parameters:
        - {name: tag, in: query, schema: {type: array}}
        - {name: piped, in: query, style: pipeDelimited, explode: false, schema: {type: array}}
        - {name: page, in: query, schema: {type: object}}
        - {name: filter, in: query, style: deepObject, explode: true, schema: {type: object}}
        - {name: X-O, in: header, explode: true, schema: {type: object}}
      responses:
        '200': {description: ok}
"#;
        let doc = Document::parse("t.yaml", "t", text, false).unwrap();
        let param = |name: &str| {
            doc.operations[0]
                .parameters
                .iter()
                .find(|p| p.name == name)
                .unwrap()
        };
        let pairs = |name: &str, value: Value| {
            param(name)
                .query_pairs(&value)
                .into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("&")
        };
        assert_eq!(pairs("tag", serde_json::json!(["a", 1])), "tag=a&tag=1");
        assert_eq!(pairs("piped", serde_json::json!(["a", "b"])), "piped=a|b");
        assert_eq!(
            pairs("page", serde_json::json!({"size": 2, "cursor": "c"})),
            "size=2&cursor=c"
        );
        assert_eq!(
            pairs("filter", serde_json::json!({"status": "open"})),
            "filter[status]=open"
        );
        assert_eq!(
            param("X-O").text(&serde_json::json!({"region": "eu", "tier": 2})),
            "region=eu,tier=2"
        );
    }

    #[test]
    fn security_falls_back_to_the_document_and_can_be_cleared() {
        let doc = Document::parse("t.yaml", "t", SPEC, false).unwrap();
        let delete = &doc.operations[0];
        assert_eq!(delete.security.len(), 1);
        assert_eq!(
            delete.security[0].schemes[0].kind,
            SecuritySchemeKind::ApiKey {
                location: ParamLocation::Header,
                name: "X-Key".into()
            }
        );
        assert!(
            doc.operations[1].security.is_empty(),
            "`security: []` clears the document's requirement"
        );
    }

    #[test]
    fn a_dangling_ref_leaves_its_operation_out_with_a_warning() {
        let text = SPEC.replace(
            "#/components/responses/NotFound",
            "#/components/responses/Gone",
        );
        let doc = Document::parse("t.yaml", "t", &text, false).unwrap();
        let ids: Vec<&str> = doc.operations.iter().map(|o| o.id.as_str()).collect();
        assert_eq!(ids, ["get_things_id"]);
        let left_out = doc.warnings.last().unwrap();
        assert_eq!(
            left_out.pointer.as_deref(),
            Some("/paths/~1things~1{id}/delete/responses/404/$ref")
        );
        assert!(
            left_out.reason.starts_with("operation DELETE /things/{id} left out: `#/components/responses/Gone` does not resolve"),
            "{left_out}"
        );
    }

    #[test]
    fn an_actual_status_finds_its_code_then_its_range_then_default() {
        let doc = Document::parse("t.yaml", "t", SPEC, false).unwrap();
        let (delete, get) = (&doc.operations[0], &doc.operations[1]);
        assert_eq!(
            delete.response_for_status(404).map(|r| r.status),
            Some(StatusKey::Code(404))
        );
        assert_eq!(
            delete.response_for_status(409).map(|r| r.status),
            Some(StatusKey::Range(4))
        );
        assert_eq!(delete.response_for_status(500), None);
        assert_eq!(
            get.response_for_status(500).map(|r| r.status),
            Some(StatusKey::Default)
        );
    }

    #[test]
    fn status_keys_parse_and_cover() {
        assert_eq!(StatusKey::parse("2xx"), Some(StatusKey::Range(2)));
        assert_eq!(StatusKey::parse("default"), Some(StatusKey::Default));
        assert_eq!(StatusKey::parse("20"), None);
        assert_eq!(StatusKey::parse("600"), None);
        assert!(StatusKey::Range(4).covers(404));
        assert!(!StatusKey::Code(200).covers(201));
    }
}
