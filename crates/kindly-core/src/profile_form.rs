//! What the popup's Profile tab and first run accept, and how they read
//! what was typed: lists, the email, the policy, the account, where Kindly
//! shows, and the
//! settings typed as whole numbers with their bounds. A value a form
//! refuses is never stored; the popup says why and keeps the old one.

use crate::{AccountType, Policy, Profile, Settings, ShowKindly};
use std::ops::RangeInclusive;

/// Comma-separated text → its trimmed, non-empty items ("design, , UX").
pub fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(ToString::to_string)
        .collect()
}

/// The email as kept (trimmed), or `None` when it cannot be one. Empty is
/// fine: the email is optional.
pub fn email(text: &str) -> Option<String> {
    let email = text.trim();
    (email.is_empty() || email.contains('@')).then(|| email.to_string())
}

/// A policy from its chooser's value (snake_case); the default otherwise.
pub fn policy(value: &str) -> Policy {
    match value {
        "know_well_only" => Policy::KnowWellOnly,
        "open_networker" => Policy::OpenNetworker,
        _ => Policy::IndustryFocused,
    }
}

/// An account type from its chooser's value; free otherwise.
pub fn account(value: &str) -> AccountType {
    if value == "premium" {
        AccountType::Premium
    } else {
        AccountType::Free
    }
}

/// Where Kindly shows, from its chooser's value; in the page otherwise.
pub fn show_kindly(value: &str) -> ShowKindly {
    if value == "beside_page" {
        ShowKindly::BesidePage
    } else {
        ShowKindly::InPage
    }
}

/// The language new templates are written in: the one chosen, English
/// until then.
pub fn template_language(profile: &Profile) -> &str {
    match profile.template_language.trim() {
        "" => "en",
        language => language,
    }
}

/// The first run's answers, as typed.
#[derive(Clone, Copy, Debug)]
pub struct FirstRun<'a> {
    /// The user's name.
    pub name: &'a str,
    /// Their field(s), comma-separated.
    pub field: &'a str,
    /// The policy chooser's value.
    pub policy: &'a str,
    /// Whether they are open to new roles.
    pub open_to_roles: bool,
}

/// Ends the first run: it never comes back. Answered, the answers are
/// kept; skipped (`None`), nothing else changes.
pub fn finish_first_run(profile: &mut Profile, answers: Option<FirstRun>) {
    if let Some(a) = answers {
        profile.name = a.name.trim().to_string();
        profile.industries = list(a.field);
        profile.policy = policy(a.policy);
        profile.open_to_roles = a.open_to_roles;
    }
    profile.first_run_done = true;
}

/// A setting typed as a whole number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    /// How many characters a message may have.
    MessageLimit,
    /// How many days of history are kept.
    HistoryDays,
    /// After how many days a sent invitation may be withdrawn.
    WithdrawAfter,
}

impl Number {
    /// Every number setting, in the order the form shows them.
    pub const ALL: [Number; 3] = [
        Number::MessageLimit,
        Number::HistoryDays,
        Number::WithdrawAfter,
    ];

    /// The values it may take.
    pub fn range(self) -> RangeInclusive<u32> {
        match self {
            Number::MessageLimit => 1..=100_000,
            Number::HistoryDays => 1..=3650,
            Number::WithdrawAfter => 1..=365,
        }
    }

    /// Its value in `settings`.
    pub fn get(self, settings: &Settings) -> u32 {
        match self {
            Number::MessageLimit => settings.message_limit,
            Number::HistoryDays => settings.history_days,
            Number::WithdrawAfter => settings.withdraw_after_days,
        }
    }

    /// Sets it from what was typed; `false` (nothing changed) when that is
    /// not a whole number in [`Number::range`].
    pub fn set(self, settings: &mut Settings, typed: &str) -> bool {
        let Some(value) = typed
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| self.range().contains(n))
        else {
            return false;
        };
        let slot = match self {
            Number::MessageLimit => &mut settings.message_limit,
            Number::HistoryDays => &mut settings.history_days,
            Number::WithdrawAfter => &mut settings.withdraw_after_days,
        };
        *slot = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_drops_blanks_and_spaces() {
        assert_eq!(list(" design, ,UX ,"), ["design", "UX"]);
        assert!(list("  ").is_empty());
    }

    #[test]
    fn an_email_is_optional_but_needs_an_at_sign() {
        assert_eq!(email("  a@b.example "), Some("a@b.example".into()));
        assert_eq!(email("   "), Some(String::new()));
        assert_eq!(email("not an email"), None);
    }

    #[test]
    fn choosers_fall_back_to_the_defaults() {
        assert_eq!(policy("open_networker"), Policy::OpenNetworker);
        assert_eq!(policy("know_well_only"), Policy::KnowWellOnly);
        assert_eq!(policy("?"), Policy::default());
        assert_eq!(account("premium"), AccountType::Premium);
        assert_eq!(account(""), AccountType::Free);
        assert_eq!(show_kindly("beside_page"), ShowKindly::BesidePage);
        assert_eq!(show_kindly("in_page"), ShowKindly::InPage);
        assert_eq!(show_kindly("?"), ShowKindly::default());
    }

    #[test]
    fn templates_are_english_until_a_language_is_chosen() {
        let mut p = Profile::default();
        assert_eq!(template_language(&p), "en");
        p.template_language = "fr".into();
        assert_eq!(template_language(&p), "fr");
    }

    #[test]
    fn a_number_outside_its_bounds_changes_nothing() {
        let mut s = Settings::default();
        let before = Number::HistoryDays.get(&s);
        assert!(!Number::HistoryDays.set(&mut s, "0"));
        assert!(!Number::HistoryDays.set(&mut s, "3651"));
        assert!(!Number::HistoryDays.set(&mut s, "ten"));
        assert_eq!(Number::HistoryDays.get(&s), before);
        assert!(Number::HistoryDays.set(&mut s, " 3650 "));
        assert_eq!(s.history_days, 3650);
        assert!(Number::WithdrawAfter.set(&mut s, "365"));
        assert!(!Number::WithdrawAfter.set(&mut s, "366"));
        assert!(Number::MessageLimit.set(&mut s, "100000"));
        assert_eq!(s.message_limit, 100_000);
    }

    #[test]
    fn the_first_run_ends_answered_or_skipped() {
        let mut skipped = Profile {
            name: "Kept".into(),
            ..Profile::default()
        };
        finish_first_run(&mut skipped, None);
        assert!(skipped.first_run_done);
        assert_eq!(skipped.name, "Kept");
        let mut answered = Profile::default();
        let answers = FirstRun {
            name: " Ana ",
            field: "design, research",
            policy: "open_networker",
            open_to_roles: true,
        };
        finish_first_run(&mut answered, Some(answers));
        assert!(answered.first_run_done && answered.open_to_roles);
        assert_eq!(answered.name, "Ana");
        assert_eq!(answered.industries, ["design", "research"]);
        assert_eq!(answered.policy, Policy::OpenNetworker);
    }
}
