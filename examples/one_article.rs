//! Parse → score → render with the library crates directly, no `attache`
//! binary involved. Run it with
//!
//! ```text
//! cargo run --example one_article -- examples/articles/un-sudan-vote.md
//! ```
//!
//! It prints every sentence with its score, then a Markdown briefing of the
//! three best.

use attache_parse::{Document, read_json, read_text};
use attache_render::{Brief, Format, Point, Renderer, Theme};
use attache_score::{Features, Method, Selector};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/articles/un-sudan-vote.md".into());
    let raw = std::fs::read_to_string(&path)?;

    // 1. Parse: a reader gives an Article; a Document segments and tokenizes it.
    let article = if path.ends_with(".json") { read_json(&raw)? } else { read_text(&raw)? };
    let doc = Document::new(article);

    // 2. Score every sentence, then choose three by maximal marginal relevance.
    let features = Features::new(&doc);
    let method = Method::by_name("default")?;
    let scored = method.score(&doc, &features);
    for (i, score) in scored.scores.iter().enumerate() {
        println!("{score:.2}  [{i:>2}] {}", doc.sentence_text(i));
    }
    let picks = method.choose(&scored, &features, Selector::new().points(3), &[]);

    // 3. Render: fill the data model and pick a format.
    let mut brief =
        Brief { title: doc.article.title.clone(), method: method.name().into(), ..Brief::default() };
    brief.key_points =
        picks.iter().map(|p| Point::new(doc.sentence_text(p.sentence), p.sentence, p.score)).collect();
    brief.bottom_line = brief.key_points.drain(..1).collect();
    println!("\n{}", Renderer::new(&Theme::default())?.render(&brief, Format::Markdown)?);
    Ok(())
}
