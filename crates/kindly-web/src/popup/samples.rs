//! Made-up invitations the template editor previews against: the five
//! situations a template most often meets. People and companies are invented.

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
                ..person("sam-rivera", "Sam Rivera", "Sam", "Growth Marketer at Brightline", Some("Brightline"))
            },
        },
        Sample {
            key: "sample_note",
            stranger: true,
            invitation: Invitation {
                age_days: Some(5),
                mutual_count: Some(4),
                mutual_name: Some("Jo Chen".into()),
                note: Some(
                    "Hi! I enjoyed your talk on accessible design at the Lisbon meetup and would love to stay in touch."
                        .into(),
                ),
                ..person("ana-lima", "Ana Lima", "Ana", "Product Designer at Northwind", Some("Northwind"))
            },
        },
        Sample {
            key: "sample_recruiter",
            stranger: true,
            invitation: Invitation {
                age_days: Some(10),
                mutual_count: Some(2),
                note: Some("I have an exciting opportunity that matches your profile. Open to a quick chat?".into()),
                ..person(
                    "priya-nair",
                    "Priya Nair",
                    "Priya",
                    "Technical Recruiter at TalentBridge",
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
                ..person("tom-becker", "Tom Becker", "Tom", "Teacher", None)
            },
        },
        Sample {
            key: "sample_sales",
            stranger: true,
            invitation: Invitation {
                age_days: Some(21),
                mutual_count: Some(1),
                note: Some(
                    "I'd love to show you how LeadRocket can triple your pipeline in 30 days. Free demo this week?"
                        .into(),
                ),
                ..person(
                    "chris-doyle",
                    "Chris Doyle",
                    "Chris",
                    "Founder at LeadRocket | Helping B2B teams grow 10x",
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
    facts.met_at = Some("at the Lisbon design meetup".into());
    facts.topic = Some("accessible forms".into());
    facts.mutual_name = Some("Jo Chen".into());
    facts.my_role = Some("the designer who asked about error messages".into());
}
