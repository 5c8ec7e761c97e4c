//! Dictionary coverage: how many triggers and patterns there are, and how many
//! triggers reach each CAMEO code.

use std::collections::{BTreeMap, BTreeSet};

use crate::pattern::PatternSet;

/// Coverage figures of a pattern set.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// Pattern templates (lines).
    pub templates: usize,
    /// Concrete patterns: every combination of the templates' alternatives.
    pub patterns: usize,
    /// Distinct head lemmas.
    pub head_lemmas: usize,
    /// Distinct trigger phrases (head plus particle, object or modifier).
    pub trigger_phrases: usize,
    /// Distinct trigger phrases per three-digit CAMEO code (codes below three digits
    /// count for themselves, four-digit ones for their parent).
    pub by_code: BTreeMap<String, BTreeSet<String>>,
}

impl Coverage {
    /// Counts `set`.
    pub fn of(set: &PatternSet) -> Coverage {
        let mut heads = BTreeSet::new();
        let mut phrases = BTreeSet::new();
        let mut by_code: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut patterns = 0;
        for p in set.patterns() {
            patterns += p.expansions();
            heads.extend(p.heads.iter().cloned());
            let ph = p.trigger_phrases();
            let key = p.code.get(..3).unwrap_or(&p.code).to_string();
            by_code.entry(key).or_default().extend(ph.iter().cloned());
            phrases.extend(ph);
        }
        Coverage {
            templates: set.patterns().len(),
            patterns,
            head_lemmas: heads.len(),
            trigger_phrases: phrases.len(),
            by_code,
        }
    }

    /// Three-digit CAMEO codes reached by fewer than `min` trigger phrases.
    pub fn thin_codes(&self, min: usize) -> Vec<(String, usize)> {
        parley_cameo::codes()
            .filter(|c| c.code.len() == 3)
            .map(|c| {
                (
                    c.code.to_string(),
                    self.by_code.get(c.code).map_or(0, BTreeSet::len),
                )
            })
            .filter(|(_, n)| *n < min)
            .collect()
    }
}
