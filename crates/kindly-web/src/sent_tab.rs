//! The page adapter for LinkedIn's Sent tab (`/mynetwork/invitation-manager/
//! sent/`): finds each pending invitation's row and what the page says
//! about the whole list, as plain texts for `kindly_core::sent_tab`.
//!
//! A row is what every era shares: a Withdraw control (a `<button>` in the
//! Ember era, an `<a>` since 2026) and a link to the invitee (`/in/…`, or a
//! page), with "Sent 2 weeks ago" among its texts. Its boundary is found
//! the way a received card's is (`page::card_root`), so class names are
//! never relied on.

use crate::markup::DomElement;
use crate::page::{self, control_label, name_text, CONTROLS};
use crate::shape::NAMED_LINKS;
use kindly_core::sent_tab::{
    is_withdraw_label, list_state, read_row, ListState, SentListText, SentRow, SentRowText,
};
use kindly_core::CardText;

/// Where a Sent row keeps the invitee's name (first match wins): the Ember
/// title, a name in a profile link, any bold text.
const NAME_SELECTORS: &str = ".invitation-card__title, a[href*=\"/in/\"] strong, strong";

/// Tabs and filters that may carry a count ("People (37)").
const COUNT_HOLDERS: &str = "a, button, [role=\"tab\"], [role=\"radio\"], [role=\"button\"]";

/// A count's text is short; longer texts are not looked at.
const MAX_COUNT_TEXT: usize = 40;

/// One pending invitation's row, found.
pub struct FoundRow<E> {
    pub root: E,
    /// Its Withdraw control (Kindly never clicks it).
    pub withdraw: E,
    pub text: SentRowText,
}

/// Every Sent row under `scope` (the page's `main`), in document order, on
/// a page in `lang` (its `<html lang>`).
pub fn find_sent_rows<E: DomElement>(scope: &E, lang: &str) -> Vec<FoundRow<E>> {
    let withdraws: Vec<(E, String)> = scope
        .select_all(CONTROLS)
        .into_iter()
        .map(|c| {
            let label = control_label(&c);
            (c, label)
        })
        .filter(|(_, label)| is_withdraw_label(label))
        .collect();
    let mut rows: Vec<FoundRow<E>> = Vec::new();
    for (i, (withdraw, label)) in withdraws.iter().enumerate() {
        let previous = i
            .checked_sub(1)
            .and_then(|p| withdraws.get(p))
            .map(|(e, _)| e);
        let next = withdraws.get(i + 1).map(|(e, _)| e);
        let Some(root) = page::card_root(withdraw, previous, next, scope) else {
            continue;
        };
        // A row names someone: a suggestion's or a banner's Withdraw would not.
        if root.select_first(NAMED_LINKS).is_none() || rows.last().is_some_and(|r| r.root == root) {
            continue;
        }
        let (lines, _) = page::lines(&root, &[withdraw]);
        let card = CardText {
            lang: lang.to_string(),
            name: root
                .select_first(NAME_SELECTORS)
                .map(|e| name_text(&e))
                .filter(|n| !n.is_empty()),
            lines,
            links: page::links(&root),
            key_hint: page::key_hint(&root),
            ..CardText::default()
        };
        rows.push(FoundRow {
            root,
            withdraw: withdraw.clone(),
            text: SentRowText {
                card,
                withdraw_label: label.clone(),
            },
        });
    }
    rows
}

/// What the page shows around the rows: its tabs' counts and the controls
/// after the last row (where "Load more" would be), for the page at `path`.
pub fn list_text<E: DomElement>(scope: &E, rows: &[FoundRow<E>], path: &str) -> SentListText {
    let current = |e: &E| {
        [
            "aria-current",
            "aria-selected",
            "aria-checked",
            "aria-pressed",
        ]
        .iter()
        .any(|a| e.attr(a).is_some_and(|v| v != "false"))
    };
    let counts = scope
        .select_all(COUNT_HOLDERS)
        .iter()
        .filter(|e| !rows.iter().any(|r| r.root.contains(e)))
        .map(|e| (name_text(e), current(e)))
        .filter(|(t, _)| !t.is_empty() && t.chars().count() <= MAX_COUNT_TEXT)
        .collect();
    let all = scope.select_all(CONTROLS);
    let start = rows
        .last()
        .and_then(|r| all.iter().position(|c| *c == r.withdraw))
        .map_or(0, |i| i + 1);
    let after_rows = all
        .get(start..)
        .unwrap_or_default()
        .iter()
        .filter(|c| !rows.iter().any(|r| r.root.contains(c)))
        .filter(|c| !c.has_attr("disabled") && c.attr("aria-disabled").as_deref() != Some("true"))
        .map(control_label)
        .filter(|l| !l.is_empty())
        .collect();
    SentListText {
        path: path.to_string(),
        counts,
        after_rows,
    }
}

/// The Sent tab read whole: its rows, understood, and the list's state
/// (whether it holds people and is complete).
pub fn read_sent_tab<E: DomElement>(
    scope: &E,
    lang: &str,
    path: &str,
) -> (Vec<SentRow>, ListState) {
    let found = find_sent_rows(scope, lang);
    let rows: Vec<SentRow> = found.iter().map(|r| read_row(&r.text)).collect();
    let state = list_state(&list_text(scope, &found, path), &rows);
    (rows, state)
}
