//! Beside the page (`ShowKindly::BesidePage`): what the content script
//! keeps in place of panels, and what it tells the side panel.
//!
//! Nothing is added to LinkedIn's page: no host, style, attribute or focus
//! change. A card read and judged is remembered by reference (its holder,
//! in a weak map, as `hosts` remembers a panel's); the cards on screen are
//! known from an IntersectionObserver, which watches without touching; and
//! the side panel hears through a port it opened to this tab
//! (`chrome.tabs.connect`, the extension's own messaging, which the page
//! cannot see). With no side panel connected, nothing is serialised.

use crate::side_update::{SideUpdate, PORT_NAME};
use kindly_core::Invitation;
use std::cell::RefCell;
use std::collections::BTreeSet;
use wasm_bindgen::prelude::*;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};

#[wasm_bindgen]
extern "C" {
    /// A `runtime.Port` (Chromium and Firefox alike).
    #[derive(Clone, PartialEq)]
    type Port;
    #[wasm_bindgen(method, getter)]
    fn name(this: &Port) -> String;
    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post_message(this: &Port, message: &JsValue) -> Result<(), JsValue>;
    #[wasm_bindgen(method, getter, js_name = onDisconnect)]
    fn on_disconnect(this: &Port) -> Listeners;

    /// An extension event (`onConnect`, `onDisconnect`).
    type Listeners;
    #[wasm_bindgen(method, js_name = addListener, catch)]
    fn add_listener(this: &Listeners, listener: &js_sys::Function) -> Result<(), JsValue>;
}

/// `chrome.runtime.onConnect`, where the API is there.
fn on_connect_event() -> Result<Listeners, JsValue> {
    let mut value: JsValue = js_sys::global().into();
    for name in ["chrome", "runtime", "onConnect"] {
        value = js_sys::Reflect::get(&value, &JsValue::from_str(name))?;
    }
    if value.is_object() {
        Ok(value.unchecked_into())
    } else {
        Err(JsValue::from_str("no chrome.runtime.onConnect"))
    }
}

/// How the content script answers for the page: whether it shows beside
/// it, and a card's invitation as judged (by key).
pub struct Source {
    pub beside: fn() -> bool,
    pub invitation: fn(&str) -> Option<Invitation>,
}

#[derive(Default)]
struct Beside {
    /// Holder → key, for the cards read and judged.
    by_holder: Option<js_sys::WeakMap>,
    /// The same, in the order marked; pruned of detached ones when listed.
    marked: Vec<(Element, String)>,
    visible: BTreeSet<String>,
    observer: Option<IntersectionObserver>,
    ports: Vec<Port>,
    /// Keys whose invitation the connected side panels have not had.
    unsent: BTreeSet<String>,
    /// What was last sent but the cards (beside, order, visible), to send
    /// only changes.
    last: Option<(bool, Vec<String>, Vec<String>)>,
    flush_queued: bool,
    /// How many of `marked`, from the first, are known in document order.
    sorted: usize,
    /// The page removed nodes since: some marked cards may have left.
    removed: bool,
    source: Option<Source>,
}

thread_local! {
    static BESIDE: RefCell<Beside> = RefCell::new(Beside::default());
}

fn with<R>(f: impl FnOnce(&mut Beside) -> R) -> Option<R> {
    BESIDE.with(|b| b.try_borrow_mut().ok().map(|mut b| f(&mut b)))
}

/// Starts listening for side panels (once per page).
pub fn start(source: Source) {
    with(|b| {
        b.source = Some(source);
        b.by_holder = Some(js_sys::WeakMap::new());
    });
    let on_connect = Closure::<dyn FnMut(JsValue)>::new(|port: JsValue| {
        let port: Port = port.unchecked_into();
        if port.name() == PORT_NAME {
            connect(port);
        }
    });
    let added = on_connect_event()
        .and_then(|event| event.add_listener(on_connect.as_ref().unchecked_ref()));
    if let Err(err) = added {
        web_sys::console::warn_2(&JsValue::from_str("Kindly: no side panel:"), &err);
    }
    on_connect.forget(); // lives as long as the page
}

/// A side panel connected: it gets everything now, and changes after.
fn connect(port: Port) {
    let on_disconnect = Closure::<dyn FnMut(JsValue)>::new({
        let port = port.clone();
        move |_: JsValue| {
            with(|b| b.ports.retain(|p| *p != port));
        }
    });
    crate::dom::report(
        port.on_disconnect()
            .add_listener(on_disconnect.as_ref().unchecked_ref()),
    );
    on_disconnect.forget(); // one per side panel opened
    let everything = with(|b| b.update(true)).flatten();
    if let Some(update) = everything {
        post(&port, &update);
    }
    with(|b| {
        if b.ports.is_empty() {
            b.unsent.clear(); // it had them all
        }
        b.ports.push(port);
    });
}

fn post(port: &Port, update: &SideUpdate) {
    if let Ok(json) = serde_json::to_string(update) {
        crate::dom::report(port.post_message(&JsValue::from_str(&json)));
    }
}

impl Beside {
    /// Keeps `marked` in document order. Each check is a call into the page
    /// per card, so only what changed is looked at: cards the page may have
    /// removed when it removed nodes, and those marked since (in order
    /// already, as the page search finds them, unless a re-render put one
    /// back higher up).
    fn put_in_order(&mut self) {
        if std::mem::replace(&mut self.removed, false) {
            let (mut index, sorted) = (0, self.sorted);
            let mut kept_sorted = 0;
            self.marked.retain(|(holder, _)| {
                let keep = holder.is_connected();
                kept_sorted += usize::from(keep && index < sorted);
                index += 1;
                keep
            });
            self.sorted = kept_sorted;
        }
        let from = self.sorted.saturating_sub(1);
        let in_order = self
            .marked
            .iter()
            .skip(from)
            .zip(self.marked.iter().skip(from + 1))
            .all(|((a, _), (b, _))| {
                crate::dom::document_order(a, b) != std::cmp::Ordering::Greater
            });
        if !in_order {
            self.marked
                .sort_by(|(a, _), (b, _)| crate::dom::document_order(a, b));
        }
        self.sorted = self.marked.len();
    }

    /// The update to send: every card when `everything` (a side panel that
    /// just connected), else those unsent; `None` when nothing changed
    /// since the last.
    fn update(&mut self, everything: bool) -> Option<SideUpdate> {
        let source = self.source.as_ref()?;
        let (beside_of, invitation_of) = (source.beside, source.invitation);
        self.put_in_order();
        let order: Vec<String> = self.marked.iter().map(|(_, key)| key.clone()).collect();
        let visible: Vec<String> = order
            .iter()
            .filter(|key| self.visible.contains(*key))
            .cloned()
            .collect();
        let beside = beside_of();
        let keys: Vec<String> = if everything {
            order.clone()
        } else {
            std::mem::take(&mut self.unsent).into_iter().collect()
        };
        let cards: Vec<Invitation> = keys.iter().filter_map(|k| invitation_of(k)).collect();
        let now = (beside, order, visible);
        let same = self.last.as_ref() == Some(&now);
        self.last = Some(now.clone());
        if !everything && same && cards.is_empty() {
            return None;
        }
        let (beside, order, visible) = now;
        Some(SideUpdate {
            beside,
            order,
            cards,
            visible,
        })
    }
}

/// How long changes gather before they are sent: a long page is marked in
/// dozens of short slices, and an update per slice (each listing every card
/// in order) made the content script's work with a side panel open more than
/// twice its work with the panels in the page (500 cards).
const GATHER_MS: u32 = 150;

/// Sends what changed to the connected side panels, in a task of its own,
/// at most once per [`GATHER_MS`].
fn changed() {
    let queue = with(|b| {
        let idle = !b.ports.is_empty() && !b.flush_queued;
        b.flush_queued |= idle;
        idle
    });
    if queue == Some(true) {
        gloo::timers::callback::Timeout::new(GATHER_MS, flush).forget();
    }
}

/// The page removed nodes: a marked card among them leaves the list.
pub fn removed() {
    with(|b| b.removed = true);
    changed();
}

fn flush() {
    let sent = with(|b| {
        b.flush_queued = false;
        let update = b.update(false)?;
        Some((b.ports.clone(), update))
    })
    .flatten();
    if let Some((ports, update)) = sent {
        for port in &ports {
            post(port, &update);
        }
    }
}

/// Remembers that `holder` holds the invitation `key`, read and judged
/// (again, after a re-render: its invitation is sent again).
pub fn mark(holder: &Element, key: &str) {
    let observe = with(|b| {
        if let Some(map) = &b.by_holder {
            map.set(holder.unchecked_ref(), &JsValue::from_str(key));
        }
        b.marked.push((holder.clone(), key.to_string()));
        b.unsent.insert(key.to_string());
        b.observer.clone()
    })
    .flatten()
    .or_else(make_observer);
    if let Some(observer) = observe {
        observer.observe(holder);
    }
    changed();
}

/// Whether `holder` holds a card marked beside the page.
pub fn is_marked(holder: &Element) -> bool {
    with(|b| {
        b.by_holder
            .as_ref()
            .is_some_and(|map| map.has(holder.unchecked_ref()))
    })
    .unwrap_or(false)
}

fn key_of(holder: &Element) -> Option<String> {
    with(|b| {
        b.by_holder
            .as_ref()?
            .get(holder.unchecked_ref())
            .as_string()
    })
    .flatten()
}

/// The nearest marked holder at or above `element`, and its key.
pub fn around(element: &Element) -> Option<(Element, String)> {
    let mut node = Some(element.clone());
    while let Some(current) = node {
        if let Some(key) = key_of(&current) {
            return Some((current, key));
        }
        node = current.parent_element();
    }
    None
}

/// Every marked holder still in the page, with its key.
pub fn all() -> Vec<(Element, String)> {
    with(|b| {
        b.marked.retain(|(holder, _)| holder.is_connected());
        b.sorted = 0;
        b.marked.clone()
    })
    .unwrap_or_default()
}

/// Forgets `holder`'s card (it stopped being the invitation it was).
pub fn unmark(holder: &Element) {
    with(|b| {
        if let Some(map) = &b.by_holder {
            map.delete(holder.unchecked_ref());
        }
        b.marked.retain(|(h, _)| h != holder);
        b.sorted = 0;
        if let Some(observer) = &b.observer {
            observer.unobserve(holder);
        }
    });
    changed();
}

/// Forgets every card (the page left, or Kindly moved into the page).
pub fn clear() {
    with(|b| {
        b.by_holder = Some(js_sys::WeakMap::new());
        b.marked.clear();
        b.sorted = 0;
        b.visible.clear();
        if let Some(observer) = b.observer.take() {
            observer.disconnect();
        }
    });
    changed();
}

/// The observer of what is on screen: the viewport (no margin), which
/// every scrolling box around a card clips, so a card counts only while
/// some of it can be seen.
fn make_observer() -> Option<IntersectionObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let seen = with(|b| {
            let Some(map) = b.by_holder.clone() else {
                return;
            };
            for entry in entries.iter() {
                let entry: IntersectionObserverEntry = entry.unchecked_into();
                let Some(key) = map.get(entry.target().unchecked_ref()).as_string() else {
                    continue;
                };
                if entry.is_intersecting() {
                    b.visible.insert(key);
                } else {
                    b.visible.remove(&key);
                }
            }
        });
        if seen.is_some() {
            changed();
        }
    });
    let observer = IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    callback.forget(); // lives as long as the page
    with(|b| b.observer = Some(observer.clone()));
    Some(observer)
}
