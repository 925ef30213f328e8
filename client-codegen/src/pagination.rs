//! Recognising a paged list operation, and its builder's `items()`: every item of every page as one stream.
//!
//! An operation is paged when its query parameters follow one of three schemes and its one success body is
//! an object with one array of items:
//! - an item offset: a parameter `offset` (with `limit` or another page size beside it, or alone);
//! - a page number: `page` with `per_page`, `page_size`, `pagesize`, `size` or `limit`;
//! - a page token: `page_token`, `next_token`, `cursor`, `marker`, … and a `next_page_token`-like field
//!   in the body.
//!
//! A body field `total`, `total_count`, `total_items`, `total_results` or `count` is the number of items
//! across all pages; the stream stops when it has read that many, or on an empty page.

use apispec::{Document, Operation, ParamLocation};
use proc_macro2::TokenStream;
use quote::quote;

use crate::builders::Field;
use crate::progenitor_output::ProgenitorOutput;
use crate::responses::ResponseShape;

const PAGE_SIZES: [&str; 5] = ["per_page", "page_size", "pagesize", "size", "limit"];
const REQUEST_TOKENS: [&str; 8] = [
    "page_token",
    "pagetoken",
    "next_token",
    "next_page_token",
    "cursor",
    "marker",
    "continuation_token",
    "starting_after",
];
const RESPONSE_TOKENS: [&str; 7] = [
    "next_page_token",
    "next_token",
    "next_cursor",
    "next_marker",
    "next_page",
    "continuation_token",
    "cursor",
];
const TOTALS: [&str; 5] = [
    "total",
    "total_count",
    "total_items",
    "total_results",
    "count",
];
/// Setter types an offset or page number (a `u64` here) converts to.
const COUNTS: [&str; 7] = [
    "i32",
    "i64",
    "u32",
    "u64",
    "isize",
    "usize",
    ":: std :: num :: NonZeroU64",
];

enum Scheme {
    Offset,
    /// Pages numbered from this one, unless the caller sets another.
    PageNumber(u64),
    Token,
}

/// How an operation's pages are walked.
pub(crate) struct Paginator {
    scheme: Scheme,
    /// The parameter that moves to another page (`offset`, `page`, `page_token`): its field and setter.
    position: syn::Ident,
    position_setter: syn::Ident,
    items: syn::Ident,
    item_type: TokenStream,
    /// The total field and whether it is optional.
    total: Option<(syn::Ident, bool)>,
    /// The next-token field and whether it is optional.
    next_token: Option<(syn::Ident, bool)>,
}

/// The paginator of an operation, if its parameters and success body follow a scheme.
pub(crate) fn recognise(
    doc: &Document,
    operation: &Operation,
    fields: &[Field],
    shape: &ResponseShape,
    output: &ProgenitorOutput,
) -> Option<Paginator> {
    if fields.iter().any(|f| f.raw_body) {
        return None;
    }
    let body = output
        .structs
        .iter()
        .find(|s| Some(s.ident.to_string()) == shape.success_body)?;
    let body_fields: Vec<(&syn::Ident, &syn::Type)> = body
        .fields
        .iter()
        .filter_map(|f| Some((f.ident.as_ref()?, &f.ty)))
        .collect();
    let query = |names: &[&str]| {
        fields.iter().find(|field| {
            operation.parameters.iter().any(|p| {
                p.name == field.spec_name
                    && p.location == ParamLocation::Query
                    && names.contains(&p.name.to_ascii_lowercase().as_str())
            })
        })
    };
    let is_count = |field: &Field| COUNTS.contains(&field.ty.to_string().as_str());
    let body_field = |names: &[&str]| {
        body_fields
            .iter()
            .find(|(ident, _)| names.contains(&ident.to_string().as_str()))
    };

    let arrays: Vec<_> = body_fields
        .iter()
        .filter_map(|(ident, ty)| Some((*ident, vec_item(ty)?)))
        .collect();
    let [(items, item)] = arrays.as_slice() else {
        return None;
    };
    let item_type = match item {
        syn::Type::Path(path) if path.qself.is_none() && path.path.segments.len() == 1 => {
            let ident = &path.path.segments[0].ident;
            if output.type_names.contains(&ident.to_string()) {
                quote!(types::#item)
            } else {
                quote!(#item)
            }
        }
        other => quote!(#other),
    };
    let total = body_field(&TOTALS)
        .filter(|(_, ty)| is_integer(ty))
        .map(|(ident, ty)| ((*ident).clone(), option_inner(ty).is_some()));
    let next_token = body_field(&RESPONSE_TOKENS)
        .filter(|(_, ty)| is_string(ty))
        .map(|(ident, ty)| ((*ident).clone(), option_inner(ty).is_some()));

    let (scheme, position) = if let Some(field) = query(&["offset"]).filter(|f| is_count(f)) {
        (Scheme::Offset, field)
    } else if let Some(field) = query(&["page"])
        .filter(|f| is_count(f))
        .filter(|_| query(&PAGE_SIZES).is_some())
    {
        (Scheme::PageNumber(first_page(doc, operation, field)), field)
    } else if let Some(field) = query(&REQUEST_TOKENS)
        .filter(|f| f.ty.to_string() == ":: std :: string :: String")
        .filter(|_| next_token.is_some())
    {
        (Scheme::Token, field)
    } else {
        return None;
    };
    Some(Paginator {
        scheme,
        position: position.name.clone(),
        position_setter: position.setter.clone(),
        items: (*items).clone(),
        item_type,
        total,
        next_token,
    })
}

/// The first page number: the parameter's documented default, else its minimum, else 1.
fn first_page(doc: &Document, operation: &Operation, field: &Field) -> u64 {
    let schema = operation
        .parameters
        .iter()
        .find(|p| p.name == field.spec_name)
        .and_then(|p| p.schema.as_ref())
        .and_then(|schema| doc.resolve(&schema.schema));
    schema
        .and_then(|s| s.get("default").or_else(|| s.get("minimum")))
        .and_then(serde_json::Value::as_u64)
        .unwrap_or(1)
}

impl Paginator {
    /// `items()` on the builder of an operation whose error enum is `error_type`.
    pub(crate) fn items_method(&self, error_type: &TokenStream) -> TokenStream {
        let Paginator {
            position,
            position_setter,
            items,
            item_type,
            ..
        } = self;
        let total = match &self.total {
            Some((field, false)) => quote!(u64::try_from(page.#field).ok()),
            Some((field, true)) => quote!(page.#field.and_then(|total| u64::try_from(total).ok())),
            None => quote!(None),
        };
        let next_token = match &self.next_token {
            Some((field, false)) => quote!(Some(page.#field)),
            Some((field, true)) => quote!(page.#field),
            None => quote!(None),
        };
        let fetch = quote! {
            async move {
                let page = request.send().await?.into_inner();
                Ok(crate::runtime::Page { items: page.#items, total: #total, next_token: #next_token })
            }
        };
        let (doc, stream) = match self.scheme {
            Scheme::Offset => (
                format!(
                    "Every item of every page, as one stream: `{position_setter}` starts where it is set (or 0) and \
                     advances by the items each page returns; the stream ends on an empty page{}.",
                    self.total_doc()
                ),
                quote! {
                    crate::runtime::Items::by_offset(self.#position.position(), move |position| {
                        let request = self.clone().#position_setter(position);
                        #fetch
                    })
                },
            ),
            Scheme::PageNumber(first) => (
                format!(
                    "Every item of every page, as one stream: pages are numbered from `{position_setter}` as it is set \
                     (or {first}); the stream ends on an empty page{}.",
                    self.total_doc()
                ),
                quote! {
                    let first = if self.#position.position() == 0 { #first } else { self.#position.position() };
                    crate::runtime::Items::by_page_number(first, move |number| {
                        let request = self.clone().#position_setter(number);
                        #fetch
                    })
                },
            ),
            Scheme::Token => (
                format!(
                    "Every item of every page, as one stream: each page after the first is asked for with the \
                     token the previous one returned in `{}`; the stream ends when none comes{}.",
                    self.next_token
                        .as_ref()
                        .map(|(f, _)| f.to_string())
                        .unwrap_or_default(),
                    self.total_doc()
                ),
                quote! {
                    crate::runtime::Items::by_token(None, move |token| {
                        let request = match token {
                            Some(token) => self.clone().#position_setter(token),
                            None => self.clone(),
                        };
                        #fetch
                    })
                },
            ),
        };
        quote! {
            #[doc = #doc]
            pub fn items(self) -> crate::runtime::Items<'a, #item_type, #error_type> {
                #stream
            }
        }
    }

    fn total_doc(&self) -> String {
        match &self.total {
            Some((field, _)) => format!(" or once `{field}` items are read"),
            None => String::new(),
        }
    }
}

/// `T` of `Vec<T>` (however the path to `Vec` is written).
fn vec_item(ty: &syn::Type) -> Option<&syn::Type> {
    generic_argument(ty, "Vec")
}

fn option_inner(ty: &syn::Type) -> Option<&syn::Type> {
    generic_argument(ty, "Option")
}

fn generic_argument<'t>(ty: &'t syn::Type, outer: &str) -> Option<&'t syn::Type> {
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    if last.ident != outer {
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

fn is_integer(ty: &syn::Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    let text = quote!(#ty).to_string();
    ["i32", "i64", "u32", "u64", "isize", "usize"].contains(&text.as_str())
}

fn is_string(ty: &syn::Type) -> bool {
    let ty = option_inner(ty).unwrap_or(ty);
    let text = quote!(#ty).to_string();
    text == ":: std :: string :: String" || text == "String"
}
