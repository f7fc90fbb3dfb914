//! Templates the user writes or imports: parse, render and tone-check must
//! never panic, and error positions must lie inside the text.
#![no_main]

use arbitrary::Arbitrary;
use kindly_core::template::{self, Facts};
use kindly_core::tone::{self, ToneContext};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    source: String,
    first_name: Option<String>,
    name: Option<String>,
    company: Option<String>,
    headline: Option<String>,
    mutual_count: Option<u32>,
    mutual_name: Option<String>,
    my_name: Option<String>,
    target: Option<String>,
    has_note: bool,
    limit: u16,
}

fuzz_target!(|input: Input| {
    let facts = Facts {
        first_name: input.first_name.clone(),
        name: input.name,
        company: input.company,
        headline: input.headline,
        mutual_count: input.mutual_count,
        mutual_name: input.mutual_name,
        my_name: input.my_name,
        my_email: None,
        target: input.target,
        has_note: input.has_note,
        ..Facts::default()
    };
    let chars = input.source.chars().count();
    match template::parse(&input.source) {
        Ok(t) => {
            let out = template::render(&t, &facts);
            let _ = tone::check(
                &out,
                &ToneContext {
                    limit: usize::from(input.limit),
                    they_wrote_note: input.has_note,
                    first_name: input.first_name,
                    stranger: false,
                    language: String::new(),
                },
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(
                    e.position <= chars,
                    "error at {} beyond {} chars",
                    e.position,
                    chars
                );
            }
        }
    }
});
