//! The request builder of each operation: `client.list_backups()` returns `builder::ListBackups`, with a
//! setter per parameter (taking anything that converts to its type), `customize` for per-call options,
//! `send()`, and `items()` for a paged list. `send()` checks required parameters and conversions before
//! anything is sent, builds the request with progenitor's code, sends it through the runtime (credentials,
//! media types, retries, tracing) and decodes it with the operation's decoder.

use apispec::Operation;
use apispec::client_view::ClientOperation;
use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::argument_name;
use crate::pagination::Paginator;
use crate::progenitor_output::ProgenitorMethod;
use crate::responses::ResponseShape;

/// One parameter of a request builder.
pub struct Field {
    /// The setter's (and the field's) name: progenitor's name for the parameter (`x_project_id`, `type_`).
    pub setter: syn::Ident,
    /// The parameter's name in the spec (`X-Project-ID`), or `body`.
    pub spec_name: String,
    /// The type the setter converts to.
    pub ty: TokenStream,
    pub required: bool,
    /// How progenitor's request code takes the value.
    pass: Pass,
    doc: String,
    /// A raw body (`reqwest::Body`), which cannot be cloned.
    pub raw_body: bool,
}

/// How a value is handed to progenitor's request code.
enum Pass {
    /// `&value` (for `&T` and `&str`)
    Borrowed,
    /// `value.as_deref()` (for `Option<&str>`)
    AsDeref,
    /// `value.as_ref()` (for `Option<&T>`)
    AsRef,
    /// `value`
    Owned,
}

impl Pass {
    fn expression(&self, value: TokenStream) -> TokenStream {
        match self {
            Pass::Borrowed => quote!(&#value),
            Pass::AsDeref => quote!(#value.as_deref()),
            Pass::AsRef => quote!(#value.as_ref()),
            Pass::Owned => value,
        }
    }
}

/// The builder's fields, from the parameters of progenitor's method and the spec's parameters.
pub fn fields(method: &ProgenitorMethod, operation: &Operation) -> Result<Vec<Field>, String> {
    let mut fields = Vec::new();
    for (name, ty) in &method.parameters {
        let rust_name = name.to_string();
        let (spec_name, doc) = if rust_name == "body" {
            let media = operation
                .request_body
                .as_ref()
                .and_then(|body| body.contents.first())
                .map(|content| format!(" (`{}`)", content.media_type))
                .unwrap_or_default();
            ("body".to_string(), format!("The request body{media}."))
        } else {
            let parameter = operation
                .parameters
                .iter()
                .find(|p| argument_name(&p.name) == rust_name);
            match parameter {
                Some(p) => (
                    p.name.clone(),
                    format!(
                        "`{}` ({}{}): {}",
                        p.name,
                        p.location.as_str(),
                        if p.required { ", required" } else { "" },
                        p.description.as_deref().unwrap_or("").trim()
                    ),
                ),
                // A path parameter the spec forgot to declare is still a parameter.
                None => {
                    let template = apispec::path_template::PathTemplate::parse(&operation.path);
                    let spec_name = template
                        .parameter_names()
                        .find(|name| argument_name(name) == rust_name)
                        .ok_or_else(|| {
                            format!(
                                "parameter `{rust_name}` of `{}` matches no parameter of the spec",
                                method.name
                            )
                        })?;
                    (
                        spec_name.to_string(),
                        format!("`{spec_name}` (path, required)"),
                    )
                }
            }
        };
        let (field_ty, pass, required, raw_body) = if method.is_generic(ty) {
            (quote!(::reqwest::Body), Pass::Owned, true, true)
        } else {
            let (field_ty, pass, required) = field_type(ty);
            (field_ty, pass, required, false)
        };
        fields.push(Field {
            setter: name.clone(),
            spec_name,
            ty: field_ty,
            required,
            pass,
            doc: doc.trim().to_string(),
            raw_body,
        });
    }
    Ok(fields)
}

/// The owned type of a parameter, how to pass it back, and whether it is required.
fn field_type(ty: &syn::Type) -> (TokenStream, Pass, bool) {
    if let syn::Type::Reference(reference) = ty {
        let inner = &reference.elem;
        if is_str(inner) {
            return (quote!(::std::string::String), Pass::Borrowed, true);
        }
        return (quote!(#inner), Pass::Borrowed, true);
    }
    if let Some(inner) = option_inner(ty) {
        if let syn::Type::Reference(reference) = inner {
            let elem = &reference.elem;
            if is_str(elem) {
                return (quote!(::std::string::String), Pass::AsDeref, false);
            }
            return (quote!(#elem), Pass::AsRef, false);
        }
        return (quote!(#inner), Pass::Owned, false);
    }
    (quote!(#ty), Pass::Owned, true)
}

fn is_str(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("str"))
}

fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    })
}

/// The name of the builder of an operation (`ListBackups`).
pub fn builder_ident(op: &ClientOperation) -> syn::Ident {
    format_ident!("{}", op.method_name.to_upper_camel_case())
}

/// The name of the `Client` method that builds an operation's request from progenitor's code.
pub fn request_fn_ident(op: &ClientOperation) -> syn::Ident {
    format_ident!("request_{}", op.method_name)
}

/// What one operation adds to the module.
pub struct OperationCode {
    /// In `impl Client`: the method that returns the builder, and the one that builds the request.
    pub client_methods: TokenStream,
    /// In `mod builder`.
    pub builder: TokenStream,
}

pub fn operation_code(
    op: &ClientOperation,
    operation: &Operation,
    method: &ProgenitorMethod,
    fields: &[Field],
    shape: &ResponseShape,
    paginator: Option<&Paginator>,
) -> OperationCode {
    let entry = format_ident!("{}", op.method_name);
    let builder = builder_ident(op);
    let request_fn = request_fn_ident(op);
    let (success_ty, error_ty) = (&shape.success_type, &shape.error_type);
    let decoder = &shape.method;
    let wire = format!("`{} {}`", op.method.as_str(), op.path);

    let mut entry_doc = String::new();
    if let Some(summary) = &operation.summary {
        entry_doc.push_str(summary.trim());
        entry_doc.push_str("\n\n");
    }
    if let Some(description) = &operation.description {
        entry_doc.push_str(description.trim());
        entry_doc.push_str("\n\n");
    }
    entry_doc.push_str(&format!(
        "{wire}: set the parameters on the returned [`builder::{builder}`], then \
         [`send`](builder::{builder}::send) it."
    ));
    let request_fn_code = method.request_fn(&request_fn, error_ty);
    let client_methods = quote! {
        #[doc = #entry_doc]
        pub fn #entry(&self) -> builder::#builder<'_> {
            builder::#builder::new(self)
        }
        #request_fn_code
    };

    let names: Vec<&syn::Ident> = fields.iter().map(|f| &f.setter).collect();
    let types = fields.iter().map(|f| &f.ty);
    let setters = fields.iter().map(|field| {
        let Field {
            setter, ty, doc, ..
        } = field;
        quote! {
            #[doc = #doc]
            pub fn #setter(mut self, value: impl TryInto<#ty, Error: ::std::fmt::Display>) -> Self {
                self.#setter = crate::runtime::Param::new(value);
                self
            }
        }
    });
    let arguments = fields.iter().map(|field| {
        let setter = &field.setter;
        let name = setter.to_string();
        let value = if field.required {
            quote!(self.#setter.required(#name)?)
        } else {
            quote!(self.#setter.optional(#name)?)
        };
        field.pass.expression(value)
    });
    let required: Vec<String> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| format!("`{}`", f.setter))
        .collect();
    let struct_doc = format!(
        "Builds and sends [`Client::{entry}`](super::Client::{entry}): {wire}. Required: {}.",
        if required.is_empty() {
            "nothing".to_string()
        } else {
            required.join(", ")
        }
    );
    let send_doc = format!(
        "Sends the request ({wire}), after checking that every required parameter is set and every value \
         converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.\n{}",
        crate::responses::responses_doc(op)
    );
    let operation_id = &op.operation_id;
    let accept = option_str(op.accept.as_deref());
    let content_type = option_str(op.request_content_type.as_deref());
    let clone = (!fields.iter().any(|f| f.raw_body)).then(|| quote!(Clone,));
    let items = paginator.map(|p| p.items_method(error_ty));
    let builder_code = quote! {
        #[doc = #struct_doc]
        #[derive(Debug, #clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct #builder<'a> {
            client: &'a super::Client,
            call: crate::runtime::CallOptions,
            #(#names: crate::runtime::Param<#types>,)*
        }

        impl<'a> #builder<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self { client, call: Default::default(), #(#names: Default::default(),)* }
            }

            #(#setters)*

            /// Per-call options for this call: headers, timeout, retry policy, a change to the request
            /// ([`CallOptions`](crate::runtime::CallOptions)).
            pub fn customize(mut self, options: impl FnOnce(crate::runtime::CallOptions) -> crate::runtime::CallOptions) -> Self {
                self.call = options(self.call);
                self
            }

            #[doc = #send_doc]
            pub async fn send(self) -> Result<Response<#success_ty>, Error<#error_ty>> {
                let request = self.client.#request_fn(#(#arguments),*)?;
                let operation = crate::runtime::Operation { id: #operation_id, accept: #accept, content_type: #content_type };
                let response = crate::runtime::send(&self.client.inner, request, &operation, self.call).await?;
                responses::decode::#decoder(response).await
            }

            #items
        }
    };
    OperationCode {
        client_methods,
        builder: builder_code,
    }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}
