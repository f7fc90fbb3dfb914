//! Small builders for the popup's controls. Every control gets a real
//! `<label>` (or an `aria-label` when its visible text says it all), and
//! names what it does in `data-act` / `data-change` / `data-input`, which the
//! popup's one delegated listener per event type dispatches on. So rebuilding
//! a list never leaks listeners, and the HTML says what each control does.

use crate::dom::{node, Node};
use crate::ui_text;
use kindly_core::days::{ago, Ago};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// A popup string (`popup_<key>` in `_locales/*/popup.json`), read
/// through [`ui_text`] like the panel's words.
pub fn t(key: &str) -> String {
    tf(key, &[])
}

/// A popup string with `$1`… substitutions.
pub fn tf(key: &str, subs: &[&str]) -> String {
    ui_text::text(&format!("popup_{key}"), subs)
}

/// A popup string that counts `n` things, in the UI language's plural form
/// for `n` (`popup_<key>_one`, `_other`…): never "template(s)".
pub fn tn(key: &str, n: usize, subs: &[&str]) -> String {
    ui_text::counted(&format!("popup_{key}"), n as u64, subs)
}

/// Removes every child of `element`.
pub fn clear(element: &Element) {
    element.set_text_content(None);
}

/// A `<button type=button>` that dispatches `act` with `data-id`.
pub fn button(text: &str, act: &str, id: &str) -> Node {
    node("button")
        .attr("type", "button")
        .attr("data-act", act)
        .attr("data-id", id)
        .text(text)
}

/// A `<tag class=class>` holding `text` (no class when `class` is empty).
pub fn line(tag: &str, class: &str, text: &str) -> Node {
    let element = node(tag);
    let element = if class.is_empty() {
        element
    } else {
        element.class(class)
    };
    element.text(text)
}

/// A grey explanatory paragraph.
pub fn hint(text: &str) -> Node {
    line("p", "hint", text)
}

/// A `<section class=class>` titled by an `<h2 id=heading>` of `title`.
pub fn section(class: &str, heading: &str, title: &str) -> Node {
    node("section")
        .class(class)
        .attr("aria-labelledby", heading)
        .child(node("h2").text(title).attr("id", heading))
}

/// A `div.buttons` row.
pub fn buttons(children: impl IntoIterator<Item = Node>) -> Node {
    node("div").class("buttons").children(children)
}

/// A `div.field`: the label `label`, then `control` (whose id is `id`).
pub fn field(id: &str, label: &str, control: Node) -> Node {
    node("div")
        .class("field")
        .child(node("label").attr("for", id).text(label))
        .child(control)
}

/// An `<input>` of `kind` holding `value`, in the direction of the
/// person's own words.
pub fn input(id: &str, kind: &str, value: &str) -> Node {
    node("input")
        .attr("id", id)
        .attr("type", kind)
        .attr("dir", "auto")
        .value(value)
}

/// A `div.check`: `control` (a [`tick`] whose id is `id`), then its label.
pub fn check(id: &str, label: &str, control: Node) -> Node {
    node("div")
        .class("check")
        .child(control)
        .child(node("label").attr("for", id).text(label))
}

/// A checkbox, ticked when `checked`.
pub fn tick(id: &str, checked: bool) -> Node {
    node("input")
        .attr("id", id)
        .attr("type", "checkbox")
        .checked(checked)
}

/// A `<select>` of `(value, label)` options, `selected` chosen.
pub fn select(id: &str, options: &[(&str, String)], selected: &str) -> Node {
    let options = options.iter().map(|(value, label)| {
        node("option")
            .attr("value", value)
            .text(label)
            .flag("selected", *value == selected)
    });
    node("select")
        .attr("id", id)
        .children(options)
        .value(selected)
}

/// A `<textarea>` of `rows` rows holding `value`, in the direction of the
/// person's own words.
pub fn textarea(id: &str, rows: &str, value: &str) -> Node {
    node("textarea")
        .attr("id", id)
        .attr("rows", rows)
        .attr("dir", "auto")
        .value(value)
}

/// "today", "1 day", "3 weeks": how long ago, roughly, in words.
pub fn age(days: u32) -> String {
    let n = |v: u32| v.to_string();
    match ago(days) {
        Ago::Today => t("age_today"),
        Ago::OneDay => t("age_day"),
        Ago::Days(d) => tf("age_days", &[&n(d)]),
        Ago::Weeks(w) => tf("age_weeks", &[&n(w)]),
        Ago::Months(m) => tf("age_months", &[&n(m)]),
        Ago::Years(y) => tf("age_years", &[&n(y)]),
    }
}

/// A value as a stable snake_case name via its serde form ("stranger_generic").
pub fn name_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// `element` as an `HtmlElement`, when it is one (to focus it).
pub fn html(element: &Element) -> Option<&web_sys::HtmlElement> {
    element.dyn_ref::<web_sys::HtmlElement>()
}
