//! The page adapter's `DomElement` over `scraper`'s parsed HTML, so the
//! browser code runs natively on the fixtures. It follows the DOM where the
//! adapter can tell the difference: a `<template>`'s content is not part of
//! the document, `tagName` is upper case for HTML elements only, and an
//! `<a>`'s path is resolved against the page's URL and percent-encoded like
//! `HTMLAnchorElement.pathname`.
//!
//! Shared by `tests/extraction.rs`, `tests/outgoing.rs` and
//! `examples/read_page.rs`, each of which uses part of it.
//!
//! The one lint exception outside `.clippy.toml` and the workspace's
//! `[lints]`, and why it stays: each of those three crates compiles its own
//! copy of this file and uses a different part, and `dead_code` is judged
//! per crate. Cargo's lint tables cannot scope a lint to one file, and
//! splitting the adapter by user would only spread it over more files.
#![allow(dead_code)]

use kindly_web::markup::{Child, DomElement};
use scraper::node::Node;
use scraper::{ElementRef, Selector};
use std::cell::RefCell;
use std::collections::HashMap;

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The Received invitations page, where Kindly reads cards.
pub const RECEIVED: &str = "https://www.linkedin.com/mynetwork/invitation-manager/received/";

/// Days since the epoch, like the content script's `today()`.
pub fn today() -> kindly_core::Day {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| {
            kindly_core::Day::try_from(d.as_secs() / 86_400).unwrap_or(0)
        })
}

/// One element of a parsed page, with the URL the page is served at.
#[derive(Clone, Copy, Debug)]
pub struct ParsedElement<'a> {
    element: ElementRef<'a>,
    page_url: &'a str,
}

impl PartialEq for ParsedElement<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element
    }
}

impl<'a> ParsedElement<'a> {
    pub fn new(element: ElementRef<'a>, page_url: &'a str) -> Self {
        Self { element, page_url }
    }

    fn with(&self, element: ElementRef<'a>) -> Self {
        Self::new(element, self.page_url)
    }

    /// Descendants matching `selector`, in document order; `first` stops at
    /// the first one.
    fn select(&self, selector: &str, first: bool) -> Vec<Self> {
        let mut out = Vec::new();
        if let Some(selector) = selector_for(selector) {
            collect_matches(self.element, &selector, first, &mut out);
        }
        out.into_iter().map(|e| self.with(e)).collect()
    }
}

thread_local! {
    /// Parsed selectors: the adapter asks for the same few thousands of times.
    static SELECTORS: RefCell<HashMap<String, Option<Selector>>> = RefCell::new(HashMap::new());
}

fn selector_for(text: &str) -> Option<Selector> {
    SELECTORS.with(|cache| {
        cache
            .borrow_mut()
            .entry(text.to_owned())
            .or_insert_with(|| Selector::parse(text).ok())
            .clone()
    })
}

/// Element descendants of `node` matching `selector`. Only element children
/// are entered: a `<template>`'s content hangs below it as a document
/// fragment, which (as in the DOM) is not part of the tree searched.
fn collect_matches<'a>(
    parent: ElementRef<'a>,
    selector: &Selector,
    first: bool,
    out: &mut Vec<ElementRef<'a>>,
) {
    for element in parent.children().filter_map(ElementRef::wrap) {
        if first && !out.is_empty() {
            return;
        }
        if selector.matches(&element) {
            out.push(element);
        }
        collect_matches(element, selector, first, out);
    }
}

/// `textContent`: every text node below, template content left out.
fn collect_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(_) => {
                if let Some(element) = ElementRef::wrap(child) {
                    collect_text(element, out);
                }
            }
            _ => {}
        }
    }
}

impl DomElement for ParsedElement<'_> {
    fn select_all(&self, selector: &str) -> Vec<Self> {
        self.select(selector, false)
    }

    fn select_first(&self, selector: &str) -> Option<Self> {
        self.select(selector, true).into_iter().next()
    }

    fn closest(&self, selector: &str) -> Option<Self> {
        let selector = selector_for(selector)?;
        let mut current = Some(*self);
        while let Some(element) = current {
            if selector.matches(&element.element) {
                return Some(element);
            }
            current = element.parent();
        }
        None
    }

    fn matches(&self, selector: &str) -> bool {
        selector_for(selector).is_some_and(|s| s.matches(&self.element))
    }

    fn parent(&self) -> Option<Self> {
        self.element
            .parent()
            .and_then(ElementRef::wrap)
            .map(|p| self.with(p))
    }

    fn contains(&self, other: &Self) -> bool {
        other.element == self.element || other.element.ancestors().any(|a| a == *self.element)
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.element.attr(name).map(str::to_owned)
    }

    fn has_attr(&self, name: &str) -> bool {
        self.element.attr(name).is_some()
    }

    fn tag_name(&self) -> String {
        let name = &self.element.value().name;
        if &*name.ns == HTML_NS {
            name.local.to_string().to_ascii_uppercase()
        } else {
            name.local.to_string()
        }
    }

    fn text_content(&self) -> String {
        let mut out = String::new();
        collect_text(self.element, &mut out);
        out
    }

    fn children(&self) -> Vec<Child<Self>> {
        self.element
            .children()
            .filter_map(|child| match child.value() {
                Node::Text(text) => Some(Child::Text(text.to_string())),
                Node::Element(_) => ElementRef::wrap(child).map(|e| Child::Element(self.with(e))),
                _ => None,
            })
            .collect()
    }

    fn link_path(&self) -> Option<String> {
        let name = &self.element.value().name;
        if &*name.ns != HTML_NS || &*name.local != "a" {
            return None; // an SVG `<a>` is no HTMLAnchorElement
        }
        // `pathname` of an `<a>` without href is "": the adapter asks only
        // `a[href]`, so that case never comes up.
        let href = self.element.attr("href")?;
        Some(pathname(href, self.page_url))
    }

    fn is_connected(&self) -> bool {
        self.element
            .ancestors()
            .last()
            .is_some_and(|root| root.value().is_document())
    }

    fn id(&self) -> String {
        self.element.attr("id").unwrap_or_default().to_owned()
    }

    /// Declarative shadow DOM, as browsers parse it: a `<template
    /// shadowrootmode="open">` child is the element's open shadow root (the
    /// parser keeps it as a template, whose content is not searched from
    /// the document, as a shadow root's is not).
    fn shadow_children(&self) -> Vec<Self> {
        self.element
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|t| {
                &*t.value().name.local == "template" && t.attr("shadowrootmode") == Some("open")
            })
            .flat_map(|t| {
                t.children()
                    .filter(|c| c.value().is_fragment())
                    .flat_map(|fragment| fragment.children().filter_map(ElementRef::wrap))
            })
            .map(|e| self.with(e))
            .collect()
    }

    /// An `<iframe srcdoc>`: its document, parsed once (and kept for the
    /// test's life). Frames loaded from a URL are not fetched: `None`.
    fn frame_root(&self) -> Option<Self> {
        if &*self.element.value().name.local != "iframe" {
            return None;
        }
        let srcdoc = self.element.attr("srcdoc")?;
        let document: &'static scraper::Html = FRAMES.with(|frames| {
            *frames
                .borrow_mut()
                .entry(srcdoc.to_owned())
                .or_insert_with(|| Box::leak(Box::new(scraper::Html::parse_document(srcdoc))))
        });
        Some(self.with(document.root_element()))
    }
}

thread_local! {
    /// Frames' documents by their `srcdoc`, parsed once per test thread.
    static FRAMES: RefCell<HashMap<String, &'static scraper::Html>> = RefCell::new(HashMap::new());
}

/// The `pathname` of `href` resolved against `base` (an absolute http(s)
/// URL), as Chromium gives it: dot segments removed, backslashes read as
/// slashes, and controls, space, `"`, `<`, `>`, `^`, `` ` ``, `{`, `|`, `}`
/// and non-ASCII bytes percent-encoded; `%` escapes stay as they are. Not a full URL parser: enough for http(s) links and for opaque
/// ones such as `javascript:` or `mailto:`.
pub fn pathname(href: &str, base: &str) -> String {
    let href: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if let Some((scheme, rest)) = split_scheme(&href) {
        if !is_special(scheme) {
            // An opaque path (`javascript:alert(1)` → "alert(1)").
            let path = rest.split(['?', '#']).next().unwrap_or_default();
            return encode(path, |b| !(0x20..=0x7E).contains(&b));
        }
        if let Some(after) = rest.strip_prefix(['/', '\\']) {
            return after_authority(after);
        }
        // "https:foo" is relative to a base of the same scheme.
        return relative(rest, base);
    }
    relative(&href, base)
}

/// For `//host/path…` (one slash already taken): the normalised path.
fn after_authority(rest: &str) -> String {
    let rest = rest.trim_start_matches(['/', '\\']);
    let path_start = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let path = rest.get(path_start..).unwrap_or_default();
    if path.starts_with(['/', '\\']) {
        normalise(path)
    } else {
        "/".to_owned()
    }
}

fn relative(href: &str, base: &str) -> String {
    let base_path = pathname_of_absolute(base);
    if href.starts_with(['/', '\\']) {
        if href.get(1..).is_some_and(|r| r.starts_with(['/', '\\'])) {
            return after_authority(href.get(1..).unwrap_or_default());
        }
        return normalise(href);
    }
    let path = href.split(['?', '#']).next().unwrap_or_default();
    if path.is_empty() {
        return base_path; // "", "?q", "#top": the page's own path
    }
    let dir = base_path
        .rfind('/')
        .and_then(|i| base_path.get(..=i))
        .unwrap_or("/");
    normalise(&format!("{dir}{path}"))
}

fn pathname_of_absolute(url: &str) -> String {
    match split_scheme(url).and_then(|(_, rest)| rest.strip_prefix(['/', '\\'])) {
        Some(after) => after_authority(after),
        None => "/".to_owned(),
    }
}

/// `path` starts with a slash; cut at `?`/`#`, dot segments resolved,
/// each segment percent-encoded.
fn normalise(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let raw: Vec<&str> = path.split(['/', '\\']).skip(1).collect();
    let mut segments: Vec<String> = Vec::new();
    for (i, segment) in raw.iter().enumerate() {
        let last = i + 1 == raw.len();
        let lower = segment.to_ascii_lowercase();
        if matches!(lower.as_str(), ".." | ".%2e" | "%2e." | "%2e%2e") {
            segments.pop();
            if last {
                segments.push(String::new());
            }
        } else if matches!(lower.as_str(), "." | "%2e") {
            if last {
                segments.push(String::new());
            }
        } else {
            segments.push(encode(segment, |b| {
                !(0x20..=0x7E).contains(&b) || b" \"#<>?^`{|}".contains(&b)
            }));
        }
    }
    if segments.is_empty() {
        return "/".to_owned();
    }
    format!("/{}", segments.join("/"))
}

fn encode(text: &str, escape: impl Fn(u8) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if escape(byte) {
            out.push_str(&format!("%{byte:02X}"));
        } else {
            out.push(char::from(byte));
        }
    }
    out
}

fn split_scheme(url: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

fn is_special(scheme: &str) -> bool {
    ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|s| s.eq_ignore_ascii_case(scheme))
}

/// The page as tomorrow's redesign might serve it: none of the hints an
/// era's fast path looks for (classes, test ids, component keys, view names,
/// element ids, a name in a `strong`, list items bounding cards), no
/// `<html lang>` to say which words to expect, no `aria-label` (controls
/// announce only their text), buttons drawn as `div role="button"`, and
/// every control and link inside a wrapper of its own.
/// What is left is what the generic strategy reads: roles, labels, link
/// shapes and text.
pub fn without_era_hints(html: &str) -> String {
    let mut out = html.to_string();
    for attr in [
        "class",
        "data-testid",
        "componentkey",
        "data-view-name",
        "id",
        "lang",
        "aria-label",
    ] {
        out = strip_attribute(&out, attr);
    }
    for tag in ["button", "a"] {
        out = out
            .replace(&format!("<{tag}>"), &format!("<{tag} >"))
            .replace(&format!("<{tag} "), &format!("<span><{tag} "))
            .replace(&format!("</{tag}>"), &format!("</{tag}></span>"));
    }
    // Names not in a `strong`, buttons drawn as ARIA buttons, no list
    // markup to bound a card.
    out = out
        .replace(" role=\"listitem\"", "")
        .replace(" role=\"list\"", "");
    for (from, to) in [
        ("strong", "span"),
        ("li", "div"),
        ("ul", "div"),
        ("article", "div"),
    ] {
        out = out
            .replace(&format!("<{from}>"), &format!("<{to}>"))
            .replace(&format!("<{from} "), &format!("<{to} "))
            .replace(&format!("</{from}>"), &format!("</{to}>"));
    }
    out.replace("<button ", "<div role=\"button\" tabindex=\"0\" ")
        .replace("</button>", "</div>")
}

/// `html` without any ` attr="…"` (the fixtures quote every attribute).
fn strip_attribute(html: &str, attr: &str) -> String {
    let needle = format!(" {attr}=\"");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        out.push_str(rest.get(..at).unwrap_or_default());
        let value = rest.get(at + needle.len()..).unwrap_or_default();
        // No closing quote: the rest is the value.
        let end = value.find('"').map_or(value.len(), |e| e + 1);
        rest = value.get(end..).unwrap_or_default();
    }
    out.push_str(rest);
    assert!(!out.contains(&format!(" {attr}=")), "{attr} left unquoted");
    out
}
