//! The batch writer: the statements of one ingest transaction, prepared once, and
//! the counters (volume, day aggregates) it writes before the batch commits.

use std::collections::BTreeMap;

use parley_relations::ChannelStatement;
use parley_types::{Actor, Document, Event};
use rusqlite::{params, OptionalExtension, Statement, Transaction};

use crate::aggregate::{self, DayChanges, NewStory};
use crate::story::{day_of, StoryKey};
use crate::{Article, IngestOptions, IngestReport};

/// Stories an article joined or started: the story and the key of the mention that
/// joined or started it (a few dozen per article, so a list is searched).
type LocalStories = Vec<(Match, StoryKey)>;

/// A stored story that a mention matched: id, day and Goldstein weight.
type Match = (i64, Option<i32>, Option<f64>);

/// Writes articles inside one transaction.
pub(crate) struct Writer<'t> {
    tx: &'t Transaction<'t>,
    find_article: Statement<'t>,
    insert_article: Statement<'t>,
    find_story: Statement<'t>,
    insert_story: Statement<'t>,
    insert_mention: Statement<'t>,
    recount: Statement<'t>,
    insert_channel: Statement<'t>,
    /// Mentions and articles per day, not yet written.
    volume: BTreeMap<i32, (i64, i64)>,
    days: DayChanges,
}

impl<'t> Writer<'t> {
    pub fn new(tx: &'t Transaction<'t>) -> rusqlite::Result<Writer<'t>> {
        Ok(Writer {
            tx,
            find_article: tx.prepare("SELECT id FROM articles WHERE hash = ?1")?,
            insert_article: tx.prepare(
                "INSERT INTO articles (doc_id, hash, doc_day, title, outlet, url, origin, n_events, n_channels)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?,
            find_story: tx.prepare(
                "SELECT id, trigger, object, negated, day, goldstein FROM events
                 WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4 AND root = ?5",
            )?,
            insert_story: tx.prepare(
                "INSERT INTO events (src, tgt, day, root, quad, goldstein, plover, num_mentions, cameo, plover_mode, plover_context,
                    src_code, src_name, src_country, src_sector, tgt_code, tgt_name, tgt_country, tgt_sector,
                    trigger, object, negated, num_sources, num_articles, first_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, 1, 1, ?22)",
            )?,
            insert_mention: tx.prepare(
                "INSERT INTO mentions (event, article, event_id, sentence_index, trigger_start, trigger_end, day, event_day, outlet, speaker, quoted, rule, trigger, sentence)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?14, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            recount: tx.prepare(RECOUNT)?,
            insert_channel: tx.prepare(
                "INSERT INTO channels (article, a, b, day, kind, state, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            volume: BTreeMap::new(),
            days: DayChanges::default(),
        })
    }

    /// The stored article with this hash.
    pub fn find_article(&mut self, hash: &str) -> rusqlite::Result<Option<i64>> {
        self.find_article.query_row([hash], |r| r.get(0)).optional()
    }

    /// Writes the pending counters; the batch may commit after this.
    pub fn finish(&mut self) -> rusqlite::Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO volume (day, articles, mentions) VALUES (?1, ?2, ?3)
             ON CONFLICT(day) DO UPDATE SET articles = articles + ?2, mentions = mentions + ?3",
        )?;
        for (day, (articles, mentions)) in std::mem::take(&mut self.volume) {
            stmt.execute(params![day, articles, mentions])?;
        }
        self.days.flush(self.tx)
    }

    /// Writes one article with its mentions and channel statements.
    pub fn article(
        &mut self,
        a: &Article<'_>,
        statements: &[ChannelStatement],
        options: IngestOptions,
        report: &mut IngestReport,
    ) -> rusqlite::Result<()> {
        let doc = a.doc;
        let doc_day = doc.doc_date.map(day_of);
        self.insert_article.execute(params![
            doc.id,
            a.hash,
            doc_day,
            doc.title,
            doc.outlet,
            doc.url,
            doc.origin,
            a.events.len() as i64,
            statements.len() as i64
        ])?;
        let article = self.tx.last_insert_rowid();
        if let Some(d) = doc_day {
            self.volume.entry(d).or_default().0 += 1;
        }
        // Stories this article already joined or started, so a second sentence about
        // the same event becomes a second mention of it.
        let mut local = LocalStories::new();
        for ev in a.events {
            let key = StoryKey::of(ev, doc);
            let found = match self.find_story(&key, options.window_days, &local)? {
                Some((id, day, goldstein)) => {
                    self.mention(id, article, ev, &key, doc)?;
                    let mentions: i64 =
                        self.recount.query_row(params![id, key.day], |r| r.get(0))?;
                    self.days.mention(
                        (&key.src, &key.tgt, day),
                        id,
                        mentions.max(0) as u64,
                        goldstein,
                    );
                    (id, day, goldstein)
                }
                None => {
                    let id = self.story(ev, &key, ev.doc_date.or(doc.doc_date).map(day_of))?;
                    self.mention(id, article, ev, &key, doc)?;
                    self.days.story(&NewStory {
                        id,
                        src: &key.src,
                        tgt: &key.tgt,
                        day: key.day,
                        quad: ev.quad_class,
                        goldstein: ev.goldstein,
                        plover: ev.plover.as_deref(),
                    });
                    report.new_events += 1;
                    (id, key.day, ev.goldstein)
                }
            };
            report.mentions += 1;
            if let Some(d) = key.day {
                self.volume.entry(d).or_default().1 += 1;
            }
            local.push((found, key));
        }
        for s in statements {
            let record = serde_json::to_string(s)
                .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
            self.insert_channel.execute(params![
                article,
                s.dyad.0,
                s.dyad.1,
                s.date.map(day_of),
                s.kind.name(),
                s.state.name(),
                record
            ])?;
            report.channels += 1;
        }
        report.articles += 1;
        Ok(())
    }

    /// The story `key` joins: one of this article's, else the nearest stored one in
    /// the date window (the oldest among equally near).
    fn find_story(
        &mut self,
        key: &StoryKey,
        window: i32,
        local: &LocalStories,
    ) -> rusqlite::Result<Option<Match>> {
        let same_dyad = |k: &StoryKey| k.src == key.src && k.tgt == key.tgt && k.root == key.root;
        for (found, k) in local.iter().filter(|(_, k)| same_dyad(k)) {
            let near = match (k.day, key.day) {
                (Some(x), Some(y)) => (x - y).abs() <= window,
                (None, None) => true,
                _ => false,
            };
            if near && key.agrees(&k.trigger, &k.object, k.negated) {
                return Ok(Some(*found));
            }
        }
        let Some(day) = key.day else { return Ok(None) };
        let mut rows = self.find_story.query(params![
            key.src,
            key.tgt,
            day - window,
            day + window,
            key.root
        ])?;
        let mut best: Option<(i32, i64, Match)> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let at: Option<i32> = r.get(4)?;
            let dist = at.map_or(i32::MAX, |d| (d - day).abs());
            if best.as_ref().is_some_and(|b| (b.0, b.1) <= (dist, id)) {
                continue;
            }
            let trigger: String = r.get(1)?;
            let object: String = r.get(2)?;
            let negated: bool = r.get(3)?;
            if key.agrees(&trigger, &object, negated) {
                best = Some((dist, id, (id, at, r.get(5)?)));
            }
        }
        Ok(best.map(|b| b.2))
    }

    fn story(&mut self, ev: &Event, key: &StoryKey, seen: Option<i32>) -> rusqlite::Result<i64> {
        let name = |a: &Actor| a.name.clone().unwrap_or_else(|| a.text.clone());
        let t = ev.target.as_ref();
        self.insert_story.execute(params![
            key.src,
            key.tgt,
            key.day,
            key.root,
            ev.quad_class,
            ev.goldstein,
            ev.plover,
            ev.cameo,
            ev.plover_mode,
            ev.plover_context.join(","),
            ev.source.code,
            name(&ev.source),
            ev.source.country,
            ev.source.sector,
            t.map(|a| a.code.clone()),
            t.map(name),
            t.and_then(|a| a.country.clone()),
            t.and_then(|a| a.sector.clone()),
            key.trigger,
            key.object,
            key.negated,
            seen.or(key.day),
        ])?;
        Ok(self.tx.last_insert_rowid())
    }

    fn mention(
        &mut self,
        story: i64,
        article: i64,
        ev: &Event,
        key: &StoryKey,
        doc: &Document,
    ) -> rusqlite::Result<()> {
        let speaker = ev
            .attribution
            .as_ref()
            .and_then(|a| a.speaker.as_ref())
            .map(|s| s.name.clone().unwrap_or_else(|| s.text.clone()));
        let quoted = ev.attribution.as_ref().is_some_and(|a| a.quoted);
        let doc_day = ev.doc_date.or(doc.doc_date).map(day_of);
        self.insert_mention.execute(params![
            story,
            article,
            ev.event_id,
            ev.sentence_index as i64,
            ev.evidence.span.start as i64,
            ev.evidence.span.end as i64,
            doc_day,
            doc.outlet,
            speaker,
            quoted,
            ev.evidence.rule,
            ev.evidence.trigger,
            ev.sentence,
            key.day,
        ])?;
        Ok(())
    }

    /// Removes an article with its mentions, channel statements and volume; stories
    /// left without mentions go too, the others are recounted, and the days they lie
    /// on are recomputed.
    pub fn remove_article(&mut self, article: i64) -> rusqlite::Result<()> {
        // The removal reads the stored counters: write what is pending first.
        self.finish()?;
        let tx = self.tx;
        let doc_day: Option<i32> = tx.query_row(
            "SELECT doc_day FROM articles WHERE id = ?1",
            [article],
            |r| r.get(0),
        )?;
        let mut stories: Vec<i64> = Vec::new();
        {
            let mut stmt = tx.prepare_cached(
                "SELECT event, event_day, COUNT(*) FROM mentions WHERE article = ?1 GROUP BY event, event_day",
            )?;
            let rows = stmt.query_map([article], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i32>>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })?;
            let mut by_day: BTreeMap<i32, i64> = BTreeMap::new();
            for r in rows {
                let (story, day, n) = r?;
                if !stories.contains(&story) {
                    stories.push(story);
                }
                if let Some(d) = day {
                    *by_day.entry(d).or_default() += n;
                }
            }
            for (d, n) in by_day {
                tx.execute(
                    "UPDATE volume SET mentions = mentions - ?2 WHERE day = ?1",
                    params![d, n],
                )?;
            }
        }
        if let Some(d) = doc_day {
            tx.execute(
                "UPDATE volume SET articles = articles - 1 WHERE day = ?1",
                [d],
            )?;
        }
        tx.execute("DELETE FROM mentions WHERE article = ?1", [article])?;
        tx.execute("DELETE FROM channels WHERE article = ?1", [article])?;
        let mut days: Vec<(String, String, i32)> = Vec::new();
        for s in stories {
            let (src, tgt, day): (String, String, Option<i32>) =
                tx.query_row("SELECT src, tgt, day FROM events WHERE id = ?1", [s], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            if let Some(d) = day {
                if !days.iter().any(|x| x.0 == src && x.1 == tgt && x.2 == d) {
                    days.push((src, tgt, d));
                }
            }
            let left: i64 =
                tx.query_row("SELECT COUNT(*) FROM mentions WHERE event = ?1", [s], |r| {
                    r.get(0)
                })?;
            if left == 0 {
                tx.execute("DELETE FROM events WHERE id = ?1", [s])?;
            } else {
                self.recount
                    .query_row(params![s, None::<i32>], |_| Ok(()))?;
            }
        }
        for (src, tgt, day) in days {
            aggregate::refresh(tx, &src, &tgt, day)?;
        }
        tx.execute("DELETE FROM articles WHERE id = ?1", [article])?;
        Ok(())
    }
}

/// Recounts a story's mentions, articles, sources and first-seen day from its
/// mentions; returns the mentions.
const RECOUNT: &str = "UPDATE events SET
        num_mentions = (SELECT COUNT(*) FROM mentions WHERE event = ?1),
        num_articles = (SELECT COUNT(DISTINCT article) FROM mentions WHERE event = ?1),
        num_sources = (SELECT COUNT(DISTINCT COALESCE(outlet, '#' || article)) FROM mentions WHERE event = ?1),
        first_seen = (SELECT MIN(COALESCE(day, ?2)) FROM mentions WHERE event = ?1)
     WHERE id = ?1 RETURNING num_mentions";
