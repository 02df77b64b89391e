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
    /// An HTML page (main content and metadata are extracted).
    Html,
}

fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head.chars().take(15).collect::<String>().to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// Guess the kind of an article from its file name and first bytes: `.json`
/// or text starting with `{` is JSON; `.html`/`.htm` or text starting with
/// `<!DOCTYPE html` or `<html` is HTML; anything else is text.
pub fn sniff(name: Option<&str>, text: &str) -> Kind {
    let ext = name.and_then(|n| n.rsplit_once('.')).map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("json") => Kind::Json,
        Some("html" | "htm" | "xhtml") => Kind::Html,
        Some("txt" | "md" | "markdown") => Kind::Text,
        _ if text.trim_start().starts_with('{') => Kind::Json,
        _ if looks_like_html(text) => Kind::Html,
        _ => Kind::Text,
    }
}

/// Read one article from raw bytes. `name` (a file name) guides format detection.
pub fn read_article(name: Option<&str>, bytes: &[u8]) -> Result<Article, ParseError> {
    if bytes.len() > attache_parse::MAX_ARTICLE_BYTES {
        return Err(ParseError::TooLarge { size: bytes.len(), limit: attache_parse::MAX_ARTICLE_BYTES });
    }
    let ext_html = matches!(sniff(name, ""), Kind::Html);
    if ext_html || looks_like_html(&String::from_utf8_lossy(&bytes[..bytes.len().min(64)])) {
        let html = attache_parse::decode_html(bytes, None)?;
        return attache_parse::read_html(&html, None);
    }
    let text = decode(bytes)?;
    match sniff(name, text) {
        Kind::Json => read_json(text),
        Kind::Html => attache_parse::read_html(text, None),
        Kind::Text => read_text(text),
    }
}
