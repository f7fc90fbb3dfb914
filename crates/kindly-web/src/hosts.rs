//! Kindly's panel hosts, known by reference only.
//!
//! A host is a plain `<div>` in the card with no attribute, class or id: the
//! page's scripts can see that an element is there and nothing more. Its
//! shadow root is closed, so `host.shadowRoot` is `null` for the page and for
//! Kindly alike; Kindly keeps the root and the panel element itself, in
//! weak maps (an entry goes when the page drops the node). Inside the root,
//! the panel element carries the test contract (`data-kindly=panel`,
//! `data-key`, `data-kind`, `data-action`, `data-drawn`), which only code
//! holding the root (Kindly, or a test through the DevTools protocol) reaches.

use crate::dom::{self, DomResult};
use crate::parts;
use kindly_core::{Action, Kind};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Node, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// One panel: its host in the page, the closed root and the panel element.
#[derive(Clone)]
pub struct Panel {
    pub host: Element,
    pub root: ShadowRoot,
    pub section: Element,
}

struct Registry {
    /// host → `[root, section]`.
    parts: js_sys::WeakMap,
    /// The element a host was put into (its holder) → the host.
    by_holder: js_sys::WeakMap,
    /// Every host made, in the order made; pruned of detached ones when
    /// listed (see [`all`]).
    made: Vec<Element>,
    /// Kindly's other hosts (the outgoing side's): known, never listed.
    others: js_sys::WeakSet,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry {
        parts: js_sys::WeakMap::new(),
        by_holder: js_sys::WeakMap::new(),
        made: Vec::new(),
        others: js_sys::WeakSet::new(),
    });
}

thread_local! {
    /// The undrawn host's one rule; the panel's own sheet replaces it.
    static UNDRAWN: Option<web_sys::CssStyleSheet> = {
        web_sys::CssStyleSheet::new()
            .ok()
            .inspect(|sheet| sheet.replace_sync(":host { display: none !important; }").unwrap_or(()))
    };
}

/// Makes an undrawn host for a card: a bare `<div>` whose closed root holds
/// an empty panel element with the card's key, kind and action. It takes no
/// room until drawn (`display: none` from inside its root).
pub fn make(doc: &Document, key: &str, kind: Kind, action: Action) -> DomResult<Panel> {
    let host = doc.create_element("div")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    // Not drawn yet: out of the layout (an empty element would still be a
    // flex or grid item, and take a `gap` in the card), without an
    // attribute on the host.
    UNDRAWN.with(|sheet| {
        if let Some(sheet) = sheet {
            root.set_adopted_style_sheets(&js_sys::Array::of1(sheet));
        }
    });
    let section = dom::node("section")
        .part(parts::PANEL)
        .attr(parts::KEY, key)
        .attr(parts::KIND, kind.as_str())
        .attr(parts::ACTION_ATTR, action.as_str())
        .build()?;
    root.append_child(&section)?;
    let panel = Panel {
        host,
        root,
        section,
    };
    REGISTRY.with(|registry| {
        let mut registry = registry.borrow_mut();
        let pair = js_sys::Array::of2(&panel.root, &panel.section);
        registry.parts.set(panel.host.unchecked_ref(), &pair);
        registry.made.push(panel.host.clone());
    });
    Ok(panel)
}

/// Puts `panel`'s host into `holder` (its last child) and remembers where.
pub fn place(holder: &Element, panel: &Panel) -> DomResult<()> {
    holder.append_child(&panel.host)?;
    remember_holder(holder, &panel.host);
    Ok(())
}

/// Puts `new` where `old` is (a panel rebuilt in place).
pub fn replace(old: &Panel, new: &Panel) -> DomResult<()> {
    let holder = old.host.parent_element();
    old.host.replace_with_with_node_1(&new.host)?;
    if let Some(holder) = holder {
        remember_holder(&holder, &new.host);
    }
    Ok(())
}

fn remember_holder(holder: &Element, host: &Element) {
    REGISTRY.with(|registry| {
        registry
            .borrow()
            .by_holder
            .set(holder.unchecked_ref(), host);
    });
}

/// Notes `host` as Kindly's though it holds no invitation panel (a note
/// strip, a Sent panel): [`is_host`] knows it, so every observer ignores
/// its insertion; [`all`] and [`panel`] do not list it.
pub fn note_other(host: &Element) {
    REGISTRY.with(|registry| {
        registry.borrow().others.add(host.unchecked_ref());
    });
}

/// Whether `node` is one of Kindly's hosts.
pub fn is_host(node: &Node) -> bool {
    REGISTRY.with(|registry| {
        let registry = registry.borrow();
        registry.parts.has(node.unchecked_ref()) || registry.others.has(node.unchecked_ref())
    })
}

/// The panel whose host is `host`.
pub fn panel(host: &Element) -> Option<Panel> {
    let pair = REGISTRY.with(|registry| registry.borrow().parts.get(host.unchecked_ref()));
    let pair: js_sys::Array = pair.dyn_into().ok()?;
    Some(Panel {
        host: host.clone(),
        root: pair.get(0).dyn_into().ok()?,
        section: pair.get(1).dyn_into().ok()?,
    })
}

/// The panel Kindly put into `holder`, while it is still there.
pub fn in_holder(holder: &Element) -> Option<Panel> {
    let host = REGISTRY.with(|registry| registry.borrow().by_holder.get(holder.unchecked_ref()));
    let host: Element = host.dyn_into().ok()?;
    let still_there = host
        .parent_element()
        .is_some_and(|parent| &parent == holder);
    if still_there {
        panel(&host)
    } else {
        None
    }
}

/// The nearest holder of a panel at or above `element`, and its panel.
pub fn around(element: &Element) -> Option<Panel> {
    let mut node = Some(element.clone());
    while let Some(current) = node {
        if let Some(panel) = in_holder(&current) {
            return Some(panel);
        }
        node = current.parent_element();
    }
    None
}

/// Every panel in the page, in document order.
pub fn all() -> Vec<Panel> {
    let mut hosts = REGISTRY.with(|registry| {
        let mut registry = registry.borrow_mut();
        registry.made.retain(|host| host.is_connected());
        registry.made.clone()
    });
    // Rebuilt panels and re-rendered cards can put a later host before an
    // earlier one.
    hosts.sort_by(dom::document_order);
    hosts.iter().filter_map(panel).collect()
}

impl Panel {
    /// The card's key, as marked.
    pub fn key(&self) -> Option<String> {
        self.section.get_attribute(parts::KEY)
    }

    pub fn is_drawn(&self) -> bool {
        self.section.has_attribute(parts::DRAWN)
    }

    /// The first element in the panel matching `selector`.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }
}

/// The panel that holds keyboard focus, if any: focus inside a closed root
/// shows to the document as its host being active.
pub fn focused() -> Option<Panel> {
    let active = dom::document().ok()?.active_element()?;
    panel(&active)
}

/// Whether focus is in a field that takes typing, looking through open
/// shadow roots and Kindly's own closed ones: a shortcut must never take a
/// key someone is typing (Option+Shift+C types "Ç" on a Mac).
pub fn typing() -> bool {
    let Ok(doc) = dom::document() else {
        return false;
    };
    let mut active = doc.active_element();
    while let Some(element) = active {
        if is_editable(&element) {
            return true;
        }
        active = match element.shadow_root() {
            Some(root) => root.active_element(),
            None => panel(&element).and_then(|p| p.root.active_element()),
        };
    }
    false
}

fn is_editable(element: &Element) -> bool {
    let tag = element.tag_name();
    if tag.eq_ignore_ascii_case("textarea") || tag.eq_ignore_ascii_case("select") {
        return true;
    }
    if tag.eq_ignore_ascii_case("input") {
        let kind = element
            .get_attribute("type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        return !matches!(
            kind.as_str(),
            "button" | "checkbox" | "radio" | "submit" | "reset" | "image" | "file" | "color"
        );
    }
    element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable())
}
