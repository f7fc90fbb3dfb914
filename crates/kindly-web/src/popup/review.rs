//! The Review tab: the invitations still pending, grouped by the action
//! Kindly suggested or by the user's own bucket, oldest first, each with a
//! link to the profile; those the user answered (with LinkedIn's own Accept
//! or Ignore, recorded by the content script) in a history below; repeat
//! senders; the user's notes; and a gentle weekly reminder the user can
//! switch off. Bucket and note are editable here (saved per person, so a
//! LinkedIn tab recording someone else never clashes).

use super::state::{
    entries_of, focus, may_write, refresh, save, status, with_state, State, KEY_LAST_REVIEW,
};
use super::ui::{self, t, tf};
use crate::dom::{append, el, DomResult};
use kindly_core::review::{self, Group, Grouping as ReviewBy};
use kindly_core::store::{person_entry, KEY_SETTINGS};
use kindly_core::{Answer, Day, Kind, Person};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Whether the weekly reminder is due ([`review::reminder_due`]).
pub fn reminder_due(st: &State) -> bool {
    review::reminder_due(&st.data, st.last_review, st.today)
}

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    let today = st.today;
    if reminder_due(st) {
        let box_ = append(
            panel,
            el(
                doc,
                "div",
                &[("class", "notice reminder"), ("role", "note")],
                None,
            )?,
        )?;
        let text = match st.last_review {
            Some(d) => tf("reminder_since", &[&ui::age(today.saturating_sub(d))]),
            None => t("reminder_first"),
        };
        ui::text(doc, &box_, "p", "", &text)?;
        let row = append(&box_, el(doc, "div", &[("class", "buttons")], None)?)?;
        ui::button(doc, &row, &t("review_done"), "review-done", "", ro)?
            .set_attribute("id", "review-done")?;
        ui::button(doc, &row, &t("review_off"), "review-off", "", ro)?
            .set_attribute("id", "review-off")?;
    } else if let Some(d) = st.last_review {
        let text = match today.saturating_sub(d) {
            0 => t("last_reviewed_today"),
            days => tf("last_reviewed", &[&ui::age(days)]),
        };
        ui::text(doc, panel, "p", "hint", &text)?;
    }

    super::review_sent::render(doc, panel, st)?;
    if st.data.people.is_empty() {
        ui::text(doc, panel, "p", "empty", &t("review_empty"))?;
        return Ok(());
    }
    // Pending only; the answered go to the history below.
    let people: Vec<(&String, &Person)> = st
        .data
        .people
        .iter()
        .filter(|(_, p)| review::pending(p))
        .collect();
    let answered = st.data.people.len() - people.len();
    let repeats: Vec<&(&String, &Person)> = people
        .iter()
        .filter(|(_, p)| p.invitations.len() > 1)
        .collect();
    ui::text(
        doc,
        panel,
        "p",
        "count",
        &tf(
            "review_summary",
            &[
                &people.len().to_string(),
                &answered.to_string(),
                &repeats.len().to_string(),
            ],
        ),
    )?
    .set_attribute("id", "review-summary")?;
    if people.is_empty() {
        ui::text(doc, panel, "p", "empty", &t("review_all_answered"))?;
    }

    let by = match st.review_by {
        ReviewBy::Action => "action",
        ReviewBy::Bucket => "bucket",
    };
    let groupings = [("action", t("group_action")), ("bucket", t("group_bucket"))];
    ui::field(
        panel,
        "rev-by",
        &t("group_by"),
        ui::select("rev-by", &groupings, by).attr("data-change", "rev-by"),
    )?;

    if !repeats.is_empty() {
        let section = append(
            panel,
            el(
                doc,
                "section",
                &[("class", "group"), ("aria-labelledby", "rev-repeat-h")],
                None,
            )?,
        )?;
        ui::text(doc, &section, "h2", "", &t("repeat_senders"))?
            .set_attribute("id", "rev-repeat-h")?;
        let list = append(&section, el(doc, "ul", &[("class", "plain")], None)?)?;
        for (_, p) in &repeats {
            let name = display_name(p);
            ui::text(
                doc,
                &list,
                "li",
                "",
                &tf("invited_times", &[&name, &p.invitations.len().to_string()]),
            )?;
        }
    }

    let groups = review::groups(&st.data, st.review_by, today);
    let mut bucket_options = vec![("", t("no_bucket"))];
    let names: Vec<String> = review::BUCKETS.iter().map(ui::name_of).collect();
    for (b, name) in review::BUCKETS.iter().zip(&names) {
        bucket_options.push((name.as_str(), t(&format!("bucket_{}", ui::name_of(b)))));
    }
    for (g, (group, members)) in groups.iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        let label = match group {
            Group::Action(a) => t(&format!("act_{}", a.as_str())),
            Group::NotJudged => t("not_judged"),
            Group::Bucket(b) => t(&format!("bucket_{}", ui::name_of(b))),
            Group::NoBucket => t("no_bucket"),
        };
        let heading = format!("rev-g-{g}");
        let list = group_list(doc, panel, "group", &heading, &label, members.len())?;
        for review::Member {
            index: i,
            key,
            person: p,
        } in members
        {
            let name = display_name(p);
            let (item, head) = person_item(doc, &list, "card person", key, &name)?;
            let badges = append(&head, el(doc, "div", &[("class", "badges")], None)?)?;
            if p.kind != Kind::Person {
                ui::text(
                    doc,
                    &badges,
                    "span",
                    "badge",
                    &t(&format!("kind_{}", p.kind.as_str())),
                )?;
            }
            if p.invitations.len() > 1 {
                ui::text(
                    doc,
                    &badges,
                    "span",
                    "badge warn",
                    &tf("times", &[&p.invitations.len().to_string()]),
                )?;
            }
            if !p.headline.is_empty() {
                ui::text(doc, &item, "p", "headline", &p.headline)?;
            }
            let mut facts = vec![match review::waiting(p, today) {
                0 => t("waiting_new"),
                days => tf("waiting", &[&ui::age(days)]),
            }];
            facts.push(match today.saturating_sub(p.last_seen) {
                0 => t("seen_today"),
                days => tf("last_seen", &[&ui::age(days)]),
            });
            if let Some(rel) = p.relationship {
                facts.push(t(&format!("rel_{}", rel.as_str())));
            }
            match st.review_by {
                ReviewBy::Bucket => {
                    if let Some(a) = p.last_action {
                        facts.push(tf("suggested", &[&t(&format!("act_{}", a.as_str()))]));
                    }
                }
                ReviewBy::Action => {}
            }
            ui::text(doc, &item, "p", "facts", &facts.join(" · "))?;
            let row = append(&item, el(doc, "div", &[("class", "row")], None)?)?;
            let current = p.bucket.map(|b| ui::name_of(&b)).unwrap_or_default();
            let bucket_id = format!("rev-bucket-{i}");
            ui::field(
                &row,
                &bucket_id,
                &t("field_bucket"),
                ui::select(&bucket_id, &bucket_options, &current)
                    .attr("data-change", "rev-bucket")
                    .disabled(ro)
                    .attr("data-id", key)
                    .attr("aria-label", &tf("bucket_for", &[&name])),
            )?;
            let note_id = format!("rev-note-{i}");
            ui::field(
                &row,
                &note_id,
                &t("field_note"),
                ui::textarea(&note_id, "1", &p.note)
                    .attr("data-change", "rev-note")
                    .disabled(ro)
                    .attr("data-id", key)
                    .attr("aria-label", &tf("note_for", &[&name]))
                    .attr("maxlength", "2000"),
            )?;
        }
    }
    history(doc, panel, st)?;
    Ok(())
}

/// A titled group of the review ("Ignore (2)") and its list of people.
fn group_list(
    doc: &Document,
    panel: &Element,
    class: &str,
    heading: &str,
    label: &str,
    count: usize,
) -> DomResult<Element> {
    let section = append(
        panel,
        el(
            doc,
            "section",
            &[("class", class), ("aria-labelledby", heading)],
            None,
        )?,
    )?;
    ui::text(doc, &section, "h2", "", &format!("{label} ({count})"))?
        .set_attribute("id", heading)?;
    append(&section, el(doc, "ul", &[("class", "cards")], None)?)
}

/// One person's entry in a list: the item and its head (name heading).
fn person_item(
    doc: &Document,
    list: &Element,
    class: &str,
    key: &str,
    name: &str,
) -> DomResult<(Element, Element)> {
    let item = append(
        list,
        el(doc, "li", &[("class", class), ("data-key", key)], None)?,
    )?;
    let head = append(&item, el(doc, "div", &[("class", "card-head")], None)?)?;
    name_heading(doc, &head, key, name)?;
    Ok((item, head))
}

/// A person's name as a heading, a link to their LinkedIn page when the key
/// names one (opened by the person's click, in a new tab).
fn name_heading(doc: &Document, parent: &Element, key: &str, name: &str) -> DomResult<()> {
    let h3 = append(parent, el(doc, "h3", &[], None)?)?;
    match kindly_core::card::profile_url(key) {
        Some(url) => {
            let link = append(
                &h3,
                el(
                    doc,
                    "a",
                    &[
                        ("href", &url),
                        ("target", "_blank"),
                        ("rel", "noopener noreferrer"),
                        ("data-profile", key),
                    ],
                    Some(name),
                )?,
            )?;
            link.set_attribute("aria-label", &tf("open_profile", &[name]))?;
        }
        None => h3.set_text_content(Some(name)),
    }
    Ok(())
}

/// The invitations the person answered on LinkedIn, latest answer first.
fn history(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    let mut answered: Vec<(&String, &Person, Answer, Day)> = st
        .data
        .people
        .iter()
        .filter_map(|(k, p)| p.outcome.map(|o| (k, p, o.answer, o.day)))
        .collect();
    if answered.is_empty() {
        return Ok(());
    }
    answered.sort_by(|a, b| b.3.cmp(&a.3).then(a.1.name.cmp(&b.1.name)));
    let list = group_list(
        doc,
        panel,
        "group history",
        "rev-history-h",
        &t("review_history"),
        answered.len(),
    )?;
    if let Some(section) = list.parent_element() {
        section.set_attribute("id", "rev-history")?;
    }
    for (key, p, answer, day) in answered {
        let (item, _) = person_item(doc, &list, "card person answered", key, &display_name(p))?;
        let date = kindly_core::store::iso_date(day);
        let said = match answer {
            Answer::Accepted => tf("answered_accepted", &[&date]),
            Answer::Ignored => tf("answered_ignored", &[&date]),
        };
        ui::text(doc, &item, "p", "facts", &said)?;
        if !p.headline.is_empty() {
            ui::text(doc, &item, "p", "headline", &p.headline)?;
        }
    }
    Ok(())
}

fn display_name(p: &Person) -> String {
    if p.name.trim().is_empty() {
        t("unnamed")
    } else {
        p.name.clone()
    }
}

pub fn click(act: &str, id: &str) -> DomResult<bool> {
    match act {
        "review-done" => {
            with_state(|st| {
                if !may_write(st) {
                    return;
                }
                st.last_review = Some(st.today);
                let set = vec![(KEY_LAST_REVIEW.to_string(), st.today.to_string())];
                save(st, set, Vec::new(), t("reviewed"));
            });
            refresh()?;
            focus("review-summary");
        }
        "review-off" => {
            with_state(|st| {
                if !may_write(st) {
                    return;
                }
                st.data.settings.weekly_reminder = false;
                let set = entries_of(&st.data, |k| k == KEY_SETTINGS);
                save(st, set, Vec::new(), t("reminder_off"));
            });
            refresh()?;
            focus("rev-by");
        }
        _ => return super::review_sent::click(act, id),
    }
    Ok(true)
}

pub fn change(act: &str, target: &Element) -> DomResult<bool> {
    let key = target.get_attribute("data-id").unwrap_or_default();
    match act {
        "rev-by" => {
            let value = target
                .dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value)
                .unwrap_or_default();
            with_state(|st| {
                st.review_by = if value == "bucket" {
                    ReviewBy::Bucket
                } else {
                    ReviewBy::Action
                }
            });
            refresh()?;
        }
        "rev-bucket" | "rev-note" => {
            let value = target
                .dyn_ref::<HtmlSelectElement>()
                .map(HtmlSelectElement::value)
                .or_else(|| {
                    target
                        .dyn_ref::<HtmlTextAreaElement>()
                        .map(HtmlTextAreaElement::value)
                })
                .or_else(|| {
                    target
                        .dyn_ref::<HtmlInputElement>()
                        .map(HtmlInputElement::value)
                })
                .unwrap_or_default();
            let regroup = with_state(|st| {
                if !may_write(st) {
                    return false;
                }
                let Some(p) = st.data.people.get_mut(&key) else {
                    status(&t("person_gone"));
                    return false;
                };
                let done = if act == "rev-bucket" {
                    p.bucket = review::BUCKETS
                        .iter()
                        .copied()
                        .find(|b| ui::name_of(b) == value);
                    t("saved_bucket")
                } else {
                    p.note = value.chars().take(2000).collect();
                    t("saved_note")
                };
                let entry = person_entry(&key, p);
                save(st, vec![entry], Vec::new(), done);
                act == "rev-bucket" && st.review_by == ReviewBy::Bucket
            })
            .unwrap_or(false);
            // Moving someone to another bucket moves their card: re-render.
            if regroup {
                refresh()?;
            }
        }
        _ => return Ok(false),
    }
    Ok(true)
}
