//! The fuzz targets of `crates/kindly-core/fuzz/` as bounded property tests,
//! so CI runs them on stable without libFuzzer. They cover what the other
//! property tests do not: imported files from arbitrary bytes and from
//! mutated valid exports, stored entries mutated from a valid store, card
//! texts with every field arbitrary, and long input that must finish in
//! linear time (a 1 MB note through every reader).
#![cfg(test)]

use kindly_core::store::{
    apply_import, export_json, load, new_user_data, parse_import, to_entries, ExportScope, SCHEMA,
};
use kindly_core::template::{self, Facts};
use kindly_core::tone::{self, ToneContext};
use kindly_core::{
    parse_card, suggest, Action, Bucket, CardLink, CardText, Data, Kind, Person, Relationship,
};
use proptest::prelude::*;
use std::time::{Duration, Instant};

const TODAY: u32 = 20_400;

/// A user's data with something in every part of the store.
fn sample() -> Data {
    let mut d = new_user_data();
    d.profile.name = "Maria Gonzalez".into();
    d.profile.email = "maria@example.com".into();
    d.profile.industries = vec!["data engineering".into()];
    d.settings.history_days = 30;
    d.people.insert(
        "ana-lima".into(),
        Person {
            name: "Ana Lima".into(),
            kind: Kind::Person,
            relationship: Some(Relationship::FormerColleague),
            note: "Worked together — “quotes” and \\ backslash".into(),
            bucket: Some(Bucket::AcceptLater),
            first_seen: 19_700,
            last_seen: 19_720,
            invitations: vec![19_700, 19_715],
            last_action: Some(Action::Reply),
            headline: "Engineer at Globex".into(),
            age_when_seen: Some(3),
            outcome: None,
        },
    );
    d
}

/// One edit of a text, at a position given as a fraction of its length.
#[derive(Clone, Debug)]
enum Edit {
    Delete(u16, u8),
    Insert(u16, String),
    Replace(u16, String),
    Duplicate(u16, u8),
}

fn edit() -> impl Strategy<Value = Edit> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            "\"",
            ",",
            ":",
            "null",
            "true",
            "-1",
            "1e309",
            "4294967296",
            "\"schema\":3",
            "\"schema\":1",
            "\\u0000",
            "\\ud800",
            "\"\"",
            "[]",
            "{}",
            "🚀",
        ])
        .prop_map(str::to_string),
        "\\PC{0,6}",
    ];
    prop_oneof![
        (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Edit::Delete(at, n % 16)),
        (any::<u16>(), piece.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<u16>(), piece).prop_map(|(at, s)| Edit::Replace(at, s)),
        (any::<u16>(), any::<u8>()).prop_map(|(at, n)| Edit::Duplicate(at, n % 32)),
    ]
}

fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at =
        |chars: &Vec<char>, f: u16| (chars.len() * usize::from(f)) / usize::from(u16::MAX).max(1);
    for e in edits {
        match e {
            Edit::Delete(f, n) => {
                let i = at(&chars, *f).min(chars.len());
                let j = (i + usize::from(*n)).min(chars.len());
                chars.drain(i..j);
            }
            Edit::Insert(f, s) => {
                let i = at(&chars, *f).min(chars.len());
                chars.splice(i..i, s.chars());
            }
            Edit::Replace(f, s) => {
                let i = at(&chars, *f).min(chars.len());
                let j = (i + 1).min(chars.len());
                chars.splice(i..j, s.chars());
            }
            Edit::Duplicate(f, n) => {
                let i = at(&chars, *f).min(chars.len());
                let j = (i + usize::from(*n)).min(chars.len());
                let copy: Vec<char> = chars[i..j].to_vec();
                chars.splice(j..j, copy);
            }
        }
    }
    chars.into_iter().collect()
}

/// Imports and applies a file; whatever it holds, nothing panics and what
/// an accepted plan leaves is current-schema data that exports again.
fn import_anything(text: &str) -> Result<(), TestCaseError> {
    match parse_import(text) {
        Ok(plan) => {
            let mut data = sample();
            let _ = plan.changes(&data);
            let _ = apply_import(&mut data, plan);
            prop_assert_eq!(data.schema, SCHEMA);
            let again = export_json(&data, ExportScope::All, TODAY);
            prop_assert!(parse_import(&again).is_ok(), "a re-export must import");
        }
        Err(e) => prop_assert!(!e.message().is_empty()),
    }
    Ok(())
}

fn card_text() -> impl Strategy<Value = CardText> {
    let s = || "\\PC{0,40}";
    (
        s(),
        prop::option::of(s()),
        prop::collection::vec(s(), 0..6),
        prop::option::of("\\PC{0,200}"),
        prop::option::of(s()),
        prop::option::of(s()),
        prop::collection::vec(
            (
                prop_oneof![Just("/in/".to_string()), Just("/company/".to_string()), s()],
                s(),
                s(),
            ),
            0..4,
        ),
        prop::option::of(s()),
        prop::option::of(0usize..10),
    )
        .prop_map(
            |(lang, name, lines, note, accept, ignore, links, hint, after)| CardText {
                lang,
                name,
                lines,
                after_controls: after,
                note,
                accept_label: accept,
                ignore_label: ignore,
                links: links
                    .into_iter()
                    .map(|(prefix, slug, text)| CardLink {
                        path: format!("{prefix}{slug}"),
                        text,
                    })
                    .collect(),
                key_hint: hint,
                reply_control: false,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    /// fuzz target `import`: any bytes, read as the popup reads a file.
    #[test]
    fn importing_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        import_anything(&String::from_utf8_lossy(&bytes))?;
    }

    /// fuzz target `import`, seeded: a valid full export, edited.
    #[test]
    fn importing_a_mutated_export_never_panics(
        scope in prop::sample::select(vec![ExportScope::All, ExportScope::TemplatesOnly]),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let valid = export_json(&sample(), scope, TODAY);
        import_anything(&apply_edits(&valid, &edits))?;
    }

    /// fuzz target `store`, seeded: a valid store whose values were edited
    /// (another version wrote them, or they were damaged).
    #[test]
    fn loading_a_mutated_store_never_panics(
        which in prop::collection::vec(any::<prop::sample::Index>(), 1..4),
        edits in prop::collection::vec(edit(), 1..6),
        drop in prop::option::of(any::<prop::sample::Index>()),
    ) {
        let mut entries = to_entries(&sample());
        for w in &which {
            let i = w.index(entries.len());
            entries[i].1 = apply_edits(&entries[i].1, &edits);
        }
        if let Some(d) = drop {
            let i = d.index(entries.len());
            entries.remove(i);
        }
        let loaded = load(&entries);
        prop_assert_eq!(loaded.data.schema, SCHEMA);
        let _ = loaded.writes();
        // What was loaded saves and loads back to the same data.
        let again = load(&to_entries(&loaded.data));
        prop_assert_eq!(again.data, loaded.data);
    }

    /// fuzz target `card`: every field arbitrary.
    #[test]
    fn any_card_is_read_and_judged(card in card_text(), today in any::<u32>()) {
        let inv = parse_card(&card);
        prop_assert!(!inv.key.is_empty());
        let model = suggest(&card, &sample(), today);
        prop_assert!(model.suggestions.len() <= 3);
        prop_assert_eq!(model.key, inv.key);
    }

    /// fuzz target `template`: the error positions of any text are inside it,
    /// and a text that parses renders and tone-checks.
    #[test]
    fn any_template_parses_renders_and_checks(
        src in "\\PC{0,120}|[{}|a-z_ \n]{0,120}",
        first in prop::option::of("\\PC{0,12}"),
        note in any::<bool>(),
    ) {
        let chars = src.chars().count();
        match template::parse(&src) {
            Ok(t) => {
                let facts = Facts { first_name: first.clone(), has_note: note, ..Facts::default() };
                let out = template::render(&t, &facts);
                let hints = tone::check(&out, &ToneContext { limit: 300, they_wrote_note: note, first_name: first, ..ToneContext::default() });
                let len = out.chars().count();
                for h in hints {
                    prop_assert!(h.start <= h.end && h.end <= len);
                }
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.position <= chars);
                }
            }
        }
    }
}

// ───────── long input: no hang, no quadratic blow-up ─────────

/// A 1 MB note of text that exercises every reader: names, braces, shouting,
/// links, mutual lines, bidi controls.
fn megabyte(seed: &str) -> String {
    let unit = format!("{seed} Hi Ana, {{first_name}} we met at RustConf — SPAM!! 12 mutual connections, 3 weeks ago /in/x/ \u{202E}é ");
    let mut s = unit.repeat(1_000_000 / unit.len() + 1);
    while s.len() > 1_000_000 {
        s.pop();
    }
    s
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// Debug builds are slow; this bound only catches hangs and quadratic time
/// (a quadratic scan of 1 MB takes hours), never a slow machine: 20 s was
/// once exceeded on a 2-core machine running three builds beside the tests.
const BOUND: Duration = Duration::from_secs(120);

#[test]
fn a_megabyte_note_is_read_judged_and_checked_in_linear_time() {
    let note = megabyte("note");
    let card = CardText {
        lang: "en".into(),
        name: Some("Ana Lima".into()),
        lines: vec!["Ana Lima".into(), note.clone(), "2 weeks ago".into()],
        after_controls: Some(1),
        note: Some(note.clone()),
        accept_label: Some("Accept Ana Lima’s invitation".into()),
        ignore_label: Some("Ignore an invitation to connect from Ana Lima".into()),
        links: vec![CardLink {
            path: "/in/ana-lima-1a2b3c/".into(),
            text: "Ana Lima".into(),
        }],
        key_hint: None,
        reply_control: false,
    };
    let (_, t_parse) = timed(|| parse_card(&card));
    let (model, t_suggest) = timed(|| suggest(&card, &sample(), TODAY));
    assert_eq!(model.key, "ana-lima-1a2b3c");
    let (_, t_tone) = timed(|| {
        tone::check(
            &note,
            &ToneContext {
                limit: 300,
                ..ToneContext::default()
            },
        )
    });
    let (_, t_template) = timed(|| template::parse(&note));
    for (what, t) in [
        ("parse_card", t_parse),
        ("suggest", t_suggest),
        ("tone::check", t_tone),
        ("template::parse", t_template),
    ] {
        assert!(t < BOUND, "{what} on 1 MB took {t:?}");
    }

    // Linear: 10× the input costs about 10×, not 100×. Compared on 100 KB vs
    // 1 MB (each best of two); a factor of 40 leaves room for noise and
    // allocation but not for quadratic growth (which would be 100×).
    let small = megabyte("note").chars().take(100_000).collect::<String>();
    let best = |s: &str| {
        (0..2)
            .map(|_| timed(|| tone::check(s, &ToneContext::default())).1)
            .min()
            .unwrap()
    };
    let (a, b) = (best(&small), best(&note));
    assert!(
        b.as_secs_f64() < 40.0 * a.as_secs_f64().max(1e-4),
        "tone::check: 100 KB {a:?}, 1 MB {b:?}"
    );
    let best_card = |s: &str| {
        let mut c = card.clone();
        c.note = Some(s.to_string());
        c.lines[1] = s.to_string();
        (0..2).map(|_| timed(|| parse_card(&c)).1).min().unwrap()
    };
    let (a, b) = (best_card(&small), best_card(&note));
    assert!(
        b.as_secs_f64() < 40.0 * a.as_secs_f64().max(1e-4),
        "parse_card: 100 KB {a:?}, 1 MB {b:?}"
    );
}

#[test]
fn many_lines_and_links_do_not_blow_up() {
    let card = CardText {
        lang: "en".into(),
        name: Some("Ana".repeat(10_000)),
        lines: (0..20_000)
            .map(|i| format!("{i} mutual connections"))
            .collect(),
        after_controls: Some(10_000),
        note: None,
        accept_label: Some("Accept ".repeat(10_000)),
        ignore_label: None,
        links: (0..5_000)
            .map(|i| CardLink {
                path: format!("/in/p{i}/"),
                text: "x".into(),
            })
            .collect(),
        key_hint: Some("k".repeat(100_000)),
        reply_control: false,
    };
    let (model, t) = timed(|| suggest(&card, &sample(), TODAY));
    assert!(!model.key.is_empty());
    assert!(t < BOUND, "took {t:?}");
}

#[test]
fn a_megabyte_import_and_store_finish() {
    // A large but valid export: 2,000 people with long notes.
    let mut d = sample();
    for i in 0..2_000 {
        d.people.insert(
            format!("p-{i}"),
            Person {
                name: format!("Person {i}"),
                note: "n".repeat(400),
                first_seen: 19_000,
                last_seen: 19_000,
                invitations: vec![19_000],
                ..Person::default()
            },
        );
    }
    let file = export_json(&d, ExportScope::All, TODAY);
    assert!(file.len() > 800_000);
    let (plan, t) = timed(|| parse_import(&file));
    assert!(plan.is_ok());
    assert!(t < BOUND, "import took {t:?}");
    let (loaded, t) = timed(|| load(&to_entries(&d)));
    assert_eq!(loaded.data.people.len(), d.people.len());
    assert!(t < BOUND, "load took {t:?}");
    // Deeply nested JSON is refused, not recursed into.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(parse_import(&deep).is_err());
    let _ = load(&[("kindly.profile".to_string(), deep)]);
}

/// Words and joints the phrase tables use, to build texts that match often.
const PIECES: &[&str] = &[
    "free", "trial", "i'd", "like", "to", "add", "you", "invest", "crypto", "c++", "naïve",
    "Straße", "DÉJÀ", "vu", " ", " ", ",", "’", "-", "!", "x", "é", "ß", "İ",
];

fn pieces() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// The note is folded once and searched by word index (`lang::Folded`);
    /// that shortcut must give the answers of the plain scan, `find_word_ci`.
    #[test]
    fn folded_word_search_agrees_with_the_plain_scan(text in pieces(), needle in pieces()) {
        let needle: String = needle.trim().chars().map(kindly_core::lang::fold).collect();
        prop_assume!(!needle.is_empty());
        let folded = kindly_core::lang::Folded::new(&text);
        prop_assert_eq!(
            folded.contains_word(&needle),
            kindly_core::lang::find_word_ci(&text, &needle).is_some(),
            "text {:?} needle {:?}", text, needle
        );
    }

    /// `find_ci` skips most positions on their first byte; it must find what
    /// folding the text char by char finds, at the same offsets.
    #[test]
    fn folded_search_agrees_with_folding_each_char(text in pieces(), needle in pieces()) {
        let needle: String = needle.chars().map(kindly_core::lang::fold).collect();
        prop_assert_eq!(
            kindly_core::lang::find_ci(&text, &needle),
            find_ci_by_chars(&text, &needle),
            "text {:?} needle {:?}", text, needle
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// `eq_ci` settles most pairs on their first bytes; it must agree with
    /// comparing the folded chars.
    #[test]
    fn folded_equality_agrees_with_folding_each_char(a in pieces(), b in pieces()) {
        use kindly_core::lang::{eq_ci, fold};
        let b = if b.len() % 3 == 0 { a.to_uppercase() } else { b };
        prop_assert_eq!(eq_ci(&a, &b), a.chars().map(fold).eq(b.chars().map(fold)), "{:?} {:?}", a, b);
    }

    /// `strip_suffix_ci` settles most pairs on their last bytes; it must
    /// agree with comparing the text's last folded chars.
    #[test]
    fn folded_suffix_agrees_with_folding_each_char(hay in pieces(), suffix in pieces()) {
        use kindly_core::lang::{fold, strip_suffix_ci};
        let suffix: String = suffix.chars().map(fold).collect();
        let hay = if suffix.len() % 2 == 0 { format!("{hay}{}", suffix.to_uppercase()) } else { hay };
        let n = suffix.chars().count();
        let starts: Vec<usize> = hay.char_indices().map(|(i, _)| i).collect();
        let expected = (n > 0 && starts.len() >= n)
            .then(|| starts[starts.len() - n])
            .filter(|&start| hay[start..].chars().map(fold).eq(suffix.chars()))
            .map(|start| &hay[..start]);
        prop_assert_eq!(strip_suffix_ci(&hay, &suffix), expected, "{:?} {:?}", hay, suffix);
    }
}

/// The plain definition of a folded search: the first char boundary from
/// which the text's folded chars spell the needle.
fn find_ci_by_chars(hay: &str, needle: &str) -> Option<(usize, usize)> {
    let want: Vec<char> = needle.chars().collect();
    if want.is_empty() {
        return None;
    }
    hay.char_indices().find_map(|(start, _)| {
        let mut rest = hay.get(start..)?.char_indices();
        let mut end = start;
        for &n in &want {
            let (at, c) = rest.next()?;
            if kindly_core::lang::fold(c) != n {
                return None;
            }
            end = start + at + c.len_utf8();
        }
        Some((start, end))
    })
}
