//! Made-up invitations the template editor previews against: the five
//! situations a template most often meets. People and companies are invented;
//! what they do and write is in `_locales` (`popup_sample_*`), in the UI
//! language.

use super::ui::t;
use kindly_core::template::Facts;
use kindly_core::{Invitation, Kind};

/// One sample: its message key (for the picker) and the invitation.
pub struct Sample {
    pub key: &'static str,
    /// The user would treat them as a stranger (for the politeness check).
    pub stranger: bool,
    pub invitation: Invitation,
}

fn person(key: &str, full: &str, first: &str, headline: &str, company: Option<&str>) -> Invitation {
    Invitation {
        kind: Kind::Person,
        key: key.into(),
        full_name: Some(full.into()),
        first_name: Some(first.into()),
        headline: Some(headline.into()),
        company: company.map(Into::into),
        readable: true,
        ..Invitation::default()
    }
}

/// The samples, in the order the picker shows them.
pub fn samples() -> Vec<Sample> {
    vec![
        Sample {
            key: "sample_stranger",
            stranger: true,
            invitation: Invitation {
                age_days: Some(3),
                mutual_count: Some(0),
                ..person(
                    "sam-rivera",
                    "Sam Rivera",
                    "Sam",
                    &t("sample_stranger_headline"),
                    Some("Brightline"),
                )
            },
        },
        Sample {
            key: "sample_note",
            stranger: true,
            invitation: Invitation {
                age_days: Some(5),
                mutual_count: Some(4),
                mutual_name: Some("Jo Chen".into()),
                note: Some(t("sample_note_text")),
                ..person(
                    "ana-lima",
                    "Ana Lima",
                    "Ana",
                    &t("sample_note_headline"),
                    Some("Northwind"),
                )
            },
        },
        Sample {
            key: "sample_recruiter",
            stranger: true,
            invitation: Invitation {
                age_days: Some(10),
                mutual_count: Some(2),
                note: Some(t("sample_recruiter_text")),
                ..person(
                    "priya-nair",
                    "Priya Nair",
                    "Priya",
                    &t("sample_recruiter_headline"),
                    Some("TalentBridge"),
                )
            },
        },
        Sample {
            key: "sample_friend",
            stranger: false,
            invitation: Invitation {
                age_days: Some(1),
                mutual_count: Some(25),
                mutual_name: Some("Lea Martin".into()),
                ..person(
                    "tom-becker",
                    "Tom Becker",
                    "Tom",
                    &t("sample_friend_headline"),
                    None,
                )
            },
        },
        Sample {
            key: "sample_sales",
            stranger: true,
            invitation: Invitation {
                age_days: Some(21),
                mutual_count: Some(1),
                note: Some(t("sample_sales_text")),
                ..person(
                    "chris-doyle",
                    "Chris Doyle",
                    "Chris",
                    &t("sample_sales_headline"),
                    Some("LeadRocket"),
                )
            },
        },
    ]
}

/// What a person typically tells Kindly when inviting someone (where they
/// met, what they talked about, whom both know, who they are), for
/// previewing invitation notes and follow-ups. Said as one would after
/// "we met".
pub fn what_you_said(facts: &mut Facts) {
    facts.met_at = Some(t("sample_met_at"));
    facts.topic = Some(t("sample_topic"));
    facts.mutual_name = Some("Jo Chen".into());
    facts.my_role = Some(t("sample_my_role"));
}
