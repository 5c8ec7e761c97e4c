//! One module per subcommand.
pub mod actors;
pub mod bench;
pub mod channels;
pub mod claims;
pub mod code;
pub mod database;
pub mod dyad;
pub mod evaluate;
pub mod events;
pub mod explain;
pub mod export;
pub mod ingest;
pub mod nlp;
pub mod patterns;
pub mod progress;
