//! The engine's shared vocabulary: what an invitation is, who the user is,
//! what they remember about people, and what Kindly may suggest.
//!
//! Every type here is stored or crosses into `kindly-web`, so every field has
//! a serde default: data written by an older Kindly still reads.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Days since 1970-01-01 (UTC). Kindly needs dates, never times of day.
pub type Day = u32;

/// What the invitation asks of the user.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A person's invitation to connect.
    Person,
    /// An invitation to follow a page.
    Page,
    /// An invitation to follow a school.
    School,
    /// An invitation to subscribe to a newsletter.
    Newsletter,
    /// An invitation to an event.
    Event,
    /// An invitation to join a group.
    Group,
    #[default]
    /// A kind Kindly does not know.
    Unknown,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 7] = [
        Kind::Person,
        Kind::Page,
        Kind::School,
        Kind::Newsletter,
        Kind::Event,
        Kind::Group,
        Kind::Unknown,
    ];

    /// The stable name used in `data-kindly-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Page => "page",
            Kind::School => "school",
            Kind::Newsletter => "newsletter",
            Kind::Event => "event",
            Kind::Group => "group",
            Kind::Unknown => "unknown",
        }
    }
}

/// One of the six things Kindly may suggest. Kindly never does any of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Accept.
    Accept,
    /// Reply first (on the card, under their note).
    Reply,
    /// Ask how you know each other.
    Ask,
    /// Decline kindly.
    Decline,
    /// Ignore quietly.
    Ignore,
    /// Take a closer look (their profile) before deciding.
    Review,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 6] = [
        Action::Accept,
        Action::Reply,
        Action::Ask,
        Action::Decline,
        Action::Ignore,
        Action::Review,
    ];

    /// The stable name used in `data-kindly-action`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Accept => "accept",
            Action::Reply => "reply",
            Action::Ask => "ask",
            Action::Decline => "decline",
            Action::Ignore => "ignore",
            Action::Review => "review",
        }
    }

    /// The action stored as `s` ("accept"), if any.
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How the user knows the inviter, when they have said so. Overrides inference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// They are a stranger.
    Stranger,
    /// Met once.
    MetOnce,
    /// A friend or family.
    Friend,
    /// Worked together once.
    FormerColleague,
    /// Known well.
    KnowWell,
}

impl Relationship {
    /// Every relationship.
    pub const ALL: [Relationship; 5] = [
        Relationship::Stranger,
        Relationship::MetOnce,
        Relationship::Friend,
        Relationship::FormerColleague,
        Relationship::KnowWell,
    ];

    /// The stable stored name ("met_once").
    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Stranger => "stranger",
            Relationship::MetOnce => "met_once",
            Relationship::Friend => "friend",
            Relationship::FormerColleague => "former_colleague",
            Relationship::KnowWell => "know_well",
        }
    }

    /// The relationship stored as `s`, if any.
    pub fn parse(s: &str) -> Option<Relationship> {
        Relationship::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

/// What a reply addresses (`ETIQUETTE.md` §Decisions); templates are tagged
/// with the ones they fit. Stored by name: new ones go at the end of
/// [`Situation::ALL`] and of `store`'s list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Situation {
    /// A stranger, without a personal note.
    StrangerGeneric,
    /// A stranger who wrote a personal note.
    StrangerPersonal,
    /// The user cannot place them.
    CantPlace,
    /// A friend or family (LinkedIn is for work).
    Friend,
    /// A former colleague.
    FormerColleague,
    /// Someone outside the user's field.
    OutsideIndustry,
    /// A recruiter.
    Recruiter,
    /// A sales pitch.
    SalesPitch,
    /// One of many invitations from one company.
    CompanyVolume,
    /// Not yet: the invitation stays pending.
    KeepPending,
    /// They met in person.
    MetInPerson,
    /// Thanks, once accepted.
    ThanksAfterAccept,
    /// They invited the user before.
    RepeatInviter,
    /// A scam or spam.
    Scam,
    /// An answer after a long wait.
    Late,
    /// A recruiter, and the user is open to new roles.
    RecruiterInterested,
    /// They saw the user's talk or read their post.
    SawYourWork,
    /// A personal request: a student or someone asking for advice.
    AdviceRequest,
    /// They studied with the user.
    Classmate,
    /// The user invites someone: the note sent with the invitation
    /// (`ETIQUETTE.md` §Sending).
    Invite,
    /// Someone accepted the user's invitation: the first message after.
    FollowUp,
}

impl Situation {
    /// Every situation; a new one goes at the end.
    pub const ALL: [Situation; 21] = [
        Situation::StrangerGeneric,
        Situation::StrangerPersonal,
        Situation::CantPlace,
        Situation::Friend,
        Situation::FormerColleague,
        Situation::OutsideIndustry,
        Situation::Recruiter,
        Situation::SalesPitch,
        Situation::CompanyVolume,
        Situation::KeepPending,
        Situation::MetInPerson,
        Situation::ThanksAfterAccept,
        Situation::RepeatInviter,
        Situation::Scam,
        Situation::Late,
        Situation::RecruiterInterested,
        Situation::SawYourWork,
        Situation::AdviceRequest,
        Situation::Classmate,
        Situation::Invite,
        Situation::FollowUp,
    ];

    /// The stable stored name ("stranger_generic").
    pub fn as_str(self) -> &'static str {
        match self {
            Situation::StrangerGeneric => "stranger_generic",
            Situation::StrangerPersonal => "stranger_personal",
            Situation::CantPlace => "cant_place",
            Situation::Friend => "friend",
            Situation::FormerColleague => "former_colleague",
            Situation::OutsideIndustry => "outside_industry",
            Situation::Recruiter => "recruiter",
            Situation::SalesPitch => "sales_pitch",
            Situation::CompanyVolume => "company_volume",
            Situation::KeepPending => "keep_pending",
            Situation::MetInPerson => "met_in_person",
            Situation::ThanksAfterAccept => "thanks_after_accept",
            Situation::RepeatInviter => "repeat_inviter",
            Situation::Scam => "scam",
            Situation::Late => "late",
            Situation::RecruiterInterested => "recruiter_interested",
            Situation::SawYourWork => "saw_your_work",
            Situation::AdviceRequest => "advice_request",
            Situation::Classmate => "classmate",
            Situation::Invite => "invite",
            Situation::FollowUp => "follow_up",
        }
    }
}

/// Something a reply's words assert about the user and the inviter
/// (`ETIQUETTE.md` §Claims). Every template declares its claims; a reply is
/// offered only when the card or the user backs each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Claim {
    /// "It was good to meet you."
    MetInPerson,
    /// "I enjoyed our conversation."
    Talked,
    /// "Since we worked together…"
    WorkedTogether,
    /// "Since we studied together…"
    StudiedTogether,
    /// "Lovely to hear from you, see you soon": friends or family.
    Friends,
    /// "Thank you for your note."
    ReadTheirNote,
    /// "I'm glad my talk (post) was useful."
    TheySawMyWork,
    /// "Happy to answer your question."
    TheyAskedAdvice,
    /// "I'm not looking for a new role."
    NotLooking,
    /// "I'm open to new roles."
    OpenToRoles,
    /// "I'm not looking for new services": they are selling.
    TheyAreSelling,
    /// "I keep LinkedIn for my own field": they are outside it.
    OutsideMyField,
    /// "I did see your earlier invitation."
    InvitedBefore,
    /// "Many people from your company have invited me."
    ManyFromTheirCompany,
    /// "Sorry for the slow reply."
    LateAnswer,
    /// "Through our mutual contact Sam": someone both know, by name.
    MutualContact,
}

impl Claim {
    /// Every claim.
    pub const ALL: [Claim; 16] = [
        Claim::MetInPerson,
        Claim::Talked,
        Claim::WorkedTogether,
        Claim::StudiedTogether,
        Claim::Friends,
        Claim::ReadTheirNote,
        Claim::TheySawMyWork,
        Claim::TheyAskedAdvice,
        Claim::NotLooking,
        Claim::OpenToRoles,
        Claim::TheyAreSelling,
        Claim::OutsideMyField,
        Claim::InvitedBefore,
        Claim::ManyFromTheirCompany,
        Claim::LateAnswer,
        Claim::MutualContact,
    ];

    /// The stable stored name ("met_in_person").
    pub fn as_str(self) -> &'static str {
        match self {
            Claim::MetInPerson => "met_in_person",
            Claim::Talked => "talked",
            Claim::WorkedTogether => "worked_together",
            Claim::StudiedTogether => "studied_together",
            Claim::Friends => "friends",
            Claim::ReadTheirNote => "read_their_note",
            Claim::TheySawMyWork => "they_saw_my_work",
            Claim::TheyAskedAdvice => "they_asked_advice",
            Claim::NotLooking => "not_looking",
            Claim::OpenToRoles => "open_to_roles",
            Claim::TheyAreSelling => "they_are_selling",
            Claim::OutsideMyField => "outside_my_field",
            Claim::InvitedBefore => "invited_before",
            Claim::ManyFromTheirCompany => "many_from_their_company",
            Claim::LateAnswer => "late_answer",
            Claim::MutualContact => "mutual_contact",
        }
    }

    /// The claim stored as `s`, if any.
    pub fn parse(s: &str) -> Option<Claim> {
        Claim::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// Where a reply will be pasted; decides the character limit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// An invitation note (200 free / 300 premium characters).
    Note,
    /// A LinkedIn message (long; the limit is a setting).
    #[default]
    Message,
}

/// The user's own connection policy (`ETIQUETTE.md` sources NOTYET, KNOWN).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// Only people the user knows well.
    KnowWellOnly,
    #[default]
    /// People in the user's field (the default).
    IndustryFocused,
    /// Most people.
    OpenNetworker,
}

/// Free accounts get 200 characters per invitation note, Premium 300.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    #[default]
    /// A free account (200 characters per note).
    Free,
    /// A Premium account (300 characters per note).
    Premium,
}

/// The weekly-review buckets (`ETIQUETTE.md` §Organising).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// Accept later.
    AcceptLater,
    /// Ignore.
    Ignore,
    /// Look at again.
    ReviewFurther,
}

/// Who the user is, for judging fit and filling `{my_name}` / `{my_email}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// The user's name, for `{my_name}`.
    pub name: String,
    /// The user's email, for `{my_email}`.
    pub email: String,
    /// The user's fields ("data engineering").
    pub industries: Vec<String>,
    /// Companies the user works or worked at.
    pub companies: Vec<String>,
    /// Schools the user studied at.
    pub schools: Vec<String>,
    /// Whom the user connects with.
    pub policy: Policy,
    /// Free or Premium (the note's limit).
    pub account: AccountType,
    /// Language of new templates ("en", "fr", …), and of replies when
    /// the invitation's language has no template.
    pub template_language: String,
    /// The user is open to new roles: recruiters get a warm reply.
    pub open_to_roles: bool,
    /// Write replies in this language whatever the invitation's ("" =
    /// follow the invitation: its note's language, else the page's).
    pub reply_language: String,
    /// The first run (name, field, policy) was completed or skipped.
    pub first_run_done: bool,
}

/// User preferences that are not about who they are.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Panels start collapsed.
    pub collapsed_by_default: bool,
    /// The popup reminds the user of the weekly review.
    pub weekly_reminder: bool,
    /// History older than this many days is pruned.
    pub history_days: u32,
    /// Character limit for LinkedIn messages (reports vary; a setting).
    pub message_limit: u32,
    /// After this many days a pending invitation the user sent gets a
    /// suggestion: withdraw it kindly, or reach them another way.
    pub withdraw_after_days: u32,
    /// Where Kindly shows its panels: in LinkedIn's page, or beside it in
    /// the browser's side panel (nothing added to the page).
    pub show_kindly: ShowKindly,
}

/// Where Kindly shows what it says about the invitations on a page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShowKindly {
    /// A panel beside each card, in LinkedIn's page (the default).
    #[default]
    InPage,
    /// A list in the browser's side panel; the page is only read.
    BesidePage,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            collapsed_by_default: false,
            weekly_reminder: true,
            history_days: 180,
            message_limit: 8000,
            withdraw_after_days: 21,
            show_kindly: ShowKindly::InPage,
        }
    }
}

/// What Kindly remembers about one inviter, locally. Keyed by card key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    /// Their name as last seen.
    pub name: String,
    /// A person, or what their invitation is for.
    pub kind: Kind,
    /// How the user said they know them.
    pub relationship: Option<Relationship>,
    /// The user's private note.
    pub note: String,
    /// The user's weekly-review bucket.
    pub bucket: Option<Bucket>,
    /// The day Kindly first saw their invitation.
    pub first_seen: Day,
    /// The day Kindly last saw it.
    pub last_seen: Day,
    /// Distinct invitations seen from this person (day each was first seen).
    /// More than one means "invited you before".
    pub invitations: Vec<Day>,
    /// The action Kindly last suggested, for the review.
    pub last_action: Option<Action>,
    /// Headline as last seen, for the review.
    pub headline: String,
    /// Card age in days when first seen, to order the review oldest first.
    pub age_when_seen: Option<u32>,
    /// What the user answered with LinkedIn's own Accept or Ignore, and
    /// when (recorded from their click; Kindly never clicks).
    pub outcome: Option<Outcome>,
}

/// How the user answered an invitation on LinkedIn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Accepted with LinkedIn's Accept.
    Accepted,
    /// Ignored with LinkedIn's Ignore.
    Ignored,
}

impl Answer {
    /// The stable stored name ("accepted").
    pub fn as_str(self) -> &'static str {
        match self {
            Answer::Accepted => "accepted",
            Answer::Ignored => "ignored",
        }
    }
}

/// An answer and its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// What the user answered.
    pub answer: Answer,
    /// The day they answered.
    pub day: Day,
}

/// Where an invitation the user sent stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SentStatus {
    /// Waiting for their answer (listed on LinkedIn's Sent tab).
    #[default]
    Pending,
    /// They accepted: a follow-up message is due.
    Accepted,
    /// The user withdrew it (with LinkedIn's own Withdraw; Kindly never
    /// does).
    Withdrawn,
    /// No longer pending (gone from a complete Sent list), for a reason
    /// Kindly cannot tell: accepted, declined, lapsed or withdrawn
    /// elsewhere.
    Unknown,
}

impl SentStatus {
    /// Every status.
    pub const ALL: [SentStatus; 4] = [
        SentStatus::Pending,
        SentStatus::Accepted,
        SentStatus::Withdrawn,
        SentStatus::Unknown,
    ];

    /// The stable stored name ("pending").
    pub fn as_str(self) -> &'static str {
        match self {
            SentStatus::Pending => "pending",
            SentStatus::Accepted => "accepted",
            SentStatus::Withdrawn => "withdrawn",
            SentStatus::Unknown => "unknown",
        }
    }
}

/// An invitation the user sent, and why, remembered locally (`ETIQUETTE.md`
/// §Sending). Keyed by the invitee's card key (their profile slug).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentInvitation {
    /// Their name as LinkedIn showed it.
    pub name: String,
    /// The day it was sent: the day Kindly saw it sent, else what the Sent
    /// tab's "Sent 2 weeks ago" says (0 when unknown).
    pub sent: Day,
    /// The note sent with it (empty: none, or not seen).
    pub note: String,
    /// What the user said when writing it: where they met (with its
    /// preposition, as typed), what they talked about, whom both know.
    pub met_at: String,
    /// What they talked about.
    pub topic: String,
    /// Whom both know.
    pub mutual_name: String,
    /// The note's language ("fr"), for the follow-up; empty when unknown.
    pub language: String,
    /// Where it stands.
    pub status: SentStatus,
    /// The day the status was last learned.
    pub status_day: Day,
    /// The last day a Sent list showed it pending (0: never seen there).
    pub last_listed: Day,
    /// The user took (or set aside) the follow-up after an accept.
    pub followed_up: bool,
    /// Kindly saw the user send it (else it was learned from the Sent tab,
    /// and nothing is known of how they know each other).
    pub seen_sent: bool,
}

/// A reply template as stored. `body` is in the template language of
/// `crate::template`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TemplateRecord {
    /// Stable id: a built-in's name, or `custom-<slug>-<stamp>` (see `my_templates`).
    pub id: String,
    /// What the user sees in lists.
    pub title: String,
    /// The text, with placeholders (see `template`).
    pub body: String,
    /// Where it is pasted: a message or an invitation note.
    pub target: Target,
    /// The actions it fits (none: any).
    pub actions: Vec<Action>,
    /// The relationships it fits (none: any).
    pub relationships: Vec<Relationship>,
    /// The situations it fits.
    pub situations: Vec<Situation>,
    /// Part of the default library (restorable), not written by the user.
    pub builtin: bool,
    /// The language it is written in ("en").
    pub language: String,
    /// What the text asserts (see [`Claim`]). Templates stored before
    /// claims existed have theirs read from their text by `store`.
    pub claims: Vec<Claim>,
    /// Offer it for invitations in any language, not only its own.
    pub any_language: bool,
}

impl Default for TemplateRecord {
    fn default() -> Self {
        TemplateRecord {
            id: String::new(),
            title: String::new(),
            body: String::new(),
            target: Target::Message,
            actions: Vec::new(),
            relationships: Vec::new(),
            situations: Vec::new(),
            builtin: false,
            language: "en".into(),
            claims: Vec::new(),
            any_language: false,
        }
    }
}

/// All of the user's data: what is stored, exported and imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Data {
    /// The store's schema version (see `store`).
    pub schema: u32,
    /// Who the user is.
    pub profile: Profile,
    /// The user's preferences.
    pub settings: Settings,
    /// The template library, in the user's order.
    pub templates: Vec<TemplateRecord>,
    /// What Kindly remembers of each inviter, by card key.
    pub people: BTreeMap<String, Person>,
    /// Invitations the user sent, by the invitee's card key.
    pub sent: BTreeMap<String, SentInvitation>,
}

impl Default for Data {
    /// A new user's data. The default template library is added by `store`.
    fn default() -> Self {
        Data {
            schema: 0,
            profile: Profile::default(),
            settings: Settings::default(),
            templates: Vec::new(),
            people: BTreeMap::new(),
            sent: BTreeMap::new(),
        }
    }
}

/// What a card says, understood.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Invitation {
    /// A person, or what the invitation is for.
    pub kind: Kind,
    /// Stable identity: the profile slug, else a derived key.
    pub key: String,
    /// The inviter's name as shown, without badges or credentials.
    pub full_name: Option<String>,
    /// What a reply calls them ("Ana"); `None` when it cannot be told.
    pub first_name: Option<String>,
    /// The line under the name.
    pub headline: Option<String>,
    /// From "X at Y" / "X @ Y" in the headline.
    pub company: Option<String>,
    /// Shared connections, when the card says.
    pub mutual_count: Option<u32>,
    /// A mutual connection named on the card.
    pub mutual_name: Option<String>,
    /// How long the invitation has waited, in days.
    pub age_days: Option<u32>,
    /// The personal note, trimmed of "… see more".
    pub note: Option<String>,
    /// The card says they follow the user.
    pub follows_you: bool,
    /// For page/newsletter/event/group/school invitations: what it is about.
    pub target_name: Option<String>,
    /// False when the card's details could not be read (generic advice then).
    pub readable: bool,
    /// The name carried a "Verified" badge.
    pub verified: bool,
    /// For non-person invitations sent by a person: that person's profile
    /// slug, so what the user said about them applies here too.
    pub inviter_key: Option<String>,
    /// Whether the card offers LinkedIn's Reply (a message while the
    /// invitation stays pending): `None` when Kindly cannot tell.
    pub can_reply: Option<bool>,
    /// The page's language (`<html lang>`), e.g. "fr-FR"; may be empty.
    pub page_lang: String,
}
