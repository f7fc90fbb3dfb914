//! Stored data: the schema version, migrations from every earlier version,
//! the storage layout, and validation of imported files.
//!
//! Design decision: *user data is never lost*. Every value read from storage
//! or from a file goes through one field-by-field reader ([`Issue`]s carry a
//! path such as `templates[3].body`) rather than a blind `serde` parse, so a
//! damaged field costs that field, not the whole store; a value that cannot
//! be read at all is set aside (quarantined) with the reason, never dropped;
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
//! | `kindly.profile` | [`Profile`] |
//! | `kindly.settings` | [`Settings`] (with `withdraw_after_days`, default 21) |
//! | `kindly.templates` | `[TemplateRecord, …]` (built-ins and the user's own) |
//! | `kindly.person.<card key>` | [`Person`], one key per person, so two tabs recording different people never overwrite each other |
//! | `kindly.company.<company key>` | the index of remembered people by the company in their headline (person key → last seen day), one entry per company, so start-up reads only the companies of the cards on the page; derived from the people, rebuilt when missing |
//! | `kindly.sent.<card key>` | [`SentInvitation`], one key per invitation the user sent: `{name, sent, note, met_at, topic, mutual_name, language, status: "pending"\|"accepted"\|"withdrawn"\|"unknown", status_day, last_listed, followed_up, seen_sent}` (days since 1970-01-01) |
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

use crate::advice::Companies;
use crate::library::default_templates;
use crate::model::{
    AccountType, Action, Answer, Bucket, Claim, Data, Day, Kind, Outcome, Person, Policy, Profile,
    Relationship, SentInvitation, SentStatus, Settings, Situation, Target, TemplateRecord,
};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

/// The schema version this build writes.
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
const PART_KEYS: [&str; 4] = [KEY_META, KEY_PROFILE, KEY_SETTINGS, KEY_TEMPLATES];
/// Schema 1 kept everything under this one key.
pub const KEY_V1: &str = "kindly";

/// The marker in an export file's `format` field.
pub const EXPORT_FORMAT: &str = "kindly-export";

// Length caps: generous for real use, small enough that a damaged or hostile
// value cannot bloat storage or the panel.
const MAX_NAME: usize = 200;
const MAX_EMAIL: usize = 320;
const MAX_ITEM: usize = 100;
const MAX_ITEMS: usize = 50;
const MAX_LANG: usize = 16;
const MAX_ID: usize = 80;
const MAX_TITLE: usize = 120;
const MAX_BODY: usize = 10_000;
const MAX_NOTE: usize = 2_000;
const MAX_HEADLINE: usize = 300;
const MAX_DAYS: usize = 100;
const MAX_TEMPLATES: usize = 500;
const MAX_KEY: usize = 200;

/// A new user's data, with the default template library.
pub fn new_user_data() -> Data {
    Data {
        schema: SCHEMA,
        templates: default_templates(),
        ..Data::default()
    }
}

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

fn to_json<T: Serialize + ?Sized>(v: &T) -> String {
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
pub fn read_person(key: &str, raw: &str) -> Result<Person, String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("not valid JSON: {e}"))?;
    let mut r = Reader::default();
    let person = r.person(&value, key);
    match person {
        Some(p) => Ok(p),
        None => Err(r
            .issues
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")),
    }
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
struct Meta {
    schema: u32,
}

// ───────────────────────── reading values ─────────────────────────

/// One thing wrong with a value, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Where, e.g. `templates[3].body` or `kindly.person.ana`.
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a group of fields",
    }
}

/// A field's path, written out only when an issue names it: reading a
/// store of many people builds none of these strings.
#[derive(Clone, Copy)]
struct Field<'a>(&'a str, &'a str);

impl<'a> Field<'a> {
    fn at(self, index: usize) -> Item<'a> {
        Item(self, index)
    }
}

impl Display for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field("", field) => f.write_str(field),
            Field(path, field) => write!(f, "{path}.{field}"),
        }
    }
}

/// One entry of a list field: `path.field[i]`.
#[derive(Clone, Copy)]
struct Item<'a>(Field<'a>, usize);

impl Display for Item<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

fn truncate(s: &str, cap: usize) -> String {
    s.chars().take(cap).collect()
}

const TARGETS: &[&str] = &["note", "message"];
const POLICIES: &[&str] = &["know_well_only", "industry_focused", "open_networker"];
const ACCOUNTS: &[&str] = &["free", "premium"];
const BUCKETS: &[&str] = &["accept_later", "ignore", "review_further"];
const ANSWERS: &[&str] = &["accepted", "ignored"];

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

/// Reads values field by field. Every field that is wrong is recorded and
/// left at its default (or cut to its cap), so loading keeps the rest and an
/// import can refuse the whole file with every reason at once.
#[derive(Default)]
struct Reader {
    issues: Vec<Issue>,
}

impl Reader {
    fn issue(&mut self, path: impl Display, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn expected(&mut self, path: impl Display, expected: &str, found: &Value) {
        self.issue(
            path,
            format!("expected {expected}, found {}", describe(found)),
        );
    }

    fn object<'v>(&mut self, v: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(o) => Some(o),
            other => {
                self.expected(path, "a group of fields", other);
                None
            }
        }
    }

    fn string(&mut self, v: &Value, path: impl Display, cap: usize) -> Option<String> {
        match v {
            Value::String(s) => {
                if s.chars().count() > cap {
                    self.issue(path, format!("longer than {cap} characters"));
                    Some(truncate(s, cap))
                } else {
                    Some(s.clone())
                }
            }
            other => {
                self.expected(path, "text", other);
                None
            }
        }
    }

    fn text(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        cap: usize,
        out: &mut String,
    ) {
        if let Some(v) = o.get(field) {
            if let Some(s) = self.string(v, Field(path, field), cap) {
                *out = s;
            }
        }
    }

    fn flag(&mut self, o: &Map<String, Value>, field: &str, path: &str, out: &mut bool) {
        match o.get(field) {
            None => {}
            Some(Value::Bool(b)) => *out = *b,
            Some(other) => self.expected(Field(path, field), "true or false", other),
        }
    }

    fn whole(&mut self, v: &Value, path: impl Display, min: u32, max: u32) -> Option<u32> {
        match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) if (min..=max).contains(&n) => Some(n),
            Some(_) | None if v.is_number() => {
                self.issue(
                    path,
                    format!("expected a whole number from {min} to {max}, found {v}"),
                );
                None
            }
            _ => {
                self.expected(path, "a whole number", v);
                None
            }
        }
    }

    fn number(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        min: u32,
        max: u32,
        out: &mut u32,
    ) {
        if let Some(v) = o.get(field) {
            if let Some(n) = self.whole(v, Field(path, field), min, max) {
                *out = n;
            }
        }
    }

    fn opt_number(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        out: &mut Option<u32>,
    ) {
        match o.get(field) {
            None | Some(Value::Null) => {}
            Some(v) => {
                if let Some(n) = self.whole(v, Field(path, field), 0, u32::MAX) {
                    *out = Some(n);
                }
            }
        }
    }

    fn list<'v>(
        &mut self,
        o: &'v Map<String, Value>,
        field: &str,
        path: &str,
        max: usize,
    ) -> &'v [Value] {
        match o.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) => {
                if items.len() > max {
                    self.issue(
                        Field(path, field),
                        format!("more than {max} entries; the rest were left out"),
                    );
                }
                items.get(..max.min(items.len())).unwrap_or_default()
            }
            Some(other) => {
                self.expected(Field(path, field), "a list", other);
                &[]
            }
        }
    }

    fn texts(&mut self, o: &Map<String, Value>, field: &str, path: &str, out: &mut Vec<String>) {
        if o.get(field).is_none() {
            return;
        }
        let mut v = Vec::new();
        for (i, item) in self.list(o, field, path, MAX_ITEMS).iter().enumerate() {
            if let Some(s) = self.string(item, Field(path, field).at(i), MAX_ITEM) {
                v.push(s);
            }
        }
        *out = v;
    }

    fn choice_of<T: DeserializeOwned>(
        &mut self,
        v: &Value,
        path: impl Display,
        names: &[&str],
    ) -> Option<T> {
        match v {
            Value::String(s) if names.contains(&s.as_str()) => {
                let name: serde::de::value::StrDeserializer<serde::de::value::Error> =
                    s.as_str().into_deserializer();
                match T::deserialize(name) {
                    Ok(t) => Some(t),
                    Err(_) => {
                        self.issue(path, format!("“{s}” is not understood"));
                        None
                    }
                }
            }
            Value::String(s) => {
                self.issue(
                    path,
                    format!("“{}” is not one of: {}", truncate(s, 40), names.join(", ")),
                );
                None
            }
            other => {
                self.expected(path, &format!("one of: {}", names.join(", ")), other);
                None
            }
        }
    }

    fn choice<T: DeserializeOwned>(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        names: &[&str],
        out: &mut T,
    ) {
        if let Some(v) = o.get(field) {
            if let Some(t) = self.choice_of(v, Field(path, field), names) {
                *out = t;
            }
        }
    }

    fn opt_choice<T: DeserializeOwned>(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        names: &[&str],
        out: &mut Option<T>,
    ) {
        match o.get(field) {
            None | Some(Value::Null) => {}
            Some(v) => {
                if let Some(t) = self.choice_of(v, Field(path, field), names) {
                    *out = Some(t);
                }
            }
        }
    }

    fn choices<T: DeserializeOwned + PartialEq>(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        names: &[&str],
        out: &mut Vec<T>,
    ) {
        if o.get(field).is_none() {
            return;
        }
        let mut v: Vec<T> = Vec::new();
        for (i, item) in self.list(o, field, path, MAX_ITEMS).iter().enumerate() {
            if let Some(t) = self.choice_of(item, Field(path, field).at(i), names) {
                if !v.contains(&t) {
                    v.push(t);
                }
            }
        }
        *out = v;
    }

    fn profile(&mut self, v: &Value, path: &str) -> Profile {
        let mut p = Profile::default();
        let Some(o) = self.object(v, path) else {
            return p;
        };
        self.text(o, "name", path, MAX_NAME, &mut p.name);
        self.text(o, "email", path, MAX_EMAIL, &mut p.email);
        self.texts(o, "industries", path, &mut p.industries);
        self.texts(o, "companies", path, &mut p.companies);
        self.texts(o, "schools", path, &mut p.schools);
        self.choice(o, "policy", path, POLICIES, &mut p.policy);
        self.choice(o, "account", path, ACCOUNTS, &mut p.account);
        self.text(
            o,
            "template_language",
            path,
            MAX_LANG,
            &mut p.template_language,
        );
        self.flag(o, "open_to_roles", path, &mut p.open_to_roles);
        self.text(o, "reply_language", path, MAX_LANG, &mut p.reply_language);
        self.flag(o, "first_run_done", path, &mut p.first_run_done);
        p
    }

    fn settings(&mut self, v: &Value, path: &str) -> Settings {
        let mut s = Settings::default();
        let Some(o) = self.object(v, path) else {
            return s;
        };
        self.flag(o, "collapsed_by_default", path, &mut s.collapsed_by_default);
        self.flag(o, "weekly_reminder", path, &mut s.weekly_reminder);
        self.number(o, "history_days", path, 1, 3650, &mut s.history_days);
        self.number(o, "message_limit", path, 1, 100_000, &mut s.message_limit);
        self.number(
            o,
            "withdraw_after_days",
            path,
            1,
            3650,
            &mut s.withdraw_after_days,
        );
        s
    }

    fn template(&mut self, v: &Value, path: &str) -> Option<TemplateRecord> {
        let o = self.object(v, path)?;
        let mut t = TemplateRecord::default();
        self.text(o, "id", path, MAX_ID, &mut t.id);
        self.text(o, "title", path, MAX_TITLE, &mut t.title);
        self.text(o, "body", path, MAX_BODY, &mut t.body);
        self.choice(o, "target", path, TARGETS, &mut t.target);
        let actions = Action::ALL.map(Action::as_str);
        self.choices(o, "actions", path, &actions, &mut t.actions);
        let rels = Relationship::ALL.map(Relationship::as_str);
        self.choices(o, "relationships", path, &rels, &mut t.relationships);
        let situations = Situation::ALL.map(Situation::as_str);
        self.choices(o, "situations", path, &situations, &mut t.situations);
        self.flag(o, "builtin", path, &mut t.builtin);
        self.text(o, "language", path, MAX_LANG, &mut t.language);
        if o.contains_key("claims") {
            let claims = Claim::ALL.map(Claim::as_str);
            self.choices(o, "claims", path, &claims, &mut t.claims);
        } else {
            // Written before templates declared claims: their words say.
            t.claims = crate::claims::in_text(&t.body);
        }
        self.flag(o, "any_language", path, &mut t.any_language);
        Some(t)
    }

    fn templates(&mut self, v: &Value, path: &str) -> Vec<TemplateRecord> {
        let items = match v {
            Value::Array(items) => items,
            other => {
                self.expected(path, "a list", other);
                return Vec::new();
            }
        };
        if items.len() > MAX_TEMPLATES {
            self.issue(
                path,
                format!("more than {MAX_TEMPLATES} templates; the rest were left out"),
            );
        }
        let mut out = Vec::new();
        for (i, item) in items.iter().take(MAX_TEMPLATES).enumerate() {
            if let Some(t) = self.template(item, &format!("{path}[{i}]")) {
                out.push(t);
            }
        }
        out
    }

    fn person(&mut self, v: &Value, path: &str) -> Option<Person> {
        let o = self.object(v, path)?;
        let mut p = Person::default();
        self.text(o, "name", path, MAX_NAME, &mut p.name);
        let kinds = Kind::ALL.map(Kind::as_str);
        self.choice(o, "kind", path, &kinds, &mut p.kind);
        let rels = Relationship::ALL.map(Relationship::as_str);
        self.opt_choice(o, "relationship", path, &rels, &mut p.relationship);
        self.text(o, "note", path, MAX_NOTE, &mut p.note);
        self.opt_choice(o, "bucket", path, BUCKETS, &mut p.bucket);
        self.number(o, "first_seen", path, 0, u32::MAX, &mut p.first_seen);
        self.number(o, "last_seen", path, 0, u32::MAX, &mut p.last_seen);
        let mut days = Vec::new();
        for (i, d) in self
            .list(o, "invitations", path, MAX_DAYS)
            .iter()
            .enumerate()
        {
            if let Some(n) = self.whole(d, Field(path, "invitations").at(i), 0, u32::MAX) {
                days.push(n);
            }
        }
        p.invitations = days;
        let actions = Action::ALL.map(Action::as_str);
        self.opt_choice(o, "last_action", path, &actions, &mut p.last_action);
        self.text(o, "headline", path, MAX_HEADLINE, &mut p.headline);
        self.opt_number(o, "age_when_seen", path, &mut p.age_when_seen);
        p.outcome = self.outcome(o, path);
        Some(p)
    }

    /// A group of values by card key (an export's `people`, `sent`), each
    /// read by `read`.
    fn keyed<T>(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        read: impl Fn(&mut Self, &Value, &str) -> Option<T>,
    ) -> BTreeMap<String, T> {
        let mut out = BTreeMap::new();
        match o.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (k, v) in map {
                    let path = format!("{field}.{}", truncate(k, 60));
                    if k.is_empty() || k.chars().count() > MAX_KEY {
                        self.issue(&path, "the person's key is empty or too long");
                        continue;
                    }
                    if let Some(value) = read(self, v, &path) {
                        out.insert(k.clone(), value);
                    }
                }
            }
            Some(other) => self.expected(field, "a group of fields", other),
        }
        out
    }

    /// An invitation the user sent (`kindly.sent.<key>`).
    fn sent(&mut self, v: &Value, path: &str) -> Option<SentInvitation> {
        let o = self.object(v, path)?;
        let mut r = SentInvitation::default();
        self.text(o, "name", path, MAX_NAME, &mut r.name);
        self.number(o, "sent", path, 0, u32::MAX, &mut r.sent);
        self.text(o, "note", path, MAX_NOTE, &mut r.note);
        self.text(o, "met_at", path, MAX_ITEM, &mut r.met_at);
        self.text(o, "topic", path, MAX_ITEM, &mut r.topic);
        self.text(o, "mutual_name", path, MAX_NAME, &mut r.mutual_name);
        self.text(o, "language", path, MAX_LANG, &mut r.language);
        let statuses = SentStatus::ALL.map(SentStatus::as_str);
        self.choice(o, "status", path, &statuses, &mut r.status);
        self.number(o, "status_day", path, 0, u32::MAX, &mut r.status_day);
        self.number(o, "last_listed", path, 0, u32::MAX, &mut r.last_listed);
        self.flag(o, "followed_up", path, &mut r.followed_up);
        self.flag(o, "seen_sent", path, &mut r.seen_sent);
        Some(r)
    }

    /// A person's `outcome`: `{"answer": "accepted"|"ignored", "day": n}`.
    fn outcome(&mut self, o: &Map<String, Value>, path: &str) -> Option<Outcome> {
        let v = o.get("outcome").filter(|v| !v.is_null())?;
        let at = Field(path, "outcome").to_string();
        let fields = self.object(v, &at)?;
        let mut answer: Option<Answer> = None;
        self.opt_choice(fields, "answer", &at, ANSWERS, &mut answer);
        let mut day = 0;
        self.number(fields, "day", &at, 0, u32::MAX, &mut day);
        match answer {
            Some(answer) => Some(Outcome { answer, day }),
            None => {
                self.issue(Field(&at, "answer"), "missing: accepted or ignored");
                None
            }
        }
    }
}

/// Template ids must be unique and non-empty; bodies must parse. On load a
/// problem is recorded and the template kept (the editor shows its errors);
/// on import it refuses the file.
fn check_templates(templates: &mut [TemplateRecord], path: &str, fix_ids: bool, r: &mut Reader) {
    let mut seen = BTreeSet::new();
    for (i, t) in templates.iter_mut().enumerate() {
        let at = format!("{path}[{i}]");
        let label = if t.title.is_empty() {
            at.clone()
        } else {
            format!("{at} (“{}”)", truncate(&t.title, 40))
        };
        if t.id.trim().is_empty() {
            r.issue(Field(&at, "id"), "a template needs an id");
            if fix_ids {
                t.id = format!("custom-{}", slug(&t.title));
            }
        }
        if seen.contains(&t.id) {
            r.issue(Field(&at, "id"), format!("the id “{}” is used twice", t.id));
            if fix_ids {
                let base = t.id.clone();
                let mut n = 2;
                while seen.contains(&format!("{base}-{n}")) {
                    n += 1;
                }
                t.id = format!("{base}-{n}");
            }
        }
        seen.insert(t.id.clone());
        if let Err(errors) = crate::template::parse(&t.body) {
            for e in errors {
                r.issue(Field(&label, "body"), e.message);
            }
        }
    }
}

/// A lower-case id fragment from a title.
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "template".into()
    } else {
        out
    }
}

// ───────────────────────── loading ─────────────────────────

/// What [`load`] read, and what the caller must do about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
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

fn backup_entry(schema: u32, entries: &[(&String, &String)]) -> (String, String) {
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
    let mine: Vec<(&String, &String)> = entries
        .iter()
        .filter(|(k, _)| is_kindly_key(k))
        .filter(|(k, _)| !k.starts_with(BACKUP_PREFIX) && !k.starts_with(QUARANTINE_PREFIX))
        .map(|(k, v)| (k, v))
        .collect();
    let mut loaded = Loaded {
        data: new_user_data(),
        migrated_from: None,
        backup: Vec::new(),
        quarantined: Vec::new(),
        problems: Vec::new(),
        future_schema: None,
        remove: Vec::new(),
    };
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
        Some(raw) => match serde_json::from_str::<Value>(raw)
            .ok()
            .and_then(|v| v.get("schema").and_then(Value::as_u64))
        {
            Some(n) => u32::try_from(n).unwrap_or(u32::MAX),
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
        read_current(&mine, &mut scratch);
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

    read_current(&mine, &mut loaded);
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

/// Schema 2 → 3 on data read with the current reader (which already gave
/// templates without claims their text's): the library's current text for
/// built-in templates, its new replies, and the first run counted as done.
fn upgrade_from_v2(data: &mut Data) {
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
fn upgrade_from_v3(data: &mut Data) {
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
fn refresh_builtins(templates: &mut [TemplateRecord]) {
    let library = default_templates();
    for t in templates.iter_mut().filter(|t| t.builtin) {
        if let Some(current) = library.iter().find(|d| d.id == t.id) {
            *t = current.clone();
        }
    }
}

/// Reads a schema-2 or -3 layout into `loaded`.
fn read_current(mine: &[(&String, &String)], loaded: &mut Loaded) {
    let mut r = Reader::default();
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
        match key {
            KEY_PROFILE => loaded.data.profile = r.profile(&value, key),
            KEY_SETTINGS => loaded.data.settings = r.settings(&value, key),
            KEY_TEMPLATES => {
                if let Value::Array(items) = &value {
                    templates_read = true;
                    let mut ts = Vec::new();
                    for (i, item) in items.iter().enumerate().take(MAX_TEMPLATES) {
                        let path = format!("{key}[{i}]");
                        let n = r.issues.len();
                        match r.template(item, &path) {
                            Some(t) => ts.push(t),
                            None => {
                                let why = r
                                    .issues
                                    .get(n..)
                                    .unwrap_or_default()
                                    .iter()
                                    .map(ToString::to_string)
                                    .collect::<Vec<_>>()
                                    .join("; ");
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
                        let why = r
                            .issues
                            .get(before..)
                            .unwrap_or_default()
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ");
                        r.issues.truncate(before);
                        loaded.quarantined.push((key.into(), (*raw).clone(), why));
                    }
                }
            }
        }
    }
    if !templates_read {
        // No template list (or an unreadable one, quarantined above): start
        // from the library so the user has replies at all.
        loaded.data.templates = default_templates();
        if mine.iter().all(|(k, _)| k.as_str() != KEY_TEMPLATES) {
            loaded
                .problems
                .push("No templates were stored; the default library was added.".into());
        }
    }
    loaded
        .problems
        .extend(r.issues.iter().map(ToString::to_string));
    loaded.data.schema = SCHEMA;
}

// ───────────────────────── migration from schema 1 ─────────────────────────

/// Schema 1's camelCase placeholder names and their schema-2 names.
const V1_NAMES: &[(&str, &str)] = &[
    ("firstName", "first_name"),
    ("fullName", "name"),
    ("company", "company"),
    ("headline", "headline"),
    ("mutualCount", "mutual_count"),
    ("mutualName", "mutual_name"),
    ("myName", "my_name"),
    ("myEmail", "my_email"),
];

/// Renames schema-1 placeholders inside `{…}` tags; text outside tags and
/// escaped braces are left alone.
fn migrate_v1_body(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    let flush = |word: &mut String, out: &mut String| {
        let w = std::mem::take(word);
        match V1_NAMES.iter().find(|(old, _)| *old == w) {
            Some((_, new)) => out.push_str(new),
            None => out.push_str(&w),
        }
    };
    while let Some(c) = chars.next() {
        if !in_tag {
            out.push(c);
            if c == '{' {
                if chars.peek() == Some(&'{') {
                    chars.next();
                    out.push('{');
                } else {
                    in_tag = true;
                }
            }
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out);
        out.push(c);
        // A fallback after `|` is text, not a name: copy it as is.
        if c == '|' {
            for d in chars.by_ref() {
                out.push(d);
                if d == '}' {
                    break;
                }
            }
            in_tag = false;
        } else if c == '}' || c == '{' || c == '\n' {
            in_tag = c == '{';
        }
    }
    flush(&mut word, &mut out);
    out
}

fn v1_relationship(s: &str) -> Option<Relationship> {
    match s {
        "stranger" => Some(Relationship::Stranger),
        "met" => Some(Relationship::MetOnce),
        "friend" => Some(Relationship::Friend),
        "colleague" => Some(Relationship::FormerColleague),
        "close" => Some(Relationship::KnowWell),
        _ => None,
    }
}

fn v1_bucket(s: &str) -> Option<Bucket> {
    match s {
        "later" => Some(Bucket::AcceptLater),
        "ignore" => Some(Bucket::Ignore),
        "review" => Some(Bucket::ReviewFurther),
        _ => None,
    }
}

/// Schema 1 → current. `fix` repairs ids (on load); an import reports them.
fn migrate_v1(v: &Value, r: &mut Reader, fix: bool) -> Data {
    let mut data = new_user_data();
    let Some(o) = r.object(v, "") else {
        return data;
    };
    let empty = Map::new();
    let me = o.get("me").and_then(Value::as_object).unwrap_or(&empty);
    r.text(me, "name", "me", MAX_NAME, &mut data.profile.name);
    r.text(me, "email", "me", MAX_EMAIL, &mut data.profile.email);
    for (field, list) in [
        ("industry", &mut data.profile.industries),
        ("company", &mut data.profile.companies),
    ] {
        let mut s = String::new();
        r.text(me, field, "me", MAX_ITEM, &mut s);
        if !s.trim().is_empty() {
            list.push(s.trim().to_string());
        }
    }
    let mut know_well = false;
    r.flag(me, "onlyKnowWell", "me", &mut know_well);
    if know_well {
        data.profile.policy = Policy::KnowWellOnly;
    }
    let mut premium = false;
    r.flag(me, "premium", "me", &mut premium);
    data.profile.account = if premium {
        AccountType::Premium
    } else {
        AccountType::Free
    };
    data.profile.template_language = "en".into();
    data.profile.first_run_done = true;

    let opts = o
        .get("options")
        .and_then(Value::as_object)
        .unwrap_or(&empty);
    r.flag(
        opts,
        "collapsed",
        "options",
        &mut data.settings.collapsed_by_default,
    );
    r.flag(
        opts,
        "reminder",
        "options",
        &mut data.settings.weekly_reminder,
    );
    r.number(
        opts,
        "keepDays",
        "options",
        1,
        3650,
        &mut data.settings.history_days,
    );

    let mut own = Vec::new();
    for (i, t) in r.list(o, "templates", "", MAX_TEMPLATES).iter().enumerate() {
        let path = format!("templates[{i}]");
        let Some(to) = r.object(t, &path) else {
            continue;
        };
        let mut builtin = false;
        r.flag(to, "builtin", &path, &mut builtin);
        if builtin {
            // Replaced by the current library (kept in the backup).
            continue;
        }
        let mut name = String::new();
        let mut text = String::new();
        r.text(to, "name", &path, MAX_TITLE, &mut name);
        r.text(to, "text", &path, MAX_BODY, &mut text);
        let mut target = Target::Message;
        r.choice(to, "kind", &path, TARGETS, &mut target);
        let body = migrate_v1_body(&text);
        own.push(TemplateRecord {
            id: format!("custom-{}", slug(&name)),
            title: name,
            claims: crate::claims::in_text(&body),
            body,
            target,
            builtin: false,
            language: "en".into(),
            ..TemplateRecord::default()
        });
    }
    // Ids made from titles may repeat: always de-duplicate them here, since
    // schema 1 had no ids for the user to have chosen.
    let mut seen = BTreeSet::new();
    for t in &mut own {
        let base = t.id.clone();
        let mut n = 2;
        while seen.contains(&t.id) {
            t.id = format!("{base}-{n}");
            n += 1;
        }
        seen.insert(t.id.clone());
    }
    data.templates.extend(own);
    let mut check = std::mem::take(&mut data.templates);
    check_templates(&mut check, "templates", fix, r);
    data.templates = check;

    for (i, (key, p)) in o
        .get("people")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
        .iter()
        .enumerate()
    {
        let path = format!("people.{key}");
        if key.is_empty() || key.chars().count() > MAX_KEY || i >= 100_000 {
            r.issue(&path, "the person's key is empty or too long");
            continue;
        }
        let Some(po) = r.object(p, &path) else {
            continue;
        };
        let mut person = Person {
            kind: Kind::Person,
            ..Person::default()
        };
        r.text(po, "name", &path, MAX_NAME, &mut person.name);
        r.text(po, "note", &path, MAX_NOTE, &mut person.note);
        r.number(po, "firstSeen", &path, 0, u32::MAX, &mut person.first_seen);
        r.number(po, "lastSeen", &path, 0, u32::MAX, &mut person.last_seen);
        for (j, d) in r.list(po, "invited", &path, MAX_DAYS).iter().enumerate() {
            if let Some(n) = r.whole(d, Field(&path, "invited").at(j), 0, u32::MAX) {
                person.invitations.push(n);
            }
        }
        match po.get("bucket") {
            None | Some(Value::Null) => {}
            Some(Value::String(b)) if v1_bucket(b).is_some() => person.bucket = v1_bucket(b),
            Some(other) => r.issue(
                Field(&path, "bucket"),
                format!(
                    "{} is not one of: later, ignore, review",
                    truncate(&other.to_string(), 40)
                ),
            ),
        }
        data.people.insert(key.clone(), person);
    }
    for (key, rel) in o
        .get("relationships")
        .and_then(Value::as_object)
        .unwrap_or(&empty)
    {
        let path = format!("relationships.{key}");
        match rel.as_str().and_then(v1_relationship) {
            Some(rel) if !key.is_empty() && key.chars().count() <= MAX_KEY => {
                data.people
                    .entry(key.clone())
                    .or_insert_with(|| Person {
                        kind: Kind::Person,
                        ..Person::default()
                    })
                    .relationship = Some(rel);
            }
            _ => r.issue(
                &path,
                format!(
                    "{} is not one of: stranger, met, friend, colleague, close",
                    truncate(&rel.to_string(), 40)
                ),
            ),
        }
    }
    data.schema = SCHEMA;
    data
}

// ───────────────────────── export and import ─────────────────────────

/// What an export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportScope {
    /// Profile, settings, templates and people: a full backup.
    All,
    /// Only templates, for sharing them.
    TemplatesOnly,
}

impl ExportScope {
    fn as_str(self) -> &'static str {
        match self {
            ExportScope::All => "all",
            ExportScope::TemplatesOnly => "templates",
        }
    }
}

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'static str,
    schema: u32,
    exported: String,
    scope: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile: Option<&'a Profile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    settings: Option<&'a Settings>,
    templates: &'a [TemplateRecord],
    #[serde(skip_serializing_if = "Option::is_none")]
    people: Option<&'a BTreeMap<String, Person>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sent: Option<&'a BTreeMap<String, SentInvitation>>,
}

/// A pretty-printed export file: format marker, schema, date (`today`,
/// written as YYYY-MM-DD), scope, then the data.
pub fn export_json(data: &Data, scope: ExportScope, today: Day) -> String {
    let all = scope == ExportScope::All;
    let file = ExportFile {
        format: EXPORT_FORMAT,
        schema: SCHEMA,
        exported: iso_date(today),
        scope: scope.as_str(),
        profile: all.then_some(&data.profile),
        settings: all.then_some(&data.settings),
        templates: &data.templates,
        people: all.then_some(&data.people),
        sent: all.then_some(&data.sent),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// `YYYY-MM-DD` for a day number (days since 1970-01-01).
pub fn iso_date(day: Day) -> String {
    // Howard Hinnant's civil_from_days, for non-negative day numbers.
    let z = i64::from(day) + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Why a file cannot be imported, in plain words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportError {
    /// The file is not JSON at all.
    NotJson { line: usize, column: usize },
    /// JSON, but not something Kindly wrote.
    NotKindly,
    /// Written by a newer Kindly.
    FutureSchema { schema: u64 },
    /// A Kindly file with values that are wrong: every one, with its path.
    Invalid { issues: Vec<Issue> },
}

impl ImportError {
    /// The message to show the user.
    pub fn message(&self) -> String {
        match self {
            ImportError::NotJson { line, column } => format!(
                "This file could not be read: it is not valid JSON at line {line}, column {column}. Was it changed by hand?"
            ),
            ImportError::NotKindly => {
                "This is not a Kindly export file. Choose a file saved with Kindly's Export button.".into()
            }
            ImportError::FutureSchema { schema } => format!(
                "This file is from a newer Kindly (schema {schema}); update Kindly to import it."
            ),
            ImportError::Invalid { issues } => {
                let list: Vec<String> = issues.iter().take(10).map(ToString::to_string).collect();
                let more = issues.len().saturating_sub(10);
                let tail = if more > 0 { format!("\n…and {more} more.") } else { String::new() };
                format!(
                    "Nothing was imported, because the file has {} problem{}:\n{}{tail}",
                    issues.len(),
                    if issues.len() == 1 { "" } else { "s" },
                    list.join("\n")
                )
            }
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

/// A validated import, ready to apply. Nothing has changed yet; call
/// [`ImportPlan::changes`] to show the user what will.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub scope: ExportScope,
    /// The schema the file was written in (1 for a schema-1 store).
    pub from_schema: u32,
    /// The export date, as written in the file.
    pub exported: Option<String>,
    pub profile: Option<Profile>,
    pub settings: Option<Settings>,
    pub templates: Vec<TemplateRecord>,
    pub people: BTreeMap<String, Person>,
    pub sent: BTreeMap<String, SentInvitation>,
}

/// What applying an [`ImportPlan`] to some data will change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportChanges {
    pub templates_added: Vec<String>,
    pub templates_replaced: Vec<String>,
    pub templates_unchanged: usize,
    pub people_added: Vec<String>,
    pub people_updated: Vec<String>,
    pub people_unchanged: usize,
    /// Invitations the user sent, by card key.
    pub sent_added: Vec<String>,
    pub sent_updated: Vec<String>,
    pub sent_unchanged: usize,
    pub profile_changed: bool,
    pub settings_changed: bool,
}

impl ImportChanges {
    /// True when applying would change nothing.
    pub fn is_empty(&self) -> bool {
        self.templates_added.is_empty()
            && self.templates_replaced.is_empty()
            && self.people_added.is_empty()
            && self.people_updated.is_empty()
            && self.sent_added.is_empty()
            && self.sent_updated.is_empty()
            && !self.profile_changed
            && !self.settings_changed
    }
}

impl ImportPlan {
    /// What applying this plan to `current` will change.
    pub fn changes(&self, current: &Data) -> ImportChanges {
        let mut c = ImportChanges::default();
        for t in &self.templates {
            match current.templates.iter().find(|o| o.id == t.id) {
                None => c.templates_added.push(t.id.clone()),
                Some(o) if o != t => c.templates_replaced.push(t.id.clone()),
                Some(_) => c.templates_unchanged += 1,
            }
        }
        for (k, p) in &self.people {
            match current.people.get(k) {
                None => c.people_added.push(k.clone()),
                Some(o) if o != p => c.people_updated.push(k.clone()),
                Some(_) => c.people_unchanged += 1,
            }
        }
        for (k, v) in &self.sent {
            match current.sent.get(k) {
                None => c.sent_added.push(k.clone()),
                Some(o) if o != v => c.sent_updated.push(k.clone()),
                Some(_) => c.sent_unchanged += 1,
            }
        }
        c.profile_changed = self.profile.as_ref().is_some_and(|p| *p != current.profile);
        c.settings_changed = self
            .settings
            .as_ref()
            .is_some_and(|s| *s != current.settings);
        c
    }
}

/// Validates an export file (or a schema-1 store) completely. On any
/// problem nothing is returned to apply, so nothing can change.
pub fn parse_import(json: &str) -> Result<ImportPlan, ImportError> {
    let v: Value = serde_json::from_str(json).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(o) = &v else {
        return Err(ImportError::NotKindly);
    };
    let mut r = Reader::default();

    if o.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        // A schema-1 store (the value of its `kindly` key) is accepted too.
        if o.get("version").and_then(Value::as_u64) == Some(1) && o.contains_key("templates") {
            let data = migrate_v1(&v, &mut r, false);
            if !r.issues.is_empty() {
                return Err(ImportError::Invalid { issues: r.issues });
            }
            return Ok(ImportPlan {
                scope: ExportScope::All,
                from_schema: 1,
                exported: None,
                profile: Some(data.profile),
                settings: Some(data.settings),
                // Only the user's own: the built-ins already exist here.
                templates: data.templates.into_iter().filter(|t| !t.builtin).collect(),
                people: data.people,
                sent: BTreeMap::new(),
            });
        }
        return Err(ImportError::NotKindly);
    }

    let schema = match o.get("schema") {
        Some(Value::Number(n)) if n.as_u64().is_some() => n.as_u64().unwrap_or_default(),
        Some(other) => {
            r.expected("schema", "a whole number", other);
            return Err(ImportError::Invalid { issues: r.issues });
        }
        None => {
            r.issue(
                "schema",
                "missing: the file does not say which Kindly wrote it",
            );
            return Err(ImportError::Invalid { issues: r.issues });
        }
    };
    if schema > u64::from(SCHEMA) {
        return Err(ImportError::FutureSchema { schema });
    }
    if schema < 2 {
        r.issue(
            "schema",
            format!("export files start at schema 2, this one says {schema}"),
        );
        return Err(ImportError::Invalid { issues: r.issues });
    }

    let scope = match o.get("scope") {
        Some(Value::String(s)) if s == "templates" => ExportScope::TemplatesOnly,
        Some(Value::String(s)) if s == "all" => ExportScope::All,
        None => ExportScope::All,
        Some(other) => {
            r.expected("scope", "“all” or “templates”", other);
            ExportScope::All
        }
    };
    let exported = o
        .get("exported")
        .and_then(Value::as_str)
        .map(|s| truncate(s, 40));
    let profile = o.get("profile").map(|p| r.profile(p, "profile"));
    let settings = o.get("settings").map(|s| r.settings(s, "settings"));
    let mut templates = match o.get("templates") {
        Some(t) => r.templates(t, "templates"),
        None if scope == ExportScope::TemplatesOnly => {
            r.issue(
                "templates",
                "missing: a templates export needs its list of templates",
            );
            Vec::new()
        }
        None => Vec::new(),
    };
    check_templates(&mut templates, "templates", false, &mut r);
    if schema < u64::from(SCHEMA) {
        refresh_builtins(&mut templates);
    }
    let people = r.keyed(o, "people", Reader::person);
    let sent = r.keyed(o, "sent", Reader::sent);
    if !r.issues.is_empty() {
        return Err(ImportError::Invalid { issues: r.issues });
    }
    Ok(ImportPlan {
        scope,
        from_schema: u32::try_from(schema).unwrap_or(SCHEMA),
        exported,
        profile,
        settings,
        templates,
        people,
        sent,
    })
}

/// Applies a validated import and says what changed.
///
/// Templates are matched by id: an imported one replaces the one with its
/// id, others are added, and the user's templates that are not in the file
/// are kept. A full backup (`All`) restores the file's order, with the
/// remaining templates after it; a templates-only file keeps the current
/// order and appends what is new. People are matched by key the same way.
pub fn apply_import(data: &mut Data, plan: ImportPlan) -> ImportChanges {
    let changes = plan.changes(data);
    if let Some(p) = plan.profile {
        data.profile = p;
    }
    if let Some(s) = plan.settings {
        data.settings = s;
    }
    match plan.scope {
        ExportScope::All => {
            let incoming: BTreeSet<String> = plan.templates.iter().map(|t| t.id.clone()).collect();
            let rest: Vec<TemplateRecord> = std::mem::take(&mut data.templates)
                .into_iter()
                .filter(|t| !incoming.contains(&t.id))
                .collect();
            data.templates = plan.templates;
            data.templates.extend(rest);
        }
        ExportScope::TemplatesOnly => {
            for t in plan.templates {
                match data.templates.iter_mut().find(|o| o.id == t.id) {
                    Some(slot) => *slot = t,
                    None => data.templates.push(t),
                }
            }
        }
    }
    data.people.extend(plan.people);
    data.sent.extend(plan.sent);
    data.schema = SCHEMA;
    changes
}

// ───────────────────────── history and the library ─────────────────────────

/// Whether the user wrote anything about this person (never dropped).
fn user_wrote(p: &Person) -> bool {
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

/// A template record read leniently from any JSON value (for the popup's
/// editor, which receives values from JavaScript). Problems come back in
/// words; the record keeps what was valid.
pub fn read_template(v: &Value) -> (Option<TemplateRecord>, Vec<Issue>) {
    let mut r = Reader::default();
    let mut t = r.template(v, "template");
    if let Some(t) = t.as_mut() {
        check_templates(std::slice::from_mut(t), "template", false, &mut r);
    }
    (t, r.issues)
}

/// A profile read leniently from any JSON value (see [`read_template`]).
pub fn read_profile(v: &Value) -> (Profile, Vec<Issue>) {
    let mut r = Reader::default();
    let p = r.profile(v, "profile");
    (p, r.issues)
}
