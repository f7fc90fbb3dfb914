//! The first run: the first time the popup opens, three questions make the
//! advice fit the user (their name, their field, their connection policy,
//! and whether they are open to new roles), and ask where Kindly shows (in
//! LinkedIn's page, or beside it). Skippable; answered or skipped,
//! it never comes back (`Profile::first_run_done`), and everything it asks
//! stays editable in Profile.

use super::state::{entries_of, focus, may_write, refresh, save, with_state, State};
use super::ui::{self, t};
use crate::dom::{self, node, DomResult, Node};
use kindly_core::profile_form::{self, FirstRun};
use kindly_core::store::{KEY_PROFILE, KEY_SETTINGS};
use kindly_core::{Profile, ShowKindly};
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlInputElement, HtmlSelectElement};

/// Shows the questions in `#welcome` while the first run is not done (and
/// the data may be written); hides them otherwise. Drawn once, so what the
/// person types survives the popup's re-renders.
pub fn render(doc: &Document, st: &State) -> DomResult<()> {
    let Some(area) = doc.get_element_by_id("welcome") else {
        return Ok(());
    };
    if st.data.profile.first_run_done || !st.writable {
        ui::clear(&area);
        area.set_attribute("hidden", "")?;
        return Ok(());
    }
    if area.has_child_nodes() {
        return Ok(());
    }
    area.remove_attribute("hidden")?;
    questions(&st.data.profile, &st.data.settings.show_kindly).add_to(&area)?;
    Ok(())
}

/// The form: name, field, policy, open to roles, where Kindly shows; save
/// or skip.
fn questions(p: &Profile, show: &ShowKindly) -> Node {
    node("section")
        .class("welcome")
        .attr("aria-labelledby", "welcome-h")
        .child(node("h2").text(&t("welcome_title")).attr("id", "welcome-h"))
        .child(ui::hint(&t("welcome_intro")))
        .child(ui::field(
            "welcome-name",
            &t("field_name"),
            ui::input("welcome-name", "text", &p.name).attr("autocomplete", "name"),
        ))
        .child(ui::field(
            "welcome-field",
            &t("welcome_field"),
            ui::input("welcome-field", "text", &p.industries.join(", "))
                .attr("aria-describedby", "welcome-field-hint"),
        ))
        .child(ui::hint(&t("welcome_field_hint")).attr("id", "welcome-field-hint"))
        .child(ui::field(
            "welcome-policy",
            &t("field_policy"),
            super::profile::policy_select("welcome-policy", p.policy),
        ))
        .child(ui::check(
            "welcome-roles",
            &t("field_open_to_roles"),
            ui::tick("welcome-roles", p.open_to_roles),
        ))
        .child(ui::field(
            "welcome-show",
            &t("field_show"),
            ui::select(
                "welcome-show",
                &super::profile::show_choices(),
                &ui::name_of(show),
            )
            .attr("aria-describedby", "welcome-show-hint"),
        ))
        .child(ui::hint(&t("show_hint")).attr("id", "welcome-show-hint"))
        .child(ui::buttons([
            ui::button(&t("welcome_save"), "welcome-save", "")
                .class("primary")
                .attr("id", "welcome-save"),
            ui::button(&t("welcome_skip"), "welcome-skip", "").attr("id", "welcome-skip"),
        ]))
}

fn value_of(doc: &Document, id: &str) -> String {
    let Some(e) = doc.get_element_by_id(id) else {
        return String::new();
    };
    e.dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
        .or_else(|| {
            e.dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value)
        })
        .unwrap_or_default()
}

fn checked(doc: &Document, id: &str) -> bool {
    doc.get_element_by_id(id)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

pub fn click(act: &str, _id: &str) -> DomResult<bool> {
    let answered = match act {
        "welcome-save" => true,
        "welcome-skip" => false,
        _ => return Ok(false),
    };
    let doc = dom::document()?;
    let name = value_of(&doc, "welcome-name");
    let field = value_of(&doc, "welcome-field");
    let policy = value_of(&doc, "welcome-policy");
    let roles = checked(&doc, "welcome-roles");
    let show = value_of(&doc, "welcome-show");
    with_state(|st: &mut State| {
        if !may_write(st) {
            return;
        }
        let answers = answered.then_some(FirstRun {
            name: &name,
            field: &field,
            policy: &policy,
            open_to_roles: roles,
        });
        profile_form::finish_first_run(&mut st.data.profile, answers);
        if answered {
            st.data.settings.show_kindly = profile_form::show_kindly(&show);
        }
        let set = entries_of(&st.data, |k| k == KEY_PROFILE || k == KEY_SETTINGS);
        let done = if answered {
            t("welcome_saved")
        } else {
            t("welcome_skipped")
        };
        save(st, set, Vec::new(), done);
    });
    refresh()?;
    focus("tab-templates");
    Ok(true)
}
