//! Integration tests of the CAMEO table.

mod reference;
