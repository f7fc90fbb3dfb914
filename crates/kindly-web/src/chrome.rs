//! Typed bindings to the few extension APIs Kindly uses. `chrome.*` works in
//! Chromium and (as an alias of `browser.*`) in Firefox MV3; every call is
//! `catch` so a missing API (a page opened outside the extension) is an
//! error value, never an exception that kills the module.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = get, catch)]
    pub fn storage_get(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = set, catch)]
    pub fn storage_set(items: &JsValue) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "storage", "local"], js_name = remove, catch)]
    pub fn storage_remove(keys: &JsValue) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "storage", "onChanged"], js_name = addListener, catch)]
    pub fn storage_on_changed(listener: &js_sys::Function) -> Result<(), JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "runtime"], js_name = sendMessage, catch)]
    pub fn runtime_send_message(message: &JsValue) -> Result<js_sys::Promise, JsValue>;

    #[wasm_bindgen(js_namespace = ["chrome", "i18n"], js_name = getMessage, catch)]
    fn i18n_get_message(name: &str, substitutions: &JsValue) -> Result<JsValue, JsValue>;
}

thread_local! {
    /// Messages without substitutions, looked up once per page (a panel asks
    /// for the same two dozen labels on every card); `None` for one missing.
    static MESSAGES: std::cell::RefCell<std::collections::BTreeMap<String, Option<String>>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// A UI string from `_locales/*/messages.json`, with `$1`… substitutions.
/// Falls back to `fallback` when the message or the API is missing, so a
/// gap in a translation shows English rather than nothing.
pub fn message(name: &str, substitutions: &[&str], fallback: &str) -> String {
    lookup(name, substitutions).unwrap_or_else(|| fallback.to_string())
}

/// The message `name`, if the UI language (or the default) has it.
fn lookup(name: &str, substitutions: &[&str]) -> Option<String> {
    if substitutions.is_empty() {
        if let Some(hit) = MESSAGES.with(|m| m.borrow().get(name).cloned()) {
            return hit;
        }
    }
    let subs: js_sys::Array = substitutions.iter().map(|s| JsValue::from_str(s)).collect();
    let text = i18n_get_message(name, &subs)
        .ok()
        .and_then(|value| value.as_string())
        .filter(|text| !text.is_empty());
    if substitutions.is_empty() {
        MESSAGES.with(|m| m.borrow_mut().insert(name.to_string(), text.clone()));
    }
    text
}

/// A message that counts `count` things, in the plural form the UI
/// language uses for it: `name_one`, `name_many` or `name_other`
/// (`kindly_core::plural`), the last standing in for a form a language's
/// messages leave out. Never "connection(s)".
pub fn counted_message(name: &str, count: u64, substitutions: &[&str], fallback: &str) -> String {
    let form = kindly_core::plural::category(&ui_lang_dir_cached().0, count);
    lookup(&format!("{name}_{}", form.as_str()), substitutions)
        .or_else(|| lookup(&format!("{name}_other"), substitutions))
        .unwrap_or_else(|| fallback.to_string())
}

thread_local! {
    static UI_LANG: (String, String) = ui_lang_dir();
}

/// [`ui_lang_dir`], asked once per page.
pub fn ui_lang_dir_cached() -> (String, String) {
    UI_LANG.with(Clone::clone)
}

/// The language and direction Kindly's UI strings are written in, for the
/// `lang` and `dir` of what it draws: screen readers pronounce by `lang`,
/// and on a right-to-left page English text drawn right to left shows its
/// punctuation on the wrong side ("8000 / 204"). Not `@@ui_locale`: a
/// browser in a language Kindly has no strings for gets English.
pub fn ui_lang_dir() -> (String, String) {
    let dir = match message("ui_dir", &[], "ltr").as_str() {
        "rtl" => "rtl",
        _ => "ltr",
    };
    (message("ui_lang", &[], "en"), dir.to_string())
}
