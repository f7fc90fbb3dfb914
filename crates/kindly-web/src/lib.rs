//! Kindly in the browser. Thin by design: it finds cards and pulls their
//! text (`page`), shows what `kindly-core` decides (`panel`), keeps the
//! content script in step with the page (`content`) and runs the popup. It
//! never decides anything itself.

mod chrome;
mod clipboard;
mod content;
mod dom;
mod keys;
// Public for the native tests (`tests/extraction.rs`), which run the page
// adapter over HTML fixtures through their own `markup::DomElement`.
pub mod markup;
pub mod page;
mod panel;
mod popup;
mod storage;
mod viewport;

use wasm_bindgen::prelude::*;

/// Content-script entry, called by the loader once per page load.
#[wasm_bindgen]
pub fn start_content() {
    console_error_panic_hook::set_once();
    content::start();
}

/// Popup entry, called by `popup.js` once the real WASM is instantiated.
#[wasm_bindgen]
pub fn start_popup() {
    console_error_panic_hook::set_once();
    if let Err(err) = popup::start() {
        web_sys::console::error_2(&JsValue::from_str("Kindly popup could not start:"), &err);
    }
}
