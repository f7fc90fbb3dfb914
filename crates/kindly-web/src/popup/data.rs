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
use crate::dom::{self, node, DomResult, Node};
use kindly_core::import_preview;
use kindly_core::store::{
    self, person_storage_key, ExportScope, ImportChanges, ImportPlan, PERSON_PREFIX,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, HtmlInputElement, KeyboardEvent,
    Url,
};

pub fn render(_doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    export_section().add_to(panel)?;
    import_section(st, ro).add_to(panel)?;
    history_section(st, ro).add_to(panel)?;
    Ok(())
}

/// Export everything, or the templates only.
fn export_section() -> Node {
    ui::section("group", "data-export-h", &t("export"))
        .child(ui::hint(&t("export_hint")))
        .child(ui::buttons([
            ui::button(&t("export_all"), "exp-all", "").attr("id", "exp-all"),
            ui::button(&t("export_templates"), "exp-tpl", "").attr("id", "exp-tpl"),
        ]))
}

/// The file chooser, then why the file was refused or what it would change.
fn import_section(st: &State, ro: bool) -> Node {
    ui::section("group", "data-import-h", &t("import"))
        .child(ui::hint(&t("import_hint")))
        .child(ui::field(
            "imp-file",
            &t("import_choose"),
            ui::input("imp-file", "file", "")
                .attr("data-change", "imp-file")
                .disabled(ro)
                .attr("accept", ".json,application/json"),
        ))
        .children(st.import_error.as_deref().map(import_refused))
        .children(
            st.import
                .as_ref()
                .map(|(plan, changes)| import_preview(plan, changes, ro)),
        )
}

/// Why the chosen file was refused.
fn import_refused(message: &str) -> Node {
    node("div")
        .class("notice error")
        .attr("role", "alert")
        .attr("id", "imp-error")
        .child(ui::line("p", "strong", &t("import_failed")))
        .child(ui::line("p", "pre", message))
}

/// What the file holds, what applying it would change; Apply or Cancel.
fn import_preview(plan: &ImportPlan, changes: &ImportChanges, ro: bool) -> Node {
    let scope = match plan.scope {
        ExportScope::All => t("scope_all"),
        ExportScope::TemplatesOnly => t("scope_templates"),
    };
    let when = plan.exported.clone().unwrap_or_else(|| t("unknown_date"));
    node("div")
        .class("preview-box")
        .attr("id", "imp-preview")
        .attr("aria-labelledby", "imp-preview-h")
        .child(
            node("h3")
                .text(&t("import_preview"))
                .attr("id", "imp-preview-h"),
        )
        .child(ui::hint(&tf(
            "import_file",
            &[&scope, &when, &plan.from_schema.to_string()],
        )))
        .child(change_list(plan, changes))
        .child(ui::hint(&t("import_keeps")))
        .child(ui::buttons([
            ui::button(&t("import_apply"), "imp-apply", "")
                .disabled(ro || changes.is_empty())
                .attr("id", "imp-apply")
                .class("primary"),
            ui::button(&t("cancel"), "imp-cancel", "").attr("id", "imp-cancel"),
        ]))
}

/// One line per kind of change the import would make
/// ([`import_preview::lines`]).
fn change_list(plan: &ImportPlan, changes: &ImportChanges) -> Node {
    let items = import_preview::lines(plan, changes)
        .into_iter()
        .map(|line| {
            let mut args: Vec<String> = line.count.iter().map(ToString::to_string).collect();
            if !line.names.is_empty() {
                let names = line.names.join(", ");
                args.push(match line.more {
                    0 => names,
                    more => tf("and_more", &[&names, &more.to_string()]),
                });
            }
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let text = match line.count {
                Some(n) => ui::tn(line.id, n, &args),
                None => tf(line.id, &args),
            };
            node("li").text(&text)
        });
    node("ul").attr("id", "imp-changes").children(items)
}

/// How much history is kept; prune it, or wipe it (after a confirmation).
fn history_section(st: &State, ro: bool) -> Node {
    let days = st.data.settings.history_days.to_string();
    let people = st.data.people.len();
    let summary = format!(
        "{} {}",
        ui::tn("history_people", people, &[&people.to_string()]),
        ui::tn(
            "history_days",
            st.data.settings.history_days as usize,
            &[&days]
        )
    );
    let prune = ui::tn("prune", st.data.settings.history_days as usize, &[&days]);
    ui::section("group", "data-history-h", &t("history"))
        .child(node("p").text(&summary).attr("id", "history-summary"))
        .child(ui::hint(&t("history_hint")))
        .child(ui::buttons([
            ui::button(&prune, "prune", "")
                .disabled(ro)
                .attr("id", "prune"),
            ui::button(&t("wipe"), "wipe", "")
                .disabled(ro || st.data.people.is_empty())
                .attr("id", "wipe")
                .class("danger-quiet")
                .attr(
                    "aria-expanded",
                    if st.confirm_wipe { "true" } else { "false" },
                ),
        ]))
        .children(st.confirm_wipe.then(|| wipe_confirmation(ro)))
}

/// "Wipe the history?" Yes or Cancel.
fn wipe_confirmation(ro: bool) -> Node {
    node("div")
        .class("confirm")
        .attr("role", "group")
        .attr("aria-labelledby", "wipe-q")
        .attr("id", "wipe-confirm")
        .child(node("p").text(&t("wipe_confirm")).attr("id", "wipe-q"))
        .child(ui::buttons([
            ui::button(&t("wipe_yes"), "wipe-yes", "")
                .disabled(ro)
                .attr("id", "wipe-yes")
                .class("danger"),
            ui::button(&t("cancel"), "wipe-no", "").attr("id", "wipe-no"),
        ]))
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
    let text = if file.size() > import_preview::MAX_FILE_BYTES {
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
