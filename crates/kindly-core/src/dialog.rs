//! Reading LinkedIn's "Add a note" dialog (the connect flow on profiles,
//! search results and suggestions): whether a dialog is it, which step it
//! shows, whom the invitation is for, LinkedIn's own character limit, and
//! the email gate, from the plain texts the page adapter pulls out.
//!
//! Design, as for cards: structure first, words second. A dialog holding
//! exactly one multi-line text box, a counter "N/200" or "N/300" and a
//! send-like control is the note step in any language (LinkedIn's own
//! counter is the surest sign there is, and the limit it shows wins over
//! every label: the label has said 300 while the counter said 200). In
//! English, French, German and Spanish the words also tell the first step
//! ("Add a note to your invitation?", no text box yet) and the email gate.

use crate::card::{clean_name, first_name};
use crate::controls;
use crate::lang::{self, find_ci, fold, Folded, Lang};
use serde::{Deserialize, Serialize};

/// Everything the page adapter pulls out of one dialog, as plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DialogText {
    /// The page language (`<html lang>`); may be empty.
    pub lang: String,
    /// The dialog's heading (its `aria-labelledby`, else its first heading).
    pub heading: Option<String>,
    /// Its text blocks in document order, controls left out.
    pub lines: Vec<String>,
    /// Texts in bold (`strong`, `b`): where the step-one body names the
    /// invitee ("Personalize your invitation to **Ana Lima**").
    pub emphasised: Vec<String>,
    /// The note box's accessible names: `aria-label`, its `label`,
    /// `aria-labelledby`, `aria-describedby`, `placeholder`.
    pub box_labels: Vec<String>,
    /// Labels (aria-label, else text) of the dialog's buttons and links,
    /// each with whether it is disabled.
    pub controls: Vec<(String, bool)>,
    /// Paths of the dialog's links.
    pub links: Vec<String>,
    /// How many multi-line text boxes the dialog holds.
    pub note_boxes: usize,
    /// It holds an email field.
    pub email_box: bool,
    /// The text of the element that reads as a character counter ("0/200").
    pub counter: Option<String>,
    /// The note box's `maxlength`, as written.
    pub max_length: Option<String>,
}

/// Which step of the connect flow a dialog shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// "Add a note to your invitation?": Add a note, or Send without one.
    /// No text box yet.
    AskNote,
    /// The note is being written: a text box, a counter, Send.
    Writing,
}

/// How a dialog was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recognised {
    /// By its words, in a language Kindly reads.
    Words,
    /// By its shape alone: one multi-line box, a counter N/200 or N/300, a
    /// send-like control.
    Shape,
}

/// A dialog of the connect flow, understood.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteDialog {
    /// Where in the connect flow the dialog is.
    pub step: Step,
    /// How it was recognised.
    pub recognised: Recognised,
    /// The invitee's name as the dialog shows it, when it does.
    pub name: Option<String>,
    /// What a note calls them.
    pub first_name: Option<String>,
    /// LinkedIn's own limit when the dialog shows one: its counter, else
    /// the box's `maxlength`, else a label ("limit … to 300 characters").
    pub limit: Option<usize>,
    /// Characters used, as LinkedIn's counter says.
    pub used: Option<usize>,
    /// LinkedIn asks for their email address before it sends.
    pub email_required: bool,
    /// "3 personalized invitations remaining for this month".
    pub notes_left: Option<u32>,
    /// A Premium offer stands where the note box would be: no note can be
    /// added this month.
    pub quota_used_up: bool,
}

/// Phrases (folded) that mark the connect flow's dialog, by language.
const INVITE_PHRASES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "add a note",
            "send without a note",
            "personalize your invitation",
            "personalise your invitation",
            "customize this invitation",
            "personal note",
            "personal message",
            "send invitation",
            "we know each other from",
            "how do you know",
            "to your invitation",
            "enter their email to connect",
            "personalized invitations remaining",
        ],
    ),
    (
        "fr",
        &[
            "ajouter une note",
            "envoyer sans note",
            "personnalisez votre invitation",
            "personnaliser votre invitation",
            "note personnelle",
            "message personnel",
            "envoyer une invitation",
            "nous nous connaissons",
            "à votre invitation",
            "invitations personnalisées",
        ],
    ),
    (
        "de",
        &[
            "notiz hinzufügen",
            "nachricht hinzufügen",
            "ohne notiz senden",
            "ohne nachricht senden",
            "einladung senden",
            "persönliche nachricht",
            "persönliche notiz",
            "zu ihrer einladung",
            "ihre einladung personalisieren",
            "wir kennen uns",
            "personalisierte einladungen",
        ],
    ),
    (
        "es",
        &[
            "agregar una nota",
            "añadir una nota",
            "enviar sin nota",
            "enviar invitación",
            "nota personal",
            "mensaje personal",
            "personaliza tu invitación",
            "personalice su invitación",
            "a su invitación",
            "a tu invitación",
            "nos conocemos",
            "invitaciones personalizadas",
        ],
    ),
];

/// Labels (folded phrases) of step one's "Add a note" control.
const ADD_NOTE: &[&str] = &[
    "add a note",
    "ajouter une note",
    "notiz hinzufügen",
    "nachricht hinzufügen",
    "agregar una nota",
    "añadir una nota",
];

/// Phrases of the email gate ("To verify this member knows you, please
/// enter their email to connect").
const EMAIL_GATE: &[&str] = &[
    "enter their email",
    "their email address",
    "adresse e-mail",
    "adresse email",
    "e-mail-adresse",
    "e-mail adresse",
    "correo electrónico",
    "dirección de correo",
];

/// Words of a send control, in many languages (whole words).
const SEND_WORDS: &[&str] = &[
    "send",
    "envoyer",
    "senden",
    "enviar",
    "invia",
    "inviare",
    "verzenden",
    "versturen",
    "wyślij",
    "skicka",
    "send",
    "lähetä",
    "gönder",
    "отправить",
    "kirim",
    "送信",
    "发送",
    "보내기",
    "إرسال",
];

/// Words that follow a limit in a label: "300 characters".
const CHARACTER_WORDS: &[&str] = &[
    "characters",
    "character",
    "chars",
    "caractères",
    "caracteres",
    "zeichen",
    "caratteri",
    "tekens",
    "znaków",
];

/// Words of "N personalized invitations remaining" that say "left".
const REMAINING_WORDS: &[&str] = &[
    "remaining",
    "left",
    "restantes",
    "restante",
    "reste",
    "übrig",
    "verbleibend",
    "verbleibende",
    "quedan",
];

/// (prefix, stops): a name follows the prefix in a line, up to the first
/// stop ("Personalize your invitation to Ana Lima by adding a note").
const NAME_AFTER: &[(&str, &[&str])] = &[
    ("invitation to ", &[" by ", " with "]),
    ("invite ", &[" to connect", " to join"]),
    ("how do you know ", &[]),
    ("invitation à ", &[" en ", " avec "]),
    ("inviter ", &[" à se connecter", " à rejoindre"]),
    ("einladung an ", &[" hinzu", " durch", " mit "]),
    ("invitación a ", &[" añadiendo", " agregando", " con "]),
    ("invitar a ", &[" a conectar", " a unirse"]),
];

/// A line's end, for a name read from it.
const NAME_ENDS: &[char] = &['.', '?', '!', ',', ':', ';', '(', '\n'];

fn folded(s: &str) -> String {
    s.chars().map(fold).collect()
}

/// Whether `text` holds one of `phrases` (folded, case and apostrophes
/// aside).
fn has_phrase(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| find_ci(text, p).is_some())
}

/// "0/200", "216 / 300": (used, limit).
pub fn counter(text: &str) -> Option<(usize, usize)> {
    let text = text.trim();
    if text.chars().count() > 15 {
        return None;
    }
    let (used, limit) = text.split_once('/')?;
    let number = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
    };
    let (used, limit) = (number(used)?, number(limit)?);
    (limit > 0 && used <= limit.saturating_mul(2)).then_some((used, limit))
}

/// A limit stated in words: the number before "characters" (in the
/// languages listed), e.g. "Please limit personal note to 300 characters".
pub fn stated_limit(text: &str) -> Option<usize> {
    let f = folded(text);
    let words: Vec<&str> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).find_map(|pair| match pair {
        [n, unit] if CHARACTER_WORDS.contains(unit) => n.parse().ok(),
        _ => None,
    })
}

/// "3 personalized invitations remaining": 3.
fn notes_left(line: &str) -> Option<u32> {
    let f = folded(line);
    let words: Vec<&str> = f.split_whitespace().collect();
    if !words
        .iter()
        .any(|w| REMAINING_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
    {
        return None;
    }
    if !has_phrase(line, &["invitation", "einladung", "invitación"]) {
        return None;
    }
    words.iter().find_map(|w| w.parse().ok())
}

/// The invitee's name in a text, after one of [`NAME_AFTER`]'s prefixes.
fn name_in(text: &str, langs: &[&'static Lang]) -> Option<String> {
    NAME_AFTER.iter().find_map(|(prefix, stops)| {
        let (_, end) = find_ci(text, prefix)?;
        let rest = text.get(end..)?;
        let mut cut = rest.find(NAME_ENDS).unwrap_or(rest.len());
        for stop in *stops {
            if let Some((at, _)) = find_ci(rest, stop) {
                cut = cut.min(at);
            }
        }
        let name = rest.get(..cut)?.trim();
        // A name is a few words, not a sentence.
        (name.split_whitespace().count() <= 6)
            .then(|| clean_name(name, langs))
            .flatten()
    })
}

/// Whether a control is send-like: its label holds a send word, or it is
/// disabled (LinkedIn disables Send while the note is empty).
fn send_like((label, disabled): &(String, bool)) -> bool {
    *disabled || controls::has_word(label, SEND_WORDS)
}

/// Whether a control's label is Send's ("Send invitation", "Enviar"…), in
/// a language Kindly reads: the click that sends the note.
pub fn is_send_label(label: &str) -> bool {
    controls::has_word(label, SEND_WORDS)
}

/// Understands a dialog; `None` when it is not the connect flow's.
pub fn read_dialog(d: &DialogText) -> Option<NoteDialog> {
    let langs: Vec<&'static Lang> = lang::ordered(lang::by_code(&d.lang)).collect();
    let phrases: Vec<&str> = langs
        .iter()
        .filter_map(|l| INVITE_PHRASES.iter().find(|(code, _)| *code == l.code))
        .flat_map(|(_, p)| p.iter().copied())
        .collect();
    let texts: Vec<&str> = d
        .heading
        .iter()
        .map(String::as_str)
        .chain(d.lines.iter().map(String::as_str))
        .chain(d.box_labels.iter().map(String::as_str))
        .chain(d.controls.iter().map(|(l, _)| l.as_str()))
        .collect();
    let by_words = texts.iter().any(|t| has_phrase(t, &phrases));
    let count = d.counter.as_deref().and_then(counter);
    let by_shape = d.note_boxes == 1
        && count.is_some_and(|(_, limit)| limit == 200 || limit == 300)
        && d.controls.iter().any(send_like);
    if !by_words && !by_shape {
        return None;
    }
    let adds_note = d.controls.iter().any(|(l, _)| {
        let f = Folded::new(l);
        ADD_NOTE.iter().any(|p| f.contains(p))
    });
    let step = if d.note_boxes > 0 {
        Step::Writing
    } else if adds_note || by_words {
        Step::AskNote
    } else {
        return None;
    };
    let limit = count
        .map(|(_, limit)| limit)
        .or_else(|| d.max_length.as_deref().and_then(|m| m.trim().parse().ok()))
        .or_else(|| {
            d.box_labels
                .iter()
                .chain(&d.lines)
                .find_map(|t| stated_limit(t))
        })
        .filter(|n| (1..=10_000).contains(n));
    // The invitee's name: in bold in a line about the invitation, else
    // after "invitation to", "Einladung an" … in any text.
    let name = d
        .emphasised
        .iter()
        .filter(|e| !e.chars().any(|c| c.is_ascii_digit()))
        .find(|e| {
            d.lines
                .iter()
                .any(|l| l.contains(e.as_str()) && l.trim() != e.trim())
        })
        .and_then(|e| clean_name(e, &langs))
        .or_else(|| texts.iter().find_map(|t| name_in(t, &langs)));
    let first = name.as_deref().and_then(|n| first_name(n, &langs));
    let email_required = d.email_box || texts.iter().any(|t| has_phrase(t, EMAIL_GATE));
    let quota_used_up = d.note_boxes == 0
        && by_words
        && d.links
            .iter()
            .any(|p| p.to_ascii_lowercase().contains("/premium"));
    Some(NoteDialog {
        step,
        recognised: if by_words {
            Recognised::Words
        } else {
            Recognised::Shape
        },
        name,
        first_name: first,
        limit,
        used: count.map(|(used, _)| used),
        email_required,
        notes_left: d.lines.iter().find_map(|l| notes_left(l)),
        quota_used_up,
    })
}

/// For a dialog that does not name the invitee, on their own profile (the
/// address names them, see [`invitee_key`]): their name from the profile's
/// top heading, and what a note calls them. `None` when the heading does
/// not read as a name.
pub fn name_from_profile(heading: &str, page_lang: &str) -> Option<(String, Option<String>)> {
    let langs: Vec<&'static Lang> = lang::ordered(lang::by_code(page_lang)).collect();
    let name = clean_name(heading, &langs)?;
    let first = first_name(&name, &langs);
    Some((name, first))
}

/// The invitee's card key in the address the dialog belongs to: the
/// profile's (`/in/<slug>/`) or a custom-invite link's (`vanityName=`).
pub fn invitee_key(url: &str) -> Option<String> {
    let after_host = match url.find("://") {
        Some(i) => {
            let rest = url.get(i + 3..)?;
            rest.find('/').and_then(|j| rest.get(j..)).unwrap_or("")
        }
        None => url,
    };
    let (path, query) = after_host.split_once('?').unwrap_or((after_host, ""));
    let query = query.split('#').next().unwrap_or("");
    let from_query = query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == "vanityName" && !v.is_empty()).then(|| v.to_string())
    });
    let from_path = || {
        let mut segments = path.split('/').filter(|s| !s.is_empty());
        (segments.next()? == "in")
            .then(|| segments.next().map(str::to_string))
            .flatten()
    };
    let slug = from_query.or_else(from_path)?;
    let key = crate::card::percent_decode(&slug);
    (!key.trim().is_empty() && !key.contains('/')).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_stated_limits() {
        assert_eq!(counter("0/200"), Some((0, 200)));
        assert_eq!(counter(" 216 / 300 "), Some((216, 300)));
        assert_eq!(counter("1/2 of 3"), None);
        assert_eq!(counter("3/0"), None);
        assert_eq!(counter("page 1/200 of results"), None);
        assert_eq!(
            stated_limit("Please limit personal note to 300 characters."),
            Some(300)
        );
        assert_eq!(
            stated_limit("Veuillez limiter votre note à 200 caractères."),
            Some(200)
        );
        assert_eq!(stated_limit("Maximal 300 Zeichen"), Some(300));
        assert_eq!(stated_limit("Add a note"), None);
    }

    fn dialog(lines: &[&str], controls: &[&str]) -> DialogText {
        DialogText {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            controls: controls.iter().map(|c| (c.to_string(), false)).collect(),
            ..DialogText::default()
        }
    }

    #[test]
    fn the_invitee_is_named_after_the_invitation_in_four_languages() {
        let cases = [
            (
                "Personalize your invitation to Ana Lima by adding a note.",
                "Ana",
            ),
            ("How do you know Riley Park?", "Riley"),
            (
                "Personnalisez votre invitation à Camille Roux en ajoutant une note.",
                "Camille",
            ),
            (
                "Fügen Sie eine Nachricht zu Ihrer Einladung an Jürgen Weiß hinzu.",
                "Jürgen",
            ),
            (
                "Personalice su invitación a Lucía Gómez añadiendo una nota.",
                "Lucía",
            ),
            ("Invitar a Lucía Gómez a conectar", "Lucía"),
        ];
        for (line, first) in cases {
            let read = read_dialog(&dialog(&[line], &["Add a note"]));
            assert_eq!(
                read.as_ref().and_then(|r| r.first_name.as_deref()),
                Some(first),
                "{line}"
            );
            assert_eq!(read.map(|r| r.step), Some(Step::AskNote));
        }
    }

    #[test]
    fn a_premium_offer_in_place_of_the_box_means_no_note_this_month() {
        let mut d = dialog(
            &[
                "Add a note to your invitation?",
                "Send unlimited personalized invites with Premium.",
            ],
            &["Try Premium for free", "Send without a note"],
        );
        d.links = vec!["/premium/products/".into()];
        let read = read_dialog(&d);
        assert!(read.is_some_and(|r| r.quota_used_up && !r.email_required));
        let left = read_dialog(&dialog(
            &[
                "Add a note",
                "1 personalized invitation remaining for this month.",
            ],
            &[],
        ));
        assert_eq!(left.and_then(|l| l.notes_left), Some(1));
        // Not a word of the connect flow, no shape: not the dialog.
        assert!(read_dialog(&dialog(&["New message"], &["Send"])).is_none());
    }

    #[test]
    fn send_is_told_from_cancel_in_four_languages() {
        for label in [
            "Send invitation",
            "Envoyer",
            "Senden",
            "Enviar invitación",
            "Send",
        ] {
            assert!(is_send_label(label), "{label}");
        }
        for label in [
            "Cancel adding a note",
            "Annuler",
            "Add a note",
            "Dismiss",
            "",
        ] {
            assert!(!is_send_label(label), "{label}");
        }
    }

    #[test]
    fn the_invitees_key_from_the_address() {
        assert_eq!(
            invitee_key("https://www.linkedin.com/in/ana-lima-1a2b3c/").as_deref(),
            Some("ana-lima-1a2b3c")
        );
        assert_eq!(
            invitee_key("/preload/custom-invite/?vanityName=j%C3%BCrgen-weiss").as_deref(),
            Some("jürgen-weiss")
        );
        assert_eq!(
            invitee_key("https://www.linkedin.com/search/results/people/"),
            None
        );
        assert_eq!(invitee_key("/in/"), None);
    }
}
