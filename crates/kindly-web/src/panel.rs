//! The suggestion panel beside each card: built node by node inside a closed
//! shadow root (see [`crate::hosts`]), so LinkedIn's CSS and scripts cannot
//! reach it and no page or user text is ever parsed as HTML. The test
//! contract (README, "The panel's test contract") is the panel element's
//! `data-*` attributes and the parts' `data-kindly`, all inside the closed
//! root.
//!
//! The panel only shows and forwards: what a choice means is decided by
//! `kindly-core` through `content`.

use crate::chrome::{counted_message, message};
use crate::clipboard;
use crate::dom::{self, node, on, DomResult};
use crate::hosts::{self, Panel};
use crate::intent::{emit, Intent};
use crate::parts;
use crate::store_notices;
use crate::ui_text;
use kindly_core::advice::Delivery;
use kindly_core::store;
use kindly_core::tone::{self, Severity};
use kindly_core::{Action, Bucket, Data, Kind, PanelModel, Person, Relationship, Suggestion};
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlSelectElement, HtmlTextAreaElement};

/// The panel's styles, adopted by each shadow root as a constructed
/// stylesheet: CSSOM, so the page's `style-src` CSP does not apply and no
/// `<style>` element or inline style attribute is ever added.
const CSS: &str = include_str!("panel.css");

thread_local! {
    static SHEET: Option<web_sys::CssStyleSheet> = {
        web_sys::CssStyleSheet::new().ok().inspect(|sheet| sheet.replace_sync(CSS).unwrap_or(()))
    };
}

/// Everything one panel shows.
pub struct View<'a> {
    pub model: &'a PanelModel,
    pub person: Option<&'a Person>,
    pub collapsed: bool,
    pub edits: Option<&'a BTreeMap<String, String>>,
    pub dark: bool,
    pub data: &'a Data,
    /// Show everything: all replies, how you know them, note and bucket.
    /// Otherwise a person panel shows its top reply and a "More" button,
    /// which keeps it small and keeps a page of hundreds of cards light.
    pub full: bool,
    /// The store belongs to a newer Kindly: nothing done here is saved.
    pub read_only: bool,
    /// The person's edit here (note, relationship, bucket) was written over
    /// by another tab or the popup: the panel shows theirs, and says so.
    pub changed_elsewhere: bool,
}

/// Whether the page is drawn dark (LinkedIn's own dark theme), judged from
/// the background the list is drawn on, so the panel matches whatever theme
/// is on: the first opaque background from `main` (the body where there is
/// none) up to `<html>`. Not the body's alone: a page may paint its dark
/// canvas on `<html>` or on a wrapper and leave the body transparent.
pub fn page_is_dark(doc: &Document) -> bool {
    let start = doc
        .query_selector("main")
        .ok()
        .flatten()
        .or_else(|| doc.body().map(Into::into));
    let mut node = start;
    while let Some(element) = node {
        if let Some(style) = dom::computed_style(&element) {
            let color = style
                .get_property_value("background-color")
                .unwrap_or_default();
            if let Some(dark) = is_dark_color(&color) {
                return dark;
            }
        }
        node = element.parent_element();
    }
    false
}

/// Whether a computed `rgb()`/`rgba()` colour is dark; `None` when it is
/// (nearly) transparent or not understood, so what is behind it decides.
fn is_dark_color(color: &str) -> Option<bool> {
    let channels: Vec<f64> = color
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|c| c.trim().parse::<f64>().ok())
        .collect();
    match channels.as_slice() {
        [r, g, b] | [r, g, b, _] if channels.get(3).is_none_or(|a| *a > 0.5) => {
            Some(0.2126 * r + 0.7152 * g + 0.0722 * b < 100.0)
        }
        _ => None,
    }
}

/// Builds one card's panel, drawn (for a panel that replaces another).
pub fn build(doc: &Document, view: &View) -> DomResult<Panel> {
    let model = view.model;
    let panel = hosts::make(doc, &model.key, model.kind, model.action)?;
    fill(doc, &panel, view)?;
    Ok(panel)
}

/// Draws the panel inside its closed root (once: a drawn panel is left as
/// it is). Until then the host is an empty marker that already carries the
/// card's key, kind and action: panels are drawn when their card comes near
/// the viewport, so a page of hundreds of cards costs only what is seen.
/// (The builder draws in the page's own document: `_doc` stays until
/// `content`, which passes it, is next changed.)
pub fn fill(_doc: &Document, panel: &Panel, view: &View) -> DomResult<()> {
    if panel.is_drawn() {
        return Ok(());
    }
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            panel
                .root
                .set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
    let section = &panel.section;
    label_section(section, view)?;
    let body = node("div")
        .attr("id", "kindly-body")
        .class("body")
        .flag("hidden", view.collapsed)
        .build()?;
    let header = header(view, &body)?;
    section.append_child(&header)?;
    // The first reason stays visible even when collapsed: one line of "why".
    if let Some(first) = view.model.reasons.first() {
        paragraph(parts::MAIN_REASON, "main-reason", &reason_text(first)).add_to(section)?;
    }
    if view.read_only {
        // Outside the body: seen before anything is typed, even collapsed.
        paragraph(parts::READ_ONLY, "warn", &ui_text::text("read_only", &[]))
            .attr("role", "note")
            .add_to(section)?;
    }
    if view.changed_elsewhere {
        store_notices::changed_elsewhere().add_to(section)?;
    }
    section.append_child(&body)?;
    warnings(&body, view.model)?;
    waited(&body, view.model)?;
    why(view.model).add_to(&body)?;
    if view.model.kind == Kind::Person {
        person_part(&body, view)?;
    }
    node("p")
        .part(parts::STATUS)
        .class("sr-only")
        .attr("aria-live", "polite")
        .add_to(section)?;
    section.set_attribute(parts::DRAWN, "")?;
    Ok(())
}

/// The panel element's action, language, theme and name. The action can
/// change between the marker and the drawing (the person's relationship
/// arrived from another tab): the panel tells the truth.
fn label_section(section: &Element, view: &View) -> DomResult<()> {
    let model = view.model;
    section.set_attribute(parts::ACTION_ATTR, model.action.as_str())?;
    let name = display_name(model);
    // The page's own language and direction would otherwise apply.
    let (lang, dir) = crate::chrome::ui_lang_dir_cached();
    section.set_attribute("lang", &lang)?;
    section.set_attribute("dir", &dir)?;
    let theme = if view.dark { " dark" } else { "" };
    section.set_attribute(
        "class",
        &format!("panel act-{}{theme}", model.action.as_str()),
    )?;
    section.set_attribute("aria-label", &ui_text::text("panel_label", &[&name]))
}

/// A `<p>` part with its class and text.
fn paragraph(part: &str, class: &str, text: &str) -> dom::Node {
    node("p").part(part).class(class).text(text)
}

/// The header: the brand, the suggested action, and the Show/Hide toggle
/// of `body`.
fn header(view: &View, body: &Element) -> DomResult<Element> {
    let model = view.model;
    let action_text = ui_text::text(&format!("action_{}", model.action.as_str()), &[]);
    let toggle = node("button")
        .attr("type", "button")
        .part(parts::TOGGLE)
        .class("toggle")
        .attr(
            "aria-expanded",
            if view.collapsed { "false" } else { "true" },
        )
        .attr("aria-controls", "kindly-body")
        .text(&toggle_label(view.collapsed))
        .build()?;
    on(&toggle, "click", {
        let key = model.key.clone();
        let body = body.clone();
        let toggle = toggle.clone();
        move || {
            let collapsed = !body.has_attribute("hidden");
            let shown = if collapsed {
                body.set_attribute("hidden", "")
            } else {
                body.remove_attribute("hidden")
            };
            dom::report(shown.and_then(|()| {
                toggle.set_attribute("aria-expanded", if collapsed { "false" } else { "true" })
            }));
            toggle.set_text_content(Some(&toggle_label(collapsed)));
            emit(Intent::SetCollapsed {
                key: key.clone(),
                collapsed,
            });
        }
    })?;
    node("header")
        .child(
            node("span")
                .class("brand")
                .attr("aria-hidden", "true")
                .text("Kindly"),
        )
        .child(paragraph(parts::ACTION, "action", &action_text))
        .holding(&toggle)
        .build()
}

/// What to know before anything else: LinkedIn's strongest option (spam
/// and scams), a card that could not be read, an earlier invitation.
fn warnings(body: &Element, model: &PanelModel) -> DomResult<()> {
    if model.dont_know_hint {
        paragraph(
            parts::DONT_KNOW,
            "warn",
            &ui_text::text("dont_know_hint", &[]),
        )
        .attr("role", "note")
        .add_to(body)?;
    }
    if !model.readable {
        paragraph(
            parts::UNREADABLE,
            "muted",
            &ui_text::text("unreadable", &[]),
        )
        .add_to(body)?;
    }
    if let Some(day) = model.invited_before {
        let date = kindly_core::store::iso_date(day);
        paragraph(
            parts::HISTORY,
            "history",
            &ui_text::text("invited_before", &[&date]),
        )
        .add_to(body)?;
    }
    Ok(())
}

/// "Why?": every reason, the deciding ones first.
fn why(model: &PanelModel) -> dom::Node {
    let reasons = model.reasons.iter().map(|reason| {
        node("li")
            .attr(parts::REASON_ID, &reason.id)
            .text(&reason_text(reason))
    });
    node("details")
        .part(parts::WHY)
        .child(node("summary").text(&ui_text::text("why", &[])))
        .child(node("ul").part(parts::REASONS).children(reasons))
}

/// A person's part of the panel: how the user knows them, the replies, the
/// private note and bucket (or "More" for them), and the first run.
fn person_part(body: &Element, view: &View) -> DomResult<()> {
    let model = view.model;
    let full = view.full
        || view
            .person
            .is_some_and(|p| p.relationship.is_some() || !p.note.is_empty() || p.bucket.is_some());
    if full {
        relationship_chooser(body, view)?;
    }
    let shown = if full { model.suggestions.len() } else { 1 };
    for (index, suggestion) in model.suggestions.iter().enumerate().take(shown) {
        let edited = view.edits.and_then(|e| e.get(&suggestion.template_id));
        reply(body, &model.key, index, suggestion, edited, &tone_of(view))?;
    }
    if model.suggestions.is_empty() && model.readable {
        nothing_to_send(body, model)?;
    }
    if full {
        memory(body, &model.key, view.person)?;
    } else {
        more_button(model).add_to(body)?;
    }
    crate::first_run::ask(body, &view.data.profile)
}

/// "More": a short panel's way to everything.
fn more_button(model: &PanelModel) -> dom::Node {
    let more_replies = model.suggestions.len().saturating_sub(1);
    let label = if more_replies > 0 {
        ui_text::counted(
            "more_with_replies",
            more_replies as u64,
            &[&more_replies.to_string()],
        )
    } else {
        ui_text::text("more", &[])
    };
    let key = model.key.clone();
    node("button")
        .attr("type", "button")
        .part(parts::MORE)
        .class("more")
        .attr("aria-expanded", "false")
        .text(&label)
        .on("click", move || {
            emit(Intent::ShowEverything { key: key.clone() });
        })
}

fn display_name(model: &PanelModel) -> String {
    model
        .invitation
        .full_name
        .clone()
        .or_else(|| model.invitation.target_name.clone())
        .unwrap_or_else(|| ui_text::text("this_invitation", &[]))
}

fn toggle_label(collapsed: bool) -> String {
    if collapsed {
        ui_text::text("show", &[])
    } else {
        ui_text::text("hide", &[])
    }
}

pub(crate) fn reason_text(reason: &kindly_core::Reason) -> String {
    // A translation cannot drop an unknown part gracefully; the engine's own
    // sentence can, so it is used when a part is missing.
    if reason.args.iter().any(String::is_empty) {
        return reason.text.clone();
    }
    let args: Vec<&str> = reason.args.iter().map(String::as_str).collect();
    let key = format!("reason_{}", reason.id);
    match reason.count {
        Some(n) => counted_message(&key, u64::from(n), &args, &reason.text),
        None => message(&key, &args, &reason.text),
    }
}

/// How long the invitation has waited ("Waiting for 3 weeks"), always
/// shown: an old invitation reads differently (`ETIQUETTE.md` §Lateness).
fn waited(body: &Element, model: &PanelModel) -> DomResult<()> {
    let Some((count, unit)) = model.waited else {
        return Ok(());
    };
    let text = if count == 0 {
        ui_text::text("waited_today", &[])
    } else {
        let n = count.to_string();
        ui_text::counted(
            &format!("waited_{}", unit.as_str()),
            u64::from(count),
            &[&n],
        )
    };
    let class = if model.late { "waited late" } else { "waited" };
    paragraph(parts::WAITED, class, &text).add_to(body)?;
    Ok(())
}

/// Why a person's panel offers no reply: ignoring says it quietly, or no
/// message can reach them before accepting (no Reply on the card).
fn nothing_to_send(body: &Element, model: &PanelModel) -> DomResult<()> {
    let key = match model.action {
        Action::Ignore => "nothing_to_send_ignore",
        _ => "nothing_to_send_no_reply",
    };
    paragraph(parts::NOTHING_TO_SEND, "muted", &ui_text::text(key, &[])).add_to(body)?;
    Ok(())
}

/// Where a reply goes, in words (`ETIQUETTE.md` §Delivery).
fn delivery_text(delivery: Delivery) -> String {
    match delivery {
        Delivery::OnCard => ui_text::text("delivery_on_card", &[]),
        Delivery::AfterAccept => ui_text::text("delivery_after_accept", &[]),
    }
}

/// The relationships the panel offers, with their message keys.
const RELATIONSHIPS: [(Option<Relationship>, &str); 6] = [
    (None, "rel_unset"),
    (Some(Relationship::Stranger), "rel_stranger"),
    (Some(Relationship::MetOnce), "rel_met_once"),
    (Some(Relationship::Friend), "rel_friend"),
    (Some(Relationship::FormerColleague), "rel_former_colleague"),
    (Some(Relationship::KnowWell), "rel_know_well"),
];

/// "How do you know them?": one chip per relationship.
fn relationship_chooser(body: &Element, view: &View) -> DomResult<()> {
    let current = view.person.and_then(|p| p.relationship);
    let chips = RELATIONSHIPS
        .into_iter()
        .map(|(relationship, message_key)| {
            let value = relationship.map(|r| r.as_str()).unwrap_or("none");
            let id = format!("rel-{value}");
            let key = view.model.key.clone();
            let input = node("input")
                .attr("type", "radio")
                .attr("name", "relationship")
                .attr("id", &id)
                .attr("value", value)
                .attr(parts::FOCUS_ID, &format!("relationship-{value}"))
                .flag("checked", relationship == current)
                .on("change", move || {
                    emit(Intent::SetRelationship {
                        key: key.clone(),
                        relationship,
                    });
                });
            node("label")
                .class("chip")
                .attr("for", &id)
                .child(input)
                .child(node("span").text(&ui_text::text(message_key, &[])))
        });
    node("fieldset")
        .part(parts::RELATIONSHIP)
        .class("relationship")
        .child(node("legend").text(&ui_text::text("rel_legend", &[])))
        .child(node("div").class("chips").children(chips))
        .add_to(body)?;
    Ok(())
}

/// What the politeness check of an edited reply needs to know about the
/// card (the limit and the language are each reply's own).
fn tone_of(view: &View) -> tone::ToneContext {
    let invitation = &view.model.invitation;
    tone::ToneContext {
        limit: 0,
        they_wrote_note: invitation.note.is_some(),
        first_name: invitation.first_name.clone(),
        stranger: matches!(
            view.person.and_then(|p| p.relationship),
            Some(Relationship::Stranger)
        ),
        language: String::new(),
    }
}

/// One reply offered: its title, where it is sent, its text (editable, with
/// its count and, once edited, its politeness hints) and its buttons.
fn reply(
    body: &Element,
    key: &str,
    index: usize,
    suggestion: &Suggestion,
    edited: Option<&String>,
    tone: &tone::ToneContext,
) -> DomResult<()> {
    let tone = tone::ToneContext {
        limit: suggestion.limit,
        language: suggestion.language.clone(),
        ..tone.clone()
    };
    let text = edited.cloned().unwrap_or_else(|| suggestion.text.clone());
    let editor_id = format!("edit-{index}");
    let shown = paragraph(parts::TEXT, "text", &text).build()?;
    let editor: HtmlTextAreaElement = node("textarea")
        .attr("id", &editor_id)
        .part(parts::EDITOR)
        .attr("rows", "4")
        // The person's own words, in their language's direction.
        .attr("dir", "auto")
        .flag("hidden", true)
        .build_as()?;
    editor.set_value(&text);
    let count = node("span").part(parts::COUNT).class("count").build()?;
    let hints = node("ul")
        .part(parts::HINTS)
        .class("hints")
        .attr("aria-live", "polite")
        .build()?;
    let limit = suggestion.limit;
    show_count(&count, &text, limit);
    if edited.is_some() {
        show_hints(&hints, &text, &tone)?;
    }
    let buttons = reply_buttons(key, suggestion, &editor_id, &editor, &shown)?;
    on(&editor, "input", {
        let key = key.to_string();
        let template_id = suggestion.template_id.clone();
        let editor = editor.clone();
        let (shown, count, hints) = (shown.clone(), count.clone(), hints.clone());
        move || {
            let text = editor.value();
            shown.set_text_content(Some(&text));
            show_count(&count, &text, limit);
            dom::report(show_hints(&hints, &text, &tone));
            emit(Intent::RememberEdit {
                key: key.clone(),
                template_id: template_id.clone(),
                text,
            });
        }
    })?;
    let delivery = match suggestion.delivery {
        Delivery::OnCard => "on_card",
        Delivery::AfterAccept => "after_accept",
    };
    let edit_label = ui_text::text("edit_label", &[&suggestion.title]);
    node("div")
        .part(parts::SUGGESTION)
        .attr(parts::TEMPLATE_ID, &suggestion.template_id)
        .attr(parts::DELIVERY_ATTR, delivery)
        .class("suggestion")
        .attr("role", "group")
        .attr("aria-label", &suggestion.title)
        .child(node("p").class("title").text(&suggestion.title))
        .child(paragraph(
            parts::DELIVERY,
            "delivery",
            &delivery_text(suggestion.delivery),
        ))
        .holding(&shown)
        .child(
            node("label")
                .attr("for", &editor_id)
                .class("sr-only")
                .text(&edit_label),
        )
        .holding(&editor)
        .child(node("div").class("meta").holding(&count))
        .holding(&hints)
        .holding(&buttons)
        .add_to(body)?;
    Ok(())
}

/// A reply's Copy, Edit (opens `editor` in place of the `shown` text) and
/// "Save as template" buttons.
fn reply_buttons(
    key: &str,
    suggestion: &Suggestion,
    editor_id: &str,
    editor: &HtmlTextAreaElement,
    shown: &Element,
) -> DomResult<Element> {
    let copy = node("button")
        .attr("type", "button")
        .part(parts::COPY)
        .class("primary")
        .text(&ui_text::text("copy", &[]))
        .build()?;
    on(&copy, "click", {
        let copy = copy.clone();
        move || copy_from(&copy)
    })?;
    let edit = node("button")
        .attr("type", "button")
        .part(parts::EDIT)
        .attr("aria-expanded", "false")
        .attr("aria-controls", editor_id)
        .text(&ui_text::text("edit", &[]))
        .build()?;
    let save = node("button")
        .attr("type", "button")
        .part(parts::SAVE_TEMPLATE)
        .flag("hidden", true)
        .text(&ui_text::text("save_template", &[]))
        .build()?;
    on(&edit, "click", {
        let editor = editor.clone();
        let edit = edit.clone();
        let save = save.clone();
        let shown = shown.clone();
        move || {
            let opening = editor.hidden();
            editor.set_hidden(!opening);
            // The editor shows the text while it is open: not twice.
            dom::report((|| {
                shown.toggle_attribute_with_force("hidden", opening)?;
                save.toggle_attribute_with_force("hidden", !opening)?;
                edit.set_attribute("aria-expanded", if opening { "true" } else { "false" })
            })());
            edit.set_text_content(Some(&if opening {
                ui_text::text("done", &[])
            } else {
                ui_text::text("edit", &[])
            }));
            if opening {
                dom::report(editor.focus());
            }
        }
    })?;
    on(&save, "click", {
        let key = key.to_string();
        let template_id = suggestion.template_id.clone();
        let editor = editor.clone();
        let save = save.clone();
        move || {
            // "Saved" only once storage has it; until then, "Saving…".
            save.set_text_content(Some(&ui_text::text("saving", &[])));
            let done = {
                let key = key.clone();
                let save = save.clone();
                move |result: Result<(), String>| match result {
                    Ok(()) => save.set_text_content(Some(&ui_text::text("saved_template", &[]))),
                    Err(why) => {
                        save.set_text_content(Some(&ui_text::text("save_failed", &[])));
                        show_unsaved(&key, &why);
                    }
                }
            };
            let handled = emit(Intent::SaveAsTemplate {
                key: key.clone(),
                template_id: template_id.clone(),
                text: editor.value(),
                done: Box::new(done),
            });
            if !handled {
                save.set_text_content(Some(&ui_text::text("save_failed", &[])));
            }
        }
    })?;
    node("div")
        .class("buttons")
        .holding(&copy)
        .holding(&edit)
        .holding(&save)
        .build()
}

/// Copies the reply that `button` (a Copy button) belongs to: the text
/// shown, which is the edited text once the person edited it.
pub fn copy_from(button: &Element) {
    let text = parts::in_same(button, parts::SUGGESTION, parts::TEXT)
        .and_then(|shown| shown.text_content())
        .unwrap_or_default();
    clipboard::copy(&text, button);
}

fn show_count(count: &Element, text: &str, limit: usize) {
    let chars = kindly_core::template::count_chars(text);
    let label = if limit > 0 {
        format!("{chars} / {limit}")
    } else {
        chars.to_string()
    };
    count.set_text_content(Some(&label));
    let over = limit > 0 && chars > limit;
    let label = ui_text::counted(
        "count_label",
        chars as u64,
        &[&chars.to_string(), &limit.to_string()],
    );
    dom::report(
        count
            .set_attribute("class", if over { "count over" } else { "count" })
            .and_then(|()| count.set_attribute("aria-label", &label)),
    );
}

/// The politeness hints of `text`, in place of those `list` showed.
fn show_hints(list: &Element, text: &str, tone: &tone::ToneContext) -> DomResult<()> {
    list.set_text_content(None);
    for hint in tone::check(text, tone) {
        let severity = match hint.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        };
        let tip = tip_text(&hint);
        node("li")
            .attr(parts::HINT_ID, &hint.id)
            .class(severity)
            .text(&hint_text(&hint))
            .children(
                (!tip.is_empty()).then(|| node("span").class("suggest").text(&format!(" {tip}"))),
            )
            .add_to(list)?;
    }
    Ok(())
}

/// A politeness hint in the UI language (the engine's English otherwise).
pub fn hint_text(hint: &tone::Hint) -> String {
    let args: Vec<&str> = hint.args.iter().map(String::as_str).collect();
    let key = format!("hint_{}", hint.message_id);
    let counts = tone::MESSAGE_IDS
        .iter()
        .any(|(id, counted)| *counted && *id == hint.message_id);
    match args.last().and_then(|n| n.parse::<u64>().ok()) {
        Some(n) if counts => counted_message(&key, n, &args, &hint.message),
        _ => message(&key, &args, &hint.message),
    }
}

/// A hint's suggestion in the UI language.
pub fn tip_text(hint: &tone::Hint) -> String {
    let args: Vec<&str> = hint.tip_args.iter().map(String::as_str).collect();
    message(&format!("tip_{}", hint.tip_id), &args, &hint.suggestion)
}

/// The weekly-review buckets, with their message keys.
const BUCKETS: [(Option<Bucket>, &str); 4] = [
    (None, "bucket_none"),
    (Some(Bucket::AcceptLater), "bucket_accept_later"),
    (Some(Bucket::Ignore), "bucket_ignore"),
    (Some(Bucket::ReviewFurther), "bucket_review_further"),
];

fn bucket_value(bucket: Option<Bucket>) -> &'static str {
    match bucket {
        None => "",
        Some(Bucket::AcceptLater) => "accept_later",
        Some(Bucket::Ignore) => "ignore",
        Some(Bucket::ReviewFurther) => "review_further",
    }
}

/// What the user keeps about the person: a private note and the
/// weekly-review bucket.
fn memory(body: &Element, key: &str, person: Option<&Person>) -> DomResult<()> {
    let note: HtmlTextAreaElement = node("textarea")
        .attr("id", "kindly-note")
        .part(parts::NOTE)
        .attr("rows", "2")
        .attr("dir", "auto")
        // The store's own limit: what is typed here is kept whole.
        .attr("maxlength", &store::MAX_NOTE.to_string())
        .attr("aria-describedby", "kindly-note-count")
        .build_as()?;
    note.set_value(person.map(|p| p.note.as_str()).unwrap_or(""));
    let count = node("span")
        .attr("id", "kindly-note-count")
        .part(parts::COUNT)
        .class("count")
        .build()?;
    show_count(&count, &note.value(), store::MAX_NOTE);
    on(&note, "input", {
        let (note, count) = (note.clone(), count.clone());
        move || show_count(&count, &note.value(), store::MAX_NOTE)
    })?;
    on(&note, "change", {
        let key = key.to_string();
        let note = note.clone();
        move || {
            store_notices::settle(&note);
            emit(Intent::SetNote {
                key: key.clone(),
                note: note.value(),
            });
        }
    })?;
    let current = bucket_value(person.and_then(|p| p.bucket));
    let options = BUCKETS.into_iter().map(|(bucket, message_key)| {
        node("option")
            .attr("value", bucket_value(bucket))
            .text(&ui_text::text(message_key, &[]))
            .flag("selected", bucket_value(bucket) == current)
    });
    let select: HtmlSelectElement = node("select")
        .attr("id", "kindly-bucket")
        .part(parts::BUCKET)
        .children(options)
        .build_as()?;
    on(&select, "change", {
        let key = key.to_string();
        let select = select.clone();
        move || {
            store_notices::settle(&select);
            let chosen = BUCKETS
                .iter()
                .find(|(b, _)| bucket_value(*b) == select.value())
                .and_then(|(b, _)| *b);
            emit(Intent::SetBucket {
                key: key.clone(),
                bucket: chosen,
            });
        }
    })?;
    let note_label = ui_text::text("note_label", &[]);
    node("div")
        .part(parts::MEMORY)
        .class("memory")
        .child(node("label").attr("for", "kindly-note").text(&note_label))
        .holding(&note)
        .holding(&count)
        .child(
            node("label")
                .attr("for", "kindly-bucket")
                .text(&ui_text::text("bucket_label", &[])),
        )
        .holding(&select)
        .add_to(body)?;
    Ok(())
}

/// Says in `key`'s panel that a change was not saved, and why (one line,
/// replaced by the next; what the person typed is left as it is).
pub fn show_unsaved(key: &str, why: &str) {
    let Some(panel) = hosts::all()
        .into_iter()
        .find(|p| p.key().as_deref() == Some(key))
    else {
        return;
    };
    let line = match panel.find(&parts::selector(parts::UNSAVED)) {
        Some(line) => line,
        None => match node("p")
            .part(parts::UNSAVED)
            .class("warn")
            .attr("role", "alert")
            .add_to(&panel.section)
        {
            Ok(line) => line,
            Err(err) => return dom::report(Err(err)),
        },
    };
    line.set_text_content(Some(why));
}

/// Moves focus to a part of a freshly built panel (after a redraw).
pub fn focus_part(panel: &Panel, part: &str) {
    if let Some(element) = panel.find(&format!("[{}=\"{part}\"]", parts::FOCUS_ID)) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            dom::report(element.focus());
        }
    }
}
