//! The template language, as a specification: what parses, what errors say
//! and where, what renders.
#![cfg(test)]

use kindly_core::model::{AccountType, Target};
use kindly_core::template::{
    count_chars, limit_for, measure, parse, render, render_source, tidy, Facts, MAX_DEPTH,
};
use proptest::prelude::*;

fn ana() -> Facts {
    Facts {
        first_name: Some("Ana".into()),
        name: Some("Ana Lima".into()),
        company: Some("Globex".into()),
        my_name: Some("Maria".into()),
        my_email: Some("maria@example.com".into()),
        has_note: true,
        mutual_count: Some(3),
        ..Facts::default()
    }
}

fn errors(src: &str) -> Vec<(usize, String)> {
    parse(src)
        .expect_err("should not parse")
        .into_iter()
        .map(|e| (e.position, e.message))
        .collect()
}

#[test]
fn placeholders_fallbacks_and_conditions_render() {
    let cases: &[(&str, Facts, &str)] = &[
        ("Hi {first_name},", ana(), "Hi Ana,"),
        ("Hi {first_name},", Facts::default(), "Hi there,"),
        ("Hi {first_name|friend},", Facts::default(), "Hi friend,"),
        ("Hi {first_name|}, thanks", Facts::default(), "Hi, thanks"),
        ("At {company}.", Facts::default(), "At your company."),
        (
            "{if note}Thanks for the note.{else}Thanks.{end}",
            ana(),
            "Thanks for the note.",
        ),
        (
            "{if note}Thanks for the note.{else}Thanks.{end}",
            Facts::default(),
            "Thanks.",
        ),
        ("{unless note}No note.{end}", Facts::default(), "No note."),
        (
            "{ if email }Mail {my_email}.{ end }",
            ana(),
            "Mail maria@example.com.",
        ),
        ("{if email}Mail {my_email}.{end}", Facts::default(), ""),
        ("{if mutual}{mutual_count} shared{end}", ana(), "3 shared"),
        (
            "{if mutual}x{else}none{end}",
            Facts {
                mutual_count: Some(0),
                ..Facts::default()
            },
            "none",
        ),
        (
            "{if company}{if note}both{else}company{end}{end}",
            ana(),
            "both",
        ),
        ("Braces: {{ and }}", Facts::default(), "Braces: { and }"),
        ("Best,\n{my_name}", Facts::default(), "Best,"),
        // What the user tells Kindly about someone they invite.
        (
            "We met at {met_at}{if topic} and talked about {topic}{end}.",
            Facts {
                met_at: Some("RustConf".into()),
                topic: Some("WebAssembly".into()),
                ..Facts::default()
            },
            "We met at RustConf and talked about WebAssembly.",
        ),
        (
            "We met{if met_at} at {met_at}{end}{if topic} and talked about {topic}{end}.",
            Facts::default(),
            "We met.",
        ),
        (
            "We met {met_at}, on {topic}.",
            Facts::default(),
            "We met, on your work.",
        ),
        (
            "I'm {my_name}{if my_role}, {my_role}{end}.",
            Facts {
                my_name: Some("Maria".into()),
                my_role: Some("the designer from the panel".into()),
                ..Facts::default()
            },
            "I'm Maria, the designer from the panel.",
        ),
        ("Hi{if my_role}, {my_role}{end}.", Facts::default(), "Hi."),
    ];
    for (src, facts, want) in cases {
        assert_eq!(
            render_source(src, facts).unwrap(),
            *want,
            "template {src:?}"
        );
    }
}

#[test]
fn blank_values_count_as_missing() {
    let facts = Facts {
        first_name: Some("   ".into()),
        ..Facts::default()
    };
    assert_eq!(
        render_source("Hi {first_name},", &facts).unwrap(),
        "Hi there,"
    );
    assert_eq!(
        render_source("{if first_name}x{else}y{end}", &facts).unwrap(),
        "y"
    );
}

#[test]
fn page_values_are_inserted_literally() {
    let facts = Facts {
        first_name: Some("{first_name} {{x}}".into()),
        ..Facts::default()
    };
    assert_eq!(
        render_source("Hi {first_name}!", &facts).unwrap(),
        "Hi {first_name} {{x}}!"
    );
    let facts = Facts {
        first_name: Some("Ana\n\tMaria".into()),
        ..Facts::default()
    };
    assert_eq!(
        render_source("Hi {first_name}!", &facts).unwrap(),
        "Hi Ana Maria!"
    );
}

#[test]
fn tidy_removes_what_missing_values_leave() {
    let cases = [
        ("Hi , there", "Hi, there"),
        ("a  b", "a b"),
        ("a ( ) b", "a b"),
        ("x , , y", "x, y"),
        ("end ,.", "end."),
        ("\n\n\nHello\n\n\n\nBye  \n", "Hello\n\nBye"),
        ("line\r\nnext", "line\nnext"),
        (", start", "start"),
        ("Merci\u{a0}!", "Merci\u{a0}!"),
    ];
    for (input, want) in cases {
        assert_eq!(tidy(input), want, "input {input:?}");
    }
}

#[test]
fn unknown_placeholder_names_position_and_suggests() {
    let e = errors("Hi {frist_name}, thanks");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].0, 3);
    assert_eq!(
        e[0].1,
        "Unknown placeholder {frist_name} at character 4 — did you mean {first_name}?"
    );
    let e = errors("{First_Name}");
    assert!(e[0].1.contains("did you mean {first_name}?"), "{e:?}");
    let e = errors("{if emial}x{end}");
    assert!(e[0].1.contains("did you mean {if email}?"), "{e:?}");
    let e = errors("{if note}x{endif}");
    assert!(
        e.iter().any(|(_, m)| m.contains("did you mean {end}?")),
        "{e:?}"
    );
    let e = errors("{zzzzzzzz}");
    assert!(e[0].1.contains("Known placeholders: first_name"), "{e:?}");
}

#[test]
fn every_error_is_reported_with_its_character_position() {
    // "é" is two bytes: positions must count characters.
    let src = "Café {nme} and {if note}open } and {compnay";
    let e = errors(src);
    let positions: Vec<usize> = e.iter().map(|(p, _)| *p).collect();
    assert_eq!(positions, vec![5, 15, 29, 35], "{e:?}");
    assert!(e[0].1.contains("{nme}") && e[0].1.contains("did you mean {name}?"));
    assert_eq!(
        e[1].1,
        "This {if note} at character 16 is never closed with {end}."
    );
    assert_eq!(
        e[2].1,
        "A lone } at character 30: write }} to show a brace."
    );
    assert!(e[3].1.starts_with("The { at character 36 is never closed"));
}

#[test]
fn structural_errors_are_explained() {
    let cases = [
        (
            "x{else}y",
            "The {else} at character 2 has no {if} before it.",
        ),
        ("x{end}", "The {end} at character 2 has no {if} to close."),
        ("{}", "An empty {} at character 1"),
        ("{if}x{end}", "needs something to test"),
        (
            "{if note}a{else}b{else}c{end}",
            "A second {else} at character 18",
        ),
    ];
    for (src, want) in cases {
        let e = errors(src);
        assert!(
            e.iter().any(|(_, m)| m.contains(want)),
            "{src:?} gave {e:?}"
        );
    }
}

#[test]
fn nesting_is_capped_with_a_clear_error() {
    let ok = format!(
        "{}x{}",
        "{if note}".repeat(MAX_DEPTH),
        "{end}".repeat(MAX_DEPTH)
    );
    assert!(parse(&ok).is_ok());
    let deep = format!("{}x{}", "{if note}".repeat(10_000), "{end}".repeat(10_000));
    let e = errors(&deep);
    assert_eq!(e.len(), 1, "one error for the whole over-deep block");
    assert!(e[0].1.contains("nested more than 16 levels"));
    // Unclosed and deep: still no stack overflow, still an answer.
    assert!(parse(&"{if note}".repeat(100_000)).is_err());
}

#[test]
fn long_input_is_fast() {
    let src = "Hi {first_name|there}, {if note}thanks{end}. ".repeat(20_000);
    let start = std::time::Instant::now();
    let t = parse(&src).unwrap();
    let out = render(&t, &ana());
    assert!(out.len() > 100_000);
    let garbage = "{a{b}c}}{{{".repeat(50_000);
    let _ = parse(&garbage);
    // A hang guard, not a speed test: quadratic work on this input takes
    // hours, linear work well under a second, so a busy machine never trips it.
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

#[test]
fn counting_and_limits() {
    assert_eq!(count_chars("héllo"), 5);
    assert_eq!(count_chars("a\r\nb"), 3, "CRLF counts as one");
    assert_eq!(count_chars("👋🏽"), 2, "scalar values, as LinkedIn counts");
    assert_eq!(limit_for(Target::Note, AccountType::Free, 8000), 200);
    assert_eq!(limit_for(Target::Note, AccountType::Premium, 8000), 300);
    assert_eq!(limit_for(Target::Message, AccountType::Free, 8000), 8000);
    let m = measure("abcdef", 4);
    assert_eq!(
        (m.chars, m.over, m.cut_at, m.fits()),
        (6, 2, Some(4), false)
    );
    let m = measure("a\r\nbcdef", 4);
    assert_eq!(m.cut_at, Some(5), "the CRLF pair counts once");
    assert!(measure("abc", 3).fits());
}

// ───────── properties ─────────

/// A valid template from the grammar: text without braces, placeholders
/// with and without fallbacks, and if/unless/else/end blocks.
fn template_strategy() -> impl Strategy<Value = String> {
    let text = "[a-zA-Z ,.!?\n]{0,12}";
    let name = prop::sample::select(vec![
        "first_name",
        "name",
        "company",
        "headline",
        "mutual_count",
        "mutual_name",
        "my_name",
        "my_email",
        "target",
        "met_at",
        "topic",
        "my_role",
    ]);
    let leaf = prop_oneof![
        text.prop_map(|s| s),
        name.clone().prop_map(|n| format!("{{{n}}}")),
        (name.clone(), "[a-zA-Z ,]{0,8}").prop_map(|(n, f)| format!("{{{n}|{f}}}")),
        Just("Hi ".to_string()),
        Just(" , ".to_string()),
    ];
    let cond = prop::sample::select(vec![
        "note",
        "mutual",
        "email",
        "first_name",
        "company",
        "my_name",
        "met_at",
        "topic",
    ]);
    leaf.prop_recursive(4, 48, 6, move |inner| {
        (
            cond.clone(),
            any::<bool>(),
            prop::collection::vec(inner.clone(), 0..4),
            prop::option::of(prop::collection::vec(inner.clone(), 0..4)),
        )
            .prop_map(|(c, unless, then, otherwise)| {
                let kw = if unless { "unless" } else { "if" };
                let mut s = format!("{{{kw} {c}}}{}", then.concat());
                if let Some(o) = otherwise {
                    s.push_str("{else}");
                    s.push_str(&o.concat());
                }
                s.push_str("{end}");
                s
            })
            .boxed()
            .prop_union(
                prop::collection::vec(inner, 1..4)
                    .prop_map(|v| v.concat())
                    .boxed(),
            )
    })
}

/// Values as a page may give them: missing, empty, blank, odd spacing and
/// punctuation (braces excluded: those are inserted literally by design).
fn value() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just(String::new()),
        Just("  ".to_string()),
        "[a-zA-Zé ,.\t\n]{0,10}",
    ])
}

fn facts_strategy() -> impl Strategy<Value = Facts> {
    (
        (value(), value(), value(), value()),
        (value(), value(), value(), value()),
        (value(), value(), value()),
        prop::option::of(0u32..50),
        any::<bool>(),
    )
        .prop_map(
            |(
                (first_name, name, company, headline),
                (mutual_name, my_name, my_email, target),
                (met_at, topic, my_role),
                mutual_count,
                has_note,
            )| Facts {
                first_name,
                name,
                company,
                headline,
                mutual_count,
                mutual_name,
                my_name,
                my_email,
                target,
                has_note,
                met_at,
                topic,
                my_role,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_and_render_never_panic(src in "\\PC{0,80}|[{}|a-z \n]{0,80}") {
        if let Ok(t) = parse(&src) {
            let _ = render(&t, &Facts::default());
            let _ = render(&t, &ana());
        }
        let _ = tidy(&src);
        let _ = count_chars(&src);
    }

    #[test]
    fn errors_point_inside_the_text(src in "[{}|a-z \n]{0,60}") {
        if let Err(errors) = parse(&src) {
            let n = src.chars().count();
            prop_assert!(!errors.is_empty());
            for e in errors {
                prop_assert!(e.position < n.max(1), "{e:?}");
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn valid_templates_render_clean(src in template_strategy(), facts in facts_strategy()) {
        let t = parse(&src);
        prop_assert!(t.is_ok(), "grammar produced an invalid template {src:?}: {t:?}");
        let out = render(&t.unwrap(), &facts);
        prop_assert!(!out.contains('{') && !out.contains('}'), "{out:?}");
        prop_assert!(!out.contains("Hi ,"), "{out:?}");
        prop_assert!(!out.contains(" ,"), "{out:?}");
        prop_assert!(!out.contains("  "), "{out:?}");
        prop_assert!(!out.starts_with(char::is_whitespace) && !out.ends_with(char::is_whitespace), "{out:?}");
    }
}
