//! The operations of a document as plain data: parameters, request body, responses, security, examples.
//! Built once at load ([`crate::load`]), with every `$ref` followed; every part remembers the JSON pointer
//! where it is written, for messages.

use std::fmt;

use serde_json::Value;

use crate::media::is_json_media_type;

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

/// `` `listBackups` (GET /backups) ``: an operation as messages name it.
pub(crate) fn operation_label(id: &str, method: Method, path: &str) -> String {
    format!("`{id}` ({method} {path})")
}
