//! Invitations the user sends, as a specification: what is remembered,
//! what the Sent tab changes (and what a partial list must not), the
//! follow-up once they accept, the review's "sent" section, and the Sent
//! tab's judgement with its reasons.
#![cfg(test)]

use kindly_core::model::{Data, Kind, SentInvitation, SentStatus, Settings};
use kindly_core::note::NoteInput;
use kindly_core::plural::Unit;
use kindly_core::sent::{
    self, forget_settled, name_key, prune, record_accepted, record_followed_up, record_sent,
    record_withdrawn, review, update_from_sent_tab,
};
use kindly_core::sent_advice::{judge, reason_ids, SentAction};
use kindly_core::sent_tab::SentRow;
use kindly_core::store::new_user_data;

const TODAY: u32 = 20_000;

fn said(met_at: &str, topic: &str, language: &str) -> NoteInput {
    NoteInput {
        first_name: Some("Mira".into()),
        met_at: met_at.into(),
        topic: topic.into(),
        language: language.into(),
        ..NoteInput::default()
    }
}

fn row(key: &str, name: &str, age: Option<u32>) -> SentRow {
    SentRow {
        key: key.into(),
        kind: Kind::Person,
        name: Some(name.into()),
        first_name: name.split(' ').next().map(Into::into),
        headline: None,
        age_days: age,
    }
}

fn with_sent() -> Data {
    let mut data = new_user_data();
    data.profile.name = "Maria Gonzalez".into();
    assert!(record_sent(
        &mut data,
        "mira-sato-7a8b9c",
        "Mira Sato",
        "Hi Mira, it was great to meet you at RustConf.",
        &said("RustConf", "WebAssembly", "en"),
        TODAY - 30,
    ));
    assert!(record_sent(
        &mut data,
        "eli-novak-4d5e6f",
        "Eli Novak",
        "",
        &said("", "", "en"),
        TODAY - 5,
    ));
    data
}

#[test]
fn a_sent_invitation_is_remembered_with_why() {
    let data = with_sent();
    let mira = &data.sent["mira-sato-7a8b9c"];
    assert_eq!(mira.name, "Mira Sato");
    assert_eq!(mira.sent, TODAY - 30);
    assert_eq!(mira.met_at, "RustConf");
    assert_eq!(mira.topic, "WebAssembly");
    assert_eq!(mira.status, SentStatus::Pending);
    assert!(mira.seen_sent && !mira.followed_up);
    // The same again changes nothing; no key, nothing is remembered.
    let mut again = data.clone();
    assert!(!record_sent(
        &mut again,
        "mira-sato-7a8b9c",
        "Mira Sato",
        "Hi Mira, it was great to meet you at RustConf.",
        &said("RustConf", "WebAssembly", "en"),
        TODAY - 30,
    ));
    assert!(!record_sent(
        &mut again,
        " ",
        "X",
        "",
        &NoteInput::default(),
        TODAY
    ));
    assert_eq!(again, data);
}

#[test]
fn a_partial_sent_list_proves_nothing_and_a_complete_one_does() {
    let mut data = with_sent();
    // Only Eli shown, more to load: Mira stays pending.
    let changed = update_from_sent_tab(
        &mut data,
        &[row("eli-novak-4d5e6f", "Eli Novak", Some(5))],
        false,
        TODAY,
    );
    assert_eq!(data.sent["mira-sato-7a8b9c"].status, SentStatus::Pending);
    assert_eq!(changed.written, vec!["eli-novak-4d5e6f"]);
    assert_eq!(data.sent["eli-novak-4d5e6f"].last_listed, TODAY);
    // The whole list, without Mira: no longer pending.
    let changed = update_from_sent_tab(
        &mut data,
        &[row("eli-novak-4d5e6f", "Eli Novak", Some(5))],
        true,
        TODAY + 1,
    );
    assert_eq!(data.sent["mira-sato-7a8b9c"].status, SentStatus::Unknown);
    assert_eq!(data.sent["mira-sato-7a8b9c"].status_day, TODAY + 1);
    assert!(changed.written.contains(&"mira-sato-7a8b9c".to_string()));
    // Accepted and withdrawn ones are not "no longer pending" again.
    let mut data = with_sent();
    record_accepted(&mut data, "mira-sato-7a8b9c", TODAY);
    record_withdrawn(&mut data, "eli-novak-4d5e6f", TODAY);
    update_from_sent_tab(
        &mut data,
        &[row("quinn-harper-1a2b3c", "Quinn Harper", Some(14))],
        true,
        TODAY + 1,
    );
    assert_eq!(data.sent["mira-sato-7a8b9c"].status, SentStatus::Accepted);
    assert_eq!(data.sent["eli-novak-4d5e6f"].status, SentStatus::Withdrawn);
}

#[test]
fn the_sent_tab_teaches_invitations_kindly_did_not_see() {
    let mut data = with_sent();
    let page = SentRow {
        key: "page/example-labs".into(),
        kind: Kind::Page,
        ..row("", "Example Labs", Some(3))
    };
    let changed = update_from_sent_tab(
        &mut data,
        &[
            row("quinn-harper-1a2b3c", "Quinn Harper", Some(14)),
            row("anon", "Anon", None),
            page,
        ],
        false,
        TODAY,
    );
    let quinn = &data.sent["quinn-harper-1a2b3c"];
    assert_eq!(
        (quinn.sent, quinn.status, quinn.seen_sent),
        (TODAY - 14, SentStatus::Pending, false)
    );
    assert_eq!(data.sent["anon"].sent, 0, "an unknown age stays unknown");
    assert!(
        !data.sent.contains_key("page/example-labs"),
        "pages are not people"
    );
    assert_eq!(changed.written, vec!["quinn-harper-1a2b3c", "anon"]);
    // Listed again while thought accepted: pending after all.
    record_accepted(&mut data, "quinn-harper-1a2b3c", TODAY);
    update_from_sent_tab(
        &mut data,
        &[row("quinn-harper-1a2b3c", "Quinn Harper", Some(15))],
        false,
        TODAY + 1,
    );
    assert_eq!(data.sent["quinn-harper-1a2b3c"].status, SentStatus::Pending);
    assert_eq!(
        data.sent["quinn-harper-1a2b3c"].sent,
        TODAY - 14,
        "the first day stays"
    );
}

#[test]
fn an_invitation_remembered_by_name_moves_to_its_key() {
    let mut data = new_user_data();
    record_sent(
        &mut data,
        &name_key("Avery Stone"),
        "Avery Stone",
        "Hi Avery",
        &said("at the fair", "", "en"),
        TODAY - 3,
    );
    let changed = update_from_sent_tab(
        &mut data,
        &[row("avery-stone", "Avery Stone", Some(3))],
        true,
        TODAY,
    );
    assert_eq!(changed.removed, vec![name_key("Avery Stone")]);
    assert_eq!(data.sent.len(), 1);
    assert_eq!(data.sent["avery-stone"].met_at, "at the fair");
    assert!(data.sent["avery-stone"].seen_sent);
}

#[test]
fn the_follow_up_waits_for_an_accept_and_recalls_where_you_met() {
    let mut data = with_sent();
    assert!(sent::follow_up(&data, "mira-sato-7a8b9c").is_none());
    assert!(record_accepted(&mut data, "mira-sato-7a8b9c", TODAY));
    assert!(!record_accepted(&mut data, "mira-sato-7a8b9c", TODAY));
    let f = sent::follow_up(&data, "mira-sato-7a8b9c").unwrap();
    assert_eq!(f.template_id, "follow-up-after-accept");
    assert!(f.text.starts_with("Hi Mira,\n\nThank you for accepting my invitation; it was good to meet you at RustConf."), "{}", f.text);
    assert!(
        f.text.contains("our conversation about WebAssembly"),
        "{}",
        f.text
    );
    assert!(
        f.text.ends_with("Best wishes,\nMaria Gonzalez"),
        "{}",
        f.text
    );
    assert_eq!(f.chars, f.text.chars().count());
    // Nothing said: thanks and a question, no invented meeting.
    record_accepted(&mut data, "eli-novak-4d5e6f", TODAY);
    let f = sent::follow_up(&data, "eli-novak-4d5e6f").unwrap();
    assert!(!f.text.contains("meet"), "{}", f.text);
    assert!(f.text.contains("What are you working on"), "{}", f.text);
    // In the note's language.
    let mut fr = new_user_data();
    record_sent(
        &mut fr,
        "camille-roux",
        "Camille Roux",
        "",
        &said("le salon VivaTech", "", "fr"),
        TODAY,
    );
    record_accepted(&mut fr, "camille-roux", TODAY);
    let f = sent::follow_up(&fr, "camille-roux").unwrap();
    assert_eq!(f.language, "fr");
    assert!(f.text.starts_with("Bonjour Camille,"), "{}", f.text);
    assert!(
        f.text.contains("vous rencontrer au salon VivaTech."),
        "{}",
        f.text
    );
}

#[test]
fn the_review_lists_pending_oldest_first_and_follow_ups_due() {
    let mut data = with_sent();
    update_from_sent_tab(
        &mut data,
        &[
            row("quinn-harper-1a2b3c", "Quinn Harper", Some(60)),
            row("anon", "Anon", None),
        ],
        false,
        TODAY,
    );
    let r = review(&data, TODAY);
    let keys: Vec<&str> = r.pending.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        keys,
        vec![
            "quinn-harper-1a2b3c",
            "mira-sato-7a8b9c",
            "eli-novak-4d5e6f",
            "anon"
        ]
    );
    assert_eq!(r.pending[0].waited, Some((2, Unit::Months)));
    assert_eq!(r.pending[1].advice.action, SentAction::FollowUpElsewhere);
    assert_eq!(r.pending[2].advice.action, SentAction::Wait);
    assert_eq!(r.pending[3].waited, None);
    assert!(r.follow_ups.is_empty() && r.no_longer_pending.is_empty());
    record_accepted(&mut data, "mira-sato-7a8b9c", TODAY);
    update_from_sent_tab(
        &mut data,
        &[row("quinn-harper-1a2b3c", "Quinn Harper", Some(60))],
        true,
        TODAY,
    );
    let r = review(&data, TODAY);
    assert_eq!(r.follow_ups.len(), 1);
    assert_eq!(r.follow_ups[0].key, "mira-sato-7a8b9c");
    assert!(r.follow_ups[0].follow_up.is_some());
    let gone: Vec<&str> = r.no_longer_pending.iter().map(|g| g.key.as_str()).collect();
    assert_eq!(gone, vec!["anon", "eli-novak-4d5e6f"]);
    // Once the follow-up is taken, it is no longer due.
    assert!(record_followed_up(&mut data, "mira-sato-7a8b9c"));
    assert!(review(&data, TODAY).follow_ups.is_empty());
}

#[test]
fn settled_invitations_are_pruned_and_forgotten_pending_ones_kept() {
    let mut data = with_sent();
    record_withdrawn(&mut data, "eli-novak-4d5e6f", TODAY - 200);
    record_accepted(&mut data, "mira-sato-7a8b9c", TODAY - 200);
    assert!(prune(&mut data, TODAY).contains(&"eli-novak-4d5e6f".to_string()));
    assert!(
        data.sent.contains_key("mira-sato-7a8b9c"),
        "a follow-up is still due"
    );
    record_followed_up(&mut data, "mira-sato-7a8b9c");
    record_sent(&mut data, "new", "New", "", &said("", "", "en"), TODAY);
    assert_eq!(forget_settled(&mut data), vec!["mira-sato-7a8b9c"]);
    assert_eq!(data.sent.keys().collect::<Vec<_>>(), vec!["new"]);
}

fn record(met_at: &str, note: &str, seen_sent: bool) -> SentInvitation {
    SentInvitation {
        name: "Mira Sato".into(),
        met_at: met_at.into(),
        note: note.into(),
        seen_sent,
        ..SentInvitation::default()
    }
}

fn reason_list(advice: &kindly_core::sent_advice::SentAdvice) -> Vec<&str> {
    advice.reasons.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn past_the_threshold_kindly_suggests_withdrawing_or_another_way() {
    let settings = Settings::default();
    // Three weeks by default.
    let a = judge(Some(20), Some(&record("", "", true)), &settings);
    assert_eq!(a.action, SentAction::Wait);
    assert_eq!(
        reason_list(&a),
        vec!["sent_waited_weeks", "sent_within_weeks"]
    );
    assert_eq!(a.reasons[0].count, Some(2));
    assert_eq!(a.reasons[0].text, "Sent 2 weeks ago, and still waiting.");
    let a = judge(Some(21), Some(&record("", "", true)), &settings);
    assert_eq!(a.action, SentAction::Withdraw);
    assert_eq!(
        reason_list(&a),
        vec![
            "sent_past_weeks",
            "sent_waited_weeks",
            "sent_without_note",
            "sent_reinvite_block"
        ]
    );
    assert!(
        a.reasons[3].text.contains("up to 3 weeks"),
        "{}",
        a.reasons[3].text
    );
    assert!(
        a.reasons[3].text.contains("never withdraws"),
        "{}",
        a.reasons[3].text
    );
    // They know each other: reach them another way.
    let a = judge(
        Some(40),
        Some(&record("at RustConf", "Hi", true)),
        &settings,
    );
    assert_eq!(a.action, SentAction::FollowUpElsewhere);
    assert!(reason_list(&a).contains(&"sent_you_met"));
    assert!(a
        .reasons
        .iter()
        .any(|r| r.text.contains("You met them at RustConf")));
    assert_eq!(a.waited, Some((5, Unit::Weeks)));
    // Learned from the Sent tab only: Kindly says what it does not know.
    let a = judge(Some(40), Some(&record("", "", false)), &settings);
    assert!(reason_list(&a).contains(&"sent_unknown_context"));
    let a = judge(Some(40), None, &settings);
    assert_eq!(a.action, SentAction::Withdraw);
    assert!(reason_list(&a).contains(&"sent_unknown_context"));
    // The user's own threshold.
    let week = Settings {
        withdraw_after_days: 7,
        ..Settings::default()
    };
    let a = judge(Some(8), None, &week);
    assert_eq!(a.action, SentAction::Withdraw);
    assert_eq!(
        a.reasons[0].text,
        "It has waited longer than 7 days, your limit for a pending invitation."
    );
    // Unknown age: nothing to suggest.
    let a = judge(None, Some(&record("", "", true)), &settings);
    assert_eq!(
        (a.action, reason_list(&a)),
        (SentAction::Wait, vec!["sent_age_unknown"])
    );
    assert_eq!(
        reason_list(&judge(Some(0), None, &settings))[0],
        "sent_today"
    );
    assert_eq!(
        judge(Some(1), None, &settings).reasons[0].text,
        "Sent 1 day ago, and still waiting."
    );
}

#[test]
fn every_reason_given_is_listed_for_translation() {
    let listed = reason_ids();
    let settings = Settings::default();
    let records = [
        None,
        Some(record("", "", true)),
        Some(record("", "Hi", true)),
        Some(record("at RustConf", "", true)),
        Some(SentInvitation {
            topic: "Rust".into(),
            ..record("", "", true)
        }),
        Some(SentInvitation {
            mutual_name: "Sam".into(),
            ..record("", "", true)
        }),
    ];
    for days in [
        None,
        Some(0),
        Some(1),
        Some(20),
        Some(21),
        Some(70),
        Some(400),
        Some(1000),
    ] {
        for threshold in [7, 21, 60, 400, 800] {
            let s = Settings {
                withdraw_after_days: threshold,
                ..settings.clone()
            };
            for r in &records {
                for reason in judge(days, r.as_ref(), &s).reasons {
                    let entry = listed.iter().find(|(id, _)| *id == reason.id);
                    assert!(entry.is_some(), "{} not listed", reason.id);
                    assert_eq!(entry.unwrap().1, reason.count.is_some(), "{}", reason.id);
                    assert!(!reason.text.is_empty(), "{}", reason.id);
                }
            }
        }
    }
}
