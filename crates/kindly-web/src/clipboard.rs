//! Copying a reply. `navigator.clipboard` needs a user gesture and is refused
//! where the page's Permissions-Policy withholds `clipboard-write`; then a
//! hidden textarea inside Kindly's own shadow root and `execCommand('copy')`
//! still work within the click's activation.

use crate::dom;
use crate::parts;
use crate::ui_text;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{Element, HtmlTextAreaElement};

/// How long the button says "Copied" before it offers to copy again.
const COPIED_MS: u32 = 2500;

thread_local! {
    /// Counts copies, so only the latest one on a button resets its label.
    static COPIES: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Copies `text`, then says so on `button` (visible) and in the panel's
/// live region (announced: a label change on a focused button is not).
pub fn copy(text: &str, button: &Element) {
    let text = text.to_string();
    let button = button.clone();
    let this_copy = COPIES.with(|n| {
        let next = n.get().wrapping_add(1);
        n.set(next);
        next.to_string()
    });
    spawn_local(async move {
        let copied = match write_async(&text).await {
            Ok(()) => true,
            Err(_) => fallback(&text, &button).is_ok(),
        };
        let (label, said) = if copied {
            (
                ui_text::text("copied", &[]),
                ui_text::text("copied_status", &[]),
            )
        } else {
            let failed = ui_text::text("copy_failed", &[]);
            (failed.clone(), failed)
        };
        button.set_text_content(Some(&label));
        dom::report(
            button
                .set_attribute(parts::COPIED, if copied { "true" } else { "false" })
                .and_then(|()| button.set_attribute(parts::COPY_ID, &this_copy)),
        );
        announce(&button, &said);
        if !copied {
            return; // the advice stays until the next attempt
        }
        gloo::timers::future::TimeoutFuture::new(COPIED_MS).await;
        if button.get_attribute(parts::COPY_ID).as_deref() == Some(this_copy.as_str()) {
            button.set_text_content(Some(&ui_text::text("copy", &[])));
            dom::report(
                button
                    .remove_attribute(parts::COPIED)
                    .and_then(|()| button.remove_attribute(parts::COPY_ID)),
            );
        }
    });
}

/// Puts `text` in the live region of the panel that holds `button`. A
/// repeated message differs by a trailing no-break space, so it is read
/// again.
fn announce(button: &Element, text: &str) {
    let root = button.get_root_node();
    let Some(root) = root.dyn_ref::<web_sys::DocumentFragment>() else {
        return;
    };
    let Ok(Some(status)) = root.query_selector(&parts::selector(parts::STATUS)) else {
        return;
    };
    let same = status.text_content().as_deref().map(str::trim_end) == Some(text);
    let said = if same
        && !status
            .text_content()
            .unwrap_or_default()
            .ends_with('\u{a0}')
    {
        format!("{text}\u{a0}")
    } else {
        text.to_string()
    };
    status.set_text_content(Some(&said));
}

/// Whether the page's Permissions-Policy lets this document write to the
/// clipboard. Asking first matters: a refused call is logged by the browser
/// as a policy violation on the page. Unknown (no policy API) means "try".
fn policy_allows_clipboard_write() -> bool {
    let Ok(doc) = dom::document() else {
        return false;
    };
    for api in ["permissionsPolicy", "featurePolicy"] {
        let Ok(policy) = js_sys::Reflect::get(&doc, &JsValue::from_str(api)) else {
            continue;
        };
        let Ok(allows) = js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature")) else {
            continue;
        };
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
    let doc = dom::document()?;
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
    if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
        dom::report(button.focus());
    }
    if ok {
        Ok(())
    } else {
        Err(JsValue::from_str("copy refused"))
    }
}
