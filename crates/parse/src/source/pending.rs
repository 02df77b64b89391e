//! Records read but not decoded yet: [`Pending`], and decoding them.

use super::format::{InputFormat, check_binary};
use super::{InputRef, Record};
use crate::article::Article;
use crate::error::ParseError;
use crate::json::read_json;
use crate::text::read_text;

/// A record that has been read but not yet decoded.
///
/// Reading (file I/O, decompression, line and WARC framing) has to be
/// sequential; decoding (JSON, text layout, HTML extraction) does not.
/// [`Sources::next_pending`](crate::Sources::next_pending) hands out records
/// at this stage so a caller can decode them on several threads with
/// [`Pending::decode`]; iterating [`Sources`](crate::Sources) directly
/// decodes on the spot.
pub struct Pending {
    pub(super) input: InputRef,
    pub(super) work: Work,
}

pub(super) enum Work {
    Done(Result<Article, ParseError>),
    /// A JSON line over the size limit, with the id its head declared.
    TooLong(ParseError, Option<String>),
    JsonLine {
        bytes: Vec<u8>,
        line: u64,
    },
    /// A one-article input, with the id it gets when it declares none.
    Whole {
        bytes: Vec<u8>,
        format: InputFormat,
        stem: Option<String>,
    },
    #[cfg(feature = "warc")]
    Warc(crate::warc::RawWarc),
}

impl Pending {
    pub(super) fn done(input: InputRef, result: Result<Article, ParseError>) -> Pending {
        Pending { input, work: Work::Done(result) }
    }

    /// Where the record came from.
    pub fn input(&self) -> &InputRef {
        &self.input
    }

    /// Bytes the record holds before decoding (for memory accounting).
    pub fn size(&self) -> usize {
        match &self.work {
            Work::Done(Ok(a)) => a.blocks.iter().map(|b| b.text.len()).sum(),
            Work::Done(Err(_)) | Work::TooLong(..) => 0,
            Work::JsonLine { bytes, .. } | Work::Whole { bytes, .. } => bytes.len(),
            #[cfg(feature = "warc")]
            Work::Warc(w) => w.size(),
        }
    }

    /// Decode the record into an article (or the reason there is none).
    pub fn decode(self) -> Record {
        let Pending { input, work } = self;
        let mut declared_id = None;
        let result = match work {
            Work::Done(r) => r,
            Work::TooLong(e, id) => {
                declared_id = id;
                Err(e)
            }
            Work::JsonLine { bytes, line } => match std::str::from_utf8(&bytes) {
                Err(e) => Err(ParseError::InvalidUtf8 { offset: e.valid_up_to() }),
                Ok(text) => {
                    let result = read_json(text.strip_prefix('\u{feff}').unwrap_or(text)).map(|mut a| {
                        if a.id.is_none() {
                            a.id = Some(line.to_string());
                        }
                        a
                    });
                    if result.is_err() {
                        declared_id = crate::json::declared_id(text);
                    }
                    result
                }
            },
            Work::Whole { bytes, format, stem } => decode_whole(&bytes, format).map(|mut a| {
                if a.id.is_none() {
                    a.id = stem;
                }
                a
            }),
            #[cfg(feature = "warc")]
            Work::Warc(w) => w.into_record().result,
        };
        Record { input, result, declared_id }
    }
}

/// Decode a one-article input.
fn decode_whole(bytes: &[u8], format: InputFormat) -> Result<Article, ParseError> {
    check_binary(bytes)?;
    match format {
        InputFormat::Html => read_html_bytes(bytes),
        _ => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| ParseError::InvalidUtf8 { offset: e.valid_up_to() })?;
            if format == InputFormat::Json { read_json(text) } else { read_text(text) }
        }
    }
}

#[cfg(feature = "html")]
fn read_html_bytes(bytes: &[u8]) -> Result<Article, ParseError> {
    let html = crate::html::decode_html(bytes, None)?;
    crate::html::read_html(&html, None)
}

#[cfg(not(feature = "html"))]
fn read_html_bytes(_: &[u8]) -> Result<Article, ParseError> {
    Err(ParseError::Unsupported("HTML input (attache-parse was built without the `html` feature)".into()))
}
