//! Small, boring DOM helpers. Text goes in only through `textContent` and
//! attributes: nothing Kindly shows is ever parsed as HTML.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

pub type DomResult<T> = Result<T, JsValue>;

pub fn document() -> DomResult<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Creates `<tag>` with attributes and (optionally) text.
pub fn el(
    doc: &Document,
    tag: &str,
    attrs: &[(&str, &str)],
    text: Option<&str>,
) -> DomResult<Element> {
    let element = doc.create_element(tag)?;
    for (name, value) in attrs {
        element.set_attribute(name, value)?;
    }
    if let Some(text) = text {
        element.set_text_content(Some(text));
    }
    Ok(element)
}

/// Appends `child` to `parent` and returns the child, for building trees.
pub fn append(parent: &Element, child: Element) -> DomResult<Element> {
    parent.append_child(&child)?;
    Ok(child)
}

/// Reports a DOM call that failed where nothing can be done about it (in
/// a listener, or a finishing touch): a warning in the console, so it is
/// seen while developing and never breaks what the person is doing.
pub fn report(result: DomResult<()>) {
    if let Err(err) = result {
        web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
    }
}

/// Now, in milliseconds since the epoch: the stamp of new template ids.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Attaches a click (or other) listener that lives as long as the node.
/// Events a script made (`isTrusted` false) are ignored: the page can
/// dispatch a `click` or a `change` on any node, and must not drive Kindly.
pub fn on(target: &Element, event: &str, mut handler: impl FnMut() + 'static) -> DomResult<()> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if event.is_trusted() {
            handler();
        }
    });
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    // Freed with the page; one per control.
    closure.forget();
    Ok(())
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The elements of a `NodeList` (other node kinds skipped), in order.
pub fn elements(list: web_sys::NodeList) -> impl Iterator<Item = Element> {
    (0..list.length()).filter_map(move |i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
}

/// `element`'s computed style (`getComputedStyle`); `None` where the
/// browser gives none.
pub fn computed_style(element: &Element) -> Option<web_sys::CssStyleDeclaration> {
    web_sys::window()?
        .get_computed_style(element)
        .ok()
        .flatten()
}
