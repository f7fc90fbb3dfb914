//! The politeness check: hints on a reply text, each with a position, a
//! severity and a suggestion.
//!
//! STUB: being written.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Problem,
}

/// One hint about a reply text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// Stable id, e.g. "harsh_word", "over_limit".
    pub id: String,
    /// Character range (start, end) in the text the hint is about.
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
}

/// What the check needs to know besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ToneContext {
    pub limit: usize,
    /// They wrote a personal note: the reply should use their name.
    pub they_wrote_note: bool,
    pub first_name: Option<String>,
    /// The user marked them a stranger (no specific reasons then).
    pub stranger: bool,
}

/// Checks a reply text.
pub fn check(_text: &str, _context: &ToneContext) -> Vec<Hint> {
    Vec::new()
}
