//! The content script's start: the store read as it is, never migrated or
//! repaired here (see [`read_start`]).

use super::layout::{KEY_META, SCHEMA, START_KEYS};
use super::load::{layout_entries, read_current, read_schema, Loaded};
use crate::model::Data;

/// What the content script makes of its read of [`START_KEYS`], without
/// opening the store: it migrates, repairs and writes defaults never (all
/// that is [`load`](super::load())'s, run by whoever holds every entry: the background
/// worker and the popup), so none of it is in the content build.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// The settings, profile and templates (no people: those are read by
    /// key). For a store that needs opening, a best effort: what could be
    /// read at the current schema, or nothing.
    pub data: Data,
    /// False for a store of a newer Kindly (read, never written) and for one
    /// that was not at the current schema.
    pub writable: bool,
    /// Nothing is stored, the schema is older or unreadable, or a value is
    /// damaged: the store must be opened (see [`load`](super::load())) and
    /// read again.
    pub needs_opening: bool,
}

/// Reads the start entries as they are (see [`Start`]).
pub fn read_start(entries: &[(String, String)]) -> Start {
    let mut mine = layout_entries(entries);
    // The people are read by key, for the cards on the page.
    mine.retain(|(k, _)| START_KEYS.contains(&k.as_str()));
    let schema = mine
        .iter()
        .find(|(k, _)| k.as_str() == KEY_META)
        .and_then(|(_, raw)| read_schema(raw));
    let empty = Data {
        schema: SCHEMA,
        ..Data::default()
    };
    let Some(schema) = schema.filter(|s| *s >= SCHEMA) else {
        return Start {
            data: empty,
            writable: false,
            needs_opening: true,
        };
    };
    let mut loaded = Loaded::of(empty);
    let templates_read = read_current(&mine, &mut loaded);
    let damaged = !templates_read || !loaded.quarantined.is_empty() || !loaded.problems.is_empty();
    let newer = schema > SCHEMA;
    Start {
        data: loaded.data,
        writable: !newer,
        needs_opening: damaged && !newer,
    }
}
