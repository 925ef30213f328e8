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

/// A JSON body of type `T`.
pub async fn json<T: DeserializeOwned, E>(
    response: reqwest::Response,
) -> Result<Response<T>, Error<E>> {
    let raw = bytes(response).await?;
    match serde_json::from_slice(&raw) {
        Ok(value) => Ok(raw.map(|_| value)),
        Err(e) => Err(Error::Undecodable {
            response: Box::new(raw),
            reason: e.to_string(),
        }),
    }
}

pub async fn text<E>(response: reqwest::Response) -> Result<Response<String>, Error<E>> {
    let raw = bytes(response).await?;
    Ok(raw.map(|body| String::from_utf8_lossy(&body).into_owned()))
}

pub async fn binary<E>(response: reqwest::Response) -> Result<Response<Vec<u8>>, Error<E>> {
    Ok(bytes(response).await?.map(|body| body.to_vec()))
}

/// A response documented without a body; whatever body came is dropped.
pub fn empty(response: reqwest::Response) -> Response<()> {
    let attempts = attempts(&response);
    Response::new((), response.status(), response.headers().clone(), attempts)
}

/// Wraps a decoded body in one variant of a generated enum, keeping status, headers and attempts.
pub fn variant<T, V>(value: Response<T>, make: impl FnOnce(T) -> V) -> Response<V> {
    value.map(make)
}

/// A status the operation does not document, with its body as text.
pub async fn undocumented<E>(response: reqwest::Response) -> Error<E> {
    match text(response).await {
        Ok(response) => Error::Undocumented(Box::new(response)),
        Err(e) => e,
    }
}

/// A mock server's own refusal ([`crate::REFUSAL_HEADER`]), with its body as text.
pub async fn refused<E>(response: reqwest::Response) -> Error<E> {
    match text(response).await {
        Ok(response) => Error::Refused(Box::new(response)),
        Err(e) => e,
    }
}
