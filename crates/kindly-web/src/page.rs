//! The page adapter: finds invitation cards on whatever markup LinkedIn
//! serves and pulls their plain text for `kindly-core` to understand.
//!
//! The design choice: one generic strategy keyed on what every era shares —
//! a row holding both an Accept and an Ignore control — rather than class
//! names, which changed at every redesign. Known eras only help to pick the
//! card boundary and the note; a page nobody has seen still gets panels.
//! Nothing here decides anything about an invitation.

use crate::dom::collapse_whitespace;
use kindly_core::controls::{classify_control, Control};
use kindly_core::{CardLink, CardText};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlAnchorElement, Node};

/// Marks Kindly's own panel hosts; everything below one is ignored.
pub const PANEL_ATTR: &str = "data-kindly-panel";

/// Whether `node` is the host of one of Kindly's panels.
pub fn is_panel(node: &web_sys::Node) -> bool {
    node.dyn_ref::<Element>()
        .is_some_and(|e| e.has_attribute(PANEL_ATTR))
}

/// Interactive controls that may be Accept or Ignore.
const CONTROLS: &str = "button, a, [role=\"button\"]";

/// Elements that bound a card in the known eras (E1 `li.invitation-card`,
/// E2a `auto-component-*`, E2b `[role=listitem]`) or in plain semantic markup.
const CARD_BOUNDARIES: &str =
    "li, [role=\"listitem\"], article, [data-view-name=\"pending-invitation\"], div[componentkey^=\"auto-component-\"]";

/// Ancestors a card root must never reach: these hold page chrome.
const PAGE_CHROME: &str =
    "main, nav, header, h1, [role=\"main\"], [role=\"navigation\"], [data-testid=\"lazy-column\"]";

/// Elements whose text is one block (a "line") of a card.
const BLOCKS: &[&str] = &[
    "P",
    "DIV",
    "LI",
    "H1",
    "H2",
    "H3",
    "H4",
    "H5",
    "H6",
    "TIME",
    "SECTION",
    "ARTICLE",
    "BLOCKQUOTE",
    "DD",
    "DT",
    "TD",
    "FIGCAPTION",
    "HEADER",
    "FOOTER",
    "UL",
    "OL",
];

/// Where a known era keeps the personal note.
const NOTE_SELECTORS: &str =
    "[data-testid=\"expandable-text-box\"], .invitation-card__custom-message, .invitation-card__custom-message-container";

/// Where a known era keeps the name (first match wins).
const NAME_SELECTORS: &str =
    ".invitation-card__title, .invitation-card__tvm-title strong, a[href*=\"/in/\"] strong";

/// One invitation card found on the page.
pub struct Card {
    pub root: Element,
}

/// Button text longer than this is content, not a control's label.
const MAX_CONTROL_TEXT: usize = 60;

/// The label a control announces: its aria-label, else its (short) text.
fn control_label(control: &Element) -> String {
    match control.get_attribute("aria-label") {
        Some(label) if !label.trim().is_empty() => collapse_whitespace(&label),
        _ => {
            let text = collapse_whitespace(&control.text_content().unwrap_or_default());
            if text.chars().count() > MAX_CONTROL_TEXT {
                String::new()
            } else {
                text
            }
        }
    }
}

fn is_inside_panel(element: &Element) -> bool {
    element
        .closest(&format!("[{PANEL_ATTR}]"))
        .ok()
        .flatten()
        .is_some()
}

/// All Accept and Ignore controls under `scope`, in document order.
fn controls(scope: &Element) -> (Vec<Element>, Vec<Element>) {
    let mut accepts = Vec::new();
    let mut ignores = Vec::new();
    let Ok(list) = scope.query_selector_all(CONTROLS) else {
        return (accepts, ignores);
    };
    for element in crate::dom::elements(list) {
        match classify_control(&control_label(&element)) {
            Control::Accept => accepts.push(element),
            Control::Ignore => ignores.push(element),
            Control::Other => {}
        }
    }
    (accepts, ignores)
}

/// Finds every invitation card under `scope`.
///
/// For each Accept control, the card is the highest ancestor that holds no
/// other Accept control. Since a subtree is a contiguous run in document
/// order, it is enough to test the two neighbouring Accept controls, so this
/// is linear in cards × depth. A known card boundary on the way up wins; page
/// chrome (`main`, `nav`, the list itself) is never crossed. A row without an
/// Ignore control (suggestions, "is now a connection") is not a card.
pub fn find_cards(scope: &Element) -> Vec<Card> {
    let (accepts, ignores) = controls(scope);
    let mut cards: Vec<Card> = Vec::new();
    for (index, accept) in accepts.iter().enumerate() {
        if is_inside_panel(accept) {
            continue;
        }
        let previous = index.checked_sub(1).and_then(|i| accepts.get(i));
        let next = accepts.get(index + 1);
        let Some(root) = card_root(accept, previous, next, scope) else {
            continue;
        };
        if !holds_ignore(&root, &ignores, index) {
            continue;
        }
        // Two Accept controls can resolve to one boundary in odd markup;
        // keep the first so a card never gets two panels. Roots come in
        // document order and a subtree is contiguous, so a repeat can only
        // be the last one found (checking all made this quadratic).
        if cards.last().is_some_and(|c| c.root == root) {
            continue;
        }
        cards.push(Card { root });
    }
    cards
}

/// Finds the cards in or around `touched` (nodes the page just added, or a
/// card whose panel was removed) without searching the whole page: each
/// Accept control's card is its nearest known card boundary. `None` when
/// that cannot be told (markup without a known boundary, or too much
/// changed): then the caller searches the whole page with [`find_cards`].
pub fn find_cards_in(touched: &[Element]) -> Option<Vec<Card>> {
    const MOST: usize = 100;
    let mut cards: Vec<Card> = Vec::new();
    for element in touched {
        if !element.is_connected() || is_inside_panel(element) {
            continue;
        }
        let (accepts, _) = controls(element);
        for accept in accepts {
            let root = accept.closest(CARD_BOUNDARIES).ok().flatten()?;
            if root.matches(PAGE_CHROME).unwrap_or(false) || is_inside_panel(&root) {
                return None;
            }
            let (in_root, ignores) = controls(&root);
            if in_root.len() != 1 {
                return None; // a boundary holding two cards: not a card
            }
            if ignores.is_empty() || cards.iter().any(|c| c.root == root) {
                continue;
            }
            cards.push(Card { root });
            if cards.len() > MOST {
                return None;
            }
        }
    }
    Some(cards)
}

/// Whether `root` holds an Ignore control. Cards hold one Accept and one
/// Ignore each, so the Ignore for the `index`-th Accept sits at about the
/// same index: look there first, and search the whole list only when that
/// fails (odd markup), which keeps a page of hundreds of cards linear.
fn holds_ignore(root: &Element, ignores: &[Element], index: usize) -> bool {
    let near = index.saturating_sub(2)..(index + 3).min(ignores.len());
    let inside = |ignore: &Element| root.contains(Some(ignore));
    ignores
        .get(near)
        .is_some_and(|window| window.iter().any(inside))
        || ignores.iter().any(inside)
}

fn card_root(
    accept: &Element,
    previous: Option<&Element>,
    next: Option<&Element>,
    scope: &Element,
) -> Option<Element> {
    let holds_other = |e: &Element| {
        previous.is_some_and(|p| e.contains(Some(p))) || next.is_some_and(|n| e.contains(Some(n)))
    };
    let mut best: Option<Element> = None;
    let mut current = accept.parent_element();
    while let Some(element) = current {
        if holds_other(&element) || element.matches(PAGE_CHROME).unwrap_or(false) {
            break;
        }
        let at_scope = element == *scope;
        best = Some(element.clone());
        if element.matches(CARD_BOUNDARIES).unwrap_or(false) || at_scope {
            break;
        }
        current = element.parent_element();
    }
    best
}

/// Pulls the plain texts of one card.
pub fn card_text(doc: &Document, card: &Card) -> CardText {
    let root = &card.root;
    let (accepts, ignores) = controls(root);
    let accept_label = accepts.first().map(control_label);
    let ignore_label = ignores.first().map(control_label);
    let name = root
        .query_selector(NAME_SELECTORS)
        .ok()
        .flatten()
        .map(|e| name_text(&e))
        .filter(|n| !n.is_empty());
    let note = root
        .query_selector(NOTE_SELECTORS)
        .ok()
        .flatten()
        .map(|e| name_text(&e))
        .filter(|n| !n.is_empty());
    CardText {
        lang: doc
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default(),
        name,
        lines: lines(root),
        note,
        accept_label,
        ignore_label,
        links: links(root),
        key_hint: key_hint(root),
    }
}

/// A name element's text without badges drawn as icons: the text of its
/// text nodes only, skipping `svg` and `[aria-hidden]` decorations.
fn name_text(element: &Element) -> String {
    let mut out = String::new();
    collect_text(element.as_ref(), &mut out);
    collapse_whitespace(&out)
}

/// Appends the visible text under `node`, skipping controls (their words are
/// labels, not content: "Accept", "… see more"), icons, scripts and Kindly's
/// own panels.
fn collect_text(node: &Node, out: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => {
                out.push_str(&child.text_content().unwrap_or_default());
            }
            Node::ELEMENT_NODE => {
                let Some(element) = child.dyn_ref::<Element>() else {
                    continue;
                };
                if skip_element(element) {
                    continue;
                }
                out.push(' ');
                collect_text(&child, out);
                out.push(' ');
            }
            _ => {}
        }
    }
}

fn skip_element(element: &Element) -> bool {
    let tag = element.tag_name();
    matches!(
        tag.as_str(),
        "SCRIPT"
            | "STYLE"
            | "TEMPLATE"
            | "svg"
            | "SVG"
            | "IMG"
            | "NOSCRIPT"
            | "BUTTON"
            | "SELECT"
            | "TEXTAREA"
    ) || element.get_attribute("role").as_deref() == Some("button")
        || element.has_attribute(PANEL_ATTR)
}

/// The card's text blocks in document order: each block element's own text
/// (text nodes and inline children), controls left out.
fn lines(root: &Element) -> Vec<String> {
    let mut out = Vec::new();
    walk_blocks(root.as_ref(), &mut out, &mut String::new());
    out
}

fn walk_blocks(node: &Node, out: &mut Vec<String>, current: &mut String) {
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        match child.node_type() {
            Node::TEXT_NODE => current.push_str(&child.text_content().unwrap_or_default()),
            Node::ELEMENT_NODE => {
                let Some(element) = child.dyn_ref::<Element>() else {
                    continue;
                };
                if skip_element(element) {
                    continue;
                }
                if BLOCKS.contains(&element.tag_name().as_str()) {
                    flush(out, current);
                    walk_blocks(&child, out, current);
                    flush(out, current);
                } else {
                    current.push(' ');
                    walk_blocks(&child, out, current);
                    current.push(' ');
                }
            }
            _ => {}
        }
    }
}

fn flush(out: &mut Vec<String>, current: &mut String) {
    let line = collapse_whitespace(current);
    current.clear();
    if !line.is_empty() {
        out.push(line);
    }
}

/// Links in document order, as path (no host, no query) and text.
fn links(root: &Element) -> Vec<CardLink> {
    let mut out = Vec::new();
    let Ok(list) = root.query_selector_all("a[href]") else {
        return out;
    };
    for i in 0..list.length() {
        let Some(anchor) = list
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlAnchorElement>().ok())
        else {
            continue;
        };
        if is_inside_panel(&anchor) {
            continue;
        }
        out.push(CardLink {
            path: anchor.pathname(),
            text: name_text(&anchor),
        });
    }
    out
}

/// A page-given identity: a `componentkey` on the card or its wrappers (a few
/// levels up, never the list's own key), else an element id that is not
/// Ember's per-render `emberNNN`.
fn key_hint(root: &Element) -> Option<String> {
    let mut current = Some(root.clone());
    for _ in 0..4 {
        let Some(element) = current else { break };
        if element.matches(PAGE_CHROME).unwrap_or(false) {
            break;
        }
        if let Some(key) = element.get_attribute("componentkey") {
            return Some(key);
        }
        current = element.parent_element();
    }
    let id = root.id();
    (!id.is_empty() && !id.starts_with("ember")).then_some(id)
}
