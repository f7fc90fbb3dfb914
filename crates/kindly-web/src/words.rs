//! The words a page element shows: a control's label (its `aria-label`,
//! else its short text) and a name's text without icons and controls. Both
//! the page adapter (`page`) and the reading by shape (`shape`) use them,
//! so they sit below both.

use crate::dom::collapse_whitespace;
use crate::markup::{Child, DomElement};

/// Button text longer than this is content, not a control's label.
pub(crate) const MAX_CONTROL_TEXT: usize = 60;

/// The label a control announces: its aria-label, else its (short) text.
pub fn control_label<E: DomElement>(control: &E) -> String {
    match control.attr(READ_ATTRIBUTE) {
        Some(label) if !label.trim().is_empty() => collapse_whitespace(&label),
        _ => {
            let text = collapse_whitespace(&control.text_content());
            if text.chars().count() > MAX_CONTROL_TEXT {
                String::new()
            } else {
                text
            }
        }
    }
}

/// A control and its label.
pub type Labelled<E> = (E, String);

/// The one attribute `page::read_card` reads of a card's elements (a control's
/// label, see [`control_label`]): a copy of the card carries it.
pub const READ_ATTRIBUTE: &str = "aria-label";

/// A name element's text without badges drawn as icons: its text nodes,
/// skipping what [`skip_element`] skips (icons such as `svg` and `img`,
/// scripts, controls, Kindly's panels). `aria-hidden` copies of the name
/// are not skipped here; the engine cleans repeated names.
pub fn name_text<E: DomElement>(element: &E) -> String {
    let mut out = String::new();
    collect_text(element, &mut out);
    collapse_whitespace(&out)
}

/// Appends the visible text under `element`, skipping controls (their words
/// are labels, not content: "Accept", "… see more"), icons, scripts and
/// Kindly's own panels.
fn collect_text<E: DomElement>(element: &E, out: &mut String) {
    for child in element.children() {
        match child {
            Child::Text(text) => out.push_str(&text),
            Child::Element(child) => {
                if skip_element(&child, &child.tag_name()) {
                    continue;
                }
                out.push(' ');
                collect_text(&child, out);
                out.push(' ');
            }
        }
    }
}

/// Whether `element` (whose `tagName` is `tag`) holds no content to read.
pub(crate) fn skip_element<E: DomElement>(element: &E, tag: &str) -> bool {
    matches!(
        tag,
        "SCRIPT"
            | "STYLE"
            | "TEMPLATE"
            | "svg"
            | "SVG"
            | "IMG"
            | "NOSCRIPT"
            | "BUTTON"
            | "SELECT"
            | "TEXTAREA"
    ) || element.matches(SKIPPED_BY_ATTRIBUTE)
}

/// Elements skipped for an attribute: buttons drawn with `role`. (Kindly's
/// panels need no skipping: their content is in closed shadow roots, which
/// no walk of the page's nodes enters.)
pub(crate) const SKIPPED_BY_ATTRIBUTE: &str = "[role=\"button\"]";
