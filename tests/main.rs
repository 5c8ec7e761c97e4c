//! Integration tests of the `parley` binary: one test binary, one module per concern.
#![allow(clippy::unwrap_used)]

mod cli;
mod hostile;
mod seeds;
mod stories;
mod support;
