//! What the page adapter reads from a DOM element, as a trait: the browser's
//! `web_sys::Element` in the extension, an HTML parser's element in native
//! tests. The methods mirror the DOM calls `page` makes, one for one, so the
//! browser pays nothing for the indirection.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, HtmlIFrameElement, Node};

/// One child node worth reading: text, or an element. Comments and other
/// node kinds are left out.
pub enum Child<E> {
    Text(String),
    Element(E),
}

/// A DOM element, as far as the page adapter reads one. Selector methods
/// take CSS selectors; an invalid one matches nothing (never panics).
pub trait DomElement: Clone + PartialEq {
    /// Descendants matching `selector`, in document order (`querySelectorAll`).
    fn select_all(&self, selector: &str) -> Vec<Self>;
    /// The first descendant matching `selector` (`querySelector`).
    fn select_first(&self, selector: &str) -> Option<Self>;
    /// This element or its nearest ancestor matching `selector` (`closest`).
    fn closest(&self, selector: &str) -> Option<Self>;
    /// Whether this element matches `selector` (`matches`).
    fn matches(&self, selector: &str) -> bool;
    /// The parent element (`parentElement`).
    fn parent(&self) -> Option<Self>;
    /// Whether `other` is this element or one of its descendants (`contains`).
    fn contains(&self, other: &Self) -> bool;
    /// An attribute's value (`getAttribute`).
    fn attr(&self, name: &str) -> Option<String>;
    /// Whether the attribute is present (`hasAttribute`).
    fn has_attr(&self, name: &str) -> bool;
    /// The DOM's `tagName`: upper case for HTML elements ("DIV"), as written
    /// for SVG and MathML ones ("svg").
    fn tag_name(&self) -> String;
    /// All text below this element (`textContent`).
    fn text_content(&self) -> String;
    /// The child nodes, in order (`childNodes`), text and elements only.
    fn children(&self) -> Vec<Child<Self>>;
    /// For an HTML `<a>`: its URL's path, resolved against the page and
    /// percent-encoded (`HTMLAnchorElement.pathname`). `None` for any
    /// other element.
    fn link_path(&self) -> Option<String>;
    /// Whether the element is in the document (`isConnected`).
    fn is_connected(&self) -> bool;
    /// The `id` attribute, empty when absent (`id`).
    fn id(&self) -> String;
    /// The element children of its open shadow root (`shadowRoot.children`);
    /// empty without one. A closed root is not seen, as in the browser.
    fn shadow_children(&self) -> Vec<Self>;
    /// For a same-origin `<iframe>`: its document's root element
    /// (`contentDocument.documentElement`); `None` for anything else.
    fn frame_root(&self) -> Option<Self>;
}

impl DomElement for Element {
    fn select_all(&self, selector: &str) -> Vec<Self> {
        let Ok(list) = self.query_selector_all(selector) else {
            return Vec::new();
        };
        // `querySelectorAll` lists elements only, so no `instanceof` check:
        // that keeps one JS call per match off this hot path.
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(JsCast::unchecked_into)
            .collect()
    }

    fn select_first(&self, selector: &str) -> Option<Self> {
        self.query_selector(selector).ok().flatten()
    }

    fn closest(&self, selector: &str) -> Option<Self> {
        Element::closest(self, selector).ok().flatten()
    }

    fn matches(&self, selector: &str) -> bool {
        Element::matches(self, selector).unwrap_or(false)
    }

    fn parent(&self) -> Option<Self> {
        self.parent_element()
    }

    fn contains(&self, other: &Self) -> bool {
        let other: &Node = other;
        Node::contains(self, Some(other))
    }

    fn attr(&self, name: &str) -> Option<String> {
        self.get_attribute(name)
    }

    fn has_attr(&self, name: &str) -> bool {
        self.has_attribute(name)
    }

    fn tag_name(&self) -> String {
        Element::tag_name(self)
    }

    fn text_content(&self) -> String {
        Node::text_content(self).unwrap_or_default()
    }

    fn children(&self) -> Vec<Child<Self>> {
        let nodes = self.child_nodes();
        (0..nodes.length())
            .filter_map(|i| {
                let node = nodes.item(i)?;
                match node.node_type() {
                    Node::TEXT_NODE => Some(Child::Text(node.text_content().unwrap_or_default())),
                    // An element node is an Element: no `instanceof` call.
                    Node::ELEMENT_NODE => Some(Child::Element(node.unchecked_into())),
                    _ => None,
                }
            })
            .collect()
    }

    fn link_path(&self) -> Option<String> {
        self.dyn_ref::<HtmlAnchorElement>().map(|a| a.pathname())
    }

    fn is_connected(&self) -> bool {
        Node::is_connected(self)
    }

    fn id(&self) -> String {
        Element::id(self)
    }

    fn shadow_children(&self) -> Vec<Self> {
        let Some(root) = self.shadow_root() else {
            return Vec::new();
        };
        let children = root.children();
        (0..children.length())
            .filter_map(|i| children.item(i))
            .collect()
    }

    fn frame_root(&self) -> Option<Self> {
        // A cross-origin frame has no `contentDocument`: `None`.
        self.dyn_ref::<HtmlIFrameElement>()?
            .content_document()?
            .document_element()
    }
}
