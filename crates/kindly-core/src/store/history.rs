//! Pruning and wiping the history of people, and restoring the template
//! library.

use crate::library::default_templates;
use crate::model::{Data, Day, Person};

// ───────────────────────── history and the library ─────────────────────────

/// Whether the user wrote anything about this person (never dropped).
pub(super) fn user_wrote(p: &Person) -> bool {
    !p.note.trim().is_empty() || p.bucket.is_some() || p.relationship.is_some()
}

/// Drops people not seen for `settings.history_days` days about whom the
/// user wrote nothing (no note, bucket or relationship). Returns the removed
/// card keys, so the caller can remove their storage keys.
pub fn prune_history(data: &mut Data, today: Day) -> Vec<String> {
    let keep_days = data.settings.history_days;
    let removed: Vec<String> = data
        .people
        .iter()
        .filter(|(_, p)| !user_wrote(p) && today.saturating_sub(p.last_seen) > keep_days)
        .map(|(k, _)| k.clone())
        .collect();
    for k in &removed {
        data.people.remove(k);
    }
    removed
}

/// Forgets what Kindly recorded by itself (when people were seen, their
/// invitations, headlines, suggested actions) but keeps what the user wrote:
/// people with a note, bucket or relationship stay with just those (and
/// their name). Returns the card keys removed entirely.
pub fn wipe_history(data: &mut Data) -> Vec<String> {
    let removed: Vec<String> = data
        .people
        .iter()
        .filter(|(_, p)| !user_wrote(p))
        .map(|(k, _)| k.clone())
        .collect();
    for k in &removed {
        data.people.remove(k);
    }
    for p in data.people.values_mut() {
        *p = Person {
            name: std::mem::take(&mut p.name),
            kind: p.kind,
            relationship: p.relationship,
            note: std::mem::take(&mut p.note),
            bucket: p.bucket,
            ..Person::default()
        };
    }
    removed
}

/// Resets every built-in template to the library's text and adds the
/// missing ones; the user's own templates are untouched. Returns the ids
/// added or reset.
pub fn restore_default_templates(data: &mut Data) -> Vec<String> {
    let mut changed = Vec::new();
    for d in default_templates() {
        match data.templates.iter_mut().find(|t| t.id == d.id) {
            Some(t) if t.builtin => {
                if *t != d {
                    changed.push(d.id.clone());
                    *t = d;
                }
            }
            // A user template that took a built-in's id keeps it; the
            // built-in is not added twice.
            Some(_) => {}
            None => {
                changed.push(d.id.clone());
                data.templates.push(d);
            }
        }
    }
    changed
}

/// Adds built-in templates this data does not have yet (after an update
/// brings new ones), changing nothing else. Returns the ids added.
pub fn add_missing_default_templates(data: &mut Data) -> Vec<String> {
    let mut added = Vec::new();
    for d in default_templates() {
        if !data.templates.iter().any(|t| t.id == d.id) {
            added.push(d.id.clone());
            data.templates.push(d);
        }
    }
    added
}
