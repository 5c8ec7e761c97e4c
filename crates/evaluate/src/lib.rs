//! Scoring parley's output against gold data.
//!
//! Aggregate accuracy is not a unit test: this crate backs the `parley evaluate`
//! command, which runs the real pipeline over gold inputs and prints figures.
//!
//! - [`seeds`]: the seed stories' `expected.json` — must/should event recall, events
//!   coded from page furniture (trap lines), body sentences kept, publication and event
//!   dates, dateline and outlet.
//! - [`plover`]: PLOVER gold standard records, counted as the design contract says:
//!   event-type recall, triple precision/recall/F1, source/target/sector accuracy.
//! - [`stories`]: the project's own story fixtures about other pairs of states.
//!
//! Both take the coder as a closure, so they score whatever produced the events:
//!
//! ```
//! use parley_eval::plover::{GoldRecord, score};
//! let gold: Vec<GoldRecord> = serde_json::from_str(r#"[{"id": "r1", "event": "ACCUSE",
//!   "text": "Iran accused Iraq of shelling.", "source": [{"code": "IRN"}],
//!   "target": [{"code": "IRQ"}]}]"#).unwrap();
//! let report = score(&gold, |_record| Ok(Vec::new()));
//! assert_eq!(report.triples.recall(), 0.0);
//! ```
#![deny(missing_docs)]

pub mod plover;
pub mod seeds;
pub mod stories;

/// Errors while reading gold files.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The gold file is not valid JSON of the expected shape.
    #[error("{path}: line {line}: {message}")]
    Format {
        /// The file.
        path: String,
        /// Line of the error.
        line: usize,
        /// What went wrong.
        message: String,
    },
}

/// Reads and parses a JSON gold file.
pub(crate) fn read_json<T: serde::de::DeserializeOwned>(
    path: &std::path::Path,
) -> Result<T, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| EvalError::Format {
        path: path.display().to_string(),
        line: e.line(),
        message: e.to_string(),
    })
}

/// Precision/recall counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Matched predictions.
    pub true_positives: usize,
    /// All predictions.
    pub predicted: usize,
    /// All gold items.
    pub gold: usize,
}

impl Counts {
    /// Share of predictions that matched (1.0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.predicted)
    }
    /// Share of gold items found (1.0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// `num / den`, 1.0 for an empty denominator.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Maps older PLOVER type names in gold data to the 16 current ones.
pub fn current_plover(name: &str) -> &str {
    match name {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}
