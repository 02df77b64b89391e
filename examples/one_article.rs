//! One article through the whole pipeline, step by step, with the library
//! crates and no `attache` binary involved. Run it with
//!
//! ```text
//! cargo run --example one_article -- examples/articles/un-sudan-vote.md
//! cargo run --example one_article -- examples/pages/nile-dam-talks.html
//! ```
//!
//! It prints what each stage finds (sentences and their scores, the chosen
//! points, the people and quotes), then the finished Markdown briefing, which
//! is the one `attache brief FILE` prints.

use attache::{Options, Pipeline};
use attache_extract::Extractor;
use attache_parse::Document;
use attache_render::Format;
use attache_score::{Features, Method, Selector};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "examples/articles/un-sudan-vote.md".into());
    let bytes = std::fs::read(&path)?;

    // 1. Read: wire copy, Markdown, a JSON article or an HTML page, by name
    //    and first bytes, into an `Article`; a `Document` segments it into
    //    sentences and tokens.
    let article = attache::input::read_article(Some(&path), &bytes)?;
    let doc = Document::new(article);
    println!(
        "{} sentences, {} words: {:?}\n",
        doc.sentences.len(),
        doc.article.word_count(),
        doc.article.title
    );

    // 2. Score every sentence, then choose five by maximal marginal relevance
    //    under a 500-word budget (the pipeline also picks a bottom line first).
    let features = Features::new(&doc);
    let method = Method::by_name("default")?;
    let scored = method.score(&doc, &features);
    for (i, score) in scored.scores.iter().enumerate().take(8) {
        println!("{score:.2}  [{i:>2}] {}", doc.sentence_text(i));
    }
    if doc.sentences.len() > 8 {
        println!("      … and {} more sentences", doc.sentences.len() - 8);
    }
    let mut selector = Selector::new();
    selector.points(5).words(500);
    let picks = method.choose(&scored, &features, &selector, &[]);
    let chosen: Vec<usize> = picks.iter().map(|p| p.sentence).collect();
    println!("\nchosen sentences, best first: {chosen:?}\n");

    // 3. Extract who, where, quotes, positions and what next.
    let x = Extractor::new().extract(&doc);
    let people: Vec<&str> = x.people.iter().map(|p| p.name.as_str()).collect();
    println!("people: {}", people.join("; "));
    for q in x.quotes.iter().filter(|q| q.direct) {
        println!("quote:  “{}” — {}", q.text, q.speaker.as_deref().unwrap_or("unattributed"));
    }

    // 4. Brief and render: the `Pipeline` of the `attache` crate does steps 2
    //    and 3 with the bottom line, fills the data model and fits it to the
    //    word budget; the renderer's templates turn it into Markdown.
    let pipeline = Pipeline::new(&Options::default())?;
    let brief = pipeline.brief_document(&doc)?;
    println!("\n{}", pipeline.render(&brief, Format::Markdown)?);
    Ok(())
}
