//! Reading one article from a file, a reader or bytes, whatever its format.
//!
//! Thin helpers over [`attache_parse::Sources`]: the format rules
//! ([`InputFormat`]) and size limits ([`InputFormat::limit`]) are the ones
//! `attache batch` applies, so `attache brief FILE` and `attache batch FILE`
//! read any file the same way.

use std::path::Path;

use attache_parse::{Article, ParseError};
pub use attache_parse::{InputFormat, Sources};

/// Read one article from bytes. `name` (a file name) guides format
/// detection and gives the article its id (the name's stem) when it
/// declares none; `None` reads by content alone and gives no id.
pub fn read_article(name: Option<&str>, bytes: &[u8]) -> Result<Article, ParseError> {
    read_article_from(name.unwrap_or("-"), std::io::Cursor::new(bytes.to_vec()), None)
}

/// Read the one article a reader holds: `name` as in
/// [`Sources::from_reader`], `format` to override detection.
pub fn read_article_from(
    name: &str,
    reader: impl std::io::Read + Send + 'static,
    format: Option<InputFormat>,
) -> Result<Article, ParseError> {
    Sources::from_reader(name, reader, format).into_article()
}

/// Read the one article of a file (or any readable path: a FIFO is read as a
/// stream) exactly as `batch` reads it — same formats, size limits, binary
/// check and id (its own, else the file name without extension).
pub fn read_article_file(path: &Path) -> Result<Article, ParseError> {
    match Sources::open(&[path]) {
        Ok(sources) => sources.into_article(),
        Err(attache_parse::SourceError::Unreadable { source, .. }) => Err(ParseError::Io(source)),
        Err(e) => Err(ParseError::Unsupported(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_read_by_name_then_content() {
        let page = b"<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article>\
            <p>Envoys met in Geneva on Monday and agreed to meet again next week.</p></article></body></html>";
        let a = read_article(Some("talks.html"), page).unwrap();
        assert_eq!((a.title.as_deref(), a.id.as_deref()), (Some("Talks resume"), Some("talks")));
        let a = read_article(None, page).unwrap();
        assert_eq!((a.title.as_deref(), a.id), (Some("Talks resume"), None));
        let saved = [&b"Saved page\n\n"[..], page].concat();
        let a = read_article(Some("talks.txt"), &saved).unwrap();
        assert!(a.blocks[0].text.starts_with("<!DOCTYPE"), "the name decides before the content");
    }

    #[test]
    fn one_article_only() {
        let two = b"{\"text\":\"Envoys met.\"}\n{\"text\":\"Talks resumed.\"}\n";
        assert!(matches!(read_article(None, two), Err(ParseError::SeveralArticles)));
        assert!(matches!(read_article(Some("wire.jsonl"), b"\n\n"), Err(ParseError::NoArticle { .. })));
        let e = read_article(None, &[0u8; 100]).unwrap_err();
        assert!(e.to_string().contains("binary data"), "{e}");
    }
}
