//! The default template library, written fresh from the etiquette guidance,
//! in English, French, German and Spanish.
//!
//! Design decisions:
//! - **Data in code** (one table), so it ships in the WASM without a file to
//!   load. Each entry is one reply in four languages, written natively
//!   rather than translated word for word, in the formal register where the
//!   language has one (*vous*, *Sie*, *usted*); the replies to friends and
//!   family alone use *tu*, *du*, *tú*, as one writes to them.
//! - **Every entry declares its claims** (`ETIQUETTE.md` §Claims): the
//!   engine offers it only when the card or the user backs each one. A text
//!   that asserts something must say so in `claims`; the tests check the
//!   library against a phrase list as a second net.
//! - **Held to the rules it teaches**: every text parses, fits its target's
//!   limit with long names, and passes [`crate::tone::check`] in its own
//!   language without a hint. Brief; thanks first; the user's own policy,
//!   never the sender's faults; no reasons to strangers, a reason to people
//!   they know; an alternative (email, a call) where it fits; every fact
//!   has a fallback, and the sign-off and email sit inside `{if}` so a
//!   missing one leaves nothing behind.
//! - **Scams**: the right action is to ignore (and, for clear abuse,
//!   "I don't know this person"); replying confirms the account is watched.
//!   `scam-minimal` exists only for someone who insists on answering: one
//!   neutral line that gives nothing away.
//!
//! Ids are stable: stored data and imports refer to them, and
//! `store::restore_default_templates` matches on them. English entries
//! keep the plain id; the others add `-fr`, `-de`, `-es`.

use crate::model::{Action, Claim, Relationship, Situation, Target, TemplateRecord};

use Action::{Accept, Ask, Decline, Ignore, Reply};
use Claim as C;
use Relationship::{FormerColleague as Colleague, Friend as Pal, MetOnce, Stranger};
use Situation as S;

/// The library's languages, in the order of [`Entry::text`].
pub const LANGUAGES: [&str; 4] = ["en", "fr", "de", "es"];

/// Sign-offs by language; `{if my_name}` keeps a missing name from leaving
/// a dangling comma.
const SIGN_OFF: [&str; 4] = [
    "\n\nBest wishes{if my_name},\n{my_name}{end}",
    "\n\nBien cordialement{if my_name},\n{my_name}{end}",
    "\n\nViele Grüße{if my_name}\n{my_name}{end}",
    "\n\nUn cordial saludo{if my_name},\n{my_name}{end}",
];

/// A short apology the engine adds after a built-in reply's greeting when
/// an answer is late (`ETIQUETTE.md` §Lateness), by language.
/// Neutral in register, so it suits a formal reply and one to a friend.
pub const APOLOGY: [&str; 4] = [
    "I'm sorry for the slow reply.",
    "Pardon pour cette réponse tardive.",
    "Entschuldigung für die späte Antwort.",
    "Perdón por la tardanza en responder.",
];

/// One reply in the library's four languages.
struct Entry {
    id: &'static str,
    target: Target,
    actions: &'static [Action],
    relationships: &'static [Relationship],
    situations: &'static [Situation],
    claims: &'static [Claim],
    /// Append the language's sign-off.
    sign_off: bool,
    /// (title, body) in English, French, German, Spanish.
    text: [(&'static str, &'static str); 4],
}

const M: Target = Target::Message;
const N: Target = Target::Note;

const LIBRARY: &[Entry] = &[
    Entry {
        id: "stranger-generic",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerGeneric],
        claims: &[],
        sign_off: true,
        text: [
            ("Decline a stranger, kindly", "Hi {first_name|there},\n\nThank you for the invitation. I keep my LinkedIn network to people I know through my work, so I won't be connecting for now.{if email} If there is ever something I can help with, you can reach me at {my_email}.{end}"),
            ("Décliner une invitation (inconnu)", "Bonjour {first_name|},\n\nMerci pour votre invitation. Je réserve mon réseau LinkedIn aux personnes que je connais par mon travail, je n'y donnerai donc pas suite pour le moment.{if email} Si je peux vous être utile un jour, vous pouvez m'écrire à {my_email}.{end}"),
            ("Einladung ablehnen (unbekannt)", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Mein LinkedIn-Netzwerk bleibt Menschen vorbehalten, die ich aus meiner Arbeit kenne, deshalb nehme ich sie im Moment nicht an.{if email} Wenn ich Ihnen einmal helfen kann, erreichen Sie mich unter {my_email}.{end}"),
            ("Rechazar una invitación (desconocido)", "Hola {first_name|},\n\nGracias por su invitación. Reservo mi red de LinkedIn para personas que conozco por mi trabajo, así que por ahora no voy a aceptarla.{if email} Si alguna vez puedo ayudarle, puede escribirme a {my_email}.{end}"),
        ],
    },
    Entry {
        id: "stranger-personal",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::StrangerPersonal],
        claims: &[C::ReadTheirNote],
        sign_off: true,
        text: [
            ("Decline a stranger who wrote a note", "Hi {first_name|there},\n\nThank you for your note and for taking the time to write it. I'd be glad to talk{if email}, and my email is {my_email}{end}. On LinkedIn itself I connect only with people I have worked with closely, so I'll leave the invitation for now. If we end up working together, I'd happily connect then."),
            ("Décliner un inconnu qui a écrit un message", "Bonjour {first_name|},\n\nMerci pour votre message et pour le temps que vous y avez consacré. Ce serait un plaisir d'échanger avec vous{if email}, mon adresse est {my_email}{end}. Sur LinkedIn, je ne me connecte qu'avec des personnes avec qui j'ai travaillé de près, je laisse donc l'invitation de côté pour l'instant. Si nous travaillons ensemble un jour, je me connecterai volontiers."),
            ("Ablehnen, wenn jemand eine Nachricht schrieb", "Hallo {first_name|},\n\nvielen Dank für Ihre Nachricht und dass Sie sich die Zeit dafür genommen haben. Ich tausche mich gern mit Ihnen aus{if email}, meine E-Mail-Adresse ist {my_email}{end}. Auf LinkedIn vernetze ich mich allerdings nur mit Menschen, mit denen ich eng zusammengearbeitet habe, daher lasse ich die Einladung vorerst offen. Sollten wir einmal zusammenarbeiten, vernetze ich mich gern."),
            ("Rechazar a alguien que escribió un mensaje", "Hola {first_name|},\n\nGracias por su mensaje y por tomarse el tiempo de escribirlo. Me encantará conversar{if email}; mi correo es {my_email}{end}. En LinkedIn solo conecto con personas con las que he trabajado de cerca, así que por ahora dejaré la invitación pendiente. Si algún día colaboramos, conectaré con mucho gusto."),
        ],
    },
    Entry {
        id: "keep-pending-conversation",
        target: M,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::KeepPending, S::StrangerPersonal],
        claims: &[],
        sign_off: true,
        text: [
            ("Talk first, connect later", "Hi {first_name|there},\n\nThank you for the invitation{if note} and for your message{end}. I like to talk with people before we connect, so I'll leave it open for now. What would you like to talk about? I'm happy to continue here{if email} or by email at {my_email}{end}."),
            ("Échanger d'abord, se connecter ensuite", "Bonjour {first_name|},\n\nMerci pour votre invitation{if note} et pour votre message{end}. J'aime échanger avec les gens avant de me connecter avec eux, je la laisse donc en attente pour l'instant. De quoi aimeriez-vous parler\u{a0}? Je vous réponds volontiers ici{if email} ou par e-mail à {my_email}{end}."),
            ("Erst austauschen, dann vernetzen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung{if note} und Ihre Nachricht{end}. Ich lerne Menschen gern erst im Gespräch kennen, bevor ich mich vernetze, daher lasse ich die Einladung vorerst offen. Worüber möchten Sie sich austauschen? Ich antworte gern hier{if email} oder per E-Mail an {my_email}{end}."),
            ("Conversar primero, conectar después", "Hola {first_name|},\n\nGracias por su invitación{if note} y por su mensaje{end}. Me gusta conversar con las personas antes de conectar, así que por ahora la dejo pendiente. ¿De qué le gustaría hablar? Le respondo con gusto por aquí{if email} o por correo en {my_email}{end}."),
        ],
    },
    Entry {
        id: "ask-where-we-met",
        target: M,
        actions: &[Ask],
        relationships: &[Stranger, MetOnce],
        situations: &[S::CantPlace],
        claims: &[],
        sign_off: true,
        text: [
            ("Ask how you know each other", "Hi {first_name|there},\n\nThank you for the invitation. I'm sorry, I'm not sure how we know each other{if mutual} — perhaps through {mutual_name|people we both know}{end}. Could you remind me, and tell me a little about what you hope we might do together?"),
            ("Demander d'où l'on se connaît", "Bonjour {first_name|},\n\nMerci pour votre invitation. Pardonnez-moi, je ne vois pas bien d'où nous nous connaissons{if mutual}, peut-être par {mutual_name|des relations communes}{end}. Pourriez-vous me le dire, et m'expliquer ce que vous aimeriez que nous fassions ensemble\u{a0}?"),
            ("Fragen, woher man sich kennt", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Entschuldigen Sie, ich kann gerade nicht zuordnen, woher wir uns kennen{if mutual}, vielleicht über {mutual_name|gemeinsame Kontakte}{end}. Könnten Sie mir kurz helfen und mir sagen, was Sie sich von einer Vernetzung erhoffen?"),
            ("Preguntar de qué se conocen", "Hola {first_name|},\n\nGracias por su invitación. Disculpe, no sé muy bien de qué nos conocemos{if mutual}, quizá a través de {mutual_name|contactos en común}{end}. ¿Podría contármelo y decirme qué espera de nuestra conexión?"),
        ],
    },
    Entry {
        id: "friend-family",
        target: M,
        actions: &[Decline, Reply],
        relationships: &[Pal],
        situations: &[S::Friend],
        claims: &[C::Friends],
        sign_off: false,
        text: [
            ("Friend or family: keep LinkedIn for work", "Hi {first_name|there},\n\nThanks so much for the invitation, it's lovely to hear from you. I keep LinkedIn for work contacts only and stay in touch with friends and family elsewhere, so I hope you won't mind if I don't connect here. See you soon!{if my_name}\n\n{my_name}{end}"),
            ("Ami ou famille : LinkedIn reste pour le travail", "Salut {first_name|},\n\nMerci beaucoup pour l'invitation, ça me fait plaisir d'avoir de tes nouvelles. Je garde LinkedIn pour mes contacts professionnels et je reste en lien avec mes amis et ma famille ailleurs, alors j'espère que tu ne m'en voudras pas si je ne me connecte pas ici. À très vite\u{a0}!{if my_name}\n\n{my_name}{end}"),
            ("Freunde oder Familie: LinkedIn bleibt beruflich", "Hallo {first_name|},\n\ndanke dir für die Einladung, schön, von dir zu hören! LinkedIn nutze ich nur für berufliche Kontakte, mit Freunden und Familie bleibe ich anderswo in Verbindung. Ich hoffe, es ist okay für dich, dass ich mich hier nicht vernetze. Bis bald!{if my_name}\n\n{my_name}{end}"),
            ("Amigos o familia: LinkedIn, solo para el trabajo", "Hola {first_name|},\n\n¡Muchas gracias por la invitación, qué alegría saber de ti! Uso LinkedIn solo para contactos de trabajo y con amigos y familia sigo en contacto por otros medios, así que espero que no te importe que no conecte por aquí. ¡Hasta pronto!{if my_name}\n\n{my_name}{end}"),
        ],
    },
    Entry {
        id: "former-colleague-catch-up",
        target: M,
        actions: &[Reply],
        relationships: &[Colleague],
        situations: &[S::FormerColleague, S::KeepPending],
        claims: &[C::WorkedTogether],
        sign_off: true,
        text: [
            ("Former colleague: catch up first", "Hi {first_name|there},\n\nThank you for the invitation. It's been a while since we worked together, and I'd love to hear how things are going{if company} at {company}{end}. I like to connect with people I could recommend today, so shall we catch up first? A short call or a coffee would be great{if email}; my email is {my_email}{end}."),
            ("Ancien collègue : reprendre contact d'abord", "Bonjour {first_name|},\n\nMerci pour votre invitation. Cela fait un moment que nous avons travaillé ensemble, et j'aimerais beaucoup savoir comment les choses se passent pour vous{if company} chez {company}{end}. Je préfère me connecter avec des personnes que je pourrais recommander aujourd'hui\u{a0}: et si nous commencions par nous donner des nouvelles\u{a0}? Un court appel ou un café serait parfait{if email}, mon adresse est {my_email}{end}."),
            ("Ehemalige Kollegen: erst austauschen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Unsere Zusammenarbeit ist schon eine Weile her, und ich würde gern hören, wie es Ihnen{if company} bei {company}{end} geht. Ich vernetze mich am liebsten mit Menschen, die ich heute empfehlen kann: Wollen wir uns vorher einmal austauschen? Ein kurzes Telefonat oder ein Kaffee wäre schön{if email}, meine E-Mail-Adresse ist {my_email}{end}."),
            ("Antiguo compañero: ponerse al día primero", "Hola {first_name|},\n\nGracias por su invitación. Hace tiempo que trabajamos juntos y me encantaría saber cómo le va{if company} en {company}{end}. Prefiero conectar con personas a las que hoy podría recomendar, así que ¿qué le parece si primero nos ponemos al día? Una llamada corta o un café sería estupendo{if email}; mi correo es {my_email}{end}."),
        ],
    },
    Entry {
        id: "former-colleague-accept",
        target: M,
        actions: &[Accept],
        relationships: &[Colleague],
        situations: &[S::FormerColleague],
        claims: &[C::WorkedTogether],
        sign_off: true,
        text: [
            ("Former colleague: glad to reconnect", "Hi {first_name|there},\n\nThank you for the invitation, it's good to hear from you. It's been a while since we worked together: I'd love to catch up soon and hear what you're working on now."),
            ("Ancien collègue : heureux de se retrouver", "Bonjour {first_name|},\n\nMerci pour votre invitation, c'est un plaisir d'avoir de vos nouvelles. Cela fait un moment que nous avons travaillé ensemble\u{a0}: j'aimerais beaucoup que nous prenions bientôt le temps d'échanger sur ce que vous faites aujourd'hui."),
            ("Ehemalige Kollegen: schön, wieder verbunden zu sein", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung, schön, von Ihnen zu hören. Unsere Zusammenarbeit ist eine Weile her: Ich würde mich freuen, bald zu hören, woran Sie gerade arbeiten."),
            ("Antiguo compañero: qué bueno reencontrarse", "Hola {first_name|},\n\nGracias por su invitación, me alegra saber de usted. Hace tiempo que trabajamos juntos: me encantaría que nos pusiéramos al día pronto y saber en qué está trabajando ahora."),
        ],
    },
    Entry {
        id: "outside-industry",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger, MetOnce],
        situations: &[S::OutsideIndustry],
        claims: &[C::OutsideMyField],
        sign_off: true,
        text: [
            ("Outside my field", "Hi {first_name|there},\n\nThank you for the invitation. I keep my LinkedIn network focused on my own field, so I'm not connecting outside it for now. I wish you all the best."),
            ("Hors de mon domaine", "Bonjour {first_name|},\n\nMerci pour votre invitation. Je consacre mon réseau LinkedIn à mon propre domaine, je ne me connecte donc pas en dehors pour le moment. Je vous souhaite une belle continuation."),
            ("Außerhalb meines Fachgebiets", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Mein LinkedIn-Netzwerk konzentriere ich auf mein eigenes Fachgebiet, daher vernetze ich mich im Moment nicht darüber hinaus. Ich wünsche Ihnen alles Gute."),
            ("Fuera de mi sector", "Hola {first_name|},\n\nGracias por su invitación. Dedico mi red de LinkedIn a mi propio sector, así que por ahora no conecto fuera de él. Le deseo lo mejor."),
        ],
    },
    Entry {
        id: "recruiter-not-now",
        target: M,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::Recruiter],
        claims: &[C::NotLooking],
        sign_off: true,
        text: [
            ("Recruiter: not looking right now", "Hi {first_name|there},\n\nThank you for getting in touch{if note} and for thinking of me{end}. I'm not looking for a new role at the moment, but I'd be glad to hear from you if that changes."),
            ("Recruteur : pas de recherche en ce moment", "Bonjour {first_name|},\n\nMerci pour votre prise de contact{if note} et d'avoir pensé à moi{end}. Je ne cherche pas de nouveau poste en ce moment, mais je reviendrai volontiers vers vous si cela change."),
            ("Recruiting: derzeit nicht auf der Suche", "Hallo {first_name|},\n\nvielen Dank für Ihre Kontaktaufnahme{if note} und dass Sie an mich gedacht haben{end}. Ich suche derzeit keine neue Stelle, melde mich aber gern bei Ihnen, falls sich das ändert."),
            ("Reclutador: no busco en este momento", "Hola {first_name|},\n\nGracias por ponerse en contacto conmigo{if note} y por pensar en mí{end}. En este momento no busco un nuevo puesto, pero con gusto le escribiré si eso cambia."),
        ],
    },
    Entry {
        id: "recruiter-interested",
        target: M,
        actions: &[Reply, Accept],
        relationships: &[Stranger, MetOnce],
        situations: &[S::RecruiterInterested],
        claims: &[C::OpenToRoles],
        sign_off: true,
        text: [
            ("Recruiter: yes, I'm open to roles", "Hi {first_name|there},\n\nThank you for reaching out. I am open to new roles at the moment, so I'd be glad to hear more. When would suit you for a short call?{if email} You can also reach me at {my_email}.{end}"),
            ("Recruteur : oui, je suis à l'écoute", "Bonjour {first_name|},\n\nMerci pour votre prise de contact. Je suis à l'écoute de nouvelles opportunités en ce moment, j'aimerais donc en savoir plus. Quand seriez-vous disponible pour un court appel\u{a0}?{if email} Vous pouvez aussi m'écrire à {my_email}.{end}"),
            ("Recruiting: ja, ich bin offen", "Hallo {first_name|},\n\nvielen Dank für Ihre Kontaktaufnahme. Ich bin derzeit offen für neue Aufgaben und würde gern mehr erfahren. Wann passt Ihnen ein kurzes Telefonat?{if email} Sie erreichen mich auch unter {my_email}.{end}"),
            ("Reclutador: sí, me interesa", "Hola {first_name|},\n\nGracias por ponerse en contacto. Ahora mismo me interesan nuevas oportunidades, así que me gustaría saber más. ¿Cuándo le vendría bien una llamada breve?{if email} También puede escribirme a {my_email}.{end}"),
        ],
    },
    Entry {
        id: "sales-pitch-no",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::SalesPitch],
        claims: &[C::TheyAreSelling],
        sign_off: true,
        text: [
            ("Sales pitch: a polite, firm no", "Hi {first_name|there},\n\nThank you for the invitation. I'm not looking for new services at the moment, so I'll pass on connecting."),
            ("Prospection : un non poli et ferme", "Bonjour {first_name|},\n\nMerci pour votre invitation. Je ne recherche pas de nouveaux services en ce moment, je ne vais donc pas donner suite."),
            ("Verkaufsangebot: ein höfliches, klares Nein", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Ich suche derzeit keine neuen Dienstleistungen und verzichte daher auf eine Vernetzung."),
            ("Venta: un no cortés y firme", "Hola {first_name|},\n\nGracias por su invitación. En este momento no busco nuevos servicios, así que prefiero no conectar."),
        ],
    },
    Entry {
        id: "company-volume",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::CompanyVolume],
        claims: &[C::ManyFromTheirCompany],
        sign_off: true,
        text: [
            ("Many invitations from one company", "Hi {first_name|there},\n\nThank you for the invitation. I've had quite a few invitations from people at {company|the same company} lately, so I've decided not to add more connections from there for now. I hope that makes sense."),
            ("Beaucoup d'invitations d'une même entreprise", "Bonjour {first_name|},\n\nMerci pour votre invitation. J'ai reçu ces derniers temps de nombreuses invitations de personnes de {company|votre entreprise} et j'ai choisi de ne pas en accepter davantage pour le moment. Merci de votre compréhension."),
            ("Viele Einladungen aus einem Unternehmen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung. Ich habe in letzter Zeit viele Einladungen von Menschen bei {company|Ihrem Unternehmen} erhalten und nehme von dort vorerst keine weiteren an. Ich hoffe auf Ihr Verständnis."),
            ("Muchas invitaciones de una misma empresa", "Hola {first_name|},\n\nGracias por su invitación. Últimamente he recibido muchas invitaciones de personas de {company|su empresa}, así que por ahora he decidido no añadir más contactos de allí. Espero que lo entienda."),
        ],
    },
    Entry {
        id: "met-in-person-thanks",
        target: M,
        actions: &[Accept],
        relationships: &[MetOnce],
        situations: &[S::MetInPerson, S::ThanksAfterAccept],
        claims: &[C::MetInPerson],
        sign_off: true,
        text: [
            ("Thanks after meeting in person", "Hi {first_name|there},\n\nThank you for the invitation, it was good to meet you{if note}, and thank you for your note{end}. Let's stay in touch."),
            ("Merci après une rencontre", "Bonjour {first_name|},\n\nMerci pour l'invitation, ce fut un plaisir de vous rencontrer{if note}, et merci pour votre message{end}. Restons en contact."),
            ("Danke nach einem Treffen", "Hallo {first_name|},\n\nvielen Dank für die Einladung, es war schön, Sie kennenzulernen{if note}, und danke für Ihre Nachricht{end}. Bleiben wir in Kontakt."),
            ("Gracias después de conocerse", "Hola {first_name|},\n\nGracias por la invitación, fue un placer conocerle{if note}, y gracias por su mensaje{end}. Sigamos en contacto."),
        ],
    },
    Entry {
        id: "met-in-person-talk-first",
        target: M,
        actions: &[Reply],
        relationships: &[MetOnce],
        situations: &[S::MetInPerson],
        claims: &[C::MetInPerson],
        sign_off: true,
        text: [
            ("Met once: get to know each other first", "Hi {first_name|there},\n\nThank you for the invitation, it was good to meet you. I connect on LinkedIn with people I know well, so I'd like to get to know you a little better first. Shall we stay in touch here{if email} or by email at {my_email}{end} for now?"),
            ("Rencontre unique : faire connaissance d'abord", "Bonjour {first_name|},\n\nMerci pour votre invitation, ce fut un plaisir de vous rencontrer. Je ne me connecte sur LinkedIn qu'avec des personnes que je connais bien, j'aimerais donc d'abord apprendre à mieux vous connaître. Restons en contact ici{if email} ou par e-mail à {my_email}{end} en attendant."),
            ("Einmal getroffen: erst besser kennenlernen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung, es war schön, Sie kennenzulernen. Auf LinkedIn vernetze ich mich mit Menschen, die ich gut kenne, deshalb würde ich Sie gern erst etwas besser kennenlernen. Bleiben wir bis dahin hier{if email} oder per E-Mail unter {my_email}{end} in Kontakt."),
            ("Se conocieron una vez: conocerse mejor primero", "Hola {first_name|},\n\nGracias por su invitación, fue un placer conocerle. En LinkedIn conecto con personas a las que conozco bien, así que me gustaría conocerle un poco mejor antes. Mientras tanto, sigamos en contacto por aquí{if email} o por correo en {my_email}{end}."),
        ],
    },
    Entry {
        id: "talked-thanks",
        target: M,
        actions: &[Accept],
        relationships: &[],
        situations: &[S::ThanksAfterAccept, S::MetInPerson],
        claims: &[C::Talked],
        sign_off: true,
        text: [
            ("Thanks after a conversation", "Hi {first_name|there},\n\nThank you for the invitation. I enjoyed our conversation and would be glad to continue it, so let's stay in touch."),
            ("Merci après un échange", "Bonjour {first_name|},\n\nMerci pour l'invitation. J'ai apprécié notre échange et j'aimerais volontiers le poursuivre\u{a0}: restons en contact."),
            ("Danke nach einem Gespräch", "Hallo {first_name|},\n\nvielen Dank für die Einladung. Unser Gespräch hat mir gefallen und ich würde es gern fortsetzen, bleiben wir in Kontakt."),
            ("Gracias tras una conversación", "Hola {first_name|},\n\nGracias por la invitación. Disfruté de nuestra conversación y me encantaría continuarla, así que sigamos en contacto."),
        ],
    },
    Entry {
        id: "thanks-after-accept",
        target: M,
        actions: &[Accept],
        relationships: &[],
        situations: &[S::ThanksAfterAccept],
        claims: &[],
        sign_off: true,
        text: [
            ("Thanks after accepting", "Hi {first_name|there},\n\nThanks for the invitation, I'm glad we're connected now. If there's ever anything I can help with, just let me know."),
            ("Merci après avoir accepté", "Bonjour {first_name|},\n\nMerci pour l'invitation, c'est un plaisir d'être en contact. Si je peux vous aider un jour, n'hésitez pas à me le dire."),
            ("Danke nach dem Annehmen", "Hallo {first_name|},\n\nvielen Dank für die Einladung, schön, dass wir jetzt vernetzt sind. Wenn ich Ihnen einmal helfen kann, sagen Sie mir gern Bescheid."),
            ("Gracias tras aceptar", "Hola {first_name|},\n\nGracias por la invitación, me alegra que ya estemos en contacto. Si alguna vez puedo ayudarle en algo, no dude en decírmelo."),
        ],
    },
    Entry {
        id: "repeat-inviter",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger],
        situations: &[S::RepeatInviter],
        claims: &[C::InvitedBefore],
        sign_off: true,
        text: [
            ("Invited again: a clear, kind answer", "Hi {first_name|there},\n\nThank you for inviting me again; I did see the earlier invitation. I only connect with people I know through my own work, so I won't be accepting, and I'd rather say so plainly than leave it unanswered."),
            ("Nouvelle invitation : une réponse claire et aimable", "Bonjour {first_name|},\n\nMerci de m'inviter à nouveau, j'avais bien vu votre première invitation. Je ne me connecte qu'avec des personnes que je connais par mon travail, je ne l'accepterai donc pas, et je préfère vous le dire simplement plutôt que de la laisser sans réponse."),
            ("Erneute Einladung: eine klare, freundliche Antwort", "Hallo {first_name|},\n\nvielen Dank, dass Sie mich erneut einladen, Ihre erste Einladung hatte ich gesehen. Ich vernetze mich nur mit Menschen, die ich aus meiner Arbeit kenne, und nehme sie deshalb nicht an. Das möchte ich Ihnen lieber offen sagen, statt sie unbeantwortet zu lassen."),
            ("Nueva invitación: una respuesta clara y amable", "Hola {first_name|},\n\nGracias por invitarme de nuevo, vi su primera invitación. Solo conecto con personas que conozco por mi trabajo, así que no la aceptaré, y prefiero decírselo con claridad antes que dejarla sin respuesta."),
        ],
    },
    Entry {
        id: "late-reply-decline",
        target: M,
        actions: &[Decline],
        relationships: &[Stranger, MetOnce],
        situations: &[S::Late, S::StrangerPersonal],
        claims: &[C::LateAnswer, C::ReadTheirNote],
        sign_off: true,
        text: [
            ("Late reply: decline with a short apology", "Hi {first_name|there},\n\nThank you for your note, and I'm sorry to be so slow to reply. I keep my LinkedIn network to people I have worked with, so I won't be connecting for now{if email}, but I'm glad to hear from you at {my_email}{end}."),
            ("Réponse tardive : décliner avec des excuses", "Bonjour {first_name|},\n\nMerci pour votre message, et pardonnez-moi de répondre si tard. Je réserve mon réseau LinkedIn aux personnes avec qui j'ai travaillé, je ne vais donc pas me connecter pour le moment{if email}, mais vous pouvez m'écrire à {my_email}{end}."),
            ("Späte Antwort: ablehnen mit kurzer Entschuldigung", "Hallo {first_name|},\n\nvielen Dank für Ihre Nachricht, und entschuldigen Sie meine späte Antwort. Mein LinkedIn-Netzwerk bleibt Menschen vorbehalten, mit denen ich zusammengearbeitet habe, deshalb vernetze ich mich im Moment nicht{if email}. Sie erreichen mich aber gern unter {my_email}{end}."),
            ("Respuesta tardía: rechazar con una disculpa", "Hola {first_name|},\n\nGracias por su mensaje, y disculpe la tardanza en responder. Reservo mi red de LinkedIn para personas con las que he trabajado, así que por ahora no voy a conectar{if email}, pero puede escribirme a {my_email}{end}."),
        ],
    },
    Entry {
        id: "late-reply-accept",
        target: M,
        actions: &[Accept],
        relationships: &[],
        situations: &[S::Late, S::ThanksAfterAccept],
        claims: &[C::LateAnswer],
        sign_off: true,
        text: [
            ("Late reply: accept with a short apology", "Hi {first_name|there},\n\nThank you for the invitation, and apologies for the slow reply. I'm glad to be connected."),
            ("Réponse tardive : accepter avec des excuses", "Bonjour {first_name|},\n\nMerci pour votre invitation, et pardonnez-moi de répondre si tard. C'est un plaisir d'être en contact."),
            ("Späte Antwort: annehmen mit kurzer Entschuldigung", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung, und entschuldigen Sie meine späte Antwort. Schön, dass wir jetzt vernetzt sind."),
            ("Respuesta tardía: aceptar con una disculpa", "Hola {first_name|},\n\nGracias por su invitación, y disculpe la tardanza en responder. Me alegra que estemos en contacto."),
        ],
    },
    Entry {
        id: "late-reply-conversation",
        target: M,
        actions: &[Reply],
        relationships: &[],
        situations: &[S::Late, S::KeepPending],
        claims: &[C::LateAnswer],
        sign_off: true,
        text: [
            ("Late reply: talk first", "Hi {first_name|there},\n\nThank you for your invitation{if note} and your message{end}, and I'm sorry to be so slow to reply. I like to talk with people before we connect: what would you like to talk about?"),
            ("Réponse tardive : échanger d'abord", "Bonjour {first_name|},\n\nMerci pour votre invitation{if note} et votre message{end}, et pardonnez-moi de répondre si tard. J'aime échanger avant de me connecter\u{a0}: de quoi aimeriez-vous parler\u{a0}?"),
            ("Späte Antwort: erst austauschen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung{if note} und Ihre Nachricht{end}, und entschuldigen Sie meine späte Antwort. Ich lerne Menschen gern erst im Gespräch kennen: Worüber möchten Sie sich austauschen?"),
            ("Respuesta tardía: conversar primero", "Hola {first_name|},\n\nGracias por su invitación{if note} y su mensaje{end}, y disculpe la tardanza en responder. Me gusta conversar antes de conectar: ¿de qué le gustaría hablar?"),
        ],
    },
    Entry {
        id: "scam-minimal",
        target: M,
        actions: &[Ignore],
        relationships: &[Stranger],
        situations: &[S::Scam],
        claims: &[],
        sign_off: false,
        text: [
            ("Only if you must answer (ignoring is safer)", "Hi {first_name|there}, thank you, but I only connect with people I know personally."),
            ("Seulement s'il faut répondre (ignorer est plus sûr)", "Bonjour {first_name|}, merci, mais je ne me connecte qu'avec des personnes que je connais personnellement."),
            ("Nur wenn Sie antworten müssen (ignorieren ist sicherer)", "Hallo {first_name|}, danke, aber ich vernetze mich nur mit Menschen, die ich persönlich kenne."),
            ("Solo si debe responder (ignorar es más seguro)", "Hola {first_name|}, gracias, pero solo conecto con personas que conozco personalmente."),
        ],
    },
    Entry {
        id: "saw-your-work-thanks",
        target: M,
        actions: &[Accept],
        relationships: &[Stranger, MetOnce],
        situations: &[S::SawYourWork],
        claims: &[C::TheySawMyWork, C::ReadTheirNote],
        sign_off: true,
        text: [
            ("They saw your talk or post: thanks", "Hi {first_name|there},\n\nThank you for the invitation and for your kind words about my work; I'm glad it was useful to you. Happy to connect, and feel free to send me your questions."),
            ("Ils ont vu votre intervention : merci", "Bonjour {first_name|},\n\nMerci pour votre invitation et pour vos mots aimables sur mon travail, cela me fait plaisir qu'il vous ait été utile. Je me connecte volontiers, et n'hésitez pas à m'envoyer vos questions."),
            ("Vortrag oder Beitrag gesehen: danke", "Hallo {first_name|},\n\nvielen Dank für die Einladung und Ihre freundlichen Worte zu meiner Arbeit, es freut mich, dass sie Ihnen geholfen hat. Ich vernetze mich gern, und Ihre Fragen sind jederzeit willkommen."),
            ("Vio su charla o publicación: gracias", "Hola {first_name|},\n\nGracias por la invitación y por sus amables palabras sobre mi trabajo, me alegra que le haya resultado útil. Conecto con gusto, y no dude en enviarme sus preguntas."),
        ],
    },
    Entry {
        id: "saw-your-work-reply",
        target: M,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::SawYourWork],
        claims: &[C::TheySawMyWork, C::ReadTheirNote],
        sign_off: true,
        text: [
            ("They saw your talk or post: thanks, talk first", "Hi {first_name|there},\n\nThank you for your kind words about my work; I'm glad it was useful to you. I keep LinkedIn for people I know through my work, so I'll leave the invitation open for now, but I'm happy to answer your questions here."),
            ("Ils ont vu votre intervention : merci, échanger d'abord", "Bonjour {first_name|},\n\nMerci pour vos mots aimables sur mon travail, cela me fait plaisir qu'il vous ait été utile. Je réserve LinkedIn aux personnes que je connais par mon travail, je laisse donc l'invitation en attente pour l'instant, mais je réponds volontiers à vos questions ici."),
            ("Vortrag oder Beitrag gesehen: danke, erst austauschen", "Hallo {first_name|},\n\nvielen Dank für Ihre freundlichen Worte zu meiner Arbeit, es freut mich, dass sie Ihnen geholfen hat. LinkedIn nutze ich für Menschen, die ich aus meiner Arbeit kenne, daher lasse ich die Einladung vorerst offen. Ihre Fragen beantworte ich aber gern hier."),
            ("Vio su charla o publicación: gracias, conversar primero", "Hola {first_name|},\n\nGracias por sus amables palabras sobre mi trabajo, me alegra que le haya resultado útil. Reservo LinkedIn para personas que conozco por mi trabajo, así que por ahora dejo la invitación pendiente, pero respondo con gusto a sus preguntas por aquí."),
        ],
    },
    Entry {
        id: "advice-reply",
        target: M,
        actions: &[Reply],
        relationships: &[Stranger, MetOnce],
        situations: &[S::AdviceRequest],
        claims: &[C::TheyAskedAdvice, C::ReadTheirNote],
        sign_off: true,
        text: [
            ("A question or advice: answer first", "Hi {first_name|there},\n\nThank you for your note. I'm happy to help where I can: what would you most like to know? Let's start here{if email}, or write to me at {my_email}{end}, and we can connect once we know each other a little."),
            ("Une question, un conseil : répondre d'abord", "Bonjour {first_name|},\n\nMerci pour votre message. Je vous aiderai volontiers si je le peux\u{a0}: que souhaitez-vous savoir en priorité\u{a0}? Commençons ici{if email}, ou écrivez-moi à {my_email}{end}, et nous pourrons nous connecter une fois que nous nous connaîtrons un peu."),
            ("Eine Frage, ein Rat: erst antworten", "Hallo {first_name|},\n\nvielen Dank für Ihre Nachricht. Ich helfe gern, wo ich kann: Was möchten Sie am liebsten wissen? Fangen wir hier an{if email} oder schreiben Sie mir an {my_email}{end}, und wenn wir uns etwas kennen, vernetzen wir uns gern."),
            ("Una pregunta o un consejo: responder primero", "Hola {first_name|},\n\nGracias por su mensaje. Con gusto le ayudaré en lo que pueda: ¿qué le gustaría saber? Empecemos por aquí{if email}, o escríbame a {my_email}{end}, y cuando nos conozcamos un poco podremos conectar."),
        ],
    },
    Entry {
        id: "advice-accept",
        target: M,
        actions: &[Accept],
        relationships: &[Stranger, MetOnce],
        situations: &[S::AdviceRequest],
        claims: &[C::TheyAskedAdvice, C::ReadTheirNote],
        sign_off: true,
        text: [
            ("A question or advice: accept and help", "Hi {first_name|there},\n\nThank you for your note, and happy to connect. I'll gladly help where I can: what would you most like to know?"),
            ("Une question, un conseil : accepter et aider", "Bonjour {first_name|},\n\nMerci pour votre message, je me connecte volontiers. Je vous aiderai avec plaisir si je le peux\u{a0}: que souhaitez-vous savoir\u{a0}?"),
            ("Eine Frage, ein Rat: annehmen und helfen", "Hallo {first_name|},\n\nvielen Dank für Ihre Nachricht, ich vernetze mich gern. Ich helfe, wo ich kann: Was möchten Sie wissen?"),
            ("Una pregunta o un consejo: aceptar y ayudar", "Hola {first_name|},\n\nGracias por su mensaje, conecto con gusto. Le ayudaré en lo que pueda: ¿qué le gustaría saber?"),
        ],
    },
    Entry {
        id: "classmate-thanks",
        target: M,
        actions: &[Accept],
        relationships: &[],
        situations: &[S::Classmate],
        claims: &[C::StudiedTogether],
        sign_off: true,
        text: [
            ("Classmate: glad to reconnect", "Hi {first_name|there},\n\nThank you for the invitation, it's good to hear from you. It's been a while since we studied together: I'd love to hear what you're doing now."),
            ("Ancien camarade : heureux de se retrouver", "Bonjour {first_name|},\n\nMerci pour votre invitation, c'est un plaisir d'avoir de vos nouvelles. Cela fait un moment que nous avons étudié ensemble\u{a0}: j'aimerais beaucoup savoir ce que vous faites aujourd'hui."),
            ("Studienkollegen: schön, wieder verbunden zu sein", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung, schön, von Ihnen zu hören. Unser gemeinsames Studium ist eine Weile her: Ich würde gern hören, was Sie heute machen."),
            ("Compañero de estudios: qué bueno reencontrarse", "Hola {first_name|},\n\nGracias por su invitación, me alegra saber de usted. Hace tiempo que estudiamos juntos: me encantaría saber a qué se dedica ahora."),
        ],
    },
    Entry {
        id: "classmate-catch-up",
        target: M,
        actions: &[Reply],
        relationships: &[],
        situations: &[S::Classmate],
        claims: &[C::StudiedTogether],
        sign_off: true,
        text: [
            ("Classmate: catch up first", "Hi {first_name|there},\n\nThank you for the invitation, it's good to hear from you. It's been a while since we studied together, so shall we catch up first? Tell me what you're working on these days{if email}, here or at {my_email}{end}."),
            ("Ancien camarade : reprendre contact d'abord", "Bonjour {first_name|},\n\nMerci pour votre invitation, c'est un plaisir d'avoir de vos nouvelles. Cela fait un moment que nous avons étudié ensemble\u{a0}: et si nous prenions d'abord le temps d'échanger\u{a0}? Dites-moi ce qui vous occupe en ce moment{if email}, ici ou à {my_email}{end}."),
            ("Studienkollegen: erst austauschen", "Hallo {first_name|},\n\nvielen Dank für Ihre Einladung, schön, von Ihnen zu hören. Unser gemeinsames Studium ist eine Weile her: Wollen wir uns zuerst austauschen? Erzählen Sie mir gern, woran Sie gerade arbeiten{if email}, hier oder unter {my_email}{end}."),
            ("Compañero de estudios: ponerse al día primero", "Hola {first_name|},\n\nGracias por su invitación, me alegra saber de usted. Hace tiempo que estudiamos juntos, ¿qué le parece si primero nos ponemos al día? Cuénteme a qué se dedica ahora{if email}, por aquí o en {my_email}{end}."),
        ],
    },
    // ── Invitations the user sends (`ETIQUETTE.md` §Sending) ──────────
    // Notes go with an invitation, within LinkedIn's 200 characters. They
    // use only what the user typed (where they met, what they talked
    // about, whom both know, who the user is); `{met_at}` is said as one
    // would after "we met": "at RustConf", "au salon VivaTech" (see
    // `note::place`). Kept apart from the replies: no action, no
    // relationship, never offered on a received card.
    Entry {
        id: "met-in-person-note",
        target: N,
        actions: &[],
        relationships: &[],
        situations: &[S::Invite],
        claims: &[C::MetInPerson],
        sign_off: false,
        text: [
            ("Invitation note: where we met", "Hi {first_name|there}, it was great to meet you {met_at}{if topic} and to talk about {topic}{end}. Thank you for your time; I'd be glad to stay in touch here."),
            ("Note d'invitation : notre rencontre", "Bonjour {first_name|}, ce fut un plaisir de vous rencontrer {met_at}{if topic} et d'échanger sur {topic}{end}. Merci pour votre temps. J'aimerais beaucoup rester en contact ici."),
            ("Einladungsnotiz: wo wir uns kennengelernt haben", "Hallo {first_name|}, es war schön, Sie {met_at} kennenzulernen{if topic} und über {topic} zu sprechen{end}. Danke für Ihre Zeit. Gern bleibe ich hier mit Ihnen in Kontakt."),
            ("Nota de invitación: dónde nos conocimos", "Hola {first_name|}, fue un placer conocerle {met_at}{if topic} y hablar sobre {topic}{end}. Gracias por su tiempo; me gustaría que siguiéramos en contacto por aquí."),
        ],
    },
    Entry {
        id: "note-what-we-talked-about",
        target: N,
        actions: &[],
        relationships: &[],
        situations: &[S::Invite],
        claims: &[C::Talked],
        sign_off: false,
        text: [
            ("Invitation note: what we talked about", "Hi {first_name|there}, thank you for our conversation{if topic} about {topic}{end}{if met_at} {met_at}{end}. I'd like to keep exchanging ideas, so I'd be glad to connect here."),
            ("Note d'invitation : notre échange", "Bonjour {first_name|}, merci pour notre échange{if topic} sur {topic}{end}{if met_at} {met_at}{end}. J'aimerais poursuivre la discussion, c'est pourquoi je vous propose de nous connecter ici."),
            ("Einladungsnotiz: worüber wir gesprochen haben", "Hallo {first_name|}, danke für unser Gespräch{if topic} über {topic}{end}{if met_at} {met_at}{end}. Ich würde den Austausch gern fortsetzen und mich deshalb hier mit Ihnen vernetzen."),
            ("Nota de invitación: de qué hablamos", "Hola {first_name|}, gracias por nuestra conversación{if topic} sobre {topic}{end}{if met_at} {met_at}{end}. Me gustaría seguir intercambiando ideas, así que le propongo conectar por aquí."),
        ],
    },
    Entry {
        id: "note-stay-in-touch",
        target: N,
        actions: &[],
        relationships: &[],
        situations: &[S::Invite],
        claims: &[],
        sign_off: false,
        text: [
            ("Invitation note: why stay in touch", "Hi {first_name|there}, I'd like to stay in touch{if met_at} after meeting {met_at}{end}{if topic} and keep sharing ideas on {topic}{end}. Thank you for considering my invitation."),
            ("Note d'invitation : rester en contact", "Bonjour {first_name|}, j'aimerais rester en contact avec vous{if met_at} après notre rencontre {met_at}{end}{if topic} et continuer à échanger sur {topic}{end}. Merci de votre attention."),
            ("Einladungsnotiz: in Kontakt bleiben", "Hallo {first_name|}, {if met_at}nach unserer Begegnung {met_at} würde ich{else}ich würde{end} gern mit Ihnen in Kontakt bleiben{if topic} und mich weiter über {topic} austauschen{end}. Vielen Dank."),
            ("Nota de invitación: seguir en contacto", "Hola {first_name|}, me gustaría seguir en contacto con usted{if met_at} tras conocernos {met_at}{end}{if topic} y continuar hablando sobre {topic}{end}. Gracias por considerar mi invitación."),
        ],
    },
    Entry {
        id: "note-who-i-am",
        target: N,
        actions: &[],
        relationships: &[],
        situations: &[S::Invite],
        claims: &[],
        sign_off: false,
        text: [
            ("Invitation note: a reminder of who I am", "Hi {first_name|there}, {if my_name}this is {my_name}{if my_role}, {my_role}{end}.{else}a quick reminder of who I am.{end}{if met_at} We met {met_at}.{else}{if topic} We talked about {topic}.{end}{end} I'd be glad to connect here."),
            ("Note d'invitation : rappeler qui je suis", "Bonjour {first_name|}, {if my_name}je suis {my_name}{if my_role}, {my_role}{end}.{else}un petit rappel de qui je suis.{end}{if met_at} Nous nous sommes rencontrés {met_at}.{else}{if topic} Nous avons échangé sur {topic}.{end}{end} J'aimerais beaucoup me connecter avec vous ici."),
            ("Einladungsnotiz: wer ich bin", "Hallo {first_name|}, {if my_name}hier ist {my_name}{if my_role}, {my_role}{end}.{else}eine kurze Erinnerung, wer ich bin.{end}{if met_at} Wir haben uns {met_at} kennengelernt.{else}{if topic} Wir haben über {topic} gesprochen.{end}{end} Gern vernetze ich mich hier mit Ihnen."),
            ("Nota de invitación: recordar quién soy", "Hola {first_name|}, {if my_name}soy {my_name}{if my_role}, {my_role}{end}.{else}un breve recordatorio de quién soy.{end}{if met_at} Nos conocimos {met_at}.{else}{if topic} Hablamos sobre {topic}.{end}{end} Me encantaría conectar con usted por aquí."),
        ],
    },
    Entry {
        id: "note-mutual-contact",
        target: N,
        actions: &[],
        relationships: &[],
        situations: &[S::Invite],
        claims: &[C::MutualContact],
        sign_off: false,
        text: [
            ("Invitation note: a mutual contact", "Hi {first_name|there}, we have a contact in common, {mutual_name}{if topic}, and I'd like to exchange ideas with you on {topic}{end}. I'd be glad to connect here."),
            ("Note d'invitation : un contact commun", "Bonjour {first_name|}, nous avons un contact commun, {mutual_name}{if topic}, et j'aimerais échanger avec vous sur {topic}{end}. Ce serait un plaisir d'être en contact."),
            ("Einladungsnotiz: ein gemeinsamer Kontakt", "Hallo {first_name|}, wir haben einen gemeinsamen Kontakt, {mutual_name}{if topic}, und ich würde mich gern mit Ihnen über {topic} austauschen{end}. Ich freue mich, wenn wir uns hier vernetzen."),
            ("Nota de invitación: un contacto en común", "Hola {first_name|}, tenemos un contacto en común, {mutual_name}{if topic}, y me gustaría intercambiar ideas con usted sobre {topic}{end}. Me encantaría conectar por aquí."),
        ],
    },
    // The first message once they accept: thanks, where you met or what
    // you talked about, and a question that starts the conversation.
    Entry {
        id: "follow-up-after-accept",
        target: M,
        actions: &[],
        relationships: &[],
        situations: &[S::FollowUp],
        claims: &[],
        sign_off: true,
        text: [
            ("Follow-up once they accept", "Hi {first_name|there},\n\nThank you for accepting my invitation{if met_at}; it was good to meet you {met_at}{end}.{if topic} I enjoyed our conversation about {topic}: how is it going on your side?{else} What are you working on at the moment?{end}{if email} You can also reach me at {my_email}.{end}"),
            ("Suivi après acceptation", "Bonjour {first_name|},\n\nMerci d'avoir accepté mon invitation{if met_at}, ce fut un plaisir de vous rencontrer {met_at}{end}.{if topic} J'ai apprécié notre échange sur {topic}\u{a0}: où en êtes-vous de votre côté\u{a0}?{else} Sur quoi travaillez-vous en ce moment\u{a0}?{end}{if email} Vous pouvez aussi m'écrire à {my_email}.{end}"),
            ("Nachricht nach der Annahme", "Hallo {first_name|},\n\nvielen Dank, dass Sie meine Einladung angenommen haben{if met_at}. Es war schön, Sie {met_at} kennenzulernen{end}.{if topic} Unser Gespräch über {topic} hat mir gefallen: Wie geht es bei Ihnen damit weiter?{else} Woran arbeiten Sie gerade?{end}{if email} Sie erreichen mich auch unter {my_email}.{end}"),
            ("Seguimiento tras la aceptación", "Hola {first_name|},\n\nGracias por aceptar mi invitación{if met_at}; fue un placer conocerle {met_at}{end}.{if topic} Disfruté de nuestra conversación sobre {topic}: ¿cómo va por su lado?{else} ¿En qué está trabajando ahora?{end}{if email} También puede escribirme a {my_email}.{end}"),
        ],
    },
];

/// Every built-in template, in the order the popup lists them: each reply
/// in English, then French, German and Spanish.
pub fn default_templates() -> Vec<TemplateRecord> {
    let mut out = Vec::with_capacity(LIBRARY.len() * LANGUAGES.len());
    for (l, language) in LANGUAGES.iter().enumerate() {
        for e in LIBRARY {
            let Some((title, text)) = e.text.get(l) else {
                continue;
            };
            let mut body = text.to_string();
            if e.sign_off {
                body.push_str(SIGN_OFF.get(l).copied().unwrap_or(""));
            }
            let id = if l == 0 {
                e.id.to_string()
            } else {
                format!("{}-{language}", e.id)
            };
            out.push(TemplateRecord {
                id,
                title: title.to_string(),
                body,
                target: e.target,
                actions: e.actions.to_vec(),
                relationships: e.relationships.to_vec(),
                situations: e.situations.to_vec(),
                builtin: true,
                language: language.to_string(),
                claims: e.claims.to_vec(),
                any_language: false,
            });
        }
    }
    out
}

/// The built-in template with this id, if any.
pub fn default_template(id: &str) -> Option<TemplateRecord> {
    default_templates().into_iter().find(|t| t.id == id)
}

/// `text` (a built-in reply in `language`) with the late-answer apology
/// after its greeting: the first line, when it ends the greeting with a
/// comma and a blank line follows. Other shapes are left as they are.
pub fn with_apology(text: &str, language: &str) -> String {
    let Some(index) = LANGUAGES
        .iter()
        .position(|l| language.trim().to_ascii_lowercase().starts_with(l))
    else {
        return text.to_string();
    };
    let Some(apology) = APOLOGY.get(index) else {
        return text.to_string();
    };
    let Some((greeting, rest)) = text.split_once("\n\n") else {
        return text.to_string();
    };
    if !greeting.trim_end().ends_with(',') || greeting.contains('\n') {
        return text.to_string();
    }
    // German letters go on in lower case after the greeting's comma; once
    // the apology opens the paragraph, the old opening starts a sentence.
    let rest = if LANGUAGES.get(index) == Some(&"de") {
        let mut chars = rest.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_default();
        format!("{first}{}", chars.as_str())
    } else {
        rest.to_string()
    };
    format!("{greeting}\n\n{apology} {rest}")
}
