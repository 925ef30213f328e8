//! The request builder of each operation: `client.list_backups()` returns `builder::ListBackups`, with a
//! setter per parameter (taking anything that converts to its type), `customize` for per-call options,
//! `send()`, and `items()` for a paged list. `send()` checks required parameters and conversions before
//! anything is sent, builds the request with progenitor's code, sends it through the runtime (credentials,
//! media types, retries, tracing) and decodes it with the operation's decoder.

use std::collections::BTreeMap;

use apispec::Operation;
use apispec::client_view::ClientOperation;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::{argument_name, builder_name};
use crate::pagination::Paginator;
use crate::progenitor_output::ProgenitorMethod;
use crate::responses::ResponseShape;

/// Methods every request builder has, which no setter may take.
const BUILDER_METHODS: &[&str] = &["new", "customize", "send", "items"];

/// One parameter of a request builder.
pub(crate) struct Field {
    /// The field's name, and the local's in `send()` that progenitor's request code reads: progenitor's
    /// name for the parameter (`x_project_id`, `type_`).
    pub name: syn::Ident,
    /// The setter's name: the field's, or `set_<name>` where that is one of the builder's own methods.
    pub setter: syn::Ident,
    /// The parameter's name in the spec (`X-Project-ID`), or `body`.
    pub spec_name: String,
    /// The type the setter converts to.
    pub ty: TokenStream,
    pub required: bool,
    doc: String,
    /// A raw body (`reqwest::Body`), which cannot be cloned.
    pub raw_body: bool,
}

/// The builder's fields, from the parameters of progenitor's method and the spec's parameters. A parameter
/// the client view renamed (`Limit_2`, see `ClientOperation::renamed_parameters`) is the spec's parameter
/// of its wire name.
pub(crate) fn fields(
    method: &ProgenitorMethod,
    operation: &Operation,
    renamed_parameters: &BTreeMap<String, String>,
) -> Result<Vec<Field>, String> {
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
            let parameter = match renamed_parameters
                .iter()
                .find(|(renamed, _)| argument_name(renamed) == rust_name)
            {
                Some((_, wire)) => operation.parameters.iter().find(|p| p.name == *wire),
                None => operation
                    .parameters
                    .iter()
                    .find(|p| argument_name(&p.name) == rust_name),
            };
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
        let (field_ty, required, raw_body) = if method.is_generic(ty) {
            (quote!(::reqwest::Body), true, true)
        } else {
            let (field_ty, required) = field_type(ty);
            (field_ty, required, false)
        };
        let setter = if BUILDER_METHODS.contains(&rust_name.as_str()) {
            format_ident!("set_{rust_name}")
        } else {
            name.clone()
        };
        fields.push(Field {
            name: name.clone(),
            setter,
            spec_name,
            ty: field_ty,
            required,
            doc: doc.trim().to_string(),
            raw_body,
        });
    }
    Ok(fields)
}

/// The owned type of a parameter, and whether it is required.
fn field_type(ty: &syn::Type) -> (TokenStream, bool) {
    let (ty, required) = match option_inner(ty) {
        Some(inner) => (inner, false),
        None => (ty, true),
    };
    let owned = match ty {
        syn::Type::Reference(reference) if is_str(&reference.elem) => {
            quote!(::std::string::String)
        }
        syn::Type::Reference(reference) => {
            let elem = &reference.elem;
            quote!(#elem)
        }
        other => quote!(#other),
    };
    (owned, required)
}

/// `u32` for `::std::num::NonZeroU32` (and the other widths).
fn non_zero_integer(ty: &TokenStream) -> Option<TokenStream> {
    let text = ty.to_string();
    let width = text.strip_prefix(":: std :: num :: NonZeroU")?;
    let integer = format_ident!("u{width}");
    Some(quote!(#integer))
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
pub(crate) fn builder_ident(op: &ClientOperation) -> syn::Ident {
    format_ident!("{}", builder_name(&op.method_name))
}

/// What one operation adds to the module.
pub(crate) struct OperationCode {
    /// In `impl Client`: the method that returns the builder.
    pub client_method: TokenStream,
    /// In `mod builder`.
    pub builder: TokenStream,
}

pub(crate) fn operation_code(
    op: &ClientOperation,
    operation: &Operation,
    method: &ProgenitorMethod,
    fields: &[Field],
    shape: &ResponseShape,
    paginator: Option<&Paginator>,
) -> OperationCode {
    let entry = format_ident!("{}", op.method_name);
    let builder = builder_ident(op);
    let (success_ty, error_ty) = (&shape.success_type, &shape.error_type);
    let decoder = &shape.error_ident;
    let wire = format!("`{} {}`", op.method.as_str(), op.path);

    let mut entry_doc = String::new();
    for text in [&operation.summary, &operation.description]
        .into_iter()
        .flatten()
    {
        entry_doc.push_str(text.trim());
        entry_doc.push_str("\n\n");
    }
    entry_doc.push_str(&format!(
        "{wire}: set the parameters on the returned [`builder::{builder}`], then \
         [`send`](builder::{builder}::send) it."
    ));
    let client_method = quote! {
        #[doc = #entry_doc]
        pub fn #entry(&self) -> builder::#builder<'_> {
            builder::#builder::new(self)
        }
    };

    let names: Vec<&syn::Ident> = fields.iter().map(|f| &f.name).collect();
    let types = fields.iter().map(|f| &f.ty);
    let setters = fields.iter().map(|field| {
        let Field {
            name,
            setter,
            ty,
            doc,
            ..
        } = field;
        // A non-zero integer is set from its integer (`.limit(10)`), zero refused by `send()`.
        match non_zero_integer(ty) {
            Some(integer) => quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: impl IntoParam<#integer>) -> Self {
                    self.#name = Param::via::<#integer, _>(value);
                    self
                }
            },
            None => quote! {
                #[doc = #doc]
                pub fn #setter(mut self, value: impl IntoParam<#ty>) -> Self {
                    self.#name = Param::new(value);
                    self
                }
            },
        }
    });
    let locals = fields.iter().map(|field| {
        let (name, setter) = (&field.name, field.setter.to_string());
        if field.required {
            quote!(let #name = self.#name.required(#setter)?;)
        } else {
            quote!(let #name = self.#name.optional(#setter)?;)
        }
    });
    // progenitor's code names the client `self`; here it is a field and a local that no parameter may
    // shadow, as the call options' field.
    let client = name_apart("client", &names);
    let call = name_apart("call", &names);
    let statements = method.statements_in_builder(&client, op);
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
    let form = op.multipart.as_ref().map(|form| {
        let files = form.binary_parts.iter().map(|part| {
            let (name, content_type) = (&part.name, &part.content_type);
            quote!(crate::runtime::FilePart { name: #name, content_type: #content_type })
        });
        quote!(&[#(#files),*])
    });
    let operation = match (
        op.accept.as_deref(),
        op.request_content_type.as_deref(),
        form,
    ) {
        (Some("application/json"), None, None) => quote!(Operation::json(#operation_id)),
        (accept, content_type, form) => {
            let (accept, content_type) = (option_str(accept), option_str(content_type));
            let form = form.map_or_else(|| quote!(None), |files| quote!(Some(#files)));
            quote!(Operation(#operation_id, #accept, #content_type, #form))
        }
    };
    let clone = (!fields.iter().any(|f| f.raw_body)).then(|| quote!(Clone,));
    let items = paginator.map(|p| p.items_method(error_ty));
    let builder_code = quote! {
        #[doc = #struct_doc]
        #[derive(Debug, #clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct #builder<'a> {
            #client: &'a super::Client,
            #call: CallOptions,
            #(#names: Param<#types>,)*
        }

        impl<'a> #builder<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self { #client: client, #call: Default::default(), #(#names: Default::default(),)* }
            }

            #(#setters)*

            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.#call = f(self.#call);
                self
            }

            #[doc = #send_doc]
            pub async fn send(self) -> Result<Response<#success_ty>, Error<#error_ty>> {
                let #client = self.#client;
                #(#locals)*
                #(#statements)*
                let operation = #operation;
                let response = #client.inner.send(request, &operation, self.#call).await?;
                responses::#decoder::decode(response).await
            }

            #items
        }
    };
    OperationCode {
        client_method,
        builder: builder_code,
    }
}

/// `base`, or `base2`, `base3`... whichever no parameter is named.
fn name_apart(base: &str, names: &[&syn::Ident]) -> syn::Ident {
    std::iter::once(base.to_string())
        .chain((2..).map(|n| format!("{base}{n}")))
        .find(|candidate| !names.iter().any(|n| *n == candidate))
        .map(|name| format_ident!("{name}"))
        .unwrap_or_else(|| format_ident!("{base}"))
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}
