//! `call_operation`: every operation of a module callable by its `operationId` with JSON arguments, through
//! the operation's request builder: each argument is deserialized into the type its setter takes and set,
//! then the builder is sent, so the call goes through the same code a caller writes by hand. Arguments are
//! keyed by the parameter names the spec uses (`X-Project-ID`, `backupId`) and `body`. Generated only under
//! the `dynamic-call` feature of the crate that includes the clients (the contract suite and tools).

use apispec::Operation;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::builders::Field;

/// One operation, as `call_operation` needs it.
pub(crate) struct CallableOperation<'a> {
    pub operation: &'a Operation,
    /// The `Client` method that returns the builder.
    pub entry: syn::Ident,
    pub fields: Vec<Field>,
    /// Whether the success type is a generated enum (it has `variant()`).
    pub success_is_enum: bool,
    pub error_type: TokenStream,
}

pub(crate) fn emit(operations: &[CallableOperation<'_>]) -> TokenStream {
    // One function per operation, each with a frame of its own: a single function holding every
    // operation's builder needs a stack frame of megabytes in a debug build (317 operations of
    // oxide-nexus overflowed a test thread's 2 MB).
    let callers = operations.iter().map(|callable| {
        let sets = callable.fields.iter().map(|field| {
            let (setter, spec_name) = (&field.setter, &field.spec_name);
            // A raw body is given as bytes.
            let ty = if field.raw_body {
                quote!(::std::vec::Vec<u8>)
            } else {
                field.ty.clone()
            };
            quote!(let call = set(call, args, #spec_name, |b, v: #ty| b.#setter(v))?;)
        });
        let (entry, error_type) = (&callable.entry, &callable.error_type);
        // Prefixed, so no operation's function is named like an import here (`set`).
        let caller = format_ident!("call_{entry}");
        let success_variant = if callable.success_is_enum {
            quote!(|value| Some(value.variant()))
        } else {
            quote!(|_| None)
        };
        quote! {
            fn #caller<'a>(client: &'a Client, args: &Args) -> Result<PendingCall<'a>, CallError> {
                let call = client.#entry();
                #(#sets)*
                Ok(sending(call.send(), #success_variant, |error: &#error_type| error.variant()))
            }
        }
    });
    let arms = operations.iter().map(|callable| {
        let (id, caller) = (
            &callable.operation.id,
            format_ident!("call_{}", callable.entry),
        );
        quote!(#id => #caller(client, args),)
    });
    quote! {
        /// Calls the operation `operation_id` with `args`: each parameter under the name the spec gives it
        /// (`"X-Project-ID"`, `"backupId"`), the request body under `"body"`, each converted to the type its
        /// setter takes. The outcome is reported without the operation's types.
        #[cfg(feature = "dynamic-call")]
        #[doc(hidden)]
        pub async fn call_operation(
            client: &Client,
            operation_id: &str,
            args: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Result<crate::runtime::call::CallOutcome, crate::runtime::call::CallError> {
            Ok(prepare_call(client, operation_id, args)?.await)
        }

        /// The request of `operation_id` with `args` set, ready to send.
        #[cfg(feature = "dynamic-call")]
        fn prepare_call<'a>(
            client: &'a Client,
            operation_id: &str,
            args: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Result<crate::runtime::call::PendingCall<'a>, crate::runtime::call::CallError> {
            use crate::runtime::call::{sending, set, CallError, PendingCall};
            type Args = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
            #(#callers)*
            match operation_id {
                #(#arms)*
                other => Err(CallError::UnknownOperation(other.to_string())),
            }
        }

        /// A client for `base_url` carrying `secret` for every security scheme: for mock servers and tests.
        #[cfg(feature = "dynamic-call")]
        #[doc(hidden)]
        pub fn client_with_placeholder_credentials(
            base_url: &str,
            secret: &str,
            config: crate::runtime::ClientConfig,
        ) -> Result<Client, crate::runtime::BuildError> {
            Credentials::for_every_scheme(secret)
                .into_iter()
                .fold(Client::builder(base_url).config(config), |builder, credentials| builder.credentials(credentials))
                .build()
        }
    }
}

/// The crate-level dispatcher over every generated module, so tools reach a spec's operations by its name.
/// `specs` holds each spec's `(name, module)`.
pub(crate) fn emit_crate_level(specs: &[(String, String)]) -> TokenStream {
    let names = specs.iter().map(|(name, _)| name);
    let arms = specs.iter().map(|(name, module)| {
        let module = format_ident!("{}", module);
        quote! {
            #name => {
                let client = #module::client_with_placeholder_credentials(base_url, secret, config)?;
                #module::call_operation(&client, operation_id, args).await
            }
        }
    });
    quote! {
        /// The names of the specs, one per spec file (its stem as written), each with a module.
        pub const SPEC_NAMES: &[&str] = &[#(#names),*];

        /// Calls operation `operation_id` of the spec named `spec` (see [`SPEC_NAMES`]) on `base_url`, with
        /// `secret` as every credential and JSON arguments as the module's `call_operation` takes them.
        #[cfg(feature = "dynamic-call")]
        #[doc(hidden)]
        pub async fn call_operation(
            spec: &str,
            base_url: &str,
            secret: &str,
            config: crate::runtime::ClientConfig,
            operation_id: &str,
            args: &::serde_json::Map<::std::string::String, ::serde_json::Value>,
        ) -> Result<crate::runtime::call::CallOutcome, crate::runtime::call::CallError> {
            match spec {
                #(#arms)*
                other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
            }
        }
    }
}
