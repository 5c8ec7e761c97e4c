//! Kill-safety: a child process ingesting synthetic articles is killed at random
//! points, many times; the database must pass `PRAGMA integrity_check`, hold no half
//! article, keep its day aggregates equal to its stories, and, once the ingest is
//! finally let run to its end, hold exactly what an uninterrupted ingest holds.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;

/// Articles per child run; trial `t` ingests articles `t * STEP .. t * STEP + RUN`, so
/// every child has new work and overlaps what the killed child before it left.
const RUN: u64 = 400;
const STEP: u64 = 200;
const TRIALS: u64 = 25;

fn child(db: &Path, start: u64, articles: u64) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_parley-store-bench"));
    c.args(["ingest", "--db"]).arg(db);
    c.args([
        "--start",
        &start.to_string(),
        "--articles",
        &articles.to_string(),
    ]);
    c.args([
        "--events-per-article",
        "12",
        "--batch",
        "7",
        "--dyad-share",
        "0.2",
    ]);
    c.stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// Checks integrity and that every stored article has all its rows.
fn check(db: &Path) -> (i64, i64, i64) {
    let conn = Connection::open(db).expect("open");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(ok, "ok");
    let fk: i64 = conn
        .query_row("SELECT COUNT(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("fk check");
    assert_eq!(fk, 0, "dangling references");
    let half: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM articles a WHERE a.n_events != (SELECT COUNT(*) FROM mentions m WHERE m.article = a.id)
               OR a.n_channels != (SELECT COUNT(*) FROM channels c WHERE c.article = a.id)",
            [],
            |r| r.get(0),
        )
        .unwrap_or(-1);
    assert_eq!(half, 0, "half-written articles");
    let orphan: i64 = conn
        .query_row("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event = e.id)", [], |r| r.get(0))
        .unwrap_or(-1);
    assert_eq!(orphan, 0, "stories without mentions");
    let bad_counts: i64 = conn
        .query_row("SELECT COUNT(*) FROM events e WHERE e.num_mentions != (SELECT COUNT(*) FROM mentions m WHERE m.event = e.id)", [], |r| r.get(0))
        .unwrap_or(-1);
    assert_eq!(bad_counts, 0, "mention counts out of step");
    // The day aggregates equal the stories at every commit.
    let store = parley_store::Store::open(db).expect("open store");
    for (a, b) in [("RUS", "FRA"), ("USA", "CHN")] {
        crate::aggregate::assert_same(
            &store,
            &parley_store::DyadQuery {
                by: parley_store::Period::Day,
                ..parley_store::DyadQuery::new(a, b)
            },
        );
    }
    drop(store);
    let count = |t: &str| {
        conn.query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_or(-1)
    };
    (count("articles"), count("events"), count("mentions"))
}

#[test]
fn killed_ingest_leaves_a_sound_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let probe = dir.path().join("probe.db");
    let t0 = Instant::now();
    assert!(child(&probe, 0, RUN).status().expect("run child").success());
    let full = t0.elapsed();
    let total = (TRIALS - 1) * STEP + RUN;
    let reference = dir.path().join("reference.db");
    assert!(child(&reference, 0, total)
        .status()
        .expect("run child")
        .success());
    let expected = check(&reference);
    assert_eq!(expected.0, total as i64);

    let db = dir.path().join("killed.db");
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut killed = 0;
    // The window the kill falls in starts as the probe's run time and shrinks whenever
    // a child finishes first, so a machine whose speed changes during the test (other
    // jobs) still has most children killed mid-run.
    let mut window = full.as_micros() as u64;
    for t in 0..TRIALS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Kill somewhere within the window (at least 2 ms in).
        let wait = Duration::from_micros(2_000 + seed % window.max(1));
        let mut c = child(&db, t * STEP, RUN).spawn().expect("spawn child");
        std::thread::sleep(wait);
        if c.try_wait().expect("poll child").is_none() {
            killed += 1;
        } else {
            window = window * 2 / 3;
        }
        let _ = c.kill();
        let _ = c.wait();
        let (articles, _, _) = check(&db);
        assert!(articles <= total as i64);
    }
    assert!(
        killed >= TRIALS / 2,
        "only {killed} of {TRIALS} children were killed mid-run"
    );
    assert!(child(&db, 0, total).status().expect("final run").success());
    assert_eq!(
        check(&db),
        expected,
        "resumed ingest differs from an uninterrupted one"
    );
}
