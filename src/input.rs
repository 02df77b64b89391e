//! Reading one article from a file or standard input, whatever its format.

use attache_parse::{Article, ParseError, read_json, read_text};

/// Decode bytes as UTF-8, naming the first bad byte on failure.
pub fn decode(bytes: &[u8]) -> Result<&str, ParseError> {
    std::str::from_utf8(bytes).map_err(|e| ParseError::InvalidUtf8 { offset: e.valid_up_to() })
}

/// The input formats a single article can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Kind {
    /// Plain text or Markdown wire copy.
    Text,
    /// A JSON article object.
    Json,
}

/// Guess the kind of an article from its file name and first bytes: `.json`
/// or text starting with `{` is JSON; anything else is text.
pub fn sniff(name: Option<&str>, text: &str) -> Kind {
    let ext = name.and_then(|n| n.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => Kind::Json,
        Some("txt" | "md" | "markdown") => Kind::Text,
        _ if text.trim_start().starts_with('{') => Kind::Json,
        _ => Kind::Text,
    }
}

/// Read one article from raw bytes. `name` (a file name) guides format detection.
pub fn read_article(name: Option<&str>, bytes: &[u8]) -> Result<Article, ParseError> {
    if bytes.len() > attache_parse::MAX_ARTICLE_BYTES {
        return Err(ParseError::TooLarge { size: bytes.len(), limit: attache_parse::MAX_ARTICLE_BYTES });
    }
    let text = decode(bytes)?;
    match sniff(name, text) {
        Kind::Json => read_json(text),
        Kind::Text => read_text(text),
    }
}
