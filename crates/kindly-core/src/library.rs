//! The default template library, written fresh from the etiquette guidance.
//!
//! Design decision: the library is data in code (one table), so it ships in
//! the WASM without a file to load, and its tests hold every entry to the
//! same rules as the user's own writing: it parses, fits its target's limit
//! with typical names, and passes [`crate::tone::check`] without a hint.
//! Each text follows ETIQUETTE.md: brief; thanks first; the user's own
//! policy, never the sender's faults; no reasons to strangers, a reason to
//! people they know; an alternative (email, a call) where it fits; every
//! fact has a fallback, and the sign-off and email sit inside `{if}` so a
//! missing one leaves nothing behind.
//!
//! Scam invitations: the right action is to ignore (and, for clear abuse,
//! "I don't know this person"); replying confirms the account is watched.
//! The `scam-minimal` entry exists only for someone who insists on
//! answering: one neutral line that gives nothing away.
//!
//! Ids are stable: stored data and imports refer to them, and
//! `store::restore_default_templates` matches on them.

use crate::model::{Action, Relationship, Situation, Target, TemplateRecord};

use Action::{Accept, Ask, Decline, Ignore, Reply};
use Relationship::{FormerColleague as Colleague, Friend as Pal, KnowWell, MetOnce, Stranger};
use Situation as S;

/// Sign-off lines reused by most templates; `{if my_name}` keeps a missing
/// name from leaving a dangling comma.
const BEST: &str = "\n\nBest wishes{if my_name},\n{my_name}{end}";

struct Entry {
    id: &'static str,
    title: &'static str,
    target: Target,
    actions: &'static [Action],
    relationships: &'static [Relationship],
    situations: &'static [Situation],
    language: &'static str,
    body: &'static str,
    sign_off: bool,
}

const LIBRARY: &[Entry] = &[
    Entry {
        id: "stranger-generic",
        title: "Decline a stranger, kindly",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerGeneric],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I keep my LinkedIn network to people I have worked with, so I won't be connecting for now.{if email} If there is ever something I can help with, I'm glad to hear from you at {my_email}.{end}",
        sign_off: true,
    },
    Entry {
        id: "stranger-personal",
        title: "Decline a stranger who wrote a note",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerPersonal],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for your kind note and for taking the time to write it. I'd be glad to talk{if email} — my email is {my_email}{end}. On LinkedIn itself I only connect with people I've worked with closely, so I'll leave the invitation for now. If we end up working together, I'd happily connect then.",
        sign_off: true,
    },
    Entry {
        id: "ask-where-we-met",
        title: "Ask where you met",
        target: Target::Message,
        actions: &[Ask],
        relationships: &[Stranger, MetOnce],
        situations: &[S::CantPlace],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I'm sorry, I can't quite place where we met{if mutual} — perhaps through {mutual_name|people we both know}{end}. Could you remind me, and tell me a little about what you hope we might do together?",
        sign_off: true,
    },
    Entry {
        id: "friend-family",
        title: "Friend or family: keep LinkedIn for work",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Pal],
        situations: &[S::Friend],
        language: "en",
        body: "Hi {first_name|there},\n\nThanks so much for the invitation, it's lovely to hear from you. I keep LinkedIn strictly for work contacts and stay in touch with friends and family elsewhere, so I hope you won't mind if I don't connect here. See you soon!{if my_name}\n\n{my_name}{end}",
        sign_off: false,
    },
    Entry {
        id: "former-colleague-catch-up",
        title: "Former colleague: catch up first",
        target: Target::Message,
        actions: &[Reply],
        relationships: &[Colleague],
        situations: &[S::FormerColleague, S::KeepPending],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. It's been a while since we worked together, and I'd love to hear how things are going{if company} at {company}{end}. I like to connect with people I could recommend today, so shall we catch up first? A short call or a coffee would be great{if email}; my email is {my_email}{end}.",
        sign_off: true,
    },
    Entry {
        id: "outside-industry",
        title: "Outside my field",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger, MetOnce],
        situations: &[S::OutsideIndustry],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I keep my LinkedIn network focused on my own field, so I'm not connecting outside it for now. Good luck with everything.",
        sign_off: true,
    },
    Entry {
        id: "recruiter-not-now",
        title: "Recruiter: not looking right now",
        target: Target::Message,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::Recruiter],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for getting in touch. I'm happy in my current role and not looking for a change at the moment, but I'd be glad to talk if my plans change. I'll keep your details.",
        sign_off: true,
    },
    Entry {
        id: "sales-pitch-no",
        title: "Sales pitch: a polite, firm no",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::SalesPitch],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I'm not looking for new services at the moment, so I'll pass on connecting.",
        sign_off: true,
    },
    Entry {
        id: "company-volume",
        title: "Many invitations from one company",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::CompanyVolume],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I've had quite a few invitations from people at {company|the same company} lately, so I've decided not to add more connections from there for now. I hope that makes sense.",
        sign_off: true,
    },
    Entry {
        id: "keep-pending-conversation",
        title: "Talk first, connect later",
        target: Target::Message,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::KeepPending, S::StrangerPersonal],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation. I like to have a conversation with someone before we connect, so I'll leave it open for now. What would you like to talk about? I'm happy to start here{if email} or by email at {my_email}{end}.",
        sign_off: true,
    },
    Entry {
        id: "met-in-person-thanks",
        title: "Thanks after meeting in person",
        target: Target::Message,
        actions: &[Accept],
        relationships: &[MetOnce],
        situations: &[S::MetInPerson, S::ThanksAfterAccept],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for connecting, it was a pleasure to meet you{if note}, and thanks for the kind note{end}. I enjoyed our conversation and would be glad to continue it, so let's stay in touch.",
        sign_off: true,
    },
    Entry {
        id: "met-in-person-note",
        title: "Invitation note after meeting in person",
        target: Target::Note,
        actions: &[Accept],
        relationships: &[MetOnce],
        situations: &[S::MetInPerson],
        language: "en",
        body: "Hi {first_name|there}, it was great to meet you the other day. Thank you for the good conversation; I'd be glad to stay in touch here.{if my_name} – {my_name}{end}",
        sign_off: false,
    },
    Entry {
        id: "thanks-after-accept",
        title: "Thanks after accepting",
        target: Target::Message,
        actions: &[Accept],
        relationships: &[KnowWell, Colleague, MetOnce],
        situations: &[S::ThanksAfterAccept],
        language: "en",
        body: "Hi {first_name|there},\n\nThanks for the invitation, I'm glad we're connected now.{if note} I appreciated your note.{end} If there's ever anything I can help with, just let me know.",
        sign_off: true,
    },
    Entry {
        id: "repeat-inviter",
        title: "Invited again: a clear, kind answer",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::RepeatInviter],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for inviting me again; I did see the earlier invitation. I only connect with people I know through my own work, so I won't be accepting, and I'd rather say so plainly than leave it unanswered.",
        sign_off: true,
    },
    Entry {
        id: "late-reply-decline",
        title: "Late reply: decline with a short apology",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger, MetOnce],
        situations: &[S::Late],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation, and I'm sorry to be so slow to reply. I keep my LinkedIn network to people I have worked with, so I won't be connecting for now{if email}, but I'm glad to hear from you at {my_email}{end}.",
        sign_off: true,
    },
    Entry {
        id: "late-reply-accept",
        title: "Late reply: accept with a short apology",
        target: Target::Message,
        actions: &[Accept],
        relationships: &[MetOnce, KnowWell, Colleague],
        situations: &[S::Late, S::ThanksAfterAccept],
        language: "en",
        body: "Hi {first_name|there},\n\nThank you for the invitation, and apologies for the slow reply; it got buried in my inbox. I'm glad to be connected.",
        sign_off: true,
    },
    Entry {
        id: "scam-minimal",
        title: "Only if you must answer (ignoring is safer)",
        target: Target::Note,
        actions: &[Ignore],
        relationships: &[Stranger],
        situations: &[S::Scam],
        language: "en",
        body: "Hi {first_name|there}, thank you, but I only connect with people I know personally.",
        sign_off: false,
    },
    Entry {
        id: "stranger-generic-fr",
        title: "Décliner une invitation (inconnu)",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerGeneric],
        language: "fr",
        body: "Bonjour {first_name|},\n\nMerci pour votre invitation. Je réserve mon réseau LinkedIn aux personnes avec qui j'ai travaillé, je ne vais donc pas l'accepter pour l'instant. Je vous souhaite une belle continuation.{if my_name}\n\n{my_name}{end}",
        sign_off: false,
    },
    Entry {
        id: "stranger-generic-de",
        title: "Einladung ablehnen (unbekannt)",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerGeneric],
        language: "de",
        body: "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Mein LinkedIn-Netzwerk bleibt Menschen vorbehalten, mit denen ich zusammengearbeitet habe, deshalb nehme ich sie im Moment nicht an. Alles Gute.{if my_name}\n\n{my_name}{end}",
        sign_off: false,
    },
    Entry {
        id: "stranger-generic-es",
        title: "Rechazar una invitación (desconocido)",
        target: Target::Message,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerGeneric],
        language: "es",
        body: "Hola {first_name|},\n\nGracias por la invitación. Reservo mi red de LinkedIn para personas con las que he trabajado, así que por ahora no voy a aceptarla. Le deseo lo mejor.{if my_name}\n\n{my_name}{end}",
        sign_off: false,
    },
];

/// Every built-in template, in the order the popup lists them.
pub fn default_templates() -> Vec<TemplateRecord> {
    LIBRARY
        .iter()
        .map(|e| {
            let mut body = e.body.to_string();
            if e.sign_off {
                body.push_str(BEST);
            }
            TemplateRecord {
                id: e.id.into(),
                title: e.title.into(),
                body,
                target: e.target,
                actions: e.actions.to_vec(),
                relationships: e.relationships.to_vec(),
                situations: e.situations.to_vec(),
                builtin: true,
                language: e.language.into(),
            }
        })
        .collect()
}

/// The built-in template with this id, if any.
pub fn default_template(id: &str) -> Option<TemplateRecord> {
    default_templates().into_iter().find(|t| t.id == id)
}
