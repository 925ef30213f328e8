//! The specs of the workspace's `specs/` folder, compiled into the binary by `build.rs`, so the server
//! runs with no arguments from any directory.

include!(concat!(env!("OUT_DIR"), "/embedded_specs.rs"));
