//! The politeness check: each kind of hint, with a text that triggers it and
//! a close text that does not.
#![cfg(test)]

use kindly_core::tone::{check, check_note, Hint, Severity, ToneContext};
use proptest::prelude::*;

const POLITE: &str = "Hi Ana, thank you for the invitation. I keep LinkedIn for people I have worked with, so I won't connect for now.";

fn ctx() -> ToneContext {
    ToneContext {
        limit: 300,
        ..ToneContext::default()
    }
}

fn ids(text: &str, c: &ToneContext) -> Vec<String> {
    check(text, c).into_iter().map(|h| h.id).collect()
}

fn find<'a>(hints: &'a [Hint], id: &str) -> &'a Hint {
    hints
        .iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("no {id} in {hints:?}"))
}

/// (id, context, text that triggers it, text that does not)
fn table() -> Vec<(&'static str, ToneContext, &'static str, &'static str)> {
    let stranger = ToneContext {
        stranger: true,
        ..ctx()
    };
    let note = ToneContext {
        they_wrote_note: true,
        first_name: Some("Ana".into()),
        ..ctx()
    };
    let short = ToneContext { limit: 20, ..ctx() };
    vec![
        (
            "harsh_word",
            ctx(),
            "Thank you, but this is spam.",
            "Thank you, but I'll pass for now.",
        ),
        (
            "harsh_word",
            ctx(),
            "Thanks, but I am not interested in you.",
            "Thanks, but I am not adding connections.",
        ),
        (
            "harsh_word",
            ctx(),
            "Thanks, but I NEVER connect with strangers.",
            "Thanks, but I rarely connect with strangers.",
        ),
        (
            "harsh_word",
            ctx(),
            "Thanks. Please stop.",
            "Thanks. Please write by email.",
        ),
        (
            "blame",
            ctx(),
            "Thank you, but you are not in my field.",
            "Thank you, but I keep LinkedIn for my field.",
        ),
        (
            "blame",
            ctx(),
            "Thanks, but you didn't write a note.",
            "Thanks, and you're welcome to write by email.",
        ),
        (
            "blame",
            ctx(),
            "Thanks. Your request is odd.",
            "Thanks. If you are ever in town, let's meet.",
        ),
        (
            "shouting",
            ctx(),
            "THANK YOU but no.",
            "Thank you, but the CEO role is not for me.",
        ),
        ("shouting", ctx(), "Thanks, but no!!!", "Thanks, but no!"),
        (
            "shouting",
            ctx(),
            "Thanks?? Who are you",
            "Thanks. Where did we meet?",
        ),
        (
            "over_limit",
            short,
            "Thank you so much for the invitation.",
            "Thank you kindly.",
        ),
        (
            "unfilled_placeholder",
            ctx(),
            "Hi {first_name}, thanks.",
            "Hi Ana, thanks.",
        ),
        (
            "unfilled_placeholder",
            ctx(),
            "Great to meet you at [event], thanks.",
            "Great to meet you [1], thanks.",
        ),
        (
            "no_thanks",
            ctx(),
            "Hi Ana, I keep LinkedIn for colleagues.",
            "Hi Ana, I appreciate it; I keep LinkedIn for colleagues.",
        ),
        (
            "no_name",
            note.clone(),
            "Hello, thank you for your note.",
            "Hello Ana, thank you for your note.",
        ),
        (
            "reason_to_stranger",
            stranger.clone(),
            "Thanks, but because your profile is thin, no.",
            "Thanks, but I keep LinkedIn for people I know.",
        ),
        (
            "reason_to_stranger",
            stranger,
            "Thank you. We have no mutual connections.",
            "Thank you. I only connect with people I know.",
        ),
        ("empty", ctx(), "  \n ", "Thanks."),
    ]
}

#[test]
fn each_hint_has_a_positive_and_a_negative_case() {
    for (id, c, bad, good) in table() {
        assert!(
            ids(bad, &c).iter().any(|i| i == id),
            "{id} missing for {bad:?}: {:?}",
            check(bad, &c)
        );
        assert!(
            !ids(good, &c).iter().any(|i| i == id),
            "{id} wrongly on {good:?}: {:?}",
            check(good, &c)
        );
    }
}

/// An invitation note the user sends: no thank-you expected, their name is;
/// every other rule as for a reply.
#[test]
fn a_note_is_checked_as_a_note() {
    let c = ToneContext {
        limit: 200,
        first_name: Some("Ana".into()),
        language: "en".into(),
        ..ToneContext::default()
    };
    let note_ids =
        |text: &str| -> Vec<String> { check_note(text, &c).into_iter().map(|h| h.id).collect() };
    assert!(note_ids("Hi Ana, it was great to meet you at RustConf.").is_empty());
    assert_eq!(
        note_ids("Hello, it was great to meet you at RustConf."),
        vec!["note_no_name".to_string()]
    );
    // A reply with the same words is another matter.
    assert!(
        ids("Hi Ana, it was great to meet you at RustConf.", &c).contains(&"no_thanks".to_string())
    );
    assert!(!ids("Hello, thanks for the chat.", &c).contains(&"note_no_name".to_string()));
    // The rest holds for notes too.
    assert!(note_ids("Hi Ana, you are wasting your time!!!").contains(&"harsh_word".to_string()));
    let long = format!("Hi Ana, {}", "great to meet you. ".repeat(12));
    assert!(note_ids(&long).contains(&"over_limit".to_string()));
    // Without a known name there is no one to address.
    let anyone = ToneContext {
        first_name: None,
        ..c.clone()
    };
    assert!(check_note("Hello, great to meet you.", &anyone).is_empty());
}

#[test]
fn a_polite_reply_gets_no_hint_at_all() {
    let c = ToneContext {
        they_wrote_note: true,
        first_name: Some("Ana".into()),
        stranger: true,
        ..ctx()
    };
    assert_eq!(check(POLITE, &c), vec![]);
}

#[test]
fn positions_are_in_characters_and_cover_the_words() {
    let text = "Héllo Zoë, thank you, but this is SPAM and you are rude.";
    let hints = check(text, &ctx());
    let chars: Vec<char> = text.chars().collect();
    let span = |h: &Hint| chars[h.start..h.end].iter().collect::<String>();
    let harsh: Vec<String> = hints
        .iter()
        .filter(|h| h.id == "harsh_word")
        .map(span)
        .collect();
    assert_eq!(harsh, vec!["SPAM", "rude"]);
    assert_eq!(span(find(&hints, "blame")), "you are");
    for h in &hints {
        assert!(!h.message.is_empty() && !h.suggestion.is_empty(), "{h:?}");
    }
}

#[test]
fn whole_words_only() {
    // "stopover" and "spamalot" contain harsh words but are not them.
    assert!(!ids("Thanks, a stopover at Spamalot.", &ctx()).contains(&"harsh_word".to_string()));
}

#[test]
fn over_limit_points_where_the_limit_is_crossed() {
    let c = ToneContext { limit: 10, ..ctx() };
    let hints = check("Thanks a lot, really.", &c);
    let h = find(&hints, "over_limit");
    assert_eq!((h.start, h.end, h.severity), (10, 21, Severity::Problem));
    assert!(h.message.contains("21 characters"));
}

#[test]
fn severities() {
    let hints = check("Hi {first_name}, SPAM", &ctx());
    assert_eq!(
        find(&hints, "unfilled_placeholder").severity,
        Severity::Problem
    );
    assert_eq!(find(&hints, "harsh_word").severity, Severity::Warning);
    assert_eq!(find(&hints, "no_thanks").severity, Severity::Warning);
}

#[test]
fn other_languages() {
    let fr = ToneContext {
        language: "fr".into(),
        ..ctx()
    };
    assert!(ids("Merci, mais vous êtes hors sujet.", &fr).contains(&"blame".to_string()));
    assert_eq!(
        ids("Merci pour votre invitation.", &fr),
        Vec::<String>::new()
    );
    let de = ToneContext {
        language: "de".into(),
        ..ctx()
    };
    assert!(ids("Danke, das ist nervig.", &de).contains(&"harsh_word".to_string()));
    assert_eq!(
        ids("Vielen Dank für die Einladung.", &de),
        Vec::<String>::new()
    );
    let es = ToneContext {
        language: "es".into(),
        ..ctx()
    };
    assert!(ids("Gracias, pero nunca acepto.", &es).contains(&"harsh_word".to_string()));
    // Each language's tables, for each kind of hint.
    let stranger = |language: &str| ToneContext {
        language: language.into(),
        stranger: true,
        ..ctx()
    };
    for (lang, text, id) in [
        ("fr", "Merci, mais c'est du spam.", "harsh_word"),
        ("fr", "Merci, mais laissez-moi tranquille.", "harsh_word"),
        ("fr", "Merci, mais vous n'avez pas lu ma page.", "blame"),
        (
            "fr",
            "Merci, mais votre secteur est loin du mien.",
            "reason_to_stranger",
        ),
        ("de", "Danke, aber lassen Sie mich in Ruhe.", "harsh_word"),
        ("de", "Danke, aber Ihre Anfrage ist aufdringlich.", "blame"),
        (
            "de",
            "Danke, aber Ihre Branche passt nicht.",
            "reason_to_stranger",
        ),
        ("es", "Gracias, pero déjeme en paz.", "harsh_word"),
        ("es", "Gracias, pero su mensaje es insistente.", "blame"),
        (
            "es",
            "Gracias, pero su sector no es el mío.",
            "reason_to_stranger",
        ),
    ] {
        assert!(
            ids(text, &stranger(lang)).iter().any(|i| i == id),
            "{lang}: {id} missing for {text:?}"
        );
    }
    for (lang, text) in [
        (
            "fr",
            "Merci pour votre invitation, je la laisse en attente pour le moment.",
        ),
        (
            "de",
            "Vielen Dank für Ihre Einladung, ich lasse sie vorerst offen.",
        ),
        (
            "es",
            "Gracias por su invitación, por ahora la dejo pendiente.",
        ),
    ] {
        assert_eq!(
            ids(text, &stranger(lang)),
            Vec::<String>::new(),
            "{lang}: {text}"
        );
    }
    // A German word list does not judge an English text.
    let en = ToneContext {
        language: "en".into(),
        ..ctx()
    };
    assert!(!ids("Thanks, Sie sind welcome.", &en).contains(&"blame".to_string()));
}

#[test]
fn hints_carry_what_a_translation_needs() {
    let hints = check("Thank you, but this is spam!!", &ctx());
    let harsh = find(&hints, "harsh_word");
    assert_eq!(
        (harsh.message_id.as_str(), harsh.args.clone()),
        ("harsh_word", vec!["spam".to_string()])
    );
    assert_eq!(harsh.tip_id, "soften");
    let shout = find(&hints, "shouting");
    assert_eq!(
        (shout.message_id.as_str(), shout.args.clone()),
        ("shouting_marks", vec!["!!".to_string()])
    );
    let long = check("Thanks a lot, really.", &ToneContext { limit: 10, ..ctx() });
    let over = find(&long, "over_limit");
    assert_eq!(over.args, vec!["21", "10", "11"]);
    for h in hints.iter().chain(&long) {
        assert!(
            kindly_core::tone::MESSAGE_IDS
                .iter()
                .any(|(id, _)| *id == h.message_id),
            "{h:?}"
        );
        assert!(
            kindly_core::tone::TIP_IDS.contains(&h.tip_id.as_str()),
            "{h:?}"
        );
    }
}

#[test]
fn long_text_is_checked_in_linear_time() {
    let text = "Thanks, but SPAM you are never!! {x} [y] ".repeat(20_000);
    let start = std::time::Instant::now();
    let hints = check(
        &text,
        &ToneContext {
            stranger: true,
            limit: 300,
            ..ToneContext::default()
        },
    );
    assert!(hints.len() > 20_000);
    // A hang guard, not a speed test: quadratic work on this input takes
    // hours, linear work well under a second, so a busy machine never trips it.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_and_ranges_are_valid(text in "\\PC{0,120}", limit in 0usize..200, note in any::<bool>()) {
        let c = ToneContext { limit, they_wrote_note: note, first_name: Some("Zoë".into()), stranger: true, language: String::new() };
        let n = text.chars().count();
        for h in check(&text, &c) {
            prop_assert!(h.start <= h.end && h.end <= n, "{h:?}");
        }
    }
}
