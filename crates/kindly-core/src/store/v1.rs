//! Migration from schema 1 (Kindly 0.0.x): one key held everything.

use super::layout::{new_user_data, SCHEMA};
use super::validate::{
    check_templates, slug, truncate, Field, Reader, MAX_BODY, MAX_DAYS, MAX_EMAIL, MAX_ITEM,
    MAX_KEY, MAX_NAME, MAX_NOTE, MAX_TEMPLATES, MAX_TITLE, TARGETS,
};
use crate::model::{
    AccountType, Bucket, Data, Kind, Person, Policy, Relationship, Target, TemplateRecord,
};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

// ───────────────────────── migration from schema 1 ─────────────────────────

/// Schema 1's camelCase placeholder names and their schema-2 names.
pub(super) const V1_NAMES: &[(&str, &str)] = &[
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
pub(super) fn migrate_v1_body(text: &str) -> String {
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

pub(super) fn v1_relationship(s: &str) -> Option<Relationship> {
    match s {
        "stranger" => Some(Relationship::Stranger),
        "met" => Some(Relationship::MetOnce),
        "friend" => Some(Relationship::Friend),
        "colleague" => Some(Relationship::FormerColleague),
        "close" => Some(Relationship::KnowWell),
        _ => None,
    }
}

pub(super) fn v1_bucket(s: &str) -> Option<Bucket> {
    match s {
        "later" => Some(Bucket::AcceptLater),
        "ignore" => Some(Bucket::Ignore),
        "review" => Some(Bucket::ReviewFurther),
        _ => None,
    }
}

/// Schema 1 → current. `fix` repairs ids (on load); an import reports them.
pub(super) fn migrate_v1(v: &Value, r: &mut Reader, fix: bool) -> Data {
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
