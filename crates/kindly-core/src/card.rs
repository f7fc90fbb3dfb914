//! Reading a card: from the plain texts the page adapter pulls out of one
//! invitation card to an [`Invitation`].
//!
//! Design: structure first, words second. Link shapes (`/in/`, `/company/`,
//! `/newsletters/` …) say who and what a card is about in every language; the
//! language tables of [`crate::lang`] then classify each text line (invite
//! line, mutual line, time line …), and what is left over is the headline or
//! the note. Every step is a bounded, hand-written scan, so a card can never
//! panic the engine and a 1 MB note costs linear time.

use crate::controls::is_unspaced;
use crate::lang::{
    self, eq_ci, find_ci, find_word_ci, fold, strip_prefix_ci, strip_suffix_ci, Lang, TargetAt,
};
use crate::model::{Invitation, Kind};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A link inside a card: its path (no host, no query) and visible text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardLink {
    /// The path, without host or query (`/in/sam-ortiz-1a2b3c/`).
    pub path: String,
    /// The link's visible text.
    pub text: String,
}

/// Everything `kindly-web` pulls out of one card, as plain text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardText {
    /// The page language (`<html lang>`), e.g. "en", "fr-FR"; may be empty.
    pub lang: String,
    /// Text of the element the adapter believes is the name, if any.
    pub name: Option<String>,
    /// Visible text blocks in document order, excluding controls' labels.
    pub lines: Vec<String>,
    /// Index in `lines` of the first line after the card's Accept and Ignore
    /// controls, when the adapter saw them: where every known era keeps the
    /// personal note, so a note is found in a language Kindly has no words
    /// for.
    #[serde(default)]
    pub after_controls: Option<usize>,
    /// The personal note, when the adapter found it structurally.
    pub note: Option<String>,
    /// aria-label (else text) of the Accept control.
    pub accept_label: Option<String>,
    /// aria-label (else text) of the Ignore control.
    pub ignore_label: Option<String>,
    /// Links in document order.
    pub links: Vec<CardLink>,
    /// A page-given identity (componentkey, element id) for cards without a slug.
    pub key_hint: Option<String>,
    /// The card shows LinkedIn's Reply control (or a link to compose a
    /// message): a message can reach them while the invitation is pending.
    #[serde(default)]
    pub reply_control: bool,
}

/// Lines longer than this are never names, invite, mutual or time lines:
/// they are only headline or note candidates. Keeps classification cheap.
const SHORT_LINE: usize = 400;
/// A name is never longer than this; longer "names" are cut before cleaning.
const NAME_MAX: usize = 200;

/// Whether a line reads as a sentence rather than a label: three words, or
/// in a script written without spaces (Japanese, Chinese, Thai), eight
/// characters.
fn is_wordy(line: &str) -> bool {
    line.split_whitespace().nth(2).is_some()
        || line.chars().filter(|c| is_unspaced(*c)).nth(7).is_some()
}

/// Understands a card. Never fails: what cannot be read stays `None`.
pub fn parse_card(card: &CardText) -> Invitation {
    let langs = tables(&card.lang);
    let links: Vec<Entity<'_>> = card.links.iter().filter_map(entity).collect();
    // The lines read (tidied, empty ones dropped), and where the adapter's
    // `after_controls`, which counts its own lines, falls among them.
    let mut lines: Vec<Cow<'_, str>> = Vec::with_capacity(card.lines.len());
    let mut first_after_controls = None;
    for (i, line) in card.lines.iter().enumerate() {
        if card.after_controls == Some(i) {
            first_after_controls = Some(lines.len());
        }
        let line = tidy(line);
        if !line.is_empty() {
            lines.push(line);
        }
    }
    let first_after_controls = first_after_controls.or(card.after_controls.map(|_| lines.len()));
    let classes: Vec<Class> = lines.iter().map(|l| classify(l, &langs)).collect();

    // --- kind -------------------------------------------------------------
    let text_kind = classes
        .iter()
        .fold(None, |acc: Option<Kind>, c| match (acc, c) {
            (Some(k), _) if k != Kind::Unknown => Some(k),
            (_, Class::Invite { kind, .. }) => Some(*kind),
            (_, Class::Type(kind)) => Some(*kind),
            (acc, _) => acc,
        });
    let connect_evidence = classes
        .iter()
        .any(|c| matches!(c, Class::Connect { .. } | Class::Mutual(..)));
    let link_kind = [
        Kind::Newsletter,
        Kind::Event,
        Kind::Group,
        Kind::School,
        Kind::Page,
    ]
    .into_iter()
    .find(|k| links.iter().any(|e| e.kind == *k));
    let person_link = links.iter().find(|e| e.kind == Kind::Person);

    let label_name = label_name(card.accept_label.as_deref(), &langs, |l| l.accept_labels)
        .or_else(|| label_name(card.ignore_label.as_deref(), &langs, |l| l.ignore_labels));
    let element_name = card.name.as_deref().and_then(|n| clean_name(n, &langs));

    let kind = match (text_kind, link_kind) {
        (Some(Kind::Page), Some(Kind::School)) => Kind::School,
        (Some(k), _) if k != Kind::Unknown => k,
        _ if connect_evidence => Kind::Person,
        (_, Some(lk)) => lk,
        (Some(Kind::Unknown), None) => Kind::Unknown,
        _ if person_link.is_some() || label_name.is_some() || element_name.is_some() => {
            Kind::Person
        }
        _ => Kind::Unknown,
    };

    // --- who --------------------------------------------------------------
    let line_name = || {
        classes.iter().find_map(|c| match c {
            Class::Connect { name: Some(n), .. }
            | Class::Invite {
                inviter: Some(n), ..
            } => clean_name(n, &langs),
            _ => None,
        })
    };
    // The first link to the person is often their photo (no text); the
    // name is on a later link to the same profile.
    let link_name = || {
        person_link.and_then(|first| {
            links
                .iter()
                .filter(|e| e.kind == Kind::Person && e.slug == first.slug)
                .find_map(|e| clean_name(e.text, &langs))
        })
    };
    // Cleaning a name is the costliest step of reading a card (as wasm2js
    // in the content script): only as many sources as it takes.
    let full_name = label_name
        .or(element_name)
        .or_else(link_name)
        .or_else(line_name);
    // A greeting needs a person: a company that invites to its newsletter
    // has a name but no first name.
    let inviter_is_person = kind == Kind::Person || person_link.is_some();
    let first_name = full_name
        .as_deref()
        .filter(|_| inviter_is_person)
        .and_then(|n| first_name(n, &langs));
    let verified = card.name.as_deref().is_some_and(has_verified_badge);

    // --- what (non-person) ------------------------------------------------
    let target_link = if kind == Kind::Person || kind == Kind::Unknown {
        None
    } else {
        links.iter().find(|e| e.kind == kind)
    };
    let target_name = if kind == Kind::Person {
        None
    } else {
        target_link
            .map(|e| tidy(e.text).into_owned())
            .filter(|t| !t.is_empty())
            .or_else(|| {
                classes.iter().find_map(|c| match c {
                    Class::Invite {
                        target: Some(t), ..
                    } => Some(t.clone()),
                    _ => None,
                })
            })
    };

    // --- the note ---------------------------------------------------------
    let structural_note = card.note.as_deref().and_then(|n| clean_note(n, &langs));

    // --- headline, and a note found only among the lines ---------------------
    let raw_name = card.name.as_deref().map(str::trim);
    let folded_name: Option<String> = full_name.as_deref().map(folded);
    // A line that cleans to the name holds the name's first word: tested
    // first, so that most lines are not cleaned at all.
    let name_start = folded_name
        .as_deref()
        .and_then(|n| n.split_whitespace().next());
    let is_name_line = |line: &str| {
        line.len() <= NAME_MAX
            && (raw_name.is_some_and(|r| eq_ci(r, line))
                || full_name.as_deref().is_some_and(|n| eq_ci(n, line))
                || (name_start.is_some_and(|w| find_ci(line, w).is_some())
                    && clean_name(line, &langs)
                        .is_some_and(|c| full_name.as_deref().is_some_and(|n| eq_ci(n, &c)))))
    };
    let is_target_line = |line: &str| target_name.as_deref().is_some_and(|t| eq_ci(t, line));
    // What comes above the name is a banner ("… follows you and is inviting
    // you to connect"), never the headline: known words classify it, but in
    // another language it would pass for one.
    let name_at = lines.iter().position(|line| is_name_line(line));
    // Nor is a line that opens with the name, above or below it: the same
    // banner in another language ("Quang Đỗ theo dõi bạn và …").
    let opens_with_name = |line: &str| {
        folded_name
            .as_deref()
            .is_some_and(|name| strip_prefix_ci(line, name).is_some())
    };
    let mut headline: Option<(usize, &str)> = None;
    let mut line_note: Option<String> = None;
    let mut after_time = false;
    // Past the mutual line: a card's own lines come in the order name,
    // headline, mutual, time, note; markup that puts the time inside the
    // mutual line ("5 mutual connections · 2d") has no time line of its own.
    let mut after_mutual = false;
    for (i, (line, class)) in lines.iter().zip(&classes).enumerate() {
        match class {
            Class::Time(_) => after_time = true,
            Class::Mutual(..) => after_mutual = true,
            Class::Other => {
                let line: &str = line;
                if name_at.is_some_and(|at| i <= at) || is_name_line(line) || is_target_line(line) {
                    continue;
                }
                if structural_note
                    .as_deref()
                    .is_some_and(|n| same_text(line, n, &langs))
                {
                    continue;
                }
                let see_more = ends_with_see_more(line, &langs);
                let wordy = is_wordy(line);
                let after_controls = first_after_controls.is_some_and(|k| i >= k);
                if structural_note.is_none()
                    && line_note.is_none()
                    && ((after_time && wordy)
                        || ((after_mutual || after_controls) && wordy && headline.is_some())
                        || (see_more && headline.is_some()))
                {
                    line_note = clean_note(line, &langs);
                    continue;
                }
                if headline.is_none() && !see_more && !opens_with_name(line) {
                    headline = Some((i, line));
                }
            }
            _ => {}
        }
    }
    let headline = headline.map(|(_, h)| h.to_string());
    let note = structural_note.or(line_note);
    let company = headline
        .as_deref()
        .filter(|_| kind == Kind::Person)
        .and_then(|h| company_with(h, &langs));

    // --- counts -----------------------------------------------------------
    // LinkedIn shows a person's mutual line whenever there is one shared
    // connection: on a card in a language Kindly reads, its absence means
    // none. Elsewhere the count stays unknown (ETIQUETTE.md §Facts).
    let reads_language = lang::by_code(&card.lang).is_some()
        || (card.lang.trim().is_empty()
            && classes
                .iter()
                .any(|c| matches!(c, Class::Connect { .. } | Class::Invite { .. })));
    let silent_is_zero = kind == Kind::Person && reads_language;
    let (mutual_count, mutual_name) = classes
        .iter()
        .find_map(|c| match c {
            Class::Mutual(n, name) => Some((Some(*n), name.clone())),
            _ => None,
        })
        .unwrap_or((silent_is_zero.then_some(0), None));
    let age_days = classes.iter().find_map(|c| match c {
        Class::Time(d) => Some(*d),
        _ => None,
    });
    let follows_you = classes
        .iter()
        .any(|c| matches!(c, Class::Connect { follows: true, .. }));

    // --- identity ---------------------------------------------------------
    let inviter_key = if kind == Kind::Person {
        None
    } else {
        person_link.map(|e| e.slug.clone())
    };
    let key = match kind {
        Kind::Person => person_link.map(|e| e.slug.clone()),
        _ => target_link.map(|e| format!("{}/{}", kind.as_str(), e.slug)),
    }
    .or_else(|| {
        card.key_hint
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_string)
    })
    .unwrap_or_else(|| format!("card-{:016x}", fnv1a(card)));

    let readable = full_name.is_some() || target_name.is_some();
    // LinkedIn offers Reply under a personal note; without a note, and with
    // no Reply or compose link found, a message must wait for accepting.
    let compose_link = card
        .links
        .iter()
        .any(|l| l.path.contains("/messaging/compose"));
    let can_reply = if card.reply_control || compose_link {
        Some(true)
    } else if note.is_none() {
        Some(false)
    } else {
        None
    };
    Invitation {
        kind,
        key,
        full_name,
        first_name,
        headline,
        company,
        mutual_count,
        mutual_name,
        age_days,
        note,
        follows_you,
        target_name,
        readable,
        verified,
        inviter_key,
        can_reply,
        page_lang: card.lang.trim().to_string(),
    }
}

/// The language tables to try for a page language, the page's own first.
fn tables(code: &str) -> Vec<&'static Lang> {
    lang::ordered(lang::by_code(code)).collect()
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

/// A link that names an entity: a profile, a page, a newsletter …
struct Entity<'a> {
    kind: Kind,
    slug: String,
    text: &'a str,
}

/// Reads a link's shape: "/in/riley-park-3c4d5e/" is a person, and so on.
/// Hosts, queries and fragments are tolerated even though the adapter strips them.
fn entity(link: &CardLink) -> Option<Entity<'_>> {
    let mut path = link.path.trim();
    if let Some(i) = path.find("://") {
        let after = path.get(i + 3..)?;
        path = after.find('/').and_then(|j| after.get(j..)).unwrap_or("");
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let kind = match segments.next()? {
        "in" => Kind::Person,
        "company" | "showcase" => Kind::Page,
        "school" => Kind::School,
        "newsletters" => Kind::Newsletter,
        "events" => Kind::Event,
        "groups" => Kind::Group,
        _ => return None,
    };
    let slug = percent_decode(segments.next()?);
    if slug.trim().is_empty() {
        return None;
    }
    Some(Entity {
        kind,
        slug,
        text: &link.text,
    })
}

/// The LinkedIn address of what a card key names (a person's profile, a
/// page, a newsletter…), for the weekly review's links; `None` for a key
/// made up for a card without one. The reverse of [`entity`]'s reading.
pub fn profile_url(key: &str) -> Option<String> {
    let (kind, slug) = key.split_once('/').unwrap_or(("person", key));
    let segment = match kind {
        "person" => "in",
        "page" => "company",
        "school" => "school",
        "newsletter" => "newsletters",
        "event" => "events",
        "group" => "groups",
        _ => return None,
    };
    if slug.trim().is_empty()
        || slug.contains('/')
        || (kind == "person" && slug.starts_with("card-"))
    {
        return None;
    }
    let mut encoded = String::with_capacity(slug.len());
    for b in slug.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    Some(format!("https://www.linkedin.com/{segment}/{encoded}/"))
}

/// Decodes %XX escapes; invalid escapes stay as written, invalid UTF-8 is replaced.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |j: usize| bytes.get(j).and_then(|h| (*h as char).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// FNV-1a (64 bit) over the name and lines: a stable key for a card with no
/// link and no page-given identity.
fn fnv1a(card: &CardText) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = card.name.iter().chain(card.lines.iter());
    for part in parts {
        for b in part.bytes().chain(std::iter::once(b'\n')) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

// ---------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------

/// What one text line of a card is.
#[derive(Debug)]
enum Class {
    /// "Morgan Vale follows you and is inviting you to connect".
    Connect {
        follows: bool,
        name: Option<String>,
    },
    /// "Taylor Kim invited you to follow Example Labs".
    Invite {
        kind: Kind,
        inviter: Option<String>,
        target: Option<String>,
    },
    /// "Newsletter • Weekly".
    Type(Kind),
    /// "Sam Ortiz and 4 other mutual connections": count and named mutual.
    Mutual(u32, Option<String>),
    /// "2 weeks ago": age in days.
    Time(u32),
    /// "Reply to Riley", "See more".
    Control,
    Other,
}

/// Trims and collapses runs of white space (LinkedIn's texts are full of
/// newlines and non-breaking spaces); borrows when nothing changes.
fn tidy(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    let mut prev_space = false;
    let needs = t.chars().any(|c| {
        let bad = c.is_whitespace() && (c != ' ' || prev_space);
        prev_space = c.is_whitespace();
        bad
    });
    if !needs {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    for word in t.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

fn classify(line: &str, langs: &[&'static Lang]) -> Class {
    if line.len() > SHORT_LINE {
        return Class::Other;
    }
    for lang in langs {
        if lang
            .control_prefixes
            .iter()
            .any(|p| strip_prefix_ci(line, p).is_some())
            || lang.see_more.iter().any(|s| eq_ci(line, s))
        {
            return Class::Control;
        }
    }
    for lang in langs {
        let follows = lang.follows_you.iter().find_map(|m| find_ci(line, m));
        let connect = lang.connect_lines.iter().find_map(|m| find_ci(line, m));
        let start = match (follows, connect) {
            (Some(a), Some(b)) => Some(a.0.min(b.0)),
            (a, b) => a.or(b).map(|m| m.0),
        };
        if let Some(start) = start {
            let before = line
                .get(..start)
                .map(|b| trim_joiner(b.trim(), lang))
                .filter(|b| !b.is_empty());
            return Class::Connect {
                follows: follows.is_some(),
                name: before.map(str::to_string),
            };
        }
    }
    for lang in langs {
        if let Some(class) = invite_line(line, lang) {
            return class;
        }
    }
    for lang in langs {
        if let Some((_, kind)) = lang
            .type_lines
            .iter()
            .find(|(p, _)| strip_prefix_ci(line, p).is_some())
        {
            return Class::Type(*kind);
        }
    }
    for lang in langs {
        if let Some((n, name)) = mutual_line(line, lang) {
            return Class::Mutual(n, name);
        }
    }
    if let Some(days) = time_line(line, langs) {
        return Class::Time(days);
    }
    Class::Other
}

/// "X is", "X et" before a connect marker: drop the trailing helper word.
fn trim_joiner<'a>(s: &'a str, lang: &Lang) -> &'a str {
    let s = s.trim_end_matches([',', ':']).trim();
    for j in lang.mutual.joiners.iter().chain(["is", "has"].iter()) {
        let j = j.trim();
        if let Some(rest) = strip_suffix_ci(s, j) {
            if rest.ends_with(' ') {
                return rest.trim();
            }
        }
    }
    s
}

fn invite_line(line: &str, lang: &Lang) -> Option<Class> {
    let marker = lang
        .invite_markers
        .iter()
        .filter_map(|m| find_ci(line, m))
        .min_by_key(|m| m.0)?;
    let inviter = line
        .get(..marker.0)
        .map(|b| b.trim())
        .map(|b| strip_suffix_ci(b, " has").unwrap_or(b).trim())
        .filter(|b| !b.is_empty())
        .map(str::to_string);
    let phrase = lang
        .invite_kinds
        .iter()
        .find_map(|p| find_ci(line, p.phrase).map(|m| (p, m)));
    let (kind, target) = match phrase {
        Some((p, (start, end))) => {
            let target = match p.target {
                TargetAt::After => line.get(end..),
                TargetAt::Between(word) => {
                    find_ci(line, word).and_then(|(_, e)| line.get(e..start))
                }
                TargetAt::Nowhere => None,
            };
            let target = target
                .map(|t| {
                    t.trim()
                        .trim_start_matches([':', '-', '–'])
                        .trim()
                        .trim_end_matches(['.', '!'])
                        .trim()
                })
                .filter(|t| !t.is_empty())
                .map(str::to_string);
            (p.kind, target)
        }
        None => (Kind::Unknown, None),
    };
    Some(Class::Invite {
        kind,
        inviter,
        target,
    })
}

/// Parses a mutual-connections line: the total count and a named mutual.
fn mutual_line(line: &str, lang: &Lang) -> Option<(u32, Option<String>)> {
    lang.mutual
        .markers
        .iter()
        .find(|m| find_ci(line, m).is_some())?;
    // "Sam Ortiz and 4 other …" / "Sam Ortiz, Lee Chan and 3 other …" / "Sam and Alex are …"
    for joiner in lang.mutual.joiners {
        if let Some((start, end)) = find_ci(line, joiner) {
            let before = line.get(..start)?.trim();
            if before.is_empty() || before.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let names: Vec<&str> = before
                .split(',')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let named = u32::try_from(names.len()).unwrap_or(u32::MAX);
            let first = names.first().map(|n| n.to_string());
            let after = line.get(end..)?.trim_start();
            let count = match leading_number(after) {
                Some(n) => n.saturating_add(named),
                None => named.saturating_add(1),
            };
            return Some((count, first));
        }
    }
    if let Some(n) = leading_number(line) {
        return Some((n, None));
    }
    for verb in lang.mutual.single {
        if let Some((start, _)) = find_ci(line, verb) {
            let name = line.get(..start)?.trim();
            return Some((1, (!name.is_empty()).then(|| name.to_string())));
        }
    }
    // A mutual line in an unexpected form: at least one.
    Some((1, None))
}

/// The number at the start of `s` ("1,234 mutual …" → 1234).
fn leading_number(s: &str) -> Option<u32> {
    let mut value: Option<u32> = None;
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if let Some(d) = c.to_digit(10) {
            value = Some(value.unwrap_or(0).saturating_mul(10).saturating_add(d));
            chars.next();
        } else if value.is_some() && matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | '\'') {
            chars.next();
            if !chars.peek().is_some_and(|n| n.is_ascii_digit()) {
                break;
            }
        } else {
            break;
        }
    }
    value
}

/// Reads "Yesterday", "3 days ago", "il y a 2 semaines", "vor 3 Tagen",
/// "hace 2 semanas", "3d", "2mo" as a number of days.
fn time_line(line: &str, langs: &[&'static Lang]) -> Option<u32> {
    if line.chars().nth(40).is_some() {
        return None;
    }
    // Folded once: every word is then compared with table entries (folded
    // too) by plain equality, many times per line.
    let line: String = line.chars().map(fold).collect();
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | ')' | '·' | '•'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '.' | '!' | '\u{2026}')))
        .filter(|w| !w.is_empty())
        .collect();
    for lang in langs {
        // Whole-line words: drop fillers ("Sent today"), compare the rest.
        let rest: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !lang.time_fillers.contains(w))
            .collect();
        let joined = rest.join(" ");
        if lang.today.contains(&joined.as_str()) {
            return Some(0);
        }
        if lang.yesterday.contains(&joined.as_str()) {
            return Some(1);
        }
        if let Some(days) = relative_time(&rest, lang) {
            return Some(days);
        }
    }
    None
}

/// Compact units shown in narrow layouts ("3d", "1w", "2mo", "1y", "5h").
const COMPACT_UNITS: &[(&str, u32)] = &[
    ("mo", 30),
    ("min", 0),
    ("m", 0),
    ("h", 0),
    ("d", 1),
    ("w", 7),
    ("y", 365),
    ("yr", 365),
];

/// `words` are folded (see [`time_line`]).
fn relative_time(words: &[&str], lang: &Lang) -> Option<u32> {
    let (mut number, mut unit, mut ago) = (None::<u32>, None::<u32>, false);
    for w in words {
        let digits = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
        let (num, tail) = (w.get(..digits).unwrap_or(""), w.get(digits..).unwrap_or(""));
        if !num.is_empty() && !tail.is_empty() {
            // "3d": the compact form needs no "ago".
            let u = COMPACT_UNITS
                .iter()
                .find(|(s, _)| tail == *s)
                .map(|(_, d)| *d)?;
            number = num.parse().ok();
            unit = Some(u);
            ago = true;
        } else if !num.is_empty() {
            number = num.parse().ok();
        } else if let Some((_, d)) = lang.units.iter().find(|(s, _)| w == s) {
            unit = Some(*d);
        } else if lang.ago_words.contains(w) {
            ago = true;
        } else if let Some((_, n)) = lang.number_words.iter().find(|(s, _)| w == s) {
            number = Some(*n);
        } else {
            return None;
        }
    }
    match (number, unit, ago) {
        (Some(n), Some(u), true) => Some(n.saturating_mul(u)),
        _ => None,
    }
}

fn ends_with_see_more(line: &str, langs: &[&'static Lang]) -> bool {
    langs.iter().any(|l| {
        l.see_more
            .iter()
            .any(|s| strip_suffix_ci(line, s).is_some())
    })
}

/// The same text, allowing for a "see more" suffix or a truncated copy.
fn same_text(line: &str, note: &str, langs: &[&'static Lang]) -> bool {
    let line = clean_note(line, langs);
    let line = line.as_deref().unwrap_or("");
    let line = line.trim_end_matches(['…', '.']).trim_end();
    let note = note.trim_end_matches(['…', '.']).trim_end();
    if line.is_empty() {
        return false;
    }
    line == note
        || (line.len() >= 20 && note.starts_with(line))
        || (note.len() >= 20 && line.starts_with(note))
}

/// Trims a note and the "… see more" the page appends to a truncated one.
fn clean_note(raw: &str, langs: &[&'static Lang]) -> Option<String> {
    let mut s = raw.trim();
    // A few rounds at most: "… see more" may follow "See more" in odd markup.
    for _ in 0..3 {
        let stripped = langs
            .iter()
            .flat_map(|l| l.see_more.iter())
            .find_map(|suffix| strip_suffix_ci(s, suffix));
        match stripped {
            Some(rest) => s = rest.trim_end(),
            None => break,
        }
    }
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

// ---------------------------------------------------------------------------
// Headline
// ---------------------------------------------------------------------------

/// Ends of a company name in a headline: "Data Scientist at Contoso | ML".
const COMPANY_ENDS: &[&str] = &[" | ", "|", " · ", " • ", " / ", " – ", " — ", " - ", ";"];

/// Where the first of [`COMPANY_ENDS`] starts in `rest`, else its length.
/// One pass: each stop begins with an ASCII byte, so only those places are
/// tried (a `str::find` per stop set up a substring searcher each time, and
/// every remembered headline is read at start-up).
fn company_end(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    (0..bytes.len())
        .find(|&i| {
            let tail = bytes.get(i..).unwrap_or_default();
            matches!(tail.first(), Some(b' ' | b'|' | b';'))
                && COMPANY_ENDS.iter().any(|s| tail.starts_with(s.as_bytes()))
        })
        .unwrap_or(bytes.len())
}

/// The company in a headline ("X at Y", "X @ Y", "X chez Y", "X bei Y",
/// "X en Y"), the page language's words first.
pub fn company_in_headline(headline: &str, page_lang: &str) -> Option<String> {
    // Every remembered headline is read with no page language: the tables
    // in their usual order, without building a list each time.
    if page_lang.is_empty() {
        return company_with(headline, &lang::LANGS);
    }
    company_with(headline, &tables(page_lang))
}

fn company_with(headline: &str, langs: &[&'static Lang]) -> Option<String> {
    if headline.len() > SHORT_LINE {
        return None;
    }
    let markers = std::iter::once(" @ ")
        .chain(std::iter::once("@"))
        .chain(langs.iter().flat_map(|l| l.company_markers.iter().copied()));
    for marker in markers {
        let Some((_, end)) = find_ci(headline, marker) else {
            continue;
        };
        let rest = headline.get(end..).unwrap_or("").trim();
        let rest = rest.get(..company_end(rest)).unwrap_or(rest);
        let company = rest.trim().trim_end_matches([',', '.', ';']).trim();
        if !company.is_empty() {
            return Some(company.to_string());
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------

/// Degrees and post-nominals dropped from a shown name.
const CREDENTIALS: &[&str] = &[
    "phd", "ph.d", "ph.d.", "dphil", "mba", "emba", "msc", "m.sc", "m.sc.", "bsc", "b.sc", "ma",
    "m.a.", "ba", "b.a.", "md", "m.d.", "cpa", "cfa", "pmp", "pe", "p.e.", "peng", "p.eng", "esq",
    "esq.", "jr", "jr.", "ii", "iii", "iv", "rn", "dds", "jd", "llm", "ll.m.", "cissp", "cism",
    "cisa", "acca", "aca", "fca", "mph", "meng", "m.eng", "dipl.", "mim", "csm", "cpc", "shrm-cp",
    "shrm-scp", "sphr", "phr", "lion", "mcts", "frsa", "facs", "ceo", "cto", "cfo",
];

/// Pronouns sometimes typed after a name without brackets.
const PRONOUNS: &[&str] = &[
    "he", "him", "his", "she", "her", "hers", "they", "them", "theirs", "il", "elle", "er", "sie",
    "ihm", "él", "ella",
];

/// Characters that end a name: what follows is a degree, a tagline or badge.
const NAME_ENDS: &[char] = &['|', '•', '·', '–', '—', '\n', '\r'];

fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F
        | 0x0900..=0x0DFF | 0x0E31..=0x0E4E | 0x1AB0..=0x1AFF | 0x200C | 0x200D | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_cjk(c: char) -> bool {
    matches!(u32::from(c), 0x1100..=0x11FF | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// A name as shown, cleaned: first line only, no emoji, badges, degree
/// markers, brackets or credentials; "Doe, Jane" becomes "Jane Doe".
pub fn clean_name(raw: &str, langs: &[&'static Lang]) -> Option<String> {
    let line = raw
        .split(['\n', '\r'])
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    let mut cut = line.len().min(NAME_MAX);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let line = line.get(..cut)?;
    let line = line.split(NAME_ENDS).next().unwrap_or(line);
    let line = line.split(" - ").next().unwrap_or(line);

    // Keep letters, marks, digits (dropped below) and name punctuation.
    let mut kept = String::with_capacity(line.len());
    let mut depth = 0u32;
    for c in line.chars() {
        match c {
            '(' | '[' | '{' => depth = depth.saturating_add(1),
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() || is_mark(c) || matches!(c, '-' | '\'' | '’' | '.' | ',') => {
                kept.push(c)
            }
            _ => kept.push(' '),
        }
    }

    let all_caps = kept
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| !c.is_lowercase());
    let is_badge = |t: &str| langs.iter().any(|l| l.badges.iter().any(|b| eq_ci(t, b)));
    let is_credential = |t: &str, after_comma: bool| {
        let bare = t.trim_end_matches(',');
        CREDENTIALS.iter().any(|c| eq_ci(bare, c))
            || (after_comma
                && !all_caps
                && (2..=6).contains(&bare.chars().count())
                && bare
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '-'))
    };
    let tidy_tokens = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|t| t.trim_matches(|c: char| c == ',' || c == '-' || c == '\''))
            .filter(|t| {
                !t.is_empty()
                    && !t.chars().any(|c| c.is_ascii_digit())
                    && t.chars().any(|c| c.is_alphabetic())
            })
            .map(str::to_string)
            .collect()
    };

    let mut parts = kept.split(',');
    let head = tidy_tokens(parts.next().unwrap_or(""));
    let tail: Vec<Vec<String>> = parts.map(tidy_tokens).filter(|p| !p.is_empty()).collect();
    let tail_is_credentials = tail
        .iter()
        .all(|p| p.iter().all(|t| is_credential(t, true) || is_badge(t)));
    let mut tokens: Vec<String> = match tail.first() {
        Some(first) if !tail_is_credentials && head.len() == 1 && first.len() <= 2 => {
            // "Doe, Jane" → "Jane Doe".
            first.iter().chain(head.iter()).cloned().collect()
        }
        _ => head,
    };

    // Badges anywhere once the name has more than one word; then duplicates
    // from visually hidden copies; then trailing credentials and pronouns.
    if tokens.len() > 1 {
        tokens.retain(|t| !is_badge(t));
    }
    let half = tokens.len() / 2;
    if tokens.len() >= 2 && tokens.len() % 2 == 0 {
        let (a, b) = tokens.split_at(half);
        if a.iter().zip(b).all(|(x, y)| eq_ci(x, y)) {
            tokens.truncate(half);
        }
    }
    while tokens.len() > 1 && tokens.last().is_some_and(|t| is_credential(t, false)) {
        tokens.pop();
    }
    let trailing_pronouns = tokens
        .iter()
        .rev()
        .take_while(|t| PRONOUNS.iter().any(|p| eq_ci(t, p)))
        .count();
    if trailing_pronouns >= 2 && tokens.len() > trailing_pronouns {
        tokens.truncate(tokens.len() - trailing_pronouns);
    }
    let name = tokens.join(" ");
    (!name.is_empty()).then_some(name)
}

/// True when a name text carries a "Verified" badge in any language.
fn has_verified_badge(raw: &str) -> bool {
    [
        "verified",
        "vérifié",
        "vérifiée",
        "verifiziert",
        "verificado",
        "verificada",
    ]
    .iter()
    .any(|b| find_word_ci(raw, b).is_some())
}

fn is_initial(token: &str) -> bool {
    token
        .split(['.', '-'])
        .all(|part| part.chars().filter(|c| c.is_alphabetic()).count() <= 1)
}

fn is_title(token: &str, langs: &[&'static Lang]) -> bool {
    langs
        .iter()
        .any(|l| l.titles.iter().any(|t| eq_ci(token, t)))
}

/// What a reply calls someone, from a cleaned full name. `None` when only
/// initials are known: "Hi there" beats "Hi J.".
pub fn first_name(full: &str, langs: &[&'static Lang]) -> Option<String> {
    let tokens: Vec<&str> = full
        .split_whitespace()
        .filter(|t| !is_title(t, langs))
        .collect();
    let first = *tokens.first()?;
    if first.chars().any(is_cjk) {
        // Family name first, and no spaces to split on: greet by the full name.
        return Some(tokens.join(" "));
    }
    let last = tokens.len().saturating_sub(1);
    let given = tokens
        .iter()
        .enumerate()
        .find(|(_, t)| !is_initial(t))
        .filter(|(i, _)| *i == 0 || *i < last)
        .map(|(_, t)| *t)?;
    let given = given.trim_end_matches(['.', ',']);
    (!given.is_empty()).then(|| proper_case(given))
}

/// "JEAN-LUC" → "Jean-Luc", "ana" → "Ana"; mixed case ("McKenzie") is kept.
fn proper_case(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic());
    let all_upper = word.chars().filter(|c| c.is_alphabetic()).count() > 1
        && letters.clone().all(|c| c.is_uppercase());
    let all_lower = letters.clone().all(|c| c.is_lowercase());
    if !all_upper && !all_lower {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’');
    }
    out
}

/// The name inside an Accept/Ignore label ("Accept Riley Park’s invitation").
fn label_name(
    label: Option<&str>,
    langs: &[&'static Lang],
    patterns: fn(&Lang) -> &'static [(&'static str, &'static str)],
) -> Option<String> {
    let label = tidy(label?);
    if label.len() > NAME_MAX * 2 {
        return None;
    }
    for lang in langs {
        for (prefix, suffix) in patterns(lang) {
            let Some(rest) = strip_prefix_ci(&label, prefix) else {
                continue;
            };
            let rest = if suffix.is_empty() {
                Some(rest)
            } else {
                strip_suffix_ci(rest, suffix)
            };
            let Some(name) = rest.map(str::trim).filter(|n| !n.is_empty()) else {
                continue;
            };
            if let Some(clean) =
                clean_name(name, langs).filter(|n| n.split_whitespace().count() <= 8)
            {
                return Some(clean);
            }
        }
    }
    None
}

/// Folds a whole string (for callers comparing many times).
pub fn folded(s: &str) -> String {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_key_leads_back_to_its_page() {
        assert_eq!(
            profile_url("riley-park-3c4d5e").as_deref(),
            Some("https://www.linkedin.com/in/riley-park-3c4d5e/")
        );
        assert_eq!(
            profile_url("page/example-labs").as_deref(),
            Some("https://www.linkedin.com/company/example-labs/")
        );
        assert_eq!(
            profile_url("jürgen-müller").as_deref(),
            Some("https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/")
        );
        assert_eq!(profile_url("card-00ff"), None);
        assert_eq!(profile_url("unknown/x"), None);
        assert_eq!(profile_url(""), None);
        // Read back, the link names the same key.
        let link = CardLink {
            path: "/in/j%C3%BCrgen-m%C3%BCller/".into(),
            text: String::new(),
        };
        assert_eq!(
            entity(&link).map(|e| e.slug),
            Some("jürgen-müller".to_string())
        );
    }

    #[test]
    fn every_company_end_starts_with_a_byte_company_end_tries() {
        for stop in COMPANY_ENDS {
            assert!(
                matches!(stop.as_bytes().first(), Some(b' ' | b'|' | b';')),
                "{stop:?}"
            );
        }
    }

    proptest! {
        /// The one-pass scan cuts where the earliest stop starts. (Cutting
        /// at each stop in turn, as before, differed only where two stops
        /// shared a space: " / | " kept " /".)
        #[test]
        fn company_end_is_the_first_stop(rest in "[a-z |·•/–—;-]{0,40}") {
            let first = COMPANY_ENDS
                .iter()
                .filter_map(|stop| rest.find(stop))
                .min()
                .unwrap_or(rest.len());
            prop_assert_eq!(company_end(&rest), first);
        }
    }
}
