#!/usr/bin/env bash
# Checks that `parley export` output loads in the tools people use:
#   - the GDELT export in pandas, with the published GDELT 2.0 event-table column list;
#   - the Parquet export in DuckDB, partitioned by year and month, required columns
#     non-empty.
# pandas and duckdb are installed into a throwaway virtual environment.
#
# Usage: crates/store/scripts/export_check.sh [DB]
#   DB: an event store to export; default: a synthetic one made by parley-store-bench.
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$root" && cargo build --quiet -p parley -p parley-store --bins)
bin="${CARGO_TARGET_DIR:-$root/target}/debug"
parley="$bin/parley"
bench="$bin/parley-store-bench"

db="${1:-}"
if [ -z "$db" ]; then
    db="$work/synthetic.db"
    "$bench" ingest --db "$db" --articles 400 --events-per-article 10 >/dev/null
fi

"$parley" export --db "$db" --format gdelt --out "$work/events.tsv"
"$parley" export --db "$db" --format parquet --out "$work/parquet"

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pandas duckdb

"$work/venv/bin/python" - "$work" <<'PY'
import sys, pathlib
import pandas as pd
import duckdb

work = pathlib.Path(sys.argv[1])

# The GDELT 2.0 event table, as published in the GDELT 2.0 event codebook.
GDELT2 = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode
Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode
Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale
NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code
Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code
Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code
ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()
assert len(GDELT2) == 61

raw = pd.read_csv(work / "events.tsv", sep="\t", header=None, dtype=str, quoting=3, keep_default_na=False)
assert raw.shape[1] == 61, f"GDELT export has {raw.shape[1]} columns, not 61"
df = pd.read_csv(work / "events.tsv", sep="\t", header=None, names=GDELT2, dtype=str, quoting=3)
assert len(df) > 0, "GDELT export is empty"
required = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
            "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
            "NumMentions", "NumSources", "NumArticles", "DATEADDED", "SOURCEURL"]
for c in required:
    assert df[c].notna().all() and (df[c] != "").all(), f"GDELT column {c} has empty values"
pd.to_datetime(df["SQLDATE"], format="%Y%m%d")
assert df["GLOBALEVENTID"].is_unique
assert df["QuadClass"].astype(int).between(1, 4).all()
assert df["GoldsteinScale"].astype(float).between(-10, 10).all()
assert (df["EventRootCode"] == df["EventCode"].str[:2]).all()
print(f"pandas: {len(df)} GDELT rows, 61 columns, required columns filled")

con = duckdb.connect()
glob = str(work / "parquet" / "**" / "*.parquet")
rel = f"read_parquet('{glob}', hive_partitioning = true)"
cols = ["event_id", "date", "source_code", "source_name", "cameo", "cameo_root", "quad_class",
        "goldstein", "num_mentions", "num_sources", "num_articles", "first_seen", "doc_id", "sentence"]
counts = con.execute("SELECT count(*), " + ", ".join(f"count({c})" for c in cols) + f" FROM {rel}").fetchone()
total = counts[0]
assert total == len(df), f"parquet has {total} rows, GDELT {len(df)}"
for c, n in zip(cols, counts[1:]):
    assert n == total, f"parquet column {c}: {total - n} empty values"
bad = con.execute(f"SELECT count(*) FROM {rel} WHERE year <> year(date) OR month <> month(date)").fetchone()[0]
assert bad == 0, f"{bad} rows in the wrong year/month partition"
parts = con.execute(f"SELECT count(DISTINCT (year, month)) FROM {rel}").fetchone()[0]
print(f"duckdb: {total} parquet rows in {parts} year/month partitions, required columns filled")
PY
echo "export check passed"
