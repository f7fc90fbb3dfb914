//! Plural forms: which form of a counted word a language uses for a number
//! ("1 connection", "2 connections"; in French "0 relation", "2 relations").
//!
//! The rules are CLDR's cardinal rules for whole numbers in the languages
//! Kindly writes. Written out rather than taken from a crate: four small
//! rules, and the content script's size matters more than generality.
//! A language without rules here gets English's.

/// A plural category, named as in CLDR. Message keys end in its name
/// ("reason_some_mutual_one").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// One (1 in English; 0 and 1 in French).
    One,
    /// French and Spanish: exact millions ("1 000 000 de relations").
    Many,
    /// Everything else.
    Other,
}

impl Plural {
    /// The name of the form, as message keys end ("one", "many", "other").
    pub fn as_str(self) -> &'static str {
        match self {
            Plural::One => "one",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// The category of `n` in `lang` ("fr", "de-AT", …).
pub fn category(lang: &str, n: u64) -> Plural {
    let code = lang.trim().split(['-', '_']).next().unwrap_or("");
    let millions = n != 0 && n % 1_000_000 == 0;
    if code.eq_ignore_ascii_case("fr") {
        match n {
            0 | 1 => Plural::One,
            _ if millions => Plural::Many,
            _ => Plural::Other,
        }
    } else if code.eq_ignore_ascii_case("es") {
        match n {
            1 => Plural::One,
            _ if millions => Plural::Many,
            _ => Plural::Other,
        }
    } else if n == 1 {
        // English, German, and the default.
        Plural::One
    } else {
        Plural::Other
    }
}

/// How long something has waited, in the unit a person would say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Months.
    Months,
    /// Years.
    Years,
}

impl Unit {
    /// The unit's name, as message keys use it ("days").
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
        }
    }
}

/// An age in days as (count, unit): under two weeks in days, under two
/// months in weeks, under two years in months, then years. LinkedIn's own
/// ages are that coarse ("3 weeks ago"), so more precision would be false.
pub fn duration(days: u32) -> (u32, Unit) {
    match days {
        0..=13 => (days, Unit::Days),
        14..=59 => (days / 7, Unit::Weeks),
        60..=729 => (days / 30, Unit::Months),
        _ => (days / 365, Unit::Years),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_follow_each_language() {
        assert_eq!(category("en", 1), Plural::One);
        assert_eq!(category("en", 0), Plural::Other);
        assert_eq!(category("de-DE", 1), Plural::One);
        assert_eq!(category("de", 2), Plural::Other);
        assert_eq!(category("fr", 0), Plural::One);
        assert_eq!(category("fr-FR", 1), Plural::One);
        assert_eq!(category("fr", 2), Plural::Other);
        assert_eq!(category("fr", 2_000_000), Plural::Many);
        assert_eq!(category("es", 0), Plural::Other);
        assert_eq!(category("es", 1), Plural::One);
        assert_eq!(category("es", 1_000_000), Plural::Many);
        assert_eq!(category("pt", 1), Plural::One);
    }

    #[test]
    fn durations_use_the_unit_a_person_would() {
        assert_eq!(duration(0), (0, Unit::Days));
        assert_eq!(duration(13), (13, Unit::Days));
        assert_eq!(duration(14), (2, Unit::Weeks));
        assert_eq!(duration(45), (6, Unit::Weeks));
        assert_eq!(duration(100), (3, Unit::Months));
        assert_eq!(duration(800), (2, Unit::Years));
    }
}
