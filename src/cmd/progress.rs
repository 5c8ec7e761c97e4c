//! A progress bar on standard error, shown only on a terminal.

use std::sync::atomic::{AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressStyle};

/// Counts items and bytes; silent when standard error is not a terminal.
pub struct Progress {
    bar: Option<ProgressBar>,
    bytes: AtomicU64,
}

impl Progress {
    /// A spinner counting `unit`, drawn only when `visible`.
    pub fn new(unit: &str, visible: bool) -> Progress {
        let bar = visible.then(|| {
            let bar = ProgressBar::new_spinner();
            let template =
                format!("{{spinner}} {{pos}} {unit} ({{per_sec}}) {{msg}} [{{elapsed}}]");
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            bytes: AtomicU64::new(0),
        }
    }

    /// One more item of `bytes` bytes.
    pub fn inc(&self, bytes: u64) {
        if let Some(bar) = &self.bar {
            let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
            bar.inc(1);
            bar.set_message(format!("{:.1} MB", total as f64 / 1e6));
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
