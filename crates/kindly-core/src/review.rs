//! The weekly review's rules: how long an invitation has waited, which are
//! still pending, how they are grouped (by the action Kindly suggested or by
//! the user's own bucket, oldest first), and when the reminder is due. The
//! popup's Review tab draws what these return.

use crate::{Action, Bucket, Data, Day, Outcome, Person};

/// The reminder comes back this many days after the last review.
pub const REMINDER_EVERY_DAYS: u32 = 7;

/// The buckets, in the order the review lists them.
pub const BUCKETS: [Bucket; 3] = [Bucket::AcceptLater, Bucket::Ignore, Bucket::ReviewFurther];

/// How long the invitation has waited, by `today`: its age when first seen
/// plus the days since.
pub fn waiting(person: &Person, today: Day) -> u32 {
    person
        .age_when_seen
        .unwrap_or(0)
        .saturating_add(today.saturating_sub(person.first_seen))
}

/// Whether the invitation still waits for the user's answer.
pub fn pending(person: &Person) -> bool {
    person.outcome.is_none()
}

/// Whether the weekly reminder is due: the user wants it, someone is still
/// waiting, and the last review (if any) is a week old or more.
pub fn reminder_due(data: &Data, last_review: Option<Day>, today: Day) -> bool {
    data.settings.weekly_reminder
        && data.people.values().any(pending)
        && last_review.is_none_or(|d| today.saturating_sub(d) >= REMINDER_EVERY_DAYS)
}

/// How the review groups people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// By the action Kindly last suggested.
    Action,
    /// By the user's own bucket.
    Bucket,
}

/// One group of the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// Kindly suggested this action.
    Action(Action),
    /// Kindly has not judged them yet.
    NotJudged,
    /// The user put them in this bucket.
    Bucket(Bucket),
    /// The user put them in no bucket.
    NoBucket,
}

/// A person in the review.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Member<'a> {
    /// Their place among the pending, in storage order: stable while the
    /// grouping changes, so the popup's control ids are too.
    pub index: usize,
    /// Their card key.
    pub key: &'a str,
    /// What Kindly remembers of them.
    pub person: &'a Person,
}

/// The pending people in groups, every group in a fixed order (empty ones
/// included), each oldest first, then by name.
pub fn groups(data: &Data, by: Grouping, today: Day) -> Vec<(Group, Vec<Member<'_>>)> {
    let mut people: Vec<Member<'_>> = data
        .people
        .iter()
        .filter(|(_, p)| pending(p))
        .enumerate()
        .map(|(index, (key, person))| Member { index, key, person })
        .collect();
    people.sort_by(|a, b| {
        waiting(b.person, today)
            .cmp(&waiting(a.person, today))
            .then(a.person.name.cmp(&b.person.name))
    });
    let order: Vec<Group> = match by {
        Grouping::Action => Action::ALL
            .into_iter()
            .map(Group::Action)
            .chain([Group::NotJudged])
            .collect(),
        Grouping::Bucket => BUCKETS
            .into_iter()
            .map(Group::Bucket)
            .chain([Group::NoBucket])
            .collect(),
    };
    order
        .into_iter()
        .map(|group| {
            let members = people
                .iter()
                .filter(|m| group_of(m.person, by) == group)
                .copied()
                .collect();
            (group, members)
        })
        .collect()
}

/// The group `person` belongs to under `by`.
fn group_of(person: &Person, by: Grouping) -> Group {
    match by {
        Grouping::Action => person.last_action.map_or(Group::NotJudged, Group::Action),
        Grouping::Bucket => person.bucket.map_or(Group::NoBucket, Group::Bucket),
    }
}

/// The storage key of the day of the last weekly review. The popup's own
/// state, not user data: not part of `Data` or of exports.
pub const KEY_LAST_REVIEW: &str = "kindly.popup.lastReview";

/// The day of the last review in the stored entries, if one is kept.
pub fn last_review(entries: &[(String, String)]) -> Option<Day> {
    entries
        .iter()
        .find(|(key, _)| key == KEY_LAST_REVIEW)
        .and_then(|(_, value)| value.trim().parse::<Day>().ok())
}

/// The entry that records a review done on `today`.
pub fn reviewed_on(today: Day) -> (String, String) {
    (KEY_LAST_REVIEW.to_string(), today.to_string())
}

/// The longest note the user may keep about someone (characters).
pub const NOTE_MAX: usize = 2000;

/// A note as kept: its first [`NOTE_MAX`] characters.
pub fn clip_note(note: &str) -> String {
    note.chars().take(NOTE_MAX).collect()
}

/// Whether they invited the user more than once (a repeat sender).
pub fn repeated(person: &Person) -> bool {
    person.invitations.len() > 1
}

/// The invitations the user answered, with their key and answer: the
/// latest answer first, then by name.
pub fn history(data: &Data) -> Vec<(&String, &Person, Outcome)> {
    let mut answered: Vec<(&String, &Person, Outcome)> = data
        .people
        .iter()
        .filter_map(|(key, p)| p.outcome.map(|o| (key, p, o)))
        .collect();
    answered.sort_by(|a, b| b.2.day.cmp(&a.2.day).then(a.1.name.cmp(&b.1.name)));
    answered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Answer, Outcome};

    fn person(name: &str, first_seen: Day, age: Option<u32>) -> Person {
        Person {
            name: name.into(),
            first_seen,
            age_when_seen: age,
            ..Person::default()
        }
    }

    fn answered(mut p: Person) -> Person {
        p.outcome = Some(Outcome {
            answer: Answer::Accepted,
            day: 0,
        });
        p
    }

    #[test]
    fn waiting_is_the_age_when_seen_plus_the_days_since() {
        assert_eq!(waiting(&person("A", 100, Some(3)), 110), 13);
        assert_eq!(waiting(&person("A", 100, None), 110), 10);
        assert_eq!(waiting(&person("A", 100, None), 90), 0, "a clock set back");
    }

    #[test]
    fn the_reminder_is_due_weekly_while_someone_waits() {
        let mut d = Data::default();
        d.settings.weekly_reminder = true;
        assert!(!reminder_due(&d, None, 50), "nobody waits");
        d.people.insert("a".into(), person("A", 1, None));
        assert!(reminder_due(&d, None, 50), "never reviewed");
        assert!(!reminder_due(&d, Some(44), 50));
        assert!(reminder_due(&d, Some(43), 50));
        d.settings.weekly_reminder = false;
        assert!(!reminder_due(&d, Some(1), 50), "switched off");
        d.settings.weekly_reminder = true;
        d.people.insert("a".into(), answered(person("A", 1, None)));
        assert!(!reminder_due(&d, None, 50), "everyone answered");
    }

    #[test]
    fn groups_hold_the_pending_oldest_first_in_a_fixed_order() {
        let mut d = Data::default();
        let mut young = person("Young", 40, None);
        young.last_action = Some(Action::Accept);
        let mut old = person("Old", 10, Some(5));
        old.last_action = Some(Action::Accept);
        let unjudged = person("New", 49, None);
        d.people.insert("a-young".into(), young);
        d.people.insert("b-old".into(), old);
        d.people.insert("c-new".into(), unjudged);
        d.people
            .insert("d-done".into(), answered(person("Done", 1, None)));

        let grouped = groups(&d, Grouping::Action, 50);
        let order: Vec<Group> = grouped.iter().map(|(g, _)| *g).collect();
        let mut expected: Vec<Group> = Action::ALL.into_iter().map(Group::Action).collect();
        expected.push(Group::NotJudged);
        assert_eq!(order, expected);
        let names = |g: Group| -> Vec<&str> {
            grouped
                .iter()
                .find(|(x, _)| *x == g)
                .map(|(_, m)| m.iter().map(|m| m.person.name.as_str()).collect())
                .unwrap_or_default()
        };
        assert_eq!(names(Group::Action(Action::Accept)), ["Old", "Young"]);
        assert_eq!(names(Group::NotJudged), ["New"]);
        let all: usize = grouped.iter().map(|(_, m)| m.len()).sum();
        assert_eq!(all, 3, "the answered are not in the review");
    }

    #[test]
    fn by_bucket_the_unsorted_come_last_and_indexes_stay_put() {
        let mut d = Data::default();
        let mut later = person("Later", 1, None);
        later.bucket = Some(Bucket::AcceptLater);
        d.people.insert("a".into(), person("Loose", 1, None));
        d.people.insert("b".into(), later);
        let grouped = groups(&d, Grouping::Bucket, 5);
        assert_eq!(grouped.last().map(|(g, _)| *g), Some(Group::NoBucket));
        let (group, members) = &grouped[0];
        assert_eq!(*group, Group::Bucket(Bucket::AcceptLater));
        assert_eq!((members[0].index, members[0].key), (1, "b"));
        let by_action = groups(&d, Grouping::Action, 5);
        let loose = by_action.iter().flat_map(|(_, m)| m).find(|m| m.key == "a");
        assert_eq!(loose.map(|m| m.index), Some(0));
    }

    #[test]
    fn a_note_keeps_its_first_two_thousand_characters() {
        assert_eq!(clip_note("met at the meetup"), "met at the meetup");
        let long = "ü".repeat(NOTE_MAX + 5);
        assert_eq!(clip_note(&long).chars().count(), NOTE_MAX);
    }

    #[test]
    fn a_repeat_sender_invited_more_than_once() {
        let mut p = person("Once", 1, None);
        p.invitations = vec![1];
        assert!(!repeated(&p));
        p.invitations.push(9);
        assert!(repeated(&p));
    }

    #[test]
    fn the_history_is_the_answered_latest_first_then_by_name() {
        let mut d = Data::default();
        let on = |name: &str, day: Day| {
            let mut p = person(name, 1, None);
            p.outcome = Some(Outcome {
                answer: Answer::Ignored,
                day,
            });
            p
        };
        d.people.insert("a".into(), on("Zoe", 3));
        d.people.insert("b".into(), on("Adam", 3));
        d.people.insert("c".into(), on("Old", 1));
        d.people.insert("d".into(), person("Waiting", 1, None));
        let names: Vec<&str> = history(&d)
            .iter()
            .map(|(_, p, _)| p.name.as_str())
            .collect();
        assert_eq!(names, ["Adam", "Zoe", "Old"]);
    }

    #[test]
    fn the_last_review_is_read_back_as_written() {
        let entries = vec![
            ("kindly.other".to_string(), "3".to_string()),
            reviewed_on(20_001),
        ];
        assert_eq!(last_review(&entries), Some(20_001));
        assert_eq!(last_review(&entries[..1]), None);
        let garbled = vec![(KEY_LAST_REVIEW.to_string(), "soon".to_string())];
        assert_eq!(last_review(&garbled), None);
    }
}
