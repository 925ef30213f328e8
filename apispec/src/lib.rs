//! The one place in this project that understands OpenAPI 3.0 and 3.1 documents.
//!
//! A [`Document`] is loaded once (`load`), from YAML or JSON, into plain data (`model`): its raw JSON tree
//! (for pointers and schemas) and the [`Operation`]s it declares, with every `$ref` followed ([`refs`] is the
//! one resolver). Everything else reads that data:
//! [`SchemaSet`] compiles the document's schemas into validators ([`CompiledSchemas`] caches them), [`examples`]
//! lists and checks every example, [`media`], [`path_template`] and [`CredentialPlacement`] are the rules for
//! media types, path templates and where credentials go, and [`client_view`] reshapes a document into the form
//! the progenitor client generator accepts. [`quote`] cuts what a message echoes of a bad value. Other crates read the document through these, never its raw tree.
//!
//! This crate does no I/O beyond reading the file it is asked to load, and it never panics on bad input:
//! every problem is a [`SpecError`] that names the file, the place and what to change.

pub mod client_view;
pub mod depth;
mod error;
pub mod examples;
mod load;
pub mod media;
mod model;
pub mod names;
pub mod openapi31;
pub mod overlay;
pub mod path_template;
pub mod pointer;
pub mod properties;
pub mod quote;
pub mod refs;
pub mod resources;
pub mod sample;
mod schema;
mod security;
pub mod source_map;
pub mod spec_file;
mod yaml;

pub use error::{Location, SpecError, SpecErrorKind};
pub use load::OverlayText;
pub use media::{is_json_media_type, media_type_essence};
pub use model::document::{Document, SpecVersion};
pub use model::operation::{
    ArrayEncoding, Example, Header, MediaContent, Method, ObjectEncoding, Operation, ParamLocation,
    Parameter, RequestBody, Response, SchemaAt, SecurityRequirement, SecurityScheme,
    SecuritySchemeKind, StatusKey,
};
pub use refs::{MAX_REF_HOPS, follow_refs};
pub use schema::{
    CompiledSchemas, Direction, SchemaKeywordAt, SchemaRoot, SchemaSet, SchemaValidator, Violation,
    to_json_schema, unsatisfiable_cycles,
};
pub use security::CredentialPlacement;
pub use spec_file::SpecName;
