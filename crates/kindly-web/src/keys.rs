//! Keyboard shortcuts on the invitations page: Alt+Shift+J / Alt+Shift+K
//! move to the next / previous panel, Alt+Shift+C copies the top reply of the
//! panel that has focus (or of the first one with a reply). Chosen to avoid
//! LinkedIn's own shortcuts and the browser's; listed in the popup.

use crate::content;
use crate::dom;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, KeyboardEvent};

pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn FnMut(KeyboardEvent)>::new(|event: KeyboardEvent| {
        if !(event.alt_key() && event.shift_key())
            || event.ctrl_key()
            || event.meta_key()
            || !content::active()
        {
            return;
        }
        // `code` is layout-independent: the same physical keys everywhere.
        let handled = match event.code().as_str() {
            "KeyJ" => move_focus(1),
            "KeyK" => move_focus(-1),
            "KeyC" => copy_top_reply(),
            _ => false,
        };
        if handled {
            event.prevent_default();
            event.stop_propagation();
        }
    });
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        handler.as_ref().unchecked_ref(),
        true,
    );
    handler.forget();
}

fn hosts() -> Vec<Element> {
    dom::document()
        .map(|doc| content::panel_hosts(&doc))
        .unwrap_or_default()
}

/// The panel host that holds focus (focus inside a shadow root shows as
/// the host being the document's active element).
fn focused_index(hosts: &[Element]) -> Option<usize> {
    let active = dom::document().ok()?.active_element()?;
    hosts.iter().position(|h| *h == active)
}

fn move_focus(step: isize) -> bool {
    let hosts = hosts();
    if hosts.is_empty() {
        return false;
    }
    let count = hosts.len() as isize;
    let next = match focused_index(&hosts) {
        Some(i) => (i as isize + step).rem_euclid(count),
        None if step > 0 => 0,
        None => count - 1,
    };
    let Some(host) = usize::try_from(next).ok().and_then(|i| hosts.get(i)) else {
        return false;
    };
    focus_first(host)
}

fn focus_first(host: &Element) -> bool {
    // A panel far from view is only a marker until now.
    if let Ok(doc) = dom::document() {
        content::draw(&doc, host);
    }
    let Some(root) = host.shadow_root() else {
        return false;
    };
    let Ok(Some(target)) = root.query_selector("[data-kindly=toggle]") else {
        return false;
    };
    host.scroll_into_view_with_bool(false);
    target
        .dyn_ref::<HtmlElement>()
        .map(|t| t.focus().is_ok())
        .unwrap_or(false)
}

/// The focused panel's top Copy button; with no panel focused, the first
/// panel that has one (a page or event invitation has no reply to copy).
fn copy_top_reply() -> bool {
    let hosts = hosts();
    let top_copy = |host: &Element| -> Option<HtmlElement> {
        let root = host.shadow_root()?;
        root.query_selector("[data-kindly=copy]")
            .ok()
            .flatten()?
            .dyn_into::<HtmlElement>()
            .ok()
    };
    let button = match focused_index(&hosts) {
        Some(index) => hosts.get(index).and_then(top_copy),
        None => hosts.iter().find_map(top_copy),
    };
    match button {
        Some(button) => {
            button.click();
            true
        }
        None => false,
    }
}
