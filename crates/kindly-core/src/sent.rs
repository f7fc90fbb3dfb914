//! Remembering whom the user invited and why (`ETIQUETTE.md` §Sending), on
//! their device only: the note sent and what they said about the person,
//! what became of the invitation, the follow-up once they accept, and the
//! weekly review's "sent" section.
//!
//! Design decisions:
//! - **Learned from what the user does and what LinkedIn shows.** An
//!   invitation is recorded when the user sends it with LinkedIn's own
//!   button ([`record_sent`]); the Sent tab then says which are still
//!   pending ([`update_from_sent_tab`]); an accept is recorded when the user
//!   says so or the page shows it ([`record_accepted`]); a withdrawal when
//!   they click LinkedIn's Withdraw ([`record_withdrawn`]). Kindly never
//!   sends or withdraws anything.
//! - **Absence proves nothing on a partial list.** LinkedIn loads the Sent
//!   list lazily; only a list known to be complete (`sent_tab::list_state`)
//!   turns a remembered invitation it no longer shows into "no longer
//!   pending" ([`SentStatus::Unknown`]: accepted, declined, lapsed or
//!   withdrawn elsewhere, Kindly cannot tell which).
//! - **Invitations sent before Kindly** are remembered from the Sent tab
//!   too (with the day its age gives), so the review and "no longer
//!   pending" cover them; they carry no note and nothing the user said.

use crate::card::{first_name, folded};
use crate::lang;
use crate::model::{Data, Day, SentInvitation, SentStatus, Situation, Target};
use crate::note::{self, NoteInput};
use crate::plural::{duration, Unit};
use crate::sent_advice::{judge, SentAdvice};
use crate::sent_tab::SentRow;
use crate::template::{self, Facts};
use serde::Serialize;
use std::collections::BTreeSet;

/// The longest note kept (LinkedIn's notes are 300 characters at most).
const MAX_NOTE: usize = 2_000;

/// The key of an invitation sent to someone whose profile key Kindly
/// could not tell (a name in a search result): the Sent tab later gives
/// the key, and the record moves there ([`update_from_sent_tab`]).
pub fn name_key(name: &str) -> String {
    format!("name/{}", folded(name.trim()))
}

fn cut(s: &str, n: usize) -> String {
    s.trim().chars().take(n).collect()
}

/// Remembers an invitation the user just sent with LinkedIn's own Send
/// (Kindly saw their click): to whom, the note, and what they said when
/// writing it. A new invitation to someone invited before starts afresh.
/// Returns whether anything changed.
pub fn record_sent(
    data: &mut Data,
    key: &str,
    name: &str,
    note_sent: &str,
    said: &NoteInput,
    today: Day,
) -> bool {
    let key = key.trim();
    if key.is_empty() {
        return false;
    }
    let record = SentInvitation {
        name: cut(name, 200),
        sent: today,
        note: cut(note_sent, MAX_NOTE),
        met_at: cut(&said.met_at, note::MAX_INPUT),
        topic: cut(&said.topic, note::MAX_INPUT),
        mutual_name: cut(&said.mutual_name, note::MAX_INPUT),
        language: said.language.trim().to_string(),
        status: SentStatus::Pending,
        status_day: today,
        last_listed: 0,
        followed_up: false,
        seen_sent: true,
    };
    if data.sent.get(key) == Some(&record) {
        return false;
    }
    data.sent.insert(key.to_string(), record);
    true
}

/// Sets a record's status, dated; whether it changed.
fn set_status(data: &mut Data, key: &str, status: SentStatus, today: Day) -> bool {
    match data.sent.get_mut(key) {
        Some(r) if r.status != status => {
            r.status = status;
            r.status_day = today;
            true
        }
        _ => false,
    }
}

/// They accepted (the user says so, or the page shows them connected): a
/// follow-up is due. Whether anything changed.
pub fn record_accepted(data: &mut Data, key: &str, today: Day) -> bool {
    set_status(data, key, SentStatus::Accepted, today)
}

/// The user withdrew it with LinkedIn's own Withdraw (Kindly saw their
/// click). Whether anything changed.
pub fn record_withdrawn(data: &mut Data, key: &str, today: Day) -> bool {
    set_status(data, key, SentStatus::Withdrawn, today)
}

/// The user took the follow-up (or set it aside): it is no longer due.
pub fn record_followed_up(data: &mut Data, key: &str) -> bool {
    match data.sent.get_mut(key) {
        Some(r) if !r.followed_up => {
            r.followed_up = true;
            true
        }
        _ => false,
    }
}

/// Brings the records in step with a Sent list: every person row is
/// pending (remembered if it was not, moved from its name key if it was
/// recorded by name), and, when the list is `complete` (see
/// `sent_tab::list_state`), every pending record it does not show is no
/// longer pending. Rows of pages are left out. Returns the keys changed
/// (to write) and removed (to delete from storage).
pub fn update_from_sent_tab(
    data: &mut Data,
    rows: &[SentRow],
    complete: bool,
    today: Day,
) -> Changed {
    let mut changed = Changed::default();
    let mut listed: BTreeSet<&str> = BTreeSet::new();
    for row in rows.iter().filter(|r| r.kind == crate::model::Kind::Person) {
        let key = row.key.trim();
        if key.is_empty() {
            continue;
        }
        if !listed.insert(key) {
            continue; // the same row twice
        }
        let name = row.name.clone().unwrap_or_default();
        let mut moved = false;
        if !data.sent.contains_key(key) && !name.is_empty() {
            let by_name = name_key(&name);
            if let Some(record) = data.sent.remove(&by_name) {
                data.sent.insert(key.to_string(), record);
                changed.removed.push(by_name);
                moved = true;
            }
        }
        let sent_day = row.age_days.map(|age| today.saturating_sub(age));
        let mut inserted = false;
        let record = data.sent.entry(key.to_string()).or_insert_with(|| {
            inserted = true;
            SentInvitation {
                name: name.clone(),
                sent: sent_day.unwrap_or(0),
                status: SentStatus::Pending,
                status_day: today,
                ..SentInvitation::default()
            }
        });
        let before = record.clone();
        if record.status != SentStatus::Pending {
            // Listed: pending again (invited anew, or an accept wrongly
            // guessed).
            record.status = SentStatus::Pending;
            record.status_day = today;
            record.followed_up = false;
        }
        if record.sent == 0 {
            record.sent = sent_day.unwrap_or(0);
        }
        if record.name.is_empty() {
            record.name = name;
        }
        record.last_listed = today;
        if inserted || moved || *record != before {
            changed.written.push(key.to_string());
        }
    }
    if complete {
        for (key, record) in data.sent.iter_mut() {
            let person = !key.contains('/') || key.starts_with("name/");
            if person && record.status == SentStatus::Pending && !listed.contains(key.as_str()) {
                record.status = SentStatus::Unknown;
                record.status_day = today;
                changed.written.push(key.clone());
            }
        }
    }
    changed
}

/// Records changed by an update, by card key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// Records to write again.
    pub written: Vec<String>,
    /// Records gone (moved to another key).
    pub removed: Vec<String>,
}

/// The first message once they accept, ready to copy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FollowUp {
    /// The template it was written from.
    pub template_id: String,
    /// The template's title.
    pub title: String,
    /// The message, filled in.
    pub text: String,
    /// Characters as LinkedIn counts them.
    pub chars: usize,
    /// The limit of a message.
    pub limit: usize,
    /// The language it is written in.
    pub language: String,
}

/// The template facts of a follow-up: their first name, where the user met
/// them and what they talked about (as recorded), the user's name and email.
fn follow_up_facts(record: &SentInvitation, data: &Data, language: &str) -> Facts {
    let langs: Vec<_> = lang::ordered(lang::by_code(language)).collect();
    let input = NoteInput {
        first_name: first_name(&record.name, &langs),
        met_at: record.met_at.clone(),
        topic: record.topic.clone(),
        mutual_name: record.mutual_name.clone(),
        language: language.to_string(),
        ..NoteInput::default()
    };
    Facts {
        name: (!record.name.trim().is_empty()).then(|| record.name.trim().to_string()),
        ..note::facts(&input, &data.profile)
    }
}

/// The follow-up for an accepted invitation (`ETIQUETTE.md` §Sending: thank
/// them, recall where you met or what you talked about, start the
/// conversation), in the note's language, from the best template whose
/// claims what the user said backs; `None` when it is not accepted or no
/// template fits.
pub fn follow_up(data: &Data, key: &str) -> Option<FollowUp> {
    let record = data.sent.get(key)?;
    if record.status != SentStatus::Accepted {
        return None;
    }
    let language = match record.language.trim() {
        "" => note::language_for("", &data.profile),
        l => l.to_string(),
    };
    let facts = follow_up_facts(record, data, &language);
    note::rank_own(
        &data.templates,
        Target::Message,
        Some(Situation::FollowUp),
        &facts,
        &language,
        &data.profile,
    )
    .into_iter()
    .find_map(|t| {
        let parsed = template::parse(&t.body).ok()?;
        let text = template::render(&parsed, &facts);
        Some(FollowUp {
            template_id: t.id.clone(),
            title: t.title.clone(),
            chars: template::count_chars(&text),
            text,
            limit: usize::try_from(data.settings.message_limit).unwrap_or(usize::MAX),
            language: t.language.clone(),
        })
    })
}

/// One pending invitation in the review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PendingItem {
    /// The invitee's card key.
    pub key: String,
    /// The invitee's name.
    pub name: String,
    /// The day it was sent; 0 when unknown.
    pub sent: Day,
    /// How long it has waited, as (count, unit); `None` when unknown.
    pub waited: Option<(u32, Unit)>,
    /// What to do about it, and why.
    pub advice: SentAdvice,
}

/// One accepted invitation whose follow-up is due.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FollowUpItem {
    /// The invitee's card key.
    pub key: String,
    /// The invitee's name.
    pub name: String,
    /// The day they accepted.
    pub accepted: Day,
    /// The message to send them, when a template fits.
    pub follow_up: Option<FollowUp>,
}

/// One invitation no longer pending, for a reason Kindly cannot tell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoneItem {
    /// The invitee's card key.
    pub key: String,
    /// The invitee's name.
    pub name: String,
    /// The day Kindly noticed.
    pub noticed: Day,
}

/// The weekly review's "sent" section.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SentReview {
    /// Pending, oldest first (unknown days last).
    pub pending: Vec<PendingItem>,
    /// Accepted, follow-up not yet taken, earliest accept first.
    pub follow_ups: Vec<FollowUpItem>,
    /// No longer pending (accepted? declined?), most recent first: the user
    /// can say they accepted, and the follow-up follows.
    pub no_longer_pending: Vec<GoneItem>,
}

/// How long a record has waited, in days, when its sent day is known.
pub fn waited_days(record: &SentInvitation, today: Day) -> Option<u32> {
    (record.sent > 0).then(|| today.saturating_sub(record.sent))
}

/// The "sent" section of the weekly review.
pub fn review(data: &Data, today: Day) -> SentReview {
    let mut out = SentReview::default();
    for (key, r) in &data.sent {
        match r.status {
            SentStatus::Pending => {
                let days = waited_days(r, today);
                out.pending.push(PendingItem {
                    key: key.clone(),
                    name: r.name.clone(),
                    sent: r.sent,
                    waited: days.map(duration),
                    advice: judge(days, Some(r), &data.settings),
                });
            }
            SentStatus::Accepted if !r.followed_up => out.follow_ups.push(FollowUpItem {
                key: key.clone(),
                name: r.name.clone(),
                accepted: r.status_day,
                follow_up: follow_up(data, key),
            }),
            SentStatus::Unknown => out.no_longer_pending.push(GoneItem {
                key: key.clone(),
                name: r.name.clone(),
                noticed: r.status_day,
            }),
            SentStatus::Accepted | SentStatus::Withdrawn => {}
        }
    }
    out.pending.sort_by_key(|p| (p.sent == 0, p.sent));
    out.follow_ups.sort_by_key(|f| f.accepted);
    out.no_longer_pending
        .sort_by_key(|g| std::cmp::Reverse(g.noticed));
    out
}

/// Whether a record is settled: nothing is left to do about it.
fn settled(r: &SentInvitation) -> bool {
    match r.status {
        SentStatus::Pending => false,
        SentStatus::Accepted => r.followed_up,
        SentStatus::Withdrawn | SentStatus::Unknown => true,
    }
}

/// Drops settled records (withdrawn, no longer pending, accepted and
/// followed up) settled more than `settings.history_days` ago. Returns the
/// removed keys, so the caller can remove their storage keys.
pub fn prune(data: &mut Data, today: Day) -> Vec<String> {
    let keep_days = data.settings.history_days;
    remove_where(data, |r| {
        settled(r) && today.saturating_sub(r.status_day) > keep_days
    })
}

/// Drops every settled record (wiping history); pending ones and accepted
/// ones awaiting a follow-up stay. Returns the removed keys.
pub fn forget_settled(data: &mut Data) -> Vec<String> {
    remove_where(data, settled)
}

fn remove_where(data: &mut Data, drop: impl Fn(&SentInvitation) -> bool) -> Vec<String> {
    let removed: Vec<String> = data
        .sent
        .iter()
        .filter(|(_, r)| drop(r))
        .map(|(k, _)| k.clone())
        .collect();
    for k in &removed {
        data.sent.remove(k);
    }
    removed
}
