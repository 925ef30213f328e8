/**Client for repro (`builder-name-param.yaml`).

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
pub mod builder_name_param {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`ListClientSessionsResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        #[serde(transparent)]
        pub struct ListClientSessionsResponse(
            pub ::std::vec::Vec<::std::string::String>,
        );
        impl ::std::ops::Deref for ListClientSessionsResponse {
            type Target = ::std::vec::Vec<::std::string::String>;
            fn deref(&self) -> &::std::vec::Vec<::std::string::String> {
                &self.0
            }
        }
        impl ::std::convert::From<ListClientSessionsResponse>
        for ::std::vec::Vec<::std::string::String> {
            fn from(value: ListClientSessionsResponse) -> Self {
                value.0
            }
        }
        impl ::std::convert::From<::std::vec::Vec<::std::string::String>>
        for ListClientSessionsResponse {
            fn from(value: ::std::vec::Vec<::std::string::String>) -> Self {
                Self(value)
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
        ///`GET /clients/{id}/sessions`: set the parameters on the returned [`builder::ListClientSessions`], then [`send`](builder::ListClientSessions::send) it.
        pub fn list_client_sessions(&self) -> builder::ListClientSessions<'_> {
            builder::ListClientSessions::new(self)
        }
        ///`GET /builder`: set the parameters on the returned [`builder::Builder2`], then [`send`](builder::Builder2::send) it.
        pub fn builder_2(&self) -> builder::Builder2<'_> {
            builder::Builder2::new(self)
        }
        ///`GET /feeds`: set the parameters on the returned [`builder::X4oDBrowseByDate`], then [`send`](builder::X4oDBrowseByDate::send) it.
        pub fn _4o_d_browse_by_date(&self) -> builder::X4oDBrowseByDate<'_> {
            builder::X4oDBrowseByDate::new(self)
        }
        ///`GET /errors`: set the parameters on the returned [`builder::ErrorRequest`], then [`send`](builder::ErrorRequest::send) it.
        pub fn error(&self) -> builder::ErrorRequest<'_> {
            builder::ErrorRequest::new(self)
        }
        ///`GET /self`: set the parameters on the returned [`builder::Self_`], then [`send`](builder::Self_::send) it.
        pub fn self_(&self) -> builder::Self_<'_> {
            builder::Self_::new(self)
        }
    }
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::list_client_sessions`](super::Client::list_client_sessions): `GET /clients/{id}/sessions`. Required: `id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct ListClientSessions<'a> {
            client2: &'a super::Client,
            call2: CallOptions,
            id: Param<::std::string::String>,
            call: Param<::std::string::String>,
            client: Param<::std::string::String>,
            first: Param<i64>,
            max: Param<i64>,
            new: Param<bool>,
            send: Param<bool>,
        }
        impl<'a> ListClientSessions<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client2: client,
                    call2: Default::default(),
                    id: Default::default(),
                    call: Default::default(),
                    client: Default::default(),
                    first: Default::default(),
                    max: Default::default(),
                    new: Default::default(),
                    send: Default::default(),
                }
            }
            ///`id` (path, required):
            pub fn id(mut self, value: impl IntoParam<::std::string::String>) -> Self {
                self.id = Param::new(value);
                self
            }
            ///`call` (query):
            pub fn call(mut self, value: impl IntoParam<::std::string::String>) -> Self {
                self.call = Param::new(value);
                self
            }
            ///`client` (query):
            pub fn client(
                mut self,
                value: impl IntoParam<::std::string::String>,
            ) -> Self {
                self.client = Param::new(value);
                self
            }
            ///`first` (query):
            pub fn first(mut self, value: impl IntoParam<i64>) -> Self {
                self.first = Param::new(value);
                self
            }
            ///`max` (query):
            pub fn max(mut self, value: impl IntoParam<i64>) -> Self {
                self.max = Param::new(value);
                self
            }
            ///`new` (query):
            pub fn set_new(mut self, value: impl IntoParam<bool>) -> Self {
                self.new = Param::new(value);
                self
            }
            ///`send` (query):
            pub fn set_send(mut self, value: impl IntoParam<bool>) -> Self {
                self.send = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call2 = f(self.call2);
                self
            }
            /**Sends the request (`GET /clients/{id}/sessions`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` ok: `Ok` (Ok)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<types::ListClientSessionsResponse>,
                Error<responses::ListClientSessionsError>,
            > {
                let client2 = self.client2;
                let id = self.id.required("id")?;
                let call = self.call.optional("call")?;
                let client = self.client.optional("client")?;
                let first = self.first.optional("first")?;
                let max = self.max.optional("max")?;
                let new = self.new.optional("set_new")?;
                let send = self.send.optional("set_send")?;
                let url = format!(
                    "{}/clients/{}/sessions", client2.baseurl, encode_path(& id
                    .to_string()),
                );
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client2
                    .client
                    .get(url)
                    .query(&progenitor_client::QueryParam::new("call", &call))
                    .query(&progenitor_client::QueryParam::new("client", &client))
                    .query(&progenitor_client::QueryParam::new("first", &first))
                    .query(&progenitor_client::QueryParam::new("max", &max))
                    .query(&progenitor_client::QueryParam::new("new", &new))
                    .query(&progenitor_client::QueryParam::new("send", &send))
                    .headers(header_map)
                    .build()?;
                let operation = Operation::json("listClientSessions");
                let response = client2
                    .inner
                    .send(request, &operation, self.call2)
                    .await?;
                responses::ListClientSessionsError::decode(response).await
            }
        }
        ///Builds and sends [`Client::builder_2`](super::Client::builder_2): `GET /builder`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct Builder2<'a> {
            client: &'a super::Client,
            call: CallOptions,
        }
        impl<'a> Builder2<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                }
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /builder`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` ok: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::Builder2Error>> {
                let client = self.client;
                let url = format!("{}/builder", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation("builder", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::Builder2Error::decode(response).await
            }
        }
        ///Builds and sends [`Client::_4o_d_browse_by_date`](super::Client::_4o_d_browse_by_date): `GET /feeds`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct X4oDBrowseByDate<'a> {
            client: &'a super::Client,
            call: CallOptions,
        }
        impl<'a> X4oDBrowseByDate<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                }
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /feeds`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` ok: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::X4oDBrowseByDateError>> {
                let client = self.client;
                let url = format!("{}/feeds", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation("4oDBrowseByDate", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::X4oDBrowseByDateError::decode(response).await
            }
        }
        ///Builds and sends [`Client::error`](super::Client::error): `GET /errors`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct ErrorRequest<'a> {
            client: &'a super::Client,
            call: CallOptions,
        }
        impl<'a> ErrorRequest<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                }
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /errors`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` ok: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::ErrorError>> {
                let client = self.client;
                let url = format!("{}/errors", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation("error", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::ErrorError::decode(response).await
            }
        }
        ///Builds and sends [`Client::self_`](super::Client::self_): `GET /self`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct Self_<'a> {
            client: &'a super::Client,
            call: CallOptions,
        }
        impl<'a> Self_<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                }
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /self`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` ok: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::Self_Error>> {
                let client = self.client;
                let url = format!("{}/self", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation("self", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::Self_Error::decode(response).await
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
        fn call_list_client_sessions<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.list_client_sessions();
            let call = set(call, args, "id", |b, v: ::std::string::String| b.id(v))?;
            let call = set(call, args, "call", |b, v: ::std::string::String| b.call(v))?;
            let call = set(
                call,
                args,
                "client",
                |b, v: ::std::string::String| b.client(v),
            )?;
            let call = set(call, args, "first", |b, v: i64| b.first(v))?;
            let call = set(call, args, "max", |b, v: i64| b.max(v))?;
            let call = set(call, args, "new", |b, v: bool| b.set_new(v))?;
            let call = set(call, args, "send", |b, v: bool| b.set_send(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::ListClientSessionsError| error.variant(),
                ),
            )
        }
        fn call_builder_2<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.builder_2();
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::Builder2Error| error.variant(),
                ),
            )
        }
        fn call__4o_d_browse_by_date<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client._4o_d_browse_by_date();
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::X4oDBrowseByDateError| error.variant(),
                ),
            )
        }
        fn call_error<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.error();
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::ErrorError| error.variant(),
                ),
            )
        }
        fn call_self_<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.self_();
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::Self_Error| error.variant(),
                ),
            )
        }
        match operation_id {
            "listClientSessions" => call_list_client_sessions(client, args),
            "builder" => call_builder_2(client, args),
            "4oDBrowseByDate" => call__4o_d_browse_by_date(client, args),
            "error" => call_error(client, args),
            "self" => call_self_(client, args),
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
        ///The documented error responses of [`ListClientSessions::send`](super::builder::ListClientSessions::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum ListClientSessionsError {}
        impl ListClientSessionsError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {}
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::ListClientSessionsResponse>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    _ => Err(undocumented(response).await),
                }
            }
        }
        ///The documented error responses of [`Builder2::send`](super::builder::Builder2::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum Builder2Error {}
        impl Builder2Error {
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
        ///The documented error responses of [`X4oDBrowseByDate::send`](super::builder::X4oDBrowseByDate::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum X4oDBrowseByDateError {}
        impl X4oDBrowseByDateError {
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
        ///The documented error responses of [`ErrorRequest::send`](super::builder::ErrorRequest::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum ErrorError {}
        impl ErrorError {
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
        ///The documented error responses of [`Self_::send`](super::builder::Self_::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum Self_Error {}
        impl Self_Error {
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
                "list_client_sessions" => {
                    match ListClientSessionsError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "builder_2" => {
                    match Builder2Error::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "_4o_d_browse_by_date" => {
                    match X4oDBrowseByDateError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "error" => {
                    match ErrorError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "self_" => {
                    match Self_Error::decode(response).await {
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
        ///A scenario for [`list_client_sessions`](super::Client::list_client_sessions) (`builder-name-param.listClientSessions`): add its answers in order with `respond` and `succeed`.
        pub fn list_client_sessions() -> ListClientSessionsScenario {
            ListClientSessionsScenario(
                ::mock_server::Scenario::new("builder-name-param.listClientSessions"),
            )
        }
        ///The answers `builder-name-param.listClientSessions` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct ListClientSessionsScenario(::mock_server::Scenario);
        impl ListClientSessionsScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::ListClientSessionsResponse) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<ListClientSessionsScenario> for ::mock_server::Scenario {
            fn from(scenario: ListClientSessionsScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`builder_2`](super::Client::builder_2) (`builder-name-param.builder`): add its answers in order with `respond` and `succeed`.
        pub fn builder_2() -> Builder2Scenario {
            Builder2Scenario(::mock_server::Scenario::new("builder-name-param.builder"))
        }
        ///The answers `builder-name-param.builder` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct Builder2Scenario(::mock_server::Scenario);
        impl Builder2Scenario {
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
        impl From<Builder2Scenario> for ::mock_server::Scenario {
            fn from(scenario: Builder2Scenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`_4o_d_browse_by_date`](super::Client::_4o_d_browse_by_date) (`builder-name-param.4oDBrowseByDate`): add its answers in order with `respond` and `succeed`.
        pub fn _4o_d_browse_by_date() -> X4oDBrowseByDateScenario {
            X4oDBrowseByDateScenario(
                ::mock_server::Scenario::new("builder-name-param.4oDBrowseByDate"),
            )
        }
        ///The answers `builder-name-param.4oDBrowseByDate` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct X4oDBrowseByDateScenario(::mock_server::Scenario);
        impl X4oDBrowseByDateScenario {
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
        impl From<X4oDBrowseByDateScenario> for ::mock_server::Scenario {
            fn from(scenario: X4oDBrowseByDateScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`error`](super::Client::error) (`builder-name-param.error`): add its answers in order with `respond` and `succeed`.
        pub fn error() -> ErrorScenario {
            ErrorScenario(::mock_server::Scenario::new("builder-name-param.error"))
        }
        ///The answers `builder-name-param.error` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct ErrorScenario(::mock_server::Scenario);
        impl ErrorScenario {
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
        impl From<ErrorScenario> for ::mock_server::Scenario {
            fn from(scenario: ErrorScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`self_`](super::Client::self_) (`builder-name-param.self`): add its answers in order with `respond` and `succeed`.
        pub fn self_() -> Self_Scenario {
            Self_Scenario(::mock_server::Scenario::new("builder-name-param.self"))
        }
        ///The answers `builder-name-param.self` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct Self_Scenario(::mock_server::Scenario);
        impl Self_Scenario {
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
        impl From<Self_Scenario> for ::mock_server::Scenario {
            fn from(scenario: Self_Scenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["builder-name-param"];
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
        "builder-name-param" => {
            let client = builder_name_param::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            builder_name_param::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
