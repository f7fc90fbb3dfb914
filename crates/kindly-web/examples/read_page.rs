//! What Kindly reads on a saved invitations page, without a browser: for a
//! page nobody here has seen (someone's "Save page as…", a new redesign, a
//! language without fixtures), the quickest way to see whether Kindly finds
//! its cards and reads them right, and what to put in a bug report.
//!
//! Run: `cargo run -q -p kindly-web --example read_page -- saved.html [URL]
//! [--lines]` (URL: where the page was served, for its links; the
//! invitations page by default. `--lines`: also the text lines read from
//! each card, what the engine parses; › marks the first line after the
//! card's Accept and Ignore, where a note is looked for). It runs the
//! content script's own search and reading code (the page adapter over the
//! `scraper` parser, as the native tests do) and the engine with a new
//! user's settings. It prints what was read, including
//! people's names and notes, to this terminal only.

#[path = "../tests/support/mod.rs"]
mod support;

use kindly_core::store::new_user_data;
use kindly_core::suggest::suggest;
use kindly_web::markup::DomElement;
use kindly_web::page;
use std::io::Write;
use support::{today, ParsedElement, RECEIVED};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show_lines = args.iter().any(|a| a == "--lines");
    args.retain(|a| a != "--lines");
    let mut args = args.into_iter();
    let Some(path) = args.next() else {
        eprintln!("usage: read_page <saved page.html> [URL it was served at]");
        std::process::exit(2);
    };
    let url = args.next().unwrap_or_else(|| RECEIVED.to_string());
    let html = match std::fs::read_to_string(&path) {
        Ok(html) => html,
        Err(err) => {
            eprintln!("read_page: cannot read {path}: {err}");
            std::process::exit(1);
        }
    };
    let document = scraper::Html::parse_document(&html);
    let root = ParsedElement::new(document.root_element(), &url);
    let Some(body) = root.select_first("body") else {
        eprintln!("read_page: {path} has no body");
        std::process::exit(1);
    };
    // A closed pipe (`| head`) ends the listing, quietly.
    let _ = report(
        &path,
        &root,
        body,
        show_lines,
        &mut std::io::stdout().lock(),
    );
}

/// Writes what Kindly reads on the page at `root` to `out`.
fn report(
    path: &str,
    root: &ParsedElement<'_>,
    body: ParsedElement<'_>,
    show_lines: bool,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let lang = root.attr("lang").unwrap_or_default();
    let cards: Vec<_> =
        page::CardFinder::for_page(root.select_first("main").as_ref(), body).collect();
    writeln!(
        out,
        "{path}: {} invitation card(s), page language {lang:?}",
        cards.len()
    )?;
    let data = new_user_data();
    let today = today();
    for (i, card) in cards.iter().enumerate() {
        let text = page::card_text_for(card, lang.clone());
        let model = suggest(&text, &data, today);
        let inv = &model.invitation;
        writeln!(out, "\ncard {}: {:?}, key {}", i + 1, inv.kind, inv.key)?;
        let mutual = inv.mutual_count.map(|n| n.to_string());
        for (what, value) in [
            ("name", &inv.full_name),
            ("greeting", &inv.first_name),
            ("headline", &inv.headline),
            ("mutual", &mutual),
            ("note", &inv.note),
        ] {
            if let Some(value) = value {
                writeln!(out, "  {what:<9} {value}")?;
            }
        }
        if show_lines {
            for (i, line) in text.lines.iter().enumerate() {
                let mark = if text.after_controls == Some(i) {
                    "›"
                } else {
                    " "
                };
                writeln!(out, "  line {i:>2}{mark} {line}")?;
            }
        }
        if !model.readable {
            writeln!(out, "  (not readable: the panel would show general advice)")?;
        }
        writeln!(out, "  action    {:?}", model.action)?;
        for reason in &model.reasons {
            writeln!(out, "  why       {}", reason.text)?;
        }
        if let Some(first) = model.suggestions.first() {
            let opening = first.text.lines().next().unwrap_or_default();
            writeln!(out, "  reply     {} ({opening} …)", first.title)?;
        }
    }
    Ok(())
}
