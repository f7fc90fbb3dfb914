//! The page adapter (`page::find_cards` + `page::card_text_of`) run natively
//! over the HTML fixtures in `tests/fixtures/`, checked against each
//! fixture's sidecar `<name>.json` the way `tests/e2e/fixtures.test.mjs`
//! checks the panels in Chromium: one card per invitation, in order, each of
//! the right kind and key, and a person's first reply greeting them by the
//! right first name. Here it takes milliseconds and no browser.
//!
//! What this covers and what it does not:
//! - Every fixture's markup is static HTML (`many-500` is generated, but
//!   committed as static HTML). The pages' scripts render nothing at load:
//!   they only define `window.fixture.step` and attach an empty shadow root.
//!   So the page as parsed here is the page Kindly first sees.
//! - Steps (`append`, `rerender`, `scroll`, `go-invitations` …) run the
//!   page's script later and are left to the browser tests. The markup they
//!   insert sits in `<template>`s, whose content is not part of the document
//!   here either (see `support`), so it cannot leak into the count.
//! - Off the Received tab (`sent-tab`, and `pushstate`, which starts on
//!   `/mynetwork/`) the content script never searches the page: the sidecar
//!   must then list no card. The adapter is still run there, and must find
//!   nothing by structure alone.
//! - The day is today's, as in the browser.
#![cfg(test)]

mod support;

use kindly_core::route::{classify, Route};
use kindly_core::{store, Kind};
use kindly_web::markup::DomElement;
use kindly_web::page;
use serde::Deserialize;
use std::path::PathBuf;
use support::{pathname, today, without_era_hints, ParsedElement, RECEIVED};

#[derive(Deserialize)]
struct Sidecar {
    url: String,
    lang: String,
    cards: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    kind: String,
    key: Option<String>,
    first_name: Option<String>,
    has_note: Option<bool>,
    /// Checked where a sidecar states it.
    headline: Option<String>,
}

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// JavaScript's `\s` (with the `u` flag), for the placeholder check.
fn js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// `/[{}]|Hi ,|\s,/u` from the browser test: a placeholder left unfilled.
fn unfilled_placeholder(reply: &str) -> bool {
    reply.contains(['{', '}'])
        || reply.contains("Hi ,")
        || reply
            .chars()
            .zip(reply.chars().skip(1))
            .any(|(a, b)| js_space(a) && b == ',')
}

/// The content script's whole-page search.
fn search_page<'a>(
    root: &ParsedElement<'a>,
    body: ParsedElement<'a>,
) -> Vec<page::Card<ParsedElement<'a>>> {
    page::CardFinder::for_page(root.select_first("main").as_ref(), body).collect()
}

/// A redesign that renders the list outside `main` (a portal, a dialog):
/// `main` holds no card, so the whole body is searched.
#[test]
fn cards_outside_main_are_found() {
    let html = r#"<!doctype html><html lang="en"><body>
        <header><nav><a href="/feed/">Home</a></nav></header>
        <main><h1>Manage invitations</h1><p>Loading…</p></main>
        <div id="portal"><ul>
          <li><a href="/in/riley-park-3c4d5e/"><strong>Riley Park</strong></a><p>Engineer at Contoso</p>
            <button aria-label="Ignore an invitation to connect from Riley Park">Ignore</button>
            <button aria-label="Accept Riley Park’s invitation">Accept</button></li>
          <li><a href="/in/sam-ortiz-1a2b3c/"><strong>Sam Ortiz</strong></a><p>Designer</p>
            <button aria-label="Connect with Sam Ortiz">Connect</button>
            <button aria-label="Dismiss">Dismiss</button></li>
        </ul></div></body></html>"#;
    let document = scraper::Html::parse_document(html);
    let root = ParsedElement::new(document.root_element(), RECEIVED);
    let main = root.select_first("main").expect("main");
    assert!(page::find_cards(&main).is_empty(), "nothing in main");
    let body = root.select_first("body").expect("body");
    let found = search_page(&root, body);
    let keys: Vec<String> = found
        .iter()
        .map(|c| kindly_core::parse_card(&page::card_text_for(c, "en".into())).key)
        .collect();
    assert_eq!(keys, vec!["riley-park-3c4d5e".to_string()]);
}

/// Pages in languages Kindly has no control words for (Thai, Hebrew,
/// Greek), found by shape: the keys of the cards found, in order, by the
/// whole-page search and by the search of nodes the page adds.
#[test]
fn unknown_words_are_found_by_shape() {
    let row = |slug: &str, name: &str, ignore: &str, accept: &str| {
        format!(
            r#"<div role="listitem"><a href="/in/{slug}/"><strong>{name}</strong></a><p>…</p>
               <div><div><button aria-label="{ignore} {name}">{ignore}</button></div>
               <div><button aria-label="{accept} {name}">{accept}</button></div></div></div>"#
        )
    };
    let suggestion = r#"<div><a href="/in/sam-ortiz-1a2b3c/"><strong>Sam Ortiz</strong></a>
        <button aria-label="เชื่อมต่อ Sam Ortiz">เชื่อมต่อ</button>
        <button aria-label="ปิด Sam Ortiz"><svg><path d="M0 0"/></svg></button></div>"#;
    let cases: Vec<(&str, String, Vec<&str>)> = vec![
        (
            "Thai, with a suggestion (its dismiss is an icon) between the cards",
            format!(
                "{}{suggestion}{}",
                row("riley-park-3c4d5e", "Riley Park", "ละเว้น", "ตอบรับ"),
                row("ana-silva-9f8e7d", "Ana Silva", "ละเว้น", "ตอบรับ"),
            ),
            vec!["riley-park-3c4d5e", "ana-silva-9f8e7d"],
        ),
        (
            "Accept in words Kindly knows, Ignore in words it does not",
            row("riley-park-3c4d5e", "Riley Park", "Omitir", "Aceptar"),
            vec!["riley-park-3c4d5e"],
        ),
        (
            "a badge after the name in the link, not in the labels",
            r#"<div role="listitem"><a href="/in/riley-park-3c4d5e/"><strong>Riley Park <span>Premium</span></strong></a>
               <div><div><button aria-label="Αγνόηση Riley Park">Αγνόηση</button></div>
               <div><button aria-label="Αποδοχή Riley Park">Αποδοχή</button></div></div></div>"#
                .to_string(),
            vec!["riley-park-3c4d5e"],
        ),
        (
            "labels naming someone else than the row's link: not a pair",
            row("riley-park-3c4d5e", "Riley Park", "ละเว้น", "ตอบรับ")
                .replace("aria-label=\"ตอบรับ Riley Park\"", "aria-label=\"ตอบรับ Sam Ortiz\""),
            vec![],
        ),
        (
            "E2a's language-free marks, Hebrew labels without names",
            r#"<div role="listitem"><a href="/in/dana-levi-5a6b7c/"><strong>Dana Levi</strong></a>
               <div data-view-name="invitation-action"><button>התעלם</button></div>
               <div data-view-name="invitation-action"><button>קבל</button></div></div>"#
                .to_string(),
            vec!["dana-levi-5a6b7c"],
        ),
        (
            "E1's action buttons",
            r#"<ul><li class="invitation-card"><a href="/in/dana-levi-5a6b7c/"><span class="invitation-card__title">Dana Levi</span></a>
               <button class="invitation-card__action-btn artdeco-button--muted">התעלם</button>
               <button class="invitation-card__action-btn artdeco-button--secondary">קבל</button></li></ul>"#
                .to_string(),
            vec!["dana-levi-5a6b7c"],
        ),
    ];
    for (what, cards, expected) in cases {
        let html = format!(
            r#"<!doctype html><html lang="xx"><body><main><div id="list">{cards}</div></main></body></html>"#
        );
        let document = scraper::Html::parse_document(&html);
        let root = ParsedElement::new(document.root_element(), RECEIVED);
        let body = root.select_first("body").expect("body");
        let list = root.select_first("#list").expect("list");
        let keys = |found: Vec<page::Card<ParsedElement>>| -> Vec<String> {
            found
                .iter()
                .map(|c| kindly_core::parse_card(&page::card_text_for(c, String::new())).key)
                .collect()
        };
        assert_eq!(keys(search_page(&root, body)), expected, "{what}: the page");
        let added = page::find_cards_in(&[list]).expect("a known boundary");
        assert_eq!(keys(added), expected, "{what}: added nodes");
    }
}

/// A known card boundary that holds two invitations is no card: the cards
/// the page adds there cannot be told apart, and the page is searched.
#[test]
fn added_nodes_with_two_cards_in_one_boundary_call_for_a_page_search() {
    let row = |slug: &str, name: &str| {
        format!(
            r#"<div><a href="/in/{slug}/"><strong>{name}</strong></a>
               <button aria-label="Ignore an invitation to connect from {name}">Ignore</button>
               <button aria-label="Accept {name}’s invitation">Accept</button></div>"#
        )
    };
    let html = format!(
        r#"<!doctype html><html lang="en"><body><main><ul id="list"><li id="both">{}{}</li></ul></main></body></html>"#,
        row("riley-park-3c4d5e", "Riley Park"),
        row("ana-silva-9f8e7d", "Ana Silva"),
    );
    let document = scraper::Html::parse_document(&html);
    let root = ParsedElement::new(document.root_element(), RECEIVED);
    for id in ["#both", "#list"] {
        let added = root.select_first(id).expect(id);
        assert!(
            page::find_cards_in(&[added]).is_none(),
            "{id}: two cards in one boundary"
        );
    }
}

/// Checks one fixture; returns how many cards were checked, or every
/// failure found (each naming the fixture and the card).
fn check_fixture(name: &str) -> Result<usize, Vec<String>> {
    check_page(name, &read_fixture(name), true)
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(format!("{name}.html")))
        .unwrap_or_else(|e| panic!("{name}: cannot read the fixture: {e}"))
}

/// Checks `html` against the sidecar of the fixture `name`, and its
/// `<html lang>` against the sidecar's when `same_lang`.
fn check_page(name: &str, html: &str, same_lang: bool) -> Result<usize, Vec<String>> {
    let dir = fixtures_dir();
    let sidecar: Sidecar = serde_json::from_str(
        &std::fs::read_to_string(dir.join(format!("{name}.json")))
            .unwrap_or_else(|e| panic!("{name}: cannot read the sidecar: {e}")),
    )
    .unwrap_or_else(|e| panic!("{name}: bad sidecar: {e}"));

    let document = scraper::Html::parse_document(html);
    let root = ParsedElement::new(document.root_element(), &sidecar.url);
    // The content script's search: `main`, and the body if `main` holds
    // no card (or the body alone without a `main`).
    let body = root
        .select_first("body")
        .unwrap_or_else(|| panic!("{name}: no body"));
    let lang = root.attr("lang").unwrap_or_default();

    let mut failures = Vec::new();
    if same_lang && lang != sidecar.lang {
        failures.push(format!(
            "{name}: <html lang> is {lang:?}, the sidecar says {:?}",
            sidecar.lang
        ));
    }
    let found = search_page(&root, body);
    // The content script searches in steps of a few controls, across
    // slices: the same cards, in the same order.
    let mut stepped = Vec::new();
    let mut finder = page::CardFinder::for_page(root.select_first("main").as_ref(), body);
    let mut pending = 0;
    loop {
        match finder.step(3) {
            page::Step::Card(card) => stepped.push(card.root),
            page::Step::Pending => pending += 1,
            page::Step::Done => break,
        }
    }
    if stepped != found.iter().map(|c| c.root).collect::<Vec<_>>() {
        failures.push(format!("{name}: a search in steps finds other cards"));
    }
    if pending == 0 {
        failures.push(format!(
            "{name}: a search in steps of 3 controls never paused"
        ));
    }
    let route = classify(&pathname(&sidecar.url, &sidecar.url));
    if route != Route::Received {
        // The browser shows no panel here whatever the markup holds.
        if !sidecar.cards.is_empty() {
            failures.push(format!(
                "{name}: the sidecar lists {} cards on a {route:?} page, where Kindly shows none",
                sidecar.cards.len()
            ));
        }
        if !found.is_empty() {
            failures.push(format!(
                "{name}: found {} cards on a {route:?} page (routing hides them in the browser)",
                found.len()
            ));
        }
        return if failures.is_empty() {
            Ok(0)
        } else {
            Err(failures)
        };
    }

    let data = store::new_user_data();
    let today = today();
    let models: Vec<_> = found
        .iter()
        .enumerate()
        .map(|(index, card)| {
            let text = page::card_text_for(card, lang.clone());
            // A card the page adds later is found from itself alone, with
            // the same texts (or not at all: then the page is searched).
            let alone = page::find_cards_in(std::slice::from_ref(&card.root));
            let agrees = match alone.as_deref() {
                None => true,
                Some([again]) => {
                    again.root == card.root && page::card_text_for(again, lang.clone()) == text
                }
                Some(_) => false,
            };
            if !agrees {
                failures.push(format!("{name}: a card found alone is read differently"));
            }
            // Added inside a wrapper (with whatever else the wrapper holds),
            // it is found with the same texts too. (The first cards only: a
            // wrapper may be the whole list.)
            if let Some(wrapper) = card.root.parent().filter(|_| index < 12) {
                let again = page::find_cards_in(std::slice::from_ref(&wrapper));
                let agrees = again.as_deref().is_none_or(|cards| {
                    cards.iter().any(|again| {
                        again.root == card.root && page::card_text_for(again, lang.clone()) == text
                    })
                });
                if !agrees {
                    failures.push(format!(
                        "{name}: a card found from its wrapper is missed or read differently"
                    ));
                }
            }
            // The browser reads a card from a copy made in one call (the
            // copy `snapshot::encode` describes): the same texts.
            let copied = kindly_web::snapshot::read_with(card, lang.clone(), |root, marks| {
                Some(kindly_web::snapshot::encode(
                    root,
                    &page::READ_SELECTORS,
                    page::READ_ATTRIBUTE,
                    marks,
                ))
            });
            if copied != text {
                failures.push(format!(
                    "{name}: card {index} read from its copy differs: {copied:?} vs {text:?}"
                ));
            }
            // The search hands over the control labels it read; reading the
            // card afresh must give the same texts.
            if text != page::card_text_of(&card.root, lang.clone()) {
                failures.push(format!(
                    "{name}: the search's labels differ from the card's"
                ));
            }
            kindly_core::suggest(&text, &data, today)
        })
        .collect();
    if models.len() != sidecar.cards.len() {
        let keys: Vec<&str> = models.iter().map(|m| m.key.as_str()).collect();
        failures.push(format!(
            "{name}: one card per invitation: found {}, the sidecar lists {} (found keys: {keys:?})",
            models.len(),
            sidecar.cards.len()
        ));
    }
    for (index, (card, model)) in sidecar.cards.iter().zip(&models).enumerate() {
        let label = card.key.as_deref().unwrap_or(&card.kind);
        let at = format!("{name} card {index} ({label})");
        if model.kind.as_str() != card.kind {
            failures.push(format!(
                "{at}: kind is {:?}, expected {:?}",
                model.kind.as_str(),
                card.kind
            ));
        }
        if let Some(key) = &card.key {
            if &model.key != key {
                failures.push(format!("{at}: key is {:?}, expected {key:?}", model.key));
            }
        }
        if model.reasons.is_empty() {
            failures.push(format!("{at}: no reasons"));
        }
        if let Some(has_note) = card.has_note {
            if model.invitation.note.is_some() != has_note {
                failures.push(format!(
                    "{at}: note read: {}, the sidecar says {has_note}",
                    model.invitation.note.is_some()
                ));
            }
        }
        // LinkedIn shows Reply under a note, and only there: a card without
        // one offers none; the current markup's fixtures draw it, and it
        // must be read there.
        if card.kind == Kind::Person.as_str() {
            let can_reply = model.invitation.can_reply;
            let shows_reply = name.starts_with("e2b-received-");
            match card.has_note {
                Some(false) if can_reply != Some(false) => {
                    failures.push(format!("{at}: no note, yet a Reply ({can_reply:?})"))
                }
                Some(true)
                    if can_reply == Some(false) || (shows_reply && can_reply != Some(true)) =>
                {
                    failures.push(format!(
                        "{at}: a note, and its Reply not read ({can_reply:?})"
                    ))
                }
                _ => {}
            }
        }
        if card.headline.is_some() && model.invitation.headline != card.headline {
            failures.push(format!(
                "{at}: headline {:?}, expected {:?}",
                model.invitation.headline, card.headline
            ));
        }
        let first = model.suggestions.first().map(|s| s.text.as_str());
        if card.kind == Kind::Person.as_str() {
            if let Some(first) = first {
                if let Some(first_name) = &card.first_name {
                    if !first.contains(first_name.as_str()) {
                        let start: String = first.chars().take(80).collect();
                        failures.push(format!("{at}: first reply greets {first_name}: {start}"));
                    }
                }
                if unfilled_placeholder(first) {
                    failures.push(format!("{at}: unfilled placeholder in {first:?}"));
                }
            }
        } else if !model.suggestions.is_empty() {
            failures.push(format!(
                "{at}: {} person replies on a {} invitation",
                model.suggestions.len(),
                card.kind
            ));
        }
    }
    if failures.is_empty() {
        Ok(models.len())
    } else {
        Err(failures)
    }
}

fn run(name: &str) {
    match check_fixture(name) {
        Ok(cards) => println!("{name}: {cards} cards checked"),
        Err(failures) => panic!("{}", failures.join("\n")),
    }
}

/// One test per fixture, so a run names the fixture that fails.
macro_rules! fixtures {
    ($($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                run($name);
            }
        )*
        const FIXTURES: &[&str] = &[$($name),*];
    };
}

fixtures! {
    append_on_scroll => "append-on-scroll",
    badges_names => "badges-names",
    cjk_language => "cjk-language",
    e1_received_en => "e1-received-en",
    e2a_received_en => "e2a-received-en",
    e2b_received_de => "e2b-received-de",
    e2b_received_en => "e2b-received-en",
    e2b_received_es => "e2b-received-es",
    e2b_received_fr => "e2b-received-fr",
    empty => "empty",
    future_markup => "future-markup",
    hostile => "hostile",
    many_500 => "many-500",
    non_person => "non-person",
    pushstate => "pushstate",
    rerender => "rerender",
    sent_tab => "sent-tab",
    sent_tab_2026_en => "sent-tab-2026-en",
    sent_tab_de => "sent-tab-de",
    sent_tab_e1_en => "sent-tab-e1-en",
    sent_tab_es => "sent-tab-es",
    sent_tab_fr => "sent-tab-fr",
    unknown_language => "unknown-language",
    unlisted_language => "unlisted-language",
    virtualized => "virtualized",
}

/// Found by shape alone (no known words), which needs the controls'
/// labels: read without hints, it must find nothing rather than guess.
const NEEDS_LABELS: &[&str] = &["unlisted-language"];

/// Every fixture read again with its era's hints removed: the same cards,
/// kinds, keys, notes and first names, by the generic strategy alone.
#[test]
fn every_fixture_reads_the_same_without_era_hints() {
    let failures: Vec<String> = FIXTURES
        .iter()
        .filter(|name| !NEEDS_LABELS.contains(name))
        .filter_map(|name| {
            let html = without_era_hints(&read_fixture(name));
            for hint in [
                "<strong",
                "<li ",
                "<li>",
                "<button",
                " aria-label=",
                " role=\"listitem",
            ] {
                assert!(!html.contains(hint), "{name}: {hint} left");
            }
            check_page(name, &html, false).err()
        })
        .flatten()
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Without words Kindly knows and without labels, two controls showing
/// words are all a row has, and a suggestion's Connect and Dismiss look the
/// same as Accept and Ignore: Kindly finds no card rather than guess.
#[test]
fn without_words_or_labels_nothing_is_guessed() {
    for name in NEEDS_LABELS {
        let html = without_era_hints(&read_fixture(name));
        let document = scraper::Html::parse_document(&html);
        let root = ParsedElement::new(document.root_element(), RECEIVED);
        let body = root.select_first("body").expect("body");
        assert_eq!(search_page(&root, body).len(), 0, "{name}");
    }
}

/// A fixture added with a sidecar but not to the list above would go
/// unchecked: fail instead.
#[test]
fn every_fixture_with_a_sidecar_is_checked() {
    let mut on_disk: Vec<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures")
        .filter_map(|entry| {
            let file = entry.ok()?.file_name().into_string().ok()?;
            let name = file.strip_suffix(".json")?.to_owned();
            fixtures_dir()
                .join(format!("{name}.html"))
                .exists()
                .then_some(name)
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        listed, on_disk,
        "fixtures with a sidecar vs. the list in this file"
    );
}

/// The native `pathname` must agree with the browser's. The expected values
/// are what Chromium's `HTMLAnchorElement.pathname` gave for each `href` on
/// a page at this URL.
#[test]
fn pathname_matches_the_browser() {
    let page = "https://www.linkedin.com/mynetwork/invitation-manager/";
    let cases = [
        ("/in/avery-quinn-0a1b2c/", "/in/avery-quinn-0a1b2c/"),
        (
            "https://www.linkedin.com/in/avery-quinn-0a1b2c/?mini=true#x",
            "/in/avery-quinn-0a1b2c/",
        ),
        ("//www.linkedin.com/company/fabrikam", "/company/fabrikam"),
        ("#", "/mynetwork/invitation-manager/"),
        ("", "/mynetwork/invitation-manager/"),
        ("?q=1", "/mynetwork/invitation-manager/"),
        ("sent/", "/mynetwork/invitation-manager/sent/"),
        ("../feed/", "/mynetwork/feed/"),
        ("/in/./a/../b", "/in/b"),
        ("/in/jürgen-weiß/", "/in/j%C3%BCrgen-wei%C3%9F/"),
        ("/in/j%C3%BCrgen/", "/in/j%C3%BCrgen/"),
        ("/a b\"<>`{}", "/a%20b%22%3C%3E%60%7B%7D"),
        ("/a^|b", "/a%5E%7Cb"),
        ("/x/%2e%2E/y", "/y"),
        (" /t\tab\n/ ", "/tab/"),
        ("https://www.linkedin.com", "/"),
        ("\\in\\x", "/in/x"),
        ("javascript:alert(2)", "alert(2)"),
        ("mailto:a@example.com", "a@example.com"),
    ];
    for (href, want) in cases {
        assert_eq!(pathname(href, page), want, "{href}");
    }
}
