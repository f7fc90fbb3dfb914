//! Reading values field by field: every field that is wrong is recorded
//! as an [`Issue`] with its path and left at its default (or cut to its
//! cap), so a damaged field costs that field, not the whole value.

use crate::model::{
    Action, Answer, Claim, Kind, Outcome, Person, Profile, Relationship, SentInvitation,
    SentStatus, Settings, Situation, TemplateRecord,
};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Display;

// Length caps: generous for real use, small enough that a damaged or hostile
// value cannot bloat storage or the panel.
pub(super) const MAX_NAME: usize = 200;
pub(super) const MAX_EMAIL: usize = 320;
pub(super) const MAX_ITEM: usize = 100;
pub(super) const MAX_ITEMS: usize = 50;
pub(super) const MAX_LANG: usize = 16;
pub(super) const MAX_ID: usize = 80;
pub(super) const MAX_TITLE: usize = 120;
pub(super) const MAX_BODY: usize = 10_000;
/// The longest private note kept about a person, in characters: the
/// panel's note box takes no more.
pub const MAX_NOTE: usize = 2_000;
pub(super) const MAX_HEADLINE: usize = 300;
pub(super) const MAX_DAYS: usize = 100;
pub(super) const MAX_TEMPLATES: usize = 500;
pub(super) const MAX_KEY: usize = 200;
// ───────────────────────── reading values ─────────────────────────

/// One thing wrong with a value, with where it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// Where, e.g. `templates[3].body` or `kindly.person.ana`.
    pub path: String,
    /// What is wrong, in words.
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

pub(super) fn describe(v: &Value) -> &'static str {
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
pub(super) struct Field<'a>(pub(super) &'a str, pub(super) &'a str);

impl<'a> Field<'a> {
    pub(super) fn at(self, index: usize) -> Item<'a> {
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
pub(super) struct Item<'a>(Field<'a>, usize);

impl Display for Item<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

pub(super) fn truncate(s: &str, cap: usize) -> String {
    s.chars().take(cap).collect()
}

pub(super) const TARGETS: &[&str] = &["note", "message"];
pub(super) const POLICIES: &[&str] = &["know_well_only", "industry_focused", "open_networker"];
pub(super) const ACCOUNTS: &[&str] = &["free", "premium"];
pub(super) const BUCKETS: &[&str] = &["accept_later", "ignore", "review_further"];
pub(super) const ANSWERS: &[&str] = &["accepted", "ignored"];
pub(super) const SHOW_KINDLY: &[&str] = &["in_page", "beside_page"];

/// Reads values field by field. Every field that is wrong is recorded and
/// left at its default (or cut to its cap), so loading keeps the rest and an
/// import can refuse the whole file with every reason at once.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) issues: Vec<Issue>,
    /// Reading what is already stored: text and lists longer than their cap
    /// are kept whole (the caps guard what comes in, from a file; cutting
    /// stored data would lose it on the next save).
    keep_whole: bool,
}

impl Reader {
    /// A reader of stored data (see `keep_whole`).
    pub(super) fn of_stored() -> Self {
        Reader {
            issues: Vec::new(),
            keep_whole: true,
        }
    }

    pub(super) fn issue(&mut self, path: impl Display, message: impl Into<String>) {
        self.issues.push(Issue {
            path: path.to_string(),
            message: message.into(),
        });
    }

    pub(super) fn expected(&mut self, path: impl Display, expected: &str, found: &Value) {
        self.issue(
            path,
            format!("expected {expected}, found {}", describe(found)),
        );
    }

    pub(super) fn object<'v>(
        &mut self,
        v: &'v Value,
        path: &str,
    ) -> Option<&'v Map<String, Value>> {
        match v {
            Value::Object(o) => Some(o),
            other => {
                self.expected(path, "a group of fields", other);
                None
            }
        }
    }

    pub(super) fn string(&mut self, v: &Value, path: impl Display, cap: usize) -> Option<String> {
        match v {
            Value::String(s) => {
                if !self.keep_whole && s.chars().count() > cap {
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

    pub(super) fn text(
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

    pub(super) fn flag(&mut self, o: &Map<String, Value>, field: &str, path: &str, out: &mut bool) {
        match o.get(field) {
            None => {}
            Some(Value::Bool(b)) => *out = *b,
            Some(other) => self.expected(Field(path, field), "true or false", other),
        }
    }

    pub(super) fn whole(
        &mut self,
        v: &Value,
        path: impl Display,
        min: u32,
        max: u32,
    ) -> Option<u32> {
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

    pub(super) fn number(
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

    pub(super) fn opt_number(
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

    pub(super) fn list<'v>(
        &mut self,
        o: &'v Map<String, Value>,
        field: &str,
        path: &str,
        max: usize,
    ) -> &'v [Value] {
        match o.get(field) {
            None | Some(Value::Null) => &[],
            Some(Value::Array(items)) if self.keep_whole => items,
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

    pub(super) fn texts(
        &mut self,
        o: &Map<String, Value>,
        field: &str,
        path: &str,
        out: &mut Vec<String>,
    ) {
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

    pub(super) fn choice_of<T: DeserializeOwned>(
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

    pub(super) fn choice<T: DeserializeOwned>(
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

    pub(super) fn opt_choice<T: DeserializeOwned>(
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

    pub(super) fn choices<T: DeserializeOwned + PartialEq>(
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

    pub(super) fn profile(&mut self, v: &Value, path: &str) -> Profile {
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

    pub(super) fn settings(&mut self, v: &Value, path: &str) -> Settings {
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
        self.choice(o, "show_kindly", path, SHOW_KINDLY, &mut s.show_kindly);
        s
    }

    pub(super) fn template(&mut self, v: &Value, path: &str) -> Option<TemplateRecord> {
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

    pub(super) fn templates(&mut self, v: &Value, path: &str) -> Vec<TemplateRecord> {
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

    pub(super) fn person(&mut self, v: &Value, path: &str) -> Option<Person> {
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
    pub(super) fn keyed<T>(
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
    pub(super) fn sent(&mut self, v: &Value, path: &str) -> Option<SentInvitation> {
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
    pub(super) fn outcome(&mut self, o: &Map<String, Value>, path: &str) -> Option<Outcome> {
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
pub(super) fn check_templates(
    templates: &mut [TemplateRecord],
    path: &str,
    fix_ids: bool,
    r: &mut Reader,
) {
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
pub(super) fn slug(s: &str) -> String {
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
