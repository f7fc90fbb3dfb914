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
use crate::dom::{self, node, DomResult, Node};
use kindly_core::store::KEY_TEMPLATES;
use kindly_core::template::{self, TemplateError};
use kindly_core::tone::{self, Severity, ToneContext};
use kindly_core::{
    facts_for, limit_for, Action, Claim, Relationship, Situation, Target, TemplateRecord,
};
use kindly_core::{my_templates, profile_form};
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, KeyboardEvent,
};

/// Every situation, in the order the editor lists them.
pub const SITUATIONS: [Situation; 21] = Situation::ALL;

/// The fields a template may use, shown as they are typed (not words to
/// translate).
const FIELDS_EXAMPLE: &str = "{first_name} {name} {company} {headline} {mutual_count} {mutual_name} {my_name} {my_email} {target} {met_at} {topic} {my_role}";

/// The rest of the syntax, by example.
const SYNTAX_EXAMPLE: &str =
    "{first_name|there}  {if note}…{else}…{end}  {unless mutual}…{end}  {{ }}";

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
    let language = profile_form::template_language(&st.data.profile).to_string();
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
    let note_limit = limit_for(Target::Note, &st.data).to_string();
    node("div")
        .class("editor")
        .attr("id", "editor")
        .child(node("h2").text(&heading).attr("id", "ed-heading"))
        .children((rec.builtin && !ro).then(|| ui::hint(&t("editing_builtin"))))
        .child(title_field(rec, ro))
        .child(ui::line("p", "field-error", "").attr("id", "ed-title-error"))
        .child(where_and_language(rec, &note_limit, ro))
        .child(ui::check(
            "ed-any-lang",
            &t("field_any_language"),
            tick("ed-any-lang", rec.any_language, "ed-any-lang", ro),
        ))
        .child(body_field(rec, ro))
        .child(
            node("div")
                .attr("id", "ed-errors")
                .class("errors")
                .attr("aria-live", "polite")
                .attr("aria-atomic", "true"),
        )
        .child(syntax_help())
        .child(preview_box(draft.sample))
        .child(situations(rec, ro))
        .child(actions(rec, ro))
        .child(relationships(rec, ro))
        .child(claims(rec, ro))
        .child(save_buttons(ro))
        .add_to(panel)?;
    update_feedback(doc, st)
}

fn title_field(rec: &TemplateRecord, ro: bool) -> Node {
    ui::field(
        "ed-title",
        &t("field_title"),
        ui::input("ed-title", "text", &rec.title)
            .disabled(ro)
            .attr("data-input", "ed-title")
            .attr("maxlength", &my_templates::TITLE_MAX.to_string())
            .attr("aria-describedby", "ed-title-error"),
    )
}

/// Where it is pasted (with the note's limit) and its language.
fn where_and_language(rec: &TemplateRecord, note_limit: &str, ro: bool) -> Node {
    let targets = [
        ("note", tf("target_note_limit", &[note_limit])),
        ("message", t("target_message")),
    ];
    let mut langs: Vec<(&str, String)> = LANGUAGES
        .iter()
        .map(|l| (*l, t(&format!("lang_{l}"))))
        .collect();
    if !LANGUAGES.contains(&rec.language.as_str()) {
        langs.push((rec.language.as_str(), rec.language.clone()));
    }
    node("div")
        .class("row")
        .child(ui::field(
            "ed-target",
            &t("field_target"),
            ui::select("ed-target", &targets, &ui::name_of(&rec.target))
                .attr("data-change", "ed-target")
                .disabled(ro),
        ))
        .child(ui::field(
            "ed-lang",
            &t("field_language"),
            ui::select("ed-lang", &langs, &rec.language)
                .attr("data-change", "ed-lang")
                .disabled(ro),
        ))
}

fn body_field(rec: &TemplateRecord, ro: bool) -> Node {
    ui::field(
        "ed-body",
        &t("field_body"),
        ui::textarea("ed-body", "8", &rec.body)
            .attr("data-input", "ed-body")
            .attr("spellcheck", "true")
            .attr("aria-describedby", "ed-errors ed-count")
            .disabled(ro)
            .class("body"),
    )
}

/// The fields and the syntax a template may use, folded.
fn syntax_help() -> Node {
    node("details")
        .class("help")
        .child(node("summary").text(&t("syntax_title")))
        .child(node("p").text(&t("syntax_fields")))
        .child(ui::line("p", "mono", FIELDS_EXAMPLE))
        .child(node("p").text(&t("syntax_rest")))
        .child(ui::line("p", "mono", SYNTAX_EXAMPLE))
}

/// The live preview: the sample chooser, the text, its count and the hints.
fn preview_box(sample: usize) -> Node {
    let options: Vec<(String, String)> = samples()
        .iter()
        .enumerate()
        .map(|(i, s)| (i.to_string(), t(s.key)))
        .collect();
    let options: Vec<(&str, String)> = options
        .iter()
        .map(|(v, l)| (v.as_str(), l.clone()))
        .collect();
    node("section")
        .class("preview-box")
        .attr("aria-labelledby", "ed-preview-h")
        .child(node("h3").text(&t("preview")).attr("id", "ed-preview-h"))
        .child(ui::field(
            "ed-sample",
            &t("preview_with"),
            ui::select("ed-sample", &options, &sample.to_string()).attr("data-change", "ed-sample"),
        ))
        .child(ui::line("p", "sample-desc", "").attr("id", "ed-sample-desc"))
        .child(ui::line("p", "preview", "").attr("id", "ed-preview"))
        .child(ui::line("p", "count", "").attr("id", "ed-count"))
        .child(
            node("div")
                .attr("id", "ed-hints")
                .attr("aria-live", "polite")
                .class("hints"),
        )
}

/// A checkbox of the draft (`change` names what it toggles).
fn tick(id: &str, checked: bool, change: &str, ro: bool) -> Node {
    ui::tick(id, checked)
        .attr("data-change", change)
        .disabled(ro)
}

/// A `fieldset.choices` of checkboxes under `legend`, with an optional hint.
fn choices(legend: &str, hint: Option<String>, boxes: impl IntoIterator<Item = Node>) -> Node {
    node("fieldset")
        .class("choices")
        .child(node("legend").text(legend))
        .children(hint.map(|h| ui::hint(&h)))
        .child(node("div").class("grid").children(boxes))
}

/// A checkbox per entry of one of the draft's lists, each `(id suffix,
/// data-id, label, ticked)`; `list` names the list ("sit" → `ed-sit`).
fn ticks<'a>(
    list: &'a str,
    entries: impl IntoIterator<Item = (String, String, String, bool)> + 'a,
    ro: bool,
) -> impl Iterator<Item = Node> + 'a {
    let change = format!("ed-{list}");
    entries
        .into_iter()
        .map(move |(suffix, name, label, ticked)| {
            let id = format!("ed-{list}-{suffix}");
            ui::check(
                &id,
                &label,
                tick(&id, ticked, &change, ro).attr("data-id", &name),
            )
        })
}

/// An entry for [`ticks`] named `name` (its id suffix and data-id), its
/// label the message `<prefix>_<name>`.
fn named(name: &str, prefix: &str, ticked: bool) -> (String, String, String, bool) {
    let label = t(&format!("{prefix}_{name}"));
    (name.to_string(), name.to_string(), label, ticked)
}

/// When to suggest it: the situations.
fn situations(rec: &TemplateRecord, ro: bool) -> Node {
    let entries = SITUATIONS.iter().enumerate().map(|(i, s)| {
        let name = ui::name_of(s);
        let label = t(&format!("sit_{name}"));
        (i.to_string(), name, label, rec.situations.contains(s))
    });
    choices(
        &t("field_situations"),
        Some(t("situations_hint")),
        ticks("sit", entries, ro),
    )
}

/// For which suggested actions.
fn actions(rec: &TemplateRecord, ro: bool) -> Node {
    let entries = Action::ALL
        .into_iter()
        .map(|a| named(a.as_str(), "act", rec.actions.contains(&a)));
    choices(&t("field_actions"), None, ticks("act", entries, ro))
}

/// For which relationships.
fn relationships(rec: &TemplateRecord, ro: bool) -> Node {
    let entries = Relationship::ALL
        .into_iter()
        .map(|r| named(r.as_str(), "rel", rec.relationships.contains(&r)));
    choices(&t("field_relationships"), None, ticks("rel", entries, ro))
}

/// What the words assert: the reply is offered only where it is true.
fn claims(rec: &TemplateRecord, ro: bool) -> Node {
    let entries = Claim::ALL
        .into_iter()
        .map(|c| named(c.as_str(), "claim", rec.claims.contains(&c)));
    choices(
        &t("field_claims"),
        Some(t("claims_hint")),
        ticks("claim", entries, ro),
    )
    .child(ui::line("p", "hint warn", "").attr("id", "ed-claims-hint"))
}

/// Save (Ctrl+Enter) and Cancel.
fn save_buttons(ro: bool) -> Node {
    node("div")
        .class("buttons sticky")
        .child(
            ui::button(&t("save"), "ed-save", "")
                .disabled(ro)
                .attr("id", "ed-save")
                .class("primary")
                .attr("aria-keyshortcuts", "Control+Enter"),
        )
        .child(ui::button(&t("cancel"), "ed-cancel", "").attr("id", "ed-cancel"))
        .child(ui::line("span", "hint", &t("save_shortcut")))
}

/// Saves the template list; says `done` once stored.
pub fn save_templates(st: &mut State, done: String) {
    let set = entries_of(&st.data, |k| k == KEY_TEMPLATES);
    save(st, set, Vec::new(), done);
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
            for part in error_list(&rec.body, &errors) {
                part.add_to(&area)?;
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
            desc.push(tf("quoted", &[note]));
        }
        p.set_text_content(Some(&desc.join(" · ")));
    }
    let mut facts = facts_for(&sample.invitation, &st.data.profile);
    // A note or a follow-up for the user's own invitation is previewed
    // with what the user would type when inviting.
    let own_invitation = my_templates::for_own_invitation(rec);
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
                ui::line("p", "ok", &t("hints_none")).add_to(&area)?;
            } else {
                ui::line("p", "hints-head", &t("hints_title")).add_to(&area)?;
                let items = hints.iter().take(12).map(|h| hint_item(&text, h));
                node("ul").children(items).add_to(&area)?;
            }
        }
    }
    Ok(())
}

/// How many errors, then each (up to 20) as a button that puts the caret
/// there.
fn error_list(body: &str, errors: &[TemplateError]) -> [Node; 2] {
    let n = errors.len().to_string();
    let head = if errors.len() == 1 {
        t("errors_one")
    } else {
        tf("errors_many", &[&n])
    };
    let items = errors.iter().take(20).map(|e| {
        let (line, col) = my_templates::line_col(body, e.position);
        let text = tf(
            "error_at",
            &[&line.to_string(), &col.to_string(), &e.message],
        );
        let position = e.position.to_string();
        node("li").child(
            ui::button(&text, "ed-goto", &position)
                .class("link error")
                .attr("data-error-position", &position),
        )
    });
    [
        ui::line("p", "errors-head", &head),
        node("ul").children(items),
    ]
}

/// One politeness hint: the words it is about, quoted, what to consider,
/// and a suggestion.
fn hint_item(text: &str, h: &tone::Hint) -> Node {
    let class = match h.severity {
        Severity::Info => "hint-info",
        Severity::Warning => "hint-warning",
        Severity::Problem => "hint-problem",
    };
    let words: String = text
        .chars()
        .skip(h.start)
        .take(h.end.saturating_sub(h.start).min(60))
        .collect();
    let mut line = h.message.clone();
    // Quote the words unless the message already does.
    if !words.trim().is_empty() && h.end > h.start && !line.contains(words.trim()) {
        line = tf("quoted_hint", &[words.trim(), &line]);
    }
    node("li")
        .class(class)
        .child(node("span").text(&line))
        .children(
            (!h.suggestion.is_empty())
                .then(|| ui::line("span", "suggestion", &format!(" {}", h.suggestion))),
        )
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
