//! The content script's loader asks storage for `store::START_KEYS` before
//! the module exists, so it spells them out in JavaScript: the two lists
//! must stay the same.
#![cfg(test)]

#[test]
fn the_engine_entry_reads_exactly_the_start_keys() {
    let entry = include_str!("../../../extension/content-entry.js");
    let start = entry
        .find("chrome.storage.local.get([")
        .map(|at| at + "chrome.storage.local.get([".len());
    let Some(start) = start else {
        panic!("content-entry.js no longer reads a list of keys");
    };
    let list = &entry[start..];
    let Some(end) = list.find(']') else {
        panic!("unterminated key list in content-entry.js");
    };
    let read: Vec<&str> = list[..end]
        .split(',')
        .map(|k| k.trim().trim_matches('"'))
        .collect();
    assert_eq!(read, kindly_core::store::START_KEYS);
}
