//! Day numbers: today's from the clock, and how long ago a day was in the
//! rough units the popup says a wait or a last visit in ("3 days", "2
//! weeks"), so "13 days" never becomes "1 week".

use crate::Day;

/// Milliseconds in a day.
const DAY_MS: f64 = 86_400_000.0;

/// The day number (days since 1970-01-01, UTC) of a clock reading in
/// milliseconds since the epoch; 0 for a reading that cannot be one.
pub fn day_of(millis: f64) -> Day {
    let days = (millis / DAY_MS).floor();
    if days.is_finite() && days > 0.0 && days < f64::from(Day::MAX) {
        days as Day
    } else {
        0
    }
}

/// A rough time since: the unit and how many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    /// Today.
    Today,
    /// One day.
    OneDay,
    /// 2 to 13 days.
    Days(u32),
    /// 2 to 8 weeks (14 to 59 days).
    Weeks(u32),
    /// 2 to 24 months (60 days to 2 years).
    Months(u32),
    /// 2 years or more.
    Years(u32),
}

/// `days` in the largest unit that still says it well.
pub fn ago(days: u32) -> Ago {
    match days {
        0 => Ago::Today,
        1 => Ago::OneDay,
        2..=13 => Ago::Days(days),
        14..=59 => Ago::Weeks(days / 7),
        60..=729 => Ago::Months(days / 30),
        _ => Ago::Years(days / 365),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_starts_at_midnight_utc() {
        assert_eq!(day_of(0.0), 0);
        assert_eq!(day_of(DAY_MS * 20_000.0), 20_000);
        assert_eq!(day_of(DAY_MS * 20_001.0 - 1.0), 20_000);
        assert_eq!(day_of(f64::NAN), 0);
        assert_eq!(day_of(-DAY_MS), 0);
    }

    #[test]
    fn each_unit_starts_at_two() {
        assert_eq!(ago(0), Ago::Today);
        assert_eq!(ago(1), Ago::OneDay);
        assert_eq!(ago(13), Ago::Days(13));
        assert_eq!(ago(14), Ago::Weeks(2));
        assert_eq!(ago(59), Ago::Weeks(8));
        assert_eq!(ago(60), Ago::Months(2));
        assert_eq!(ago(729), Ago::Months(24));
        assert_eq!(ago(730), Ago::Years(2));
    }
}
