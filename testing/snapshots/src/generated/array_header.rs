/**Client for repro (`array-header.yaml`).

*/
#[allow(
    clippy::all,
    nonstandard_style,
    unused_comparisons,
    unused_imports,
    unused_variables,
    dead_code,
    missing_docs,
    rustdoc::bare_urls,
    rustdoc::invalid_html_tags,
    rustdoc::invalid_rust_codeblocks,
    rustdoc::invalid_codeblock_attributes,
    rustdoc::redundant_explicit_links,
    rustdoc::unescaped_backticks
)]
pub mod array_header {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`ListResponsesOpenAiBetaItem`
        #[derive(
            ::serde::Deserialize,
            ::serde::Serialize,
            Clone,
            Copy,
            Debug,
            Eq,
            Hash,
            Ord,
            PartialEq,
            PartialOrd
        )]
        pub enum ListResponsesOpenAiBetaItem {
            #[serde(rename = "assistants=v2")]
            AssistantsV2,
            #[serde(rename = "responses=v1")]
            ResponsesV1,
        }
        impl ::std::fmt::Display for ListResponsesOpenAiBetaItem {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match *self {
                    Self::AssistantsV2 => f.write_str("assistants=v2"),
                    Self::ResponsesV1 => f.write_str("responses=v1"),
                }
            }
        }
        impl ::std::str::FromStr for ListResponsesOpenAiBetaItem {
            type Err = self::error::ConversionError;
            fn from_str(
                value: &str,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                match value {
                    "assistants=v2" => Ok(Self::AssistantsV2),
                    "responses=v1" => Ok(Self::ResponsesV1),
                    _ => Err("invalid value".into()),
                }
            }
        }
        impl ::std::convert::TryFrom<&str> for ListResponsesOpenAiBetaItem {
            type Error = self::error::ConversionError;
            fn try_from(
                value: &str,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        impl ::std::convert::TryFrom<::std::string::String>
        for ListResponsesOpenAiBetaItem {
            type Error = self::error::ConversionError;
            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        /// Error types.
        pub mod error {
            /// Error from a `TryFrom` or `FromStr` implementation.
            pub struct ConversionError(::std::borrow::Cow<'static, str>);
            impl ::std::error::Error for ConversionError {}
            impl ::std::fmt::Display for ConversionError {
                fn fmt(
                    &self,
                    f: &mut ::std::fmt::Formatter<'_>,
                ) -> Result<(), ::std::fmt::Error> {
                    ::std::fmt::Display::fmt(&self.0, f)
                }
            }
            impl ::std::fmt::Debug for ConversionError {
                fn fmt(
                    &self,
                    f: &mut ::std::fmt::Formatter<'_>,
                ) -> Result<(), ::std::fmt::Error> {
                    ::std::fmt::Debug::fmt(&self.0, f)
                }
            }
            impl From<&'static str> for ConversionError {
                fn from(value: &'static str) -> Self {
                    Self(value.into())
                }
            }
            impl From<String> for ConversionError {
                fn from(value: String) -> Self {
                    Self(value.into())
                }
            }
        }
    }
    #[derive(Clone, Debug)]
    /**Client for repro

Version: 1*/
    pub struct Client {
        pub(crate) baseurl: String,
        pub(crate) client: reqwest::Client,
        pub(crate) inner: crate::runtime::ClientState,
    }
    impl ClientInfo<crate::runtime::ClientState> for Client {
        fn api_version() -> &'static str {
            "1"
        }
        fn baseurl(&self) -> &str {
            self.baseurl.as_str()
        }
        fn client(&self) -> &reqwest::Client {
            &self.client
        }
        fn inner(&self) -> &crate::runtime::ClientState {
            &self.inner
        }
    }
    /// This API documents no credentials, so there are none to pass.
    #[derive(Debug, Clone)]
    pub enum Credentials {}
    impl crate::runtime::SchemeCredentials for Credentials {
        fn credential(
            &self,
        ) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
            match *self {}
        }
    }
    #[cfg(feature = "dynamic-call")]
    impl Credentials {
        #[doc(hidden)]
        pub fn for_every_scheme(_secret: &str) -> Vec<Credentials> {
            Vec::new()
        }
    }
    impl crate::runtime::GeneratedClient for Client {
        type Credentials = Credentials;
        fn from_parts(parts: crate::runtime::ClientParts) -> Self {
            Self {
                baseurl: parts.base_url,
                client: parts.http,
                inner: parts.state,
            }
        }
    }
    impl Client {
        ///A client for repro: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        ///`GET /responses`: set the parameters on the returned [`builder::ListResponses`], then [`send`](builder::ListResponses::send) it.
        pub fn list_responses(&self) -> builder::ListResponses<'_> {
            builder::ListResponses::new(self)
        }
    }
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::list_responses`](super::Client::list_responses): `GET /responses`. Required: `x_ids`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct ListResponses<'a> {
            client: &'a super::Client,
            call: CallOptions,
            open_ai_beta: Param<::std::vec::Vec<types::ListResponsesOpenAiBetaItem>>,
            x_ids: Param<::std::vec::Vec<i64>>,
            x_shape: Param<::std::string::String>,
        }
        impl<'a> ListResponses<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    open_ai_beta: Default::default(),
                    x_ids: Default::default(),
                    x_shape: Default::default(),
                }
            }
            ///`OpenAI-Beta` (header):
            pub fn open_ai_beta(
                mut self,
                value: impl IntoParam<
                    ::std::vec::Vec<types::ListResponsesOpenAiBetaItem>,
                >,
            ) -> Self {
                self.open_ai_beta = Param::new(value);
                self
            }
            ///`X-Ids` (header, required):
            pub fn x_ids(mut self, value: impl IntoParam<::std::vec::Vec<i64>>) -> Self {
                self.x_ids = Param::new(value);
                self
            }
            ///`X-Shape` (header):
            pub fn x_shape(
                mut self,
                value: impl IntoParam<::std::string::String>,
            ) -> Self {
                self.x_shape = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /responses`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` ok: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::ListResponsesError>> {
                let client = self.client;
                let open_ai_beta = self.open_ai_beta.optional("open_ai_beta")?;
                let x_ids = self.x_ids.required("x_ids")?;
                let x_shape = self.x_shape.optional("x_shape")?;
                let url = format!("{}/responses", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(4usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                if let Some(value) = open_ai_beta {
                    header_map
                        .append(
                            "OpenAI-Beta",
                            crate::runtime::simple_list(&value).try_into()?,
                        );
                }
                header_map
                    .append("X-Ids", crate::runtime::simple_list(&x_ids).try_into()?);
                if let Some(value) = x_shape {
                    header_map.append("X-Shape", value.to_string().try_into()?);
                }
                #[allow(unused_mut)]
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation("listResponses", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::ListResponsesError::decode(response).await
            }
        }
    }
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
        fn call_list_responses<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.list_responses();
            let call = set(
                call,
                args,
                "OpenAI-Beta",
                |b, v: ::std::vec::Vec<types::ListResponsesOpenAiBetaItem>| {
                    b.open_ai_beta(v)
                },
            )?;
            let call = set(
                call,
                args,
                "X-Ids",
                |b, v: ::std::vec::Vec<i64>| b.x_ids(v),
            )?;
            let call = set(
                call,
                args,
                "X-Shape",
                |b, v: ::std::string::String| b.x_shape(v),
            )?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::ListResponsesError| error.variant(),
                ),
            )
        }
        match operation_id {
            "listResponses" => call_list_responses(client, args),
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
            .fold(
                Client::builder(base_url).config(config),
                |builder, credentials| builder.credentials(credentials),
            )
            .build()
    }
    /// Typed outcomes of each operation: an enum of documented error responses per operation, and of
    /// success responses where an operation documents several with different bodies.
    pub mod responses {
        #[allow(unused_imports)]
        use super::{responses, types, Error, Response};
        #[allow(unused_imports)]
        use crate::runtime::decode::{
            body, error, success, undocumented, Binary, Empty, Json, Text,
        };
        ///The documented error responses of [`ListResponses::send`](super::builder::ListResponses::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum ListResponsesError {}
        impl ListResponsesError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {}
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<()>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    204u16 => body(response, Empty).await,
                    _ => Err(undocumented(response).await),
                }
            }
        }
        /// Decodes `response` as the operation whose method is named `method` would, reporting only
        /// whether that worked: for tests that check every documented example decodes.
        #[cfg(feature = "dynamic-call")]
        #[doc(hidden)]
        pub async fn __decode_by_operation(
            method: &str,
            response: ::reqwest::Response,
        ) -> Result<(), String> {
            match method {
                "list_responses" => {
                    match ListResponsesError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                _ => Err(format!("no operation `{method}`")),
            }
        }
    }
    /// Typed scenarios for the mock server (`mock` feature): one builder per operation, whose answers
    /// are named with this client's response types. Pass one to `MockServer::scenario`.
    #[cfg(feature = "mock")]
    pub mod mock {
        use super::{responses, types};
        ///A scenario for [`list_responses`](super::Client::list_responses) (`array-header.listResponses`): add its answers in order with `respond` and `succeed`.
        pub fn list_responses() -> ListResponsesScenario {
            ListResponsesScenario(
                ::mock_server::Scenario::new("array-header.listResponses"),
            )
        }
        ///The answers `array-header.listResponses` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct ListResponsesScenario(::mock_server::Scenario);
        impl ListResponsesScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: the documented success, with its documented example.
            pub fn succeed(self) -> Self {
                self.then(204u16, None)
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<ListResponsesScenario> for ::mock_server::Scenario {
            fn from(scenario: ListResponsesScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["array-header"];
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
        "array-header" => {
            let client = array_header::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            array_header::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
