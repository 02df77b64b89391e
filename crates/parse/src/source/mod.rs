//! Streaming input: turn paths or readers into a sequence of articles or errors.
//!
//! [`Sources`] reads every kind of input the readers understand, one record
//! at a time, in a deterministic order, with bounded memory:
//!
//! - JSON Lines (plain, gzip or Zstandard; detected by magic bytes), one
//!   article object per line; blank lines are not records;
//! - one-article files: text or Markdown, a JSON article, an HTML page;
//! - directories, walked recursively in name order, taking `.txt`, `.md`,
//!   `.html`/`.htm`, `.json`, `.jsonl`/`.ndjson` and `.warc` files (each
//!   optionally `.gz` or `.zst`);
//! - WARC files (HTTP responses with HTML bodies, see [`WarcReader`](crate::WarcReader));
//! - `-` (standard input) or any reader ([`Sources::from_reader`]).
//!
//! Every input's format is decided by the same rules, [`InputFormat`]'s, and
//! read with the same size limits ([`InputFormat::limit`]), whoever reads it.
//!
//! Every record read yields exactly one [`Record`]: the article, or the
//! [`ParseError`] that says why there is none. Invalid UTF-8, a broken JSON
//! line, a truncated compressed stream or binary junk each give one error
//! record; nothing panics and nothing is dropped silently.
//!
//! The module's parts: `format` (what an input holds), `stream` (opening
//! one input: decompression, read-ahead, framing), `lines` (JSON Lines),
//! `pending` (records read but not decoded), `walk` (directories and ids).

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

use crate::article::Article;
use crate::error::ParseError;

mod format;
mod lines;
mod pending;
mod stream;
mod walk;

pub use format::InputFormat;
pub use lines::read_bounded_line;
pub use pending::Pending;
use stream::Stream;

/// Where a record came from: the file and, inside it, the line or record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct InputRef {
    /// The input path as given (directories joined with the file's path),
    /// `-` for standard input, or the name given to [`Sources::from_reader`].
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

enum Input {
    Stdin,
    File(PathBuf),
    Reader(String, Box<dyn Read + Send>),
}

type RecordIter = Box<dyn Iterator<Item = Pending> + Send>;

/// The records of a list of inputs, in order.
///
/// Formats: see [`InputFormat`] — compression by magic bytes, `WARC/`
/// content, then the file extension, then the first bytes.
///
/// IDs: a JSON article keeps its `id`, else gets its line number (JSON Lines)
/// or file stem (a `.json` file); text and HTML files get their file stem
/// unless they declare an id; WARC records get their `WARC-Record-ID`. A
/// one-article input on standard input (or a reader named `-`) gets no id.
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
    format: Option<InputFormat>,
    skipped: Arc<AtomicU64>,
    consumed: Arc<AtomicU64>,
    total: Option<u64>,
}

impl Sources {
    /// Check and list the inputs. `-` means standard input, read like a file
    /// without a name (usually JSON Lines). Directories are walked now (file
    /// names only, sorted); files are opened lazily while iterating.
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
                walk::walk(p, &mut files)?;
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
        Ok(Sources::of(queue, total))
    }

    /// The records of one reader: standard input, a socket, a buffer.
    ///
    /// `name` is what the records report as their file (`-` for standard
    /// input); its extension, if it has a known one, decides the format as a
    /// file name would, and a one-article input gets its stem as id (none
    /// for `-` or an empty name). `format`, when given, overrides detection
    /// (compression is still undone). Nothing is read until the first record
    /// is asked for.
    ///
    /// ```
    /// use attache_parse::{InputFormat, Sources};
    ///
    /// let page = "<html><head><title>Talks resume</title></head>\n<body><article>\
    ///     <p>Envoys met in Geneva on Monday and agreed to meet again next week.</p>\
    ///     </article></body></html>\n";
    /// let article = Sources::from_reader("-", page.as_bytes(), None).into_article()?;
    /// assert_eq!(article.title.as_deref(), Some("Talks resume"));
    /// assert_eq!(article.id, None);
    ///
    /// // The same bytes, forced to be read as plain text: the first line is the headline.
    /// let text = Sources::from_reader("page", page.as_bytes(), Some(InputFormat::Text)).into_article()?;
    /// assert_eq!(text.id.as_deref(), Some("page"));
    /// assert!(text.title.unwrap().starts_with("<html>"));
    /// # Ok::<(), attache_parse::ParseError>(())
    /// ```
    pub fn from_reader(
        name: impl Into<String>,
        reader: impl Read + Send + 'static,
        format: Option<InputFormat>,
    ) -> Sources {
        let mut queue = VecDeque::new();
        queue.push_back(Input::Reader(name.into(), Box::new(reader)));
        let mut sources = Sources::of(queue, None);
        sources.format = format;
        sources
    }

    /// Read every input as `format` instead of detecting it (compression is
    /// still undone by magic bytes).
    pub fn with_format(mut self, format: InputFormat) -> Sources {
        self.format = Some(format);
        self
    }

    fn of(queue: VecDeque<Input>, total: Option<u64>) -> Sources {
        Sources {
            queue,
            current: None,
            format: None,
            skipped: Default::default(),
            consumed: Default::default(),
            total,
        }
    }

    /// Total size in bytes of the input files as stored (compressed or not),
    /// or `None` when standard input or a reader is among them.
    pub fn total_bytes(&self) -> Option<u64> {
        self.total
    }

    /// Bytes of the inputs read so far, as stored; with
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

    /// The one article the inputs hold: what `attache brief` reads.
    ///
    /// The record's own error if it has one; [`ParseError::NoArticle`] when
    /// the inputs hold no record (an empty JSON Lines file, a WARC file
    /// without HTML responses) and [`ParseError::SeveralArticles`] as soon
    /// as a second record is read (nothing more is read).
    pub fn into_article(mut self) -> Result<Article, ParseError> {
        let Some(first) = self.next_pending() else {
            return Err(ParseError::NoArticle { skipped: self.skipped() });
        };
        if self.next_pending().is_some() {
            return Err(ParseError::SeveralArticles);
        }
        first.decode().result
    }

    fn start(&mut self, input: Input) -> RecordIter {
        let (count, skipped) = (self.consumed.clone(), self.skipped.clone());
        let format = self.format;
        match input {
            Input::Stdin => {
                let stream =
                    Stream { name: "-".into(), format_name: None, stem: None, format, known_size: None };
                stream.records(Box::new(io::stdin()), count, skipped)
            }
            Input::Reader(name, reader) => {
                let named = !name.is_empty() && name != "-";
                let stem = named.then(|| walk::stem_of(name.rsplit(['/', '\\']).next().unwrap_or(&name)));
                let format_name = named.then(|| name.clone());
                let stream = Stream { name, format_name, stem, format, known_size: None };
                stream.records(reader, count, skipped)
            }
            Input::File(path) => {
                let name = path.to_string_lossy().into_owned();
                let file = match File::open(&path) {
                    Ok(f) => f,
                    Err(e) => {
                        let whole = InputRef { file: name, line: None, record: None };
                        return Box::new(std::iter::once(Pending::done(whole, Err(e.into()))));
                    }
                };
                let known_size = file.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                let stream = Stream {
                    format_name: Some(name.clone()),
                    name,
                    stem: Some(walk::file_stem(&path)),
                    format,
                    known_size,
                };
                stream.records(Box::new(file), count, skipped)
            }
        }
    }
}

impl Iterator for Sources {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.next_pending().map(Pending::decode)
    }
}

#[cfg(test)]
mod tests;
