//! The template editor: title, where the reply is pasted, when to suggest
//! it, and the body with a live preview against sample invitations, every
//! parse error with its line and column (a template that does not parse
//! cannot be saved), politeness hints and the character count against the
//! limit where it will be pasted.
//!
//! Each keystroke updates only the feedback regions, never the fields, so
//! the caret and the screen reader's place are not disturbed.

use super::samples::{samples, Sample};
use super::state::{entries_of, focus, may_write, refresh, save, status, with_state, Draft, State};
use super::ui::{self, t, tf};
use crate::dom::{self, append, el, DomResult};
use kindly_core::my_templates;
use kindly_core::store::KEY_TEMPLATES;
use kindly_core::template::{self, TemplateError};
use kindly_core::tone::{self, Severity, ToneContext};
use kindly_core::{
    facts_for, limit_for, Action, Claim, Relationship, Situation, Target, TemplateRecord,
};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
};

/// Every situation, in the order the editor lists them.
pub const SITUATIONS: [Situation; 21] = Situation::ALL;

/// Template languages offered (the library's languages).
pub use kindly_core::library::LANGUAGES;

pub fn open(st: &mut State, id: &str) {
    if let Some(record) = st.data.templates.iter().find(|t| t.id == id) {
        st.editor = Some(Draft {
            original: Some(id.to_string()),
            record: record.clone(),
            sample: 0,
            dirty: false,
        });
    }
}

pub fn open_new(st: &mut State) {
    let language = match st.data.profile.template_language.trim() {
        "" => "en".to_string(),
        l => l.to_string(),
    };
    st.editor = Some(Draft {
        original: None,
        record: TemplateRecord {
            language,
            ..TemplateRecord::default()
        },
        sample: 0,
        dirty: false,
    });
}

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let Some(draft) = &st.editor else {
        return Ok(());
    };
    let ro = !st.writable;
    let rec = &draft.record;
    let heading = match (&draft.original, ro) {
        (_, true) => t("view_template"),
        (Some(_), false) => t("edit_template"),
        (None, false) => t("new_template"),
    };
    let form = append(
        panel,
        el(doc, "div", &[("class", "editor"), ("id", "editor")], None)?,
    )?;
    ui::text(doc, &form, "h2", "", &heading)?.set_attribute("id", "ed-heading")?;
    if rec.builtin && !ro {
        ui::text(doc, &form, "p", "hint", &t("editing_builtin"))?;
    }

    ui::field(
        &form,
        "ed-title",
        &t("field_title"),
        ui::input("ed-title", "text", &rec.title)
            .disabled(ro)
            .attr("data-input", "ed-title")
            .attr("maxlength", "120")
            .attr("aria-describedby", "ed-title-error"),
    )?;
    ui::text(doc, &form, "p", "field-error", "")?.set_attribute("id", "ed-title-error")?;

    let row = append(&form, el(doc, "div", &[("class", "row")], None)?)?;
    let note_limit = limit_for(Target::Note, &st.data).to_string();
    let targets = [
        ("note", tf("target_note_limit", &[&note_limit])),
        ("message", t("target_message")),
    ];
    let target = ui::name_of(&rec.target);
    ui::field(
        &row,
        "ed-target",
        &t("field_target"),
        ui::select("ed-target", &targets, &target)
            .attr("data-change", "ed-target")
            .disabled(ro),
    )?;
    let mut langs: Vec<(&str, String)> = LANGUAGES
        .iter()
        .map(|l| (*l, t(&format!("lang_{l}"))))
        .collect();
    if !LANGUAGES.contains(&rec.language.as_str()) {
        langs.push((rec.language.as_str(), rec.language.clone()));
    }
    ui::field(
        &row,
        "ed-lang",
        &t("field_language"),
        ui::select("ed-lang", &langs, &rec.language)
            .attr("data-change", "ed-lang")
            .disabled(ro),
    )?;
    ui::checkbox(
        doc,
        &form,
        "ed-any-lang",
        &t("field_any_language"),
        rec.any_language,
        "ed-any-lang",
        ro,
    )?;

    ui::field(
        &form,
        "ed-body",
        &t("field_body"),
        ui::textarea("ed-body", "8", &rec.body)
            .attr("data-input", "ed-body")
            .attr("spellcheck", "true")
            .attr("aria-describedby", "ed-errors ed-count")
            .disabled(ro)
            .class("body"),
    )?;
    let errors = append(
        &form,
        el(
            doc,
            "div",
            &[
                ("id", "ed-errors"),
                ("class", "errors"),
                ("aria-live", "polite"),
            ],
            None,
        )?,
    )?;
    errors.set_attribute("aria-atomic", "true")?;

    let help = append(&form, el(doc, "details", &[("class", "help")], None)?)?;
    ui::text(doc, &help, "summary", "", &t("syntax_title"))?;
    ui::text(doc, &help, "p", "", &t("syntax_fields"))?;
    ui::text(doc, &help, "p", "mono", "{first_name} {name} {company} {headline} {mutual_count} {mutual_name} {my_name} {my_email} {target} {met_at} {topic} {my_role}")?;
    ui::text(doc, &help, "p", "", &t("syntax_rest"))?;
    ui::text(
        doc,
        &help,
        "p",
        "mono",
        "{first_name|there}  {if note}…{else}…{end}  {unless mutual}…{end}  {{ }}",
    )?;

    // Live preview.
    let preview = append(
        &form,
        el(
            doc,
            "section",
            &[
                ("class", "preview-box"),
                ("aria-labelledby", "ed-preview-h"),
            ],
            None,
        )?,
    )?;
    ui::text(doc, &preview, "h3", "", &t("preview"))?.set_attribute("id", "ed-preview-h")?;
    let options: Vec<(String, String)> = samples()
        .iter()
        .enumerate()
        .map(|(i, s)| (i.to_string(), t(s.key)))
        .collect();
    let options: Vec<(&str, String)> = options
        .iter()
        .map(|(v, l)| (v.as_str(), l.clone()))
        .collect();
    ui::field(
        &preview,
        "ed-sample",
        &t("preview_with"),
        ui::select("ed-sample", &options, &draft.sample.to_string())
            .attr("data-change", "ed-sample"),
    )?;
    ui::text(doc, &preview, "p", "sample-desc", "")?.set_attribute("id", "ed-sample-desc")?;
    ui::text(doc, &preview, "p", "preview", "")?.set_attribute("id", "ed-preview")?;
    ui::text(doc, &preview, "p", "count", "")?.set_attribute("id", "ed-count")?;
    let hints = append(
        &preview,
        el(
            doc,
            "div",
            &[("id", "ed-hints"), ("aria-live", "polite")],
            None,
        )?,
    )?;
    hints.set_attribute("class", "hints")?;

    // When to suggest it.
    let when = append(&form, el(doc, "fieldset", &[("class", "choices")], None)?)?;
    ui::text(doc, &when, "legend", "", &t("field_situations"))?;
    ui::text(doc, &when, "p", "hint", &t("situations_hint"))?;
    let grid = append(&when, el(doc, "div", &[("class", "grid")], None)?)?;
    for (i, s) in SITUATIONS.iter().enumerate() {
        let name = ui::name_of(s);
        let cb = ui::checkbox(
            doc,
            &grid,
            &format!("ed-sit-{i}"),
            &t(&format!("sit_{name}")),
            rec.situations.contains(s),
            "ed-sit",
            ro,
        )?;
        cb.set_attribute("data-id", &name)?;
    }
    let acts = append(&form, el(doc, "fieldset", &[("class", "choices")], None)?)?;
    ui::text(doc, &acts, "legend", "", &t("field_actions"))?;
    let grid = append(&acts, el(doc, "div", &[("class", "grid")], None)?)?;
    for a in Action::ALL {
        let cb = ui::checkbox(
            doc,
            &grid,
            &format!("ed-act-{}", a.as_str()),
            &t(&format!("act_{}", a.as_str())),
            rec.actions.contains(&a),
            "ed-act",
            ro,
        )?;
        cb.set_attribute("data-id", a.as_str())?;
    }
    let rels = append(&form, el(doc, "fieldset", &[("class", "choices")], None)?)?;
    ui::text(doc, &rels, "legend", "", &t("field_relationships"))?;
    let grid = append(&rels, el(doc, "div", &[("class", "grid")], None)?)?;
    for r in Relationship::ALL {
        let cb = ui::checkbox(
            doc,
            &grid,
            &format!("ed-rel-{}", r.as_str()),
            &t(&format!("rel_{}", r.as_str())),
            rec.relationships.contains(&r),
            "ed-rel",
            ro,
        )?;
        cb.set_attribute("data-id", r.as_str())?;
    }

    // What the words assert: the reply is offered only where it is true.
    let says = append(&form, el(doc, "fieldset", &[("class", "choices")], None)?)?;
    ui::text(doc, &says, "legend", "", &t("field_claims"))?;
    ui::text(doc, &says, "p", "hint", &t("claims_hint"))?;
    let grid = append(&says, el(doc, "div", &[("class", "grid")], None)?)?;
    for c in Claim::ALL {
        let cb = ui::checkbox(
            doc,
            &grid,
            &format!("ed-claim-{}", c.as_str()),
            &t(&format!("claim_{}", c.as_str())),
            rec.claims.contains(&c),
            "ed-claim",
            ro,
        )?;
        cb.set_attribute("data-id", c.as_str())?;
    }
    ui::text(doc, &says, "p", "hint warn", "")?.set_attribute("id", "ed-claims-hint")?;

    let buttons = append(&form, el(doc, "div", &[("class", "buttons sticky")], None)?)?;
    let save = ui::button(doc, &buttons, &t("save"), "ed-save", "", ro)?;
    save.set_attribute("id", "ed-save")?;
    save.set_attribute("class", "primary")?;
    save.set_attribute("aria-keyshortcuts", "Control+Enter")?;
    ui::button(doc, &buttons, &t("cancel"), "ed-cancel", "", false)?
        .set_attribute("id", "ed-cancel")?;
    ui::text(doc, &buttons, "span", "hint", &t("save_shortcut"))?;
    update_feedback(doc, st)
}

/// Saves the template list; says `done` once stored.
pub fn save_templates(st: &mut State, done: String) {
    let set = entries_of(&st.data, |k| k == KEY_TEMPLATES);
    save(st, set, Vec::new(), done);
}

/// Line and column (from 1) of a character position.
fn line_col(text: &str, position: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for c in text.chars().take(position) {
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// What stops the draft from being saved ([`my_templates::blockers`]), in
/// words: the title's error, and the text's errors.
fn blockers(rec: &TemplateRecord) -> (Option<String>, Vec<TemplateError>) {
    let found = my_templates::blockers(rec);
    let title = found.no_title.then(|| t("error_title"));
    let mut errors = found.errors;
    if found.empty_body {
        errors.push(TemplateError {
            position: 0,
            message: t("error_empty_body"),
        });
    }
    (title, errors)
}

/// Updates errors, preview, count, hints and the Save button.
pub fn update_feedback(doc: &Document, st: &State) -> DomResult<()> {
    let Some(draft) = &st.editor else {
        return Ok(());
    };
    let rec = &draft.record;
    let (title_error, errors) = blockers(rec);

    if let Some(p) = doc.get_element_by_id("ed-title-error") {
        p.set_text_content(
            title_error
                .as_deref()
                .filter(|_| draft.dirty || draft.original.is_some()),
        );
    }
    if let Some(input) = doc.get_element_by_id("ed-title") {
        let bad = title_error.is_some() && (draft.dirty || draft.original.is_some());
        input.set_attribute("aria-invalid", if bad { "true" } else { "false" })?;
    }
    if let Some(body) = doc.get_element_by_id("ed-body") {
        body.set_attribute(
            "aria-invalid",
            if errors.is_empty() { "false" } else { "true" },
        )?;
    }
    if let Some(area) = doc.get_element_by_id("ed-errors") {
        ui::clear(&area);
        if !errors.is_empty() {
            let n = errors.len().to_string();
            let head = if errors.len() == 1 {
                t("errors_one")
            } else {
                tf("errors_many", &[&n])
            };
            ui::text(doc, &area, "p", "errors-head", &head)?;
            let list = append(&area, el(doc, "ul", &[], None)?)?;
            for e in errors.iter().take(20) {
                let (line, col) = line_col(&rec.body, e.position);
                let li = append(&list, el(doc, "li", &[], None)?)?;
                let text = tf(
                    "error_at",
                    &[&line.to_string(), &col.to_string(), &e.message],
                );
                let b = ui::button(doc, &li, &text, "ed-goto", &e.position.to_string(), false)?;
                b.set_attribute("class", "link error")?;
                b.set_attribute("data-error-position", &e.position.to_string())?;
            }
        }
    }
    if let Some(hint) = doc.get_element_by_id("ed-claims-hint") {
        // Phrases that make a claim the draft does not declare.
        let undeclared: Vec<String> = kindly_core::claims::in_text(&rec.body)
            .into_iter()
            .filter(|c| !rec.claims.contains(c))
            .map(|c| t(&format!("claim_{}", c.as_str())))
            .collect();
        let text = if undeclared.is_empty() {
            String::new()
        } else {
            tf("claims_undeclared", &[&undeclared.join(", ")])
        };
        hint.set_text_content(Some(&text));
    }
    if let Some(save) = doc.get_element_by_id("ed-save") {
        if title_error.is_some() || !errors.is_empty() || !st.writable {
            save.set_attribute("aria-disabled", "true")?;
            save.set_attribute("disabled", "")?;
        } else {
            save.remove_attribute("aria-disabled")?;
            save.remove_attribute("disabled")?;
        }
    }

    let all = samples();
    let sample: Option<&Sample> = all.get(draft.sample).or_else(|| all.first());
    let Some(sample) = sample else {
        return Ok(());
    };
    if let Some(p) = doc.get_element_by_id("ed-sample-desc") {
        let inv = &sample.invitation;
        let mut desc = vec![inv.full_name.clone().unwrap_or_default()];
        desc.extend(inv.headline.clone());
        if let Some(note) = &inv.note {
            desc.push(format!("“{note}”"));
        }
        p.set_text_content(Some(&desc.join(" · ")));
    }
    let mut facts = facts_for(&sample.invitation, &st.data.profile);
    // A note or a follow-up for the user's own invitation is previewed
    // with what the user would type when inviting.
    let own_invitation = rec.target == Target::Note
        || rec
            .situations
            .iter()
            .any(|s| matches!(s, Situation::Invite | Situation::FollowUp));
    if own_invitation {
        super::samples::what_you_said(&mut facts);
    }
    let limit = limit_for(rec.target, &st.data);
    let (text, ok) = match template::parse(&rec.body) {
        Ok(parsed) => (template::render(&parsed, &facts), true),
        Err(_) => (t("preview_unavailable"), false),
    };
    if let Some(p) = doc.get_element_by_id("ed-preview") {
        p.set_text_content(Some(&text));
        p.set_attribute("class", if ok { "preview" } else { "preview muted" })?;
    }
    let chars = template::count_chars(&text);
    if let Some(p) = doc.get_element_by_id("ed-count") {
        if ok {
            let key = if chars > limit { "count_over" } else { "count" };
            p.set_text_content(Some(&ui::tn(
                key,
                chars,
                &[&chars.to_string(), &limit.to_string()],
            )));
            p.set_attribute("class", if chars > limit { "count over" } else { "count" })?;
        } else {
            p.set_text_content(None);
        }
    }
    if let Some(area) = doc.get_element_by_id("ed-hints") {
        ui::clear(&area);
        if ok {
            let context = ToneContext {
                limit,
                they_wrote_note: !own_invitation && sample.invitation.note.is_some(),
                first_name: sample.invitation.first_name.clone(),
                stranger: !own_invitation && sample.stranger,
                language: rec.language.clone(),
            };
            let hints = if rec.target == Target::Note {
                tone::check_note(&text, &context)
            } else {
                tone::check(&text, &context)
            };
            if hints.is_empty() {
                ui::text(doc, &area, "p", "ok", &t("hints_none"))?;
            } else {
                ui::text(doc, &area, "p", "hints-head", &t("hints_title"))?;
                let list = append(&area, el(doc, "ul", &[], None)?)?;
                for h in hints.iter().take(12) {
                    let class = match h.severity {
                        Severity::Info => "hint-info",
                        Severity::Warning => "hint-warning",
                        Severity::Problem => "hint-problem",
                    };
                    let li = append(&list, el(doc, "li", &[("class", class)], None)?)?;
                    let words: String = text
                        .chars()
                        .skip(h.start)
                        .take(h.end.saturating_sub(h.start).min(60))
                        .collect();
                    let mut line = h.message.clone();
                    // Quote the words unless the message already does.
                    if !words.trim().is_empty() && h.end > h.start && !line.contains(words.trim()) {
                        line = format!("“{}” — {line}", words.trim());
                    }
                    ui::text(doc, &li, "span", "", &line)?;
                    if !h.suggestion.is_empty() {
                        ui::text(
                            doc,
                            &li,
                            "span",
                            "suggestion",
                            &format!(" {}", h.suggestion),
                        )?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// Moves the caret to a character position of the body and selects the
/// character there (textarea offsets are UTF-16 units).
fn go_to(position: usize) -> DomResult<()> {
    let doc = dom::document()?;
    let Some(area) = doc
        .get_element_by_id("ed-body")
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return Ok(());
    };
    let value = area.value();
    let start: usize = value.chars().take(position).map(char::len_utf16).sum();
    let end = start + value.chars().nth(position).map_or(0, char::len_utf16);
    area.focus()?;
    let (start, end) = (
        u32::try_from(start).unwrap_or(0),
        u32::try_from(end).unwrap_or(0),
    );
    area.set_selection_range(start, end)?;
    Ok(())
}

fn save_draft() -> DomResult<()> {
    let saved = with_state(|st| -> Option<usize> {
        if !may_write(st) {
            return None;
        }
        let draft = st.editor.as_ref()?;
        if !my_templates::blockers(&draft.record).none() {
            status(&t("cannot_save_invalid"));
            return None;
        }
        let original = draft.original.clone();
        let record = draft.record.clone();
        let at = my_templates::save(&mut st.data, original.as_deref(), record, dom::now())?;
        let title = st
            .data
            .templates
            .get(at)
            .map(|t| t.title.clone())
            .unwrap_or_default();
        st.editor = None;
        st.search.clear();
        save_templates(st, tf("saved_template", &[&title]));
        Some(at)
    })
    .flatten();
    if let Some(at) = saved {
        refresh()?;
        focus(&format!("tpl-edit-{at}"));
    }
    Ok(())
}

fn close() -> DomResult<()> {
    let back = with_state(|st| {
        let index = st
            .editor
            .take()
            .and_then(|d| d.original)
            .and_then(|id| st.data.templates.iter().position(|t| t.id == id));
        match index {
            Some(i) => format!("tpl-edit-{i}"),
            None => "tpl-new".to_string(),
        }
    });
    refresh()?;
    if let Some(id) = back {
        focus(&id);
    }
    status(&t("edit_closed"));
    Ok(())
}

pub fn click(act: &str, id: &str) -> DomResult<bool> {
    match act {
        "ed-save" => save_draft()?,
        "ed-cancel" => close()?,
        "ed-goto" => go_to(id.parse().unwrap_or(0))?,
        _ => return Ok(false),
    }
    Ok(true)
}

/// Typing in the title or the body.
pub fn input(act: &str, target: &Element) -> DomResult<bool> {
    let value = if let Some(i) = target.dyn_ref::<HtmlInputElement>() {
        i.value()
    } else if let Some(a) = target.dyn_ref::<HtmlTextAreaElement>() {
        a.value()
    } else {
        return Ok(false);
    };
    let doc = dom::document()?;
    let handled = with_state(|st| -> DomResult<bool> {
        let Some(draft) = st.editor.as_mut() else {
            return Ok(false);
        };
        match act {
            "ed-title" => draft.record.title = value,
            "ed-body" => draft.record.body = value,
            _ => return Ok(false),
        }
        draft.dirty = true;
        update_feedback(&doc, st)?;
        Ok(true)
    });
    handled.unwrap_or(Ok(false))
}

/// Selects and checkboxes.
pub fn change(act: &str, target: &Element) -> DomResult<bool> {
    if !act.starts_with("ed-") {
        return Ok(false);
    }
    let checked = target
        .dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::checked)
        .unwrap_or(false);
    let value = target
        .dyn_ref::<HtmlSelectElement>()
        .map(HtmlSelectElement::value)
        .unwrap_or_default();
    let id = target.get_attribute("data-id").unwrap_or_default();
    let doc = dom::document()?;
    let result = with_state(|st| -> DomResult<bool> {
        let Some(draft) = st.editor.as_mut() else {
            return Ok(false);
        };
        let rec = &mut draft.record;
        match act {
            "ed-target" => {
                rec.target = if value == "note" {
                    Target::Note
                } else {
                    Target::Message
                };
            }
            "ed-lang" => rec.language = value,
            "ed-sample" => {
                draft.sample = value.parse().unwrap_or(0);
                update_feedback(&doc, st)?;
                return Ok(true);
            }
            "ed-sit" => {
                if let Some(s) = SITUATIONS.iter().find(|s| ui::name_of(*s) == id) {
                    toggle(&mut rec.situations, *s, checked);
                }
            }
            "ed-act" => {
                if let Some(a) = Action::parse(&id) {
                    toggle(&mut rec.actions, a, checked);
                }
            }
            "ed-rel" => {
                if let Some(r) = Relationship::parse(&id) {
                    toggle(&mut rec.relationships, r, checked);
                }
            }
            "ed-claim" => {
                if let Some(c) = Claim::parse(&id) {
                    toggle(&mut rec.claims, c, checked);
                }
            }
            "ed-any-lang" => rec.any_language = checked,
            _ => return Ok(false),
        }
        draft.dirty = true;
        update_feedback(&doc, st)?;
        Ok(true)
    });
    result.unwrap_or(Ok(false))
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    let has = list.contains(&item);
    if on && !has {
        list.push(item);
    } else if !on && has {
        list.retain(|x| *x != item);
    }
}

/// Ctrl/⌘+Enter saves; Escape closes an unchanged draft. Returns true when
/// the key was used.
pub fn key(e: &KeyboardEvent, target: &Element) -> DomResult<bool> {
    if target.closest("#editor")?.is_none() {
        return Ok(false);
    }
    match e.key().as_str() {
        "Enter" if e.ctrl_key() || e.meta_key() => {
            save_draft()?;
            Ok(true)
        }
        "Escape" => {
            let dirty =
                with_state(|st| st.editor.as_ref().is_some_and(|d| d.dirty)).unwrap_or(false);
            if dirty {
                status(&t("unsaved_changes"));
            } else {
                close()?;
            }
            Ok(true)
        }
        _ => Ok(false),
    }
}
