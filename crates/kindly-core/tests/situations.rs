//! The situation table: Kindly's specification, from the etiquette guidance
//! (`crates/kindly-core/ETIQUETTE.md`; each case names its source and the
//! advice it follows).
//!
//! A case is a card (headline, note, mutual line shown or left out, age,
//! kind) and a user (profile, policy, what they chose, what Kindly
//! remembers). It states the action(s) Kindly may suggest, the library
//! replies allowed first (none: nothing should be sent), and what no reply
//! may say. Every case with a note written in all four languages is played
//! in English, French, German and Spanish: the card is built as the page
//! adapter would read it in that language (its mutual and time lines, its
//! controls' labels) and goes through the whole engine, so the first reply
//! must also be in the card's language.
#![cfg(test)]

use kindly_core::advice::{decide, Context};
use kindly_core::store::new_user_data;
use kindly_core::{
    parse_card, suggest_for, Action, CardLink, CardText, Data, Day, Kind, Person, Policy,
    Relationship,
};

const TODAY: Day = 20_000;
const LANGS: [&str; 4] = ["en", "fr", "de", "es"];

/// A text in English, French, German and Spanish; `None` where a case has
/// none in that language (it is then played only where it has).
#[derive(Clone, Copy)]
struct T([Option<&'static str>; 4]);

const fn all(en: &'static str, fr: &'static str, de: &'static str, es: &'static str) -> T {
    T([Some(en), Some(fr), Some(de), Some(es)])
}

/// The same text whatever the page's language (a headline written in
/// English, as many are).
const fn same(text: &'static str) -> T {
    T([Some(text), Some(text), Some(text), Some(text)])
}

impl T {
    fn get(&self, lang: usize) -> Option<&'static str> {
        self.0.get(lang).copied().flatten()
    }
}

// ---- notes, in the four languages ----

const STOCK: T = all(
    "I'd like to add you to my professional network.",
    "Je souhaite vous ajouter à mon réseau professionnel.",
    "Ich möchte Sie gerne zu meinem beruflichen Netzwerk hinzufügen.",
    "Me gustaría añadirte a mi red profesional.",
);
const PERSONAL: T = all(
    "Hi, I follow what your team does on accessibility and would enjoy exchanging ideas some time.",
    "Bonjour, je suis avec intérêt ce que fait votre équipe sur l'accessibilité et j'aimerais échanger des idées un jour.",
    "Hallo, ich verfolge mit Interesse, was Ihr Team zur Barrierefreiheit macht, und würde gern einmal Ideen teilen.",
    "Hola, sigo con interés lo que hace su equipo en accesibilidad y me gustaría intercambiar ideas algún día.",
);
const RECRUITER_NOTE: T = all(
    "Hi, I have an exciting opportunity that fits your background. Open to a quick call this week?",
    "Bonjour, j'ai une belle opportunité qui correspond à ce que vous faites. Seriez-vous disponible pour un appel rapide cette semaine ?",
    "Hallo, ich habe eine spannende Chance, die gut zu Ihnen passt. Hätten Sie diese Woche Zeit für ein kurzes Gespräch?",
    "Hola, tengo una oportunidad interesante que encaja con lo que hace. ¿Tendría un momento para una llamada rápida esta semana?",
);
const ROLE_NOTE: T = all(
    "Hello, we are hiring a senior engineer and your background matches the role. Interested?",
    "Bonjour, nous recrutons un ingénieur senior et je pense à vous pour ce poste. Intéressé ?",
    "Hallo, wir stellen ein und ich denke bei dieser Stelle an Sie. Interesse?",
    "Hola, estamos contratando y pienso en usted para este puesto. ¿Le interesa?",
);
const SALES: T = all(
    "Hi! I help companies grow your revenue with lead generation. Can we book a call?",
    "Bonjour ! J'aide les entreprises à booster vos ventes grâce à la génération de leads. On prend rendez-vous ?",
    "Hallo! Ich helfe Unternehmen, ihren Umsatz durch Leadgenerierung zu steigern. Sollen wir einen Termin vereinbaren?",
    "¡Hola! Ayudo a empresas a aumentar sus ventas con generación de leads. ¿Agendamos una llamada?",
);
const SCAM: T = all(
    "Hello dear, you have a lovely smile. Let's talk on WhatsApp about a crypto investment opportunity.",
    "Bonjour, vous avez un magnifique sourire. Parlons sur WhatsApp d'une opportunité d'investissement en crypto.",
    "Hallo, Sie haben ein wunderschönes Lächeln. Schreiben Sie mir auf WhatsApp, es geht um Krypto.",
    "Hola, tiene una sonrisa preciosa. Hablemos por WhatsApp de una oportunidad de inversión en cripto.",
);
const MET: T = all(
    "Great to meet you at RustConf yesterday!",
    "Ravi de vous avoir rencontré hier à la RustConf !",
    "Schön, Sie gestern auf der RustConf kennengelernt zu haben!",
    "¡Encantado de conocerle ayer en la RustConf!",
);
const TALKED: T = all(
    "Nice chatting with you after the panel yesterday.",
    "Merci pour notre échange après la table ronde hier.",
    "Danke für unser Gespräch nach der Podiumsdiskussion gestern.",
    "Gracias por nuestra conversación después de la mesa redonda de ayer.",
);
const SAW_TALK: T = all(
    "I saw your talk on WebAssembly at the Lisbon meetup and would love to follow your work.",
    "J'ai vu votre intervention sur WebAssembly au meetup de Lisbonne et j'aimerais suivre votre travail.",
    "Ich habe Ihren Vortrag über WebAssembly beim Meetup in Lissabon gesehen und würde Ihre Arbeit gern verfolgen.",
    "Vi su charla sobre WebAssembly en el meetup de Lisboa y me gustaría seguir su trabajo.",
);
const READ_POST: T = all(
    "I read your post about accessible forms, it helped my team a lot.",
    "J'ai lu votre article sur les formulaires accessibles, il a beaucoup aidé mon équipe.",
    "Ich habe Ihren Artikel über barrierefreie Formulare gelesen, er hat meinem Team sehr geholfen.",
    "Leí su artículo sobre formularios accesibles y ayudó mucho a mi equipo.",
);
const WORKED: T = all(
    "We worked together at Contoso a few years ago, it would be great to reconnect.",
    "Nous avons travaillé ensemble chez Contoso il y a quelques années, ce serait bien de reprendre contact.",
    "Wir haben vor ein paar Jahren bei Contoso zusammengearbeitet, es wäre schön, wieder in Kontakt zu sein.",
    "Trabajamos juntos en Contoso hace unos años, sería genial retomar el contacto.",
);
const CLASSMATES: T = all(
    "We were classmates at university, it's been ages!",
    "Nous étions camarades à l'université, ça fait une éternité !",
    "Wir waren Kommilitonen an der Uni, ist ewig her!",
    "Fuimos compañeros de clase en la universidad, ¡cuánto tiempo!",
);
const FRIENDLY: T = all(
    "Hey, add me here too!",
    "Coucou, ajoute-moi ici aussi !",
    "Hey, füg mich hier auch hinzu!",
    "¡Hola! Agrégame aquí también.",
);
const ADVICE: T = all(
    "I'm a student and would value your advice on getting into data science.",
    "Je suis étudiante et j'aimerais beaucoup avoir vos conseils pour me lancer dans la data science.",
    "Ich bin Student und würde mich sehr über Ihren Rat zum Einstieg in Data Science freuen.",
    "Soy estudiante y me gustaría pedirle consejo para empezar en ciencia de datos.",
);
const INTRODUCED: T = all(
    "Our mutual friend Jo suggested I reach out, we both work on design systems.",
    "Notre ami commun Jo m'a suggéré de vous écrire, nous travaillons tous deux sur des design systems.",
    "Unser gemeinsamer Freund Jo hat mir von Ihnen erzählt, wir arbeiten beide an Design-Systemen.",
    "Nuestro amigo en común Jo me sugirió escribirle, ambos trabajamos en sistemas de diseño.",
);

// ---- headlines ----

const RECRUITER: T = all(
    "Technical Recruiter at Talentis",
    "Recruteuse chez Talentis",
    "Recruiterin bei Talentis",
    "Reclutadora en Talentis",
);
const STUDENT: T = all(
    "Student at Example University",
    "Étudiante à Example University",
    "Student an der Example University",
    "Estudiante en Example University",
);

// ---- what no reply may say (folded, any language) ----

const MEETING: &[&str] = &[
    "meet you",
    "met you",
    "rencontr",
    "kennenzulernen",
    "kennengelernt",
    "conocerle",
    "conocerte",
];
const CONVERSATION: &[&str] = &[
    "our conversation",
    "our chat",
    "notre échange",
    "notre conversation",
    "unser gespräch",
    "nuestra conversación",
];
const WORKED_TOGETHER: &[&str] = &[
    "worked together",
    "travaillé ensemble",
    "zusammenarbeit",
    "trabajamos juntos",
];
const SELLING: &[&str] = &[
    "new services",
    "nouveaux services",
    "dienstleistungen",
    "nuevos servicios",
];
const APOLOGY: &[&str] = &[
    "slow reply",
    "slow to reply",
    "si tard",
    "tardive",
    "späte antwort",
    "tardanza",
];
const THEIR_NOTE: &[&str] = &["your note", "votre message", "ihre nachricht", "su mensaje"];
const OUTSIDE: &[&str] = &["own field", "propre domaine", "fachgebiet", "propio sector"];
const FRIENDS: &[&str] = &["see you soon", "à très vite", "bis bald", "hasta pronto"];
const NOT_LOOKING: &[&str] = &[
    "not looking for a new role",
    "ne cherche pas",
    "suche derzeit keine",
    "no busco",
];

/// Shared connections as the card shows them.
#[derive(Clone, Copy)]
enum Mutual {
    /// No mutual line at all (LinkedIn leaves it out when there is none).
    Absent,
    Count(u32),
    /// "Sam Ortiz and N other mutual connections".
    Named(u32),
}

#[derive(Clone)]
struct Case {
    name: &'static str,
    /// `[SOURCE]` and the advice followed, in our own words.
    why: &'static str,
    kind: Kind,
    headline: Option<T>,
    note: Option<T>,
    mutual: Mutual,
    age: u32,
    /// The card shows Reply (LinkedIn does under a note).
    reply_control: Option<bool>,
    policy: Policy,
    industries: &'static [&'static str],
    companies: &'static [&'static str],
    schools: &'static [&'static str],
    open_to_roles: bool,
    chose: Option<Relationship>,
    /// Others remembered: (key, headline, days ago).
    others: &'static [(&'static str, &'static str, u32)],
    /// This person invited before, this many days ago.
    invited_before: Option<u32>,
    actions: &'static [Action],
    /// Library ids (English; "-fr" etc. added per language) allowed first.
    first: &'static [&'static str],
    never: Vec<&'static [&'static str]>,
    /// Every reply says sorry for the slow answer.
    late: bool,
    dont_know: bool,
    /// Reason ids that must be among the reasons.
    reasons: &'static [&'static str],
    /// Reason ids that must not.
    not_reasons: &'static [&'static str],
    /// Play only in the page language "pt" (a language Kindly has no
    /// tables for).
    foreign: bool,
}

fn case(name: &'static str, why: &'static str) -> Case {
    Case {
        name,
        why,
        kind: Kind::Person,
        headline: Some(same("Consultant")),
        note: None,
        mutual: Mutual::Absent,
        age: 2,
        reply_control: None,
        policy: Policy::IndustryFocused,
        industries: &[],
        companies: &[],
        schools: &[],
        open_to_roles: false,
        chose: None,
        others: &[],
        invited_before: None,
        actions: &[],
        first: &[],
        never: Vec::new(),
        late: false,
        dont_know: false,
        reasons: &[],
        not_reasons: &[],
        foreign: false,
    }
}

impl Case {
    fn note(mut self, t: T) -> Self {
        self.note = Some(t);
        self
    }
    fn headline(mut self, t: T) -> Self {
        self.headline = Some(t);
        self
    }
    fn no_headline(mut self) -> Self {
        self.headline = None;
        self
    }
    fn mutual(mut self, n: u32) -> Self {
        self.mutual = Mutual::Count(n);
        self
    }
    fn named(mut self, n: u32) -> Self {
        self.mutual = Mutual::Named(n);
        self
    }
    fn age(mut self, days: u32) -> Self {
        self.age = days;
        self
    }
    fn no_reply_control(mut self) -> Self {
        self.reply_control = Some(false);
        self
    }
    fn policy(mut self, p: Policy) -> Self {
        self.policy = p;
        self
    }
    fn industries(mut self, i: &'static [&'static str]) -> Self {
        self.industries = i;
        self
    }
    fn companies(mut self, c: &'static [&'static str]) -> Self {
        self.companies = c;
        self
    }
    fn schools(mut self, s: &'static [&'static str]) -> Self {
        self.schools = s;
        self
    }
    fn open_to_roles(mut self) -> Self {
        self.open_to_roles = true;
        self
    }
    fn chose(mut self, r: Relationship) -> Self {
        self.chose = Some(r);
        self
    }
    fn others(mut self, o: &'static [(&'static str, &'static str, u32)]) -> Self {
        self.others = o;
        self
    }
    fn invited_before(mut self, days_ago: u32) -> Self {
        self.invited_before = Some(days_ago);
        self
    }
    fn kind(mut self, k: Kind) -> Self {
        self.kind = k;
        self
    }
    fn foreign(mut self) -> Self {
        self.foreign = true;
        self
    }
    fn expect(mut self, actions: &'static [Action], first: &'static [&'static str]) -> Self {
        self.actions = actions;
        self.first = first;
        self
    }
    fn never(mut self, phrases: &'static [&'static str]) -> Self {
        self.never.push(phrases);
        self
    }
    fn late(mut self) -> Self {
        self.late = true;
        self
    }
    fn dont_know(mut self) -> Self {
        self.dont_know = true;
        self
    }
    fn reasons(mut self, ids: &'static [&'static str]) -> Self {
        self.reasons = ids;
        self
    }
    fn not_reasons(mut self, ids: &'static [&'static str]) -> Self {
        self.not_reasons = ids;
        self
    }
}

use Action::{Accept, Ask, Decline, Ignore, Reply, Review};
use Policy::{IndustryFocused, KnowWellOnly, OpenNetworker};
use Relationship::{FormerColleague, Friend, KnowWell, MetOnce, Stranger};

const FABRIKAM: &[(&str, &str, u32)] = &[
    ("bo-fabrikam", "BDR at Fabrikam", 3),
    ("cy-fabrikam", "Account Executive at Fabrikam", 10),
];
const SAME_SCHOOL: &[(&str, &str, u32)] = &[
    ("di-student", "Student at Example University", 2),
    ("ed-student", "Student at Example University", 5),
];

/// The table. Categories follow the issue: strangers (no note, the stock
/// note, a personal note; none, a few or many shared connections),
/// recruiters, sales, scams, people met once, people who saw your talk or
/// read your post, former colleagues, classmates, friends and family,
/// students, repeat inviters, many invitations from one company, long
/// waits, every non-person kind, and each policy.
#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        // ---- strangers, no note (LinkedIn shows no Reply) ----
        case("stranger, no note, no shared connections (line left out)", "[GUIDE] no answer is owed to a stranger's mass invitation; [POLITE] LinkedIn's own option needs no message")
            .expect(&[Ignore], &[]).reasons(&["no_mutual", "no_note"]),
        case("stranger, no note, a few shared connections, field not set", "[ELAD] when you cannot place someone, look them up before deciding")
            .mutual(3).expect(&[Review], &[]).reasons(&["field_unknown"]).not_reasons(&["outside_industry"]),
        case("stranger in my field? 25 shared, no note, empty profile", "[POLITE] weigh the context (same field, mutual connections) before refusing; an empty profile is unknown fit")
            .headline(same("Software Engineer at Northwind")).mutual(25)
            .expect(&[Review], &[]).reasons(&["many_mutual", "field_unknown"]).not_reasons(&["outside_industry"]),
        case("stranger in my field, 25 shared, no note, field set", "[POLITE] [GUIDE] someone in your field with mutual connections is worth connecting with")
            .headline(same("Software Engineer at Northwind")).mutual(25).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(MEETING).never(CONVERSATION),
        case("stranger in my field, a named shared connection, no note", "[GUIDE] same industry and a connection in common: a fit")
            .headline(same("Software Engineer at Northwind")).named(2).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("stranger in my field, no shared connections, no note", "[POLITE] same field: consider it before refusing; industry-focused connects by field")
            .headline(same("Software Engineer at Northwind")).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(MEETING).never(THEIR_NOTE),
        case("stranger outside my field, no note", "[KNOWN] [GUIDE] a network kept for one's field; nothing to send without Reply")
            .headline(same("Chef at Bistro Nine")).industries(&["software"]).expect(&[Ignore], &[]),
        case("know-well-only, stranger, no note", "[NOTYET] only people known well")
            .policy(KnowWellOnly).expect(&[Ignore], &[]),
        case("know-well-only, 25 shared, no note", "[ELAD] many shared connections: look before deciding")
            .policy(KnowWellOnly).mutual(25).expect(&[Review], &[]),
        case("open networker, stranger, no note", "[GUIDE] some network openly")
            .policy(OpenNetworker).expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("open networker, no headline, no shared connections", "[GUIDE] look at the profile of a stranger you know nothing about")
            .policy(OpenNetworker).no_headline().expect(&[Review], &[]),
        case("no headline, no note, no shared connections, waited 4 months", "[GUIDE] an old invitation from a stranger can lapse; lateness does not turn it into a reply")
            .no_headline().age(110).expect(&[Ignore], &[])
            .reasons(&["no_headline", "no_mutual", "waiting_long_stranger"]).not_reasons(&["waiting_long"]),
        case("page in a language Kindly cannot read: shared connections unknown", "[ELAD] what cannot be read is left out, not guessed")
            .foreign().expect(&[Review], &[]).not_reasons(&["no_mutual"]),

        // ---- strangers, LinkedIn's stock note (a Reply on the card) ----
        case("stranger, stock note, no shared connections", "[POLITE] brief and polite, no reasons; [ELAD] a firm, polite no")
            .note(STOCK).expect(&[Decline], &["stranger-generic"]).never(MEETING).never(THEIR_NOTE).never(CONVERSATION),
        case("stranger, stock note, a few shared connections", "[ELAD] ask how you know each other and what they hope for")
            .note(STOCK).mutual(5).expect(&[Ask], &["ask-where-we-met"]).never(MEETING),
        case("stranger, stock note, many shared connections", "[ELAD] ask how you know each other")
            .note(STOCK).mutual(30).expect(&[Ask], &["ask-where-we-met"]).never(MEETING),
        case("know-well-only, stock note", "[NOTYET] a standard reply to people not known well")
            .note(STOCK).policy(KnowWellOnly).expect(&[Decline], &["stranger-generic"]),
        case("open networker, stock note", "[GUIDE] open networkers connect")
            .note(STOCK).policy(OpenNetworker).expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("stock note, same field", "[GUIDE] same industry: a fit")
            .note(STOCK).headline(same("Software Engineer at Northwind")).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("stock note, outside my field", "[KNOWN] 'I keep LinkedIn for my field'; [GUIDE] reserve the network for your industry")
            .note(STOCK).headline(same("Chef at Bistro Nine")).industries(&["software"])
            .expect(&[Decline], &["outside-industry"]).reasons(&["outside_industry"]),
        case("stock note, field not set: never 'outside my field'", "[ETIQUETTE §Facts] an empty profile is unknown fit, never a mismatch")
            .note(STOCK).headline(same("Chef at Bistro Nine"))
            .expect(&[Decline], &["stranger-generic"]).never(OUTSIDE).not_reasons(&["outside_industry"]),

        // ---- strangers, a personal note ----
        case("stranger, personal note, industry-focused", "[NOTYET] start a dialog first; no may mean not yet")
            .note(PERSONAL).expect(&[Reply], &["keep-pending-conversation"]).never(MEETING).never(CONVERSATION),
        case("stranger, personal note, know-well-only", "[NOTYET] a kind no, personalised, door left open")
            .note(PERSONAL).policy(KnowWellOnly).expect(&[Decline], &["stranger-personal"]).never(MEETING),
        case("stranger, personal note, open networker", "[GUIDE] open networkers connect; thank them")
            .note(PERSONAL).policy(OpenNetworker).expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("stranger, personal note, same field", "[POLITE] context in your field: connect")
            .note(PERSONAL).headline(same("Software Engineer at Northwind")).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(MEETING),
        case("stranger, personal note, many shared connections", "[NOTYET] a personal note is answered first")
            .note(PERSONAL).mutual(12).expect(&[Reply], &["keep-pending-conversation"]).never(MEETING),

        // ---- recruiters ----
        case("recruiter offering a role, not looking", "[GUIDE] a polite not-now; a recruiter is never answered as a salesperson")
            .note(RECRUITER_NOTE).headline(RECRUITER).mutual(2)
            .expect(&[Reply], &["recruiter-not-now"]).never(SELLING).never(MEETING).reasons(&["note_job_offer"]).not_reasons(&["sales_language"]),
        case("recruiter offering a role, open to new roles", "[GUIDE] answer warmly when you are looking")
            .note(RECRUITER_NOTE).headline(RECRUITER).open_to_roles()
            .expect(&[Reply], &["recruiter-interested"]).never(SELLING).never(NOT_LOOKING),
        case("role named in the note, no recruiter headline", "[GUIDE] a role offered is a recruiter's invitation")
            .note(ROLE_NOTE).headline(same("Engineering Manager at Contoso"))
            .expect(&[Reply], &["recruiter-not-now"]).never(SELLING),
        case("recruiter, no note, open to new roles", "[GUIDE] connect with recruiters when looking; write after accepting")
            .headline(RECRUITER).open_to_roles().expect(&[Accept], &["recruiter-interested"]).never(NOT_LOOKING),
        case("recruiter, no note, not looking", "[GUIDE] no answer owed; look at them if you wish")
            .headline(RECRUITER).mutual(2).expect(&[Review], &[]),
        case("recruiter offering a role, open networker", "[GUIDE] open networkers connect")
            .note(RECRUITER_NOTE).headline(RECRUITER).policy(OpenNetworker)
            .expect(&[Accept], &["thanks-after-accept"]).never(SELLING),
        case("recruiter's role offer, know-well-only", "[POLITE] a polite not-now, brief")
            .note(RECRUITER_NOTE).headline(RECRUITER).policy(KnowWellOnly)
            .expect(&[Reply], &["recruiter-not-now"]).never(SELLING),

        // ---- sales and lead generation ----
        case("sales pitch", "[GUIDE] sales-heavy invitations: a polite, firm no")
            .note(SALES).headline(same("Growth Partner at LeadRocket"))
            .expect(&[Decline], &["sales-pitch-no"]).never(MEETING).never(CONVERSATION).reasons(&["sales_language"]),
        case("lead generation in the headline, no note", "[GUIDE] decline without comment")
            .headline(same("Founder | Lead generation for B2B")).expect(&[Ignore], &[]),
        case("sales pitch to an open networker", "[GUIDE] even open networkers decline selling")
            .note(SALES).policy(OpenNetworker).expect(&[Decline], &["sales-pitch-no"]),

        // ---- scams ----
        case("scam: WhatsApp, crypto, flattery", "[GUIDE] suspicious invitations: ignore; 'I don't know this person' for clear abuse")
            .note(SCAM).headline(same("Investor")).expect(&[Ignore], &["scam-minimal"]).dont_know().never(MEETING),
        case("scam markers, but the user knows them well", "[ETIQUETTE §Facts] what the user chose beats what Kindly reads")
            .note(SCAM).chose(KnowWell).expect(&[Accept], &["thanks-after-accept", "talked-thanks", "met-in-person-thanks"]),

        // ---- met once at an event ----
        case("note says we met at an event", "[GUIDE] after meeting, connect and mention where you met")
            .note(MET).mutual(2).expect(&[Accept], &["met-in-person-thanks"]).never(CONVERSATION).reasons(&["note_met_in_person"]),
        case("note says we met, know-well-only", "[NOTYET] talk first, connect later")
            .note(MET).policy(KnowWellOnly).expect(&[Reply], &["met-in-person-talk-first"]).never(CONVERSATION),
        case("note says we met, but the user says they don't know them", "[ETIQUETTE §Claims] what the user chose overrides the note")
            .note(MET).chose(Stranger).expect(&[Decline], &["stranger-generic"]).never(MEETING).never(CONVERSATION),
        case("user chose 'met once', no note", "[GUIDE] connect after meeting; write after accepting")
            .chose(MetOnce).expect(&[Accept], &["met-in-person-thanks"]).never(CONVERSATION),
        case("note mentions a conversation", "[GUIDE] reference the conversation")
            .note(TALKED).expect(&[Accept], &["talked-thanks"]).never(MEETING),
        case("introduced by a mutual friend", "[GUIDE] a shared context named in the note")
            .note(INTRODUCED).named(1).expect(&[Accept], &["thanks-after-accept"]).never(MEETING).never(CONVERSATION),

        // ---- they saw your talk or read your post ----
        case("saw your talk, field not set", "[POLITE] thank them; a talk is not a meeting")
            .note(SAW_TALK).headline(same("Data Scientist at Contoso"))
            .expect(&[Accept], &["saw-your-work-thanks"]).never(MEETING).never(CONVERSATION).reasons(&["note_saw_your_work"]),
        case("read your post, know-well-only", "[NOTYET] thank them, answer questions, connect later")
            .note(READ_POST).policy(KnowWellOnly).expect(&[Reply], &["saw-your-work-reply"]).never(MEETING),
        case("saw your talk, outside your field", "[NOTYET] thank them and talk first")
            .note(SAW_TALK).headline(same("Nurse at City Hospital")).industries(&["software"])
            .expect(&[Reply], &["saw-your-work-reply"]).never(MEETING).never(OUTSIDE),

        // ---- former colleagues ----
        case("note says we worked together", "[GUIDE] have you worked together? then connect")
            .note(WORKED).expect(&[Accept], &["former-colleague-accept"]).reasons(&["note_worked_together"]),
        case("note says we worked together, know-well-only", "[KNOWN] someone from your past: catch up before connecting")
            .note(WORKED).policy(KnowWellOnly).expect(&[Reply], &["former-colleague-catch-up"]),
        case("user chose former colleague, no note", "[KNOWN] connect and catch up (no Reply to talk first)")
            .chose(FormerColleague).expect(&[Accept], &["former-colleague-accept"]),
        case("user chose former colleague, with a note", "[KNOWN] catch up first, then connect")
            .note(STOCK).chose(FormerColleague).expect(&[Reply], &["former-colleague-catch-up"]),
        case("never 'we worked together' to a stranger", "[ETIQUETTE §Claims] a reply says only what is known")
            .note(STOCK).mutual(4).expect(&[Ask], &["ask-where-we-met"]).never(WORKED_TOGETHER),

        // ---- classmates and schools ----
        case("note says we were classmates", "[GUIDE] a shared past: connect")
            .note(CLASSMATES).expect(&[Accept], &["classmate-thanks"]),
        case("classmates, know-well-only", "[KNOWN] catch up first")
            .note(CLASSMATES).policy(KnowWellOnly).expect(&[Reply], &["classmate-catch-up"]),
        case("students of my school, several lately: a school is not a company", "[ETIQUETTE §Facts] students of one school inviting you is normal")
            .headline(STUDENT).schools(&["Example University"]).others(SAME_SCHOOL)
            .expect(&[Accept], &["thanks-after-accept"]).not_reasons(&["company_volume"]),

        // ---- friends and family ----
        case("friend, with a note", "[KNOWN] LinkedIn for work, another network for friends and family; give a reason")
            .note(FRIENDLY).chose(Friend).expect(&[Decline], &["friend-family"]),
        case("friend, no note", "[KNOWN] with no Reply, tell them in person")
            .chose(Friend).expect(&[Ignore], &[]),
        case("friend, open networker", "[GUIDE] open networkers connect")
            .chose(Friend).policy(OpenNetworker).expect(&[Accept], &["thanks-after-accept"]).never(FRIENDS),
        case("never 'see you soon' to a stranger", "[ETIQUETTE §Claims] friendship only when the user says so")
            .note(FRIENDLY).expect(&[Reply], &["keep-pending-conversation"]).never(FRIENDS),

        // ---- students asking for advice ----
        case("student asking for advice", "[NOTYET] start a dialog; help first")
            .note(ADVICE).headline(STUDENT).expect(&[Reply], &["advice-reply"]).never(MEETING),
        case("student asking for advice, know-well-only", "[NOTYET] help first, connect later")
            .note(ADVICE).headline(STUDENT).policy(KnowWellOnly).expect(&[Reply], &["advice-reply"]),
        case("student asking for advice, open networker", "[GUIDE] connect and help")
            .note(ADVICE).headline(STUDENT).policy(OpenNetworker).expect(&[Accept], &["advice-accept"]),
        case("a personal request outweighs many invitations from one company", "[ETIQUETTE §Decisions] signals are weighed, not stacked")
            .note(ADVICE).headline(same("Analyst at Fabrikam")).others(FABRIKAM)
            .expect(&[Reply], &["advice-reply"]).reasons(&["company_volume"]),

        // ---- repeat inviters ----
        case("invited before, no note", "[GUIDE] repeated invitations deserve a clear answer; with no Reply, ignoring again")
            .invited_before(90).expect(&[Ignore], &[]).reasons(&["invited_before"]),
        case("invited before, stock note", "[GUIDE] formally decline so they get the hint")
            .invited_before(90).note(STOCK).expect(&[Decline], &["repeat-inviter"]),
        case("invited before, selling, with a link", "[GUIDE] spam: 'I don't know this person' stops further invitations")
            .invited_before(60).note(SALES).expect(&[Decline], &["repeat-inviter"]).dont_know(),

        // ---- many invitations from one organisation ----
        case("many from one company lately, no note", "[GUIDE] over-invitation from one company")
            .headline(same("SDR at Fabrikam")).others(FABRIKAM).expect(&[Ignore], &[]).reasons(&["company_volume"]),
        case("many from one company lately, stock note", "[GUIDE] decline because of the volume from that company")
            .note(STOCK).headline(same("SDR at Fabrikam")).others(FABRIKAM)
            .expect(&[Decline], &["company-volume"]).never(MEETING),
        case("a real meeting outweighs a campaign", "[ETIQUETTE §Decisions] a note naming a real meeting is never outweighed")
            .note(MET).headline(same("SDR at Fabrikam")).others(FABRIKAM)
            .expect(&[Accept], &["met-in-person-thanks"]).reasons(&["note_met_in_person"]),

        // ---- waited weeks or months ----
        case("someone I know well, waited 3 weeks", "[POLITE] [ELAD] answer promptly; late, say sorry")
            .chose(KnowWell).age(21).expect(&[Accept], &["late-reply-accept"]).late(),
        case("personal note, waited 3 weeks", "[POLITE] a short apology for people you answer anyway")
            .note(PERSONAL).age(21).expect(&[Reply], &["keep-pending-conversation", "late-reply-conversation"]).late(),
        case("recruiter, waited 6 weeks", "[POLITE] the apology joins the recruiter's reply")
            .note(RECRUITER_NOTE).headline(RECRUITER).age(42).expect(&[Reply], &["recruiter-not-now"]).late().never(SELLING),
        case("student's question, waited a month", "[POLITE] late, but answered anyway")
            .note(ADVICE).headline(STUDENT).age(35).expect(&[Reply], &["advice-reply"]).late(),
        case("stranger's stock note, waited 5 months: still a stranger's verdict", "[GUIDE] strangers' invitations may lapse; no apology owed")
            .note(STOCK).age(150).expect(&[Decline], &["stranger-generic"]).never(APOLOGY).reasons(&["waiting_long_stranger"]),
        case("sales pitch, waited 2 months: no apology", "[GUIDE] a firm no, nothing more")
            .note(SALES).age(60).expect(&[Decline], &["sales-pitch-no"]).never(APOLOGY),

        // ---- every non-person kind ----
        case("page invitation", "[GUIDE] not a person: no connection etiquette; ignore").kind(Kind::Page).expect(&[Ignore], &[]),
        case("school invitation", "[GUIDE] not a person: ignore").kind(Kind::School).expect(&[Ignore], &[]),
        case("newsletter invitation", "[GUIDE] not a person: ignore").kind(Kind::Newsletter).expect(&[Ignore], &[]),
        case("group invitation", "[GUIDE] not a person: ignore").kind(Kind::Group).expect(&[Ignore], &[]),
        case("event invitation", "[ELAD] does it serve your goals? look first").kind(Kind::Event).expect(&[Review], &[]),
        case("unknown new kind", "[ELAD] look first").kind(Kind::Unknown).expect(&[Review], &[]),
        case("page invitation from someone I know well", "[KNOWN] people you know deserve a look").kind(Kind::Page).chose(KnowWell).expect(&[Review], &[]),

        // ---- each policy, side by side ----
        case("know-well-only, same field, many shared, no note", "[NOTYET] only people known well")
            .policy(KnowWellOnly).headline(same("Software Engineer at Northwind")).industries(&["software"]).mutual(14)
            .expect(&[Ignore], &[]),
        case("open networker, outside the field, no note", "[GUIDE] open networkers connect")
            .policy(OpenNetworker).headline(same("Chef at Bistro Nine")).industries(&["software"])
            .expect(&[Accept], &["thanks-after-accept"]).never(OUTSIDE),
        case("works where I work, no note", "[GUIDE] a shared company: a fit")
            .headline(same("Analyst at Contoso")).companies(&["Contoso"])
            .expect(&[Accept], &["thanks-after-accept"]).reasons(&["shared_company"]),
        case("a note, but no Reply control found: every layout shows one under a note", "[ETIQUETTE §Delivery] Reply sits under the note")
            .note(PERSONAL).no_reply_control().policy(KnowWellOnly)
            .expect(&[Decline], &["stranger-personal"]),
    ]
}

// ---- building what the page adapter would read ----

fn mutual_line(lang: usize, mutual: Mutual) -> Option<String> {
    let (n, named) = match mutual {
        Mutual::Absent => return None,
        Mutual::Count(n) => (n, false),
        Mutual::Named(n) => (n, true),
    };
    Some(match (lang, named, n) {
        (0, false, 1) => "1 mutual connection".into(),
        (0, false, n) => format!("{n} mutual connections"),
        (0, true, 1) => "Sam Ortiz is a mutual connection".into(),
        (0, true, n) => format!("Sam Ortiz and {} other mutual connections", n - 1),
        (1, false, 1) => "1 relation en commun".into(),
        (1, false, n) => format!("{n} relations en commun"),
        (1, true, 1) => "Sam Ortiz est une relation en commun".into(),
        (1, true, n) => format!("Sam Ortiz et {} autres relations en commun", n - 1),
        (2, false, 1) => "1 gemeinsamer Kontakt".into(),
        (2, false, n) => format!("{n} gemeinsame Kontakte"),
        (2, true, 1) => "Sam Ortiz ist ein gemeinsamer Kontakt".into(),
        (2, true, n) => format!("Sam Ortiz und {} weitere gemeinsame Kontakte", n - 1),
        (_, false, 1) => "1 contacto en común".into(),
        (_, false, n) => format!("{n} contactos en común"),
        (_, true, 1) => "Sam Ortiz es un contacto en común".into(),
        (_, true, n) => format!("Sam Ortiz y {} contactos más en común", n - 1),
    })
}

fn time_line(lang: usize, days: u32) -> String {
    let (n, unit) = match days {
        0 => return ["Today", "Aujourd’hui", "Heute", "Hoy"][lang].into(),
        1 => return ["Yesterday", "Hier", "Gestern", "Ayer"][lang].into(),
        2..=6 => (days, 0),
        7..=29 => (days / 7, 1),
        _ => (days / 30, 2),
    };
    let units = [
        ["days", "weeks", "months"],
        ["jours", "semaines", "mois"],
        ["Tagen", "Wochen", "Monaten"],
        ["días", "semanas", "meses"],
    ];
    let unit = units[lang][unit];
    match lang {
        0 => format!("{n} {unit} ago"),
        1 => format!("il y a {n} {unit}"),
        2 => format!("vor {n} {unit}"),
        _ => format!("hace {n} {unit}"),
    }
}

fn labels(lang: usize, name: &str) -> (String, String) {
    match lang {
        0 => (
            format!("Accept {name}’s invitation"),
            format!("Ignore an invitation to connect from {name}"),
        ),
        1 => (
            format!("Accepter l’invitation de {name}"),
            format!("Ignorer l’invitation de {name} à rejoindre son réseau"),
        ),
        2 => (
            format!("Einladung von {name} annehmen"),
            format!("Einladung von {name} ignorieren"),
        ),
        _ => (
            format!("Aceptar la invitación de {name}"),
            format!("Ignorar la invitación de {name}"),
        ),
    }
}

fn link(path: &str, text: &str) -> CardLink {
    CardLink {
        path: path.into(),
        text: text.into(),
    }
}

const NAME: &str = "Riley Park";
const KEY: &str = "riley-park";

/// A person's card as the adapter reads it on a page in `LANGS[lang]`.
fn person_card(c: &Case, lang: usize) -> Option<CardText> {
    let mut lines = vec![NAME.to_string()];
    if let Some(h) = &c.headline {
        lines.push(h.get(lang)?.to_string());
    }
    lines.extend(mutual_line(lang, c.mutual));
    lines.push(time_line(lang, c.age));
    let after_controls = Some(lines.len());
    let note = match &c.note {
        Some(t) => Some(t.get(lang)?.to_string()),
        None => None,
    };
    let (accept, ignore) = labels(lang, NAME);
    Some(CardText {
        lang: if c.foreign {
            "pt-BR".into()
        } else {
            LANGS[lang].into()
        },
        name: Some(NAME.into()),
        lines,
        after_controls,
        reply_control: c.reply_control.unwrap_or(note.is_some()),
        note,
        accept_label: Some(accept),
        ignore_label: Some(ignore),
        links: vec![
            link(&format!("/in/{KEY}/"), ""),
            link(&format!("/in/{KEY}/"), NAME),
        ],
        key_hint: None,
    })
}

/// A non-person invitation sent by Taylor Kim.
fn other_card(kind: Kind, lang: usize) -> CardText {
    let inviter = "Taylor Kim";
    let (line, target): (String, Option<(&str, &str)>) = match (kind, lang) {
        (Kind::Page, 0) => (
            format!("{inviter} invited you to follow Example Labs"),
            Some(("/company/example-labs/", "Example Labs")),
        ),
        (Kind::Page, 1) => (
            format!("{inviter} vous a invité(e) à suivre Example Labs"),
            Some(("/company/example-labs/", "Example Labs")),
        ),
        (Kind::Page, 2) => (
            format!("{inviter} hat Sie eingeladen, Example Labs zu folgen"),
            Some(("/company/example-labs/", "Example Labs")),
        ),
        (Kind::Page, _) => (
            format!("{inviter} te ha invitado a seguir Example Labs"),
            Some(("/company/example-labs/", "Example Labs")),
        ),
        (Kind::School, 0) => (
            format!("{inviter} invited you to follow their school"),
            Some(("/school/example-university/", "Example University")),
        ),
        (Kind::School, 1) => (
            format!("{inviter} vous a invité(e) à suivre son école"),
            Some(("/school/example-university/", "Example University")),
        ),
        (Kind::School, 2) => (
            format!("{inviter} hat Sie eingeladen, seiner Hochschule zu folgen"),
            Some(("/school/example-university/", "Example University")),
        ),
        (Kind::School, _) => (
            format!("{inviter} te ha invitado a seguir su universidad"),
            Some(("/school/example-university/", "Example University")),
        ),
        (Kind::Newsletter, 0) => (
            format!("{inviter} invited you to subscribe to Rust Weekly"),
            Some(("/newsletters/rust-weekly-7000/", "Rust Weekly")),
        ),
        (Kind::Newsletter, 1) => (
            format!("{inviter} vous a invité(e) à vous abonner à Rust Weekly"),
            Some(("/newsletters/rust-weekly-7000/", "Rust Weekly")),
        ),
        (Kind::Newsletter, 2) => (
            format!("{inviter} hat Sie eingeladen, Rust Weekly zu abonnieren"),
            Some(("/newsletters/rust-weekly-7000/", "Rust Weekly")),
        ),
        (Kind::Newsletter, _) => (
            format!("{inviter} te ha invitado a suscribirte a Rust Weekly"),
            Some(("/newsletters/rust-weekly-7000/", "Rust Weekly")),
        ),
        (Kind::Event, 0) => (
            format!("{inviter} invited you to an event: Rust Night"),
            Some(("/events/123/", "Rust Night")),
        ),
        (Kind::Event, 1) => (
            format!("{inviter} vous a invité(e) à un événement : Rust Night"),
            Some(("/events/123/", "Rust Night")),
        ),
        (Kind::Event, 2) => (
            format!("{inviter} hat Sie zu einer Veranstaltung eingeladen: Rust Night"),
            Some(("/events/123/", "Rust Night")),
        ),
        (Kind::Event, _) => (
            format!("{inviter} te ha invitado a un evento: Rust Night"),
            Some(("/events/123/", "Rust Night")),
        ),
        (Kind::Group, 0) => (
            format!("{inviter} invited you to join Rustaceans"),
            Some(("/groups/42/", "Rustaceans")),
        ),
        (Kind::Group, 1) => (
            format!("{inviter} vous a invité(e) à rejoindre le groupe Rustaceans"),
            Some(("/groups/42/", "Rustaceans")),
        ),
        (Kind::Group, 2) => (
            format!("{inviter} hat Sie eingeladen, Rustaceans beizutreten"),
            Some(("/groups/42/", "Rustaceans")),
        ),
        (Kind::Group, _) => (
            format!("{inviter} te ha invitado a unirte a Rustaceans"),
            Some(("/groups/42/", "Rustaceans")),
        ),
        (_, 0) => (format!("{inviter} invited you to try something new"), None),
        (_, 1) => (
            format!("{inviter} vous a invité(e) à essayer une nouveauté"),
            None,
        ),
        (_, 2) => (
            format!("{inviter} hat Sie eingeladen, etwas Neues auszuprobieren"),
            None,
        ),
        (_, _) => (
            format!("{inviter} te ha invitado a probar algo nuevo"),
            None,
        ),
    };
    let mut links = vec![link("/in/taylor-kim/", inviter)];
    links.extend(target.map(|(p, t)| link(p, t)));
    let (accept, ignore) = labels(lang, inviter);
    CardText {
        lang: LANGS[lang].into(),
        name: Some(inviter.into()),
        lines: vec![line, time_line(lang, 3)],
        accept_label: Some(accept),
        ignore_label: Some(ignore),
        links,
        ..CardText::default()
    }
}

fn data_for(c: &Case, key: &str) -> Data {
    let mut data = new_user_data();
    let p = &mut data.profile;
    p.name = "Sam Lee".into();
    p.email = "sam@example.com".into();
    p.policy = c.policy;
    p.industries = c.industries.iter().map(|s| s.to_string()).collect();
    p.companies = c.companies.iter().map(|s| s.to_string()).collect();
    p.schools = c.schools.iter().map(|s| s.to_string()).collect();
    p.open_to_roles = c.open_to_roles;
    for (k, headline, ago) in c.others {
        let day = TODAY - ago;
        data.people.insert(
            k.to_string(),
            Person {
                name: k.to_string(),
                kind: Kind::Person,
                first_seen: day,
                last_seen: day,
                invitations: vec![day],
                headline: headline.to_string(),
                age_when_seen: Some(1),
                ..Person::default()
            },
        );
    }
    if let Some(ago) = c.invited_before {
        let day = TODAY - ago;
        data.people.insert(
            KEY.into(),
            Person {
                name: NAME.into(),
                kind: Kind::Person,
                first_seen: day,
                last_seen: day,
                invitations: vec![day],
                age_when_seen: Some(1),
                ..Person::default()
            },
        );
    }
    if let Some(r) = c.chose {
        data.people.entry(key.into()).or_default().relationship = Some(r);
    }
    data
}

fn folded(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// Plays one case in one language; returns what is wrong.
fn play(c: &Case, lang: usize) -> Option<Vec<String>> {
    let card = if c.kind == Kind::Person {
        person_card(c, lang)?
    } else {
        other_card(c.kind, lang)
    };
    let invitation = parse_card(&card);
    let key = match c.kind {
        Kind::Person => invitation.key.clone(),
        _ => "taylor-kim".to_string(),
    };
    let data = data_for(c, &key);
    let model = suggest_for(&invitation, &data, TODAY);
    let decided = decide(&invitation, &Context::from_data(&invitation, &data, TODAY));
    let code = if c.foreign { "pt" } else { LANGS[lang] };
    let mut wrong = Vec::new();
    let mut say = |what: String| wrong.push(format!("[{code}] {what}"));
    let reason_ids: Vec<&str> = model.reasons.iter().map(|r| r.id.as_str()).collect();
    if decided != model.action {
        say(format!(
            "marking decides {decided:?}, the panel {:?}",
            model.action
        ));
    }
    if !c.actions.contains(&model.action) {
        say(format!(
            "action {:?}, want one of {:?}; reasons {reason_ids:?}",
            model.action, c.actions
        ));
    }
    let reply_lang = if c.foreign { "en" } else { LANGS[lang] };
    let allowed: Vec<String> = c
        .first
        .iter()
        .map(|id| {
            if reply_lang == "en" {
                id.to_string()
            } else {
                format!("{id}-{reply_lang}")
            }
        })
        .collect();
    match model.suggestions.first() {
        None if !allowed.is_empty() => say(format!(
            "no reply; want {allowed:?}; reasons {reason_ids:?}"
        )),
        Some(s) if allowed.is_empty() => {
            say(format!("a reply ({}) where none fits", s.template_id))
        }
        Some(s) if !allowed.contains(&s.template_id) => say(format!(
            "first reply {}, want one of {allowed:?}",
            s.template_id
        )),
        _ => {}
    }
    for s in &model.suggestions {
        let text = folded(&s.text);
        for set in &c.never {
            for phrase in set.iter() {
                if text.contains(&folded(phrase)) {
                    say(format!("{} says “{phrase}”: {}", s.template_id, s.text));
                }
            }
        }
        if c.late && !APOLOGY.iter().any(|p| text.contains(&folded(p))) {
            say(format!(
                "{} does not apologise for the delay: {}",
                s.template_id, s.text
            ));
        }
        if s.target != kindly_core::Target::Message {
            say(format!(
                "{} is an invitation note, offered on a received card",
                s.template_id
            ));
        }
        if s.language != reply_lang {
            say(format!(
                "{} is in {}, the card in {reply_lang}",
                s.template_id, s.language
            ));
        }
        let on_card = s.delivery == kindly_core::advice::Delivery::OnCard;
        if on_card && !card.reply_control && invitation.note.is_none() {
            say(format!(
                "{} is sent with a Reply the card does not have",
                s.template_id
            ));
        }
        if (model.action == Accept) == on_card {
            say(format!(
                "{} goes {:?} on an {:?}",
                s.template_id, s.delivery, model.action
            ));
        }
    }
    if model.dont_know_hint != c.dont_know {
        say(format!(
            "'I don't know this person' hint: {}",
            model.dont_know_hint
        ));
    }
    for id in c.reasons {
        if !reason_ids.contains(id) {
            say(format!("no reason {id}: {reason_ids:?}"));
        }
    }
    for id in c.not_reasons {
        if reason_ids.contains(id) {
            say(format!("reason {id} should not be there"));
        }
    }
    for r in &model.reasons {
        if r.text.contains("(s)") || r.text.contains("{}") || r.text.is_empty() {
            say(format!("reason {} reads “{}”", r.id, r.text));
        }
    }
    if std::env::var_os("KINDLY_SHOW").is_some() {
        println!(
            "{:<4}{:<70} {:<8} {:<30} {}",
            code,
            c.name,
            model.action.as_str(),
            model
                .suggestions
                .first()
                .map_or("-", |s| s.template_id.as_str()),
            reason_ids.join(" ")
        );
    }
    Some(wrong)
}

#[test]
fn the_table_covers_every_category_with_at_least_60_cases() {
    let cases = cases();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for c in &cases {
        assert!(
            c.why.starts_with('[') && !c.actions.is_empty(),
            "{}: a source and an expected action",
            c.name
        );
    }
    for kind in Kind::ALL {
        assert!(cases.iter().any(|c| c.kind == kind), "no case for {kind:?}");
    }
    for policy in [KnowWellOnly, IndustryFocused, OpenNetworker] {
        assert!(
            cases.iter().filter(|c| c.policy == policy).count() >= 5,
            "{policy:?}"
        );
    }
}

#[test]
fn every_case_gets_the_expected_advice_in_every_language() {
    let mut failures = Vec::new();
    let mut played = 0;
    for c in cases() {
        let languages: Vec<usize> = if c.foreign {
            vec![0]
        } else {
            (0..LANGS.len()).collect()
        };
        for lang in languages {
            if let Some(wrong) = play(&c, lang) {
                played += 1;
                if !wrong.is_empty() {
                    failures.push(format!("{} ({}):\n  {}", c.name, c.why, wrong.join("\n  ")));
                }
            }
        }
    }
    assert!(played >= 240, "only {played} plays");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// ---- the same table, for the browser ----

/// Reply control and button words, as a page in each language shows them.
const REPLY_WORDS: [&str; 4] = [
    "Reply to Riley",
    "Répondre à Riley",
    "Antworten",
    "Responder a Riley",
];
const BUTTONS: [(&str, &str); 4] = [
    ("Accept", "Ignore"),
    ("Accepter", "Ignorer"),
    ("Annehmen", "Ignorieren"),
    ("Aceptar", "Ignorar"),
];

/// A headline whose company is this case's alone, so that cards on one
/// page do not make "many invitations from one company" of each other
/// (the content script records each card it reads). Fabrikam stays: the
/// campaign cases are about it; so do the user's own companies and school.
fn own_company(headline: &str, c: &Case, i: usize) -> String {
    let shared = ["Fabrikam", "Example University"];
    if shared
        .iter()
        .chain(c.companies)
        .any(|k| headline.contains(k))
    {
        return headline.to_string();
    }
    let Some(company) = kindly_core::card::company_in_headline(headline, "") else {
        return headline.to_string();
    };
    headline.replacen(&company, &format!("{company} {i}"), 1)
}

/// The table as pages for `tests/e2e/situations.test.mjs`: per language,
/// groups of cases sharing one profile, each case a card with a key of its
/// own and what the table expects of its panel.
fn browser_table() -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let cases = cases();
    let mut languages = Map::new();
    for (lang, code) in LANGS.iter().enumerate() {
        let mut groups: Vec<(Value, Map<String, Value>, Vec<Value>)> = Vec::new();
        for (i, c) in cases.iter().enumerate() {
            if c.foreign {
                continue; // played natively: the browser page is in a language Kindly reads
            }
            let key = format!("{KEY}-{i}");
            let inviter = format!("taylor-kim-{i}");
            let mut people = Map::new();
            let mut card = Map::new();
            card.insert("case".into(), json!(c.name));
            card.insert("kind".into(), json!(c.kind.as_str()));
            if c.kind == Kind::Person {
                let Some(text) = person_card(c, lang) else {
                    continue;
                };
                let mut lines: Vec<String> = text.lines.iter().skip(1).cloned().collect();
                if c.headline.is_some() {
                    if let Some(h) = lines.first_mut() {
                        *h = own_company(h, c, i);
                    }
                }
                card.insert("key".into(), json!(key));
                card.insert("name".into(), json!(NAME));
                card.insert("lines".into(), json!(lines));
                card.insert("note".into(), json!(text.note));
                if text.reply_control {
                    card.insert("reply".into(), json!(REPLY_WORDS[lang]));
                }
                card.insert("accept".into(), json!(text.accept_label));
                card.insert("ignore".into(), json!(text.ignore_label));
            } else {
                let text = other_card(c.kind, lang);
                let target = text.links.get(1).map(|l| {
                    let path = format!("{}-{i}/", l.path.trim_end_matches('/'));
                    (path, l.text.clone())
                });
                // The panel's key: kind and target, else the page's own key.
                let key = match &target {
                    Some((path, _)) => {
                        let slug = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
                        format!("{}/{slug}", c.kind.as_str())
                    }
                    None => format!("case-{i}"),
                };
                let target = target.map(|(path, text)| json!({"path": path, "text": text}));
                card.insert("key".into(), json!(key));
                card.insert(
                    "inviter".into(),
                    json!({"name": "Taylor Kim", "path": format!("/in/{inviter}/")}),
                );
                card.insert("line".into(), json!(text.lines[0]));
                card.insert("time".into(), json!(text.lines[1]));
                card.insert("target".into(), json!(target));
                card.insert("accept".into(), json!(text.accept_label));
                card.insert("ignore".into(), json!(text.ignore_label));
            }
            card.insert("componentkey".into(), json!(format!("case-{i}")));
            let (accept_word, ignore_word) = BUTTONS[lang];
            card.insert("buttons".into(), json!([accept_word, ignore_word]));
            card.insert(
                "actions".into(),
                json!(c.actions.iter().map(|a| a.as_str()).collect::<Vec<_>>()),
            );
            let first: Vec<String> = c
                .first
                .iter()
                .map(|id| {
                    if lang == 0 {
                        id.to_string()
                    } else {
                        format!("{id}-{code}")
                    }
                })
                .collect();
            card.insert("first".into(), json!(first));
            card.insert("why".into(), json!(c.why));
            // What the user chose and what Kindly remembers, relative to today.
            let person_key = if c.kind == Kind::Person {
                &key
            } else {
                &inviter
            };
            if let Some(r) = c.chose {
                people.insert(person_key.clone(), json!({"relationship": r.as_str()}));
            }
            if let Some(ago) = c.invited_before {
                people.insert(
                    key.clone(),
                    json!({"name": NAME, "kind": "person", "days_ago": ago, "age_when_seen": 1}),
                );
            }
            for (k, headline, ago) in c.others {
                people.insert(
                    k.to_string(),
                    json!({"name": k, "kind": "person", "days_ago": ago, "headline": headline, "age_when_seen": 1}),
                );
            }
            let profile = json!({
                "name": "Sam Lee",
                "email": "sam@example.com",
                "policy": serde_json::to_value(c.policy).unwrap(),
                "industries": c.industries,
                "companies": c.companies,
                "schools": c.schools,
                "open_to_roles": c.open_to_roles,
                "first_run_done": true,
            });
            match groups.iter_mut().find(|(p, ..)| *p == profile) {
                Some((_, all_people, cards)) => {
                    all_people.extend(people);
                    cards.push(Value::Object(card));
                }
                None => groups.push((profile, people, vec![Value::Object(card)])),
            }
        }
        let groups: Vec<Value> = groups
            .into_iter()
            .map(|(profile, people, cards)| json!({"profile": profile, "people": people, "cards": cards}))
            .collect();
        languages.insert(code.to_string(), json!(groups));
    }
    json!({
        "about": "The situation table of crates/kindly-core/tests/situations.rs, as pages for tests/e2e/situations.test.mjs. Generated: KINDLY_WRITE_SITUATIONS=1 cargo test -p kindly-core --test situations",
        "languages": languages,
    })
}

/// The browser plays the table from `tests/fixtures/situations/table.json`;
/// this keeps that file the table's own.
#[test]
fn the_browser_plays_this_table() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/situations/table.json");
    let want = serde_json::to_string_pretty(&browser_table()).unwrap() + "\n";
    if std::env::var_os("KINDLY_WRITE_SITUATIONS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is not the table's: run KINDLY_WRITE_SITUATIONS=1 cargo test -p kindly-core --test situations",
        path.display()
    );
}
