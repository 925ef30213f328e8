/**Client for Differing error bodies (`differing_errors.yaml`).

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
pub mod differing_errors {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`DeleteSystemBackupResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct DeleteSystemBackupResponse {
            pub code: i64,
            pub data: DeleteSystemBackupResponseData,
        }
        ///`DeleteSystemBackupResponseData`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct DeleteSystemBackupResponseData {
            pub backup_id: ::std::string::String,
        }
        ///`Envelope`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Envelope {
            pub code: i64,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub data: ::std::option::Option<
                ::serde_json::Map<::std::string::String, ::serde_json::Value>,
            >,
            pub message: ::std::string::String,
        }
        ///`ValidationError`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct ValidationError {
            pub code: i64,
            pub data: ValidationErrorData,
        }
        ///`ValidationErrorData`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct ValidationErrorData {
            pub errors: ::std::vec::Vec<ValidationErrorDataErrorsItem>,
        }
        ///`ValidationErrorDataErrorsItem`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct ValidationErrorDataErrorsItem {
            pub key: ::std::string::String,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub message: ::std::option::Option<::std::string::String>,
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
    /**Client for Differing error bodies

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
    /// Credentials for this API, one variant per security scheme, passed to
    /// [`ClientBuilder::credentials`](crate::runtime::ClientBuilder::credentials). `Debug` never shows
    /// the secret.
    #[derive(Debug, Clone)]
    pub enum Credentials {
        ///`BearerAuth`: a token sent as `Authorization: Bearer <token>`.
        BearerAuth(crate::runtime::Secret),
    }
    impl crate::runtime::SchemeCredentials for Credentials {
        fn credential(
            &self,
        ) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
            match self {
                Credentials::BearerAuth(secret) => {
                    crate::runtime::Credential::bearer(secret)
                }
            }
        }
    }
    #[cfg(feature = "dynamic-call")]
    impl Credentials {
        /// One credential per security scheme, every one carrying `secret`: for mock servers and tests,
        /// which check that credentials are present, not what they are.
        #[doc(hidden)]
        pub fn for_every_scheme(secret: &str) -> Vec<Credentials> {
            vec![Credentials::BearerAuth(secret.into())]
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
        ///A client for Differing error bodies: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        ///`DELETE /systems/{id}/backups/{backup_id}`: set the parameters on the returned [`builder::DeleteSystemBackup`], then [`send`](builder::DeleteSystemBackup::send) it.
        pub fn delete_system_backup(&self) -> builder::DeleteSystemBackup<'_> {
            builder::DeleteSystemBackup::new(self)
        }
    }
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::delete_system_backup`](super::Client::delete_system_backup): `DELETE /systems/{id}/backups/{backup_id}`. Required: `id`, `backup_id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct DeleteSystemBackup<'a> {
            client: &'a super::Client,
            call: CallOptions,
            id: Param<::std::string::String>,
            backup_id: Param<::std::string::String>,
        }
        impl<'a> DeleteSystemBackup<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    id: Default::default(),
                    backup_id: Default::default(),
                }
            }
            ///`id` (path, required):
            pub fn id(mut self, value: impl IntoParam<::std::string::String>) -> Self {
                self.id = Param::new(value);
                self
            }
            ///`backup_id` (path, required):
            pub fn backup_id(
                mut self,
                value: impl IntoParam<::std::string::String>,
            ) -> Self {
                self.backup_id = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`DELETE /systems/{id}/backups/{backup_id}`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` deleted (inline schema, hoisted into a named type): `Ok` (Ok)
- `400` validation failed: `Err(Error::Documented)` (BadRequest)
- `401` unauthorized: `Err(Error::Documented)` (Unauthorized)
- `502` storage unreachable (no body): `Err(Error::Documented)` (BadGateway)
- `503` storage not configured (no body): `Err(Error::Documented)` (ServiceUnavailable)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<types::DeleteSystemBackupResponse>,
                Error<responses::DeleteSystemBackupError>,
            > {
                let client = self.client;
                let id = self.id.required("id")?;
                let backup_id = self.backup_id.required("backup_id")?;
                let url = format!(
                    "{}/systems/{}/backups/{}", client.baseurl, encode_path(& id
                    .to_string()), encode_path(& backup_id.to_string()),
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
                let mut request = client.client.delete(url).headers(header_map).build()?;
                let operation = Operation::json("deleteSystemBackup");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::DeleteSystemBackupError::decode(response).await
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
        fn call_delete_system_backup<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.delete_system_backup();
            let call = set(call, args, "id", |b, v: ::std::string::String| b.id(v))?;
            let call = set(
                call,
                args,
                "backup_id",
                |b, v: ::std::string::String| b.backup_id(v),
            )?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::DeleteSystemBackupError| error.variant(),
                ),
            )
        }
        match operation_id {
            "deleteSystemBackup" => call_delete_system_backup(client, args),
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
        ///The documented error responses of [`DeleteSystemBackup::send`](super::builder::DeleteSystemBackup::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum DeleteSystemBackupError {
            ///`400`: validation failed (types::ValidationError)
            BadRequest(types::ValidationError),
            ///`401`: unauthorized (types::Envelope)
            Unauthorized(types::Envelope),
            ///`502`: storage unreachable (no body) (no body)
            BadGateway,
            ///`503`: storage not configured (no body) (no body)
            ServiceUnavailable,
        }
        impl DeleteSystemBackupError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::BadRequest(..) => "BadRequest",
                    Self::Unauthorized(..) => "Unauthorized",
                    Self::BadGateway => "BadGateway",
                    Self::ServiceUnavailable => "ServiceUnavailable",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::DeleteSystemBackupResponse>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    400u16 => error(response, Json, Self::BadRequest).await,
                    401u16 => error(response, Json, Self::Unauthorized).await,
                    502u16 => error(response, Empty, |()| Self::BadGateway).await,
                    503u16 => error(response, Empty, |()| Self::ServiceUnavailable).await,
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
                "delete_system_backup" => {
                    match DeleteSystemBackupError::decode(response).await {
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
        ///A scenario for [`delete_system_backup`](super::Client::delete_system_backup) (`differing_errors.deleteSystemBackup`): add its answers in order with `respond` and `succeed`.
        pub fn delete_system_backup() -> DeleteSystemBackupScenario {
            DeleteSystemBackupScenario(
                ::mock_server::Scenario::new("differing_errors.deleteSystemBackup"),
            )
        }
        ///The answers `differing_errors.deleteSystemBackup` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct DeleteSystemBackupScenario(::mock_server::Scenario);
        impl DeleteSystemBackupScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::DeleteSystemBackupError) -> Self {
                let (status, with_body) = match &error {
                    responses::DeleteSystemBackupError::BadRequest(_) => (400u16, true),
                    responses::DeleteSystemBackupError::Unauthorized(_) => (401u16, true),
                    responses::DeleteSystemBackupError::BadGateway => (502u16, false),
                    responses::DeleteSystemBackupError::ServiceUnavailable => {
                        (503u16, false)
                    }
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::DeleteSystemBackupResponse) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<DeleteSystemBackupScenario> for ::mock_server::Scenario {
            fn from(scenario: DeleteSystemBackupScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["differing_errors"];
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
        "differing_errors" => {
            let client = differing_errors::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            differing_errors::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
