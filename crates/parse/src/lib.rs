//! Reading and segmenting news articles for Attaché.
//!
//! # Brief overview
//!
//! A reader turns input into an [`Article`]: [`read_text`] for plain-text and
//! Markdown wire copy, [`read_json`] for JSON article objects. An article is
//! metadata plus body [`Block`]s (standfirst, paragraphs, subheads).
//! [`Document::new`] then segments the body into [`Sentence`]s (news-aware
//! rules from `sentencex`, see [`split_sentences`]) and [`Token`]s with byte
//! offsets, lower-cased Snowball stems and stopword flags, which is what the
//! scoring and extraction crates read.
//!
//! For archives, [`Sources`] streams records out of JSON Lines (plain, gzip,
//! Zstandard), directories, WARC files and standard input, one
//! `Result<Article, ParseError>` per record with the file and line or record
//! it came from. HTML pages go through `read_html` (main-content extraction
//! and metadata) and WARC files through `WarcReader`; both sit behind the
//! default cargo features `html`, `warc` and `compression`.
//!
//! ```
//! use attache_parse::{Document, read_text};
//!
//! let article = read_text("\
//! Envoys agree to resume grain talks
//!
//! ISTANBUL (Wire) — Negotiators agreed on Thursday to resume talks, the U.S. envoy said.
//! “We will not accept delay.” The talks start next week.")?;
//! let doc = Document::new(article);
//! assert_eq!(doc.article.title.as_deref(), Some("Envoys agree to resume grain talks"));
//! assert_eq!(doc.sentences.len(), 3);
//! assert_eq!(doc.sentence_text(1), "“We will not accept delay.”");
//! assert_eq!(doc.dateline(), Some("ISTANBUL"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod article;
mod document;
mod error;
pub mod fast;
#[cfg(feature = "compression")]
mod gz;
#[cfg(feature = "html")]
mod html;
mod json;
mod segment;
mod source;
#[cfg(test)]
mod testutil;
mod text;
mod token;
#[cfg(feature = "warc")]
mod warc;
mod ws;

pub use article::{Article, Block, BlockKind};
pub use document::{Document, Sentence};
pub use error::{Field, ParseError};
pub use fast::{Words, collapse_ws, count_words, words};
#[cfg(feature = "html")]
pub use html::{MAX_HTML_BYTES, decode_html, read_html};
pub use json::{JsonArticle, read_json};
pub use segment::split_sentences;
pub use source::{InputRef, Pending, Record, SourceError, Sources};
pub use text::{MAX_ARTICLE_BYTES, read_text};
pub use token::{Token, Vocabulary, is_stopword};
#[cfg(feature = "warc")]
pub use warc::{MAX_WARC_HEADER_BYTES, MAX_WARC_RECORD_BYTES, WarcReader, WarcRecord};

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Document>();
};
