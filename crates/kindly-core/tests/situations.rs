//! Every situation of ETIQUETTE.md as a specification: an invitation, what
//! the user said and remembers, and the advice Kindly must give.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kindly_core::advice::{advise, Context};
use kindly_core::library::default_templates;
use kindly_core::store::new_user_data;
use kindly_core::{
    parse_card, record_seen, suggest, suggest_for, Action, CardLink, CardText, Data, Day,
    Invitation, Kind, Person, Policy, Relationship, Situation,
};

const TODAY: Day = 20_000;

/// A person invitation with sensible defaults.
fn inv(note: Option<&str>, headline: &str, mutual: Option<u32>) -> Invitation {
    Invitation {
        kind: Kind::Person,
        key: "riley-park".into(),
        full_name: Some("Riley Park".into()),
        first_name: Some("Riley".into()),
        headline: Some(headline.into()),
        company: kindly_core::card::company_in_headline(headline, "en"),
        mutual_count: mutual,
        age_days: Some(2),
        note: note.map(str::to_string),
        readable: true,
        ..Invitation::default()
    }
}

struct Case {
    name: &'static str,
    invitation: Invitation,
    policy: Policy,
    industries: &'static [&'static str],
    relationship: Option<Relationship>,
    /// Other people already remembered (key, person).
    people: Vec<(String, Person)>,
    action: Action,
    situation: Situation,
    dont_know: bool,
}

fn case(name: &'static str, invitation: Invitation, action: Action, situation: Situation) -> Case {
    Case {
        name,
        invitation,
        policy: Policy::IndustryFocused,
        industries: &[],
        relationship: None,
        people: Vec::new(),
        action,
        situation,
        dont_know: false,
    }
}

impl Case {
    fn policy(mut self, p: Policy) -> Self {
        self.policy = p;
        self
    }
    fn industries(mut self, i: &'static [&'static str]) -> Self {
        self.industries = i;
        self
    }
    fn rel(mut self, r: Relationship) -> Self {
        self.relationship = Some(r);
        self
    }
    fn person(mut self, key: &str, p: Person) -> Self {
        self.people.push((key.into(), p));
        self
    }
    fn dont_know(mut self) -> Self {
        self.dont_know = true;
        self
    }
    fn data(&self) -> Data {
        let mut data = new_user_data();
        data.profile.policy = self.policy;
        data.profile.industries = self.industries.iter().map(|s| s.to_string()).collect();
        data.profile.companies = vec!["Contoso".into()];
        data.profile.name = "Sam".into();
        for (k, p) in &self.people {
            data.people.insert(k.clone(), p.clone());
        }
        if let Some(r) = self.relationship {
            data.people
                .entry(self.invitation.key.clone())
                .or_default()
                .relationship = Some(r);
        }
        data
    }
}

fn seen(day: Day, headline: &str) -> Person {
    Person {
        name: "Someone".into(),
        kind: Kind::Person,
        first_seen: day,
        last_seen: day,
        invitations: vec![day],
        headline: headline.into(),
        age_when_seen: Some(1),
        ..Person::default()
    }
}

fn cases() -> Vec<Case> {
    let generic = Some("I'd like to add you to my professional network.");
    vec![
        case("stranger, generic invitation", inv(generic, "Consultant", Some(0)), Action::Decline, Situation::StrangerGeneric),
        case("stranger, no note, no mutual", inv(None, "Consultant", Some(0)), Action::Decline, Situation::StrangerGeneric),
        case(
            "stranger who wrote a personal note, know-well-only",
            inv(Some("Hi Sam, I enjoyed your article on accessible forms and would value your thoughts."), "Designer", Some(0)),
            Action::Decline,
            Situation::StrangerPersonal,
        )
        .policy(Policy::KnowWellOnly),
        case(
            "stranger who wrote a personal note, industry-focused",
            inv(Some("Hi Sam, I enjoyed your article on accessible forms and would value your thoughts."), "Designer", Some(0)),
            Action::Reply,
            Situation::StrangerPersonal,
        ),
        case("can't place them: a few mutual connections", inv(None, "Engineer", Some(3)), Action::Ask, Situation::CantPlace),
        case("can't place them: many mutual connections", inv(None, "Engineer", Some(25)), Action::Ask, Situation::CantPlace),
        case("friend or family", inv(None, "Teacher", Some(30)), Action::Reply, Situation::Friend).rel(Relationship::Friend),
        case("friend, open networker accepts", inv(None, "Teacher", Some(30)), Action::Accept, Situation::ThanksAfterAccept)
            .rel(Relationship::Friend)
            .policy(Policy::OpenNetworker),
        case("former colleague, unsure", inv(None, "Engineer", Some(4)), Action::Reply, Situation::FormerColleague)
            .rel(Relationship::FormerColleague),
        case("outside my industry", inv(None, "Chef at Bistro Nine", Some(0)), Action::Decline, Situation::OutsideIndustry)
            .industries(&["software"]),
        case("same industry, industry-focused", inv(None, "Software engineer", Some(0)), Action::Accept, Situation::ThanksAfterAccept)
            .industries(&["software"]),
        case("recruiter while not looking", inv(None, "Technical Recruiter at HireCo", Some(2)), Action::Reply, Situation::Recruiter),
        case("recruiter, open networker", inv(None, "Technical Recruiter at HireCo", Some(2)), Action::Accept, Situation::ThanksAfterAccept)
            .policy(Policy::OpenNetworker),
        case(
            "sales pitch",
            inv(Some("Hi! I help companies grow your revenue with lead generation. Can we book a call?"), "Growth partner", Some(0)),
            Action::Decline,
            Situation::SalesPitch,
        ),
        case(
            "sales pitch to an open networker",
            inv(Some("I help companies 3x pipeline. Quick call this week?"), "Founder", Some(1)),
            Action::Decline,
            Situation::SalesPitch,
        )
        .policy(Policy::OpenNetworker),
        case("many invitations from one company", inv(None, "SDR at Spammy Inc", Some(0)), Action::Decline, Situation::CompanyVolume)
            .person("a", seen(TODAY - 3, "BDR at Spammy Inc"))
            .person("b", seen(TODAY - 10, "Account Executive at Spammy Inc")),
        case(
            "someone I just met in person (note)",
            inv(Some("Great to meet you at RustConf yesterday!"), "Engineer", Some(2)),
            Action::Accept,
            Situation::MetInPerson,
        ),
        case("someone I met once (chosen)", inv(None, "Engineer", Some(0)), Action::Accept, Situation::MetInPerson).rel(Relationship::MetOnce),
        case(
            "met in person but I connect only with people I know well",
            Invitation { mutual_name: Some("Drew Stone".into()), ..inv(Some("We met at the Rust meetup, nice chat!"), "Engineer", Some(2)) },
            Action::Reply,
            Situation::KeepPending,
        )
        .policy(Policy::KnowWellOnly),
        case("someone I know well", inv(None, "Engineer", Some(0)), Action::Accept, Situation::ThanksAfterAccept).rel(Relationship::KnowWell),
        case("works where I work", inv(None, "Analyst at Contoso", None), Action::Accept, Situation::ThanksAfterAccept),
        case("invited before and was ignored", Invitation { age_days: Some(1), ..inv(None, "Consultant", Some(0)) }, Action::Decline, Situation::RepeatInviter)
            .person("riley-park", Person { age_when_seen: Some(2), ..seen(TODAY - 90, "Consultant") }),
        case(
            "scam: move to WhatsApp, crypto",
            inv(Some("Hello dear, you have a lovely smile. Let's talk on WhatsApp about a crypto investment opportunity."), "Investor", Some(0)),
            Action::Ignore,
            Situation::Scam,
        )
        .dont_know(),
        case(
            "scam markers, but the user knows them well",
            inv(Some("Ping me on WhatsApp!"), "Engineer", Some(8)),
            Action::Accept,
            Situation::ThanksAfterAccept,
        )
        .rel(Relationship::KnowWell),
        case("late: stranger waiting three weeks", Invitation { age_days: Some(21), ..inv(generic, "Consultant", Some(0)) }, Action::Decline, Situation::Late),
        case("late: someone I know well", Invitation { age_days: Some(60), ..inv(None, "Engineer", Some(3)) }, Action::Accept, Situation::Late)
            .rel(Relationship::KnowWell),
        case("open networker accepts a stranger", inv(generic, "Consultant", Some(0)), Action::Accept, Situation::ThanksAfterAccept)
            .policy(Policy::OpenNetworker),
        case("know-well-only declines a stranger", inv(None, "Software engineer", Some(5)), Action::Decline, Situation::StrangerGeneric)
            .policy(Policy::KnowWellOnly)
            .industries(&["software"]),
        case("stranger chosen, industry-focused", inv(None, "Engineer", Some(3)), Action::Decline, Situation::StrangerGeneric)
            .rel(Relationship::Stranger),
        case("unreadable card", Invitation { key: "card-1".into(), ..Invitation::default() }, Action::Review, Situation::CantPlace),
    ]
}

#[test]
fn every_situation_gets_the_expected_advice() {
    let library = default_templates();
    let mut failures = Vec::new();
    for c in cases() {
        let data = c.data();
        let context = Context::from_data(&c.invitation, &data, TODAY);
        let advice = advise(&c.invitation, &context, &data.templates);
        // Marking a card decides the action alone; it must be the advice's.
        let decided = kindly_core::advice::decide(&c.invitation, &context);
        if decided != advice.action {
            failures.push(format!(
                "{}: decide says {decided:?}, advise {:?}",
                c.name, advice.action
            ));
        }
        if advice.action != c.action
            || advice.situation != c.situation
            || advice.dont_know_hint != c.dont_know
        {
            failures.push(format!(
                "{}: got {:?}/{:?}/dont_know={} (reasons {:?}), want {:?}/{:?}/dont_know={}",
                c.name,
                advice.action,
                advice.situation,
                advice.dont_know_hint,
                advice
                    .reasons
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>(),
                c.action,
                c.situation,
                c.dont_know
            ));
            continue;
        }
        // The top template addresses the situation (or, for a late reply, a
        // fallback the advice names), when the library has one for it.
        if std::env::var_os("KINDLY_SHOW").is_some() {
            println!(
                "{:<55} {:?}/{:?} {:?}",
                c.name,
                advice.action,
                advice.situation,
                advice.templates.iter().take(3).collect::<Vec<_>>()
            );
        }
        if let Some(top) = advice.templates.first() {
            let t = library.iter().find(|t| &t.id == top).unwrap();
            let ok = t.situations.contains(&advice.situation)
                || advice.also.iter().any(|s| t.situations.contains(s));
            if !ok {
                failures.push(format!(
                    "{}: top template {} does not fit {:?}",
                    c.name, top, advice.situation
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn reasons_come_most_weighty_first_and_have_text() {
    let data = new_user_data();
    let invitation = inv(
        Some("I help companies with lead generation. Book a call?"),
        "Growth",
        Some(0),
    );
    let advice = advise(
        &invitation,
        &Context::from_data(&invitation, &data, TODAY),
        &data.templates,
    );
    assert_eq!(advice.action, Action::Decline);
    assert_eq!(
        advice.reasons.first().map(|r| r.id.as_str()),
        Some("sales_language")
    );
    assert!(advice
        .reasons
        .iter()
        .all(|r| !r.text.is_empty() && !r.text.contains("{}")));
    assert_eq!(advice.reasons[0].args, vec!["i help companies".to_string()]);
}

fn page_card() -> CardText {
    CardText {
        lang: "en".into(),
        name: Some("Taylor Kim".into()),
        lines: vec!["Taylor Kim invited you to follow Example Labs".into()],
        links: vec![
            CardLink {
                path: "/in/taylor-kim/".into(),
                text: "Taylor Kim".into(),
            },
            CardLink {
                path: "/company/example-labs/".into(),
                text: "Example Labs".into(),
            },
        ],
        accept_label: Some("Accept Taylor Kim’s invitation".into()),
        ..CardText::default()
    }
}

#[test]
fn page_invitation_from_a_stranger_is_ignored_without_replies() {
    let model = suggest(&page_card(), &new_user_data(), TODAY);
    assert_eq!(model.kind, Kind::Page);
    assert_eq!(model.key, "page/example-labs");
    assert_eq!(model.action, Action::Ignore);
    assert!(model.suggestions.is_empty());
    assert!(!model.dont_know_hint);
    assert_eq!(model.reasons[0].id, "page_invitation");
}

#[test]
fn page_invitation_from_someone_i_know_is_for_review() {
    let mut data = new_user_data();
    data.people.insert(
        "taylor-kim".into(),
        Person {
            relationship: Some(Relationship::KnowWell),
            ..Person::default()
        },
    );
    let model = suggest(&page_card(), &data, TODAY);
    assert_eq!(model.action, Action::Review);
    assert!(model.suggestions.is_empty());
    assert!(model.reasons.iter().any(|r| r.id == "inviter_known"));
}

#[test]
fn event_invitation_is_for_review() {
    let mut card = page_card();
    card.lines = vec!["Taylor Kim invited you to an event".into()];
    card.links[1] = CardLink {
        path: "/events/123/".into(),
        text: "RustConf".into(),
    };
    let model = suggest(&card, &new_user_data(), TODAY);
    assert_eq!((model.kind, model.action), (Kind::Event, Action::Review));
    assert!(model.suggestions.is_empty());
}

fn person_card(note: Option<&str>, time: &str) -> CardText {
    CardText {
        lang: "en".into(),
        name: Some("Riley Park".into()),
        lines: vec![
            "Riley Park".into(),
            "Consultant".into(),
            "Sam Ortiz and 2 other mutual connections".into(),
            time.into(),
        ],
        note: note.map(str::to_string),
        links: vec![CardLink {
            path: "/in/riley-park/".into(),
            text: "Riley Park".into(),
        }],
        accept_label: Some("Accept Riley Park’s invitation".into()),
        ..CardText::default()
    }
}

#[test]
fn suggest_renders_ranked_replies_with_limits() {
    let data = new_user_data();
    let model = suggest(&person_card(None, "Yesterday"), &data, TODAY);
    assert_eq!(model.key, "riley-park");
    assert!(model.readable);
    assert!(!model.suggestions.is_empty() && model.suggestions.len() <= 3);
    for s in &model.suggestions {
        assert!(!s.text.contains('{'), "unrendered: {}", s.text);
        assert_eq!(s.chars, s.text.chars().count());
        assert_eq!(s.limit, kindly_core::limit_for(s.target, &data));
    }
}

#[test]
fn changing_the_relationship_changes_the_advice() {
    let mut data = new_user_data();
    let invitation = parse_card(&person_card(None, "Yesterday"));
    let before = suggest_for(&invitation, &data, TODAY);
    data.people
        .entry(invitation.key.clone())
        .or_default()
        .relationship = Some(Relationship::KnowWell);
    let after = suggest_for(&invitation, &data, TODAY);
    assert_ne!(before.action, Action::Accept);
    assert_eq!(after.action, Action::Accept);
    assert_eq!(after.reasons[0].id, "relationship_know_well");
}

#[test]
fn a_broken_user_template_is_skipped() {
    let mut data = new_user_data();
    let mut broken = data
        .templates
        .iter()
        .find(|t| t.id == "ask-where-we-met")
        .unwrap()
        .clone();
    broken.id = "mine".into();
    broken.builtin = false;
    broken.body = "Hi {first_name, {if".into();
    data.templates.insert(0, broken);
    let model = suggest(&person_card(None, "Yesterday"), &data, TODAY);
    assert!(model.suggestions.iter().all(|s| s.template_id != "mine"));
}

#[test]
fn the_users_own_template_ranks_above_an_equal_builtin() {
    let mut data = new_user_data();
    let mut mine = data
        .templates
        .iter()
        .find(|t| t.id == "ask-where-we-met")
        .unwrap()
        .clone();
    mine.id = "my-ask".into();
    mine.builtin = false;
    mine.body = "Hi {first_name|there}, where did we meet?".into();
    data.templates.push(mine);
    let model = suggest(&person_card(None, "Yesterday"), &data, TODAY);
    assert_eq!(model.action, Action::Ask);
    assert_eq!(
        model.suggestions.first().map(|s| s.template_id.as_str()),
        Some("my-ask")
    );
}

#[test]
fn record_seen_remembers_once_and_tells_a_repeat_invitation_from_a_revisit() {
    let mut data = new_user_data();
    let card = person_card(None, "Yesterday");
    let first = parse_card(&card);
    assert!(record_seen(&mut data, &first, Action::Ask, TODAY));
    assert!(
        !record_seen(&mut data, &first, Action::Ask, TODAY),
        "same card, same day: nothing changes"
    );
    let p = &data.people["riley-park"];
    assert_eq!(
        (p.first_seen, p.last_seen, p.invitations.clone()),
        (TODAY, TODAY, vec![TODAY])
    );
    assert_eq!(p.age_when_seen, Some(1));

    // Seen again on later visits: the same invitation, older.
    for (day, time) in [
        (TODAY + 1, "2 days ago"),
        (TODAY + 6, "1 week ago"),
        (TODAY + 20, "3 weeks ago"),
        (TODAY + 40, "1 month ago"),
    ] {
        let again = parse_card(&person_card(None, time));
        assert!(record_seen(&mut data, &again, Action::Ask, day));
        assert_eq!(data.people["riley-park"].invitations, vec![TODAY], "{time}");
        assert_eq!(
            suggest(&person_card(None, time), &data, day).invited_before,
            None
        );
    }

    // Three months later a fresh invitation from the same person.
    let later = TODAY + 90;
    let fresh = person_card(None, "Today");
    let model = suggest(&fresh, &data, later);
    assert_eq!(model.invited_before, Some(TODAY));
    assert_eq!(model.action, Action::Decline);
    assert!(record_seen(
        &mut data,
        &parse_card(&fresh),
        model.action,
        later
    ));
    assert_eq!(data.people["riley-park"].invitations, vec![TODAY, later]);
    // …and it stays a repeat after being recorded.
    assert_eq!(suggest(&fresh, &data, later).invited_before, Some(TODAY));
}

#[test]
fn record_seen_completes_a_record_the_panel_created() {
    let mut data = new_user_data();
    data.people.insert(
        "riley-park".into(),
        Person {
            relationship: Some(Relationship::Friend),
            ..Person::default()
        },
    );
    let invitation = parse_card(&person_card(None, "Yesterday"));
    assert!(record_seen(&mut data, &invitation, Action::Reply, TODAY));
    let p = &data.people["riley-park"];
    assert_eq!(p.relationship, Some(Relationship::Friend));
    assert_eq!((p.first_seen, p.invitations.clone()), (TODAY, vec![TODAY]));
    assert_eq!(p.name, "Riley Park");
}

#[test]
fn record_seen_ignores_keyless_invitations() {
    let mut data: Data = new_user_data();
    assert!(!record_seen(
        &mut data,
        &Invitation::default(),
        Action::Review,
        TODAY
    ));
    assert!(data.people.is_empty());
}

/// The content script judges every card through a [`Companies`] index and
/// draws panels later with `suggest_indexed`: both must agree with the
/// plain path, also while cards are being recorded one after another.
#[test]
fn the_company_index_counts_what_a_full_scan_counts() {
    use kindly_core::advice::Companies;
    use kindly_core::suggest::{judge, record_seen, suggest_indexed};
    let recruiter = |slug: &str, name: &str, company: &str| CardText {
        lang: "en".into(),
        name: Some(name.into()),
        lines: vec![
            name.into(),
            format!("Recruiter at {company}"),
            "Yesterday".into(),
        ],
        note: Some("Hi, I have an exciting opportunity for you, open to a quick call?".into()),
        links: vec![CardLink {
            path: format!("/in/{slug}/"),
            text: name.into(),
        }],
        ..CardText::default()
    };
    let cards = [
        recruiter("a-one", "Ana One", "Fabrikam"),
        recruiter("b-two", "Ben Two", "Contoso"),
        recruiter("c-three", "Cy Three", "fabrikam "),
        recruiter("d-four", "Di Four", "Fabrikam"),
        recruiter("e-five", "Ed Five", "FABRIKAM"),
        person_card(None, "Yesterday"),
    ];
    let mut data = new_user_data();
    // Someone from long ago at the same company does not count.
    data.people
        .insert("old-one".into(), seen(TODAY - 400, "Recruiter at Fabrikam"));
    let mut companies = Companies::from_data(&data);
    let mut counts = Vec::new();
    for card in &cards {
        let verdict = judge(card, &data, TODAY, &companies);
        let scan = kindly_core::advice::Context::from_data(&verdict.invitation, &data, TODAY);
        assert_eq!(
            companies.recent_others(&verdict.invitation, TODAY),
            scan.same_company_recent,
            "{}",
            verdict.invitation.key
        );
        counts.push(scan.same_company_recent);
        let full = suggest(card, &data, TODAY);
        assert_eq!(verdict.action, full.action, "{}", verdict.invitation.key);
        assert_eq!(
            suggest_indexed(&verdict.invitation, &data, TODAY, &companies),
            full
        );
        record_seen(&mut data, &verdict.invitation, verdict.action, TODAY);
        if let Some(person) = data.people.get(&verdict.invitation.key) {
            companies.note(&verdict.invitation.key, person);
        }
    }
    // Fabrikam, in any case or spacing, is one company; Contoso another.
    assert_eq!(counts, vec![0, 0, 1, 2, 3, 0]);
}
