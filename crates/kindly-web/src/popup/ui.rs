//! Small builders for the popup's controls. Every control gets a real
//! `<label>` (or an `aria-label` when its visible text says it all), and
//! names what it does in `data-act` / `data-change` / `data-input`, which the
//! popup's one delegated listener per event type dispatches on. So rebuilding
//! a list never leaks listeners, and the HTML says what each control does.

use crate::chrome;
use crate::dom::{append, el, node, DomResult, Node};
use kindly_core::Day;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

/// A popup string (`popup_<key>` in `_locales/*/popup.json`). A missing
/// message shows its key, so a gap is visible in testing, never blank.
pub fn t(key: &str) -> String {
    tf(key, &[])
}

/// A popup string with `$1`… substitutions.
pub fn tf(key: &str, subs: &[&str]) -> String {
    chrome::message(&format!("popup_{key}"), subs, key)
}

/// A popup string that counts `n` things, in the UI language's plural form
/// for `n` (`popup_<key>_one`, `_other`…): never "template(s)".
pub fn tn(key: &str, n: usize, subs: &[&str]) -> String {
    chrome::counted_message(&format!("popup_{key}"), n as u64, subs, key)
}

/// Today as a day number (UTC).
pub fn today() -> Day {
    let days = (js_sys::Date::now() / 86_400_000.0).floor();
    if days.is_finite() && days > 0.0 && days < f64::from(u32::MAX) {
        days as Day
    } else {
        0
    }
}

/// Removes every child of `element`.
pub fn clear(element: &Element) {
    element.set_text_content(None);
}

/// A `<button type=button>` that dispatches `act` with `data-id`.
pub fn button(
    doc: &Document,
    parent: &Element,
    text: &str,
    act: &str,
    id: &str,
    disabled: bool,
) -> DomResult<Element> {
    let b = append(
        parent,
        el(
            doc,
            "button",
            &[("type", "button"), ("data-act", act), ("data-id", id)],
            Some(text),
        )?,
    )?;
    if disabled {
        b.set_attribute("disabled", "")?;
    }
    Ok(b)
}

/// A heading, a paragraph, or any element holding text.
pub fn text(
    doc: &Document,
    parent: &Element,
    tag: &str,
    class: &str,
    text: &str,
) -> DomResult<Element> {
    let attrs: &[(&str, &str)] = if class.is_empty() {
        &[]
    } else {
        &[("class", class)]
    };
    append(parent, el(doc, tag, attrs, Some(text))?)
}

/// A `div.field` in `parent`: the label `label`, then `control` (whose id
/// is `id`). Returns the control.
pub fn field(parent: &Element, id: &str, label: &str, control: Node) -> DomResult<Element> {
    let control = control.build()?;
    node("div")
        .class("field")
        .child(node("label").attr("for", id).text(label))
        .holding(&control)
        .add_to(parent)?;
    Ok(control)
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

/// A labelled checkbox (a switch when `switch` is true: `role=switch`).
pub fn checkbox(
    doc: &Document,
    parent: &Element,
    id: &str,
    label: &str,
    checked: bool,
    change: &str,
    disabled: bool,
) -> DomResult<HtmlInputElement> {
    let row = append(parent, el(doc, "div", &[("class", "check")], None)?)?;
    let input = append(
        &row,
        el(
            doc,
            "input",
            &[("id", id), ("type", "checkbox"), ("data-change", change)],
            None,
        )?,
    )?;
    append(&row, el(doc, "label", &[("for", id)], Some(label))?)?;
    let input: HtmlInputElement = input.dyn_into()?;
    input.set_checked(checked);
    input.set_disabled(disabled);
    Ok(input)
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

/// Comma-separated text → trimmed, non-empty items.
pub fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(ToString::to_string)
        .collect()
}

/// "today", "1 day", "3 weeks": how long ago, roughly, in words.
pub fn age(days: u32) -> String {
    let n = |v: u32| v.to_string();
    match days {
        0 => t("age_today"),
        1 => t("age_day"),
        2..=13 => tf("age_days", &[&n(days)]),
        14..=59 => tf("age_weeks", &[&n(days / 7)]),
        60..=729 => tf("age_months", &[&n(days / 30)]),
        _ => tf("age_years", &[&n(days / 365)]),
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
