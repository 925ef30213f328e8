//! [`IntoParam`]: what a request builder's setter takes (anything that converts to the parameter's type),
//! and [`Param`]: the parameter as set; a missing required value or a failed conversion is reported by
//! `send()` before anything is sent.

use std::fmt;

use crate::Error;

/// A value a request builder's setter takes for a parameter of type `T`: anything with `TryInto<T>` whose
/// error can be displayed. That is `T` itself, `&T` for the generated types, `&str` or `String` for strings
/// and constrained strings (a value the constraint refuses is reported by `send()`), any integer for an
/// integer parameter, `Uuid` or `&str` for a UUID.
pub trait IntoParam<T>: TryInto<T, Error: fmt::Display> {}

impl<T, V: TryInto<T, Error: fmt::Display>> IntoParam<T> for V {}

/// A parameter of a request builder: not set, set, or a value that did not convert (and why).
#[doc(hidden)]
#[derive(Clone)]
pub struct Param<T>(Result<Option<T>, String>);

impl<T> Default for Param<T> {
    fn default() -> Self {
        Param(Ok(None))
    }
}

impl<T: fmt::Debug> fmt::Debug for Param<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Ok(Some(value)) => value.fmt(f),
            Ok(None) => f.write_str("(not set)"),
            Err(reason) => write!(f, "(invalid: {reason})"),
        }
    }
}

impl<T> Param<T> {
    pub fn new(value: impl IntoParam<T>) -> Self {
        Param(value.try_into().map(Some).map_err(|e| e.to_string()))
    }

    /// A value set as a `U` and converted to `T` (a non-zero integer set from an integer).
    pub fn via<U, V: IntoParam<U>>(value: V) -> Self
    where
        U: TryInto<T, Error: fmt::Display>,
    {
        match value.try_into() {
            Ok(value) => Param::new(value),
            Err(e) => Param(Err(e.to_string())),
        }
    }

    /// The value of a required parameter named `name` in the spec.
    pub fn required<E>(self, name: &str) -> Result<T, Error<E>> {
        match self.optional(name)? {
            Some(value) => Ok(value),
            None => Err(Error::InvalidRequest(format!(
                "the required parameter `{name}` is not set"
            ))),
        }
    }

    /// The value of an optional parameter named `name` in the spec.
    pub fn optional<E>(self, name: &str) -> Result<Option<T>, Error<E>> {
        self.0.map_err(|reason| {
            Error::InvalidRequest(format!("parameter `{name}` does not convert: {reason}"))
        })
    }

    /// Where a paginator starts: the value set, as a count (0 when not set).
    pub fn position(&self) -> u64
    where
        T: Clone + TryInto<u64>,
    {
        match &self.0 {
            Ok(Some(value)) => value.clone().try_into().unwrap_or(0),
            _ => 0,
        }
    }
}
