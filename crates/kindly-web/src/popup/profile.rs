//! The Profile tab: who the user is (for judging fit and filling
//! `{my_name}` / `{my_email}`), their preferences, and the panel's keyboard
//! shortcuts. Each field is saved when it is committed (`change`), and the
//! status line says so.

use super::editor::LANGUAGES;
use super::state::{entries_of, may_write, save, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{append, el, DomResult};
use kindly_core::store::{KEY_PROFILE, KEY_SETTINGS};
use kindly_core::{AccountType, Policy, Settings};
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

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    let p = &st.data.profile;
    let s = &st.data.settings;

    let me = append(panel, el(doc, "fieldset", &[("class", "group")], None)?)?;
    ui::text(doc, &me, "legend", "", &t("about_you"))?;
    let text_input = |id: &str, kind: &str, value: &str| {
        ui::input(id, kind, value)
            .attr("data-change", id)
            .disabled(ro)
    };
    ui::field(
        &me,
        "prof-name",
        &t("field_name"),
        text_input("prof-name", "text", &p.name).attr("autocomplete", "name"),
    )?;
    ui::field(
        &me,
        "prof-email",
        &t("field_email"),
        text_input("prof-email", "email", &p.email)
            .attr("aria-describedby", "prof-email-hint")
            .attr("autocomplete", "email"),
    )?;
    ui::text(doc, &me, "p", "hint", &t("email_hint"))?.set_attribute("id", "prof-email-hint")?;
    for (id, key, list) in [
        ("prof-industries", "field_industries", &p.industries),
        ("prof-companies", "field_companies", &p.companies),
        ("prof-schools", "field_schools", &p.schools),
    ] {
        ui::field(
            &me,
            id,
            &t(key),
            text_input(id, "text", &list.join(", ")).attr("aria-describedby", "prof-list-hint"),
        )?;
    }
    ui::text(doc, &me, "p", "hint", &t("list_hint"))?.set_attribute("id", "prof-list-hint")?;

    let net = append(panel, el(doc, "fieldset", &[("class", "group")], None)?)?;
    ui::text(doc, &net, "legend", "", &t("your_network"))?;
    policy_select(&net, "prof-policy", "prof-policy", p.policy, ro)?;
    let accounts = [
        ("free", t("account_free")),
        ("premium", t("account_premium")),
    ];
    let chooser = |id: &str, options: &[(&str, String)], selected: &str| {
        ui::select(id, options, selected)
            .attr("data-change", id)
            .disabled(ro)
    };
    ui::field(
        &net,
        "prof-account",
        &t("field_account"),
        chooser("prof-account", &accounts, &ui::name_of(&p.account)),
    )?;
    let langs: Vec<(&str, String)> = LANGUAGES
        .iter()
        .map(|l| (*l, t(&format!("lang_{l}"))))
        .collect();
    let lang = if p.template_language.is_empty() {
        "en"
    } else {
        p.template_language.as_str()
    };
    ui::field(
        &net,
        "prof-lang",
        &t("field_template_language"),
        chooser("prof-lang", &langs, lang),
    )?;
    let mut replies: Vec<(&str, String)> = vec![("", t("reply_language_follow"))];
    replies.extend(LANGUAGES.iter().map(|l| (*l, t(&format!("lang_{l}")))));
    ui::field(
        &net,
        "prof-reply-lang",
        &t("field_reply_language"),
        chooser("prof-reply-lang", &replies, &p.reply_language)
            .attr("aria-describedby", "prof-reply-lang-hint"),
    )?;
    ui::text(doc, &net, "p", "hint", &t("reply_language_hint"))?
        .set_attribute("id", "prof-reply-lang-hint")?;
    ui::checkbox(
        doc,
        &net,
        "prof-roles",
        &t("field_open_to_roles"),
        p.open_to_roles,
        "prof-roles",
        ro,
    )?;

    let prefs = append(panel, el(doc, "fieldset", &[("class", "group")], None)?)?;
    ui::text(doc, &prefs, "legend", "", &t("preferences"))?;
    ui::checkbox(
        doc,
        &prefs,
        "set-collapsed",
        &t("field_collapsed"),
        s.collapsed_by_default,
        "set-collapsed",
        ro,
    )?;
    let reminder = ui::checkbox(
        doc,
        &prefs,
        "set-reminder",
        &t("field_reminder"),
        s.weekly_reminder,
        "set-reminder",
        ro,
    )?;
    reminder.set_attribute("role", "switch")?;
    let mut values = s.clone();
    for (id, label, min, max) in NUMBERS {
        let value = number_setting(&mut values, id).map_or(0, |v| *v);
        ui::field(
            &prefs,
            id,
            &t(label),
            text_input(id, "number", &value.to_string())
                .attr("min", &min.to_string())
                .attr("max", &max.to_string())
                .attr("inputmode", "numeric"),
        )?;
    }

    let keys = append(
        panel,
        el(
            doc,
            "section",
            &[
                ("class", "group shortcuts"),
                ("aria-labelledby", "shortcuts-h"),
            ],
            None,
        )?,
    )?;
    ui::text(doc, &keys, "h2", "", &t("shortcuts"))?.set_attribute("id", "shortcuts-h")?;
    ui::text(doc, &keys, "p", "hint", &t("shortcuts_panel"))?;
    let list = append(&keys, el(doc, "dl", &[], None)?)?;
    for (combo, key) in SHORTCUTS {
        let dt = append(&list, el(doc, "dt", &[], None)?)?;
        append(&dt, el(doc, "kbd", &[], Some(combo))?)?;
        ui::text(doc, &list, "dd", "", &t(key))?;
    }
    ui::text(doc, &keys, "p", "hint", &t("shortcuts_popup"))?;
    let list = append(&keys, el(doc, "dl", &[], None)?)?;
    for (combo, key) in POPUP_KEYS {
        let dt = append(&list, el(doc, "dt", &[], None)?)?;
        append(&dt, el(doc, "kbd", &[], Some(combo))?)?;
        ui::text(doc, &list, "dd", "", &t(key))?;
    }
    Ok(())
}

/// The connection-policy chooser (Profile and the first run).
pub fn policy_select(
    parent: &Element,
    id: &str,
    change: &str,
    policy: Policy,
    disabled: bool,
) -> DomResult<()> {
    let policies = [
        ("know_well_only", t("policy_know_well_only")),
        ("industry_focused", t("policy_industry_focused")),
        ("open_networker", t("policy_open_networker")),
    ];
    ui::field(
        parent,
        id,
        &t("field_policy"),
        ui::select(id, &policies, &ui::name_of(&policy))
            .attr("data-change", change)
            .disabled(disabled),
    )?;
    Ok(())
}

/// A policy from its chooser's value.
pub fn parse_policy(value: &str) -> Policy {
    match value {
        "know_well_only" => Policy::KnowWellOnly,
        "open_networker" => Policy::OpenNetworker,
        _ => Policy::IndustryFocused,
    }
}

fn number(value: &str, min: u32, max: u32) -> Option<u32> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
}

/// The settings typed as whole numbers: (input id, label key, least, most).
const NUMBERS: [(&str, &str, u32, u32); 3] = [
    ("set-limit", "field_message_limit", 1, 100_000),
    ("set-days", "field_history_days", 1, 3650),
    ("set-withdraw", "field_withdraw_after", 1, 365),
];

/// The setting an input of [`NUMBERS`] edits.
fn number_setting<'s>(s: &'s mut Settings, id: &str) -> Option<&'s mut u32> {
    match id {
        "set-limit" => Some(&mut s.message_limit),
        "set-days" => Some(&mut s.history_days),
        "set-withdraw" => Some(&mut s.withdraw_after_days),
        _ => None,
    }
}

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
            "prof-email" => {
                let v = value.trim();
                if !v.is_empty() && !v.contains('@') {
                    return Some(t("error_email"));
                }
                p.email = v.to_string();
            }
            "prof-industries" => p.industries = ui::split_list(&value),
            "prof-companies" => p.companies = ui::split_list(&value),
            "prof-schools" => p.schools = ui::split_list(&value),
            "prof-policy" => p.policy = parse_policy(&value),
            "prof-account" => {
                p.account = if value == "premium" {
                    AccountType::Premium
                } else {
                    AccountType::Free
                }
            }
            "prof-lang" => p.template_language = value,
            "prof-reply-lang" => p.reply_language = value,
            "prof-roles" => p.open_to_roles = checked,
            "set-collapsed" => s.collapsed_by_default = checked,
            "set-reminder" => s.weekly_reminder = checked,
            _ => {
                let (_, _, min, max) = NUMBERS.iter().find(|(id, ..)| *id == act)?;
                match (number(&value, *min, *max), number_setting(s, act)) {
                    (Some(n), Some(setting)) => *setting = n,
                    _ => return Some(tf("error_number", &[&min.to_string(), &max.to_string()])),
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
