//! What the client asks the mock to answer with: `Prefer: code=404, example=vps_not_found, dynamic=true,
//! seed=42`, or, only when the request has no `Prefer` header, the `__code`, `__example`, `__dynamic` and
//! `__seed` query parameters (as Prism). Parsing only: what the preferences select is `select`'s business.

use std::borrow::Cow;

use apispec::quote::{MAX_QUOTED, cut_text};

/// The client's preferences for one request. Every field is optional.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Preferences {
    /// `code=404`: the status to answer with.
    pub code: Option<u16>,
    /// `example=name`: the named example to serve.
    pub example: Option<String>,
    /// `dynamic=true`: a random body built from the schema instead of an example.
    pub dynamic: Option<bool>,
    /// `seed=42`: makes a dynamic body reproducible. A seed that is not a number is hashed.
    pub seed: Option<u64>,
}

impl Preferences {
    /// Whether the request states no preference.
    pub fn is_empty(&self) -> bool {
        *self == Preferences::default()
    }
}

/// A preference the mock cannot honour (answered with 422, as Prism).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreferenceError {
    /// What cannot be honoured, and why.
    pub message: String,
}

/// Reads a `Prefer` header value: comma-separated `key=value` pairs; unknown keys (`return=minimal`) are
/// ignored; values may be quoted.
pub fn from_prefer_header(value: &str) -> Result<Preferences, PreferenceError> {
    let pairs = value.split([',', ';']).filter_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        Some((
            Cow::Borrowed(key.trim()),
            Cow::Borrowed(value.trim().trim_matches('"')),
        ))
    });
    from_pairs(pairs, "")
}

/// Reads the `__code`, `__example`, `__dynamic` and `__seed` query parameters.
pub fn from_query(query: &str) -> Result<Preferences, PreferenceError> {
    if !query.contains("__") {
        return Ok(Preferences::default());
    }
    from_pairs(form_urlencoded::parse(query.as_bytes()), "__")
}

fn from_pairs<'a>(
    pairs: impl Iterator<Item = (Cow<'a, str>, Cow<'a, str>)>,
    prefix: &str,
) -> Result<Preferences, PreferenceError> {
    let mut preferences = Preferences::default();
    for (key, value) in pairs {
        let Some(key) = key.strip_prefix(prefix) else {
            continue;
        };
        match key.to_ascii_lowercase().as_str() {
            "code" => preferences.code = Some(parse_code(&value)?),
            "example" => preferences.example = Some(value.into_owned()),
            "dynamic" => {
                preferences.dynamic = Some(match value.as_ref() {
                    "true" => true,
                    "false" => false,
                    other => {
                        return Err(PreferenceError {
                            message: format!(
                                "`{prefix}dynamic` must be true or false, not `{}`",
                                cut_text(other, MAX_QUOTED)
                            ),
                        });
                    }
                })
            }
            "seed" => preferences.seed = Some(parse_seed(&value)),
            _ => {}
        }
    }
    Ok(preferences)
}

fn parse_code(value: &str) -> Result<u16, PreferenceError> {
    let valid = value.len() == 3 && value.bytes().all(|b| b.is_ascii_digit());
    match value.parse::<u16>() {
        Ok(code) if valid && (100..=599).contains(&code) => Ok(code),
        _ => Err(PreferenceError {
            message: format!(
                "the preferred code must be a three-digit HTTP status, not `{}`",
                cut_text(value, MAX_QUOTED)
            ),
        }),
    }
}

/// A number is used as it is; any other text is hashed (FNV-1a), so `seed=abc` is reproducible too.
fn parse_seed(value: &str) -> u64 {
    value.parse().unwrap_or_else(|_| {
        value.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefer_header_with_every_key() {
        let prefs =
            from_prefer_header("code=404, example=vps_not_found, dynamic=true, seed=42").unwrap();
        assert_eq!(
            prefs,
            Preferences {
                code: Some(404),
                example: Some("vps_not_found".into()),
                dynamic: Some(true),
                seed: Some(42),
            }
        );
    }

    #[test]
    fn prefer_header_ignores_unknown_keys_spaces_and_quotes() {
        let prefs = from_prefer_header(" return=minimal ;code = 201 , example=\"a b\"").unwrap();
        assert_eq!(prefs.code, Some(201));
        assert_eq!(prefs.example.as_deref(), Some("a b"));
        assert!(from_prefer_header("respond-async").unwrap().is_empty());
    }

    #[test]
    fn bad_codes_and_dynamic_values_are_refused() {
        for bad in ["code=40", "code=4044", "code=abc", "code=999", "code=+40"] {
            assert!(from_prefer_header(bad).is_err(), "{bad}");
        }
        assert!(from_prefer_header("dynamic=yes").is_err());
        assert!(from_query("__dynamic=1").is_err());
    }

    #[test]
    fn query_fallback_reads_double_underscore_keys_only() {
        let prefs = from_query("limit=3&code=500&__code=404&__example=x%20y&__seed=abc").unwrap();
        assert_eq!(prefs.code, Some(404));
        assert_eq!(prefs.example.as_deref(), Some("x y"));
        assert_eq!(prefs.seed, Some(parse_seed("abc")));
        assert!(from_query("limit=3").unwrap().is_empty());
    }
}
