//! The database schema and its migrations.
//!
//! The version lives in SQLite's `user_version`. Each migration takes the schema from
//! version `n` to `n + 1` and runs in its own transaction, so an interrupted migration
//! leaves the previous version intact.

/// The `dyad_days` rows computed from the stories, for the days that pass `filter`
/// (SQL over `e`, the events table): used to fill the table when it is created and to
/// recompute a day after an article is removed. `LIMIT 5` is
/// [`crate::aggregate::KEY_EVENTS_PER_DAY`].
macro_rules! day_rows {
    ($filter:literal) => {
        concat!(
            "SELECT e.src, e.tgt, e.day, COUNT(*), SUM(e.num_mentions), TOTAL(e.goldstein), COUNT(e.goldstein),
                SUM(e.quad IS 1), SUM(e.quad IS 2), SUM(e.quad IS 3), SUM(e.quad IS 4),
                (SELECT COALESCE(json_group_object(p, n), '{}') FROM (
                    SELECT t.plover AS p, COUNT(*) AS n FROM events t
                    WHERE t.src = e.src AND t.tgt = e.tgt AND t.day = e.day AND t.plover IS NOT NULL
                    GROUP BY t.plover ORDER BY t.plover)),
                (SELECT COALESCE(json_group_array(json_array(i, m, s)), '[]') FROM (
                    SELECT t.id AS i, t.num_mentions AS m, CAST(abs(COALESCE(t.goldstein, 0.0)) * 10 AS INTEGER) AS s
                    FROM events t WHERE t.src = e.src AND t.tgt = e.tgt AND t.day = e.day
                    ORDER BY m DESC, s DESC, i LIMIT 5))
            FROM events e WHERE e.day IS NOT NULL ",
            $filter,
            " GROUP BY e.src, e.tgt, e.day"
        )
    };
}
pub(crate) use day_rows;

/// Migrations, in order: `MIGRATIONS[n]` takes version `n` to `n + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 0 → 1: articles, stories (events) with their mentions, channel statements, volume.
    r"
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        doc_day INTEGER,
        title TEXT,
        outlet TEXT,
        url TEXT,
        origin TEXT,
        n_events INTEGER NOT NULL,
        n_channels INTEGER NOT NULL
    );
    CREATE INDEX articles_doc ON articles(doc_id);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        src TEXT NOT NULL,
        tgt TEXT NOT NULL,
        day INTEGER,
        root TEXT NOT NULL,
        quad INTEGER,
        goldstein REAL,
        plover TEXT,
        num_mentions INTEGER NOT NULL,
        cameo TEXT NOT NULL,
        plover_mode TEXT,
        plover_context TEXT,
        src_code TEXT NOT NULL,
        src_name TEXT NOT NULL,
        src_country TEXT,
        src_sector TEXT,
        tgt_code TEXT,
        tgt_name TEXT,
        tgt_country TEXT,
        tgt_sector TEXT,
        trigger TEXT NOT NULL,
        object TEXT NOT NULL,
        negated INTEGER NOT NULL,
        num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL,
        first_seen INTEGER
    );
    CREATE INDEX events_dyad ON events(src, tgt, day, root, quad, goldstein, plover, num_mentions);
    CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        event INTEGER NOT NULL REFERENCES events(id),
        article INTEGER NOT NULL REFERENCES articles(id),
        event_id TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        day INTEGER,
        event_day INTEGER,
        outlet TEXT,
        speaker TEXT,
        quoted INTEGER NOT NULL,
        rule TEXT NOT NULL,
        trigger TEXT NOT NULL,
        sentence TEXT NOT NULL
    );
    CREATE INDEX mentions_event ON mentions(event);
    CREATE INDEX mentions_article ON mentions(article);
    CREATE TABLE channels (
        id INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(id),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        day INTEGER,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        record TEXT NOT NULL
    );
    CREATE INDEX channels_dyad ON channels(a, b, day);
    CREATE INDEX channels_article ON channels(article);
    CREATE TABLE volume (
        day INTEGER PRIMARY KEY,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL
    ) WITHOUT ROWID;
    ",
    concat!(
        // 1 → 2: per-(source, target, day) aggregates for timelines, maintained at ingest;
        // the wide covering index gives way to a narrow one for story matching.
        r"
    DROP INDEX events_dyad;
    CREATE INDEX events_story ON events(src, tgt, day, root);
    CREATE TABLE dyad_days (
        src TEXT NOT NULL,
        tgt TEXT NOT NULL,
        day INTEGER NOT NULL,
        events INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        goldstein_sum REAL NOT NULL,
        goldstein_n INTEGER NOT NULL,
        quad1 INTEGER NOT NULL,
        quad2 INTEGER NOT NULL,
        quad3 INTEGER NOT NULL,
        quad4 INTEGER NOT NULL,
        types TEXT NOT NULL,
        top TEXT NOT NULL,
        PRIMARY KEY (src, tgt, day)
    ) WITHOUT ROWID;
    ",
        "INSERT INTO dyad_days ",
        day_rows!(""),
        ";",
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;
