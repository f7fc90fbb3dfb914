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
    Person,
    Page,
    School,
    Newsletter,
    Event,
    Group,
    #[default]
    Unknown,
}

impl Kind {
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
    Accept,
    Reply,
    Ask,
    Decline,
    Ignore,
    Review,
}

impl Action {
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

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// How the user knows the inviter, when they have said so. Overrides inference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Stranger,
    MetOnce,
    Friend,
    FormerColleague,
    KnowWell,
}

impl Relationship {
    pub const ALL: [Relationship; 5] = [
        Relationship::Stranger,
        Relationship::MetOnce,
        Relationship::Friend,
        Relationship::FormerColleague,
        Relationship::KnowWell,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Stranger => "stranger",
            Relationship::MetOnce => "met_once",
            Relationship::Friend => "friend",
            Relationship::FormerColleague => "former_colleague",
            Relationship::KnowWell => "know_well",
        }
    }

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
    StrangerGeneric,
    StrangerPersonal,
    CantPlace,
    Friend,
    FormerColleague,
    OutsideIndustry,
    Recruiter,
    SalesPitch,
    CompanyVolume,
    KeepPending,
    MetInPerson,
    ThanksAfterAccept,
    RepeatInviter,
    Scam,
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
    KnowWellOnly,
    #[default]
    IndustryFocused,
    OpenNetworker,
}

/// Free accounts get 200 characters per invitation note, Premium 300.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    #[default]
    Free,
    Premium,
}

/// The weekly-review buckets (`ETIQUETTE.md` §Organising).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    AcceptLater,
    Ignore,
    ReviewFurther,
}

/// Who the user is, for judging fit and filling `{my_name}` / `{my_email}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub name: String,
    pub email: String,
    pub industries: Vec<String>,
    pub companies: Vec<String>,
    pub schools: Vec<String>,
    pub policy: Policy,
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
    pub collapsed_by_default: bool,
    pub weekly_reminder: bool,
    /// History older than this many days is pruned.
    pub history_days: u32,
    /// Character limit for LinkedIn messages (reports vary; a setting).
    pub message_limit: u32,
    /// After this many days a pending invitation the user sent gets a
    /// suggestion: withdraw it kindly, or reach them another way.
    pub withdraw_after_days: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            collapsed_by_default: false,
            weekly_reminder: true,
            history_days: 180,
            message_limit: 8000,
            withdraw_after_days: 21,
        }
    }
}

/// What Kindly remembers about one inviter, locally. Keyed by card key.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub kind: Kind,
    pub relationship: Option<Relationship>,
    /// The user's private note.
    pub note: String,
    pub bucket: Option<Bucket>,
    pub first_seen: Day,
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
    Accepted,
    Ignored,
}

impl Answer {
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
    pub answer: Answer,
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
    pub topic: String,
    pub mutual_name: String,
    /// The note's language ("fr"), for the follow-up; empty when unknown.
    pub language: String,
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
    pub id: String,
    pub title: String,
    pub body: String,
    pub target: Target,
    pub actions: Vec<Action>,
    pub relationships: Vec<Relationship>,
    pub situations: Vec<Situation>,
    /// Part of the default library (restorable), not written by the user.
    pub builtin: bool,
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
    pub schema: u32,
    pub profile: Profile,
    pub settings: Settings,
    pub templates: Vec<TemplateRecord>,
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
    pub kind: Kind,
    /// Stable identity: the profile slug, else a derived key.
    pub key: String,
    /// The inviter's name as shown, without badges or credentials.
    pub full_name: Option<String>,
    /// What a reply calls them ("Ana"); `None` when it cannot be told.
    pub first_name: Option<String>,
    pub headline: Option<String>,
    /// From "X at Y" / "X @ Y" in the headline.
    pub company: Option<String>,
    pub mutual_count: Option<u32>,
    /// A mutual connection named on the card.
    pub mutual_name: Option<String>,
    /// How long the invitation has waited, in days.
    pub age_days: Option<u32>,
    /// The personal note, trimmed of "… see more".
    pub note: Option<String>,
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
