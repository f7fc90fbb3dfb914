//! The engine's bookkeeping around the situation table: rendering replies,
//! a changed relationship, the user's own and broken templates, what is
//! remembered of each card, and the company index.
#![cfg(test)]

use kindly_core::store::new_user_data;
use kindly_core::{
    parse_card, record_seen, suggest, suggest_for, Action, CardLink, CardText, Data, Day,
    Invitation, Kind, Person, Relationship,
};

const TODAY: Day = 20_000;
/// LinkedIn's stock note: a Reply on the card, nothing personal.
const STOCK: &str = "I'd like to add you to my professional network.";

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
    let model = suggest(&person_card(Some(STOCK), "Yesterday"), &data, TODAY);
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
    let model = suggest(&person_card(Some(STOCK), "Yesterday"), &data, TODAY);
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
    // No note, so no Reply to carry a clear no: ignoring again.
    assert_eq!(model.action, Action::Ignore);
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
