use serde::{Deserialize, Serialize};

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

/// The white-space separated words of `s`: the same pieces as
/// [`str::split_whitespace`], found faster on mostly-ASCII text (ASCII bytes
/// are classified directly; other characters are decoded).
///
/// ```
/// let w: Vec<&str> = attache_parse::words("  Talks\u{a0}resume \n in Geneva ").collect();
/// assert_eq!(w, ["Talks", "resume", "in", "Geneva"]);
/// ```
pub fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

/// Number of white-space separated words in `s` (see [`words`]).
pub fn count_words(s: &str) -> usize {
    words(s).count()
}

/// Iterator over the words of a string; see [`words`].
#[derive(Debug, Clone)]
pub struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Words<'a> {
    /// Length of the white-space character at byte `i`, or 0 if there is none.
    fn space_at(&self, i: usize) -> usize {
        let b = self.s.as_bytes()[i];
        if b < 0x80 {
            usize::from(matches!(b, b' ' | b'\t'..=b'\r'))
        } else {
            let c = self.s[i..].chars().next().expect("char boundary");
            if c.is_whitespace() { c.len_utf8() } else { 0 }
        }
    }

    /// Length of the character at byte `i`.
    fn char_len(&self, i: usize) -> usize {
        match self.s.as_bytes()[i] {
            b if b < 0x80 => 1,
            b if b >= 0xF0 => 4,
            b if b >= 0xE0 => 3,
            _ => 2,
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.s.len();
        loop {
            if self.pos >= len {
                return None;
            }
            match self.space_at(self.pos) {
                0 => break,
                n => self.pos += n,
            }
        }
        let start = self.pos;
        while self.pos < len && self.space_at(self.pos) == 0 {
            self.pos += self.char_len(self.pos);
        }
        Some(&self.s[start..self.pos])
    }
}

/// Collapse every run of white space to one space and trim the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in words(s) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod words_tests {
    use super::*;

    #[test]
    fn words_split_like_split_whitespace() {
        for s in [
            "",
            "   ",
            "one",
            " Talks  resume\tin\r\nGeneva\x0b\x0cnow ",
            "Paris\u{a0}Accord\u{2009}talks\u{3000}end\u{85}",
            "“We came,” she said — in Kyiv’s old town.",
            "日本語 テキスト",
        ] {
            let ours: Vec<&str> = words(s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(ours, std, "{s:?}");
            assert_eq!(count_words(s), std.len());
        }
    }
}
