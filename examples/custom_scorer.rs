//! A briefing from a string, with a sentence scorer written here, outside
//! the Attaché crates. Run it with
//!
//! ```text
//! cargo run --example custom_scorer
//! ```
//!
//! The scorer prefers sentences that name a number (dates, figures, votes):
//! any type implementing [`attache_score::Scorer`] can stand in for the
//! built-in methods, and the briefing still gets its bottom line, key
//! points, people, quotes and what to watch.

use attache::{Brief, Format, Pipeline};
use attache_parse::Document;
use attache_score::{Features, Scorer};

/// Scores a sentence by how many of its words hold a digit, plus a little
/// for its length so that ties go to the fuller sentence.
pub struct Numbers;

impl Scorer for Numbers {
    fn name(&self) -> &'static str {
        "numbers"
    }

    fn score(&self, doc: &Document, features: &Features, out: &mut [f32]) {
        for (i, o) in out.iter_mut().enumerate() {
            let text = doc.sentence_text(i);
            let numbers = text.split_whitespace().filter(|w| w.bytes().any(|b| b.is_ascii_digit())).count();
            *o = numbers as f32 + features.words[i] as f32 / 100.0;
        }
    }
}

/// The wire story this example briefs.
pub const STORY: &str = "\
Council extends peacekeeping mission by 12 months

NEW YORK (Wire) — The Security Council voted 13 to 0 on Friday to extend the peacekeeping mission in the border region for another 12 months.
Two members, Russia and China, abstained, saying the mandate did too little to support talks between the two governments.
\"This vote keeps 4,000 peacekeepers where they are needed,\" said Linda Thomas-Greenfield, the United States ambassador.
The mission, created in 2011, has been criticised for failing to prevent attacks on villages.
Diplomats said the council would review the mandate again in March.
Aid groups said the extension was welcome but that the mission needed more helicopters.";

/// A pipeline scoring with [`Numbers`], three key points at most.
pub fn pipeline() -> Result<Pipeline, attache::Error> {
    Pipeline::builder().scorer(Numbers).points(3).build()
}

/// Brief wire copy (a headline, a blank line, the story) with `pipeline`.
pub fn briefing(pipeline: &Pipeline, text: &str) -> Result<Brief, Box<dyn std::error::Error>> {
    let article = attache_parse::read_text(text)?;
    Ok(pipeline.brief(article)?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = pipeline()?;
    let brief = briefing(&pipeline, STORY)?;
    println!("{}", pipeline.render(&brief, Format::Markdown)?);
    Ok(())
}
