//! Opening one input stream: undo compression, decide the format, frame it
//! into [`Pending`] records.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::format::{Compression, InputFormat, check_binary};
use super::lines::JsonLines;
use super::pending::{Pending, Work};
use super::{InputRef, RecordIter};
use crate::error::ParseError;

/// Buffer size of every input reader.
const BUF: usize = 1 << 16;

/// Counts the raw (possibly compressed) bytes read from an input, for progress.
pub(super) struct Counting<R> {
    pub(super) inner: R,
    pub(super) count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// A reader whose first bytes have been read ahead (to sniff them) and are
/// served again before the rest.
struct Head<R> {
    head: Vec<u8>,
    pos: usize,
    error: Option<io::Error>,
    inner: R,
}

impl<R: Read> Head<R> {
    /// Read ahead until the head holds a line of content (after leading
    /// white space) and at least 8 bytes, or [`BUF`] bytes, or the input
    /// ends. One read usually does it: a regular file fills the first 8 kB
    /// at once; a pipe is not waited on past its first line, so a stream is
    /// briefed as it comes. An error after the first bytes is kept and
    /// returned where it happened, after the head, so that the framing
    /// reports it at the right line (and can go on after a gzip resync).
    fn new(mut inner: R) -> io::Result<Head<R>> {
        let mut head = Vec::new();
        let mut filled = 0;
        let mut error = None;
        while filled < BUF {
            // 8 kB first (the binary check's window; most first lines), then more.
            let want = if filled == 0 { 8192 } else { filled.max(8192).min(BUF - filled) };
            head.resize(filled + want, 0);
            match inner.read(&mut head[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if filled == 0 => return Err(e),
                Err(e) => {
                    error = Some(e);
                    break;
                }
            }
            let got = &head[..filled];
            let content = got.iter().position(|b| !b.is_ascii_whitespace());
            if filled >= 8 && content.is_some_and(|at| memchr::memchr(b'\n', &got[at..]).is_some()) {
                break;
            }
        }
        head.truncate(filled);
        Ok(Head { head, pos: 0, error, inner })
    }

    fn head(&self) -> &[u8] {
        &self.head
    }
}

impl<R: Read> Read for Head<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos < self.head.len() {
            let n = buf.len().min(self.head.len() - self.pos);
            buf[..n].copy_from_slice(&self.head[self.pos..self.pos + n]);
            self.pos += n;
            if self.pos == self.head.len() {
                self.head = Vec::new();
                self.pos = 0;
            }
            return Ok(n);
        }
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.inner.read(buf)
    }
}

/// One input to open: its name, bytes, and what is known about it.
pub(super) struct Stream {
    /// The name records report (`InputRef::file`).
    pub(super) name: String,
    /// The name whose extension may decide the format (`None`: content only).
    pub(super) format_name: Option<String>,
    /// The id of a one-article input that declares none.
    pub(super) stem: Option<String>,
    /// A format that overrides detection.
    pub(super) format: Option<InputFormat>,
    /// The stored size, for a regular file (over the limit: refused unread).
    pub(super) known_size: Option<u64>,
}

/// An input opened: decompressed, its format decided.
struct Opened {
    format: InputFormat,
    /// Whether compression was undone (the stored size then says nothing).
    compressed: bool,
    /// The binary check of the decompressed head.
    head_ok: Result<(), ParseError>,
    reader: Box<dyn BufRead + Send>,
}

impl Stream {
    /// Open the stream and frame its records.
    pub(super) fn records(
        self,
        raw: Box<dyn Read + Send>,
        count: Arc<AtomicU64>,
        skipped: Arc<AtomicU64>,
    ) -> RecordIter {
        match self.open(raw, count) {
            Ok(opened) => self.frame(opened, skipped),
            Err(e) => self.fail(e),
        }
    }

    fn fail(&self, e: ParseError) -> RecordIter {
        Box::new(std::iter::once(Pending::done(self.whole(), Err(e))))
    }

    fn whole(&self) -> InputRef {
        InputRef { file: self.name.clone(), line: None, record: None }
    }

    /// Undo compression and decide the format.
    fn open(&self, raw: Box<dyn Read + Send>, count: Arc<AtomicU64>) -> Result<Opened, ParseError> {
        let raw = Head::new(Counting { inner: raw, count })?;
        let decoded = match Compression::of(raw.head()) {
            Compression::None => {
                let head_ok = check_binary(raw.head());
                let format = self.format_of(raw.head());
                let reader = Box::new(BufReader::with_capacity(BUF, raw));
                return Ok(Opened { format, compressed: false, head_ok, reader });
            }
            Compression::Gzip => Head::new(gzip(BufReader::with_capacity(BUF, raw))?)?,
            Compression::Zstd => Head::new(zstd(BufReader::with_capacity(BUF, raw))?)?,
        };
        let head_ok = check_binary(decoded.head());
        let format = self.format_of(decoded.head());
        let reader = Box::new(BufReader::with_capacity(BUF, decoded));
        Ok(Opened { format, compressed: true, head_ok, reader })
    }

    fn format_of(&self, head: &[u8]) -> InputFormat {
        self.format.unwrap_or_else(|| InputFormat::detect(self.format_name.as_deref(), head))
    }

    fn frame(self, opened: Opened, skipped: Arc<AtomicU64>) -> RecordIter {
        let Opened { format, compressed, head_ok, reader } = opened;
        match format {
            InputFormat::JsonLines => {
                if let Err(e) = head_ok {
                    return self.fail(e);
                }
                Box::new(JsonLines::new(self.name, reader))
            }
            InputFormat::Warc => warc_records(self.name, reader, skipped),
            InputFormat::Json | InputFormat::Text | InputFormat::Html => {
                let limit = format.limit();
                if let Some(size) = self.known_size.filter(|&s| !compressed && s > limit as u64) {
                    return self.fail(ParseError::TooLarge { size: size as usize, limit });
                }
                if let Err(e) = head_ok {
                    return self.fail(e);
                }
                let work = match read_whole(reader, limit) {
                    Ok(bytes) => Work::Whole { bytes, format, stem: self.stem.clone() },
                    Err(e) => Work::Done(Err(e)),
                };
                Box::new(std::iter::once(Pending { input: self.whole(), work }))
            }
        }
    }
}

/// Read a one-article input, refusing more than `limit` bytes.
fn read_whole(reader: Box<dyn BufRead + Send>, limit: usize) -> Result<Vec<u8>, ParseError> {
    let mut bytes = Vec::new();
    let n = reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if n > limit {
        return Err(ParseError::TooLarge { size: n, limit });
    }
    Ok(bytes)
}

type Raw = BufReader<Head<Counting<Box<dyn Read + Send>>>>;

#[cfg(feature = "compression")]
fn gzip(raw: Raw) -> Result<Box<dyn Read + Send>, ParseError> {
    Ok(Box::new(crate::gz::GzMembers::new(raw)))
}

#[cfg(feature = "compression")]
fn zstd(raw: Raw) -> Result<Box<dyn Read + Send>, ParseError> {
    Ok(Box::new(zstd::stream::read::Decoder::with_buffer(raw)?))
}

#[cfg(not(feature = "compression"))]
fn gzip(_: Raw) -> Result<Box<dyn Read + Send>, ParseError> {
    Err(ParseError::Unsupported(
        "gzip input (attache-parse was built without the `compression` feature)".into(),
    ))
}

#[cfg(not(feature = "compression"))]
fn zstd(_: Raw) -> Result<Box<dyn Read + Send>, ParseError> {
    Err(ParseError::Unsupported(
        "Zstandard input (attache-parse was built without the `compression` feature)".into(),
    ))
}

#[cfg(feature = "warc")]
fn warc_records(name: String, reader: Box<dyn BufRead + Send>, skipped: Arc<AtomicU64>) -> RecordIter {
    let mut warc = crate::warc::WarcReader::new(reader);
    let mut seen = 0;
    Box::new(std::iter::from_fn(move || {
        let r = warc.next_raw();
        let now = warc.skipped();
        skipped.fetch_add(now - seen, Ordering::Relaxed);
        seen = now;
        let r = r?;
        Some(Pending {
            input: InputRef { file: name.clone(), line: None, record: Some(r.record) },
            work: Work::Warc(r),
        })
    }))
}

#[cfg(not(feature = "warc"))]
fn warc_records(name: String, _: Box<dyn BufRead + Send>, _: Arc<AtomicU64>) -> RecordIter {
    Box::new(std::iter::once(Pending::done(
        InputRef { file: name, line: None, record: None },
        Err(ParseError::Unsupported(
            "WARC input (attache-parse was built without the `warc` feature)".into(),
        )),
    )))
}
