//! Export files and their import: validated completely before anything
//! changes.

use super::layout::SCHEMA;
use super::load::refresh_builtins;
use super::v1::migrate_v1;
use super::validate::{check_templates, truncate, Issue, Reader};
use crate::model::{Data, Day, Person, Profile, SentInvitation, Settings, TemplateRecord};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The marker in an export file's `format` field.
pub const EXPORT_FORMAT: &str = "kindly-export";
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
pub(super) struct ExportFile<'a> {
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
