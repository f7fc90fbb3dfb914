//! The page adapter: finds invitation cards on whatever markup LinkedIn
//! serves and pulls their plain text for `kindly-core` to understand.
//!
//! The design choice: one generic strategy keyed on what every era shares —
//! a row holding both an Accept and an Ignore control — rather than class
//! names, which changed at every redesign. Known eras only help to pick the
//! card boundary and the note; a page nobody has seen still gets panels.
//! Nothing here decides anything about an invitation.
//!
//! The algorithms read the page through [`DomElement`], so native tests run
//! them over HTML fixtures; the browser uses `web_sys::Element`.

use crate::dom::collapse_whitespace;
use crate::markup::{Child, DomElement};
use crate::shape;
// Where the readers of invitations the user sends find it.
pub(crate) use crate::shape::PAGE_CHROME;
use crate::words::{skip_element, SKIPPED_BY_ATTRIBUTE};
// The words of a card's controls and names, where the page adapter's
// callers have always found them.
pub use crate::words::{control_label, name_text, Labelled, READ_ATTRIBUTE};
use kindly_core::controls::{classify_control, Control};
use kindly_core::{CardLink, CardText};
use web_sys::{Document, Element};

/// Interactive controls that may be Accept or Ignore.
pub(crate) const CONTROLS: &str = "button, a, [role=\"button\"]";

/// Elements that bound a card in the known eras (E1 `li.invitation-card`,
/// E2a `auto-component-*`, E2b `[role=listitem]`) or in plain semantic markup.
const CARD_BOUNDARIES: &str =
    "li, [role=\"listitem\"], article, [data-view-name=\"pending-invitation\"], div[componentkey^=\"auto-component-\"]";

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
pub struct Card<E = Element> {
    pub root: E,
    /// Its Accept and Ignore controls with their labels, when the search
    /// that found it read them already (reading them again cost a DOM query
    /// and a few calls per control).
    controls: Option<(Labelled<E>, Labelled<E>)>,
}

impl<E> Card<E> {
    pub fn new(root: E) -> Self {
        Card {
            root,
            controls: None,
        }
    }
}

impl<E: DomElement> Card<E> {
    /// Runs `f` with its Accept and Ignore controls: those the search handed
    /// over, else the first of each under its root, read now.
    pub(crate) fn with_controls<R>(
        &self,
        f: impl FnOnce(Option<&Labelled<E>>, Option<&Labelled<E>>) -> R,
    ) -> R {
        match &self.controls {
            Some((accept, ignore)) => f(Some(accept), Some(ignore)),
            None => {
                let (accepts, ignores) = controls(&self.root);
                f(accepts.first(), ignores.first())
            }
        }
    }

    /// Its Accept control.
    pub fn accept_control(&self) -> Option<E> {
        self.with_controls(|accept, _| accept.map(|(e, _)| e.clone()))
    }
}

/// Reads `element`'s label and keeps it among the Accept or the Ignore
/// controls, or neither.
fn sort_control<E: DomElement>(
    element: E,
    accepts: &mut Vec<Labelled<E>>,
    ignores: &mut Vec<Labelled<E>>,
) {
    let label = control_label(&element);
    file_control(element, classify_control(&label), label, accepts, ignores);
}

/// Keeps a classified control among the Accept or the Ignore controls.
fn file_control<E>(
    element: E,
    control: Control,
    label: String,
    accepts: &mut Vec<Labelled<E>>,
    ignores: &mut Vec<Labelled<E>>,
) {
    match control {
        Control::Accept => accepts.push((element, label)),
        Control::Ignore => ignores.push((element, label)),
        Control::Other => {}
    }
}

/// All Accept and Ignore controls under `scope`, in document order: by
/// their words, else (no Accept or no Ignore among them) by their shape.
fn controls<E: DomElement>(scope: &E) -> (Vec<Labelled<E>>, Vec<Labelled<E>>) {
    let all = scope.select_all(CONTROLS);
    // Classified before the elements are filed, so that none is cloned (a
    // clone is a call into JavaScript).
    let classes: Vec<(Control, String)> = all
        .iter()
        .map(|element| {
            let label = control_label(element);
            (classify_control(&label), label)
        })
        .collect();
    let has = |wanted: Control| classes.iter().any(|(control, _)| *control == wanted);
    if !has(Control::Accept) || !has(Control::Ignore) {
        return shape::pairs(all);
    }
    let mut accepts = Vec::new();
    let mut ignores = Vec::new();
    for (element, (control, label)) in all.into_iter().zip(classes) {
        file_control(element, control, label, &mut accepts, &mut ignores);
    }
    (accepts, ignores)
}

/// Finds every invitation card under `scope`.
pub fn find_cards<E: DomElement>(scope: &E) -> Vec<Card<E>> {
    CardFinder::new(scope).collect()
}

/// Finds the invitation cards under a scope one at a time, so a long page is
/// searched over several slices rather than in one long task (a cold page
/// of 500 cards took ~50 ms to search whole).
///
/// For each Accept control, the card is the highest ancestor that holds no
/// other Accept control. Since a subtree is a contiguous run in document
/// order, it is enough to test the two neighbouring Accept controls, so this
/// is linear in cards × depth; and a card is decided as soon as the next
/// Accept is seen (its Ignore comes before that, inside the card). A known
/// card boundary on the way up wins; page chrome (`main`, `nav`, the list
/// itself) is never crossed. A row without an Ignore control (suggestions,
/// "is now a connection") is not a card.
pub struct CardFinder<E> {
    scope: E,
    /// Controls under the scope in document order, read one by one.
    candidates: std::vec::IntoIter<E>,
    accepts: Vec<Labelled<E>>,
    ignores: Vec<Labelled<E>>,
    /// Accept controls whose card is decided.
    decided: usize,
    last_root: Option<E>,
    /// Searched next if `scope` held no card at all.
    wider: Option<E>,
    found_any: bool,
    /// The scope's controls are being paired by shape, the words having
    /// found no card (see [`shape`]); tried once per scope.
    by_shape: Option<shape::Pairer<E>>,
}

impl<E: DomElement> CardFinder<E> {
    pub fn new(scope: &E) -> Self {
        CardFinder {
            scope: scope.clone(),
            candidates: scope.select_all(CONTROLS).into_iter(),
            accepts: Vec::new(),
            ignores: Vec::new(),
            decided: 0,
            last_root: None,
            wider: None,
            found_any: false,
            by_shape: None,
        }
    }

    /// The whole page's search: `main`, then the whole body if `main` holds
    /// no card (a redesign could put the list outside `main`, and Kindly
    /// should not go blind for it; a page with no invitations pays for one
    /// more search); the body alone when there is no `main`.
    pub fn for_page(main: Option<&E>, body: E) -> Self {
        match main {
            Some(main) => CardFinder {
                wider: Some(body),
                ..CardFinder::new(main)
            },
            None => CardFinder::new(&body),
        }
    }

    /// Decides the card of the `index`-th Accept control, once the next one
    /// (or the end of the page) is known.
    fn decide(&self, index: usize) -> Option<Card<E>> {
        let (accept, accept_label) = self.accepts.get(index)?;
        let previous = index.checked_sub(1).and_then(|i| self.accepts.get(i));
        let next = self.accepts.get(index + 1);
        let root = card_root(
            accept,
            previous.map(|(e, _)| e),
            next.map(|(e, _)| e),
            &self.scope,
        )?;
        let ignore = first_ignore_in(&root, &self.ignores, index)?;
        // Two Accept controls can resolve to one boundary in odd markup;
        // keep the first so a card never gets two panels. Roots come in
        // document order and a subtree is contiguous, so a repeat can only
        // be the last one found.
        if self.last_root.as_ref() == Some(&root) {
            return None;
        }
        // The root holds no other Accept control, so this one is its first.
        Some(Card {
            root,
            controls: Some(((accept.clone(), accept_label.clone()), ignore)),
        })
    }
}

/// One step of a page search.
pub enum Step<E> {
    Card(Card<E>),
    /// No card yet, and more of the page to search.
    Pending,
    Done,
}

impl<E: DomElement> CardFinder<E> {
    /// The next card, reading at most `most` more controls before giving
    /// control back: a long page with few cards, or none (the search then
    /// reads its controls twice, by words and by shape, and again in the
    /// whole body), is searched over several of the content script's
    /// slices instead of in one long task.
    pub fn step(&mut self, most: usize) -> Step<E> {
        let mut read = 0;
        loop {
            let next_known = self.accepts.len() > self.decided + 1;
            if next_known || (self.decided < self.accepts.len() && self.candidates.len() == 0) {
                let index = self.decided;
                self.decided += 1;
                if let Some(card) = self.decide(index) {
                    self.last_root = Some(card.root.clone());
                    self.found_any = true;
                    return Step::Card(card);
                }
                continue;
            }
            if read >= most {
                return Step::Pending;
            }
            read += 1;
            let Some(element) = self.candidates.next() else {
                if !self.found_any && self.by_shape.is_none() {
                    // No word found a card here: a language Kindly has no
                    // words for. The scope's controls again, by shape.
                    self.candidates = self.scope.select_all(CONTROLS).into_iter();
                    self.accepts.clear();
                    self.ignores.clear();
                    self.decided = 0;
                    self.by_shape = Some(shape::Pairer::default());
                    continue;
                }
                match self.wider.take() {
                    Some(wider) if !self.found_any => {
                        *self = CardFinder::new(&wider);
                        continue;
                    }
                    _ => return Step::Done,
                }
            };
            match &mut self.by_shape {
                Some(pairer) => pairer.feed(element, &mut self.accepts, &mut self.ignores),
                None => sort_control(element, &mut self.accepts, &mut self.ignores),
            }
        }
    }
}

impl<E: DomElement> Iterator for CardFinder<E> {
    type Item = Card<E>;

    fn next(&mut self) -> Option<Card<E>> {
        loop {
            match self.step(usize::MAX) {
                Step::Card(card) => return Some(card),
                Step::Pending => {}
                Step::Done => return None,
            }
        }
    }
}

/// Finds the cards in or around `touched` (nodes the page just added, or a
/// card whose panel was removed) without searching the whole page: each
/// Accept control's card is its nearest known card boundary. `None` when
/// that cannot be told (markup without a known boundary, or too much
/// changed): then the caller searches the whole page with [`find_cards`].
pub fn find_cards_in<E: DomElement>(touched: &[E]) -> Option<Vec<Card<E>>> {
    const MOST: usize = 100;
    let mut cards: Vec<Card<E>> = Vec::new();
    for element in touched {
        if !element.is_connected() {
            continue;
        }
        let (accepts, ignores) = controls(element);
        for (index, accept) in accepts.iter().enumerate() {
            let root = accept.0.closest(CARD_BOUNDARIES)?;
            if root.matches(PAGE_CHROME) {
                return None;
            }
            let controls = if root == *element || element.contains(&root) {
                // Usually the page added the card, or a wrapper around it:
                // its controls are among those just read. A subtree is a
                // run in document order, so a second Accept in it would be
                // a neighbour of this one.
                let in_root = |i: Option<usize>| {
                    i.and_then(|i| accepts.get(i))
                        .is_some_and(|(e, _)| root.contains(e))
                };
                if in_root(index.checked_sub(1)) || in_root(index.checked_add(1)) {
                    return None; // a boundary holding two cards: not a card
                }
                first_ignore_in(&root, &ignores, index).map(|ignore| (accept.clone(), ignore))
            } else {
                let (in_root, ignores) = controls(&root);
                match (in_root.as_slice(), ignores.as_slice()) {
                    ([accept], [ignore, ..]) => Some((accept.clone(), ignore.clone())),
                    ([_], []) => None,
                    _ => return None, // a boundary holding two cards: not a card
                }
            };
            // No Ignore: a suggestion, not an invitation.
            let Some(controls) = controls else { continue };
            if cards.iter().any(|c| c.root == root) {
                continue;
            }
            cards.push(Card {
                root,
                controls: Some(controls),
            });
            if cards.len() > MOST {
                return None;
            }
        }
    }
    Some(cards)
}

/// The first Ignore control inside `root`, if it holds one.
/// Cards hold one Accept and one Ignore each, so the Ignore for the
/// `index`-th Accept sits at about the same index: look there first, and
/// search the whole list only when that fails (odd markup), which keeps a
/// page of hundreds of cards linear. A subtree is a contiguous run in
/// document order, so the first one is found by stepping back from any.
fn first_ignore_in<E: DomElement>(
    root: &E,
    ignores: &[Labelled<E>],
    index: usize,
) -> Option<Labelled<E>> {
    let inside = |i: &usize| ignores.get(*i).is_some_and(|(e, _)| root.contains(e));
    let near = index.saturating_sub(2)..(index + 3).min(ignores.len());
    let mut found = near
        .clone()
        .find(inside)
        .or_else(|| (0..ignores.len()).find(inside))?;
    while found > 0 && inside(&(found - 1)) {
        found -= 1;
    }
    ignores.get(found).cloned()
}

/// The row around a control (an Accept, a Withdraw): the highest ancestor
/// that holds neither neighbouring such control (`previous`, `next`),
/// stopping at a known card boundary and never reaching page chrome.
pub(crate) fn card_root<E: DomElement>(
    accept: &E,
    previous: Option<&E>,
    next: Option<&E>,
    scope: &E,
) -> Option<E> {
    let fast = nearest_boundary(accept, previous, next, scope);
    // The native fixture tests (debug builds) check the two paths agree.
    debug_assert!(fast.is_none() || fast == walk_to_root(accept, previous, next, scope));
    fast.or_else(|| walk_to_root(accept, previous, next, scope))
}

/// The fast path of [`card_root`], in a handful of DOM calls instead of a
/// few per ancestor (a cold page of 500 cards spent most of its first task
/// walking up): the nearest known boundary, when the walk would stop there
/// too. It would not when an element on the way holds a neighbouring Accept
/// (nested elements: testing the boundary is enough), is page chrome, or
/// when the scope lies below the boundary; then `None`, and the walk decides.
fn nearest_boundary<E: DomElement>(
    accept: &E,
    previous: Option<&E>,
    next: Option<&E>,
    scope: &E,
) -> Option<E> {
    let parent = accept.parent()?;
    let boundary = parent.closest(CARD_BOUNDARIES)?;
    let holds_other = previous.is_some_and(|p| boundary.contains(p))
        || next.is_some_and(|n| boundary.contains(n));
    if holds_other || !scope.contains(&boundary) {
        return None;
    }
    match parent.closest(PAGE_CHROME) {
        // Chrome above the boundary is never reached; at or below it, it is.
        Some(chrome) if chrome == boundary || !chrome.contains(&boundary) => None,
        _ => Some(boundary),
    }
}

/// [`card_root`] by walking up from the Accept control, one ancestor at a time.
fn walk_to_root<E: DomElement>(
    accept: &E,
    previous: Option<&E>,
    next: Option<&E>,
    scope: &E,
) -> Option<E> {
    let holds_other =
        |e: &E| previous.is_some_and(|p| e.contains(p)) || next.is_some_and(|n| e.contains(n));
    let mut best: Option<E> = None;
    let mut current = accept.parent();
    while let Some(element) = current {
        if holds_other(&element) || element.matches(PAGE_CHROME) {
            break;
        }
        let at_scope = element == *scope;
        best = Some(element.clone());
        if element.matches(CARD_BOUNDARIES) || at_scope {
            break;
        }
        current = element.parent();
    }
    best
}

/// The page's language, from `<html lang>` (read once per slice, not per card).
pub fn page_lang(doc: &Document) -> String {
    doc.document_element()
        .and_then(|e| e.get_attribute("lang"))
        .unwrap_or_default()
}

/// Pulls the plain texts of `card`, on a page in `lang` (its `<html lang>`).
pub fn card_text_for<E: DomElement>(card: &Card<E>, lang: String) -> CardText {
    card.with_controls(|accept, ignore| CardText {
        key_hint: key_hint(&card.root),
        ..read_card(&card.root, lang, accept, ignore)
    })
}

/// The selectors [`read_card`] asks of a card's elements (for a copy of
/// the card that answers them: `snapshot`).
pub const READ_SELECTORS: [&str; 5] = [
    SKIPPED_BY_ATTRIBUTE,
    NAME_SELECTORS,
    NOTE_SELECTORS,
    LINKS,
    CONTROLS,
];

/// Anchors with a target.
const LINKS: &str = "a[href]";

/// [`card_text_for`] once the card's controls are known, but for the
/// `key_hint` (read around the card, not in it).
pub(crate) fn read_card<E: DomElement>(
    root: &E,
    lang: String,
    accept: Option<&Labelled<E>>,
    ignore: Option<&Labelled<E>>,
) -> CardText {
    let marks: Vec<&E> = accept.iter().chain(&ignore).map(|(e, _)| e).collect();
    let (lines, after_controls) = lines(root, &marks);
    let name = root
        .select_first(NAME_SELECTORS)
        .map(|e| name_text(&e))
        .filter(|n| !n.is_empty());
    let note = root
        .select_first(NOTE_SELECTORS)
        .map(|e| name_text(&e))
        .filter(|n| !n.is_empty());
    CardText {
        lang,
        name,
        lines,
        after_controls,
        note,
        accept_label: accept.map(|(_, label)| label.clone()),
        ignore_label: ignore.map(|(_, label)| label.clone()),
        links: links(root),
        key_hint: None,
        reply_control: has_reply_control(root),
    }
}

/// Whether the card shows LinkedIn's Reply ("Reply to Riley", in any
/// language Kindly knows the word in): a message can then reach the inviter
/// while the invitation stays pending. A compose link is read from the
/// card's links by the engine.
fn has_reply_control<E: DomElement>(root: &E) -> bool {
    root.select_all(CONTROLS)
        .iter()
        .any(|control| kindly_core::controls::is_reply_control(&control_label(control)))
}

/// Pulls the plain texts of the card at `root`, on a page in `lang` (its
/// `<html lang>`), reading its controls afresh.
pub fn card_text_of<E: DomElement>(root: &E, lang: String) -> CardText {
    card_text_for(&Card::new(root.clone()), lang)
}

/// The card's text blocks in document order: each block element's own text
/// (text nodes and inline children), controls left out; and the index of
/// the first line after the last of `controls` (the card's Accept and
/// Ignore). Every era seen puts a personal note after those controls and
/// the inviter's name, headline, mutual and time lines before them, so in a
/// language Kindly has no words for the note is still told by where it is.
pub(crate) fn lines<E: DomElement>(root: &E, controls: &[&E]) -> (Vec<String>, Option<usize>) {
    let mut walk = Walk {
        controls,
        out: Vec::new(),
        current: String::new(),
        after_controls: None,
    };
    walk.blocks(root);
    walk.flush();
    (walk.out, walk.after_controls)
}

/// [`lines`] under way: the lines so far, the one being read, and where the
/// card's controls were passed.
struct Walk<'a, E> {
    controls: &'a [&'a E],
    out: Vec<String>,
    current: String,
    after_controls: Option<usize>,
}

impl<E: DomElement> Walk<'_, E> {
    fn blocks(&mut self, element: &E) {
        for child in element.children() {
            match child {
                Child::Text(text) => self.current.push_str(&text),
                Child::Element(child) => {
                    let tag = child.tag_name();
                    let skipped = skip_element(&child, &tag);
                    // Only a control can be one of the card's controls: one
                    // comparison for few elements, not one per element.
                    if (skipped || tag == "A") && self.controls.contains(&&child) {
                        self.flush();
                        self.after_controls = Some(self.out.len());
                        continue;
                    }
                    if skipped {
                        continue;
                    }
                    if BLOCKS.contains(&tag.as_str()) {
                        self.flush();
                        self.blocks(&child);
                        self.flush();
                    } else {
                        self.current.push(' ');
                        self.blocks(&child);
                        self.current.push(' ');
                    }
                }
            }
        }
    }

    /// Ends the current line.
    fn flush(&mut self) {
        let line = collapse_whitespace(&self.current);
        self.current.clear();
        if !line.is_empty() {
            self.out.push(line);
        }
    }
}

/// Links in document order, as path (no host, no query) and text.
pub(crate) fn links<E: DomElement>(root: &E) -> Vec<CardLink> {
    root.select_all(LINKS)
        .iter()
        .filter_map(|anchor| {
            let path = anchor.link_path()?;
            Some(CardLink {
                path,
                text: name_text(anchor),
            })
        })
        .collect()
}

/// A page-given identity: a `componentkey` on the card or its wrappers (a few
/// levels up, never the list's own key), else an element id that is not
/// Ember's per-render `emberNNN`.
pub(crate) fn key_hint<E: DomElement>(root: &E) -> Option<String> {
    let mut current = Some(root.clone());
    for _ in 0..4 {
        let Some(element) = current else { break };
        if element.matches(PAGE_CHROME) {
            break;
        }
        if let Some(key) = element.attr("componentkey") {
            return Some(key);
        }
        current = element.parent();
    }
    let id = root.id();
    (!id.is_empty() && !id.starts_with("ember")).then_some(id)
}
