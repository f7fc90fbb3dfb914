//! Reading a card: from the plain texts the page adapter pulls out of one
//! invitation card to an [`Invitation`].

use crate::model::{Invitation, Kind};
use serde::{Deserialize, Serialize};

/// A link inside a card: its path (no host, no query) and visible text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardLink {
    pub path: String,
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
}

/// Understands a card. Never fails: what cannot be read stays `None`.
pub fn parse_card(card: &CardText) -> Invitation {
    let full_name = card
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    let first_name = full_name
        .as_deref()
        .and_then(|n| n.split_whitespace().next())
        .map(str::to_string);
    let slug = card
        .links
        .iter()
        .find_map(|l| l.path.strip_prefix("/in/"))
        .map(|s| s.trim_end_matches('/').to_string());
    let key = slug
        .or_else(|| card.key_hint.clone())
        .unwrap_or_else(|| full_name.clone().unwrap_or_default());
    Invitation {
        kind: Kind::Person,
        key,
        full_name,
        first_name,
        note: card.note.clone(),
        readable: true,
        ..Invitation::default()
    }
}
