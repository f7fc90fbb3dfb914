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
use crate::dom::{self, append, el, DomResult};
use crate::hosts::{self, Panel};
use crate::intent::{emit, Intent};
use kindly_core::advice::Delivery;
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
pub fn fill(doc: &Document, panel: &Panel, view: &View) -> DomResult<()> {
    if panel.is_drawn() {
        return Ok(());
    }
    let model = view.model;
    SHEET.with(|sheet| {
        if let Some(sheet) = sheet {
            panel
                .root
                .set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
    // The action can change between the marker and the drawing (the
    // person's relationship arrived from another tab): the panel tells the truth.
    let section = &panel.section;
    section.set_attribute(hosts::ACTION, model.action.as_str())?;
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
    section.set_attribute(
        "aria-label",
        &message(
            "panel_label",
            &[&name],
            &format!("Kindly: suggestion for {name}"),
        ),
    )?;

    let header = append(section, el(doc, "header", &[], None)?)?;
    append(
        &header,
        el(
            doc,
            "span",
            &[("class", "brand"), ("aria-hidden", "true")],
            Some("Kindly"),
        )?,
    )?;
    let action_text = message(
        &format!("action_{}", model.action.as_str()),
        &[],
        default_action_text(model.action),
    );
    append(
        &header,
        el(
            doc,
            "p",
            &[("data-kindly", "action"), ("class", "action")],
            Some(&action_text),
        )?,
    )?;
    let toggle = append(
        &header,
        el(
            doc,
            "button",
            &[
                ("type", "button"),
                ("data-kindly", "toggle"),
                ("class", "toggle"),
                (
                    "aria-expanded",
                    if view.collapsed { "false" } else { "true" },
                ),
                ("aria-controls", "kindly-body"),
            ],
            Some(&toggle_label(view.collapsed)),
        )?,
    )?;

    // The first reason stays visible even when collapsed: one line of "why".
    if let Some(first) = model.reasons.first() {
        append(
            section,
            el(
                doc,
                "p",
                &[("data-kindly", "main-reason"), ("class", "main-reason")],
                Some(&reason_text(first)),
            )?,
        )?;
    }

    let body = append(
        section,
        el(
            doc,
            "div",
            &[("id", "kindly-body"), ("class", "body")],
            None,
        )?,
    )?;
    if view.collapsed {
        body.set_attribute("hidden", "")?;
    }
    on(&toggle, "click", {
        let key = model.key.clone();
        let body = body.clone();
        let toggle = toggle.clone();
        move || {
            let collapsed = !body.has_attribute("hidden");
            let _ = if collapsed {
                body.set_attribute("hidden", "")
            } else {
                body.remove_attribute("hidden")
            };
            let _ = toggle.set_attribute("aria-expanded", if collapsed { "false" } else { "true" });
            toggle.set_text_content(Some(&toggle_label(collapsed)));
            emit(Intent::SetCollapsed {
                key: key.clone(),
                collapsed,
            });
        }
    })?;

    // Before anything else: what LinkedIn's strongest option does.
    if model.dont_know_hint {
        append(
            &body,
            el(
                doc,
                "p",
                &[("data-kindly", "dont-know"), ("class", "warn"), ("role", "note")],
                Some(&message(
                    "dont_know_hint",
                    &[],
                    "This looks like spam. LinkedIn's “I don't know this person” option (under Ignore) stops them inviting you again and tells LinkedIn the invitation was unwelcome, which can restrict their account. Use it only for spam or abuse.",
                )),
            )?,
        )?;
    }
    if !model.readable {
        append(
            &body,
            el(
                doc,
                "p",
                &[("data-kindly", "unreadable"), ("class", "muted")],
                Some(&message(
                    "unreadable",
                    &[],
                    "Kindly couldn't read this card's details, so this is general advice.",
                )),
            )?,
        )?;
    }
    if let Some(day) = model.invited_before {
        let date = kindly_core::store::iso_date(day);
        append(
            &body,
            el(
                doc,
                "p",
                &[("data-kindly", "history"), ("class", "history")],
                Some(&message(
                    "invited_before",
                    &[&date],
                    &format!("Invited you before, on {date}."),
                )),
            )?,
        )?;
    }

    waited(doc, &body, model)?;

    let why = append(&body, el(doc, "details", &[("data-kindly", "why")], None)?)?;
    append(
        &why,
        el(doc, "summary", &[], Some(&message("why", &[], "Why?")))?,
    )?;
    let reasons = append(&why, el(doc, "ul", &[("data-kindly", "reasons")], None)?)?;
    for reason in &model.reasons {
        append(
            &reasons,
            el(
                doc,
                "li",
                &[("data-kindly-reason", &reason.id)],
                Some(&reason_text(reason)),
            )?,
        )?;
    }

    if model.kind == Kind::Person {
        let full = view.full
            || view.person.is_some_and(|p| {
                p.relationship.is_some() || !p.note.is_empty() || p.bucket.is_some()
            });
        if full {
            relationship_chooser(doc, &body, view)?;
        }
        let shown = if full { model.suggestions.len() } else { 1 };
        for (index, suggestion) in model.suggestions.iter().enumerate().take(shown) {
            let edited = view.edits.and_then(|e| e.get(&suggestion.template_id));
            reply(
                doc,
                &body,
                &model.key,
                index,
                suggestion,
                edited,
                &tone_of(view),
            )?;
        }
        if model.suggestions.is_empty() && model.readable {
            nothing_to_send(doc, &body, model)?;
        }
        if full {
            memory(doc, &body, &model.key, view.person)?;
        } else {
            let more_replies = model.suggestions.len().saturating_sub(1);
            let label = if more_replies > 0 {
                counted_message(
                    "more_with_replies",
                    more_replies as u64,
                    &[&more_replies.to_string()],
                    &format!(
                        "More: {more_replies} other replies, how you know them, a private note"
                    ),
                )
            } else {
                message("more", &[], "More: how you know them, a private note")
            };
            let more = append(
                &body,
                el(
                    doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("data-kindly", "more"),
                        ("class", "more"),
                        ("aria-expanded", "false"),
                    ],
                    Some(&label),
                )?,
            )?;
            let key = model.key.clone();
            on(&more, "click", move || {
                emit(Intent::ShowEverything { key: key.clone() });
            })?;
        }
        crate::first_run::ask(doc, &body, &view.data.profile)?;
    }
    append(
        section,
        el(
            doc,
            "p",
            &[
                ("data-kindly", "status"),
                ("class", "sr-only"),
                ("aria-live", "polite"),
            ],
            None,
        )?,
    )?;
    section.set_attribute(hosts::DRAWN, "")?;
    Ok(())
}

fn display_name(model: &PanelModel) -> String {
    model
        .invitation
        .full_name
        .clone()
        .or_else(|| model.invitation.target_name.clone())
        .unwrap_or_else(|| message("this_invitation", &[], "this invitation"))
}

fn toggle_label(collapsed: bool) -> String {
    if collapsed {
        message("show", &[], "Show")
    } else {
        message("hide", &[], "Hide")
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
fn waited(doc: &Document, body: &Element, model: &PanelModel) -> DomResult<()> {
    let Some((count, unit)) = model.waited else {
        return Ok(());
    };
    let text = if count == 0 {
        message("waited_today", &[], "Sent today")
    } else {
        let n = count.to_string();
        let unit = unit.as_str();
        let english = match (count, unit) {
            (1, u) => format!("Waiting for 1 {}", u.trim_end_matches('s')),
            (_, u) => format!("Waiting for {n} {u}"),
        };
        counted_message(&format!("waited_{unit}"), u64::from(count), &[&n], &english)
    };
    let class = if model.late { "waited late" } else { "waited" };
    append(
        body,
        el(
            doc,
            "p",
            &[("data-kindly", "waited"), ("class", class)],
            Some(&text),
        )?,
    )?;
    Ok(())
}

/// Why a person's panel offers no reply: ignoring says it quietly, or no
/// message can reach them before accepting (no Reply on the card).
fn nothing_to_send(doc: &Document, body: &Element, model: &PanelModel) -> DomResult<()> {
    let (key, english) = match model.action {
        Action::Ignore => (
            "nothing_to_send_ignore",
            "Nothing to send: ignoring says no quietly, and LinkedIn does not tell them.",
        ),
        _ => (
            "nothing_to_send_no_reply",
            "Nothing to send yet: LinkedIn shows no Reply on this card, so a message can only follow accepting. Look at their profile first.",
        ),
    };
    append(
        body,
        el(
            doc,
            "p",
            &[("data-kindly", "nothing-to-send"), ("class", "muted")],
            Some(&message(key, &[], english)),
        )?,
    )?;
    Ok(())
}

/// Where a reply goes, in words (`ETIQUETTE.md` §Delivery).
fn delivery_text(delivery: Delivery) -> String {
    match delivery {
        Delivery::OnCard => message(
            "delivery_on_card",
            &[],
            "Send it with LinkedIn's Reply on the card; the invitation stays pending.",
        ),
        Delivery::AfterAccept => message(
            "delivery_after_accept",
            &[],
            "Send it as a message after you accept.",
        ),
    }
}

/// Attaches a click (or other) listener that lives as long as the node.
/// Events a script made (`isTrusted` false) are ignored: the page can
/// dispatch a `click` or a `change` on any node, and must not drive Kindly.
pub(crate) fn on(
    target: &Element,
    event: &str,
    mut handler: impl FnMut() + 'static,
) -> DomResult<()> {
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

const RELATIONSHIPS: [(Option<Relationship>, &str, &str); 6] = [
    (None, "rel_unset", "Not said"),
    (
        Some(Relationship::Stranger),
        "rel_stranger",
        "Don't know them",
    ),
    (Some(Relationship::MetOnce), "rel_met_once", "Met once"),
    (Some(Relationship::Friend), "rel_friend", "Friend"),
    (
        Some(Relationship::FormerColleague),
        "rel_former_colleague",
        "Former colleague",
    ),
    (
        Some(Relationship::KnowWell),
        "rel_know_well",
        "Know well professionally",
    ),
];

fn relationship_chooser(doc: &Document, body: &Element, view: &View) -> DomResult<()> {
    let key = &view.model.key;
    let current = view.person.and_then(|p| p.relationship);
    let group = append(
        body,
        el(
            doc,
            "fieldset",
            &[("data-kindly", "relationship"), ("class", "relationship")],
            None,
        )?,
    )?;
    append(
        &group,
        el(
            doc,
            "legend",
            &[],
            Some(&message("rel_legend", &[], "How do you know them?")),
        )?,
    )?;
    let chips = append(&group, el(doc, "div", &[("class", "chips")], None)?)?;
    for (relationship, message_key, fallback) in RELATIONSHIPS {
        let value = relationship.map(|r| r.as_str()).unwrap_or("none");
        let id = format!("rel-{value}");
        let label = append(
            &chips,
            el(doc, "label", &[("class", "chip"), ("for", &id)], None)?,
        )?;
        let input = append(
            &label,
            el(
                doc,
                "input",
                &[
                    ("type", "radio"),
                    ("name", "relationship"),
                    ("id", &id),
                    ("value", value),
                    ("data-kindly-part", &format!("relationship-{value}")),
                ],
                None,
            )?,
        )?;
        if relationship == current {
            input.set_attribute("checked", "")?;
        }
        append(
            &label,
            el(doc, "span", &[], Some(&message(message_key, &[], fallback)))?,
        )?;
        let key = key.clone();
        on(&input, "change", move || {
            emit(Intent::SetRelationship {
                key: key.clone(),
                relationship,
            });
        })?;
    }
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

fn reply(
    doc: &Document,
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
    let item = append(
        body,
        el(
            doc,
            "div",
            &[
                ("data-kindly", "suggestion"),
                ("data-kindly-template", &suggestion.template_id),
                (
                    "data-kindly-delivery",
                    match suggestion.delivery {
                        Delivery::OnCard => "on_card",
                        Delivery::AfterAccept => "after_accept",
                    },
                ),
                ("class", "suggestion"),
                ("role", "group"),
                ("aria-label", &suggestion.title),
            ],
            None,
        )?,
    )?;
    append(
        &item,
        el(doc, "p", &[("class", "title")], Some(&suggestion.title))?,
    )?;
    append(
        &item,
        el(
            doc,
            "p",
            &[("data-kindly", "delivery"), ("class", "delivery")],
            Some(&delivery_text(suggestion.delivery)),
        )?,
    )?;
    let shown = append(
        &item,
        el(
            doc,
            "p",
            &[("data-kindly", "text"), ("class", "text")],
            Some(&text),
        )?,
    )?;
    let editor_id = format!("edit-{index}");
    let editor_label = append(
        &item,
        el(
            doc,
            "label",
            &[("for", &editor_id), ("class", "sr-only")],
            Some(&message(
                "edit_label",
                &[&suggestion.title],
                "Edit this reply",
            )),
        )?,
    )?;
    let _ = editor_label;
    let editor: HtmlTextAreaElement = append(
        &item,
        el(
            doc,
            "textarea",
            &[
                ("id", &editor_id),
                ("data-kindly", "editor"),
                ("rows", "4"),
                // The person's own words, in their language's direction.
                ("dir", "auto"),
                ("hidden", ""),
            ],
            None,
        )?,
    )?
    .dyn_into()?;
    editor.set_value(&text);
    let meta = append(&item, el(doc, "div", &[("class", "meta")], None)?)?;
    let count = append(
        &meta,
        el(
            doc,
            "span",
            &[("data-kindly", "count"), ("class", "count")],
            None,
        )?,
    )?;
    let hints = append(
        &item,
        el(
            doc,
            "ul",
            &[
                ("data-kindly", "hints"),
                ("class", "hints"),
                ("aria-live", "polite"),
            ],
            None,
        )?,
    )?;
    let limit = suggestion.limit;
    show_count(&count, &text, limit);
    if edited.is_some() {
        show_hints(doc, &hints, &text, &tone)?;
    }

    let buttons = append(&item, el(doc, "div", &[("class", "buttons")], None)?)?;
    let copy = append(
        &buttons,
        el(
            doc,
            "button",
            &[
                ("type", "button"),
                ("data-kindly", "copy"),
                ("class", "primary"),
            ],
            Some(&message("copy", &[], "Copy")),
        )?,
    )?;
    let edit = append(
        &buttons,
        el(
            doc,
            "button",
            &[
                ("type", "button"),
                ("data-kindly", "edit"),
                ("aria-expanded", "false"),
                ("aria-controls", &editor_id),
            ],
            Some(&message("edit", &[], "Edit")),
        )?,
    )?;
    let save = append(
        &buttons,
        el(
            doc,
            "button",
            &[
                ("type", "button"),
                ("data-kindly", "save-template"),
                ("hidden", ""),
            ],
            Some(&message("save_template", &[], "Save as template")),
        )?,
    )?;

    on(&copy, "click", {
        let copy = copy.clone();
        move || copy_from(&copy)
    })?;
    on(&edit, "click", {
        let editor = editor.clone();
        let edit = edit.clone();
        let save = save.clone();
        let shown = shown.clone();
        move || {
            let opening = editor.hidden();
            editor.set_hidden(!opening);
            // The editor shows the text while it is open: not twice.
            let _ = shown.toggle_attribute_with_force("hidden", opening);
            let _ = save.toggle_attribute_with_force("hidden", !opening);
            let _ = edit.set_attribute("aria-expanded", if opening { "true" } else { "false" });
            edit.set_text_content(Some(&if opening {
                message("done", &[], "Done")
            } else {
                message("edit", &[], "Edit")
            }));
            if opening {
                let _ = editor.focus();
            }
        }
    })?;
    let editor_events = editor.clone();
    on(&editor_events, "input", {
        let doc = doc.clone();
        let key = key.to_string();
        let template_id = suggestion.template_id.clone();
        let editor = editor.clone();
        move || {
            let text = editor.value();
            shown.set_text_content(Some(&text));
            show_count(&count, &text, limit);
            let _ = show_hints(&doc, &hints, &text, &tone);
            emit(Intent::RememberEdit {
                key: key.clone(),
                template_id: template_id.clone(),
                text,
            });
        }
    })?;
    on(&save, "click", {
        let key = key.to_string();
        let template_id = suggestion.template_id.clone();
        let editor = editor.clone();
        let save = save.clone();
        move || {
            let saved = emit(Intent::SaveAsTemplate {
                key: key.clone(),
                template_id: template_id.clone(),
                text: editor.value(),
            });
            save.set_text_content(Some(&if saved {
                message("saved_template", &[], "Saved to your templates")
            } else {
                message("save_failed", &[], "Could not save")
            }));
        }
    })?;
    Ok(())
}

/// Copies the reply that `button` (a Copy button) belongs to: the text
/// shown, which is the edited text once the person edited it.
pub fn copy_from(button: &Element) {
    let text = button
        .closest("[data-kindly=suggestion]")
        .ok()
        .flatten()
        .and_then(|item| item.query_selector("[data-kindly=text]").ok().flatten())
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
    let _ = count.set_attribute("class", if over { "count over" } else { "count" });
    let _ = count.set_attribute(
        "aria-label",
        &counted_message(
            "count_label",
            chars as u64,
            &[&chars.to_string(), &limit.to_string()],
            &format!("{chars} of {limit} characters"),
        ),
    );
}

fn show_hints(
    doc: &Document,
    list: &Element,
    text: &str,
    tone: &tone::ToneContext,
) -> DomResult<()> {
    list.set_text_content(None);
    for hint in tone::check(text, tone) {
        let severity = match hint.severity {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Problem => "problem",
        };
        let item = append(
            list,
            el(
                doc,
                "li",
                &[("data-kindly-hint", &hint.id), ("class", severity)],
                Some(&hint_text(&hint)),
            )?,
        )?;
        let tip = tip_text(&hint);
        if !tip.is_empty() {
            append(
                &item,
                el(
                    doc,
                    "span",
                    &[("class", "suggest")],
                    Some(&format!(" {tip}")),
                )?,
            )?;
        }
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

const BUCKETS: [(Option<Bucket>, &str, &str); 4] = [
    (None, "bucket_none", "No bucket"),
    (
        Some(Bucket::AcceptLater),
        "bucket_accept_later",
        "Accept later",
    ),
    (Some(Bucket::Ignore), "bucket_ignore", "Ignore"),
    (
        Some(Bucket::ReviewFurther),
        "bucket_review_further",
        "Review further",
    ),
];

fn bucket_value(bucket: Option<Bucket>) -> &'static str {
    match bucket {
        None => "",
        Some(Bucket::AcceptLater) => "accept_later",
        Some(Bucket::Ignore) => "ignore",
        Some(Bucket::ReviewFurther) => "review_further",
    }
}

fn memory(doc: &Document, body: &Element, key: &str, person: Option<&Person>) -> DomResult<()> {
    let block = append(
        body,
        el(
            doc,
            "div",
            &[("data-kindly", "memory"), ("class", "memory")],
            None,
        )?,
    )?;
    let note_label = append(
        &block,
        el(
            doc,
            "label",
            &[("for", "kindly-note")],
            Some(&message(
                "note_label",
                &[],
                "Private note (only on this device)",
            )),
        )?,
    )?;
    let _ = note_label;
    let note: HtmlTextAreaElement = append(
        &block,
        el(
            doc,
            "textarea",
            &[
                ("id", "kindly-note"),
                ("data-kindly", "note"),
                ("rows", "2"),
                ("dir", "auto"),
            ],
            None,
        )?,
    )?
    .dyn_into()?;
    note.set_value(person.map(|p| p.note.as_str()).unwrap_or(""));
    on(&note, "change", {
        let key = key.to_string();
        let note = note.clone();
        move || {
            emit(Intent::SetNote {
                key: key.clone(),
                note: note.value(),
            });
        }
    })?;

    append(
        &block,
        el(
            doc,
            "label",
            &[("for", "kindly-bucket")],
            Some(&message("bucket_label", &[], "Weekly review")),
        )?,
    )?;
    let select: HtmlSelectElement = append(
        &block,
        el(
            doc,
            "select",
            &[("id", "kindly-bucket"), ("data-kindly", "bucket")],
            None,
        )?,
    )?
    .dyn_into()?;
    let current = bucket_value(person.and_then(|p| p.bucket));
    for (bucket, message_key, fallback) in BUCKETS {
        let option = append(
            &select,
            el(
                doc,
                "option",
                &[("value", bucket_value(bucket))],
                Some(&message(message_key, &[], fallback)),
            )?,
        )?;
        if bucket_value(bucket) == current {
            option.set_attribute("selected", "")?;
        }
    }
    on(&select, "change", {
        let key = key.to_string();
        let select = select.clone();
        move || {
            let chosen = BUCKETS
                .iter()
                .find(|(b, _, _)| bucket_value(*b) == select.value())
                .and_then(|(b, _, _)| *b);
            emit(Intent::SetBucket {
                key: key.clone(),
                bucket: chosen,
            });
        }
    })?;
    Ok(())
}

/// Moves focus to a part of a freshly built panel (after a redraw).
pub fn focus_part(panel: &Panel, part: &str) {
    if let Some(element) = panel.find(&format!("[data-kindly-part=\"{part}\"]")) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            let _ = element.focus();
        }
    }
}

fn default_action_text(action: Action) -> &'static str {
    match action {
        Action::Accept => "Accept: this looks like a good fit",
        Action::Reply => "Reply first and keep it pending",
        Action::Ask => "Ask how you know each other",
        Action::Decline => "Decline kindly, with a short message",
        Action::Ignore => "Ignore quietly",
        Action::Review => "Take a closer look before deciding",
    }
}
