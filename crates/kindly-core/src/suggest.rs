//! The façade `kindly-web` calls: one card in, everything its panel shows out.
//!
//! Design: a pure function of (card, stored data, today). It reads the card,
//! looks up what the user said about the person, judges, and renders the best
//! three templates. Remembering that a card was seen is a separate call,
//! [`record_seen`], which reports whether anything changed so the web crate
//! writes storage only when needed.

use crate::advice::{advise, decide, is_new_invitation, Companies, Context, Delivery};
use crate::card::{parse_card, CardText};
use crate::model::{
    AccountType, Action, Claim, Data, Day, Invitation, Kind, Person, Profile, Situation, Target,
};
use crate::plural::{duration, Unit};
use crate::template::{self, Facts};
use serde::Serialize;

pub use crate::advice::Reason;

/// How many ready-to-copy replies a panel shows.
pub const SUGGESTIONS: usize = 3;

/// One ready-to-copy reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// The template it was written from.
    pub template_id: String,
    /// The template's title.
    pub title: String,
    /// The reply, filled in.
    pub text: String,
    /// Characters as LinkedIn counts them.
    pub chars: usize,
    /// The limit where it will be pasted.
    pub limit: usize,
    /// Where it is pasted: a message or an invitation note.
    pub target: Target,
    /// Where it is sent: with the card's Reply, or after accepting.
    pub delivery: Delivery,
    /// The language it is written in.
    pub language: String,
}

/// Everything a panel shows for one card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelModel {
    /// The card's key (see [`crate::card`]).
    pub key: String,
    /// A person, a page, a newsletter or an event.
    pub kind: Kind,
    /// What Kindly suggests.
    pub action: Action,
    /// What the card says, understood.
    pub invitation: Invitation,
    /// Most weight for the action first.
    pub reasons: Vec<Reason>,
    /// The situation the replies are chosen for.
    pub situation: Situation,
    /// The replies offered, best first.
    pub suggestions: Vec<Suggestion>,
    /// Explain LinkedIn's "I don't know this person" (clear scam or spam only).
    pub dont_know_hint: bool,
    /// The day of this person's earlier invitation, when there was one.
    pub invited_before: Option<Day>,
    /// False when the card could not be read (the panel shows generic advice).
    pub readable: bool,
    /// How long the invitation has waited, as (count, unit): "3 weeks".
    pub waited: Option<(u32, Unit)>,
    /// An apology for the slow answer is part of the replies.
    pub late: bool,
    /// Where the replies go; `None` when no message fits.
    pub delivery: Option<Delivery>,
}

/// Judges one card and renders its replies.
pub fn suggest(card: &CardText, data: &Data, today: Day) -> PanelModel {
    suggest_for(&parse_card(card), data, today)
}

/// The same, from an already-parsed invitation (after the user changes the
/// relationship, say).
pub fn suggest_for(invitation: &Invitation, data: &Data, today: Day) -> PanelModel {
    suggest_in(
        invitation,
        data,
        Context::from_data(invitation, data, today),
    )
}

/// The same, with remembered people indexed by company (see [`judge`]).
pub fn suggest_indexed(
    invitation: &Invitation,
    data: &Data,
    today: Day,
    companies: &Companies,
) -> PanelModel {
    suggest_in(
        invitation,
        data,
        Context::with_companies(invitation, data, today, companies),
    )
}

fn suggest_in(invitation: &Invitation, data: &Data, context: Context<'_>) -> PanelModel {
    let advice = advise(invitation, &context, &data.templates);
    let facts = facts_for(invitation, &data.profile);
    let suggestions = match advice.delivery {
        Some(delivery) => advice
            .templates
            .iter()
            .filter_map(|id| data.templates.iter().find(|t| &t.id == id))
            .filter_map(|t| {
                // A template the user broke is skipped, never a panic.
                let parsed = template::parse(&t.body).ok()?;
                let mut text = template::render(&parsed, &facts);
                // A late answer to someone the user answers anyway says
                // sorry (ETIQUETTE.md §Lateness); the library's replies
                // have the shape to take the line, the user's own are
                // left as written.
                if advice.late && t.builtin && !t.claims.contains(&Claim::LateAnswer) {
                    text = crate::library::with_apology(&text, &t.language);
                }
                let chars = template::count_chars(&text);
                Some(Suggestion {
                    template_id: t.id.clone(),
                    title: t.title.clone(),
                    text,
                    chars,
                    limit: limit_for(t.target, data),
                    target: t.target,
                    delivery,
                    language: t.language.clone(),
                })
            })
            .take(SUGGESTIONS)
            .collect(),
        None => Vec::new(),
    };
    PanelModel {
        key: invitation.key.clone(),
        kind: invitation.kind,
        action: advice.action,
        invitation: invitation.clone(),
        reasons: advice.reasons,
        situation: advice.situation,
        suggestions,
        dont_know_hint: advice.dont_know_hint,
        invited_before: advice.invited_before,
        readable: invitation.readable,
        waited: invitation.age_days.map(duration),
        late: advice.late,
        delivery: advice.delivery,
    }
}

/// What a card's marker carries before its panel is drawn: the reading and
/// the action, without rendering any reply (most cards of a long page are
/// never scrolled to).
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    /// What the card says, understood.
    pub invitation: Invitation,
    /// What Kindly suggests.
    pub action: Action,
}

/// Reads and judges one card; [`suggest_for`] renders its replies later.
/// `companies` indexes `data.people` (see [`Companies`]).
pub fn judge(card: &CardText, data: &Data, today: Day, companies: &Companies) -> Verdict {
    judge_read(parse_card(card), data, today, companies)
}

/// [`judge`] for a card already read with `parse_card` (the content script
/// reads a card, then the stored entries of the people it names, then judges).
pub fn judge_read(
    invitation: Invitation,
    data: &Data,
    today: Day,
    companies: &Companies,
) -> Verdict {
    let context = Context::with_companies(&invitation, data, today, companies);
    let action = decide(&invitation, &context);
    Verdict { invitation, action }
}

/// The values templates may use, from the invitation and the user's profile
/// (the template module owns the mapping, so new fields arrive with it).
pub fn facts_for(invitation: &Invitation, profile: &Profile) -> Facts {
    Facts::from_invitation(invitation, profile)
}

/// The character limit where a reply will be pasted.
pub fn limit_for(target: Target, data: &Data) -> usize {
    match target {
        Target::Note => match data.profile.account {
            AccountType::Free => template::NOTE_LIMIT_FREE,
            AccountType::Premium => template::NOTE_LIMIT_PREMIUM,
        },
        Target::Message => usize::try_from(data.settings.message_limit).unwrap_or(usize::MAX),
    }
}

/// Remembers that a card was seen today and what Kindly suggested.
///
/// A person's `invitations` gets a new day only for a new invitation (see
/// [`is_new_invitation`]: the card was sent clearly after the one seen
/// before); the same pending card seen on later visits only moves
/// `last_seen`. Returns whether anything changed, so storage is written only
/// when needed. Cards without a key are not remembered.
pub fn record_seen(data: &mut Data, invitation: &Invitation, action: Action, today: Day) -> bool {
    if invitation.key.is_empty() {
        return false;
    }
    let name = invitation
        .full_name
        .clone()
        .or_else(|| invitation.target_name.clone())
        .unwrap_or_default();
    let headline = invitation.headline.clone().unwrap_or_default();
    let Some(person) = data.people.get_mut(&invitation.key) else {
        data.people.insert(
            invitation.key.clone(),
            Person {
                name,
                kind: invitation.kind,
                first_seen: today,
                last_seen: today,
                invitations: vec![today],
                last_action: Some(action),
                headline,
                age_when_seen: invitation.age_days,
                ..Person::default()
            },
        );
        return true;
    };
    let before = person.clone();
    // A record made by the panel (a relationship or note) before the card was
    // ever recorded has no days yet: this visit is its first sighting.
    if person.invitations.is_empty() && person.first_seen == 0 {
        person.first_seen = today;
        person.invitations.push(today);
        person.age_when_seen = invitation.age_days;
    } else if is_new_invitation(person, invitation, today) {
        person.invitations.push(today);
        person.age_when_seen = invitation.age_days;
    } else if person.age_when_seen.is_none() {
        person.age_when_seen = invitation.age_days;
    }
    if person.invitations.is_empty() {
        person.invitations.push(person.first_seen);
    }
    person.last_seen = person.last_seen.max(today);
    if !name.is_empty() {
        person.name = name;
    }
    if !headline.is_empty() {
        person.headline = headline;
    }
    person.kind = invitation.kind;
    person.last_action = Some(action);
    // A new invitation from someone answered before is pending again.
    if person.invitations.len() > before.invitations.len() {
        person.outcome = None;
    }
    *person != before
}

/// Records that the user answered `key`'s invitation with LinkedIn's own
/// Accept or Ignore on `today` (Kindly saw their click; it never clicks).
/// Returns whether anything changed.
pub fn record_outcome(
    data: &mut Data,
    key: &str,
    answer: crate::model::Answer,
    today: Day,
) -> bool {
    if key.is_empty() {
        return false;
    }
    let person = data.people.entry(key.to_string()).or_default();
    let outcome = Some(crate::model::Outcome { answer, day: today });
    if person.outcome == outcome {
        return false;
    }
    person.outcome = outcome;
    true
}
