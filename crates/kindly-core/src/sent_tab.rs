//! Reading LinkedIn's Sent tab: who each row is and how long ago the
//! invitation was sent, and whether the list shown is the whole list.
//!
//! Design: a row is read like a received card (`card::parse_card` on its
//! texts and links: the profile link gives the key, "Sent 2 weeks ago" the
//! age, in every language `lang` reads), with the Withdraw control's label
//! as a second source for the name. Whether the list is complete is
//! decided conservatively, because it is what lets Kindly say "no longer
//! pending": LinkedIn loads the list lazily, so a row missing from a
//! partial list proves nothing.

use crate::card::{clean_name, first_name, parse_card, CardText};
use crate::controls;
use crate::lang::{self, fold, strip_prefix_ci, strip_suffix_ci, Lang};
use crate::model::Kind;
use serde::{Deserialize, Serialize};

/// One row of the Sent tab, as the page adapter pulls it out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentRowText {
    /// The row's texts, links and name, read as a card's (it has no
    /// Accept or Ignore: the labels stay empty).
    pub card: CardText,
    /// The Withdraw control's label ("Withdraw invitation sent to Avery
    /// Stone"), else its text.
    pub withdraw_label: String,
}

/// A Sent-tab row, understood.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentRow {
    /// The invitee's card key: their profile slug, else `<kind>/<slug>`.
    pub key: String,
    /// A person, a page, a newsletter or an event.
    pub kind: Kind,
    /// The invitee's name, when the row shows it.
    pub name: Option<String>,
    /// Their first name, when it can be told.
    pub first_name: Option<String>,
    /// The line under the name.
    pub headline: Option<String>,
    /// How long ago it was sent, in days ("Sent 2 weeks ago": 14).
    pub age_days: Option<u32>,
}

/// Words that mean "withdraw" on a Sent row's control.
const WITHDRAW_WORDS: &[&str] = &[
    "withdraw",     // en
    "retirer",      // fr
    "zurückziehen", // de
    "retirar",      // es, pt
    "ritira",       // it
    "intrekken",    // nl
    "wycofaj",      // pl
    "återkalla",    // sv
];

/// (prefix, suffix) around the invitee's name in the Withdraw label, by
/// language (folded). The French, German and Spanish forms are LinkedIn's
/// wording as far as it is known; a label that matches none still marks a
/// Withdraw control by its verb.
const WITHDRAW_LABELS: &[(&str, &[(&str, &str)])] = &[
    (
        "en",
        &[
            ("withdraw invitation sent to ", ""),
            ("withdraw invitation to ", ""),
            ("withdraw the invitation sent to ", ""),
        ],
    ),
    (
        "fr",
        &[
            ("retirer l'invitation envoyée à ", ""),
            ("retirer l'invitation envoyee a ", ""),
            ("retirer l'invitation à ", ""),
        ],
    ),
    (
        "de",
        &[
            ("einladung an ", " zurückziehen"),
            ("an ", " gesendete einladung zurückziehen"),
            ("einladung zurückziehen, gesendet an ", ""),
        ],
    ),
    (
        "es",
        &[
            ("retirar invitación enviada a ", ""),
            ("retirar la invitación enviada a ", ""),
            ("retirar invitación a ", ""),
        ],
    ),
];

/// Controls that bring more of a list: a "Load more" button, or a next
/// page (folded, whole labels).
const MORE_LABELS: &[&str] = &[
    "load more",
    "show more",
    "show more results",
    "see more",
    "view more",
    "next",
    "charger plus",
    "afficher plus",
    "afficher plus de résultats",
    "voir plus",
    "suivant",
    "mehr laden",
    "mehr anzeigen",
    "weitere anzeigen",
    "weitere ergebnisse anzeigen",
    "weiter",
    "cargar más",
    "mostrar más",
    "mostrar más resultados",
    "ver más",
    "siguiente",
];

/// The word before a people count ("People (37)"), by language (folded).
const PEOPLE_WORDS: &[&str] = &["people", "personnes", "personen", "personas", "persons"];

/// Whether a control's label (aria-label, else text) is a Sent row's
/// Withdraw.
pub fn is_withdraw_label(label: &str) -> bool {
    label.chars().count() <= controls::MAX_LABEL_CHARS && controls::has_word(label, WITHDRAW_WORDS)
}

/// The invitee's name in a Withdraw label, in a language Kindly reads.
pub fn withdraw_name(label: &str, page_lang: &str) -> Option<String> {
    let label = label.trim();
    let langs: Vec<&'static Lang> = lang::ordered(lang::by_code(page_lang)).collect();
    langs.iter().find_map(|l| {
        let forms = WITHDRAW_LABELS.iter().find(|(code, _)| *code == l.code)?.1;
        forms.iter().find_map(|(prefix, suffix)| {
            let rest = strip_prefix_ci(label, prefix)?;
            let name = if suffix.is_empty() {
                rest
            } else {
                strip_suffix_ci(rest, suffix)?
            };
            clean_name(name, &langs)
        })
    })
}

/// Understands one row.
pub fn read_row(row: &SentRowText) -> SentRow {
    let mut card = row.card.clone();
    let langs: Vec<&'static Lang> = lang::ordered(lang::by_code(&card.lang)).collect();
    if card.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
        card.name = withdraw_name(&row.withdraw_label, &card.lang);
    }
    let mut invitation = parse_card(&card);
    if invitation.full_name.is_none() && invitation.target_name.is_none() {
        // Every era draws the name first in the row: in markup that marks
        // it nowhere (no bold, no linked name) and a Withdraw label in a
        // language Kindly does not read, the first line is it.
        let first_line = card
            .lines
            .first()
            .filter(|l| l.split_whitespace().count() <= 6)
            .and_then(|l| clean_name(l, &langs));
        if first_line.is_some() {
            card.name = first_line;
            invitation = parse_card(&card);
        }
    }
    let name = invitation.full_name.or(invitation.target_name);
    let first = invitation.first_name.or_else(|| {
        name.as_deref()
            .filter(|_| invitation.kind == Kind::Person)
            .and_then(|n| first_name(n, &langs))
    });
    SentRow {
        key: invitation.key,
        kind: invitation.kind,
        name,
        first_name: first,
        headline: invitation.headline,
        age_days: invitation.age_days,
    }
}

/// Whether a control's label asks for more of the list.
pub fn is_more_control(label: &str) -> bool {
    let folded: String = label
        .chars()
        .map(fold)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let folded = folded.trim_matches(|c: char| !c.is_alphanumeric());
    MORE_LABELS.contains(&folded)
}

/// The number in a people count ("People (37)", "Personnes (3)"); `None`
/// for any other text.
pub fn people_count(text: &str) -> Option<u32> {
    let folded: String = text.chars().map(fold).collect();
    let folded = folded.trim();
    let open = folded.rfind('(')?;
    let word = folded.get(..open)?.trim();
    let number = folded.get(open + 1..)?.trim().strip_suffix(')')?.trim();
    let number: String = number
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if !PEOPLE_WORDS.contains(&word) || number.is_empty() {
        return None;
    }
    number.parse().ok()
}

/// What the page shows around the rows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentListText {
    /// The page's path ("/mynetwork/invitation-manager/sent/").
    pub path: String,
    /// Texts of the page's tabs and filters ("People (37)", "Pages (1)"),
    /// each with whether it is the current one.
    pub counts: Vec<(String, bool)>,
    /// Labels of the enabled controls after the last row: where a "Load
    /// more" or a next page would be.
    pub after_rows: Vec<String>,
}

/// Whether the list holds people and is complete.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ListState {
    /// The list is the people one (not `/sent/ORGANIZATION/`, pages).
    pub of_people: bool,
    /// Every pending invitation to a person is among the rows read: the
    /// people count equals the person rows; without a count, no control
    /// offers more and there is at least one row (an empty list may still
    /// be loading).
    pub complete: bool,
    /// The people count, when the page shows one.
    pub count: Option<u32>,
}

/// Reads the list's state from what the page shows and the rows read.
pub fn list_state(list: &SentListText, rows: &[SentRow]) -> ListState {
    let path = list.path.to_ascii_lowercase();
    let of_people = !path.contains("/sent/organization");
    // The current tab's count when it is a people count, else the first.
    let counted: Vec<(u32, bool)> = list
        .counts
        .iter()
        .filter_map(|(text, current)| people_count(text).map(|n| (n, *current)))
        .collect();
    let count = counted
        .iter()
        .find(|(_, current)| *current)
        .or(counted.first())
        .map(|(n, _)| *n);
    let person_rows = rows.iter().filter(|r| r.kind == Kind::Person).count();
    let more = list.after_rows.iter().any(|l| is_more_control(l));
    let complete = of_people
        && match count {
            Some(n) => u32::try_from(person_rows).is_ok_and(|rows| rows >= n),
            None => !more && person_rows > 0,
        };
    ListState {
        of_people,
        complete,
        count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withdraw_labels_in_four_languages() {
        let cases = [
            (
                "Withdraw invitation sent to Avery Stone",
                "en",
                Some("Avery Stone"),
            ),
            (
                "Retirer l’invitation envoyée à Camille Roux",
                "fr",
                Some("Camille Roux"),
            ),
            (
                "Einladung an Jürgen Weiß zurückziehen",
                "de",
                Some("Jürgen Weiß"),
            ),
            (
                "Retirar invitación enviada a Lucía Gómez",
                "es",
                Some("Lucía Gómez"),
            ),
            ("Withdraw", "en", None),
        ];
        for (label, lang, name) in cases {
            assert!(is_withdraw_label(label), "{label}");
            assert_eq!(withdraw_name(label, lang).as_deref(), name, "{label}");
        }
        for label in ["Withdrawn", "Message", "Accept Ana’s invitation", "Pending"] {
            assert!(!is_withdraw_label(label), "{label}");
        }
    }

    #[test]
    fn counts_and_more_controls() {
        assert_eq!(people_count("People (37)"), Some(37));
        assert_eq!(people_count("Personnes (1 204)"), Some(1204));
        assert_eq!(people_count("Personen (0)"), Some(0));
        assert_eq!(people_count("Pages (1)"), None);
        assert_eq!(people_count("People"), None);
        for label in [
            "Load more",
            "Show more results",
            "Mehr anzeigen",
            "Ver más",
            "  Suivant ",
        ] {
            assert!(is_more_control(label), "{label}");
        }
        for label in ["Withdraw", "People (3)", "Show more actions"] {
            assert!(!is_more_control(label), "{label}");
        }
    }
}
