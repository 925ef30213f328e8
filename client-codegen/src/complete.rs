//! Completing progenitor's output into the module users get.
//!
//! progenitor's copy of each operation documents no responses (see `apispec::client_view`), so each
//! generated method ends in a `match` on the status that knows nothing. That `match` is replaced by a call
//! to a decoder generated here from the client view: one arm per documented status, each decoding its own
//! body into its own type. The method's return type becomes `Result<ResponseValue<S>, Error<E>>` where `S`
//! is the success body (or an enum of them when successes differ) and `E` an enum with one variant per
//! documented error status. progenitor's constructors are replaced by ones that take the API's credentials.

use std::collections::BTreeSet;

use apispec::client_view::{BodyKind, ClientOperation, ClientResponse, ClientView};
use apispec::{CredentialPlacement, Document, StatusKey};
use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};
use syn::{ImplItem, Item};

use crate::Failure;
use crate::dynamic_call::{self, CallableMethod};
use crate::names::{status_variant, type_name};

pub fn module(
    doc: &Document,
    view: &ClientView,
    mut file: syn::File,
) -> Result<TokenStream, Failure> {
    let fail = |reason: String| Failure::one(format!("{}: {reason}", doc.source));
    let type_names = generated_type_names(&file);
    let mut decoders = Vec::new();
    let mut callables = Vec::new();
    let mut found_methods = BTreeSet::new();

    // Drop progenitor's constructors; `constructors` below adds ones that take credentials.
    file.items.retain(|item| !is_constructor_impl(item));
    // reqwest's client has no `options` or `trace` shorthand: progenitor calls them anyway.
    syn::visit_mut::VisitMut::visit_file_mut(&mut MethodShorthands, &mut file);

    for item in &mut file.items {
        let Item::Impl(block) = item else { continue };
        if block.trait_.is_some() || !is_client(&block.self_ty) {
            continue;
        }
        for impl_item in &mut block.items {
            let ImplItem::Fn(method) = impl_item else {
                continue;
            };
            let name = method.sig.ident.to_string();
            let Some(op) = view.operations.iter().find(|op| op.method_name == name) else {
                continue;
            };
            let shape = ResponseShape::new(op, &type_names).map_err(fail)?;
            let method_ident = &method.sig.ident;
            let (success_ty, error_ty) = (&shape.success_type, &shape.error_type);
            method.sig.output =
                syn::parse_quote!(-> Result<ResponseValue<#success_ty>, Error<#error_ty>>);
            match method.block.stmts.last_mut() {
                Some(syn::Stmt::Expr(syn::Expr::Match(_), None)) => {
                    let tail: syn::Expr =
                        syn::parse_quote!(responses::decode::#method_ident(response).await);
                    *method.block.stmts.last_mut().expect("checked above") =
                        syn::Stmt::Expr(tail, None);
                }
                _ => {
                    return Err(fail(format!(
                        "progenitor's method `{name}` does not end in a status match; this generator expects progenitor 0.15"
                    )));
                }
            }
            method.attrs.push(doc_attr(&responses_doc(op)));
            let operation = doc
                .operations
                .iter()
                .find(|o| o.id == op.operation_id)
                .expect("the view is built from these operations");
            callables.push(CallableMethod {
                operation,
                method: method.sig.ident.clone(),
                signature: method.sig.clone(),
                success_is_enum: shape.success_is_enum,
                error_type: shape.error_type.clone(),
            });
            decoders.push(shape);
            found_methods.insert(name);
        }
    }
    if let Some(missing) = view
        .operations
        .iter()
        .find(|op| !found_methods.contains(&op.method_name))
    {
        return Err(fail(format!(
            "progenitor generated no method `{}` for operation `{}`",
            missing.method_name, missing.operation_id
        )));
    }

    let name = Ident::new(&doc.module, Span::call_site());
    let module_doc = module_doc(doc);
    let items = &file.items;
    let responses = responses_module(&decoders);
    let constructors = constructors(doc).map_err(fail)?;
    let hooks = hooks(&view.operations);
    let call_operation = dynamic_call::emit(&callables, doc_has_credentials(doc)).map_err(fail)?;
    let base_url = doc.default_server_url().map(|url| {
        let doc = format!("The first server the spec names: `{url}`.");
        quote!(#[doc = #doc] pub const DEFAULT_BASE_URL: &str = #url;)
    });
    Ok(quote! {
        #[doc = #module_doc]
        #[allow(clippy::all, rustdoc::all, nonstandard_style, unused_comparisons, unused_imports, unused_variables, dead_code)]
        pub mod #name {
            #(#items)*
            #base_url
            #constructors
            #hooks
            #call_operation
            #responses
        }
    })
}

/// What one operation returns, and the code that decodes it.
struct ResponseShape {
    method: Ident,
    success_type: TokenStream,
    error_type: TokenStream,
    /// Enums to declare in `responses`.
    enums: TokenStream,
    arms: Vec<TokenStream>,
    has_catch_all: bool,
    success_is_enum: bool,
}

impl ResponseShape {
    fn new(op: &ClientOperation, type_names: &BTreeSet<String>) -> Result<ResponseShape, String> {
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
                "The documented success responses of [`Client::{}`](super::Client::{}).",
                op.method_name, op.method_name
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
            arms.push(quote!(#pattern => Err(Error::ErrorResponse(#wrapped)),));
        }
        let doc = format!(
            "The documented error responses of [`Client::{}`](super::Client::{}), one variant per status. \
             An undocumented status comes back as `Error::UnexpectedResponse`.",
            op.method_name, op.method_name
        );
        enums.extend(enum_with_variant_names(
            &doc,
            &error_ident,
            &error_variants,
            &names_of(&errors),
        ));
        let has_catch_all = op.responses.iter().any(|r| r.status == StatusKey::Default);
        Ok(ResponseShape {
            method: format_ident!("{}", op.method_name),
            success_type,
            error_type: quote!(responses::#error_ident),
            enums,
            arms,
            has_catch_all,
            success_is_enum,
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
fn body_type(
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

fn responses_module(shapes: &[ResponseShape]) -> TokenStream {
    let enums = shapes.iter().map(|s| &s.enums);
    let decoders = shapes.iter().map(|shape| {
        let ResponseShape { method, success_type, error_type, arms, has_catch_all, .. } = shape;
        let fallback = (!has_catch_all).then(|| quote!(_ => Err(Error::UnexpectedResponse(response)),));
        quote! {
            pub(crate) async fn #method(response: ::reqwest::Response) -> Result<ResponseValue<#success_type>, Error<#error_type>> {
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
            Ok(_) | Err(Error::ErrorResponse(_)) => Ok(()),
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

            /// Decodes `response` as the method named `method` would, reporting only whether that worked.
            /// For tests that check every documented example decodes; not part of the client's API.
            #[doc(hidden)]
            pub async fn __decode_by_operation(method: &str, response: ::reqwest::Response) -> Result<(), String> {
                match method {
                    #(#by_operation)*
                    _ => Err(format!("no operation `{method}`")),
                }
            }

            pub(crate) mod decode {
                use super::super::{responses, types, Error, ResponseValue};
                #(#decoders)*
            }
        }
    }
}

/// `Credentials` from the document's security schemes, and constructors that take them.
fn constructors(doc: &Document) -> Result<TokenStream, String> {
    let mut schemes = Vec::new();
    for op in &doc.operations {
        for scheme in op.security.iter().flat_map(|r| &r.schemes) {
            if !schemes
                .iter()
                .any(|s: &apispec::SecurityScheme| s.name == scheme.name)
            {
                schemes.push(scheme.clone());
            }
        }
    }
    let title = doc.title();
    if schemes.is_empty() {
        let doc = format!("A client for {title}, which documents no credentials.");
        return Ok(quote! {
            impl Client {
                #[doc = #doc]
                pub fn new(base_url: &str) -> Result<Self, crate::runtime::BuildError> {
                    Self::with_config(base_url, crate::runtime::ClientConfig::default())
                }
                /// A client with explicit timeouts, retry policy and default headers.
                pub fn with_config(base_url: &str, config: crate::runtime::ClientConfig) -> Result<Self, crate::runtime::BuildError> {
                    let parts = crate::runtime::ClientParts::new(base_url, Vec::new(), config)?;
                    Ok(Self { baseurl: parts.base_url, client: parts.http, inner: parts.state })
                }
            }
        });
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
                quote!(Credentials::#variant(secret) => Ok(crate::runtime::Credential::query(#name, secret)),),
            ),
            CredentialPlacement::Cookie(name) => (
                format!("an API key sent in cookie `{name}`"),
                quote!((crate::runtime::Secret)),
                quote!(Credentials::#variant(secret) => Ok(crate::runtime::Credential::cookie(#name, secret)),),
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
    let new_doc = format!(
        "A client for {title} at `base_url`, sending `credentials` on every request, with the default \
         timeouts and retry policy ([`ClientConfig`](crate::runtime::ClientConfig))."
    );
    Ok(quote! {
        /// Credentials for this API's security schemes. `Debug` never shows the secret.
        #[derive(Debug, Clone)]
        pub enum Credentials { #(#variants)* }

        impl Credentials {
            fn credential(&self) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
                match self { #(#arms)* }
            }

            /// One credential per security scheme of this API, every one carrying `secret` — for mock servers
            /// and tests, which check that credentials are present, not what they are.
            pub fn for_every_scheme(secret: &str) -> Vec<Credentials> {
                vec![#(#placeholders),*]
            }
        }

        impl Client {
            #[doc = #new_doc]
            pub fn new(base_url: &str, credentials: Credentials) -> Result<Self, crate::runtime::BuildError> {
                Self::with_config(base_url, &[credentials], crate::runtime::ClientConfig::default())
            }

            /// A client with several credentials (for operations that require more than one) and explicit
            /// timeouts, retry policy and default headers.
            pub fn with_config(
                base_url: &str,
                credentials: &[Credentials],
                config: crate::runtime::ClientConfig,
            ) -> Result<Self, crate::runtime::BuildError> {
                let credentials = credentials.iter().map(Credentials::credential).collect::<Result<Vec<_>, _>>()?;
                let parts = crate::runtime::ClientParts::new(base_url, credentials, config)?;
                Ok(Self { baseurl: parts.base_url, client: parts.http, inner: parts.state })
            }
        }
    })
}

fn doc_has_credentials(doc: &Document) -> bool {
    doc.operations
        .iter()
        .any(|op| op.security.iter().any(|r| !r.schemes.is_empty()))
}

/// Credentials and media types go on in `pre`; retries happen in `exec`.
fn hooks(operations: &[ClientOperation]) -> TokenStream {
    let arms = operations.iter().filter(|op| op.accept.is_some() || op.request_content_type.is_some() || op.multipart.is_some()).map(|op| {
        let name = &op.method_name;
        let accept = option_str(op.accept.as_deref());
        let content_type = option_str(op.request_content_type.as_deref());
        let form = match &op.multipart {
            Some(form) => {
                let files = form.binary_parts.iter().map(|part| {
                    let (name, content_type) = (&part.name, &part.content_type);
                    quote!(crate::runtime::FilePart { name: #name, content_type: #content_type })
                });
                quote!(Some(&[#(#files),*]))
            }
            None => quote!(None),
        };
        quote!(#name => crate::runtime::MediaTypes { accept: #accept, request_content_type: #content_type, form: #form },)
    });
    quote! {
        impl ClientHooks<crate::runtime::ClientState> for Client {
            async fn pre<E>(&self, request: &mut ::reqwest::Request, info: &OperationInfo) -> ::std::result::Result<(), Error<E>> {
                crate::runtime::prepare_request(&self.inner, request, media_types(info.operation_id));
                Ok(())
            }

            async fn exec(&self, request: ::reqwest::Request, _info: &OperationInfo) -> ::reqwest::Result<::reqwest::Response> {
                crate::runtime::execute(&self.client, &self.inner, request).await
            }
        }

        /// The media types each operation documents.
        fn media_types(operation: &str) -> crate::runtime::MediaTypes {
            match operation {
                #(#arms)*
                _ => crate::runtime::MediaTypes::default(),
            }
        }
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

fn responses_doc(op: &ClientOperation) -> String {
    let mut text = String::from("\n\nResponses:\n");
    for response in &op.responses {
        let kind = if response.success {
            "`Ok`"
        } else {
            "`Err(Error::ErrorResponse)`"
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

fn module_doc(doc: &Document) -> String {
    let description = doc
        .get("/info/description")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let first_paragraph = description.split("\n\n").next().unwrap_or("").trim();
    format!(
        "Client for {} (`{}`).\n\n{first_paragraph}",
        doc.title(),
        doc.source
            .replace('\\', "/")
            .rsplit('/')
            .next()
            .unwrap_or(&doc.source)
    )
}

/// Rewrites `client.options(url)` and `client.trace(url)`, which progenitor writes for those operations but
/// reqwest does not have, as `client.request(Method::OPTIONS, url)`.
struct MethodShorthands;

impl syn::visit_mut::VisitMut for MethodShorthands {
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        syn::visit_mut::visit_expr_method_call_mut(self, call);
        let method = match call.method.to_string().as_str() {
            "options" => quote!(OPTIONS),
            "trace" => quote!(TRACE),
            _ => return,
        };
        if call.args.len() != 1
            || !matches!(&*call.receiver, syn::Expr::Field(f) if matches!(&f.member, syn::Member::Named(n) if n == "client"))
        {
            return;
        }
        let url = &call.args[0];
        call.method = format_ident!("request");
        call.args = syn::parse_quote!(::reqwest::Method::#method, #url);
    }
}

fn doc_attr(text: &str) -> syn::Attribute {
    syn::parse_quote!(#[doc = #text])
}

fn is_client(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("Client"))
}

fn is_constructor_impl(item: &Item) -> bool {
    let Item::Impl(block) = item else {
        return false;
    };
    block.trait_.is_none()
        && is_client(&block.self_ty)
        && block
            .items
            .iter()
            .any(|i| matches!(i, ImplItem::Fn(f) if f.sig.ident == "new_with_client"))
}

/// Names of the types progenitor generated in `mod types`.
fn generated_type_names(file: &syn::File) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for item in &file.items {
        let Item::Mod(module) = item else { continue };
        if module.ident != "types" {
            continue;
        }
        for item in module.content.iter().flat_map(|(_, items)| items) {
            match item {
                Item::Struct(s) => names.insert(s.ident.to_string()),
                Item::Enum(e) => names.insert(e.ident.to_string()),
                Item::Type(t) => names.insert(t.ident.to_string()),
                _ => false,
            };
        }
    }
    names
}
