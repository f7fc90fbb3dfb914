//! Keyboard shortcuts on the invitations page: Alt+Shift+J / Alt+Shift+K
//! move to the next / previous panel, Alt+Shift+C copies the top reply of the
//! panel that has focus (or of the first one with a reply). Chosen to avoid
//! LinkedIn's own shortcuts and the browser's; listed in the popup.

use crate::hosts::{self, Panel};
use crate::parts;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, KeyboardEvent};

/// Installs the shortcuts; `active` says whether the page shows panels,
/// `draw` draws a panel that is still a marker (the content script's).
pub fn install(active: fn() -> bool, draw: fn(&Panel)) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn FnMut(KeyboardEvent)>::new(move |event: KeyboardEvent| {
        // A page script's synthetic keydown must not move or copy anything,
        // and a key typed into a field is the person's text, not a shortcut.
        let shortcut = event.is_trusted() && event.alt_key() && event.shift_key();
        if !shortcut || event.ctrl_key() || event.meta_key() || !active() || hosts::typing() {
            return;
        }
        // `code` is layout-independent: the same physical keys everywhere.
        let handled = match event.code().as_str() {
            "KeyJ" => move_focus(1, draw),
            "KeyK" => move_focus(-1, draw),
            "KeyC" => copy_top_reply(),
            _ => false,
        };
        if handled {
            event.prevent_default();
            event.stop_propagation();
        }
    });
    crate::dom::report(window.add_event_listener_with_callback_and_bool(
        "keydown",
        handler.as_ref().unchecked_ref(),
        true,
    ));
    handler.forget();
}

fn move_focus(step: isize, draw: fn(&Panel)) -> bool {
    let panels = hosts::all();
    if panels.is_empty() {
        return false;
    }
    let count = panels.len() as isize;
    let focused = hosts::focused();
    let current = focused
        .as_ref()
        .and_then(|f| panels.iter().position(|p| p.host == f.host));
    let next = match current {
        Some(i) => (i as isize + step).rem_euclid(count),
        None if step > 0 => 0,
        None => count - 1,
    };
    let Some(panel) = usize::try_from(next).ok().and_then(|i| panels.get(i)) else {
        return false;
    };
    // A panel far from view is only a marker until now.
    draw(panel);
    focus_first(panel)
}

fn focus_first(panel: &Panel) -> bool {
    let Some(target) = panel.find(&parts::selector(parts::TOGGLE)) else {
        return false;
    };
    panel.host.scroll_into_view_with_bool(false);
    target
        .dyn_ref::<HtmlElement>()
        .map(|t| t.focus().is_ok())
        .unwrap_or(false)
}

/// The focused panel's top Copy button; with no panel focused, the first
/// panel that has one (a page or event invitation has no reply to copy).
fn copy_top_reply() -> bool {
    let top_copy = |panel: &Panel| -> Option<HtmlElement> {
        panel
            .find(&parts::selector(parts::COPY))?
            .dyn_into::<HtmlElement>()
            .ok()
    };
    let button = match hosts::focused() {
        Some(panel) => top_copy(&panel),
        None => hosts::all().iter().find_map(top_copy),
    };
    match button {
        Some(button) => {
            // A click made by script is untrusted, and the panel ignores
            // those: copy directly, inside this trusted keydown.
            crate::panel::copy_from(&button);
            true
        }
        None => false,
    }
}
