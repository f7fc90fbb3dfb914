//! Recognising a card's Accept and Ignore controls by their words, in many
//! languages. These two controls are the most stable hook LinkedIn has had in
//! every markup era: a row holding both is an invitation, whatever its classes.
//!
//! Labels look like "Accept Riley Park’s invitation", "Ignore an invitation to
//! connect from Riley Park", "Accepter l’invitation de …", "Einladung von …
//! annehmen", or just the button text "Accept". The verb may come last
//! (German), so a label matches when any whole word is a known verb form.

/// Whole words that mean "accept" on an invitation control, lower case.
/// Data, not code: add a language by adding its words.
const ACCEPT_WORDS: &[&str] = &[
    "accept",   // en
    "accepter", // fr
    "annehmen",
    "akzeptieren", // de
    "aceptar",     // es
    "aceitar",     // pt
    "accetta",
    "accettare", // it
    "accepteren",
    "accepteer", // nl
    "akceptuj",
    "zaakceptuj", // pl
    "acceptera",  // sv
    "accepter",   // da (same as fr)
    "godta",      // nb
    "hyväksy",    // fi
    "kabul",      // tr ("Kabul et")
    "принять",    // ru
    "terima",     // id / ms
    "수락",       // ko
    "承認",       // ja
    "接受",       // zh
    "قبول",       // ar
];

/// Whole words that mean "ignore"/"decline" on an invitation control.
const IGNORE_WORDS: &[&str] = &[
    "ignore",     // en
    "ignorer",    // fr, da, nb
    "ignorieren", // de
    "ignorar",    // es, pt
    "ignora",
    "ignorare", // it
    "negeren",
    "negeer", // nl
    "zignoruj",
    "ignoruj",      // pl
    "ignorera",     // sv
    "ohita",        // fi
    "yoksay",       // tr
    "игнорировать", // ru
    "abaikan",      // id / ms
    "무시",         // ko
    "無視",         // ja
    "忽略",         // zh
    "تجاهل",        // ar
];

/// Whole words that mean "reply" on the control LinkedIn shows under an
/// invitation's note ("Reply to Riley", "Répondre à Riley", "Antworten").
const REPLY_WORDS: &[&str] = &[
    "reply",     // en
    "répondre",  // fr
    "antworten", // de
    "responder", // es, pt
    "rispondi",  // it
    "beantwoorden",
    "reageren",  // nl
    "odpowiedz", // pl
    "svara",     // sv
    "svar",      // da, nb
    "vastaa",    // fi
    "yanıtla",   // tr
    "ответить",  // ru
    "balas",     // id, ms
    "답장",      // ko
    "返信",      // ja
    "回复",      // zh
    "رد",        // ar
];

/// Whether a control's label (aria-label, else text) is LinkedIn's Reply on
/// an invitation: a message can then reach the inviter while the invitation
/// stays pending. Accept and Ignore controls never are.
pub fn is_reply_control(label: &str) -> bool {
    label.chars().count() <= MAX_LABEL_CHARS
        && classify_control(label) == Control::Other
        && has_word(label, REPLY_WORDS)
}

/// Whether `label` holds one of `list` (lower case) as a whole word, in
/// any letter case; a word of a script written without spaces is also
/// found inside a run ("山田さんに返信").
pub fn has_word(label: &str, list: &[&str]) -> bool {
    words(label).any(|word| {
        let lower = word.to_lowercase();
        list.iter()
            .any(|w| *w == lower || (w.chars().all(is_unspaced) && lower.contains(w)))
    })
}

/// What an interactive control in a card is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// LinkedIn's Accept.
    Accept,
    /// LinkedIn's Ignore.
    Ignore,
    /// Anything else (Reply, Message, a profile link).
    Other,
}

/// The longest label a control may have. A label can hold a long name ("Accept <300 characters>’s invitation"),
/// but not a paragraph: a link whose text is a whole note that happens to
/// contain "accept" is not a control.
pub const MAX_LABEL_CHARS: usize = 600;

/// Classifies a control by its aria-label (preferred) or text, in every
/// language of [`crate::lang`].
pub fn classify_control(label: &str) -> Control {
    if label.chars().count() > MAX_LABEL_CHARS {
        return Control::Other;
    }
    let mut accept = false;
    let mut ignore = false;
    for word in words(label) {
        // Every control on the page comes here; most words are ASCII and
        // compare without allocating a lower-case copy.
        if word.is_ascii() {
            let is = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
            accept |= is(ACCEPT_WORDS);
            ignore |= is(IGNORE_WORDS);
        } else {
            let word = word.to_lowercase();
            // Japanese, Chinese and Korean write a verb against its object
            // ("…さんの招待を承認", "接受邀请"): no boundary to split on, so
            // their verbs are looked for inside the run.
            let unspaced = word.chars().any(is_unspaced);
            let is = |list: &[&str]| {
                list.iter().any(|w| {
                    *w == word || (unspaced && w.chars().all(is_unspaced) && word.contains(w))
                })
            };
            accept |= is(ACCEPT_WORDS);
            ignore |= is(IGNORE_WORDS);
        }
    }
    match (accept, ignore) {
        (true, false) => Control::Accept,
        (false, true) => Control::Ignore,
        _ => Control::Other,
    }
}

/// Scripts written without spaces between words: Thai, Lao, Myanmar and
/// Khmer, Han, Hiragana, Katakana, and Hangul syllables (Korean spaces
/// words but attaches endings).
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{3040}'..='\u{30FF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{AC00}'..='\u{D7AF}')
}

/// Splits on anything that is not a letter or a digit (so "l’invitation" and
/// "Park’s" split at the apostrophe, and CJK labels stay whole words).
fn words(label: &str) -> impl Iterator<Item = &str> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_labels_in_many_languages() {
        let cases = [
            ("Accept Riley Park’s invitation", Control::Accept),
            ("Accept Riley Park's invitation", Control::Accept),
            ("Accept", Control::Accept),
            (
                "Ignore an invitation to connect from Riley Park",
                Control::Ignore,
            ),
            ("Ignore", Control::Ignore),
            ("Accepter l’invitation de Riley Park", Control::Accept),
            (
                "Ignorer l’invitation de Riley Park à rejoindre son réseau",
                Control::Ignore,
            ),
            ("Einladung von Riley Park annehmen", Control::Accept),
            ("Einladung von Riley Park ignorieren", Control::Ignore),
            ("Aceptar la invitación de Riley Park", Control::Accept),
            ("Ignorar la invitación de Riley Park", Control::Ignore),
            ("Aceitar", Control::Accept),
            ("Connect with Casey Doe", Control::Other),
            ("Invite Casey Doe to connect", Control::Other),
            ("Withdraw invitation sent to Casey Doe", Control::Other),
            ("Accepted", Control::Other),
            ("Message", Control::Other),
            ("", Control::Other),
            // Japanese, Chinese and Korean: the verb written against its
            // object is found inside the run.
            ("山田太郎さんの招待を承認", Control::Accept),
            ("山田太郎さんの招待を無視", Control::Ignore),
            ("承認", Control::Accept),
            ("接受邀请", Control::Accept),
            ("接受 王小明 的邀请", Control::Accept),
            ("忽略王小明的邀请", Control::Ignore),
            ("김민수님의 초대 수락하기", Control::Accept),
            ("초대를무시", Control::Ignore),
            // Both, or neither: not a control Kindly knows.
            ("承認または無視", Control::Other),
            ("招待を送信", Control::Other),
            // A Latin word is still matched whole, even beside CJK text.
            ("acceptable 招待", Control::Other),
        ];
        for (label, want) in cases {
            assert_eq!(classify_control(label), want, "{label}");
        }
    }

    #[test]
    fn recognises_reply_controls() {
        for label in [
            "Reply to Riley",
            "Répondre à Camille",
            "Antworten",
            "Responder a Lucía",
            "山田さんに返信",
        ] {
            assert!(is_reply_control(label), "{label}");
        }
        for label in [
            "Accept Riley Park’s invitation",
            "Ignore",
            "Show more actions",
            "Message",
            "Replying is easy",
        ] {
            assert!(!is_reply_control(label), "{label}");
        }
    }

    #[test]
    fn a_long_name_in_a_label_is_still_a_control() {
        let label = format!(
            "Accept {}’s invitation",
            "Maximiliana Alexandrina ".repeat(13)
        );
        assert_eq!(classify_control(&label), Control::Accept);
    }

    #[test]
    fn long_text_is_never_a_control() {
        let note = "Please accept my invitation ".repeat(30);
        assert_eq!(classify_control(&note), Control::Other);
    }
}
