//! Judging an invitation: signals, then a decision a reader can audit.
//!
//! Design: everything Kindly notices is a [`Signal`] with a stable id and a
//! plain-English reason. What a signal is worth lives in one table, [`RULES`]
//! (points for each action), and which situation a reply should address lives
//! in another, [`SITUATION_RULES`]. The decision step between them is short:
//!
//! 1. a card that is not about a person gets [`KIND_RULES`] (no person replies);
//! 2. a card that could not be read gets `review`;
//! 3. a relationship the user chose decides through [`RELATIONSHIP_RULES`]
//!    (it overrides inference, ETIQUETTE.md), except "stranger", which only adds
//!    its points;
//! 4. otherwise the points are summed; the highest action wins, ties go to the
//!    gentler action ([`TIE_ORDER`]); when a welcoming action (accept/reply)
//!    and a refusing one (decline/ignore) are within one point, the signals
//!    disagree and the advice is `review`.

use crate::card::company_in_headline;
use crate::lang::{find_ci, fold, Folded, LANGS};
use crate::model::{
    Action, Data, Day, Invitation, Kind, Person, Policy, Profile, Relationship, Situation,
    TemplateRecord,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// One reason behind the advice, with a stable id for translations and the
/// values its text uses (a name, a count, a phrase).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub id: String,
    pub text: String,
    pub args: Vec<String>,
}

/// Everything Kindly may notice about an invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Signal {
    ChoseKnowWell,
    ChoseMetOnce,
    ChoseFriend,
    ChoseFormerColleague,
    ChoseStranger,
    PolicyKnowWellOnly,
    PolicyOpenNetworker,
    NoteMetInPerson,
    NoteSharedContext,
    PersonalNote,
    GenericNote,
    NoNote,
    ManyMutual,
    NamedMutual,
    SomeMutual,
    NoMutual,
    SharedCompany,
    SharedSchool,
    SameIndustry,
    OutsideIndustry,
    SalesLanguage,
    ScamMarkers,
    LinkOrPhone,
    Recruiter,
    InvitedBefore,
    CompanyVolume,
    Waiting,
    FollowsYou,
    Verified,
    PageInvitation,
    NewsletterInvitation,
    EventInvitation,
    GroupInvitation,
    SchoolInvitation,
    UnknownInvitation,
    InviterKnown,
    Unreadable,
}

/// Points a signal gives each action. Review is never scored: it is what
/// the decision step says when the points disagree.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub signal: Signal,
    pub accept: i16,
    pub reply: i16,
    pub ask: i16,
    pub decline: i16,
    pub ignore: i16,
}

const fn r(signal: Signal, accept: i16, reply: i16, ask: i16, decline: i16, ignore: i16) -> Rule {
    Rule {
        signal,
        accept,
        reply,
        ask,
        decline,
        ignore,
    }
}

/// The weights. Read a row as "this signal pushes towards …". Chosen
/// relationships only order the reasons (RELATIONSHIP_RULES decides for them).
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    //  signal                              accept reply  ask decline ignore
    r(Signal::ChoseKnowWell,                  30,   10,   0,   0,    0),
    r(Signal::ChoseMetOnce,                   30,   10,   0,   0,    0),
    r(Signal::ChoseFriend,                    10,   30,   0,   0,    0),
    r(Signal::ChoseFormerColleague,           10,   30,   0,   0,    0),
    r(Signal::ChoseStranger,                   0,    0,  -3,   3,    0),
    r(Signal::PolicyKnowWellOnly,             -5,    0,   0,   2,    0),
    r(Signal::PolicyOpenNetworker,             8,    0,   0,   0,    0),
    r(Signal::NoteMetInPerson,                 5,    4,  -3,   0,    0),
    r(Signal::NoteSharedContext,               5,    3,  -3,   0,    0),
    r(Signal::PersonalNote,                    1,    2,   1,   0,    0),
    r(Signal::GenericNote,                     0,    0,   2,   2,    0),
    r(Signal::NoNote,                          0,    0,   1,   1,    0),
    r(Signal::ManyMutual,                      3,    0,   2,   0,    0),
    r(Signal::NamedMutual,                     1,    0,   2,   0,    0),
    r(Signal::SomeMutual,                      0,    0,   1,   0,    0),
    r(Signal::NoMutual,                       -1,    0,   1,   2,    0),
    r(Signal::SharedCompany,                   4,    2,   1,   0,    0),
    r(Signal::SharedSchool,                    3,    1,   2,   0,    0),
    r(Signal::SameIndustry,                    6,    1,   0,   0,    0),
    r(Signal::OutsideIndustry,                -2,    0,   0,   3,    0),
    r(Signal::SalesLanguage,                  -5,   -2,  -2,   8,    2),
    r(Signal::ScamMarkers,                   -20,  -10, -10,   0,   40),
    r(Signal::LinkOrPhone,                    -2,    0,   0,   2,    4),
    r(Signal::Recruiter,                       1,    5,   0,   0,    0),
    r(Signal::InvitedBefore,                   0,    0,  -2,   9,    0),
    r(Signal::CompanyVolume,                   0,    0,   0,   6,    0),
    r(Signal::Waiting,                         0,    1,   0,   0,    0),
    r(Signal::FollowsYou,                      1,    0,   0,   0,    0),
    r(Signal::Verified,                        1,    0,   0,   0,   -1),
];

/// Gentler first: when points tie, talking beats refusing.
pub const TIE_ORDER: [Action; 5] = [
    Action::Reply,
    Action::Ask,
    Action::Accept,
    Action::Decline,
    Action::Ignore,
];

/// What a chosen relationship decides, per policy
/// (know-well-only, industry-focused, open networker).
#[rustfmt::skip]
pub const RELATIONSHIP_RULES: &[(Relationship, [Action; 3])] = &[
    (Relationship::KnowWell,        [Action::Accept, Action::Accept, Action::Accept]),
    (Relationship::MetOnce,         [Action::Accept, Action::Accept, Action::Accept]),
    // Keep LinkedIn professional; an open networker connects anyway.
    (Relationship::Friend,          [Action::Reply,  Action::Reply,  Action::Accept]),
    // Catch up first, then connect (seed 003).
    (Relationship::FormerColleague, [Action::Reply,  Action::Reply,  Action::Reply]),
];

/// Invitations that are not about connecting with a person:
/// (kind, action from a stranger, action when the user knows the inviter).
#[rustfmt::skip]
pub const KIND_RULES: &[(Kind, Signal, Action, Action)] = &[
    (Kind::Page,       Signal::PageInvitation,       Action::Ignore, Action::Review),
    (Kind::School,     Signal::SchoolInvitation,     Action::Ignore, Action::Review),
    (Kind::Newsletter, Signal::NewsletterInvitation, Action::Ignore, Action::Review),
    (Kind::Group,      Signal::GroupInvitation,      Action::Ignore, Action::Review),
    (Kind::Event,      Signal::EventInvitation,      Action::Review, Action::Review),
    (Kind::Unknown,    Signal::UnknownInvitation,    Action::Review, Action::Review),
];

/// Which situation a reply addresses: the first row whose signal (any of
/// them; none = always) fired and whose actions include the advice wins.
/// Later matching rows become fallbacks for ranking templates.
#[rustfmt::skip]
pub const SITUATION_RULES: &[(&[Signal], &[Action], Situation)] = &[
    (&[Signal::ScamMarkers],          &[Action::Ignore, Action::Decline, Action::Review], Situation::Scam),
    (&[Signal::ChoseFriend],          &[Action::Reply], Situation::Friend),
    (&[Signal::ChoseFormerColleague], &[Action::Reply, Action::Accept], Situation::FormerColleague),
    (&[Signal::ChoseMetOnce],         &[Action::Accept, Action::Reply], Situation::MetInPerson),
    (&[Signal::InvitedBefore],        &[Action::Decline, Action::Ignore], Situation::RepeatInviter),
    (&[Signal::SalesLanguage],        &[Action::Decline, Action::Ignore], Situation::SalesPitch),
    (&[Signal::CompanyVolume],        &[Action::Decline, Action::Ignore], Situation::CompanyVolume),
    (&[Signal::Recruiter],            &[Action::Reply, Action::Decline], Situation::Recruiter),
    (&[Signal::NoteMetInPerson],      &[Action::Accept], Situation::MetInPerson),
    (&[Signal::OutsideIndustry],      &[Action::Decline], Situation::OutsideIndustry),
    (&[Signal::PersonalNote, Signal::NoteSharedContext, Signal::NoteMetInPerson],
                                      &[Action::Decline], Situation::StrangerPersonal),
    (&[Signal::PersonalNote],         &[Action::Reply], Situation::StrangerPersonal),
    (&[],                             &[Action::Decline, Action::Ignore], Situation::StrangerGeneric),
    (&[],                             &[Action::Ask, Action::Review], Situation::CantPlace),
    (&[],                             &[Action::Accept], Situation::ThanksAfterAccept),
    (&[],                             &[Action::Reply], Situation::KeepPending),
];

/// Situations whose reply should open with an apology when the invitation
/// has waited long (the reply itself is still theirs: they become fallbacks).
const LATE_ELIGIBLE: &[Situation] = &[
    Situation::StrangerGeneric,
    Situation::StrangerPersonal,
    Situation::CantPlace,
    Situation::ThanksAfterAccept,
    Situation::MetInPerson,
    Situation::KeepPending,
    Situation::OutsideIndustry,
];

/// More than this many mutual connections count as "many".
pub const MANY_MUTUAL: u32 = 10;
/// Waiting longer than this many days calls for a prompt, apologetic reply.
pub const LATE_AFTER_DAYS: u32 = 14;
/// Invitations from this many other people at one company, seen within
/// [`VOLUME_WINDOW_DAYS`], make "many invitations from one company".
pub const VOLUME_OTHERS: u32 = 2;
pub const VOLUME_WINDOW_DAYS: u32 = 30;
/// Notes are short (300 characters at most); signals read this much of one,
/// so a pathological note cannot slow the panel down.
const NOTE_SCAN_CHARS: usize = 4000;

/// A signal that fired, with the values its reason mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fired {
    pub signal: Signal,
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

/// The judgement, ready for the panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Advice {
    pub action: Action,
    /// Most weight for the chosen action first.
    pub reasons: Vec<Reason>,
    pub situation: Situation,
    /// Fallback situations for ranking templates, best first.
    pub also: Vec<Situation>,
    /// Ranked template ids (best first); empty when nothing should be sent.
    pub templates: Vec<String>,
    /// Suggest LinkedIn's "I don't know this person": only for clear scams/spam.
    pub dont_know_hint: bool,
    /// The day of the earlier invitation, when this person invited before.
    pub invited_before: Option<Day>,
}

/// The action alone, as [`advise`] decides it: what marking a card needs.
/// Reasons and ranked templates are for the panel, drawn when the card comes
/// into view; building them for every card on a long page was wasted.
pub fn decide(invitation: &Invitation, context: &Context<'_>) -> Action {
    let invited_before = earlier_invitation(context.person, invitation, context.today);
    action_for(
        invitation,
        context,
        &signals(invitation, context, invited_before),
    )
}

/// Steps 1–4 of the decision, from the signals that fired.
fn action_for(invitation: &Invitation, context: &Context<'_>, fired: &[Fired]) -> Action {
    let policy_column = match context.profile.policy {
        Policy::KnowWellOnly => 0,
        Policy::IndustryFocused => 1,
        Policy::OpenNetworker => 2,
    };
    if invitation.kind != Kind::Person {
        let known = context
            .relationship
            .is_some_and(|r| r != Relationship::Stranger);
        KIND_RULES
            .iter()
            .find(|(k, ..)| *k == invitation.kind)
            .map_or(
                Action::Review,
                |(_, _, stranger, friend)| if known { *friend } else { *stranger },
            )
    } else if !invitation.readable {
        Action::Review
    } else if let Some(decided) = context
        .relationship
        .and_then(|rel| RELATIONSHIP_RULES.iter().find(|(r, _)| *r == rel))
        .and_then(|(_, by_policy)| by_policy.get(policy_column).copied())
    {
        decided
    } else {
        score(fired)
    }
}

/// Judges an invitation and ranks `templates` for it.
pub fn advise(
    invitation: &Invitation,
    context: &Context<'_>,
    templates: &[TemplateRecord],
) -> Advice {
    let invited_before = earlier_invitation(context.person, invitation, context.today);
    let fired = signals(invitation, context, invited_before);
    let has = |s: Signal| fired.iter().any(|f| f.signal == s);
    let action = action_for(invitation, context, &fired);

    let mut situations: Vec<Situation> = Vec::new();
    for (needs, actions, situation) in SITUATION_RULES {
        let signal_ok = needs.is_empty() || needs.iter().any(|s| has(*s));
        if signal_ok && actions.contains(&action) && !situations.contains(situation) {
            situations.push(*situation);
        }
    }
    if invitation.kind != Kind::Person {
        // Templates are for people; the situation only labels the card.
        situations = vec![if action == Action::Ignore {
            Situation::StrangerGeneric
        } else {
            Situation::CantPlace
        }];
    }
    let base = situations.first().copied().unwrap_or(Situation::CantPlace);
    if has(Signal::Waiting) && action != Action::Ignore && LATE_ELIGIBLE.contains(&base) {
        situations.insert(0, Situation::Late);
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

    let ranked = if invitation.kind == Kind::Person {
        let inferred = if has(Signal::NoteMetInPerson) {
            Relationship::MetOnce
        } else {
            Relationship::Stranger
        };
        rank_templates(
            templates, action, situation, &also, context, invitation, inferred,
        )
    } else {
        Vec::new()
    };

    Advice {
        action,
        reasons: reasons(&fired, action),
        situation,
        also,
        templates: ranked,
        dont_know_hint,
        invited_before,
    }
}

/// Step 4 of the decision: sum the points, break ties gently, and say
/// `review` when welcoming and refusing are neck and neck.
fn score(fired: &[Fired]) -> Action {
    let total = |a: Action| -> i32 { fired.iter().map(|f| i32::from(weight(f.signal, a))).sum() };
    let mut ranked: Vec<(Action, i32)> = TIE_ORDER.iter().map(|a| (*a, total(*a))).collect();
    // Stable: equal scores keep TIE_ORDER.
    ranked.sort_by_key(|x| std::cmp::Reverse(x.1));
    let welcoming = |a: Action| matches!(a, Action::Accept | Action::Reply);
    let refusing = |a: Action| matches!(a, Action::Decline | Action::Ignore);
    match (ranked.first(), ranked.get(1)) {
        (Some(&(best, b)), Some(&(second, s)))
            if b - s <= 1
                && ((welcoming(best) && refusing(second))
                    || (refusing(best) && welcoming(second))) =>
        {
            Action::Review
        }
        (Some(&(best, _)), _) => best,
        _ => Action::Review,
    }
}

/// A signal's points for an action (0 when the table has no row).
pub fn weight(signal: Signal, action: Action) -> i16 {
    RULES
        .iter()
        .find(|r| r.signal == signal)
        .map_or(0, |r| match action {
            Action::Accept => r.accept,
            Action::Reply => r.reply,
            Action::Ask => r.ask,
            Action::Decline => r.decline,
            Action::Ignore => r.ignore,
            Action::Review => 0,
        })
}

fn reasons(fired: &[Fired], action: Action) -> Vec<Reason> {
    let mut ordered: Vec<&Fired> = fired.iter().collect();
    // Stable sort: equal weights keep the order signals were found in.
    ordered.sort_by_key(|f| std::cmp::Reverse(weight(f.signal, action)));
    ordered
        .into_iter()
        .map(|f| Reason {
            id: signal_id(f.signal).to_string(),
            text: reason_text(f.signal, &f.args),
            args: f.args.clone(),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------

/// Every signal that fires for this invitation, in reading order.
pub fn signals(
    invitation: &Invitation,
    context: &Context<'_>,
    invited_before: Option<Day>,
) -> Vec<Fired> {
    let mut out: Vec<Fired> = Vec::new();
    let mut fire = |signal: Signal, args: Vec<String>| out.push(Fired { signal, args });

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
    match context.profile.policy {
        Policy::KnowWellOnly => fire(Signal::PolicyKnowWellOnly, Vec::new()),
        Policy::OpenNetworker => fire(Signal::PolicyOpenNetworker, Vec::new()),
        Policy::IndustryFocused => {}
    }

    // The note.
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
    let scam = note_folded
        .as_ref()
        .and_then(|n| LANGS.iter().find_map(|l| n.first_word_match(l.scam)));
    let sales = note_folded
        .as_ref()
        .and_then(|n| LANGS.iter().find_map(|l| n.first_word_match(l.sales)))
        .or_else(|| {
            LANGS
                .iter()
                .find_map(|l| headline_folded.first_word_match(l.sales))
        });
    match (note, &note_folded) {
        (Some(n), Some(folded)) => {
            let met = LANGS
                .iter()
                .find_map(|l| folded.first_word_match(l.met_in_person));
            let shared = LANGS
                .iter()
                .find_map(|l| folded.first_word_match(l.shared_context));
            let generic = LANGS
                .iter()
                .find_map(|l| l.generic_notes.iter().find(|g| folded.contains(g)));
            if let Some(p) = met {
                fire(Signal::NoteMetInPerson, vec![p.to_string()]);
            } else if let Some(p) = shared {
                fire(Signal::NoteSharedContext, vec![p.to_string()]);
            } else if generic.is_some() && n.chars().nth(160).is_none() {
                fire(Signal::GenericNote, Vec::new());
            } else if scam.is_none() && sales.is_none() {
                fire(Signal::PersonalNote, Vec::new());
            }
            if let Some(p) = link_or_phone(n) {
                fire(Signal::LinkOrPhone, vec![p]);
            }
        }
        _ => fire(Signal::NoNote, Vec::new()),
    }
    if let Some(p) = scam {
        fire(Signal::ScamMarkers, vec![p.to_string()]);
    }
    if let Some(p) = sales {
        fire(Signal::SalesLanguage, vec![p.to_string()]);
    }

    // Mutual connections.
    match (invitation.mutual_count, invitation.mutual_name.as_deref()) {
        (Some(n), _) if n >= MANY_MUTUAL => fire(Signal::ManyMutual, vec![n.to_string()]),
        (_, Some(name)) => fire(Signal::NamedMutual, vec![name.to_string()]),
        (Some(0), None) => fire(Signal::NoMutual, Vec::new()),
        (Some(n), None) => fire(Signal::SomeMutual, vec![n.to_string()]),
        (None, None) => {}
    }

    // Where they work, what they do.
    let company = invitation.company.as_deref().unwrap_or("");
    let profile = context.profile;
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
    if let Some(i) = industries
        .iter()
        .find(|i| headline_folded.contains_word(&lower(i)))
    {
        fire(Signal::SameIndustry, vec![i.to_string()]);
    } else if profile.policy == Policy::IndustryFocused
        && !industries.is_empty()
        && !headline.is_empty()
    {
        fire(Signal::OutsideIndustry, vec![industries.join(", ")]);
    }
    if let Some(p) = LANGS
        .iter()
        .find_map(|l| headline_folded.first_word_match(l.recruiter))
    {
        fire(Signal::Recruiter, vec![p.to_string()]);
    }

    // History and time.
    if let Some(day) = invited_before {
        fire(Signal::InvitedBefore, vec![day.to_string()]);
    }
    if context.same_company_recent >= VOLUME_OTHERS {
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

/// Ranks templates for the advice, best first. A template is a candidate
/// when it fits one of the situations (or names none) and the action. Points:
///
/// | what | points |
/// |---|---|
/// | names the main situation / a fallback (less the further back) / none | 100 / 40 − position / 10 |
/// | tagged with the action / no action (any message) / a sibling pending message, situation-fit only | 50 / 25 / −60 |
/// | names the chosen relationship (naming only others excludes it) | 20 |
/// | none chosen: names the inferred one (stranger, or met once when their note says so) / others | 10 / −10 |
/// | none chosen and only for people one knows (friend, former colleague, know well) | excluded |
/// | lists the main situation first (the more specific template) | 4 |
/// | in the user's template language ("en" when unset) / another language | 8 / −45 |
/// | personalised (`{first_name}`, `{if note}`) when they wrote a note | 5 |
/// | the user's own, not built in (wins only among equal fits) | 3 |
///
/// Templates tagged "late" are only for cards that waited long.
/// Templates in another language than the user's are dropped when any in
/// their language fits. Silent ignoring gets only templates tagged "ignore" (the library's
/// "if you must answer" line for scams).
pub fn rank_templates(
    templates: &[TemplateRecord],
    action: Action,
    situation: Situation,
    also: &[Situation],
    context: &Context<'_>,
    invitation: &Invitation,
    inferred: Relationship,
) -> Vec<String> {
    let exact = template_actions(action);
    let pending = action == Action::Review || PENDING_MESSAGES.contains(&action);
    let user_lang = match context.profile.template_language.trim() {
        "" => "en",
        l => l,
    };
    let mut scored: Vec<(i32, usize, &TemplateRecord)> = templates
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            // An apology for the delay only on a card that waited.
            let late = situation == Situation::Late || also.contains(&Situation::Late);
            if !late && t.situations.contains(&Situation::Late) {
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
                None if known_only => return None,
                None if t.relationships.is_empty() => 0,
                None if t.relationships.contains(&inferred) => 10,
                None => -10,
            };
            let first_points = if t.situations.first() == Some(&situation) {
                4
            } else {
                0
            };
            let language_points = if t.language.trim().eq_ignore_ascii_case(user_lang) {
                8
            } else {
                -45
            };
            let personal = t.body.contains("{first_name") || t.body.contains("{if note");
            let personal_points = if invitation.note.is_some() && personal {
                5
            } else {
                0
            };
            let own_points = if t.builtin { 0 } else { 3 };
            let total = situation_points
                + action_points
                + relationship_points
                + first_points
                + language_points
                + personal_points
                + own_points;
            Some((total, i, t))
        })
        .collect();
    // Another language only when nothing in the user's own fits.
    if scored
        .iter()
        .any(|(_, _, t)| t.language.trim().eq_ignore_ascii_case(user_lang))
    {
        scored.retain(|(_, _, t)| t.language.trim().eq_ignore_ascii_case(user_lang));
    }
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, _, t)| t.id.clone()).collect()
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
        Signal::NoteMetInPerson => "note_met_in_person",
        Signal::NoteSharedContext => "note_shared_context",
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
        Signal::SalesLanguage => "sales_language",
        Signal::ScamMarkers => "scam_markers",
        Signal::LinkOrPhone => "link_or_phone",
        Signal::Recruiter => "recruiter",
        Signal::InvitedBefore => "invited_before",
        Signal::CompanyVolume => "company_volume",
        Signal::Waiting => "waiting_long",
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

/// The plain-English reason shown in the panel.
pub fn reason_text(signal: Signal, args: &[String]) -> String {
    let a = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match signal {
        Signal::ChoseKnowWell => "You said you know them well.".into(),
        Signal::ChoseMetOnce => "You said you have met them.".into(),
        Signal::ChoseFriend => "You said they are a friend or family: LinkedIn is for work, so a friendly word may fit better.".into(),
        Signal::ChoseFormerColleague => "You said you worked together once: catching up first is a good start.".into(),
        Signal::ChoseStranger => "You said you don't know them.".into(),
        Signal::PolicyKnowWellOnly => "You connect only with people you know well.".into(),
        Signal::PolicyOpenNetworker => "You connect openly with most people.".into(),
        Signal::NoteMetInPerson => format!("Their note says where you met (“{}”).", a(0)),
        Signal::NoteSharedContext => format!("Their note says how you know each other (“{}”).", a(0)),
        Signal::PersonalNote => "They wrote a personal note.".into(),
        Signal::GenericNote => "Their note is LinkedIn's standard text, not a personal one.".into(),
        Signal::NoNote => "They did not write a note.".into(),
        Signal::ManyMutual => format!("You have {} mutual connections.", a(0)),
        Signal::NamedMutual => format!("You both know {}.", a(0)),
        Signal::SomeMutual => format!("You have {} mutual connection(s).", a(0)),
        Signal::NoMutual => "You have no mutual connections.".into(),
        Signal::SharedCompany => format!("They mention {}, where you work or worked.", a(0)),
        Signal::SharedSchool => format!("They mention {}, where you studied.", a(0)),
        Signal::SameIndustry => format!("Their headline mentions {}, your field.", a(0)),
        Signal::OutsideIndustry => format!("Their headline does not mention your field ({}).", a(0)),
        Signal::SalesLanguage => format!("It reads like a sales pitch (“{}”).", a(0)),
        Signal::ScamMarkers => format!("Their note has a common scam sign (“{}”).", a(0)),
        Signal::LinkOrPhone => "Their first note holds a link or a phone number, common in spam.".into(),
        Signal::Recruiter => "Their headline says they recruit.".into(),
        Signal::InvitedBefore => "They invited you before; a clear, kind answer helps them move on.".into(),
        Signal::CompanyVolume => format!("{} people from {} invited you recently.", a(1), a(0)),
        Signal::Waiting => format!("The invitation has waited {} days: answer soon, with a short apology.", a(0)),
        Signal::FollowsYou => "They follow you.".into(),
        Signal::Verified => "Their profile is verified.".into(),
        Signal::PageInvitation => format!("This is an invitation to follow a page{}.", name_suffix(a(0))),
        Signal::NewsletterInvitation => format!("This is an invitation to subscribe to a newsletter{}.", name_suffix(a(0))),
        Signal::EventInvitation => format!("This is an invitation to an event{}.", name_suffix(a(0))),
        Signal::GroupInvitation => format!("This is an invitation to join a group{}.", name_suffix(a(0))),
        Signal::SchoolInvitation => format!("This is an invitation to follow a school{}.", name_suffix(a(0))),
        Signal::UnknownInvitation => "Kindly does not know this kind of invitation yet.".into(),
        Signal::InviterKnown => format!("You know {}, who sent it.", if a(0).is_empty() { "the person" } else { a(0) }),
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
