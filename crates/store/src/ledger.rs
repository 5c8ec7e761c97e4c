//! Channel ledger and claims, read back from the channel statements stored at ingest.

use parley_relations::{
    contradictions, ledger, ChannelStatement, Claim, Contradiction, LedgerEntry,
};
use parley_types::Date;
use rusqlite::params;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::story::day_of;
use crate::Store;

/// Claims about a pair of states and the ones that contradict each other.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReport {
    /// Every claim, oldest first.
    pub claims: Vec<Claim>,
    /// Claims that contradict each other about the same channel.
    pub contradictions: Vec<Contradiction>,
}

/// How far apart two contradicting claims may be, in days.
pub const CLAIM_WINDOW_DAYS: i64 = 31;

impl Store {
    /// Every channel statement stored about states `a` and `b` (either order), dated on
    /// or before `as_of` when given, oldest first.
    ///
    /// # Errors
    /// When SQLite fails or a stored statement cannot be read.
    pub fn channel_statements(
        &self,
        a: &str,
        b: &str,
        as_of: Option<Date>,
    ) -> Result<Vec<ChannelStatement>> {
        let (x, y) = parley_relations::dyad_key(a, b);
        let hi = as_of.map_or(i32::MAX, day_of);
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, record FROM channels WHERE a = ?1 AND b = ?2 AND (day IS NULL OR day <= ?3) ORDER BY day, article, id",
            )
            .map_err(|e| self.err("prepare channel query", None, e))?;
        let rows = stmt
            .query_map(params![x, y, hi], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(|e| self.err("run channel query", None, e))?;
        let mut out = Vec::new();
        for r in rows {
            let (id, record) = r.map_err(|e| self.err("read channel row", None, e))?;
            let s: ChannelStatement =
                serde_json::from_str(&record).map_err(|e| StoreError::Corrupt {
                    db: self.path.clone(),
                    id,
                    message: e.to_string(),
                })?;
            out.push(s);
        }
        Ok(out)
    }

    /// The channel ledger of states `a` and `b`: the last known state of each channel
    /// as of `as_of` (default: everything stored), since when, and the statements that
    /// say so.
    ///
    /// # Errors
    /// When SQLite fails or a stored statement cannot be read.
    pub fn channels(&self, a: &str, b: &str, as_of: Option<Date>) -> Result<Vec<LedgerEntry>> {
        Ok(ledger(&self.channel_statements(a, b, as_of)?, as_of))
    }

    /// Claims about channels between `a` and `b` with a speaker, and the pairs of
    /// speakers who contradict each other.
    ///
    /// # Errors
    /// When SQLite fails or a stored statement cannot be read.
    pub fn claims(&self, a: &str, b: &str, as_of: Option<Date>) -> Result<ClaimReport> {
        let claims: Vec<Claim> = self
            .channel_statements(a, b, as_of)?
            .iter()
            .filter_map(Claim::from_statement)
            .collect();
        let contradictions = contradictions(&claims, CLAIM_WINDOW_DAYS);
        Ok(ClaimReport {
            claims,
            contradictions,
        })
    }
}
