//! The first run in a panel: when the user has not yet answered (or
//! skipped) the popup's three questions, the first panel drawn on the page
//! asks them in place (name, field, connection policy), so the advice fits
//! them from the first card. Skippable; answered or skipped in either place,
//! it is gone for good (`Profile::first_run_done`).

use crate::chrome::message;
use crate::dom::{append, el, on, DomResult};
use crate::intent::{emit, FirstRunAnswers, Intent};
use kindly_core::{Policy, Profile};
use std::cell::Cell;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

thread_local! {
    /// Asked in one panel per page, not in every one.
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Adds the questions to `body` when they are due and not asked yet on
/// this page.
pub fn ask(doc: &Document, body: &Element, profile: &Profile) -> DomResult<()> {
    if profile.first_run_done || ASKED.with(|a| a.replace(true)) {
        return Ok(());
    }
    let form = append(
        body,
        el(
            doc,
            "div",
            &[
                ("data-kindly", "first-run"),
                ("class", "first-run"),
                ("role", "group"),
                ("aria-labelledby", "kindly-first-run"),
            ],
            None,
        )?,
    )?;
    append(
        &form,
        el(
            doc,
            "p",
            &[("id", "kindly-first-run"), ("class", "first-run-title")],
            Some(&message(
                "first_run_intro",
                &[],
                "Kindly does not know your field or whom you connect with yet, so this advice is general. Tell it now (it stays on this device):",
            )),
        )?,
    )?;
    let name = field(
        doc,
        &form,
        "kindly-fr-name",
        &message("first_run_name", &[], "Your name"),
    )?;
    name.set_value(&profile.name);
    let field_input = field(
        doc,
        &form,
        "kindly-fr-field",
        &message("first_run_field", &[], "Your field (e.g. software, design)"),
    )?;
    field_input.set_value(&profile.industries.join(", "));
    append(
        &form,
        el(
            doc,
            "label",
            &[("for", "kindly-fr-policy")],
            Some(&message("first_run_policy", &[], "Whom you connect with")),
        )?,
    )?;
    let policy: HtmlSelectElement = append(
        &form,
        el(doc, "select", &[("id", "kindly-fr-policy")], None)?,
    )?
    .dyn_into()?;
    for (value, key, english) in [
        (
            "know_well_only",
            "first_run_know_well_only",
            "Only people I know well",
        ),
        (
            "industry_focused",
            "first_run_industry_focused",
            "People in my field",
        ),
        (
            "open_networker",
            "first_run_open_networker",
            "Anyone (open networker)",
        ),
    ] {
        let option = append(
            &policy,
            el(
                doc,
                "option",
                &[("value", value)],
                Some(&message(key, &[], english)),
            )?,
        )?;
        if value == policy_value(profile.policy) {
            option.set_attribute("selected", "")?;
        }
    }
    let buttons = append(&form, el(doc, "div", &[("class", "buttons")], None)?)?;
    let save = append(
        &buttons,
        el(
            doc,
            "button",
            &[
                ("type", "button"),
                ("class", "primary"),
                ("data-kindly", "first-run-save"),
            ],
            Some(&message("first_run_save", &[], "Save")),
        )?,
    )?;
    let skip = append(
        &buttons,
        el(
            doc,
            "button",
            &[("type", "button"), ("data-kindly", "first-run-skip")],
            Some(&message("first_run_skip", &[], "Skip")),
        )?,
    )?;
    // `on` ignores clicks a script made: the page cannot answer for the
    // person.
    on(&save, "click", move || {
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
    })?;
    on(&skip, "click", || {
        emit(Intent::FinishFirstRun { answers: None });
    })?;
    Ok(())
}

fn policy_value(policy: Policy) -> &'static str {
    match policy {
        Policy::KnowWellOnly => "know_well_only",
        Policy::IndustryFocused => "industry_focused",
        Policy::OpenNetworker => "open_networker",
    }
}

/// A labelled text input.
fn field(doc: &Document, form: &Element, id: &str, label: &str) -> DomResult<HtmlInputElement> {
    append(form, el(doc, "label", &[("for", id)], Some(label))?)?;
    let input: HtmlInputElement = append(
        form,
        el(
            doc,
            "input",
            &[("id", id), ("type", "text"), ("dir", "auto")],
            None,
        )?,
    )?
    .dyn_into()?;
    Ok(input)
}
