//! The operations of a document as plain data: parameters, request body, responses, security, examples.
//! Built once at load by walking the JSON tree; every `$ref` is followed here and nowhere else, and every
//! part remembers the JSON pointer where it is written, for messages.

use std::fmt;

use serde_json::Value;

use crate::document::{LoadError, LoadErrorKind};
use crate::media::is_json_media_type;
use crate::pointer;

/// HTTP methods an OpenAPI path item can hold, in the order the specification lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Method {
    /// `get`
    Get,
    /// `put`
    Put,
    /// `post`
    Post,
    /// `delete`
    Delete,
    /// `options`
    Options,
    /// `head`
    Head,
    /// `patch`
    Patch,
    /// `trace`
    Trace,
}

impl Method {
    /// Every method, in the specification's order.
    pub const ALL: [Method; 8] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
        Method::Trace,
    ];

    /// The key used in a path item (`get`).
    pub fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
            Method::Trace => "trace",
        }
    }

    /// The method as sent on the wire (`GET`).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A key of a `responses` object: an exact status, a range such as `4XX`, or `default`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StatusKey {
    /// An exact status code.
    Code(u16),
    /// The first digit of an `NXX` range.
    Range(u8),
    /// `default`: any status the others do not cover.
    Default,
}

impl StatusKey {
    /// Reads a `responses` key (`200`, `4XX` or `4xx`, `default`); `None` for anything else.
    pub fn parse(key: &str) -> Option<StatusKey> {
        if key == "default" {
            return Some(StatusKey::Default);
        }
        let bytes = key.as_bytes();
        if bytes.len() != 3 || !(b'1'..=b'5').contains(&bytes[0]) {
            return None;
        }
        if bytes[1..].eq_ignore_ascii_case(b"XX") {
            return Some(StatusKey::Range(bytes[0] - b'0'));
        }
        key.parse().ok().map(StatusKey::Code)
    }

    /// Whether a response under this key reports success (2xx).
    pub fn is_success(self) -> bool {
        matches!(self, StatusKey::Code(200..=299) | StatusKey::Range(2))
    }

    /// Whether this key covers `status`.
    pub fn covers(self, status: u16) -> bool {
        match self {
            StatusKey::Code(code) => code == status,
            StatusKey::Range(digit) => status / 100 == u16::from(digit),
            StatusKey::Default => true,
        }
    }
}

impl fmt::Display for StatusKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatusKey::Code(code) => write!(f, "{code}"),
            StatusKey::Range(digit) => write!(f, "{digit}XX"),
            StatusKey::Default => f.write_str("default"),
        }
    }
}

/// A schema as written in the document (possibly just a `$ref`), with where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaAt {
    /// The schema as written.
    pub schema: Value,
    /// Where it is written.
    pub pointer: String,
}

/// One example value: an `example`, or one entry of an `examples` map (then it has a name).
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The key in the `examples` map; `None` for an `example`.
    pub name: Option<String>,
    /// The Example Object's `summary`.
    pub summary: Option<String>,
    /// The example's value.
    pub value: Value,
    /// Where the value is written (after following an Example Object `$ref`).
    pub pointer: String,
}

/// Where a parameter is sent (its `in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParamLocation {
    /// A `{name}` in the path template.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie.
    Cookie,
}

impl ParamLocation {
    /// The `in` value as the specification writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        }
    }
}

/// How the values of an array parameter are written in the request (OpenAPI `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrayEncoding {
    /// Once per value: `?tag=a&tag=b` (`form` exploded, the default in a query or cookie).
    Repeated,
    /// In one value, separated: `a,b` (`simple`, or `form` not exploded), `a b` (`spaceDelimited`),
    /// `a|b` (`pipeDelimited`).
    Delimited(char),
}

/// How the properties of an object parameter are written in the request (OpenAPI `style` and `explode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectEncoding {
    /// Each property as a parameter of its own: `?status=open&limit=3` (`form` exploded, the default in a
    /// query or cookie).
    Exploded,
    /// Each property under the parameter's name: `?filter[status]=open&filter[limit]=3` (`deepObject`).
    DeepObject,
    /// In one value, names and values alternating: `status,open,limit,3` (`simple`, the default in a path or
    /// header, or `form` not exploded).
    Pairs,
    /// In one value, `name=value` items comma-separated: `status=open,limit=3` (`simple` exploded).
    Assignments,
}

/// A parameter of an operation (its own or its path item's), `$ref` followed.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    /// The name as written (case matters except for headers).
    pub name: String,
    /// Where it is sent.
    pub location: ParamLocation,
    /// How an array value is written, from `style` and `explode` with their defaults for the location.
    pub array_encoding: ArrayEncoding,
    /// How an object value is written, from the same.
    pub object_encoding: ObjectEncoding,
    /// Whether a request must carry it (path parameters always must).
    pub required: bool,
    /// The parameter's `description`.
    pub description: Option<String>,
    /// Its schema: the `schema` field, or the one of its `content` entry.
    pub schema: Option<SchemaAt>,
    /// Its examples, in document order.
    pub examples: Vec<Example>,
    /// Where the Parameter Object is written.
    pub pointer: String,
}

impl Parameter {
    /// The query pairs that carry `value` in this parameter's style: `tag=a&tag=b` or `tag=a,b` for an
    /// array, `status=open`, `filter[status]=open` or `filter=status,open` for an object.
    pub fn query_pairs(&self, value: &Value) -> Vec<(String, String)> {
        match value {
            Value::Array(items) if self.array_encoding == ArrayEncoding::Repeated => items
                .iter()
                .map(|item| (self.name.clone(), scalar_text(item)))
                .collect(),
            Value::Object(properties) => match self.object_encoding {
                ObjectEncoding::Exploded => properties
                    .iter()
                    .map(|(name, value)| (name.clone(), scalar_text(value)))
                    .collect(),
                ObjectEncoding::DeepObject => properties
                    .iter()
                    .map(|(name, value)| (format!("{}[{name}]", self.name), scalar_text(value)))
                    .collect(),
                ObjectEncoding::Pairs | ObjectEncoding::Assignments => {
                    vec![(self.name.clone(), self.text(value))]
                }
            },
            other => vec![(self.name.clone(), self.text(other))],
        }
    }

    /// `value` as one text in this parameter's style (a path segment, a header, a cookie, a query value):
    /// `a,b` (or `a b`, `a|b`) for an array; `status,open` or `status=open` for an object.
    pub fn text(&self, value: &Value) -> String {
        match value {
            Value::Array(items) => {
                let delimiter = match self.array_encoding {
                    ArrayEncoding::Delimited(delimiter) => delimiter,
                    ArrayEncoding::Repeated => ',',
                };
                let items: Vec<String> = items.iter().map(scalar_text).collect();
                items.join(&delimiter.to_string())
            }
            Value::Object(properties) => {
                let items: Vec<String> = properties
                    .iter()
                    .map(|(name, value)| match self.object_encoding {
                        ObjectEncoding::Assignments => format!("{name}={}", scalar_text(value)),
                        _ => format!("{name},{}", scalar_text(value)),
                    })
                    .collect();
                items.join(",")
            }
            other => scalar_text(other),
        }
    }
}

/// A scalar as a parameter writes it: strings as they are, `null` as nothing, the rest as JSON.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// One media type of a request body or response.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaContent {
    /// The media type (or range) as written: `application/json`, `image/*`.
    pub media_type: String,
    /// The body's schema, when one is given.
    pub schema: Option<SchemaAt>,
    /// The body's examples, in document order.
    pub examples: Vec<Example>,
    /// Where the Media Type Object is written.
    pub pointer: String,
}

impl MediaContent {
    /// `application/json` and any `+json` type (`application/problem+json`).
    pub fn is_json(&self) -> bool {
        is_json_media_type(&self.media_type)
    }
}

/// An operation's request body, `$ref` followed.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// Whether a request must have a body.
    pub required: bool,
    /// The media types it may be sent as, in document order.
    pub contents: Vec<MediaContent>,
    /// Where the Request Body Object is written.
    pub pointer: String,
}

/// A header a response documents, `$ref` followed.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The header's name as written.
    pub name: String,
    /// Whether every such response carries it.
    pub required: bool,
    /// Its value's schema.
    pub schema: Option<SchemaAt>,
    /// Its examples, in document order.
    pub examples: Vec<Example>,
    /// Where the Header Object is written.
    pub pointer: String,
}

/// One documented response of an operation, `$ref` followed.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The `responses` key it is written under.
    pub status: StatusKey,
    /// Its `description`.
    pub description: String,
    /// The headers it documents, in document order.
    pub headers: Vec<Header>,
    /// Empty when the response has no body.
    pub contents: Vec<MediaContent>,
    /// Where the Response Object is written.
    pub pointer: String,
}

impl Response {
    /// The JSON media type of this response, if it has one.
    pub fn json_content(&self) -> Option<&MediaContent> {
        self.contents.iter().find(|c| c.is_json())
    }

    /// Every example of this response's bodies, in order (named and unnamed).
    pub fn examples(&self) -> impl Iterator<Item = &Example> {
        self.contents.iter().flat_map(|c| c.examples.iter())
    }
}

/// What kind of credential a security scheme asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecuritySchemeKind {
    /// An API key in a header, query parameter or cookie.
    ApiKey {
        /// Where the key is sent.
        location: ParamLocation,
        /// The header, query parameter or cookie that carries it.
        name: String,
    },
    /// HTTP authentication (`bearer`, `basic`, ...).
    Http {
        /// The scheme, lower-cased.
        scheme: String,
    },
    /// OAuth 2: a bearer token.
    OAuth2,
    /// OpenID Connect: a bearer token.
    OpenIdConnect,
}

/// A security scheme of `components/securitySchemes`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityScheme {
    /// The key in `components/securitySchemes`.
    pub name: String,
    /// What credential it asks for.
    pub kind: SecuritySchemeKind,
    /// The scheme's `description`.
    pub description: Option<String>,
}

/// One alternative of a `security` list: every scheme in it must be satisfied together.
/// An empty requirement means anonymous access is allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityRequirement {
    /// The schemes that must all be satisfied.
    pub schemes: Vec<SecurityScheme>,
}

/// One operation of the document, with everything it uses resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// The `operationId`, or one made from method and path when the document has none.
    pub id: String,
    /// Whether the document gives the `operationId` (else [`Operation::id`] was made up).
    pub id_declared: bool,
    /// The HTTP method.
    pub method: Method,
    /// The path template as written (`/vps/{id}/backups`).
    pub path: String,
    /// The operation's `summary`.
    pub summary: Option<String>,
    /// The operation's `description`.
    pub description: Option<String>,
    /// Whether the operation is marked `deprecated`.
    pub deprecated: bool,
    /// Path-item parameters merged with the operation's own (the operation's win).
    pub parameters: Vec<Parameter>,
    /// The request body, when the operation takes one.
    pub request_body: Option<RequestBody>,
    /// In document order.
    pub responses: Vec<Response>,
    /// The effective requirements: the operation's own, else the document's. Any one alternative suffices.
    pub security: Vec<SecurityRequirement>,
    /// Where the Operation Object is written.
    pub pointer: String,
}

impl Operation {
    /// `` `listBackups` (GET /backups) ``, as messages name an operation.
    pub fn label(&self) -> String {
        operation_label(&self.id, self.method, &self.path)
    }

    /// The response written under exactly this key.
    pub fn response(&self, status: StatusKey) -> Option<&Response> {
        self.responses.iter().find(|r| r.status == status)
    }

    /// The documented response for an actual status: the exact code, else the range covering it, else `default`.
    pub fn response_for_status(&self, status: u16) -> Option<&Response> {
        self.response(StatusKey::Code(status))
            .or_else(|| {
                self.responses
                    .iter()
                    .find(|r| matches!(r.status, StatusKey::Range(_)) && r.status.covers(status))
            })
            .or_else(|| self.response(StatusKey::Default))
    }

    /// The parameters found in one location.
    pub fn parameters_in(&self, location: ParamLocation) -> impl Iterator<Item = &Parameter> {
        self.parameters
            .iter()
            .filter(move |p| p.location == location)
    }
}

/// Walks `paths` and builds every operation. An operation (or path item) whose parts cannot be read, such as
/// a `$ref` that does not resolve, is left out with a warning; the rest of the document still loads.
pub(crate) fn collect(
    source: &str,
    raw: &Value,
    warnings: &mut Vec<LoadError>,
) -> Result<Vec<Operation>, LoadError> {
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
                Err(error) if error.kind == LoadErrorKind::Reference => {
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
    fn error(&self, pointer: &str, reason: impl Into<String>) -> LoadError {
        LoadError::at(self.source, pointer, reason)
    }

    /// Follows `$ref` chains to the value they name, returning it with its own pointer.
    fn follow(&self, value: &'a Value, at: &str) -> Result<(&'a Value, String), LoadError> {
        let mut value = value;
        let mut at = at.to_string();
        for _ in 0..32 {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return Ok((value, at));
            };
            value = crate::document::resolve(
                self.source,
                self.raw,
                reference,
                &pointer::join(&at, "$ref"),
            )?;
            at = pointer::of_reference(reference)
                .map_or_else(|| reference.to_string(), |p| p.into_owned());
        }
        Err(self
            .error(&at, "a cycle of $refs")
            .of_kind(LoadErrorKind::Reference))
    }

    fn operation(
        &self,
        method: Method,
        path: &str,
        op: &'a Value,
        at: &str,
        shared_params: &[Parameter],
        document_security: Option<&'a Value>,
    ) -> Result<Operation, LoadError> {
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

    fn parameters(&self, list: Option<&'a Value>, at: &str) -> Result<Vec<Parameter>, LoadError> {
        let Some(list) = list.and_then(Value::as_array) else {
            return Ok(Vec::new());
        };
        list.iter()
            .enumerate()
            .map(|(i, p)| self.parameter(p, &format!("{at}/{i}")))
            .collect()
    }

    fn parameter(&self, value: &'a Value, at: &str) -> Result<Parameter, LoadError> {
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

    fn request_body(&self, value: &'a Value, at: &str) -> Result<RequestBody, LoadError> {
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
    ) -> Result<Response, LoadError> {
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

    fn contents(&self, owner: &'a Value, at: &str) -> Result<Vec<MediaContent>, LoadError> {
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
    ) -> Result<MediaContent, LoadError> {
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
    fn examples(&self, owner: &'a Value, at: &str) -> Result<Vec<Example>, LoadError> {
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

    fn security(&self, list: &'a Value, at: &str) -> Result<Vec<SecurityRequirement>, LoadError> {
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
    ) -> Result<SecurityScheme, LoadError> {
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

/// `` `listBackups` (GET /backups) ``: an operation as messages name it.
pub(crate) fn operation_label(id: &str, method: Method, path: &str) -> String {
    format!("`{id}` ({method} {path})")
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
