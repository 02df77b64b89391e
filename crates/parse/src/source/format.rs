//! What an input holds: [`InputFormat`], decided in one place for every
//! caller (`brief`, `batch`, `daily`, `parse` and library users).
//!
//! The rules, in order (see [`InputFormat::detect`]):
//!
//! 1. gzip and Zstandard are undone first, recognised by their magic bytes
//!    whatever the input is called; everything below reads the decompressed
//!    bytes;
//! 2. content starting with `WARC/` is [`InputFormat::Warc`];
//! 3. a known file extension decides ([`InputFormat::from_name`]; `.gz`,
//!    `.zst` and `.zstd` are looked through);
//! 4. otherwise the first bytes decide ([`InputFormat::sniff`]).
//!
//! An explicit format given to [`Sources::from_reader`](crate::Sources::from_reader)
//! replaces steps 2–4.

use std::fmt;
use std::str::FromStr;

use crate::error::ParseError;
use crate::text::MAX_ARTICLE_BYTES;

/// The format of an input: how its bytes become records.
///
/// The size limits ([`InputFormat::limit`]) are the same whoever reads the
/// input: plain text, a JSON article and each JSON Lines line at most
/// [`MAX_ARTICLE_BYTES`] (4 MB), an HTML page at most
/// [`MAX_HTML_BYTES`](crate::MAX_HTML_BYTES) (16 MB), a WARC record at most
/// [`MAX_WARC_RECORD_BYTES`](crate::MAX_WARC_RECORD_BYTES) (32 MB), all
/// counted after decompression.
///
/// ```
/// use attache_parse::InputFormat;
///
/// assert_eq!(InputFormat::from_name("wire.jsonl.gz"), Some(InputFormat::JsonLines));
/// assert_eq!(InputFormat::from_name("notes"), None);
/// assert_eq!(InputFormat::sniff(b"<!DOCTYPE html><html>"), InputFormat::Html);
/// assert_eq!(InputFormat::sniff(b"{\n  \"text\": \"Envoys met.\"\n}"), InputFormat::Json);
/// assert_eq!(InputFormat::sniff(b"{\"text\": \"Envoys met.\"}\n"), InputFormat::JsonLines);
/// assert_eq!("html".parse::<InputFormat>()?, InputFormat::Html);
/// # Ok::<(), attache_parse::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Plain text or Markdown wire copy, one article (see [`read_text`](crate::read_text)).
    Text,
    /// One JSON article object, possibly over several lines (see [`read_json`](crate::read_json)).
    Json,
    /// JSON Lines: one JSON article object per line; blank lines are not records.
    JsonLines,
    /// One HTML page; its main content and metadata are extracted.
    Html,
    /// A WARC file: each HTML response record is one article.
    Warc,
}

impl InputFormat {
    /// Every format, in the order of their names in [`InputFormat::name`].
    pub const ALL: [InputFormat; 5] =
        [InputFormat::Text, InputFormat::Json, InputFormat::JsonLines, InputFormat::Html, InputFormat::Warc];

    /// The format a file name's extension names: `.txt`, `.md`, `.markdown`
    /// (text); `.json`; `.jsonl`, `.ndjson`; `.html`, `.htm`, `.xhtml`;
    /// `.warc`; case-insensitive, looking through a final `.gz`, `.zst` or
    /// `.zstd`. `None` for any other name.
    pub fn from_name(name: &str) -> Option<InputFormat> {
        let name = name.rsplit(['/', '\\']).next().unwrap_or(name).to_ascii_lowercase();
        let name = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".zst"))
            .or_else(|| name.strip_suffix(".zstd"))
            .unwrap_or(&name);
        let ext = name.rsplit_once('.').map(|(_, e)| e)?;
        Some(match ext {
            "jsonl" | "ndjson" => InputFormat::JsonLines,
            "json" => InputFormat::Json,
            "txt" | "md" | "markdown" => InputFormat::Text,
            "html" | "htm" | "xhtml" => InputFormat::Html,
            "warc" => InputFormat::Warc,
            _ => return None,
        })
    }

    /// The format the first bytes of a (decompressed) input suggest, for an
    /// input whose name says nothing. After a byte-order mark and white space:
    /// `WARC/` is WARC; `<!DOCTYPE html` or `<html` (any case) is HTML; `{`
    /// is JSON Lines when the first line holds a whole JSON value (or is not
    /// JSON at all: each line is then its own error record), and one JSON
    /// article when the first line is an unfinished JSON value (a
    /// pretty-printed object); anything else is text.
    ///
    /// `head` is what has been read of the input so far; a first line
    /// longer than `head` counts as JSON Lines.
    pub fn sniff(head: &[u8]) -> InputFormat {
        let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
        let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
        let head = &head[start..];
        if head.starts_with(b"WARC/") {
            return InputFormat::Warc;
        }
        if head.starts_with(b"{") {
            let Some(end) = memchr::memchr(b'\n', head) else { return InputFormat::JsonLines };
            return match serde_json::from_slice::<serde::de::IgnoredAny>(&head[..end]) {
                Err(e) if e.classify() == serde_json::error::Category::Eof => InputFormat::Json,
                _ => InputFormat::JsonLines,
            };
        }
        if looks_like_html(head) { InputFormat::Html } else { InputFormat::Text }
    }

    /// The format of an input named `name` (a path or file name, or `None`)
    /// whose decompressed content starts with `head`: rules 2–4 of the
    /// module documentation — WARC content, then the name, then
    /// [`InputFormat::sniff`].
    pub fn detect(name: Option<&str>, head: &[u8]) -> InputFormat {
        if head.starts_with(b"WARC/") {
            return InputFormat::Warc;
        }
        name.and_then(InputFormat::from_name).unwrap_or_else(|| InputFormat::sniff(head))
    }

    /// The largest record this format accepts, in decompressed bytes: a whole
    /// text, JSON or HTML input, one JSON Lines line, one WARC record.
    /// Larger records are [`ParseError::TooLarge`].
    pub fn limit(self) -> usize {
        match self {
            InputFormat::Text | InputFormat::Json | InputFormat::JsonLines => MAX_ARTICLE_BYTES,
            InputFormat::Html => html_limit(),
            InputFormat::Warc => warc_limit(),
        }
    }

    /// The format's short name, as [`FromStr`] reads it: `text`, `json`,
    /// `jsonl`, `html`, `warc`.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Json => "json",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Html => "html",
            InputFormat::Warc => "warc",
        }
    }

    /// Whether an input in this format holds one article (text, JSON, HTML)
    /// rather than a sequence of records (JSON Lines, WARC).
    pub fn is_single(self) -> bool {
        matches!(self, InputFormat::Text | InputFormat::Json | InputFormat::Html)
    }
}

impl fmt::Display for InputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for InputFormat {
    type Err = ParseError;

    /// A format by its [`name`](InputFormat::name) (any case; `txt`, `md`,
    /// `ndjson` and `htm` are accepted too).
    fn from_str(s: &str) -> Result<InputFormat, ParseError> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" | "markdown" => InputFormat::Text,
            "json" => InputFormat::Json,
            "jsonl" | "ndjson" | "json-lines" => InputFormat::JsonLines,
            "html" | "htm" => InputFormat::Html,
            "warc" => InputFormat::Warc,
            _ => {
                return Err(ParseError::Unsupported(format!(
                    "input format {s:?} (expected text, json, jsonl, html or warc)"
                )));
            }
        })
    }
}

fn looks_like_html(head: &[u8]) -> bool {
    let n = head.len().min(15);
    let lower = head[..n].to_ascii_lowercase();
    lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html")
}

#[cfg(feature = "html")]
fn html_limit() -> usize {
    crate::html::MAX_HTML_BYTES
}

#[cfg(not(feature = "html"))]
fn html_limit() -> usize {
    MAX_ARTICLE_BYTES
}

#[cfg(feature = "warc")]
fn warc_limit() -> usize {
    crate::warc::MAX_WARC_RECORD_BYTES
}

#[cfg(not(feature = "warc"))]
fn warc_limit() -> usize {
    MAX_ARTICLE_BYTES
}

/// Refuse input whose first 8 kB hold a NUL byte: binary data, not an article.
pub(crate) fn check_binary(bytes: &[u8]) -> Result<(), ParseError> {
    match memchr::memchr(0, &bytes[..bytes.len().min(8192)]) {
        Some(at) => {
            Err(ParseError::Unsupported(format!("binary data (a NUL byte at offset {at}), not an article")))
        }
        None => Ok(()),
    }
}

/// The compression the first bytes announce.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Compression {
    None,
    Gzip,
    Zstd,
}

impl Compression {
    pub(crate) fn of(head: &[u8]) -> Compression {
        if head.starts_with(&[0x1f, 0x8b]) {
            Compression::Gzip
        } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
            Compression::Zstd
        } else {
            Compression::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_decide_when_they_can() {
        assert_eq!(InputFormat::from_name("dir.v2/Page.HTM"), Some(InputFormat::Html));
        assert_eq!(InputFormat::from_name("a.b.json.zst"), Some(InputFormat::Json));
        assert_eq!(InputFormat::from_name("crawl.warc.gz"), Some(InputFormat::Warc));
        assert_eq!(InputFormat::from_name("notes.md"), Some(InputFormat::Text));
        assert_eq!(InputFormat::from_name("dir.v2/README"), None);
        assert_eq!(InputFormat::from_name("archive.gz"), None);
        assert_eq!(InputFormat::from_name("-"), None);
    }

    #[test]
    fn content_decides_otherwise() {
        assert_eq!(InputFormat::sniff(b""), InputFormat::Text);
        assert_eq!(InputFormat::sniff(b"\xef\xbb\xbf  <HTML lang=en>"), InputFormat::Html);
        assert_eq!(InputFormat::sniff(b"<p>a fragment</p>"), InputFormat::Text);
        assert_eq!(InputFormat::sniff(b"WARC/1.0\r\n"), InputFormat::Warc);
        assert_eq!(InputFormat::sniff(b"\n{\"id\":1,\"text\":\"a\"}\n{\"id\":2"), InputFormat::JsonLines);
        assert_eq!(InputFormat::sniff(b"{\"id\":1,\"text\":\"a\"}"), InputFormat::JsonLines);
        assert_eq!(InputFormat::sniff(b"{broken\n{\"text\":\"a\"}\n"), InputFormat::JsonLines);
        assert_eq!(InputFormat::sniff(b"{\n\"text\": \"a\"}\n"), InputFormat::Json);
        assert_eq!(InputFormat::sniff(b"{\"title\": \"Talks\",\n\"text\": \"a\"}"), InputFormat::Json);
        assert_eq!(InputFormat::sniff(b"Talks resume\n\nEnvoys met."), InputFormat::Text);
    }

    #[test]
    fn warc_content_beats_the_name() {
        assert_eq!(InputFormat::detect(Some("x.jsonl"), b"WARC/1.1\r\n"), InputFormat::Warc);
        assert_eq!(InputFormat::detect(Some("x.txt"), b"<html>"), InputFormat::Text);
        assert_eq!(InputFormat::detect(None, b"<html>"), InputFormat::Html);
    }

    #[test]
    fn names_round_trip_and_limits_follow_the_readers() {
        for f in InputFormat::ALL {
            assert_eq!(f.name().parse::<InputFormat>().unwrap(), f);
            assert_eq!(f.to_string(), f.name());
        }
        assert!("pdf".parse::<InputFormat>().is_err());
        assert_eq!(InputFormat::Text.limit(), MAX_ARTICLE_BYTES);
        #[cfg(feature = "html")]
        assert_eq!(InputFormat::Html.limit(), crate::MAX_HTML_BYTES);
        assert!(InputFormat::Html.is_single() && !InputFormat::Warc.is_single());
    }

    #[test]
    fn binary_heads_are_refused() {
        assert!(check_binary(b"text").is_ok());
        let e = check_binary(b"ab\0").unwrap_err();
        assert!(e.to_string().contains("NUL byte at offset 2"), "{e}");
        let mut late = vec![b'a'; 9000];
        late[8500] = 0;
        assert!(check_binary(&late).is_ok(), "only the first 8 kB are checked");
    }
}
