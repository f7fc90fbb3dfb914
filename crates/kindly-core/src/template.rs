//! The template language: placeholders with fallbacks, conditions on the
//! invitation's facts, escaped braces. Parsing reports every error with its
//! position; rendering never fails and never leaves a brace or an empty name.
//!
//! STUB: the interface below is the contract `advice`/`suggest` and
//! `kindly-web` rely on; the implementation is being written.

use serde::Serialize;

/// The values a template may use. `None` means "not known": a placeholder
/// then uses its fallback, and `{if x}` is false.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    pub first_name: Option<String>,
    pub name: Option<String>,
    pub company: Option<String>,
    pub headline: Option<String>,
    pub mutual_count: Option<u32>,
    pub mutual_name: Option<String>,
    pub my_name: Option<String>,
    pub my_email: Option<String>,
    /// Page/newsletter/event the invitation is about.
    pub target: Option<String>,
    /// True when they wrote a personal note (`{if note}`).
    pub has_note: bool,
}

/// A template error a non-programmer can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateError {
    /// Character offset (not byte) where the problem starts.
    pub position: usize,
    pub message: String,
}

/// A parsed template, ready to render many times.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    source: String,
}

/// Parses a template, returning every error found.
pub fn parse(source: &str) -> Result<Template, Vec<TemplateError>> {
    Ok(Template {
        source: source.to_string(),
    })
}

/// Renders a template with the facts. Never fails.
pub fn render(template: &Template, facts: &Facts) -> String {
    let first = facts.first_name.as_deref().unwrap_or("there");
    template.source.replace("{first_name}", first)
}

/// Characters as LinkedIn counts them.
pub fn count_chars(text: &str) -> usize {
    text.chars().count()
}
