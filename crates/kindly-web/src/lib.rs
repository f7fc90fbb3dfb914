//! Kindly in the browser. Thin by design: it finds cards and pulls their
//! text (`page`), shows what `kindly-core` decides (`panel`), and runs the
//! popup. It never decides anything itself.

use wasm_bindgen::prelude::*;

/// Content-script entry, called by the loader once per page load.
#[wasm_bindgen]
pub fn start_content() {
    console_error_panic_hook::set_once();
}

/// Popup entry, called by `popup.js` once the real WASM is instantiated.
#[wasm_bindgen]
pub fn start_popup() {
    console_error_panic_hook::set_once();
}
