//! Completing progenitor's output into the module users get.
//!
//! progenitor's copy of each operation documents no responses (see `apispec::client_view`), so its
//! methods know nothing about them; of each method the completion keeps only the code that builds the
//! request (see [`crate::progenitor_output`] for every assumption about progenitor's output). Around it it
//! generates, per operation, a request builder ([`crate::builders`]) whose `send()` sends the request through
//! the runtime and decodes every documented status into its own type ([`crate::responses`]), an `items()`
//! stream for paged lists ([`crate::pagination`]); per module, `Credentials` and what `Client::builder`
//! needs ([`crate::credentials`]), under the `dynamic-call` feature `call_operation`
//! ([`crate::dynamic_call`]), and under the `mock` feature typed scenarios for the mock server
//! ([`crate::mock_scenarios`]).

use std::collections::BTreeSet;

use apispec::Document;
use apispec::client_view::ClientView;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::Failure;
use crate::builders::{self, Field};
use crate::dynamic_call::{self, CallableOperation};
use crate::mock_scenarios;
use crate::pagination;
use crate::progenitor_output::{self, ProgenitorOutput};
use crate::responses::{self, ResponseShape};

/// Lints that text copied from a spec (descriptions in Markdown, bare URLs, HTML) can trip in rustdoc. The
/// generated module's own links are checked (`rustdoc::broken_intra_doc_links` stays on).
const SPEC_TEXT_LINTS: &str = "rustdoc::bare_urls, rustdoc::invalid_html_tags, rustdoc::invalid_rust_codeblocks, \
     rustdoc::invalid_codeblock_attributes, rustdoc::redundant_explicit_links, rustdoc::unescaped_backticks";

pub(crate) fn module(
    doc: &Document,
    view: &ClientView,
    file: syn::File,
) -> Result<TokenStream, Failure> {
    let fail = |reason: String| Failure::one(format!("{}: {reason}", doc.source));
    let file = progenitor_output::wire_names(file, &view.wire_names).map_err(fail)?;
    let output = progenitor_output::take_apart(file).map_err(fail)?;

    let mut shapes = Vec::new();
    let mut client_methods = Vec::new();
    let mut builder_items = Vec::new();
    let mut callables = Vec::new();
    for op in &view.operations {
        let method = output
            .methods
            .iter()
            .find(|m| m.name == op.method_name)
            .ok_or_else(|| {
                fail(format!(
                    "progenitor generated no method `{}` for operation `{}`",
                    op.method_name, op.operation_id
                ))
            })?;
        let operation = doc
            .operations
            .iter()
            .find(|o| o.id == op.operation_id)
            .expect("the view is built from these operations");
        let shape = ResponseShape::new(op, &output.type_names).map_err(fail)?;
        let fields = builders::fields(method, operation, &op.renamed_parameters).map_err(fail)?;
        let paginator = pagination::recognise(doc, operation, &fields, &shape, &output);
        let code =
            builders::operation_code(op, operation, method, &fields, &shape, paginator.as_ref());
        client_methods.push(code.client_method);
        builder_items.push(code.builder);
        callables.push(CallableOperation {
            operation,
            entry: syn::Ident::new(&op.method_name, Span::call_site()),
            fields,
            success_is_enum: shape.success_is_enum,
            error_type: shape.error_type.clone(),
        });
        shapes.push(shape);
    }
    if let Some(extra) = output
        .methods
        .iter()
        .find(|m| !view.operations.iter().any(|op| op.method_name == m.name))
    {
        return Err(fail(format!(
            "progenitor generated a method `{}` for no operation of the client view",
            extra.name
        )));
    }
    let all_fields = callables.iter().flat_map(|callable| callable.fields.iter());

    let name = Ident::new(&doc.module, Span::call_site());
    let module_doc = module_doc(doc);
    let kept = &output.kept;
    let responses = responses::responses_module(&shapes);
    let credentials = crate::credentials::credentials(doc);
    let by_reference = by_reference(all_fields, &output);
    let call_operation = dynamic_call::emit(&callables);
    let operations: Vec<&apispec::client_view::ClientOperation> = view.operations.iter().collect();
    let mock = mock_scenarios::emit(&doc.name, &operations, &output.type_names).map_err(fail)?;
    let base_url = doc.default_server_url().map(|url| {
        let doc = format!("The first server the spec names: `{url}`.");
        quote!(#[doc = #doc] pub const DEFAULT_BASE_URL: &str = #url;)
    });
    let builder_doc = format!(
        "A client for {}: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), \
         [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) \
         or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).",
        doc.title()
    );
    let allow: TokenStream = SPEC_TEXT_LINTS.parse().expect("lint names");
    // `missing_docs`: what the spec leaves undescribed (most schemas and properties) has no documentation,
    // and a crate that denies the lint must still take the module.
    Ok(quote! {
        #[doc = #module_doc]
        #[allow(clippy::all, nonstandard_style, unused_comparisons, unused_imports, unused_variables, dead_code, missing_docs, #allow)]
        pub mod #name {
            pub use crate::runtime::{Error, Response};
            use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
            #(#kept)*
            #base_url
            #credentials
            impl Client {
                #[doc = #builder_doc]
                pub fn builder(base_url: impl Into<String>) -> crate::runtime::ClientBuilder<Self> {
                    crate::runtime::ClientBuilder::new(base_url)
                }
                #(#client_methods)*
            }
            #by_reference
            /// The request builders, one per operation: set parameters, then `send()`.
            pub mod builder {
                use super::{encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response};
                use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
                #(#builder_items)*
            }
            #call_operation
            #responses
            #mock
        }
    })
}

/// `From<&T> for T` for the generated types the setters take, so a setter takes a borrowed value too, and
/// `From<&str>` for those that wrap any string.
fn by_reference<'f>(
    fields: impl Iterator<Item = &'f Field>,
    output: &ProgenitorOutput,
) -> TokenStream {
    let mut seen = BTreeSet::new();
    let mut by_reference = Vec::new();
    let mut from_str = Vec::new();
    for field in fields {
        let text = field.ty.to_string();
        let Some(name) = text.strip_prefix("types :: ") else {
            continue;
        };
        if !output.nominal_types.contains(name) || !seen.insert(name.to_string()) {
            continue;
        }
        by_reference.push(field.ty.clone());
        if output.string_newtypes.contains(name) {
            from_str.push(field.ty.clone());
        }
    }
    let mut code = TokenStream::new();
    if !by_reference.is_empty() {
        code.extend(quote!(crate::runtime::from_ref!(#(#by_reference),*);));
    }
    if !from_str.is_empty() {
        code.extend(quote!(crate::runtime::from_str!(#(#from_str),*);));
    }
    code
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
