//! Response selection: which documented response answers a request, and which body it carries.
//!
//! Pure functions of the operation, the client's [`Preferences`] and its `Accept` header, following Prism:
//! [`select_response`] picks the status, [`select_failure_response`] the spec's own answer to an invalid
//! request, [`select_body`] the media type and the body. The handler calls them in that order and only then
//! builds the HTTP response.
//!
//! The stateful mode (`crate::state`) decides before these, when the request carries no `Prefer`: its answer
//! is a documented status (selected here like a preferred code) and, where the state builds one, the body.
//! Latency or fault injection would be a step that wraps the result (a delay, an injected status) before the
//! response is built; neither needs to touch routing or validation.

use std::sync::Arc;

use apispec::media::{range_covers, range_specificity, wildcard_covers};
use apispec::{SchemaRoot, StatusKey};
use axum::body::Bytes;
use axum::http::HeaderValue;

use crate::catalog::{MockContent, MockOperation, MockResponse, body_bytes};
use crate::preferences::Preferences;
use crate::validate::FailureKind;

/// The response chosen, and the status it is served with (`2XX` and `default` have no status of their own).
#[derive(Debug, Clone, Copy)]
pub struct Selected<'c> {
    /// The status to answer with.
    pub status: u16,
    /// The documented response.
    pub response: &'c MockResponse,
}

/// The preferred code is not documented (404 NOT_FOUND, as Prism).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UndefinedCode(pub u16);

/// The documented response that answers `status`: the exact code, else its `NXX` range, else `default`.
pub fn response_for_status(op: &MockOperation, status: u16) -> Option<&MockResponse> {
    let find = |key: StatusKey| op.responses.iter().find(|r| r.status == key);
    find(StatusKey::Code(status))
        .or_else(|| find(StatusKey::Range((status / 100) as u8)))
        .or_else(|| find(StatusKey::Default))
}

/// Picks the response: the preferred code (exactly, else its `NXX` range, else `default`), or without a
/// preference the lowest 2xx, else `default`, else the first declared response.
pub fn select_response<'c>(
    op: &'c MockOperation,
    preferences: &Preferences,
) -> Result<Selected<'c>, UndefinedCode> {
    let find = |key: StatusKey| op.responses.iter().find(|r| r.status == key);
    if let Some(code) = preferences.code {
        return response_for_status(op, code)
            .map(|response| Selected {
                status: code,
                response,
            })
            .ok_or(UndefinedCode(code));
    }
    let lowest_success = op
        .responses
        .iter()
        .filter_map(|r| match r.status {
            StatusKey::Code(code @ 200..=299) => Some((code, r)),
            StatusKey::Range(2) => Some((200, r)),
            _ => None,
        })
        .min_by_key(|(code, _)| *code);
    if let Some((status, response)) = lowest_success {
        return Ok(Selected { status, response });
    }
    if let Some(response) = find(StatusKey::Default) {
        return Ok(Selected {
            status: 200,
            response,
        });
    }
    match op.responses.first() {
        Some(response) => Ok(Selected {
            status: match response.status {
                StatusKey::Code(code) => code,
                StatusKey::Range(digit) => u16::from(digit) * 100,
                StatusKey::Default => 200,
            },
            response,
        }),
        None => Err(UndefinedCode(200)),
    }
}

/// The spec's own response to an invalid request, as Prism looks for it: for missing credentials 401, then
/// the `4XX` range, then `default` (both served as 401); for a content type 415, 422, 400, then `4XX` and
/// `default` (served as 415); otherwise 422, 400, then `4XX` and `default` (served as 422); for a body
/// over the limit 413 only. An exact status is preferred to the `4XX` range (Prism lets `4XX` answer for
/// 422 before it tries 400). `None`: the spec documents none, and the mock answers with its own problem
/// document.
pub fn select_failure_response(op: &MockOperation, kind: FailureKind) -> Option<Selected<'_>> {
    let candidates: &[(StatusKey, u16)] = match kind {
        FailureKind::Security => &[
            (StatusKey::Code(401), 401),
            (StatusKey::Range(4), 401),
            (StatusKey::Default, 401),
        ],
        FailureKind::TooLarge => &[(StatusKey::Code(413), 413)],
        FailureKind::ContentType => &[
            (StatusKey::Code(415), 415),
            (StatusKey::Code(422), 422),
            (StatusKey::Code(400), 400),
            (StatusKey::Range(4), 415),
            (StatusKey::Default, 415),
        ],
        FailureKind::Invalid => &[
            (StatusKey::Code(422), 422),
            (StatusKey::Code(400), 400),
            (StatusKey::Range(4), 422),
            (StatusKey::Default, 422),
        ],
    };
    candidates.iter().find_map(|&(key, status)| {
        op.responses
            .iter()
            .find(|r| r.status == key)
            .map(|response| Selected { status, response })
    })
}

/// The body to send.
#[derive(Debug, Clone)]
pub enum ChosenBody {
    /// The response documents no body.
    Empty,
    /// A body of this media type.
    Content {
        /// The `Content-Type` to send.
        content_type: HeaderValue,
        /// The body's bytes.
        body: Bytes,
        /// The name of the example served, when the body is a named example.
        example: Option<Arc<str>>,
    },
}

/// Why no body can be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyError {
    /// Nothing the response offers fits the `Accept` header (406).
    NotAcceptable {
        /// The media types the response has.
        offered: Vec<String>,
    },
    /// The preferred example does not exist (404).
    UnknownExample(String),
}

/// Picks the media type by `Accept`, then the body: the named example, a dynamic body, or the default one
/// (first valid example, else the schema's static sample). `root` is the spec's schemas, for dynamic bodies.
pub fn select_body(
    response: &MockResponse,
    accept: Option<&str>,
    preferences: &Preferences,
    root: &SchemaRoot,
) -> Result<ChosenBody, BodyError> {
    if response.contents.is_empty() {
        return match &preferences.example {
            Some(name) => Err(BodyError::UnknownExample(name.clone())),
            None => Ok(ChosenBody::Empty),
        };
    }
    let content =
        negotiate(&response.contents, accept).ok_or_else(|| BodyError::NotAcceptable {
            offered: response
                .contents
                .iter()
                .map(|c| c.essence.clone())
                .collect(),
        })?;
    let (body, example) = if let Some(name) = &preferences.example {
        content
            .examples
            .iter()
            .find(|e| e.name.as_deref() == Some(name.as_str()))
            .map(|e| (e.body.clone(), e.name.clone()))
            .ok_or_else(|| BodyError::UnknownExample(name.clone()))?
    } else if preferences.dynamic == Some(true) {
        match &content.schema {
            Some(schema) => {
                let sampler = root.sampler(apispec::Direction::Response);
                let seed = preferences.seed.unwrap_or_else(rand::random);
                let body = body_bytes(&sampler.dynamic_value(schema, seed), content.is_json);
                (body, None)
            }
            None => (content.default_body.clone(), None),
        }
    } else {
        // The default body is the first valid example, else the schema's sample.
        let example = content.examples.iter().find(|e| e.valid);
        (
            content.default_body.clone(),
            example.and_then(|e| e.name.clone()),
        )
    };
    Ok(ChosenBody::Content {
        content_type: content.content_type.clone(),
        body,
        example,
    })
}

/// The first offered content with the highest quality in `Accept`. No `Accept` takes the first one.
/// A `+json` type (`application/problem+json`) also satisfies `application/json`.
pub fn negotiate<'c>(contents: &'c [MockContent], accept: Option<&str>) -> Option<&'c MockContent> {
    let accept = match accept.map(str::trim) {
        None | Some("") | Some("*/*") => return contents.first(),
        Some(accept) => accept,
    };
    let ranges: Vec<(&str, f32)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!range.is_empty()).then_some((range, quality))
        })
        .collect();
    let mut best: Option<(&MockContent, f32)> = None;
    for content in contents {
        let quality = ranges
            .iter()
            .filter(|(range, _)| range_accepts(range, &content.essence))
            .map(|(range, quality)| (range_specificity(range), *quality))
            .max_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, quality)| quality)
            .unwrap_or(0.0);
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((content, quality));
        }
    }
    best.map(|(content, _)| content)
}

/// Whether an `Accept` range admits an offered content: the range covers it (`+json` types satisfy
/// `application/json`), or the spec offers a wildcard (`application/*`) that covers what the client names.
fn range_accepts(range: &str, offered: &str) -> bool {
    range_covers(range, offered) || wildcard_covers(offered, range)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{MockExample, MockResponse};
    use apispec::Method;
    use axum::http::HeaderValue;

    fn content(media_type: &'static str, examples: &[(&str, &str)]) -> MockContent {
        MockContent {
            essence: media_type.to_string(),
            content_type: HeaderValue::from_static(media_type),
            is_json: media_type.ends_with("json"),
            examples: examples
                .iter()
                .map(|(name, body)| MockExample {
                    name: Some(Arc::from(*name)),
                    body: Bytes::from(body.to_string()),
                    valid: true,
                })
                .collect(),
            default_body: Bytes::from(examples.first().map_or("", |e| e.1).to_string()),
            schema: None,
            validator: None,
        }
    }

    fn response(status: StatusKey, contents: Vec<MockContent>) -> MockResponse {
        MockResponse {
            status,
            headers: Vec::new(),
            contents,
        }
    }

    fn operation(responses: Vec<MockResponse>) -> MockOperation {
        MockOperation {
            spec: 0,
            label: "t.op".into(),
            operation_id: "op".into(),
            method: Method::Get,
            path: "/t".into(),
            segments: Vec::new(),
            fixed_query: Vec::new(),
            parameters: Vec::new(),
            security: Vec::new(),
            challenge: HeaderValue::from_static("Bearer"),
            body: None,
            responses,
            pointer: "#/paths/~1t/get".into(),
        }
    }

    fn statuses(op: &MockOperation, code: Option<u16>) -> Result<(u16, StatusKey), UndefinedCode> {
        let preferences = Preferences {
            code,
            ..Preferences::default()
        };
        select_response(op, &preferences).map(|s| (s.status, s.response.status))
    }

    #[test]
    fn without_preference_the_lowest_success_wins() {
        let op = operation(vec![
            response(StatusKey::Code(404), vec![]),
            response(StatusKey::Code(202), vec![]),
            response(StatusKey::Code(200), vec![]),
        ]);
        assert_eq!(statuses(&op, None), Ok((200, StatusKey::Code(200))));
        let ranged = operation(vec![
            response(StatusKey::Default, vec![]),
            response(StatusKey::Range(2), vec![]),
        ]);
        assert_eq!(statuses(&ranged, None), Ok((200, StatusKey::Range(2))));
        let only_default = operation(vec![response(StatusKey::Default, vec![])]);
        assert_eq!(statuses(&only_default, None), Ok((200, StatusKey::Default)));
        let only_error = operation(vec![response(StatusKey::Code(404), vec![])]);
        assert_eq!(statuses(&only_error, None), Ok((404, StatusKey::Code(404))));
    }

    #[test]
    fn a_preferred_code_falls_back_to_its_range_then_default() {
        let op = operation(vec![
            response(StatusKey::Code(200), vec![]),
            response(StatusKey::Code(404), vec![]),
            response(StatusKey::Range(4), vec![]),
            response(StatusKey::Default, vec![]),
        ]);
        assert_eq!(statuses(&op, Some(404)), Ok((404, StatusKey::Code(404))));
        assert_eq!(statuses(&op, Some(409)), Ok((409, StatusKey::Range(4))));
        assert_eq!(statuses(&op, Some(503)), Ok((503, StatusKey::Default)));
        let strict = operation(vec![response(StatusKey::Code(200), vec![])]);
        assert_eq!(statuses(&strict, Some(500)), Err(UndefinedCode(500)));
    }

    #[test]
    fn failures_prefer_the_specs_own_responses() {
        let op = operation(vec![
            response(StatusKey::Code(200), vec![]),
            response(StatusKey::Code(400), vec![]),
            response(StatusKey::Default, vec![]),
        ]);
        let pick = |kind| select_failure_response(&op, kind).map(|s| (s.status, s.response.status));
        assert_eq!(
            pick(FailureKind::Invalid),
            Some((400, StatusKey::Code(400)))
        );
        assert_eq!(
            pick(FailureKind::ContentType),
            Some((400, StatusKey::Code(400)))
        );
        assert_eq!(
            pick(FailureKind::Security),
            Some((401, StatusKey::Default)),
            "no 401 and no 4XX: default, served as 401"
        );
        assert_eq!(pick(FailureKind::TooLarge), None);
        let ranged = operation(vec![
            response(StatusKey::Code(200), vec![]),
            response(StatusKey::Range(4), vec![]),
        ]);
        let pick =
            |kind| select_failure_response(&ranged, kind).map(|s| (s.status, s.response.status));
        assert_eq!(
            pick(FailureKind::Security),
            Some((401, StatusKey::Range(4)))
        );
        assert_eq!(
            pick(FailureKind::ContentType),
            Some((415, StatusKey::Range(4)))
        );
        assert_eq!(pick(FailureKind::Invalid), Some((422, StatusKey::Range(4))));
        let with_default = operation(vec![response(StatusKey::Default, vec![])]);
        assert_eq!(
            select_failure_response(&with_default, FailureKind::Invalid).map(|s| s.status),
            Some(422)
        );
    }

    #[test]
    fn bodies_by_example_name_and_accept() {
        let ok = response(
            StatusKey::Code(200),
            vec![
                content(
                    "application/json",
                    &[("a", "{\"a\":1}"), ("b", "{\"b\":2}")],
                ),
                content("text/plain", &[("t", "plain")]),
            ],
        );
        let root = SchemaRoot::default();
        let body = |accept: Option<&str>, example: Option<&str>| {
            let preferences = Preferences {
                example: example.map(str::to_string),
                ..Preferences::default()
            };
            select_body(&ok, accept, &preferences, &root).map(|b| match b {
                ChosenBody::Content { body, .. } => String::from_utf8_lossy(&body).to_string(),
                ChosenBody::Empty => String::new(),
            })
        };
        assert_eq!(body(None, None).unwrap(), "{\"a\":1}");
        assert_eq!(body(None, Some("b")).unwrap(), "{\"b\":2}");
        assert_eq!(
            body(None, Some("zzz")),
            Err(BodyError::UnknownExample("zzz".into()))
        );
        assert_eq!(body(Some("text/plain"), None).unwrap(), "plain");
        assert_eq!(
            body(Some("text/*;q=0.5, application/json"), None).unwrap(),
            "{\"a\":1}"
        );
        assert!(matches!(
            body(Some("application/xml"), None),
            Err(BodyError::NotAcceptable { .. })
        ));
    }

    #[test]
    fn problem_json_satisfies_an_accept_of_json() {
        let contents = vec![content("application/problem+json", &[("p", "{}")])];
        assert!(negotiate(&contents, Some("application/json")).is_some());
        assert!(negotiate(&contents, Some("text/html")).is_none());
        assert!(negotiate(&contents, Some("application/json;q=0")).is_none());
    }
}
