//! Integration tests of the event store.

mod aggregate;
mod build;
mod crash;
mod dedup;
mod exports;
mod pipeline;
mod relations;
mod timeline;
