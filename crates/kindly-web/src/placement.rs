//! Where a card's panel goes: inside the card, after its parts, on a row of
//! its own. The panel's CSS takes a full row in a block, a wrapping flex
//! container or a grid; a flex row that does not wrap has no second row, and
//! the panel would sit squeezed beside the card's avatar, text and buttons.
//! Such a card gets its panel in the nearest wrapper around it that holds
//! nothing else (LinkedIn wraps every card in a few): still inside the card's
//! own part of the list, right after its row. Kindly never restyles the
//! page's elements to make room.

use crate::dom;
use crate::shape;
use std::cell::RefCell;
use web_sys::Element;

thread_local! {
    /// How elements of a class lay out their children. Cards of a list share
    /// their classes, so styles are read once per list, not once per card
    /// (right after a marker went in, each read costs the browser a style
    /// pass). A list, not a map: a page has a class or two of cards.
    static LAYOUT_BY_CLASS: RefCell<Vec<(String, Layout)>> = const { RefCell::new(Vec::new()) };
}

/// Classes remembered at most.
const MAX_CLASSES: usize = 16;

/// How many wrappers up a panel may go.
const MAX_CLIMB: usize = 6;

/// The element to hold the panel of the card rooted at `root`: `root`,
/// unless it is a one-line row; then the nearest wrapper with a box of its
/// own that holds nothing but the card (through wrappers without a box), if
/// there is one.
pub fn holder(root: &Element) -> Element {
    if !Layout::of(root).one_line {
        return root.clone();
    }
    let mut holder = root.clone();
    for _ in 0..MAX_CLIMB {
        if !holds_only(&holder) {
            break;
        }
        let Some(parent) = holder.parent_element() else {
            break;
        };
        if parent.matches(shape::PAGE_CHROME).unwrap_or(true) {
            break;
        }
        let layout = Layout::of(&parent);
        if !layout.one_line && !layout.boxless {
            return parent;
        }
        holder = parent;
    }
    // No such wrapper: squeezed beside the card's parts is still better
    // than in a box-less wrapper, which is never seen near the view.
    root.clone()
}

/// Whether `element` is its parent's only element, Kindly's panel aside.
fn holds_only(element: &Element) -> bool {
    element.previous_element_sibling().is_none()
        && element
            .next_element_sibling()
            .is_none_or(|next| crate::hosts::is_host(&next))
}

#[derive(Clone, Copy, Default)]
struct Layout {
    /// A flex row that does not wrap.
    one_line: bool,
    /// `display: contents`: no box of its own.
    boxless: bool,
}

impl Layout {
    fn of(element: &Element) -> Layout {
        let class = element.get_attribute("class").unwrap_or_default();
        if !class.is_empty() {
            let known = LAYOUT_BY_CLASS.with(|c| {
                c.borrow()
                    .iter()
                    .find(|(k, _)| *k == class)
                    .map(|(_, l)| *l)
            });
            if let Some(known) = known {
                return known;
            }
        }
        let layout = Layout::read(element).unwrap_or_default();
        if !class.is_empty() {
            LAYOUT_BY_CLASS.with(|c| {
                // Classes made per card would make the list a cost of its own.
                if c.borrow().len() < MAX_CLASSES {
                    c.borrow_mut().push((class, layout));
                }
            });
        }
        layout
    }

    fn read(element: &Element) -> Option<Layout> {
        let style = dom::computed_style(element)?;
        let value = |name: &str| style.get_property_value(name).unwrap_or_default();
        let display = value("display");
        Some(Layout {
            one_line: matches!(display.as_str(), "flex" | "inline-flex")
                && value("flex-direction").starts_with("row")
                && value("flex-wrap") == "nowrap",
            boxless: display == "contents",
        })
    }
}
