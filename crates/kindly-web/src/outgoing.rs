//! Invitations the user sends: a note strip (`note_strip`) in every "Add a
//! note" dialog that opens on the page, and the invitation remembered
//! (`kindly_core::sent::record_sent`) when the person sends it with
//! LinkedIn's own Send.
//!
//! Runs beside the invitation panels, on any LinkedIn page the engine was
//! brought to (`extension/loader.js` brings it when a dialog opens). It
//! keeps its own small state: the start keys of storage (profile, settings,
//! templates) and the dialogs open now. One observer watches the document
//! and the places dialogs mount (open shadow roots, same-origin frames,
//! whose changes the document's observer does not see); it schedules at
//! most one look per animation frame.
//!
//! A send is the person's trusted click on the dialog's Send, with the
//! note's text taken at that moment; it is remembered once the dialog has
//! closed (LinkedIn closes it when the invitation went out; a dialog still
//! open, the email gate say, sent nothing yet).

use crate::dom;
use crate::markup::DomElement;
use crate::note_dialog::{self, FoundDialog};
use crate::note_strip::{self, Strip};
use crate::page;
use crate::storage;
use kindly_core::dialog::{self, Step};
use kindly_core::note::{self, NoteInput};
use kindly_core::route::{classify, Route};
use kindly_core::{sent, sent_advice, sent_tab, store, Data, Day};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, Event, MutationObserver, MutationObserverInit, MutationRecord};

/// A dialog with its strip.
struct Open {
    root: Element,
    note_box: Element,
    strip: Strip,
    key: String,
    name: String,
    /// The note as it was when the person clicked Send.
    sent_note: Option<String>,
}

struct Outgoing {
    data: Data,
    writable: bool,
    open: Vec<Open>,
    observer: Option<MutationObserver>,
    scheduled: Option<gloo::render::AnimationFrame>,
    /// Sent-tab rows with their panel: (row, host).
    sent_panels: Vec<(Element, Element)>,
    /// Records of Sent rows are being read: rows wait for the answer.
    reading_sent: bool,
}

thread_local! {
    static OUTGOING: RefCell<Option<Outgoing>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut Outgoing) -> R) -> Option<R> {
    OUTGOING.with(|s| s.try_borrow_mut().ok()?.as_mut().map(f))
}

/// Starts watching for dialogs (once per page): reads the start keys of
/// storage, then looks.
pub fn start() {
    spawn_local(async {
        let (data, writable) = match storage::read_keys(&store::START_KEYS).await {
            Ok(entries) => {
                let loaded = store::load(&entries);
                let writable = loaded.may_write();
                (loaded.data, writable)
            }
            Err(_) => (store::new_user_data(), false),
        };
        let observer = Closure::<dyn FnMut(js_sys::Array)>::new(on_mutations);
        let observer = MutationObserver::new(observer.into_js_value().unchecked_ref()).ok();
        OUTGOING.with(|s| {
            *s.borrow_mut() = Some(Outgoing {
                data,
                writable,
                open: Vec::new(),
                observer,
                scheduled: None,
                sent_panels: Vec::new(),
                reading_sent: false,
            });
        });
        if let Ok(doc) = dom::document() {
            watch(&doc);
            // A frame's content arrives after its element: its `load`,
            // caught on the way down, is a change to look at.
            let options = web_sys::AddEventListenerOptions::new();
            options.set_capture(true);
            options.set_passive(true);
            let on_load = Closure::<dyn FnMut()>::new(schedule);
            let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
                "load",
                on_load.into_js_value().unchecked_ref(),
                &options,
            );
        }
        look();
    });
}

/// Observes `node` (a document, a shadow root): idempotent.
fn watch(node: &web_sys::Node) {
    with_state(|s| {
        if let Some(observer) = &s.observer {
            let init = MutationObserverInit::new();
            init.set_child_list(true);
            init.set_subtree(true);
            let _ = observer.observe_with_options(node, &init);
        }
    });
}

/// A change matters unless all it did was add Kindly's own hosts.
fn on_mutations(records: js_sys::Array) {
    let ours = |node: &web_sys::Node| {
        with_state(|s| {
            s.open
                .iter()
                .any(|o| node.is_same_node(Some(&o.strip.host)))
                || s.sent_panels
                    .iter()
                    .any(|(_, host)| node.is_same_node(Some(host)))
        })
        .unwrap_or(false)
    };
    let relevant = records.iter().any(|record| {
        let record: MutationRecord = record.unchecked_into();
        let added = record.added_nodes();
        record.removed_nodes().length() > 0
            || (0..added.length()).any(|i| added.item(i).is_some_and(|n| !ours(&n)))
    });
    if relevant {
        schedule();
    }
}

fn schedule() {
    with_state(|s| {
        if s.scheduled.is_none() {
            s.scheduled = Some(gloo::render::request_animation_frame(|_| {
                with_state(|s| s.scheduled = None);
                look();
            }));
        }
    });
}

fn today() -> Day {
    let days = js_sys::Date::now() / 86_400_000.0;
    if days.is_finite() && days > 0.0 {
        days as Day
    } else {
        0
    }
}

/// Finds the dialogs open now: strips for new ones, and the sends of those
/// that closed remembered.
fn look() {
    let Ok(doc) = dom::document() else { return };
    let Some(root) = doc.document_element() else {
        return;
    };
    let lang = page::page_lang(&doc);
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    if classify(&path) == Route::Sent {
        sent_tab_panels(&doc, &lang, &path);
    }
    for scope in note_dialog::scopes(&root) {
        let node = scope.get_root_node();
        if !node.is_same_node(Some(&doc)) {
            watch(&node);
        }
    }
    let found: Vec<FoundDialog<Element>> = note_dialog::find_note_dialogs(&root, &lang)
        .into_iter()
        .filter(|f| {
            f.dialog.step == Step::Writing && !f.dialog.quota_used_up && f.note_box.is_some()
        })
        .collect();
    let closed = with_state(|s| {
        let (still, gone): (Vec<Open>, Vec<Open>) =
            std::mem::take(&mut s.open).into_iter().partition(|o| {
                o.root.is_connected()
                    && o.note_box.is_connected()
                    && o.strip.host.is_connected()
                    && found
                        .iter()
                        .any(|f| f.note_box.as_ref() == Some(&o.note_box))
            });
        s.open = still;
        gone
    })
    .unwrap_or_default();
    for gone in closed {
        gone.strip.host.remove();
        if let Some(note_sent) = &gone.sent_note {
            if !gone.root.is_connected() || !gone.note_box.is_connected() {
                remember(&gone, note_sent);
            }
        }
    }
    for f in found {
        let Some(note_box) = f.note_box.clone() else {
            continue;
        };
        let known = with_state(|s| s.open.iter().any(|o| o.note_box == note_box)).unwrap_or(true);
        if !known {
            if let Err(err) = open_strip(&f, &note_box, &lang) {
                web_sys::console::warn_2(
                    &JsValue::from_str("Kindly could not help with this note:"),
                    &err,
                );
            }
        }
    }
}

/// Whom the dialog invites: the page's address names them on a profile
/// (or a custom-invite link); else their name as the dialog shows it.
fn invitee(f: &FoundDialog<Element>) -> (String, String) {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let name = f.dialog.name.clone().unwrap_or_default();
    let key = dialog::invitee_key(&href)
        .or_else(|| (!name.trim().is_empty()).then(|| sent::name_key(&name)))
        .unwrap_or_default();
    (key, name)
}

fn open_strip(f: &FoundDialog<Element>, note_box: &Element, lang: &str) -> dom::DomResult<()> {
    let (key, name) = invitee(f);
    let Some(data) = with_state(|s| s.data.clone()) else {
        return Ok(());
    };
    let input = NoteInput {
        first_name: f.dialog.first_name.clone(),
        language: note::language_for(lang, &data.profile),
        shown_limit: f.dialog.limit,
        ..NoteInput::default()
    };
    let strip = note_strip::make(note_box, &key, &data, input)?;
    // Under the box, where the person looks while writing.
    note_box.after_with_node_1(&strip.host)?;
    listen_for_send(&f.root);
    with_state(|s| {
        s.open.push(Open {
            root: f.root.clone(),
            note_box: note_box.clone(),
            strip,
            key,
            name,
            sent_note: None,
        });
    });
    Ok(())
}

/// The person's own click on the dialog's Send: the note is taken as it is
/// now. Passive, in the capture phase (LinkedIn may close the dialog in its
/// own handler).
fn listen_for_send(root: &Element) {
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    options.set_passive(true);
    let listener = Closure::<dyn FnMut(Event)>::new(|event: Event| {
        if !event.is_trusted() {
            return;
        }
        let Some(control) = note_strip::target_element(&event)
            .and_then(|t| t.closest(page::CONTROLS).ok().flatten())
        else {
            return;
        };
        if !dialog::is_send_label(&page::control_label(&control)) {
            return;
        }
        with_state(|s| {
            if let Some(open) = s.open.iter_mut().find(|o| o.root.contains(&control)) {
                open.sent_note = Some(open.strip.note_text());
            }
        });
    });
    let _ = root.add_event_listener_with_callback_and_add_event_listener_options(
        "click",
        listener.into_js_value().unchecked_ref(),
        &options,
    );
}

/// Remembers an invitation sent with a note (and what the user said about
/// the person), in its own storage entry.
fn remember(open: &Open, note_sent: &str) {
    if open.key.is_empty() {
        return;
    }
    let entry = with_state(|s| {
        if !s.writable {
            return None;
        }
        let name = if open.name.trim().is_empty() {
            &open.key
        } else {
            &open.name
        };
        let input = open.strip.input();
        sent::record_sent(&mut s.data, &open.key, name, note_sent, &input, today());
        s.data
            .sent
            .get(&open.key)
            .map(|r| store::sent_entry(&open.key, r))
    })
    .flatten();
    if let Some(entry) = entry {
        spawn_local(async move {
            if let Err(err) = storage::write(&[entry]).await {
                web_sys::console::warn_1(&JsValue::from_str(&err));
            }
        });
    }
}

/// Gives each Sent row without one its panel: reads what Kindly remembers
/// of those invitations (by key; the whole store only when the list is
/// complete, which is when a missing row means "no longer pending"),
/// keeps the records in step with the list, then draws.
fn sent_tab_panels(doc: &web_sys::Document, lang: &str, path: &str) {
    let Some(scope) = doc
        .query_selector("main")
        .ok()
        .flatten()
        .or_else(|| doc.body().map(Into::into))
    else {
        return;
    };
    let found = crate::sent_tab::find_sent_rows(&scope, lang);
    let new: Vec<(Element, sent_tab::SentRow)> = with_state(|s| {
        if s.reading_sent {
            return Vec::new();
        }
        s.sent_panels.retain(|(row, host)| {
            host.is_connected() && host.parent_element().as_ref() == Some(row)
        });
        found
            .iter()
            .filter(|f| !s.sent_panels.iter().any(|(row, _)| *row == f.root))
            .map(|f| (f.root.clone(), sent_tab::read_row(&f.text)))
            .filter(|(_, row)| !row.key.is_empty())
            .collect()
    })
    .unwrap_or_default();
    if new.is_empty() {
        return;
    }
    let rows: Vec<sent_tab::SentRow> = found.iter().map(|f| sent_tab::read_row(&f.text)).collect();
    let complete =
        sent_tab::list_state(&crate::sent_tab::list_text(&scope, &found, path), &rows).complete;
    with_state(|s| s.reading_sent = true);
    spawn_local(async move {
        let entries = if complete {
            storage::read_all().await
        } else {
            let mut keys: Vec<String> = store::START_KEYS.iter().map(|k| k.to_string()).collect();
            keys.extend(rows.iter().map(|r| store::sent_storage_key(&r.key)));
            storage::read_keys(&keys).await
        };
        let loaded = store::load(&entries.unwrap_or_default());
        let writable = loaded.may_write();
        let mut data = loaded.data;
        let today = today();
        let changed = sent::update_from_sent_tab(&mut data, &rows, complete, today);
        for (row, sent_row) in new.iter().filter(|(row, _)| row.is_connected()) {
            let days = sent_row.age_days.or_else(|| {
                data.sent
                    .get(&sent_row.key)
                    .and_then(|r| sent::waited_days(r, today))
            });
            let advice = sent_advice::judge(days, data.sent.get(&sent_row.key), &data.settings);
            if let Ok(host) = crate::sent_panel::draw(row, &sent_row.key, &advice) {
                with_state(|s| s.sent_panels.push((row.clone(), host)));
            }
        }
        with_state(|s| s.reading_sent = false);
        if writable && !(changed.written.is_empty() && changed.removed.is_empty()) {
            let set: Vec<(String, String)> = changed
                .written
                .iter()
                .filter_map(|k| data.sent.get(k).map(|r| store::sent_entry(k, r)))
                .collect();
            let gone: Vec<String> = changed
                .removed
                .iter()
                .map(|k| store::sent_storage_key(k))
                .collect();
            if let Err(err) = storage::write(&set).await {
                web_sys::console::warn_1(&JsValue::from_str(&err));
            }
            if !gone.is_empty() {
                let _ = storage::remove(&gone).await;
            }
        }
    });
}
