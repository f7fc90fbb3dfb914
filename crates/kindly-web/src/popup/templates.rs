//! The Templates tab: the list with search and the situations each template
//! fits; new, duplicate, edit, delete (with undo), reorder; restore the
//! default library without touching the user's own templates.

use super::editor::{self, save_templates};
use super::state::{focus, may_write, refresh, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{self, append, el, DomResult};
use kindly_core::store;
use kindly_core::{my_templates, Target, TemplateRecord};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    let bar = append(panel, el(doc, "div", &[("class", "toolbar")], None)?)?;
    ui::field(
        &bar,
        "tpl-search",
        &t("search_templates"),
        ui::input("tpl-search", "search", &st.search)
            .attr("data-input", "tpl-search")
            .attr("aria-controls", "tpl-results")
            .attr("autocomplete", "off"),
    )?;
    ui::button(doc, &bar, &t("new_template"), "tpl-new", "", ro)?.set_attribute("id", "tpl-new")?;

    if let Some(undone) = st.undo.as_ref().map(|d| &d.template) {
        let undo = append(panel, el(doc, "div", &[("class", "undo")], None)?)?;
        ui::text(
            doc,
            &undo,
            "span",
            "",
            &tf("deleted_template", &[&title_of(undone)]),
        )?;
        ui::button(doc, &undo, &t("undo"), "tpl-undo", "", ro)?.set_attribute("id", "tpl-undo")?;
    }
    append(panel, el(doc, "div", &[("id", "tpl-results")], None)?)?;
    render_results(doc, st)?;

    let foot = append(panel, el(doc, "div", &[("class", "footer-actions")], None)?)?;
    ui::button(doc, &foot, &t("restore_defaults"), "tpl-restore", "", ro)?
        .set_attribute("id", "tpl-restore")?;
    ui::text(doc, &foot, "p", "hint", &t("restore_defaults_hint"))?;
    Ok(())
}

/// What a search matches: title, body, situations, target and language.
fn matches(tpl: &TemplateRecord, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let mut hay = format!("{} {} {}", tpl.title, tpl.body, tpl.language).to_lowercase();
    for s in &tpl.situations {
        hay.push(' ');
        hay.push_str(&t(&format!("sit_{}", ui::name_of(s))).to_lowercase());
    }
    q.split_whitespace().all(|w| hay.contains(w))
}

fn title_of(tpl: &TemplateRecord) -> String {
    if tpl.title.trim().is_empty() {
        t("untitled")
    } else {
        tpl.title.clone()
    }
}

fn render_results(doc: &Document, st: &State) -> DomResult<()> {
    let Some(out) = doc.get_element_by_id("tpl-results") else {
        return Ok(());
    };
    ui::clear(&out);
    let ro = !st.writable;
    let all = &st.data.templates;
    let shown: Vec<(usize, &TemplateRecord)> = all
        .iter()
        .enumerate()
        .filter(|(_, tpl)| matches(tpl, &st.search))
        .collect();
    let count = if st.search.trim().is_empty() {
        ui::tn("template_count", all.len(), &[&all.len().to_string()])
    } else {
        ui::tn(
            "template_matches",
            all.len(),
            &[&shown.len().to_string(), &all.len().to_string()],
        )
    };
    ui::text(doc, &out, "p", "count", &count)?.set_attribute("id", "tpl-count")?;
    if shown.is_empty() {
        ui::text(doc, &out, "p", "empty", &t("no_templates"))?;
        return Ok(());
    }
    let list = append(
        &out,
        el(
            doc,
            "ul",
            &[("class", "cards"), ("aria-label", &t("tab_templates"))],
            None,
        )?,
    )?;
    let last = all.len().saturating_sub(1);
    for (i, tpl) in shown {
        let title = title_of(tpl);
        let item = append(
            &list,
            el(
                doc,
                "li",
                &[("class", "card"), ("id", &format!("tpl-item-{i}"))],
                None,
            )?,
        )?;
        let head = append(&item, el(doc, "div", &[("class", "card-head")], None)?)?;
        ui::text(doc, &head, "h3", "", &title)?;
        let badges = append(&head, el(doc, "div", &[("class", "badges")], None)?)?;
        let origin = if tpl.builtin {
            t("builtin")
        } else {
            t("yours")
        };
        ui::text(doc, &badges, "span", "badge", &origin)?;
        let target = match tpl.target {
            Target::Note => t("target_note"),
            Target::Message => t("target_message"),
        };
        ui::text(doc, &badges, "span", "badge", &target)?;
        ui::text(doc, &badges, "span", "badge", &tpl.language.to_uppercase())?;
        if kindly_core::template::parse(&tpl.body).is_err() {
            ui::text(doc, &badges, "span", "badge bad", &t("has_errors"))?;
        }
        let fits = if tpl.situations.is_empty() {
            t("fits_any")
        } else {
            let names: Vec<String> = tpl
                .situations
                .iter()
                .map(|s| t(&format!("sit_{}", ui::name_of(s))))
                .collect();
            tf("fits", &[&names.join(" · ")])
        };
        ui::text(doc, &item, "p", "fits", &fits)?;
        let excerpt: String = tpl
            .body
            .chars()
            .take(110)
            .collect::<String>()
            .replace('\n', " ");
        let more = if tpl.body.chars().count() > 110 {
            "…"
        } else {
            ""
        };
        ui::text(doc, &item, "p", "excerpt", &format!("{excerpt}{more}"))?;

        let actions = append(&item, el(doc, "div", &[("class", "row-actions")], None)?)?;
        let id = tpl.id.as_str();
        let edit_label = if ro { t("view") } else { t("edit") };
        let b = ui::button(doc, &actions, &edit_label, "tpl-edit", id, false)?;
        b.set_attribute("id", &format!("tpl-edit-{i}"))?;
        b.set_attribute("aria-label", &format!("{edit_label}: {title}"))?;
        let b = ui::button(doc, &actions, &t("duplicate"), "tpl-dup", id, ro)?;
        b.set_attribute("id", &format!("tpl-dup-{i}"))?;
        b.set_attribute("aria-label", &format!("{}: {title}", t("duplicate")))?;
        let b = ui::button(doc, &actions, "↑", "tpl-up", id, ro || i == 0)?;
        b.set_attribute("id", &format!("tpl-up-{i}"))?;
        b.set_attribute("aria-label", &format!("{}: {title}", t("move_up")))?;
        b.set_attribute("title", &t("move_up"))?;
        let b = ui::button(doc, &actions, "↓", "tpl-down", id, ro || i >= last)?;
        b.set_attribute("id", &format!("tpl-down-{i}"))?;
        b.set_attribute("aria-label", &format!("{}: {title}", t("move_down")))?;
        b.set_attribute("title", &t("move_down"))?;
        let b = ui::button(doc, &actions, &t("delete"), "tpl-del", id, ro)?;
        b.set_attribute("id", &format!("tpl-del-{i}"))?;
        b.set_attribute("class", "danger-quiet")?;
        b.set_attribute("aria-label", &format!("{}: {title}", t("delete")))?;
    }
    Ok(())
}

pub fn click(act: &str, id: &str) -> DomResult<bool> {
    match act {
        "tpl-new" => {
            with_state(|st| {
                if may_write(st) {
                    editor::open_new(st);
                }
            });
            refresh()?;
            focus("ed-title");
        }
        "tpl-edit" => {
            with_state(|st| editor::open(st, id));
            refresh()?;
            focus("ed-title");
        }
        "tpl-dup" => {
            let at = with_state(|st| -> Option<usize> {
                if !may_write(st) {
                    return None;
                }
                let original = st.data.templates.iter().find(|t| t.id == id)?;
                let title = tf("copy_of", &[&title_of(original)]);
                let at = my_templates::duplicate(&mut st.data, id, title.clone(), dom::now())?;
                st.search.clear();
                save_templates(st, tf("duplicated", &[&title]));
                Some(at)
            })
            .flatten();
            refresh()?;
            if let Some(i) = at {
                focus(&format!("tpl-edit-{i}"));
            }
        }
        "tpl-del" => {
            let done = with_state(|st| -> Option<()> {
                if !may_write(st) {
                    return None;
                }
                let deleted = my_templates::delete(&mut st.data, id)?;
                let title = title_of(&deleted.template);
                st.undo = Some(deleted);
                save_templates(st, tf("deleted_template", &[&title]));
                Some(())
            })
            .flatten();
            refresh()?;
            if done.is_some() {
                focus("tpl-undo");
            }
        }
        "tpl-undo" => {
            let at = with_state(|st| -> Option<usize> {
                if !may_write(st) {
                    return None;
                }
                let deleted = st.undo.take()?;
                let title = title_of(&deleted.template);
                let i = my_templates::undo(&mut st.data, deleted, dom::now());
                save_templates(st, tf("restored_template", &[&title]));
                Some(i)
            })
            .flatten();
            refresh()?;
            match at {
                Some(i) => focus(&format!("tpl-edit-{i}")),
                None => focus("tpl-search"),
            }
        }
        "tpl-up" | "tpl-down" => {
            let up = act == "tpl-up";
            let at = with_state(|st| -> Option<usize> {
                if !may_write(st) {
                    return None;
                }
                let i = st.data.templates.iter().position(|t| t.id == id)?;
                let j = if up { i.checked_sub(1)? } else { i + 1 };
                if j >= st.data.templates.len() {
                    return None;
                }
                st.data.templates.swap(i, j);
                let title = st.data.templates.get(j).map(title_of).unwrap_or_default();
                let key = if up { "moved_up" } else { "moved_down" };
                save_templates(st, tf(key, &[&title, &(j + 1).to_string()]));
                Some(j)
            })
            .flatten();
            refresh()?;
            if let Some(j) = at {
                // Keep focus on the same button of the moved template, unless
                // it just became disabled at the end of the list.
                let dir = if up { "up" } else { "down" };
                let wanted = format!("tpl-{dir}-{j}");
                let usable = dom::document()
                    .ok()
                    .and_then(|d| d.get_element_by_id(&wanted))
                    .is_some_and(|b| !b.has_attribute("disabled"));
                focus(if usable { &wanted } else { "" });
                if !usable {
                    focus(&format!("tpl-edit-{j}"));
                }
            }
        }
        "tpl-restore" => {
            with_state(|st| {
                if !may_write(st) {
                    return;
                }
                let changed = store::restore_default_templates(&mut st.data);
                if changed.is_empty() {
                    status(&t("restore_nothing"));
                } else {
                    save_templates(
                        st,
                        ui::tn(
                            "restored_defaults",
                            changed.len(),
                            &[&changed.len().to_string()],
                        ),
                    );
                }
            });
            refresh()?;
        }
        _ => return Ok(false),
    }
    Ok(true)
}

pub fn input(act: &str, target: &Element) -> DomResult<bool> {
    if act != "tpl-search" {
        return Ok(false);
    }
    let value = target
        .dyn_ref::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default();
    let doc = dom::document()?;
    with_state(|st| {
        st.search = value;
        render_results(&doc, st)
    })
    .transpose()?;
    Ok(true)
}
