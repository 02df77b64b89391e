use std::fmt;

/// What went wrong while reading an article.
///
/// Every variant names what is wrong in words a user can act on; the caller
/// adds *which* input it was (file name, line number, WARC record).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// The input held no article text at all (empty, or only white space).
    #[error("the article has no text")]
    Empty,
    /// The input is larger than the reader accepts.
    #[error("the article is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The bytes are not valid UTF-8.
    #[error("the input is not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A JSON article could not be decoded.
    #[error("invalid JSON article: {0}")]
    Json(#[from] serde_json::Error),
    /// A JSON article lacks a usable `text` field.
    #[error("the JSON article has no {0}")]
    MissingField(Field),
    /// The input is in a format this reader does not understand.
    #[error("unsupported input: {0}")]
    Unsupported(String),
    /// The bytes could not be read: a truncated or corrupt compressed stream,
    /// or an I/O failure part-way through a file.
    #[error("could not read the input: {0}")]
    Io(#[from] std::io::Error),
    /// One article was wanted ([`Sources::into_article`](crate::Sources::into_article))
    /// but the input holds no record at all.
    #[error("the input holds no article{}", if *skipped > 0 { format!(" ({skipped} records without one skipped)") } else { String::new() })]
    NoArticle {
        /// Records read that carry no article (WARC records other than HTML responses).
        skipped: u64,
    },
    /// One article was wanted ([`Sources::into_article`](crate::Sources::into_article))
    /// but the input holds several records (JSON Lines, a WARC file).
    #[error("the input holds more than one article")]
    SeveralArticles,
    /// A container record (WARC, HTTP) is malformed or truncated.
    #[error("malformed {format} record: {reason}")]
    Malformed {
        /// The container format, e.g. `"WARC"` or `"HTTP"`.
        format: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// A field of a JSON article, for [`ParseError::MissingField`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// The article body.
    Text,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Text => f.write_str("\"text\" field (it is required and must be a non-empty string)"),
        }
    }
}
