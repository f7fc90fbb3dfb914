//! Every reason, hint and suggestion the engine can produce has its words in
//! each language the panel speaks, in every plural form that language uses:
//! the build's locale check compares languages with English, this compares
//! English (and the others) with the engine.
#![cfg(test)]

use kindly_core::plural::{category, Plural};
use std::path::Path;

const LANGUAGES: [&str; 4] = ["en", "fr", "de", "es"];

fn messages(lang: &str) -> serde_json::Map<String, serde_json::Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../extension/_locales")
        .join(lang);
    let mut all = serde_json::Map::new();
    for file in ["common.json", "panel.json"] {
        let text = std::fs::read_to_string(dir.join(file))
            .unwrap_or_else(|e| panic!("{lang}/{file}: {e}"));
        let part: serde_json::Value = serde_json::from_str(&text).unwrap();
        all.extend(part.as_object().unwrap().clone());
    }
    all
}

/// The plural forms a language's messages need: those its rules give for
/// the counts a panel shows (up to a few thousand).
fn forms(lang: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    for n in 0..5000 {
        let form = category(lang, n);
        if form != Plural::Many && !out.contains(&form.as_str()) {
            out.push(form.as_str());
        }
    }
    out
}

#[test]
fn every_reason_hint_and_tip_has_its_words_in_every_language() {
    let mut missing = Vec::new();
    for lang in LANGUAGES {
        let m = messages(lang);
        let mut need = |key: String| {
            let text = m
                .get(&key)
                .and_then(|v| v.get("message"))
                .and_then(|v| v.as_str());
            match text {
                Some(t) if !t.trim().is_empty() && !t.contains("(s)") => {}
                _ => missing.push(format!("{lang}: {key}")),
            }
        };
        // An invitation's reasons, and the Sent tab's for one the user sent.
        let reasons = kindly_core::advice::reason_ids()
            .into_iter()
            .map(|(id, counted)| (id.to_string(), counted))
            .chain(kindly_core::sent_advice::reason_ids());
        for (id, counted) in reasons {
            if counted {
                for form in forms(lang) {
                    need(format!("reason_{id}_{form}"));
                }
            } else {
                need(format!("reason_{id}"));
            }
        }
        for (id, counted) in kindly_core::tone::MESSAGE_IDS {
            if *counted {
                for form in forms(lang) {
                    need(format!("hint_{id}_{form}"));
                }
            } else {
                need(format!("hint_{id}"));
            }
        }
        for id in kindly_core::tone::TIP_IDS {
            need(format!("tip_{id}"));
        }
        for unit in ["days", "weeks", "months", "years"] {
            for form in forms(lang) {
                need(format!("waited_{unit}_{form}"));
            }
        }
        need("ui_lang".into());
    }
    assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
}

#[test]
fn each_language_says_its_own_name() {
    for lang in LANGUAGES {
        let m = messages(lang);
        assert_eq!(m["ui_lang"]["message"], lang);
    }
}
