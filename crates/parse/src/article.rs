use serde::{Deserialize, Serialize};

use crate::ws::{collapse_ws, count_words};

/// An article as a reader found it: metadata plus a body of blocks.
///
/// Readers ([`read_text`](crate::read_text), [`read_json`](crate::read_json), and
/// the HTML and WARC readers) all produce this one type, so everything
/// downstream (segmentation, scoring, extraction, rendering) is independent of
/// where the article came from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// Identifier given by the input (JSON `id`, file name, WARC record id).
    pub id: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Author or byline, without the leading "By".
    pub author: Option<String>,
    /// Publication date or timestamp as given (ISO 8601 preferred).
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publisher or news agency.
    pub source: Option<String>,
    /// The body in reading order: standfirst, paragraphs and subheads.
    pub blocks: Vec<Block>,
}

/// One block of an article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The block's text with white space collapsed.
    pub text: String,
}

/// The kind of a body [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum BlockKind {
    /// The summary paragraph under the headline. Its sentences are article sentences.
    Standfirst,
    /// A body paragraph.
    Paragraph,
    /// A section heading inside the body. Never split into sentences.
    Subhead,
}

impl Article {
    /// An article with only a body, one [`BlockKind::Paragraph`] per non-empty
    /// line of `body`.
    pub fn from_body(body: &str) -> Article {
        Article {
            blocks: body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Block { kind: BlockKind::Paragraph, text: collapse_ws(l) })
                .collect(),
            ..Article::default()
        }
    }

    /// The body text: blocks joined by blank lines, headline excluded.
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&b.text);
        }
        out
    }

    /// Number of words in the body (white-space separated).
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| count_words(&b.text)).sum()
    }
}
