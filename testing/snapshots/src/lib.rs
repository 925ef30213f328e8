//! The generated code of chosen specs, kept as files under `src/generated/` so a change to the generator (or
//! a progenitor upgrade) shows as a reviewable diff, and compiled here so every snapshot must build.
//! `client-codegen/testing/snapshots.rs` compares them with what the generator makes now; refresh them with
//! `SNAPSHOTS_BLESS=1 cargo test -p client-codegen --test snapshots` and read the diff.

// A test fixture, not an API: its items need no documentation.
#![allow(missing_docs)]

pub mod runtime {
    pub use client_runtime::*;
}

/// `testing/client-shapes/specs/differing_errors.yaml`
pub mod differing_errors {
    include!("generated/differing_errors.rs");
}

/// `testing/client-shapes/specs/ok_or_no_content.yaml`
pub mod ok_or_no_content {
    include!("generated/ok_or_no_content.rs");
}

/// `testing/client-shapes/specs/paged_lists.yaml`
pub mod paged_lists {
    include!("generated/paged_lists.rs");
}

/// `testing/client-shapes/specs/problem_json.yaml`
pub mod problem_json {
    include!("generated/problem_json.rs");
}

/// `testing/corpus-shapes/specs/array-header.yaml`
pub mod array_header {
    include!("generated/array_header.rs");
}

/// `testing/corpus-shapes/specs/big-integer.yaml`
pub mod big_integer {
    include!("generated/big_integer.rs");
}

/// `testing/corpus-shapes/specs/builder-name-param.yaml`
pub mod builder_name_param {
    include!("generated/builder_name_param.rs");
}

/// `testing/corpus-shapes/specs/multipart.yaml`
pub mod multipart {
    include!("generated/multipart.rs");
}

/// `testing/corpus-shapes/specs/image-body.yaml`
pub mod image_body {
    include!("generated/image_body.rs");
}

/// `testing/corpus-shapes/specs/keyword-param.yaml`
pub mod keyword_param {
    include!("generated/keyword_param.rs");
}

/// `testing/corpus-shapes/specs/nullable-one-of.yaml`
pub mod nullable_one_of {
    include!("generated/nullable_one_of.rs");
}

/// `testing/corpus-shapes/specs/octet-stream-body.yaml`
pub mod octet_stream_body {
    include!("generated/octet_stream_body.rs");
}

/// `testing/corpus-shapes/specs/openapi-31.yaml`
pub mod openapi_31 {
    include!("generated/openapi_31.rs");
}

/// `testing/corpus-shapes/specs/options-method.yaml`
pub mod options_method {
    include!("generated/options_method.rs");
}

/// `testing/corpus-shapes/specs/param-name-collision.yaml`
pub mod param_name_collision {
    include!("generated/param_name_collision.rs");
}

/// `testing/corpus-shapes/specs/type-list.yaml`
pub mod type_list {
    include!("generated/type_list.rs");
}

/// `testing/corpus-shapes/specs/undeclared-path-param.yaml`
pub mod undeclared_path_param {
    include!("generated/undeclared_path_param.rs");
}

/// `testing/corpus-shapes/specs/websocket-101.yaml`
pub mod websocket_101 {
    include!("generated/websocket_101.rs");
}

/// `testing/corpus-shapes/specs/petstore-expanded.yaml`
pub mod petstore_expanded {
    include!("generated/petstore_expanded.rs");
}

/// `specs/taurusdb.yaml`
pub mod taurusdb {
    include!("generated/taurusdb.rs");
}
