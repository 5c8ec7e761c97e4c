use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded table, one code per line (see the file's header).
const TABLE: &str = include_str!("../data/cameo.txt");

/// The 16 current PLOVER event types.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "COOPERATE",
    "AID",
    "CONCEDE",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
];

/// The CAMEO quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuadClass {
    /// Roots 01–05: statements, appeals, intents, consultation, support.
    VerbalCooperation,
    /// Roots 06–08: cooperation, aid, yielding.
    MaterialCooperation,
    /// Roots 09–13: investigation, demands, disapproval, rejection, threats.
    VerbalConflict,
    /// Roots 14–20: protest, force posture, sanctions, coercion, violence.
    MaterialConflict,
}

impl QuadClass {
    /// The class of a two-digit root (`1..=20`), `None` outside that range.
    pub fn of_root(root: u8) -> Option<QuadClass> {
        match root {
            1..=5 => Some(QuadClass::VerbalCooperation),
            6..=8 => Some(QuadClass::MaterialCooperation),
            9..=13 => Some(QuadClass::VerbalConflict),
            14..=20 => Some(QuadClass::MaterialConflict),
            _ => None,
        }
    }

    /// The number used in event records: 1 to 4.
    pub fn number(self) -> u8 {
        match self {
            QuadClass::VerbalCooperation => 1,
            QuadClass::MaterialCooperation => 2,
            QuadClass::VerbalConflict => 3,
            QuadClass::MaterialConflict => 4,
        }
    }
}

/// Everything the table says about one CAMEO event code.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeInfo {
    /// The code (`"163"`).
    pub code: &'static str,
    /// The CAMEO name.
    pub name: &'static str,
    /// Goldstein weight, −10 (most conflictual) to +10 (most cooperative).
    pub goldstein: f64,
    /// QuadClass derived from the root.
    pub quad_class: QuadClass,
    /// PLOVER type; `None` for roots 01 and 02.
    pub plover: Option<&'static str>,
    /// PLOVER mode, if the mapping gives one.
    pub mode: Option<&'static str>,
    /// PLOVER contexts (possibly empty).
    pub context: Vec<&'static str>,
}

impl CodeInfo {
    /// The two-digit root (`"16"` for `"163"`).
    pub fn root(&self) -> &'static str {
        self.code.get(..2).unwrap_or(self.code)
    }
}

struct Table {
    rows: Vec<CodeInfo>,
    index: HashMap<&'static str, usize>,
}

fn table() -> &'static Table {
    static TABLE_CELL: OnceLock<Table> = OnceLock::new();
    TABLE_CELL.get_or_init(|| {
        // The table is compiled into the binary and checked by the tests, so a
        // malformed line is a build defect; such a line is skipped rather than
        // allowed to take the process down.
        let rows: Vec<CodeInfo> = TABLE.lines().filter_map(parse_line).collect();
        let index = rows.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
        Table { rows, index }
    })
}

fn dash(field: &'static str) -> Option<&'static str> {
    (field != "-" && !field.is_empty()).then_some(field)
}

/// Parses one `code | goldstein | plover | mode | contexts | name` line.
fn parse_line(line: &'static str) -> Option<CodeInfo> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let mut fields = line.splitn(6, '|').map(str::trim);
    let code = fields.next()?;
    let goldstein = fields.next()?.parse::<f64>().ok()?;
    let plover = dash(fields.next()?);
    let mode = dash(fields.next()?);
    let context = dash(fields.next()?)
        .map(|c| {
            c.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let name = fields.next()?;
    let root: u8 = code.get(..2)?.parse().ok()?;
    Some(CodeInfo {
        code,
        name,
        goldstein,
        quad_class: QuadClass::of_root(root)?,
        plover,
        mode,
        context,
    })
}

/// The table entry of a CAMEO event code, `None` for anything that is not one of the
/// 311 codes.
pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    let t = table();
    t.index.get(code).map(|&i| &t.rows[i])
}

/// Every CAMEO event code, in table order (by root, then code).
pub fn codes() -> impl Iterator<Item = &'static CodeInfo> {
    table().rows.iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_all_codes() {
        assert_eq!(codes().count(), 311);
    }

    #[test]
    fn quad_classes_follow_the_roots() {
        for info in codes() {
            let root: u8 = info.root().parse().unwrap_or(0);
            let want = match root {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(info.quad_class.number(), want, "{}", info.code);
        }
    }

    #[test]
    fn plover_types_are_current_and_absent_for_01_02() {
        for info in codes() {
            match info.plover {
                None => assert!(
                    matches!(info.root(), "01" | "02"),
                    "{} has no type",
                    info.code
                ),
                Some(t) => {
                    assert!(PLOVER_TYPES.contains(&t), "{}: {t}", info.code);
                    assert!(!matches!(info.root(), "01" | "02"), "{}", info.code);
                }
            }
        }
    }

    #[test]
    fn rejects_malformed_lines() {
        assert!(parse_line("# comment").is_none());
        assert!(parse_line("163 | x | SANCTION | - | - | name").is_none());
        assert!(parse_line("99 | 1.0 | - | - | - | name").is_none());
        assert!(parse_line("163 | 1.0").is_none());
    }

    #[test]
    fn unknown_codes_are_none() {
        assert!(lookup("").is_none());
        assert!(lookup("2043").is_none());
        assert!(lookup("---").is_none());
    }
}
