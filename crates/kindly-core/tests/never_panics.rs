//! Properties: reading and judging never panic, whatever a page or a stored
//! file holds, and the key is never empty.
#![cfg(test)]

use kindly_core::dialog::{invitee_key, read_dialog, DialogText};
use kindly_core::note::{self, NoteInput};
use kindly_core::sent::{self, update_from_sent_tab};
use kindly_core::sent_tab::{list_state, read_row, SentListText, SentRowText};
use kindly_core::store::new_user_data;
use kindly_core::{
    parse_card, record_seen, suggest, suggest_for, Action, CardLink, CardText, Person, Relationship,
};
use proptest::prelude::*;

/// Text that looks like card text often enough to reach deep branches:
/// fragments of real lines glued with arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    let fragments = prop::sample::select(vec![
        "Accept ",
        "’s invitation",
        "Ignore an invitation to connect from ",
        "Accepter l’invitation de ",
        " and ",
        " other mutual connections",
        " mutual connection",
        "relations en commun",
        " et ",
        "gemeinsame Kontakte",
        " und ",
        "contactos en común",
        " y ",
        "ago",
        "il y a",
        "vor",
        "hace",
        "3",
        "12",
        "d",
        "mo",
        "week",
        "Yesterday",
        "Hier",
        " invited you to follow ",
        " invited you to subscribe to ",
        "Newsletter • ",
        " follows you",
        " is inviting you to connect",
        "… see more",
        "…voir plus",
        " at ",
        " @ ",
        "Dr.",
        ", PhD",
        "J.",
        "🚀",
        "王",
        "Verified",
        "(",
        ")",
        ",",
        "%",
        "%C3",
        "%E2%80",
        "/in/",
        "/company/",
        "/newsletters/",
        "/events/",
        "\n",
        " ",
        "hat Sie eingeladen, ",
        " zu folgen",
        "WhatsApp",
        "http://x",
        // The connect dialog and the Sent tab.
        "0/200",
        "/",
        "Add a note",
        "Personalize your invitation to ",
        "Einladung an ",
        " hinzu",
        "characters",
        " remaining",
        "Withdraw invitation sent to ",
        "Sent 2 weeks ago",
        "People (",
        "Load more",
        "vanityName=",
        "le ",
        "die ",
    ]);
    prop::collection::vec(
        prop_oneof![fragments.prop_map(str::to_string), any::<String>()],
        0..8,
    )
    .prop_map(|parts| parts.concat())
}

fn card() -> impl Strategy<Value = CardText> {
    (
        prop::sample::select(vec!["", "en", "fr-FR", "de", "es", "xx", "EN_us"]),
        prop::option::of(text()),
        prop::collection::vec(text(), 0..8),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::vec((text(), text()), 0..4),
        prop::option::of(text()),
        prop::option::of(any::<usize>()),
    )
        .prop_map(
            |(lang, name, lines, note, accept, ignore, links, hint, after)| CardText {
                lang: lang.to_string(),
                name,
                lines,
                after_controls: after,
                note,
                accept_label: accept,
                ignore_label: ignore,
                links: links
                    .into_iter()
                    .map(|(path, text)| CardLink { path, text })
                    .collect(),
                key_hint: hint,
                reply_control: false,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn parse_card_never_panics_and_always_has_a_key(c in card()) {
        let inv = parse_card(&c);
        prop_assert!(!inv.key.is_empty());
        if let Some(first) = &inv.first_name {
            prop_assert!(!first.trim().is_empty());
        }
        prop_assert_eq!(inv.readable, inv.full_name.is_some() || inv.target_name.is_some());
    }

    #[test]
    fn suggest_never_panics(c in card(), today in 0u32..40_000, rel in prop::option::of(0usize..5)) {
        let mut data = new_user_data();
        let key = parse_card(&c).key;
        data.people.insert(key, Person {
            relationship: rel.and_then(|i| Relationship::ALL.get(i).copied()),
            invitations: vec![today / 2],
            first_seen: today / 2,
            last_seen: today / 2,
            age_when_seen: Some(today % 400),
            ..Person::default()
        });
        let model = suggest(&c, &data, today);
        prop_assert!(model.suggestions.len() <= 3);
        for s in &model.suggestions {
            prop_assert!(s.chars <= s.text.chars().count());
        }
        let again = suggest_for(&model.invitation, &data, today);
        prop_assert_eq!(again.action, model.action);
        let _ = record_seen(&mut data, &model.invitation, Action::Review, today);
        prop_assert!(!record_seen(&mut data, &model.invitation, Action::Review, today));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn reading_a_dialog_never_panics(
        lang in prop::sample::select(vec!["", "en", "fr", "de-DE", "es", "sv"]),
        heading in prop::option::of(text()),
        lines in prop::collection::vec(text(), 0..6),
        bold in prop::collection::vec(text(), 0..3),
        labels in prop::collection::vec(text(), 0..3),
        controls in prop::collection::vec((text(), any::<bool>()), 0..4),
        boxes in 0usize..3,
        counter in prop::option::of(text()),
        max_length in prop::option::of(text()),
        url in text(),
    ) {
        let d = DialogText {
            lang: lang.to_string(),
            heading,
            lines,
            emphasised: bold,
            box_labels: labels,
            controls,
            links: Vec::new(),
            note_boxes: boxes,
            email_box: boxes == 2,
            counter,
            max_length,
        };
        if let Some(read) = read_dialog(&d) {
            if let Some(first) = &read.first_name {
                prop_assert!(!first.trim().is_empty());
            }
        }
        if let Some(key) = invitee_key(&url) {
            prop_assert!(!key.trim().is_empty() && !key.contains('/'));
        }
    }

    #[test]
    fn reading_the_sent_tab_and_remembering_it_never_panics(
        cards in prop::collection::vec((card(), text()), 0..4),
        counts in prop::collection::vec((text(), any::<bool>()), 0..3),
        after in prop::collection::vec(text(), 0..3),
        path in text(),
        today in 0u32..40_000,
        complete in any::<bool>(),
    ) {
        let rows: Vec<_> = cards
            .into_iter()
            .map(|(card, withdraw_label)| read_row(&SentRowText { card, withdraw_label }))
            .collect();
        let _ = list_state(&SentListText { path, counts, after_rows: after }, &rows);
        let mut data = new_user_data();
        let _ = update_from_sent_tab(&mut data, &rows, complete, today);
        let _ = sent::review(&data, today);
        for key in data.sent.keys().cloned().collect::<Vec<_>>() {
            sent::record_accepted(&mut data, &key, today);
            let _ = sent::follow_up(&data, &key);
        }
    }

    #[test]
    fn writing_a_note_never_panics(
        first in prop::option::of(text()),
        met_at in text(),
        topic in text(),
        mutual in text(),
        role in text(),
        lang in prop::sample::select(vec!["", "en", "fr", "de", "es", "pt"]),
        shown in prop::option::of(0usize..5000),
    ) {
        let input = NoteInput {
            first_name: first,
            met_at,
            topic,
            mutual_name: mutual,
            my_role: role,
            language: lang.to_string(),
            shown_limit: shown,
        };
        let data = new_user_data();
        for n in note::suggest_notes(&input, &data) {
            prop_assert_eq!(n.chars, n.text.chars().count());
            let _ = note::check(&n.text, &input, &data);
        }
    }
}
