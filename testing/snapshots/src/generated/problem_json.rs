/**Client for Problem documents (`problem_json.yaml`).

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
pub mod problem_json {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`Problem`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Problem {
            pub code: ::std::string::String,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub detail: ::std::option::Option<::std::string::String>,
            pub status: i64,
            pub title: ::std::string::String,
            #[serde(rename = "type")]
            pub type_: ::std::string::String,
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
    /**Client for Problem documents

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
        ///`ApiKey`: an API key sent in header `X-Api-Key`.
        ApiKey(crate::runtime::Secret),
    }
    impl crate::runtime::SchemeCredentials for Credentials {
        fn credential(
            &self,
        ) -> Result<crate::runtime::Credential, crate::runtime::BuildError> {
            match self {
                Credentials::ApiKey(secret) => {
                    crate::runtime::Credential::header("X-Api-Key", secret)
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
            vec![Credentials::ApiKey(secret.into())]
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
        ///A client for Problem documents: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        ///`DELETE /vps/{id}/backups/{backupId}`: set the parameters on the returned [`builder::DeleteVpsBackup`], then [`send`](builder::DeleteVpsBackup::send) it.
        pub fn delete_vps_backup(&self) -> builder::DeleteVpsBackup<'_> {
            builder::DeleteVpsBackup::new(self)
        }
    }
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::delete_vps_backup`](super::Client::delete_vps_backup): `DELETE /vps/{id}/backups/{backupId}`. Required: `id`, `backup_id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct DeleteVpsBackup<'a> {
            client: &'a super::Client,
            call: CallOptions,
            id: Param<::std::string::String>,
            backup_id: Param<::std::string::String>,
        }
        impl<'a> DeleteVpsBackup<'a> {
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
            ///`backupId` (path, required):
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
            /**Sends the request (`DELETE /vps/{id}/backups/{backupId}`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` deleted: `Ok` (NoContent)
- `404` not found: `Err(Error::Documented)` (NotFound)
- `429` rate limited: `Err(Error::Documented)` (TooManyRequests)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::DeleteVpsBackupError>> {
                let client = self.client;
                let id = self.id.required("id")?;
                let backup_id = self.backup_id.required("backup_id")?;
                let url = format!(
                    "{}/vps/{}/backups/{}", client.baseurl, encode_path(& id
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
                let operation = Operation(
                    "deleteVpsBackup",
                    Some("application/problem+json"),
                    None,
                    None,
                );
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::DeleteVpsBackupError::decode(response).await
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
        fn call_delete_vps_backup<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.delete_vps_backup();
            let call = set(call, args, "id", |b, v: ::std::string::String| b.id(v))?;
            let call = set(
                call,
                args,
                "backupId",
                |b, v: ::std::string::String| b.backup_id(v),
            )?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::DeleteVpsBackupError| error.variant(),
                ),
            )
        }
        match operation_id {
            "deleteVpsBackup" => call_delete_vps_backup(client, args),
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
        ///The documented error responses of [`DeleteVpsBackup::send`](super::builder::DeleteVpsBackup::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum DeleteVpsBackupError {
            ///`404`: not found (types::Problem)
            NotFound(types::Problem),
            ///`429`: rate limited (types::Problem)
            TooManyRequests(types::Problem),
        }
        impl DeleteVpsBackupError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::NotFound(..) => "NotFound",
                    Self::TooManyRequests(..) => "TooManyRequests",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<()>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    204u16 => body(response, Empty).await,
                    404u16 => error(response, Json, Self::NotFound).await,
                    429u16 => error(response, Json, Self::TooManyRequests).await,
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
                "delete_vps_backup" => {
                    match DeleteVpsBackupError::decode(response).await {
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
        ///A scenario for [`delete_vps_backup`](super::Client::delete_vps_backup) (`problem_json.deleteVpsBackup`): add its answers in order with `respond` and `succeed`.
        pub fn delete_vps_backup() -> DeleteVpsBackupScenario {
            DeleteVpsBackupScenario(
                ::mock_server::Scenario::new("problem_json.deleteVpsBackup"),
            )
        }
        ///The answers `problem_json.deleteVpsBackup` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct DeleteVpsBackupScenario(::mock_server::Scenario);
        impl DeleteVpsBackupScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::DeleteVpsBackupError) -> Self {
                let (status, with_body) = match &error {
                    responses::DeleteVpsBackupError::NotFound(_) => (404u16, true),
                    responses::DeleteVpsBackupError::TooManyRequests(_) => (429u16, true),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
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
        impl From<DeleteVpsBackupScenario> for ::mock_server::Scenario {
            fn from(scenario: DeleteVpsBackupScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["problem_json"];
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
        "problem_json" => {
            let client = problem_json::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            problem_json::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
