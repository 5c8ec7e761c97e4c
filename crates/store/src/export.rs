//! Exports: GDELT 2.0 event table, CSV, JSON Lines and (with the `parquet` feature)
//! Parquet partitioned by year and month.

use std::io::Write;
use std::path::Path;

use chrono::Datelike;
use serde::Serialize;

use crate::error::{Result, StoreError};
use crate::query::{EventFilter, EventRow};
use crate::Store;

/// The 61 columns of the GDELT 2.0 event table, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Columns of the CSV export (and of the Parquet export).
pub const CSV_COLUMNS: [&str; 24] = [
    "event_id",
    "date",
    "source_code",
    "source_name",
    "source_country",
    "target_code",
    "target_name",
    "target_country",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "negated",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_seen",
    "doc_id",
    "url",
    "outlet",
    "sentence_index",
    "trigger",
    "sentence",
];

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
    /// CSV with a header ([`CSV_COLUMNS`]).
    Csv,
    /// One JSON object per story, with its mentions.
    Jsonl,
    /// Parquet files under `year=YYYY/month=M/`.
    Parquet,
}

impl std::str::FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<ExportFormat, String> {
        match s {
            "gdelt" => Ok(ExportFormat::Gdelt),
            "csv" => Ok(ExportFormat::Csv),
            "jsonl" => Ok(ExportFormat::Jsonl),
            "parquet" => Ok(ExportFormat::Parquet),
            _ => Err(format!(
                "unknown export format `{s}` (gdelt, csv, jsonl, parquet)"
            )),
        }
    }
}

fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// One GDELT 2.0 row (61 fields) for a story.
pub fn gdelt_row(e: &EventRow) -> Vec<String> {
    let mut f: Vec<String> = Vec::with_capacity(61);
    let date = e.date.or(e.first_seen);
    f.push(e.id.to_string());
    match date {
        Some(d) => {
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            f.push(format!(
                "{:.4}",
                f64::from(d.year()) + f64::from(d.ordinal0()) / 365.0
            ));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    for actor in [Some(&e.source), e.target.as_ref()] {
        match actor {
            Some(a) => {
                let group = if a.code.starts_with("IGO") || a.code.starts_with("NGO") {
                    a.code.get(3..6).unwrap_or("").to_string()
                } else {
                    String::new()
                };
                f.extend([
                    clean(&a.code),
                    clean(&a.name.to_uppercase()),
                    a.country.clone().unwrap_or_default(),
                    group,
                ]);
                f.extend([String::new(), String::new(), String::new()]);
                f.extend([
                    a.sector.clone().unwrap_or_default(),
                    String::new(),
                    String::new(),
                ]);
            }
            None => f.extend(std::iter::repeat_n(String::new(), 10)),
        }
    }
    f.push(if e.sentence_index == 0 { "1" } else { "0" }.to_string());
    f.push(e.cameo.clone());
    f.push(e.cameo.chars().take(3).collect());
    f.push(e.cameo_root.clone());
    f.push(e.quad_class.map(|q| q.to_string()).unwrap_or_default());
    f.push(e.goldstein.map(|g| g.to_string()).unwrap_or_default());
    f.push(e.num_mentions.to_string());
    f.push(e.num_sources.to_string());
    f.push(e.num_articles.to_string());
    f.push(String::new());
    f.extend(std::iter::repeat_n(String::new(), 24));
    f.push(
        e.first_seen
            .or(date)
            .map(|d| format!("{}000000", d.format("%Y%m%d")))
            .unwrap_or_default(),
    );
    f.push(clean(e.url.as_deref().unwrap_or(&e.doc_id)));
    f
}

fn csv_row(e: &EventRow) -> Vec<String> {
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    let t = e.target.as_ref();
    vec![
        e.id.to_string(),
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        e.source.code.clone(),
        e.source.name.clone(),
        opt(&e.source.country),
        t.map(|a| a.code.clone()).unwrap_or_default(),
        t.map(|a| a.name.clone()).unwrap_or_default(),
        t.and_then(|a| a.country.clone()).unwrap_or_default(),
        e.cameo.clone(),
        e.cameo_root.clone(),
        e.quad_class.map(|q| q.to_string()).unwrap_or_default(),
        e.goldstein.map(|g| g.to_string()).unwrap_or_default(),
        opt(&e.plover),
        e.negated.to_string(),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        e.first_seen.map(|d| d.to_string()).unwrap_or_default(),
        e.doc_id.clone(),
        opt(&e.url),
        opt(&e.outlet),
        e.sentence_index.to_string(),
        e.trigger.clone(),
        e.sentence.clone(),
    ]
}

#[derive(Serialize)]
struct JsonStory<'a> {
    #[serde(flatten)]
    event: &'a EventRow,
    mentions: Vec<crate::query::MentionRow>,
}

impl Store {
    /// Writes the stories that pass `filter` to `out` as GDELT, CSV or JSON Lines;
    /// returns how many were written. A closed pipe ends the export quietly.
    ///
    /// # Errors
    /// When SQLite fails or `out` cannot be written; Parquet needs
    /// [`Store::export_parquet`].
    pub fn export(
        &self,
        filter: &EventFilter,
        format: ExportFormat,
        out: &mut dyn Write,
        name: &Path,
    ) -> Result<u64> {
        let io = |e: std::io::Error| StoreError::Io {
            path: name.to_path_buf(),
            source: e,
        };
        let mut n = 0u64;
        let r = match format {
            ExportFormat::Gdelt => self.for_each_event(filter, |e| {
                n += 1;
                writeln!(out, "{}", gdelt_row(e).join("\t")).map_err(io)
            }),
            ExportFormat::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                let csv_err = |e: csv::Error| StoreError::Io {
                    path: name.to_path_buf(),
                    source: std::io::Error::other(e),
                };
                w.write_record(CSV_COLUMNS).map_err(csv_err)?;
                let r = self.for_each_event(filter, |e| {
                    n += 1;
                    w.write_record(csv_row(e)).map_err(csv_err)
                });
                r.and_then(|()| w.flush().map_err(io))
            }
            ExportFormat::Jsonl => self.for_each_event(filter, |e| {
                n += 1;
                let story = JsonStory {
                    event: e,
                    mentions: self.mentions(e.id)?,
                };
                let line =
                    serde_json::to_string(&story).map_err(|x| io(std::io::Error::other(x)))?;
                writeln!(out, "{line}").map_err(io)
            }),
            ExportFormat::Parquet => {
                return Err(io(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "parquet is written to a directory",
                )))
            }
        };
        match r {
            Err(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::BrokenPipe =>
            {
                Ok(n)
            }
            Err(e) => Err(e),
            Ok(()) => out.flush().map(|()| n).or_else(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(n)
                } else {
                    Err(io(e))
                }
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_has_61_named_columns() {
        assert_eq!(GDELT_COLUMNS.len(), 61);
        let unique: std::collections::HashSet<_> = GDELT_COLUMNS.iter().collect();
        assert_eq!(unique.len(), 61);
    }
}

#[cfg(not(feature = "parquet"))]
impl Store {
    /// Parquet export is not built in (the `parquet` feature is off).
    ///
    /// # Errors
    /// Always.
    pub fn export_parquet(&self, _filter: &EventFilter, dir: &Path) -> Result<(u64, u64)> {
        Err(StoreError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::Unsupported,
                "this parley was built without Parquet support",
            ),
        })
    }
}
