//! What the popup's import preview says a file would change: one line per
//! kind of change, in a fixed order, a kind with nothing to report left
//! out; a line names at most [`NAMED`] templates or people, then says how
//! many more. The popup words each line by its message id.

use crate::store::{ImportChanges, ImportPlan};

/// A file larger than this is refused before it is read (a real export of
/// 500 templates and thousands of people is a few MB at most).
pub const MAX_FILE_BYTES: f64 = 10.0 * 1024.0 * 1024.0;

/// How many templates or people a line names.
pub const NAMED: usize = 8;

/// One line of the preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Its message id (`import_tpl_added`…).
    pub id: &'static str,
    /// How many things it counts, for a line that counts.
    pub count: Option<usize>,
    /// The first [`NAMED`] of them by name (a template's title, a person's
    /// name; the id or key when there is none), for a line that names.
    pub names: Vec<String>,
    /// How many more there are than it names.
    pub more: usize,
}

impl Line {
    fn says(id: &'static str) -> Line {
        Line {
            id,
            count: None,
            names: Vec::new(),
            more: 0,
        }
    }

    fn counts(id: &'static str, count: usize) -> Line {
        Line {
            count: Some(count),
            ..Line::says(id)
        }
    }

    fn names(id: &'static str, items: &[String], name: impl Fn(&String) -> String) -> Line {
        Line {
            names: items.iter().take(NAMED).map(name).collect(),
            more: items.len().saturating_sub(NAMED),
            ..Line::counts(id, items.len())
        }
    }
}

/// The preview's lines for applying `plan`, which would make `changes`.
pub fn lines(plan: &ImportPlan, changes: &ImportChanges) -> Vec<Line> {
    let title = |id: &String| {
        plan.templates
            .iter()
            .find(|t| &t.id == id)
            .map_or_else(|| id.clone(), |t| t.title.clone())
    };
    let name = |key: &String| {
        plan.people
            .get(key)
            .map(|p| p.name.clone())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| key.clone())
    };
    let c = changes;
    let sent = c.sent_added.len() + c.sent_updated.len();
    let all = [
        (c.is_empty(), Line::says("import_nothing")),
        (
            !c.templates_added.is_empty(),
            Line::names("import_tpl_added", &c.templates_added, title),
        ),
        (
            !c.templates_replaced.is_empty(),
            Line::names("import_tpl_replaced", &c.templates_replaced, title),
        ),
        (
            c.templates_unchanged > 0,
            Line::counts("import_tpl_same", c.templates_unchanged),
        ),
        (
            !c.people_added.is_empty(),
            Line::names("import_people_added", &c.people_added, name),
        ),
        (
            !c.people_updated.is_empty(),
            Line::names("import_people_updated", &c.people_updated, name),
        ),
        (sent > 0, Line::counts("import_sent", sent)),
        (c.profile_changed, Line::says("import_profile")),
        (c.settings_changed, Line::says("import_settings")),
    ];
    all.into_iter()
        .filter_map(|(shown, line)| shown.then_some(line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::ExportScope;
    use crate::{Person, TemplateRecord};
    use std::collections::BTreeMap;

    fn plan() -> ImportPlan {
        let mut people = BTreeMap::new();
        people.insert(
            "ana".to_string(),
            Person {
                name: "Ana Lima".into(),
                ..Person::default()
            },
        );
        people.insert("nameless".to_string(), Person::default());
        ImportPlan {
            scope: ExportScope::All,
            from_schema: 2,
            exported: None,
            profile: None,
            settings: None,
            templates: vec![TemplateRecord {
                id: "custom-thanks-1".into(),
                title: "Thanks".into(),
                ..TemplateRecord::default()
            }],
            people,
            sent: BTreeMap::new(),
        }
    }

    #[test]
    fn nothing_to_change_is_said_once() {
        let ids: Vec<&str> = lines(&plan(), &ImportChanges::default())
            .iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(ids, ["import_nothing"]);
    }

    #[test]
    fn lines_come_in_order_and_name_what_they_can() {
        let changes = ImportChanges {
            templates_added: vec!["custom-thanks-1".into(), "custom-gone-2".into()],
            templates_unchanged: 3,
            people_updated: vec!["ana".into(), "nameless".into()],
            settings_changed: true,
            ..ImportChanges::default()
        };
        let got = lines(&plan(), &changes);
        let ids: Vec<&str> = got.iter().map(|l| l.id).collect();
        assert_eq!(
            ids,
            [
                "import_tpl_added",
                "import_tpl_same",
                "import_people_updated",
                "import_settings"
            ]
        );
        assert_eq!(got[0].names, ["Thanks", "custom-gone-2"]);
        assert_eq!(got[0].count, Some(2));
        assert_eq!(got[1].count, Some(3));
        assert_eq!(got[2].names, ["Ana Lima", "nameless"]);
        assert_eq!(got[3].count, None);
    }

    #[test]
    fn a_line_names_eight_then_counts_the_rest() {
        let changes = ImportChanges {
            people_added: (0..11).map(|i| format!("p{i}")).collect(),
            ..ImportChanges::default()
        };
        let got = lines(&plan(), &changes);
        assert_eq!(got[0].names.len(), NAMED);
        assert_eq!((got[0].count, got[0].more), (Some(11), 3));
    }
}
