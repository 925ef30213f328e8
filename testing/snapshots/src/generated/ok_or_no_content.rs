/**Client for Success shapes (`ok_or_no_content.yaml`).

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
pub mod ok_or_no_content {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`CreateKeyError401`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct CreateKeyError401 {
            pub reason: ::std::string::String,
        }
        ///`GetJobError404`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct GetJobError404 {
            pub reason: ::std::string::String,
        }
        ///`GetJobResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct GetJobResponse {
            pub poll_after: i64,
        }
        ///`ImageRef`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        #[serde(untagged, deny_unknown_fields)]
        pub enum ImageRef {
            Variant0 { image_url: ::std::string::String },
            Variant1 { file_id: ::std::string::String },
        }
        ///`Job`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Job {
            pub id: ::std::string::String,
            pub state: JobState,
        }
        ///`JobState`
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
        pub enum JobState {
            #[serde(rename = "done")]
            Done,
            #[serde(rename = "failed")]
            Failed,
        }
        impl ::std::fmt::Display for JobState {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match *self {
                    Self::Done => f.write_str("done"),
                    Self::Failed => f.write_str("failed"),
                }
            }
        }
        impl ::std::str::FromStr for JobState {
            type Err = self::error::ConversionError;
            fn from_str(
                value: &str,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                match value {
                    "done" => Ok(Self::Done),
                    "failed" => Ok(Self::Failed),
                    _ => Err("invalid value".into()),
                }
            }
        }
        impl ::std::convert::TryFrom<&str> for JobState {
            type Error = self::error::ConversionError;
            fn try_from(
                value: &str,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        impl ::std::convert::TryFrom<::std::string::String> for JobState {
            type Error = self::error::ConversionError;
            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, self::error::ConversionError> {
                value.parse()
            }
        }
        ///`SearchFilter`
        #[derive(
            ::serde::Deserialize,
            ::serde::Serialize,
            Clone,
            Debug,
            Default,
            PartialEq
        )]
        pub struct SearchFilter {
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub limit: ::std::option::Option<i64>,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub status: ::std::option::Option<::std::string::String>,
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
    /**Client for Success shapes

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
        ///A client for Success shapes: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        ///`GET /jobs/{id}`: set the parameters on the returned [`builder::GetJob`], then [`send`](builder::GetJob::send) it.
        pub fn get_job(&self) -> builder::GetJob<'_> {
            builder::GetJob::new(self)
        }
        ///`POST /keys`: set the parameters on the returned [`builder::CreateKey`], then [`send`](builder::CreateKey::send) it.
        pub fn create_key(&self) -> builder::CreateKey<'_> {
            builder::CreateKey::new(self)
        }
        ///`GET /searches`: set the parameters on the returned [`builder::Search`], then [`send`](builder::Search::send) it.
        pub fn search(&self) -> builder::Search<'_> {
            builder::Search::new(self)
        }
        ///`POST /images/edits`: set the parameters on the returned [`builder::EditImage`], then [`send`](builder::EditImage::send) it.
        pub fn edit_image(&self) -> builder::EditImage<'_> {
            builder::EditImage::new(self)
        }
    }
    crate::runtime::from_ref!(types::SearchFilter, types::ImageRef);
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::get_job`](super::Client::get_job): `GET /jobs/{id}`. Required: `id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct GetJob<'a> {
            client: &'a super::Client,
            call: CallOptions,
            id: Param<::std::string::String>,
        }
        impl<'a> GetJob<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    id: Default::default(),
                }
            }
            ///`id` (path, required):
            pub fn id(mut self, value: impl IntoParam<::std::string::String>) -> Self {
                self.id = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /jobs/{id}`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` finished: `Ok` (Ok)
- `202` still running: `Ok` (Accepted)
- `204` nothing to report: `Ok` (NoContent)
- `404` no such job: `Err(Error::Documented)` (NotFound)
- `4XX` other client error: `Err(Error::Documented)` (ClientError)
- `default` anything else: `Err(Error::Documented)` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<responses::GetJobSuccess>,
                Error<responses::GetJobError>,
            > {
                let client = self.client;
                let id = self.id.required("id")?;
                let url = format!(
                    "{}/jobs/{}", client.baseurl, encode_path(& id.to_string()),
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
                let mut request = client.client.get(url).headers(header_map).build()?;
                let operation = Operation(
                    "getJob",
                    Some("application/json, text/plain"),
                    None,
                    None,
                );
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::GetJobError::decode(response).await
            }
        }
        ///Builds and sends [`Client::create_key`](super::Client::create_key): `POST /keys`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct CreateKey<'a> {
            client: &'a super::Client,
            call: CallOptions,
        }
        impl<'a> CreateKey<'a> {
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
            /**Sends the request (`POST /keys`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `401` unauthorized: `Err(Error::Documented)` (Unauthorized)
- `410` retired: `Err(Error::Documented)` (Gone)
- `default` the key: `Ok` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<Response<types::Job>, Error<responses::CreateKeyError>> {
                let client = self.client;
                let url = format!("{}/keys", client.baseurl,);
                let mut header_map = ::reqwest::header::HeaderMap::with_capacity(1usize);
                header_map
                    .append(
                        ::reqwest::header::HeaderName::from_static("api-version"),
                        ::reqwest::header::HeaderValue::from_static(
                            super::Client::api_version(),
                        ),
                    );
                #[allow(unused_mut)]
                let mut request = client.client.post(url).headers(header_map).build()?;
                let operation = Operation::json("createKey");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::CreateKeyError::decode(response).await
            }
        }
        ///Builds and sends [`Client::search`](super::Client::search): `GET /searches`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct Search<'a> {
            client: &'a super::Client,
            call: CallOptions,
            limit_2: Param<::std::string::String>,
            filter: Param<types::SearchFilter>,
            limit: Param<i64>,
        }
        impl<'a> Search<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    limit_2: Default::default(),
                    filter: Default::default(),
                    limit: Default::default(),
                }
            }
            ///`Limit` (query): Pagination limit
            pub fn limit_2(
                mut self,
                value: impl IntoParam<::std::string::String>,
            ) -> Self {
                self.limit_2 = Param::new(value);
                self
            }
            ///`filter` (query):
            pub fn filter(mut self, value: impl IntoParam<types::SearchFilter>) -> Self {
                self.filter = Param::new(value);
                self
            }
            ///`limit` (query):
            pub fn limit(mut self, value: impl IntoParam<i64>) -> Self {
                self.limit = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /searches`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` searched: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::SearchError>> {
                let client = self.client;
                let limit_2 = self.limit_2.optional("limit_2")?;
                let filter = self.filter.optional("filter")?;
                let limit = self.limit.optional("limit")?;
                let url = format!("{}/searches", client.baseurl,);
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
                    .query(&progenitor_client::QueryParam::new("Limit", &limit_2))
                    .query(&crate::runtime::DeepObjectParam::new("filter", &filter))
                    .query(&progenitor_client::QueryParam::new("limit", &limit))
                    .headers(header_map)
                    .build()?;
                let operation = Operation("search", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::SearchError::decode(response).await
            }
        }
        ///Builds and sends [`Client::edit_image`](super::Client::edit_image): `POST /images/edits`. Required: `body`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct EditImage<'a> {
            client: &'a super::Client,
            call: CallOptions,
            body: Param<types::ImageRef>,
        }
        impl<'a> EditImage<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    body: Default::default(),
                }
            }
            ///The request body (`application/json`).
            pub fn body(mut self, value: impl IntoParam<types::ImageRef>) -> Self {
                self.body = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`POST /images/edits`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` accepted: `Ok` (NoContent)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::EditImageError>> {
                let client = self.client;
                let body = self.body.required("body")?;
                let url = format!("{}/images/edits", client.baseurl,);
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
                    .post(url)
                    .json(&body)
                    .headers(header_map)
                    .build()?;
                let operation = Operation("editImage", None, None, None);
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::EditImageError::decode(response).await
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
        fn call_get_job<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.get_job();
            let call = set(call, args, "id", |b, v: ::std::string::String| b.id(v))?;
            Ok(
                sending(
                    call.send(),
                    |value| Some(value.variant()),
                    |error: &responses::GetJobError| error.variant(),
                ),
            )
        }
        fn call_create_key<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.create_key();
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::CreateKeyError| error.variant(),
                ),
            )
        }
        fn call_search<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.search();
            let call = set(
                call,
                args,
                "Limit",
                |b, v: ::std::string::String| b.limit_2(v),
            )?;
            let call = set(
                call,
                args,
                "filter",
                |b, v: types::SearchFilter| b.filter(v),
            )?;
            let call = set(call, args, "limit", |b, v: i64| b.limit(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::SearchError| error.variant(),
                ),
            )
        }
        fn call_edit_image<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.edit_image();
            let call = set(call, args, "body", |b, v: types::ImageRef| b.body(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::EditImageError| error.variant(),
                ),
            )
        }
        match operation_id {
            "getJob" => call_get_job(client, args),
            "createKey" => call_create_key(client, args),
            "search" => call_search(client, args),
            "editImage" => call_edit_image(client, args),
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
        ///The documented success responses of [`GetJob::send`](super::builder::GetJob::send).
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum GetJobSuccess {
            ///`200`: finished (types::Job)
            Ok(types::Job),
            ///`202`: still running (types::GetJobResponse)
            Accepted(types::GetJobResponse),
            ///`204`: nothing to report (no body)
            NoContent,
        }
        impl GetJobSuccess {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Ok(..) => "Ok",
                    Self::Accepted(..) => "Accepted",
                    Self::NoContent => "NoContent",
                }
            }
        }
        ///The documented error responses of [`GetJob::send`](super::builder::GetJob::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum GetJobError {
            ///`404`: no such job (types::GetJobError404)
            NotFound(types::GetJobError404),
            ///`4XX`: other client error (::std::string::String)
            ClientError(::std::string::String),
            ///`default`: anything else (types::Job)
            Other(types::Job),
        }
        impl GetJobError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::NotFound(..) => "NotFound",
                    Self::ClientError(..) => "ClientError",
                    Self::Other(..) => "Other",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<responses::GetJobSuccess>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => success(response, Json, GetJobSuccess::Ok).await,
                    202u16 => success(response, Json, GetJobSuccess::Accepted).await,
                    204u16 => {
                        success(response, Empty, |()| GetJobSuccess::NoContent).await
                    }
                    404u16 => error(response, Json, Self::NotFound).await,
                    400u16..=499u16 => error(response, Text, Self::ClientError).await,
                    _ => error(response, Json, Self::Other).await,
                }
            }
        }
        ///The documented error responses of [`CreateKey::send`](super::builder::CreateKey::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum CreateKeyError {
            ///`401`: unauthorized (types::CreateKeyError401)
            Unauthorized(types::CreateKeyError401),
            ///`410`: retired (no body)
            Gone,
        }
        impl CreateKeyError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Unauthorized(..) => "Unauthorized",
                    Self::Gone => "Gone",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::Job>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    401u16 => error(response, Json, Self::Unauthorized).await,
                    410u16 => error(response, Empty, |()| Self::Gone).await,
                    _ => body(response, Json).await,
                }
            }
        }
        ///The documented error responses of [`Search::send`](super::builder::Search::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum SearchError {}
        impl SearchError {
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
        ///The documented error responses of [`EditImage::send`](super::builder::EditImage::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum EditImageError {}
        impl EditImageError {
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
                "get_job" => {
                    match GetJobError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "create_key" => {
                    match CreateKeyError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "search" => {
                    match SearchError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "edit_image" => {
                    match EditImageError::decode(response).await {
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
        ///A scenario for [`get_job`](super::Client::get_job) (`ok_or_no_content.getJob`): add its answers in order with `respond` and `succeed`.
        pub fn get_job() -> GetJobScenario {
            GetJobScenario(::mock_server::Scenario::new("ok_or_no_content.getJob"))
        }
        ///The answers `ok_or_no_content.getJob` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct GetJobScenario(::mock_server::Scenario);
        impl GetJobScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::GetJobError) -> Self {
                let (status, with_body) = match &error {
                    responses::GetJobError::NotFound(_) => (404u16, true),
                    responses::GetJobError::ClientError(_) => (400u16, false),
                    responses::GetJobError::Other(_) => (500u16, true),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: one of the operation's documented successes, with its body.
            pub fn succeed(self, success: responses::GetJobSuccess) -> Self {
                let (status, with_body) = match &success {
                    responses::GetJobSuccess::Ok(_) => (200u16, true),
                    responses::GetJobSuccess::Accepted(_) => (202u16, true),
                    responses::GetJobSuccess::NoContent => (204u16, false),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&success).ok()).flatten(),
                )
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<GetJobScenario> for ::mock_server::Scenario {
            fn from(scenario: GetJobScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`create_key`](super::Client::create_key) (`ok_or_no_content.createKey`): add its answers in order with `respond` and `succeed`.
        pub fn create_key() -> CreateKeyScenario {
            CreateKeyScenario(::mock_server::Scenario::new("ok_or_no_content.createKey"))
        }
        ///The answers `ok_or_no_content.createKey` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct CreateKeyScenario(::mock_server::Scenario);
        impl CreateKeyScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::CreateKeyError) -> Self {
                let (status, with_body) = match &error {
                    responses::CreateKeyError::Unauthorized(_) => (401u16, true),
                    responses::CreateKeyError::Gone => (410u16, false),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::Job) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<CreateKeyScenario> for ::mock_server::Scenario {
            fn from(scenario: CreateKeyScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`search`](super::Client::search) (`ok_or_no_content.search`): add its answers in order with `respond` and `succeed`.
        pub fn search() -> SearchScenario {
            SearchScenario(::mock_server::Scenario::new("ok_or_no_content.search"))
        }
        ///The answers `ok_or_no_content.search` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct SearchScenario(::mock_server::Scenario);
        impl SearchScenario {
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
        impl From<SearchScenario> for ::mock_server::Scenario {
            fn from(scenario: SearchScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`edit_image`](super::Client::edit_image) (`ok_or_no_content.editImage`): add its answers in order with `respond` and `succeed`.
        pub fn edit_image() -> EditImageScenario {
            EditImageScenario(::mock_server::Scenario::new("ok_or_no_content.editImage"))
        }
        ///The answers `ok_or_no_content.editImage` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct EditImageScenario(::mock_server::Scenario);
        impl EditImageScenario {
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
        impl From<EditImageScenario> for ::mock_server::Scenario {
            fn from(scenario: EditImageScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["ok_or_no_content"];
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
        "ok_or_no_content" => {
            let client = ok_or_no_content::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            ok_or_no_content::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
