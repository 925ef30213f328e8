//! Every assumption the completion step makes about progenitor's output, in one place. progenitor 0.15,
//! run with the positional interface and an inner type, generates (and this module relies on):
//!
//! 1. `use progenitor_client::{…}` items at the top; they are replaced by the uses the completed module needs.
//! 2. `mod types`, holding every generated type; its struct, enum and alias names are the schemas' Rust
//!    names ([`ProgenitorOutput::type_names`]), its structs' fields are read to recognise paged lists, and
//!    a newtype of an unconstrained string is one with `impl From<::std::string::String>` and no
//!    `impl TryFrom<&str>` ([`ProgenitorOutput::string_newtypes`]).
//! 3. `struct Client { baseurl, client, inner }` and `impl ClientInfo<Inner> for Client` (which gives
//!    `Self::api_version()`, used when building requests); both are kept.
//! 4. An `impl Client` holding `new` and `new_with_client` (the constructors), an
//!    `impl ClientHooks<Inner> for &Client {}` and `mod prelude`: dropped, the completed module has its own.
//! 5. One `impl Client` with a method per operation, named after the view's `method_name`, whose
//!    parameters follow progenitor's conventions (`&'a T`, `&'a str`, `Option<&'a T>`, `Option<&'a str>`,
//!    `Option<T>`, `T`, and `body: B` with `B: Into<reqwest::Body>` for a raw body) and whose body builds the
//!    request up to `let mut request = ….build()?;` from the parameters (serialized, formatted or borrowed,
//!    so owned values of the same types do as well), `self.baseurl`, `self.client` and
//!    `Self::api_version()`, then sends it through the hooks (`let info = OperationInfo {…}`, `pre`, `exec`,
//!    `post`) and ends in a `match` on the status. The completion keeps the statements up to the request and
//!    moves them into the operation's request builder ([`ProgenitorMethod`]); sending and decoding are its own.
//! 6. `client.options(url)` and `client.trace(url)` for those methods, which reqwest does not have; they are
//!    rewritten as `client.request(Method::OPTIONS, url)`.
//! 7. A query parameter is sent as `.query(&progenitor_client::QueryParam::new("<name>", &<value>))`; for
//!    one written `style: deepObject` the call becomes the runtime's `DeepObjectParam::new`. A header
//!    parameter is written `header_map.append("<name>", <value>.to_string().try_into()?)`; for a list of
//!    scalars `to_string()` becomes the runtime's `simple_list`.
//! 8. A struct field or enum variant is named after its property or value, whose name on the wire appears
//!    in the code only as string literals (`#[serde(rename = "…")]`, an enum's `Display` and `FromStr`);
//!    for those the client view renamed so Rust names differ (`ClientView::wire_names`), the wire name is
//!    put back in every such literal ([`wire_names`]).
//!
//! Anything else about the output fails the generation with a message saying this generator expects
//! progenitor 0.15, so a progenitor upgrade shows here (and in the snapshot tests) rather than as broken code.

use std::collections::{BTreeMap, BTreeSet};

use apispec::client_view::ClientOperation;
use proc_macro2::{TokenStream, TokenTree};
use quote::{format_ident, quote};
use syn::{ImplItem, Item};

/// progenitor's output taken apart.
pub struct ProgenitorOutput {
    /// The items kept as they are: `mod types`, `struct Client`, `impl ClientInfo`.
    pub kept: Vec<Item>,
    /// Names of the types in `mod types`.
    pub type_names: BTreeSet<String>,
    /// The structs of `mod types`, by name.
    pub structs: Vec<syn::ItemStruct>,
    /// One per operation, in progenitor's order.
    pub methods: Vec<ProgenitorMethod>,
    /// Structs and enums of `mod types` (not aliases, which may name a type of another crate).
    pub nominal_types: BTreeSet<String>,
    /// Types of `mod types` that wrap any string and convert from `String` but not from `&str`.
    pub string_newtypes: BTreeSet<String>,
}

/// One operation's method, cut back to building its request.
pub struct ProgenitorMethod {
    /// The method's name (the client view's `method_name`).
    pub name: String,
    /// The parameters after `&self`, as progenitor writes them.
    pub parameters: Vec<(syn::Ident, syn::Type)>,
    /// The method's generics (`'a`, and `B: Into<reqwest::Body>` for a raw body).
    pub generics: syn::Generics,
    /// The statements that build the request, ending with `let mut request = ….build()?;`.
    pub request_statements: Vec<syn::Stmt>,
}

impl ProgenitorMethod {
    /// Whether `ty` is one of the method's own type parameters (`B` of `body: B`).
    pub fn is_generic(&self, ty: &syn::Type) -> bool {
        let syn::Type::Path(path) = ty else {
            return false;
        };
        self.generics
            .type_params()
            .any(|param| path.path.is_ident(&param.ident))
    }

    /// The statements that build the request, for a request builder's `send()`: `self` (the client in
    /// progenitor's method) becomes `client`, `Self::api_version()` becomes `super::Client::api_version()`.
    /// Each parameter must be bound to a local of its name first; an owned value works where progenitor's
    /// method takes a reference, as its code only serializes, formats or borrows them.
    /// A query parameter of the operation's `deep_object_query` is sent as `deepObject`
    /// (`?filter[status]=open`) through the runtime's `DeepObjectParam` instead of progenitor's
    /// `QueryParam`; a header of its `list_headers` is written by the runtime's `simple_list` (`a,b`)
    /// instead of `to_string()`.
    pub fn statements_in_builder(
        &self,
        client: &syn::Ident,
        operation: &ClientOperation,
    ) -> Vec<syn::Stmt> {
        let mut statements = self.request_statements.clone();
        let mut rewrite = InBuilder {
            client,
            deep_objects: &operation.deep_object_query,
            list_headers: &operation.list_headers,
        };
        for statement in &mut statements {
            syn::visit_mut::VisitMut::visit_stmt_mut(&mut rewrite, statement);
        }
        statements
    }
}

/// Rewrites progenitor's method code for a request builder (see
/// [`ProgenitorMethod::statements_in_builder`]).
struct InBuilder<'c> {
    client: &'c syn::Ident,
    deep_objects: &'c [String],
    list_headers: &'c [String],
}

/// The name a call's first argument gives as a string literal (`"OpenAI-Beta"` of `header_map.append(…)`).
fn literal_name<'e>(args: impl IntoIterator<Item = &'e syn::Expr>) -> Option<String> {
    match args.into_iter().next()? {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(name),
            ..
        }) => Some(name.value()),
        _ => None,
    }
}

/// Rewrites `value.to_string()` as `crate::runtime::simple_list(&value)`.
struct ListHeaderValue;

impl syn::visit_mut::VisitMut for ListHeaderValue {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let syn::Expr::MethodCall(call) = expr
            && call.method == "to_string"
            && call.args.is_empty()
        {
            let value = &call.receiver;
            *expr = syn::parse_quote!(crate::runtime::simple_list(&#value));
        }
    }
}

impl syn::visit_mut::VisitMut for InBuilder<'_> {
    /// `header_map.append("OpenAI-Beta", value.to_string().try_into()?)` of a list-valued header.
    fn visit_expr_method_call_mut(&mut self, call: &mut syn::ExprMethodCall) {
        syn::visit_mut::visit_expr_method_call_mut(self, call);
        if call.method == "append"
            && literal_name(&call.args).is_some_and(|name| self.list_headers.contains(&name))
            && let Some(value) = call.args.iter_mut().nth(1)
        {
            syn::visit_mut::VisitMut::visit_expr_mut(&mut ListHeaderValue, value);
        }
    }

    /// `progenitor_client::QueryParam::new("filter", &filter)` of a `deepObject` parameter.
    fn visit_expr_call_mut(&mut self, call: &mut syn::ExprCall) {
        syn::visit_mut::visit_expr_call_mut(self, call);
        let syn::Expr::Path(function) = &*call.func else {
            return;
        };
        let segments: Vec<String> = function
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        let named = literal_name(&call.args).is_some_and(|name| self.deep_objects.contains(&name));
        if segments.ends_with(&["QueryParam".to_string(), "new".to_string()]) && named {
            call.func = syn::parse_quote!(crate::runtime::DeepObjectParam::new);
        }
    }

    fn visit_expr_path_mut(&mut self, expr: &mut syn::ExprPath) {
        if expr.path.is_ident("self") {
            let client = self.client;
            expr.path = syn::parse_quote!(#client);
        } else if expr.path.segments.len() == 2 && expr.path.segments[0].ident == "Self" {
            let name = &expr.path.segments[1];
            expr.path = syn::parse_quote!(super::Client::#name);
        }
        syn::visit_mut::visit_expr_path_mut(self, expr);
    }

    /// `format!("{}/…", self.baseurl, …)`: macro arguments are tokens, not expressions.
    fn visit_macro_mut(&mut self, mac: &mut syn::Macro) {
        mac.tokens = self.tokens(std::mem::take(&mut mac.tokens));
    }
}

impl InBuilder<'_> {
    fn tokens(&self, tokens: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
        use proc_macro2::TokenTree;
        tokens
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Ident(ident) if ident == "self" => {
                    TokenTree::Ident(syn::Ident::new(&self.client.to_string(), ident.span()))
                }
                TokenTree::Group(group) => {
                    let mut inner =
                        proc_macro2::Group::new(group.delimiter(), self.tokens(group.stream()));
                    inner.set_span(group.span());
                    TokenTree::Group(inner)
                }
                other => other,
            })
            .collect()
    }
}

const EXPECTED: &str = "this generator expects the output of progenitor 0.15";

/// Takes progenitor's output apart along the assumptions listed in the module docs.
/// Puts back the name on the wire of each property and enum value the client view renamed: every string
/// literal of the renamed name (`"authTime_2"` in `#[serde(rename = …)]`, `"red*_2"` in an enum's `Display`
/// and `FromStr`) becomes the wire name, the Rust names (`auth_time_2`, `Red2`) staying distinct. The
/// renamed names are ones no property or enum value of the document has, so no other literal is touched.
pub fn wire_names(
    file: syn::File,
    renames: &BTreeMap<String, String>,
) -> Result<syn::File, String> {
    fn rewrite(tokens: TokenStream, renames: &BTreeMap<String, String>) -> TokenStream {
        tokens
            .into_iter()
            .map(|token| match token {
                TokenTree::Group(group) => {
                    let mut rewritten = proc_macro2::Group::new(
                        group.delimiter(),
                        rewrite(group.stream(), renames),
                    );
                    rewritten.set_span(group.span());
                    TokenTree::Group(rewritten)
                }
                TokenTree::Literal(literal) => {
                    let wire =
                        syn::parse2::<syn::LitStr>(TokenTree::Literal(literal.clone()).into())
                            .ok()
                            .and_then(|text| renames.get(&text.value()));
                    match wire {
                        Some(wire) => TokenTree::Literal(proc_macro2::Literal::string(wire)),
                        None => TokenTree::Literal(literal),
                    }
                }
                other => other,
            })
            .collect()
    }
    if renames.is_empty() {
        return Ok(file);
    }
    syn::parse2(rewrite(quote!(#file), renames)).map_err(|e| {
        format!("progenitor's output did not parse again after its wire names were put back: {e}")
    })
}

/// Sorts progenitor's output into what the completion step keeps, reads and rebuilds (see the module
/// documentation); an item it does not expect fails with a message naming progenitor 0.15.
pub fn take_apart(mut file: syn::File) -> Result<ProgenitorOutput, String> {
    syn::visit_mut::VisitMut::visit_file_mut(&mut MethodShorthands, &mut file);
    let mut kept = Vec::new();
    let mut type_names = BTreeSet::new();
    let mut structs = Vec::new();
    let mut methods = Vec::new();
    let mut found_types = false;
    let mut nominal_types = BTreeSet::new();
    let mut from_string = BTreeSet::new();
    let mut try_from_str = BTreeSet::new();
    for item in file.items {
        match item {
            Item::Use(ref use_item) if is_progenitor_client_use(use_item) => {}
            Item::Mod(ref module) if module.ident == "prelude" => {}
            Item::Mod(ref module) if module.ident == "types" => {
                found_types = true;
                for item in module.content.iter().flat_map(|(_, items)| items) {
                    match item {
                        Item::Struct(s) => {
                            type_names.insert(s.ident.to_string());
                            nominal_types.insert(s.ident.to_string());
                            structs.push(s.clone());
                        }
                        Item::Enum(e) => {
                            type_names.insert(e.ident.to_string());
                            nominal_types.insert(e.ident.to_string());
                        }
                        Item::Type(t) => {
                            type_names.insert(t.ident.to_string());
                        }
                        Item::Impl(block) => match conversion(block) {
                            Some((Conversion::FromString, target)) => {
                                from_string.insert(target);
                            }
                            Some((Conversion::TryFromStr, target)) => {
                                try_from_str.insert(target);
                            }
                            None => {}
                        },
                        _ => {}
                    }
                }
                kept.push(item);
            }
            Item::Impl(block) if block.trait_.is_none() && is_client(&block.self_ty) => {
                if block
                    .items
                    .iter()
                    .any(|i| matches!(i, ImplItem::Fn(f) if f.sig.ident == "new_with_client"))
                {
                    continue;
                }
                for impl_item in block.items {
                    let ImplItem::Fn(method) = impl_item else {
                        return Err(format!(
                            "`impl Client` holds something other than methods; {EXPECTED}"
                        ));
                    };
                    methods.push(cut_back(method)?);
                }
            }
            Item::Impl(ref block) if is_client_hooks_impl(block) => {}
            other => kept.push(other),
        }
    }
    if !found_types {
        return Err(format!("there is no `mod types`; {EXPECTED}"));
    }
    Ok(ProgenitorOutput {
        kept,
        type_names,
        structs,
        methods,
        nominal_types,
        string_newtypes: from_string.difference(&try_from_str).cloned().collect(),
    })
}

/// Keeps the statements of an operation's method that build its request.
fn cut_back(method: syn::ImplItemFn) -> Result<ProgenitorMethod, String> {
    let name = method.sig.ident.to_string();
    let mut parameters = Vec::new();
    for input in &method.sig.inputs {
        let syn::FnArg::Typed(typed) = input else {
            continue;
        };
        let syn::Pat::Ident(ident) = typed.pat.as_ref() else {
            return Err(format!(
                "method `{name}` has a parameter that is not a plain name; {EXPECTED}"
            ));
        };
        parameters.push((ident.ident.clone(), (*typed.ty).clone()));
    }
    let statements = method.block.stmts;
    let sends_at = statements.iter().position(|stmt| is_let(stmt, "info"));
    let Some(sends_at) = sends_at.filter(|&i| i > 0 && is_let(&statements[i - 1], "request"))
    else {
        return Err(format!(
            "method `{name}` does not build `request` and then send it with `let info = OperationInfo {{ … }}`; {EXPECTED}"
        ));
    };
    if !matches!(
        statements.last(),
        Some(syn::Stmt::Expr(syn::Expr::Match(_), None))
    ) {
        return Err(format!(
            "method `{name}` does not end in a status match; {EXPECTED}"
        ));
    }
    let mut request_statements = statements;
    request_statements.truncate(sends_at);
    Ok(ProgenitorMethod {
        name,
        parameters,
        generics: method.sig.generics,
        request_statements,
    })
}

enum Conversion {
    FromString,
    TryFromStr,
}

/// `impl From<::std::string::String> for X` or `impl TryFrom<&str> for X`, with `X`.
fn conversion(block: &syn::ItemImpl) -> Option<(Conversion, String)> {
    let (_, path, _) = block.trait_.as_ref()?;
    let segment = path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &segment.arguments else {
        return None;
    };
    let source = args.args.first()?;
    let source = quote!(#source).to_string();
    let kind = match (segment.ident.to_string().as_str(), source.as_str()) {
        ("From", ":: std :: string :: String") => Conversion::FromString,
        ("TryFrom", "& str") => Conversion::TryFromStr,
        _ => return None,
    };
    let syn::Type::Path(target) = block.self_ty.as_ref() else {
        return None;
    };
    Some((kind, target.path.get_ident()?.to_string()))
}

fn is_let(stmt: &syn::Stmt, name: &str) -> bool {
    let syn::Stmt::Local(local) = stmt else {
        return false;
    };
    matches!(&local.pat, syn::Pat::Ident(ident) if ident.ident == name)
}

fn is_client(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.path.is_ident("Client"))
}

/// `impl ClientHooks<Inner> for &Client {}`
fn is_client_hooks_impl(block: &syn::ItemImpl) -> bool {
    block
        .trait_
        .as_ref()
        .and_then(|(_, path, _)| path.segments.last())
        .is_some_and(|segment| segment.ident == "ClientHooks")
}

fn is_progenitor_client_use(item: &syn::ItemUse) -> bool {
    matches!(&item.tree, syn::UseTree::Path(path) if path.ident == "progenitor_client")
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
