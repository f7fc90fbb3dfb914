//! The native engine's speed, for `./build.sh bench` (tests/bench/run.mjs
//! reads the `BENCH` lines this prints):
//!
//! - invitations judged and rendered per second (`suggest` on a varied set of
//!   card texts: four languages, every kind, with and without notes), and
//!   judged only (`suggest::judge`: what marking a card costs);
//! - template renders per second (the whole default library, parsed once);
//! - linear-time evidence: parse_card, suggest, tone::check and
//!   template::parse on notes of 10 KB, 100 KB and 1 MB, with the time per byte.
//!
//! - start-up: `store::load` of a store holding 1,000 people (what every
//!   page load pays before the first card, once a person has used Kindly
//!   for a while).
//!
//! Run: `cargo run --release -p kindly-core --example throughput`.
//! It prints figures and never fails on timing.

use kindly_core::store::new_user_data;
use kindly_core::template::{self, Facts};
use kindly_core::tone::{self, ToneContext};
use kindly_core::{parse_card, suggest, CardLink, CardText, Data, Day};
use std::hint::black_box;
use std::time::{Duration, Instant};

const TODAY: Day = 20_400;

fn link(path: &str, text: &str) -> CardLink {
    CardLink {
        path: path.into(),
        text: text.into(),
    }
}

fn person(lang: &str, slug: &str, name: &str, lines: &[&str], note: Option<&str>) -> CardText {
    let path = format!("/in/{slug}/");
    let (accept, ignore) = match lang {
        "fr" => (
            format!("Accepter l’invitation de {name}"),
            format!("Ignorer l’invitation de {name}"),
        ),
        "de" => (
            format!("Einladung von {name} annehmen"),
            format!("Einladung von {name} ignorieren"),
        ),
        "es" => (
            format!("Aceptar la invitación de {name}"),
            format!("Ignorar la invitación de {name}"),
        ),
        _ => (
            format!("Accept {name}’s invitation"),
            format!("Ignore an invitation to connect from {name}"),
        ),
    };
    CardText {
        lang: lang.into(),
        name: Some(name.into()),
        lines: std::iter::once(name.to_string())
            .chain(lines.iter().map(|l| l.to_string()))
            .collect(),
        // The adapter reports the line after the controls (a note's place).
        after_controls: Some(lines.len() + 1),
        note: note.map(str::to_string),
        accept_label: Some(accept),
        ignore_label: Some(ignore),
        links: vec![link(&path, ""), link(&path, name)],
        key_hint: None,
        reply_control: false,
    }
}

/// A varied set: what a real "Manage invitations" page mixes.
fn cards() -> Vec<CardText> {
    let mut v = vec![
        person("en", "ana-lima-1a2b3c", "Ana Lima", &["Software Engineer at Contoso", "12 mutual connections", "2 weeks ago"],
            Some("Hi! We met at the meetup last week — great to connect.")),
        person("en", "ben-okafor-2b3c4d", "Ben Okafor", &["Recruiter at Fabrikam", "Yesterday"],
            Some("Hi Ben, I am hiring for a senior role on my team and think your background is a great fit. Would you be open to a short call next week?")),
        person("en", "chloe-dubois-3c4d5e", "Dr. Chloé Dubois, PhD", &["Research Scientist at Example University", "Mei Chen is a mutual connection", "3 days ago"], None),
        person("en", "dmitri-petrov-4d5e6f", "Dmitri Petrov", &["Founder | Building things", "Today"], Some("Check out my crypto course on WhatsApp, guaranteed returns!!!")),
        person("fr", "elodie-moreau-5e6f70", "Élodie Moreau", &["Cheffe de produit chez Northwind", "8 relations en commun", "il y a 3 jours"],
            Some("Bonjour, j’ai beaucoup aimé votre article.")),
        person("de", "jurgen-muller-6f7081", "Jürgen Müller", &["Entwickler bei Litware", "5 gemeinsame Kontakte", "vor 2 Wochen"], None),
        person("es", "lucia-garcia-708192", "Lucía García", &["Diseñadora UX en Wingtip", "3 contactos en común", "hace 1 mes"],
            Some("¡Hola! Nos conocimos en la conferencia.")),
        person("en", "wen-zhang-8192a3", "王伟", &["Data Scientist at Proseware", "1 mutual connection", "5 months ago"], None),
    ];
    v.push(CardText {
        lang: "en".into(),
        name: Some("Taylor Kim".into()),
        lines: vec![
            "Taylor Kim invited you to follow Example Labs".into(),
            "Software Development • 12K followers".into(),
            "1 week ago".into(),
        ],
        accept_label: Some("Accept Taylor Kim’s invitation to follow Example Labs".into()),
        ignore_label: Some("Ignore Taylor Kim’s invitation".into()),
        links: vec![
            link("/in/taylor-kim-11/", "Taylor Kim"),
            link("/company/example-labs/", "Example Labs"),
        ],
        ..CardText::default()
    });
    v.push(CardText {
        lang: "en".into(),
        name: Some("Placeholder Weekly".into()),
        lines: vec![
            "Rui Costa invited you to subscribe to Placeholder Weekly".into(),
            "Newsletter • Weekly".into(),
        ],
        accept_label: Some("Subscribe".into()),
        ignore_label: Some("Ignore".into()),
        links: vec![link(
            "/newsletters/placeholder-weekly-7000000000000000000/",
            "Placeholder Weekly",
        )],
        ..CardText::default()
    });
    v.push(CardText {
        lang: "pt-BR".into(),
        lines: vec!["Alguém".into(), "Engenheira".into()],
        accept_label: Some("Aceitar".into()),
        ignore_label: Some("Ignorar".into()),
        key_hint: Some("auto-component-42".into()),
        ..CardText::default()
    });
    v
}

/// Runs `f` repeatedly for at least `min`, returns (iterations, elapsed).
fn run(min: Duration, mut f: impl FnMut()) -> (u64, Duration) {
    // Warm up.
    for _ in 0..10 {
        f();
    }
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < min {
        for _ in 0..50 {
            f();
        }
        n += 50;
    }
    (n, start.elapsed())
}

fn per_second(n: u64, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64().max(1e-9)
}

/// Times one call (best of three: the note is big, noise is small).
fn once(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The storage entries of a user who has met `n` people, as the content
/// script records them.
fn stored_people(n: usize) -> Vec<(String, String)> {
    let mut data = new_user_data();
    for i in 0..n {
        let day = TODAY - (i % 90) as Day;
        data.people.insert(
            format!("in:person-{i}"),
            kindly_core::Person {
                name: format!("Person Number{i}"),
                kind: kindly_core::Kind::Person,
                first_seen: day,
                last_seen: TODAY,
                invitations: vec![day],
                last_action: Some(kindly_core::Action::Accept),
                headline: format!("Senior Engineer at Company {} | Rust, cloud", i % 40),
                age_when_seen: Some(3),
                ..Default::default()
            },
        );
    }
    kindly_core::store::to_entries(&data)
}

fn main() {
    let data: Data = new_user_data();
    let cards = cards();
    let min = Duration::from_millis(1500);

    // Invitations judged and rendered (parse, advise, render 3 replies).
    let mut i = 0usize;
    let (n, d) = run(min, || {
        let card = cards.get(i % cards.len()).cloned().unwrap_or_default();
        i += 1;
        black_box(suggest(black_box(&card), &data, TODAY));
    });
    println!(
        "BENCH suggest_per_s {:.0} ({} cards in {:.2?}, {} card shapes)",
        per_second(n, d),
        n,
        d,
        cards.len()
    );

    // Cards judged only, as the content script marks them (no reasons, no replies).
    let companies = kindly_core::advice::Companies::from_data(&data);
    let mut i = 0usize;
    let (n, d) = run(min, || {
        let card = cards.get(i % cards.len()).cloned().unwrap_or_default();
        i += 1;
        black_box(kindly_core::suggest::judge(
            black_box(&card),
            &data,
            TODAY,
            &companies,
        ));
    });
    println!("BENCH judge_per_s {:.0}", per_second(n, d));

    // Cards read only (parse_card).
    let mut i = 0usize;
    let (n, d) = run(min, || {
        let card = cards.get(i % cards.len()).cloned().unwrap_or_default();
        i += 1;
        black_box(parse_card(black_box(&card)));
    });
    println!("BENCH parse_card_per_s {:.0}", per_second(n, d));

    // Template renders: every template of the default library, parsed once.
    let templates: Vec<template::Template> = data
        .templates
        .iter()
        .filter_map(|t| template::parse(&t.body).ok())
        .collect();
    let facts: Vec<Facts> = cards
        .iter()
        .map(|c| Facts::from_invitation(&parse_card(c), &data.profile))
        .collect();
    let mut i = 0usize;
    let (n, d) = run(min, || {
        if let (Some(t), Some(f)) = (
            templates.get(i % templates.len().max(1)),
            facts.get(i % facts.len()),
        ) {
            black_box(template::render(black_box(t), f));
        }
        i += 1;
    });
    println!(
        "BENCH render_per_s {:.0} ({} templates)",
        per_second(n, d),
        templates.len()
    );

    // Start-up: reading a store of 1,000 remembered people.
    let entries = stored_people(1000);
    let t_load = (0..5)
        .map(|_| {
            once(|| {
                black_box(kindly_core::store::load(black_box(&entries)));
            })
        })
        .min()
        .unwrap_or_default();
    let loaded = kindly_core::store::load(&entries);
    let t_index = (0..5)
        .map(|_| {
            once(|| {
                black_box(kindly_core::advice::Companies::from_data(black_box(
                    &loaded.data,
                )));
            })
        })
        .min()
        .unwrap_or_default();
    println!(
        "BENCH store_load_ms {:.2} (1000 people; then the company index {:.2} ms)",
        t_load.as_secs_f64() * 1e3,
        t_index.as_secs_f64() * 1e3
    );

    // Linear time on long notes.
    let sentence = "Hi Ana, we met at the RustConf meetup — {great} talk! SPAM?? ";
    let ctx = ToneContext {
        limit: 300,
        they_wrote_note: true,
        first_name: Some("Ana".into()),
        stranger: false,
        language: "en".into(),
    };
    for size in [10_000usize, 100_000, 1_000_000] {
        let note: String = sentence
            .repeat(size / sentence.len() + 1)
            .chars()
            .take(size)
            .collect();
        let bytes = note.len();
        let mut card = cards.first().cloned().unwrap_or_default();
        card.note = Some(note.clone());
        card.lines.push(note.clone());
        let t_parse = once(|| {
            black_box(parse_card(black_box(&card)));
        });
        let t_suggest = once(|| {
            black_box(suggest(black_box(&card), &data, TODAY));
        });
        let t_tone = once(|| {
            black_box(tone::check(black_box(&note), &ctx));
        });
        let t_template = once(|| {
            let _ = black_box(template::parse(black_box(&note)));
        });
        for (what, t) in [
            ("parse_card", t_parse),
            ("suggest", t_suggest),
            ("tone_check", t_tone),
            ("template_parse", t_template),
        ] {
            println!(
                "BENCH linear {what} {bytes} {:.3} {:.2}",
                t.as_secs_f64() * 1e3,
                t.as_secs_f64() * 1e9 / bytes as f64
            );
        }
    }
}
