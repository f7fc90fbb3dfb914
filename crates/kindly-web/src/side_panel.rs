//! The side panel (`sidepanel.html`, the browser's side panel or sidebar):
//! the invitations of one tab's page listed beside it, in the page's order,
//! each drawn by the in-page panel's own view (`panel::build`, its host
//! placed in the list), the cards on screen marked.
//!
//! The content script reads and judges the page and sends each card's
//! invitation (`side_update`, over a port `sidepanel-entry.js` opened to the
//! tab). This page holds a session of its own over storage (`keeping`), so a
//! relationship, a note, a bucket or a template chosen here is saved as the
//! in-page panel saves it, and reaches the content script (and every other
//! tab) as a storage change.

use crate::dom::{self, node, DomResult};
use crate::hosts::Panel;
use crate::intent::{self, Intent};
use crate::keeping::{self, Holder};
use crate::panel::{self, View};
use crate::session::Session;
use crate::side_update::SideUpdate;
use crate::storage;
use crate::ui_text;
use kindly_core::{Data, Day, Invitation};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// One invitation of the page, as this list holds it.
struct Card {
    invitation: Invitation,
    /// Reply texts the person edited here, by template id.
    edits: BTreeMap<String, String>,
    collapsed: Option<bool>,
    full: bool,
    /// Its place in the list, and its panel once drawn (`None`: to draw).
    item: Element,
    panel: Option<Panel>,
}

struct Side {
    session: Session,
    today: Day,
    cards: BTreeMap<String, Card>,
    /// The keys in the page's order, as the content script last said.
    order: Vec<String>,
    visible: BTreeSet<String>,
    /// A content script answers, and shows Kindly beside its page.
    connected: bool,
    beside: bool,
    dark: bool,
}

thread_local! {
    static STATE: RefCell<Option<Side>> = const { RefCell::new(None) };
}

fn with_state<R>(f: impl FnOnce(&mut Side) -> R) -> Option<R> {
    STATE.with(|state| state.try_borrow_mut().ok()?.as_mut().map(f))
}

/// The side panel's session, for [`keeping`].
struct SideHolder;

impl Holder for SideHolder {
    fn with_session<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R> {
        with_state(|state| f(&mut state.session))
    }
}

/// Opens storage and shows an empty list; `sidepanel-entry.js` connects
/// to the tab once this resolves.
pub async fn start() {
    let (data, writable) = match storage::open_start_now().await {
        Ok(start) => (start.data, start.writable),
        Err(err) => {
            web_sys::console::warn_1(&JsValue::from_str(&err));
            (Data::default(), false)
        }
    };
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|query| query.matches());
    STATE.with(|state| {
        *state.borrow_mut() = Some(Side {
            session: Session::new(data, writable),
            today: dom::today(),
            cards: BTreeMap::new(),
            order: Vec::new(),
            visible: BTreeSet::new(),
            connected: false,
            beside: false,
            dark,
        });
    });
    storage::on_change(|changes| keeping::take_foreign::<SideHolder>(&changes, redraw_all));
    intent::handle_with(handle);
    sync();
}

/// What the content script said (a [`SideUpdate`] as JSON).
pub fn receive(json: &str) {
    let Ok(update) = serde_json::from_str::<SideUpdate>(json) else {
        web_sys::console::warn_1(&JsValue::from_str("Kindly: an update it cannot read"));
        return;
    };
    with_state(|state| {
        state.connected = true;
        state.beside = update.beside;
        state.order = update.order;
        state.visible = update.visible.into_iter().collect();
        for invitation in update.cards {
            state.session.ready_or_queue(&invitation);
            let key = invitation.key.clone();
            match state.cards.get_mut(&key) {
                // Read again, the same: what is drawn stays (and keeps focus).
                Some(card) if card.invitation == invitation => {}
                Some(card) => {
                    card.invitation = invitation;
                    card.panel = None;
                }
                None => {
                    let Ok(item) = list_item(&key) else {
                        continue;
                    };
                    state.cards.insert(
                        key,
                        Card {
                            invitation,
                            edits: BTreeMap::new(),
                            collapsed: None,
                            full: false,
                            item,
                            panel: None,
                        },
                    );
                }
            }
        }
    });
    keeping::read_people::<SideHolder>(sync);
    sync();
}

/// The tab's content script went away (the tab navigated or closed).
pub fn disconnected() {
    with_state(|state| {
        state.connected = false;
        state.order.clear();
        state.visible.clear();
    });
    sync();
}

fn list_item(key: &str) -> DomResult<Element> {
    node("li").class("card").attr("data-key", key).build()
}

/// Shows the list as the page has it: items in order (drawn when their
/// people are read), the cards on screen marked, and the status line.
fn sync() {
    let Ok(doc) = dom::document() else { return };
    let (Some(list), Some(status)) = (
        doc.get_element_by_id("kindly-side-list"),
        doc.get_element_by_id("kindly-side-status"),
    ) else {
        return;
    };
    let Some(keys) = with_state(|state| state.order.clone()) else {
        return;
    };
    for key in &keys {
        draw(key, None);
    }
    let shown = with_state(|state| {
        let items: Vec<(Element, bool)> = state
            .order
            .iter()
            .filter_map(|key| {
                let card = state.cards.get(key)?;
                card.panel.as_ref()?;
                Some((card.item.clone(), state.visible.contains(key)))
            })
            .collect();
        let line = if !state.connected {
            ui_text::text("side_not_connected", &[])
        } else if !state.beside {
            ui_text::text("side_in_page", &[])
        } else {
            let n = state.order.len();
            ui_text::counted("side_count", n as u64, &[&n.to_string()])
        };
        (items, line)
    });
    let Some((items, line)) = shown else { return };
    status.set_text_content(Some(&line));
    place_items(&list, &items);
}

/// Puts `items` into `list` in that order, moving only those out of place
/// (moving an element takes focus out of it), and marks those on screen.
fn place_items(list: &Element, items: &[(Element, bool)]) {
    let mut at = list.first_element_child();
    for (item, on_screen) in items {
        dom::report(
            item.toggle_attribute_with_force("data-on-screen", *on_screen)
                .map(|_| ()),
        );
        if at.as_ref() == Some(item) {
            at = item.next_element_sibling();
            continue;
        }
        dom::report(list.insert_before(item, at.as_deref()).map(|_| ()));
    }
    // What is left after them has left the page.
    while let Some(stale) = at {
        at = stale.next_element_sibling();
        stale.remove();
    }
}

/// Draws `key`'s panel when its people are read and it is not drawn (or
/// `focus` asks for it again), then moves focus to that part.
fn draw(key: &str, focus: Option<&str>) {
    let Ok(doc) = dom::document() else { return };
    let built = with_state(|state| {
        let card = state.cards.get(key)?;
        if (card.panel.is_some() && focus.is_none()) || !state.session.is_ready(&card.invitation) {
            return None;
        }
        let model = kindly_core::suggest::suggest_indexed(
            &card.invitation,
            &state.session.data,
            state.today,
            &state.session.companies,
        );
        let view = View {
            model: &model,
            person: state.session.data.people.get(key),
            collapsed: card
                .collapsed
                .unwrap_or(state.session.data.settings.collapsed_by_default),
            edits: Some(&card.edits),
            read_only: !state.session.writable,
            dark: state.dark,
            data: &state.session.data,
            full: card.full,
            changed_elsewhere: state.session.was_overwritten(key),
        };
        let invitation = &card.invitation;
        // Beside the page the card is not next to its panel: its name is.
        let name = invitation
            .full_name
            .clone()
            .or_else(|| invitation.target_name.clone())
            .unwrap_or_default();
        Some((panel::build(&doc, &view), card.item.clone(), name))
    })
    .flatten();
    let Some((built, item, name)) = built else {
        return;
    };
    let (panel, heading) = match (built, node("h2").class("who").text(&name).build()) {
        (Ok(panel), Ok(heading)) => (panel, heading),
        (Err(err), _) | (_, Err(err)) => {
            return web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err)
        }
    };
    item.replace_children_with_node_2(&heading, &panel.host);
    if let Some(part) = focus {
        panel::focus_part(&panel, part);
    }
    with_state(|state| {
        if let Some(card) = state.cards.get_mut(key) {
            card.panel = Some(panel);
        }
    });
}

/// Settings, templates or people changed elsewhere: every panel again.
fn redraw_all() {
    with_state(|state| {
        for card in state.cards.values_mut() {
            card.panel = None;
        }
    });
    sync();
}

fn card_mut(key: &str, change: impl FnOnce(&mut Card)) {
    with_state(|state| state.cards.get_mut(key).map(change));
}

/// Carries out what the person asked of a panel in the list.
fn handle(intent: Intent) -> bool {
    match intent {
        Intent::SetRelationship { key, relationship } => {
            keeping::update_person::<SideHolder>(&key, |p| p.relationship = relationship);
            let value = relationship.map(|r| r.as_str()).unwrap_or("none");
            draw(&key, Some(&format!("relationship-{value}")));
        }
        Intent::SetNote { key, note } => {
            keeping::update_person::<SideHolder>(&key, |p| p.note = note)
        }
        Intent::SetBucket { key, bucket } => {
            keeping::update_person::<SideHolder>(&key, |p| p.bucket = bucket)
        }
        Intent::ShowEverything { key } => {
            card_mut(&key, |card| card.full = true);
            draw(&key, Some("relationship-none"));
        }
        Intent::SetCollapsed { key, collapsed } => {
            card_mut(&key, |card| card.collapsed = Some(collapsed))
        }
        Intent::RememberEdit {
            key,
            template_id,
            text,
        } => card_mut(&key, |card| {
            card.edits.insert(template_id, text);
        }),
        Intent::SaveAsTemplate {
            key,
            template_id,
            text,
            done,
        } => {
            let invitation =
                with_state(|state| state.cards.get(&key).map(|c| c.invitation.clone())).flatten();
            keeping::save_as_template::<SideHolder>(invitation, &template_id, &text, done);
        }
        Intent::FinishFirstRun { answers } => {
            keeping::finish_first_run::<SideHolder>(answers);
            redraw_all();
        }
        // LinkedIn's own controls are on the page: the content script hears them.
        Intent::Answered { .. } => {}
    }
    true
}
