//! `Credentials`: one variant per security scheme the document's operations use, named after the scheme
//! and passed the same way in every module (`Client::builder(url).credentials(Credentials::BearerAuth(..))`),
//! and how each is put on a request (from `apispec`'s credential placement).

use apispec::{CredentialPlacement, Document, SecurityScheme};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::type_name;

/// The schemes the document's operations use, each once, in the order first used.
pub(crate) fn schemes(doc: &Document) -> Vec<SecurityScheme> {
    let mut schemes: Vec<SecurityScheme> = Vec::new();
    for op in &doc.operations {
        for scheme in op.security.iter().flat_map(|r| &r.schemes) {
            if !schemes.iter().any(|s| s.name == scheme.name) {
                schemes.push(scheme.clone());
            }
        }
    }
    schemes
}

/// `enum Credentials` and what the runtime's client builder needs of the module.
pub(crate) fn credentials(doc: &Document) -> TokenStream {
    let schemes = schemes(doc);
    let from_parts = quote! {
        impl crate::runtime::GeneratedClient for Client {
            type Credentials = Credentials;
            fn from_parts(parts: crate::runtime::ClientParts) -> Self {
                Self { baseurl: parts.base_url, client: parts.http, inner: parts.state }
            }
        }
    };
    if schemes.is_empty() {
        return quote! {
            /// This API documents no credentials, so there are none to pass.
            #[derive(Debug, Clone)]
            pub enum Credentials {}

            impl crate::runtime::SchemeCredentials for Credentials {
                fn credential(&self) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
                    match *self {}
                }
            }

            #[cfg(feature = "dynamic-call")]
            impl Credentials {
                #[doc(hidden)]
                pub fn for_every_scheme(_secret: &str) -> Vec<Credentials> {
                    Vec::new()
                }
            }

            #from_parts
        };
    }
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    let mut placeholders = Vec::new();
    for scheme in &schemes {
        let variant = format_ident!("{}", type_name(&scheme.name));
        let (how, field, arm) = match scheme.placement() {
            CredentialPlacement::Header(name) => (
                format!("an API key sent in header `{name}`"),
                quote!((crate::runtime::Secret)),
                quote!(Credentials::#variant(secret) => crate::runtime::Credential::header(#name, secret),),
            ),
            CredentialPlacement::Query(name) => (
                format!("an API key sent in query `{name}`"),
                quote!((crate::runtime::Secret)),
                quote!(Credentials::#variant(secret) => crate::runtime::Credential::query(#name, secret),),
            ),
            CredentialPlacement::Cookie(name) => (
                format!("an API key sent in cookie `{name}`"),
                quote!((crate::runtime::Secret)),
                quote!(Credentials::#variant(secret) => crate::runtime::Credential::cookie(#name, secret),),
            ),
            CredentialPlacement::Authorization { scheme } if scheme == "basic" => (
                "HTTP basic authentication".to_string(),
                quote!({ username: ::std::string::String, password: crate::runtime::Secret }),
                quote!(Credentials::#variant { username, password } => crate::runtime::Credential::basic(username, password),),
            ),
            CredentialPlacement::Authorization { scheme } => (
                format!(
                    "a token sent as `Authorization: {} <token>`",
                    if scheme == "bearer" {
                        "Bearer"
                    } else {
                        scheme.as_str()
                    }
                ),
                quote!((crate::runtime::Secret)),
                quote!(Credentials::#variant(secret) => crate::runtime::Credential::bearer(secret),),
            ),
        };
        let mut text = format!("`{}`: {how}.", scheme.name);
        if let Some(description) = &scheme.description {
            text.push_str("\n\n");
            text.push_str(description.trim());
        }
        variants.push(quote!(#[doc = #text] #variant #field,));
        arms.push(arm);
        placeholders.push(match scheme.placement() {
            CredentialPlacement::Authorization { scheme } if scheme == "basic" => {
                quote!(Credentials::#variant { username: "user".into(), password: secret.into() })
            }
            _ => quote!(Credentials::#variant(secret.into())),
        });
    }
    quote! {
        /// Credentials for this API, one variant per security scheme, passed to
        /// [`ClientBuilder::credentials`](crate::runtime::ClientBuilder::credentials). `Debug` never shows
        /// the secret.
        #[derive(Debug, Clone)]
        pub enum Credentials { #(#variants)* }

        impl crate::runtime::SchemeCredentials for Credentials {
            fn credential(&self) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
                match self { #(#arms)* }
            }
        }

        #[cfg(feature = "dynamic-call")]
        impl Credentials {
            /// One credential per security scheme, every one carrying `secret`: for mock servers and tests,
            /// which check that credentials are present, not what they are.
            #[doc(hidden)]
            pub fn for_every_scheme(secret: &str) -> Vec<Credentials> {
                vec![#(#placeholders),*]
            }
        }

        #from_parts
    }
}
