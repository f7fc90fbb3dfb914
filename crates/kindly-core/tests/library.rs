//! The default library holds itself to the rules it teaches: every template
//! parses, fits its target with typical names, and passes the politeness
//! check without a single hint.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use kindly_core::library::{default_template, default_templates};
use kindly_core::model::{AccountType, Relationship, Situation, Target};
use kindly_core::template::{count_chars, limit_for, parse, render, Facts};
use kindly_core::tone::{check, ToneContext};
use std::collections::BTreeSet;

/// Facts with long-ish typical values, so limits are tested with room.
fn typical(has_note: bool) -> Facts {
    Facts {
        first_name: Some("Alexandra".into()),
        name: Some("Alexandra Johnson-Whitfield".into()),
        company: Some("Globex Corporation".into()),
        headline: Some("Head of Partnerships at Globex Corporation".into()),
        mutual_count: Some(12),
        mutual_name: Some("Samuel Lee".into()),
        my_name: Some("Maria Gonzalez".into()),
        my_email: Some("maria.gonzalez@example.com".into()),
        target: Some("Rust Weekly".into()),
        has_note,
    }
}

fn fact_sets() -> Vec<Facts> {
    vec![
        typical(true),
        typical(false),
        Facts::default(),
        Facts {
            has_note: true,
            ..Facts::default()
        },
    ]
}

#[test]
fn ids_are_unique_stable_and_builtin() {
    let all = default_templates();
    assert!(all.len() >= 14, "only {} templates", all.len());
    let ids: BTreeSet<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
    for t in &all {
        assert!(t.builtin, "{}", t.id);
        assert!(
            !t.title.is_empty() && !t.actions.is_empty() && !t.situations.is_empty(),
            "{}",
            t.id
        );
        assert!(!t.relationships.is_empty(), "{}", t.id);
        assert!(
            t.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            t.id
        );
    }
    assert_eq!(
        default_template("stranger-generic").unwrap().id,
        "stranger-generic"
    );
    assert!(default_template("nope").is_none());
}

#[test]
fn every_situation_has_a_template() {
    use Situation::*;
    let covered: BTreeSet<Situation> = default_templates()
        .iter()
        .flat_map(|t| t.situations.clone())
        .collect();
    for s in [
        StrangerGeneric,
        StrangerPersonal,
        CantPlace,
        Friend,
        FormerColleague,
        OutsideIndustry,
        Recruiter,
        SalesPitch,
        CompanyVolume,
        KeepPending,
        MetInPerson,
        ThanksAfterAccept,
        RepeatInviter,
        Scam,
        Late,
    ] {
        assert!(covered.contains(&s), "no template for {s:?}");
    }
}

#[test]
fn every_template_parses_and_fits_its_limit() {
    for t in default_templates() {
        let parsed = parse(&t.body).unwrap_or_else(|e| panic!("{}: {e:?}", t.id));
        let limit = limit_for(t.target, AccountType::Free, 8000);
        for facts in fact_sets() {
            let text = render(&parsed, &facts);
            assert!(
                count_chars(&text) <= limit,
                "{} is {} chars",
                t.id,
                count_chars(&text)
            );
            if t.target == Target::Message {
                // Messages are long on LinkedIn, but a kind no stays brief.
                assert!(
                    count_chars(&text) <= 600,
                    "{} is {} chars: too long",
                    t.id,
                    count_chars(&text)
                );
            }
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{}: {text}",
                t.id
            );
            assert!(
                !text.contains("  ") && !text.contains(" ,"),
                "{}: {text:?}",
                t.id
            );
        }
    }
}

#[test]
fn every_template_passes_the_politeness_check_without_a_hint() {
    for t in default_templates() {
        let parsed = parse(&t.body).unwrap();
        for facts in fact_sets() {
            let text = render(&parsed, &facts);
            let context = ToneContext {
                limit: limit_for(t.target, AccountType::Free, 8000),
                they_wrote_note: facts.has_note,
                first_name: facts.first_name.clone(),
                stranger: t.relationships.contains(&Relationship::Stranger),
                language: t.language.clone(),
            };
            let hints = check(&text, &context);
            assert!(
                hints.is_empty(),
                "{} with {:?}:\n{text}\n{hints:#?}",
                t.id,
                facts.first_name
            );
        }
    }
}

#[test]
fn missing_facts_read_naturally() {
    let t = default_template("stranger-generic").unwrap();
    let text = render(&parse(&t.body).unwrap(), &Facts::default());
    assert!(
        text.starts_with("Hi there,\n\nThank you for the invitation."),
        "{text}"
    );
    assert!(text.ends_with("Best wishes"), "{text}");
    let full = render(&parse(&t.body).unwrap(), &typical(false));
    assert!(full.starts_with("Hi Alexandra,"));
    assert!(full.contains("maria.gonzalez@example.com"));
    assert!(full.ends_with("Best wishes,\nMaria Gonzalez"), "{full}");
    let fr = default_template("stranger-generic-fr").unwrap();
    let text = render(&parse(&fr.body).unwrap(), &Facts::default());
    assert!(text.starts_with("Bonjour,\n\nMerci"), "{text}");
}
