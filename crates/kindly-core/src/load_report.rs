//! What the popup tells the user about opening the store, and what it
//! leaves unsaid: data from a newer Kindly is the only thing said (nothing
//! else matters while it is read-only); otherwise a migration (with what
//! could not be carried over), values set aside, and repairs, each once.

use crate::store::{Loaded, BACKUP_PREFIX};

/// One thing opening the store found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Written by a newer Kindly, in this schema: shown read-only.
    Newer {
        /// The store's schema.
        schema: u32,
    },
    /// Migrated from an older schema; the old data is kept as a backup.
    Migrated {
        /// The schema it was migrated from.
        from: u32,
        /// The storage key of the backup.
        backup_key: String,
        /// What could not be carried over, in words.
        lost: Vec<String>,
    },
    /// Values that could not be read, set aside (not deleted): "key: why".
    SetAside(Vec<String>),
    /// What was wrong and repaired, in words.
    Repaired(Vec<String>),
}

/// What to tell the user about `loaded`, in the order to tell it.
pub fn findings(loaded: &Loaded) -> Vec<Finding> {
    if let Some(schema) = loaded.future_schema {
        return vec![Finding::Newer { schema }];
    }
    let mut out = Vec::new();
    if let Some(from) = loaded.migrated_from {
        out.push(Finding::Migrated {
            from,
            backup_key: format!("{BACKUP_PREFIX}{from}"),
            lost: loaded.problems.clone(),
        });
    }
    if !loaded.quarantined.is_empty() {
        let set_aside = loaded
            .quarantined
            .iter()
            .map(|(key, _, why)| format!("{key}: {why}"))
            .collect();
        out.push(Finding::SetAside(set_aside));
    }
    // A migration's problems are said with it.
    if !loaded.problems.is_empty() && loaded.migrated_from.is_none() {
        out.push(Finding::Repaired(loaded.problems.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What opening an empty store reads: nothing to report.
    fn loaded() -> Loaded {
        crate::store::load(&[])
    }

    #[test]
    fn a_clean_store_says_nothing() {
        assert!(findings(&loaded()).is_empty());
    }

    #[test]
    fn a_newer_store_is_the_only_thing_said() {
        let mut l = loaded();
        l.future_schema = Some(9);
        l.problems = vec!["a field reset".into()];
        l.quarantined = vec![("k".into(), "raw".into(), "not JSON".into())];
        assert_eq!(findings(&l), [Finding::Newer { schema: 9 }]);
    }

    #[test]
    fn a_migrations_problems_are_said_with_it_not_again() {
        let mut l = loaded();
        l.migrated_from = Some(1);
        l.problems = vec!["a title cut".into()];
        l.quarantined = vec![("kindly.person.x".into(), "{".into(), "not JSON".into())];
        assert_eq!(
            findings(&l),
            [
                Finding::Migrated {
                    from: 1,
                    backup_key: "kindly.backup.v1".into(),
                    lost: vec!["a title cut".into()],
                },
                Finding::SetAside(vec!["kindly.person.x: not JSON".into()]),
            ]
        );
        l.migrated_from = None;
        assert_eq!(
            findings(&l)[1],
            Finding::Repaired(vec!["a title cut".into()])
        );
    }
}
