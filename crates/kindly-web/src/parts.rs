//! Every name Kindly marks its own elements with, in one place: the parts of
//! a panel (`data-kindly="…"`, the test contract of the README's "The
//! panel's test contract"), the panel element's own attributes, and the
//! attributes a part carries. Code that draws a part and code that finds it
//! (keys, clipboard, tests through the contract) use these names, so a
//! renamed part cannot leave a reader behind.

/// The attribute naming a part.
pub const PART: &str = "data-kindly";

/// `[data-kindly=<part>]`: the selector of a part.
pub fn selector(part: &str) -> String {
    format!("[{PART}={part}]")
}

/// The `inner` part inside the `outer` part that holds `from` (a reply's
/// text from its Copy button, say): how a control finds what it acts on.
pub fn in_same(from: &web_sys::Element, outer: &str, inner: &str) -> Option<web_sys::Element> {
    from.closest(&selector(outer))
        .ok()
        .flatten()?
        .query_selector(&selector(inner))
        .ok()
        .flatten()
}

// The panel element and what it carries.
/// The panel element (in the closed root).
pub const PANEL: &str = "panel";
/// The card's key, on the panel element.
pub const KEY: &str = "data-key";
/// The invitation's kind, on the panel element.
pub const KIND: &str = "data-kind";
/// The suggested action, on the panel element.
pub const ACTION_ATTR: &str = "data-action";
/// Present once the panel is drawn.
pub const DRAWN: &str = "data-drawn";

// The header and the advice.
/// What Kindly suggests, in words.
pub const ACTION: &str = "action";
/// The Show/Hide button.
pub const TOGGLE: &str = "toggle";
/// The first reason, visible even when collapsed.
pub const MAIN_REASON: &str = "main-reason";
/// LinkedIn's "I don't know this person", explained (spam and scams).
pub const DONT_KNOW: &str = "dont-know";
/// The card could not be read.
pub const UNREADABLE: &str = "unreadable";
/// They invited the user before.
pub const HISTORY: &str = "history";
/// How long the invitation has waited.
pub const WAITED: &str = "waited";
/// The "Why?" disclosure.
pub const WHY: &str = "why";
/// The list of reasons.
pub const REASONS: &str = "reasons";
/// A reason's id, on its list item.
pub const REASON_ID: &str = "data-kindly-reason";
/// The "More" button of a short panel.
pub const MORE: &str = "more";
/// The live region that says what happened (copied, saved).
pub const STATUS: &str = "status";
/// The store is read-only (a newer Kindly wrote it): nothing is saved.
pub const READ_ONLY: &str = "read-only";
/// A change that was not saved, and why.
pub const UNSAVED: &str = "unsaved";
/// The person's edit here was written over by another tab or the popup.
pub const CHANGED_ELSEWHERE: &str = "changed-elsewhere";
/// Why a person's panel offers no reply.
pub const NOTHING_TO_SEND: &str = "nothing-to-send";

// A reply.
/// One reply offered.
pub const SUGGESTION: &str = "suggestion";
/// The template a reply was written from, on the reply.
pub const TEMPLATE_ID: &str = "data-kindly-template";
/// Where a reply is sent (`on_card`, `after_accept`), on the reply.
pub const DELIVERY_ATTR: &str = "data-kindly-delivery";
/// Where a reply is sent, in words.
pub const DELIVERY: &str = "delivery";
/// The reply's text as shown (and copied).
pub const TEXT: &str = "text";
/// The reply's editor.
pub const EDITOR: &str = "editor";
/// The character count.
pub const COUNT: &str = "count";
/// The politeness hints of an edited reply.
pub const HINTS: &str = "hints";
/// A hint's id, on its list item.
pub const HINT_ID: &str = "data-kindly-hint";
/// The Copy button.
pub const COPY: &str = "copy";
/// Whether the last copy worked, on the Copy button.
pub const COPIED: &str = "data-kindly-copied";
/// Which copy the Copy button's label is about (a later one wins).
pub const COPY_ID: &str = "data-kindly-copy-id";
/// The Edit button.
pub const EDIT: &str = "edit";
/// The "Save as template" button.
pub const SAVE_TEMPLATE: &str = "save-template";

// What the user tells Kindly about the person.
/// How the user knows them.
pub const RELATIONSHIP: &str = "relationship";
/// The private note and the weekly-review bucket.
pub const MEMORY: &str = "memory";
/// The private note.
pub const NOTE: &str = "note";
/// The weekly-review bucket.
pub const BUCKET: &str = "bucket";
/// A control focus returns to after a redraw (`relationship-<value>`).
pub const FOCUS_ID: &str = "data-kindly-part";

// The first run.
/// The first-run form.
pub const FIRST_RUN: &str = "first-run";
/// Its Save button.
pub const FIRST_RUN_SAVE: &str = "first-run-save";
/// Its Skip button.
pub const FIRST_RUN_SKIP: &str = "first-run-skip";

// The note strip in LinkedIn's "Add a note" dialog (kind `note`).
/// The count of the note in LinkedIn's box against its limit.
pub const NOTE_COUNT: &str = "count";
/// The list of notes offered.
pub const NOTES: &str = "notes";
/// One note offered.
pub const NOTE_SUGGESTION: &str = "note-suggestion";
/// Its text.
pub const NOTE_TEXT: &str = "note-text";
/// Its "Use" button, which puts the text in LinkedIn's box.
pub const USE: &str = "use";
/// The field for where the user met the person.
pub const MET_AT: &str = "met-at";
/// The field for what they talked about.
pub const TOPIC: &str = "topic";

// A Sent-tab row's panel (kind `sent`).
/// What Kindly suggests about the invitation, in words.
pub const SENT_ACTION: &str = "sent-action";
/// The suggestion's id (wait, withdraw, follow_up_elsewhere), on the panel element.
pub const SENT_ACTION_ATTR: &str = "data-sent-action";
/// A reason's id, on its list item.
pub const SENT_REASON_ID: &str = "data-reason";
