//! A card read in one call. The page adapter's reading code (`page`) asks a
//! card for its children, tags, a few selector matches and link paths: as
//! `web_sys` calls that was about 250 calls into JavaScript per card. Here a
//! small generic JavaScript helper walks the card once and returns it as one
//! string (tags, parents, text, which of the given selectors each element
//! matches, one given attribute, anchors' paths, where the given elements
//! are), and a
//! [`SnapElement`] answers the same questions from that copy, in Rust.
//! No LinkedIn knowledge lives in the helper: the selectors come from `page`.

use crate::markup::{Child, DomElement};
use crate::page;
use kindly_core::CardText;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Separates records, and fields within one (control characters the helper
/// takes out of the page's text first).
pub const RECORD: char = '\u{1}';
pub const FIELD: char = '\u{2}';

struct Node {
    /// `None` for a text node.
    tag: Option<String>,
    /// The text of a text node.
    text: String,
    parent: Option<usize>,
    /// Bit `i`: matches the `i`-th selector the snapshot was taken with.
    bits: u32,
    /// An anchor's path (`HTMLAnchorElement.pathname`).
    href: Option<String>,
    /// The value of the attribute the snapshot was taken with, if set.
    attribute: Option<String>,
    children: Vec<usize>,
    /// One past the last node of its subtree (nodes are in document order).
    end: usize,
}

/// A card's copy: its nodes, the selectors they were matched against, the
/// attribute copied, and the indices of the elements asked to be found
/// (`marks`).
pub struct Snapshot {
    nodes: Vec<Node>,
    selectors: Vec<&'static str>,
    attribute: &'static str,
    marks: Vec<Option<usize>>,
}

impl Snapshot {
    /// Reads the helper's answer: the marks' indices (comma-separated, empty
    /// where not found), then one record per node in document order: kind
    /// (`E` or `T`), tag or text, parent index, selector bits, path, and the
    /// attribute's value (`-` before it when set: an empty value is a value).
    pub fn parse(
        raw: &str,
        selectors: &[&'static str],
        attribute: &'static str,
    ) -> Option<Rc<Snapshot>> {
        let mut records = raw.split(RECORD);
        let marks = records
            .next()?
            .split(',')
            .map(|m| m.parse::<usize>().ok())
            .collect();
        let mut nodes: Vec<Node> = Vec::new();
        for record in records {
            let mut fields = record.split(FIELD);
            let kind = fields.next()?;
            let value = fields.next()?.to_string();
            let parent = fields.next()?.parse::<usize>().ok();
            let bits = fields.next()?.parse::<u32>().unwrap_or(0);
            let href = fields.next().filter(|h| !h.is_empty()).map(str::to_string);
            let attribute = fields
                .next()
                .and_then(|a| a.strip_prefix('-'))
                .map(str::to_string);
            let index = nodes.len();
            // Parents come before their children; anything else is corrupt.
            if let Some(p) = parent {
                nodes
                    .get_mut(p)
                    .filter(|n| n.tag.is_some())?
                    .children
                    .push(index);
            } else if index != 0 {
                return None;
            }
            let (tag, text) = if kind == "E" {
                (Some(value), String::new())
            } else {
                (None, value)
            };
            nodes.push(Node {
                tag,
                text,
                parent,
                bits,
                href,
                attribute,
                children: Vec::new(),
                end: index + 1,
            });
        }
        // The root is an element.
        nodes.first()?.tag.as_ref()?;
        for i in (0..nodes.len()).rev() {
            let end = nodes
                .get(i)
                .and_then(|n| n.children.last())
                .and_then(|last| nodes.get(*last))
                .map_or(i + 1, |last| last.end);
            if let Some(node) = nodes.get_mut(i) {
                node.end = end;
            }
        }
        Some(Rc::new(Snapshot {
            nodes,
            selectors: selectors.to_vec(),
            attribute,
            marks,
        }))
    }

    /// The card's root element.
    pub fn root(self: &Rc<Self>) -> SnapElement {
        SnapElement {
            snapshot: Rc::clone(self),
            index: 0,
        }
    }

    /// The `i`-th element of those asked to be found, if it was inside.
    pub fn mark(self: &Rc<Self>, i: usize) -> Option<SnapElement> {
        let index = (*self.marks.get(i)?)?;
        self.nodes.get(index)?.tag.as_ref()?;
        Some(SnapElement {
            snapshot: Rc::clone(self),
            index,
        })
    }
}

/// One element of a [`Snapshot`].
#[derive(Clone)]
pub struct SnapElement {
    snapshot: Rc<Snapshot>,
    index: usize,
}

impl PartialEq for SnapElement {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot) && self.index == other.index
    }
}

impl SnapElement {
    fn node(&self) -> Option<&Node> {
        self.snapshot.nodes.get(self.index)
    }

    fn at(&self, index: usize) -> SnapElement {
        SnapElement {
            snapshot: Rc::clone(&self.snapshot),
            index,
        }
    }

    /// The bit of `selector`; `None` for a selector the snapshot was not
    /// taken with (a bug in `page`: it then matches nothing).
    fn bit(&self, selector: &str) -> Option<u32> {
        let at = self.snapshot.selectors.iter().position(|s| *s == selector);
        debug_assert!(at.is_some(), "selector not in the snapshot: {selector}");
        Some(1 << u32::try_from(at?).ok()?)
    }

    /// Descendant elements matching `selector`, in document order.
    fn descendants_matching(&self, selector: &str) -> impl Iterator<Item = SnapElement> + '_ {
        let bit = self.bit(selector).unwrap_or(0);
        let end = self.node().map_or(self.index, |n| n.end);
        (self.index + 1..end)
            .filter(move |i| {
                self.snapshot
                    .nodes
                    .get(*i)
                    .is_some_and(|n| n.bits & bit != 0 && n.tag.is_some())
            })
            .map(|i| self.at(i))
    }

    fn is_element(&self, index: usize) -> bool {
        self.snapshot
            .nodes
            .get(index)
            .is_some_and(|n| n.tag.is_some())
    }
}

impl DomElement for SnapElement {
    fn select_all(&self, selector: &str) -> Vec<Self> {
        self.descendants_matching(selector).collect()
    }

    fn select_first(&self, selector: &str) -> Option<Self> {
        self.descendants_matching(selector).next()
    }

    fn closest(&self, selector: &str) -> Option<Self> {
        let bit = self.bit(selector)?;
        let mut current = Some(self.index);
        while let Some(i) = current {
            let node = self.snapshot.nodes.get(i)?;
            if node.bits & bit != 0 {
                return Some(self.at(i));
            }
            current = node.parent;
        }
        None
    }

    fn matches(&self, selector: &str) -> bool {
        match (self.bit(selector), self.node()) {
            (Some(bit), Some(node)) => node.bits & bit != 0,
            _ => false,
        }
    }

    fn parent(&self) -> Option<Self> {
        self.node()?.parent.map(|p| self.at(p))
    }

    fn contains(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.snapshot, &other.snapshot)
            && self
                .node()
                .is_some_and(|n| other.index >= self.index && other.index < n.end)
    }

    /// One attribute is copied (a control's label); what else `page` reads
    /// of attributes (roles, the page's own keys) it reads as selector
    /// matches or from the live card.
    fn attr(&self, name: &str) -> Option<String> {
        debug_assert!(
            name == self.snapshot.attribute,
            "attribute not in the snapshot: {name}"
        );
        self.node()?
            .attribute
            .clone()
            .filter(|_| name == self.snapshot.attribute)
    }

    fn has_attr(&self, name: &str) -> bool {
        self.attr(name).is_some()
    }

    fn tag_name(&self) -> String {
        self.node().and_then(|n| n.tag.clone()).unwrap_or_default()
    }

    fn text_content(&self) -> String {
        let Some(node) = self.node() else {
            return String::new();
        };
        let mut out = String::new();
        for i in self.index + 1..node.end {
            if let Some(text) = self.snapshot.nodes.get(i).filter(|n| n.tag.is_none()) {
                out.push_str(&text.text);
            }
        }
        out
    }

    fn children(&self) -> Vec<Child<Self>> {
        let Some(node) = self.node() else {
            return Vec::new();
        };
        node.children
            .iter()
            .filter_map(|i| {
                let child = self.snapshot.nodes.get(*i)?;
                Some(if self.is_element(*i) {
                    Child::Element(self.at(*i))
                } else {
                    Child::Text(child.text.clone())
                })
            })
            .collect()
    }

    fn link_path(&self) -> Option<String> {
        self.node()?.href.clone()
    }

    fn is_connected(&self) -> bool {
        true
    }

    fn id(&self) -> String {
        String::new()
    }

    /// A card's copy holds no shadow trees or frames: the dialog and Sent
    /// tab readers, which look into them, read the live page.
    fn shadow_children(&self) -> Vec<Self> {
        Vec::new()
    }

    fn frame_root(&self) -> Option<Self> {
        None
    }
}

/// Reads `card` from a copy: `take` makes the copy of its root (answering
/// [`page::READ_SELECTORS`], carrying [`page::READ_ATTRIBUTE`], finding the
/// given controls), and the page
/// adapter's own reading runs over it. The card's `key_hint` is read around
/// the live card. Without a copy (or with a control the copy does not
/// hold), the card is read live, call by call.
pub fn read_with<E: DomElement>(
    card: &page::Card<E>,
    lang: String,
    take: impl FnOnce(&E, &[&E]) -> Option<String>,
) -> CardText {
    card.with_controls(|accept, ignore| {
        let marks: Vec<&E> = accept.iter().chain(&ignore).map(|(e, _)| e).collect();
        let copied = take(&card.root, &marks)
            .and_then(|raw| Snapshot::parse(&raw, &page::READ_SELECTORS, page::READ_ATTRIBUTE))
            .and_then(|snapshot| {
                let mut next = 0;
                let mut copy = |control: Option<&page::Labelled<E>>| match control {
                    None => Some(None),
                    Some((_, label)) => {
                        let at = next;
                        next += 1;
                        Some(Some((snapshot.mark(at)?, label.clone())))
                    }
                };
                let accept = copy(accept)?;
                let ignore = copy(ignore)?;
                Some(page::read_card(
                    &snapshot.root(),
                    lang.clone(),
                    accept.as_ref(),
                    ignore.as_ref(),
                ))
            });
        let text = match copied {
            Some(text) => text,
            None => page::read_card(&card.root, lang, accept, ignore),
        };
        CardText {
            key_hint: page::key_hint(&card.root),
            ..text
        }
    })
}

/// The copy the browser's helper makes, made from any [`DomElement`] (the
/// native tests check reading a copy equals reading the card).
pub fn encode<E: DomElement>(
    root: &E,
    selectors: &[&str],
    attribute: &str,
    marks: &[&E],
) -> String {
    let mut records: Vec<String> = Vec::new();
    let mut found = vec![String::new(); marks.len()];
    let copy = Copy {
        selectors,
        attribute,
        marks,
    };
    encode_into(root, None, &copy, &mut records, &mut found);
    format!(
        "{}{RECORD}{}",
        found.join(","),
        records.join(&RECORD.to_string())
    )
}

fn clean(text: &str) -> String {
    text.replace([RECORD, FIELD], " ")
}

/// What [`encode`] copies.
struct Copy<'a, E> {
    selectors: &'a [&'a str],
    attribute: &'a str,
    marks: &'a [&'a E],
}

fn encode_into<E: DomElement>(
    element: &E,
    parent: Option<usize>,
    copy: &Copy<'_, E>,
    records: &mut Vec<String>,
    found: &mut [String],
) {
    let at = records.len();
    let bits = copy
        .selectors
        .iter()
        .enumerate()
        .filter(|(_, s)| element.matches(s))
        .fold(0u32, |bits, (i, _)| bits | (1 << i));
    if let Some(m) = copy.marks.iter().position(|m| *m == element) {
        if let Some(slot) = found.get_mut(m) {
            *slot = at.to_string();
        }
    }
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let href = element.link_path().map(|p| clean(&p)).unwrap_or_default();
    let attribute = element
        .attr(copy.attribute)
        .map(|a| format!("-{}", clean(&a)))
        .unwrap_or_default();
    records.push(format!(
        "E{FIELD}{}{FIELD}{parent}{FIELD}{bits}{FIELD}{href}{FIELD}{attribute}",
        element.tag_name()
    ));
    for child in element.children() {
        match child {
            Child::Element(child) => encode_into(&child, Some(at), copy, records, found),
            Child::Text(text) => records.push(format!(
                "T{FIELD}{}{FIELD}{at}{FIELD}0{FIELD}{FIELD}",
                clean(&text)
            )),
        }
    }
}

/// The browser's helper: one call per card, which returns the copy that
/// [`encode`] describes. Generic: tags, text, the selectors and the
/// attribute it is given, the elements it is asked to find; nothing about
/// LinkedIn.
#[wasm_bindgen(inline_js = r#"
export function kindly_snapshot(root, selectors, attribute, marks) {
  const records = [];
  const found = marks.map(() => "");
  const clean = (t) => t.replace(/[\u0001\u0002]/g, " ");
  const visit = (el, parent) => {
    const at = records.length;
    let bits = 0;
    for (let s = 0; s < selectors.length; s++) if (el.matches(selectors[s])) bits |= 1 << s;
    const m = marks.indexOf(el);
    if (m >= 0) found[m] = String(at);
    const href = el instanceof HTMLAnchorElement ? clean(el.pathname) : "";
    const value = el.getAttribute(attribute);
    const attr = value === null ? "" : "-" + clean(value);
    records.push(`E\u0002${el.tagName}\u0002${parent}\u0002${bits}\u0002${href}\u0002${attr}`);
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) visit(c, at);
      else if (c.nodeType === 3) records.push(`T\u0002${clean(c.data)}\u0002${at}\u00020\u0002\u0002`);
    }
  };
  visit(root, "");
  return found.join(",") + "\u0001" + records.join("\u0001");
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn kindly_snapshot(
        root: &web_sys::Element,
        selectors: &js_sys::Array,
        attribute: &str,
        marks: &js_sys::Array,
    ) -> Result<String, wasm_bindgen::JsValue>;
}

/// Reads a card of the live page in one call into JavaScript (see the module).
pub fn read(card: &page::Card, lang: String) -> CardText {
    read_with(card, lang, |root, marks| {
        let selectors: js_sys::Array = page::READ_SELECTORS
            .iter()
            .map(|s| wasm_bindgen::JsValue::from_str(s))
            .collect();
        let marks: js_sys::Array = marks
            .iter()
            .map(|m| wasm_bindgen::JsValue::from(*m))
            .collect();
        kindly_snapshot(root, &selectors, page::READ_ATTRIBUTE, &marks).ok()
    })
}
