//! Language tables: every word and phrase Kindly reads on a card or in a note,
//! one [`Lang`] value per language, as data. Adding a language means adding a
//! table, not code. Matching is case-insensitive and treats ’ and ' alike,
//! with hand-written scanners (no regex crate: the WASM build stays small and
//! every scan is linear in the text for a fixed table).

use crate::model::Kind;

/// Where the name of the thing an invitation is about sits in its line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetAt {
    /// After the phrase: "… invited you to follow Example Labs".
    After,
    /// Between this word and the phrase: "… hat Sie eingeladen, Example Labs zu folgen".
    Between(&'static str),
    /// The line does not name it (the target link does).
    Nowhere,
}

/// A phrase that says what kind of invitation a card is.
#[derive(Clone, Copy, Debug)]
pub struct KindPhrase {
    /// The phrase, folded (see [`fold`]).
    pub phrase: &'static str,
    /// The kind of invitation it says.
    pub kind: Kind,
    /// Where on the line the invitation's target is named.
    pub target: TargetAt,
}

/// The ways a mutual-connections line is written.
#[derive(Clone, Copy, Debug)]
pub struct MutualForms {
    /// A line is a mutual line when it contains one of these.
    pub markers: &'static [&'static str],
    /// "Sam Ortiz and 4 other …": the joiner between a name and the rest.
    pub joiners: &'static [&'static str],
    /// "Drew Stone is a mutual connection": the verb after a single name.
    pub single: &'static [&'static str],
}

/// Everything Kindly knows how to read in one language. All entries are lower
/// case with straight apostrophes; see [`fold`].
#[derive(Debug)]
pub struct Lang {
    /// ISO 639-1 code, compared with the page's `lang` prefix.
    pub code: &'static str,
    /// (prefix, suffix) around the name in the Accept control's label.
    pub accept_labels: &'static [(&'static str, &'static str)],
    /// (prefix, suffix) around the name in the Ignore control's label.
    pub ignore_labels: &'static [(&'static str, &'static str)],
    /// "… see more" and friends, stripped from the end of a note.
    pub see_more: &'static [&'static str],
    /// Lines starting with these are controls, not content ("Reply to Riley").
    pub control_prefixes: &'static [&'static str],
    /// The words for "today" on a time line.
    pub today: &'static [&'static str],
    /// The words for "yesterday" on a time line.
    pub yesterday: &'static [&'static str],
    /// Words that make a number and unit a time in the past ("ago", "il y a").
    pub ago_words: &'static [&'static str],
    /// Words a time line may also hold ("sent", "about").
    pub time_fillers: &'static [&'static str],
    /// "a week ago": number words and their value.
    pub number_words: &'static [(&'static str, u32)],
    /// Time units and their length in days (minutes and hours count as 0).
    pub units: &'static [(&'static str, u32)],
    /// How a mutual-connections line is written.
    pub mutual: MutualForms,
    /// "follows you".
    pub follows_you: &'static [&'static str],
    /// "is inviting you to connect": a person invitation's own line.
    pub connect_lines: &'static [&'static str],
    /// Present in every "X invited you to …" line; the inviter's name precedes it.
    pub invite_markers: &'static [&'static str],
    /// Checked in order on lines holding an invite marker; the first match wins.
    pub invite_kinds: &'static [KindPhrase],
    /// Type lines that start a card's subtitle ("Newsletter • Weekly").
    pub type_lines: &'static [(&'static str, Kind)],
    /// " at " in "Engineer at Contoso" (" @ " is universal).
    pub company_markers: &'static [&'static str],
    /// Badges shown after a name.
    pub badges: &'static [&'static str],
    /// Titles before a name, skipped when choosing whom to greet.
    pub titles: &'static [&'static str],

    // ---- judging a note or headline (advice.rs; ETIQUETTE.md §Signals) ----
    /// A note that says you met (in person).
    pub met_in_person: &'static [&'static str],
    /// A note that says you talked (a conversation, a call).
    pub talked: &'static [&'static str],
    /// A note that says you worked together.
    pub worked_together: &'static [&'static str],
    /// A note that says you studied together.
    pub studied_together: &'static [&'static str],
    /// A note that says someone introduced you.
    pub introduced: &'static [&'static str],
    /// A note that says they saw your talk or read your post.
    pub saw_work: &'static [&'static str],
    /// A note asking for advice, or a student's question.
    pub advice: &'static [&'static str],
    /// A note offering a role.
    pub job_offer: &'static [&'static str],
    /// "Opportunity": a role offered when a recruiter writes it.
    pub opportunity: &'static [&'static str],
    /// A headline of someone still studying.
    pub student: &'static [&'static str],
    /// LinkedIn's stock notes and their near copies.
    pub generic_notes: &'static [&'static str],
    /// Selling a service.
    pub sales: &'static [&'static str],
    /// Asking for a call: selling, unless a recruiter asks.
    pub call_asks: &'static [&'static str],
    /// Moving off LinkedIn, money offers, flattery about looks.
    pub scam: &'static [&'static str],
    /// A recruiter's headline.
    pub recruiter: &'static [&'static str],
    /// Frequent short words, to tell a note's language.
    pub common_words: &'static [&'static str],
}

/// English.
pub static EN: Lang = Lang {
    code: "en",
    accept_labels: &[
        ("accept ", "'s invitation"),
        ("accept ", "' invitation"),
        ("accept invitation from ", ""),
    ],
    ignore_labels: &[
        ("ignore an invitation to connect from ", ""),
        ("ignore an invitation from ", ""),
        ("ignore invitation from ", ""),
        ("ignore ", "'s invitation"),
    ],
    see_more: &[
        "... see more",
        "…see more",
        "… see more",
        "see more",
        "... show more",
        "…show more",
        "… show more",
        "show more",
        "...more",
        "…more",
        "… more",
    ],
    control_prefixes: &[
        "reply to ",
        "message ",
        "see more",
        "show more",
        "show less",
        "view profile",
    ],
    today: &["today", "just now", "now"],
    yesterday: &["yesterday"],
    ago_words: &["ago"],
    time_fillers: &["sent", "received", "about", "over", "almost"],
    number_words: &[("a", 1), ("an", 1), ("one", 1), ("two", 2), ("three", 3)],
    units: &[
        ("minute", 0),
        ("minutes", 0),
        ("min", 0),
        ("mins", 0),
        ("hour", 0),
        ("hours", 0),
        ("hr", 0),
        ("hrs", 0),
        ("day", 1),
        ("days", 1),
        ("week", 7),
        ("weeks", 7),
        ("wk", 7),
        ("wks", 7),
        ("month", 30),
        ("months", 30),
        ("mo", 30),
        ("mos", 30),
        ("year", 365),
        ("years", 365),
        ("yr", 365),
        ("yrs", 365),
    ],
    mutual: MutualForms {
        markers: &["mutual connection"],
        joiners: &[" and "],
        single: &[" is a mutual connection", " is your mutual connection"],
    },
    follows_you: &["follows you"],
    connect_lines: &[
        "inviting you to connect",
        "invited you to connect",
        "wants to connect",
    ],
    invite_markers: &["invited you to", "invites you to", "is inviting you to"],
    invite_kinds: &[
        KindPhrase {
            phrase: "invited you to follow their school",
            kind: Kind::School,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "invited you to follow",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invites you to follow",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to subscribe to",
            kind: Kind::Newsletter,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to subscribe",
            kind: Kind::Newsletter,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "invited you to an event",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to attend",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to the event",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to join",
            kind: Kind::Group,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invites you to join",
            kind: Kind::Group,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "invited you to",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
    ],
    type_lines: &[
        ("newsletter •", Kind::Newsletter),
        ("newsletter ·", Kind::Newsletter),
        ("event •", Kind::Event),
    ],
    company_markers: &[" at "],
    badges: &["verified", "premium", "opentowork", "hiring"],
    titles: &[
        "dr",
        "dr.",
        "prof",
        "prof.",
        "professor",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "mx",
        "mx.",
        "sir",
        "dame",
        "rev",
        "rev.",
    ],
    met_in_person: &[
        "we met",
        "met at",
        "met you",
        "meeting you",
        "nice to meet you",
        "great to meet you",
        "good to meet you",
        "pleasure to meet",
        "pleasure meeting",
        "lovely to meet",
        "bumped into",
        "ran into you",
        "sat next to",
        "meeting you at",
    ],
    talked: &[
        "we spoke",
        "we talked",
        "we chatted",
        "our call",
        "our chat",
        "our conversation",
        "our discussion",
        "our meeting",
        "nice chatting",
        "great chatting",
        "good chatting",
        "enjoyed chatting",
        "enjoyed talking",
        "enjoyed speaking",
        "speaking with you",
        "talking with you",
        "thanks for the chat",
        "thanks for the call",
        "continue our conversation",
        "chatting with you",
    ],
    worked_together: &[
        "worked with you",
        "worked together",
        "we worked",
        "used to work with",
        "former colleague",
        "ex-colleague",
        "old colleague",
        "were colleagues",
        "same team",
        "worked alongside",
    ],
    studied_together: &[
        "classmate",
        "classmates",
        "studied together",
        "we studied",
        "same class",
        "same cohort",
        "same course",
        "same program",
        "same programme",
        "fellow alum",
        "fellow alumni",
        "fellow student",
        "school together",
        "college together",
        "university together",
    ],
    introduced: &[
        "mutual friend",
        "introduced",
        "introduction",
        "referred me",
        "suggested i reach out",
        "suggested i contact",
        "suggested i connect",
        "told me about you",
        "recommended i",
        "recommended that i",
        "gave me your name",
        "passed on your name",
        "asked me to reach out",
    ],
    saw_work: &[
        "your talk",
        "your presentation",
        "your keynote",
        "your session",
        "your webinar",
        "your podcast",
        "your post",
        "your article",
        "your blog",
        "your newsletter",
        "your paper",
        "your book",
        "your video",
        "your course",
        "your panel",
        "saw you speak",
        "heard you speak",
        "read your",
        "watched your",
        "listened to your",
    ],
    advice: &[
        "advice",
        "guidance",
        "mentor",
        "mentoring",
        "mentorship",
        "any tips",
        "some tips",
        "i'm a student",
        "i am a student",
        "as a student",
        "recent graduate",
        "recent grad",
        "i'm studying",
        "i am studying",
        "career change",
        "learn from you",
        "your experience",
        "how you got into",
        "could i ask",
        "may i ask",
        "informational interview",
        "your perspective",
        "value your thoughts",
        "value your opinion",
        "your insights",
    ],
    job_offer: &[
        "a role",
        "the role",
        "this role",
        "new role",
        "open role",
        "roles",
        "a position",
        "the position",
        "this position",
        "open position",
        "job opportunity",
        "career opportunity",
        "vacancy",
        "vacancies",
        "we're hiring",
        "we are hiring",
        "i'm hiring",
        "i am hiring",
        "hiring for",
        "recruiting for",
        "your profile matches",
        "your background matches",
        "candidates",
        "a job",
        "the job",
        "this job",
        "headcount",
    ],
    opportunity: &["opportunity", "opportunities"],
    student: &["student", "phd candidate", "intern", "undergraduate"],
    generic_notes: &[
        "i'd like to add you to my professional network",
        "i would like to add you to my professional network",
        "add you to my professional network",
        "add you to my network",
        "join your linkedin network",
        "join your network",
        "i'd like to connect",
        "i would like to connect",
        "like to connect with you",
        "let's connect",
        "expand my network",
        "grow my network",
        "expand my professional network",
    ],
    sales: &[
        "i help companies",
        "i help businesses",
        "i help founders",
        "i help brands",
        "i help b2b",
        "we help companies",
        "we help businesses",
        "schedule a demo",
        "book a demo",
        "lead generation",
        "generate leads",
        "more leads",
        "qualified leads",
        "grow your revenue",
        "increase your revenue",
        "boost your sales",
        "scale your business",
        "our services",
        "our agency",
        "free consultation",
        "free audit",
        "offshore team",
        "outsourcing",
    ],
    call_asks: &[
        "book a call",
        "quick call",
        "15-minute call",
        "15 min call",
        "hop on a call",
        "dm me",
        "calendly",
    ],
    scam: &[
        "whatsapp",
        "telegram",
        "wechat",
        "crypto",
        "cryptocurrency",
        "bitcoin",
        "usdt",
        "forex",
        "investment opportunity",
        "investment plan",
        "investment platform",
        "trading platform",
        "binary options",
        "passive income",
        "guaranteed return",
        "guaranteed profit",
        "financial freedom",
        "you are beautiful",
        "you're beautiful",
        "so beautiful",
        "gorgeous",
        "handsome",
        "pretty face",
        "your smile",
        "lovely smile",
        "your profile picture",
        "your profile photo",
        "sweetheart",
    ],
    recruiter: &[
        "recruiter",
        "recruiting",
        "recruitment",
        "talent acquisition",
        "headhunter",
        "head hunter",
        "sourcer",
        "talent partner",
        "staffing",
        "executive search",
        "talent scout",
    ],
    common_words: &[
        "the", "and", "you", "your", "to", "of", "i", "is", "in", "for", "with", "my", "would",
        "like", "we", "at", "it", "be", "are", "this", "that", "have", "on", "hi", "hello",
        "thanks", "love",
    ],
};

/// French.
pub static FR: Lang = Lang {
    code: "fr",
    accept_labels: &[
        ("accepter l'invitation de ", ""),
        ("accepter l'invitation d'", ""),
        ("accepter ", ""),
    ],
    ignore_labels: &[
        ("ignorer l'invitation de ", " à rejoindre son réseau"),
        ("ignorer l'invitation de ", ""),
        ("ignorer l'invitation d'", ""),
        ("ignorer une invitation de ", ""),
    ],
    see_more: &[
        "... voir plus",
        "…voir plus",
        "… voir plus",
        "voir plus",
        "... afficher la suite",
        "… afficher la suite",
        "afficher la suite",
        "… plus",
        "…plus",
    ],
    control_prefixes: &[
        "répondre à ",
        "voir plus",
        "afficher la suite",
        "envoyer un message",
        "voir le profil",
    ],
    today: &["aujourd'hui", "à l'instant", "maintenant"],
    yesterday: &["hier"],
    ago_words: &["il", "y", "a", "depuis"],
    time_fillers: &[
        "envoyée", "envoyé", "reçue", "reçu", "environ", "plus", "de", "d'",
    ],
    number_words: &[("un", 1), ("une", 1), ("deux", 2), ("trois", 3)],
    units: &[
        ("minute", 0),
        ("minutes", 0),
        ("min", 0),
        ("heure", 0),
        ("heures", 0),
        ("h", 0),
        ("jour", 1),
        ("jours", 1),
        ("j", 1),
        ("semaine", 7),
        ("semaines", 7),
        ("sem", 7),
        ("mois", 30),
        ("an", 365),
        ("ans", 365),
        ("année", 365),
        ("années", 365),
    ],
    mutual: MutualForms {
        markers: &[
            "relation en commun",
            "relations en commun",
            "relations communes",
            "relation commune",
        ],
        joiners: &[" et "],
        single: &[
            " est une relation en commun",
            " est une relation commune",
            " est en commun",
        ],
    },
    follows_you: &["vous suit"],
    connect_lines: &[
        "vous invite à vous connecter",
        "vous invite à se connecter",
        "vous invite à rejoindre son réseau",
        "souhaite se connecter",
        "souhaite vous ajouter",
    ],
    invite_markers: &["vous a invité", "vous invite à", "vous invite a"],
    invite_kinds: &[
        KindPhrase {
            phrase: "à suivre son école",
            kind: Kind::School,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "vous a invité(e) à suivre",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "vous a invitée à suivre",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "vous a invité à suivre",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "vous invite à suivre",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "à vous abonner à",
            kind: Kind::Newsletter,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "à vous abonner",
            kind: Kind::Newsletter,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "à un événement",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "à participer à",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "à rejoindre le groupe",
            kind: Kind::Group,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "à rejoindre",
            kind: Kind::Group,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "vous a invité",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "vous invite à",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
    ],
    type_lines: &[
        ("newsletter •", Kind::Newsletter),
        ("newsletter ·", Kind::Newsletter),
        ("lettre d'information •", Kind::Newsletter),
    ],
    company_markers: &[" chez "],
    badges: &["vérifié", "vérifiée", "premium"],
    titles: &[
        "dr", "dr.", "pr", "pr.", "prof", "prof.", "mme", "mme.", "mlle", "me", "maître",
    ],
    met_in_person: &[
        "rencontrés",
        "rencontré",
        "rencontrée",
        "rencontrées",
        "croisés",
        "croisé",
        "ravi de vous avoir",
        "ravie de vous avoir",
        "fait votre connaissance",
        "faire votre connaissance",
        "plaisir de vous voir",
        "nous nous sommes vus",
    ],
    talked: &[
        "nous avons parlé",
        "avons discuté",
        "avons échangé",
        "notre échange",
        "nos échanges",
        "notre discussion",
        "notre conversation",
        "notre appel",
        "notre entretien",
        "discuté",
        "échangé",
        "poursuivre notre échange",
    ],
    worked_together: &[
        "travaillé avec vous",
        "travaillé ensemble",
        "avons travaillé",
        "ancien collègue",
        "ancienne collègue",
        "anciens collègues",
        "même équipe",
        "étions collègues",
    ],
    studied_together: &[
        "camarade",
        "camarades",
        "même promo",
        "étudié ensemble",
        "avons étudié",
        "même école",
        "même classe",
        "ancien élève",
        "anciens élèves",
        "ancienne élève",
        "alumni",
    ],
    introduced: &[
        "ami commun",
        "amie commune",
        "amis communs",
        "présenté",
        "présentée",
        "recommandé de vous",
        "conseillé de vous",
        "m'a parlé de vous",
        "m'a donné votre nom",
        "m'a suggéré",
    ],
    saw_work: &[
        "votre intervention",
        "votre présentation",
        "votre conférence",
        "votre keynote",
        "votre webinaire",
        "votre podcast",
        "votre article",
        "votre publication",
        "votre post",
        "votre billet",
        "votre livre",
        "votre vidéo",
        "votre newsletter",
        "vous ai vu",
        "vous ai entendu",
        "lu votre",
        "vu votre",
    ],
    advice: &[
        "conseil",
        "conseils",
        "votre avis",
        "mentor",
        "mentorat",
        "je suis étudiant",
        "je suis étudiante",
        "en tant qu'étudiant",
        "en tant qu'étudiante",
        "jeune diplômé",
        "jeune diplômée",
        "reconversion",
        "apprendre de vous",
        "votre expérience",
        "votre parcours",
        "vous poser une question",
        "vous poser quelques questions",
        "quelques questions",
    ],
    job_offer: &[
        "un poste",
        "le poste",
        "ce poste",
        "poste de",
        "offre d'emploi",
        "opportunité professionnelle",
        "nous recrutons",
        "je recrute",
        "recrute pour",
        "votre profil correspond",
        "votre profil m'intéresse",
        "candidat",
        "candidats",
        "candidature",
        "une mission",
        "cdi",
    ],
    opportunity: &["opportunité", "opportunités"],
    student: &[
        "étudiant",
        "étudiante",
        "doctorant",
        "doctorante",
        "stagiaire",
        "alternant",
        "alternante",
    ],
    generic_notes: &[
        "j'aimerais vous ajouter à mon réseau",
        "je souhaite vous ajouter à mon réseau",
        "vous ajouter à mon réseau professionnel",
        "ajouter à mon réseau",
        "rejoindre votre réseau",
        "élargir mon réseau",
        "agrandir mon réseau",
        "connectons-nous",
        "j'aimerais me connecter",
    ],
    sales: &[
        "j'aide les entreprises",
        "nous aidons les entreprises",
        "j'accompagne les entreprises",
        "une démo",
        "génération de leads",
        "génération de prospects",
        "augmenter votre chiffre d'affaires",
        "booster vos ventes",
        "nos services",
        "notre agence",
        "consultation gratuite",
        "audit gratuit",
    ],
    call_asks: &[
        "prendre rendez-vous",
        "un appel rapide",
        "un court appel",
        "un appel de 15",
    ],
    scam: &[
        "whatsapp",
        "telegram",
        "crypto",
        "cryptomonnaie",
        "bitcoin",
        "forex",
        "opportunité d'investissement",
        "plateforme de trading",
        "revenu passif",
        "revenus passifs",
        "rendement garanti",
        "vous êtes belle",
        "tu es belle",
        "très belle",
        "magnifique sourire",
        "votre sourire",
        "ton sourire",
        "votre photo de profil",
    ],
    recruiter: &[
        "recruteur",
        "recruteuse",
        "recrutement",
        "chargé de recrutement",
        "chargée de recrutement",
        "chasseur de têtes",
        "chasseuse de têtes",
        "talent acquisition",
    ],
    common_words: &[
        "le", "la", "les", "et", "vous", "votre", "vos", "de", "des", "du", "je", "est", "pour",
        "avec", "mon", "ma", "mes", "nous", "une", "un", "sur", "que", "qui", "à", "au", "aux",
        "dans", "pas", "suis", "bonjour", "merci", "serait",
    ],
};

/// German.
pub static DE: Lang = Lang {
    code: "de",
    accept_labels: &[
        ("einladung von ", " annehmen"),
        ("", "s einladung annehmen"),
        ("", "' einladung annehmen"),
        ("einladung annehmen von ", ""),
    ],
    ignore_labels: &[
        ("einladung zum vernetzen von ", " ignorieren"),
        ("einladung von ", " ignorieren"),
        ("", "s einladung ignorieren"),
        ("", "' einladung ignorieren"),
    ],
    see_more: &[
        "... mehr anzeigen",
        "…mehr anzeigen",
        "… mehr anzeigen",
        "mehr anzeigen",
        "… mehr",
        "…mehr",
        "... mehr",
    ],
    control_prefixes: &["antworten", "mehr anzeigen", "nachricht", "profil anzeigen"],
    today: &["heute", "gerade eben", "jetzt"],
    yesterday: &["gestern"],
    ago_words: &["vor"],
    time_fillers: &["gesendet", "erhalten", "etwa", "über", "ungefähr"],
    number_words: &[
        ("einer", 1),
        ("einem", 1),
        ("einen", 1),
        ("eine", 1),
        ("ein", 1),
        ("zwei", 2),
        ("drei", 3),
    ],
    units: &[
        ("minute", 0),
        ("minuten", 0),
        ("min", 0),
        ("std", 0),
        ("stunde", 0),
        ("stunden", 0),
        ("tag", 1),
        ("tage", 1),
        ("tagen", 1),
        ("woche", 7),
        ("wochen", 7),
        ("monat", 30),
        ("monate", 30),
        ("monaten", 30),
        ("jahr", 365),
        ("jahre", 365),
        ("jahren", 365),
    ],
    mutual: MutualForms {
        markers: &[
            "gemeinsame kontakt",
            "gemeinsamer kontakt",
            "gemeinsamen kontakt",
            "gemeinsame kontakte",
        ],
        joiners: &[" und "],
        single: &[
            " ist ein gemeinsamer kontakt",
            " ist gemeinsamer kontakt",
            " ist eine gemeinsame kontaktperson",
        ],
    },
    follows_you: &["folgt ihnen", "folgt dir"],
    connect_lines: &[
        "möchte sich mit ihnen vernetzen",
        "möchte sich mit dir vernetzen",
        "lädt sie ein, sich zu vernetzen",
        "lädt sie zum vernetzen ein",
    ],
    invite_markers: &[
        "hat sie eingeladen",
        "hat dich eingeladen",
        "lädt sie ein",
        "lädt dich ein",
    ],
    invite_kinds: &[
        KindPhrase {
            phrase: "seiner hochschule zu folgen",
            kind: Kind::School,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "zu folgen",
            kind: Kind::Page,
            target: TargetAt::Between("eingeladen, "),
        },
        KindPhrase {
            phrase: "zu abonnieren",
            kind: Kind::Newsletter,
            target: TargetAt::Between("eingeladen, "),
        },
        KindPhrase {
            phrase: "zu einer veranstaltung",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "zu einem event",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "teilzunehmen",
            kind: Kind::Event,
            target: TargetAt::Between("eingeladen, "),
        },
        KindPhrase {
            phrase: "beizutreten",
            kind: Kind::Group,
            target: TargetAt::Between("eingeladen, "),
        },
        KindPhrase {
            phrase: "eingeladen",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "lädt sie ein",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
    ],
    type_lines: &[
        ("newsletter •", Kind::Newsletter),
        ("newsletter ·", Kind::Newsletter),
    ],
    company_markers: &[" bei "],
    badges: &["verifiziert", "premium"],
    titles: &[
        "dr",
        "dr.",
        "prof",
        "prof.",
        "herr",
        "frau",
        "dipl.-ing.",
        "ing.",
        "mag.",
        "dipl.-kfm.",
    ],
    met_in_person: &["kennengelernt", "getroffen", "kennenzulernen", "begegnet"],
    talked: &[
        "unser gespräch",
        "unserem gespräch",
        "unseres gesprächs",
        "telefonat",
        "gesprochen",
        "ausgetauscht",
        "unterhalten",
        "unser austausch",
        "unseren austausch",
    ],
    worked_together: &[
        "zusammengearbeitet",
        "zusammen gearbeitet",
        "ehemaliger kollege",
        "ehemalige kollegin",
        "ehemalige kollegen",
        "gleichen team",
        "selben team",
        "waren kollegen",
    ],
    studied_together: &[
        "kommilitone",
        "kommilitonin",
        "kommilitonen",
        "zusammen studiert",
        "gemeinsam studiert",
        "studienkollege",
        "studienkollegin",
        "gleichen jahrgang",
        "selben jahrgang",
        "alumni",
        "alumnus",
    ],
    introduced: &[
        "gemeinsamer freund",
        "gemeinsame freundin",
        "gemeinsamen freund",
        "vorgestellt",
        "hat mir von ihnen erzählt",
        "ihren namen gegeben",
        "hat mich an sie verwiesen",
        "empfohlen, sie",
    ],
    saw_work: &[
        "ihr vortrag",
        "ihren vortrag",
        "ihrem vortrag",
        "ihre präsentation",
        "ihrer präsentation",
        "ihr webinar",
        "ihren beitrag",
        "ihr beitrag",
        "ihrem beitrag",
        "ihren artikel",
        "ihr artikel",
        "ihrem artikel",
        "ihr buch",
        "ihren podcast",
        "ihr podcast",
        "ihren newsletter",
        "deinen vortrag",
        "dein vortrag",
        "deinen beitrag",
        "deinen artikel",
        "sie sprechen hören",
    ],
    advice: &[
        "rat",
        "ratschlag",
        "ratschläge",
        "tipps",
        "mentor",
        "mentorin",
        "mentoring",
        "ich bin student",
        "ich bin studentin",
        "als student",
        "als studentin",
        "berufseinsteiger",
        "berufseinsteigerin",
        "von ihnen lernen",
        "ihre erfahrung",
        "ihren werdegang",
        "eine frage stellen",
        "einige fragen",
        "ihre einschätzung",
    ],
    job_offer: &[
        "eine stelle",
        "die stelle",
        "diese stelle",
        "stelle als",
        "position als",
        "eine position",
        "diese position",
        "die position",
        "stellenangebot",
        "jobangebot",
        "wir stellen ein",
        "ihr profil passt",
        "kandidat",
        "kandidatin",
        "kandidaten",
        "vakanz",
    ],
    opportunity: &["möglichkeit", "chance", "karrierechance"],
    student: &[
        "student",
        "studentin",
        "doktorand",
        "doktorandin",
        "praktikant",
        "praktikantin",
        "werkstudent",
        "werkstudentin",
        "auszubildende",
        "auszubildender",
    ],
    generic_notes: &[
        "zu meinem beruflichen netzwerk hinzufügen",
        "zu meinem netzwerk hinzufügen",
        "meinem netzwerk hinzufügen",
        "ihrem netzwerk beitreten",
        "ihrem beruflichen netzwerk beitreten",
        "vernetzen wir uns",
        "gerne vernetzen",
        "mich mit ihnen vernetzen",
        "mein netzwerk erweitern",
    ],
    sales: &[
        "ich helfe unternehmen",
        "wir helfen unternehmen",
        "ich unterstütze unternehmen",
        "demo vereinbaren",
        "leadgenerierung",
        "lead-generierung",
        "umsatz steigern",
        "ihren umsatz",
        "unsere dienstleistungen",
        "unsere agentur",
        "kostenlose beratung",
        "kostenloses erstgespräch",
    ],
    call_asks: &["kurzes gespräch", "kurzen call", "termin vereinbaren"],
    scam: &[
        "whatsapp",
        "telegram",
        "krypto",
        "kryptowährung",
        "bitcoin",
        "forex",
        "investitionsmöglichkeit",
        "anlagemöglichkeit",
        "handelsplattform",
        "passives einkommen",
        "garantierte rendite",
        "wunderschön",
        "hübsch",
        "dein lächeln",
        "ihr lächeln",
        "ihr profilbild",
        "dein profilbild",
    ],
    recruiter: &[
        "recruiter",
        "recruiterin",
        "recruiting",
        "personalberater",
        "personalberaterin",
        "headhunter",
        "personalvermittlung",
        "talent acquisition",
    ],
    common_words: &[
        "der", "die", "das", "und", "sie", "ihr", "ihre", "ihnen", "ich", "ist", "mit", "für",
        "mein", "meine", "wir", "ein", "eine", "nicht", "zu", "auf", "den", "dem", "gerne",
        "würde", "mich", "sich", "hallo", "danke", "vielen",
    ],
};

/// Spanish.
pub static ES: Lang = Lang {
    code: "es",
    accept_labels: &[
        ("aceptar la invitación de ", ""),
        ("aceptar invitación de ", ""),
        ("aceptar ", ""),
    ],
    ignore_labels: &[
        ("ignorar la invitación para conectar de ", ""),
        ("ignorar la invitación de ", ""),
        ("ignorar invitación de ", ""),
    ],
    see_more: &[
        "... ver más",
        "…ver más",
        "… ver más",
        "ver más",
        "… más",
        "…más",
        "... mostrar más",
        "… mostrar más",
        "mostrar más",
    ],
    control_prefixes: &[
        "responder a ",
        "ver más",
        "mostrar más",
        "enviar mensaje",
        "ver perfil",
    ],
    today: &["hoy", "justo ahora", "ahora"],
    yesterday: &["ayer"],
    ago_words: &["hace"],
    time_fillers: &[
        "enviada",
        "enviado",
        "recibida",
        "recibido",
        "aproximadamente",
        "más",
        "de",
    ],
    number_words: &[("un", 1), ("una", 1), ("uno", 1), ("dos", 2), ("tres", 3)],
    units: &[
        ("minuto", 0),
        ("minutos", 0),
        ("min", 0),
        ("hora", 0),
        ("horas", 0),
        ("h", 0),
        ("día", 1),
        ("días", 1),
        ("dia", 1),
        ("dias", 1),
        ("semana", 7),
        ("semanas", 7),
        ("sem", 7),
        ("mes", 30),
        ("meses", 30),
        ("año", 365),
        ("años", 365),
        ("ano", 365),
        ("anos", 365),
    ],
    mutual: MutualForms {
        markers: &[
            "contacto en común",
            "contactos en común",
            "contacto más en común",
            "contactos más en común",
            "contactos en comun",
            "contacto en comun",
        ],
        joiners: &[" y "],
        single: &[
            " es un contacto en común",
            " es contacto en común",
            " es un contacto en comun",
        ],
    },
    follows_you: &["te sigue", "le sigue"],
    connect_lines: &[
        "te invita a conectar",
        "te ha invitado a conectar",
        "quiere conectar",
    ],
    invite_markers: &["te ha invitado", "te invitó", "te invita a"],
    invite_kinds: &[
        KindPhrase {
            phrase: "a seguir su universidad",
            kind: Kind::School,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "a seguir",
            kind: Kind::Page,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "a suscribirte a",
            kind: Kind::Newsletter,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "a suscribirte",
            kind: Kind::Newsletter,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "a un evento",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "a asistir a",
            kind: Kind::Event,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "a unirte a",
            kind: Kind::Group,
            target: TargetAt::After,
        },
        KindPhrase {
            phrase: "a unirte",
            kind: Kind::Group,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "te ha invitado",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "te invitó",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
        KindPhrase {
            phrase: "te invita a",
            kind: Kind::Unknown,
            target: TargetAt::Nowhere,
        },
    ],
    type_lines: &[
        ("newsletter •", Kind::Newsletter),
        ("newsletter ·", Kind::Newsletter),
        ("boletín •", Kind::Newsletter),
    ],
    company_markers: &[" en "],
    badges: &["verificado", "verificada", "premium"],
    titles: &[
        "dr", "dr.", "dra", "dra.", "prof", "prof.", "sr", "sr.", "sra", "sra.", "srta", "srta.",
        "don", "doña", "lic.", "ing.",
    ],
    met_in_person: &[
        "nos conocimos",
        "conocimos en",
        "conocerte",
        "conocerle",
        "conocerla",
        "nos vimos",
        "coincidimos",
        "un placer conocer",
    ],
    talked: &[
        "hablamos",
        "nuestra conversación",
        "nuestra charla",
        "nuestra llamada",
        "conversamos",
        "charlamos",
        "seguir la conversación",
        "continuar la conversación",
    ],
    worked_together: &[
        "trabajamos juntos",
        "trabajamos juntas",
        "trabajé con usted",
        "trabajé contigo",
        "excompañero",
        "excompañera",
        "antiguo compañero",
        "antigua compañera",
        "mismo equipo",
        "fuimos colegas",
    ],
    studied_together: &[
        "compañero de clase",
        "compañera de clase",
        "compañeros de clase",
        "estudiamos juntos",
        "estudiamos juntas",
        "misma promoción",
        "misma universidad",
        "misma escuela",
        "exalumno",
        "exalumna",
        "antiguos alumnos",
    ],
    introduced: &[
        "amigo en común",
        "amiga en común",
        "amigos en común",
        "me presentó",
        "me habló de usted",
        "me habló de ti",
        "me recomendó",
        "me dio su nombre",
        "me sugirió",
    ],
    saw_work: &[
        "su charla",
        "tu charla",
        "su ponencia",
        "tu ponencia",
        "su presentación",
        "tu presentación",
        "su conferencia",
        "tu conferencia",
        "su artículo",
        "tu artículo",
        "su publicación",
        "tu publicación",
        "su post",
        "tu post",
        "su libro",
        "su podcast",
        "su webinar",
        "su newsletter",
        "leí su",
        "leí tu",
        "vi su",
        "vi tu",
    ],
    advice: &[
        "consejo",
        "consejos",
        "orientación",
        "mentor",
        "mentora",
        "mentoría",
        "soy estudiante",
        "como estudiante",
        "recién graduado",
        "recién graduada",
        "aprender de usted",
        "su experiencia",
        "su trayectoria",
        "hacerle una pregunta",
        "algunas preguntas",
        "su opinión",
    ],
    job_offer: &[
        "un puesto",
        "el puesto",
        "este puesto",
        "puesto de",
        "una vacante",
        "la vacante",
        "oferta de empleo",
        "oferta laboral",
        "estamos contratando",
        "su perfil encaja",
        "tu perfil encaja",
        "candidato",
        "candidata",
        "candidatos",
        "proceso de selección",
    ],
    opportunity: &["oportunidad", "oportunidades"],
    student: &[
        "estudiante",
        "doctorando",
        "doctoranda",
        "becario",
        "becaria",
        "practicante",
    ],
    generic_notes: &[
        "me gustaría añadirte a mi red profesional",
        "añadirte a mi red",
        "agregarte a mi red",
        "unirme a tu red",
        "ampliar mi red",
        "conectemos",
        "me gustaría conectar",
        "me gustaría conectar contigo",
    ],
    sales: &[
        "ayudo a empresas",
        "ayudamos a empresas",
        "agendar una demo",
        "una demo",
        "generación de leads",
        "generación de clientes",
        "aumentar tus ventas",
        "aumentar sus ventas",
        "aumentar sus ingresos",
        "nuestros servicios",
        "nuestra agencia",
        "consulta gratuita",
        "auditoría gratuita",
    ],
    call_asks: &["una llamada rápida", "agendar una llamada"],
    scam: &[
        "whatsapp",
        "telegram",
        "cripto",
        "criptomonedas",
        "bitcoin",
        "forex",
        "oportunidad de inversión",
        "plataforma de trading",
        "ingresos pasivos",
        "rentabilidad garantizada",
        "eres hermosa",
        "muy hermosa",
        "guapa",
        "guapo",
        "tu sonrisa",
        "tu foto de perfil",
    ],
    recruiter: &[
        "reclutador",
        "reclutadora",
        "reclutamiento",
        "selección de personal",
        "cazatalentos",
        "headhunter",
        "talent acquisition",
        "adquisición de talento",
    ],
    common_words: &[
        "el", "la", "los", "las", "y", "usted", "su", "sus", "de", "del", "yo", "es", "para",
        "con", "mi", "mis", "un", "una", "que", "en", "por", "me", "le", "muy", "gracias", "hola",
        "estoy", "nos",
    ],
};

/// Every table, in the order tried when the page language is unknown.
pub static LANGS: [&Lang; 4] = [&EN, &FR, &DE, &ES];

/// Words that make an organisation a place of study, in any language:
/// "Student at Example University" names a school, not an employer, so its
/// people are never "many invitations from one company" (`ETIQUETTE.md`
/// §Facts).
pub const SCHOOL_WORDS: &[&str] = &[
    "university",
    "universite",
    "université",
    "universität",
    "universitat",
    "universidad",
    "universidade",
    "università",
    "college",
    "school",
    "école",
    "ecole",
    "schule",
    "hochschule",
    "fachhochschule",
    "escuela",
    "institute of technology",
    "polytechnic",
    "polytechnique",
    "politécnica",
    "politecnico",
    "academy",
    "académie",
    "akademie",
    "academia",
    "lycée",
    "gymnasium",
    "colegio",
    "faculté",
    "facultad",
    "business school",
    "iut",
    "insa",
    "epfl",
];

/// Whether an organisation's name is a school's (see [`SCHOOL_WORDS`]).
pub fn is_school(name: &str) -> bool {
    SCHOOL_WORDS.iter().any(|w| find_word_ci(name, w).is_some())
}

/// The language a text (a note) is written in, among those Kindly has
/// tables for: the one whose common short words it uses most, when it
/// clearly leads. `None` for a text too short or too mixed to tell: then
/// the page's language is used.
pub fn detect(text: &str) -> Option<&'static Lang> {
    let folded = Folded::new(prefix(text, 2000));
    let mut scores: Vec<(usize, &'static Lang)> = LANGS
        .iter()
        .map(|lang| {
            let hits = lang
                .common_words
                .iter()
                .filter(|w| folded.has_word(w))
                .count();
            (hits, *lang)
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.0));
    match (scores.first(), scores.get(1)) {
        (Some((best, lang)), Some((second, _))) if *best >= 2 && *best > *second => Some(lang),
        _ => None,
    }
}

/// The first `n` characters of `s`.
fn prefix(s: &str, n: usize) -> &str {
    s.char_indices()
        .nth(n)
        .and_then(|(i, _)| s.get(..i))
        .unwrap_or(s)
}

/// The table for a page language such as "fr", "fr-FR" or "de_AT".
pub fn by_code(code: &str) -> Option<&'static Lang> {
    let prefix = code.trim().split(['-', '_']).next().unwrap_or("");
    LANGS
        .iter()
        .copied()
        .find(|l| l.code.eq_ignore_ascii_case(prefix))
}

/// The tables to try, the page's own first. Cards are often in a language
/// other than the page's (a French note on an English page), so all are tried.
pub fn ordered(primary: Option<&'static Lang>) -> impl Iterator<Item = &'static Lang> {
    primary.into_iter().chain(
        LANGS
            .iter()
            .copied()
            .filter(move |l| primary.is_none_or(|p| p.code != l.code)),
    )
}

// ---------------------------------------------------------------------------
// Case-insensitive scanning. Table entries are already folded, so only the
// text side is folded, one char at a time, without allocating.
// ---------------------------------------------------------------------------

/// Folds one character for comparison: lower case, typographic apostrophes to
/// `'`, every kind of space to ' '.
pub fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{00b4}' => '\'',
        c if c.is_whitespace() => ' ',
        c => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Text folded once for many searches. Judging a note tries hundreds of
/// phrases in four languages; folding the note per phrase made that the
/// engine's hottest loop (and ten times slower again as wasm2js). Folded
/// once, each phrase is one fast substring search.
pub struct Folded {
    text: String,
    /// The text's words (runs of letters and digits), sorted, once each.
    words: Vec<String>,
    /// One bit per word, by [`word_bit`]: most phrases start with a word
    /// the text lacks, and a clear bit says so before any string compare
    /// (the binary searches were a fifth of judging a card).
    word_bits: [u32; 8],
}

/// A word's bit in [`Folded::word_bits`]: the top byte of its 32-bit FNV-1a
/// hash (32-bit arithmetic: 64-bit is emulated in wasm2js).
fn word_bit(word: &str) -> (usize, u32) {
    let hash = word.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let bit = hash >> 24;
    ((bit >> 5) as usize, 1 << (bit & 31))
}

/// The first word of `s`: up to its first char that is not a letter or digit.
/// ASCII is tested from the byte (a `split` with a closure pattern cost a
/// tenth of judging a card: this runs for every phrase tried).
fn first_word(s: &str) -> &str {
    let mut end = s.len();
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b.is_ascii() {
            if !b.is_ascii_alphanumeric() {
                end = i;
                break;
            }
        } else {
            let rest = s.get(i..).unwrap_or("");
            end = rest
                .char_indices()
                .find(|(_, c)| !c.is_alphanumeric())
                .map_or(s.len(), |(j, _)| i + j);
            break;
        }
    }
    s.get(..end).unwrap_or("")
}

impl Folded {
    /// Folds `text` (see [`fold`]), keeping where each folded character came from.
    pub fn new(text: &str) -> Folded {
        let text: String = text.chars().map(fold).collect();
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        words.sort_unstable();
        words.dedup();
        let mut word_bits = [0; 8];
        for word in &words {
            let (index, bit) = word_bit(word);
            if let Some(slot) = word_bits.get_mut(index) {
                *slot |= bit;
            }
        }
        Folded {
            text,
            words,
            word_bits,
        }
    }

    /// Whether `word` may be one of the text's words (no false "no").
    fn may_hold_word(&self, word: &str) -> bool {
        let (index, bit) = word_bit(word);
        self.word_bits
            .get(index)
            .is_some_and(|slot| slot & bit != 0)
    }

    /// Whether `word` (folded, one word) is one of the text's words.
    pub fn has_word(&self, word: &str) -> bool {
        self.may_hold_word(word)
            && self
                .words
                .binary_search_by(|w| w.as_str().cmp(word))
                .is_ok()
    }

    /// Whether `needle` (already folded, as table entries are) occurs.
    pub fn contains(&self, needle: &str) -> bool {
        find_bytes(&self.text, needle, 0).is_some()
    }

    /// Whether `needle` occurs as whole words: no letter or digit touches
    /// either end. Same answers as [`find_word_ci`], found faster.
    pub fn contains_word(&self, needle: &str) -> bool {
        // A whole-word match starts a word of the text, and that word is
        // the needle's first: most phrases are ruled out by one lookup.
        let first = first_word(needle);
        if !first.is_empty()
            && (!self.may_hold_word(first)
                || self
                    .words
                    .binary_search_by(|w| w.as_str().cmp(first))
                    .is_err())
        {
            return false;
        }
        let mut from = 0;
        while let Some(start) = find_bytes(&self.text, needle, from) {
            let before = self.text.get(..start).and_then(|b| b.chars().next_back());
            let after = self
                .text
                .get(start + needle.len()..)
                .and_then(|a| a.chars().next());
            if before.is_none_or(|c| !c.is_alphanumeric())
                && after.is_none_or(|c| !c.is_alphanumeric())
            {
                return true;
            }
            from = start + 1;
        }
        false
    }

    /// The first of `needles` that occurs as whole words.
    pub fn first_word_match<'n>(&self, needles: &[&'n str]) -> Option<&'n str> {
        needles.iter().copied().find(|n| self.contains_word(n))
    }
}

/// The char at byte `i` of `s`, folded, and the byte just after it. ASCII
/// (most of LinkedIn's words, in every language) is folded from its byte
/// without decoding: this is the engine's innermost loop, and as wasm2js in
/// the content script every avoided step counts.
#[inline]
fn folded_at(s: &str, i: usize) -> Option<(char, usize)> {
    let byte = *s.as_bytes().get(i)?;
    if byte.is_ascii() {
        return Some((char::from(byte.to_ascii_lowercase()), i + 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((fold(c), i + c.len_utf8()))
}

/// Byte offset of the first `needle` in `hay` at or after `from`; never
/// for an empty needle. A plain scan on the first byte: the needles are
/// short phrases, and std's Two-Way searcher spent more time setting up
/// per phrase than searching (a card tries hundreds of phrases), so this
/// stays linear in `hay` times a phrase's length.
fn find_bytes(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let needle = needle.as_bytes();
    let (&first, rest) = needle.split_first()?;
    let bytes = hay.as_bytes();
    let last_start = bytes.len().checked_sub(needle.len())?;
    let mut at = from;
    while at <= last_start {
        // `position` over a slice: the compiler's tightest loop for this.
        let start = at
            + bytes
                .get(at..=last_start)?
                .iter()
                .position(|&b| b == first)?;
        if bytes.get(start + 1..start + needle.len()) == Some(rest) {
            return Some(start);
        }
        at = start + 1;
    }
    None
}

/// Byte offset just past `needle` when `hay[start..]` begins with it (folded).
fn match_at(hay: &str, start: usize, needle: &str) -> Option<usize> {
    let mut at = start;
    let mut from = 0;
    while from < needle.len() {
        // Needle entries are folded already: read them raw.
        let n = needle.get(from..)?.chars().next()?;
        from += n.len_utf8();
        let (c, next) = folded_at(hay, at)?;
        if c != n {
            return None;
        }
        at = next;
    }
    Some(at)
}

/// Byte offsets of `hay` where a char whose fold may equal `first` starts:
/// the cheap pre-test before [`match_at`]. An ASCII byte is compared with
/// `first` in both cases; any UTF-8 lead byte (continuation bytes are
/// 0b10xx_xxxx) may fold to anything. One tight pass over the bytes: this was
/// a call per byte, the engine's hottest spot in native and wasm2js profiles.
fn candidates(hay: &str, first: char) -> impl Iterator<Item = usize> + '_ {
    let ascii = u8::try_from(first).ok().filter(u8::is_ascii);
    let (lower, upper) = ascii.map_or((0xC0, 0xC0), |b| (b, b.to_ascii_uppercase()));
    hay.as_bytes()
        .iter()
        .enumerate()
        .filter_map(move |(i, &b)| (b == lower || b == upper || b >= 0xC0).then_some(i))
}

/// First occurrence of `needle` (folded) in `hay`: (start, end) byte offsets.
pub fn find_ci(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let first = needle.chars().next()?;
    candidates(hay, first).find_map(|i| match_at(hay, i, needle).map(|end| (i, end)))
}

/// Like [`find_ci`] but only where the match is a whole word (or words): no
/// letter or digit touches either end.
pub fn find_word_ci(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let first = needle.chars().next()?;
    candidates(hay, first)
        .filter(|&i| {
            hay.get(..i)
                .and_then(|b| b.chars().next_back())
                .is_none_or(|p| !p.is_alphanumeric())
        })
        .find_map(|i| {
            let end = match_at(hay, i, needle)?;
            let after_ok = hay
                .get(end..)
                .and_then(|r| r.chars().next())
                .is_none_or(|a| !a.is_alphanumeric());
            after_ok.then_some((i, end))
        })
}

/// `hay` begins with `prefix` (folded): the byte offset after it.
pub fn strip_prefix_ci<'a>(hay: &'a str, prefix: &str) -> Option<&'a str> {
    match_at(hay, 0, prefix).and_then(|end| hay.get(end..))
}

/// `hay` ends with `suffix` (folded): the text before it. Only the tail of
/// `hay` is scanned, so this is cheap on a long note.
pub fn strip_suffix_ci<'a>(hay: &'a str, suffix: &str) -> Option<&'a str> {
    if ascii_bytes_differ(hay.as_bytes().last(), suffix.as_bytes().last()) {
        return None;
    }
    let n = suffix.chars().count();
    let start = hay
        .char_indices()
        .rev()
        .nth(n.checked_sub(1)?)
        .map(|(i, _)| i)?;
    (match_at(hay, start, suffix) == Some(hay.len()))
        .then(|| hay.get(..start))
        .flatten()
}

/// Whether two bytes that sit at the same end of two texts are both ASCII
/// and differ when folded: then the texts' folds differ there too (an ASCII
/// byte is a whole char, and folds to its lower case), which settles a
/// comparison before any char is decoded.
fn ascii_bytes_differ(x: Option<&u8>, y: Option<&u8>) -> bool {
    matches!((x, y), (Some(x), Some(y)) if x.is_ascii() && y.is_ascii() && !x.eq_ignore_ascii_case(y))
}

/// Equal when folded.
pub fn eq_ci(a: &str, b: &str) -> bool {
    // Most calls compare a word with a list of others (badges, credentials).
    if ascii_bytes_differ(a.as_bytes().first(), b.as_bytes().first()) {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.chars().map(fold).eq(b.chars().map(fold))
}

/// The first of `needles` found as whole words in `hay`.
pub fn first_word_match<'n>(hay: &str, needles: &[&'n str]) -> Option<&'n str> {
    needles
        .iter()
        .copied()
        .find(|n| find_word_ci(hay, n).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_matches_curly_apostrophes_and_case() {
        assert_eq!(
            find_ci("Accept Riley Park’s Invitation", "'s invitation"),
            Some((17, 32))
        );
        assert!(strip_suffix_ci("Accept Riley Park’s invitation", "'s invitation").is_some());
        assert_eq!(strip_prefix_ci("AUJOURD’HUI", "aujourd'hui"), Some(""));
        assert_eq!(find_word_ci("I help companies", "help"), Some((2, 6)));
        assert_eq!(find_word_ci("helpful", "help"), None);
        assert_eq!(strip_suffix_ci("ab", "abc"), None);
        assert_eq!(find_ci("", "x"), None);
    }

    #[test]
    fn every_table_entry_is_folded() {
        for lang in LANGS {
            let lists: [&[&str]; 23] = [
                lang.see_more,
                lang.control_prefixes,
                lang.today,
                lang.follows_you,
                lang.connect_lines,
                lang.invite_markers,
                lang.met_in_person,
                lang.talked,
                lang.worked_together,
                lang.studied_together,
                lang.introduced,
                lang.saw_work,
                lang.advice,
                lang.job_offer,
                lang.opportunity,
                lang.student,
                lang.generic_notes,
                lang.sales,
                lang.call_asks,
                lang.scam,
                lang.recruiter,
                lang.common_words,
                SCHOOL_WORDS,
            ];
            for entry in lists.iter().flat_map(|l| l.iter()) {
                let folded: String = entry.chars().map(fold).collect();
                assert_eq!(&folded, entry, "{} table entry not folded", lang.code);
            }
        }
    }
}
