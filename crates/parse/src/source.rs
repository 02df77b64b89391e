//! Streaming input: turn paths into a sequence of articles or errors.
//!
//! [`Sources`] reads every kind of input the readers understand, one record
//! at a time, in a deterministic order, with bounded memory:
//!
//! - JSON Lines (plain, gzip or Zstandard; detected by magic bytes), one
//!   article object per line; blank lines are not records;
//! - directories, walked recursively in name order, taking `.txt`, `.md`,
//!   `.html`/`.htm`, `.json`, `.jsonl`/`.ndjson` and `.warc` files (each
//!   optionally `.gz` or `.zst`);
//! - WARC files (HTTP responses with HTML bodies, see [`WarcReader`](crate::WarcReader));
//! - `-`: JSON Lines on standard input.
//!
//! Every record read yields exactly one [`Record`]: the article, or the
//! [`ParseError`] that says why there is none. Invalid UTF-8, a broken JSON
//! line, a truncated compressed stream or binary junk each give one error
//! record; nothing panics and nothing is dropped silently.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use crate::article::Article;
use crate::error::ParseError;
use crate::json::read_json;
use crate::text::{MAX_ARTICLE_BYTES, read_text};

/// Where a record came from: the file and, inside it, the line or record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct InputRef {
    /// The input path as given (directories joined with the file's path),
    /// or `-` for standard input.
    pub file: String,
    /// 1-based line number, for JSON Lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// 1-based record number, for WARC files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
}

impl fmt::Display for InputRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let Some(r) = self.record {
            write!(f, " record {r}")?;
        }
        Ok(())
    }
}

/// One record read from the inputs.
#[derive(Debug)]
#[non_exhaustive]
pub struct Record {
    /// Where it came from.
    pub input: InputRef,
    /// The article, with its `id` filled in (see [`Sources`]), or the reason
    /// there is none.
    pub result: Result<Article, ParseError>,
    /// The id the input declared even when it could not be read as an
    /// article (a JSON line with an `id` but no `text`), so that an error
    /// record still names it; `None` when there is none or the record was read.
    pub declared_id: Option<String>,
}

/// An input that cannot be read at all (missing, unreadable directory).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// A path could not be opened or listed.
    #[error("cannot read input {path}")]
    Unreadable {
        /// The path.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

/// What a file holds, decided by its name (and, for WARC, its first bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    JsonLines,
    Json,
    Text,
    Html,
    Warc,
}

fn kind_by_name(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .or_else(|| name.strip_suffix(".zstd"))
        .unwrap_or(&name);
    let ext = name.rsplit_once('.').map(|(_, e)| e)?;
    Some(match ext {
        "jsonl" | "ndjson" => Kind::JsonLines,
        "json" => Kind::Json,
        "txt" | "md" | "markdown" => Kind::Text,
        "html" | "htm" | "xhtml" => Kind::Html,
        "warc" => Kind::Warc,
        _ => return None,
    })
}

enum Input {
    Stdin,
    File(PathBuf),
}

type RecordIter = Box<dyn Iterator<Item = Pending> + Send>;

/// A record that has been read but not yet decoded.
///
/// Reading (file I/O, decompression, line and WARC framing) has to be
/// sequential; decoding (JSON, text layout, HTML extraction) does not.
/// [`Sources::next_pending`] hands out records at this stage so a caller can
/// decode them on several threads with [`Pending::decode`]; iterating
/// [`Sources`] directly decodes on the spot.
pub struct Pending {
    input: InputRef,
    work: Work,
}

enum Work {
    Done(Result<Article, ParseError>),
    /// A JSON line over the size limit, with the id its head declared.
    TooLong(ParseError, Option<String>),
    JsonLine {
        bytes: Vec<u8>,
        line: u64,
    },
    Whole {
        bytes: Vec<u8>,
        kind: Kind,
        stem: String,
    },
    #[cfg(feature = "warc")]
    Warc(crate::warc::RawWarc),
}

impl Pending {
    fn done(input: InputRef, result: Result<Article, ParseError>) -> Pending {
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
            Work::Whole { bytes, kind, stem } => decode_whole(&bytes, kind).map(|mut a| {
                if a.id.is_none() {
                    a.id = Some(stem);
                }
                a
            }),
            #[cfg(feature = "warc")]
            Work::Warc(w) => w.into_record().result,
        };
        Record { input, result, declared_id }
    }
}

/// The records of a list of inputs, in order.
///
/// IDs: a JSON article keeps its `id`, else gets its line number (JSON Lines)
/// or file stem (a `.json` file); text and HTML files get their file stem
/// unless they declare an id; WARC records get their `WARC-Record-ID`.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("wire.jsonl");
/// std::fs::write(&path, "{\"id\":\"a1\",\"text\":\"Envoys met in Geneva.\"}\n{\"title\":\"no text\"}\n")?;
/// let records: Vec<_> = attache_parse::Sources::open(&[&path])?.collect();
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[0].result.as_ref().unwrap().id.as_deref(), Some("a1"));
/// assert_eq!(records[1].input.line, Some(2));
/// assert!(records[1].result.is_err());
/// # Ok(()) }
/// ```
pub struct Sources {
    queue: VecDeque<Input>,
    current: Option<RecordIter>,
    skipped: Arc<AtomicU64>,
    consumed: Arc<AtomicU64>,
    total: Option<u64>,
}

/// Counts the raw (possibly compressed) bytes read from a file, for progress.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl Sources {
    /// Check and list the inputs. `-` means JSON Lines on standard input.
    /// Directories are walked now (file names only, sorted); files are
    /// opened lazily while iterating.
    pub fn open<P: AsRef<Path>>(inputs: &[P]) -> Result<Sources, SourceError> {
        let mut queue = VecDeque::new();
        let mut total = Some(0u64);
        for p in inputs {
            let p = p.as_ref();
            if p == Path::new("-") {
                queue.push_back(Input::Stdin);
                total = None;
                continue;
            }
            let meta = std::fs::metadata(p)
                .map_err(|e| SourceError::Unreadable { path: p.to_path_buf(), source: e })?;
            if meta.is_dir() {
                let mut files = Vec::new();
                walk(p, &mut files)?;
                queue.extend(files.into_iter().map(Input::File));
            } else {
                // A FIFO or device named on the command line is read as a
                // stream when its turn comes; opening one now would block
                // until a writer appears (and then drop it).
                if meta.is_file() {
                    File::open(p)
                        .map_err(|e| SourceError::Unreadable { path: p.to_path_buf(), source: e })?;
                }
                queue.push_back(Input::File(p.to_path_buf()));
            }
        }
        for input in &queue {
            if let (Some(t), Input::File(p)) = (total.as_mut(), input) {
                *t += std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            }
        }
        Ok(Sources { queue, current: None, skipped: Default::default(), consumed: Default::default(), total })
    }

    /// Total size in bytes of the input files as stored (compressed or not),
    /// or `None` when standard input is among them.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }

    /// Bytes of the input files read so far, as stored; with
    /// [`total_bytes`](Sources::total_bytes) this gives progress.
    pub fn bytes_read(&self) -> u64 {
        self.consumed.load(Ordering::Relaxed)
    }

    /// A shared counter that follows [`bytes_read`](Sources::bytes_read),
    /// for another thread to watch progress.
    pub fn bytes_read_counter(&self) -> Arc<AtomicU64> {
        self.consumed.clone()
    }

    /// Records read that carry no article and are not errors either: WARC
    /// records other than HTML responses (`warcinfo`, `request`, images…).
    pub fn skipped(&self) -> u64 {
        self.skipped.load(Ordering::Relaxed)
    }

    /// A shared counter that follows [`skipped`](Sources::skipped).
    pub fn skipped_counter(&self) -> Arc<AtomicU64> {
        self.skipped.clone()
    }

    fn start(&mut self, input: Input) -> RecordIter {
        match input {
            Input::Stdin => {
                Box::new(JsonLines::new("-".into(), Box::new(BufReader::with_capacity(1 << 16, io::stdin()))))
            }
            Input::File(path) => {
                let name = path.to_string_lossy().into_owned();
                match open_file(&path, self.consumed.clone()) {
                    Ok((mut reader, warc_magic)) => {
                        let kind = if warc_magic {
                            Kind::Warc
                        } else {
                            kind_by_name(&path).unwrap_or(Kind::JsonLines)
                        };
                        if kind == Kind::JsonLines
                            && let Err(e) = reader.fill_buf().map_err(ParseError::from).and_then(check_binary)
                        {
                            return Box::new(std::iter::once(Pending::done(whole(&name), Err(e))));
                        }
                        self.file_records(name, &path, kind, reader)
                    }
                    Err(e) => Box::new(std::iter::once(Pending::done(whole(&name), Err(e)))),
                }
            }
        }
    }

    fn file_records(
        &mut self,
        name: String,
        path: &Path,
        kind: Kind,
        reader: Box<dyn BufRead + Send>,
    ) -> RecordIter {
        let stem = file_stem(path);
        match kind {
            Kind::JsonLines => Box::new(JsonLines::new(name, reader)),
            Kind::Warc => warc_records(name, reader, self.skipped.clone()),
            Kind::Json | Kind::Text | Kind::Html => {
                let work = match read_whole(reader, kind) {
                    Ok(bytes) => Work::Whole { bytes, kind, stem },
                    Err(e) => Work::Done(Err(e)),
                };
                Box::new(std::iter::once(Pending { input: whole(&name), work }))
            }
        }
    }
}

impl Sources {
    /// The next record, read but not decoded (see [`Pending`]).
    pub fn next_pending(&mut self) -> Option<Pending> {
        loop {
            if let Some(it) = &mut self.current
                && let Some(r) = it.next()
            {
                return Some(r);
            }
            let input = self.queue.pop_front()?;
            self.current = Some(self.start(input));
        }
    }
}

impl Iterator for Sources {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.next_pending().map(Pending::decode)
    }
}

fn whole(name: &str) -> InputRef {
    InputRef { file: name.to_string(), line: None, record: None }
}

fn file_stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut stem = name.as_str();
    for suffix in [".gz", ".zst", ".zstd"] {
        stem = stem.strip_suffix(suffix).unwrap_or(stem);
    }
    stem.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(stem).to_string()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    let unreadable = |e| SourceError::Unreadable { path: dir.to_path_buf(), source: e };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(unreadable)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    entries.sort();
    for p in entries {
        // Symbolic links to directories are not followed (no loops); links
        // to files are read like files.
        let linked = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() {
            if !linked {
                walk(&p, out)?;
            }
        } else if kind_by_name(&p).is_some() {
            // Only regular files (or links to them): a FIFO would block the
            // run forever, a device could be endless.
            if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                out.push(p);
            } else {
                eprintln!("attache: skipping {}: not a regular file", p.display());
            }
        }
    }
    Ok(())
}

/// Open a file, undo gzip/Zstandard compression (by magic bytes), and say
/// whether the content starts like a WARC file.
fn open_file(path: &Path, count: Arc<AtomicU64>) -> Result<(Box<dyn BufRead + Send>, bool), ParseError> {
    let mut raw = BufReader::with_capacity(1 << 16, Counting { inner: File::open(path)?, count });
    let head = raw.fill_buf()?;
    let (is_gzip, is_zstd) = (head.starts_with(&[0x1f, 0x8b]), head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]));
    let reader: Box<dyn BufRead + Send> = if is_gzip {
        gzip(raw)?
    } else if is_zstd {
        zstd(raw)?
    } else {
        Box::new(raw)
    };
    let mut reader = reader;
    let head = reader.fill_buf()?;
    let warc = head.starts_with(b"WARC/");
    Ok((reader, warc))
}

#[cfg(feature = "compression")]
fn gzip(raw: BufReader<Counting<File>>) -> Result<Box<dyn BufRead + Send>, ParseError> {
    Ok(Box::new(BufReader::with_capacity(1 << 16, crate::gz::GzMembers::new(raw))))
}

#[cfg(feature = "compression")]
fn zstd(raw: BufReader<Counting<File>>) -> Result<Box<dyn BufRead + Send>, ParseError> {
    Ok(Box::new(BufReader::with_capacity(1 << 16, zstd::stream::read::Decoder::with_buffer(raw)?)))
}

#[cfg(not(feature = "compression"))]
fn gzip(_: BufReader<Counting<File>>) -> Result<Box<dyn BufRead + Send>, ParseError> {
    Err(ParseError::Unsupported(
        "gzip input (attache-parse was built without the `compression` feature)".into(),
    ))
}

#[cfg(not(feature = "compression"))]
fn zstd(_: BufReader<Counting<File>>) -> Result<Box<dyn BufRead + Send>, ParseError> {
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
        whole(&name),
        Err(ParseError::Unsupported(
            "WARC input (attache-parse was built without the `warc` feature)".into(),
        )),
    )))
}

fn check_binary(bytes: &[u8]) -> Result<(), ParseError> {
    match memchr::memchr(0, &bytes[..bytes.len().min(8192)]) {
        Some(at) => {
            Err(ParseError::Unsupported(format!("binary data (a NUL byte at offset {at}), not an article")))
        }
        None => Ok(()),
    }
}

/// Read a one-article file, refusing more than its kind's size limit.
fn read_whole(reader: Box<dyn BufRead + Send>, kind: Kind) -> Result<Vec<u8>, ParseError> {
    let limit = match kind {
        Kind::Html => html_limit(),
        _ => MAX_ARTICLE_BYTES,
    };
    let mut bytes = Vec::new();
    let n = reader.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if n > limit {
        return Err(ParseError::TooLarge { size: n, limit });
    }
    Ok(bytes)
}

/// Decode a one-article file.
fn decode_whole(bytes: &[u8], kind: Kind) -> Result<Article, ParseError> {
    check_binary(bytes)?;
    match kind {
        Kind::Html => read_html_bytes(bytes),
        _ => {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| ParseError::InvalidUtf8 { offset: e.valid_up_to() })?;
            if kind == Kind::Json { read_json(text) } else { read_text(text) }
        }
    }
}

#[cfg(feature = "html")]
fn html_limit() -> usize {
    crate::html::MAX_HTML_BYTES
}

#[cfg(not(feature = "html"))]
fn html_limit() -> usize {
    MAX_ARTICLE_BYTES
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

/// JSON Lines, one article per non-blank line, lines bounded in size.
struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    fn new(name: String, reader: Box<dyn BufRead + Send>) -> Self {
        JsonLines { name, reader, line: 0, buf: Vec::new(), done: false }
    }

    fn at(&self) -> InputRef {
        InputRef { file: self.name.clone(), line: Some(self.line), record: None }
    }

    /// Read the next line into `buf`, keeping at most `limit` bytes; returns
    /// the line's full length, or `None` at the end.
    fn read_line(&mut self, limit: usize) -> io::Result<Option<usize>> {
        self.buf.clear();
        let mut total = 0usize;
        loop {
            let avail = match self.reader.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok((total > 0).then_some(total));
            }
            let (take, found) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            let room = (limit + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&avail[..take.min(room)]);
            total += take;
            self.reader.consume(take);
            if found {
                return Ok(Some(total));
            }
        }
    }
}

impl Iterator for JsonLines {
    type Item = Pending;

    fn next(&mut self) -> Option<Pending> {
        loop {
            if self.done {
                return None;
            }
            self.line += 1;
            let len = match self.read_line(MAX_ARTICLE_BYTES) {
                Ok(Some(len)) => len,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    // A truncated or corrupt stream: nothing after this can be
                    // read, unless a later gzip member could be found.
                    self.done = !crate::gz::resynced(&e);
                    return Some(Pending::done(self.at(), Err(e.into())));
                }
            };
            let content = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            let content = content.strip_suffix(b"\r").unwrap_or(content);
            if content.iter().all(u8::is_ascii_whitespace) && len <= MAX_ARTICLE_BYTES {
                continue;
            }
            if len > MAX_ARTICLE_BYTES {
                let e = ParseError::TooLarge { size: len, limit: MAX_ARTICLE_BYTES };
                let id = crate::json::leading_id(&self.buf);
                return Some(Pending { input: self.at(), work: Work::TooLong(e, id) });
            }
            let end = content.len();
            let mut bytes = std::mem::take(&mut self.buf);
            bytes.truncate(end);
            return Some(Pending { input: self.at(), work: Work::JsonLine { bytes, line: self.line } });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r#"{"id":"w1","title":"Talks resume","text":"Envoys met in Geneva on Monday.\nThey agreed to meet again."}"#;

    fn collect(paths: &[&Path]) -> Vec<Record> {
        Sources::open(paths).unwrap().collect()
    }

    #[test]
    fn json_lines_with_hostile_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        let mut data = Vec::new();
        data.extend_from_slice(ARTICLE.as_bytes());
        data.extend_from_slice(b"\n\n{\"text\": \"Second article without id.\"}\n{broken\n");
        data.extend_from_slice(b"{\"text\":\"bad \xff\xfe utf8\"}\n{\"id\":\"empty\",\"text\":\"\"}\n");
        data.extend_from_slice(format!("{{\"text\":\"{}\"}}\n", "word ".repeat(1_000_000)).as_bytes());
        data.extend_from_slice(b"{\"id\":\"last\",\"text\":\"Final line, no newline.\"}");
        std::fs::write(&p, &data).unwrap();
        let r = collect(&[&p]);
        let lines: Vec<u64> = r.iter().map(|r| r.input.line.unwrap()).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6, 7, 8]);
        assert_eq!(r[0].result.as_ref().unwrap().id.as_deref(), Some("w1"));
        assert_eq!(r[1].result.as_ref().unwrap().id.as_deref(), Some("3"));
        assert!(matches!(r[2].result, Err(ParseError::Json(_))));
        assert!(matches!(r[3].result, Err(ParseError::InvalidUtf8 { offset: 13 })));
        assert!(matches!(r[4].result, Err(ParseError::MissingField(_))));
        assert!(matches!(r[5].result, Err(ParseError::TooLarge { size: 5_000_012, .. })));
        assert_eq!(r[5].declared_id, None);
        let big = dir.path().join("big.jsonl");
        std::fs::write(&big, format!("{{\"id\": 42, \"text\":\"{}\"}}\n", "word ".repeat(1_000_000)))
            .unwrap();
        let rb = collect(&[&big]);
        assert!(matches!(rb[0].result, Err(ParseError::TooLarge { .. })));
        assert_eq!(rb[0].declared_id.as_deref(), Some("42"), "an oversized line still names its id");
        assert_eq!(r[6].result.as_ref().unwrap().id.as_deref(), Some("last"));
    }

    #[cfg(feature = "compression")]
    #[test]
    fn gzip_zstd_and_truncation() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let body: String = (0..200)
            .map(|i| format!("{{\"id\":\"n{i}\",\"text\":\"Story number {i} about the summit.\"}}\n"))
            .collect();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(body.as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let p = dir.path().join("a.jsonl.gz");
        std::fs::write(&p, &gz).unwrap();
        let z = dir.path().join("b.data");
        std::fs::write(&z, zstd::encode_all(body.as_bytes(), 3).unwrap()).unwrap();
        let cut = dir.path().join("c.jsonl.gz");
        std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
        let r = collect(&[&p, &z]);
        assert_eq!(r.len(), 400);
        assert!(r.iter().all(|r| r.result.is_ok()));
        assert_eq!(r[399].result.as_ref().unwrap().id.as_deref(), Some("n199"));
        let r = collect(&[&cut]);
        let (ok, err): (Vec<_>, Vec<_>) = r.iter().partition(|r| r.result.is_ok());
        assert!(!ok.is_empty() && ok.len() < 200);
        assert_eq!(err.len(), 1);
        assert!(matches!(err[0].result, Err(ParseError::Io(_)) | Err(ParseError::Json(_))));
    }

    #[test]
    fn directories_in_name_order_with_ids_from_files() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(
            dir.path().join("b.txt"),
            "Summit ends\n\nLeaders left Rome on Sunday. The communique was short.",
        )
        .unwrap();
        std::fs::write(dir.path().join("a.json"), r#"{"text":"Sanctions were extended."}"#).unwrap();
        std::fs::write(dir.path().join("notes.png"), b"\x89PNG").unwrap();
        std::fs::write(sub.join("c.md"), "# Vote delayed\n\nThe assembly delayed the vote.").unwrap();
        std::fs::write(sub.join("junk.txt"), b"\x00\x01\x02binary").unwrap();
        let junk = dir.path().join("junk.bin");
        std::fs::write(&junk, b"\x00\x01\n\n\x02\n\x03\xff\n").unwrap();
        let r = collect(&[&junk]);
        assert_eq!(r.len(), 1, "binary junk is one error");
        assert!(r[0].result.is_err());
        let r = collect(&[dir.path()]);
        let ids: Vec<String> = r
            .iter()
            .map(|r| {
                r.result.as_ref().map(|a| a.id.clone().unwrap()).unwrap_or_else(|e| format!("error: {e}"))
            })
            .collect();
        assert_eq!(ids[..3], ["a", "b", "c"]);
        assert!(ids[3].starts_with("error: unsupported input: binary data"), "{ids:?}");
        assert_eq!(r.len(), 4);
        assert!(r[3].input.file.ends_with("junk.txt"));
    }

    #[cfg(unix)]
    #[test]
    fn directory_symlink_loops_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.json"), r#"{"text":"Envoys met in Geneva."}"#).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
        let r = collect(&[dir.path()]);
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn pending_records_decode_to_the_same_records_on_any_thread() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.jsonl");
        std::fs::write(&p, format!("{ARTICLE}\n{{bad\n{{\"text\":\"No id here.\"}}\n")).unwrap();
        let direct: Vec<String> =
            collect(&[&p]).into_iter().map(|r| format!("{:?} {:?}", r.input, r.result)).collect();
        let mut sources = Sources::open(&[&p]).unwrap();
        let mut pending = Vec::new();
        while let Some(r) = sources.next_pending() {
            assert!(r.size() > 0);
            pending.push(r);
        }
        assert_eq!(pending[1].input().line, Some(2));
        let decoded: Vec<String> = std::thread::spawn(move || {
            pending.into_iter().map(|p| p.decode()).map(|r| format!("{:?} {:?}", r.input, r.result)).collect()
        })
        .join()
        .unwrap();
        assert_eq!(decoded, direct);
        assert!(direct[2].contains("Some(\"3\")"), "{}", direct[2]);
    }

    #[cfg(unix)]
    #[test]
    fn fifos_in_folders_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.json"), r#"{"text":"Envoys met in Geneva."}"#).unwrap();
        let fifo = dir.path().join("b.jsonl");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        std::fs::write(dir.path().join("c.txt"), "Talks\n\nThe talks resumed on Monday.").unwrap();
        let r = collect(&[dir.path()]);
        let files: Vec<&str> = r.iter().map(|r| r.input.file.rsplit('/').next().unwrap()).collect();
        assert_eq!(files, ["a.json", "c.txt"]);
        assert!(r.iter().all(|r| r.result.is_ok()));
    }

    #[test]
    fn missing_input_is_fatal() {
        assert!(matches!(Sources::open(&["/nonexistent/x.jsonl"]), Err(SourceError::Unreadable { .. })));
    }

    #[test]
    fn input_ref_serialises_without_empty_fields() {
        let r = InputRef { file: "a.warc".into(), line: None, record: Some(3) };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"file":"a.warc","record":3}"#);
        assert_eq!(r.to_string(), "a.warc record 3");
    }
}
