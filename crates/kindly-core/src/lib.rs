//! Kindly's etiquette engine. It reads what an invitation card says, judges it
//! against the etiquette guidance and writes polite replies from templates.
//! It never touches a browser: `kindly-web` hands it plain text and shows what
//! it returns, so every rule here is tested natively.
//!
//! The layers, the data flow and where each kind of change goes are drawn
//! in `crates/README.md`.
#![warn(missing_docs)]

pub mod advice;
pub mod card;
pub mod claims;
pub mod controls;
pub mod days;
pub mod dialog;
pub mod import_preview;
pub mod lang;
pub mod library;
pub mod load_report;
pub mod model;
pub mod my_templates;
pub mod note;
pub mod plural;
pub mod profile_form;
pub mod quota;
pub mod reuse;
pub mod review;
pub mod route;
pub mod sent;
pub mod sent_advice;
pub mod sent_tab;
pub mod store;
pub mod suggest;
pub mod template;
pub mod tone;

pub use card::{parse_card, CardLink, CardText};
pub use model::*;
pub use suggest::{
    facts_for, limit_for, record_seen, suggest, suggest_for, PanelModel, Reason, Suggestion,
};
