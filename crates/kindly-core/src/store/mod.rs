//! Stored data: the schema version, migrations from every earlier version,
//! the storage layout, and validation of imported files.
//!
//! Design decision: *user data is never lost*. Every value read from storage
//! or from a file goes through one field-by-field reader ([`Issue`]s carry a
//! path such as `templates[3].body`) rather than a blind `serde` parse, so a
//! damaged field costs that field, not the whole store; a value that cannot
//! be read at all is set aside (quarantined) with the reason, never dropped,
//! and so is the original of one read with a field reset (a wrong type, an
//! unknown word) before its repair is saved; the length and count caps hold
//! for what comes in from a file, while stored text and lists are kept whole
//! (templates past the count cap are set aside, with a problem recorded);
//! a migration first hands back a backup of the raw entries; a store written
//! by a newer Kindly is read but flagged so it is never overwritten; an
//! import is validated completely before anything changes.
//!
//! # Storage layout (schema 4), in `chrome.storage.local`
//! Every value is a JSON string.
//!
//! | key | value |
//! |---|---|
//! | `kindly.meta` | `{"schema": 4}` |
//! | `kindly.profile` | [`Profile`](crate::model::Profile) |
//! | `kindly.settings` | [`Settings`](crate::model::Settings) (with `withdraw_after_days`, default 21, and `show_kindly`: `"in_page"` by default, or `"beside_page"`) |
//! | `kindly.templates` | `[TemplateRecord, …]` (built-ins and the user's own) |
//! | `kindly.person.<card key>` | [`Person`](crate::model::Person), one key per person, so two tabs recording different people never overwrite each other |
//! | `kindly.company.<company key>` | the index of remembered people by the company in their headline (person key → last seen day), one entry per company, so start-up reads only the companies of the cards on the page; derived from the people, rebuilt when missing |
//! | `kindly.sent.<card key>` | [`SentInvitation`](crate::model::SentInvitation), one key per invitation the user sent: `{name, sent, note, met_at, topic, mutual_name, language, status: "pending"\|"accepted"\|"withdrawn"\|"unknown", status_day, last_listed, followed_up, seen_sent}` (days since 1970-01-01) |
//! | `kindly.backup.v<n>` | `{"schema": n, "entries": {key: raw value}}`, written before migrating from schema n |
//! | `kindly.quarantine.<key>` | `{"key", "raw", "why"}`: a value that could not be read |
//!
//! Keys not starting with `kindly` are not Kindly's and are never read.
//! An export file (`format: "kindly-export"`) holds the same values:
//! `profile`, `settings`, `templates`, `people` and `sent` (by card key).
//!
//! # Schema 3, migrated on load
//! The same keys without `kindly.sent.*` (invitations the user sent were
//! not remembered) and settings without `withdraw_after_days`. Templates
//! had no `{met_at}`, `{topic}` or `{my_role}`, no situations `invite` or
//! `follow_up` and no claim `mutual_contact`, so a store or file holding
//! them is refused by a schema-3 Kindly (it reads a newer schema as
//! read-only). Migration (after the backup `kindly.backup.v3`): built-in
//! templates take the library's current text (the invitation note
//! `met-in-person-note` became the "where we met" note), and the library's
//! invitation notes and follow-up ([`NEW_IN_V4`]) are added.
//!
//! # Schema 2, migrated on load
//! The same keys. Templates had no `claims` (what their words assert) and
//! no `any_language`; profiles had no `open_to_roles`, `reply_language` or
//! `first_run_done`; people had no `outcome`. Migration (after the backup
//! `kindly.backup.v2`): built-in templates are replaced by the current
//! library's text (edited ones stopped being built-in when edited), the
//! library's new replies are added (not those the user deleted), the
//! user's own templates get the claims their text makes
//! ([`crate::claims::in_text`]), and the first run counts as done.
//! A template read without `claims` (from any source) gets its text's.
//!
//! # Schema 1 (Kindly 0.0.x), migrated on load
//! One key, `kindly`, held everything:
//! `{"version": 1, "me": {name, email, industry, company, onlyKnowWell,
//! premium}, "options": {collapsed, reminder, keepDays}, "templates": [{name,
//! text, kind: "note"|"message", builtin}], "relationships": {key:
//! "stranger"|"met"|"friend"|"colleague"|"close"}, "people": {key: {name,
//! firstSeen, lastSeen, invited: [day…], note, bucket:
//! "later"|"ignore"|"review"}}}`. Templates had no id and used camelCase
//! placeholders (`{firstName}`). Migration renames the placeholders, gives
//! user templates ids, replaces the old built-ins with the current library,
//! and folds relationships into people.

mod history;
mod layout;
mod load;
mod start;
mod transfer;
mod v1;
mod validate;

pub use history::*;
pub use layout::*;
pub use load::*;
pub use start::*;
pub use transfer::*;
pub use validate::{read_profile, read_template, Issue, MAX_NOTE};
