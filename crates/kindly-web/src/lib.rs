//! Kindly in the browser. Thin by design: it finds cards and pulls their
//! text (`page`), shows what `kindly-core` decides (`panel`), keeps the
//! content script in step with the page (`content`) and runs the popup. It
//! never decides anything itself.
//!
//! Built twice by `build.sh`: with the `popup` feature for the popup's real
//! WASM, without it for the content script; code only the popup uses is
//! gated on the feature where it is, so the content build warns on dead code
//! like any other.

mod beside;
mod chrome;
mod clipboard;
mod content;
mod dom;
mod first_run;
mod hosts;
mod intent;
mod keeping;
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
mod session;
mod shape;
#[cfg(feature = "popup")]
mod side_panel;
mod side_update;
// Public for the native tests, which check a card read from its copy.
pub mod snapshot;
mod storage;
mod store_notices;
mod ui_text;
mod viewport;
mod words;

use wasm_bindgen::prelude::*;

/// Content-script entry, called by `content-entry.js` once per page load
/// with its read of the start keys (`kindly_core::store::START_KEYS`), made
/// before the module was instantiated.
#[wasm_bindgen]
pub fn start_content(stored: js_sys::Promise) {
    // No panic hook: the content build aborts at a panic without running
    // one (build.sh, -Cpanic=immediate-abort); the browser reports the trap.
    content::start(stored);
}

/// The background worker's (`extension/background.js`): opens the store
/// (migration, repair, defaults, the company index) on install and update
/// and when the content script finds it not ready, so the content build
/// carries none of that.
#[cfg(feature = "popup")]
#[wasm_bindgen]
pub async fn open_store() -> Result<(), JsValue> {
    console_error_panic_hook::set_once();
    storage::open()
        .await
        .map(|_| ())
        .map_err(|err| JsValue::from_str(&err))
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

/// Side panel entry, called by `sidepanel-entry.js` once the real WASM is
/// instantiated; it connects to the tab once this resolves.
#[cfg(feature = "popup")]
#[wasm_bindgen]
pub async fn start_side_panel() {
    console_error_panic_hook::set_once();
    side_panel::start().await;
}

/// What the tab's content script sent the side panel (JSON text).
#[cfg(feature = "popup")]
#[wasm_bindgen]
pub fn side_panel_receive(update: &str) {
    side_panel::receive(update);
}

/// The side panel's port to the tab closed.
#[cfg(feature = "popup")]
#[wasm_bindgen]
pub fn side_panel_disconnected() {
    side_panel::disconnected();
}
