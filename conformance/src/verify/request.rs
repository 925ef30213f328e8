//! Test requests built from a spec's documented examples, how they are sent, and the curl line that
//! reproduces each one with its secrets left as environment-variable references.

use apispec::media::preferred_content;
use apispec::path_template::{PathTemplate, split_path};
use apispec::{
    CredentialPlacement, Direction, Document, Example, Operation, ParamLocation, Parameter,
};
use base64::Engine;
use serde_json::Value;

/// Credentials and extra headers given on the command line or in the environment.
#[derive(Debug, Clone, Default)]
pub struct Credentials {
    /// For `http` `bearer` schemes (and OAuth2 / OpenID Connect, and other `http` schemes but `basic`).
    pub bearer: Option<String>,
    /// `USER:PASSWORD` for `http` `basic` schemes, sent as `Authorization: Basic base64(USER:PASSWORD)`.
    pub basic: Option<String>,
    /// `(name, value)` for `apiKey` schemes, matched by the scheme's parameter name (case-insensitive).
    pub api_keys: Vec<(String, String)>,
    /// Sent with every request, credentials or not.
    pub headers: Vec<(String, String)>,
}

/// One value of a request: said in the open, or a secret that a curl line reads from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentValue {
    /// The value as sent.
    pub text: String,
    /// The environment variable a reproduction reads it from, for secrets.
    pub secret_env: Option<String>,
}

impl SentValue {
    fn plain(text: impl Into<String>) -> SentValue {
        SentValue {
            text: text.into(),
            secret_env: None,
        }
    }
}

/// A request ready to send.
#[derive(Debug, Clone)]
pub struct TestRequest {
    /// The HTTP method.
    pub method: apispec::Method,
    /// `path` values by parameter name, as sent (kept for follow-up requests on the same resource).
    pub path_values: Vec<(String, String)>,
    /// Query parameters, in order.
    pub query: Vec<(String, SentValue)>,
    /// Headers (credentials among them), in order.
    pub headers: Vec<(String, SentValue)>,
    /// Media type and bytes.
    pub body: Option<(String, String)>,
    /// Whether the operation's credentials are on the request.
    pub with_credentials: bool,
}

/// A documented example request: which examples it is made of.
#[derive(Debug, Clone)]
pub struct ExampleCase {
    /// The case's name (from the examples it is made of).
    pub name: String,
    /// Parameter values by (location, name).
    pub params: Vec<(ParamLocation, String, Value)>,
    /// Media type, whether it is JSON, and value.
    pub body: Option<(String, bool, Value)>,
}

fn example_label(example: &Example) -> String {
    example.name.clone().unwrap_or_else(|| "example".into())
}

/// The value a parameter takes when no case asks for another: its first example, or a value built from
/// its schema when it is required.
fn default_value(doc: &Document, param: &Parameter) -> Option<Value> {
    if let Some(example) = param.examples.first() {
        return Some(example.value.clone());
    }
    if !param.required {
        return None;
    }
    let schema = param.schema.as_ref()?;
    Some(doc.sampler(Direction::Request).static_value(&schema.schema))
}

/// Every documented example request of an operation: the first example of everything, then one case per
/// other named body example and per other parameter example.
pub fn example_cases(doc: &Document, op: &Operation) -> Vec<ExampleCase> {
    let params: Vec<(ParamLocation, String, Value)> = op
        .parameters
        .iter()
        .filter_map(|p| default_value(doc, p).map(|v| (p.location, p.name.clone(), v)))
        .collect();
    let body_content = op
        .request_body
        .as_ref()
        .and_then(|body| preferred_content(&body.contents).map(|c| (body.required, c)));
    let mut bodies: Vec<(String, Value)> = Vec::new();
    let mut body_type = (String::new(), false);
    if let Some((required, content)) = body_content {
        body_type = (content.media_type.clone(), content.is_json());
        for example in &content.examples {
            bodies.push((example_label(example), example.value.clone()));
        }
        if bodies.is_empty()
            && required
            && let Some(schema) = &content.schema
        {
            let value = doc.sampler(Direction::Request).static_value(&schema.schema);
            bodies.push(("from schema".into(), value));
        }
    }
    let mut cases = Vec::new();
    let first_body = bodies.first().cloned();
    cases.push(ExampleCase {
        name: match &first_body {
            Some((name, _)) if bodies.len() > 1 || name != "example" => format!("body {name}"),
            _ => "examples".into(),
        },
        params: params.clone(),
        body: first_body.map(|(_, v)| (body_type.0.clone(), body_type.1, v)),
    });
    for (name, value) in bodies.iter().skip(1) {
        cases.push(ExampleCase {
            name: format!("body {name}"),
            params: params.clone(),
            body: Some((body_type.0.clone(), body_type.1, value.clone())),
        });
    }
    for param in &op.parameters {
        for example in param.examples.iter().skip(1) {
            let mut params = params.clone();
            for (location, name, value) in &mut params {
                if *location == param.location && *name == param.name {
                    *value = example.value.clone();
                }
            }
            cases.push(ExampleCase {
                name: format!(
                    "{} {} {}",
                    param.location.as_str(),
                    param.name,
                    example_label(example)
                ),
                params,
                body: cases[0].body.clone(),
            });
        }
    }
    cases
}

/// The request for a case, with or without the operation's credentials.
pub fn build_request(
    op: &Operation,
    case: &ExampleCase,
    credentials: &Credentials,
    with_credentials: bool,
) -> TestRequest {
    let mut request = TestRequest {
        method: op.method,
        path_values: Vec::new(),
        query: Vec::new(),
        headers: Vec::new(),
        body: None,
        with_credentials,
    };
    for (location, name, value) in &case.params {
        // Written in the parameter's own style (`apispec::Parameter::text`, `query_pairs`).
        let Some(param) = op
            .parameters
            .iter()
            .find(|p| p.location == *location && p.name == *name)
        else {
            continue;
        };
        match location {
            ParamLocation::Path => request.path_values.push((name.clone(), param.text(value))),
            ParamLocation::Query => request.query.extend(
                param
                    .query_pairs(value)
                    .into_iter()
                    .map(|(key, text)| (key, SentValue::plain(text))),
            ),
            ParamLocation::Header => request
                .headers
                .push((name.clone(), SentValue::plain(param.text(value)))),
            ParamLocation::Cookie => request.headers.push((
                "Cookie".into(),
                SentValue::plain(format!("{name}={}", param.text(value))),
            )),
        }
    }
    if let Some((media_type, is_json, value)) = &case.body {
        let text = match value {
            Value::String(s) if !is_json => s.clone(),
            other => other.to_string(),
        };
        request.body = Some((media_type.clone(), text));
    }
    for (name, value) in &credentials.headers {
        let secret = is_secret_header(name).then(|| env_name("CONFORMANCE_HEADER", name));
        request.headers.push((
            name.clone(),
            SentValue {
                text: value.clone(),
                secret_env: secret,
            },
        ));
    }
    if with_credentials {
        add_credentials(op, credentials, &mut request);
    }
    request
}

fn is_secret_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "authorization"
        || lower == "cookie"
        || ["key", "token", "secret", "password"]
            .iter()
            .any(|word| lower.contains(word))
}

/// `X-API-Key` → `PREFIX_X_API_KEY`.
fn env_name(prefix: &str, name: &str) -> String {
    let suffix: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("{prefix}_{suffix}")
}

/// Whether the operation can be called without credentials.
pub fn is_anonymous(op: &Operation) -> bool {
    op.security.is_empty() || op.security.iter().any(|r| r.schemes.is_empty())
}

/// The `Authorization` value for an `http` scheme (lower-cased), OAuth2 or OpenID Connect: `basic` takes
/// `--basic`, every other scheme the `--bearer` token.
fn authorization(credentials: &Credentials, scheme: &str) -> Option<SentValue> {
    if scheme == "basic" {
        let user_password = credentials.basic.as_ref()?;
        return Some(SentValue {
            text: format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(user_password)
            ),
            secret_env: Some("CONFORMANCE_BASIC".into()),
        });
    }
    let token = credentials.bearer.as_ref()?;
    Some(SentValue {
        text: format!("Bearer {token}"),
        secret_env: Some("CONFORMANCE_BEARER".into()),
    })
}

fn add_credentials(op: &Operation, credentials: &Credentials, request: &mut TestRequest) {
    if is_anonymous(op) {
        return;
    }
    let api_key = |name: &str| {
        credentials
            .api_keys
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.clone())
    };
    let satisfiable = |req: &apispec::SecurityRequirement| {
        req.schemes.iter().all(|s| match s.placement() {
            CredentialPlacement::Header(name)
            | CredentialPlacement::Query(name)
            | CredentialPlacement::Cookie(name) => api_key(&name).is_some(),
            CredentialPlacement::Authorization { scheme } => {
                authorization(credentials, &scheme).is_some()
            }
        })
    };
    let requirement = op
        .security
        .iter()
        .find(|r| satisfiable(r))
        .unwrap_or(&op.security[0]);
    let api_key_secret = |name: &str| {
        api_key(name).map(|text| SentValue {
            text,
            secret_env: Some(env_name("CONFORMANCE_API_KEY", name)),
        })
    };
    for scheme in &requirement.schemes {
        match scheme.placement() {
            CredentialPlacement::Authorization { scheme } => {
                if let Some(value) = authorization(credentials, &scheme) {
                    request.headers.push(("Authorization".into(), value));
                }
            }
            CredentialPlacement::Query(name) => {
                if let Some(secret) = api_key_secret(&name) {
                    request.query.push((name, secret));
                }
            }
            CredentialPlacement::Cookie(name) => {
                if let Some(secret) = api_key_secret(&name) {
                    request.headers.push((
                        "Cookie".into(),
                        SentValue {
                            text: format!("{name}={}", secret.text),
                            secret_env: secret.secret_env,
                        },
                    ));
                }
            }
            CredentialPlacement::Header(name) => {
                if let Some(secret) = api_key_secret(&name) {
                    request.headers.push((name, secret));
                }
            }
        }
    }
}

/// The URL of a request: the target's base, the operation's path with its values, the query.
pub fn url(
    target: &reqwest::Url,
    op_path: &str,
    request: &TestRequest,
    reveal_secrets: bool,
) -> String {
    let mut url = target.clone();
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty();
        for segment in split_path(op_path) {
            // A parameter without a value stays as written.
            let filled = PathTemplate::fill(segment, |name| {
                request
                    .path_values
                    .iter()
                    .find(|(n, _)| n == name)
                    .map_or_else(|| format!("{{{name}}}"), |(_, value)| value.clone())
            });
            segments.push(&filled);
        }
    }
    if !request.query.is_empty() {
        let mut pairs = url.query_pairs_mut();
        for (name, value) in &request.query {
            match (&value.secret_env, reveal_secrets) {
                (Some(env), false) => pairs.append_pair(name, &format!("${env}")),
                _ => pairs.append_pair(name, &value.text),
            };
        }
    }
    let text = url.to_string();
    // The query encoder escapes `$`; a reproduction wants the shell to expand it.
    if reveal_secrets {
        text
    } else {
        text.replace("%24CONFORMANCE_", "$CONFORMANCE_")
    }
}

/// Text inside double quotes for a POSIX shell, with `$VAR` references left to expand.
fn shell_quote(text: &str, expand: bool) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            '$' if !expand => out.push_str("\\$"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A curl command that sends the same request; secrets are `$VARIABLE` references. Basic credentials are
/// given to `-u`, which encodes `USER:PASSWORD` itself.
pub fn curl(target: &reqwest::Url, op_path: &str, request: &TestRequest) -> String {
    let url = url(target, op_path, request, false);
    let has_query_secret = request.query.iter().any(|(_, v)| v.secret_env.is_some());
    let mut line = format!(
        "curl -sS -i -X {} {}",
        request.method,
        if has_query_secret {
            shell_quote(&url, true)
        } else {
            shell_quote(&url, false)
        }
    );
    for (name, value) in &request.headers {
        if let Some(env) = &value.secret_env
            && name.eq_ignore_ascii_case("authorization")
            && value.text.starts_with("Basic ")
        {
            line.push_str(&format!(" -u {}", shell_quote(&format!("${env}"), true)));
            continue;
        }
        let header = match &value.secret_env {
            Some(env) => {
                let shown = if value.text.starts_with("Bearer ") {
                    format!("Bearer ${env}")
                } else if let Some((cookie, _)) = value.text.split_once('=')
                    && name.eq_ignore_ascii_case("cookie")
                {
                    format!("{cookie}=${env}")
                } else {
                    format!("${env}")
                };
                let escaped = shell_quote(&format!("{name}: "), false);
                format!("{}{shown}\"", &escaped[..escaped.len() - 1])
            }
            None => shell_quote(&format!("{name}: {}", value.text), false),
        };
        line.push_str(&format!(" -H {header}"));
    }
    if let Some((media_type, body)) = &request.body {
        line.push_str(&format!(
            " -H {} --data-binary {}",
            shell_quote(&format!("Content-Type: {media_type}"), false),
            shell_quote(body, false)
        ));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curl_lines_refer_to_secrets_by_variable() {
        let request = TestRequest {
            method: apispec::Method::Get,
            path_values: vec![("id".into(), "a b".into())],
            query: vec![
                ("q".into(), SentValue::plain("x&y")),
                (
                    "key".into(),
                    SentValue {
                        text: "s3cret".into(),
                        secret_env: Some("CONFORMANCE_API_KEY_KEY".into()),
                    },
                ),
            ],
            headers: vec![(
                "Authorization".into(),
                SentValue {
                    text: "Bearer s3cret".into(),
                    secret_env: Some("CONFORMANCE_BEARER".into()),
                },
            )],
            body: Some(("application/json".into(), "{\"a\":\"$x\"}".into())),
            with_credentials: true,
        };
        let target = reqwest::Url::parse("http://127.0.0.1:4010/raff").unwrap();
        let line = curl(&target, "/things/{id}", &request);
        assert_eq!(
            line,
            "curl -sS -i -X GET \"http://127.0.0.1:4010/raff/things/a%20b?q=x%26y&key=$CONFORMANCE_API_KEY_KEY\" \
             -H \"Authorization: Bearer $CONFORMANCE_BEARER\" -H \"Content-Type: application/json\" \
             --data-binary \"{\\\"a\\\":\\\"\\$x\\\"}\""
        );
        assert!(!line.contains("s3cret"));
        assert_eq!(
            url(&target, "/things/{id}", &request, true),
            "http://127.0.0.1:4010/raff/things/a%20b?q=x%26y&key=s3cret"
        );
    }
}
