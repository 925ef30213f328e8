/**Client for Swagger Petstore (`petstore-expanded.yaml`).

A sample API that uses a petstore as an example to demonstrate features in the OpenAPI 3.0 specification*/
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
pub mod petstore_expanded {
    pub use crate::runtime::{Error, Response};
    use progenitor_client::{encode_path, ClientInfo, RequestBuilderExt};
    /// Types used as operation parameters and responses.
    #[allow(clippy::all)]
    pub mod types {
        ///`Error`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Error {
            pub code: i32,
            pub message: ::std::string::String,
        }
        ///`FindPetsResponse`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        #[serde(transparent)]
        pub struct FindPetsResponse(pub ::std::vec::Vec<Pet>);
        impl ::std::ops::Deref for FindPetsResponse {
            type Target = ::std::vec::Vec<Pet>;
            fn deref(&self) -> &::std::vec::Vec<Pet> {
                &self.0
            }
        }
        impl ::std::convert::From<FindPetsResponse> for ::std::vec::Vec<Pet> {
            fn from(value: FindPetsResponse) -> Self {
                value.0
            }
        }
        impl ::std::convert::From<::std::vec::Vec<Pet>> for FindPetsResponse {
            fn from(value: ::std::vec::Vec<Pet>) -> Self {
                Self(value)
            }
        }
        ///`NewPet`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct NewPet {
            pub name: ::std::string::String,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub tag: ::std::option::Option<::std::string::String>,
        }
        ///`Pet`
        #[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
        pub struct Pet {
            pub id: i64,
            pub name: ::std::string::String,
            #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            pub tag: ::std::option::Option<::std::string::String>,
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
    /**Client for Swagger Petstore

A sample API that uses a petstore as an example to demonstrate features in the OpenAPI 3.0 specification

http://swagger.io/terms/

Version: 1.0.0*/
    pub struct Client {
        pub(crate) baseurl: String,
        pub(crate) client: reqwest::Client,
        pub(crate) inner: crate::runtime::ClientState,
    }
    impl ClientInfo<crate::runtime::ClientState> for Client {
        fn api_version() -> &'static str {
            "1.0.0"
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
    ///The first server the spec names: `https://petstore.swagger.io/v2`.
    pub const DEFAULT_BASE_URL: &str = "https://petstore.swagger.io/v2";
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
        ///A client for Swagger Petstore: `Client::builder(base_url)`, then [`credentials`](crate::runtime::ClientBuilder::credentials), [`config`](crate::runtime::ClientBuilder::config), [`http_client`](crate::runtime::ClientBuilder::http_client) or [`layer`](crate::runtime::ClientBuilder::layer) as needed, then [`build`](crate::runtime::ClientBuilder::build).
        pub fn builder(
            base_url: impl Into<String>,
        ) -> crate::runtime::ClientBuilder<Self> {
            crate::runtime::ClientBuilder::new(base_url)
        }
        /**Returns all pets from the system that the user has access to
Nam sed condimentum est. Maecenas tempor sagittis sapien, nec rhoncus sem sagittis sit amet. Aenean at gravida augue, ac iaculis sem. Curabitur odio lorem, ornare eget elementum nec, cursus id lectus. Duis mi turpis, pulvinar ac eros ac, tincidunt varius justo. In hac habitasse platea dictumst. Integer at adipiscing ante, a sagittis ligula. Aenean pharetra tempor ante molestie imperdiet. Vivamus id aliquam diam. Cras quis velit non tortor eleifend sagittis. Praesent at enim pharetra urna volutpat venenatis eget eget mauris. In eleifend fermentum facilisis. Praesent enim enim, gravida ac sodales sed, placerat id erat. Suspendisse lacus dolor, consectetur non augue vel, vehicula interdum libero. Morbi euismod sagittis libero sed lacinia.

Sed tempus felis lobortis leo pulvinar rutrum. Nam mattis velit nisl, eu condimentum ligula luctus nec. Phasellus semper velit eget aliquet faucibus. In a mattis elit. Phasellus vel urna viverra, condimentum lorem id, rhoncus nibh. Ut pellentesque posuere elementum. Sed a varius odio. Morbi rhoncus ligula libero, vel eleifend nunc tristique vitae. Fusce et sem dui. Aenean nec scelerisque tortor. Fusce malesuada accumsan magna vel tempus. Quisque mollis felis eu dolor tristique, sit amet auctor felis gravida. Sed libero lorem, molestie sed nisl in, accumsan tempor nisi. Fusce sollicitudin massa ut lacinia mattis. Sed vel eleifend lorem. Pellentesque vitae felis pretium, pulvinar elit eu, euismod sapien.

`GET /pets`: set the parameters on the returned [`builder::FindPets`], then [`send`](builder::FindPets::send) it.*/
        pub fn find_pets(&self) -> builder::FindPets<'_> {
            builder::FindPets::new(self)
        }
        /**Creates a new pet in the store. Duplicates are allowed

`POST /pets`: set the parameters on the returned [`builder::AddPet`], then [`send`](builder::AddPet::send) it.*/
        pub fn add_pet(&self) -> builder::AddPet<'_> {
            builder::AddPet::new(self)
        }
        /**Returns a user based on a single ID, if the user does not have access to the pet

`GET /pets/{id}`: set the parameters on the returned [`builder::FindPetById`], then [`send`](builder::FindPetById::send) it.*/
        pub fn find_pet_by_id(&self) -> builder::FindPetById<'_> {
            builder::FindPetById::new(self)
        }
        /**deletes a single pet based on the ID supplied

`DELETE /pets/{id}`: set the parameters on the returned [`builder::DeletePet`], then [`send`](builder::DeletePet::send) it.*/
        pub fn delete_pet(&self) -> builder::DeletePet<'_> {
            builder::DeletePet::new(self)
        }
    }
    crate::runtime::from_ref!(types::NewPet);
    /// The request builders, one per operation: set parameters, then `send()`.
    pub mod builder {
        use super::{
            encode_path, responses, types, ClientInfo, Error, RequestBuilderExt, Response,
        };
        use crate::runtime::{CallOptions, Customize, IntoParam, Operation, Param};
        ///Builds and sends [`Client::find_pets`](super::Client::find_pets): `GET /pets`. Required: nothing.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct FindPets<'a> {
            client: &'a super::Client,
            call: CallOptions,
            limit: Param<i32>,
            tags: Param<::std::vec::Vec<::std::string::String>>,
        }
        impl<'a> FindPets<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    limit: Default::default(),
                    tags: Default::default(),
                }
            }
            ///`limit` (query): maximum number of results to return
            pub fn limit(mut self, value: impl IntoParam<i32>) -> Self {
                self.limit = Param::new(value);
                self
            }
            ///`tags` (query): tags to filter by
            pub fn tags(
                mut self,
                value: impl IntoParam<::std::vec::Vec<::std::string::String>>,
            ) -> Self {
                self.tags = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /pets`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` pet response: `Ok` (Ok)
- `default` unexpected error: `Err(Error::Documented)` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<
                Response<types::FindPetsResponse>,
                Error<responses::FindPetsError>,
            > {
                let client = self.client;
                let limit = self.limit.optional("limit")?;
                let tags = self.tags.optional("tags")?;
                let url = format!("{}/pets", client.baseurl,);
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
                    .query(&progenitor_client::QueryParam::new("tags", &tags))
                    .headers(header_map)
                    .build()?;
                let operation = Operation::json("findPets");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::FindPetsError::decode(response).await
            }
        }
        ///Builds and sends [`Client::add_pet`](super::Client::add_pet): `POST /pets`. Required: `body`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct AddPet<'a> {
            client: &'a super::Client,
            call: CallOptions,
            body: Param<types::NewPet>,
        }
        impl<'a> AddPet<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    body: Default::default(),
                }
            }
            ///The request body (`application/json`).
            pub fn body(mut self, value: impl IntoParam<types::NewPet>) -> Self {
                self.body = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`POST /pets`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` pet response: `Ok` (Ok)
- `default` unexpected error: `Err(Error::Documented)` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<Response<types::Pet>, Error<responses::AddPetError>> {
                let client = self.client;
                let body = self.body.required("body")?;
                let url = format!("{}/pets", client.baseurl,);
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
                let operation = Operation::json("addPet");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::AddPetError::decode(response).await
            }
        }
        ///Builds and sends [`Client::find_pet_by_id`](super::Client::find_pet_by_id): `GET /pets/{id}`. Required: `id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct FindPetById<'a> {
            client: &'a super::Client,
            call: CallOptions,
            id: Param<i64>,
        }
        impl<'a> FindPetById<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    id: Default::default(),
                }
            }
            ///`id` (path, required): ID of pet to fetch
            pub fn id(mut self, value: impl IntoParam<i64>) -> Self {
                self.id = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`GET /pets/{id}`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `200` pet response: `Ok` (Ok)
- `default` unexpected error: `Err(Error::Documented)` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<Response<types::Pet>, Error<responses::FindPetByIdError>> {
                let client = self.client;
                let id = self.id.required("id")?;
                let url = format!(
                    "{}/pets/{}", client.baseurl, encode_path(& id.to_string()),
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
                let operation = Operation::json("find pet by id");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::FindPetByIdError::decode(response).await
            }
        }
        ///Builds and sends [`Client::delete_pet`](super::Client::delete_pet): `DELETE /pets/{id}`. Required: `id`.
        #[derive(Debug, Clone)]
        #[must_use = "a request builder does nothing until it is sent with `send()`"]
        pub struct DeletePet<'a> {
            client: &'a super::Client,
            call: CallOptions,
            id: Param<i64>,
        }
        impl<'a> DeletePet<'a> {
            pub(super) fn new(client: &'a super::Client) -> Self {
                Self {
                    client: client,
                    call: Default::default(),
                    id: Default::default(),
                }
            }
            ///`id` (path, required): ID of pet to delete
            pub fn id(mut self, value: impl IntoParam<i64>) -> Self {
                self.id = Param::new(value);
                self
            }
            /// Per-call headers, timeout, retry policy or request change ([`CallOptions`]).
            pub fn customize(mut self, f: impl Customize) -> Self {
                self.call = f(self.call);
                self
            }
            /**Sends the request (`DELETE /pets/{id}`), after checking that every required parameter is set and every value converted; a problem there is [`Error::InvalidRequest`] and nothing is sent.


Responses:
- `204` pet deleted: `Ok` (NoContent)
- `default` unexpected error: `Err(Error::Documented)` (Other)
*/
            pub async fn send(
                self,
            ) -> Result<Response<()>, Error<responses::DeletePetError>> {
                let client = self.client;
                let id = self.id.required("id")?;
                let url = format!(
                    "{}/pets/{}", client.baseurl, encode_path(& id.to_string()),
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
                let operation = Operation::json("deletePet");
                let response = client.inner.send(request, &operation, self.call).await?;
                responses::DeletePetError::decode(response).await
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
        fn call_find_pets<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.find_pets();
            let call = set(call, args, "limit", |b, v: i32| b.limit(v))?;
            let call = set(
                call,
                args,
                "tags",
                |b, v: ::std::vec::Vec<::std::string::String>| b.tags(v),
            )?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::FindPetsError| error.variant(),
                ),
            )
        }
        fn call_add_pet<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.add_pet();
            let call = set(call, args, "body", |b, v: types::NewPet| b.body(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::AddPetError| error.variant(),
                ),
            )
        }
        fn call_find_pet_by_id<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.find_pet_by_id();
            let call = set(call, args, "id", |b, v: i64| b.id(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::FindPetByIdError| error.variant(),
                ),
            )
        }
        fn call_delete_pet<'a>(
            client: &'a Client,
            args: &Args,
        ) -> Result<PendingCall<'a>, CallError> {
            let call = client.delete_pet();
            let call = set(call, args, "id", |b, v: i64| b.id(v))?;
            Ok(
                sending(
                    call.send(),
                    |_| None,
                    |error: &responses::DeletePetError| error.variant(),
                ),
            )
        }
        match operation_id {
            "findPets" => call_find_pets(client, args),
            "addPet" => call_add_pet(client, args),
            "find pet by id" => call_find_pet_by_id(client, args),
            "deletePet" => call_delete_pet(client, args),
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
        ///The documented error responses of [`FindPets::send`](super::builder::FindPets::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum FindPetsError {
            ///`default`: unexpected error (types::Error)
            Other(types::Error),
        }
        impl FindPetsError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Other(..) => "Other",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::FindPetsResponse>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    _ => error(response, Json, Self::Other).await,
                }
            }
        }
        ///The documented error responses of [`AddPet::send`](super::builder::AddPet::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum AddPetError {
            ///`default`: unexpected error (types::Error)
            Other(types::Error),
        }
        impl AddPetError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Other(..) => "Other",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::Pet>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    _ => error(response, Json, Self::Other).await,
                }
            }
        }
        ///The documented error responses of [`FindPetById::send`](super::builder::FindPetById::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum FindPetByIdError {
            ///`default`: unexpected error (types::Error)
            Other(types::Error),
        }
        impl FindPetByIdError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Other(..) => "Other",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<types::Pet>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    200u16 => body(response, Json).await,
                    _ => error(response, Json, Self::Other).await,
                }
            }
        }
        ///The documented error responses of [`DeletePet::send`](super::builder::DeletePet::send), one variant per status. An undocumented status comes back as [`Error::Undocumented`].
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        pub enum DeletePetError {
            ///`default`: unexpected error (types::Error)
            Other(types::Error),
        }
        impl DeletePetError {
            /// The variant's name: the documented status's reason phrase (`NotFound`).
            pub fn variant(&self) -> &'static str {
                match *self {
                    Self::Other(..) => "Other",
                }
            }
            /// Reads a response to the operation: the typed value its status documents.
            pub(crate) async fn decode(
                response: ::reqwest::Response,
            ) -> Result<Response<()>, Error<Self>> {
                #[allow(unreachable_patterns)]
                match response.status().as_u16() {
                    204u16 => body(response, Empty).await,
                    _ => error(response, Json, Self::Other).await,
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
                "find_pets" => {
                    match FindPetsError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "add_pet" => {
                    match AddPetError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "find_pet_by_id" => {
                    match FindPetByIdError::decode(response).await {
                        Ok(_) | Err(Error::Documented(_)) => Ok(()),
                        Err(other) => Err(other.to_string()),
                    }
                }
                "delete_pet" => {
                    match DeletePetError::decode(response).await {
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
        ///A scenario for [`find_pets`](super::Client::find_pets) (`petstore-expanded.findPets`): add its answers in order with `respond` and `succeed`.
        pub fn find_pets() -> FindPetsScenario {
            FindPetsScenario(::mock_server::Scenario::new("petstore-expanded.findPets"))
        }
        ///The answers `petstore-expanded.findPets` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct FindPetsScenario(::mock_server::Scenario);
        impl FindPetsScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::FindPetsError) -> Self {
                let (status, with_body) = match &error {
                    responses::FindPetsError::Other(_) => (500u16, true),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::FindPetsResponse) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<FindPetsScenario> for ::mock_server::Scenario {
            fn from(scenario: FindPetsScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`add_pet`](super::Client::add_pet) (`petstore-expanded.addPet`): add its answers in order with `respond` and `succeed`.
        pub fn add_pet() -> AddPetScenario {
            AddPetScenario(::mock_server::Scenario::new("petstore-expanded.addPet"))
        }
        ///The answers `petstore-expanded.addPet` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct AddPetScenario(::mock_server::Scenario);
        impl AddPetScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::AddPetError) -> Self {
                let (status, with_body) = match &error {
                    responses::AddPetError::Other(_) => (500u16, true),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::Pet) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<AddPetScenario> for ::mock_server::Scenario {
            fn from(scenario: AddPetScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`find_pet_by_id`](super::Client::find_pet_by_id) (`petstore-expanded.find pet by id`): add its answers in order with `respond` and `succeed`.
        pub fn find_pet_by_id() -> FindPetByIdScenario {
            FindPetByIdScenario(
                ::mock_server::Scenario::new("petstore-expanded.find pet by id"),
            )
        }
        ///The answers `petstore-expanded.find pet by id` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct FindPetByIdScenario(::mock_server::Scenario);
        impl FindPetByIdScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::FindPetByIdError) -> Self {
                let (status, with_body) = match &error {
                    responses::FindPetByIdError::Other(_) => (500u16, true),
                };
                self.then(
                    status,
                    with_body.then(|| ::serde_json::to_value(&error).ok()).flatten(),
                )
            }
            /// The next answer: the documented success with this body.
            pub fn succeed(self, body: types::Pet) -> Self {
                self.then(200u16, ::serde_json::to_value(&body).ok())
            }
            /// After the last answer, start again from the first.
            pub fn repeat(mut self) -> Self {
                self.0 = self.0.repeat();
                self
            }
        }
        impl From<FindPetByIdScenario> for ::mock_server::Scenario {
            fn from(scenario: FindPetByIdScenario) -> Self {
                scenario.0
            }
        }
        ///A scenario for [`delete_pet`](super::Client::delete_pet) (`petstore-expanded.deletePet`): add its answers in order with `respond` and `succeed`.
        pub fn delete_pet() -> DeletePetScenario {
            DeletePetScenario(
                ::mock_server::Scenario::new("petstore-expanded.deletePet"),
            )
        }
        ///The answers `petstore-expanded.deletePet` is to give, in order.
        #[derive(Debug, Clone)]
        pub struct DeletePetScenario(::mock_server::Scenario);
        impl DeletePetScenario {
            fn then(mut self, status: u16, body: Option<::serde_json::Value>) -> Self {
                let mut step = ::mock_server::Step::status(status);
                step.body = body;
                self.0 = self.0.then(step);
                self
            }
            /// The next answer: one of the operation's documented errors, with its body.
            pub fn respond(self, error: responses::DeletePetError) -> Self {
                let (status, with_body) = match &error {
                    responses::DeletePetError::Other(_) => (500u16, true),
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
        impl From<DeletePetScenario> for ::mock_server::Scenario {
            fn from(scenario: DeletePetScenario) -> Self {
                scenario.0
            }
        }
    }
}
/// The names of the specs, one per spec file (its stem as written), each with a module.
pub const SPEC_NAMES: &[&str] = &["petstore-expanded"];
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
        "petstore-expanded" => {
            let client = petstore_expanded::client_with_placeholder_credentials(
                base_url,
                secret,
                config,
            )?;
            petstore_expanded::call_operation(&client, operation_id, args).await
        }
        other => Err(crate::runtime::call::CallError::UnknownSpec(other.to_string())),
    }
}
