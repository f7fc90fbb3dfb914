//! Which cards are near the viewport: their panels are drawn then, not
//! before. One IntersectionObserver for the page; it reports a card once it
//! comes within a screen of being visible, and forgets it once drawn.
//!
//! Why: a page of 500 cards holds ~50,000 nodes. Drawing every panel up front
//! cost seconds of script and of the browser's own layout and paint, for
//! panels nobody scrolled to. Markers (hosts with key, kind and action) still
//! go on every card at once.

use crate::content;
use crate::dom;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

thread_local! {
    static OBSERVER: RefCell<Option<IntersectionObserver>> = const { RefCell::new(None) };
}

/// How far beyond the visible area a card counts as near: one screen above
/// and below, so scrolling finds its panel ready where the window scrolls.
const NEAR: &str = "100% 0px 100% 0px";

/// Runs `f` with the page's one observer, made on first use; `None` when
/// IntersectionObserver cannot be made. Borrowed, not cloned: this runs for
/// every card marked.
fn with_observer<R>(f: impl FnOnce(&IntersectionObserver) -> R) -> Option<R> {
    OBSERVER.with(|cell| {
        if cell.borrow().is_none() {
            let callback = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
                |entries: js_sys::Array, observer: IntersectionObserver| {
                    on_near(&entries, &observer)
                },
            );
            let init = IntersectionObserverInit::new();
            init.set_root_margin(NEAR);
            let made =
                IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                    .ok()?;
            callback.forget(); // lives as long as the page
            *cell.borrow_mut() = Some(made);
        }
        cell.borrow().as_ref().map(f)
    })
}

/// Draws `card`'s panel when the card comes near the viewport. Without
/// IntersectionObserver (never in supported browsers) it is drawn at once.
pub fn watch(card: &Element) {
    if with_observer(|observer| observer.observe(card)).is_none() {
        draw_in(card);
    }
}

fn on_near(entries: &js_sys::Array, observer: &IntersectionObserver) {
    // Read once, and only when some card came near: every card observed
    // reports once at first, far ones too (a page appending cards).
    let mut height = None;
    let mut visible = Vec::new();
    let mut near = Vec::new();
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
        let height = *height.get_or_insert_with(|| {
            web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(f64::INFINITY)
        });
        if rect.bottom() > 0.0 && rect.top() < height {
            visible.push(card);
        } else {
            near.push(card);
        }
    }
    // Drawn in a task of their own, within Kindly's time budget: on a cold
    // page the dozen panels near the view took one task of 40–60 ms when
    // drawn here. What is on screen goes first.
    visible.append(&mut near);
    content::draw_soon(visible);
}

/// Draws the panel whose marker sits in `card`, if it is still there.
pub fn draw_in(card: &Element) {
    let Ok(doc) = dom::document() else { return };
    if let Some(host) = content::panel_of(card) {
        content::draw(&doc, &host);
    }
}
