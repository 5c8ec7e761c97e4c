//! Timeline periods: days, ISO weeks, months and years, with their labels.

use chrono::{Datelike, Duration};
use parley_types::Date;
use serde::Serialize;

/// The length of a timeline period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl Period {
    /// The first day of the period holding `d`.
    pub fn start(self, d: Date) -> Date {
        match self {
            Period::Day => d,
            Period::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Period::Month => d.with_day(1).unwrap_or(d),
            Period::Year => d.with_ordinal(1).unwrap_or(d),
        }
    }

    /// The last day of the period starting at `start`.
    pub fn end(self, start: Date) -> Date {
        let next = match self {
            Period::Day => start.succ_opt(),
            Period::Week => start.checked_add_signed(Duration::days(7)),
            Period::Month => {
                if start.month() == 12 {
                    Date::from_ymd_opt(start.year() + 1, 1, 1)
                } else {
                    Date::from_ymd_opt(start.year(), start.month() + 1, 1)
                }
            }
            Period::Year => Date::from_ymd_opt(start.year() + 1, 1, 1),
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(start)
    }

    /// The period's label: `2023`, `2023-05`, `2023-W18`, `2023-05-04`.
    pub fn label(self, start: Date) -> String {
        match self {
            Period::Day => start.to_string(),
            Period::Week => {
                let w = start.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{}-{:02}", start.year(), start.month()),
            Period::Year => start.year().to_string(),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Period, String> {
        match s {
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!("unknown period `{s}` (day, week, month, year)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_start_end_and_label() {
        let d: Date = "2023-05-04".parse().expect("date");
        assert_eq!(Period::Year.label(Period::Year.start(d)), "2023");
        assert_eq!(Period::Month.label(Period::Month.start(d)), "2023-05");
        assert_eq!(
            Period::Month.end(Period::Month.start(d)).to_string(),
            "2023-05-31"
        );
        assert_eq!(Period::Week.start(d).to_string(), "2023-05-01");
        assert_eq!(Period::Week.label(Period::Week.start(d)), "2023-W18");
        assert_eq!(
            Period::Year.end(Period::Year.start(d)).to_string(),
            "2023-12-31"
        );
        assert_eq!(Period::Day.label(d), "2023-05-04");
    }
}
