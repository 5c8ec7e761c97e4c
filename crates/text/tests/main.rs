//! Integration tests of parley-text: one binary, one module per concern.

mod support;

mod cleaning;
mod dates;
mod gold_texts;
mod hostile;
mod ingest;
mod properties;
mod seeds;
mod sentences;
