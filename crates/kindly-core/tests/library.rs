//! The default library holds itself to the rules it teaches, in each of its
//! four languages: every template parses, fits its target with typical
//! names, passes the politeness check in its own language without a single
//! hint, declares every claim its words make, keeps the formal register,
//! and every situation has a reply in every language.
#![cfg(test)]

use kindly_core::claims;
use kindly_core::library::{default_template, default_templates, with_apology, LANGUAGES};
use kindly_core::model::{AccountType, Claim, Relationship, Situation, Target};
use kindly_core::template::{count_chars, limit_for, parse, render, Facts};
use kindly_core::tone::{check, check_note, ToneContext};
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
        // What the user tells Kindly when inviting someone.
        met_at: Some("at the Web Summit in Lisbon".into()),
        topic: Some("accessible design systems".into()),
        my_role: Some("the product designer from Globex".into()),
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
        // An invitation note with only some of what the user can say.
        Facts {
            met_at: None,
            ..typical(false)
        },
        Facts {
            topic: None,
            my_role: None,
            ..typical(false)
        },
        Facts {
            my_name: None,
            ..typical(false)
        },
    ]
}

/// Templates that answer an invitation (not the user's own invitations).
fn answers_an_invitation(t: &kindly_core::model::TemplateRecord) -> bool {
    !t.situations
        .iter()
        .any(|s| matches!(s, Situation::Invite | Situation::FollowUp))
}

/// Fails with every problem found, not just the first.
fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}

#[test]
fn ids_are_unique_stable_and_builtin() {
    let all = default_templates();
    assert!(all.len() >= 100, "only {} templates", all.len());
    let ids: BTreeSet<&str> = all.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "duplicate ids");
    for t in &all {
        assert!(t.builtin, "{}", t.id);
        assert!(!t.title.is_empty() && !t.situations.is_empty(), "{}", t.id);
        // A reply is tagged with the answers it fits; a note or follow-up
        // for the user's own invitation answers nothing.
        assert_eq!(t.actions.is_empty(), !answers_an_invitation(t), "{}", t.id);
        assert!(
            t.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}",
            t.id
        );
    }
    // Ids of the first library stay (stored data refers to them).
    for id in kindly_core::store::V2_LIBRARY {
        assert!(default_template(id).is_some(), "{id} is gone");
    }
    assert!(default_template("nope").is_none());
}

#[test]
fn every_reply_exists_in_every_language_with_the_same_tags() {
    let all = default_templates();
    let english: Vec<_> = all.iter().filter(|t| t.language == "en").collect();
    let mut problems = Vec::new();
    for en in &english {
        for lang in LANGUAGES.iter().skip(1) {
            let id = format!("{}-{lang}", en.id);
            match all.iter().find(|t| t.id == id) {
                None => problems.push(format!("{id} is missing")),
                Some(t) => {
                    if t.language != *lang
                        || t.actions != en.actions
                        || t.situations != en.situations
                        || t.claims != en.claims
                        || t.target != en.target
                        || t.relationships != en.relationships
                    {
                        problems.push(format!("{id} is tagged unlike {}", en.id));
                    }
                    if t.body == en.body || t.title == en.title {
                        problems.push(format!("{id} is not written in {lang}"));
                    }
                }
            }
        }
    }
    assert_eq!(all.len(), english.len() * LANGUAGES.len());
    assert_none(problems);
}

#[test]
fn every_situation_has_a_reply_in_every_language() {
    let all = default_templates();
    let mut problems = Vec::new();
    for lang in LANGUAGES {
        for s in Situation::ALL {
            // Inviting someone calls for an invitation note; everything
            // else for a message.
            let target = if s == Situation::Invite {
                Target::Note
            } else {
                Target::Message
            };
            let covered = all
                .iter()
                .any(|t| t.language == lang && t.target == target && t.situations.contains(&s));
            if !covered {
                problems.push(format!("no {lang} reply for {s:?}"));
            }
        }
    }
    assert_none(problems);
}

#[test]
fn every_template_parses_and_fits_its_limit() {
    let mut problems = Vec::new();
    for t in default_templates() {
        let parsed = parse(&t.body).unwrap_or_else(|e| panic!("{}: {e:?}", t.id));
        let limit = limit_for(t.target, AccountType::Free, 8000);
        for facts in fact_sets() {
            let text = render(&parsed, &facts);
            let n = count_chars(&text);
            if n > limit {
                problems.push(format!("{} is {n} chars, over {limit}", t.id));
            }
            // Messages are long on LinkedIn, but a kind reply stays brief.
            if t.target == Target::Message && n > 600 {
                problems.push(format!("{} is {n} chars: too long", t.id));
            }
            if text.contains('{') || text.contains('}') {
                problems.push(format!("{}: {text}", t.id));
            }
            if text.contains("  ") || text.contains(" ,") || text.contains(",,") {
                problems.push(format!("{}: {text:?}", t.id));
            }
        }
    }
    assert_none(problems);
}

#[test]
fn every_template_passes_the_politeness_check_in_its_language() {
    let mut problems = Vec::new();
    for t in default_templates() {
        let parsed = parse(&t.body).unwrap();
        for facts in fact_sets() {
            let text = render(&parsed, &facts);
            let context = ToneContext {
                limit: limit_for(t.target, AccountType::Free, 8000),
                they_wrote_note: facts.has_note,
                first_name: facts.first_name.clone(),
                stranger: t.relationships == [Relationship::Stranger],
                language: t.language.clone(),
            };
            let hints = if t.target == Target::Note {
                check_note(&text, &context)
            } else {
                check(&text, &context)
            };
            if !hints.is_empty() {
                problems.push(format!(
                    "{} with {:?}:\n{text}\n{:?}",
                    t.id,
                    facts.first_name,
                    hints.iter().map(|h| &h.message).collect::<Vec<_>>()
                ));
            }
        }
    }
    assert_none(problems);
}

/// The engine trusts what a template declares; this is the second net: a
/// phrase that makes a claim must come with the claim declared.
#[test]
fn every_claim_a_text_makes_is_declared() {
    let mut problems = Vec::new();
    for t in default_templates() {
        for claim in claims::in_text(&t.body) {
            if !t.claims.contains(&claim) {
                problems.push(format!("{} says {claim:?} without declaring it", t.id));
            }
        }
    }
    assert_none(problems);
}

/// Words of the informal register, by language.
fn informal(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => &["tu", "ton", "ta", "tes", "toi", "te", "t'"],
        "de" => &["du", "dich", "dir", "dein", "deine", "deinen", "euch"],
        "es" => &["tú", "te", "ti", "contigo", "tu", "tus"],
        _ => &[],
    }
}

/// Formal everywhere the language has it (vous, Sie, usted), except the
/// replies to friends and family, written as one writes to them.
#[test]
fn the_register_is_formal_except_for_friends() {
    let mut problems = Vec::new();
    for t in default_templates() {
        let words: Vec<String> = t
            .body
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(str::to_string)
            .collect();
        let casual: Vec<&str> = informal(&t.language)
            .iter()
            .copied()
            .filter(|w| {
                words
                    .iter()
                    .any(|x| x == w || (w.ends_with('\'') && x.starts_with(w)))
            })
            .collect();
        let friends = t.claims.contains(&Claim::Friends);
        if friends && !informal(&t.language).is_empty() && casual.is_empty() {
            problems.push(format!("{}: a friend's reply in the formal register", t.id));
        }
        if !friends && !casual.is_empty() {
            problems.push(format!("{}: informal {casual:?}", t.id));
        }
    }
    assert_none(problems);
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
    for (id, start) in [
        ("stranger-generic-fr", "Bonjour,\n\nMerci"),
        ("stranger-generic-de", "Hallo,\n\nvielen Dank"),
        ("stranger-generic-es", "Hola,\n\nGracias"),
    ] {
        let t = default_template(id).unwrap();
        let text = render(&parse(&t.body).unwrap(), &Facts::default());
        assert!(text.starts_with(start), "{text}");
    }
}

#[test]
fn a_late_answer_says_sorry_after_the_greeting_in_each_language() {
    let cases = [
        (
            "thanks-after-accept",
            "Hi Alexandra,\n\nI'm sorry for the slow reply. Thanks for",
        ),
        (
            "thanks-after-accept-fr",
            "Bonjour Alexandra,\n\nPardon pour cette réponse tardive. Merci",
        ),
        (
            "thanks-after-accept-de",
            "Hallo Alexandra,\n\nEntschuldigung für die späte Antwort. Vielen Dank",
        ),
        (
            "thanks-after-accept-es",
            "Hola Alexandra,\n\nPerdón por la tardanza en responder. Gracias",
        ),
    ];
    for (id, start) in cases {
        let t = default_template(id).unwrap();
        let text = render(&parse(&t.body).unwrap(), &typical(false));
        let late = with_apology(&text, &t.language);
        assert!(late.starts_with(start), "{late}");
        assert!(check(
            &late,
            &ToneContext {
                language: t.language.clone(),
                ..ToneContext::default()
            }
        )
        .is_empty());
    }
    // A text of another shape is left as written.
    assert_eq!(with_apology("Thanks!", "en"), "Thanks!");
}
