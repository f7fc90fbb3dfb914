//! Loading the store: reading every entry, migrating an older schema (after
//! a backup), setting unreadable values aside, and one person or company
//! entry read by key.

use super::layout::{
    is_kindly_key, new_user_data, person_key_of, sent_key_of, to_entries, BACKUP_PREFIX, KEY_META,
    KEY_PROFILE, KEY_SETTINGS, KEY_TEMPLATES, KEY_V1, PART_KEYS, QUARANTINE_PREFIX, SCHEMA,
};
use super::v1::migrate_v1;
use super::validate::{check_templates, describe, Reader, MAX_KEY, MAX_TEMPLATES};
use crate::library::default_templates;
use crate::model::{Data, Day, Person, SentInvitation, TemplateRecord};
use serde_json::Value;
use std::collections::BTreeMap;

/// One company's people from its entry; `None` when it is damaged (the
/// index is derived data: whoever holds every person writes it again).
pub fn read_company(raw: &str) -> Option<BTreeMap<String, Day>> {
    // Through `Value`, whose reader the store already carries: a typed
    // `from_str` would add serde_json's generic reader to the content script.
    let Value::Object(people) = serde_json::from_str::<Value>(raw).ok()? else {
        return None;
    };
    let mut seen = BTreeMap::new();
    for (key, day) in people {
        seen.insert(key, Day::try_from(day.as_u64()?).ok()?);
    }
    Some(seen)
}

/// One person from their stored entry (`key` is the storage key), checked
/// as [`load`] checks them; `Err` says why it could not be read.
/// A person with a field [`load`] would repair is not read either: the
/// caller (the content script) would write the repair over the original,
/// which `load` first sets aside.
pub fn read_person(key: &str, raw: &str) -> Result<Person, String> {
    read_entry(raw, |r, value| r.person(value, key))
}

/// One invitation the user sent, from its stored entry (`key` is the
/// storage key), checked as [`load`] checks it; `Err` says why it could not
/// be read (the entry is then left as stored, for [`load`] to set aside).
pub fn read_sent(key: &str, raw: &str) -> Result<SentInvitation, String> {
    read_entry(raw, |r, value| r.sent(value, key))
}

/// One stored entry read by `read`, only if the reader found nothing to
/// repair in it; else why not.
fn read_entry<T>(
    raw: &str,
    read: impl FnOnce(&mut Reader, &Value) -> Option<T>,
) -> Result<T, String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("not valid JSON: {e}"))?;
    let mut r = Reader::of_stored();
    match read(&mut r, &value) {
        Some(entry) if r.issues.is_empty() => Ok(entry),
        _ => Err(issues_since(&r, 0)),
    }
}

/// The issues `r` recorded from the `n`th on, in words.
fn issues_since(r: &Reader, n: usize) -> String {
    r.issues
        .get(n..)
        .unwrap_or_default()
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The ids of schema 2's built-in library: the migration adds the library's
/// other replies, but never one of these the user deleted.
pub const V2_LIBRARY: &[&str] = &[
    "stranger-generic",
    "stranger-personal",
    "ask-where-we-met",
    "friend-family",
    "former-colleague-catch-up",
    "outside-industry",
    "recruiter-not-now",
    "sales-pitch-no",
    "company-volume",
    "keep-pending-conversation",
    "met-in-person-thanks",
    "met-in-person-note",
    "thanks-after-accept",
    "repeat-inviter",
    "late-reply-decline",
    "late-reply-accept",
    "scam-minimal",
    "stranger-generic-fr",
    "stranger-generic-de",
    "stranger-generic-es",
];
// ───────────────────────── loading ─────────────────────────

/// What [`load`] read, and what the caller must do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// What was read, migrated and repaired: the data to work with.
    pub data: Data,
    /// The schema the store was migrated from, if a migration ran.
    pub migrated_from: Option<u32>,
    /// Entries to write *before* saving migrated data: the raw old entries
    /// under `kindly.backup.v<n>`.
    pub backup: Vec<(String, String)>,
    /// Values that could not be read: (key, raw value, why). Write them with
    /// [`quarantine_entry`] before saving, so nothing is lost.
    pub quarantined: Vec<(String, String, String)>,
    /// What was wrong but repaired (a field reset, a string cut), in words.
    pub problems: Vec<String>,
    /// The store was written by a newer Kindly (this schema). `data` is a
    /// best-effort read for display; the caller must not write anything.
    pub future_schema: Option<u32>,
    /// Keys that are obsolete once `writes()` are stored (the v1 key after
    /// its backup; quarantined values after their quarantine copy).
    pub remove: Vec<String>,
}

impl Loaded {
    /// Nothing read yet but `data`.
    pub(super) fn of(data: Data) -> Self {
        Loaded {
            data,
            migrated_from: None,
            backup: Vec::new(),
            quarantined: Vec::new(),
            problems: Vec::new(),
            future_schema: None,
            remove: Vec::new(),
        }
    }

    /// False when the store belongs to a newer Kindly: leave it untouched.
    pub fn may_write(&self) -> bool {
        self.future_schema.is_none()
    }

    /// Whether the stored entries differ from `to_entries(&self.data)`
    /// enough that they should be saved now (migration, repair, new user).
    pub fn needs_save(&self) -> bool {
        self.may_write()
            && (self.migrated_from.is_some()
                || !self.quarantined.is_empty()
                || !self.problems.is_empty()
                || !self.remove.is_empty())
    }

    /// Everything to store, in order: backup, quarantine, then the data.
    /// Empty for a future schema.
    pub fn writes(&self) -> Vec<(String, String)> {
        if !self.may_write() {
            return Vec::new();
        }
        let mut out = self.backup.clone();
        out.extend(
            self.quarantined
                .iter()
                .map(|(k, raw, why)| quarantine_entry(k, raw, why)),
        );
        out.extend(to_entries(&self.data));
        out
    }
}

/// The entry that keeps an unreadable value aside.
pub fn quarantine_entry(key: &str, raw: &str, why: &str) -> (String, String) {
    let v = serde_json::json!({ "key": key, "raw": raw, "why": why });
    (format!("{QUARANTINE_PREFIX}{key}"), v.to_string())
}

pub(super) fn backup_entry(schema: u32, entries: &[(&String, &String)]) -> (String, String) {
    let map: BTreeMap<&str, &str> = entries
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let v = serde_json::json!({ "schema": schema, "entries": map });
    (format!("{BACKUP_PREFIX}{schema}"), v.to_string())
}

/// Reads the store from its raw entries (all of `chrome.storage.local`, or
/// just Kindly's keys). Never fails; see [`Loaded`] for what to do next.
pub fn load(entries: &[(String, String)]) -> Loaded {
    let mine = layout_entries(entries);
    let mut loaded = Loaded::of(new_user_data());
    if mine.is_empty() {
        return loaded;
    }
    let get = |key: &str| {
        mine.iter()
            .find(|(k, _)| k.as_str() == key)
            .map(|(_, v)| v.as_str())
    };
    let has_v2 = mine.iter().any(|(k, _)| k.as_str() != KEY_V1);

    let schema = match get(KEY_META) {
        Some(raw) => match read_schema(raw) {
            Some(n) => n,
            None => {
                loaded.quarantined.push((
                    KEY_META.into(),
                    raw.into(),
                    "the schema marker could not be read".into(),
                ));
                loaded.problems.push(
                    "The schema marker was damaged; the data was read as the current schema."
                        .into(),
                );
                SCHEMA
            }
        },
        None if get(KEY_V1).is_some() && !has_v2 => 1,
        None => {
            loaded.problems.push(
                "The schema marker was missing; the data was read as the current schema.".into(),
            );
            SCHEMA
        }
    };

    if schema > SCHEMA {
        loaded.future_schema = Some(schema);
        let mut scratch = loaded.clone();
        read_current_or_library(&mine, &mut scratch);
        loaded.data = scratch.data;
        loaded.problems.push(format!(
            "This data was saved by a newer Kindly (schema {schema}); it is shown read-only. Update Kindly to edit it."
        ));
        return loaded;
    }

    if schema <= 1 {
        match get(KEY_V1).map(serde_json::from_str::<Value>) {
            Some(Ok(v)) => {
                let mut r = Reader::default();
                loaded.data = migrate_v1(&v, &mut r, true);
                loaded
                    .problems
                    .extend(r.issues.iter().map(|i| format!("{KEY_V1}: {i}")));
            }
            Some(Err(e)) => {
                if let Some(raw) = get(KEY_V1) {
                    loaded.quarantined.push((
                        KEY_V1.into(),
                        raw.into(),
                        format!("not valid JSON: {e}"),
                    ));
                }
            }
            None => loaded
                .problems
                .push("Schema 1 data was expected but not found; starting afresh.".into()),
        }
        loaded.migrated_from = Some(schema.max(1));
        loaded.backup.push(backup_entry(1, &mine));
        loaded.remove.push(KEY_V1.into());
        return loaded;
    }

    read_current_or_library(&mine, &mut loaded);
    if schema < SCHEMA {
        if schema == 2 {
            upgrade_from_v2(&mut loaded.data);
        } else {
            upgrade_from_v3(&mut loaded.data);
        }
        loaded.migrated_from = Some(schema);
        loaded.backup.push(backup_entry(schema, &mine));
    }
    // A quarantined key is removed unless the store writes it again; the
    // keys are known without serialising anyone.
    let data = &loaded.data;
    let rewritten = |k: &str| {
        PART_KEYS.contains(&k)
            || person_key_of(k).is_some_and(|p| data.people.contains_key(p))
            || sent_key_of(k).is_some_and(|p| data.sent.contains_key(p))
    };
    loaded.remove = loaded
        .quarantined
        .iter()
        .map(|(k, _, _)| k.clone())
        // Only real storage keys (a damaged template is a part of one).
        .filter(|k| !rewritten(k) && mine.iter().any(|(m, _)| *m == k))
        .collect();
    loaded
}

/// The entries of the layout: Kindly's keys, without backups and
/// quarantined values.
pub(super) fn layout_entries(entries: &[(String, String)]) -> Vec<(&String, &String)> {
    entries
        .iter()
        .filter(|(k, _)| is_kindly_key(k))
        .filter(|(k, _)| !k.starts_with(BACKUP_PREFIX) && !k.starts_with(QUARANTINE_PREFIX))
        .map(|(k, v)| (k, v))
        .collect()
}

/// The schema in a `kindly.meta` value, if it can be read.
pub(super) fn read_schema(raw: &str) -> Option<u32> {
    let n = serde_json::from_str::<Value>(raw)
        .ok()?
        .get("schema")
        .and_then(Value::as_u64)?;
    Some(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Schema 2 → 3 on data read with the current reader (which already gave
/// templates without claims their text's): the library's current text for
/// built-in templates, its new replies, and the first run counted as done.
pub(super) fn upgrade_from_v2(data: &mut Data) {
    refresh_builtins(&mut data.templates);
    for d in default_templates() {
        let deleted = V2_LIBRARY.contains(&d.id.as_str());
        if !deleted && !data.templates.iter().any(|t| t.id == d.id) {
            data.templates.push(d);
        }
    }
    data.profile.first_run_done = true;
}

/// The library's replies that schema 4 brought (invitation notes and the
/// follow-up after an accept, in four languages), added when migrating
/// from schema 3.
pub const NEW_IN_V4: &[&str] = &[
    "note-what-we-talked-about",
    "note-stay-in-touch",
    "note-who-i-am",
    "note-mutual-contact",
    "follow-up-after-accept",
];

/// Schema 3 → 4: the library's current text for built-in templates, and
/// its new invitation notes and follow-up (sent invitations start empty;
/// settings read without `withdraw_after_days` already have its default).
pub(super) fn upgrade_from_v3(data: &mut Data) {
    refresh_builtins(&mut data.templates);
    for d in default_templates() {
        let base =
            d.id.strip_suffix(&format!("-{}", d.language))
                .unwrap_or(&d.id);
        if NEW_IN_V4.contains(&base) && !data.templates.iter().any(|t| t.id == d.id) {
            data.templates.push(d);
        }
    }
}

/// Built-in templates (the user edited none of them: an edit makes a
/// template the user's own) take the library's current version of their id.
pub(super) fn refresh_builtins(templates: &mut [TemplateRecord]) {
    let library = default_templates();
    for t in templates.iter_mut().filter(|t| t.builtin) {
        if let Some(current) = library.iter().find(|d| d.id == t.id) {
            *t = current.clone();
        }
    }
}

/// Reads a schema-2, -3 or -4 layout into `loaded`; false when it holds no
/// readable template list.
pub(super) fn read_current(mine: &[(&String, &String)], loaded: &mut Loaded) -> bool {
    let mut r = Reader::of_stored();
    let mut templates_read = false;
    for (key, raw) in mine {
        let key = key.as_str();
        let known = key == KEY_PROFILE
            || key == KEY_SETTINGS
            || key == KEY_TEMPLATES
            || person_key_of(key).is_some()
            || sent_key_of(key).is_some();
        if !known {
            continue;
        }
        let value = match serde_json::from_str::<Value>(raw) {
            Ok(v) => v,
            Err(e) => {
                loaded.quarantined.push((
                    key.into(),
                    (*raw).clone(),
                    format!("not valid JSON: {e}"),
                ));
                continue;
            }
        };
        let before = r.issues.len();
        let set_aside = loaded.quarantined.len();
        match key {
            KEY_PROFILE => loaded.data.profile = r.profile(&value, key),
            KEY_SETTINGS => loaded.data.settings = r.settings(&value, key),
            KEY_TEMPLATES => {
                if let Value::Array(items) = &value {
                    templates_read = true;
                    let mut ts = Vec::new();
                    if items.len() > MAX_TEMPLATES {
                        loaded.problems.push(format!(
                            "{key}: more than {MAX_TEMPLATES} templates; the rest were set aside."
                        ));
                    }
                    for (i, item) in items.iter().enumerate() {
                        let path = format!("{key}[{i}]");
                        if i >= MAX_TEMPLATES {
                            let why = format!("more than {MAX_TEMPLATES} templates");
                            loaded.quarantined.push((path, item.to_string(), why));
                            continue;
                        }
                        let n = r.issues.len();
                        match r.template(item, &path) {
                            Some(t) => ts.push(t),
                            None => {
                                let why = issues_since(&r, n);
                                r.issues.truncate(n);
                                loaded.quarantined.push((path, item.to_string(), why));
                            }
                        }
                    }
                    check_templates(&mut ts, key, true, &mut r);
                    loaded.data.templates = ts;
                } else {
                    loaded.quarantined.push((
                        key.into(),
                        (*raw).clone(),
                        format!("expected a list of templates, found {}", describe(&value)),
                    ));
                }
            }
            _ => {
                // One key per person, or per invitation the user sent.
                let sent = sent_key_of(key);
                let card_key = person_key_of(key).or(sent).unwrap_or_default();
                if card_key.is_empty() || card_key.chars().count() > MAX_KEY {
                    loaded.quarantined.push((
                        key.into(),
                        (*raw).clone(),
                        "the person's key is empty or too long".into(),
                    ));
                    continue;
                }
                let stored = if sent.is_some() {
                    r.sent(&value, key).map(|v| {
                        loaded.data.sent.insert(card_key.to_string(), v);
                    })
                } else {
                    r.person(&value, key).map(|p| {
                        loaded.data.people.insert(card_key.to_string(), p);
                    })
                };
                match stored {
                    Some(()) => {}
                    None => {
                        let why = issues_since(&r, before);
                        r.issues.truncate(before);
                        loaded.quarantined.push((key.into(), (*raw).clone(), why));
                    }
                }
            }
        }
        // Read, but with a field reset (a wrong type, a bad value): the
        // original is set aside whole before the repair is saved over it.
        let wholly_set_aside = loaded
            .quarantined
            .get(set_aside..)
            .unwrap_or_default()
            .iter()
            .any(|(k, _, _)| k == key);
        if r.issues.len() > before && !wholly_set_aside {
            let why = issues_since(&r, before);
            loaded.quarantined.push((key.into(), (*raw).clone(), why));
        }
    }
    loaded
        .problems
        .extend(r.issues.iter().map(ToString::to_string));
    loaded.data.schema = SCHEMA;
    templates_read
}

/// [`read_current`], with the library standing in for a template list that
/// is missing or unreadable (quarantined), so the user has replies at all.
/// Apart from it: the content script's start never adds the library.
fn read_current_or_library(mine: &[(&String, &String)], loaded: &mut Loaded) {
    let before = loaded.problems.len();
    if read_current(mine, loaded) {
        return;
    }
    loaded.data.templates = default_templates();
    if mine.iter().all(|(k, _)| k.as_str() != KEY_TEMPLATES) {
        loaded.problems.insert(
            before,
            "No templates were stored; the default library was added.".into(),
        );
    }
}
