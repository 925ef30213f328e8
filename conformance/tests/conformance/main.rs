//! Integration tests of the `conformance` binary and library, in one test binary.
//!
//! - `check`: each rule against a small bad spec in `tests/fixtures/`, with the exact human and JSON output
//!   kept in `tests/expected/` (`CONFORMANCE_BLESS=1 cargo test -p conformance` rewrites them; review the diff).
//! - `verify`: against planted-fault servers started here, and against the mock server.

mod check;
mod support;
mod verify;
