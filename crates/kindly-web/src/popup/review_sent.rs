//! The review's "sent" section: invitations the user sent that still wait
//! (how long, and past the threshold what to do, with the reasons), the
//! accepted ones whose follow-up is due (the message, where you met filled
//! in), and those no longer pending, which the user can say were accepted.
//! Everything it says comes from `kindly_core::sent::review`.

use super::state::{may_write, refresh, save, with_state, State};
use super::ui::{self, t};
use crate::dom::{append, el, DomResult};
use crate::panel::reason_text;
use kindly_core::sent::{self, FollowUpItem, GoneItem, PendingItem};
use kindly_core::store::sent_entry;
use web_sys::{Document, Element};

pub fn render(doc: &Document, panel: &Element, st: &State) -> DomResult<()> {
    let review = sent::review(&st.data, st.today);
    if review.pending.is_empty()
        && review.follow_ups.is_empty()
        && review.no_longer_pending.is_empty()
    {
        return Ok(());
    }
    let ro = !st.writable;
    let section = append(
        panel,
        el(
            doc,
            "section",
            &[("id", "review-sent"), ("class", "sent")],
            None,
        )?,
    )?;
    ui::text(doc, &section, "h3", "", &t("sent_heading"))?;
    for item in &review.follow_ups {
        follow_up(doc, &section, item, ro)?;
    }
    for item in &review.pending {
        pending(doc, &section, item)?;
    }
    for item in &review.no_longer_pending {
        gone(doc, &section, item, ro)?;
    }
    Ok(())
}

fn item(doc: &Document, parent: &Element, kind: &str, key: &str, name: &str) -> DomResult<Element> {
    let li = append(
        parent,
        el(
            doc,
            "div",
            &[
                ("class", "sent-item"),
                ("data-sent", kind),
                ("data-key", key),
            ],
            None,
        )?,
    )?;
    ui::text(doc, &li, "strong", "", name)?;
    Ok(li)
}

fn follow_up(doc: &Document, parent: &Element, f: &FollowUpItem, ro: bool) -> DomResult<()> {
    let li = item(doc, parent, "follow-up", &f.key, &f.name)?;
    ui::text(doc, &li, "p", "hint", &t("sent_follow_up_due"))?;
    if let Some(message) = &f.follow_up {
        ui::text(doc, &li, "p", "follow-up", &message.text)?;
    }
    ui::button(
        doc,
        &li,
        &t("sent_followed_up"),
        "sent-followed-up",
        &f.key,
        ro,
    )?;
    Ok(())
}

fn pending(doc: &Document, parent: &Element, p: &PendingItem) -> DomResult<()> {
    let li = item(doc, parent, "pending", &p.key, &p.name)?;
    li.set_attribute("data-sent-action", p.advice.action.as_str())?;
    if let Some(days) = p.advice.days {
        ui::text(doc, &li, "span", "age", &format!(" · {}", ui::age(days)))?;
    }
    let reasons = append(&li, el(doc, "ul", &[("class", "reasons")], None)?)?;
    for reason in &p.advice.reasons {
        ui::text(doc, &reasons, "li", "", &reason_text(reason))?;
    }
    Ok(())
}

fn gone(doc: &Document, parent: &Element, g: &GoneItem, ro: bool) -> DomResult<()> {
    let li = item(doc, parent, "gone", &g.key, &g.name)?;
    ui::text(doc, &li, "p", "hint", &t("sent_no_longer_pending"))?;
    ui::button(doc, &li, &t("sent_accepted"), "sent-accepted", &g.key, ro)?;
    Ok(())
}

/// "They accepted" (the follow-up follows) and "Followed up".
pub fn click(act: &str, key: &str) -> DomResult<bool> {
    let change: fn(&mut kindly_core::Data, &str, kindly_core::Day) -> bool = match act {
        "sent-accepted" => sent::record_accepted,
        "sent-followed-up" => |data, key, _| sent::record_followed_up(data, key),
        _ => return Ok(false),
    };
    with_state(|st| {
        if !may_write(st) {
            return;
        }
        let today = st.today;
        if change(&mut st.data, key, today) {
            if let Some(record) = st.data.sent.get(key) {
                let entry = sent_entry(key, record);
                save(st, vec![entry], Vec::new(), t("saved_sent"));
            }
        }
    });
    refresh()?;
    Ok(true)
}
