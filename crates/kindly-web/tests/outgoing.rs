//! The page adapter for invitations the user sends, run natively over the
//! fixtures: every "Add a note" dialog in `tests/fixtures/note-dialog/`
//! (`note_dialog::find_note_dialogs`, then `kindly_core::dialog`), and
//! every Sent tab among `tests/fixtures/` (`sent_tab::read_sent_tab`, then
//! `kindly_core::sent_tab`), each checked against its sidecar, then read
//! again with the era's hints removed (see `support::without_era_hints`):
//! the same dialogs, steps, names and limits, the same rows and list
//! state, by the generic strategy alone.
#![cfg(test)]

mod support;

use kindly_core::dialog::{self, Recognised, Step};
use kindly_core::Kind;
use kindly_web::markup::DomElement;
use kindly_web::{note_dialog, sent_tab};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use support::{pathname, without_era_hints, ParsedElement};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The `<name>.html` / `<name>.json` pairs in `dir`, by name.
fn pairs(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| {
            let file = e.ok()?.file_name().into_string().ok()?;
            let name = file.strip_suffix(".json")?.to_owned();
            dir.join(format!("{name}.html")).exists().then_some(name)
        })
        .collect();
    names.sort();
    names
}

fn read(dir: &Path, file: &str) -> String {
    std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// A fixture's page as read: as served, or as a redesign might serve it,
/// with none of its era's hints.
fn page(dir: &Path, name: &str, stripped: bool) -> String {
    let html = read(dir, &format!("{name}.html"));
    if !stripped {
        return html;
    }
    let html = without_era_hints(&html);
    for hint in ["<strong", "<button", " aria-label=", " id=\"", " class=\""] {
        assert!(!html.contains(hint), "{name}: {hint} left");
    }
    html
}

fn label(name: &str, stripped: bool) -> String {
    if stripped {
        format!("{name} (no hints)")
    } else {
        name.to_string()
    }
}

fn assert_none(failures: Vec<String>) {
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

// ───────── the "Add a note" dialog ─────────

#[derive(Deserialize)]
struct DialogSidecar {
    url: String,
    lang: String,
    invitee_key: Option<String>,
    dialog: Option<ExpectedDialog>,
}

#[derive(Deserialize, Debug)]
struct ExpectedDialog {
    mount: String,
    step: String,
    recognised: String,
    name: Option<String>,
    first_name: Option<String>,
    limit: Option<usize>,
    email_required: bool,
    notes_left: Option<u32>,
    quota_used_up: bool,
}

/// Where a found dialog sits: in the page's own document, in a shadow root
/// (its top element has no parent element), or in a frame's document.
fn mount_of(found: &ParsedElement<'_>, page_root: &ParsedElement<'_>) -> &'static str {
    let mut top = *found;
    while let Some(parent) = top.parent() {
        top = parent;
    }
    if top == *page_root {
        "document"
    } else if top.tag_name() == "HTML" {
        "frame"
    } else {
        "shadow"
    }
}

/// Checks the dialog fixture `name` as `html` reads; every failure found.
fn check_dialog(name: &str, html: &str, sidecar: &DialogSidecar, stripped: bool) -> Vec<String> {
    let at = label(name, stripped);
    let document = scraper::Html::parse_document(html);
    let root = ParsedElement::new(document.root_element(), &sidecar.url);
    let lang = root.attr("lang").unwrap_or_default();
    let mut failures = Vec::new();
    if !stripped && lang != sidecar.lang {
        failures.push(format!(
            "{at}: <html lang> {lang:?}, the sidecar says {:?}",
            sidecar.lang
        ));
    }
    if dialog::invitee_key(&sidecar.url) != sidecar.invitee_key {
        failures.push(format!(
            "{at}: the invitee's key from the address is {:?}, expected {:?}",
            dialog::invitee_key(&sidecar.url),
            sidecar.invitee_key
        ));
    }
    let found = note_dialog::find_note_dialogs(&root, &lang);
    let Some(want) = &sidecar.dialog else {
        if !found.is_empty() {
            failures.push(format!(
                "{at}: found {} note dialogs where there is none",
                found.len()
            ));
        }
        return failures;
    };
    let [f] = found.as_slice() else {
        failures.push(format!(
            "{at}: found {} note dialogs, expected one",
            found.len()
        ));
        return failures;
    };
    let d = &f.dialog;
    let step = match d.step {
        Step::AskNote => "ask_note",
        Step::Writing => "writing",
    };
    let recognised = match d.recognised {
        Recognised::Words => "words",
        Recognised::Shape => "shape",
    };
    let mut differs = |what: &str, got: String, expected: String| {
        if got != expected {
            failures.push(format!("{at}: {what} is {got}, expected {expected}"));
        }
    };
    differs(
        "the mount",
        mount_of(&f.root, &root).into(),
        want.mount.clone(),
    );
    differs("the step", step.into(), want.step.clone());
    differs("recognised by", recognised.into(), want.recognised.clone());
    differs(
        "the name",
        format!("{:?}", d.name),
        format!("{:?}", want.name),
    );
    differs(
        "the first name",
        format!("{:?}", d.first_name),
        format!("{:?}", want.first_name),
    );
    differs(
        "the limit",
        format!("{:?}", d.limit),
        format!("{:?}", want.limit),
    );
    differs(
        "the email gate",
        d.email_required.to_string(),
        want.email_required.to_string(),
    );
    differs(
        "the notes left",
        format!("{:?}", d.notes_left),
        format!("{:?}", want.notes_left),
    );
    differs(
        "the quota",
        d.quota_used_up.to_string(),
        want.quota_used_up.to_string(),
    );
    // Step two shows the box and LinkedIn's counter; step one neither.
    let writing = d.step == Step::Writing;
    differs(
        "a note box",
        f.note_box.is_some().to_string(),
        writing.to_string(),
    );
    differs(
        "a counter",
        f.counter.is_some().to_string(),
        writing.to_string(),
    );
    if let Some(b) = &f.note_box {
        if !f.root.contains(b) {
            failures.push(format!("{at}: the note box is outside the dialog"));
        }
    }
    // The engine searches only after these cheap checks say yes, at either
    // step (step one's Send sends without a note).
    if !note_dialog::may_bring_dialog(&f.root) {
        failures.push(format!("{at}: the dialog arriving is not noticed"));
    }
    if !note_dialog::scopes(&root)
        .iter()
        .any(note_dialog::may_hold_dialog)
    {
        failures.push(format!("{at}: no scope may hold the dialog"));
    }
    failures
}

fn dialog_dir() -> PathBuf {
    fixtures_dir().join("note-dialog")
}

fn dialog_sidecar(name: &str) -> DialogSidecar {
    serde_json::from_str(&read(&dialog_dir(), &format!("{name}.json")))
        .unwrap_or_else(|e| panic!("{name}: bad sidecar: {e}"))
}

/// Every dialog fixture against its sidecar.
fn dialog_failures(stripped: bool) -> Vec<String> {
    let names = pairs(&dialog_dir());
    assert!(names.len() >= 12, "{names:?}");
    names
        .iter()
        .flat_map(|name| {
            let html = page(&dialog_dir(), name, stripped);
            check_dialog(name, &html, &dialog_sidecar(name), stripped)
        })
        .collect()
}

#[test]
fn every_note_dialog_fixture_reads_as_its_sidecar_says() {
    assert_none(dialog_failures(false));
}

#[test]
fn every_note_dialog_reads_the_same_without_era_hints() {
    assert_none(dialog_failures(true));
}

/// The fixtures cover what the research found: each mount, both steps,
/// the email gate, the four languages, the shape fallback, and a page
/// whose dialogs are not the note dialog.
#[test]
fn the_dialog_fixtures_cover_every_mount_step_and_language() {
    let sidecars: Vec<DialogSidecar> = pairs(&dialog_dir())
        .iter()
        .map(|n| dialog_sidecar(n))
        .collect();
    let dialogs: Vec<&ExpectedDialog> = sidecars.iter().filter_map(|s| s.dialog.as_ref()).collect();
    for mount in ["document", "shadow", "frame"] {
        assert!(dialogs.iter().any(|d| d.mount == mount), "{mount}");
    }
    for step in ["ask_note", "writing"] {
        assert!(dialogs.iter().any(|d| d.step == step), "{step}");
    }
    for lang in ["en", "fr", "de", "es"] {
        assert!(
            sidecars
                .iter()
                .any(|s| s.lang == lang && s.dialog.is_some()),
            "{lang}"
        );
    }
    assert!(dialogs.iter().any(|d| d.email_required));
    assert!(dialogs.iter().any(|d| d.recognised == "shape"));
    assert!(sidecars.iter().any(|s| s.dialog.is_none()));
}

/// On the invitation manager, cards arriving (every era, a long list)
/// bring no dialog and no page there holds a note box: the outgoing side
/// does not search on their account.
#[test]
fn invitation_cards_arriving_start_no_dialog_search() {
    let mut checked = 0;
    for name in [
        "e1-received-en",
        "e2a-received-en",
        "e2b-received-en",
        "e2b-received-de",
        "many-500",
        "append-on-scroll",
    ] {
        let html = read(&fixtures_dir(), &format!("{name}.html"));
        let document = scraper::Html::parse_document(&html);
        let url = "https://www.linkedin.com/mynetwork/invitation-manager/received/";
        let root = ParsedElement::new(document.root_element(), url);
        for card in kindly_web::page::find_cards(&root) {
            assert!(!note_dialog::may_bring_dialog(&card.root), "{name}");
            checked += 1;
        }
        assert!(
            !note_dialog::scopes(&root)
                .iter()
                .any(note_dialog::may_hold_dialog),
            "{name}"
        );
    }
    assert!(checked > 500, "{checked}");
}

/// A dialog the page opens as a note dialog in a language Kindly has no
/// words for, missing any one of the shape's three marks, is not taken
/// for one.
#[test]
fn the_shape_needs_one_box_a_counter_of_200_or_300_and_a_send_control() {
    let dialog = |inner: &str| {
        format!(
            r#"<!doctype html><html lang="sv"><body><main><x-sheet>{inner}</x-sheet></main></body></html>"#
        )
    };
    let count = |html: &str| {
        let document = scraper::Html::parse_document(html);
        let root = ParsedElement::new(document.root_element(), "https://www.linkedin.com/feed/");
        note_dialog::find_note_dialogs(&root, "sv").len()
    };
    let whole = "<textarea></textarea><span>0/200</span><button>Skicka</button>";
    assert_eq!(count(&dialog(whole)), 1);
    assert_eq!(
        count(&dialog(
            "<textarea></textarea><span>0/200</span><button disabled>Ok</button>"
        )),
        1
    );
    for (what, inner) in [
        ("no counter", "<textarea></textarea><button>Skicka</button>"),
        (
            "another counter",
            "<textarea></textarea><span>0/500</span><button>Skicka</button>",
        ),
        (
            "no send control",
            "<textarea></textarea><span>0/200</span><button>Avbryt</button>",
        ),
        (
            "two boxes",
            "<textarea></textarea><textarea></textarea><span>0/200</span><button>Skicka</button>",
        ),
    ] {
        assert_eq!(count(&dialog(inner)), 0, "{what}");
    }
}

// ───────── the Sent tab ─────────

#[derive(Deserialize)]
struct SentSidecar {
    url: String,
    lang: String,
    #[serde(default)]
    sent: Option<Vec<ExpectedRow>>,
    #[serde(default)]
    sent_list: Option<ExpectedList>,
}

#[derive(Deserialize)]
struct ExpectedRow {
    key: String,
    kind: String,
    name: Option<String>,
    first_name: Option<String>,
    age_days: Option<u32>,
}

#[derive(Deserialize)]
struct ExpectedList {
    complete: bool,
    count: Option<u32>,
}

/// The Sent tabs among the fixtures: those whose sidecar lists rows.
fn sent_fixtures() -> Vec<(String, SentSidecar)> {
    pairs(&fixtures_dir())
        .into_iter()
        .filter_map(|name| {
            let sidecar: SentSidecar =
                serde_json::from_str(&read(&fixtures_dir(), &format!("{name}.json"))).ok()?;
            sidecar.sent.is_some().then_some((name, sidecar))
        })
        .collect()
}

fn check_sent(name: &str, html: &str, sidecar: &SentSidecar, stripped: bool) -> Vec<String> {
    let at = label(name, stripped);
    let document = scraper::Html::parse_document(html);
    let root = ParsedElement::new(document.root_element(), &sidecar.url);
    let lang = root.attr("lang").unwrap_or_default();
    let scope = root.select_first("main").unwrap_or(root);
    let path = pathname(&sidecar.url, &sidecar.url);
    let (rows, state) = sent_tab::read_sent_tab(&scope, &lang, &path);
    let mut failures = Vec::new();
    if !stripped && lang != sidecar.lang {
        failures.push(format!(
            "{at}: <html lang> {lang:?}, the sidecar says {:?}",
            sidecar.lang
        ));
    }
    let expected = sidecar.sent.as_deref().unwrap_or_default();
    if rows.len() != expected.len() {
        let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
        failures.push(format!(
            "{at}: {} rows found ({keys:?}), {} expected",
            rows.len(),
            expected.len()
        ));
    }
    for (i, (row, want)) in rows.iter().zip(expected).enumerate() {
        let kind = if row.kind == Kind::Person {
            "person"
        } else {
            row.kind.as_str()
        };
        let got = (
            row.key.as_str(),
            kind,
            &row.name,
            &row.first_name,
            row.age_days,
        );
        let wanted = (
            want.key.as_str(),
            want.kind.as_str(),
            &want.name,
            &want.first_name,
            want.age_days,
        );
        if got != wanted {
            failures.push(format!("{at} row {i}: {got:?}, expected {wanted:?}"));
        }
    }
    if let Some(list) = &sidecar.sent_list {
        if (state.complete, state.count) != (list.complete, list.count) {
            failures.push(format!(
                "{at}: the list is complete: {}, count {:?}; expected {}, {:?}",
                state.complete, state.count, list.complete, list.count
            ));
        }
        if !state.of_people {
            failures.push(format!("{at}: not read as the people list"));
        }
    }
    failures
}

/// Every Sent tab fixture against its sidecar.
fn sent_failures(stripped: bool) -> Vec<String> {
    let fixtures = sent_fixtures();
    assert!(fixtures.len() >= 6, "{}", fixtures.len());
    fixtures
        .iter()
        .flat_map(|(name, sidecar)| {
            check_sent(
                name,
                &page(&fixtures_dir(), name, stripped),
                sidecar,
                stripped,
            )
        })
        .collect()
}

#[test]
fn every_sent_tab_reads_as_its_sidecar_says() {
    assert_none(sent_failures(false));
}

#[test]
fn every_sent_tab_reads_the_same_without_era_hints() {
    assert_none(sent_failures(true));
}

/// A Sent list of pages (`/sent/ORGANIZATION/`) never says a person's
/// invitation is no longer pending.
#[test]
fn a_list_of_pages_is_not_the_people_list() {
    let (name, sidecar) = sent_fixtures()
        .into_iter()
        .find(|(n, _)| n == "sent-tab-fr")
        .unwrap();
    let html = read(&fixtures_dir(), &format!("{name}.html"));
    let document = scraper::Html::parse_document(&html);
    let root = ParsedElement::new(document.root_element(), &sidecar.url);
    let main = root.select_first("main").unwrap();
    let (_, state) = sent_tab::read_sent_tab(
        &main,
        "fr",
        "/mynetwork/invitation-manager/sent/ORGANIZATION/",
    );
    assert!(!state.of_people && !state.complete);
}
