//! Turning a reply written for one inviter back into a template for the
//! next: their names become placeholders again, and literal braces are
//! escaped so the template language reads the text as the person wrote it.

use crate::model::Invitation;

/// `text` as a template body: the inviter's full name becomes `{name}`, their
/// first name `{first_name|there}`, and `{`/`}` become `{{`/`}}`.
pub fn generalise(text: &str, invitation: &Invitation) -> String {
    let escaped = text.replace('{', "\u{0}").replace('}', "\u{1}");
    let escaped = escaped.replace('\u{0}', "{{").replace('\u{1}', "}}");
    let mut out = escaped;
    if let Some(full) = invitation
        .full_name
        .as_deref()
        .filter(|n| n.chars().count() > 1)
    {
        out = out.replace(full, "{name}");
    }
    if let Some(first) = invitation
        .first_name
        .as_deref()
        .filter(|n| n.chars().count() > 1)
    {
        out = replace_word(&out, first, "{first_name|there}");
    }
    out
}

/// Replaces whole-word occurrences only, so "Ana" does not eat "Anabel".
fn replace_word(text: &str, word: &str, with: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let (before, after_start) = rest.split_at(at);
        let after = after_start.get(word.len()..).unwrap_or("");
        let left_ok = !before
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let right_ok = !after.chars().next().is_some_and(char::is_alphanumeric);
        out.push_str(before);
        if left_ok && right_ok {
            out.push_str(with);
        } else {
            out.push_str(word);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn riley() -> Invitation {
        Invitation {
            full_name: Some("Riley Park".into()),
            first_name: Some("Riley".into()),
            ..Invitation::default()
        }
    }

    #[test]
    fn names_become_placeholders() {
        assert_eq!(
            generalise("Hi Riley, thanks! Riley Park, Rileyson", &riley()),
            "Hi {first_name|there}, thanks! {name}, Rileyson"
        );
    }

    #[test]
    fn braces_are_escaped() {
        assert_eq!(generalise("a {b} c", &Invitation::default()), "a {{b}} c");
    }

    #[test]
    fn generalised_text_parses_and_renders_back() {
        let body = generalise("Hi Riley, {literal} braces stay.", &riley());
        let template = crate::template::parse(&body);
        assert!(template.is_ok(), "{body}");
    }
}
