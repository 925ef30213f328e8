//! Integration tests of the mock server: each starts the real server on 127.0.0.1:0 (in process, or the
//! built binary for the command line) and talks to it over HTTP with reqwest. One test binary, modules by
//! behaviour; shared helpers in `support`.

mod bodies;
mod cli;
mod coverage;
mod credentials;
mod dashboard;
mod journal;
mod limits;
mod operability;
mod properties;
mod routing;
mod scenarios;
mod selection;
mod sessions;
mod shared_state;
mod stateful;
mod support;
mod validation;
