//! Typed scenarios for the mock server, under the `mock` feature of the crate that includes the clients:
//! `<module>::mock::<operation>()` names an operation, and `.respond(error)` / `.succeed(body)` name its
//! answers with the client's own response types, so a test reads
//! `mock.scenario(session, raff::mock::delete_backup().respond(DeleteBackupError::Conflict(body)))` and a
//! spec change that drops the status breaks it at compile time. Each answer becomes a
//! `mock_server::Step` of the variant's status (a range or `default` gets a status of it that no exact
//! response takes) with the variant's body as JSON.

use std::collections::BTreeSet;

use apispec::StatusKey;
use apispec::client_view::{BodyKind, ClientOperation, ClientResponse};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::{operation_type_name, status_variant};
use crate::responses::body_type;

/// The `mock` module of one client: a scenario builder per operation.
pub(crate) fn emit(
    spec_name: &str,
    operations: &[&ClientOperation],
    type_names: &BTreeSet<String>,
) -> Result<TokenStream, String> {
    let mut items = Vec::new();
    for op in operations {
        items.push(operation_scenario(spec_name, op, type_names)?);
    }
    Ok(quote! {
        /// Typed scenarios for the mock server (`mock` feature): one builder per operation, whose answers
        /// are named with this client's response types. Pass one to `MockServer::scenario`.
        #[cfg(feature = "mock")]
        pub mod mock {
            use super::{responses, types};
            #(#items)*
        }
    })
}

fn operation_scenario(
    spec_name: &str,
    op: &ClientOperation,
    type_names: &BTreeSet<String>,
) -> Result<TokenStream, String> {
    let function = format_ident!("{}", op.method_name);
    let pascal = operation_type_name(&op.method_name);
    // Named apart from the request builder of the same operation (`builder::DeleteBackup`).
    let builder = format_ident!("{pascal}Scenario");
    let label = format!("{spec_name}.{}", op.operation_id);
    let documented: Vec<StatusKey> = op.responses.iter().map(|r| r.status).collect();
    let successes: Vec<&ClientResponse> = op.successes().collect();
    let errors: Vec<&ClientResponse> = op.errors().collect();

    let respond = (!errors.is_empty()).then(|| {
        let error_ident = format_ident!("{pascal}Error");
        let arms = errors.iter().map(|response| {
            let variant = format_ident!("{}", status_variant(response.status));
            let status = served_status(response.status, response.success, &documented);
            let json = is_json(&response.body);
            match response.body {
                BodyKind::Empty => quote!(responses::#error_ident::#variant => (#status, false),),
                _ => quote!(responses::#error_ident::#variant(_) => (#status, #json),),
            }
        });
        quote! {
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::#error_ident) -> Self {
                let (status, with_body) = match &error { #(#arms)* };
                self.then(status, with_body.then(|| ::serde_json::to_value(&error).ok()).flatten())
            }
        }
    });

    let one_kind = successes.windows(2).all(|w| w[0].body == w[1].body);
    let succeed = match successes.first() {
        None => None,
        Some(first) if one_kind => {
            let status = served_status(first.status, true, &documented);
            Some(match body_type(&first.body, type_names)? {
                Some(ty) if is_json(&first.body) => quote! {
                    /// The next answer: the documented success with this body.
                    pub fn succeed(self, body: #ty) -> Self {
                        self.then(#status, ::serde_json::to_value(&body).ok())
                    }
                },
                // No body, or a text or binary one a scenario cannot give: the documented example is served.
                _ => quote! {
                    /// The next answer: the documented success, with its documented example.
                    pub fn succeed(self) -> Self {
                        self.then(#status, None)
                    }
                },
            })
        }
        Some(_) => {
            let success_ident = format_ident!("{pascal}Success");
            let arms = successes.iter().map(|response| {
                let variant = format_ident!("{}", status_variant(response.status));
                let status = served_status(response.status, response.success, &documented);
                let json = is_json(&response.body);
                match response.body {
                    BodyKind::Empty => {
                        quote!(responses::#success_ident::#variant => (#status, false),)
                    }
                    _ => quote!(responses::#success_ident::#variant(_) => (#status, #json),),
                }
            });
            Some(quote! {
                /// The next answer: one of the operation's documented successes, with its body.
                pub fn succeed(self, success: responses::#success_ident) -> Self {
                    let (status, with_body) = match &success { #(#arms)* };
                    self.then(status, with_body.then(|| ::serde_json::to_value(&success).ok()).flatten())
                }
            })
        }
    };

    let function_doc = format!(
        "A scenario for [`{method}`](super::Client::{method}) (`{label}`): add its answers in order with \
         `respond` and `succeed`.",
        method = op.method_name
    );
    let builder_doc = format!("The answers `{label}` is to give, in order.");
    Ok(quote! {
        #[doc = #function_doc]
        pub fn #function() -> #builder {
            #builder(::mock_server::Scenario::new(#label))
        }

        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        pub struct #builder(::mock_server::Scenario);

        impl #builder {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }

            #respond
            #succeed

            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }

        impl From<#builder> for ::mock_server::Scenario {
            fn from(scenario: #builder) -> Self {
                scenario.0
            }
        }
    })
}

fn is_json(body: &BodyKind) -> bool {
    matches!(body, BodyKind::Json(_) | BodyKind::AnyJson)
}

/// The status a scenario serves for a documented response: its code; for a range (`4XX`) or `default`,
/// the first status of it that no exact response of the operation takes, so the mock picks this response.
fn served_status(status: StatusKey, success: bool, documented: &[StatusKey]) -> u16 {
    let free = |code: u16| !documented.contains(&StatusKey::Code(code));
    match status {
        StatusKey::Code(code) => code,
        StatusKey::Range(digit) => {
            let low = u16::from(digit) * 100;
            (low..low + 100).find(|&c| free(c)).unwrap_or(low)
        }
        // A `default` that is the operation's only answer besides errors stands for its success.
        StatusKey::Default if success => (200..300)
            .find(|&c| free(c) && !documented.contains(&StatusKey::Range(2)))
            .unwrap_or(200),
        StatusKey::Default => (500..600)
            .chain(400..500)
            .find(|&c| free(c) && !documented.contains(&StatusKey::Range((c / 100) as u8)))
            .unwrap_or(500),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_default_are_served_with_a_status_no_exact_response_takes() {
        let documented = [
            StatusKey::Code(200),
            StatusKey::Code(400),
            StatusKey::Range(4),
            StatusKey::Code(500),
            StatusKey::Default,
        ];
        assert_eq!(served_status(StatusKey::Code(400), false, &documented), 400);
        assert_eq!(served_status(StatusKey::Range(4), false, &documented), 401);
        assert_eq!(served_status(StatusKey::Default, false, &documented), 501);
        assert_eq!(
            served_status(StatusKey::Default, true, &[StatusKey::Default]),
            200
        );
    }
}
