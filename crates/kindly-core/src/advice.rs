//! Judging an invitation: facts first, then a decision a reader can audit.
//!
//! Design (`ETIQUETTE.md` §Decisions): everything Kindly notices is a
//! [`Signal`], a fact with a stable id and a plain reason. The decision is
//! an ordered table, [`DECISIONS`]: the first row whose signals all fired
//! (and whose excluded signals did not) decides, by the user's policy, with
//! one column for a card that offers LinkedIn's Reply and one for a card
//! that does not (a message cannot reach them then, §Delivery). Rows come
//! strongest evidence first, so weak signals never add up to outweigh a
//! strong one: a note naming a real meeting is read before "many
//! invitations from one company", a recruiter's offer before the sales
//! rules. Non-person invitations have their own table, [`KIND_RULES`].
//!
//! Replies then come from the templates whose every claim the card or the
//! user backs ([`backed`], §Claims), in the invitation's language.

use crate::card::company_in_headline;
use crate::lang::{self, find_ci, fold, Folded, LANGS};
use crate::model::{
    Action, Claim, Data, Day, Invitation, Kind, Person, Policy, Profile, Relationship, Situation,
    Target, TemplateRecord,
};
use crate::plural::{category, Plural};
use serde::Serialize;
use std::collections::BTreeMap;

/// One reason behind the advice, with a stable id for translations, the
/// values its text uses (a name, a phrase) and, when it counts something,
/// the count (translations pick their plural form by it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable id, the translation key's stem (`reason_<id>`).
    pub id: String,
    /// In English; the panel shows the UI language's own words.
    pub text: String,
    /// The values its text uses (a name, a phrase).
    pub args: Vec<String>,
    /// What it counts, when it counts something (picks the plural form).
    pub count: Option<u32>,
}

/// Everything Kindly may notice about an invitation (`ETIQUETTE.md` §Signals).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    /// The user said they know them well.
    ChoseKnowWell,
    /// The user said they have met them.
    ChoseMetOnce,
    /// The user said they are a friend or family.
    ChoseFriend,
    /// The user said they worked together once.
    ChoseFormerColleague,
    /// The user said they do not know them.
    ChoseStranger,
    /// The user connects only with people they know well.
    PolicyKnowWellOnly,
    /// The user connects openly with most people.
    PolicyOpenNetworker,
    /// The user is open to new roles.
    OpenToRoles,
    /// Their note says they met.
    NoteMetInPerson,
    /// Their note mentions a conversation.
    NoteTalked,
    /// Their note says they worked together.
    NoteWorkedTogether,
    /// Their note says they studied together.
    NoteStudiedTogether,
    /// Their note says someone introduced them.
    NoteIntroduced,
    /// Their note is about the user's work, not a meeting.
    NoteSawYourWork,
    /// Their note asks for advice.
    NoteAsksAdvice,
    /// Their note offers a role.
    NoteJobOffer,
    /// They wrote a personal note.
    PersonalNote,
    /// Their note is LinkedIn's standard text.
    GenericNote,
    /// They wrote no note.
    NoNote,
    /// Many shared connections.
    ManyMutual,
    /// A shared connection named on the card.
    NamedMutual,
    /// A few shared connections.
    SomeMutual,
    /// No shared connections (where Kindly reads the card's language).
    NoMutual,
    /// Their headline names a company the user works or worked at.
    SharedCompany,
    /// Their headline names a school the user studied at.
    SharedSchool,
    /// Their headline names the user's field.
    SameIndustry,
    /// Their headline does not name the user's field.
    OutsideIndustry,
    /// The user has not said their field.
    FieldUnknown,
    /// Their card shows no headline.
    NoHeadline,
    /// Their headline says they are studying.
    Student,
    /// It reads like a sales pitch.
    SalesLanguage,
    /// Their note has a common scam sign.
    ScamMarkers,
    /// Their first note holds a link or a phone number.
    LinkOrPhone,
    /// Their headline says they recruit.
    Recruiter,
    /// They invited the user before.
    InvitedBefore,
    /// Many people from one company invited the user recently.
    CompanyVolume,
    /// It has waited more than [`LATE_AFTER_DAYS`].
    Waiting,
    /// The card offers no Reply: no message reaches them before accepting.
    NoReply,
    /// They follow the user.
    FollowsYou,
    /// Their profile is verified.
    Verified,
    /// An invitation to follow a page.
    PageInvitation,
    /// An invitation to subscribe to a newsletter.
    NewsletterInvitation,
    /// An invitation to an event.
    EventInvitation,
    /// An invitation to join a group.
    GroupInvitation,
    /// An invitation to follow a school.
    SchoolInvitation,
    /// An invitation of a kind Kindly does not know yet.
    UnknownInvitation,
    /// The user knows the person who sent a page's invitation.
    InviterKnown,
    /// Kindly could not read the card's details.
    Unreadable,
}

/// One row of the decision table.
#[derive(Clone, Copy, Debug)]
pub struct Decision {
    /// Every one of these fired.
    pub all: &'static [Signal],
    /// None of these fired.
    pub none: &'static [Signal],
    /// The action by policy (know well only, industry-focused, open
    /// networker) when a message can reach them on the card …
    pub with_reply: [Action; 3],
    /// … and when it cannot (LinkedIn shows no Reply).
    pub without_reply: [Action; 3],
    /// What the reply addresses.
    pub situation: Situation,
    /// Someone the user answers anyway: an apology fits when it waited
    /// (`ETIQUETTE.md` §Lateness). False for strangers' rows.
    pub answer_anyway: bool,
    /// The sources it follows (`ETIQUETTE.md` §Sources).
    pub sources: &'static str,
}

#[allow(clippy::too_many_arguments)]
const fn row(
    all: &'static [Signal],
    none: &'static [Signal],
    with_reply: [Action; 3],
    without_reply: [Action; 3],
    situation: Situation,
    answer_anyway: bool,
    sources: &'static str,
) -> Decision {
    Decision {
        all,
        none,
        with_reply,
        without_reply,
        situation,
        answer_anyway,
        sources,
    }
}

use Action::{Accept as A, Ask as K, Decline as D, Ignore as I, Reply as R, Review as V};
use Signal as G;
use Situation as S;

/// The decision table for person invitations: first match wins. Columns:
/// policy know-well-only, industry-focused, open networker.
#[rustfmt::skip]
pub const DECISIONS: &[Decision] = &[
    // What the user chose decides (§Facts); "don't know them" leaves the
    // rows below to decide, minus the shared-past ones.
    row(&[G::ChoseKnowWell], &[],            [A, A, A], [A, A, A], S::ThanksAfterAccept, true, "ELAD GUIDE"),
    row(&[G::ChoseMetOnce], &[],             [R, A, A], [V, A, A], S::MetInPerson, true, "NOTYET GUIDE"),
    row(&[G::ChoseFriend], &[],              [D, D, A], [I, I, A], S::Friend, true, "KNOWN"),
    row(&[G::ChoseFormerColleague], &[],     [R, R, A], [A, A, A], S::FormerColleague, true, "KNOWN"),
    // Scams: say nothing (§Actions).
    row(&[G::ScamMarkers], &[],              [I, I, I], [I, I, I], S::Scam, false, "GUIDE"),
    // Recruiters, never the sales rules (§Facts).
    row(&[G::NoteJobOffer, G::OpenToRoles], &[], [R, R, R], [A, A, A], S::RecruiterInterested, true, "GUIDE"),
    row(&[G::Recruiter, G::OpenToRoles], &[G::SalesLanguage], [R, R, R], [A, A, A], S::RecruiterInterested, true, "GUIDE"),
    row(&[G::NoteJobOffer], &[],             [R, R, A], [I, I, A], S::Recruiter, true, "GUIDE POLITE"),
    row(&[G::Recruiter, G::PersonalNote], &[], [R, R, A], [I, I, A], S::Recruiter, true, "GUIDE POLITE"),
    // A shared past named in their note.
    row(&[G::NoteWorkedTogether], &[G::ChoseStranger], [R, A, A], [R, A, A], S::FormerColleague, true, "KNOWN GUIDE"),
    row(&[G::NoteStudiedTogether], &[G::ChoseStranger], [R, A, A], [R, A, A], S::Classmate, true, "GUIDE"),
    row(&[G::NoteMetInPerson], &[G::ChoseStranger], [R, A, A], [R, A, A], S::MetInPerson, true, "GUIDE NOTYET"),
    row(&[G::NoteTalked], &[G::ChoseStranger], [R, A, A], [R, A, A], S::ThanksAfterAccept, true, "GUIDE NOTYET"),
    row(&[G::NoteIntroduced], &[G::ChoseStranger], [R, A, A], [R, A, A], S::ThanksAfterAccept, true, "GUIDE NOTYET"),
    // A personal request: answer it, connect later ("not yet").
    row(&[G::NoteAsksAdvice], &[],           [R, R, A], [R, R, A], S::AdviceRequest, true, "NOTYET GUIDE"),
    row(&[G::Student, G::PersonalNote], &[], [R, R, A], [R, R, A], S::AdviceRequest, true, "NOTYET GUIDE"),
    // They know the user's work: thank them; a talk is not a meeting.
    row(&[G::NoteSawYourWork, G::SameIndustry], &[], [R, A, A], [R, A, A], S::SawYourWork, true, "POLITE NOTYET"),
    row(&[G::NoteSawYourWork, G::FieldUnknown], &[], [R, A, A], [R, A, A], S::SawYourWork, true, "POLITE NOTYET"),
    row(&[G::NoteSawYourWork], &[],          [R, R, A], [R, R, A], S::SawYourWork, true, "NOTYET"),
    // Invited again: a clear answer (§Actions).
    row(&[G::InvitedBefore], &[],            [D, D, A], [I, I, A], S::RepeatInviter, false, "GUIDE"),
    // Many from one company lately, then selling.
    row(&[G::CompanyVolume], &[],            [D, D, D], [I, I, I], S::CompanyVolume, false, "GUIDE"),
    row(&[G::SalesLanguage], &[],            [D, D, D], [I, I, I], S::SalesPitch, false, "GUIDE"),
    // Another personal note: answer it; "not yet" under know-well-only.
    row(&[G::PersonalNote, G::SharedCompany], &[], [D, A, A], [D, A, A], S::StrangerPersonal, true, "NOTYET POLITE"),
    row(&[G::PersonalNote, G::SharedSchool], &[],  [D, A, A], [D, A, A], S::StrangerPersonal, true, "NOTYET POLITE"),
    row(&[G::PersonalNote, G::SameIndustry], &[],  [D, A, A], [D, A, A], S::StrangerPersonal, true, "NOTYET POLITE"),
    row(&[G::PersonalNote], &[],             [D, R, A], [D, R, A], S::StrangerPersonal, true, "NOTYET GUIDE"),
    // No note, or LinkedIn's stock one.
    row(&[G::SharedCompany], &[],            [K, A, A], [V, A, A], S::CantPlace, false, "GUIDE"),
    row(&[G::SharedSchool], &[],             [K, A, A], [V, A, A], S::CantPlace, false, "GUIDE"),
    row(&[G::SameIndustry], &[],             [D, A, A], [I, A, A], S::StrangerGeneric, false, "POLITE GUIDE"),
    row(&[G::ManyMutual], &[],               [K, K, A], [V, V, A], S::CantPlace, false, "POLITE ELAD"),
    row(&[G::OutsideIndustry], &[],          [D, D, A], [I, I, A], S::OutsideIndustry, false, "KNOWN GUIDE"),
    row(&[G::NoHeadline, G::NoMutual], &[],  [D, D, V], [I, I, V], S::StrangerGeneric, false, "GUIDE"),
    row(&[G::NamedMutual], &[],              [D, K, A], [I, V, A], S::CantPlace, false, "ELAD"),
    row(&[G::SomeMutual], &[],               [D, K, A], [I, V, A], S::CantPlace, false, "ELAD"),
    row(&[G::NoMutual], &[],                 [D, D, A], [I, I, A], S::StrangerGeneric, false, "GUIDE POLITE"),
    // Shared connections unknown (a card Kindly cannot fully read).
    row(&[], &[],                            [D, K, A], [I, V, A], S::CantPlace, false, "ELAD"),
];

/// Invitations that are not about connecting with a person:
/// (kind, signal, action from a stranger, action when the user knows the
/// person who sent it).
#[rustfmt::skip]
pub const KIND_RULES: &[(Kind, Signal, Action, Action)] = &[
    (Kind::Page,       Signal::PageInvitation,       Action::Ignore, Action::Review),
    (Kind::School,     Signal::SchoolInvitation,     Action::Ignore, Action::Review),
    (Kind::Newsletter, Signal::NewsletterInvitation, Action::Ignore, Action::Review),
    (Kind::Group,      Signal::GroupInvitation,      Action::Ignore, Action::Review),
    (Kind::Event,      Signal::EventInvitation,      Action::Review, Action::Review),
    (Kind::Unknown,    Signal::UnknownInvitation,    Action::Review, Action::Review),
];

/// The situation a reply falls back to for each action, when no template
/// addresses the row's own.
fn fallback_situation(action: Action) -> Situation {
    match action {
        Action::Accept => Situation::ThanksAfterAccept,
        Action::Reply => Situation::KeepPending,
        Action::Decline => Situation::StrangerGeneric,
        Action::Ask | Action::Review => Situation::CantPlace,
        Action::Ignore => Situation::Scam,
    }
}

/// This many mutual connections or more count as "many".
pub const MANY_MUTUAL: u32 = 10;
/// Waiting longer than this many days calls for an apology, for people the
/// user answers anyway.
pub const LATE_AFTER_DAYS: u32 = 14;
/// Invitations from this many other people at one company, seen within
/// [`VOLUME_WINDOW_DAYS`], make "many invitations from one company".
pub const VOLUME_OTHERS: u32 = 2;
/// The window, in days, in which [`VOLUME_OTHERS`] invitations from one company count.
pub const VOLUME_WINDOW_DAYS: u32 = 30;
/// Notes are short (300 characters at most); signals read this much of one,
/// so a pathological note cannot slow the panel down.
const NOTE_SCAN_CHARS: usize = 4000;
/// A stock note longer than this has been written on: personal.
const GENERIC_NOTE_CHARS: usize = 160;

/// A signal that fired, with the values its reason mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    /// The signal.
    pub signal: Signal,
    /// The values its reason mentions.
    pub args: Vec<String>,
}

/// What the judge knows besides the card.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// Borrowed: a clone per card showed in the content script's profiles.
    pub profile: &'a Profile,
    /// What the user said about this person (or, for a page invitation, about
    /// the person who sent it).
    pub relationship: Option<Relationship>,
    /// What Kindly remembers about them.
    pub person: Option<&'a Person>,
    /// Today, for how long things have waited.
    pub today: Day,
    /// Other people at the same company who invited the user recently.
    pub same_company_recent: u32,
}

impl<'a> Context<'a> {
    /// The context for an invitation from the user's stored data.
    pub fn from_data(invitation: &Invitation, data: &'a Data, today: Day) -> Context<'a> {
        let recent = same_company_recent(invitation, data, today);
        Context::with_company_count(invitation, data, today, recent)
    }

    /// The same, with "others at this company" counted by a [`Companies`]
    /// index instead of reading every remembered headline.
    pub fn with_companies(
        invitation: &Invitation,
        data: &'a Data,
        today: Day,
        companies: &Companies,
    ) -> Context<'a> {
        let recent = companies.recent_others(invitation, today);
        Context::with_company_count(invitation, data, today, recent)
    }

    fn with_company_count(
        invitation: &Invitation,
        data: &'a Data,
        today: Day,
        same_company_recent: u32,
    ) -> Context<'a> {
        let person = data.people.get(&invitation.key);
        let inviter = invitation
            .inviter_key
            .as_ref()
            .and_then(|k| data.people.get(k));
        let relationship = person
            .and_then(|p| p.relationship)
            .or_else(|| inviter.and_then(|p| p.relationship));
        Context {
            profile: &data.profile,
            relationship,
            person,
            today,
            same_company_recent,
        }
    }
}

/// Where a reply is sent (`ETIQUETTE.md` §Delivery).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    /// With LinkedIn's Reply on the card; the invitation stays pending.
    OnCard,
    /// As a message once the user has accepted.
    AfterAccept,
}

/// The judgement, ready for the panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Advice {
    /// What Kindly suggests.
    pub action: Action,
    /// Why: the deciding facts first.
    pub reasons: Vec<Reason>,
    /// The situation replies are chosen for.
    pub situation: Situation,
    /// Fallback situations for ranking templates, best first.
    pub also: Vec<Situation>,
    /// Ranked template ids (best first); empty when nothing should be sent.
    pub templates: Vec<String>,
    /// Where replies go: `None` when no message fits (ignore quietly, or
    /// look closer with no way to write).
    pub delivery: Option<Delivery>,
    /// The language replies are written in ("en", "fr", …).
    pub reply_language: String,
    /// An apology for the slow answer fits (§Lateness).
    pub late: bool,
    /// Suggest LinkedIn's "I don't know this person": only for clear scams/spam.
    pub dont_know_hint: bool,
    /// The day of the earlier invitation, when this person invited before.
    pub invited_before: Option<Day>,
    /// The decision row that decided (an index into [`DECISIONS`]); `None`
    /// for non-person and unreadable cards.
    pub rule: Option<usize>,
}

/// What the decision step found.
struct Verdict {
    action: Action,
    situation: Situation,
    rule: Option<usize>,
    /// The missing Reply changed the action.
    for_want_of_reply: bool,
    late: bool,
}

/// The action alone, as [`advise`] decides it: what marking a card needs.
/// Reasons and ranked templates are for the panel, drawn when the card comes
/// into view; building them for every card on a long page was wasted.
pub fn decide(invitation: &Invitation, context: &Context<'_>) -> Action {
    let invited_before = earlier_invitation(context.person, invitation, context.today);
    let fired = signals(invitation, context, invited_before);
    verdict(invitation, context, &fired).action
}

/// Whether a message can reach the inviter while the invitation is pending:
/// the card's Reply, or (when Kindly cannot tell) a note, under which every
/// known layout shows one.
pub fn can_reply(invitation: &Invitation) -> bool {
    invitation
        .can_reply
        .unwrap_or_else(|| invitation.note.is_some())
}

fn policy_column(policy: Policy) -> usize {
    match policy {
        Policy::KnowWellOnly => 0,
        Policy::IndustryFocused => 1,
        Policy::OpenNetworker => 2,
    }
}

/// The first row of [`DECISIONS`] that holds.
pub fn deciding_row(fired: &[Fired]) -> Option<(usize, &'static Decision)> {
    let has = |s: &Signal| fired.iter().any(|f| f.signal == *s);
    DECISIONS
        .iter()
        .enumerate()
        .find(|(_, d)| d.all.iter().all(has) && !d.none.iter().any(has))
}

fn verdict(invitation: &Invitation, context: &Context<'_>, fired: &[Fired]) -> Verdict {
    let plain = |action: Action, situation: Situation| Verdict {
        action,
        situation,
        rule: None,
        for_want_of_reply: false,
        late: false,
    };
    if invitation.kind != Kind::Person {
        let known = context
            .relationship
            .is_some_and(|r| r != Relationship::Stranger);
        let action = KIND_RULES
            .iter()
            .find(|(k, ..)| *k == invitation.kind)
            .map_or(
                Action::Review,
                |(_, _, stranger, friend)| if known { *friend } else { *stranger },
            );
        return plain(action, Situation::CantPlace);
    }
    if !invitation.readable {
        return plain(Action::Review, Situation::CantPlace);
    }
    let Some((index, decision)) = deciding_row(fired) else {
        return plain(Action::Review, Situation::CantPlace);
    };
    let column = policy_column(context.profile.policy);
    let with = decision
        .with_reply
        .get(column)
        .copied()
        .unwrap_or(Action::Review);
    let without = decision
        .without_reply
        .get(column)
        .copied()
        .unwrap_or(Action::Review);
    let action = if can_reply(invitation) { with } else { without };
    let waited = fired.iter().any(|f| f.signal == Signal::Waiting);
    let sends = matches!(
        action,
        Action::Accept | Action::Reply | Action::Decline | Action::Ask
    );
    Verdict {
        action,
        situation: decision.situation,
        rule: Some(index),
        for_want_of_reply: action != with,
        late: waited && decision.answer_anyway && sends,
    }
}

/// Where replies for `action` go, if any can be sent.
fn delivery_for(action: Action, reply: bool) -> Option<Delivery> {
    match action {
        Action::Accept => Some(Delivery::AfterAccept),
        Action::Reply | Action::Ask | Action::Decline | Action::Review | Action::Ignore
            if reply =>
        {
            Some(Delivery::OnCard)
        }
        _ => None,
    }
}

/// Judges an invitation and ranks `templates` for it.
pub fn advise(
    invitation: &Invitation,
    context: &Context<'_>,
    templates: &[TemplateRecord],
) -> Advice {
    let invited_before = earlier_invitation(context.person, invitation, context.today);
    let mut fired = signals(invitation, context, invited_before);
    let found = verdict(invitation, context, &fired);
    if found.for_want_of_reply {
        fired.push(Fired {
            signal: Signal::NoReply,
            args: Vec::new(),
        });
    }
    let has = |s: Signal| fired.iter().any(|f| f.signal == s);
    let action = found.action;

    let mut situations = vec![found.situation];
    let fallback = fallback_situation(action);
    if !situations.contains(&fallback) {
        situations.push(fallback);
    }
    // Late is an aspect, not the situation: the reply still answers the
    // recruiter or the student; the library's replies take an apology
    // line (`suggest`), and templates tagged late rank higher.
    if found.late {
        situations.push(Situation::Late);
    }
    let situation = situations.first().copied().unwrap_or(Situation::CantPlace);
    let also: Vec<Situation> = situations.iter().skip(1).copied().collect();

    let relationship_positive = context
        .relationship
        .is_some_and(|r| r != Relationship::Stranger);
    let dont_know_hint = invitation.kind == Kind::Person
        && !relationship_positive
        && (has(Signal::ScamMarkers)
            || (has(Signal::SalesLanguage)
                && (has(Signal::LinkOrPhone) || has(Signal::InvitedBefore))));

    let reply_language = reply_language(invitation, context.profile);
    let delivery = if invitation.kind == Kind::Person && invitation.readable {
        delivery_for(action, can_reply(invitation))
    } else {
        None
    };
    let ranked = match delivery {
        Some(_) => {
            let backing = Backing {
                fired: &fired,
                relationship: context.relationship,
                profile: context.profile,
                late: found.late,
            };
            rank_templates(
                templates,
                &Wanted {
                    action,
                    situation,
                    also: &also,
                    language: &reply_language,
                    late: found.late,
                    note: invitation.note.is_some(),
                },
                context,
                &backing,
            )
        }
        None => Vec::new(),
    };

    Advice {
        action,
        reasons: reasons(&fired, found.rule, found.late),
        situation,
        also,
        templates: ranked,
        delivery,
        reply_language,
        late: found.late,
        dont_know_hint,
        invited_before,
        rule: found.rule,
    }
}

/// The reasons, the deciding facts first: the row's own signals, then why
/// the action changed (no Reply), then the rest in reading order.
fn reasons(fired: &[Fired], rule: Option<usize>, late: bool) -> Vec<Reason> {
    let deciding: &[Signal] = rule.and_then(|i| DECISIONS.get(i)).map_or(&[], |d| d.all);
    let rank = |f: &Fired| {
        if deciding.contains(&f.signal) {
            0
        } else if f.signal == Signal::NoReply {
            1
        } else {
            2
        }
    };
    let mut ordered: Vec<&Fired> = fired.iter().collect();
    // Stable: equal ranks keep the order signals were found in.
    ordered.sort_by_key(|f| rank(f));
    ordered
        .into_iter()
        .map(|f| {
            let id = if f.signal == Signal::Waiting && !late {
                "waiting_long_stranger"
            } else {
                signal_id(f.signal)
            };
            let count = counted(f.signal).then(|| {
                f.args
                    .get(count_arg(f.signal))
                    .and_then(|a| a.parse().ok())
                    .unwrap_or(0)
            });
            Reason {
                id: id.to_string(),
                text: reason_text(f.signal, &f.args, late),
                args: f.args.clone(),
                count,
            }
        })
        .collect()
}

/// Reasons that count something: their translations have plural forms.
pub fn counted(signal: Signal) -> bool {
    matches!(
        signal,
        Signal::ManyMutual | Signal::SomeMutual | Signal::CompanyVolume
    )
}

/// Which of a counted reason's args is the count.
fn count_arg(signal: Signal) -> usize {
    match signal {
        Signal::CompanyVolume => 1,
        _ => 0,
    }
}

// ---------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------

/// One phrase list of a language table (`lang::Lang`).
type PhraseTable = fn(&'static lang::Lang) -> &'static [&'static str];

/// The first phrase of `table` in every language found in `text` as whole words.
fn any_lang(text: &Folded, table: PhraseTable) -> Option<&'static str> {
    LANGS.iter().find_map(|l| text.first_word_match(table(l)))
}

/// Every signal that fires for this invitation, in reading order.
pub fn signals(
    invitation: &Invitation,
    context: &Context<'_>,
    invited_before: Option<Day>,
) -> Vec<Fired> {
    let mut out: Vec<Fired> = Vec::new();
    let mut fire = |signal: Signal, args: Vec<String>| out.push(Fired { signal, args });
    let phrase = |p: &str| vec![p.to_string()];

    if invitation.kind != Kind::Person {
        if let Some((_, signal, ..)) = KIND_RULES.iter().find(|(k, ..)| *k == invitation.kind) {
            fire(*signal, invitation.target_name.iter().cloned().collect());
        }
        if context
            .relationship
            .is_some_and(|r| r != Relationship::Stranger)
        {
            fire(
                Signal::InviterKnown,
                invitation.full_name.iter().cloned().collect(),
            );
        }
        return out;
    }
    if !invitation.readable {
        fire(Signal::Unreadable, Vec::new());
    }
    match context.relationship {
        Some(Relationship::KnowWell) => fire(Signal::ChoseKnowWell, Vec::new()),
        Some(Relationship::MetOnce) => fire(Signal::ChoseMetOnce, Vec::new()),
        Some(Relationship::Friend) => fire(Signal::ChoseFriend, Vec::new()),
        Some(Relationship::FormerColleague) => fire(Signal::ChoseFormerColleague, Vec::new()),
        Some(Relationship::Stranger) => fire(Signal::ChoseStranger, Vec::new()),
        None => {}
    }
    let profile = context.profile;
    match profile.policy {
        Policy::KnowWellOnly => fire(Signal::PolicyKnowWellOnly, Vec::new()),
        Policy::OpenNetworker => fire(Signal::PolicyOpenNetworker, Vec::new()),
        Policy::IndustryFocused => {}
    }
    if profile.open_to_roles {
        fire(Signal::OpenToRoles, Vec::new());
    }

    // The note and the headline, folded once for every table.
    let note = invitation
        .note
        .as_deref()
        .map(|n| prefix_chars(n, NOTE_SCAN_CHARS));
    let headline = prefix_chars(
        invitation.headline.as_deref().unwrap_or(""),
        NOTE_SCAN_CHARS,
    );
    let note_folded = note.map(Folded::new);
    let headline_folded = Folded::new(headline);
    let in_note = |table: PhraseTable| note_folded.as_ref().and_then(|n| any_lang(n, table));
    let recruiter = any_lang(&headline_folded, |l| l.recruiter);
    let scam = in_note(|l| l.scam);
    let job_offer = in_note(|l| l.job_offer).or_else(|| {
        // "An exciting opportunity" is a role when a recruiter writes it.
        recruiter.and_then(|_| in_note(|l| l.opportunity))
    });
    // Asking for a call is selling, unless a recruiter asks (§Facts).
    let sales = in_note(|l| l.sales)
        .or_else(|| any_lang(&headline_folded, |l| l.sales))
        .or_else(|| {
            (recruiter.is_none() && job_offer.is_none())
                .then(|| in_note(|l| l.call_asks))
                .flatten()
        });
    match (note, &note_folded) {
        (Some(n), Some(folded)) => {
            let mut specific = false;
            let context_tables: [(Signal, PhraseTable); 7] = [
                (Signal::NoteMetInPerson, |l| l.met_in_person),
                (Signal::NoteTalked, |l| l.talked),
                (Signal::NoteWorkedTogether, |l| l.worked_together),
                (Signal::NoteStudiedTogether, |l| l.studied_together),
                (Signal::NoteIntroduced, |l| l.introduced),
                (Signal::NoteSawYourWork, |l| l.saw_work),
                (Signal::NoteAsksAdvice, |l| l.advice),
            ];
            for (signal, table) in context_tables {
                if let Some(p) = any_lang(folded, table) {
                    fire(signal, phrase(p));
                    specific = true;
                }
            }
            if let Some(p) = job_offer {
                fire(Signal::NoteJobOffer, phrase(p));
                specific = true;
            }
            let generic = LANGS
                .iter()
                .any(|l| l.generic_notes.iter().any(|g| folded.contains(g)));
            if !specific && scam.is_none() && sales.is_none() {
                if generic && n.chars().nth(GENERIC_NOTE_CHARS).is_none() {
                    fire(Signal::GenericNote, Vec::new());
                } else {
                    fire(Signal::PersonalNote, Vec::new());
                }
            }
            if let Some(p) = link_or_phone(n) {
                fire(Signal::LinkOrPhone, vec![p]);
            }
        }
        _ => fire(Signal::NoNote, Vec::new()),
    }
    if let Some(p) = scam {
        fire(Signal::ScamMarkers, phrase(p));
    }
    if let Some(p) = sales {
        fire(Signal::SalesLanguage, phrase(p));
    }

    // Mutual connections: a missing line was read as none where Kindly
    // reads the card's language (`card`).
    match (invitation.mutual_count, invitation.mutual_name.as_deref()) {
        (Some(n), _) if n >= MANY_MUTUAL => fire(Signal::ManyMutual, vec![n.to_string()]),
        (_, Some(name)) => fire(Signal::NamedMutual, vec![name.to_string()]),
        (Some(0), None) => fire(Signal::NoMutual, Vec::new()),
        (Some(n), None) => fire(Signal::SomeMutual, vec![n.to_string()]),
        (None, None) => {}
    }

    // Where they work, what they do. An empty field list is unknown fit,
    // never a mismatch (§Facts).
    let company = invitation.company.as_deref().unwrap_or("");
    if let Some(c) = profile.companies.iter().map(|c| c.trim()).find(|c| {
        !c.is_empty()
            && (find_word_ci(company, &lower(c)) || headline_folded.contains_word(&lower(c)))
    }) {
        fire(Signal::SharedCompany, vec![c.to_string()]);
    }
    if let Some(s) = profile
        .schools
        .iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty() && headline_folded.contains_word(&lower(s)))
    {
        fire(Signal::SharedSchool, vec![s.to_string()]);
    }
    let industries: Vec<&str> = profile
        .industries
        .iter()
        .map(|i| i.trim())
        .filter(|i| !i.is_empty())
        .collect();
    if headline.trim().is_empty() {
        fire(Signal::NoHeadline, Vec::new());
    } else if let Some(i) = industries
        .iter()
        .find(|i| headline_folded.contains_word(&lower(i)))
    {
        fire(Signal::SameIndustry, vec![i.to_string()]);
    } else if profile.policy == Policy::IndustryFocused {
        if industries.is_empty() {
            fire(Signal::FieldUnknown, Vec::new());
        } else {
            fire(Signal::OutsideIndustry, vec![industries.join(", ")]);
        }
    }
    if let Some(p) = any_lang(&headline_folded, |l| l.student) {
        fire(Signal::Student, phrase(p));
    }
    if let Some(p) = recruiter {
        fire(Signal::Recruiter, phrase(p));
    }

    // History and time.
    if let Some(day) = invited_before {
        fire(Signal::InvitedBefore, vec![day.to_string()]);
    }
    if context.same_company_recent >= VOLUME_OTHERS && !lang::is_school(company) {
        fire(
            Signal::CompanyVolume,
            vec![
                company.to_string(),
                context.same_company_recent.saturating_add(1).to_string(),
            ],
        );
    }
    if let Some(age) = invitation.age_days.filter(|a| *a > LATE_AFTER_DAYS) {
        fire(Signal::Waiting, vec![age.to_string()]);
    }
    if invitation.follows_you {
        fire(Signal::FollowsYou, Vec::new());
    }
    if invitation.verified {
        fire(Signal::Verified, Vec::new());
    }
    out
}

// ---------------------------------------------------------------------------
// Claims and languages
// ---------------------------------------------------------------------------

/// What backs a reply's claims: the facts read, what the user chose and
/// set, and whether the answer is late.
pub struct Backing<'a> {
    /// The signals that fired.
    pub fired: &'a [Fired],
    /// What the user said about them.
    pub relationship: Option<Relationship>,
    /// The user's profile.
    pub profile: &'a Profile,
    /// Whether the answer is late.
    pub late: bool,
}

/// Whether the card or the user backs `claim` (`ETIQUETTE.md` §Claims).
/// What the user chose overrides the note: "don't know them" backs no
/// shared past, whatever the note says.
pub fn backed(claim: Claim, b: &Backing<'_>) -> bool {
    use Relationship as Rel;
    let has = |s: Signal| b.fired.iter().any(|f| f.signal == s);
    let chose = |rs: &[Rel]| b.relationship.is_some_and(|r| rs.contains(&r));
    let note_says = |s: Signal| has(s) && b.relationship != Some(Rel::Stranger);
    match claim {
        // "Good to meet you" and "I enjoyed our conversation" speak of one
        // recent meeting or talk: a friend or a colleague of years is not
        // greeted so.
        Claim::MetInPerson => chose(&[Rel::MetOnce]) || note_says(Signal::NoteMetInPerson),
        Claim::Talked => note_says(Signal::NoteTalked),
        Claim::WorkedTogether => {
            chose(&[Rel::FormerColleague]) || note_says(Signal::NoteWorkedTogether)
        }
        Claim::StudiedTogether => note_says(Signal::NoteStudiedTogether),
        Claim::Friends => chose(&[Rel::Friend]),
        Claim::ReadTheirNote => !has(Signal::NoNote) && !has(Signal::GenericNote),
        Claim::TheySawMyWork => has(Signal::NoteSawYourWork),
        Claim::TheyAskedAdvice => {
            has(Signal::NoteAsksAdvice) || (has(Signal::Student) && has(Signal::PersonalNote))
        }
        Claim::NotLooking => !b.profile.open_to_roles,
        Claim::OpenToRoles => b.profile.open_to_roles,
        Claim::TheyAreSelling => has(Signal::SalesLanguage),
        Claim::OutsideMyField => has(Signal::OutsideIndustry),
        Claim::InvitedBefore => has(Signal::InvitedBefore),
        Claim::ManyFromTheirCompany => has(Signal::CompanyVolume),
        Claim::LateAnswer => b.late,
        // The card names a shared connection, or their note says who
        // introduced them.
        Claim::MutualContact => has(Signal::NamedMutual) || note_says(Signal::NoteIntroduced),
    }
}

/// The language a reply to this invitation is written in: the user's
/// chosen reply language, else their note's, else the page's, else the
/// user's template language (`ETIQUETTE.md` §Languages).
pub fn reply_language(invitation: &Invitation, profile: &Profile) -> String {
    let chosen = profile.reply_language.trim();
    if !chosen.is_empty() {
        return chosen.to_ascii_lowercase();
    }
    let from_note = invitation.note.as_deref().and_then(lang::detect);
    let from_page = lang::by_code(&invitation.page_lang);
    match from_note.or(from_page) {
        Some(l) => l.code.to_string(),
        None => match profile.template_language.trim() {
            "" => "en".to_string(),
            l => l.to_ascii_lowercase(),
        },
    }
}

/// How well a template's language suits a text to be written in
/// `language`: 0 that language, 1 marked for any language, 2 the user's
/// template language, 3 English, 4 another.
pub fn language_tier(t: &TemplateRecord, language: &str, profile: &Profile) -> u8 {
    let user_lang = match profile.template_language.trim() {
        "" => "en",
        l => l,
    };
    if same_language(&t.language, language) {
        0
    } else if t.any_language {
        1
    } else if same_language(&t.language, user_lang) {
        2
    } else if same_language(&t.language, "en") {
        3
    } else {
        4
    }
}

/// Keeps the candidates in the best language present (by
/// [`language_tier`]); templates for any language stay beside those in
/// the text's own.
pub fn keep_best_language<T>(candidates: &mut Vec<T>, tier: impl Fn(&T) -> u8) {
    if let Some(best) = candidates.iter().map(&tier).min() {
        candidates.retain(|c| {
            let t = tier(c);
            t == best || (best == 0 && t == 1)
        });
    }
}

/// Whether a template's language (a code such as "fr" or "fr-CA") is `code`.
fn same_language(template: &str, code: &str) -> bool {
    let t = template.trim().split(['-', '_']).next().unwrap_or("");
    !t.is_empty() && t.eq_ignore_ascii_case(code)
}

/// Case-folds a user-typed keyword so it can be matched (tables are pre-folded).
fn lower(s: &str) -> String {
    s.chars().map(crate::lang::fold).collect()
}

fn find_word_ci(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && crate::lang::find_word_ci(hay, needle).is_some()
}

fn prefix_chars(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .and_then(|(i, _)| s.get(..i))
        .unwrap_or(s)
}

/// A link or a phone number in a note: "http…", "www.…", "bit.ly/…", or
/// eight or more digits with only separators between them.
fn link_or_phone(note: &str) -> Option<String> {
    for marker in ["http://", "https://", "www.", "bit.ly/", "wa.me/", "t.me/"] {
        if let Some((start, _)) = find_ci(note, marker) {
            let rest = note.get(start..).unwrap_or("");
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            return Some(prefix_chars(rest.get(..end).unwrap_or(rest), 60).to_string());
        }
    }
    let mut digits = 0;
    let mut start = None;
    for (i, c) in note.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
            start.get_or_insert(i);
            if digits >= 8 {
                let begin = start.unwrap_or(i);
                return Some(note.get(begin..=i).unwrap_or("").to_string());
            }
        } else if !(digits > 0 && matches!(c, ' ' | '-' | '.' | '(' | ')')
            || (digits == 0 && c == '+'))
        {
            digits = 0;
            start = None;
        }
    }
    None
}

/// When this person invited the user before: the day of that earlier
/// invitation. See [`is_new_invitation`] for how a repeat is told apart from
/// the same card seen again.
pub fn earlier_invitation(
    person: Option<&Person>,
    invitation: &Invitation,
    today: Day,
) -> Option<Day> {
    let person = person?;
    if is_new_invitation(person, invitation, today) {
        return person
            .invitations
            .last()
            .copied()
            .or(Some(person.first_seen))
            .filter(|d| *d > 0);
    }
    let n = person.invitations.len();
    if n > 1 {
        return n
            .checked_sub(2)
            .and_then(|i| person.invitations.get(i))
            .copied();
    }
    None
}

/// Whether the card is a new invitation from someone Kindly has seen before,
/// rather than the same pending invitation seen on another visit.
///
/// The card's age says when it was sent (today − age); the stored card says
/// when the earlier one was sent (the day it was first seen − its age then).
/// A new invitation was sent clearly later than the earlier one, "clearly"
/// meaning more than the rounding of LinkedIn's coarse ages ("2 weeks ago"
/// covers 14–20 days, "1 month ago" 30–59). Without an age Kindly cannot
/// tell, and says "not new": a false "invited you before" would push a
/// refusal on a real, waiting invitation.
pub fn is_new_invitation(person: &Person, invitation: &Invitation, today: Day) -> bool {
    let Some(age) = invitation.age_days else {
        return false;
    };
    if person.invitations.is_empty() && person.first_seen == 0 {
        return false;
    }
    let seen = person
        .invitations
        .last()
        .copied()
        .unwrap_or(person.first_seen);
    let age_then = person.age_when_seen.unwrap_or(0);
    let sent_now = i64::from(today) - i64::from(age);
    let sent_before = i64::from(seen) - i64::from(age_then);
    sent_now > sent_before + i64::from(age_slack(age).max(age_slack(age_then)))
}

/// How coarse LinkedIn's age text is at this age, in days.
fn age_slack(age: u32) -> u32 {
    match age {
        0..=6 => 1,
        7..=29 => 7,
        30..=364 => 30,
        _ => 365,
    }
}

/// Other people at the invitation's company who invited the user within the window.
fn same_company_recent(invitation: &Invitation, data: &Data, today: Day) -> u32 {
    let Some(company) = invitation
        .company
        .as_deref()
        .filter(|c| !lang::is_school(c))
        .map(company_key)
        .filter(|c| !c.is_empty())
    else {
        return 0;
    };
    let count = data
        .people
        .iter()
        .filter(|(key, p)| {
            key.as_str() != invitation.key
                && today.saturating_sub(p.last_seen) <= VOLUME_WINDOW_DAYS
                // A substring test first: the headline parse is for the few
                // that can match.
                && find_ci(&p.headline, &company).is_some()
                && person_company(p).is_some_and(|c| c == company)
        })
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// A company name as compared: trimmed and folded.
fn company_key(company: &str) -> String {
    company.trim().chars().map(fold).collect()
}

/// The company a remembered person works at, when their headline says so.
/// A school is not a company (`ETIQUETTE.md` §Facts).
fn person_company(person: &Person) -> Option<String> {
    Companies::company_for(person.kind, &person.headline)
}

/// Remembered people by the company in their headline. "Others from this
/// company invited you lately" is then one lookup per card: reading every
/// remembered headline on every card made a page of 500 cards quadratic.
/// Kept in step with [`Companies::note`] as cards are recorded.
#[derive(Clone, Debug, Default)]
pub struct Companies {
    /// Person key → company key.
    people: BTreeMap<String, String>,
    /// Company key → person key → last seen. Counting a company's recent
    /// people reads its own map: one lookup per person showed in profiles
    /// when a page holds many invitations from one company.
    members: BTreeMap<String, BTreeMap<String, Day>>,
}

impl Companies {
    /// The index of `data`'s people, by company.
    pub fn from_data(data: &Data) -> Companies {
        let mut index = Companies::default();
        for (key, person) in &data.people {
            index.note(key, person);
        }
        index
    }

    /// The company (as the index names it) of someone of `kind` whose
    /// headline is `headline`: where recording them files them.
    pub fn company_for(kind: Kind, headline: &str) -> Option<String> {
        if kind != Kind::Person {
            return None;
        }
        company_in_headline(headline, "")
            .filter(|c| !lang::is_school(c))
            .map(|c| company_key(&c))
            .filter(|c| !c.is_empty())
    }

    /// The company (as the index names it) an invitation's card names: the
    /// one [`recent_others`](Companies::recent_others) counts.
    pub fn company_of(invitation: &Invitation) -> Option<String> {
        invitation
            .company
            .as_deref()
            .map(company_key)
            .filter(|c| !c.is_empty())
    }

    /// One company's people and when each was last seen: what is stored as
    /// that company's own entry (`store::company_entry`), so that start-up
    /// reads the companies on the page, not everyone.
    pub fn members_of(&self, company: &str) -> Option<&BTreeMap<String, Day>> {
        self.members.get(company)
    }

    /// Every company in the index.
    pub fn companies(&self) -> impl Iterator<Item = &String> {
        self.members.keys()
    }

    /// Adds one company's people, as stored (see [`members_of`](Companies::members_of)).
    pub fn add_company(&mut self, company: String, members: BTreeMap<String, Day>) {
        for key in members.keys() {
            self.people.insert(key.clone(), company.clone());
        }
        self.members.insert(company, members);
    }

    /// Records what is now stored for `key`.
    pub fn note(&mut self, key: &str, person: &Person) {
        self.record(key, person);
    }

    /// [`note`](Companies::note), saying which companies' members changed
    /// (the one the person is filed under now, and the one they left).
    pub fn record(&mut self, key: &str, person: &Person) -> Vec<String> {
        let mut touched = Vec::new();
        let company = person_company(person);
        if let Some(old) = self.people.get(key) {
            if company.as_ref() != Some(old) {
                if let Some(keys) = self.members.get_mut(old) {
                    keys.remove(key);
                    touched.push(old.clone());
                }
            }
        }
        match company {
            Some(company) => {
                let members = self.members.entry(company.clone()).or_default();
                if members.insert(key.to_string(), person.last_seen) != Some(person.last_seen) {
                    touched.push(company.clone());
                }
                self.people.insert(key.to_string(), company);
            }
            None => {
                self.people.remove(key);
            }
        }
        touched
    }

    /// Others at the invitation's company seen within the volume window: the
    /// same count as [`Context::from_data`] makes.
    pub fn recent_others(&self, invitation: &Invitation, today: Day) -> u32 {
        // Schools never enter the index (`person_company`), so a school's
        // name finds no members here.
        let Some(company) = Companies::company_of(invitation) else {
            return 0;
        };
        let Some(members) = self.members.get(&company) else {
            return 0;
        };
        let count = members
            .iter()
            .filter(|(key, seen)| {
                key.as_str() != invitation.key && today.saturating_sub(**seen) <= VOLUME_WINDOW_DAYS
            })
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }
}

// ---------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------

/// The template actions that fit an advised action exactly. "Review" offers
/// the questions one may ask first.
fn template_actions(action: Action) -> &'static [Action] {
    match action {
        Action::Accept => &[Action::Accept],
        Action::Reply => &[Action::Reply],
        Action::Ask => &[Action::Ask],
        Action::Decline => &[Action::Decline],
        Action::Ignore => &[Action::Ignore],
        Action::Review => &[Action::Ask, Action::Reply],
    }
}

/// Messages sent while the invitation stays unaccepted: a template written
/// for one of these may serve another when it fits the situation (a friend's
/// "let's keep LinkedIn for work" note reads the same whether the user
/// declines or keeps the invitation pending).
const PENDING_MESSAGES: &[Action] = &[Action::Reply, Action::Decline, Action::Ask];

/// Relationships Kindly never infers: the user has to say so.
const KNOWN: &[Relationship] = &[
    Relationship::Friend,
    Relationship::FormerColleague,
    Relationship::KnowWell,
];

/// What the advice asks of a reply.
pub struct Wanted<'a> {
    /// What Kindly suggests.
    pub action: Action,
    /// The situation the reply should fit.
    pub situation: Situation,
    /// Fallback situations, best first.
    pub also: &'a [Situation],
    /// The reply's language ("fr").
    pub language: &'a str,
    /// An apology fits.
    pub late: bool,
    /// They wrote a note.
    pub note: bool,
}

/// Ranks templates for the advice, best first. A template is a candidate
/// when it is a message (invitation notes are for invitations one sends),
/// every claim it makes is backed ([`backed`]), and it fits one of the
/// situations (or names none) and the action. Points:
///
/// | what | points |
/// |---|---|
/// | names the main situation / a fallback (less the further back) / none | 100 / 40 − position / 10 |
/// | tagged with the action / no action (any message) / a sibling pending message, situation-fit only | 50 / 25 / −60 |
/// | names the chosen relationship (naming only others excludes it) | 20 |
/// | none chosen and only for people one knows, no claim of theirs backed | excluded |
/// | each claim it makes (all backed: the more specific reply) | 6 |
/// | tagged late, for a late answer | 10 |
/// | lists the main situation first (the more specific template) | 4 |
/// | personalised (`{first_name}`, `{if note}`) when they wrote a note | 5 |
/// | the user's own, not built in (wins only among equal fits) | 3 |
///
/// Templates tagged "late" are only for late answers to people the user
/// answers anyway. Language: templates in the reply's language (and those
/// the user marked for any language) when any fits; else the user's
/// template language, then English, then any. Silent ignoring gets only
/// templates tagged "ignore" (the library's "if you must answer" line for
/// scams).
pub fn rank_templates(
    templates: &[TemplateRecord],
    wanted: &Wanted<'_>,
    context: &Context<'_>,
    backing: &Backing<'_>,
) -> Vec<String> {
    let action = wanted.action;
    let situation = wanted.situation;
    let also = wanted.also;
    let exact = template_actions(action);
    let pending = action == Action::Review || PENDING_MESSAGES.contains(&action);
    let tier = |t: &TemplateRecord| language_tier(t, wanted.language, context.profile);
    let mut scored: Vec<(i32, usize, u8, &TemplateRecord)> = templates
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            if t.target != Target::Message {
                return None;
            }
            if !wanted.late && t.situations.contains(&Situation::Late) {
                return None;
            }
            if !t.claims.iter().all(|c| backed(*c, backing)) {
                return None;
            }
            let situation_points = if t.situations.contains(&situation) {
                100
            } else if let Some(pos) = also.iter().position(|s| t.situations.contains(s)) {
                40 - i32::try_from(pos).unwrap_or(30).min(30)
            } else if t.situations.is_empty() {
                10
            } else {
                return None;
            };
            let action_points = if t.actions.iter().any(|a| exact.contains(a)) {
                50
            } else if t.actions.is_empty() && action != Action::Ignore {
                25
            } else if pending
                && situation_points >= 40
                && t.actions.iter().any(|a| PENDING_MESSAGES.contains(a))
            {
                -60
            } else {
                return None;
            };
            let known_only =
                !t.relationships.is_empty() && t.relationships.iter().all(|r| KNOWN.contains(r));
            let relationship_points = match context.relationship {
                Some(r) if t.relationships.contains(&r) => 20,
                Some(_) if !t.relationships.is_empty() => return None,
                Some(_) => 0,
                None if known_only && t.claims.is_empty() => return None,
                None => 0,
            };
            let claim_points = 6 * i32::try_from(t.claims.len()).unwrap_or(0);
            let late_points = if wanted.late && t.situations.contains(&Situation::Late) {
                10
            } else {
                0
            };
            let first_points = if t.situations.first() == Some(&situation) {
                4
            } else {
                0
            };
            let personal = t.body.contains("{first_name") || t.body.contains("{if note");
            let personal_points = if wanted.note && personal { 5 } else { 0 };
            let own_points = if t.builtin { 0 } else { 3 };
            let total = situation_points
                + action_points
                + relationship_points
                + claim_points
                + late_points
                + first_points
                + personal_points
                + own_points;
            Some((total, i, tier(t), t))
        })
        .collect();
    keep_best_language(&mut scored, |(_, _, tier, _)| *tier);
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .map(|(_, _, _, t)| t.id.clone())
        .collect()
}

// ---------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------

/// The stable id of a signal (reasons' `id`, translation keys).
pub fn signal_id(signal: Signal) -> &'static str {
    match signal {
        Signal::ChoseKnowWell => "relationship_know_well",
        Signal::ChoseMetOnce => "relationship_met_once",
        Signal::ChoseFriend => "relationship_friend",
        Signal::ChoseFormerColleague => "relationship_former_colleague",
        Signal::ChoseStranger => "relationship_stranger",
        Signal::PolicyKnowWellOnly => "policy_know_well_only",
        Signal::PolicyOpenNetworker => "policy_open_networker",
        Signal::OpenToRoles => "open_to_roles",
        Signal::NoteMetInPerson => "note_met_in_person",
        Signal::NoteTalked => "note_talked",
        Signal::NoteWorkedTogether => "note_worked_together",
        Signal::NoteStudiedTogether => "note_studied_together",
        Signal::NoteIntroduced => "note_introduced",
        Signal::NoteSawYourWork => "note_saw_your_work",
        Signal::NoteAsksAdvice => "note_asks_advice",
        Signal::NoteJobOffer => "note_job_offer",
        Signal::PersonalNote => "personal_note",
        Signal::GenericNote => "generic_note",
        Signal::NoNote => "no_note",
        Signal::ManyMutual => "many_mutual",
        Signal::NamedMutual => "named_mutual",
        Signal::SomeMutual => "some_mutual",
        Signal::NoMutual => "no_mutual",
        Signal::SharedCompany => "shared_company",
        Signal::SharedSchool => "shared_school",
        Signal::SameIndustry => "same_industry",
        Signal::OutsideIndustry => "outside_industry",
        Signal::FieldUnknown => "field_unknown",
        Signal::NoHeadline => "no_headline",
        Signal::Student => "student",
        Signal::SalesLanguage => "sales_language",
        Signal::ScamMarkers => "scam_markers",
        Signal::LinkOrPhone => "link_or_phone",
        Signal::Recruiter => "recruiter",
        Signal::InvitedBefore => "invited_before",
        Signal::CompanyVolume => "company_volume",
        Signal::Waiting => "waiting_long",
        Signal::NoReply => "no_reply",
        Signal::FollowsYou => "follows_you",
        Signal::Verified => "verified",
        Signal::PageInvitation => "page_invitation",
        Signal::NewsletterInvitation => "newsletter_invitation",
        Signal::EventInvitation => "event_invitation",
        Signal::GroupInvitation => "group_invitation",
        Signal::SchoolInvitation => "school_invitation",
        Signal::UnknownInvitation => "unknown_invitation",
        Signal::InviterKnown => "inviter_known",
        Signal::Unreadable => "unreadable",
    }
}

/// Every reason id the panel may show, with whether it counts: the
/// translations must have each (in plural forms where it counts).
pub fn reason_ids() -> Vec<(&'static str, bool)> {
    let mut ids: Vec<(&'static str, bool)> = ALL_SIGNALS
        .iter()
        .map(|s| (signal_id(*s), counted(*s)))
        .collect();
    ids.push(("waiting_long_stranger", false));
    ids
}

/// Every signal, for [`reason_ids`].
pub const ALL_SIGNALS: [Signal; 48] = [
    Signal::ChoseKnowWell,
    Signal::ChoseMetOnce,
    Signal::ChoseFriend,
    Signal::ChoseFormerColleague,
    Signal::ChoseStranger,
    Signal::PolicyKnowWellOnly,
    Signal::PolicyOpenNetworker,
    Signal::OpenToRoles,
    Signal::NoteMetInPerson,
    Signal::NoteTalked,
    Signal::NoteWorkedTogether,
    Signal::NoteStudiedTogether,
    Signal::NoteIntroduced,
    Signal::NoteSawYourWork,
    Signal::NoteAsksAdvice,
    Signal::NoteJobOffer,
    Signal::PersonalNote,
    Signal::GenericNote,
    Signal::NoNote,
    Signal::ManyMutual,
    Signal::NamedMutual,
    Signal::SomeMutual,
    Signal::NoMutual,
    Signal::SharedCompany,
    Signal::SharedSchool,
    Signal::SameIndustry,
    Signal::OutsideIndustry,
    Signal::FieldUnknown,
    Signal::NoHeadline,
    Signal::Student,
    Signal::SalesLanguage,
    Signal::ScamMarkers,
    Signal::LinkOrPhone,
    Signal::Recruiter,
    Signal::InvitedBefore,
    Signal::CompanyVolume,
    Signal::Waiting,
    Signal::NoReply,
    Signal::FollowsYou,
    Signal::Verified,
    Signal::PageInvitation,
    Signal::NewsletterInvitation,
    Signal::EventInvitation,
    Signal::GroupInvitation,
    Signal::SchoolInvitation,
    Signal::UnknownInvitation,
    Signal::InviterKnown,
    Signal::Unreadable,
];

/// The plain-English reason (the panel shows the UI language's words,
/// `reason_<id>` in its messages; this is their fallback and the native
/// tests' text). `late`: an apology fits (for [`Signal::Waiting`]).
pub fn reason_text(signal: Signal, args: &[String], late: bool) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    let n = |i: usize| a(i).parse::<u64>().unwrap_or(0);
    let connections = |count: u64| match category("en", count) {
        Plural::One => format!("{count} connection"),
        _ => format!("{count} connections"),
    };
    match signal {
        Signal::ChoseKnowWell => "You said you know them well.".into(),
        Signal::ChoseMetOnce => "You said you have met them.".into(),
        Signal::ChoseFriend => {
            "You said they are a friend or family: LinkedIn is for work, so tell them kindly."
                .into()
        }
        Signal::ChoseFormerColleague => {
            "You said you worked together once: catching up first is a good start.".into()
        }
        Signal::ChoseStranger => "You said you don't know them.".into(),
        Signal::PolicyKnowWellOnly => "You connect only with people you know well.".into(),
        Signal::PolicyOpenNetworker => "You connect openly with most people.".into(),
        Signal::OpenToRoles => "You are open to new roles.".into(),
        Signal::NoteMetInPerson => format!("Their note says you met (“{}”).", a(0)),
        Signal::NoteTalked => format!("Their note mentions a conversation (“{}”).", a(0)),
        Signal::NoteWorkedTogether => format!("Their note says you worked together (“{}”).", a(0)),
        Signal::NoteStudiedTogether => {
            format!("Their note says you studied together (“{}”).", a(0))
        }
        Signal::NoteIntroduced => format!("Their note says someone introduced you (“{}”).", a(0)),
        Signal::NoteSawYourWork => {
            format!("Their note is about your work (“{}”), not a meeting.", a(0))
        }
        Signal::NoteAsksAdvice => format!("Their note asks for your advice (“{}”).", a(0)),
        Signal::NoteJobOffer => format!("Their note offers a role (“{}”).", a(0)),
        Signal::PersonalNote => "They wrote a personal note.".into(),
        Signal::GenericNote => "Their note is LinkedIn's standard text, not a personal one.".into(),
        Signal::NoNote => "They did not write a note.".into(),
        Signal::ManyMutual | Signal::SomeMutual => format!("You share {}.", connections(n(0))),
        Signal::NamedMutual => format!("You both know {}.", a(0)),
        Signal::NoMutual => "You share no connections: LinkedIn shows none.".into(),
        Signal::SharedCompany => format!("They mention {}, where you work or worked.", a(0)),
        Signal::SharedSchool => format!("They mention {}, where you studied.", a(0)),
        Signal::SameIndustry => format!("Their headline mentions {}, your field.", a(0)),
        Signal::OutsideIndustry => {
            format!("Their headline does not mention your field ({}).", a(0))
        }
        Signal::FieldUnknown => {
            "Your field is not set in Kindly, so it cannot tell whether they work in it.".into()
        }
        Signal::NoHeadline => "Their card shows no headline.".into(),
        Signal::Student => "Their headline says they are studying.".into(),
        Signal::SalesLanguage => format!("It reads like a sales pitch (“{}”).", a(0)),
        Signal::ScamMarkers => format!("Their note has a common scam sign (“{}”).", a(0)),
        Signal::LinkOrPhone => {
            "Their first note holds a link or a phone number, common in spam.".into()
        }
        Signal::Recruiter => "Their headline says they recruit.".into(),
        Signal::InvitedBefore => {
            "They invited you before; a clear, kind answer helps them move on.".into()
        }
        Signal::CompanyVolume => match category("en", n(1)) {
            Plural::One => format!("1 person from {} invited you recently.", a(0)),
            _ => format!("{} people from {} invited you recently.", n(1), a(0)),
        },
        Signal::Waiting if late => {
            "It has waited more than two weeks: a short apology for the slow answer fits.".into()
        }
        Signal::Waiting => {
            "It has waited more than two weeks; from someone you don't know, that changes nothing."
                .into()
        }
        Signal::NoReply => {
            "LinkedIn shows no Reply on this card, so no message can reach them unless you accept."
                .into()
        }
        Signal::FollowsYou => "They follow you.".into(),
        Signal::Verified => "Their profile is verified.".into(),
        Signal::PageInvitation => format!(
            "This is an invitation to follow a page{}.",
            name_suffix(a(0))
        ),
        Signal::NewsletterInvitation => format!(
            "This is an invitation to subscribe to a newsletter{}.",
            name_suffix(a(0))
        ),
        Signal::EventInvitation => {
            format!("This is an invitation to an event{}.", name_suffix(a(0)))
        }
        Signal::GroupInvitation => format!(
            "This is an invitation to join a group{}.",
            name_suffix(a(0))
        ),
        Signal::SchoolInvitation => format!(
            "This is an invitation to follow a school{}.",
            name_suffix(a(0))
        ),
        Signal::UnknownInvitation => "Kindly does not know this kind of invitation yet.".into(),
        Signal::InviterKnown => format!(
            "You know {}, who sent it.",
            if a(0).is_empty() { "the person" } else { a(0) }
        ),
        Signal::Unreadable => "Kindly could not read this card's details.".into(),
    }
}

fn name_suffix(name: &str) -> String {
    if name.is_empty() {
        String::new()
    } else {
        format!(" ({name})")
    }
}
