//! Parquet export, partitioned as `year=YYYY/month=M/part-NNNNN.parquet` so DuckDB,
//! Spark or BigQuery read the directory as one table. Undated stories go under
//! `year=0/month=0`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Datelike;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use crate::error::{Result, StoreError};
use crate::query::{EventFilter, EventRow};
use crate::Store;

const SCHEMA: &str = "message event {
    required int64 event_id;
    optional int32 date (DATE);
    required binary source_code (UTF8);
    required binary source_name (UTF8);
    optional binary source_country (UTF8);
    optional binary target_code (UTF8);
    optional binary target_name (UTF8);
    optional binary target_country (UTF8);
    required binary cameo (UTF8);
    required binary cameo_root (UTF8);
    optional int32 quad_class;
    optional double goldstein;
    optional binary plover (UTF8);
    required int64 num_mentions;
    required int64 num_sources;
    required int64 num_articles;
    optional int32 first_seen (DATE);
    required binary doc_id (UTF8);
    optional binary url (UTF8);
    optional binary outlet (UTF8);
    required binary sentence (UTF8);
}";

/// Rows per file.
const ROWS_PER_FILE: usize = 500_000;

fn epoch_days(d: parley_types::Date) -> i32 {
    d.num_days_from_ce() - 719_163
}

fn strings(rows: &[EventRow], f: impl Fn(&EventRow) -> &str) -> Vec<ByteArray> {
    rows.iter().map(|r| ByteArray::from(f(r))).collect()
}

fn opt_strings(
    rows: &[EventRow],
    f: impl Fn(&EventRow) -> Option<&str>,
) -> (Vec<ByteArray>, Vec<i16>) {
    let defs = rows.iter().map(|r| i16::from(f(r).is_some())).collect();
    (
        rows.iter()
            .filter_map(|r| f(r).map(ByteArray::from))
            .collect(),
        defs,
    )
}

fn write_file(path: &Path, rows: &[EventRow]) -> std::result::Result<(), ParquetError> {
    let schema = Arc::new(parse_message_type(SCHEMA)?);
    let props = Arc::new(WriterProperties::builder().build());
    let file = File::create(path).map_err(|e| ParquetError::General(e.to_string()))?;
    let mut writer = SerializedFileWriter::new(file, schema, props)?;
    let mut rg = writer.next_row_group()?;
    let mut i = 0;
    while let Some(mut col) = rg.next_column()? {
        match i {
            0 => {
                col.typed::<Int64Type>().write_batch(
                    &rows.iter().map(|r| r.id).collect::<Vec<_>>(),
                    None,
                    None,
                )?;
            }
            1 | 16 => {
                let get = |r: &EventRow| if i == 1 { r.date } else { r.first_seen };
                let vals: Vec<i32> = rows.iter().filter_map(|r| get(r).map(epoch_days)).collect();
                let defs: Vec<i16> = rows.iter().map(|r| i16::from(get(r).is_some())).collect();
                col.typed::<Int32Type>()
                    .write_batch(&vals, Some(&defs), None)?;
            }
            10 => {
                let vals: Vec<i32> = rows
                    .iter()
                    .filter_map(|r| r.quad_class.map(i32::from))
                    .collect();
                let defs: Vec<i16> = rows
                    .iter()
                    .map(|r| i16::from(r.quad_class.is_some()))
                    .collect();
                col.typed::<Int32Type>()
                    .write_batch(&vals, Some(&defs), None)?;
            }
            11 => {
                let vals: Vec<f64> = rows.iter().filter_map(|r| r.goldstein).collect();
                let defs: Vec<i16> = rows
                    .iter()
                    .map(|r| i16::from(r.goldstein.is_some()))
                    .collect();
                col.typed::<DoubleType>()
                    .write_batch(&vals, Some(&defs), None)?;
            }
            13..=15 => {
                let vals: Vec<i64> = rows
                    .iter()
                    .map(|r| match i {
                        13 => r.num_mentions,
                        14 => r.num_sources,
                        _ => r.num_articles,
                    } as i64)
                    .collect();
                col.typed::<Int64Type>().write_batch(&vals, None, None)?;
            }
            2 | 3 | 8 | 9 | 17 | 20 => {
                let vals = match i {
                    2 => strings(rows, |r| &r.source.code),
                    3 => strings(rows, |r| &r.source.name),
                    8 => strings(rows, |r| &r.cameo),
                    9 => strings(rows, |r| &r.cameo_root),
                    17 => strings(rows, |r| &r.doc_id),
                    _ => strings(rows, |r| &r.sentence),
                };
                col.typed::<ByteArrayType>()
                    .write_batch(&vals, None, None)?;
            }
            _ => {
                let (vals, defs) = match i {
                    4 => opt_strings(rows, |r| r.source.country.as_deref()),
                    5 => opt_strings(rows, |r| r.target.as_ref().map(|t| t.code.as_str())),
                    6 => opt_strings(rows, |r| r.target.as_ref().map(|t| t.name.as_str())),
                    7 => opt_strings(rows, |r| {
                        r.target.as_ref().and_then(|t| t.country.as_deref())
                    }),
                    12 => opt_strings(rows, |r| r.plover.as_deref()),
                    18 => opt_strings(rows, |r| r.url.as_deref()),
                    _ => opt_strings(rows, |r| r.outlet.as_deref()),
                };
                col.typed::<ByteArrayType>()
                    .write_batch(&vals, Some(&defs), None)?;
            }
        }
        col.close()?;
        i += 1;
    }
    rg.close()?;
    writer.close()?;
    Ok(())
}

impl Store {
    /// Writes the stories that pass `filter` as Parquet under `dir`, partitioned by
    /// year and month of the event date; returns (stories, files) written.
    ///
    /// # Errors
    /// When SQLite fails or a file cannot be written.
    pub fn export_parquet(&self, filter: &EventFilter, dir: &Path) -> Result<(u64, u64)> {
        let mut buf: Vec<EventRow> = Vec::new();
        let mut key: Option<(i32, u32)> = None;
        let mut part = 0u64;
        let mut n = 0u64;
        let mut flush = |buf: &mut Vec<EventRow>, key: (i32, u32)| -> Result<()> {
            if buf.is_empty() {
                return Ok(());
            }
            let sub: PathBuf = dir
                .join(format!("year={}", key.0))
                .join(format!("month={}", key.1));
            std::fs::create_dir_all(&sub).map_err(|e| StoreError::Io {
                path: sub.clone(),
                source: e,
            })?;
            let path = sub.join(format!("part-{part:05}.parquet"));
            part += 1;
            write_file(&path, buf).map_err(|e| StoreError::Parquet {
                path: path.clone(),
                source: Box::new(e),
            })?;
            buf.clear();
            Ok(())
        };
        self.for_each_event(filter, |e| {
            let k = e.date.map_or((0, 0), |d| (d.year(), d.month()));
            if key.is_some_and(|old| old != k) || buf.len() >= ROWS_PER_FILE {
                flush(&mut buf, key.unwrap_or(k))?;
            }
            key = Some(k);
            buf.push(e.clone());
            n += 1;
            Ok(())
        })?;
        if let Some(k) = key {
            flush(&mut buf, k)?;
        }
        Ok((n, part))
    }
}
