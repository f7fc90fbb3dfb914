//! What a person asks of a panel (or does on the page), as data. The panel,
//! the first run and the outcome listener emit an [`Intent`]; the content
//! script's session, which owns the stored data, handles it. So they need
//! nothing from the content script, and the content script's state is never
//! borrowed by their event handlers.

use kindly_core::{Answer, Bucket, Policy, Profile, Relationship};
use std::cell::RefCell;
use web_sys::Element;

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
    /// An edited reply, saved as a template of the person's own. `done`
    /// is called once the write resolved: `Err` holds why it was not saved,
    /// in the person's language.
    SaveAsTemplate {
        key: String,
        template_id: String,
        text: String,
        done: Box<dyn FnOnce(Result<(), String>)>,
    },
    /// The first run's questions answered in a panel (`None`: skipped).
    FinishFirstRun {
        answers: Option<FirstRunAnswers>,
    },
    /// The person clicked one of LinkedIn's controls on a marked card: the
    /// answer its label names, or `None` when its label names none (it is
    /// an acceptance if `control` is the Accept the card was marked for: a
    /// card found by shape, in a language Kindly has no words for).
    Answered {
        key: String,
        answer: Option<Answer>,
        control: Element,
    },
}

/// What the person answered in the first run.
pub struct FirstRunAnswers {
    pub name: String,
    /// Their field(s), comma-separated as typed.
    pub field: String,
    pub policy: Policy,
}

impl FirstRunAnswers {
    /// Writes the answers into `profile`.
    pub fn apply(self, profile: &mut Profile) {
        profile.name = self.name.trim().to_string();
        profile.industries = self
            .field
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        profile.policy = self.policy;
    }
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
