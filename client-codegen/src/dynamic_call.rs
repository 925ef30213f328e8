//! `call_operation`: every operation of a module callable by its `operationId` with JSON arguments.
//!
//! Each argument is deserialized into the exact type the generated method takes (read from the method's
//! signature), so the call goes through the same typed code a caller writes by hand. Arguments are keyed by
//! the parameter names the spec uses (`X-Project-ID`, `backupId`) and `body`.

use apispec::Operation;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::argument_name;

/// One operation's generated method, as `call_operation` needs it.
pub struct CallableMethod<'a> {
    pub operation: &'a Operation,
    pub method: syn::Ident,
    pub signature: syn::Signature,
    /// Whether the success type is a generated enum (it has `variant()`).
    pub success_is_enum: bool,
    pub error_type: TokenStream,
}

pub fn emit(methods: &[CallableMethod<'_>], has_credentials: bool) -> Result<TokenStream, String> {
    let client_expr = if has_credentials {
        quote!(Client::with_config(
            base_url,
            &Credentials::for_every_scheme(secret),
            config
        ))
    } else {
        quote!({
            let _ = secret;
            Client::with_config(base_url, config)
        })
    };
    let mut arms = Vec::new();
    for callable in methods {
        let mut bindings = Vec::new();
        let mut passes = Vec::new();
        for input in callable.signature.inputs.iter() {
            let syn::FnArg::Typed(typed) = input else {
                continue;
            };
            let syn::Pat::Ident(ident) = typed.pat.as_ref() else {
                return Err(format!(
                    "method `{}` has an argument that is not a plain name",
                    callable.method
                ));
            };
            let rust_name = ident.ident.to_string();
            let spec_name = if rust_name == "body" {
                "body".to_string()
            } else {
                let template =
                    apispec::path_template::PathTemplate::parse(&callable.operation.path);
                callable
                    .operation
                    .parameters
                    .iter()
                    .map(|p| p.name.as_str())
                    // A path parameter the spec forgot to declare is still an argument.
                    .chain(template.parameter_names())
                    .find(|name| argument_name(name) == rust_name)
                    .map(str::to_string)
                    .ok_or_else(|| {
                        format!(
                            "argument `{rust_name}` of `{}` matches no parameter of the spec",
                            callable.method
                        )
                    })?
            };
            let (owned, pass) = if is_generic(&callable.signature, &typed.ty) {
                // progenitor's raw bodies are `B: Into<reqwest::Body>`: bytes are one.
                (quote!(::std::vec::Vec<u8>), Pass::Owned)
            } else {
                owned_type(&typed.ty)
            };
            let local = format_ident!("arg_{}", rust_name);
            bindings.push(
                quote!(let #local: #owned = crate::runtime::call::argument(args, #spec_name)?;),
            );
            passes.push(pass.expression(&local));
        }
        let id = &callable.operation.id;
        let method = &callable.method;
        let error_type = &callable.error_type;
        let success_variant = if callable.success_is_enum {
            quote!(|value| Some(value.variant()))
        } else {
            quote!(|_| None)
        };
        arms.push(quote! {
            #id => {
                #(#bindings)*
                let result = client.#method(#(#passes),*).await;
                Ok(crate::runtime::call::outcome(result, #success_variant, |error: &#error_type| error.variant()).await)
            }
        });
    }
    Ok(quote! {
        /// Calls the operation `operation_id` with `args`: each parameter under the name the spec gives it
        /// (`"X-Project-ID"`, `"backupId"`), the request body under `"body"`. Each argument is converted to the
        /// type the typed method takes, and the outcome is reported without those types — for tools and for
        /// the contract suite that drives every operation of every spec.
        pub async fn call_operation(
            client: &Client,
            operation_id: &str,
            args: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Result<crate::runtime::call::CallOutcome, crate::runtime::call::CallError> {
            match operation_id {
                #(#arms)*
                other => Err(crate::runtime::call::CallError(format!("no operation `{other}`"))),
            }
        }

        /// A client for `base_url` carrying `secret` for every security scheme — for mock servers and tests.
        pub fn client_with_placeholder_credentials(
            base_url: &str,
            secret: &str,
            config: crate::runtime::ClientConfig,
        ) -> Result<Client, crate::runtime::BuildError> {
            #client_expr
        }
    })
}

/// The crate-level dispatcher over every generated module, so tools reach a spec's operations by its name.
/// `specs` holds each spec's `(name, module)`.
pub fn emit_crate_level(specs: &[(String, String)]) -> TokenStream {
    let names = specs.iter().map(|(name, _)| name);
    let arms = specs.iter().map(|(name, module)| {
        let module = format_ident!("{}", module);
        quote! {
            #name => {
                let client = #module::client_with_placeholder_credentials(base_url, secret, config)
                    .map_err(|e| runtime::call::CallError(e.to_string()))?;
                #module::call_operation(&client, operation_id, args).await
            }
        }
    });
    quote! {
        /// The names of the specs, one per spec file (its stem as written), each with a module.
        pub const SPEC_NAMES: &[&str] = &[#(#names),*];

        /// Calls operation `operation_id` of the spec named `spec` (see [`SPEC_NAMES`]) on `base_url`, with
        /// `secret` as every credential and JSON arguments as the module's `call_operation` takes them.
        pub async fn call_operation(
            spec: &str,
            base_url: &str,
            secret: &str,
            config: runtime::ClientConfig,
            operation_id: &str,
            args: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Result<runtime::call::CallOutcome, runtime::call::CallError> {
            match spec {
                #(#arms)*
                other => Err(runtime::call::CallError(format!("no spec `{other}`"))),
            }
        }
    }
}

/// Whether `ty` is one of the signature's own type parameters (`B` of `body: B`).
fn is_generic(signature: &syn::Signature, ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    signature
        .generics
        .type_params()
        .any(|param| path.path.is_ident(&param.ident))
}

/// How a deserialized argument is handed to the method.
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
    fn expression(&self, value: &syn::Ident) -> TokenStream {
        match self {
            Pass::Borrowed => quote!(&#value),
            Pass::AsDeref => quote!(#value.as_deref()),
            Pass::AsRef => quote!(#value.as_ref()),
            Pass::Owned => quote!(#value),
        }
    }
}

/// The owned type to deserialize an argument into, and how to pass it to the method.
fn owned_type(ty: &syn::Type) -> (TokenStream, Pass) {
    if let syn::Type::Reference(reference) = ty {
        let inner = &reference.elem;
        if is_str(inner) {
            return (quote!(::std::string::String), Pass::Borrowed);
        }
        return (quote!(#inner), Pass::Borrowed);
    }
    if let Some(inner) = option_inner(ty) {
        if let syn::Type::Reference(reference) = inner {
            let elem = &reference.elem;
            if is_str(elem) {
                return (quote!(Option<::std::string::String>), Pass::AsDeref);
            }
            return (quote!(Option<#elem>), Pass::AsRef);
        }
        return (quote!(Option<#inner>), Pass::Owned);
    }
    (quote!(#ty), Pass::Owned)
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
