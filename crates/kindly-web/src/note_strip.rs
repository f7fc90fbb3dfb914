//! Kindly's strip in LinkedIn's "Add a note" dialog, under the note box:
//! notes for the person (their first name filled in, and where you met and
//! what you talked about when you say so), the politeness check as you
//! type, and the count against the limit the note is held to. Everything
//! it says comes from `kindly_core::note`; this module only draws it.
//!
//! The strip is a bare `<div>` with a closed shadow root, like the
//! invitation panels (`hosts`): nothing in the page's DOM tells it is
//! Kindly's. "Use" puts a note in LinkedIn's box the way typing does
//! (`insertText`, so LinkedIn's own counter and Send button follow);
//! Kindly never clicks Send. Only a person's clicks count (trusted events).

use crate::dom::{self, node, DomResult};
use crate::panel::{hint_text, tip_text};
use crate::parts;
use crate::ui_text;
use kindly_core::note::{self, NoteInput};
use kindly_core::template::count_chars;
use kindly_core::tone::Severity;
use kindly_core::Data;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, HtmlInputElement, ShadowRootInit, ShadowRootMode};

const CSS: &str = include_str!("note_strip.css");

/// Notes shown at once: the dialog is small.
const SHOWN_NOTES: usize = 3;

/// One strip, drawn.
pub struct Strip {
    /// The bare host in LinkedIn's dialog.
    pub host: Element,
    state: Rc<RefCell<StripState>>,
}

struct StripState {
    doc: Document,
    data: Data,
    input: NoteInput,
    note_box: Element,
    count: Element,
    hints: Element,
    notes: Element,
}

impl Strip {
    /// What the user said beside the dialog, and its language and limit.
    pub fn input(&self) -> NoteInput {
        self.state.borrow().input.clone()
    }

    /// The text in LinkedIn's box now.
    pub fn note_text(&self) -> String {
        box_text(&self.state.borrow().note_box)
    }
}

/// The box as a textarea, when it is one. By tag, not `instanceof`: an
/// element of a frame is an instance of the frame's classes, not of ours.
fn as_textarea(note_box: &Element) -> Option<&web_sys::HtmlTextAreaElement> {
    note_box
        .tag_name()
        .eq_ignore_ascii_case("textarea")
        .then(|| note_box.unchecked_ref())
}

/// An event's target when it is an element (by node type: see
/// [`as_textarea`]).
pub fn target_element(event: &Event) -> Option<Element> {
    let target = event.target()?;
    let is_element =
        target.unchecked_ref::<web_sys::Node>().node_type() == web_sys::Node::ELEMENT_NODE;
    is_element.then(|| target.unchecked_into())
}

/// The text of a note box: a textarea's value, an editable element's text.
pub fn box_text(note_box: &Element) -> String {
    match as_textarea(note_box) {
        Some(area) => area.value(),
        // Every element of an HTML document is an HTMLElement (see above).
        None => note_box
            .unchecked_ref::<web_sys::HtmlElement>()
            .inner_text(),
    }
}

/// A stylesheet made in `doc`'s own window: a constructed sheet can only be
/// adopted in the document it was made for (a dialog may sit in a frame).
pub fn sheet_for(doc: &Document) -> Option<JsValue> {
    let window: JsValue = doc.default_view()?.into();
    let constructor: js_sys::Function = js_sys::Reflect::get(&window, &"CSSStyleSheet".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let sheet = js_sys::Reflect::construct(&constructor, &js_sys::Array::new()).ok()?;
    let sheet: web_sys::CssStyleSheet = sheet.dyn_into().ok()?;
    sheet.replace_sync(CSS).ok()?;
    Some(sheet.into())
}

/// A bare host for `near` (whose document it is made in) with a closed
/// root holding the panel element (the test contract: `data-kindly=panel`,
/// `data-key`, `data-kind`) and its head: (document, host, section, head).
pub fn small_panel(
    near: &Element,
    key: &str,
    kind: &str,
) -> DomResult<(Document, Element, Element, Element)> {
    let doc = near
        .owner_document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let host = doc.create_element("div")?;
    crate::hosts::note_other(&host);
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    if let Some(sheet) = sheet_for(&doc) {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    let section = node("section")
        .part(parts::PANEL)
        .attr(parts::KEY, key)
        .attr(parts::KIND, kind)
        .attr(parts::DRAWN, "")
        .attr("aria-label", "Kindly")
        .build()?;
    root.append_child(&section)?;
    let head = node("div")
        .class("head")
        .child(node("span").class("brand").text("Kindly"))
        .add_to(&section)?;
    Ok((doc, host, section, head))
}

/// Draws a strip for the note to `key`'s invitee, to go right after
/// `note_box` (in LinkedIn's dialog), from `input` (the first name, the
/// language, the dialog's limit).
pub fn make(note_box: &Element, key: &str, data: &Data, input: NoteInput) -> DomResult<Strip> {
    let (doc, host, section, head) = small_panel(note_box, key, "note")?;
    let count = part("span", parts::NOTE_COUNT).add_to(&head)?;
    let facts = node("div").class("facts").add_to(&section)?;
    let met_at = fact_field(&facts, parts::MET_AT, "note_met_at")?;
    let topic = fact_field(&facts, parts::TOPIC, "note_topic")?;
    let hints = part("ul", parts::HINTS).add_to(&section)?;
    let notes = part("ul", parts::NOTES).add_to(&section)?;
    node("p")
        .class("never")
        .text(&ui_text::text("note_never_sends", &[]))
        .add_to(&section)?;
    let state = Rc::new(RefCell::new(StripState {
        doc,
        data: data.clone(),
        input,
        note_box: note_box.clone(),
        count,
        hints,
        notes,
    }));
    // The facts the user types re-render the notes.
    for (field, set) in [
        (
            met_at,
            (|i: &mut NoteInput, v| i.met_at = v) as fn(&mut NoteInput, String),
        ),
        (topic, |i: &mut NoteInput, v| i.topic = v),
    ] {
        let state = state.clone();
        let typed = field.clone();
        listen(&field, "input", move |_| {
            let value: String = typed.value().chars().take(note::MAX_INPUT).collect();
            set(&mut state.borrow_mut().input, value);
            dom::report(render_notes(&state));
        });
    }
    // LinkedIn's box: the count and the check follow what is typed there.
    {
        let state = state.clone();
        listen(note_box, "input", move |_| {
            dom::report(render_check(&state))
        });
    }
    {
        let state = state.clone();
        listen(&section, "click", move |event| use_clicked(&state, &event));
    }
    render_notes(&state)?;
    render_check(&state)?;
    Ok(Strip { host, state })
}

/// `<tag>` with `name` as its class and part name.
fn part(tag: &str, name: &str) -> dom::Node {
    node(tag).class(name).part(name)
}

/// A text field for one fact, labelled by the message `label` (its
/// placeholder and aria-label).
fn fact_field(parent: &Element, part: &str, label: &str) -> DomResult<HtmlInputElement> {
    let label = ui_text::text(label, &[]);
    let field = node("input")
        .attr("type", "text")
        .part(part)
        .attr("placeholder", &label)
        .attr("aria-label", &label)
        .attr("maxlength", &note::MAX_INPUT.to_string())
        .add_to(parent)?;
    // Made as an `<input>` just above (adopted by a frame's document, maybe).
    Ok(field.unchecked_into())
}

/// Listens for the person's `kind` events on `target` (events a script made
/// are ignored, as everywhere in Kindly) for as long as the page lives (a
/// dialog opens a few times per visit: its few closures are not worth
/// tracking).
fn listen(target: &Element, kind: &str, mut handler: impl FnMut(Event) + 'static) {
    let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        if event.is_trusted() {
            handler(event);
        }
    });
    let added = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
    dom::report(added);
    closure.forget();
}

/// The notes for what the user said, best first; those that fit first.
fn render_notes(state: &Rc<RefCell<StripState>>) -> DomResult<()> {
    let s = state.borrow();
    s.notes.set_text_content(None);
    for suggestion in note::suggest_notes(&s.input, &s.data)
        .into_iter()
        .take(SHOWN_NOTES)
    {
        node("li")
            .part(parts::NOTE_SUGGESTION)
            .attr("data-template", &suggestion.template_id)
            .attr("data-fits", if suggestion.fits { "true" } else { "false" })
            .child(node("p").part(parts::NOTE_TEXT).text(&suggestion.text))
            .child(
                node("span")
                    .class("chars")
                    .text(&format!("{}/{}", suggestion.chars, suggestion.limit)),
            )
            .child(
                node("button")
                    .attr("type", "button")
                    .part(parts::USE)
                    .attr("title", &suggestion.title)
                    .text(&ui_text::text("note_use", &[])),
            )
            .add_to(&s.notes)?;
    }
    Ok(())
}

/// The count against the limit, and the politeness check of the box's text.
fn render_check(state: &Rc<RefCell<StripState>>) -> DomResult<()> {
    let s = state.borrow();
    let text = box_text(&s.note_box);
    let used = count_chars(&text);
    let limit = note::limit(s.input.shown_limit, s.data.profile.account);
    s.count.set_text_content(Some(&format!("{used}/{limit}")));
    s.count.set_attribute("data-limit", &limit.to_string())?;
    if used > limit {
        s.count.set_attribute("data-over", "")?;
    } else {
        s.count.remove_attribute("data-over")?;
    }
    s.hints.set_text_content(None);
    if text.trim().is_empty() {
        return Ok(());
    }
    for hint in note::check(&text, &s.input, &s.data) {
        let severity = match hint.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        };
        let tip = tip_text(&hint);
        let said = if tip.is_empty() {
            hint_text(&hint)
        } else {
            format!("{} {tip}", hint_text(&hint))
        };
        node("li")
            .attr(parts::HINT_ID, &hint.id)
            .class(severity)
            .text(&said)
            .add_to(&s.hints)?;
    }
    Ok(())
}

/// "Use" on a note: LinkedIn's box gets its text as if typed.
fn use_clicked(state: &Rc<RefCell<StripState>>, event: &Event) {
    if !event.is_trusted() {
        return;
    }
    let Some(button) =
        target_element(event).and_then(|t| t.closest(&parts::selector(parts::USE)).ok().flatten())
    else {
        return;
    };
    let Some(text) = parts::in_same(&button, parts::NOTE_SUGGESTION, parts::NOTE_TEXT)
        .and_then(|p| p.text_content())
    else {
        return;
    };
    let (doc, note_box) = {
        let s = state.borrow();
        (s.doc.clone(), s.note_box.clone())
    };
    type_into(&doc, &note_box, &text);
    // The input event Kindly's typing fires is not trusted, so the box's
    // listener ignores it: the count and the check follow here.
    dom::report(render_check(state));
}

/// Replaces the box's text with `text` as typing would: focus, select all,
/// `insertText` (the browser fires `beforeinput` and `input`, LinkedIn's
/// counter and Send button update, and the person can undo). Where the
/// browser refuses, the value is set and an `input` event dispatched.
fn type_into(doc: &Document, note_box: &Element, text: &str) {
    dom::report(note_box.unchecked_ref::<web_sys::HtmlElement>().focus());
    match as_textarea(note_box) {
        Some(area) => area.select(),
        None => {
            if let Ok(Some(selection)) = doc.get_selection() {
                dom::report(selection.select_all_children(note_box));
            }
        }
    }
    let inserted = doc
        .unchecked_ref::<web_sys::HtmlDocument>()
        .exec_command_with_show_ui_and_value("insertText", false, text)
        .unwrap_or(false);
    if inserted && box_text(note_box) == text {
        return;
    }
    match as_textarea(note_box) {
        Some(area) => area.set_value(text),
        None => note_box.set_text_content(Some(text)),
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Ok(event) = Event::new_with_event_init_dict("input", &init) {
        dom::report(note_box.dispatch_event(&event).map(|_| ()));
    }
}
