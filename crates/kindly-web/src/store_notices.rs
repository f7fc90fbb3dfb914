//! What a panel says about the stored data behind it, outside what the
//! person asked for: an edit of theirs that another tab or the popup wrote
//! over since (the panel shows the newer value, and this says why it
//! changed under them).

use crate::dom::{self, node};
use crate::parts;
use crate::ui_text;
use web_sys::Element;

/// The line saying the person's edit here was replaced from elsewhere.
pub fn changed_elsewhere() -> dom::Node {
    node("p")
        .part(parts::CHANGED_ELSEWHERE)
        .class("warn")
        .attr("role", "status")
        .text(&ui_text::text("changed_elsewhere", &[]))
}

/// Takes the line away from the panel holding `part` once the person edits
/// there again: their value is the last word now.
pub fn settle(part: &Element) {
    if let Some(line) = parts::in_same(part, parts::PANEL, parts::CHANGED_ELSEWHERE) {
        line.remove();
    }
}
