//! Carrying what a person chose into storage, and what others changed back
//! into a [`Session`]: the same for the two places that hold a session, the
//! content script (panels in the page) and the side panel (panels beside
//! it). Each names its session through [`Holder`].

use crate::intent::FirstRunAnswers;
use crate::session::{Foreign, Session};
use crate::storage;
use crate::ui_text;
use kindly_core::{my_templates, store, Invitation, Person};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

/// Where a session lives (a thread-local of its module's state).
pub trait Holder: 'static {
    /// Runs `f` on the session; `None` when there is none (not started, or
    /// already borrowed by a caller up the stack).
    fn with_session<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R>;
}

/// Why a change was not saved.
pub enum Unsaved {
    /// The store belongs to a newer Kindly (or could not be opened).
    ReadOnly,
    /// What is stored for this person could not be read.
    Unreadable,
    Failed(storage::WriteFailure),
}

impl Unsaved {
    /// In the person's language, for the panel.
    pub fn text(&self) -> String {
        let key = match self {
            Unsaved::ReadOnly => "not_saved_read_only",
            Unsaved::Unreadable => "not_saved_unreadable",
            Unsaved::Failed(storage::WriteFailure::Full) => "not_saved_full",
            Unsaved::Failed(storage::WriteFailure::Other(_)) => "not_saved",
        };
        ui_text::text(key, &[])
    }

    /// For the console.
    pub fn detail(&self) -> String {
        match self {
            Unsaved::Failed(storage::WriteFailure::Other(why)) => why.clone(),
            other => format!("Kindly: {}", other.text()),
        }
    }
}

fn warn(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(text));
}

/// Writes entries, remembering them so the holder's own change events are
/// recognised, and calls `done` once the browser has them or refused them;
/// at once when the store may not be written.
pub fn save_then<H: Holder>(
    entries: Vec<(String, String)>,
    done: impl FnOnce(Result<(), Unsaved>) + 'static,
) {
    if entries.is_empty() {
        return done(Ok(()));
    }
    let allowed = H::with_session(|session| session.note_writes(&entries)).unwrap_or(false);
    if !allowed {
        return done(Err(Unsaved::ReadOnly));
    }
    spawn_local(async move {
        let written = storage::write_confirmed(&entries).await;
        if written.is_err() {
            H::with_session(|session| session.forget_writes(&entries));
        }
        done(written.map_err(Unsaved::Failed));
    });
}

/// [`save_then`], failures logged (the panels keep working from memory).
pub fn save<H: Holder>(entries: Vec<(String, String)>) {
    save_then::<H>(entries, |result| {
        if let Err(why) = result {
            warn(&why.detail());
        }
    });
}

/// Saves a change the person made in `key`'s panel; if it is not saved,
/// the panel says why (what they typed stays where it is).
pub fn save_for_panel<H: Holder>(key: &str, entries: Vec<(String, String)>) {
    let key = key.to_string();
    save_then::<H>(entries, move |result| {
        if let Err(why) = result {
            warn(&why.detail());
            crate::panel::show_unsaved(&key, &why.text());
        }
    });
}

/// Changes what is kept about `key`'s person, and saves it.
pub fn update_person<H: Holder>(key: &str, change: impl FnOnce(&mut Person)) {
    match H::with_session(|session| session.update_person(key, change)) {
        Some(Some(entry)) => save_for_panel::<H>(key, vec![entry]),
        // What is stored could not be read: writing would replace it.
        Some(None) => crate::panel::show_unsaved(key, &Unsaved::Unreadable.text()),
        None => {}
    }
}

/// The first run answered (or skipped) in a panel: kept in the profile.
pub fn finish_first_run<H: Holder>(answers: Option<FirstRunAnswers>) {
    let entry = H::with_session(|session| {
        let profile = &mut session.data.profile;
        if let Some(answers) = answers {
            answers.apply(profile);
        }
        profile.first_run_done = true;
        store::part_entry(&session.data, store::KEY_PROFILE)
    })
    .flatten();
    if let Some(entry) = entry {
        save::<H>(vec![entry]);
    }
}

/// Saves an edited reply to `invitation` as a new template of the person's
/// own; the names of this inviter become placeholders again so it fits the
/// next one too. `done` hears once the write resolved.
pub fn save_as_template<H: Holder>(
    invitation: Option<Invitation>,
    template_id: &str,
    text: &str,
    done: Box<dyn FnOnce(Result<(), String>)>,
) {
    // A read-only store: the person's text stays in the editor, and no
    // template is added in memory that storage will never hold.
    if H::with_session(|session| !session.writable).unwrap_or(true) {
        return done(Err(Unsaved::ReadOnly.text()));
    }
    let entries = invitation
        .and_then(|invitation| {
            H::with_session(|session| {
                let body = kindly_core::reuse::generalise(text, &invitation);
                let title = session
                    .data
                    .templates
                    .iter()
                    .find(|t| t.id == template_id)
                    .map(|t| ui_text::text("my_version", &[&t.title]))
                    .unwrap_or_else(|| ui_text::text("my_reply", &[]));
                my_templates::save_from_reply(
                    &mut session.data,
                    template_id,
                    title,
                    body,
                    crate::dom::now(),
                );
                store::part_entry(&session.data, store::KEY_TEMPLATES).map(|entry| vec![entry])
            })
        })
        .flatten()
        .unwrap_or_default();
    if entries.is_empty() {
        return done(Err(ui_text::text("not_saved", &[])));
    }
    save_then::<H>(entries, move |result| {
        done(result.map_err(|why| {
            warn(&why.detail());
            why.text()
        }))
    });
}

/// Another tab, the popup or the other place changed storage: reads again
/// what the session holds (the start keys when one of them changed, the
/// people it holds who changed), then calls `redraw` if that changed
/// anything.
pub fn take_foreign<H: Holder>(changes: &[(String, Option<String>)], redraw: fn()) {
    let Some(foreign) = H::with_session(|session| session.foreign(changes)) else {
        return;
    };
    let Foreign { start, people } = foreign;
    if !start && people.is_empty() {
        return; // the holder's own writes, or people it does not hold
    }
    spawn_local(async move {
        if start {
            let Ok(entries) = storage::read_keys(&store::START_KEYS).await else {
                return;
            };
            let read = store::read_start(&entries);
            // A store being opened elsewhere (migrated, repaired) is kept
            // as it is held: the opener's writes report again.
            if !read.needs_opening {
                H::with_session(|session| session.take_start(read));
            }
        }
        let mut changed = start;
        if let Ok(entries) = storage::read_keys(&people).await {
            changed |= H::with_session(|session| {
                // An older write of the holder's own reports late, with a
                // value it has since replaced: what storage holds now is
                // what it holds, and nothing needs redrawing.
                let before = session.held(&people);
                session.forget(&people);
                warn_all(session.take_entries(&entries));
                session.held(&people) != before
            })
            .unwrap_or(false);
        }
        if changed {
            redraw();
        }
    });
}

pub fn warn_all(warnings: Vec<String>) {
    for warning in warnings {
        warn(&warning);
    }
}

/// Asks storage for the people the session waits for (one read at a
/// time); `then` runs after each answer.
pub fn read_people<H: Holder>(then: fn()) {
    let Some(keys) = H::with_session(|session| session.start_reading()).flatten() else {
        return;
    };
    spawn_local(async move {
        let read = storage::read_keys(&keys).await;
        if let Err(err) = &read {
            warn(err);
        }
        H::with_session(|session| {
            let entries = read.as_deref().ok();
            warn_all(session.finish_reading(keys, entries));
        });
        read_people::<H>(then);
        then();
    });
}
