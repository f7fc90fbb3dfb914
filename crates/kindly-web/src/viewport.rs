//! Which cards are near the viewport: their panels are drawn then, not
//! before. An IntersectionObserver reports a card once it comes within a
//! screen of being visible, and forgets it once drawn.
//!
//! Why: a page of 500 cards holds ~50,000 nodes. Drawing every panel up front
//! cost seconds of script and of the browser's own layout and paint, for
//! panels nobody scrolled to. Markers (hosts with key, kind and action) still
//! go on every card at once.
//!
//! On LinkedIn the list scrolls inside `main`, not the window. An observer of
//! the viewport clips a card by every scrolling box around it, and its margin
//! only widens the viewport: it would report a card only once it is already
//! visible in `main`, and its panel would push the list down under the
//! person's eyes. So the root is the scrolling box around the cards (one
//! observer per such box, the viewport's when there is none), and the margin
//! extends that box.

use crate::dom;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// The observer of one scrolling box (`None`: the viewport).
struct Watcher {
    root: Option<Element>,
    observer: IntersectionObserver,
}

/// What to do with cards that came near (the content script's draw queue).
type NearHandler = fn(Vec<Element>);

thread_local! {
    static ON_NEAR: RefCell<Option<NearHandler>> = const { RefCell::new(None) };
    static WATCHERS: RefCell<Vec<Watcher>> = const { RefCell::new(Vec::new()) };
    /// The last box found and the part of the page it answers for (see
    /// [`root_of`]).
    static LAST_ROOT: RefCell<Option<(Element, Option<Element>)>> = const { RefCell::new(None) };
}

/// How far beyond the visible area a card counts as near: one screen above
/// and below, so scrolling finds its panel ready where the list scrolls.
const NEAR: &str = "100% 0px 100% 0px";

/// The nearest box around `card` that scrolls its content vertically (none:
/// the window scrolls), and the element below which that answer holds: the
/// box itself, or the ancestor just below `<body>`.
///
/// A box counts only if it is no taller than the window: one that says
/// `overflow: auto` but grows with the list never scrolls (the window does),
/// and as a root it would report every card near, drawing every panel.
fn scroller_of(card: &Element) -> Option<(Element, Option<Element>)> {
    let mut below_body = card.clone();
    let mut node = card.parent_element();
    while let Some(element) = node {
        let tag = element.tag_name();
        if tag.eq_ignore_ascii_case("body") || tag.eq_ignore_ascii_case("html") {
            return Some((below_body, None));
        }
        let overflow = dom::computed_style(&element)
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .unwrap_or_default();
        if matches!(overflow.as_str(), "auto" | "scroll" | "overlay")
            && !taller_than_window(&element)
        {
            return Some((element.clone(), Some(element)));
        }
        node = element.parent_element();
        below_body = element;
    }
    None
}

fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::INFINITY)
}

fn taller_than_window(element: &Element) -> bool {
    element.get_bounding_client_rect().height() > window_height() + 1.0
}

/// The scrolling box around `card`. Looked for once per list: every card
/// inside the last box found (or, where the window scrolls, under the same
/// top-level element) shares its answer, so the computed styles are read for
/// the first card, not for each (reading them right after a marker went in
/// costs the browser a style pass every time). A box nested inside the
/// list's own is not looked for.
fn root_of(card: &Element) -> Option<Element> {
    LAST_ROOT.with(|last| {
        if let Some((scope, root)) = last.borrow().as_ref() {
            if scope.contains(Some(card)) {
                return root.clone();
            }
        }
        let (scope, root) = scroller_of(card)?;
        *last.borrow_mut() = Some((scope, root.clone()));
        root
    })
}

/// Runs `f` with the observer for `root`, made on first use; `None` when
/// IntersectionObserver cannot be made. Borrowed, not cloned: this runs for
/// every card marked.
fn with_observer<R>(
    root: Option<Element>,
    f: impl FnOnce(&IntersectionObserver) -> R,
) -> Option<R> {
    WATCHERS.with(|cell| {
        let known = cell.borrow().iter().position(|w| w.root == root);
        let index = match known {
            Some(index) => index,
            None => {
                // A box LinkedIn replaced (it re-renders `main`) watches
                // nothing more.
                cell.borrow_mut().retain(|w| {
                    let alive = w.root.as_ref().is_none_or(|r| r.is_connected());
                    if !alive {
                        w.observer.disconnect();
                    }
                    alive
                });
                let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
                    |entries: js_sys::Array, observer: IntersectionObserver| {
                        report_near(&entries, &observer)
                    },
                );
                let init = IntersectionObserverInit::new();
                init.set_root(root.as_ref());
                init.set_root_margin(NEAR);
                let observer = IntersectionObserver::new_with_options(
                    callback.as_ref().unchecked_ref(),
                    &init,
                )
                .ok()?;
                callback.forget(); // lives as long as the page
                cell.borrow_mut().push(Watcher { root, observer });
                cell.borrow().len() - 1
            }
        };
        cell.borrow().get(index).map(|w| f(&w.observer))
    })
}

/// Sets what happens to cards that come near the viewport (on screen
/// first): the content script queues their panels.
pub fn on_near(handler: fn(Vec<Element>)) {
    ON_NEAR.with(|h| *h.borrow_mut() = Some(handler));
}

fn near(cards: Vec<Element>) {
    if let Some(handler) = ON_NEAR.with(|h| *h.borrow()) {
        handler(cards);
    }
}

/// Reports `card` (see [`on_near`]) when it comes near the viewport.
/// Without IntersectionObserver (never in supported browsers), at once.
pub fn watch(card: &Element) {
    if with_observer(root_of(card), |observer| observer.observe(card)).is_none() {
        near(vec![card.clone()]);
    }
}

fn report_near(entries: &js_sys::Array, observer: &IntersectionObserver) {
    if let Some(root) = observer.root() {
        if taller_than_window(&root) {
            rehome(entries, observer, &root);
            return;
        }
    }
    // Read once, and only when some card came near: every card observed
    // reports once at first, far ones too (a page appending cards).
    let mut visible_area = None;
    let mut visible = Vec::new();
    let mut around = Vec::new();
    for entry in entries.iter() {
        let entry: IntersectionObserverEntry = entry.unchecked_into();
        // A card without a box of its own (`display: contents`, which
        // wrappers on LinkedIn use) never intersects anything: draw it now
        // rather than never.
        let rect = entry.bounding_client_rect();
        let boxless = rect.width() == 0.0 && rect.height() == 0.0;
        if !entry.is_intersecting() && !boxless {
            continue;
        }
        let card = entry.target();
        observer.unobserve(&card);
        let (top, bottom) = *visible_area.get_or_insert_with(|| visible_area_of(observer));
        if rect.bottom() > top && rect.top() < bottom {
            visible.push(card);
        } else {
            around.push(card);
        }
    }
    // Drawn in a task of their own, within Kindly's time budget: on a cold
    // page the dozen panels near the view took one task of 40–60 ms when
    // drawn here. What is on screen goes first.
    visible.append(&mut around);
    near(visible);
}

/// `root` was short when it was chosen and has grown taller than the window
/// with the list: it never scrolled (the window does), and every card in it
/// now reports near. Its cards go to the observer of what scrolls them now,
/// and cards to come look for their box again.
fn rehome(entries: &js_sys::Array, observer: &IntersectionObserver, root: &Element) {
    observer.disconnect();
    WATCHERS.with(|cell| cell.borrow_mut().retain(|w| w.root.as_ref() != Some(root)));
    LAST_ROOT.with(|last| *last.borrow_mut() = None);
    // Every card it still watched is here: inside the root's box, each one
    // became near at once.
    for entry in entries.iter() {
        watch(&entry.unchecked_into::<IntersectionObserverEntry>().target());
    }
}

/// The top and bottom of what the person sees through `observer`'s root.
fn visible_area_of(observer: &IntersectionObserver) -> (f64, f64) {
    let window_bottom = window_height();
    match observer.root() {
        Some(root) => {
            let rect = root.get_bounding_client_rect();
            (rect.top().max(0.0), rect.bottom().min(window_bottom))
        }
        None => (0.0, window_bottom),
    }
}
