//! Integration tests of the channel reader, ledger and claims.

mod fixtures;
mod stories;
