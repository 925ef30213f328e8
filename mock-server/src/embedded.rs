//! The specs of the workspace's `specs/` folder, compiled into the binary by `build.rs`, so the server
//! runs with no arguments from any directory.

/// One spec file compiled into the binary, with its overlay (`<stem>.overlay.yaml`) if it has one; each as
/// `(file name, text)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmbeddedSpec {
    /// The spec: `(file name, text)`.
    pub spec: (&'static str, &'static str),
    /// Its overlay: `(file name, text)`.
    pub overlay: Option<(&'static str, &'static str)>,
}

include!(concat!(env!("OUT_DIR"), "/embedded_specs.rs"));
