//! Integration tests of the generated clients, in one binary: real spec files, real HTTP servers on
//! 127.0.0.1:0, real reqwest clients.

mod auth;
mod builders;
mod compile_fail;
mod decoding;
mod examples;
mod generation;
mod real_bodies;
mod retry;
mod support;
