//! The CAMEO event code table.
//!
//! The event coder decides *which* CAMEO code a sentence reports; this crate says what
//! the code means: its name, its Goldstein conflict–cooperation weight, its QuadClass
//! and its PLOVER type, mode and contexts. All 311 codes live in the project's own
//! data file (`data/cameo.txt`, one line per code), embedded in the binary and parsed
//! once on first use.
//!
//! - [`lookup`]: the [`CodeInfo`] of one code.
//! - [`codes`]: every code, in table order.
//! - [`QuadClass`]: the four CAMEO quad classes.
//!
//! ```
//! // "Western countries have imposed comprehensive sanctions against Moscow."
//! let info = parley_cameo::lookup("163").expect("163 is a CAMEO code");
//! assert_eq!(info.name, "Impose embargo, boycott, or sanctions");
//! assert_eq!(info.goldstein, -8.0);
//! assert_eq!(info.quad_class, parley_cameo::QuadClass::MaterialConflict);
//! assert_eq!(info.plover, Some("COERCE"));
//! assert_eq!(info.root(), "16");
//! assert!(parley_cameo::lookup("999").is_none());
//! ```
#![deny(missing_docs)]

mod table;

pub use table::{codes, lookup, CodeInfo, QuadClass, PLOVER_TYPES};

/// The root (first two digits) of a CAMEO code, or `None` when `code` does not start
/// with two ASCII digits.
///
/// ```
/// assert_eq!(parley_cameo::root_of("0311"), Some("03"));
/// assert_eq!(parley_cameo::root_of("x"), None);
/// ```
pub fn root_of(code: &str) -> Option<&str> {
    let root = code.get(..2)?;
    root.bytes().all(|b| b.is_ascii_digit()).then_some(root)
}
