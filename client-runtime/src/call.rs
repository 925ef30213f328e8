//! Calling an operation by its `operationId` with arguments as JSON, and the outcome in a form that does not
//! depend on the operation's types. Each generated module's `call_operation` uses this (through the
//! operation's request builder); it is what tools and the contract suite drive every operation of every spec
//! with. Only with the `dynamic-call` feature.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::{Error, Response};

/// What a call returned.
#[derive(Debug, Clone, PartialEq)]
pub enum CallOutcome {
    /// A documented success: its status, the variant when the operation's successes differ in type, and the
    /// typed body serialized back to JSON (`null` for no body).
    Success {
        /// The response's status.
        status: u16,
        /// The success enum's variant, when there is one.
        variant: Option<&'static str>,
        /// The typed body as JSON.
        body: Value,
    },
    /// A documented error status: its variant and typed body as JSON (`null` when documented without one).
    DocumentedError {
        /// The response's status.
        status: u16,
        /// The error enum's variant.
        variant: &'static str,
        /// The typed body as JSON.
        body: Value,
    },
    /// A status the operation does not document, with the body as received.
    Unexpected {
        /// The response's status.
        status: u16,
        /// The body as text.
        body: String,
    },
    /// A documented status whose body does not decode to its type.
    UndecodableBody {
        /// The response's status.
        status: u16,
        /// The body as text.
        body: String,
        /// Why it does not decode.
        reason: String,
    },
    /// No response: the request could not be built or sent.
    Failed {
        /// What went wrong.
        reason: String,
    },
}

impl CallOutcome {
    /// The response's status; `None` when there was no response.
    pub fn status(&self) -> Option<u16> {
        match self {
            CallOutcome::Success { status, .. }
            | CallOutcome::DocumentedError { status, .. }
            | CallOutcome::Unexpected { status, .. }
            | CallOutcome::UndecodableBody { status, .. } => Some(*status),
            CallOutcome::Failed { .. } => None,
        }
    }
}

/// The call could not be made as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CallError {
    /// No spec of that name.
    UnknownSpec(String),
    /// The spec has no operation with that `operationId`.
    UnknownOperation(String),
    /// An argument does not fit its parameter's type.
    Argument {
        /// The parameter.
        name: String,
        /// The argument as given.
        value: String,
        /// Why it does not fit.
        reason: String,
    },
    /// The client for the call could not be built.
    Client(crate::BuildError),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::UnknownSpec(name) => write!(f, "no spec `{name}`"),
            CallError::UnknownOperation(id) => write!(f, "no operation `{id}`"),
            CallError::Argument {
                name,
                value,
                reason,
            } => write!(f, "argument `{name}` = {value}: {reason}"),
            CallError::Client(error) => write!(f, "{error}"),
        }
    }
}

impl From<crate::BuildError> for CallError {
    fn from(error: crate::BuildError) -> CallError {
        CallError::Client(error)
    }
}

impl std::error::Error for CallError {}

/// Sets the argument `name` (a parameter's name as the spec writes it, or `body`) on a request builder
/// with `setter`, as the type the setter takes. A missing or `null` argument leaves the builder as it is.
/// Where the type takes bytes (a binary body, a file part of a form) a JSON string stands for its UTF-8
/// bytes, as JSON has no bytes of its own.
pub fn set<B, T: DeserializeOwned>(
    builder: B,
    args: &Map<String, Value>,
    name: &str,
    setter: impl FnOnce(B, T) -> B,
) -> Result<B, CallError> {
    match args.get(name) {
        None | Some(Value::Null) => Ok(builder),
        Some(value) => typed(value.clone())
            .map(|value| setter(builder, value))
            .map_err(|e| CallError::Argument {
                name: name.to_string(),
                value: value.to_string(),
                reason: e.to_string(),
            }),
    }
}

/// The most strings of one argument read as bytes.
const MAX_BYTE_STRINGS: usize = 64;

/// `value` as a `T`; each string where `T` wants a sequence (bytes) is read again as its UTF-8 bytes.
fn typed<T: DeserializeOwned>(mut value: Value) -> Result<T, serde_json::Error> {
    for _ in 0..MAX_BYTE_STRINGS {
        let error = match serde_path_to_error::deserialize::<_, T>(&value) {
            Ok(typed) => return Ok(typed),
            Err(error) => error,
        };
        let wants_bytes = error.inner().to_string().contains("expected a sequence");
        match place(&mut value, error.path()) {
            Some(text @ Value::String(_)) if wants_bytes => {
                let bytes = text.as_str().unwrap_or_default().as_bytes().to_vec();
                *text = Value::Array(bytes.into_iter().map(Value::from).collect());
            }
            _ => return Err(error.into_inner()),
        }
    }
    serde_json::from_value(value)
}

/// The value at a deserializer's path, if the path leads into `value`.
fn place<'v>(value: &'v mut Value, path: &serde_path_to_error::Path) -> Option<&'v mut Value> {
    use serde_path_to_error::Segment;
    let mut here = value;
    for segment in path.iter() {
        here = match segment {
            Segment::Seq { index } => here.get_mut(*index)?,
            Segment::Map { key } => here.get_mut(key.as_str())?,
            Segment::Enum { .. } => here,
            Segment::Unknown => return None,
        };
    }
    Some(here)
}

/// A call on its way: one operation's request being sent, as its [`CallOutcome`].
pub type PendingCall<'a> = Pin<Box<dyn Future<Output = CallOutcome> + Send + 'a>>;

/// The outcome of `send` (a request builder's `send()`), as [`outcome`] reports it. Each operation's call
/// is a future of its own, so the function that picks the operation is a plain `match` rather than one
/// state machine holding every operation's.
pub fn sending<'a, S: Serialize + 'a, E: Serialize + 'a>(
    send: impl Future<Output = Result<Response<S>, Error<E>>> + Send + 'a,
    success_variant: fn(&S) -> Option<&'static str>,
    error_variant: fn(&E) -> &'static str,
) -> PendingCall<'a> {
    Box::pin(async move { outcome(send.await, success_variant, error_variant) })
}

/// Turns a request builder's result into a [`CallOutcome`].
pub fn outcome<S: Serialize, E: Serialize>(
    result: Result<Response<S>, Error<E>>,
    success_variant: fn(&S) -> Option<&'static str>,
    error_variant: fn(&E) -> &'static str,
) -> CallOutcome {
    match result {
        Ok(response) => CallOutcome::Success {
            status: response.status().as_u16(),
            variant: success_variant(&response),
            body: to_json(&*response),
        },
        Err(Error::Documented(response)) => CallOutcome::DocumentedError {
            status: response.status().as_u16(),
            variant: error_variant(&response),
            body: to_json(&**response),
        },
        Err(Error::Undocumented(response) | Error::Refused(response)) => CallOutcome::Unexpected {
            status: response.status().as_u16(),
            body: response.into_inner(),
        },
        Err(Error::Undecodable { response, reason }) => CallOutcome::UndecodableBody {
            status: response.status().as_u16(),
            body: String::from_utf8_lossy(&response).into_owned(),
            reason,
        },
        Err(other) => CallOutcome::Failed {
            reason: other.to_string(),
        },
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value)
        .unwrap_or_else(|e| Value::String(format!("<not serializable: {e}>")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Upload {
        file: Vec<u8>,
        parts: Vec<Vec<u8>>,
        purpose: String,
        count: u32,
    }

    #[test]
    fn strings_stand_for_bytes_where_the_type_takes_bytes() {
        let bytes: Vec<u8> = typed(json!("ab")).unwrap();
        assert_eq!(bytes, b"ab");
        let upload: Upload =
            typed(json!({"file": "ab", "parts": ["c", [100]], "purpose": "x", "count": 2}))
                .unwrap();
        assert_eq!(
            upload,
            Upload {
                file: b"ab".to_vec(),
                parts: vec![b"c".to_vec(), b"d".to_vec()],
                purpose: "x".into(),
                count: 2
            }
        );
        // A string is bytes only where bytes are wanted: a wrong type elsewhere is still an error.
        let error =
            typed::<Upload>(json!({"file": "ab", "parts": [], "purpose": "x", "count": "2"}))
                .unwrap_err();
        assert!(error.to_string().contains("expected u32"), "{error}");
    }
}
