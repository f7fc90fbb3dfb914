//! Invitations the user sends: a note strip (`note_strip`) in every "Add a
//! note" dialog that opens on the page, and the invitation remembered
//! (`kindly_core::sent::record_sent`) when the person sends it with
//! LinkedIn's own Send.
//!
//! Runs beside the invitation panels, on any LinkedIn page the engine was
//! brought to (`extension/loader.js` brings it when a dialog opens). It
//! keeps its own small state: what the engine read at its start (profile,
//! settings, templates) and the dialogs open now. One observer watches the
//! document and the places dialogs mount (open shadow roots, same-origin
//! frames, whose changes the document's observer does not see); it
//! schedules at most one look per animation frame, and only for a change
//! that may bring a dialog (see `on_mutations`).
//!
//! A send is the person's trusted click on the dialog's Send (at step one,
//! "Send without a note"), with the note's text taken at that moment; it is
//! remembered once the dialog has closed (LinkedIn closes it when the
//! invitation went out; a dialog still open, the email gate say, sent
//! nothing yet).

use crate::dom;
use crate::hosts;
use crate::markup::DomElement;
use crate::note_dialog::{self, FoundDialog};
use crate::note_strip::{self, Strip};
use crate::page;
use crate::storage;
use kindly_core::dialog::{self, Step};
use kindly_core::note::{self, NoteInput};
use kindly_core::route::{classify, Route};
use kindly_core::{sent, sent_advice, sent_tab, store, Data};
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

/// A dialog at step one ("Add a note to your invitation?"): its Send sends
/// the invitation without a note.
struct Asking {
    root: Element,
    key: String,
    name: String,
    sent: bool,
}

struct Outgoing {
    data: Data,
    writable: bool,
    open: Vec<Open>,
    asking: Vec<Asking>,
    /// Dialog roots with a Send listener (a dialog keeps its root from step
    /// one to step two).
    listening: Vec<Element>,
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

/// Starts watching for dialogs (once per page) with what the engine read
/// at its start (settings, profile, templates; writable or not), then
/// looks.
pub fn start(data: Data, writable: bool) {
    spawn_local(async move {
        let observer = Closure::<dyn FnMut(js_sys::Array)>::new(on_mutations);
        let observer = MutationObserver::new(observer.into_js_value().unchecked_ref()).ok();
        OUTGOING.with(|s| {
            *s.borrow_mut() = Some(Outgoing {
                data,
                writable,
                open: Vec::new(),
                asking: Vec::new(),
                listening: Vec::new(),
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
            dom::report(
                doc.add_event_listener_with_callback_and_add_event_listener_options(
                    "load",
                    on_load.into_js_value().unchecked_ref(),
                    &options,
                ),
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
            dom::report(observer.observe_with_options(node, &init));
        }
    });
}

/// Which changes are looked at: any but Kindly's own hosts coming and
/// going while a strip is open (its dialog may close) or on the Sent tab
/// (rows arrive); elsewhere only what may bring a dialog (see
/// `note_dialog::may_bring_dialog`). On the invitation manager most
/// changes are cards and Kindly's panels: neither starts a search.
fn on_mutations(records: js_sys::Array) {
    let any_change = with_state(|s| !s.open.is_empty() || !s.asking.is_empty()).unwrap_or(false)
        || on_sent_tab();
    let theirs = |nodes: web_sys::NodeList| {
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter(|n| !hosts::is_host(n))
            .collect::<Vec<_>>()
    };
    let relevant = records.iter().any(|record| {
        let record: MutationRecord = record.unchecked_into();
        let added = theirs(record.added_nodes());
        if any_change {
            return !added.is_empty() || !theirs(record.removed_nodes()).is_empty();
        }
        added.iter().any(|node| {
            node.dyn_ref::<Element>()
                .is_some_and(note_dialog::may_bring_dialog)
        })
    });
    if relevant {
        schedule();
    }
}

fn on_sent_tab() -> bool {
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    classify(&path) == Route::Sent
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

/// Finds the dialogs open now: strips for new ones, and the sends of those
/// that closed remembered. The full search only while a dialog is followed
/// or when a scope may hold one (see `note_dialog::may_hold_dialog`).
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
    let scopes = note_dialog::scopes(&root);
    for scope in &scopes {
        let node = scope.get_root_node();
        if !node.is_same_node(Some(&doc)) {
            watch(&node);
        }
    }
    let watching = with_state(|s| !s.open.is_empty() || !s.asking.is_empty()).unwrap_or(false);
    if !watching && !scopes.iter().any(note_dialog::may_hold_dialog) {
        return;
    }
    let (found, asking): (Vec<FoundDialog<Element>>, Vec<FoundDialog<Element>>) =
        note_dialog::find_note_dialogs_in(&scopes, &lang)
            .into_iter()
            .partition(|f| f.dialog.step == Step::Writing);
    follow_step_one(&found, &asking, &lang);
    let found: Vec<FoundDialog<Element>> = found
        .into_iter()
        .filter(|f| !f.dialog.quota_used_up && f.note_box.is_some())
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
                remember(&gone.key, &gone.name, note_sent, &gone.strip.input());
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

/// Step-one dialogs: each new one watched for its Send; one gone after
/// its Send (LinkedIn closes it once the invitation went out) remembered,
/// with no note. A dialog that moved on to step two (`writing`) is not
/// gone: its Send is the strip's.
fn follow_step_one(writing: &[FoundDialog<Element>], asking: &[FoundDialog<Element>], lang: &str) {
    let shown = |root: &Element| {
        root.is_connected() && writing.iter().chain(asking).any(|f| f.root == *root)
    };
    let gone = with_state(|s| {
        let (still, gone): (Vec<Asking>, Vec<Asking>) = std::mem::take(&mut s.asking)
            .into_iter()
            .partition(|a| shown(&a.root));
        s.asking = still;
        gone
    })
    .unwrap_or_default();
    let language = with_state(|s| note::language_for(lang, &s.data.profile)).unwrap_or_default();
    for a in gone.iter().filter(|a| a.sent) {
        let said = NoteInput {
            language: language.clone(),
            ..NoteInput::default()
        };
        remember(&a.key, &a.name, "", &said);
    }
    for f in asking {
        let known = with_state(|s| s.asking.iter().any(|a| a.root == f.root)).unwrap_or(true);
        if known {
            continue;
        }
        let Invitee { key, name, .. } = invitee(f, lang);
        listen_for_send(&f.root);
        with_state(|s| {
            s.asking.push(Asking {
                root: f.root.clone(),
                key,
                name,
                sent: false,
            });
        });
    }
}

/// Whom a dialog invites.
struct Invitee {
    /// Their card key: the profile's slug, else `name/<their name>`.
    key: String,
    name: String,
    first_name: Option<String>,
}

/// Whom the dialog invites: the page's address names them on a profile
/// (or a custom-invite link); their name is the dialog's, else, on their
/// profile, the profile's top heading (`kindly_core::dialog::name_from_profile`).
fn invitee(f: &FoundDialog<Element>, lang: &str) -> Invitee {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let on_profile = dialog::invitee_key(&href);
    let (name, first_name) = match (&f.dialog.name, &on_profile) {
        (Some(name), _) => (name.clone(), f.dialog.first_name.clone()),
        (None, Some(_)) => profile_heading()
            .and_then(|h| dialog::name_from_profile(&h, lang))
            .unwrap_or_default(),
        (None, None) => (String::new(), None),
    };
    let key = on_profile
        .or_else(|| (!name.trim().is_empty()).then(|| sent::name_key(&name)))
        .unwrap_or_default();
    Invitee {
        key,
        name,
        first_name,
    }
}

/// The page's top heading: a profile's name.
fn profile_heading() -> Option<String> {
    let doc = dom::document().ok()?;
    let heading = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.query_selector("h1").ok().flatten())?;
    Some(page::name_text(&heading))
}

fn open_strip(f: &FoundDialog<Element>, note_box: &Element, lang: &str) -> dom::DomResult<()> {
    let Invitee {
        key,
        name,
        first_name,
    } = invitee(f, lang);
    let Some(data) = with_state(|s| s.data.clone()) else {
        return Ok(());
    };
    let input = NoteInput {
        first_name,
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
    let listening = with_state(|s| {
        s.listening.retain(Element::is_connected);
        let known = s.listening.contains(root);
        if !known {
            s.listening.push(root.clone());
        }
        known
    });
    if listening != Some(false) {
        return;
    }
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
            } else if let Some(asking) = s.asking.iter_mut().find(|a| a.root.contains(&control)) {
                // "Send without a note", "Envoyer sans note"…
                asking.sent = true;
            }
        });
    });
    dom::report(
        root.add_event_listener_with_callback_and_add_event_listener_options(
            "click",
            listener.into_js_value().unchecked_ref(),
            &options,
        ),
    );
}

/// Remembers an invitation sent (`note_sent` empty: without a note) and
/// what the user said about the person, in its own storage entry.
fn remember(key: &str, name: &str, note_sent: &str, said: &NoteInput) {
    if key.is_empty() {
        return;
    }
    let entry = with_state(|s| {
        if !s.writable {
            return None;
        }
        let name = if name.trim().is_empty() { key } else { name };
        sent::record_sent(&mut s.data, key, name, note_sent, said, dom::today());
        s.data.sent.get(key).map(|r| store::sent_entry(key, r))
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
/// of those invitations (by key, and by name for those remembered before
/// their address was known; every stored entry only when the list is
/// complete, which is when a missing row means "no longer pending"),
/// keeps the records in step with the list, then draws. The settings are
/// those read at the start: only invitations are read here.
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
    let rows: Vec<sent_tab::SentRow> = found.iter().map(|f| sent_tab::read_row(&f.text)).collect();
    let new: Vec<(Element, sent_tab::SentRow)> = with_state(|s| {
        if s.reading_sent {
            return Vec::new();
        }
        s.sent_panels.retain(|(row, host)| {
            host.is_connected() && host.parent_element().as_ref() == Some(row)
        });
        found
            .iter()
            .zip(&rows)
            .filter(|(f, row)| {
                !row.key.is_empty() && !s.sent_panels.iter().any(|(r, _)| *r == f.root)
            })
            .map(|(f, row)| (f.root.clone(), row.clone()))
            .collect()
    })
    .unwrap_or_default();
    if new.is_empty() {
        return;
    }
    let complete =
        sent_tab::list_state(&crate::sent_tab::list_text(&scope, &found, path), &rows).complete;
    with_state(|s| s.reading_sent = true);
    spawn_local(async move {
        let entries = if complete {
            storage::read_all().await
        } else {
            let mut keys: Vec<String> = Vec::new();
            for row in &rows {
                keys.push(store::sent_storage_key(&row.key));
                if let Some(name) = row.name.as_deref().filter(|n| !n.trim().is_empty()) {
                    keys.push(store::sent_storage_key(&sent::name_key(name)));
                }
            }
            storage::read_keys(&keys).await
        };
        let today = dom::today();
        let drawn = with_state(|s| {
            s.reading_sent = false;
            let mut damaged = false;
            for (key, raw) in entries.unwrap_or_default() {
                let Some(card_key) = store::sent_key_of(&key) else {
                    continue;
                };
                // A damaged entry is left as stored (the worker repairs it):
                // nothing is written over it.
                match store::read_sent(&key, &raw) {
                    Ok(record) => {
                        s.data.sent.insert(card_key.to_string(), record);
                    }
                    Err(_) => damaged = true,
                }
            }
            let changed = sent::update_from_sent_tab(&mut s.data, &rows, complete, today);
            let advice: Vec<(Element, String, sent_advice::SentAdvice)> = new
                .iter()
                .filter(|(row, _)| row.is_connected())
                .map(|(row, sent_row)| {
                    let record = s.data.sent.get(&sent_row.key);
                    let days = sent_row
                        .age_days
                        .or_else(|| record.and_then(|r| sent::waited_days(r, today)));
                    let advice = sent_advice::judge(days, record, &s.data.settings);
                    (row.clone(), sent_row.key.clone(), advice)
                })
                .collect();
            let set: Vec<(String, String)> = changed
                .written
                .iter()
                .filter_map(|k| s.data.sent.get(k).map(|r| store::sent_entry(k, r)))
                .collect();
            let gone: Vec<String> = changed
                .removed
                .iter()
                .map(|k| store::sent_storage_key(k))
                .collect();
            let writes = (s.writable && !damaged).then_some((set, gone));
            (advice, writes)
        });
        let Some((advice, writes)) = drawn else {
            return;
        };
        for (row, key, advice) in advice {
            if let Ok(host) = crate::sent_panel::draw(&row, &key, &advice) {
                with_state(|s| s.sent_panels.push((row, host)));
            }
        }
        if let Some((set, gone)) = writes {
            if !set.is_empty() {
                if let Err(err) = storage::write(&set).await {
                    web_sys::console::warn_1(&JsValue::from_str(&err));
                }
            }
            if !gone.is_empty() {
                if let Err(err) = storage::remove(&gone).await {
                    web_sys::console::warn_1(&JsValue::from_str(&err));
                }
            }
        }
    });
}
