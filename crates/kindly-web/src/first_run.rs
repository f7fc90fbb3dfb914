//! The first run in a panel: when the user has not yet answered (or
//! skipped) the popup's three questions, the first panel drawn on the page
//! asks them in place (name, field, connection policy), so the advice fits
//! them from the first card. Skippable; answered or skipped in either place,
//! it is gone for good (`Profile::first_run_done`).

use crate::dom::{self, node, DomResult};
use crate::intent::{emit, FirstRunAnswers, Intent};
use crate::parts;
use crate::ui_text;
use kindly_core::{Policy, Profile};
use std::cell::Cell;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

thread_local! {
    /// Asked in one panel per page, not in every one.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Adds the questions to `body` when they are due and not asked yet on
/// this page.
pub fn ask(body: &Element, profile: &Profile) -> DomResult<()> {
    if profile.first_run_done || ASKED.with(|a| a.replace(true)) {
        return Ok(());
    }
    let name = text_input("kindly-fr-name", &profile.name)?;
    let field_input = text_input("kindly-fr-field", &profile.industries.join(", "))?;
    let policies = [
        ("know_well_only", "first_run_know_well_only"),
        ("industry_focused", "first_run_industry_focused"),
        ("open_networker", "first_run_open_networker"),
    ]
    .into_iter()
    .map(|(value, key)| {
        node("option")
            .attr("value", value)
            .text(&ui_text::text(key, &[]))
            .flag("selected", value == policy_value(profile.policy))
    });
    let policy: HtmlSelectElement = node("select")
        .attr("id", "kindly-fr-policy")
        .children(policies)
        .build_as()?;
    // `on` ignores clicks a script made: the page cannot answer for the
    // person.
    let save = node("button")
        .attr("type", "button")
        .class("primary")
        .part(parts::FIRST_RUN_SAVE)
        .text(&ui_text::text("first_run_save", &[]))
        .on("click", {
            let (name, field_input, policy) = (name.clone(), field_input.clone(), policy.clone());
            move || {
                emit(Intent::FinishFirstRun {
                    answers: Some(FirstRunAnswers {
                        name: name.value(),
                        field: field_input.value(),
                        policy: match policy.value().as_str() {
                            "know_well_only" => Policy::KnowWellOnly,
                            "open_networker" => Policy::OpenNetworker,
                            _ => Policy::IndustryFocused,
                        },
                    }),
                });
            }
        });
    let skip = node("button")
        .attr("type", "button")
        .part(parts::FIRST_RUN_SKIP)
        .text(&ui_text::text("first_run_skip", &[]))
        .on("click", || {
            emit(Intent::FinishFirstRun { answers: None });
        });
    node("div")
        .part(parts::FIRST_RUN)
        .class("first-run")
        .attr("role", "group")
        .attr("aria-labelledby", "kindly-first-run")
        .child(
            node("p")
                .attr("id", "kindly-first-run")
                .class("first-run-title")
                .text(&ui_text::text("first_run_intro", &[])),
        )
        .child(label(
            "kindly-fr-name",
            &ui_text::text("first_run_name", &[]),
        ))
        .holding(&name)
        .child(label(
            "kindly-fr-field",
            &ui_text::text("first_run_field", &[]),
        ))
        .holding(&field_input)
        .child(label(
            "kindly-fr-policy",
            &ui_text::text("first_run_policy", &[]),
        ))
        .holding(&policy)
        .child(node("div").class("buttons").child(save).child(skip))
        .add_to(body)?;
    Ok(())
}

fn policy_value(policy: Policy) -> &'static str {
    match policy {
        Policy::KnowWellOnly => "know_well_only",
        Policy::IndustryFocused => "industry_focused",
        Policy::OpenNetworker => "open_networker",
    }
}

/// The label of the control `id`.
fn label(id: &str, text: &str) -> dom::Node {
    node("label").attr("for", id).text(text)
}

/// A text input holding `value`.
fn text_input(id: &str, value: &str) -> DomResult<HtmlInputElement> {
    let input: HtmlInputElement = node("input")
        .attr("id", id)
        .attr("type", "text")
        .attr("dir", "auto")
        .build_as()?;
    input.set_value(value);
    Ok(input)
}
