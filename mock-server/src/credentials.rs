//! Credentials: where a request carries each security scheme's credential ([`presented`], by apispec's
//! `CredentialPlacement`), and, when the mock is given them, which values are valid ([`ValidCredentials`],
//! from `--credential SCHEME=VALUE` or a `--credentials FILE`). Without valid values a scheme is met by any
//! non-empty credential, as in Prism; with them, any other value is refused like a missing one.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use apispec::CredentialPlacement;
use axum::http::{HeaderMap, header};

use crate::catalog::{Catalog, MockOperation, RequiredCredential};
use crate::problem::ValidationItem;

/// The valid values of security schemes, by `(spec, scheme)`; a `None` spec applies to every spec.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidCredentials {
    values: BTreeMap<(Option<String>, String), Vec<String>>,
}

/// Credentials that cannot be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError(pub String);

impl std::fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CredentialsError {}

impl ValidCredentials {
    /// Whether no credential is configured (then any credential is taken).
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Adds one valid value for scheme `key` (`ApiKeyAuth`, or `raff.ApiKeyAuth` for one spec only). For an
    /// HTTP basic scheme the value is `user:password`.
    pub fn add(&mut self, key: &str, value: &str) {
        let (spec, scheme) = match key.split_once('.') {
            Some((spec, scheme)) => (Some(spec.to_string()), scheme.to_string()),
            None => (None, key.to_string()),
        };
        self.values
            .entry((spec, scheme))
            .or_default()
            .push(value.to_string());
    }

    /// Reads `SCHEME=VALUE` (as the command line gives it).
    pub fn add_pair(&mut self, pair: &str) -> Result<(), CredentialsError> {
        match pair.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() && !value.is_empty() => {
                self.add(key.trim(), value);
                Ok(())
            }
            _ => Err(CredentialsError(format!(
                "--credential `{pair}` is not SCHEME=VALUE\n  help: name a security scheme of the spec (`ApiKeyAuth=secret`, or `raff.ApiKeyAuth=secret` for one spec)"
            ))),
        }
    }

    /// Reads a YAML or JSON file mapping scheme names to a value or a list of values:
    /// `{ApiKeyAuth: [key-1, key-2], hostup.BearerAuth: token}`.
    pub fn add_file(&mut self, path: &Path) -> Result<(), CredentialsError> {
        let shown = path.display();
        let text = std::fs::read_to_string(path).map_err(|e| {
            CredentialsError(format!("{shown}: cannot read the credentials file: {e}"))
        })?;
        let parsed: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(&text).map_err(|e| {
            CredentialsError(format!(
                "{shown}: {e}\n  help: write a map of scheme names to a value or a list of values, such as `ApiKeyAuth: [key-1, key-2]`"
            ))
        })?;
        for (key, value) in parsed {
            let values: Vec<String> = match value {
                serde_yaml::Value::String(text) => vec![text],
                serde_yaml::Value::Sequence(items) => items
                    .into_iter()
                    .map(|item| match item {
                        serde_yaml::Value::String(text) => Ok(text),
                        other => Err(other),
                    })
                    .collect::<Result<_, _>>()
                    .map_err(|other| {
                        CredentialsError(format!(
                            "{shown}: `{key}` lists {other:?}, which is not text\n  help: quote each value"
                        ))
                    })?,
                other => {
                    return Err(CredentialsError(format!(
                        "{shown}: `{key}` is {other:?}, not a value nor a list of values"
                    )));
                }
            };
            for value in values {
                self.add(&key, &value);
            }
        }
        Ok(())
    }

    /// Checks that every scheme named is one the catalog's specs declare.
    pub fn check_against(&self, catalog: &Catalog) -> Result<(), CredentialsError> {
        for (spec, scheme) in self.values.keys() {
            let known = catalog.operations.iter().any(|op| {
                spec.as_ref()
                    .is_none_or(|spec| *catalog.specs[op.spec].name == **spec)
                    && op.security.iter().flatten().any(|c| c.scheme == *scheme)
            });
            if !known {
                let mut declared: Vec<String> = catalog
                    .operations
                    .iter()
                    .flat_map(|op| {
                        op.security
                            .iter()
                            .flatten()
                            .map(|c| format!("{}.{}", catalog.specs[op.spec].name, c.scheme))
                    })
                    .collect();
                declared.sort();
                declared.dedup();
                let named = match spec {
                    Some(spec) => format!("{spec}.{scheme}"),
                    None => scheme.clone(),
                };
                return Err(CredentialsError(format!(
                    "credentials are given for `{named}`, which no operation uses\n  help: the security schemes in use are {}",
                    declared.join(", ")
                )));
            }
        }
        Ok(())
    }

    /// The valid values of one scheme of one spec; `None` when any value is accepted.
    fn valid_values(&self, spec: &str, scheme: &str) -> Option<Vec<&str>> {
        let mut found: Option<Vec<&str>> = None;
        for key in [
            (Some(spec.to_string()), scheme.to_string()),
            (None, scheme.to_string()),
        ] {
            if let Some(values) = self.values.get(&key) {
                found
                    .get_or_insert_with(Vec::new)
                    .extend(values.iter().map(String::as_str));
            }
        }
        found
    }

    /// Checks that some security alternative of `op` is met with valid values; the violation otherwise.
    pub fn check(
        &self,
        spec: &str,
        op: &MockOperation,
        headers: &HeaderMap,
        query: &[(Cow<'_, str>, Cow<'_, str>)],
    ) -> Result<(), ValidationItem> {
        if self.is_empty() || op.security.is_empty() {
            return Ok(());
        }
        let valid = |credential: &RequiredCredential| {
            let Some(given) = presented(&credential.placement, headers, query) else {
                return false;
            };
            match self.valid_values(spec, &credential.scheme) {
                None => !given.trim().is_empty(),
                Some(values) => values
                    .iter()
                    .any(|value| matches(&credential.placement, value, given)),
            }
        };
        if op
            .security
            .iter()
            .any(|alternative| alternative.iter().all(valid))
        {
            return Ok(());
        }
        let schemes: Vec<&str> = op
            .security
            .iter()
            .flatten()
            .map(|c| c.scheme.as_str())
            .collect();
        Err(ValidationItem {
            location: vec!["header".into()],
            code: "security".into(),
            message: format!(
                "Invalid security scheme used: the request carries no valid credential for {}",
                schemes.join(" or ")
            ),
            spec: Some(format!("{}/security", op.pointer).into()),
        })
    }
}

/// Whether a presented credential is the valid `value`: the same text, or for HTTP basic the base64 of
/// `user:password`.
fn matches(placement: &CredentialPlacement, value: &str, given: &str) -> bool {
    match placement {
        CredentialPlacement::Authorization { scheme } if scheme == "basic" => {
            given.trim() == base64(value.as_bytes())
        }
        _ => given.trim() == value,
    }
}

/// The credential a request presents for one placement: a header's, query parameter's or cookie's value,
/// or the credentials of an `Authorization` header of that scheme.
pub fn presented<'r>(
    placement: &CredentialPlacement,
    headers: &'r HeaderMap,
    query: &'r [(Cow<'r, str>, Cow<'r, str>)],
) -> Option<&'r str> {
    match placement {
        CredentialPlacement::Header(name) => headers
            .get(name.as_str())
            .and_then(|value| value.to_str().ok()),
        CredentialPlacement::Query(name) => query
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_ref()),
        CredentialPlacement::Cookie(name) => cookie(headers, name),
        CredentialPlacement::Authorization { scheme } => headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            .filter(|(given, _)| given.eq_ignore_ascii_case(scheme))
            .map(|(_, credentials)| credentials),
    }
}

/// A cookie's value.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn basic_credentials_are_compared_encoded() {
        assert_eq!(base64(b"user:pass"), "dXNlcjpwYXNz");
        assert_eq!(base64(b"a"), "YQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        let basic = CredentialPlacement::Authorization {
            scheme: "basic".into(),
        };
        assert!(matches(&basic, "user:pass", "dXNlcjpwYXNz"));
        assert!(!matches(&basic, "user:other", "dXNlcjpwYXNz"));
    }

    #[test]
    fn credentials_are_found_where_the_scheme_puts_them() {
        let mut headers = HeaderMap::new();
        headers.insert("x-api-key", HeaderValue::from_static("k1"));
        headers.insert("authorization", HeaderValue::from_static("Bearer t1"));
        headers.insert("cookie", HeaderValue::from_static("a=1; session=s1"));
        let query = vec![(Cow::from("key"), Cow::from("q1"))];
        let found = |placement| presented(&placement, &headers, &query);
        assert_eq!(
            found(CredentialPlacement::Header("x-api-key".into())),
            Some("k1")
        );
        assert_eq!(
            found(CredentialPlacement::Authorization {
                scheme: "bearer".into()
            }),
            Some("t1")
        );
        assert_eq!(
            found(CredentialPlacement::Authorization {
                scheme: "basic".into()
            }),
            None
        );
        assert_eq!(
            found(CredentialPlacement::Cookie("session".into())),
            Some("s1")
        );
        assert_eq!(found(CredentialPlacement::Query("key".into())), Some("q1"));
    }

    #[test]
    fn pairs_and_files_are_read() {
        let mut valid = ValidCredentials::default();
        valid.add_pair("ApiKeyAuth=k1").unwrap();
        valid.add_pair("raff.ApiKeyAuth=k2").unwrap();
        assert!(valid.add_pair("nothing").is_err());
        assert_eq!(
            valid.valid_values("raff", "ApiKeyAuth"),
            Some(vec!["k2", "k1"])
        );
        assert_eq!(valid.valid_values("other", "ApiKeyAuth"), Some(vec!["k1"]));
        assert_eq!(valid.valid_values("raff", "BearerAuth"), None);

        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("credentials.yaml");
        std::fs::write(&file, "BearerAuth: [t1, t2]\nhostup.BearerAuth: t3\n").unwrap();
        valid.add_file(&file).unwrap();
        assert_eq!(
            valid.valid_values("hostup", "BearerAuth"),
            Some(vec!["t3", "t1", "t2"])
        );
        std::fs::write(&file, "BearerAuth: {a: 1}\n").unwrap();
        let error = valid.add_file(&file).unwrap_err();
        assert!(error.0.contains("BearerAuth"), "{error}");
    }
}
