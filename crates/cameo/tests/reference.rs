//! Cross-checks the embedded table against the reference tables in `../shared`.

use std::collections::HashMap;
use std::path::PathBuf;

/// `../shared` next to the workspace root, or `PARLEY_SHARED`; `None` (test skipped)
/// when absent, a failure when `CI` is set.
fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("PARLEY_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")));
    if dir.join("reference").is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "shared data missing at {}",
        dir.display()
    );
    None
}

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn tsv(text: &str) -> Vec<(String, String)> {
    text.lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, b)| (a.trim().to_string(), b.trim().to_string()))
        .collect()
}

/// Current PLOVER names for older ones.
fn current(t: &str) -> &str {
    match t {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

#[test]
fn every_code_and_name_matches_the_reference() {
    let Some(dir) = shared() else { return };
    let names = tsv(&read(dir.join("reference/cameo_eventcodes.tsv")));
    assert_eq!(names.len(), 311);
    assert_eq!(parley_cameo::codes().count(), names.len());
    for ((code, name), info) in names.iter().zip(parley_cameo::codes()) {
        assert_eq!(info.code, code, "table order");
        assert_eq!(info.name, name, "name of {code}");
    }
}

#[test]
fn every_goldstein_weight_matches_the_reference() {
    let Some(dir) = shared() else { return };
    let weights = tsv(&read(dir.join("reference/cameo_goldstein.tsv")));
    assert_eq!(weights.len(), 311);
    for (code, weight) in weights {
        let info = parley_cameo::lookup(&code).unwrap_or_else(|| panic!("{code} missing"));
        let want: f64 = weight.parse().unwrap_or_else(|e| panic!("{code}: {e}"));
        assert_eq!(info.goldstein, want, "goldstein of {code}");
    }
}

#[test]
fn every_plover_mapping_matches_the_reference() {
    let Some(dir) = shared() else { return };
    let text = read(dir.join("reference/CAMEO2PLOVER-2021.txt"));
    // First mapping line of each code wins (the reference repeats a few).
    let mut mapping: HashMap<String, (String, String, Vec<String>)> = HashMap::new();
    for line in text.lines() {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let rest = rest.split('#').next().unwrap_or("");
        let mut parts = rest.split(',').map(str::trim);
        let t = current(parts.next().unwrap_or("")).to_string();
        let mode = parts.next().unwrap_or("").to_string();
        let ctx = parts
            .next()
            .unwrap_or("")
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        mapping.entry(code.to_string()).or_insert((t, mode, ctx));
    }
    let mut checked = 0;
    let mut unmapped = 0;
    for info in parley_cameo::codes() {
        match mapping.get(info.code) {
            Some((t, mode, ctx)) => {
                assert_eq!(info.plover, Some(t.as_str()), "type of {}", info.code);
                assert_eq!(info.mode.unwrap_or(""), mode, "mode of {}", info.code);
                assert_eq!(&info.context, ctx, "context of {}", info.code);
                checked += 1;
            }
            None => {
                assert!(matches!(info.root(), "01" | "02"), "{} unmapped", info.code);
                assert_eq!(info.plover, None, "{}", info.code);
                unmapped += 1;
            }
        }
    }
    assert_eq!(checked + unmapped, 311);
    assert!(checked > 250, "only {checked} codes were compared");
}
