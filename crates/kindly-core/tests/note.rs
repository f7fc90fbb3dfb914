//! Writing the note of an invitation the user sends: which notes are
//! offered for what the user said, in which language, against which limit.
#![cfg(test)]

use kindly_core::model::{AccountType, Claim, Situation, Target, TemplateRecord};
use kindly_core::note::{self, language_for, suggest_notes, NoteInput};
use kindly_core::store::new_user_data;

fn input(met_at: &str, topic: &str, mutual: &str) -> NoteInput {
    NoteInput {
        first_name: Some("Ana".into()),
        met_at: met_at.into(),
        topic: topic.into(),
        mutual_name: mutual.into(),
        language: "en".into(),
        ..NoteInput::default()
    }
}

fn ids(input: &NoteInput) -> Vec<String> {
    suggest_notes(input, &new_user_data())
        .into_iter()
        .map(|s| s.template_id)
        .collect()
}

#[test]
fn a_note_claims_only_what_the_user_said() {
    // Nothing said: no note says "we met", "we talked" or "we both know".
    let none = ids(&input("", "", ""));
    assert!(!none.is_empty());
    for id in [
        "met-in-person-note",
        "note-what-we-talked-about",
        "note-mutual-contact",
    ] {
        assert!(
            !none.contains(&id.to_string()),
            "{id} offered with nothing said"
        );
    }
    // Where they met: the "where we met" note comes first.
    let met = ids(&input("RustConf", "", ""));
    assert_eq!(met.first().map(String::as_str), Some("met-in-person-note"));
    assert!(!met.contains(&"note-what-we-talked-about".to_string()));
    // What they talked about.
    let talked = ids(&input("", "WebAssembly", ""));
    assert_eq!(
        talked.first().map(String::as_str),
        Some("note-what-we-talked-about")
    );
    assert!(!talked.contains(&"met-in-person-note".to_string()));
    // Whom both know.
    let mutual = ids(&input("", "", "Sam Ortiz"));
    assert_eq!(
        mutual.first().map(String::as_str),
        Some("note-mutual-contact")
    );
}

#[test]
fn a_note_is_written_for_them_with_what_the_user_said() {
    let notes = suggest_notes(&input("RustConf", "WebAssembly", ""), &new_user_data());
    let first = &notes[0];
    assert_eq!(
        first.text,
        "Hi Ana, it was great to meet you at RustConf and to talk about WebAssembly. Thank you for your time; I'd be glad to stay in touch here."
    );
    assert_eq!(first.limit, 200);
    assert!(first.fits);
    assert_eq!(first.chars, first.text.chars().count());
    for n in &notes {
        assert!(n.text.starts_with("Hi Ana,"), "{}", n.text);
        assert_eq!(n.language, "en");
        assert!(!n.text.contains('{'), "{}", n.text);
    }
}

#[test]
fn notes_come_in_the_notes_language() {
    for (lang, greeting) in [
        ("fr", "Bonjour Ana,"),
        ("de", "Hallo Ana,"),
        ("es", "Hola Ana,"),
    ] {
        let notes = suggest_notes(
            &NoteInput {
                language: lang.into(),
                ..input("le salon VivaTech", "", "")
            },
            &new_user_data(),
        );
        assert!(!notes.is_empty(), "{lang}");
        for n in &notes {
            assert_eq!(n.language, lang);
            assert!(n.text.starts_with(greeting), "{}", n.text);
        }
    }
    let fr = suggest_notes(
        &NoteInput {
            language: "fr".into(),
            ..input("le salon VivaTech", "", "")
        },
        &new_user_data(),
    );
    assert!(
        fr[0].text.contains("vous rencontrer au salon VivaTech."),
        "{}",
        fr[0].text
    );
}

#[test]
fn the_default_language_is_the_users_choice_then_the_page() {
    let mut data = new_user_data();
    assert_eq!(language_for("fr-FR", &data.profile), "fr");
    assert_eq!(language_for("pt-BR", &data.profile), "en");
    data.profile.template_language = "de".into();
    assert_eq!(language_for("", &data.profile), "de");
    data.profile.reply_language = "es".into();
    assert_eq!(language_for("fr-FR", &data.profile), "es");
}

#[test]
fn the_limit_is_the_dialogs_else_the_accounts_and_long_notes_come_last() {
    let mut data = new_user_data();
    let long_place = format!("at {}", "the very long conference name ".repeat(4));
    let said = input(&long_place, "WebAssembly", "");
    let notes = suggest_notes(&said, &data);
    assert!(notes.iter().any(|n| !n.fits), "something is over 200");
    let first_over = notes.iter().position(|n| !n.fits).unwrap();
    assert!(
        notes[first_over..].iter().all(|n| !n.fits),
        "fitting notes first"
    );
    data.profile.account = AccountType::Premium;
    assert!(suggest_notes(&said, &data).iter().all(|n| n.limit == 300));
    let shown = NoteInput {
        shown_limit: Some(200),
        ..said.clone()
    };
    assert!(suggest_notes(&shown, &data).iter().all(|n| n.limit == 200));
}

#[test]
fn the_users_own_note_templates_are_offered_on_the_same_terms() {
    let mut data = new_user_data();
    data.templates.push(TemplateRecord {
        id: "custom-met".into(),
        title: "Mine".into(),
        body: "{first_name|Hi}, great chatting {met_at}!".into(),
        target: Target::Note,
        situations: vec![Situation::Invite],
        claims: vec![Claim::MetInPerson],
        builtin: false,
        ..TemplateRecord::default()
    });
    data.templates.push(TemplateRecord {
        id: "custom-broken".into(),
        body: "Hi {first_name".into(),
        target: Target::Note,
        ..TemplateRecord::default()
    });
    let with = |met: &str| -> Vec<String> {
        suggest_notes(&input(met, "", ""), &data)
            .into_iter()
            .map(|s| s.template_id)
            .collect()
    };
    assert!(with("RustConf").contains(&"custom-met".to_string()));
    assert!(!with("").contains(&"custom-met".to_string()));
    assert!(!with("RustConf").contains(&"custom-broken".to_string()));
    // Replies are never notes.
    assert!(with("RustConf")
        .iter()
        .all(|id| !id.starts_with("stranger-generic")));
}

#[test]
fn a_note_is_checked_as_a_note_against_its_limit() {
    let data = new_user_data();
    let said = NoteInput {
        shown_limit: Some(40),
        ..input("RustConf", "", "")
    };
    let hints: Vec<String> = note::check(
        "Hello, great to meet you at RustConf last week.",
        &said,
        &data,
    )
    .into_iter()
    .map(|h| h.id)
    .collect();
    assert_eq!(hints, vec!["note_no_name", "over_limit"]);
    assert!(note::check("Hi Ana, great to meet you.", &said, &data).is_empty());
}

/// A dialog that names nobody, off the invitee's profile: every note
/// greets without a name as each language does ("Hi there," in English,
/// "Bonjour," "Hallo," "Hola," with no empty slot before the comma), and
/// still within the limit.
#[test]
fn a_note_without_a_name_greets_naturally_in_every_language() {
    for (language, greeting) in [
        ("en", "Hi there, "),
        ("fr", "Bonjour, "),
        ("de", "Hallo, "),
        ("es", "Hola, "),
    ] {
        let nameless = NoteInput {
            first_name: None,
            met_at: "RustConf".into(),
            topic: "WebAssembly".into(),
            mutual_name: "Sam".into(),
            language: language.into(),
            ..NoteInput::default()
        };
        let notes = suggest_notes(&nameless, &new_user_data());
        assert!(notes.len() >= 4, "{language}: {}", notes.len());
        for n in notes {
            assert!(n.text.starts_with(greeting), "{language}: {:?}", n.text);
            for leftover in [" ,", "  ", "{", "}"] {
                assert!(!n.text.contains(leftover), "{language}: {:?}", n.text);
            }
            assert!(n.fits, "{language}: {} > {}", n.chars, n.limit);
        }
    }
}

/// On the invitee's profile, a dialog that does not name them takes the
/// name from the profile's heading; a heading that is no name gives none.
#[test]
fn the_profile_heading_names_the_invitee_when_the_dialog_does_not() {
    use kindly_core::dialog::name_from_profile;
    assert_eq!(
        name_from_profile("Ana Lima", "en"),
        Some(("Ana Lima".into(), Some("Ana".into())))
    );
    assert_eq!(
        name_from_profile("  Jürgen Weiß \n", "de"),
        Some(("Jürgen Weiß".into(), Some("Jürgen".into())))
    );
    assert_eq!(
        name_from_profile("Dr. Camille Roux", "fr").map(|(_, first)| first),
        Some(Some("Camille".into()))
    );
    assert_eq!(name_from_profile("", "en"), None);
}
