//! The façade `kindly-web` calls: one card in, everything its panel shows out.

use crate::card::{parse_card, CardText};
use crate::model::{Action, Invitation, Kind};
use serde::Serialize;

/// One reason behind the advice, with a stable id for translations.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reason {
    pub id: String,
    pub text: String,
}

/// One ready-to-copy reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub template_id: String,
    pub title: String,
    pub text: String,
    pub chars: usize,
    pub limit: usize,
}

/// Everything a panel shows for one card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelModel {
    pub key: String,
    pub kind: Kind,
    pub action: Action,
    pub invitation: Invitation,
    pub reasons: Vec<Reason>,
    pub suggestions: Vec<Suggestion>,
}

/// Judges one card and renders its replies.
pub fn suggest(card: &CardText) -> PanelModel {
    let invitation = parse_card(card);
    let first = invitation.first_name.clone().unwrap_or_else(|| "there".into());
    let text = format!("Hi {first}, thank you for the invitation. May I ask where we met?");
    let chars = text.chars().count();
    PanelModel {
        key: invitation.key.clone(),
        kind: invitation.kind,
        action: Action::Ask,
        reasons: vec![Reason {
            id: "no_context".into(),
            text: "Nothing on the card says how you know each other.".into(),
        }],
        suggestions: vec![Suggestion {
            template_id: "ask-where-we-met".into(),
            title: "Ask where you met".into(),
            text,
            chars,
            limit: 300,
        }],
        invitation,
    }
}
