//! What the content script holds of storage: the stored data (settings,
//! profile and templates, and of the people and companies only those read
//! so far, by key, for the cards on the page), whether it may write, and
//! the tab's own writes, so that their change events are not taken for
//! someone else's, and the person's edits another tab or the popup wrote
//! over since. No browser calls: the content script reads and writes
//! through `storage` and hands the results here, so this runs in native
//! tests (below).

use kindly_core::advice::Companies;
use kindly_core::store;
use kindly_core::{Bucket, Data, Invitation, Person, Relationship};
// BTree collections, not Hash: SipHash's 64-bit arithmetic is emulated in
// wasm2js and showed in profiles; these maps are small.
use std::collections::{BTreeMap, BTreeSet};

pub struct Session {
    /// The settings, profile and templates, and of the people only those
    /// read so far.
    pub data: Data,
    /// Remembered people by company, for the companies read so far (each
    /// company's own entry), kept in step as cards are recorded.
    pub companies: Companies,
    /// False when the store belongs to a newer Kindly (or could not be
    /// opened): read, never write.
    pub writable: bool,
    /// Storage keys (people, companies) asked for and answered, stored or not.
    entries_read: BTreeSet<String>,
    /// People whose stored entry could not be read: never written over.
    unreadable: BTreeSet<String>,
    /// Storage keys to ask for, and whether an answer is awaited.
    to_read: BTreeSet<String>,
    reading: bool,
    /// What this tab wrote per key and has not yet seen reported back.
    written: BTreeMap<String, String>,
    /// What the person last set in this tab's panels, per person: when a
    /// read shows something else, another tab or the popup wrote after.
    edited: BTreeMap<String, Edited>,
    /// People whose edit in this tab was written over from elsewhere: their
    /// panel says so (until the person edits them here again).
    overwritten: BTreeSet<String>,
}

/// What a person edits in a panel (the rest of an entry is recorded by
/// every tab that shows the card, and is no edit to lose).
#[derive(Debug, PartialEq, Eq)]
struct Edited {
    note: String,
    relationship: Option<Relationship>,
    bucket: Option<Bucket>,
}

impl Edited {
    fn of(person: &Person) -> Self {
        Edited {
            note: person.note.clone(),
            relationship: person.relationship,
            bucket: person.bucket,
        }
    }
}

/// What changed in storage that this tab did not write itself.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Foreign {
    /// A single key (settings, profile, templates, schema) changed: read the
    /// start keys again.
    pub start: bool,
    /// People this tab holds who changed (storage keys): read them again.
    /// Company entries are not read again: they are derived data, and this
    /// tab writes one several times while a page is marked, so the event of
    /// an older write arrives after a newer one (and, read back then, would
    /// undo it).
    pub people: Vec<String>,
}

impl Session {
    pub fn new(data: Data, writable: bool) -> Self {
        Session {
            data,
            companies: Companies::default(),
            writable,
            entries_read: BTreeSet::new(),
            unreadable: BTreeSet::new(),
            to_read: BTreeSet::new(),
            reading: false,
            written: BTreeMap::new(),
            edited: BTreeMap::new(),
            overwritten: BTreeSet::new(),
        }
    }

    /// The storage keys judging and recording a card needs: the people it
    /// names (the invitation's, and an inviter's on behalf of a page) and
    /// the companies it counts and files them under.
    pub fn entries_for(invitation: &Invitation) -> Vec<String> {
        let people = [Some(&invitation.key), invitation.inviter_key.as_ref()]
            .into_iter()
            .flatten()
            .filter(|key| !key.is_empty())
            .map(|key| store::person_storage_key(key));
        let filed_under = invitation
            .headline
            .as_deref()
            .and_then(|headline| Companies::company_for(invitation.kind, headline));
        let companies = [Companies::company_of(invitation), filed_under]
            .into_iter()
            .flatten()
            .map(|company| store::company_storage_key(&company));
        people.chain(companies).collect()
    }

    /// Whether every entry judging `invitation` needs has been read; if
    /// not, those missing are queued for [`Session::start_reading`].
    pub fn ready_or_queue(&mut self, invitation: &Invitation) -> bool {
        let unread: Vec<String> = Self::entries_for(invitation)
            .into_iter()
            .filter(|key| !self.entries_read.contains(key))
            .collect();
        let ready = unread.is_empty();
        self.to_read.extend(unread);
        ready
    }

    /// Whether every entry judging `invitation` needs has been read.
    pub fn is_ready(&self, invitation: &Invitation) -> bool {
        Self::entries_for(invitation)
            .iter()
            .all(|key| self.entries_read.contains(key))
    }

    /// The keys to ask storage for now, if any and no read is under way
    /// (one at a time); answer with [`Session::finish_reading`].
    pub fn start_reading(&mut self) -> Option<Vec<String>> {
        if self.reading || self.to_read.is_empty() {
            return None;
        }
        self.reading = true;
        Some(std::mem::take(&mut self.to_read).into_iter().collect())
    }

    /// Storage answered for `keys` with `entries` (those stored; `None`
    /// when it failed: then the people are judged without their history and
    /// never written over, since what is stored was not seen). Returns
    /// warnings to log.
    pub fn finish_reading(
        &mut self,
        keys: Vec<String>,
        entries: Option<&[(String, String)]>,
    ) -> Vec<String> {
        let warnings = match entries {
            Some(entries) => self.take_entries(entries),
            None => {
                for key in keys.iter().filter_map(|k| store::person_key_of(k)) {
                    self.unreadable.insert(key.to_string());
                }
                Vec::new()
            }
        };
        self.entries_read.extend(keys);
        self.reading = false;
        warnings
    }

    /// Puts the people and companies read from storage into the session
    /// (unreadable people are noted, and never written over; an unreadable
    /// company is derived data, written again from what this tab records).
    /// Returns a warning per person newly found unreadable.
    pub fn take_entries(&mut self, entries: &[(String, String)]) -> Vec<String> {
        let mut warnings = Vec::new();
        for (storage_key, raw) in entries {
            if let Some(company) = store::company_key_of(storage_key) {
                let members = store::read_company(raw).unwrap_or_default();
                self.companies.add_company(company.to_string(), members);
                continue;
            }
            let Some(key) = store::person_key_of(storage_key) else {
                continue;
            };
            match store::read_person(storage_key, raw) {
                Ok(person) => {
                    if self
                        .edited
                        .get(key)
                        .is_some_and(|edit| *edit != Edited::of(&person))
                    {
                        self.edited.remove(key);
                        self.overwritten.insert(key.to_string());
                    }
                    self.data.people.insert(key.to_string(), person);
                }
                Err(why) => {
                    if self.unreadable.insert(key.to_string()) {
                        warnings.push(format!(
                            "Kindly: a remembered person could not be read ({why}); it is left as stored."
                        ));
                    }
                }
            }
        }
        warnings
    }

    /// Whether this person's stored entry could not be read (then nothing
    /// is written for them: it would replace what is stored).
    pub fn is_unreadable(&self, key: &str) -> bool {
        self.unreadable.contains(key)
    }

    /// Whether this person's stored entry was asked for and answered.
    pub fn was_read(&self, key: &str) -> bool {
        self.entries_read.contains(&store::person_storage_key(key))
    }

    /// The entry that stores person `key`, if held.
    pub fn person_entry(&self, key: &str) -> Option<(String, String)> {
        Some(store::person_entry(key, self.data.people.get(key)?))
    }

    /// The entries for storage keys of people and companies this tab
    /// recorded (each once, in order; people not held are left out).
    pub fn entries_of(&self, storage_keys: &[String]) -> Vec<(String, String)> {
        let mut once: Vec<&String> = Vec::new();
        for key in storage_keys {
            if !once.contains(&key) {
                once.push(key);
            }
        }
        once.into_iter()
            .filter_map(|storage_key| {
                if let Some(company) = store::company_key_of(storage_key) {
                    return Some(store::company_entry(&self.companies, company));
                }
                self.person_entry(store::person_key_of(storage_key)?)
            })
            .collect()
    }

    /// What this tab holds for these storage keys (people and companies),
    /// as stored text: compared before and after a read, it says whether
    /// anything changed.
    pub fn held(&self, keys: &[String]) -> Vec<Option<String>> {
        keys.iter()
            .map(|key| {
                if let Some(company) = store::company_key_of(key) {
                    return Some(store::company_entry(&self.companies, company).1);
                }
                let person = self.data.people.get(store::person_key_of(key)?)?;
                Some(store::person_entry("", person).1)
            })
            .collect()
    }

    /// The person's edit of `person` (new when not held) in a panel;
    /// returns the entry to write, `None` when their stored entry could not
    /// be read. The edit is remembered: a later read showing another value
    /// means it was written over (see [`Session::was_overwritten`]).
    pub fn update_person(
        &mut self,
        key: &str,
        change: impl FnOnce(&mut Person),
    ) -> Option<(String, String)> {
        if self.unreadable.contains(key) {
            return None;
        }
        let person = self.data.people.entry(key.to_string()).or_default();
        change(person);
        self.edited.insert(key.to_string(), Edited::of(person));
        self.overwritten.remove(key);
        Some(store::person_entry(key, person))
    }

    /// Whether the person's last edit of `key` in this tab was written over
    /// by another tab or the popup (then its panel shows the newer value,
    /// and says so).
    pub fn was_overwritten(&self, key: &str) -> bool {
        self.overwritten.contains(key)
    }

    /// Takes the start keys read again (settings, profile, templates
    /// changed elsewhere), keeping the people held.
    pub fn take_start(&mut self, start: store::Start) {
        self.writable = start.writable;
        let people = std::mem::take(&mut self.data.people);
        self.data = start.data;
        self.data.people = people;
    }

    /// Drops the people at these storage keys, before they are read again.
    pub fn forget(&mut self, storage_keys: &[String]) {
        for key in storage_keys {
            if let Some(person) = store::person_key_of(key) {
                self.data.people.remove(person);
            }
        }
    }

    /// Notes entries about to be written as this tab's own; false when
    /// writing is not allowed (then nothing is noted).
    pub fn note_writes(&mut self, entries: &[(String, String)]) -> bool {
        if self.writable {
            for (key, value) in entries {
                self.written.insert(key.clone(), value.clone());
            }
        }
        self.writable
    }

    /// Drops the notes of writes that failed: no change event will report
    /// them, and a later change elsewhere back to the same value would be
    /// taken for this tab's own.
    pub fn forget_writes(&mut self, entries: &[(String, String)]) {
        for (key, value) in entries {
            if self.written.get(key) == Some(value) {
                self.written.remove(key);
            }
            // Never stored: another value read later overwrote nothing.
            if let Some(person) = store::person_key_of(key) {
                self.edited.remove(person);
            }
        }
    }

    /// Sorts storage's change events into this tab's own writes, whose
    /// note is then cleared (so the notes do not grow with every person
    /// recorded), and what others changed.
    pub fn foreign(&mut self, changes: &[(String, Option<String>)]) -> Foreign {
        let mut out = Foreign::default();
        for (key, value) in changes {
            if value.is_some() && value.as_ref() == self.written.get(key) {
                self.written.remove(key);
                continue;
            }
            // Storage reports writes in the order it took them: a change
            // reported before this tab's own write is older, and this
            // tab's value, still on its way, will stand. Read back now, it
            // could still be the older one.
            if store::person_key_of(key).is_some() && self.written.contains_key(key) {
                continue;
            }
            if store::person_key_of(key).is_some() {
                if self.entries_read.contains(key) {
                    out.people.push(key.clone());
                }
            } else if store::company_key_of(key).is_none() && store::sent_key_of(key).is_none() {
                // Invitations sent are the outgoing side's own reading
                // (see `outgoing`): no invitation panel depends on them.
                out.start = true;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn invitation(key: &str) -> Invitation {
        Invitation {
            key: key.into(),
            ..Invitation::default()
        }
    }

    fn session() -> Session {
        Session::new(Data::default(), true)
    }

    #[test]
    fn a_card_waits_until_its_people_are_read_once() {
        let mut s = session();
        let ana = invitation("ana");
        assert!(!s.ready_or_queue(&ana));
        assert!(!s.ready_or_queue(&ana), "queued once, still not read");
        let keys = s.start_reading().unwrap();
        assert_eq!(keys, vec!["kindly.person.ana".to_string()]);
        assert_eq!(s.start_reading(), None, "one read at a time");
        let stored = store::person_entry(
            "ana",
            &Person {
                note: "kept".into(),
                ..Person::default()
            },
        );
        assert!(s.finish_reading(keys, Some(&[stored])).is_empty());
        assert!(s.is_ready(&ana) && s.ready_or_queue(&ana));
        assert_eq!(s.data.people["ana"].note, "kept");
        assert_eq!(s.start_reading(), None, "nothing left to read");
    }

    #[test]
    fn an_unreadable_person_is_never_written_over() {
        let mut s = session();
        let warnings = s.take_entries(&[("kindly.person.bo".into(), "{not json".into())]);
        assert_eq!(warnings.len(), 1);
        assert!(s.is_unreadable("bo"));
        assert_eq!(s.update_person("bo", |p| p.note = "new".into()), None);
        assert!(!s.data.people.contains_key("bo"));
        // A failed read: judged without history, not written either.
        let mut s = session();
        s.ready_or_queue(&invitation("cy"));
        let keys = s.start_reading().unwrap();
        s.finish_reading(keys, None);
        assert!(s.is_unreadable("cy") && s.was_read("cy"));
        assert!(session().update_person("cy", |_| {}).is_some());
    }

    /// A session that read Ana (nothing stored) and is writing a note
    /// for her: the entry, noted as this tab's own.
    fn with_note_written() -> (Session, (String, String)) {
        let mut s = session();
        s.ready_or_queue(&invitation("ana"));
        let keys = s.start_reading().unwrap();
        s.finish_reading(keys, Some(&[]));
        let entry = s.update_person("ana", |p| p.note = "mine".into()).unwrap();
        assert!(s.note_writes(std::slice::from_ref(&entry)));
        (s, entry)
    }

    #[test]
    fn own_writes_are_recognised_once_and_others_read_again() {
        let (mut s, entry) = with_note_written();
        let own = [(entry.0.clone(), Some(entry.1.clone()))];
        assert_eq!(s.foreign(&own), Foreign::default(), "this tab's write");
        // Seen once, the note is gone: the same value again is someone else's.
        assert_eq!(s.foreign(&own).people, vec![entry.0.clone()]);
        // People not on the page are not read; a single key is the start's.
        let others = [
            ("kindly.person.zed".to_string(), Some("{}".to_string())),
            ("kindly.company.acme".to_string(), Some("{}".to_string())),
            ("kindly.sent.zed".to_string(), Some("{}".to_string())),
        ];
        assert_eq!(s.foreign(&others), Foreign::default());
        let settings = [("kindly.settings".to_string(), Some("{}".to_string()))];
        assert!(s.foreign(&settings).start);
    }

    #[test]
    fn a_change_reported_before_this_tabs_own_write_is_older_and_not_read() {
        let (mut s, entry) = with_note_written();
        let older = [(
            entry.0.clone(),
            Some(stored_ana(|p| p.note = "theirs".into()).1),
        )];
        assert_eq!(
            s.foreign(&older),
            Foreign::default(),
            "this tab's write will stand"
        );
        assert!(!s.was_overwritten("ana"));
        // Once this tab's own write is reported, a change is newer: read.
        let own = [(entry.0.clone(), Some(entry.1.clone()))];
        assert_eq!(s.foreign(&own), Foreign::default());
        assert_eq!(s.foreign(&older).people, vec![entry.0]);
    }

    #[test]
    fn a_failed_write_is_not_taken_for_this_tabs_own_later() {
        let (mut s, entry) = with_note_written();
        s.forget_writes(std::slice::from_ref(&entry));
        // Another tab writes the same value: someone else's, read again.
        let same = [(entry.0.clone(), Some(entry.1.clone()))];
        assert_eq!(s.foreign(&same).people, vec![entry.0]);
    }

    /// Ana's entry as another tab or the popup would store it.
    fn stored_ana(change: impl FnOnce(&mut Person)) -> (String, String) {
        let mut person = Person {
            note: "mine".into(),
            ..Person::default()
        };
        change(&mut person);
        store::person_entry("ana", &person)
    }

    #[test]
    fn an_edit_written_over_elsewhere_is_told_until_edited_again() {
        let (mut s, _) = with_note_written();
        // Read back as written (this tab's write landed first): nothing lost.
        s.take_entries(&[stored_ana(|_| {})]);
        assert!(!s.was_overwritten("ana"));
        // Another tab records the card (days seen): not an edit, nothing lost.
        s.take_entries(&[stored_ana(|p| p.last_seen = 9)]);
        assert!(!s.was_overwritten("ana"));
        // Another tab sets her relationship over this tab's entry: told.
        s.take_entries(&[stored_ana(|p| p.relationship = Some(Relationship::MetOnce))]);
        assert!(s.was_overwritten("ana"));
        assert_eq!(
            s.data.people["ana"].relationship,
            Some(Relationship::MetOnce)
        );
        // Edited here again: this tab's value is the last word.
        s.update_person("ana", |p| p.note = "again".into());
        assert!(!s.was_overwritten("ana"));
    }

    #[test]
    fn people_this_tab_did_not_edit_are_never_told() {
        let mut s = session();
        s.take_entries(&[stored_ana(|_| {})]);
        s.take_entries(&[stored_ana(|p| p.note = "theirs".into())]);
        assert!(!s.was_overwritten("ana"));
        // An edit whose write failed was never stored: nothing to lose.
        let (mut s, entry) = with_note_written();
        s.forget_writes(std::slice::from_ref(&entry));
        s.take_entries(&[stored_ana(|p| p.note = "theirs".into())]);
        assert!(!s.was_overwritten("ana"));
    }

    #[test]
    fn a_read_only_session_notes_and_writes_nothing() {
        let mut s = Session::new(Data::default(), false);
        s.ready_or_queue(&invitation("ana"));
        let keys = s.start_reading().unwrap();
        s.finish_reading(keys, Some(&[]));
        let entry = ("kindly.person.ana".to_string(), "{}".to_string());
        assert!(!s.note_writes(std::slice::from_ref(&entry)));
        let changes = [(entry.0.clone(), Some(entry.1))];
        assert_eq!(
            s.foreign(&changes).people,
            vec![entry.0],
            "not noted as its own"
        );
    }
}
