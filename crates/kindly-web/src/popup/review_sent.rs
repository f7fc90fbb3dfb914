//! The review's "sent" section: invitations the user sent that still wait
//! (how long, and past the threshold what to do, with the reasons), the
//! accepted ones whose follow-up is due (the message, where you met filled
//! in), and those no longer pending, which the user can say were accepted.
//! Everything it says comes from `kindly_core::sent::review`.

use super::state::{may_write, refresh, save, with_state, State};
use super::ui::{self, t};
use crate::dom::{node, DomResult, Node};
use crate::panel::reason_text;
use kindly_core::sent::{self, FollowUpItem, GoneItem, PendingItem};
use kindly_core::store::sent_entry;

/// The section, when there is anything to say.
pub fn section(st: &State) -> Option<Node> {
    let review = sent::review(&st.data, st.today);
    if review.pending.is_empty()
        && review.follow_ups.is_empty()
        && review.no_longer_pending.is_empty()
    {
        return None;
    }
    let ro = !st.writable;
    Some(
        node("section")
            .attr("id", "review-sent")
            .class("sent")
            .child(node("h3").text(&t("sent_heading")))
            .children(review.follow_ups.iter().map(|f| follow_up(f, ro)))
            .children(review.pending.iter().map(pending))
            .children(review.no_longer_pending.iter().map(|g| gone(g, ro))),
    )
}

/// One sent invitation, headed by the name.
fn item(kind: &str, key: &str, name: &str) -> Node {
    node("div")
        .class("sent-item")
        .attr("data-sent", kind)
        .attr("data-key", key)
        .child(node("strong").text(name))
}

/// Accepted, follow-up due: the message, and "Followed up".
fn follow_up(f: &FollowUpItem, ro: bool) -> Node {
    item("follow-up", &f.key, &f.name)
        .child(ui::hint(&t("sent_follow_up_due")))
        .children(
            f.follow_up
                .as_ref()
                .map(|message| ui::line("p", "follow-up", &message.text)),
        )
        .child(ui::button(&t("sent_followed_up"), "sent-followed-up", &f.key).disabled(ro))
}

/// Still waiting: how long, and why to wait or act.
fn pending(p: &PendingItem) -> Node {
    let age = p
        .advice
        .days
        .map(|days| ui::line("span", "age", &format!(" · {}", ui::age(days))));
    let reasons = p
        .advice
        .reasons
        .iter()
        .map(|reason| node("li").text(&reason_text(reason)));
    item("pending", &p.key, &p.name)
        .attr("data-sent-action", p.advice.action.as_str())
        .children(age)
        .child(node("ul").class("reasons").children(reasons))
}

/// No longer pending: "They accepted".
fn gone(g: &GoneItem, ro: bool) -> Node {
    item("gone", &g.key, &g.name)
        .child(ui::hint(&t("sent_no_longer_pending")))
        .child(ui::button(&t("sent_accepted"), "sent-accepted", &g.key).disabled(ro))
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
