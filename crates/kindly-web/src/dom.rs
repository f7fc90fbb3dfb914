//! Small, boring DOM helpers. Text goes in only through `textContent` and
//! attributes: nothing Kindly shows is ever parsed as HTML.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

pub type DomResult<T> = Result<T, JsValue>;

pub fn document() -> DomResult<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

thread_local! {
    /// The document the builder creates elements in: one per realm.
    static DOCUMENT: Option<Document> = web_sys::window().and_then(|w| w.document());
}

/// An element being built: tag, part, attributes, text, children and
/// listeners in one expression, ending with [`Node::build`] or
/// [`Node::add_to`]. The first failed DOM call is kept and returned at the
/// end, so a chain needs no `?` at every step.
#[must_use = "a node does nothing until built or added"]
pub struct Node(DomResult<Element>);

/// Starts an element `<tag>`.
pub fn node(tag: &str) -> Node {
    Node(DOCUMENT.with(|doc| match doc {
        Some(doc) => doc.create_element(tag),
        None => Err(JsValue::from_str("no document")),
    }))
}

impl Node {
    fn then(self, f: impl FnOnce(&Element) -> DomResult<()>) -> Node {
        Node(self.0.and_then(|element| f(&element).map(|()| element)))
    }

    /// Marks it as Kindly's part `name` (see [`crate::parts`]).
    pub fn part(self, name: &str) -> Node {
        self.attr(crate::parts::PART, name)
    }

    /// Sets its class.
    pub fn class(self, class: &str) -> Node {
        self.attr("class", class)
    }

    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> Node {
        self.then(|e| e.set_attribute(name, value))
    }

    /// Sets a boolean attribute (`hidden`, `checked`) when `on`.
    pub fn flag(self, name: &str, on: bool) -> Node {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Sets its text (as text: never parsed as HTML).
    pub fn text(self, text: &str) -> Node {
        self.then(|e| {
            e.set_text_content(Some(text));
            Ok(())
        })
    }

    /// Appends a child being built.
    pub fn child(self, child: Node) -> Node {
        self.then(|e| child.add_to(e).map(|_| ()))
    }

    /// Appends children being built, in order.
    pub fn children(self, children: impl IntoIterator<Item = Node>) -> Node {
        children.into_iter().fold(self, Node::child)
    }

    /// Appends an element built already (one a listener needs to hold).
    pub fn holding(self, child: &Element) -> Node {
        self.then(|e| e.append_child(child).map(|_| ()))
    }

    /// Sets its `value` property (what an input, a select or a textarea
    /// holds), after its options for a select.
    #[cfg(feature = "popup")]
    pub fn value(self, value: &str) -> Node {
        self.then(|e| {
            js_sys::Reflect::set(e, &JsValue::from_str("value"), &JsValue::from_str(value))
                .map(|_| ())
        })
    }

    /// Sets its `checked` property (a checkbox's state, as a click would).
    #[cfg(feature = "popup")]
    pub fn checked(self, checked: bool) -> Node {
        self.then(|e| {
            js_sys::Reflect::set(
                e,
                &JsValue::from_str("checked"),
                &JsValue::from_bool(checked),
            )
            .map(|_| ())
        })
    }

    /// Disables it when `disabled`.
    #[cfg(feature = "popup")]
    pub fn disabled(self, disabled: bool) -> Node {
        self.flag("disabled", disabled)
    }

    /// Runs `handler` on the element's trusted `event`s (see [`on`]).
    pub fn on(self, event: &str, handler: impl FnMut() + 'static) -> Node {
        self.then(|e| on(e, event, handler))
    }

    /// The element.
    pub fn build(self) -> DomResult<Element> {
        self.0
    }

    /// The element, as the type its tag makes it (`HtmlTextAreaElement`).
    pub fn build_as<T: JsCast>(self) -> DomResult<T> {
        self.0?.dyn_into::<T>().map_err(JsValue::from)
    }

    /// Appends the element to `parent` and returns it.
    pub fn add_to(self, parent: &Element) -> DomResult<Element> {
        let element = self.0?;
        parent.append_child(&element)?;
        Ok(element)
    }
}

/// Reports a DOM call that failed where nothing can be done about it (in
/// a listener, or a finishing touch): a warning in the console, so it is
/// seen while developing and never breaks what the person is doing.
pub fn report(result: DomResult<()>) {
    if let Err(err) = result {
        web_sys::console::warn_2(&JsValue::from_str("Kindly:"), &err);
    }
}

/// Now, in milliseconds since the epoch: the stamp of new template ids.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// How two elements sort in document order (for `sort_by`).
pub fn document_order(a: &Element, b: &Element) -> std::cmp::Ordering {
    let position = a.compare_document_position(b);
    if position & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0 {
        std::cmp::Ordering::Less
    } else if position & web_sys::Node::DOCUMENT_POSITION_PRECEDING != 0 {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// Today, in days since 1970-01-01 (UTC).
pub fn today() -> kindly_core::Day {
    kindly_core::days::day_of(js_sys::Date::now())
}

/// Attaches a click (or other) listener that lives as long as the node.
/// Events a script made (`isTrusted` false) are ignored: the page can
/// dispatch a `click` or a `change` on any node, and must not drive Kindly.
pub fn on(target: &Element, event: &str, mut handler: impl FnMut() + 'static) -> DomResult<()> {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if event.is_trusted() {
            handler();
        }
    });
    target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())?;
    // Freed with the page; one per control.
    closure.forget();
    Ok(())
}

pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The elements of a `NodeList` (other node kinds skipped), in order.
pub fn elements(list: web_sys::NodeList) -> impl Iterator<Item = Element> {
    (0..list.length()).filter_map(move |i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
}

/// `element`'s computed style (`getComputedStyle`); `None` where the
/// browser gives none.
pub fn computed_style(element: &Element) -> Option<web_sys::CssStyleDeclaration> {
    web_sys::window()?
        .get_computed_style(element)
        .ok()
        .flatten()
}
