//! The template language: placeholders with fallbacks, conditions on the
//! invitation's facts, escaped braces. Parsing reports every error with its
//! position; rendering never fails and never leaves a brace or an empty name.
//!
//! Design decisions:
//! - **Syntax.** `{first_name}` inserts a fact; `{first_name|there}` gives a
//!   fallback; `{if note}…{else}…{end}` and `{unless note}…{end}` test a fact;
//!   `{{` and `}}` write a literal brace. Whitespace inside a tag is ignored
//!   (`{ if note }` is fine), names are lower-case.
//! - **Errors are for people, not programmers.** [`parse`] never stops at the
//!   first problem: every error carries a *character* position (what an editor
//!   shows, not a UTF-8 byte offset) and a sentence that says what to write
//!   instead, with the nearest known name when one is close.
//! - **Rendering cannot fail.** A missing fact falls back to the template's
//!   fallback, else to a built-in one ("there", "your company"); then a tidy
//!   pass removes what missing values leave behind (double spaces, " ,",
//!   an empty "()"). Values from the page are inserted literally and never
//!   re-expanded, so a name containing `{first_name}` stays as written.
//! - **Bounded work.** Parsing is one left-to-right pass with an explicit
//!   stack (no recursion on input); `{if}` nesting is capped at
//!   [`MAX_DEPTH`] levels, so rendering's recursion is bounded too.
//! - **Counting.** [`count_chars`] counts Unicode scalar values, as LinkedIn's
//!   counter does, and counts a CRLF line break as one character: browsers
//!   normalise a textarea's line breaks to LF, so that is what LinkedIn sees.

use crate::model::{AccountType, Invitation, Profile, Target};
use serde::Serialize;

/// The deepest `{if}` nesting a template may use.
pub const MAX_DEPTH: usize = 16;

/// Character limit of an invitation note on a free account (as reported).
pub const NOTE_LIMIT_FREE: usize = 200;
/// Character limit of an invitation note on a Premium account (as reported).
pub const NOTE_LIMIT_PREMIUM: usize = 300;

/// The values a template may use. `None` means "not known": a placeholder
/// then uses its fallback, and `{if x}` is false. An empty or blank string
/// counts as not known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Facts {
    /// `{first_name}`.
    pub first_name: Option<String>,
    /// `{name}`.
    pub name: Option<String>,
    /// `{company}`.
    pub company: Option<String>,
    /// `{headline}`.
    pub headline: Option<String>,
    /// `{mutual_count}`.
    pub mutual_count: Option<u32>,
    /// `{mutual_name}`.
    pub mutual_name: Option<String>,
    /// `{my_name}`.
    pub my_name: Option<String>,
    /// `{my_email}`.
    pub my_email: Option<String>,
    /// Page/newsletter/event the invitation is about.
    pub target: Option<String>,
    /// True when they wrote a personal note (`{if note}`).
    pub has_note: bool,
    /// Where the user met the person they invite (`{met_at}`): typed by
    /// the user when writing an invitation note, or kept with the
    /// invitation they sent. Never read from a page.
    pub met_at: Option<String>,
    /// What they talked about (`{topic}`), from the user likewise.
    pub topic: Option<String>,
    /// Who the user is, in a few words, to remind them (`{my_role}`:
    /// "the designer who asked about forms"), from the user likewise.
    pub my_role: Option<String>,
}

impl Facts {
    /// The facts of one invitation for one user. Blank strings count as
    /// unknown, so `{if my_name}` is false for an empty profile name.
    pub fn from_invitation(invitation: &Invitation, profile: &Profile) -> Facts {
        fn known(s: &str) -> Option<String> {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Facts {
            first_name: invitation.first_name.clone(),
            name: invitation.full_name.clone(),
            company: invitation.company.clone(),
            headline: invitation.headline.clone(),
            mutual_count: invitation.mutual_count,
            mutual_name: invitation.mutual_name.clone(),
            my_name: known(&profile.name),
            my_email: known(&profile.email),
            target: invitation.target_name.clone(),
            has_note: invitation
                .note
                .as_deref()
                .is_some_and(|n| !n.trim().is_empty()),
            // Facts of invitations the user sends: no received card has them.
            met_at: None,
            topic: None,
            my_role: None,
        }
    }
}

/// A fact a placeholder can insert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `{first_name}`.
    FirstName,
    /// `{name}`.
    Name,
    /// `{company}`.
    Company,
    /// `{headline}`.
    Headline,
    /// `{mutual_count}`.
    MutualCount,
    /// `{mutual_name}`.
    MutualName,
    /// `{my_name}`.
    MyName,
    /// `{my_email}`.
    MyEmail,
    /// `{target}`: the page, newsletter or event.
    Target,
    /// `{met_at}`: where the user met them.
    MetAt,
    /// `{topic}`.
    Topic,
    /// `{my_role}`.
    MyRole,
}

impl Field {
    /// Every field, in the order the editor lists them.
    pub const ALL: [Field; 12] = [
        Field::FirstName,
        Field::Name,
        Field::Company,
        Field::Headline,
        Field::MutualCount,
        Field::MutualName,
        Field::MyName,
        Field::MyEmail,
        Field::Target,
        Field::MetAt,
        Field::Topic,
        Field::MyRole,
    ];

    /// The name written in a template.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::FirstName => "first_name",
            Field::Name => "name",
            Field::Company => "company",
            Field::Headline => "headline",
            Field::MutualCount => "mutual_count",
            Field::MutualName => "mutual_name",
            Field::MyName => "my_name",
            Field::MyEmail => "my_email",
            Field::Target => "target",
            Field::MetAt => "met_at",
            Field::Topic => "topic",
            Field::MyRole => "my_role",
        }
    }

    /// The field a placeholder names (`"first_name"`), if any.
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// What is written when the fact is unknown and the template gave no
    /// fallback. Chosen so that a sentence still reads naturally:
    /// "Hi there", "people at your company". The user's own name, email and
    /// role, and where they met someone, have none: templates put them
    /// inside `{if my_name}` / `{if email}` / `{if my_role}` / `{if met_at}`
    /// (or say them only where they are known), and the tidy pass removes
    /// what an empty one leaves.
    pub fn builtin_fallback(self) -> &'static str {
        match self {
            Field::FirstName | Field::Name => "there",
            Field::Company => "your company",
            Field::Headline => "your work",
            Field::MutualCount => "a few",
            Field::MutualName => "a mutual connection",
            // Where they met is said with its own preposition ("at
            // RustConf"): nothing fits every sentence, so nothing is written.
            Field::MyName | Field::MyEmail | Field::MyRole | Field::MetAt => "",
            Field::Target => "this page",
            Field::Topic => "your work",
        }
    }

    fn value(self, facts: &Facts) -> Option<String> {
        let s = match self {
            Field::FirstName => facts.first_name.as_deref(),
            Field::Name => facts.name.as_deref(),
            Field::Company => facts.company.as_deref(),
            Field::Headline => facts.headline.as_deref(),
            Field::MutualCount => {
                return facts.mutual_count.filter(|n| *n > 0).map(|n| n.to_string())
            }
            Field::MutualName => facts.mutual_name.as_deref(),
            Field::MyName => facts.my_name.as_deref(),
            Field::MyEmail => facts.my_email.as_deref(),
            Field::Target => facts.target.as_deref(),
            Field::MetAt => facts.met_at.as_deref(),
            Field::Topic => facts.topic.as_deref(),
            Field::MyRole => facts.my_role.as_deref(),
        };
        s.map(one_line).filter(|v| !v.is_empty())
    }
}

/// What `{if …}` can test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// They wrote a personal note.
    Note,
    /// A mutual connection is known (a count above zero or a name).
    Mutual,
    /// The user's email is known (same as `my_email`).
    Email,
    /// The fact is known and not blank.
    Known(Field),
}

impl Condition {
    /// The condition `{if …}` names, if any.
    pub fn parse(s: &str) -> Option<Condition> {
        match s {
            "note" => Some(Condition::Note),
            "mutual" => Some(Condition::Mutual),
            "email" => Some(Condition::Email),
            _ => Field::parse(s).map(Condition::Known),
        }
    }

    fn holds(self, facts: &Facts) -> bool {
        match self {
            Condition::Note => facts.has_note,
            Condition::Mutual => {
                facts.mutual_count.is_some_and(|n| n > 0)
                    || Field::MutualName.value(facts).is_some()
            }
            Condition::Email => Field::MyEmail.value(facts).is_some(),
            Condition::Known(f) => f.value(facts).is_some(),
        }
    }
}

/// A template error a non-programmer can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TemplateError {
    /// Character offset (not byte) where the problem starts.
    pub position: usize,
    /// What is wrong and how to fix it, in words.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    Text(String),
    Field {
        field: Field,
        fallback: Option<String>,
    },
    If {
        condition: Condition,
        negate: bool,
        then: Vec<Node>,
        otherwise: Vec<Node>,
    },
}

/// A parsed template, ready to render many times.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    source: String,
    nodes: Vec<Node>,
}

impl Template {
    /// The text the template was parsed from.
    pub fn source(&self) -> &str {
        &self.source
    }
}

/// One `{if}` being parsed.
struct Frame {
    condition: Condition,
    negate: bool,
    /// Character position of the opening tag, for "never closed" errors.
    position: usize,
    /// The tag as written, for messages.
    written: String,
    then: Vec<Node>,
    /// `Some` once `{else}` was seen.
    otherwise: Option<Vec<Node>>,
}

/// Parses a template, returning every error found.
pub fn parse(source: &str) -> Result<Template, Vec<TemplateError>> {
    let chars: Vec<char> = source.chars().collect();
    let mut errors: Vec<TemplateError> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Vec<Node> = Vec::new();
    let mut text = String::new();
    // Frames deeper than MAX_DEPTH are reported once, then only counted so
    // that their `{end}`s still match.
    let mut too_deep = 0usize;
    let mut i = 0usize;

    while let Some(&c) = chars.get(i) {
        match c {
            '{' if chars.get(i + 1) == Some(&'{') => {
                text.push('{');
                i += 2;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                text.push('}');
                i += 2;
            }
            '}' => {
                errors.push(TemplateError {
                    position: i,
                    message: format!(
                        "A lone }} at character {}: write }}}} to show a brace.",
                        i + 1
                    ),
                });
                i += 1;
            }
            '{' => {
                // Find the closing brace; stop at another `{` or a line
                // break so an unclosed tag is reported where it starts and
                // each character is scanned a bounded number of times.
                let mut j = i + 1;
                let mut closed = false;
                while let Some(&d) = chars.get(j) {
                    if d == '}' {
                        closed = true;
                        break;
                    }
                    if d == '{' || d == '\n' {
                        break;
                    }
                    j += 1;
                }
                if !closed {
                    errors.push(TemplateError {
                        position: i,
                        message: format!(
                            "The {{ at character {} is never closed with }}: finish the placeholder, or write {{{{ to show a brace.",
                            i + 1
                        ),
                    });
                    i += 1;
                    continue;
                }
                let inner: String = chars.get(i + 1..j).unwrap_or_default().iter().collect();
                let position = i;
                i = j + 1;
                match classify(&inner, position, &mut errors) {
                    Tag::Bad => {}
                    Tag::Field(field, fallback) => {
                        let target = current(&mut stack, &mut root);
                        flush(&mut text, target);
                        target.push(Node::Field { field, fallback });
                    }
                    Tag::If(condition, negate) => {
                        flush(&mut text, current(&mut stack, &mut root));
                        if stack.len() + too_deep >= MAX_DEPTH {
                            if too_deep == 0 {
                                errors.push(TemplateError {
                                    position,
                                    message: format!(
                                        "The {{{}}} at character {} is nested more than {} levels deep: simplify the conditions.",
                                        inner.trim(),
                                        position + 1,
                                        MAX_DEPTH
                                    ),
                                });
                            }
                            too_deep += 1;
                        } else {
                            stack.push(Frame {
                                condition,
                                negate,
                                position,
                                written: inner.trim().to_string(),
                                then: Vec::new(),
                                otherwise: None,
                            });
                        }
                    }
                    Tag::Else => {
                        if too_deep > 0 {
                            // Inside an over-deep block: already reported.
                        } else if let Some(frame) = stack.last_mut() {
                            let t = frame.otherwise.as_mut().unwrap_or(&mut frame.then);
                            flush(&mut text, t);
                            if frame.otherwise.is_some() {
                                errors.push(TemplateError {
                                    position,
                                    message: format!(
                                        "A second {{else}} at character {} for the same {{{}}}: each {{if}} takes one {{else}}.",
                                        position + 1,
                                        frame.written
                                    ),
                                });
                            } else {
                                frame.otherwise = Some(Vec::new());
                            }
                        } else {
                            errors.push(TemplateError {
                                position,
                                message: format!(
                                    "The {{else}} at character {} has no {{if}} before it.",
                                    position + 1
                                ),
                            });
                        }
                    }
                    Tag::End => {
                        if too_deep > 0 {
                            too_deep -= 1;
                        } else if let Some(mut frame) = stack.pop() {
                            let t = frame.otherwise.as_mut().unwrap_or(&mut frame.then);
                            flush(&mut text, t);
                            let node = Node::If {
                                condition: frame.condition,
                                negate: frame.negate,
                                then: frame.then,
                                otherwise: frame.otherwise.unwrap_or_default(),
                            };
                            current(&mut stack, &mut root).push(node);
                        } else {
                            errors.push(TemplateError {
                                position,
                                message: format!(
                                    "The {{end}} at character {} has no {{if}} to close.",
                                    position + 1
                                ),
                            });
                        }
                    }
                }
            }
            _ => {
                text.push(c);
                i += 1;
            }
        }
    }
    for frame in &stack {
        errors.push(TemplateError {
            position: frame.position,
            message: format!(
                "This {{{}}} at character {} is never closed with {{end}}.",
                frame.written,
                frame.position + 1
            ),
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.position);
        return Err(errors);
    }
    flush(&mut text, &mut root);
    Ok(Template {
        source: source.to_string(),
        nodes: root,
    })
}

/// Where parsed nodes go now: the innermost open block, else the top level.
fn current<'a>(stack: &'a mut [Frame], root: &'a mut Vec<Node>) -> &'a mut Vec<Node> {
    match stack.last_mut() {
        Some(f) => f.otherwise.as_mut().unwrap_or(&mut f.then),
        None => root,
    }
}

fn flush(text: &mut String, into: &mut Vec<Node>) {
    if !text.is_empty() {
        into.push(Node::Text(std::mem::take(text)));
    }
}

enum Tag {
    Field(Field, Option<String>),
    If(Condition, bool),
    Else,
    End,
    Bad,
}

/// Names that may follow `{if`; for suggestions.
const CONDITION_NAMES: [&str; 15] = [
    "note",
    "mutual",
    "email",
    "first_name",
    "name",
    "company",
    "headline",
    "mutual_count",
    "mutual_name",
    "my_name",
    "my_email",
    "target",
    "met_at",
    "topic",
    "my_role",
];

/// Understands what is between `{` and `}`; pushes an error when it cannot.
fn classify(inner: &str, position: usize, errors: &mut Vec<TemplateError>) -> Tag {
    let at = position + 1;
    let trimmed = inner.trim();
    let mut err = |message: String| {
        errors.push(TemplateError { position, message });
        Tag::Bad
    };
    if trimmed.is_empty() {
        return err(format!(
            "An empty {{}} at character {at}: put a placeholder such as {{first_name}} inside, or write {{{{}}}} to show braces."
        ));
    }
    let (head, rest) = match trimmed.split_once(char::is_whitespace) {
        Some((h, r)) => (h, r.trim()),
        None => (trimmed, ""),
    };
    match head {
        "if" | "unless" => {
            if rest.is_empty() {
                return err(format!(
                    "The {{{head}}} at character {at} needs something to test, for example {{{head} note}}."
                ));
            }
            match Condition::parse(rest) {
                Some(c) => Tag::If(c, head == "unless"),
                None => {
                    let hint = nearest(rest, &CONDITION_NAMES)
                        .map(|n| format!(" — did you mean {{{head} {n}}}?"))
                        .unwrap_or_else(|| {
                            format!(" You can test: {}.", CONDITION_NAMES.join(", "))
                        });
                    err(format!(
                        "Unknown condition {{{head} {rest}}} at character {at}{hint}"
                    ))
                }
            }
        }
        "else" if rest.is_empty() => Tag::Else,
        "end" if rest.is_empty() => Tag::End,
        _ => {
            let (name, fallback) = match trimmed.split_once('|') {
                Some((n, f)) => (n.trim(), Some(f.trim().to_string())),
                None => (trimmed, None),
            };
            if let Some(field) = Field::parse(name) {
                return Tag::Field(field, fallback);
            }
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.as_str()).collect();
            let mut candidates = names.clone();
            candidates.extend(["end", "else", "endif"]);
            let hint = match nearest(name, &candidates) {
                Some("endif") | Some("end") => " — did you mean {end}?".to_string(),
                Some("else") => " — did you mean {else}?".to_string(),
                Some(n) => format!(" — did you mean {{{n}}}?"),
                None => format!(" Known placeholders: {}.", names.join(", ")),
            };
            err(format!(
                "Unknown placeholder {{{trimmed}}} at character {at}{hint}"
            ))
        }
    }
}

/// The known name closest to `word` by edit distance, if close enough to be
/// a likely typo (or the same name in other letter case).
fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase().replace([' ', '-'], "_");
    // A word much longer than any name is not a typo; skip the O(n·m) work.
    if lower.chars().count() > 40 {
        return None;
    }
    let mut best: Option<(usize, &'a str)> = None;
    for &k in known {
        let d = edit_distance(&lower, k);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, k));
        }
    }
    best.and_then(|(d, k)| {
        let allowed = (k.chars().count() / 3).max(1);
        (d <= allowed).then_some(k)
    })
}

/// Levenshtein distance over characters, with adjacent swaps costing one
/// (so "frist" is one step from "first").
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    let at = |i: usize, j: usize| i * w + j;
    for i in 0..=a.len() {
        if let Some(x) = d.get_mut(at(i, 0)) {
            *x = i;
        }
    }
    for j in 0..=b.len() {
        if let Some(x) = d.get_mut(j) {
            *x = j;
        }
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let ca = a.get(i - 1);
            let cb = b.get(j - 1);
            let cost = usize::from(ca != cb);
            let get = |i: usize, j: usize| d.get(at(i, j)).copied().unwrap_or(usize::MAX / 2);
            let mut v = (get(i - 1, j) + 1)
                .min(get(i, j - 1) + 1)
                .min(get(i - 1, j - 1) + cost);
            if i > 1 && j > 1 && ca == b.get(j - 2) && a.get(i - 2) == cb {
                v = v.min(get(i - 2, j - 2) + 1);
            }
            if let Some(x) = d.get_mut(at(i, j)) {
                *x = v;
            }
        }
    }
    d.last().copied().unwrap_or(0)
}

/// Renders a template with the facts. Never fails.
pub fn render(template: &Template, facts: &Facts) -> String {
    let mut out = String::new();
    walk(
        &template.nodes,
        &Walk {
            field: &|field, fallback, out| match field.value(facts) {
                Some(v) => out.push_str(&v),
                None => out.push_str(fallback.unwrap_or(field.builtin_fallback())),
            },
            branches: &|condition, negate| {
                let holds = condition.holds(facts) != negate;
                (holds, !holds)
            },
        },
        &mut out,
    );
    tidy(&out)
}

/// Parses and renders in one step, for previews.
pub fn render_source(source: &str, facts: &Facts) -> Result<String, Vec<TemplateError>> {
    parse(source).map(|t| render(&t, facts))
}

/// The template's words as written, placeholders kept as `{name}`, with
/// the text of every `{if …}` block whose condition `skip` picks left out
/// (its `{else}` and `{unless …}` blocks stay): what a template says
/// whatever the facts, besides what it says only when a fact is known.
pub fn words_outside(template: &Template, skip: &dyn Fn(Condition) -> bool) -> String {
    let mut out = String::new();
    walk(
        &template.nodes,
        &Walk {
            field: &|field, _, out| {
                out.push('{');
                out.push_str(field.as_str());
                out.push('}');
            },
            branches: &|condition, negate| (negate || !skip(condition), true),
        },
        &mut out,
    );
    out
}

/// How [`walk`] writes a template: what a placeholder becomes, and which
/// branches of an `{if}` (then, else) are written.
struct Walk<'a> {
    field: &'a dyn Fn(Field, Option<&str>, &mut String),
    branches: &'a dyn Fn(Condition, bool) -> (bool, bool),
}

// Recursion depth is bounded by MAX_DEPTH: `parse` refuses deeper nesting.
fn walk(nodes: &[Node], how: &Walk<'_>, out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Field { field, fallback } => (how.field)(*field, fallback.as_deref(), out),
            Node::If {
                condition,
                negate,
                then,
                otherwise,
            } => {
                let (write_then, write_otherwise) = (how.branches)(*condition, *negate);
                if write_then {
                    walk(then, how, out);
                }
                if write_otherwise {
                    walk(otherwise, how, out);
                }
            }
        }
    }
}

/// A page value on one line with single spaces, so it cannot break the
/// layout of the sentence it is put in.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cleans up what missing values and conditions leave behind, in one pass:
/// line breaks become LF; runs of spaces become one; no space at a line's
/// start or end, or before `,` `.` `)`; no doubled comma, no ",." ; no empty
/// "()"; no comma opening a line; at most one blank line; no blank text at
/// either end. A single non-breaking space (French "Merci !") is kept.
pub fn tidy(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            '\t' => ' ',
            other => other,
        };
        let last = out.last().copied();
        match c {
            '\n' => {
                while out.last().is_some_and(|&l| l != '\n' && l.is_whitespace()) {
                    out.pop();
                }
                let n = out.iter().rev().take_while(|&&l| l == '\n').count();
                if !out.is_empty() && n < 2 {
                    out.push('\n');
                }
            }
            c if c.is_whitespace() => {
                // Two whitespace characters in a row become one plain space.
                match last {
                    None | Some('\n') | Some('(') => {}
                    Some(l) if l.is_whitespace() => {
                        out.pop();
                        out.push(' ');
                    }
                    _ => out.push(c),
                }
            }
            ',' | '.' | ')' => {
                while out.last().is_some_and(|&l| l != '\n' && l.is_whitespace()) {
                    out.pop();
                }
                match (c, out.last().copied()) {
                    (',', None) | (',', Some('\n')) | (',', Some(',')) => {}
                    ('.', Some(',')) => {
                        out.pop();
                        out.push('.');
                    }
                    (')', Some('(')) => {
                        out.pop();
                    }
                    _ => out.push(c),
                }
            }
            c => out.push(c),
        }
    }
    while out.last().is_some_and(|l| l.is_whitespace()) {
        out.pop();
    }
    out.into_iter().collect()
}

/// Characters as LinkedIn counts them: Unicode scalar values, with a CRLF
/// (or lone CR) line break counted once.
pub fn count_chars(text: &str) -> usize {
    let mut n = 0;
    let mut prev_cr = false;
    for c in text.chars() {
        if !(prev_cr && c == '\n') {
            n += 1;
        }
        prev_cr = c == '\r';
    }
    n
}

/// The character limit for a reply pasted into `target`.
pub fn limit_for(target: Target, account: AccountType, message_limit: u32) -> usize {
    match (target, account) {
        (Target::Note, AccountType::Free) => NOTE_LIMIT_FREE,
        (Target::Note, AccountType::Premium) => NOTE_LIMIT_PREMIUM,
        (Target::Message, _) => message_limit as usize,
    }
}

/// A rendered text's length against its limit, for the live counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Length {
    /// Characters as LinkedIn counts them.
    pub chars: usize,
    /// The limit where it will be pasted.
    pub limit: usize,
    /// Characters over the limit (0 when it fits).
    pub over: usize,
    /// Character index where the text crosses the limit, if it does:
    /// everything from here on would be cut.
    pub cut_at: Option<usize>,
}

impl Length {
    /// Whether the text fits.
    pub fn fits(&self) -> bool {
        self.over == 0
    }
}

/// Measures `text` against `limit` (counting as [`count_chars`] does).
pub fn measure(text: &str, limit: usize) -> Length {
    let chars = count_chars(text);
    let over = chars.saturating_sub(limit);
    Length {
        chars,
        limit,
        over,
        cut_at: (over > 0).then_some(char_index_of_count(text, limit)),
    }
}

/// The char index in `text` at which `count` LinkedIn characters have passed
/// (differs from `count` only when the text holds CRLF pairs).
pub fn char_index_of_count(text: &str, count: usize) -> usize {
    let mut n = 0;
    let mut prev_cr = false;
    for (idx, c) in text.chars().enumerate() {
        let counts = !(prev_cr && c == '\n');
        prev_cr = c == '\r';
        if counts {
            if n == count {
                return idx;
            }
            n += 1;
        }
    }
    text.chars().count()
}
