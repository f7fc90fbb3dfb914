//! A small panel on each row of LinkedIn's Sent tab: how long the
//! invitation has waited and, past the user's threshold, what to do about
//! it (withdraw it kindly, or reach them another way) with the reasons, as
//! `kindly_core::sent_advice` judges. Kindly never withdraws: LinkedIn's
//! Withdraw stays the person's to click.
//!
//! Like every Kindly panel, a bare `<div>` with a closed shadow root; its
//! sheet is the note strip's (one look for Kindly's small panels).

use crate::dom::{append, el, DomResult};
use crate::note_strip;
use crate::panel::reason_text;
use kindly_core::sent_advice::{SentAction, SentAdvice};
use web_sys::Element;

/// Draws the panel for the row `key` and puts it at the end of `row`.
pub fn draw(row: &Element, key: &str, advice: &SentAdvice) -> DomResult<Element> {
    let (doc, host, section, head) = note_strip::small_panel(row, key, "sent")?;
    let action = advice.action.as_str();
    section.set_attribute("data-sent-action", action)?;
    let fallback = match advice.action {
        SentAction::Wait => "Waiting: give it time.",
        SentAction::Withdraw => "Consider withdrawing it, kindly.",
        SentAction::FollowUpElsewhere => "Reach them another way.",
    };
    append(
        &head,
        el(
            &doc,
            "span",
            &[("data-kindly", "sent-action")],
            Some(&crate::chrome::message(
                &format!("sent_action_{action}"),
                &[],
                fallback,
            )),
        )?,
    )?;
    let reasons = append(
        &section,
        el(
            &doc,
            "ul",
            &[("class", "hints"), ("data-kindly", "reasons")],
            None,
        )?,
    )?;
    for reason in &advice.reasons {
        append(
            &reasons,
            el(
                &doc,
                "li",
                &[("class", "info"), ("data-reason", &reason.id)],
                Some(&reason_text(reason)),
            )?,
        )?;
    }
    row.append_child(&host)?;
    Ok(host)
}
