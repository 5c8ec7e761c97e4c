//! The store: opening, migrating and writing articles with their events and channel
//! statements.

use std::path::{Path, PathBuf};

use parley_relations::ChannelReader;
use parley_types::{Actor, Document, Event};
use rusqlite::{Connection, OptionalExtension};

use crate::error::{Result, StoreError};
use crate::schema::{MIGRATIONS, SCHEMA_VERSION};
use crate::writer::Writer;

/// Page cache of an open store, KiB (SQLite's `cache_size`, taken only as used).
const CACHE_KIB: i64 = 1 << 20;
/// Pages the write-ahead log may hold before it is copied into the database.
const CHECKPOINT_PAGES: i64 = 50_000;

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
        // A large page cache and a long WAL between checkpoints keep the indexes of a
        // big store in memory during bulk ingest and write each changed page once per
        // checkpoint instead of once per batch; memory is taken only as pages are used.
        conn.pragma_update(None, "cache_size", -CACHE_KIB)
            .map_err(e("set cache size"))?;
        conn.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)
            .map_err(e("set checkpoint interval"))?;
        conn.pragma_update(None, "temp_store", "MEMORY")
            .map_err(e("set temp store"))?;
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
        crate::aggregate::register(&conn).map_err(e("register SQL functions"))?;
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
        let mut w = Writer::new(&tx).map_err(|e| sql_err(&path, "prepare batch", None, e))?;
        for a in batch {
            let e = |context: &'static str| {
                let path = path.clone();
                let id = a.doc.id.clone();
                move |err| sql_err(&path, context, Some(id), err)
            };
            let existing = w.find_article(a.hash).map_err(e("look up article hash"))?;
            if let Some(old) = existing {
                if options.on_duplicate == OnDuplicate::Skip {
                    report.skipped += 1;
                    continue;
                }
                w.remove_article(old).map_err(e("remove recoded article"))?;
                report.recoded += 1;
            }
            let dates = sentence_dates(a.doc);
            let statements = reader.read_dated(a.doc, a.mentions, a.events, &dates);
            w.article(a, &statements, options, &mut report)
                .map_err(e("write article"))?;
        }
        w.finish()
            .map_err(|e| sql_err(&path, "write day aggregates", None, e))?;
        drop(w);
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
