//! Calling an operation by its `operationId` with arguments as JSON, and the outcome in a form that does not
//! depend on the operation's types. Each generated module's `call_operation` uses this; it is what tools and
//! the contract suite drive every operation of every spec with.

use progenitor_client::{Error, ResponseValue};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// What a call returned.
#[derive(Debug, Clone, PartialEq)]
pub enum CallOutcome {
    /// A documented success: its status, the variant when the operation's successes differ in type, and the
    /// typed body serialized back to JSON (`null` for no body).
    Success {
        status: u16,
        variant: Option<&'static str>,
        body: Value,
    },
    /// A documented error status: its variant and typed body as JSON (`null` when documented without one).
    DocumentedError {
        status: u16,
        variant: &'static str,
        body: Value,
    },
    /// A status the operation does not document, with the body as received.
    Unexpected { status: u16, body: String },
    /// A documented status whose body does not decode to its type (progenitor does not keep the status).
    UndecodableBody { body: String, reason: String },
    /// No response: the request could not be built or sent.
    Failed { reason: String },
}

impl CallOutcome {
    pub fn status(&self) -> Option<u16> {
        match self {
            CallOutcome::Success { status, .. }
            | CallOutcome::DocumentedError { status, .. }
            | CallOutcome::Unexpected { status, .. } => Some(*status),
            CallOutcome::UndecodableBody { .. } | CallOutcome::Failed { .. } => None,
        }
    }
}

/// The call could not be made as asked: an unknown operation, or arguments that do not fit its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallError(pub String);

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CallError {}

/// The argument `name` (a parameter's name as the spec writes it, or `body`), as the type the method takes.
/// A missing argument is `null`, which an optional parameter reads as absent.
pub fn argument<T: DeserializeOwned>(
    args: &Map<String, Value>,
    name: &str,
) -> Result<T, CallError> {
    let value = args.get(name).cloned().unwrap_or(Value::Null);
    serde_json::from_value(value.clone())
        .map_err(|e| CallError(format!("argument `{name}` = {value}: {e}")))
}

/// Turns a generated method's result into a [`CallOutcome`].
pub async fn outcome<S: Serialize, E: Serialize + std::fmt::Debug>(
    result: Result<ResponseValue<S>, Error<E>>,
    success_variant: fn(&S) -> Option<&'static str>,
    error_variant: fn(&E) -> &'static str,
) -> CallOutcome {
    match result {
        Ok(response) => {
            let status = response.status().as_u16();
            let value = response.into_inner();
            CallOutcome::Success {
                status,
                variant: success_variant(&value),
                body: to_json(&value),
            }
        }
        Err(Error::ErrorResponse(response)) => {
            let status = response.status().as_u16();
            let value = response.into_inner();
            CallOutcome::DocumentedError {
                status,
                variant: error_variant(&value),
                body: to_json(&value),
            }
        }
        Err(Error::UnexpectedResponse(response)) => {
            let status = response.status().as_u16();
            CallOutcome::Unexpected {
                status,
                body: response.text().await.unwrap_or_default(),
            }
        }
        Err(Error::InvalidResponsePayload(bytes, reason)) => CallOutcome::UndecodableBody {
            body: String::from_utf8_lossy(&bytes).into_owned(),
            reason: reason.to_string(),
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
