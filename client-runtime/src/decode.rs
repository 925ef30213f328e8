//! Turning a `reqwest::Response` into a typed [`Response`] or [`Error`]: one function per kind of
//! documented body, called by each operation's generated decoder.

use serde::de::DeserializeOwned;

use crate::error::TransportError;
use crate::send::Attempts;
use crate::{Error, Response};

fn attempts(response: &reqwest::Response) -> u32 {
    response
        .extensions()
        .get::<Attempts>()
        .map_or(1, |attempts| attempts.0)
}

async fn bytes<E>(response: reqwest::Response) -> Result<Response<bytes::Bytes>, Error<E>> {
    let (status, headers, attempts) = (
        response.status(),
        response.headers().clone(),
        attempts(&response),
    );
    let body = response
        .bytes()
        .await
        .map_err(|e| Error::Transport(TransportError::new(e.into(), attempts)))?;
    Ok(Response::new(body, status, headers, attempts))
}

/// How a documented body is read: the generated decoders name one per status (`Json`, `Text`,
/// `Binary`, `Empty`), and the body's type follows from where the value goes.
pub trait Body<B> {
    /// Whether the body is read at all (a response documented without one drops whatever came).
    const READ: bool = true;
    /// The value of a body read whole, or why it is not one.
    fn decode(raw: &bytes::Bytes) -> Result<B, String>;
}

/// A JSON body, of whatever type the status documents.
pub struct Json;

impl<B: DeserializeOwned> Body<B> for Json {
    fn decode(raw: &bytes::Bytes) -> Result<B, String> {
        serde_json::from_slice(raw).map_err(|e| e.to_string())
    }
}

/// A text body (invalid UTF-8 replaced, never refused).
pub struct Text;

impl Body<String> for Text {
    fn decode(raw: &bytes::Bytes) -> Result<String, String> {
        Ok(String::from_utf8_lossy(raw).into_owned())
    }
}

/// A body of bytes in any media type.
pub struct Binary;

impl Body<Vec<u8>> for Binary {
    fn decode(raw: &bytes::Bytes) -> Result<Vec<u8>, String> {
        Ok(raw.to_vec())
    }
}

/// No documented body.
pub struct Empty;

impl Body<()> for Empty {
    const READ: bool = false;
    fn decode(_: &bytes::Bytes) -> Result<(), String> {
        Ok(())
    }
}

/// The response's body as `K` reads it: the operation's result for this status.
pub async fn body<B, E, K: Body<B>>(
    response: reqwest::Response,
    _kind: K,
) -> Result<Response<B>, Error<E>> {
    let raw = if K::READ {
        bytes(response).await?
    } else {
        let attempts = attempts(&response);
        Response::new(
            bytes::Bytes::new(),
            response.status(),
            response.headers().clone(),
            attempts,
        )
    };
    match K::decode(&raw) {
        Ok(value) => Ok(raw.map(|_| value)),
        Err(reason) => Err(Error::Undecodable {
            response: Box::new(raw),
            reason,
        }),
    }
}

/// One of several documented successes: the body as `K` reads it, in its variant of the success enum.
pub async fn success<B, V, E, K: Body<B>>(
    response: reqwest::Response,
    kind: K,
    variant: impl FnOnce(B) -> V,
) -> Result<Response<V>, Error<E>> {
    Ok(body(response, kind).await?.map(variant))
}

/// A documented error: the body as `K` reads it, in its variant of the operation's error enum.
pub async fn error<B, T, E, K: Body<B>>(
    response: reqwest::Response,
    kind: K,
    variant: impl FnOnce(B) -> E,
) -> Result<Response<T>, Error<E>> {
    Err(Error::Documented(Box::new(
        body(response, kind).await?.map(variant),
    )))
}

/// A status the operation does not document, with its body as text.
pub async fn undocumented<E>(response: reqwest::Response) -> Error<E> {
    match body(response, Text).await {
        Ok(response) => Error::Undocumented(Box::new(response)),
        Err(e) => e,
    }
}

/// A mock server's own refusal ([`crate::REFUSAL_HEADER`]), with its body as text.
pub async fn refused<E>(response: reqwest::Response) -> Error<E> {
    match body(response, Text).await {
        Ok(response) => Error::Refused(Box::new(response)),
        Err(e) => e,
    }
}
