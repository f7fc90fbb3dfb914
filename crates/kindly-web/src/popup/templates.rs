//! The Templates tab: the list with search and the situations each template
//! fits; new, duplicate, edit, delete (with undo), reorder; restore the
//! default library without touching the user's own templates.

use super::editor::{self, save_templates};
use super::state::{focus, may_write, refresh, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{self, node, DomResult, Node};
use kindly_core::store;
use kindly_core::{my_templates, Target, TemplateRecord};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement};

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    toolbar(&st.search, ro).add_to(panel)?;
    if let Some(undone) = st.undo.as_ref().map(|d| &d.template) {
        undo_bar(undone, ro).add_to(panel)?;
    }
    node("div").attr("id", "tpl-results").add_to(panel)?;
    render_results(doc, st)?;
    restore_footer(ro).add_to(panel)?;
    Ok(())
}

/// Search and New.
fn toolbar(search: &str, ro: bool) -> Node {
    node("div")
        .class("toolbar")
        .child(ui::field(
            "tpl-search",
            &t("search_templates"),
            ui::input("tpl-search", "search", search)
                .attr("data-input", "tpl-search")
                .attr("aria-controls", "tpl-results")
                .attr("autocomplete", "off"),
        ))
        .child(
            ui::button(&t("new_template"), "tpl-new", "")
                .disabled(ro)
                .attr("id", "tpl-new"),
        )
}

/// "Deleted …" with Undo.
fn undo_bar(undone: &TemplateRecord, ro: bool) -> Node {
    node("div")
        .class("undo")
        .child(node("span").text(&tf("deleted_template", &[&title_of(undone)])))
        .child(
            ui::button(&t("undo"), "tpl-undo", "")
                .disabled(ro)
                .attr("id", "tpl-undo"),
        )
}

/// Restore the default library, with what it keeps.
fn restore_footer(ro: bool) -> Node {
    node("div")
        .class("footer-actions")
        .child(
            ui::button(&t("restore_defaults"), "tpl-restore", "")
                .disabled(ro)
                .attr("id", "tpl-restore"),
        )
        .child(ui::hint(&t("restore_defaults_hint")))
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
        .filter(|(_, tpl)| my_templates::matches(tpl, &st.search, situation_name))
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
    ui::line("p", "count", &count)
        .attr("id", "tpl-count")
        .add_to(&out)?;
    if shown.is_empty() {
        ui::line("p", "empty", &t("no_templates")).add_to(&out)?;
        return Ok(());
    }
    let last = all.len().saturating_sub(1);
    let cards = shown.into_iter().map(|(i, tpl)| {
        let place = Place {
            index: i,
            first: i == 0,
            last: i >= last,
        };
        card(tpl, place, ro)
    });
    node("ul")
        .class("cards")
        .attr("aria-label", &t("tab_templates"))
        .children(cards)
        .add_to(&out)?;
    Ok(())
}

/// Where a template sits in the list (its buttons' ids, which may move).
#[derive(Clone, Copy)]
struct Place {
    index: usize,
    first: bool,
    last: bool,
}

/// One template: title and badges, what it fits, an excerpt, its actions.
fn card(tpl: &TemplateRecord, place: Place, ro: bool) -> Node {
    let fits = if tpl.situations.is_empty() {
        t("fits_any")
    } else {
        let names: Vec<String> = tpl.situations.iter().map(situation_name).collect();
        tf("fits", &[&names.join(" · ")])
    };
    node("li")
        .class("card")
        .attr("id", &format!("tpl-item-{}", place.index))
        .child(
            node("div")
                .class("card-head")
                .child(node("h3").text(&title_of(tpl)))
                .child(badges(tpl)),
        )
        .child(ui::line("p", "fits", &fits))
        .child(ui::line("p", "excerpt", &my_templates::excerpt(&tpl.body)))
        .child(actions(tpl, place, ro))
}

/// A situation's name in the UI language.
fn situation_name(s: &kindly_core::Situation) -> String {
    t(&format!("sit_{}", ui::name_of(s)))
}

/// Built-in or yours, note or message, language, and whether it parses.
fn badges(tpl: &TemplateRecord) -> Node {
    let badge = |class: &str, text: &str| ui::line("span", class, text);
    let origin = if tpl.builtin {
        t("builtin")
    } else {
        t("yours")
    };
    let target = match tpl.target {
        Target::Note => t("target_note"),
        Target::Message => t("target_message"),
    };
    let broken = kindly_core::template::parse(&tpl.body).is_err();
    node("div")
        .class("badges")
        .child(badge("badge", &origin))
        .child(badge("badge", &target))
        .child(badge("badge", &tpl.language.to_uppercase()))
        .children(broken.then(|| badge("badge bad", &t("has_errors"))))
}

/// Edit (or View), Duplicate, move up and down, Delete.
fn actions(tpl: &TemplateRecord, place: Place, ro: bool) -> Node {
    let title = title_of(tpl);
    let i = place.index;
    let id = tpl.id.as_str();
    let action = |text: &str, act: &str, name: &str| {
        ui::button(text, act, id)
            .attr("id", &format!("{act}-{i}"))
            .attr("aria-label", &tf("action_on", &[name, &title]))
    };
    let edit = if ro { t("view") } else { t("edit") };
    node("div")
        .class("row-actions")
        .child(action(&edit, "tpl-edit", &edit))
        .child(action(&t("duplicate"), "tpl-dup", &t("duplicate")).disabled(ro))
        .child(
            action("↑", "tpl-up", &t("move_up"))
                .disabled(ro || place.first)
                .attr("title", &t("move_up")),
        )
        .child(
            action("↓", "tpl-down", &t("move_down"))
                .disabled(ro || place.last)
                .attr("title", &t("move_down")),
        )
        .child(
            action(&t("delete"), "tpl-del", &t("delete"))
                .disabled(ro)
                .class("danger-quiet"),
        )
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
                let j = my_templates::move_by_one(&mut st.data, id, up)?;
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
