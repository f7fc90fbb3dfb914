//! The words of Kindly's panel and popup, in one home: `extension/_locales`
//! (en, fr, de, es), read here by key (the popup's through `popup::ui`,
//! which adds its `popup_` prefix). No English lives in the code: where the UI
//! language lacks a message the browser takes English (the manifest's
//! default locale), and a message missing even there shows its key, so the
//! gap is seen in testing rather than papered over.

use crate::chrome;

/// The message `key`, with `$1`… filled from `args`.
pub fn text(key: &str, args: &[&str]) -> String {
    chrome::message(key, args, key)
}

/// The message `key` that counts `count` things, in the UI language's
/// plural form for it (`key_one`, `key_other`…).
pub fn counted(key: &str, count: u64, args: &[&str]) -> String {
    chrome::counted_message(key, count, args, key)
}
