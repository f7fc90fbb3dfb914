//! The Review tab: the invitations still pending, grouped by the action
//! Kindly suggested or by the user's own bucket, oldest first, each with a
//! link to the profile; those the user answered (with LinkedIn's own Accept
//! or Ignore, recorded by the content script) in a history below; repeat
//! senders; the user's notes; and a gentle weekly reminder the user can
//! switch off. Bucket and note are editable here (saved per person, so a
//! LinkedIn tab recording someone else never clashes).

use super::state::{entries_of, focus, may_write, refresh, save, status, with_state, State};
use super::ui::{self, t, tf};
use crate::dom::{node, DomResult, Node};
use kindly_core::review::{self, Group, Grouping as ReviewBy};
use kindly_core::store::{person_entry, KEY_SETTINGS};
use kindly_core::{Answer, Kind, Person};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Whether the weekly reminder is due ([`review::reminder_due`]).
pub fn reminder_due(st: &State) -> bool {
    review::reminder_due(&st.data, st.last_review, st.today)
}

pub fn render(_doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    ui::clear(panel);
    let ro = !st.writable;
    if let Some(top) = reminder(st, ro).or_else(|| last_reviewed(st)) {
        top.add_to(panel)?;
    }
    if let Some(sent) = super::review_sent::section(st) {
        sent.add_to(panel)?;
    }
    if st.data.people.is_empty() {
        ui::line("p", "empty", &t("review_empty")).add_to(panel)?;
        return Ok(());
    }
    // Pending only; the answered go to the history below.
    let pending: Vec<&Person> = st
        .data
        .people
        .values()
        .filter(|p| review::pending(p))
        .collect();
    let repeats: Vec<&Person> = pending
        .iter()
        .copied()
        .filter(|p| review::repeated(p))
        .collect();
    let answered = st.data.people.len() - pending.len();
    let summary = tf(
        "review_summary",
        &[
            &pending.len().to_string(),
            &answered.to_string(),
            &repeats.len().to_string(),
        ],
    );
    ui::line("p", "count", &summary)
        .attr("id", "review-summary")
        .add_to(panel)?;
    if pending.is_empty() {
        ui::line("p", "empty", &t("review_all_answered")).add_to(panel)?;
    }
    grouping(st.review_by).add_to(panel)?;
    // The review's sections, in order: each is drawn by its own function.
    let sections = [repeat_senders(&repeats)]
        .into_iter()
        .chain(groups(st, ro).into_iter().map(Some))
        .chain([history(st)]);
    for section in sections.flatten() {
        section.add_to(panel)?;
    }
    Ok(())
}

/// The weekly reminder, when due: since when, Done and Switch off.
fn reminder(st: &State, ro: bool) -> Option<Node> {
    if !reminder_due(st) {
        return None;
    }
    let text = match st.last_review {
        Some(d) => tf("reminder_since", &[&ui::age(st.today.saturating_sub(d))]),
        None => t("reminder_first"),
    };
    Some(
        node("div")
            .class("notice reminder")
            .attr("role", "note")
            .child(node("p").text(&text))
            .child(ui::buttons([
                ui::button(&t("review_done"), "review-done", "")
                    .disabled(ro)
                    .attr("id", "review-done"),
                ui::button(&t("review_off"), "review-off", "")
                    .disabled(ro)
                    .attr("id", "review-off"),
            ])),
    )
}

/// When the last review was, if there was one.
fn last_reviewed(st: &State) -> Option<Node> {
    let text = match st.today.saturating_sub(st.last_review?) {
        0 => t("last_reviewed_today"),
        days => tf("last_reviewed", &[&ui::age(days)]),
    };
    Some(ui::hint(&text))
}

/// The group-by chooser.
fn grouping(by: ReviewBy) -> Node {
    let by = match by {
        ReviewBy::Action => "action",
        ReviewBy::Bucket => "bucket",
    };
    let groupings = [("action", t("group_action")), ("bucket", t("group_bucket"))];
    ui::field(
        "rev-by",
        &t("group_by"),
        ui::select("rev-by", &groupings, by).attr("data-change", "rev-by"),
    )
}

/// Who invited more than once, and how often.
fn repeat_senders(repeats: &[&Person]) -> Option<Node> {
    if repeats.is_empty() {
        return None;
    }
    let items = repeats.iter().map(|p| {
        let times = p.invitations.len().to_string();
        node("li").text(&tf("invited_times", &[&display_name(p), &times]))
    });
    Some(
        ui::section("group", "rev-repeat-h", &t("repeat_senders"))
            .child(node("ul").class("plain").children(items)),
    )
}

/// The pending people in their groups, a section per non-empty group.
fn groups(st: &State, ro: bool) -> Vec<Node> {
    let mut bucket_options = vec![(String::new(), t("no_bucket"))];
    bucket_options.extend(
        review::BUCKETS
            .iter()
            .map(|b| (ui::name_of(b), t(&format!("bucket_{}", ui::name_of(b))))),
    );
    let bucket_options: Vec<(&str, String)> = bucket_options
        .iter()
        .map(|(v, l)| (v.as_str(), l.clone()))
        .collect();
    review::groups(&st.data, st.review_by, st.today)
        .iter()
        .enumerate()
        .filter(|(_, (_, members))| !members.is_empty())
        .map(|(g, (group, members))| {
            let heading = format!("rev-g-{g}");
            let (section, list) = group_list("group", &heading, &group_label(group), members.len());
            let cards = members
                .iter()
                .map(|m| pending_card(st, m, &bucket_options, ro));
            section.child(list.children(cards))
        })
        .collect()
}

/// A group's name.
fn group_label(group: &Group) -> String {
    match group {
        Group::Action(a) => t(&format!("act_{}", a.as_str())),
        Group::NotJudged => t("not_judged"),
        Group::Bucket(b) => t(&format!("bucket_{}", ui::name_of(b))),
        Group::NoBucket => t("no_bucket"),
    }
}

/// A pending person: name, badges, headline, what is known, bucket, note.
fn pending_card(
    st: &State,
    member: &review::Member,
    bucket_options: &[(&str, String)],
    ro: bool,
) -> Node {
    let review::Member {
        index: i,
        key,
        person: p,
    } = member;
    let name = display_name(p);
    let kind = (p.kind != Kind::Person)
        .then(|| ui::line("span", "badge", &t(&format!("kind_{}", p.kind.as_str()))));
    let times = review::repeated(p).then(|| {
        ui::line(
            "span",
            "badge warn",
            &tf("times", &[&p.invitations.len().to_string()]),
        )
    });
    let current = p.bucket.map(|b| ui::name_of(&b)).unwrap_or_default();
    let bucket_id = format!("rev-bucket-{i}");
    let note_id = format!("rev-note-{i}");
    let badges = node("div").class("badges").children(kind).children(times);
    person_item("card person", key, &name, Some(badges))
        .children(headline(p))
        .child(ui::line("p", "facts", &facts(st, p)))
        .child(
            node("div")
                .class("row")
                .child(ui::field(
                    &bucket_id,
                    &t("field_bucket"),
                    ui::select(&bucket_id, bucket_options, &current)
                        .attr("data-change", "rev-bucket")
                        .disabled(ro)
                        .attr("data-id", key)
                        .attr("aria-label", &tf("bucket_for", &[&name])),
                ))
                .child(ui::field(
                    &note_id,
                    &t("field_note"),
                    ui::textarea(&note_id, "1", &p.note)
                        .attr("data-change", "rev-note")
                        .disabled(ro)
                        .attr("data-id", key)
                        .attr("aria-label", &tf("note_for", &[&name]))
                        .attr("maxlength", &review::NOTE_MAX.to_string()),
                )),
        )
}

/// How long they have waited, when last seen, the relationship, and (by
/// bucket) what Kindly suggested.
fn facts(st: &State, p: &Person) -> String {
    let mut facts = vec![match review::waiting(p, st.today) {
        0 => t("waiting_new"),
        days => tf("waiting", &[&ui::age(days)]),
    }];
    facts.push(match st.today.saturating_sub(p.last_seen) {
        0 => t("seen_today"),
        days => tf("last_seen", &[&ui::age(days)]),
    });
    if let Some(rel) = p.relationship {
        facts.push(t(&format!("rel_{}", rel.as_str())));
    }
    if st.review_by == ReviewBy::Bucket {
        if let Some(a) = p.last_action {
            facts.push(tf("suggested", &[&t(&format!("act_{}", a.as_str()))]));
        }
    }
    facts.join(" · ")
}

/// Their headline, when known.
fn headline(p: &Person) -> Option<Node> {
    (!p.headline.is_empty()).then(|| ui::line("p", "headline", &p.headline))
}

/// A titled group of the review ("Ignore (2)"): the section and its list
/// (to fill, then put in the section).
fn group_list(class: &str, heading: &str, label: &str, count: usize) -> (Node, Node) {
    (
        ui::section(
            class,
            heading,
            &tf("group_count", &[label, &count.to_string()]),
        ),
        node("ul").class("cards"),
    )
}

/// One person's entry in a list: a head with their name (and `badges`).
fn person_item(class: &str, key: &str, name: &str, badges: Option<Node>) -> Node {
    node("li").class(class).attr("data-key", key).child(
        node("div")
            .class("card-head")
            .child(name_heading(key, name))
            .children(badges),
    )
}

/// A person's name as a heading, a link to their LinkedIn page when the key
/// names one (opened by the person's click, in a new tab).
fn name_heading(key: &str, name: &str) -> Node {
    let heading = node("h3");
    match kindly_core::card::profile_url(key) {
        Some(url) => heading.child(
            node("a")
                .attr("href", &url)
                .attr("target", "_blank")
                .attr("rel", "noopener noreferrer")
                .attr("data-profile", key)
                .text(name)
                .attr("aria-label", &tf("open_profile", &[name])),
        ),
        None => heading.text(name),
    }
}

/// The invitations the person answered on LinkedIn, latest answer first.
fn history(st: &State) -> Option<Node> {
    let answered = review::history(&st.data);
    if answered.is_empty() {
        return None;
    }
    let items = answered.iter().map(|(key, p, outcome)| {
        let date = kindly_core::store::iso_date(outcome.day);
        let said = match outcome.answer {
            Answer::Accepted => tf("answered_accepted", &[&date]),
            Answer::Ignored => tf("answered_ignored", &[&date]),
        };
        person_item("card person answered", key, &display_name(p), None)
            .child(ui::line("p", "facts", &said))
            .children(headline(p))
    });
    let (section, list) = group_list(
        "group history",
        "rev-history-h",
        &t("review_history"),
        answered.len(),
    );
    Some(
        section
            .attr("id", "rev-history")
            .child(list.children(items)),
    )
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
                let set = vec![review::reviewed_on(st.today)];
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
                    p.note = review::clip_note(&value);
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
