//! The Profile tab: who the user is (for judging fit and filling
//! `{my_name}` / `{my_email}`), their preferences, and the panel's keyboard
//! shortcuts. Each field is saved when it is committed (`change`), and the
//! status line says so.

use super::editor::LANGUAGES;
use super::state::{entries_of, may_write, save, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{node, DomResult, Node};
use kindly_core::profile_form::{self, Number};
use kindly_core::store::{KEY_PROFILE, KEY_SETTINGS};
use kindly_core::{Policy, Profile, Settings};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement};

/// The panel's shortcuts on the invitations page (kept in step with
/// `content`/`panel`, which own them).
const SHORTCUTS: [(&str, &str); 3] = [
    ("Alt+Shift+J", "shortcut_next"),
    ("Alt+Shift+K", "shortcut_previous"),
    ("Alt+Shift+C", "shortcut_copy"),
];

/// The popup's own keys.
const POPUP_KEYS: [(&str, &str); 3] = [
    ("← → Home End", "shortcut_tabs"),
    ("Ctrl+Enter", "shortcut_save"),
    ("Esc", "shortcut_escape"),
];

pub fn render(_doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    about_you(&st.data.profile, ro).add_to(panel)?;
    your_network(&st.data.profile, ro).add_to(panel)?;
    preferences(&st.data.settings, ro).add_to(panel)?;
    shortcuts().add_to(panel)?;
    Ok(())
}

/// A `fieldset.group` under the legend `legend`.
fn group(legend: &str) -> Node {
    node("fieldset")
        .class("group")
        .child(node("legend").text(legend))
}

/// A text input that saves itself when committed (`data-change` = its id).
fn saved_input(id: &str, kind: &str, value: &str, ro: bool) -> Node {
    ui::input(id, kind, value)
        .attr("data-change", id)
        .disabled(ro)
}

/// A chooser that saves itself when changed.
fn saved_select(id: &str, options: &[(&str, String)], selected: &str, ro: bool) -> Node {
    ui::select(id, options, selected)
        .attr("data-change", id)
        .disabled(ro)
}

/// A checkbox that saves itself when changed.
fn saved_check(id: &str, label: &str, checked: bool, ro: bool) -> Node {
    ui::check(
        id,
        label,
        ui::tick(id, checked).attr("data-change", id).disabled(ro),
    )
}

/// Name, email, and the lists of industries, companies and schools.
fn about_you(p: &Profile, ro: bool) -> Node {
    let lists = [
        ("prof-industries", "field_industries", &p.industries),
        ("prof-companies", "field_companies", &p.companies),
        ("prof-schools", "field_schools", &p.schools),
    ]
    .map(|(id, key, list)| {
        ui::field(
            id,
            &t(key),
            saved_input(id, "text", &list.join(", "), ro)
                .attr("aria-describedby", "prof-list-hint"),
        )
    });
    group(&t("about_you"))
        .child(ui::field(
            "prof-name",
            &t("field_name"),
            saved_input("prof-name", "text", &p.name, ro).attr("autocomplete", "name"),
        ))
        .child(ui::field(
            "prof-email",
            &t("field_email"),
            saved_input("prof-email", "email", &p.email, ro)
                .attr("aria-describedby", "prof-email-hint")
                .attr("autocomplete", "email"),
        ))
        .child(ui::hint(&t("email_hint")).attr("id", "prof-email-hint"))
        .children(lists)
        .child(ui::hint(&t("list_hint")).attr("id", "prof-list-hint"))
}

/// The languages Kindly writes in, as chooser options.
fn language_options() -> impl Iterator<Item = (&'static str, String)> {
    LANGUAGES.iter().map(|l| (*l, t(&format!("lang_{l}"))))
}

/// Policy, account, languages, open to roles.
fn your_network(p: &Profile, ro: bool) -> Node {
    let accounts = [
        ("free", t("account_free")),
        ("premium", t("account_premium")),
    ];
    let langs: Vec<(&str, String)> = language_options().collect();
    let mut replies: Vec<(&str, String)> = vec![("", t("reply_language_follow"))];
    replies.extend(language_options());
    group(&t("your_network"))
        .child(ui::field(
            "prof-policy",
            &t("field_policy"),
            policy_select("prof-policy", p.policy)
                .attr("data-change", "prof-policy")
                .disabled(ro),
        ))
        .child(ui::field(
            "prof-account",
            &t("field_account"),
            saved_select("prof-account", &accounts, &ui::name_of(&p.account), ro),
        ))
        .child(ui::field(
            "prof-lang",
            &t("field_template_language"),
            saved_select("prof-lang", &langs, profile_form::template_language(p), ro),
        ))
        .child(ui::field(
            "prof-reply-lang",
            &t("field_reply_language"),
            saved_select("prof-reply-lang", &replies, &p.reply_language, ro)
                .attr("aria-describedby", "prof-reply-lang-hint"),
        ))
        .child(ui::hint(&t("reply_language_hint")).attr("id", "prof-reply-lang-hint"))
        .child(saved_check(
            "prof-roles",
            &t("field_open_to_roles"),
            p.open_to_roles,
            ro,
        ))
}

/// Collapsed panels, the weekly reminder, and the numbers.
fn preferences(s: &Settings, ro: bool) -> Node {
    let numbers = NUMBERS.iter().map(|(id, label, number)| {
        let range = number.range();
        ui::field(
            id,
            &t(label),
            saved_input(id, "number", &number.get(s).to_string(), ro)
                .attr("min", &range.start().to_string())
                .attr("max", &range.end().to_string())
                .attr("inputmode", "numeric"),
        )
    });
    let reminder = ui::check(
        "set-reminder",
        &t("field_reminder"),
        ui::tick("set-reminder", s.weekly_reminder)
            .attr("data-change", "set-reminder")
            .disabled(ro)
            .attr("role", "switch"),
    );
    group(&t("preferences"))
        .child(saved_check(
            "set-collapsed",
            &t("field_collapsed"),
            s.collapsed_by_default,
            ro,
        ))
        .child(ui::field(
            "set-show",
            &t("field_show"),
            saved_select(
                "set-show",
                &show_choices(),
                &ui::name_of(&s.show_kindly),
                ro,
            )
            .attr("aria-describedby", "set-show-hint"),
        ))
        .child(ui::hint(&t("show_hint")).attr("id", "set-show-hint"))
        .child(open_side_button())
        .child(reminder)
        .children(numbers)
}

/// The choices of where Kindly shows (Preferences and the first run).
pub fn show_choices() -> [(&'static str, String); 2] {
    [
        ("in_page", t("show_in_page")),
        ("beside_page", t("show_beside_page")),
    ]
}

/// "Open the side panel": `popup-entry.js` opens it in the click itself,
/// as both browsers require (a user gesture), so nothing here handles it.
pub fn open_side_button() -> Node {
    ui::buttons([ui::button(&t("open_side"), "open-side", "").attr("id", "open-side")])
}

/// The keyboard shortcuts of the panel and of the popup.
fn shortcuts() -> Node {
    node("section")
        .class("group shortcuts")
        .attr("aria-labelledby", "shortcuts-h")
        .child(node("h2").text(&t("shortcuts")).attr("id", "shortcuts-h"))
        .child(ui::hint(&t("shortcuts_panel")))
        .child(keys(&SHORTCUTS))
        .child(ui::hint(&t("shortcuts_popup")))
        .child(keys(&POPUP_KEYS))
}

/// A `<dl>` of key combinations and what they do.
fn keys(list: &[(&str, &str)]) -> Node {
    let rows = list.iter().flat_map(|(combo, key)| {
        [
            node("dt").child(node("kbd").text(combo)),
            node("dd").text(&t(key)),
        ]
    });
    node("dl").children(rows)
}

/// The connection-policy chooser (Profile and the first run).
pub fn policy_select(id: &str, policy: Policy) -> Node {
    let policies = [
        ("know_well_only", t("policy_know_well_only")),
        ("industry_focused", t("policy_industry_focused")),
        ("open_networker", t("policy_open_networker")),
    ];
    ui::select(id, &policies, &ui::name_of(&policy))
}

/// The settings typed as whole numbers, by input id and label key (their
/// bounds are the core's: [`Number::range`]).
const NUMBERS: [(&str, &str, Number); 3] = [
    ("set-limit", "field_message_limit", Number::MessageLimit),
    ("set-days", "field_history_days", Number::HistoryDays),
    (
        "set-withdraw",
        "field_withdraw_after",
        Number::WithdrawAfter,
    ),
];

pub fn change(act: &str, target: &Element) -> DomResult<bool> {
    if !act.starts_with("prof-") && !act.starts_with("set-") {
        return Ok(false);
    }
    let input = target.dyn_ref::<HtmlInputElement>();
    let value = input
        .map(HtmlInputElement::value)
        .or_else(|| {
            target
                .dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value)
        })
        .unwrap_or_default();
    let checked = input.is_some_and(HtmlInputElement::checked);
    let invalid = with_state(|st| -> Option<String> {
        if !may_write(st) {
            return None;
        }
        let p = &mut st.data.profile;
        let s = &mut st.data.settings;
        let is_profile = act.starts_with("prof-");
        match act {
            "prof-name" => p.name = value.trim().to_string(),
            "prof-email" => match profile_form::email(&value) {
                Some(email) => p.email = email,
                None => return Some(t("error_email")),
            },
            "prof-industries" => p.industries = profile_form::list(&value),
            "prof-companies" => p.companies = profile_form::list(&value),
            "prof-schools" => p.schools = profile_form::list(&value),
            "prof-policy" => p.policy = profile_form::policy(&value),
            "prof-account" => p.account = profile_form::account(&value),
            "prof-lang" => p.template_language = value,
            "prof-reply-lang" => p.reply_language = value,
            "prof-roles" => p.open_to_roles = checked,
            "set-collapsed" => s.collapsed_by_default = checked,
            "set-show" => s.show_kindly = profile_form::show_kindly(&value),
            "set-reminder" => s.weekly_reminder = checked,
            _ => {
                let (_, _, number) = NUMBERS.iter().find(|(id, ..)| *id == act)?;
                if !number.set(s, &value) {
                    let range = number.range();
                    let bounds = [range.start().to_string(), range.end().to_string()];
                    return Some(tf("error_number", &[&bounds[0], &bounds[1]]));
                }
            }
        }
        let (key, done) = if is_profile {
            (KEY_PROFILE, t("saved_profile"))
        } else {
            (KEY_SETTINGS, t("saved_settings"))
        };
        let set = entries_of(&st.data, |k| k == key);
        save(st, set, Vec::new(), done);
        None
    })
    .flatten();
    match invalid {
        Some(message) => {
            target.set_attribute("aria-invalid", "true")?;
            status(&message);
        }
        None => target.set_attribute("aria-invalid", "false")?,
    }
    Ok(true)
}
