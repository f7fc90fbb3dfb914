//! What happened next: when the person clicks LinkedIn's own Accept or
//! Ignore on an invitation Kindly marked, the answer and the day are kept
//! for that inviter (the weekly review then lists only what is pending).
//!
//! Only trusted events count: a click the browser made for the person (a
//! mouse, a tap, Enter on the focused control), never one a script
//! dispatched. Kindly itself never clicks anything on LinkedIn; it listens,
//! passively, in the capture phase so that LinkedIn replacing the card
//! after its own handler ran cannot hide the click. The card is known by
//! the panel Kindly put into it (`hosts`), or beside the page by the card
//! it remembers (`beside`), never by a mark in the page.

use crate::hosts;
use crate::intent::{emit, Intent};
use crate::page;
use kindly_core::controls::{classify_control, Control};
use kindly_core::Answer;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event};

/// Starts listening (once per page).
pub fn install() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let listener = Closure::<dyn FnMut(Event)>::new(on_click);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    crate::dom::report(
        document.add_event_listener_with_callback_and_add_event_listener_options(
            "click",
            listener.as_ref().unchecked_ref(),
            &options,
        ),
    );
    listener.forget(); // lives as long as the page
}

fn on_click(event: Event) {
    if !event.is_trusted() {
        return;
    }
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    // A click inside a panel reaches the document as a click on its host
    // (the root is closed): Kindly's own buttons are not LinkedIn's.
    if hosts::is_host(&target) {
        return;
    }
    let Some(control) = target.closest(page::CONTROLS).ok().flatten() else {
        return;
    };
    let key = hosts::around(&control)
        .and_then(|panel| panel.key())
        .or_else(|| crate::beside::around(&control).map(|(_, key)| key));
    let Some(key) = key else {
        return;
    };
    let answer = match classify_control(&page::control_label(&control)) {
        Control::Accept => Some(Answer::Accepted),
        Control::Ignore => Some(Answer::Ignored),
        Control::Other => None,
    };
    emit(Intent::Answered {
        key,
        answer,
        control,
    });
}
