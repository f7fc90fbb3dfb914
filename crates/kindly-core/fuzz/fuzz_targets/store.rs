//! Stored data: whatever chrome.storage.local holds (another version, a
//! damaged value). load must never panic and always give current-schema data;
//! neither may read_start, the content script's reading of the same entries.
#![no_main]

use arbitrary::Arbitrary;
use kindly_core::store::{load, read_start, SCHEMA};
use libfuzzer_sys::fuzz_target;

const KEYS: [&str; 8] = [
    "kindly",
    "kindly.meta",
    "kindly.profile",
    "kindly.settings",
    "kindly.templates",
    "kindly.person.ana-lima-1a2b3c",
    "kindly.person.",
    "other",
];

#[derive(Arbitrary, Debug)]
struct Entry {
    key: u8,
    own_key: Option<String>,
    value: String,
}

fuzz_target!(|entries: Vec<Entry>| {
    let entries: Vec<(String, String)> = entries
        .into_iter()
        .map(|e| {
            let key = e
                .own_key
                .unwrap_or_else(|| KEYS[usize::from(e.key) % KEYS.len()].to_string());
            (key, e.value)
        })
        .collect();
    let start = read_start(&entries);
    assert_eq!(start.data.schema, SCHEMA);
    let loaded = load(&entries);
    assert_eq!(loaded.data.schema, SCHEMA);
    let _ = loaded.writes();
});
