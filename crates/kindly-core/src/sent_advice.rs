//! The Sent tab's judgement (`ETIQUETTE.md` §Sending): how long an
//! invitation the user sent has waited and, once it has waited longer
//! than the user's threshold (`Settings::withdraw_after_days`, three weeks
//! by default), a suggestion: reach them another way when the user knows
//! them, else withdraw it kindly. With the reasons, in plain words, each
//! with a translation key and its count.
//!
//! Kindly never withdraws: the suggestion says LinkedIn's own Withdraw is
//! the user's to click, and that LinkedIn then blocks a new invitation to
//! that person for up to three weeks (its own confirmation says so).

use crate::advice::Reason;
use crate::model::{SentInvitation, Settings};
use crate::plural::{category, duration, Plural, Unit};
use serde::Serialize;

/// What Kindly suggests for an invitation the user sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SentAction {
    /// Still within the user's threshold (or its age is unknown): wait.
    Wait,
    /// Past it, and the user knows them (where they met, what they talked
    /// about, whom both know): a message by email or in person may reach
    /// them better than a pending invitation.
    FollowUpElsewhere,
    /// Past it, and nothing says how the user knows them: withdraw it
    /// kindly (with LinkedIn's Withdraw).
    Withdraw,
}

impl SentAction {
    /// The stable name (`data-kindly-sent-action` in phase 2's panel).
    pub fn as_str(self) -> &'static str {
        match self {
            SentAction::Wait => "wait",
            SentAction::FollowUpElsewhere => "follow_up_elsewhere",
            SentAction::Withdraw => "withdraw",
        }
    }
}

/// The judgement of one sent invitation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SentAdvice {
    /// What to do about it.
    pub action: SentAction,
    /// How long it has waited, in days; `None` when unknown.
    pub days: Option<u32>,
    /// The same as a person would say it: (3, weeks).
    pub waited: Option<(u32, Unit)>,
    /// Why, the deciding facts first.
    pub reasons: Vec<Reason>,
}

/// How many weeks LinkedIn blocks a new invitation after a withdrawal.
pub const REINVITE_BLOCK_WEEKS: u32 = 3;

/// Judges one invitation the user sent: `days` it has waited (from the
/// Sent tab's "Sent 3 weeks ago", or Kindly's record), with what Kindly
/// remembers of it, if anything.
pub fn judge(
    days: Option<u32>,
    record: Option<&SentInvitation>,
    settings: &Settings,
) -> SentAdvice {
    let threshold = settings.withdraw_after_days.max(1);
    let mut reasons = Vec::new();
    match days {
        Some(0) => reasons.push(reason("sent_today", Vec::new(), None)),
        Some(d) => {
            let (n, unit) = duration(d);
            reasons.push(reason(
                &format!("sent_waited_{}", unit.as_str()),
                vec![n.to_string()],
                Some(n),
            ));
        }
        None => reasons.push(reason("sent_age_unknown", Vec::new(), None)),
    }
    let past = days.is_some_and(|d| d >= threshold);
    if !past {
        if days.is_some() {
            let (n, unit) = duration(threshold);
            reasons.push(reason(
                &format!("sent_within_{}", unit.as_str()),
                vec![n.to_string()],
                Some(n),
            ));
        }
        return SentAdvice {
            action: SentAction::Wait,
            days,
            waited: days.map(duration),
            reasons,
        };
    }
    let (n, unit) = duration(threshold);
    reasons.insert(
        0,
        reason(
            &format!("sent_past_{}", unit.as_str()),
            vec![n.to_string()],
            Some(n),
        ),
    );
    let said = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    let known = record.and_then(|r| {
        said(&r.met_at)
            .map(|m| ("sent_you_met", m))
            .or_else(|| said(&r.topic).map(|t| ("sent_you_talked", t)))
            .or_else(|| said(&r.mutual_name).map(|n| ("sent_mutual_contact", n)))
    });
    let action = match known {
        Some((id, value)) => {
            reasons.push(reason(id, vec![value], None));
            SentAction::FollowUpElsewhere
        }
        None => {
            let id = match record {
                Some(r) if r.seen_sent && r.note.trim().is_empty() => "sent_without_note",
                Some(r) if r.seen_sent => "sent_with_note",
                _ => "sent_unknown_context",
            };
            reasons.push(reason(id, Vec::new(), None));
            SentAction::Withdraw
        }
    };
    reasons.push(reason(
        "sent_reinvite_block",
        vec![REINVITE_BLOCK_WEEKS.to_string()],
        Some(REINVITE_BLOCK_WEEKS),
    ));
    SentAdvice {
        action,
        days,
        waited: days.map(duration),
        reasons,
    }
}

fn reason(id: &str, args: Vec<String>, count: Option<u32>) -> Reason {
    Reason {
        id: id.to_string(),
        text: reason_text(id, &args),
        args,
        count,
    }
}

/// Every reason id the Sent tab's judgement may give, with whether it
/// counts: the translations must have each (in plural forms where it
/// counts).
pub fn reason_ids() -> Vec<(String, bool)> {
    let mut ids: Vec<(String, bool)> = Vec::new();
    for unit in [Unit::Days, Unit::Weeks, Unit::Months, Unit::Years] {
        for stem in ["sent_waited", "sent_within", "sent_past"] {
            ids.push((format!("{stem}_{}", unit.as_str()), true));
        }
    }
    for id in [
        "sent_today",
        "sent_age_unknown",
        "sent_you_met",
        "sent_you_talked",
        "sent_mutual_contact",
        "sent_without_note",
        "sent_with_note",
        "sent_unknown_context",
    ] {
        ids.push((id.to_string(), false));
    }
    ids.push(("sent_reinvite_block".to_string(), true));
    ids
}

/// A counted word in English: "1 week", "3 weeks".
fn count_of(n: u64, unit: &str) -> String {
    let one = unit.strip_suffix('s').unwrap_or(unit);
    match category("en", n) {
        Plural::One => format!("{n} {one}"),
        _ => format!("{n} {unit}"),
    }
}

/// The plain-English reason (the panel shows the UI language's words,
/// `reason_<id>` in its messages; this is their fallback and the native
/// tests' text).
pub fn reason_text(id: &str, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let n = a(0).parse::<u64>().unwrap_or(0);
    let (stem, unit) = match id.rsplit_once('_') {
        Some((stem, unit)) if ["days", "weeks", "months", "years"].contains(&unit) => (stem, unit),
        _ => (id, ""),
    };
    match stem {
        "sent_waited" => format!("Sent {} ago, and still waiting.", count_of(n, unit)),
        "sent_within" => format!(
            "Answers can take time; Kindly suggests something once an invitation has waited {} (your setting).",
            count_of(n, unit)
        ),
        "sent_past" => format!(
            "It has waited longer than {}, your limit for a pending invitation.",
            count_of(n, unit)
        ),
        "sent_today" => "Sent today.".into(),
        "sent_age_unknown" => "Kindly cannot tell how long it has waited.".into(),
        "sent_you_met" => format!(
            "You met them {}: a short email, or a word when you next meet, may reach them better than a waiting invitation.",
            a(0)
        ),
        "sent_you_talked" => format!(
            "You talked about {}: a short email may reach them better than a waiting invitation.",
            a(0)
        ),
        "sent_mutual_contact" => format!(
            "You both know {}, who could put you in touch another way.",
            a(0)
        ),
        "sent_without_note" => {
            "It went without a note, so they may not know who you are.".into()
        }
        "sent_with_note" => "Your note has not brought an answer.".into(),
        "sent_unknown_context" => {
            "Kindly does not know how you know them: it did not see this invitation sent.".into()
        }
        "sent_reinvite_block" => format!(
            "Kindly never withdraws it for you. If you withdraw it, LinkedIn will not let you invite them again for up to {}.",
            count_of(n, "weeks")
        ),
        _ => String::new(),
    }
}
