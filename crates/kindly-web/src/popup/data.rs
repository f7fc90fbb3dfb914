//! The Data tab: export (everything or templates only) to a JSON file saved
//! on this device; import with full validation and a preview of what will
//! change before anything is replaced; prune and wipe history.
//!
//! An export is a local download (a Blob and an `<a download>` click), never
//! a network request. An import is parsed by `kindly_core::store::parse_import`,
//! which refuses the whole file on any problem, so nothing changes until the
//! user has seen the preview and pressed Apply.

use super::state::{entries_of, focus, may_write, refresh, save, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{self, append, el, DomResult};
use kindly_core::store::{self, person_storage_key, ExportScope, PERSON_PREFIX};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, HtmlInputElement, KeyboardEvent,
    Url,
};

/// Files larger than this are refused before reading (a real export of 500
/// templates and thousands of people is a few MB at most).
const MAX_IMPORT_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;

    let export = section(doc, panel, "data-export-h", &t("export"))?;
    ui::text(doc, &export, "p", "hint", &t("export_hint"))?;
    let row = append(&export, el(doc, "div", &[("class", "buttons")], None)?)?;
    ui::button(doc, &row, &t("export_all"), "exp-all", "", false)?
        .set_attribute("id", "exp-all")?;
    ui::button(doc, &row, &t("export_templates"), "exp-tpl", "", false)?
        .set_attribute("id", "exp-tpl")?;

    let import = section(doc, panel, "data-import-h", &t("import"))?;
    ui::text(doc, &import, "p", "hint", &t("import_hint"))?;
    ui::field(
        &import,
        "imp-file",
        &t("import_choose"),
        ui::input("imp-file", "file", "")
            .attr("data-change", "imp-file")
            .disabled(ro)
            .attr("accept", ".json,application/json"),
    )?;
    if let Some(message) = &st.import_error {
        let box_ = append(
            &import,
            el(
                doc,
                "div",
                &[
                    ("class", "notice error"),
                    ("role", "alert"),
                    ("id", "imp-error"),
                ],
                None,
            )?,
        )?;
        ui::text(doc, &box_, "p", "strong", &t("import_failed"))?;
        ui::text(doc, &box_, "p", "pre", message)?;
    }
    if let Some((plan, changes)) = &st.import {
        let box_ = append(
            &import,
            el(
                doc,
                "div",
                &[
                    ("class", "preview-box"),
                    ("id", "imp-preview"),
                    ("aria-labelledby", "imp-preview-h"),
                ],
                None,
            )?,
        )?;
        ui::text(doc, &box_, "h3", "", &t("import_preview"))?
            .set_attribute("id", "imp-preview-h")?;
        let scope = match plan.scope {
            ExportScope::All => t("scope_all"),
            ExportScope::TemplatesOnly => t("scope_templates"),
        };
        let when = plan.exported.clone().unwrap_or_else(|| t("unknown_date"));
        ui::text(
            doc,
            &box_,
            "p",
            "hint",
            &tf(
                "import_file",
                &[&scope, &when, &plan.from_schema.to_string()],
            ),
        )?;
        let list = append(&box_, el(doc, "ul", &[("id", "imp-changes")], None)?)?;
        let titles = |ids: &[String]| -> String {
            let names: Vec<String> = ids
                .iter()
                .take(8)
                .map(|id| {
                    plan.templates
                        .iter()
                        .find(|t| &t.id == id)
                        .map_or_else(|| id.clone(), |t| t.title.clone())
                })
                .collect();
            let more = ids.len().saturating_sub(8);
            if more > 0 {
                format!("{} …(+{more})", names.join(", "))
            } else {
                names.join(", ")
            }
        };
        let names = |keys: &[String]| -> String {
            let names: Vec<String> = keys
                .iter()
                .take(8)
                .map(|k| {
                    plan.people
                        .get(k)
                        .map(|p| p.name.clone())
                        .filter(|n| !n.is_empty())
                        .unwrap_or_else(|| k.clone())
                })
                .collect();
            let more = keys.len().saturating_sub(8);
            if more > 0 {
                format!("{} …(+{more})", names.join(", "))
            } else {
                names.join(", ")
            }
        };
        // One line per kind of change, in this order; a kind with nothing
        // to report is left out.
        let count = |list: &[String]| list.len().to_string();
        let sent = changes.sent_added.len() + changes.sent_updated.len();
        let lines: [(bool, &str, Vec<String>); 9] = [
            (changes.is_empty(), "import_nothing", vec![]),
            (
                !changes.templates_added.is_empty(),
                "import_tpl_added",
                vec![
                    count(&changes.templates_added),
                    titles(&changes.templates_added),
                ],
            ),
            (
                !changes.templates_replaced.is_empty(),
                "import_tpl_replaced",
                vec![
                    count(&changes.templates_replaced),
                    titles(&changes.templates_replaced),
                ],
            ),
            (
                changes.templates_unchanged > 0,
                "import_tpl_same",
                vec![changes.templates_unchanged.to_string()],
            ),
            (
                !changes.people_added.is_empty(),
                "import_people_added",
                vec![count(&changes.people_added), names(&changes.people_added)],
            ),
            (
                !changes.people_updated.is_empty(),
                "import_people_updated",
                vec![
                    count(&changes.people_updated),
                    names(&changes.people_updated),
                ],
            ),
            (sent > 0, "import_sent", vec![sent.to_string()]),
            (changes.profile_changed, "import_profile", vec![]),
            (changes.settings_changed, "import_settings", vec![]),
        ];
        for (_, key, args) in lines.iter().filter(|(show, _, _)| *show) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            // A line that counts has its count first.
            let line = match args.first().and_then(|n| n.parse::<usize>().ok()) {
                Some(n) => ui::tn(key, n, &args),
                None => tf(key, &args),
            };
            ui::text(doc, &list, "li", "", &line)?;
        }
        ui::text(doc, &box_, "p", "hint", &t("import_keeps"))?;
        let row = append(&box_, el(doc, "div", &[("class", "buttons")], None)?)?;
        let apply = ui::button(
            doc,
            &row,
            &t("import_apply"),
            "imp-apply",
            "",
            ro || changes.is_empty(),
        )?;
        apply.set_attribute("id", "imp-apply")?;
        apply.set_attribute("class", "primary")?;
        ui::button(doc, &row, &t("cancel"), "imp-cancel", "", false)?
            .set_attribute("id", "imp-cancel")?;
    }

    let history = section(doc, panel, "data-history-h", &t("history"))?;
    let days = st.data.settings.history_days.to_string();
    ui::text(
        doc,
        &history,
        "p",
        "",
        &format!(
            "{} {}",
            ui::tn(
                "history_people",
                st.data.people.len(),
                &[&st.data.people.len().to_string()]
            ),
            ui::tn(
                "history_days",
                st.data.settings.history_days as usize,
                &[&days]
            )
        ),
    )?
    .set_attribute("id", "history-summary")?;
    ui::text(doc, &history, "p", "hint", &t("history_hint"))?;
    let row = append(&history, el(doc, "div", &[("class", "buttons")], None)?)?;
    let prune = ui::tn("prune", st.data.settings.history_days as usize, &[&days]);
    ui::button(doc, &row, &prune, "prune", "", ro)?.set_attribute("id", "prune")?;
    let wipe = ui::button(
        doc,
        &row,
        &t("wipe"),
        "wipe",
        "",
        ro || st.data.people.is_empty(),
    )?;
    wipe.set_attribute("id", "wipe")?;
    wipe.set_attribute("class", "danger-quiet")?;
    wipe.set_attribute(
        "aria-expanded",
        if st.confirm_wipe { "true" } else { "false" },
    )?;
    if st.confirm_wipe {
        let confirm = append(
            &history,
            el(
                doc,
                "div",
                &[
                    ("class", "confirm"),
                    ("role", "group"),
                    ("aria-labelledby", "wipe-q"),
                    ("id", "wipe-confirm"),
                ],
                None,
            )?,
        )?;
        ui::text(doc, &confirm, "p", "", &t("wipe_confirm"))?.set_attribute("id", "wipe-q")?;
        let row = append(&confirm, el(doc, "div", &[("class", "buttons")], None)?)?;
        let yes = ui::button(doc, &row, &t("wipe_yes"), "wipe-yes", "", ro)?;
        yes.set_attribute("id", "wipe-yes")?;
        yes.set_attribute("class", "danger")?;
        ui::button(doc, &row, &t("cancel"), "wipe-no", "", false)?
            .set_attribute("id", "wipe-no")?;
    }
    Ok(())
}

fn section(doc: &Document, panel: &Element, id: &str, title: &str) -> DomResult<Element> {
    let s = append(
        panel,
        el(
            doc,
            "section",
            &[("class", "group"), ("aria-labelledby", id)],
            None,
        )?,
    )?;
    ui::text(doc, &s, "h2", "", title)?.set_attribute("id", id)?;
    Ok(s)
}

/// Saves `text` as a file on this device.
fn download(name: &str, text: &str) -> DomResult<()> {
    let doc = dom::document()?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let a: HtmlAnchorElement = doc.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_attribute("hidden", "")?;
    if let Some(body) = doc.body() {
        body.append_child(&a)?;
    }
    a.click();
    a.remove();
    // Revoke once the download has started.
    gloo::timers::callback::Timeout::new(10_000, move || {
        dom::report(Url::revoke_object_url(&url));
    })
    .forget();
    Ok(())
}

fn export(scope: ExportScope) -> DomResult<()> {
    let file = with_state(|st| {
        if let Some(why) = &st.not_read {
            return Err(tf("export_refused", &[why]));
        }
        let json = store::export_json(&st.data, scope, st.today);
        let date = store::iso_date(st.today);
        let name = match scope {
            ExportScope::All => format!("kindly-export-{date}.json"),
            ExportScope::TemplatesOnly => format!("kindly-templates-{date}.json"),
        };
        Ok((name, json))
    });
    match file {
        Some(Ok((name, json))) => {
            download(&name, &json)?;
            status(&tf("exported", &[&name]));
        }
        Some(Err(refused)) => status(&refused),
        None => {}
    }
    Ok(())
}

/// Reads the chosen file and validates it; shows the preview or the reason.
async fn read_import(input: HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let text = if file.size() > MAX_IMPORT_BYTES {
        Err(t("import_too_large"))
    } else {
        match JsFuture::from(file.text()).await {
            Ok(v) => v.as_string().ok_or_else(|| t("import_unreadable")),
            Err(_) => Err(t("import_unreadable")),
        }
    };
    // Let the same file be chosen again after a fix.
    input.set_value("");
    let ok = with_state(|st| {
        st.import = None;
        st.import_error = None;
        match text.map(|s| store::parse_import(&s).map_err(|e| e.message())) {
            Ok(Ok(plan)) => {
                let changes = plan.changes(&st.data);
                st.import = Some((plan, changes));
                true
            }
            Ok(Err(message)) | Err(message) => {
                st.import_error = Some(message);
                false
            }
        }
    })
    .unwrap_or(false);
    dom::report(refresh());
    if ok {
        status(&t("import_ready"));
        focus("imp-preview-h");
        focus("imp-apply");
        if dom::document()
            .ok()
            .and_then(|d| d.active_element())
            .map(|e| e.id())
            != Some("imp-apply".into())
        {
            focus("imp-cancel");
        }
    } else {
        status(&t("import_failed"));
        focus("imp-file");
    }
}

pub fn click(act: &str, _id: &str) -> DomResult<bool> {
    match act {
        "exp-all" => export(ExportScope::All)?,
        "exp-tpl" => export(ExportScope::TemplatesOnly)?,
        "imp-apply" => {
            with_state(|st| {
                if !may_write(st) {
                    return;
                }
                let Some((plan, _)) = st.import.take() else {
                    return;
                };
                let changes = store::apply_import(&mut st.data, plan);
                let n = changes.templates_added.len() + changes.templates_replaced.len();
                let p = changes.people_added.len() + changes.people_updated.len();
                let set = store::to_entries(&st.data);
                save(
                    st,
                    set,
                    Vec::new(),
                    tf("imported", &[&n.to_string(), &p.to_string()]),
                );
            });
            refresh()?;
            focus("imp-file");
        }
        "imp-cancel" => {
            with_state(|st| {
                st.import = None;
                st.import_error = None;
            });
            refresh()?;
            focus("imp-file");
            status(&t("import_cancelled"));
        }
        "prune" => {
            with_state(|st| {
                if !may_write(st) {
                    return;
                }
                let removed = store::prune_history(&mut st.data, st.today);
                let sent_removed = kindly_core::sent::prune(&mut st.data, st.today);
                if removed.is_empty() && sent_removed.is_empty() {
                    let days = st.data.settings.history_days;
                    status(&ui::tn(
                        "prune_nothing",
                        days as usize,
                        &[&days.to_string()],
                    ));
                    return;
                }
                let keys = storage_keys(&removed, &sent_removed);
                save(
                    st,
                    Vec::new(),
                    keys,
                    ui::tn("pruned", removed.len(), &[&removed.len().to_string()]),
                );
            });
            refresh()?;
        }
        "wipe" => {
            with_state(|st| st.confirm_wipe = true);
            refresh()?;
            focus("wipe-no");
        }
        "wipe-no" => {
            with_state(|st| st.confirm_wipe = false);
            refresh()?;
            focus("wipe");
        }
        "wipe-yes" => {
            with_state(|st| {
                st.confirm_wipe = false;
                if !may_write(st) {
                    return;
                }
                let removed = store::wipe_history(&mut st.data);
                let sent_removed = kindly_core::sent::forget_settled(&mut st.data);
                let keys = storage_keys(&removed, &sent_removed);
                let kept = st.data.people.len().to_string();
                let set = entries_of(&st.data, |k| k.starts_with(PERSON_PREFIX));
                save(
                    st,
                    set,
                    keys,
                    tf("wiped", &[&removed.len().to_string(), &kept]),
                );
            });
            refresh()?;
            focus("history-summary");
        }
        _ => return Ok(false),
    }
    Ok(true)
}

/// The storage keys of people and of sent invitations removed from history.
fn storage_keys(people: &[String], sent: &[String]) -> Vec<String> {
    people
        .iter()
        .map(|k| person_storage_key(k))
        .chain(sent.iter().map(|k| store::sent_storage_key(k)))
        .collect()
}

pub fn change(act: &str, target: &Element) -> DomResult<bool> {
    if act != "imp-file" {
        return Ok(false);
    }
    if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
        wasm_bindgen_futures::spawn_local(read_import(input.clone()));
    }
    Ok(true)
}

/// Escape closes the wipe confirmation.
pub fn key(e: &KeyboardEvent) -> DomResult<bool> {
    if e.key() != "Escape" {
        return Ok(false);
    }
    let open = with_state(|st| std::mem::replace(&mut st.confirm_wipe, false)).unwrap_or(false);
    if open {
        refresh()?;
        focus("wipe");
    }
    Ok(open)
}
