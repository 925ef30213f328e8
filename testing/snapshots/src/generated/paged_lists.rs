/**Client for Paged lists (`paged_lists.yaml`).

One list paged by page number and one paged by token, for the generated paginators.*/
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
pub mod paged_lists {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`ListEventsResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct ListEventsResponse {
            pub items: ::std::vec::Vec<::std::string::String>,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub next_page_token: ::std::option::Option<::std::string::String>,
        }
        ///`ListSnapshotsResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct ListSnapshotsResponse {
            pub snapshots: ::std::vec::Vec<Snapshot>,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub total_count: ::std::option::Option<i64>,
        }
        ///`Snapshot`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Snapshot {
            pub id: ::std::string::String,
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
    /**Client for Paged lists

One list paged by page number and one paged by token, for the generated paginators.

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
        ///A client for Paged lists: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        ///`GET /snapshots`: set the parameters on the returned [`builder::ListSnapshots`], then [`send`](builder::ListSnapshots::send) it.
        pub fn list_snapshots(&self) -> builder::ListSnapshots<'_> {
            builder::ListSnapshots::new(self)
        }
        ///`GET /events`: set the parameters on the returned [`builder::ListEvents`], then [`send`](builder::ListEvents::send) it.
        pub fn list_events(&self) -> builder::ListEvents<'_> {
            builder::ListEvents::new(self)
        }
    }
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::list_snapshots`](super::Client::list_snapshots): `GET /snapshots`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct ListSnapshots<'a> {
            client: &'a super::Client,
            call: CallOptions,
            page: Param<i64>,
            per_page: Param<i64>,
        }
        impl<'a> ListSnapshots<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    page: Default::default(),
                    per_page: Default::default(),
                }
            }
            ///`page` (query):
            pub fn page(mut self, value: impl IntoParam<i64>) -> Self {
                self.page = Param::new(value);
                self
            }
            ///`per_page` (query):
            pub fn per_page(mut self, value: impl IntoParam<i64>) -> Self {
                self.per_page = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /snapshots`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` A page of snapshots.: `Ok` (Ok)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<types::ListSnapshotsResponse>,
                Error<responses::ListSnapshotsError>,
            > {
                let client = self.client;
                let page = self.page.optional("page")?;
                let per_page = self.per_page.optional("per_page")?;
                let url = format!("{}/snapshots", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client
                    .client
                    .get(url)
                    .query(&progenitor_client::QueryParam::new("page", &page))
                    .query(&progenitor_client::QueryParam::new("per_page", &per_page))
                    .headers(header_map)
                    .build()?;
                let operation = Operation::json("listSnapshots");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::ListSnapshotsError::decode(response).await
            }
            ///Every item of every page, as one stream: pages are numbered from `page` as it is set (or 1); the stream ends on an empty page or once `total_count` items are read.
            pub fn items(
                self,
            ) -> crate::runtime::Items<
                'a,
                types::Snapshot,
                responses::ListSnapshotsError,
            > {
                let first = if self.page.position() == 0 {
                    1u64
                } else {
                    self.page.position()
                };
                crate::runtime::Items::by_page_number(
                    first,
                    move |number| {
                        let request = self.clone().page(number);
                        async move {
                            let page = request.send().await?.into_inner();
                            Ok(crate::runtime::Page {
                                items: page.snapshots,
                                total: page
                                    .total_count
                                    .and_then(|total| u64::try_from(total).ok()),
                                next_token: None,
                            })
                        }
                    },
                )
            }
        }
        ///Builds and sends [`Client::list_events`](super::Client::list_events): `GET /events`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct ListEvents<'a> {
            client: &'a super::Client,
            call: CallOptions,
            limit: Param<i64>,
            page_token: Param<::std::string::String>,
        }
        impl<'a> ListEvents<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    limit: Default::default(),
                    page_token: Default::default(),
                }
            }
            ///`limit` (query):
            pub fn limit(mut self, value: impl IntoParam<i64>) -> Self {
                self.limit = Param::new(value);
                self
            }
            ///`page_token` (query):
            pub fn page_token(
                mut self,
                value: impl IntoParam<::std::string::String>,
            ) -> Self {
                self.page_token = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /events`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` A page of events.: `Ok` (Ok)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<types::ListEventsResponse>,
                Error<responses::ListEventsError>,
            > {
                let client = self.client;
                let limit = self.limit.optional("limit")?;
                let page_token = self.page_token.optional("page_token")?;
                let url = format!("{}/events", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client
                    .client
                    .get(url)
                    .query(&progenitor_client::QueryParam::new("limit", &limit))
                    .query(
                        &progenitor_client::QueryParam::new("page_token", &page_token),
                    )
                    .headers(header_map)
                    .build()?;
                let operation = Operation::json("listEvents");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::ListEventsError::decode(response).await
            }
            ///Every item of every page, as one stream: each page after the first is asked for with the token the previous one returned in `next_page_token`; the stream ends when none comes.
            pub fn items(
                self,
            ) -> crate::runtime::Items<
                'a,
                ::std::string::String,
                responses::ListEventsError,
            > {
                crate::runtime::Items::by_token(
                    None,
                    move |token| {
                        let request = match token {
                            Some(token) => self.clone().page_token(token),
                            None => self.clone(),
                        };
                        async move {
                            let page = request.send().await?.into_inner();
                            Ok(crate::runtime::Page {
                                items: page.items,
                                total: None,
                                next_token: page.next_page_token,
                            })
                        }
                    },
                )
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
        fn call_list_snapshots<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.list_snapshots();
            let call = set(call, args, "page", |b, v: i64| b.page(v))?;
            let call = set(call, args, "per_page", |b, v: i64| b.per_page(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::ListSnapshotsError| error.variant(),
                ),
            )
        }
        fn call_list_events<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.list_events();
            let call = set(call, args, "limit", |b, v: i64| b.limit(v))?;
            let call = set(
                call,
                args,
                "page_token",
                |b, v: ::std::string::String| b.page_token(v),
            )?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::ListEventsError| error.variant(),
                ),
            )
        }
        match operation_id {
            "listSnapshots" => call_list_snapshots(client, args),
            "listEvents" => call_list_events(client, args),
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
        ///The documented error responses of [`ListSnapshots::send`](super::builder::ListSnapshots::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum ListSnapshotsError {}
        impl ListSnapshotsError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {}
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::ListSnapshotsResponse>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    _ => Err(undocumented(response).await),
                }
            }
        }
        ///The documented error responses of [`ListEvents::send`](super::builder::ListEvents::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum ListEventsError {}
        impl ListEventsError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {}
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::ListEventsResponse>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
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
                "list_snapshots" => {
                    match ListSnapshotsError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "list_events" => {
                    match ListEventsError::decode(response).await {
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
        ///A scenario for [`list_snapshots`](super::Client::list_snapshots) (`paged_lists.listSnapshots`): add its answers in order with `respond` and `succeed`.
        pub fn list_snapshots() -> ListSnapshotsScenario {
            ListSnapshotsScenario(
                ::mock_server::Scenario::new("paged_lists.listSnapshots"),
            )
        }
        ///The answers `paged_lists.listSnapshots` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct ListSnapshotsScenario(::mock_server::Scenario);
        impl ListSnapshotsScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::ListSnapshotsResponse) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<ListSnapshotsScenario> for ::mock_server::Scenario {
            fn from(scenario: ListSnapshotsScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`list_events`](super::Client::list_events) (`paged_lists.listEvents`): add its answers in order with `respond` and `succeed`.
        pub fn list_events() -> ListEventsScenario {
            ListEventsScenario(::mock_server::Scenario::new("paged_lists.listEvents"))
        }
        ///The answers `paged_lists.listEvents` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct ListEventsScenario(::mock_server::Scenario);
        impl ListEventsScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::ListEventsResponse) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<ListEventsScenario> for ::mock_server::Scenario {
            fn from(scenario: ListEventsScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["paged_lists"];
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
        "paged_lists" => {
            let client = paged_lists::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            paged_lists::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
