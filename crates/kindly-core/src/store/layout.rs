//! The storage layout: the keys, what each holds, and the entries that
//! store the data (see the table in [`super`]).

use crate::advice::Companies;
use crate::library::default_templates;
use crate::model::{Data, Person, SentInvitation};
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA: u32 = 4;

pub const KEY_META: &str = "kindly.meta";
pub const KEY_PROFILE: &str = "kindly.profile";
pub const KEY_SETTINGS: &str = "kindly.settings";
pub const KEY_TEMPLATES: &str = "kindly.templates";
pub const PERSON_PREFIX: &str = "kindly.person.";
/// The index of remembered people by company ([`Companies`]): one entry
/// per company (its people and when each was last seen), so that start-up
/// reads the companies of the cards on the page, not everyone.
pub const COMPANY_PREFIX: &str = "kindly.company.";
pub const SENT_PREFIX: &str = "kindly.sent.";
pub const BACKUP_PREFIX: &str = "kindly.backup.v";
pub const QUARANTINE_PREFIX: &str = "kindly.quarantine.";
/// The store's single keys, each written whole by [`part_entry`].
pub(super) const PART_KEYS: [&str; 4] = [KEY_META, KEY_PROFILE, KEY_SETTINGS, KEY_TEMPLATES];
/// Schema 1 kept everything under this one key.
pub const KEY_V1: &str = "kindly";

/// The storage key of one person.
pub fn person_storage_key(key: &str) -> String {
    format!("{PERSON_PREFIX}{key}")
}

/// The card key in a person's storage key, if it is one.
pub fn person_key_of(storage_key: &str) -> Option<&str> {
    storage_key.strip_prefix(PERSON_PREFIX)
}

/// The storage key of an invitation the user sent.
pub fn sent_storage_key(key: &str) -> String {
    format!("{SENT_PREFIX}{key}")
}

/// The card key in a sent invitation's storage key, if it is one.
pub fn sent_key_of(storage_key: &str) -> Option<&str> {
    storage_key.strip_prefix(SENT_PREFIX)
}

/// The entry that stores one invitation the user sent.
pub fn sent_entry(key: &str, sent: &SentInvitation) -> (String, String) {
    (sent_storage_key(key), to_json(sent))
}

/// Whether a storage key belongs to Kindly.
pub fn is_kindly_key(key: &str) -> bool {
    key == KEY_V1 || key.starts_with("kindly.")
}

/// The entry that stores one person.
pub fn person_entry(key: &str, person: &Person) -> (String, String) {
    (person_storage_key(key), to_json(person))
}

pub(super) fn to_json<T: Serialize + ?Sized>(v: &T) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(v).unwrap_or_default()
}

/// What the content script reads at start: everything but the people (read
/// by key, for the cards on the page) and the backups. The schema-1 key is
/// there so that old data is still found (and migrated).
pub const START_KEYS: [&str; 5] = [KEY_META, KEY_PROFILE, KEY_SETTINGS, KEY_TEMPLATES, KEY_V1];

/// The storage key of one company's entry in the company index.
pub fn company_storage_key(company: &str) -> String {
    format!("{COMPANY_PREFIX}{company}")
}

/// The company in a company entry's storage key, if it is one.
pub fn company_key_of(storage_key: &str) -> Option<&str> {
    storage_key.strip_prefix(COMPANY_PREFIX)
}

/// The entry that stores one company of the index (an empty one when it
/// has nobody left).
pub fn company_entry(companies: &Companies, company: &str) -> (String, String) {
    let empty = BTreeMap::new();
    let members = companies.members_of(company).unwrap_or(&empty);
    (company_storage_key(company), to_json(members))
}

/// Every entry that stores `data`, in the layout above.
pub fn to_entries(data: &Data) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = PART_KEYS
        .into_iter()
        .filter_map(|key| part_entry(data, key))
        .collect();
    out.extend(data.people.iter().map(|(k, p)| person_entry(k, p)));
    out.extend(data.sent.iter().map(|(k, v)| sent_entry(k, v)));
    out
}

/// The entry of one of the store's single keys (`kindly.meta`, `.profile`,
/// `.settings`, `.templates`), so saving one part does not serialise every
/// person; `None` for any other key.
pub fn part_entry(data: &Data, key: &str) -> Option<(String, String)> {
    let value = match key {
        KEY_META => to_json(&Meta { schema: SCHEMA }),
        KEY_PROFILE => to_json(&data.profile),
        KEY_SETTINGS => to_json(&data.settings),
        KEY_TEMPLATES => to_json(&data.templates),
        _ => return None,
    };
    Some((key.to_string(), value))
}

#[derive(Serialize)]
pub(super) struct Meta {
    schema: u32,
}

/// A new user's data, with the default template library.
pub fn new_user_data() -> Data {
    Data {
        schema: SCHEMA,
        templates: default_templates(),
        ..Data::default()
    }
}
