//! Integration tests of parley-nlp: one binary, one module per concern.

mod fixtures;
mod model_file;
mod pathological;
mod treebank;
