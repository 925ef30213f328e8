//! Where a security scheme's credential goes on a request: an API key in a header, query parameter or
//! cookie, or an `Authorization: <scheme> <credentials>` header. The mock server checks it there and
//! `verify` puts it there.

use crate::{ParamLocation, SecurityScheme, SecuritySchemeKind};

/// Where a request carries the credential of one security scheme.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CredentialPlacement {
    /// An API key in the header of this name (as the spec writes it).
    Header(String),
    /// An API key in the query parameter of this name.
    Query(String),
    /// An API key in the cookie of this name.
    Cookie(String),
    /// `Authorization: <scheme> <credentials>`, scheme lower-cased (`bearer`, `basic`, ...). OAuth2 and
    /// OpenID Connect schemes use `bearer`.
    Authorization {
        /// The scheme, lower-cased.
        scheme: String,
    },
}

impl SecurityScheme {
    /// Where a request carries this scheme's credential.
    pub fn placement(&self) -> CredentialPlacement {
        match &self.kind {
            SecuritySchemeKind::ApiKey { location, name } => match location {
                ParamLocation::Query => CredentialPlacement::Query(name.clone()),
                ParamLocation::Cookie => CredentialPlacement::Cookie(name.clone()),
                // `in` is `header`; a path API key does not exist in OpenAPI and is read as a header.
                ParamLocation::Header | ParamLocation::Path => {
                    CredentialPlacement::Header(name.clone())
                }
            },
            SecuritySchemeKind::Http { scheme } => CredentialPlacement::Authorization {
                scheme: scheme.to_ascii_lowercase(),
            },
            SecuritySchemeKind::OAuth2 | SecuritySchemeKind::OpenIdConnect => {
                CredentialPlacement::Authorization {
                    scheme: "bearer".into(),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scheme(kind: SecuritySchemeKind) -> SecurityScheme {
        SecurityScheme {
            name: "s".into(),
            kind,
            description: None,
        }
    }

    #[test]
    fn each_kind_of_scheme_has_its_place() {
        let api_key = |location| {
            scheme(SecuritySchemeKind::ApiKey {
                location,
                name: "X-Key".into(),
            })
            .placement()
        };
        assert_eq!(
            api_key(ParamLocation::Header),
            CredentialPlacement::Header("X-Key".into())
        );
        assert_eq!(
            api_key(ParamLocation::Query),
            CredentialPlacement::Query("X-Key".into())
        );
        assert_eq!(
            api_key(ParamLocation::Cookie),
            CredentialPlacement::Cookie("X-Key".into())
        );
        assert_eq!(
            scheme(SecuritySchemeKind::Http {
                scheme: "Basic".into()
            })
            .placement(),
            CredentialPlacement::Authorization {
                scheme: "basic".into()
            }
        );
        for kind in [
            SecuritySchemeKind::OAuth2,
            SecuritySchemeKind::OpenIdConnect,
        ] {
            assert_eq!(
                scheme(kind).placement(),
                CredentialPlacement::Authorization {
                    scheme: "bearer".into()
                }
            );
        }
    }
}
