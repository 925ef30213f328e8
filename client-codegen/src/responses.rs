//! What each operation returns: an enum of its documented error responses (one variant per status), an enum
//! of its successes where they differ in type, and a decoder that turns a response into the typed value
//! for its status (`responses::<Operation>Error::decode`).

use std::collections::BTreeSet;

use apispec::StatusKey;
use apispec::client_view::{BodyKind, ClientOperation, ClientResponse};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::names::{builder_name, operation_type_name, status_variant, type_name};

/// What one operation returns, and the code that decodes it.
pub(crate) struct ResponseShape {
    /// The operation's method name (`__decode_by_operation` dispatches on it).
    pub method: Ident,
    /// The operation's error enum, whose `decode` reads a response for the operation.
    pub error_ident: Ident,
    pub success_type: TokenStream,
    pub error_type: TokenStream,
    /// Enums to declare in `responses`, the error enum with the operation's decoder.
    enums: TokenStream,
    pub success_is_enum: bool,
    /// The type of the single success body, when there is one (for paginators).
    pub success_body: Option<String>,
}

impl ResponseShape {
    pub(crate) fn new(
        op: &ClientOperation,
        type_names: &BTreeSet<String>,
    ) -> Result<ResponseShape, String> {
        let pascal = operation_type_name(&op.method_name);
        let error_ident = format_ident!("{pascal}Error");
        let successes: Vec<&ClientResponse> = op.successes().collect();
        let errors: Vec<&ClientResponse> = op.errors().collect();
        let one_success_kind = successes.windows(2).all(|w| w[0].body == w[1].body);

        let mut enums = TokenStream::new();
        let mut arms = Vec::new();
        let success_is_enum = !successes.is_empty() && !one_success_kind;
        let success_type = if successes.is_empty() {
            arms.push((
                StatusKey::Range(2),
                quote!(200u16..=299u16 => body(response, Empty).await,),
            ));
            quote!(())
        } else if one_success_kind {
            let ty = body_type(&successes[0].body, type_names)?;
            for response in &successes {
                let pattern = status_pattern(response.status);
                let kind = body_kind(&response.body);
                arms.push((
                    response.status,
                    quote!(#pattern => body(response, #kind).await,),
                ));
            }
            ty.map(|ty| quote!(#ty)).unwrap_or(quote!(()))
        } else {
            let success_ident = format_ident!("{pascal}Success");
            let mut variants = Vec::new();
            for response in &successes {
                let variant = format_ident!("{}", status_variant(response.status));
                variants.push(variant_decl(response, &variant, type_names)?);
                let (pattern, kind) = (status_pattern(response.status), body_kind(&response.body));
                let make = variant_maker(&response.body, quote!(#success_ident::#variant));
                arms.push((
                    response.status,
                    quote!(#pattern => success(response, #kind, #make).await,),
                ));
            }
            let doc = format!(
                "The documented success responses of [`{builder}::send`](super::builder::{builder}::send).",
                builder = builder_name(&op.method_name)
            );
            enums.extend(enum_with_variant_names(
                &doc,
                &success_ident,
                &variants,
                &names_of(&successes),
                TokenStream::new(),
            ));
            quote!(responses::#success_ident)
        };

        let mut error_variants = Vec::new();
        for response in &errors {
            let variant = format_ident!("{}", status_variant(response.status));
            error_variants.push(variant_decl(response, &variant, type_names)?);
            let (pattern, kind) = (status_pattern(response.status), body_kind(&response.body));
            let make = variant_maker(&response.body, quote!(Self::#variant));
            arms.push((
                response.status,
                quote!(#pattern => error(response, #kind, #make).await,),
            ));
        }
        // Exact codes, then ranges, then `default` (`_`): a `default` success must not take the documented
        // error statuses (an operation documenting only errors and `default`).
        arms.sort_by_key(|(status, _)| *status);
        let arms = arms.into_iter().map(|(_, arm)| arm);
        let has_catch_all = op.responses.iter().any(|r| r.status == StatusKey::Default);
        let fallback = (!has_catch_all).then(|| quote!(_ => Err(undocumented(response).await),));
        let decode = quote! {
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(response: ::reqwest::Response) -> Result<Response<#success_type>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    #(#arms)*
                    #fallback
                }
            }
        };
        let doc = format!(
            "The documented error responses of [`{builder}::send`](super::builder::{builder}::send), one \
             variant per status. An undocumented status comes back as [`Error::Undocumented`].",
            builder = builder_name(&op.method_name)
        );
        enums.extend(enum_with_variant_names(
            &doc,
            &error_ident,
            &error_variants,
            &names_of(&errors),
            decode,
        ));
        let success_body = match successes.first().map(|r| &r.body) {
            Some(BodyKind::Json(schema)) if one_success_kind => Some(type_name(schema)),
            _ => None,
        };
        Ok(ResponseShape {
            method: format_ident!("{}", op.method_name),
            error_ident: error_ident.clone(),
            success_type,
            error_type: quote!(responses::#error_ident),
            enums,
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

/// A response enum: serializes as its variant's body (`null` for none), and names its variant; `methods`
/// go in its `impl` too.
fn enum_with_variant_names(
    doc: &str,
    ident: &Ident,
    variants: &[TokenStream],
    names: &[(Ident, bool)],
    methods: TokenStream,
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

            #methods
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

/// What makes the enum value from the decoded body: the tuple variant itself, or for a variant without a
/// body a closure taking `()`.
fn variant_maker(body: &BodyKind, variant: TokenStream) -> TokenStream {
    match body {
        BodyKind::Empty => quote!(|()| #variant),
        _ => variant,
    }
}

/// How the runtime reads a body of this kind (`crate::runtime::decode::Json`, ...).
fn body_kind(body: &BodyKind) -> TokenStream {
    match body {
        BodyKind::Empty => quote!(Empty),
        BodyKind::Text => quote!(Text),
        BodyKind::Binary => quote!(Binary),
        BodyKind::Json(_) | BodyKind::AnyJson => quote!(Json),
    }
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

pub(crate) fn responses_module(shapes: &[ResponseShape]) -> TokenStream {
    let enums = shapes.iter().map(|s| &s.enums);
    let by_operation = shapes.iter().map(|shape| {
        let (name, error_ident) = (shape.method.to_string(), &shape.error_ident);
        quote!(#name => match #error_ident::decode(response).await {
            Ok(_) | Err(Error::Documented(_)) => Ok(()),
            Err(other) => Err(other.to_string()),
        },)
    });
    quote! {
        /// Typed outcomes of each operation: an enum of documented error responses per operation, and of
        /// success responses where an operation documents several with different bodies.
        pub mod responses {
            #[allow(unused_imports)]
            use super::{responses, types, Error, Response};
            #[allow(unused_imports)]
            use crate::runtime::decode::{body, error, success, undocumented, Binary, Empty, Json, Text};
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

        }
    }
}

pub(crate) fn responses_doc(op: &ClientOperation) -> String {
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
