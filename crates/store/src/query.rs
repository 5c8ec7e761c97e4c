//! Event queries: stories filtered by dyad, actor, CAMEO code, PLOVER type and date.

use parley_types::Date;
use rusqlite::types::Value;
use serde::Serialize;

use crate::error::Result;
use crate::story::{date_of, day_of};
use crate::Store;

/// Which events to return. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Both actor keys of a pair, either direction (`RUS`, `FRA`).
    pub dyad: Option<(String, String)>,
    /// An actor key or code prefix on either side (`RUS`, `RUSGOV`).
    pub actor: Option<String>,
    /// A CAMEO code prefix (`16`, `163`).
    pub cameo: Option<String>,
    /// A PLOVER type (`SANCTION`).
    pub plover: Option<String>,
    /// First day (inclusive).
    pub from: Option<Date>,
    /// Last day (inclusive).
    pub to: Option<Date>,
    /// At most this many events.
    pub limit: Option<usize>,
}

/// One side of a stored event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorRow {
    /// CAMEO actor code.
    pub code: String,
    /// Name or matched text.
    pub name: String,
    /// ISO-3 country.
    pub country: Option<String>,
    /// Sector.
    pub sector: Option<String>,
}

/// A stored story with its counts and its first mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// The store's event id.
    pub id: i64,
    /// Event date.
    pub date: Option<Date>,
    /// Who acted.
    pub source: ActorRow,
    /// On whom.
    pub target: Option<ActorRow>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub cameo_root: String,
    /// QuadClass.
    pub quad_class: Option<u8>,
    /// Goldstein weight.
    pub goldstein: Option<f64>,
    /// PLOVER type.
    pub plover: Option<String>,
    /// PLOVER mode.
    pub plover_mode: Option<String>,
    /// PLOVER contexts.
    pub plover_context: Vec<String>,
    /// True when reported as not having happened.
    pub negated: bool,
    /// Mentions of the story.
    pub num_mentions: u64,
    /// Distinct outlets.
    pub num_sources: u64,
    /// Distinct articles.
    pub num_articles: u64,
    /// Earliest publication date of a mention.
    pub first_seen: Option<Date>,
    /// Trigger lemma the story was matched on.
    pub trigger: String,
    /// First mention: article id.
    pub doc_id: String,
    /// First mention: article URL.
    pub url: Option<String>,
    /// First mention: outlet.
    pub outlet: Option<String>,
    /// First mention: sentence position.
    pub sentence_index: u64,
    /// First mention: sentence.
    pub sentence: String,
    /// First mention: the coder's event id.
    pub event_id: String,
}

/// One mention of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    /// Article id.
    pub doc_id: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub doc_date: Option<Date>,
    /// Sentence position.
    pub sentence_index: u64,
    /// Byte range of the trigger in the article's cleaned text.
    pub span: [u64; 2],
    /// Trigger as written.
    pub trigger: String,
    /// Who reported it, if not its source.
    pub speaker: Option<String>,
    /// The sentence.
    pub sentence: String,
}

const SELECT: &str = "SELECT e.id, e.day, e.src_code, e.src_name, e.src_country, e.src_sector,
        e.tgt_code, e.tgt_name, e.tgt_country, e.tgt_sector, e.cameo, e.root, e.quad, e.goldstein, e.plover,
        e.plover_mode, e.plover_context, e.negated, e.num_mentions, e.num_sources, e.num_articles, e.first_seen,
        e.trigger, a.doc_id, a.url, a.outlet, m.sentence_index, m.sentence, m.event_id
    FROM events e
    JOIN mentions m ON m.id = (SELECT MIN(id) FROM mentions WHERE event = e.id)
    JOIN articles a ON a.id = m.article";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EventRow> {
    let tgt: Option<String> = r.get(6)?;
    Ok(EventRow {
        id: r.get(0)?,
        date: r.get::<_, Option<i32>>(1)?.and_then(date_of),
        source: ActorRow {
            code: r.get(2)?,
            name: r.get(3)?,
            country: r.get(4)?,
            sector: r.get(5)?,
        },
        target: match tgt {
            Some(code) => Some(ActorRow {
                code,
                name: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                country: r.get(8)?,
                sector: r.get(9)?,
            }),
            None => None,
        },
        cameo: r.get(10)?,
        cameo_root: r.get(11)?,
        quad_class: r.get(12)?,
        goldstein: r.get(13)?,
        plover: r.get(14)?,
        plover_mode: r.get(15)?,
        plover_context: r
            .get::<_, Option<String>>(16)?
            .map(|s| {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
        negated: r.get(17)?,
        num_mentions: r.get::<_, i64>(18)? as u64,
        num_sources: r.get::<_, i64>(19)? as u64,
        num_articles: r.get::<_, i64>(20)? as u64,
        first_seen: r.get::<_, Option<i32>>(21)?.and_then(date_of),
        trigger: r.get(22)?,
        doc_id: r.get(23)?,
        url: r.get(24)?,
        outlet: r.get(25)?,
        sentence_index: r.get::<_, i64>(26)? as u64,
        sentence: r.get(27)?,
        event_id: r.get(28)?,
    })
}

impl Store {
    /// Calls `each` on every story that passes `filter`, in date order.
    ///
    /// # Errors
    /// When SQLite fails, or with the first error `each` returns.
    pub fn for_each_event(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(&EventRow) -> Result<()>,
    ) -> Result<()> {
        let mut clauses: Vec<&str> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some((a, b)) = &filter.dyad {
            clauses.push("((e.src = ? AND e.tgt = ?) OR (e.src = ? AND e.tgt = ?))");
            args.extend([a, b, b, a].map(|s| Value::Text(s.clone())));
        }
        if let Some(x) = &filter.actor {
            clauses.push(
                "(e.src = ? OR e.tgt = ? OR e.src_code LIKE ? || '%' OR e.tgt_code LIKE ? || '%')",
            );
            args.extend([x, x, x, x].map(|s| Value::Text(s.clone())));
        }
        if let Some(c) = &filter.cameo {
            clauses.push("e.cameo LIKE ? || '%'");
            args.push(Value::Text(c.clone()));
        }
        if let Some(p) = &filter.plover {
            clauses.push("e.plover = ?");
            args.push(Value::Text(p.to_uppercase()));
        }
        if let Some(d) = filter.from {
            clauses.push("e.day >= ?");
            args.push(Value::Integer(i64::from(day_of(d))));
        }
        if let Some(d) = filter.to {
            clauses.push("e.day <= ?");
            args.push(Value::Integer(i64::from(day_of(d))));
        }
        let mut sql = SELECT.to_string();
        if !clauses.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&clauses.join(" AND "));
        }
        sql.push_str(" ORDER BY e.day, e.id");
        if let Some(n) = filter.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        let mut stmt = self
            .conn
            .prepare(&sql)
            .map_err(|e| self.err("prepare event query", None, e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(args))
            .map_err(|e| self.err("run event query", None, e))?;
        while let Some(r) = rows
            .next()
            .map_err(|e| self.err("read event query", None, e))?
        {
            let ev = row(r).map_err(|e| self.err("read event row", None, e))?;
            each(&ev)?;
        }
        Ok(())
    }

    /// The stories that pass `filter`, in date order.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut out = Vec::new();
        self.for_each_event(filter, |e| {
            out.push(e.clone());
            Ok(())
        })?;
        Ok(out)
    }

    /// The mentions of story `id`, oldest first.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn mentions(&self, id: i64) -> Result<Vec<MentionRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.doc_id, m.outlet, m.day, m.sentence_index, m.trigger_start, m.trigger_end, m.trigger, m.speaker, m.sentence
                 FROM mentions m JOIN articles a ON a.id = m.article WHERE m.event = ?1 ORDER BY m.id",
            )
            .map_err(|e| self.err("prepare mention query", None, e))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(MentionRow {
                    doc_id: r.get(0)?,
                    outlet: r.get(1)?,
                    doc_date: r.get::<_, Option<i32>>(2)?.and_then(date_of),
                    sentence_index: r.get::<_, i64>(3)? as u64,
                    span: [r.get::<_, i64>(4)? as u64, r.get::<_, i64>(5)? as u64],
                    trigger: r.get(6)?,
                    speaker: r.get(7)?,
                    sentence: r.get(8)?,
                })
            })
            .map_err(|e| self.err("run mention query", None, e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err("read mention", None, e))
    }
}
