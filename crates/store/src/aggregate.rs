//! Day aggregates: one `dyad_days` row per (source, target, day) with the counts a
//! timeline needs, kept equal to the stories at every commit.
//!
//! A timeline then reads a few rows per day instead of every story of the dyad. The
//! row holds the day's stories, their mentions, the Goldstein sum and count, stories
//! per QuadClass, stories per PLOVER type (`types`, a JSON object) and the day's
//! [`KEY_EVENTS_PER_DAY`] most reported stories (`top`, a JSON array of
//! `[id, mentions, goldstein score]`). The top stories of a period are among the top
//! stories of its days, so a timeline with up to that many key events per period needs
//! no story rows.
//!
//! Ingest collects the changes of a batch in [`DayChanges`] and writes them once per
//! (source, target, day) before the batch commits. A story's Goldstein weight, QuadClass
//! and type never change after it is stored and its mentions only grow while articles
//! are added, so the new top list is always within the old one plus the stories the
//! batch touched. Removing an article (recoding) recomputes the days it touched from
//! the stories instead.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use rusqlite::functions::FunctionFlags;
use rusqlite::{params, Connection, Transaction};

use crate::schema::day_rows;

/// Key events kept per (source, target, day); a timeline asking for more per period
/// is computed from the stories.
pub const KEY_EVENTS_PER_DAY: usize = 5;

/// A key-event candidate: story id, mentions and Goldstein score.
pub(crate) type Candidate = (i64, u64, u64);

/// The Goldstein part of a key event's rank: tenths of the weight's magnitude.
pub(crate) fn goldstein_score(g: Option<f64>) -> u64 {
    (g.unwrap_or(0.0).abs() * 10.0) as u64
}

/// Orders candidates best first: most mentions, then largest Goldstein score, then
/// oldest story.
pub(crate) fn rank(c: &Candidate) -> (Reverse<u64>, Reverse<u64>, i64) {
    (Reverse(c.1), Reverse(c.2), c.0)
}

/// Adds or updates `c` in a best-first list of at most `k` candidates.
pub(crate) fn offer(top: &mut Vec<Candidate>, c: Candidate, k: usize) {
    if let Some(old) = top.iter_mut().find(|x| x.0 == c.0) {
        *old = c;
    } else {
        top.push(c);
    }
    top.sort_by_key(rank);
    top.truncate(k);
}

/// What a batch changed on one day of one directed dyad.
#[derive(Debug, Default)]
struct DayDelta {
    events: i64,
    mentions: i64,
    goldstein_sum: f64,
    goldstein_n: i64,
    quads: [i64; 4],
    types: BTreeMap<String, i64>,
    /// Stories added or reported again, with their current rank.
    touched: Vec<Candidate>,
}

/// The aggregate changes of a batch not yet written, by source, target and day
/// (nested so that looking up a row allocates nothing).
#[derive(Debug, Default)]
pub(crate) struct DayChanges {
    days: BTreeMap<String, BTreeMap<String, BTreeMap<i32, DayDelta>>>,
}

/// A new story's facts, as the aggregates count them.
pub(crate) struct NewStory<'a> {
    pub id: i64,
    pub src: &'a str,
    pub tgt: &'a str,
    pub day: Option<i32>,
    pub quad: Option<u8>,
    pub goldstein: Option<f64>,
    pub plover: Option<&'a str>,
}

impl DayChanges {
    fn day(&mut self, src: &str, tgt: &str, day: i32) -> &mut DayDelta {
        if !self.days.contains_key(src) {
            self.days.insert(src.to_string(), BTreeMap::new());
        }
        let by_tgt = self.days.get_mut(src).expect("inserted above");
        if !by_tgt.contains_key(tgt) {
            by_tgt.insert(tgt.to_string(), BTreeMap::new());
        }
        by_tgt
            .get_mut(tgt)
            .expect("inserted above")
            .entry(day)
            .or_default()
    }

    /// Counts a new story with its first mention.
    pub fn story(&mut self, s: &NewStory<'_>) {
        let Some(day) = s.day else { return };
        let d = self.day(s.src, s.tgt, day);
        d.events += 1;
        d.mentions += 1;
        if let Some(g) = s.goldstein {
            d.goldstein_sum += g;
            d.goldstein_n += 1;
        }
        if let Some(q @ 1..=4) = s.quad {
            d.quads[usize::from(q - 1)] += 1;
        }
        if let Some(p) = s.plover {
            *d.types.entry(p.to_string()).or_default() += 1;
        }
        offer(
            &mut d.touched,
            (s.id, 1, goldstein_score(s.goldstein)),
            usize::MAX,
        );
    }

    /// Counts one more mention of a stored story that now has `mentions`.
    pub fn mention(
        &mut self,
        (src, tgt, day): (&str, &str, Option<i32>),
        id: i64,
        mentions: u64,
        goldstein: Option<f64>,
    ) {
        let Some(day) = day else { return };
        let d = self.day(src, tgt, day);
        d.mentions += 1;
        offer(
            &mut d.touched,
            (id, mentions, goldstein_score(goldstein)),
            usize::MAX,
        );
    }

    /// Writes the changes into `dyad_days`, in key order, and forgets them.
    pub fn flush(&mut self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut write = tx.prepare_cached(
            "INSERT INTO dyad_days
             (src, tgt, day, events, mentions, goldstein_sum, goldstein_n, quad1, quad2, quad3, quad4, types, top)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
             ON CONFLICT (src, tgt, day) DO UPDATE SET
                events = events + excluded.events,
                mentions = mentions + excluded.mentions,
                goldstein_sum = goldstein_sum + excluded.goldstein_sum,
                goldstein_n = goldstein_n + excluded.goldstein_n,
                quad1 = quad1 + excluded.quad1,
                quad2 = quad2 + excluded.quad2,
                quad3 = quad3 + excluded.quad3,
                quad4 = quad4 + excluded.quad4,
                types = parley_add_types(types, excluded.types),
                top = parley_add_top(top, excluded.top)",
        )?;
        let days = std::mem::take(&mut self.days);
        let rows = days.iter().flat_map(|(src, by_tgt)| {
            by_tgt.iter().flat_map(move |(tgt, by_day)| {
                by_day.iter().map(move |(day, d)| (src, tgt, day, d))
            })
        });
        for (src, tgt, day, d) in rows {
            let top = &d.touched[..d.touched.len().min(KEY_EVENTS_PER_DAY)];
            write.execute(params![
                src,
                tgt,
                day,
                d.events,
                d.mentions,
                d.goldstein_sum,
                d.goldstein_n,
                d.quads[0],
                d.quads[1],
                d.quads[2],
                d.quads[3],
                json(&d.types)?,
                json(&top)?,
            ])?;
        }
        Ok(())
    }
}

/// Registers the SQL functions the upsert of day rows merges with:
/// `parley_add_types(stored, added)` adds type counts, `parley_add_top(stored, added)`
/// merges key-event candidates (an added story replaces its stored entry).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    let flags = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("parley_add_types", 2, flags, |ctx| {
        let mut stored: BTreeMap<String, i64> = parse(ctx.get_raw(0).as_str()?, 0)?;
        let added: BTreeMap<String, i64> = parse(ctx.get_raw(1).as_str()?, 1)?;
        for (p, n) in added {
            *stored.entry(p).or_default() += n;
        }
        json(&stored)
    })?;
    conn.create_scalar_function("parley_add_top", 2, flags, |ctx| {
        let mut stored: Vec<Candidate> = parse(ctx.get_raw(0).as_str()?, 0)?;
        let added: Vec<Candidate> = parse(ctx.get_raw(1).as_str()?, 1)?;
        for c in added {
            offer(&mut stored, c, KEY_EVENTS_PER_DAY);
        }
        json(&stored)
    })
}

/// Recomputes one day of one directed dyad from its stories (after a removal).
pub(crate) fn refresh(
    tx: &Transaction<'_>,
    src: &str,
    tgt: &str,
    day: i32,
) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM dyad_days WHERE src = ?1 AND tgt = ?2 AND day = ?3")?
        .execute(params![src, tgt, day])?;
    tx.prepare_cached(concat!(
        "INSERT INTO dyad_days ",
        day_rows!("AND e.src = ?1 AND e.tgt = ?2 AND e.day = ?3")
    ))?
    .execute(params![src, tgt, day])?;
    Ok(())
}

/// Decodes a JSON column (`col` names it in the error).
pub(crate) fn parse<T: serde::de::DeserializeOwned>(s: &str, col: usize) -> rusqlite::Result<T> {
    serde_json::from_str(s).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn json<T: serde::Serialize>(v: &T) -> rusqlite::Result<String> {
    serde_json::to_string(v).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_keeps_the_best_k_and_updates_in_place() {
        let mut top = Vec::new();
        for c in [(1, 1, 40), (2, 3, 10), (3, 1, 40), (4, 1, 100)] {
            offer(&mut top, c, 3);
        }
        assert_eq!(top, vec![(2, 3, 10), (4, 1, 100), (1, 1, 40)]);
        offer(&mut top, (3, 5, 40), 3);
        assert_eq!(top, vec![(3, 5, 40), (2, 3, 10), (4, 1, 100)]);
    }

    #[test]
    fn goldstein_score_is_tenths_of_the_magnitude() {
        assert_eq!(goldstein_score(Some(-8.0)), 80);
        assert_eq!(goldstein_score(Some(1.9)), 19);
        assert_eq!(goldstein_score(None), 0);
    }
}
