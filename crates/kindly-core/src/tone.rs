//! The politeness check: hints on a reply text, each with a position, a
//! severity and a suggestion.
//!
//! Design decision: a handful of small word tables, matched whole-word and
//! case-insensitively in one pass over the text's words, instead of a
//! classifier. Tables are data (easy to read, to extend, to translate), the
//! check runs offline in linear time, and every hint can point at the exact
//! words that caused it. The rules are the writing rules of `ETIQUETTE.md`
//! §Writing: no harsh words, no blame, no shouting, within the limit, every
//! placeholder filled, thank them, use their name when they wrote a note,
//! no specific reasons to a stranger. English always applies; French,
//! German and Spanish tables apply when the context's language is theirs
//! (or when it is unknown).
//!
//! Every hint carries, besides its English sentence, the ids and values a
//! translation needs (`message_id` + `args`, `tip_id` + `tip_args`), so the
//! panel says it in the user's language.

use crate::template::char_index_of_count;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
/// How much a hint matters.
pub enum Severity {
    /// Worth a look; often fine.
    Info,
    /// Likely to read badly; rewrite.
    Warning,
    /// The text cannot be sent as it is (too long, a placeholder unfilled).
    Problem,
}

/// One hint about a reply text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// Stable id, e.g. "harsh_word", "over_limit". See the `HINT_*` consts.
    pub id: String,
    /// Character range (start, end) in the text the hint is about. An empty
    /// range (start == end) is about the text as a whole.
    pub start: usize,
    /// End of the range (exclusive).
    pub end: usize,
    /// How much it matters.
    pub severity: Severity,
    /// In English (the fallback of a translation).
    pub message: String,
    /// What to do about it, in English.
    pub suggestion: String,
    /// The message's translation key (`hint_<id>`) and its values.
    pub message_id: String,
    /// The message's values.
    pub args: Vec<String>,
    /// The suggestion's translation key (`tip_<id>`) and its values.
    pub tip_id: String,
    /// The suggestion's values.
    pub tip_args: Vec<String>,
}

/// A word that reads harsh.
pub const HINT_HARSH_WORD: &str = "harsh_word";
/// Blaming the reader ("you should have").
pub const HINT_BLAME: &str = "blame";
/// Words in capitals.
pub const HINT_SHOUTING: &str = "shouting";
/// Longer than the limit.
pub const HINT_OVER_LIMIT: &str = "over_limit";
/// A placeholder left unfilled.
pub const HINT_UNFILLED: &str = "unfilled_placeholder";
/// No thanks in a reply.
pub const HINT_NO_THANKS: &str = "no_thanks";
/// A reply to a personal note without their name.
pub const HINT_NO_NAME: &str = "no_name";
/// A note to send without the invitee's name.
pub const HINT_NOTE_NO_NAME: &str = "note_no_name";
/// Reasons given to a stranger.
pub const HINT_REASON_TO_STRANGER: &str = "reason_to_stranger";
/// The text is empty.
pub const HINT_EMPTY: &str = "empty";

/// Every hint message's translation key (`hint_<id>`), with whether it
/// counts something (its translations then have plural forms, chosen by
/// its last value).
pub const MESSAGE_IDS: &[(&str, bool)] = &[
    ("harsh_word", false),
    ("blame", false),
    ("reason_to_stranger", false),
    ("shouting_words", false),
    ("shouting_marks", false),
    ("over_limit", true),
    ("unfilled_placeholder", false),
    ("no_thanks", false),
    ("no_name", false),
    ("note_no_name", false),
    ("empty", false),
];

/// Every suggestion's translation key (`tip_<id>`).
pub const TIP_IDS: &[&str] = &[
    "soften",
    "not_yet",
    "about_me",
    "prefer",
    "no_cost",
    "my_field",
    "self",
    "no_reason",
    "write_something",
    "shorten",
    "open_thanks",
    "use_name",
    "plain_letters",
    "one_mark",
    "fill_blank",
    "greet_by_name",
];

/// What the check needs to know besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ToneContext {
    /// Character limit of where the text goes; 0 means no limit.
    pub limit: usize,
    /// They wrote a personal note: the reply should use their name.
    pub they_wrote_note: bool,
    /// Their first name, when known.
    pub first_name: Option<String>,
    /// The user marked them a stranger (no specific reasons then).
    pub stranger: bool,
    /// Language of the text ("en", "fr-FR", …); empty means "check all".
    pub language: String,
}

/// What to write instead: a translation key and the English text.
struct Tip {
    id: &'static str,
    text: &'static str,
}

/// A phrase table entry: lower-case words separated by spaces, the
/// language, and what to write instead.
struct Phrase {
    words: &'static str,
    lang: &'static str,
    tip: &'static Tip,
}

const fn p(words: &'static str, lang: &'static str, tip: &'static Tip) -> Phrase {
    Phrase { words, lang, tip }
}

const SOFTEN: &Tip = &Tip {
    id: "soften",
    text: "Leave it out, or say what you prefer: “I keep LinkedIn for people I have worked with.”",
};
const NOT_YET: &Tip = &Tip {
    id: "not_yet",
    text: "Try “not at the moment” or “for now”: it says the same and keeps the door open.",
};
const ABOUT_ME: &Tip = &Tip {
    id: "about_me",
    text: "Talk about your own policy instead: “I'm not adding new connections right now.”",
};
const PREFER: &Tip = &Tip {
    id: "prefer",
    text: "Say what you prefer instead: “I'd rather keep in touch by email.”",
};
const NO_COST: &Tip = &Tip {
    id: "no_cost",
    text: "Leave the cost out; a short, kind no is enough.",
};
const MY_FIELD: &Tip = &Tip {
    id: "my_field",
    text: "Say what you keep LinkedIn for: “I keep it for my own field.”",
};

const HARSH: &[Phrase] = &[
    p("spam", "en", SOFTEN),
    p("spammy", "en", SOFTEN),
    p("spammer", "en", SOFTEN),
    p("spamming", "en", SOFTEN),
    p("annoying", "en", SOFTEN),
    p("annoyed", "en", SOFTEN),
    p("irritating", "en", SOFTEN),
    p("stop", "en", PREFER),
    p("never", "en", NOT_YET),
    p("stupid", "en", SOFTEN),
    p("dumb", "en", SOFTEN),
    p("waste", "en", NO_COST),
    p("wasting", "en", NO_COST),
    p("irrelevant", "en", MY_FIELD),
    p("unprofessional", "en", SOFTEN),
    p("useless", "en", SOFTEN),
    p("pointless", "en", SOFTEN),
    p("ridiculous", "en", SOFTEN),
    p("rude", "en", SOFTEN),
    p("creepy", "en", SOFTEN),
    p("pathetic", "en", SOFTEN),
    p("desperate", "en", SOFTEN),
    p("pushy", "en", SOFTEN),
    p("junk", "en", SOFTEN),
    p("hate", "en", SOFTEN),
    p("worthless", "en", SOFTEN),
    p("harass", "en", SOFTEN),
    p("harassing", "en", SOFTEN),
    p("harassment", "en", SOFTEN),
    p("leave me alone", "en", ABOUT_ME),
    p("go away", "en", ABOUT_ME),
    p("not interested in you", "en", ABOUT_ME),
    p("no interest in you", "en", ABOUT_ME),
    p("don't bother", "en", ABOUT_ME),
    p("do not bother", "en", ABOUT_ME),
    p("how dare", "en", SOFTEN),
    // French
    p("ennuyeux", "fr", SOFTEN),
    p("agaçant", "fr", SOFTEN),
    p("arrêtez", "fr", SOFTEN),
    p("jamais", "fr", NOT_YET),
    p("inutile", "fr", SOFTEN),
    p("stupide", "fr", SOFTEN),
    p("ridicule", "fr", SOFTEN),
    p("harcèlement", "fr", SOFTEN),
    p("perte de temps", "fr", SOFTEN),
    p("pas intéressé par vous", "fr", ABOUT_ME),
    p("spam", "fr", SOFTEN),
    p("pénible", "fr", SOFTEN),
    p("énervant", "fr", SOFTEN),
    p("insistant", "fr", SOFTEN),
    p("absurde", "fr", SOFTEN),
    p("nul", "fr", SOFTEN),
    p("inacceptable", "fr", SOFTEN),
    p("pathétique", "fr", SOFTEN),
    p("n'importe quoi", "fr", SOFTEN),
    // Hyphens split words: "laissez-moi" is two.
    p("laissez moi tranquille", "fr", ABOUT_ME),
    p("ça suffit", "fr", PREFER),
    p("arrêtez de", "fr", PREFER),
    // German
    p("nervig", "de", SOFTEN),
    p("lästig", "de", SOFTEN),
    p("hören sie auf", "de", SOFTEN),
    p("niemals", "de", NOT_YET),
    p("dumm", "de", SOFTEN),
    p("zeitverschwendung", "de", SOFTEN),
    p("unprofessionell", "de", SOFTEN),
    p("belästigung", "de", SOFTEN),
    p("sinnlos", "de", SOFTEN),
    p("spam", "de", SOFTEN),
    p("aufdringlich", "de", SOFTEN),
    p("unverschämt", "de", SOFTEN),
    p("lächerlich", "de", SOFTEN),
    p("nutzlos", "de", SOFTEN),
    p("lassen sie mich in ruhe", "de", ABOUT_ME),
    p("kein interesse an ihnen", "de", ABOUT_ME),
    // Spanish
    p("molesto", "es", SOFTEN),
    p("deje de", "es", SOFTEN),
    p("nunca", "es", NOT_YET),
    p("estúpido", "es", SOFTEN),
    p("pérdida de tiempo", "es", SOFTEN),
    p("irrelevante", "es", SOFTEN),
    p("poco profesional", "es", SOFTEN),
    p("acoso", "es", SOFTEN),
    p("inútil", "es", SOFTEN),
    p("spam", "es", SOFTEN),
    p("molesta", "es", SOFTEN),
    p("pesado", "es", SOFTEN),
    p("pesada", "es", SOFTEN),
    p("ridículo", "es", SOFTEN),
    p("patético", "es", SOFTEN),
    p("déjeme en paz", "es", ABOUT_ME),
    p("no me interesa usted", "es", ABOUT_ME),
];

const SELF: &Tip = &Tip {
    id: "self",
    text: "Start from yourself: “I keep LinkedIn for…”, “I'm not adding…”.",
};

const BLAME: &[Phrase] = &[
    p("you are", "en", SELF),
    p("you're", "en", SELF),
    p("you were", "en", SELF),
    p("you didn't", "en", SELF),
    p("you did not", "en", SELF),
    p("you don't", "en", SELF),
    p("you do not", "en", SELF),
    p("you should", "en", SELF),
    p("you shouldn't", "en", SELF),
    p("you must", "en", SELF),
    p("you need to", "en", SELF),
    p("you have to", "en", SELF),
    p("you keep", "en", SELF),
    p("you always", "en", SELF),
    p("you never", "en", SELF),
    p("you clearly", "en", SELF),
    p("you obviously", "en", SELF),
    p("your request is", "en", SELF),
    p("your invitation is", "en", SELF),
    p("your message is", "en", SELF),
    p("your note is", "en", SELF),
    p("your profile is", "en", SELF),
    p("vous êtes", "fr", SELF),
    p("tu es", "fr", SELF),
    p("vous devriez", "fr", SELF),
    p("tu devrais", "fr", SELF),
    p("vous devez", "fr", SELF),
    p("tu dois", "fr", SELF),
    p("sie sind", "de", SELF),
    p("du bist", "de", SELF),
    p("sie sollten", "de", SELF),
    p("du solltest", "de", SELF),
    p("sie müssen", "de", SELF),
    p("du musst", "de", SELF),
    p("usted es", "es", SELF),
    p("eres", "es", SELF),
    p("deberías", "es", SELF),
    p("usted debería", "es", SELF),
    p("usted debe", "es", SELF),
    p("debes", "es", SELF),
    p("su solicitud es", "es", SELF),
    p("su invitación es", "es", SELF),
    p("su mensaje es", "es", SELF),
    p("vous n'avez pas", "fr", SELF),
    p("votre demande est", "fr", SELF),
    p("votre invitation est", "fr", SELF),
    p("votre message est", "fr", SELF),
    p("sie haben nicht", "de", SELF),
    p("ihre anfrage ist", "de", SELF),
    p("ihre einladung ist", "de", SELF),
    p("ihre nachricht ist", "de", SELF),
];

/// Words after "you are" that make it kind, not blame ("you are welcome").
const BLAME_KIND_NEXT: &[&str] = &["welcome", "kind", "most", "always", "very welcome"];
/// Words before "you …" that make it a condition, not blame ("if you are").
/// Also a question's word: "hear what you're working on" asks, it does not blame.
const BLAME_KIND_BEFORE: &[&str] = &[
    "if", "when", "whenever", "whether", "unless", "hope", "thank", "what", "how", "where", "why",
    "whatever",
];

const NO_REASON: &Tip = &Tip {
    id: "no_reason",
    text: "To someone you don't know, a short no needs no reason: “I keep LinkedIn for people I know.”",
};

const REASONS: &[Phrase] = &[
    p("because you", "en", NO_REASON),
    p("because your", "en", NO_REASON),
    p("since you", "en", NO_REASON),
    p("since your", "en", NO_REASON),
    p("due to your", "en", NO_REASON),
    p("given your", "en", NO_REASON),
    p("your profile", "en", NO_REASON),
    p("your headline", "en", NO_REASON),
    p("your background", "en", NO_REASON),
    p("your experience", "en", NO_REASON),
    p("your industry", "en", NO_REASON),
    p("your job", "en", NO_REASON),
    p("your title", "en", NO_REASON),
    p("your connections", "en", NO_REASON),
    p("you work", "en", NO_REASON),
    p("you have no", "en", NO_REASON),
    p("we have no", "en", NO_REASON),
    p("we don't share", "en", NO_REASON),
    p("no mutual", "en", NO_REASON),
    p("zero mutual", "en", NO_REASON),
    p("parce que vous", "fr", NO_REASON),
    p("parce que tu", "fr", NO_REASON),
    p("votre profil", "fr", NO_REASON),
    p("ton profil", "fr", NO_REASON),
    p("weil sie", "de", NO_REASON),
    p("weil du", "de", NO_REASON),
    p("ihr profil", "de", NO_REASON),
    p("dein profil", "de", NO_REASON),
    p("porque usted", "es", NO_REASON),
    p("porque tú", "es", NO_REASON),
    p("porque tu", "es", NO_REASON),
    p("tu perfil", "es", NO_REASON),
    p("su perfil", "es", NO_REASON),
    p("su sector", "es", NO_REASON),
    p("su puesto", "es", NO_REASON),
    p("usted trabaja", "es", NO_REASON),
    p("no tenemos contactos", "es", NO_REASON),
    p("votre secteur", "fr", NO_REASON),
    p("votre poste", "fr", NO_REASON),
    p("vous travaillez", "fr", NO_REASON),
    p("aucune relation en commun", "fr", NO_REASON),
    p("ihre branche", "de", NO_REASON),
    p("ihr job", "de", NO_REASON),
    p("sie arbeiten", "de", NO_REASON),
    p("keine gemeinsamen kontakte", "de", NO_REASON),
];

/// Word starts that count as thanks, in every supported language.
const THANKS: &[&str] = &[
    "thank",
    "appreciat",
    "grateful",
    "merci",
    "remerci",
    "dank",
    "gracias",
    "agradec",
];

/// One word of the text: lower-cased, with its character range.
struct Word {
    lower: String,
    start: usize,
    end: usize,
    /// Letters in the original, and how many of them are upper-case.
    letters: usize,
    upper: usize,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur: Option<Word> = None;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let apostrophe = matches!(c, '\'' | '’')
            && cur.is_some()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || apostrophe {
            let w = cur.get_or_insert_with(|| Word {
                lower: String::new(),
                start: i,
                end: i,
                letters: 0,
                upper: 0,
            });
            if apostrophe {
                w.lower.push('\'');
            } else {
                w.lower.extend(c.to_lowercase());
            }
            if c.is_alphabetic() {
                w.letters += 1;
                if c.is_uppercase() {
                    w.upper += 1;
                }
            }
            w.end = i + 1;
        } else if let Some(w) = cur.take() {
            out.push(w);
        }
    }
    out.extend(cur);
    out
}

/// English always applies (LinkedIn is read in English everywhere); other
/// tables apply to their language, or to all when it is unknown.
fn lang_applies(entry: &str, lower_context: &str) -> bool {
    entry == "en" || lower_context.is_empty() || lower_context.starts_with(entry)
}

#[derive(Clone, Copy)]
enum Rule {
    Harsh,
    Blame,
    Reason,
}

/// Whether `phrase` matches the words starting at `i`; returns the index
/// of its last word.
fn matches_at(ws: &[Word], i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    for (k, part) in phrase.split(' ').enumerate() {
        if k > 0 {
            j += 1;
        }
        if ws.get(j)?.lower != part {
            return None;
        }
    }
    Some(j)
}

/// A sentence of a hint: its translation key, English text and values.
struct Said {
    id: &'static str,
    text: String,
    args: Vec<String>,
}

fn said(id: &'static str, text: impl Into<String>, args: &[&str]) -> Said {
    Said {
        id,
        text: text.into(),
        args: args.iter().map(|a| a.to_string()).collect(),
    }
}

fn hint(
    id: &str,
    (start, end): (usize, usize),
    severity: Severity,
    message: Said,
    tip: Said,
) -> Hint {
    Hint {
        id: id.into(),
        start,
        end,
        severity,
        message: message.text,
        suggestion: tip.text,
        message_id: message.id.into(),
        args: message.args,
        tip_id: tip.id.into(),
        tip_args: tip.args,
    }
}

/// Checks a reply text. Linear in the text's length; hints come sorted by
/// position.
pub fn check(text: &str, context: &ToneContext) -> Vec<Hint> {
    check_as(text, context, false)
}

/// Checks the note of an invitation the user sends (`ETIQUETTE.md`
/// §Sending): the rules of a reply, except that a thank-you is welcome but
/// not expected in 200 characters, and that the note should address them
/// by name (`context.first_name`) whatever they wrote.
pub fn check_note(text: &str, context: &ToneContext) -> Vec<Hint> {
    check_as(text, context, true)
}

/// [`check`], or [`check_note`] when `outgoing`.
fn check_as(text: &str, context: &ToneContext, outgoing: bool) -> Vec<Hint> {
    let mut hints = Vec::new();
    let total = text.chars().count();
    if text.trim().is_empty() {
        hints.push(hint(
            HINT_EMPTY,
            (0, total),
            Severity::Problem,
            said("empty", "The reply is empty.", &[]),
            said(
                "write_something",
                "Write a line or two, or pick a suggested reply.",
                &[],
            ),
        ));
        return hints;
    }
    let ws = words(text);
    let chars: Vec<char> = text.chars().collect();

    // Index the phrase tables that apply by their first word, once per
    // check, so each word of the text costs one lookup.
    let mut by_first: BTreeMap<&str, Vec<(Rule, &Phrase)>> = BTreeMap::new();
    let lang = context.language.to_lowercase();
    let tables: [(Rule, &[Phrase]); 3] = [
        (Rule::Harsh, HARSH),
        (Rule::Blame, BLAME),
        (Rule::Reason, if context.stranger { REASONS } else { &[] }),
    ];
    for (rule, table) in tables {
        for ph in table.iter().filter(|ph| lang_applies(ph.lang, &lang)) {
            let first = ph.words.split(' ').next().unwrap_or_default();
            by_first.entry(first).or_default().push((rule, ph));
        }
    }

    for (i, word) in ws.iter().enumerate() {
        let Some(rules) = by_first.get(word.lower.as_str()) else {
            continue;
        };
        for &(rule, ph) in rules {
            let Some(j) = matches_at(&ws, i, ph.words) else {
                continue;
            };
            let start = word.start;
            let end = ws.get(j).map_or(word.end, |w| w.end);
            let said = slice(&chars, start, end);
            let (id, message) = match rule {
                Rule::Harsh => (HINT_HARSH_WORD, format!("“{said}” may sound harsh.")),
                Rule::Blame => {
                    let before = i.checked_sub(1).and_then(|b| ws.get(b));
                    let conditional =
                        before.is_some_and(|b| BLAME_KIND_BEFORE.contains(&b.lower.as_str()));
                    let next = ws.get(j + 1).map(|w| w.lower.as_str());
                    if conditional || next.is_some_and(|n| BLAME_KIND_NEXT.contains(&n)) {
                        continue;
                    }
                    (
                        HINT_BLAME,
                        format!("“{said}…” talks about them; it can read as blame."),
                    )
                }
                Rule::Reason => (
                    HINT_REASON_TO_STRANGER,
                    format!("“{said}” gives a stranger a specific reason."),
                ),
            };
            hints.push(hint(
                id,
                (start, end),
                Severity::Warning,
                Said {
                    id,
                    text: message,
                    args: vec![said],
                },
                Said {
                    id: ph.tip.id,
                    text: ph.tip.text.into(),
                    args: Vec::new(),
                },
            ));
        }
    }

    shouting_words(&ws, &chars, &mut hints);
    shouting_marks(&chars, &mut hints);
    unfilled(&chars, &mut hints);

    if context.limit > 0 {
        let n = crate::template::count_chars(text);
        if n > context.limit {
            let cut = n - context.limit;
            hints.push(hint(
                HINT_OVER_LIMIT,
                (char_index_of_count(text, context.limit), total),
                Severity::Problem,
                said(
                    "over_limit",
                    format!(
                        "{n} characters; the limit here is {}, so {cut} would be cut.",
                        context.limit
                    ),
                    &[&n.to_string(), &context.limit.to_string(), &cut.to_string()],
                ),
                said(
                    "shorten",
                    "Shorten it: one thank-you, one sentence about your policy, one offer.",
                    &[],
                ),
            ));
        }
    }

    if !outgoing
        && !ws
            .iter()
            .any(|w| THANKS.iter().any(|t| w.lower.starts_with(t)))
    {
        hints.push(hint(
            HINT_NO_THANKS,
            (0, 0),
            Severity::Warning,
            said("no_thanks", "The reply doesn't thank them.", &[]),
            said(
                "open_thanks",
                "Open with “Thank you for the invitation”.",
                &[],
            ),
        ));
    }

    if let Some(first) = context.first_name.as_deref().map(str::trim) {
        let name_words = words(first);
        let named = !name_words.is_empty()
            && (0..ws.len()).any(|i| {
                name_words
                    .iter()
                    .enumerate()
                    .all(|(k, nw)| ws.get(i + k).is_some_and(|w| w.lower == nw.lower))
            });
        if !name_words.is_empty() && !named {
            if outgoing {
                hints.push(hint(
                    HINT_NOTE_NO_NAME,
                    (0, 0),
                    Severity::Warning,
                    said(
                        "note_no_name",
                        format!("The note doesn't address {first} by name."),
                        &[first],
                    ),
                    said(
                        "greet_by_name",
                        format!("Start with “Hi {first},”."),
                        &[first],
                    ),
                ));
            } else if context.they_wrote_note {
                hints.push(hint(
                    HINT_NO_NAME,
                    (0, 0),
                    Severity::Warning,
                    said(
                        "no_name",
                        format!(
                            "{first} wrote you a personal note, but the reply doesn't use their name."
                        ),
                        &[first],
                    ),
                    said(
                        "use_name",
                        format!("Start with “Hi {first},” and answer their note."),
                        &[first],
                    ),
                ));
            }
        }
    }

    hints.sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    hints.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.id == b.id);
    hints
}

/// A run of two or more ALL-CAPS words of three letters or more, or one
/// such word of six letters or more, is shouting. Short acronyms (CEO, UX,
/// AI) alone are not.
fn shouting_words(ws: &[Word], chars: &[char], hints: &mut Vec<Hint>) {
    let loud = |w: &Word| w.letters >= 3 && w.upper == w.letters;
    let mut i = 0;
    while i < ws.len() {
        let run = ws
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|w| loud(w))
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let (Some(first), Some(last)) = (ws.get(i), ws.get(i + run - 1)) else {
            break;
        };
        if run >= 2 || first.letters >= 6 {
            let loud_words = slice(chars, first.start, last.end);
            hints.push(hint(
                HINT_SHOUTING,
                (first.start, last.end),
                Severity::Warning,
                said(
                    "shouting_words",
                    format!("“{loud_words}” in capitals reads as shouting."),
                    &[&loud_words],
                ),
                said("plain_letters", "Write it in ordinary letters.", &[]),
            ));
        }
        i += run;
    }
}

/// "!!", "??", "?!" and longer runs read as shouting too.
fn shouting_marks(chars: &[char], hints: &mut Vec<Hint>) {
    let mut start: Option<usize> = None;
    let mut n = 0usize;
    for (i, c) in chars
        .iter()
        .copied()
        .chain(std::iter::once(' '))
        .enumerate()
    {
        if matches!(c, '!' | '?' | '！' | '？') {
            start.get_or_insert(i);
            n += 1;
            continue;
        }
        if let Some(s) = start.take() {
            if n >= 2 {
                let marks = slice(chars, s, i);
                hints.push(hint(
                    HINT_SHOUTING,
                    (s, i),
                    Severity::Warning,
                    said(
                        "shouting_marks",
                        format!("“{marks}” reads as shouting."),
                        &[&marks],
                    ),
                    said(
                        "one_mark",
                        "One full stop or one question mark is enough.",
                        &[],
                    ),
                ));
            }
        }
        n = 0;
    }
}

/// Braces left in the text (a placeholder that was never filled), and
/// `[Name]`-style blanks copied from a sample text.
fn unfilled(chars: &[char], hints: &mut Vec<Hint>) {
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let close = match c {
            '{' => Some('}'),
            '}' => None,
            '[' if chars.get(i + 1).is_some_and(|n| n.is_alphabetic()) => Some(']'),
            _ => {
                i += 1;
                continue;
            }
        };
        // The end of the group: its closing bracket on the same line,
        // within a short distance; else just this one character.
        let mut end = i + 1;
        if let Some(close) = close {
            let mut j = i + 1;
            while let Some(&d) = chars.get(j) {
                if j - i > 40 || d == '\n' || d == '{' || d == '[' {
                    break;
                }
                if d == close {
                    end = j + 1;
                    break;
                }
                if close == ']' && !(d.is_alphabetic() || d == ' ' || d == '_') {
                    break;
                }
                j += 1;
            }
            if c == '[' && end == i + 1 {
                // "[" that does not enclose a word is just a bracket.
                i += 1;
                continue;
            }
        }
        let what = slice(chars, i, end);
        hints.push(hint(
            HINT_UNFILLED,
            (i, end),
            if c == '[' {
                Severity::Warning
            } else {
                Severity::Problem
            },
            said(
                "unfilled_placeholder",
                format!("“{what}” looks like a blank that was never filled."),
                &[&what],
            ),
            said(
                "fill_blank",
                "Replace it with the real words, or remove it.",
                &[],
            ),
        ));
        i = end;
    }
}

/// The text between two char indices.
fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars.get(start..end).unwrap_or_default().iter().collect()
}
