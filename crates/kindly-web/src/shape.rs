//! An invitation's Ignore and Accept controls told by their shape alone, for
//! a page whose words Kindly does not know (LinkedIn speaks three dozen
//! languages; `kindly_core::controls` lists the verbs of about twenty).
//!
//! Every era seen draws the pair the same way: two neighbouring controls,
//! Ignore first, each showing a short word and each with an accessible label
//! that names the person (or page) linked in the row: "Ignore an invitation
//! to connect from Lan Nguyễn" / "Accept Lan Nguyễn’s invitation", in any
//! language. The rows that must get no panel break that shape: a suggestion
//! (Connect and a dismiss drawn as an icon), an acknowledgement (a Message
//! link and a close icon), a note's own actions (Reply and a menu icon);
//! each has a control without text. The known eras' language-free marks
//! count too: E2a's `data-view-name="invitation-action"` and E1's
//! action-button class.
//!
//! Only used where the words found no card (the page search) or no Accept
//! or no Ignore control (a part of the page), so the cards of a page in a
//! known language pay nothing for it.

use crate::dom::collapse_whitespace;
use crate::markup::DomElement;
use crate::words::{control_label, name_text, Labelled, MAX_CONTROL_TEXT};

/// Ancestors a card root must never reach: these hold page chrome.
pub(crate) const PAGE_CHROME: &str =
    "main, nav, header, h1, [role=\"main\"], [role=\"navigation\"], [data-testid=\"lazy-column\"]";

/// Controls the known eras mark as an invitation's, whatever the language.
const ERA_ACTIONS: &str = "[data-view-name=\"invitation-action\"], \
     [data-view-name=\"invitation-action\"] *, .invitation-card__action-btn";

/// Links to whoever a row is about: a person, or a page, school, showcase,
/// newsletter, event or group (whose inviter may be a page).
pub(crate) const NAMED_LINKS: &str = "a[href*=\"/in/\"], a[href*=\"/company/\"], a[href*=\"/school/\"], \
     a[href*=\"/showcase/\"], a[href*=\"/newsletters/\"], a[href*=\"/events/\"], a[href*=\"/groups/\"]";

/// How far the two controls may sit from the element holding both (E2b:
/// each in its own wrapper, two levels), and that element from the row's
/// links (E2b: two levels more).
const PAIR_DEPTH: usize = 3;
const ROW_DEPTH: usize = 5;

/// The Accept and the Ignore controls among `all` (a scope's controls in
/// document order) by shape: each pair's second control is its Accept.
pub fn pairs<E: DomElement>(all: Vec<E>) -> (Vec<Labelled<E>>, Vec<Labelled<E>>) {
    let mut pairer = Pairer::default();
    let mut accepts = Vec::new();
    let mut ignores = Vec::new();
    for control in all {
        pairer.feed(control, &mut accepts, &mut ignores);
    }
    (accepts, ignores)
}

/// Pairs a scope's controls fed one at a time, in document order (the page
/// search goes a card at a time).
pub struct Pairer<E> {
    /// The control before, not paired yet.
    unpaired: Option<E>,
}

impl<E> Default for Pairer<E> {
    fn default() -> Self {
        Pairer { unpaired: None }
    }
}

impl<E: DomElement> Pairer<E> {
    /// Files `control` and the one before it among the Ignore and Accept
    /// controls when they are a pair.
    pub fn feed(
        &mut self,
        control: E,
        accepts: &mut Vec<Labelled<E>>,
        ignores: &mut Vec<Labelled<E>>,
    ) {
        let Some(first) = self.unpaired.take() else {
            self.unpaired = Some(control);
            return;
        };
        match pair(&first, &control) {
            Some((ignore, accept)) => {
                ignores.push((first, ignore));
                accepts.push((control, accept));
            }
            None => self.unpaired = Some(control),
        }
    }
}

/// The labels of `first` and `second` (neighbouring controls) when they are
/// an invitation's Ignore and Accept.
fn pair<E: DomElement>(first: &E, second: &E) -> Option<(String, String)> {
    if first.matches(ERA_ACTIONS) && second.matches(ERA_ACTIONS) {
        return Some((control_label(first), control_label(second)));
    }
    let ignore = labelled_word(first)?;
    let accept = labelled_word(second)?;
    let holder = common_ancestor(first, second)?;
    names_someone_in_row(&holder, &ignore, &accept).then_some((ignore, accept))
}

/// A control's accessible label, when it also shows a short text (a word,
/// not an icon).
fn labelled_word<E: DomElement>(control: &E) -> Option<String> {
    let label = collapse_whitespace(&control.attr("aria-label")?);
    let text = collapse_whitespace(&control.text_content());
    let shows_word = !text.is_empty() && text.chars().count() <= MAX_CONTROL_TEXT;
    (shows_word && !label.is_empty()).then_some(label)
}

/// The nearest element holding both controls, if it is close to both.
fn common_ancestor<E: DomElement>(first: &E, second: &E) -> Option<E> {
    let mut current = first.parent();
    for _ in 0..PAIR_DEPTH {
        let element = current?;
        if element.contains(second) {
            return Some(element);
        }
        current = element.parent();
    }
    None
}

/// Whether both labels name someone linked in the row around `holder`: a
/// link's text, or its first words (a badge or credential may follow the
/// name in the link but not in the labels), is in both.
fn names_someone_in_row<E: DomElement>(holder: &E, ignore: &str, accept: &str) -> bool {
    let mut current = Some(holder.clone());
    for _ in 0..ROW_DEPTH {
        let Some(element) = current else { break };
        if element.matches(PAGE_CHROME) {
            break;
        }
        let named = element.select_all(NAMED_LINKS).iter().any(|link| {
            let name = name_text(link);
            let words: Vec<&str> = name.split(' ').collect();
            (1..=words.len()).rev().any(|n| {
                let start = words.get(..n).map(|w| w.join(" ")).unwrap_or_default();
                start.chars().count() >= 2 && ignore.contains(&start) && accept.contains(&start)
            })
        });
        if named {
            return true;
        }
        current = element.parent();
    }
    false
}
