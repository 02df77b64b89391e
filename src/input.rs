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

/// Read at most `limit + 1` bytes from `reader`: the whole input, or
/// [`ParseError::TooLarge`] as soon as it is known to be over `limit`
/// (`known_size`, a regular file's length, names the real size). Inputs
/// whose first 8 kB hold a NUL byte are refused as binary, as `batch` does.
pub fn read_bounded(
    reader: impl std::io::Read,
    limit: usize,
    known_size: Option<u64>,
) -> Result<Vec<u8>, ParseError> {
    use std::io::Read;
    if let Some(size) = known_size.filter(|&s| s > limit as u64) {
        return Err(ParseError::TooLarge { size: size as usize, limit });
    }
    let mut reader = reader.take(limit as u64 + 1);
    let mut bytes = Vec::new();
    // The first block alone tells binary input (`/dev/zero`) apart.
    let mut head = [0u8; 8192];
    let mut filled = 0;
    while filled < head.len() {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(at) = memchr::memchr(0, &head[..filled]) {
        return Err(ParseError::Unsupported(format!(
            "binary data (a NUL byte at offset {at}), not an article"
        )));
    }
    bytes.extend_from_slice(&head[..filled]);
    reader.read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(ParseError::TooLarge { size: known_size.map_or(bytes.len(), |s| s as usize), limit });
    }
    Ok(bytes)
}

/// The id `batch` gives a one-article file: its name without the extension
/// (and without `.gz`/`.zst`), used when the article declares none.
pub fn file_id(path: &std::path::Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let mut stem = name.as_str();
    for suffix in [".gz", ".zst", ".zstd"] {
        stem = stem.strip_suffix(suffix).unwrap_or(stem);
    }
    let stem = stem.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(stem);
    (!stem.is_empty()).then(|| stem.to_string())
}

/// Read one article from a file (or any readable path: a FIFO is read as a
/// stream) with the size limit and binary check of `batch`, and give it the
/// id `batch` would: its own, else [`file_id`].
pub fn read_article_file(path: &std::path::Path) -> Result<Article, ParseError> {
    let file = std::fs::File::open(path)?;
    let known = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
    let bytes = read_bounded(file, attache_parse::MAX_ARTICLE_BYTES, known)?;
    let name = path.file_name().and_then(|n| n.to_str());
    let mut article = read_article(name, &bytes)?;
    if article.id.is_none() {
        article.id = file_id(path);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_reads() {
        assert_eq!(read_bounded(&b"Talks resumed."[..], 100, None).unwrap(), b"Talks resumed.");
        let e = read_bounded(std::io::repeat(b'a'), 1000, None).unwrap_err();
        assert!(matches!(e, ParseError::TooLarge { size: 1001, limit: 1000 }), "{e}");
        let e = read_bounded(std::io::repeat(0), 1 << 30, None).unwrap_err();
        assert!(e.to_string().contains("binary data"), "{e}");
        let e = read_bounded(&b"x"[..], 10, Some(3_000_000_000)).unwrap_err();
        assert!(matches!(e, ParseError::TooLarge { size: 3_000_000_000, .. }));
    }

    #[test]
    fn file_ids_follow_batch() {
        use std::path::Path;
        assert_eq!(file_id(Path::new("dir/talks.txt")).as_deref(), Some("talks"));
        assert_eq!(file_id(Path::new("a.b.html.gz")).as_deref(), Some("a.b"));
        assert_eq!(file_id(Path::new("noext")).as_deref(), Some("noext"));
        assert_eq!(file_id(Path::new(".hidden")).as_deref(), Some(".hidden"));
    }
}
