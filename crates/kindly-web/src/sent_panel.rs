//! A small panel on each row of LinkedIn's Sent tab: how long the
//! invitation has waited and, past the user's threshold, what to do about
//! it (withdraw it kindly, or reach them another way) with the reasons, as
//! `kindly_core::sent_advice` judges. Kindly never withdraws: LinkedIn's
//! Withdraw stays the person's to click.
//!
//! Like every Kindly panel, a bare `<div>` with a closed shadow root; its
//! sheet is the note strip's (one look for Kindly's small panels).

use crate::dom::{node, DomResult};
use crate::note_strip;
use crate::panel::reason_text;
use crate::parts;
use crate::ui_text;
use kindly_core::sent_advice::SentAdvice;
use web_sys::Element;

/// Draws the panel for the row `key` and puts it at the end of `row`.
pub fn draw(row: &Element, key: &str, advice: &SentAdvice) -> DomResult<Element> {
    let (_, host, section, head) = note_strip::small_panel(row, key, "sent")?;
    let action = advice.action.as_str();
    section.set_attribute(parts::SENT_ACTION_ATTR, action)?;
    node("span")
        .part(parts::SENT_ACTION)
        .text(&ui_text::text(&format!("sent_action_{action}"), &[]))
        .add_to(&head)?;
    node("ul")
        .class("hints")
        .part(parts::REASONS)
        .children(advice.reasons.iter().map(|reason| {
            node("li")
                .class("info")
                .attr(parts::SENT_REASON_ID, &reason.id)
                .text(&reason_text(reason))
        }))
        .add_to(&section)?;
    row.append_child(&host)?;
    Ok(host)
}
