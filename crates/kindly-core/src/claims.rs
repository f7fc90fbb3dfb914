//! What a reply's words claim, read from its text: for templates stored
//! before claims were declared (the store gives them the claims their text
//! makes), and as a second net over the library, whose entries declare
//! theirs by hand (`ETIQUETTE.md` §Claims).
//!
//! A phrase list, not the engine's check: the engine trusts what a
//! template declares. Text shown only when the fact behind it is known
//! (`{if note}…{end}`, `{if met_at}…{end}` …) is left out: it claims only
//! what that fact backs.

use crate::lang::{fold, Folded};
use crate::model::Claim;
use crate::template::{self, Condition, Field};

/// Phrases (folded) that make each claim, in the library's four languages.
const PHRASES: &[(Claim, &[&str])] = &[
    (
        Claim::MetInPerson,
        &[
            // Broad on purpose: a claim read in error only keeps a reply
            // for the cards that back it.
            "to meet you",
            "pleasure to meet",
            "pleasure meeting",
            "meeting you",
            "we met",
            "met you",
            "vous rencontrer",
            "vous avoir rencontré",
            "fait votre connaissance",
            "nous sommes rencontrés",
            "kennenzulernen",
            "kennengelernt",
            "getroffen",
            "conocerle",
            "conocerte",
            "conocerla",
            "nos conocimos",
        ],
    ),
    (
        Claim::Talked,
        &[
            "our conversation",
            "our chat",
            "our call",
            "we spoke",
            "we talked",
            "good conversation",
            "notre échange",
            "notre conversation",
            "notre discussion",
            "cet échange",
            "unser gespräch",
            "unserem gespräch",
            "gute gespräch",
            "nuestra conversación",
            "la conversación",
            "nuestra charla",
        ],
    ),
    (
        Claim::WorkedTogether,
        &[
            "worked together",
            "we worked",
            "travaillé ensemble",
            "zusammenarbeit ist",
            "zusammengearbeitet haben wir",
            "trabajamos juntos",
            "trabajamos juntas",
        ],
    ),
    (
        Claim::StudiedTogether,
        &[
            "studied together",
            "étudié ensemble",
            "gemeinsames studium",
            "zusammen studiert",
            "estudiamos juntos",
            "estudiamos juntas",
        ],
    ),
    (
        Claim::Friends,
        &[
            "lovely to hear from you",
            "see you soon",
            "de tes nouvelles",
            "à très vite",
            "von dir zu hören",
            "bis bald",
            "saber de ti",
            "hasta pronto",
        ],
    ),
    (
        Claim::ReadTheirNote,
        &[
            "your note",
            "your kind note",
            "your kind words",
            "votre message",
            "vos mots",
            "ihre nachricht",
            "ihre freundlichen worte",
            "su mensaje",
            "sus amables palabras",
        ],
    ),
    (
        Claim::TheySawMyWork,
        &[
            "about my work",
            "my talk",
            "my post",
            "my article",
            "sur mon travail",
            "mon intervention",
            "zu meiner arbeit",
            "meinen vortrag",
            "sobre mi trabajo",
            "mi charla",
        ],
    ),
    (
        Claim::TheyAskedAdvice,
        &[
            "happy to help where",
            "gladly help",
            "vous aiderai",
            "ich helfe gern, wo",
            "ich helfe, wo",
            "le ayudaré",
        ],
    ),
    (
        Claim::NotLooking,
        &[
            "not looking for a new role",
            "not looking for a change",
            "ne cherche pas de nouveau poste",
            "suche derzeit keine neue stelle",
            "no busco un nuevo puesto",
        ],
    ),
    (
        Claim::OpenToRoles,
        &[
            "open to new roles",
            "à l'écoute de nouvelles opportunités",
            "offen für neue aufgaben",
            "me interesan nuevas oportunidades",
        ],
    ),
    (
        Claim::TheyAreSelling,
        &[
            "new services",
            "nouveaux services",
            "neuen dienstleistungen",
            "nuevos servicios",
        ],
    ),
    (
        Claim::OutsideMyField,
        &[
            "my own field",
            "outside my field",
            "mon propre domaine",
            "eigenes fachgebiet",
            "mi propio sector",
        ],
    ),
    (
        Claim::InvitedBefore,
        &[
            "inviting me again",
            "earlier invitation",
            "m'inviter à nouveau",
            "première invitation",
            "erneut einladen",
            "erste einladung",
            "invitarme de nuevo",
            "primera invitación",
        ],
    ),
    (
        Claim::ManyFromTheirCompany,
        &[
            "invitations from people at",
            "invitations de personnes de",
            "einladungen von menschen bei",
            "invitaciones de personas de",
        ],
    ),
    (
        Claim::LateAnswer,
        &[
            "slow reply",
            "slow to reply",
            "late reply",
            "répondre si tard",
            "réponse tardive",
            "späte antwort",
            "tardanza",
        ],
    ),
    (
        Claim::MutualContact,
        &[
            "mutual contact",
            "contact in common",
            "contact commun",
            "relation commune",
            "gemeinsamen kontakt",
            "gemeinsamer kontakt",
            "contacto en común",
            "contacto común",
        ],
    ),
];

/// The claims `body` (a template's text) makes, in [`Claim::ALL`] order.
pub fn in_text(body: &str) -> Vec<Claim> {
    let parsed = template::parse(body).ok();
    PHRASES
        .iter()
        .filter(|(claim, phrases)| {
            let text = Folded::new(&words_claiming(body, parsed.as_ref(), *claim));
            phrases.iter().any(|p| text.contains(p))
        })
        .map(|(claim, _)| *claim)
        .collect()
}

/// Whether text shown only when `condition` holds makes `claim` truthfully:
/// `{if note}` shows only when they wrote a note (thanks for it), `{if
/// met_at}` only when the user said where they met, `{if topic}` what they
/// talked about, `{if mutual}` / `{if mutual_name}` whom both know.
fn backs(condition: Condition, claim: Claim) -> bool {
    matches!(
        (condition, claim),
        (Condition::Note, Claim::ReadTheirNote)
            | (Condition::Known(Field::MetAt), Claim::MetInPerson)
            | (Condition::Known(Field::Topic), Claim::Talked)
            | (
                Condition::Mutual | Condition::Known(Field::MutualName),
                Claim::MutualContact
            )
    )
}

/// The words of `body` that could make `claim` unbacked, folded: blocks
/// whose condition backs it are left out. A body that does not parse is
/// read whole, which reads more claims, never fewer.
fn words_claiming(body: &str, parsed: Option<&template::Template>, claim: Claim) -> String {
    let text = match parsed {
        Some(parsed) => template::words_outside(parsed, &|c| backs(c, claim)),
        None => body.to_string(),
    };
    text.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_claims_and_skips_what_only_a_note_shows() {
        assert_eq!(
            in_text("Hi, it was good to meet you. I enjoyed our conversation."),
            vec![Claim::MetInPerson, Claim::Talked]
        );
        assert_eq!(
            in_text("Thank you{if note}, and thank you for your note{end}."),
            Vec::<Claim>::new()
        );
        assert_eq!(
            in_text("Ravi d'avoir fait votre connaissance"),
            vec![Claim::MetInPerson]
        );
        assert!(in_text("Thank you for the invitation.").is_empty());
    }

    #[test]
    fn a_block_shown_only_with_the_fact_behind_it_claims_nothing_unbacked() {
        // Shown only when the user said where they met: backed.
        assert!(in_text("Hi{if met_at}, it was good to meet you at {met_at}{end}.").is_empty());
        assert!(in_text("{if topic}I enjoyed our conversation about {topic}.{end}").is_empty());
        assert!(
            in_text("{if mutual_name}Through our mutual contact {mutual_name}.{end}").is_empty()
        );
        // Said whatever the facts: a claim.
        assert_eq!(
            in_text("It was good to meet you at {met_at}."),
            vec![Claim::MetInPerson]
        );
        // A fact backs only its own claim, and an `{else}` shows without it.
        assert_eq!(
            in_text("{if topic}It was good to meet you.{end}"),
            vec![Claim::MetInPerson]
        );
        assert_eq!(
            in_text("{if met_at}Hello.{else}We met, I think.{end}"),
            vec![Claim::MetInPerson]
        );
        assert_eq!(
            in_text("{unless met_at}It was good to meet you.{end}"),
            vec![Claim::MetInPerson]
        );
        // A body that does not parse is read whole.
        assert_eq!(
            in_text("{if met_at}It was good to meet you{end"),
            vec![Claim::MetInPerson]
        );
    }
}
