//! The data a document is read into, once, at load: plain values that every consumer only reads.

pub(crate) mod document;
pub(crate) mod operation;
