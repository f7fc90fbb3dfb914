//! Kindly in the browser. Thin by design: it finds cards and pulls their
//! text (`page`), shows what `kindly-core` decides (`panel`), keeps the
//! content script in step with the page (`content`) and runs the popup. It
//! never decides anything itself.
//!
//! Built twice by `build.sh`: with the `popup` feature for the popup's real
//! WASM, without it for the content script; code only the popup uses is
//! gated on the feature where it is, so the content build warns on dead code
//! like any other.

mod chrome;
mod clipboard;
mod content;
mod dom;
mod first_run;
mod hosts;
mod intent;
mod keys;
mod outcome;
// Public for the native tests (`tests/extraction.rs`, `tests/outgoing.rs`),
// which run the page adapter over HTML fixtures through their own
// `markup::DomElement`; `note_dialog` and `sent_tab` are the adapter for
// invitations the user sends (`outgoing` wires them into the page).
pub mod markup;
pub mod note_dialog;
mod note_strip;
mod outgoing;
pub mod page;
mod panel;
mod parts;
mod placement;
#[cfg(feature = "popup")]
mod popup;
mod sent_panel;
pub mod sent_tab;
mod shape;
// Public for the native tests, which check a card read from its copy.
pub mod snapshot;
mod storage;
mod ui_text;
mod viewport;
mod words;

use wasm_bindgen::prelude::*;

/// Content-script entry, called by the loader once per page load with its
/// read of the whole storage (`chrome.storage.local.get(null)`), made before
/// the module was instantiated.
#[wasm_bindgen]
pub fn start_content(stored: js_sys::Promise) {
    console_error_panic_hook::set_once();
    content::start(stored);
}

/// Popup entry, called by `popup.js` once the real WASM is instantiated.
#[cfg(feature = "popup")]
#[wasm_bindgen]
pub fn start_popup() {
    console_error_panic_hook::set_once();
    if let Err(err) = popup::start() {
        web_sys::console::error_2(&JsValue::from_str("Kindly popup could not start:"), &err);
    }
}
