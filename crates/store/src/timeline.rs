//! Dyad timelines: how relations between two actors move, period by period.

use std::collections::BTreeMap;

use parley_types::Date;
use rusqlite::params;
use serde::Serialize;

use crate::aggregate::{self, goldstein_score, offer, Candidate, KEY_EVENTS_PER_DAY};
use crate::error::Result;
use crate::period::Period;
use crate::story::{date_of, day_of};
use crate::Store;

/// Which events of a pair count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    /// Both directions (A → B and B → A).
    #[default]
    Both,
    /// Only A acting on B.
    Directed,
}

/// A timeline request.
#[derive(Debug, Clone)]
pub struct DyadQuery {
    /// First actor key (`RUS`).
    pub a: String,
    /// Second actor key (`FRA`).
    pub b: String,
    /// First day (inclusive).
    pub from: Option<Date>,
    /// Last day (inclusive).
    pub to: Option<Date>,
    /// Period length.
    pub by: Period,
    /// Directions.
    pub direction: Direction,
    /// Key events per period.
    pub key_events: usize,
}

impl DyadQuery {
    /// A yearly, undirected query with three key events per period.
    pub fn new(a: &str, b: &str) -> DyadQuery {
        DyadQuery {
            a: a.into(),
            b: b.into(),
            from: None,
            to: None,
            by: Period::Year,
            direction: Direction::Both,
            key_events: 3,
        }
    }
}

/// Events per QuadClass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct QuadCounts {
    /// QuadClass 1.
    pub verbal_cooperation: u64,
    /// QuadClass 2.
    pub material_cooperation: u64,
    /// QuadClass 3.
    pub verbal_conflict: u64,
    /// QuadClass 4.
    pub material_conflict: u64,
}

impl QuadCounts {
    fn add(&mut self, quad: Option<u8>) {
        match quad {
            Some(1) => self.verbal_cooperation += 1,
            Some(2) => self.material_cooperation += 1,
            Some(3) => self.verbal_conflict += 1,
            Some(4) => self.material_conflict += 1,
            _ => {}
        }
    }
}

/// How often a PLOVER type occurred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypeCount {
    /// PLOVER type.
    pub plover: String,
    /// Events of that type.
    pub events: u64,
}

/// A key event of a period, with the evidence it was coded from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyEvent {
    /// Story id (the store's event id).
    pub id: i64,
    /// Event date.
    pub date: Option<Date>,
    /// Source actor code.
    pub source: String,
    /// Target actor code.
    pub target: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// PLOVER type.
    pub plover: Option<String>,
    /// Goldstein weight.
    pub goldstein: Option<f64>,
    /// Mentions of the story.
    pub num_mentions: u64,
    /// Distinct outlets.
    pub num_sources: u64,
    /// The trigger of its first mention.
    pub trigger: String,
    /// The sentence of its first mention.
    pub sentence: String,
    /// The article of its first mention.
    pub doc_id: String,
    /// That article's outlet.
    pub outlet: Option<String>,
}

/// One period of a dyad timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodStats {
    /// Label (`2023`, `2023-05`, `2023-W18`, `2023-05-04`).
    pub period: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Stories (deduplicated events).
    pub events: u64,
    /// Their mentions.
    pub mentions: u64,
    /// Mean Goldstein weight of the stories that have one.
    pub goldstein_mean: Option<f64>,
    /// Summed Goldstein weight.
    pub goldstein_sum: f64,
    /// Stories per QuadClass.
    pub quad_counts: QuadCounts,
    /// The dyad's share of all event mentions stored for the period.
    pub volume: f64,
    /// All event mentions stored for the period (any actors).
    pub total_mentions: u64,
    /// PLOVER types, most frequent first.
    pub top_types: Vec<TypeCount>,
    /// The most reported events.
    pub key_events: Vec<KeyEvent>,
}

/// A dyad timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// First actor.
    pub a: String,
    /// Second actor.
    pub b: String,
    /// Period length.
    pub by: Period,
    /// Periods with at least one event, in order.
    pub periods: Vec<PeriodStats>,
}

#[derive(Default)]
struct Acc {
    events: u64,
    mentions: u64,
    gsum: f64,
    gn: u64,
    quads: QuadCounts,
    types: BTreeMap<String, u64>,
    best: Vec<Candidate>,
}

impl Store {
    /// The timeline of a dyad.
    ///
    /// Reads the dyad's day aggregates (one row per direction and day, kept at
    /// ingest), so the cost grows with the days the dyad spans, not with its stories
    /// or the store's size. Key events are the stories with the most mentions, then
    /// the largest Goldstein magnitude, then the oldest; asking for more than
    /// [`KEY_EVENTS_PER_DAY`] per period reads the stories instead
    /// ([`Store::dyad_from_stories`]).
    ///
    /// # Errors
    /// When SQLite fails or a stored aggregate is unreadable.
    pub fn dyad(&self, q: &DyadQuery) -> Result<Timeline> {
        if q.key_events > KEY_EVENTS_PER_DAY {
            return self.dyad_from_stories(q);
        }
        let (lo, hi) = bounds(q);
        let mut acc: BTreeMap<Date, Acc> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT day, events, mentions, goldstein_sum, goldstein_n, quad1, quad2, quad3, quad4, types, top
                 FROM dyad_days WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4",
            )
            .map_err(|e| self.err("prepare dyad query", None, e))?;
        for (s, t) in pairs(q) {
            let mut rows = stmt
                .query(params![s, t, lo, hi])
                .map_err(|e| self.err("run dyad query", None, e))?;
            while let Some(r) = rows
                .next()
                .map_err(|e| self.err("read dyad query", None, e))?
            {
                let (day, row) = (|| -> rusqlite::Result<_> {
                    let count = |i: usize| r.get::<_, i64>(i).map(|n| n.max(0) as u64);
                    let types: BTreeMap<String, u64> =
                        aggregate::parse(r.get_ref(9)?.as_str()?, 9)?;
                    let top: Vec<Candidate> = aggregate::parse(r.get_ref(10)?.as_str()?, 10)?;
                    Ok((
                        r.get::<_, i32>(0)?,
                        Acc {
                            events: count(1)?,
                            mentions: count(2)?,
                            gsum: r.get(3)?,
                            gn: count(4)?,
                            quads: QuadCounts {
                                verbal_cooperation: count(5)?,
                                material_cooperation: count(6)?,
                                verbal_conflict: count(7)?,
                                material_conflict: count(8)?,
                            },
                            types,
                            best: top,
                        },
                    ))
                })()
                .map_err(|e| self.err("read dyad day", None, e))?;
                let Some(date) = date_of(day) else { continue };
                let a = acc.entry(q.by.start(date)).or_default();
                a.events += row.events;
                a.mentions += row.mentions;
                a.gsum += row.gsum;
                a.gn += row.gn;
                a.quads.verbal_cooperation += row.quads.verbal_cooperation;
                a.quads.material_cooperation += row.quads.material_cooperation;
                a.quads.verbal_conflict += row.quads.verbal_conflict;
                a.quads.material_conflict += row.quads.material_conflict;
                for (p, n) in row.types {
                    *a.types.entry(p).or_default() += n;
                }
                for c in row.best {
                    offer(&mut a.best, c, q.key_events);
                }
            }
        }
        self.finish(q, lo, hi, acc)
    }

    /// The timeline of a dyad computed from its stories rather than the day
    /// aggregates: the same answer as [`Store::dyad`], slower; any number of key
    /// events.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn dyad_from_stories(&self, q: &DyadQuery) -> Result<Timeline> {
        let (lo, hi) = bounds(q);
        let mut acc: BTreeMap<Date, Acc> = BTreeMap::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT day, quad, goldstein, plover, num_mentions, id FROM events
                 WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4",
            )
            .map_err(|e| self.err("prepare dyad query", None, e))?;
        for (s, t) in pairs(q) {
            let mut rows = stmt
                .query(params![s, t, lo, hi])
                .map_err(|e| self.err("run dyad query", None, e))?;
            while let Some(r) = rows
                .next()
                .map_err(|e| self.err("read dyad query", None, e))?
            {
                let row = (|| -> rusqlite::Result<_> {
                    Ok((
                        r.get::<_, i32>(0)?,
                        r.get::<_, Option<u8>>(1)?,
                        r.get::<_, Option<f64>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?,
                    ))
                })()
                .map_err(|e| self.err("read dyad row", None, e))?;
                let (day, quad, g, plover, mentions, id) = row;
                let Some(date) = date_of(day) else { continue };
                let a = acc.entry(q.by.start(date)).or_default();
                a.events += 1;
                a.mentions += mentions.max(0) as u64;
                if let Some(g) = g {
                    a.gsum += g;
                    a.gn += 1;
                }
                a.quads.add(quad);
                if let Some(p) = plover {
                    *a.types.entry(p).or_default() += 1;
                }
                offer(
                    &mut a.best,
                    (id, mentions.max(0) as u64, goldstein_score(g)),
                    q.key_events,
                );
            }
        }
        self.finish(q, lo, hi, acc)
    }

    /// Turns per-period sums into the timeline.
    fn finish(
        &self,
        q: &DyadQuery,
        lo: i32,
        hi: i32,
        acc: BTreeMap<Date, Acc>,
    ) -> Result<Timeline> {
        let totals = self.volume(lo, hi, q.by)?;
        let mut periods = Vec::with_capacity(acc.len());
        for (start, a) in acc {
            let total = totals.get(&start).copied().unwrap_or(0);
            let mut top: Vec<TypeCount> = a
                .types
                .into_iter()
                .map(|(plover, events)| TypeCount { plover, events })
                .collect();
            top.sort_by(|x, y| {
                y.events
                    .cmp(&x.events)
                    .then_with(|| x.plover.cmp(&y.plover))
            });
            let mut key_events = Vec::with_capacity(a.best.len());
            for (id, _, _) in &a.best {
                if let Some(k) = self.key_event(*id)? {
                    key_events.push(k);
                }
            }
            periods.push(PeriodStats {
                period: q.by.label(start),
                start,
                end: q.by.end(start),
                events: a.events,
                mentions: a.mentions,
                goldstein_mean: (a.gn > 0).then(|| a.gsum / a.gn as f64),
                goldstein_sum: a.gsum,
                quad_counts: a.quads,
                volume: if total > 0 {
                    a.mentions as f64 / total as f64
                } else {
                    0.0
                },
                total_mentions: total,
                top_types: top,
                key_events,
            });
        }
        Ok(Timeline {
            a: q.a.clone(),
            b: q.b.clone(),
            by: q.by,
            periods,
        })
    }

    /// All event mentions per period between two days.
    fn volume(&self, lo: i32, hi: i32, by: Period) -> Result<BTreeMap<Date, u64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, mentions FROM volume WHERE day BETWEEN ?1 AND ?2")
            .map_err(|e| self.err("prepare volume query", None, e))?;
        let rows = stmt
            .query_map(params![lo, hi], |r| {
                Ok((r.get::<_, i32>(0)?, r.get::<_, i64>(1)?))
            })
            .map_err(|e| self.err("run volume query", None, e))?;
        let mut out: BTreeMap<Date, u64> = BTreeMap::new();
        for r in rows {
            let (day, n) = r.map_err(|e| self.err("read volume", None, e))?;
            if let Some(d) = date_of(day) {
                *out.entry(by.start(d)).or_default() += n.max(0) as u64;
            }
        }
        Ok(out)
    }

    /// A story with the evidence of its first mention.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn key_event(&self, id: i64) -> Result<Option<KeyEvent>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT e.day, e.src_code, e.tgt_code, e.cameo, e.plover, e.goldstein, e.num_mentions, e.num_sources,
                        m.trigger, m.sentence, a.doc_id, a.outlet
                 FROM events e JOIN mentions m ON m.event = e.id JOIN articles a ON a.id = m.article
                 WHERE e.id = ?1 ORDER BY m.id LIMIT 1",
            )
            .map_err(|e| self.err("prepare key event query", None, e))?;
        let mut rows = stmt
            .query([id])
            .map_err(|e| self.err("run key event query", None, e))?;
        let Some(r) = rows
            .next()
            .map_err(|e| self.err("read key event", None, e))?
        else {
            return Ok(None);
        };
        let k = (|| -> rusqlite::Result<KeyEvent> {
            Ok(KeyEvent {
                id,
                date: r.get::<_, Option<i32>>(0)?.and_then(date_of),
                source: r.get(1)?,
                target: r.get(2)?,
                cameo: r.get(3)?,
                plover: r.get(4)?,
                goldstein: r.get(5)?,
                num_mentions: r.get::<_, i64>(6)? as u64,
                num_sources: r.get::<_, i64>(7)? as u64,
                trigger: r.get(8)?,
                sentence: r.get(9)?,
                doc_id: r.get(10)?,
                outlet: r.get(11)?,
            })
        })()
        .map_err(|e| self.err("read key event", None, e))?;
        Ok(Some(k))
    }
}

/// The query's day range, inclusive.
fn bounds(q: &DyadQuery) -> (i32, i32) {
    (
        q.from.map_or(i32::MIN, day_of),
        q.to.map_or(i32::MAX, day_of),
    )
}

/// The directed pairs a query reads.
fn pairs(q: &DyadQuery) -> Vec<(&str, &str)> {
    let mut pairs = vec![(q.a.as_str(), q.b.as_str())];
    if q.direction == Direction::Both && q.a != q.b {
        pairs.push((q.b.as_str(), q.a.as_str()));
    }
    pairs
}
