//! Copying a reply. `navigator.clipboard` needs a user gesture and is refused
//! where the page's Permissions-Policy withholds `clipboard-write`; then a
//! hidden textarea inside Kindly's own shadow root and `execCommand('copy')`
//! still work within the click's activation.

use crate::chrome::message;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlTextAreaElement};

/// Copies `text`, then says so on `button` (visible and announced).
pub fn copy(text: &str, button: &Element) {
    let text = text.to_string();
    let button = button.clone();
    spawn_local(async move {
        let copied = match write_async(&text).await {
            Ok(()) => true,
            Err(_) => fallback(&text, &button).is_ok(),
        };
        let label = if copied {
            message("copied", &[], "Copied")
        } else {
            message("copy_failed", &[], "Select and copy the text")
        };
        button.set_text_content(Some(&label));
        let _ = button.set_attribute("data-kindly-copied", if copied { "true" } else { "false" });
    });
}

/// Whether the page's Permissions-Policy lets this document write to the
/// clipboard. Asking first matters: a refused call is logged by the browser
/// as a policy violation on the page. Unknown (no policy API) means "try".
fn policy_allows_clipboard_write() -> bool {
    let Ok(doc) = crate::dom::document() else { return false };
    for api in ["permissionsPolicy", "featurePolicy"] {
        let Ok(policy) = js_sys::Reflect::get(&doc, &JsValue::from_str(api)) else { continue };
        let Ok(allows) = js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature")) else { continue };
        if let Some(allows) = allows.dyn_ref::<js_sys::Function>() {
            return allows
                .call1(&policy, &JsValue::from_str("clipboard-write"))
                .map(|v| v.as_bool() != Some(false))
                .unwrap_or(true);
        }
    }
    true
}

async fn write_async(text: &str) -> Result<(), JsValue> {
    if !policy_allows_clipboard_write() {
        return Err(JsValue::from_str("clipboard-write withheld by the page"));
    }
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

fn fallback(text: &str, button: &Element) -> Result<(), JsValue> {
    let doc = crate::dom::document()?;
    let root = button.get_root_node();
    let area: HtmlTextAreaElement = doc.create_element("textarea")?.dyn_into()?;
    area.set_value(text);
    area.set_attribute("class", "offscreen")?;
    area.set_attribute("aria-hidden", "true")?;
    root.append_child(&area)?;
    area.select();
    let html: web_sys::HtmlDocument = doc.dyn_into()?;
    let ok = html.exec_command("copy").unwrap_or(false);
    root.remove_child(&area)?;
    let _ = button.dyn_ref::<web_sys::HtmlElement>().map(|b| b.focus());
    if ok {
        Ok(())
    } else {
        Err(JsValue::from_str("copy refused"))
    }
}
