//! What a reply's words claim, read from its text: for templates stored
//! before claims were declared (the store gives them the claims their text
//! makes), and as a second net over the library, whose entries declare
//! theirs by hand (`ETIQUETTE.md` §Claims).
//!
//! A phrase list, not the engine's check: the engine trusts what a
//! template declares. Text inside `{if note}…{end}` is left out, since it
//! shows only when they wrote a note.

use crate::lang::{fold, Folded};
use crate::model::Claim;

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
];

/// The claims `body` (a template's text) makes, in [`Claim::ALL`] order.
pub fn in_text(body: &str) -> Vec<Claim> {
    let text = Folded::new(&without_note_only(body));
    PHRASES
        .iter()
        .filter(|(_, phrases)| phrases.iter().any(|p| text.contains(p)))
        .map(|(claim, _)| *claim)
        .collect()
}

/// The text with every `{if note}…{end}` (or its `{else}`) left out.
fn without_note_only(body: &str) -> String {
    const OPEN: &str = "{if note}";
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + OPEN.len()..).unwrap_or("");
        let end = ["{end}", "{else}"]
            .iter()
            .filter_map(|tag| after.find(tag))
            .min()
            .unwrap_or(after.len());
        rest = after.get(end..).unwrap_or("");
    }
    out.push_str(rest);
    out.chars().map(fold).collect()
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
}
