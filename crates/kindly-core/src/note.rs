//! Writing the note of an invitation the user sends (`ETIQUETTE.md`
//! §Sending): soon after meeting, by name, where you met and what you
//! talked about, why stay in touch, who you are, short.
//!
//! Design decisions:
//! - **Only what the user says.** A note's facts are the invitee's name (as
//!   LinkedIn's dialog shows it) and what the user types beside the dialog:
//!   where they met, what they talked about, whom both know, who the user
//!   is. Nothing is read from the invitee's profile. A template claiming
//!   "we met" is offered only when the user said where ([`backed`]), as
//!   replies are offered only where the card backs them.
//! - **The dialog's own limit first.** LinkedIn's counter ("0/200") is the
//!   limit when the dialog shows one; else the account type's (200 free,
//!   300 Premium). A note over it is still offered, after those that fit,
//!   so a user sees how much to cut.
//! - **Said as one says it.** `{met_at}` carries its preposition ("at
//!   RustConf", "au salon VivaTech", "auf der re:publica"); a bare name gets
//!   the language's usual one ([`place`]), so no template guesses a
//!   preposition for a place it has not seen.

use crate::advice::{keep_best_language, language_tier, reply_language};
use crate::lang::fold;
use crate::model::{
    AccountType, Claim, Data, Invitation, Profile, Situation, Target, TemplateRecord,
};
use crate::template::{self, Facts, NOTE_LIMIT_FREE, NOTE_LIMIT_PREMIUM};
use crate::tone::{self, Hint, ToneContext};
use serde::{Deserialize, Serialize};

/// The longest text kept of anything the user types beside the dialog.
pub const MAX_INPUT: usize = 120;

/// What the note to one invitee is written from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NoteInput {
    /// What the note calls them ("Ana"), from the dialog; `None` when it
    /// cannot be told.
    pub first_name: Option<String>,
    /// Where the user met them, as one would say it after "we met" ("at
    /// RustConf"); a bare name gets a preposition (see [`place`]).
    pub met_at: String,
    /// What they talked about.
    pub topic: String,
    /// Someone both know, by name.
    pub mutual_name: String,
    /// Who the user is, in a few words ("the designer who asked about
    /// forms").
    pub my_role: String,
    /// The note's language ("fr"); see [`language_for`].
    pub language: String,
    /// LinkedIn's own limit, when the dialog shows one (its counter wins
    /// over its label: see `dialog`).
    pub shown_limit: Option<usize>,
}

/// One ready-to-use note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NoteSuggestion {
    /// The template it was written from.
    pub template_id: String,
    /// The template's title.
    pub title: String,
    /// The note, filled in.
    pub text: String,
    /// Characters as LinkedIn counts them.
    pub chars: usize,
    /// The limit it must fit in (the dialog's, else the account's).
    pub limit: usize,
    /// Whether it fits.
    pub fits: bool,
    /// The language it is written in.
    pub language: String,
}

/// The limit a note is counted against: LinkedIn's own when the dialog
/// shows one, else the account's.
pub fn limit(shown: Option<usize>, account: AccountType) -> usize {
    match shown.filter(|n| (1..=2000).contains(n)) {
        Some(n) => n,
        None => match account {
            AccountType::Free => NOTE_LIMIT_FREE,
            AccountType::Premium => NOTE_LIMIT_PREMIUM,
        },
    }
}

/// The language a note is written in by default: the user's chosen reply
/// language, else the page's (the language they use LinkedIn in) when the
/// library has it, else their template language.
pub fn language_for(page_lang: &str, profile: &Profile) -> String {
    // A reply's rule, with no note of theirs to read.
    reply_language(
        &Invitation {
            page_lang: page_lang.to_string(),
            ..Invitation::default()
        },
        profile,
    )
}

/// Prepositions a place may start with, by language (folded), and the
/// one a bare name gets.
const PLACE_WORDS: &[(&str, &[&str], &str)] = &[
    (
        "en",
        &[
            "at", "in", "on", "during", "through", "via", "over", "from", "by", "after", "before",
            "near", "inside", "around", "while", "when", "with", "outside",
        ],
        "at",
    ),
    (
        "fr",
        &[
            "à", "a", "au", "aux", "en", "lors", "pendant", "chez", "dans", "sur", "par", "durant",
            "via", "après", "avant", "grâce", "autour", "avec",
        ],
        "à",
    ),
    (
        "de",
        &[
            "auf", "bei", "beim", "in", "im", "an", "am", "während", "über", "durch", "nach",
            "vor", "zur", "zum", "mit", "nahe",
        ],
        "bei",
    ),
    (
        "es",
        &[
            "en", "durante", "a", "al", "por", "tras", "desde", "con", "cerca", "después", "antes",
        ],
        "en",
    ),
];

/// Articles a bare place may start with, and what the default preposition
/// and article become together ("à le salon" is "au salon", "bei das
/// Treffen" is "beim Treffen"). Nominative is assumed in German.
const CONTRACTIONS: &[(&str, &str, &str)] = &[
    ("fr", "le", "au"),
    ("fr", "les", "aux"),
    ("de", "der", "beim"),
    ("de", "das", "beim"),
    ("de", "dem", "beim"),
    ("de", "die", "bei der"),
];

/// Where they met, said as one would after "we met": kept when it starts
/// with a preposition, else given the language's usual one ("RustConf" →
/// "at RustConf", "le salon VivaTech" → "au salon VivaTech"). Empty stays
/// empty; trailing punctuation is dropped.
pub fn place(met_at: &str, language: &str) -> String {
    let text = met_at
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!', '?'])
        .trim();
    if text.is_empty() {
        return String::new();
    }
    let code = language.trim().split(['-', '_']).next().unwrap_or("");
    let Some((_, words, default)) = PLACE_WORDS
        .iter()
        .find(|(l, ..)| l.eq_ignore_ascii_case(code))
    else {
        return text.to_string();
    };
    let first: String = text
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '\u{2019}')
        .next()
        .unwrap_or("")
        .chars()
        .map(fold)
        .collect();
    if words.contains(&first.as_str()) {
        return text.to_string();
    }
    for (l, article, joined) in CONTRACTIONS {
        if l.eq_ignore_ascii_case(code) && first == *article {
            let rest = text.get(article.len()..).unwrap_or("").trim_start();
            if !rest.is_empty() {
                return format!("{joined} {rest}");
            }
        }
    }
    format!("{default} {text}")
}

/// The template facts of a note: the invitee's first name, the user's own
/// name and email, and what the user typed.
pub fn facts(input: &NoteInput, profile: &Profile) -> Facts {
    let said = |s: &str| {
        let t: String = s.trim().chars().take(MAX_INPUT).collect();
        let t = t.trim().to_string();
        (!t.is_empty()).then_some(t)
    };
    let mine = |s: &str| {
        let t = s.trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    Facts {
        first_name: input.first_name.as_deref().and_then(said),
        met_at: said(&place(&input.met_at, &input.language)),
        topic: said(&input.topic),
        mutual_name: said(&input.mutual_name),
        my_role: said(&input.my_role),
        my_name: mine(&profile.name),
        my_email: mine(&profile.email),
        ..Facts::default()
    }
}

/// Whether what the user said backs `claim` in a text about their own
/// invitation (`ETIQUETTE.md` §Claims): "we met" needs where, "we talked"
/// what about, "we both know" whom; their role-seeking as the profile
/// says. Nothing about the invitee's words: there are none.
pub fn backed(claim: Claim, facts: &Facts, profile: &Profile) -> bool {
    match claim {
        Claim::MetInPerson => facts.met_at.is_some(),
        Claim::Talked => facts.topic.is_some(),
        Claim::MutualContact => facts.mutual_name.is_some(),
        Claim::NotLooking => !profile.open_to_roles,
        Claim::OpenToRoles => profile.open_to_roles,
        _ => false,
    }
}

/// The templates for a text about the user's own invitation, best first:
/// those with `target` (and, when given, tagged `situation`) whose every
/// claim `facts` backs, in the best language present; those that use
/// more of what the user said first, then library order.
pub fn rank_own<'t>(
    templates: &'t [TemplateRecord],
    target: Target,
    situation: Option<Situation>,
    facts: &Facts,
    language: &str,
    profile: &Profile,
) -> Vec<&'t TemplateRecord> {
    let used = [
        ("{met_at", facts.met_at.is_some()),
        ("{topic", facts.topic.is_some()),
        ("{mutual_name", facts.mutual_name.is_some()),
        ("{my_role", facts.my_role.is_some()),
    ];
    let mut candidates: Vec<(i32, usize, u8, &TemplateRecord)> = templates
        .iter()
        .enumerate()
        .filter(|(_, t)| t.target == target)
        .filter(|(_, t)| situation.is_none_or(|s| t.situations.contains(&s)))
        .filter(|(_, t)| t.claims.iter().all(|c| backed(*c, facts, profile)))
        .map(|(i, t)| {
            let uses = used
                .iter()
                .filter(|(tag, known)| *known && t.body.contains(tag))
                .count();
            let score = 10 * i32::try_from(uses).unwrap_or(0)
                + 6 * i32::try_from(t.claims.len()).unwrap_or(0);
            (score, i, language_tier(t, language, profile), t)
        })
        .collect();
    keep_best_language(&mut candidates, |(_, _, tier, _)| *tier);
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates.into_iter().map(|(.., t)| t).collect()
}

/// Every note that fits what the user said, rendered for this invitee,
/// best first; those within the limit before those over it.
pub fn suggest_notes(input: &NoteInput, data: &Data) -> Vec<NoteSuggestion> {
    let facts = facts(input, &data.profile);
    let limit = limit(input.shown_limit, data.profile.account);
    let mut out: Vec<NoteSuggestion> = rank_own(
        &data.templates,
        Target::Note,
        None,
        &facts,
        &input.language,
        &data.profile,
    )
    .into_iter()
    .filter_map(|t| {
        // A template the user broke is skipped, never a panic.
        let parsed = template::parse(&t.body).ok()?;
        let text = template::render(&parsed, &facts);
        let chars = template::count_chars(&text);
        Some(NoteSuggestion {
            template_id: t.id.clone(),
            title: t.title.clone(),
            text,
            chars,
            limit,
            fits: chars <= limit,
            language: t.language.clone(),
        })
    })
    .collect();
    // Stable: the ranking holds within each group.
    out.sort_by_key(|s| !s.fits);
    out
}

/// The politeness check of a note being written (`tone::check_note`),
/// against the limit it will be counted against.
pub fn check(text: &str, input: &NoteInput, data: &Data) -> Vec<Hint> {
    tone::check_note(
        text,
        &ToneContext {
            limit: limit(input.shown_limit, data.profile.account),
            they_wrote_note: false,
            first_name: input.first_name.clone(),
            stranger: false,
            language: input.language.clone(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_gets_its_preposition_once() {
        let cases = [
            ("RustConf", "en", "at RustConf"),
            ("at RustConf", "en", "at RustConf"),
            ("on the train to Lyon.", "en", "on the train to Lyon"),
            ("le salon VivaTech", "fr", "au salon VivaTech"),
            ("les Rencontres de Lyon", "fr", "aux Rencontres de Lyon"),
            ("la conférence de Lyon", "fr", "à la conférence de Lyon"),
            ("l'atelier Rust", "fr", "à l'atelier Rust"),
            ("lors du meetup", "fr", "lors du meetup"),
            ("re:publica", "de", "bei re:publica"),
            ("die Konferenz in Köln", "de", "bei der Konferenz in Köln"),
            ("das Treffen", "de", "beim Treffen"),
            ("auf der re:publica", "de", "auf der re:publica"),
            ("el congreso de Madrid", "es-ES", "en el congreso de Madrid"),
            ("durante la feria", "es", "durante la feria"),
            ("Estádio", "pt", "Estádio"),
            ("  ", "en", ""),
        ];
        for (typed, lang, want) in cases {
            assert_eq!(place(typed, lang), want, "{typed} ({lang})");
        }
    }

    #[test]
    fn the_dialogs_limit_wins_over_the_account() {
        assert_eq!(limit(None, AccountType::Free), 200);
        assert_eq!(limit(None, AccountType::Premium), 300);
        assert_eq!(limit(Some(200), AccountType::Premium), 200);
        assert_eq!(limit(Some(300), AccountType::Free), 300);
        assert_eq!(limit(Some(0), AccountType::Free), 200);
    }
}
