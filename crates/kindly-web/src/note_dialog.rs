//! The page adapter for LinkedIn's "Add a note" dialog: finds it wherever
//! it mounts and pulls out its plain texts for `kindly_core::dialog` to
//! understand. Nothing here decides what a dialog is.
//!
//! Where it mounts (each era seen): in the document (`#artdeco-modal-outlet`
//! in the Ember era), in the **open shadow root** of `#interop-outlet` (the
//! 2025–26 redesign), sometimes in a same-origin frame. So the search runs
//! over [`scopes`]: the document, the open shadow roots of its outlets and
//! of the elements near `body`, and same-origin frames.
//!
//! What is a dialog: an element with `role="dialog"` or `"alertdialog"`, a
//! `<dialog open>`, or `aria-modal="true"` (sources missed each of these in
//! turn); and, for markup that has none of them, the region around a lone
//! multi-line text box that also holds a counter and a control (the
//! generic fallback; the engine then asks for a counter of 200 or 300).

use crate::markup::{Child, DomElement};
use crate::page::{self, control_label, name_text, CONTROLS, PAGE_CHROME};
use kindly_core::dialog::{self, DialogText, NoteDialog};

/// Elements that are a dialog's root.
macro_rules! dialog_roots {
    () => {
        "[role=\"dialog\"], [role=\"alertdialog\"], dialog[open], [aria-modal=\"true\"]"
    };
}
const DIALOG_ROOTS: &str = dialog_roots!();

/// Multi-line text boxes: where a note is written. Single-line inputs are
/// not (the email gate's field is one).
macro_rules! note_boxes {
    () => {
        "textarea, [contenteditable=\"true\"], [contenteditable=\"\"], \
         [contenteditable=\"plaintext-only\"], [role=\"textbox\"][aria-multiline=\"true\"]"
    };
}
const NOTE_BOXES: &str = note_boxes!();

/// Where LinkedIn's overlays live: hosts of open shadow roots known by
/// their id or test id.
macro_rules! shadow_hosts {
    () => {
        "#interop-outlet, [data-testid=\"interop-shadowdom\"]"
    };
}
const SHADOW_HOSTS: &str = shadow_hosts!();

const HEADINGS: &str = "h1, h2, h3, h4, [role=\"heading\"]";

/// Elements that may hold a character counter ("0/200").
const COUNTER_HOLDERS: &str = "[aria-live], span, p, div, small, output";

/// How far up from a lone text box the generic fallback looks for the
/// region holding its counter and controls.
const REGION_DEPTH: usize = 6;

/// How deep shadow roots and frames are followed inside each other.
const NESTING: usize = 3;

/// A dialog of the connect flow, found.
pub struct FoundDialog<E> {
    /// The dialog's root element.
    pub root: E,
    /// Where the note is written (step two), if shown.
    pub note_box: Option<E>,
    /// LinkedIn's character counter, if shown.
    pub counter: Option<E>,
    /// What the engine read: the step, the invitee, the limit.
    pub dialog: NoteDialog,
}

/// Every place a dialog may be: `root` (a document's root element), the
/// open shadow roots of the outlets and of the elements near `body` (each
/// as its top elements), and same-origin frames' documents, followed a few
/// levels deep.
pub fn scopes<E: DomElement>(root: &E) -> Vec<E> {
    let mut out = vec![root.clone()];
    let mut next = 0;
    let mut depth_of = vec![0usize];
    while let Some(scope) = out.get(next).cloned() {
        let depth = depth_of.get(next).copied().unwrap_or(NESTING);
        next += 1;
        if depth >= NESTING {
            continue;
        }
        let mut hosts = self_and_below(&scope, SHADOW_HOSTS);
        if let Some(body) = scope.select_first("body") {
            // Overlays are mounted near `body`: its children and theirs.
            for child in element_children(&body) {
                hosts.extend(element_children(&child));
                hosts.push(child);
            }
        }
        // Kindly's own panels are closed roots: `shadow_children` sees
        // nothing of them, so they need no test here.
        let mut found: Vec<E> = Vec::new();
        for host in hosts {
            for child in host.shadow_children() {
                if !found.contains(&child) {
                    found.push(child);
                }
            }
        }
        found.extend(
            self_and_below(&scope, "iframe")
                .iter()
                .filter_map(DomElement::frame_root),
        );
        for f in found {
            if !out.contains(&f) {
                out.push(f);
                depth_of.push(depth + 1);
            }
        }
    }
    out
}

fn element_children<E: DomElement>(element: &E) -> Vec<E> {
    element
        .children()
        .into_iter()
        .filter_map(|c| match c {
            Child::Element(e) => Some(e),
            Child::Text(_) => None,
        })
        .collect()
}

/// `scope` itself when it matches `selector`, then its descendants that do
/// (a shadow root's top element is a scope, and may be the dialog).
fn self_and_below<E: DomElement>(scope: &E, selector: &str) -> Vec<E> {
    let mut out = Vec::new();
    if scope.matches(selector) {
        out.push(scope.clone());
    }
    out.extend(scope.select_all(selector));
    out
}

/// Every dialog of the connect flow under `root` (a document's root
/// element) and in the places [`scopes`] lists, on a page in `lang` (its
/// `<html lang>`).
pub fn find_note_dialogs<E: DomElement>(root: &E, lang: &str) -> Vec<FoundDialog<E>> {
    find_note_dialogs_in(&scopes(root), lang)
}

/// What a change must bring for a dialog to have opened: a note box, a
/// dialog root, or a place one mounts in (a frame, an outlet's shadow
/// host).
const ARRIVALS: &str = concat!(
    note_boxes!(),
    ", iframe, ",
    shadow_hosts!(),
    ", ",
    dialog_roots!()
);

/// Whether `added` (an element the page just inserted) may have brought a
/// note dialog: it is or holds a note box, a dialog, a frame or an outlet, or it sits
/// where overlays mount (a child or grandchild of `body`, where [`scopes`]
/// looks for shadow roots). Costs a subtree's `querySelector`, never the
/// whole page's: most changes (a page of cards growing) are not a dialog.
pub fn may_bring_dialog<E: DomElement>(added: &E) -> bool {
    let near_body = added.parent().is_some_and(|parent| {
        parent.matches("body") || parent.parent().is_some_and(|p| p.matches("body"))
    });
    near_body || added.matches(ARRIVALS) || added.select_first(ARRIVALS).is_some()
}

/// Whether `scope` (one of [`scopes`]) may hold a note dialog: a dialog
/// root, or a box whose small region holds a counter and a control (the
/// generic fallback's own test). Never false where [`find_note_dialogs`]
/// would find one, and two queries where there is none: the full search
/// reads every dialog's texts.
pub fn may_hold_dialog<E: DomElement>(scope: &E) -> bool {
    scope.matches(DIALOG_ROOTS)
        || scope.select_first(DIALOG_ROOTS).is_some()
        || self_and_below(scope, NOTE_BOXES)
            .iter()
            .any(|b| region_of(b).is_some())
}

/// [`find_note_dialogs`] in scopes already listed.
pub fn find_note_dialogs_in<E: DomElement>(scopes: &[E], lang: &str) -> Vec<FoundDialog<E>> {
    let mut out = Vec::new();
    for scope in scopes {
        let mut roots: Vec<E> = Vec::new();
        for candidate in self_and_below(scope, DIALOG_ROOTS) {
            let hidden = candidate.attr("aria-hidden").as_deref() == Some("true")
                || candidate.has_attr("hidden");
            // The outermost of nested roots ("aria-modal" inside a dialog).
            let nested = roots.iter().any(|r| r.contains(&candidate));
            if !hidden && !nested {
                roots.push(candidate);
            }
        }
        // Markup with no dialog role: the region around a lone text box.
        for note_box in self_and_below(scope, NOTE_BOXES) {
            if roots.iter().any(|r| r.contains(&note_box)) {
                continue;
            }
            if let Some(region) = region_of(&note_box) {
                if !roots
                    .iter()
                    .any(|r| r.contains(&region) || region.contains(r))
                {
                    roots.push(region);
                }
            }
        }
        for root in roots {
            let (text, note_box, counter) = dialog_text(&root, scope, lang);
            if let Some(dialog) = dialog::read_dialog(&text) {
                out.push(FoundDialog {
                    root,
                    note_box,
                    counter,
                    dialog,
                });
            }
        }
    }
    out
}

/// The nearest ancestor of a text box that also holds a counter and a
/// control, a few levels up at most, never page chrome.
fn region_of<E: DomElement>(note_box: &E) -> Option<E> {
    let mut current = note_box.parent();
    for _ in 0..REGION_DEPTH {
        let element = current?;
        if element.matches(PAGE_CHROME) || element.matches("body, html") {
            return None;
        }
        if counter_in(&element).is_some() && element.select_first(CONTROLS).is_some() {
            return Some(element);
        }
        current = element.parent();
    }
    None
}

/// The innermost element under `root` whose text reads as a character
/// counter, with that text.
fn counter_in<E: DomElement>(root: &E) -> Option<(E, String)> {
    let mut found: Option<(E, String)> = None;
    for element in root.select_all(COUNTER_HOLDERS) {
        let text = element.text_content();
        if dialog::counter(&text).is_none() {
            continue;
        }
        // Document order: a wrapper comes before the element it wraps.
        if found
            .as_ref()
            .is_none_or(|(outer, _)| outer.contains(&element))
        {
            found = Some((element, text.trim().to_string()));
        }
    }
    found
}

/// The texts of the elements named by an `aria-labelledby` /
/// `aria-describedby` value (ids separated by spaces), looked up in the
/// dialog, then in the rest of its scope.
fn texts_by_ids<E: DomElement>(ids: Option<String>, root: &E, scope: &E) -> Vec<String> {
    ids.unwrap_or_default()
        .split_whitespace()
        .filter(|id| !id.contains(['"', '\\']))
        .filter_map(|id| {
            let selector = format!("[id=\"{id}\"]");
            root.select_first(&selector)
                .or_else(|| self_and_below(scope, &selector).into_iter().next())
                .map(|e| name_text(&e))
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Pulls a dialog's texts, with its note box and counter.
fn dialog_text<E: DomElement>(
    root: &E,
    scope: &E,
    lang: &str,
) -> (DialogText, Option<E>, Option<E>) {
    let boxes = self_and_below(root, NOTE_BOXES);
    let note_box = boxes.first().cloned();
    let mut box_labels: Vec<String> = Vec::new();
    if let Some(b) = &note_box {
        box_labels.extend(b.attr("aria-label"));
        box_labels.extend(b.attr("placeholder"));
        box_labels.extend(texts_by_ids(b.attr("aria-labelledby"), root, scope));
        box_labels.extend(texts_by_ids(b.attr("aria-describedby"), root, scope));
        let id = b.id();
        if !id.is_empty() && !id.contains(['"', '\\']) {
            box_labels.extend(
                root.select_all(&format!("label[for=\"{id}\"]"))
                    .iter()
                    .map(name_text),
            );
        }
        box_labels.extend(b.closest("label").map(|l| name_text(&l)));
        box_labels.retain(|l| !l.trim().is_empty());
    }
    let heading = texts_by_ids(root.attr("aria-labelledby"), root, scope)
        .into_iter()
        .next()
        .or_else(|| root.select_first(HEADINGS).map(|h| name_text(&h)))
        .filter(|h| !h.is_empty());
    let controls = root
        .select_all(CONTROLS)
        .iter()
        .map(|c| {
            let disabled =
                c.has_attr("disabled") || c.attr("aria-disabled").as_deref() == Some("true");
            (control_label(c), disabled)
        })
        .filter(|(label, _)| !label.is_empty())
        .collect();
    let counter = counter_in(root);
    let text = DialogText {
        lang: lang.to_string(),
        heading,
        lines: page::lines(root, &[]).0,
        emphasised: root
            .select_all("strong, b")
            .iter()
            .map(name_text)
            .filter(|t| !t.is_empty())
            .collect(),
        box_labels,
        controls,
        links: page::links(root).into_iter().map(|l| l.path).collect(),
        note_boxes: boxes.len(),
        email_box: root.select_first("input[type=\"email\"]").is_some(),
        counter: counter.as_ref().map(|(_, t)| t.clone()),
        max_length: note_box.as_ref().and_then(|b| b.attr("maxlength")),
    };
    (text, note_box, counter.map(|(e, _)| e))
}
