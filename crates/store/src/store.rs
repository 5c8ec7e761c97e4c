//! The store: opening, migrating and writing articles with their events and channel
//! statements.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use parley_relations::{ChannelReader, ChannelStatement};
use parley_types::{Actor, Document, Event};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::{Result, StoreError};
use crate::schema::{MIGRATIONS, SCHEMA_VERSION};
use crate::story::{day_of, StoryKey};

/// One coded article, as the pipeline hands it over.
#[derive(Debug, Clone, Copy)]
pub struct Article<'a> {
    /// The cleaned document with its sentences.
    pub doc: &'a Document,
    /// Actors found in each sentence, by sentence position (may be empty).
    pub mentions: &'a [Vec<Actor>],
    /// The article's coded events.
    pub events: &'a [Event],
    /// Hash of the article's input text ([`content_hash`]): the idempotence key.
    pub hash: &'a str,
}

/// The idempotence key of an article: BLAKE3 of its input text, in hex.
pub fn content_hash(raw: &str) -> String {
    blake3::hash(raw.as_bytes()).to_hex().to_string()
}

/// What to do with an article whose hash is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnDuplicate {
    /// Leave the stored article as it is.
    #[default]
    Skip,
    /// Remove the stored article and store the new coding.
    Recode,
}

/// How to ingest.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Articles already stored.
    pub on_duplicate: OnDuplicate,
    /// Mentions of the same event may be this many days apart.
    pub window_days: i32,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            on_duplicate: OnDuplicate::Skip,
            window_days: 2,
        }
    }
}

/// What one [`Store::ingest`] call did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestReport {
    /// Articles written.
    pub articles: usize,
    /// Articles skipped because their hash was stored.
    pub skipped: usize,
    /// Articles replaced (`OnDuplicate::Recode`).
    pub recoded: usize,
    /// Event mentions written.
    pub mentions: usize,
    /// New stories (mentions that matched no stored event).
    pub new_events: usize,
    /// Channel statements written.
    pub channels: usize,
}

impl std::ops::AddAssign for IngestReport {
    fn add_assign(&mut self, o: IngestReport) {
        self.articles += o.articles;
        self.skipped += o.skipped;
        self.recoded += o.recoded;
        self.mentions += o.mentions;
        self.new_events += o.new_events;
        self.channels += o.channels;
    }
}

/// Counts of what the store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoreStats {
    /// Articles.
    pub articles: u64,
    /// Stories (deduplicated events).
    pub events: u64,
    /// Event mentions.
    pub mentions: u64,
    /// Channel statements.
    pub channels: u64,
}

/// An open event store (one SQLite file in WAL mode).
#[derive(Debug)]
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    reader: ChannelReader<'static>,
}

impl Store {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    ///
    /// # Errors
    /// When the file cannot be opened, is not a parley store, or has a newer schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| sql_err(path, "open", None, e))?;
        Store::init(conn, path.to_path_buf())
    }

    /// A store in memory (for tests and one-off runs).
    ///
    /// # Errors
    /// When SQLite cannot allocate it.
    pub fn open_in_memory() -> Result<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| sql_err(&path, "open", None, e))?;
        Store::init(conn, path)
    }

    fn init(mut conn: Connection, path: PathBuf) -> Result<Store> {
        let p = path.clone();
        let e = move |context: &'static str| {
            let p = p.clone();
            move |err| sql_err(&p, context, None, err)
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))
            .map_err(e("set busy timeout"))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(e("enable WAL"))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(e("set synchronous"))?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(e("enable foreign keys"))?;
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(e("read schema version"))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                db: path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            let tx = conn.transaction().map_err(e("begin migration"))?;
            tx.execute_batch(sql).map_err(e("migrate schema"))?;
            tx.pragma_update(None, "user_version", (v + 1) as i64)
                .map_err(e("write schema version"))?;
            tx.commit().map_err(e("commit migration"))?;
        }
        let reader = ChannelReader::builtin()?;
        Ok(Store { conn, path, reader })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err("read schema version", None, e))
    }

    /// True when an article with this hash is stored.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn contains(&self, hash: &str) -> Result<bool> {
        self.conn
            .query_row("SELECT 1 FROM articles WHERE hash = ?1", [hash], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.err("look up article hash", None, e))
    }

    /// Counts of articles, stories, mentions and channel statements.
    ///
    /// # Errors
    /// When SQLite fails.
    pub fn stats(&self) -> Result<StoreStats> {
        let count = |t: &str| -> Result<u64> {
            self.conn
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })
                .map(|n| n as u64)
                .map_err(|e| self.err("count rows", None, e))
        };
        Ok(StoreStats {
            articles: count("articles")?,
            events: count("events")?,
            mentions: count("mentions")?,
            channels: count("channels")?,
        })
    }

    /// Writes a batch of articles in one transaction: all of it or none of it is
    /// stored, so a killed process never leaves half an article. Each event joins the
    /// stored story it matches (see [`crate::story`]) or starts a new one; channel
    /// statements are read from each article and stored with it.
    ///
    /// # Errors
    /// When SQLite fails; the batch is then rolled back.
    pub fn ingest(
        &mut self,
        batch: &[Article<'_>],
        options: IngestOptions,
    ) -> Result<IngestReport> {
        let path = self.path.clone();
        let reader = self.reader;
        let tx = self
            .conn
            .transaction()
            .map_err(|e| sql_err(&path, "begin batch", None, e))?;
        let mut report = IngestReport::default();
        for a in batch {
            let e = |context: &'static str| {
                let path = path.clone();
                let id = a.doc.id.clone();
                move |err| sql_err(&path, context, Some(id), err)
            };
            let existing: Option<i64> = tx
                .query_row("SELECT id FROM articles WHERE hash = ?1", [a.hash], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(e("look up article hash"))?;
            if let Some(old) = existing {
                if options.on_duplicate == OnDuplicate::Skip {
                    report.skipped += 1;
                    continue;
                }
                remove_article(&tx, old).map_err(e("remove recoded article"))?;
                report.recoded += 1;
            }
            let dates = sentence_dates(a.doc);
            let statements = reader.read_dated(a.doc, a.mentions, a.events, &dates);
            write_article(&tx, a, &statements, options, &mut report).map_err(e("write article"))?;
        }
        tx.commit()
            .map_err(|e| sql_err(&path, "commit batch", None, e))?;
        Ok(report)
    }

    pub(crate) fn err(
        &self,
        context: &'static str,
        article: Option<String>,
        e: rusqlite::Error,
    ) -> StoreError {
        sql_err(&self.path, context, article, e)
    }
}

/// The date references of each sentence, resolved against the publication date.
fn sentence_dates(doc: &Document) -> Vec<Vec<(parley_types::Span, parley_types::Date)>> {
    let Some(published) = doc.doc_date else {
        return Vec::new();
    };
    doc.sentences
        .iter()
        .map(|s| {
            parley_text::dates::find_event_dates(&s.text, published)
                .into_iter()
                .map(|d| (d.span, d.date))
                .collect()
        })
        .collect()
}

pub(crate) fn sql_err(
    path: &Path,
    context: &'static str,
    article: Option<String>,
    source: rusqlite::Error,
) -> StoreError {
    StoreError::Sqlite {
        db: path.to_path_buf(),
        context,
        article,
        source: Box::new(source),
    }
}

fn write_article(
    tx: &Transaction<'_>,
    a: &Article<'_>,
    statements: &[ChannelStatement],
    options: IngestOptions,
    report: &mut IngestReport,
) -> rusqlite::Result<()> {
    let doc = a.doc;
    let doc_day = doc.doc_date.map(day_of);
    tx.prepare_cached(
        "INSERT INTO articles (doc_id, hash, doc_day, title, outlet, url, origin, n_events, n_channels)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![doc.id, a.hash, doc_day, doc.title, doc.outlet, doc.url, doc.origin, a.events.len() as i64, statements.len() as i64])?;
    let article = tx.last_insert_rowid();
    let mut volume: BTreeMap<Option<i32>, (i64, i64)> = BTreeMap::new();
    if let Some(d) = doc_day {
        volume.entry(Some(d)).or_default().0 += 1;
    }
    // Stories this article already joined or started, so a second sentence about the
    // same event becomes a second mention of it.
    let mut local = LocalStories::new();
    for ev in a.events {
        let key = StoryKey::of(ev, doc);
        let story = match find_story(tx, &key, options.window_days, &local)? {
            Some(id) => {
                add_mention(tx, id, article, ev, &key, doc)?;
                recount(tx, id, key.day)?;
                id
            }
            None => {
                let id = insert_story(tx, ev, &key, ev.doc_date.or(doc.doc_date).map(day_of))?;
                add_mention(tx, id, article, ev, &key, doc)?;
                report.new_events += 1;
                id
            }
        };
        local
            .entry((key.src.clone(), key.tgt.clone(), key.root.clone()))
            .or_default()
            .push((story, key.clone()));
        report.mentions += 1;
        if let Some(d) = key.day {
            volume.entry(Some(d)).or_default().1 += 1;
        }
    }
    for (day, (articles, mentions)) in volume {
        tx.prepare_cached(
            "INSERT INTO volume (day, articles, mentions) VALUES (?1, ?2, ?3)
             ON CONFLICT(day) DO UPDATE SET articles = articles + ?2, mentions = mentions + ?3",
        )?
        .execute(params![day, articles, mentions])?;
    }
    for s in statements {
        let record = serde_json::to_string(s)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
        tx.prepare_cached("INSERT INTO channels (article, a, b, day, kind, state, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?
            .execute(params![article, s.dyad.0, s.dyad.1, s.date.map(day_of), s.kind.name(), s.state.name(), record])?;
        report.channels += 1;
    }
    report.articles += 1;
    Ok(())
}

/// Stories an article joined or started, by (source, target, root).
type LocalStories = HashMap<(String, String, String), Vec<(i64, StoryKey)>>;

fn find_story(
    tx: &Transaction<'_>,
    key: &StoryKey,
    window: i32,
    local: &LocalStories,
) -> rusqlite::Result<Option<i64>> {
    if let Some(list) = local.get(&(key.src.clone(), key.tgt.clone(), key.root.clone())) {
        for (id, k) in list {
            let near = match (k.day, key.day) {
                (Some(x), Some(y)) => (x - y).abs() <= window,
                (None, None) => true,
                _ => false,
            };
            if near && key.agrees(&k.trigger, &k.object, k.negated) {
                return Ok(Some(*id));
            }
        }
    }
    let Some(day) = key.day else { return Ok(None) };
    let mut stmt = tx.prepare_cached(
        "SELECT id, trigger, object, negated FROM events
         WHERE src = ?1 AND tgt = ?2 AND day BETWEEN ?3 AND ?4 AND root = ?5
         ORDER BY abs(day - ?6), id",
    )?;
    let mut rows = stmt.query(params![
        key.src,
        key.tgt,
        day - window,
        day + window,
        key.root,
        day
    ])?;
    while let Some(r) = rows.next()? {
        let trigger: String = r.get(1)?;
        let object: String = r.get(2)?;
        let negated: bool = r.get(3)?;
        if key.agrees(&trigger, &object, negated) {
            return Ok(Some(r.get(0)?));
        }
    }
    Ok(None)
}

fn insert_story(
    tx: &Transaction<'_>,
    ev: &Event,
    key: &StoryKey,
    seen: Option<i32>,
) -> rusqlite::Result<i64> {
    let name = |a: &Actor| a.name.clone().unwrap_or_else(|| a.text.clone());
    let t = ev.target.as_ref();
    tx.prepare_cached(
        "INSERT INTO events (src, tgt, day, root, quad, goldstein, plover, num_mentions, cameo, plover_mode, plover_context,
            src_code, src_name, src_country, src_sector, tgt_code, tgt_name, tgt_country, tgt_sector,
            trigger, object, negated, num_sources, num_articles, first_seen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, 1, 1, ?22)",
    )?
    .execute(params![
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
    Ok(tx.last_insert_rowid())
}

fn add_mention(
    tx: &Transaction<'_>,
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
    tx.prepare_cached(
        "INSERT INTO mentions (event, article, event_id, sentence_index, trigger_start, trigger_end, day, event_day, outlet, speaker, quoted, rule, trigger, sentence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?14, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
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

/// Recounts a story's mentions, articles, sources and first-seen day from its mentions.
fn recount(tx: &Transaction<'_>, story: i64, fallback_day: Option<i32>) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE events SET
            num_mentions = (SELECT COUNT(*) FROM mentions WHERE event = ?1),
            num_articles = (SELECT COUNT(DISTINCT article) FROM mentions WHERE event = ?1),
            num_sources = (SELECT COUNT(DISTINCT COALESCE(outlet, '#' || article)) FROM mentions WHERE event = ?1),
            first_seen = (SELECT MIN(COALESCE(day, ?2)) FROM mentions WHERE event = ?1)
         WHERE id = ?1",
    )?
    .execute(params![story, fallback_day])?;
    Ok(())
}

/// Removes an article with its mentions, channel statements and volume; stories left
/// without mentions go too, the others are recounted.
fn remove_article(tx: &Transaction<'_>, article: i64) -> rusqlite::Result<()> {
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
    for s in stories {
        let left: i64 =
            tx.query_row("SELECT COUNT(*) FROM mentions WHERE event = ?1", [s], |r| {
                r.get(0)
            })?;
        if left == 0 {
            tx.execute("DELETE FROM events WHERE id = ?1", [s])?;
        } else {
            recount(tx, s, None)?;
        }
    }
    tx.execute("DELETE FROM articles WHERE id = ?1", [article])?;
    Ok(())
}
