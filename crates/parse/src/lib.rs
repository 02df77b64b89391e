//! Reading and segmenting news articles for Attaché.
//!
//! # Main types
//!
//! - [`Sources`] — *the* way to read input: files, directories, standard input
//!   or any reader, one [`Record`] (an article or the [`ParseError`] saying
//!   why there is none) per article, in order, with bounded memory.
//! - [`InputFormat`] — what an input holds (text, JSON, JSON Lines, HTML,
//!   WARC), decided by one set of rules ([`InputFormat::detect`]), with one
//!   size limit per format ([`InputFormat::limit`]).
//! - [`Article`] — metadata plus body [`Block`]s (standfirst, paragraphs,
//!   subheads), as every reader produces it.
//! - [`Document`] — an article segmented into [`Sentence`]s (news-aware rules
//!   from `sentencex`, see [`split_sentences`]) and [`Token`]s with byte
//!   offsets, lower-cased Snowball stems and stopword flags: what the scoring
//!   and extraction crates read.
//!
//! The readers behind [`Sources`] are public too: [`read_text`] for plain-text
//! and Markdown wire copy, [`read_json`] for JSON article objects, `read_html`
//! (main-content extraction and metadata) and `WarcReader`; HTML, WARC and
//! gzip/Zstandard input sit behind the default cargo features `html`, `warc`
//! and `compression`.
//!
//! # Example
//!
//! Read an article from any reader (here a string; standard input or a file
//! work the same way, see [`Sources::open`]) and segment it:
//!
//! ```
//! use attache_parse::{Document, InputFormat, Sources};
//!
//! let wire = "\
//! Envoys agree to resume grain talks
//!
//! ISTANBUL (Wire) — Negotiators agreed on Thursday to resume talks, the U.S. envoy said.
//! “We will not accept delay.” The talks start next week.";
//! assert_eq!(InputFormat::sniff(wire.as_bytes()), InputFormat::Text);
//! let article = Sources::from_reader("grain-talks.txt", wire.as_bytes(), None).into_article()?;
//! assert_eq!(article.id.as_deref(), Some("grain-talks"));
//!
//! let doc = Document::new(article);
//! assert_eq!(doc.article.title.as_deref(), Some("Envoys agree to resume grain talks"));
//! assert_eq!(doc.sentences.len(), 3);
//! assert_eq!(doc.sentence_text(1), "“We will not accept delay.”");
//! assert_eq!(doc.dateline(), Some("ISTANBUL"));
//!
//! // An archive: one record per line, errors included, in order.
//! let lines = "{\"id\":\"a1\",\"text\":\"Envoys met in Geneva.\"}\n{\"title\":\"no text\"}\n";
//! let records: Vec<_> = Sources::from_reader("-", lines.as_bytes(), None).collect();
//! assert_eq!(records[0].result.as_ref().unwrap().id.as_deref(), Some("a1"));
//! assert_eq!(records[1].input.line, Some(2));
//! assert!(records[1].result.is_err());
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
pub use source::{InputFormat, InputRef, Pending, Record, SourceError, Sources, read_bounded_line};
pub use text::{MAX_ARTICLE_BYTES, read_text};
pub use token::{Token, Vocabulary, is_stopword};
#[cfg(feature = "warc")]
pub use warc::{MAX_WARC_HEADER_BYTES, MAX_WARC_RECORD_BYTES, WarcReader, WarcRecord};

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Document>();
};
