//! The popup: templates, profile, review and data, over the static
//! `popup.html`. Runs the real WASM (extension pages allow it).
//!
//! Design decisions:
//! - **One state, one listener per event type.** The popup keeps its state in
//!   one [`State`]; each tab is a pure render of it. Controls name what they
//!   do in `data-act` (click), `data-change` and `data-input`, and one
//!   delegated listener on the root dispatches, so re-rendering a tab never
//!   leaks or loses listeners.
//! - **Storage is the truth.** Every edit changes the state and writes the
//!   keys it touched through `storage`; when a write fails the popup says so
//!   and re-reads storage, so what it shows is what is kept. Changes made
//!   elsewhere (a LinkedIn tab recording people, another popup) arrive through
//!   `storage::on_change` and re-render only the tab they affect.
//! - **Never overwrite what we cannot read.** Data from a newer Kindly is
//!   shown read-only: every control that would write is disabled, and
//!   [`state::save`] refuses.

mod data;
mod editor;
mod profile;
mod review;
mod review_sent;
mod samples;
mod state;
mod templates;
mod ui;
mod welcome;

use crate::dom::{self, node, report, DomResult, Node};
use crate::storage;
use kindly_core::load_report::{findings, Finding};
use kindly_core::review::last_review;
use kindly_core::store::{self, Loaded};
use state::{
    error_notice, focus, push_error, status, with_state, Hub, Notice, ReviewBy, State, Tab,
};
use ui::t;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, KeyboardEvent};

/// What the hub does once a tab's write ended (see [`state::save`]).
fn written(result: Result<(), String>, done: String, stale: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        match result {
            Ok(()) => {
                status(&done);
                if stale {
                    reload().await;
                }
                // The notices may have lost an error.
                if let Ok(doc) = dom::document() {
                    report(with_state(|st| render_notices(&doc, st)).unwrap_or(Ok(())));
                }
            }
            Err(e) => {
                status(&e);
                reload().await;
                report(refresh());
            }
        }
    });
}

/// Builds the popup into `#kindly-popup`.
pub fn start() -> DomResult<()> {
    let doc = dom::document()?;
    let root = doc
        .get_element_by_id("kindly-popup")
        .ok_or_else(|| JsValue::from_str("no #kindly-popup"))?;
    state::set_hub(Hub { refresh, written });
    build_shell(&doc, &root)?;
    listen(&root)?;
    wasm_bindgen_futures::spawn_local(load());
    Ok(())
}

fn build_shell(doc: &Document, root: &Element) -> DomResult<()> {
    let (lang, dir) = crate::chrome::ui_lang_dir();
    if let Some(html) = doc.document_element() {
        html.set_attribute("lang", &lang)?;
        html.set_attribute("dir", &dir)?;
    }
    if let Some(loading) = doc.get_element_by_id("kindly-loading") {
        loading.set_text_content(Some(&t("loading")));
    }
    node("div").attr("id", "notices").add_to(root)?;
    node("div")
        .attr("id", "welcome")
        .flag("hidden", true)
        .add_to(root)?;
    // Tabs and the status line stay in view while a tab scrolls.
    node("div")
        .class("bar")
        .child(tab_list())
        .child(
            node("p")
                .attr("id", "status")
                .class("status")
                .attr("role", "status")
                .attr("aria-live", "polite"),
        )
        .add_to(root)?;
    for tab in Tab::ALL {
        tab_panel(tab).add_to(root)?;
    }
    Ok(())
}

/// The tabs (Templates chosen).
fn tab_list() -> Node {
    let tabs = Tab::ALL.into_iter().map(|tab| {
        let name = tab.name();
        let selected = tab == Tab::Templates;
        node("button")
            .attr("type", "button")
            .attr("role", "tab")
            .attr("id", &format!("tab-{name}"))
            .attr("aria-controls", &format!("panel-{name}"))
            .attr("aria-selected", if selected { "true" } else { "false" })
            .attr("tabindex", if selected { "0" } else { "-1" })
            .attr("data-act", "tab")
            .attr("data-id", name)
            .text(&t(&format!("tab_{name}")))
    });
    node("div")
        .attr("role", "tablist")
        .class("tabs")
        .attr("aria-label", &t("sections"))
        .children(tabs)
}

/// A tab's panel (hidden but for Templates).
fn tab_panel(tab: Tab) -> Node {
    let name = tab.name();
    node("section")
        .attr("role", "tabpanel")
        .attr("id", &format!("panel-{name}"))
        .attr("aria-labelledby", &format!("tab-{name}"))
        .attr("tabindex", "0")
        .class("panel")
        .flag("hidden", tab != Tab::Templates)
}

/// One delegated listener per event type on the popup's root.
fn listen(root: &Element) -> DomResult<()> {
    let on_click = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if let Some((target, act)) = origin(&e, "data-act") {
            let id = target.get_attribute("data-id").unwrap_or_default();
            report(on_click(&act, &id));
        }
    });
    let on_input = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if let Some((target, act)) = origin(&e, "data-input") {
            report(on_input(&act, &target));
        }
    });
    let on_change = Closure::<dyn FnMut(Event)>::new(|e: Event| {
        if let Some((target, act)) = origin(&e, "data-change") {
            report(on_change(&act, &target));
        }
    });
    let on_key = Closure::<dyn FnMut(KeyboardEvent)>::new(|e: KeyboardEvent| {
        report(on_key(&e));
    });
    root.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    root.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    root.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())?;
    root.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;
    // They live as long as the popup.
    on_click.forget();
    on_input.forget();
    on_change.forget();
    on_key.forget();
    Ok(())
}

/// The element carrying `attr` that an event came from, and its value.
fn origin(e: &Event, attr: &str) -> Option<(Element, String)> {
    let target: Element = e.target()?.dyn_into().ok()?;
    let carrier = target.closest(&format!("[{attr}]")).ok()??;
    if carrier.has_attribute("disabled") {
        return None;
    }
    let value = carrier.get_attribute(attr)?;
    Some((carrier, value))
}

fn on_click(act: &str, id: &str) -> DomResult<()> {
    if act == "tab" {
        if let Some(tab) = Tab::parse(id) {
            select_tab(tab, true)?;
        }
        return Ok(());
    }
    if welcome::click(act, id)?
        || templates::click(act, id)?
        || editor::click(act, id)?
        || review::click(act, id)?
        || data::click(act, id)?
    {
        return Ok(());
    }
    Ok(())
}

fn on_input(act: &str, target: &Element) -> DomResult<()> {
    if templates::input(act, target)? || editor::input(act, target)? {
        return Ok(());
    }
    Ok(())
}

fn on_change(act: &str, target: &Element) -> DomResult<()> {
    if editor::change(act, target)?
        || profile::change(act, target)?
        || review::change(act, target)?
        || data::change(act, target)?
    {
        return Ok(());
    }
    Ok(())
}

fn on_key(e: &KeyboardEvent) -> DomResult<()> {
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    if target.get_attribute("role").as_deref() == Some("tab") {
        let current = target
            .get_attribute("data-id")
            .and_then(|s| Tab::parse(&s))
            .unwrap_or(Tab::Templates);
        let i = Tab::ALL.iter().position(|t| *t == current).unwrap_or(0);
        let n = Tab::ALL.len();
        let next = match e.key().as_str() {
            "ArrowRight" | "ArrowDown" => Some((i + 1) % n),
            "ArrowLeft" | "ArrowUp" => Some((i + n - 1) % n),
            "Home" => Some(0),
            "End" => Some(n - 1),
            _ => None,
        };
        if let Some(tab) = next.and_then(|j| Tab::ALL.get(j).copied()) {
            e.prevent_default();
            select_tab(tab, true)?;
        }
        return Ok(());
    }
    if editor::key(e, &target)? || data::key(e)? {
        e.prevent_default();
    }
    Ok(())
}

/// Shows `tab` (automatic activation, as the ARIA tabs pattern suggests
/// when showing a panel is cheap).
pub fn select_tab(tab: Tab, focus: bool) -> DomResult<()> {
    let doc = dom::document()?;
    with_state(|st| st.tab = tab);
    for other in Tab::ALL {
        let name = other.name();
        let on = other == tab;
        if let Some(button) = doc.get_element_by_id(&format!("tab-{name}")) {
            button.set_attribute("aria-selected", if on { "true" } else { "false" })?;
            button.set_attribute("tabindex", if on { "0" } else { "-1" })?;
            if on && focus {
                if let Some(h) = ui::html(&button) {
                    h.focus()?;
                }
            }
        }
        if let Some(panel) = doc.get_element_by_id(&format!("panel-{name}")) {
            if on {
                panel.remove_attribute("hidden")?;
            } else {
                panel.set_attribute("hidden", "")?;
            }
        }
    }
    refresh()
}

/// Re-renders the current tab and the notices, keeping focus on the control
/// that had it (controls have stable ids).
pub fn refresh() -> DomResult<()> {
    let doc = dom::document()?;
    let focused = doc
        .active_element()
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let result = with_state(|st| -> DomResult<()> {
        render_notices(&doc, st)?;
        welcome::render(&doc, st)?;
        let panel = doc
            .get_element_by_id(&format!("panel-{}", st.tab.name()))
            .ok_or_else(|| JsValue::from_str("no panel"))?;
        match st.tab {
            Tab::Templates => match &st.editor {
                Some(_) => editor::render(&doc, &panel, st),
                None => templates::render(&doc, &panel, st),
            },
            Tab::Profile => profile::render(&doc, &panel, st),
            Tab::Review => review::render(&doc, &panel, st),
            Tab::Data => data::render(&doc, &panel, st),
        }
    });
    if let Some(result) = result {
        result?;
    }
    if let Some(id) = focused {
        focus(&id);
    }
    Ok(())
}

fn render_notices(doc: &Document, st: &State) -> DomResult<()> {
    let Some(area) = doc.get_element_by_id("notices") else {
        return Ok(());
    };
    ui::clear(&area);
    for n in &st.notices {
        notice(n).add_to(&area)?;
    }
    Ok(())
}

/// A notice, with its details (up to 30) folded.
fn notice(n: &Notice) -> Node {
    let role = if n.kind == "error" { "alert" } else { "note" };
    let details = (!n.details.is_empty()).then(|| {
        let items = n.details.iter().take(30).map(|d| node("li").text(d));
        node("details")
            .child(node("summary").text(&t("notice_details")))
            .child(node("ul").children(items))
    });
    node("div")
        .class(&format!("notice {}", n.kind))
        .attr("role", role)
        .child(node("p").text(&n.text))
        .children(details)
        .children((!n.actions.is_empty()).then(|| {
            ui::buttons(
                n.actions
                    .iter()
                    .map(|(label, act)| ui::button(label, act, "")),
            )
        }))
}

/// Storage near its quota (`kindly_core::quota`): say so, and offer an
/// export and pruning (the Data tab's own buttons).
async fn quota_notice(data: &kindly_core::Data) -> Option<Notice> {
    let (used, quota) = storage::usage().await.ok()?;
    let warning = kindly_core::quota::warning(used as u64, quota as u64)?;
    let days = data.settings.history_days;
    Some(Notice {
        kind: "warning",
        text: ui::tf(
            "notice_quota",
            &[&warning.percent.to_string(), &warning.used, &warning.quota],
        ),
        details: Vec::new(),
        actions: vec![
            (t("export_all"), "exp-all"),
            (
                ui::tn("prune", days as usize, &[&days.to_string()]),
                "prune",
            ),
        ],
    })
}

/// What opening the store found ([`findings`]), in words.
fn notices_for(loaded: &Loaded) -> Vec<Notice> {
    findings(loaded).into_iter().map(notice_of).collect()
}

/// A finding as a notice.
fn notice_of(finding: Finding) -> Notice {
    let counted = |key: &str, details: Vec<String>| Notice {
        kind: "info",
        text: ui::tn(key, details.len(), &[&details.len().to_string()]),
        details,
        actions: Vec::new(),
    };
    match finding {
        Finding::Newer { schema } => Notice {
            kind: "warning",
            text: ui::tf("notice_future", &[&schema.to_string()]),
            details: Vec::new(),
            actions: Vec::new(),
        },
        Finding::Migrated {
            from,
            backup_key,
            lost,
        } => Notice {
            kind: "info",
            text: ui::tf("notice_migrated", &[&from.to_string(), &backup_key]),
            details: lost,
            actions: Vec::new(),
        },
        Finding::SetAside(details) => Notice {
            kind: "warning",
            ..counted("notice_quarantined", details)
        },
        Finding::Repaired(details) => counted("notice_repaired", details),
    }
}

async fn load() {
    let opened = storage::open().await;
    let last_review = storage::read_all().await.ok().and_then(|e| last_review(&e));
    let (data, writable, mut notices, not_read) = match opened {
        Ok(loaded) => {
            let notices = notices_for(&loaded);
            (loaded.data.clone(), loaded.may_write(), notices, None)
        }
        // Nothing could be read: show the defaults, but never write over
        // whatever is stored, nor export them as the person's data.
        Err(e) => (
            store::new_user_data(),
            false,
            vec![error_notice(&e)],
            Some(e),
        ),
    };
    notices.extend(quota_notice(&data).await);
    state::install(State {
        data,
        today: crate::dom::today(),
        writable,
        tab: Tab::Templates,
        search: String::new(),
        editor: None,
        undo: None,
        import: None,
        import_error: None,
        confirm_wipe: false,
        review_by: ReviewBy::Action,
        last_review,
        notices,
        pending_writes: 0,
        stale: false,
        not_read,
    });
    if let Ok(doc) = dom::document() {
        if let Some(loading) = doc.get_element_by_id("kindly-loading") {
            loading.remove();
        }
        if let Some(root) = doc.get_element_by_id("kindly-popup") {
            report(root.set_attribute("aria-busy", "false"));
            report(root.set_attribute("data-ready", "true"));
        }
    }
    report(refresh());
    storage::on_change(|_keys| {
        let busy = with_state(|st| {
            if st.pending_writes > 0 {
                st.stale = true;
                true
            } else {
                false
            }
        });
        if busy == Some(false) {
            wasm_bindgen_futures::spawn_local(reload());
        }
    });
}

/// Re-reads storage after a change made elsewhere (or a failed write) and
/// re-renders the current tab if what it shows changed.
async fn reload() {
    let entries = match storage::read_all().await {
        Ok(e) => e,
        Err(e) => {
            with_state(|st| push_error(st, &e));
            report(refresh());
            return;
        }
    };
    let loaded = store::load(&entries);
    let last_review = last_review(&entries);
    let changed = with_state(|st| {
        let old = std::mem::replace(&mut st.data, loaded.data);
        st.writable = st.writable && loaded.future_schema.is_none();
        if let Some(schema) = loaded.future_schema {
            st.notices = vec![notice_of(Finding::Newer { schema })];
        }
        let review_changed = st.last_review != last_review;
        st.last_review = last_review;
        let new = &st.data;
        match st.tab {
            // An open editor keeps its draft; only the list re-renders.
            Tab::Templates => {
                st.editor.is_none()
                    && (old.templates != new.templates
                        || old.profile != new.profile
                        || old.settings != new.settings)
            }
            Tab::Profile => old.profile != new.profile || old.settings != new.settings,
            Tab::Review => {
                old.people != new.people || old.settings != new.settings || review_changed
            }
            Tab::Data => {
                old.people != new.people
                    || old.settings != new.settings
                    || old.templates != new.templates
            }
        }
    });
    if changed == Some(true) {
        report(refresh());
    }
}
