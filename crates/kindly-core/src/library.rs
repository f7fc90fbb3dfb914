//! The default template library, written fresh from the etiquette guidance.
//!
//! STUB: being written.

use crate::model::{Action, Situation, Target, TemplateRecord};

/// Every built-in template.
pub fn default_templates() -> Vec<TemplateRecord> {
    vec![TemplateRecord {
        id: "ask-where-we-met".into(),
        title: "Ask where you met".into(),
        body: "Hi {first_name|there}, thank you for the invitation. May I ask where we met?".into(),
        target: Target::Message,
        actions: vec![Action::Ask],
        situations: vec![Situation::CantPlace],
        builtin: true,
        ..TemplateRecord::default()
    }]
}
