//! What a person asks of a panel, as data. The panel emits an [`Intent`];
//! the content script's session, which owns the stored data, handles it.
//! So the panel needs nothing from the content script, and the content
//! script's state is never borrowed by a panel's event handler.

use kindly_core::{Bucket, Relationship};
use std::cell::RefCell;

pub enum Intent {
    /// How the person knows the inviter (re-judges the card).
    SetRelationship {
        key: String,
        relationship: Option<Relationship>,
    },
    SetNote {
        key: String,
        note: String,
    },
    SetBucket {
        key: String,
        bucket: Option<Bucket>,
    },
    /// "More": all replies, the relationship, the note.
    ShowEverything {
        key: String,
    },
    SetCollapsed {
        key: String,
        collapsed: bool,
    },
    /// An edited reply, kept while the page is open.
    RememberEdit {
        key: String,
        template_id: String,
        text: String,
    },
    /// An edited reply, saved as a template of the person's own.
    SaveAsTemplate {
        key: String,
        template_id: String,
        text: String,
    },
}

type Handler = Box<dyn Fn(Intent) -> bool>;

thread_local! {
    static HANDLER: RefCell<Option<Handler>> = const { RefCell::new(None) };
}

/// Installs the one handler of intents (the content script's session).
pub fn handle_with(handler: impl Fn(Intent) -> bool + 'static) {
    HANDLER.with(|h| *h.borrow_mut() = Some(Box::new(handler)));
}

/// Hands `intent` to the handler; false when nobody handled it (or the
/// handler said it failed: a template that could not be saved).
pub fn emit(intent: Intent) -> bool {
    HANDLER.with(|h| h.borrow().as_ref().is_some_and(|handler| handler(intent)))
}
