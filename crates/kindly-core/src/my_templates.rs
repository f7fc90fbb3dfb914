//! The user's own templates: how one is made (new, copied, saved from an
//! edited reply), saved, deleted and restored. The popup and the panel only
//! ask and draw; the rules are here so they are tested natively.
//!
//! Ids are `custom-<slug>-<stamp>`, the stamp being the moment of creation
//! (milliseconds, base 36): the popup and every LinkedIn tab write the same
//! list, each from its own copy, so an id counted from the list ("-2", "-3")
//! could be taken twice by two tabs at once, and the later save would then
//! replace the other's template. A stamp makes that practically impossible;
//! a clash within one list still gets a suffix.

use crate::claims;
use crate::template::{self, TemplateError};
use crate::{Claim, Data, Target, TemplateRecord};

/// A lower-case id fragment from a title: letters and digits, words joined
/// by '-', at most 40 characters; "template" when nothing is left.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        "template".into()
    } else {
        out.to_string()
    }
}

/// `stamp` in base 36 (short, and sorts by time for equal lengths).
fn base36(mut stamp: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.extend(
            u32::try_from(stamp % 36)
                .ok()
                .and_then(|d| char::from_digit(d, 36)),
        );
        stamp /= 36;
        if stamp == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// An id no template of `data` has, for a template titled `title` made at
/// `stamp` (milliseconds since the epoch).
pub fn new_id(data: &Data, title: &str, stamp: u64) -> String {
    let base = format!("custom-{}-{}", slug(title), base36(stamp));
    let mut id = base.clone();
    let mut n = 2;
    while data.templates.iter().any(|t| t.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Copies template `id` under the title `title`, just below it; the copy is
/// the user's own. Returns where it went.
pub fn duplicate(data: &mut Data, id: &str, title: String, stamp: u64) -> Option<usize> {
    let i = data.templates.iter().position(|t| t.id == id)?;
    let mut copy = data.templates.get(i)?.clone();
    copy.id = new_id(data, &title, stamp);
    copy.title = title;
    copy.builtin = false;
    data.templates.insert(i + 1, copy);
    Some(i + 1)
}

/// A deleted template and where it was, kept so the deletion can be undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    /// Its place in the list.
    pub at: usize,
    /// The template as it was.
    pub template: TemplateRecord,
}

/// Deletes template `id`.
pub fn delete(data: &mut Data, id: &str) -> Option<Deleted> {
    let at = data.templates.iter().position(|t| t.id == id)?;
    let template = data.templates.remove(at);
    Some(Deleted { at, template })
}

/// Puts a deleted template back where it was (or last, if the list is now
/// shorter), under a new id if another template took its id meanwhile.
/// Returns where it went.
pub fn undo(data: &mut Data, deleted: Deleted, stamp: u64) -> usize {
    let Deleted { at, mut template } = deleted;
    if data.templates.iter().any(|t| t.id == template.id) {
        template.id = new_id(data, &template.title, stamp);
    }
    let at = at.min(data.templates.len());
    data.templates.insert(at, template);
    at
}

/// What stops a template from being saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Blockers {
    /// The title is empty (a template is chosen by its title).
    pub no_title: bool,
    /// The text is empty.
    pub empty_body: bool,
    /// The text's placeholders are wrong (see [`template::parse`]).
    pub errors: Vec<TemplateError>,
}

impl Blockers {
    /// Whether nothing stops the save.
    pub fn none(&self) -> bool {
        !self.no_title && !self.empty_body && self.errors.is_empty()
    }
}

/// What stops `record` from being saved. Tone hints never do: they advise.
pub fn blockers(record: &TemplateRecord) -> Blockers {
    let errors = template::parse(&record.body).err().unwrap_or_default();
    Blockers {
        no_title: record.title.trim().is_empty(),
        empty_body: errors.is_empty() && record.body.trim().is_empty(),
        errors,
    }
}

/// Saves `record`: over template `original` when editing one, else as a new
/// template first in the list. An edited built-in becomes the user's own,
/// so restoring the library never overwrites the user's words. Returns
/// where it went, or `None` if it may not be saved (see [`blockers`]) or
/// `original` is gone.
pub fn save(
    data: &mut Data,
    original: Option<&str>,
    mut record: TemplateRecord,
    stamp: u64,
) -> Option<usize> {
    if !blockers(&record).none() {
        return None;
    }
    record.title = record.title.trim().to_string();
    match original {
        Some(id) => {
            let i = data.templates.iter().position(|t| t.id == id)?;
            let before = data.templates.get(i)?;
            if before.builtin && *before != record {
                record.builtin = false;
            }
            *data.templates.get_mut(i)? = record;
            Some(i)
        }
        None => {
            record.id = new_id(data, &record.title, stamp);
            record.builtin = false;
            data.templates.insert(0, record);
            Some(0)
        }
    }
}

/// A template of the user's own from a reply they edited on a card: `body`
/// is the edited text with the inviter's names made placeholders again
/// ([`crate::reuse::generalise`]); `source` is the template the reply came
/// from, whose situations, language and claims it keeps, plus any claim
/// the edited words make. Inserted first in the list; returns its id.
pub fn save_from_reply(
    data: &mut Data,
    source_id: &str,
    title: String,
    body: String,
    stamp: u64,
) -> String {
    let source = data.templates.iter().find(|t| t.id == source_id);
    let mut claims: Vec<Claim> = source.map(|t| t.claims.clone()).unwrap_or_default();
    for claim in claims::in_text(&body) {
        if !claims.contains(&claim) {
            claims.push(claim);
        }
    }
    let record = TemplateRecord {
        id: new_id(data, &title, stamp),
        title,
        body,
        target: source.map(|t| t.target).unwrap_or(Target::Message),
        actions: source.map(|t| t.actions.clone()).unwrap_or_default(),
        relationships: source.map(|t| t.relationships.clone()).unwrap_or_default(),
        situations: source.map(|t| t.situations.clone()).unwrap_or_default(),
        builtin: false,
        language: source.map_or_else(|| "en".into(), |t| t.language.clone()),
        claims,
        any_language: source.is_some_and(|t| t.any_language),
    };
    let id = record.id.clone();
    data.templates.insert(0, record);
    id
}

/// Moves the template `id` one place up (or down) the list, which is the
/// order replies are offered in. Returns its new index; `None` when it is
/// not there or already at that end.
pub fn move_by_one(data: &mut Data, id: &str, up: bool) -> Option<usize> {
    let i = data.templates.iter().position(|t| t.id == id)?;
    let j = if up { i.checked_sub(1)? } else { i + 1 };
    if j >= data.templates.len() {
        return None;
    }
    data.templates.swap(i, j);
    Some(j)
}

/// Whether a template is written for the user's own invitation (a note,
/// an invitation or a follow-up): its preview then fills in what the user
/// would say when inviting, and the sample's own note is not theirs to
/// answer.
pub fn for_own_invitation(record: &TemplateRecord) -> bool {
    record.target == Target::Note
        || record
            .situations
            .iter()
            .any(|s| matches!(s, crate::Situation::Invite | crate::Situation::FollowUp))
}

/// The longest title the editor takes (characters).
pub const TITLE_MAX: usize = 120;

/// How much of a body the list shows (characters).
const EXCERPT_CHARS: usize = 110;

/// A body on one line, cut after [`EXCERPT_CHARS`] characters with "…":
/// what the template list shows of it.
pub fn excerpt(body: &str) -> String {
    let mut out: String = body
        .chars()
        .take(EXCERPT_CHARS)
        .collect::<String>()
        .replace('\n', " ");
    if body.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

/// Line and column (from 1) of a character position in a body: where the
/// editor says an error is.
pub fn line_col(text: &str, position: usize) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for c in text.chars().take(position) {
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Whether a template matches a search: every word of `query` (any case)
/// is in its title, body, language or one of its situations' names
/// (`situation_name` says them in the UI's language). An empty query
/// matches all.
pub fn matches(
    tpl: &TemplateRecord,
    query: &str,
    situation_name: impl Fn(&crate::Situation) -> String,
) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let mut hay = format!("{} {} {}", tpl.title, tpl.body, tpl.language).to_lowercase();
    for s in &tpl.situations {
        hay.push(' ');
        hay.push_str(&situation_name(s).to_lowercase());
    }
    q.split_whitespace().all(|w| hay.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tpl(id: &str, title: &str, body: &str, builtin: bool) -> TemplateRecord {
        TemplateRecord {
            id: id.into(),
            title: title.into(),
            body: body.into(),
            builtin,
            ..TemplateRecord::default()
        }
    }

    fn data() -> Data {
        Data {
            templates: vec![
                tpl("thanks", "Thanks", "Hi {first_name}, thank you!", true),
                tpl("mine", "Mine", "Hello {first_name}.", false),
            ],
            ..Data::default()
        }
    }

    #[test]
    fn slugs_keep_letters_and_digits_and_never_come_out_empty() {
        assert_eq!(slug("  My Polite No!! (v2) "), "my-polite-no-v2");
        assert_eq!(slug("¡¿!?"), "template");
        assert!(slug(&"a".repeat(100)).len() <= 40);
    }

    #[test]
    fn ids_carry_the_stamp_so_two_tabs_never_pick_the_same() {
        let d = data();
        let one = new_id(&d, "Polite no", 1_700_000_000_000);
        let other = new_id(&d, "Polite no", 1_700_000_000_001);
        assert_eq!(
            one,
            format!("custom-polite-no-{}", base36(1_700_000_000_000))
        );
        assert_ne!(one, other);
    }

    #[test]
    fn an_id_already_in_the_list_gets_a_suffix() {
        let mut d = data();
        let first = new_id(&d, "X", 5);
        d.templates.push(tpl(&first, "X", "x", false));
        let second = new_id(&d, "X", 5);
        assert_eq!(second, format!("{first}-2"));
    }

    #[test]
    fn a_copy_goes_below_its_original_and_is_the_users_own() {
        let mut d = data();
        let at = duplicate(&mut d, "thanks", "Copy of Thanks".into(), 9).unwrap();
        assert_eq!(at, 1);
        let copy = &d.templates[1];
        assert_eq!(copy.title, "Copy of Thanks");
        assert_eq!(copy.body, d.templates[0].body);
        assert!(!copy.builtin);
        assert_ne!(copy.id, "thanks");
        assert_eq!(duplicate(&mut d, "gone", "x".into(), 9), None);
    }

    #[test]
    fn undo_puts_a_deleted_template_back_in_its_place() {
        let mut d = data();
        let before = d.templates.clone();
        let deleted = delete(&mut d, "thanks").unwrap();
        assert_eq!(d.templates.len(), 1);
        assert_eq!(undo(&mut d, deleted, 1), 0);
        assert_eq!(d.templates, before);
    }

    #[test]
    fn undo_renames_when_the_id_was_taken_meanwhile() {
        let mut d = data();
        let deleted = delete(&mut d, "mine").unwrap();
        d.templates.push(tpl("mine", "Another", "x", false));
        let at = undo(&mut d, deleted, 7);
        assert_eq!(at, 1);
        assert_ne!(d.templates[1].id, "mine");
        assert_eq!(d.templates[1].title, "Mine");
    }

    #[test]
    fn an_edited_builtin_becomes_the_users_own() {
        let mut d = data();
        let mut edited = d.templates[0].clone();
        edited.body = "Hi {first_name}, many thanks!".into();
        assert_eq!(save(&mut d, Some("thanks"), edited, 1), Some(0));
        assert!(!d.templates[0].builtin);
        assert_eq!(d.templates[0].id, "thanks");
    }

    #[test]
    fn an_unchanged_builtin_stays_builtin() {
        let mut d = data();
        let same = d.templates[0].clone();
        save(&mut d, Some("thanks"), same, 1);
        assert!(d.templates[0].builtin);
    }

    #[test]
    fn a_new_template_goes_first_with_a_fresh_id_and_a_trimmed_title() {
        let mut d = data();
        let rec = tpl("", "  Later ", "Hi {first_name}, later.", true);
        assert_eq!(save(&mut d, None, rec, 3), Some(0));
        let new = &d.templates[0];
        assert_eq!(new.title, "Later");
        assert!(new.id.starts_with("custom-later-"));
        assert!(!new.builtin);
        assert_eq!(d.templates.len(), 3);
    }

    #[test]
    fn an_empty_title_an_empty_text_or_a_wrong_placeholder_block_a_save() {
        let mut d = data();
        let no_title = tpl("", " ", "Hi.", false);
        assert!(blockers(&no_title).no_title);
        let empty = tpl("", "T", "  ", false);
        assert!(blockers(&empty).empty_body);
        let wrong = tpl("", "T", "Hi {frist_name}", false);
        assert!(!blockers(&wrong).errors.is_empty());
        for rec in [no_title, empty, wrong] {
            assert_eq!(save(&mut d, None, rec, 1), None);
        }
        assert_eq!(d.templates.len(), 2);
        assert!(blockers(&tpl("", "T", "Hi {first_name}", false)).none());
    }

    #[test]
    fn saving_over_a_template_that_is_gone_saves_nothing() {
        let mut d = data();
        let rec = tpl("x", "T", "Hi.", false);
        assert_eq!(save(&mut d, Some("gone"), rec, 1), None);
        assert_eq!(d, data());
    }

    #[test]
    fn a_reply_saved_keeps_its_source_and_adds_what_the_words_claim() {
        let mut d = data();
        d.templates[0].situations = vec![crate::Situation::ALL[0]];
        d.templates[0].language = "fr".into();
        let body = "Hi {first_name}, it was great to meet you at the fair.".to_string();
        let id = save_from_reply(&mut d, "thanks", "Thanks (mine)".into(), body.clone(), 4);
        let new = &d.templates[0];
        assert_eq!(new.id, id);
        assert!(id.starts_with("custom-thanks-mine-"));
        assert_eq!(new.situations, d.templates[1].situations);
        assert_eq!(new.language, "fr");
        assert!(!new.builtin);
        for claim in claims::in_text(&body) {
            assert!(new.claims.contains(&claim));
        }
        assert!(!claims::in_text(&body).is_empty(), "the test needs a claim");
    }

    #[test]
    fn a_reply_without_a_source_is_an_english_message() {
        let mut d = data();
        save_from_reply(&mut d, "gone", "My reply".into(), "Hi.".into(), 4);
        assert_eq!(d.templates[0].target, Target::Message);
        assert_eq!(d.templates[0].language, "en");
    }

    #[test]
    fn an_excerpt_is_one_line_cut_with_an_ellipsis() {
        assert_eq!(
            excerpt("Hi {first_name},\nthanks"),
            "Hi {first_name}, thanks"
        );
        let long = "é".repeat(111);
        assert_eq!(excerpt(&long), format!("{}…", "é".repeat(110)));
        assert_eq!(excerpt(&"a".repeat(110)), "a".repeat(110));
    }

    #[test]
    fn an_error_position_is_a_line_and_a_column_from_one() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 2), (1, 3));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }

    #[test]
    fn a_search_needs_every_word_somewhere() {
        let tpl = TemplateRecord {
            title: "Warm thanks".into(),
            body: "Thank you, {first_name}".into(),
            language: "en".into(),
            situations: vec![crate::Situation::Invite],
            ..TemplateRecord::default()
        };
        let name = |_: &crate::Situation| "Inviting someone".to_string();
        assert!(matches(&tpl, "", name));
        assert!(matches(&tpl, "  WARM first_name ", name));
        assert!(matches(&tpl, "inviting en", name));
        assert!(!matches(&tpl, "warm recruiter", name));
    }

    #[test]
    fn a_template_moves_one_place_but_not_past_either_end() {
        let mut d = Data::default();
        for id in ["a", "b", "c"] {
            d.templates.push(TemplateRecord {
                id: id.into(),
                ..TemplateRecord::default()
            });
        }
        let order = |d: &Data| d.templates.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(move_by_one(&mut d, "a", true), None);
        assert_eq!(move_by_one(&mut d, "c", false), None);
        assert_eq!(move_by_one(&mut d, "missing", true), None);
        assert_eq!(order(&d), ["a", "b", "c"]);
        assert_eq!(move_by_one(&mut d, "c", true), Some(1));
        assert_eq!(order(&d), ["a", "c", "b"]);
        assert_eq!(move_by_one(&mut d, "a", false), Some(1));
        assert_eq!(order(&d), ["c", "a", "b"]);
    }

    #[test]
    fn notes_invitations_and_follow_ups_are_for_the_users_own_invitation() {
        let mut rec = TemplateRecord {
            target: Target::Message,
            ..TemplateRecord::default()
        };
        assert!(!for_own_invitation(&rec));
        rec.situations = vec![crate::Situation::FollowUp];
        assert!(for_own_invitation(&rec));
        rec.situations.clear();
        rec.target = Target::Note;
        assert!(for_own_invitation(&rec));
    }
}
