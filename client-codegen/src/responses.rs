//! What each operation returns: an enum of its documented error responses (one variant per status), an enum
//! of its successes where they differ in type, and a decoder that turns a response into the typed value
//! for its status (`responses::decode::<operation>`).

use std::collections::BTreeSet;

use apispec::StatusKey;
use apispec::client_view::{BodyKind, ClientOperation, ClientResponse};
use heck::ToUpperCamelCase;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::names::{status_variant, type_name};

/// What one operation returns, and the code that decodes it.
pub struct ResponseShape {
    /// The decoder's name: the operation's method name.
    pub method: Ident,
    pub success_type: TokenStream,
    pub error_type: TokenStream,
    /// Enums to declare in `responses`.
    enums: TokenStream,
    arms: Vec<TokenStream>,
    has_catch_all: bool,
    pub success_is_enum: bool,
    /// The type of the single success body, when there is one (for paginators).
    pub success_body: Option<String>,
}

impl ResponseShape {
    pub fn new(
        op: &ClientOperation,
        type_names: &BTreeSet<String>,
    ) -> Result<ResponseShape, String> {
        let pascal = op.method_name.to_upper_camel_case();
        let error_ident = format_ident!("{pascal}Error");
        let successes: Vec<&ClientResponse> = op.successes().collect();
        let errors: Vec<&ClientResponse> = op.errors().collect();
        let error_path = quote!(responses::#error_ident);
        let one_success_kind = successes.windows(2).all(|w| w[0].body == w[1].body);

        let mut enums = TokenStream::new();
        let mut arms = Vec::new();
        let success_is_enum = !successes.is_empty() && !one_success_kind;
        let success_type = if successes.is_empty() {
            arms.push(quote!(200u16..=299u16 => Ok(crate::runtime::decode::empty(response)),));
            quote!(())
        } else if one_success_kind {
            let ty = body_type(&successes[0].body, type_names)?;
            for response in &successes {
                let pattern = status_pattern(response.status);
                let decode = decode_expr(&response.body, &error_path, type_names)?;
                arms.push(quote!(#pattern => #decode,));
            }
            ty.map(|ty| quote!(#ty)).unwrap_or(quote!(()))
        } else {
            let success_ident = format_ident!("{pascal}Success");
            let mut variants = Vec::new();
            for response in &successes {
                let variant = format_ident!("{}", status_variant(response.status));
                variants.push(variant_decl(response, &variant, type_names)?);
                let wrapped = wrapped_expr(
                    response,
                    &quote!(responses::#success_ident::#variant),
                    &error_path,
                    type_names,
                )?;
                let pattern = status_pattern(response.status);
                arms.push(quote!(#pattern => Ok(#wrapped),));
            }
            let doc = format!(
                "The documented success responses of [`{builder}::send`](super::builder::{builder}::send).",
                builder = pascal
            );
            enums.extend(enum_with_variant_names(
                &doc,
                &success_ident,
                &variants,
                &names_of(&successes),
            ));
            quote!(responses::#success_ident)
        };

        let mut error_variants = Vec::new();
        for response in &errors {
            let variant = format_ident!("{}", status_variant(response.status));
            error_variants.push(variant_decl(response, &variant, type_names)?);
            let wrapped = wrapped_expr(
                response,
                &quote!(responses::#error_ident::#variant),
                &error_path,
                type_names,
            )?;
            let pattern = status_pattern(response.status);
            arms.push(quote!(#pattern => Err(#wrapped.into()),));
        }
        let doc = format!(
            "The documented error responses of [`{builder}::send`](super::builder::{builder}::send), one \
             variant per status. An undocumented status comes back as [`Error::Undocumented`].",
            builder = pascal
        );
        enums.extend(enum_with_variant_names(
            &doc,
            &error_ident,
            &error_variants,
            &names_of(&errors),
        ));
        let has_catch_all = op.responses.iter().any(|r| r.status == StatusKey::Default);
        let success_body = match successes.first().map(|r| &r.body) {
            Some(BodyKind::Json(schema)) if one_success_kind => Some(type_name(schema)),
            _ => None,
        };
        Ok(ResponseShape {
            method: format_ident!("{}", op.method_name),
            success_type,
            error_type: quote!(responses::#error_ident),
            enums,
            arms,
            has_catch_all,
            success_is_enum,
            success_body,
        })
    }
}

fn names_of(responses: &[&ClientResponse]) -> Vec<(Ident, bool)> {
    responses
        .iter()
        .map(|r| {
            (
                format_ident!("{}", status_variant(r.status)),
                r.body != BodyKind::Empty,
            )
        })
        .collect()
}

/// A response enum: serializes as its variant's body (`null` for none), and names its variant.
fn enum_with_variant_names(
    doc: &str,
    ident: &Ident,
    variants: &[TokenStream],
    names: &[(Ident, bool)],
) -> TokenStream {
    let arms = names.iter().map(|(variant, has_body)| {
        let text = variant.to_string();
        if *has_body {
            quote!(Self::#variant(..) => #text,)
        } else {
            quote!(Self::#variant => #text,)
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum #ident { #(#variants)* }

        impl #ident {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self { #(#arms)* }
            }
        }
    }
}

/// The Rust type of a body, `None` for no body.
pub(crate) fn body_type(
    body: &BodyKind,
    type_names: &BTreeSet<String>,
) -> Result<Option<TokenStream>, String> {
    Ok(match body {
        BodyKind::Empty => None,
        BodyKind::Json(schema) => {
            let name = type_name(schema);
            if !type_names.contains(&name) {
                return Err(format!(
                    "no type `{name}` was generated for schema `{schema}`; rename the schema to a plain PascalCase name"
                ));
            }
            let ident = format_ident!("{}", name);
            Some(quote!(types::#ident))
        }
        BodyKind::AnyJson => Some(quote!(::serde_json::Value)),
        BodyKind::Text => Some(quote!(::std::string::String)),
        BodyKind::Binary => Some(quote!(::std::vec::Vec<u8>)),
    })
}

/// Decodes the body as the arm's whole result (single success kind).
fn decode_expr(
    body: &BodyKind,
    error: &TokenStream,
    type_names: &BTreeSet<String>,
) -> Result<TokenStream, String> {
    Ok(match body {
        BodyKind::Empty => quote!(Ok(crate::runtime::decode::empty(response))),
        BodyKind::Text => quote!(crate::runtime::decode::text::<#error>(response).await),
        BodyKind::Binary => quote!(crate::runtime::decode::binary::<#error>(response).await),
        BodyKind::Json(_) | BodyKind::AnyJson => {
            let ty = body_type(body, type_names)?;
            quote!(crate::runtime::decode::json::<#ty, #error>(response).await)
        }
    })
}

/// Decodes the body and wraps it in `variant`, keeping status and headers.
fn wrapped_expr(
    response: &ClientResponse,
    variant: &TokenStream,
    error: &TokenStream,
    type_names: &BTreeSet<String>,
) -> Result<TokenStream, String> {
    Ok(match &response.body {
        BodyKind::Empty => {
            quote!(crate::runtime::decode::variant(crate::runtime::decode::empty(response), |()| #variant))
        }
        body => {
            let decoded = decode_expr(body, error, type_names)?;
            quote!(crate::runtime::decode::variant(#decoded?, #variant))
        }
    })
}

fn variant_decl(
    response: &ClientResponse,
    variant: &Ident,
    type_names: &BTreeSet<String>,
) -> Result<TokenStream, String> {
    let body = body_type(&response.body, type_names)?
        .map(|ty| ty.to_string().replace(' ', ""))
        .unwrap_or_else(|| "no body".into());
    let doc = format!(
        "`{}`: {} ({body})",
        response.status,
        response.description.trim()
    );
    let field = body_type(&response.body, type_names)?.map(|ty| quote!((#ty)));
    Ok(quote!(#[doc = #doc] #variant #field,))
}

fn status_pattern(status: StatusKey) -> TokenStream {
    match status {
        StatusKey::Code(code) => quote!(#code),
        StatusKey::Range(digit) => {
            let (low, high) = (u16::from(digit) * 100, u16::from(digit) * 100 + 99);
            quote!(#low..=#high)
        }
        StatusKey::Default => quote!(_),
    }
}

pub fn responses_module(shapes: &[ResponseShape]) -> TokenStream {
    let enums = shapes.iter().map(|s| &s.enums);
    let decoders = shapes.iter().map(|shape| {
        let ResponseShape { method, success_type, error_type, arms, has_catch_all, .. } = shape;
        let fallback = (!has_catch_all).then(|| quote!(_ => Err(crate::runtime::decode::undocumented(response).await),));
        quote! {
            pub(crate) async fn #method(response: ::reqwest::Response) -> Result<Response<#success_type>, Error<#error_type>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    #(#arms)*
                    #fallback
                }
            }
        }
    });
    let by_operation = shapes.iter().map(|shape| {
        let method = &shape.method;
        let name = method.to_string();
        quote!(#name => match decode::#method(response).await {
            Ok(_) | Err(Error::Documented(_)) => Ok(()),
            Err(other) => Err(other.to_string()),
        },)
    });
    quote! {
        /// Typed outcomes of each operation: an enum of documented error responses per operation, and of
        /// success responses where an operation documents several with different bodies.
        pub mod responses {
            use super::types;
            use super::Error;
            #(#enums)*

            /// Decodes `response` as the operation whose method is named `method` would, reporting only
            /// whether that worked: for tests that check every documented example decodes.
            #[cfg(feature = "dynamic-call")]
            #[doc(hidden)]
            pub async fn __decode_by_operation(method: &str, response: ::reqwest::Response) -> Result<(), String> {
                match method {
                    #(#by_operation)*
                    _ => Err(format!("no operation `{method}`")),
                }
            }

            pub(crate) mod decode {
                use super::super::{responses, types, Error, Response};
                #(#decoders)*
            }
        }
    }
}

pub fn responses_doc(op: &ClientOperation) -> String {
    let mut text = String::from("\n\nResponses:\n");
    for response in &op.responses {
        let kind = if response.success {
            "`Ok`"
        } else {
            "`Err(Error::Documented)`"
        };
        let variant = status_variant(response.status);
        text.push_str(&format!(
            "- `{}` {}: {kind} ({variant})\n",
            response.status,
            response.description.trim()
        ));
    }
    text
}
