//! Card texts as a page could deliver them: parse_card and suggest must never
//! panic, and always give a non-empty key.
#![no_main]

use arbitrary::Arbitrary;
use kindly_core::store::new_user_data;
use kindly_core::{parse_card, suggest, CardLink, CardText};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    lang: String,
    name: Option<String>,
    lines: Vec<String>,
    note: Option<String>,
    accept_label: Option<String>,
    ignore_label: Option<String>,
    links: Vec<(String, String)>,
    key_hint: Option<String>,
    after_controls: Option<usize>,
    today: u32,
}

fuzz_target!(|input: Input| {
    let card = CardText {
        lang: input.lang,
        name: input.name,
        lines: input.lines,
        after_controls: input.after_controls,
        note: input.note,
        accept_label: input.accept_label,
        ignore_label: input.ignore_label,
        links: input
            .links
            .into_iter()
            .map(|(path, text)| CardLink { path, text })
            .collect(),
        key_hint: input.key_hint,
        reply_control: false,
    };
    let invitation = parse_card(&card);
    assert!(!invitation.key.is_empty());
    let model = suggest(&card, &new_user_data(), input.today);
    assert!(model.suggestions.len() <= 3);
});
