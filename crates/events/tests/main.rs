//! Integration tests of the event coder: data-driven fixtures run through the whole
//! chain (parser, actor recognizer, coder).

mod fixtures;
mod petrarch;
