//! JSON Lines framing: one record per non-blank line, each line bounded in size.

use std::io::{self, BufRead};

use super::InputRef;
use super::pending::{Pending, Work};
use crate::error::ParseError;
use crate::text::MAX_ARTICLE_BYTES;

/// JSON Lines, one article per non-blank line, lines bounded in size.
pub(super) struct JsonLines {
    name: String,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonLines {
    pub(super) fn new(name: String, reader: Box<dyn BufRead + Send>) -> Self {
        JsonLines { name, reader, line: 0, buf: Vec::new(), done: false }
    }

    fn at(&self) -> InputRef {
        InputRef { file: self.name.clone(), line: Some(self.line), record: None }
    }

    fn read_line(&mut self, limit: usize) -> io::Result<Option<usize>> {
        read_bounded_line(&mut self.reader, &mut self.buf, limit)
    }
}

/// Read one line of `reader` into `buf` (cleared first) in bounded memory:
/// at most `limit + 1` bytes of it are kept (so a caller can tell a line over
/// `limit` from one at it), the rest is skipped. Returns the line's full
/// length in bytes, newline included, or `None` at the end of the input.
///
/// This is the framing of JSON Lines in [`Sources`](crate::Sources), for a
/// caller that wants the raw lines (`attache extract` reads its `text`
/// fields as they are).
///
/// ```
/// let mut input = &b"{\"id\":1}\nxxxxxxxxxx\nlast"[..];
/// let mut buf = Vec::new();
/// assert_eq!(attache_parse::read_bounded_line(&mut input, &mut buf, 8)?, Some(9));
/// assert_eq!(buf, b"{\"id\":1}\n");
/// assert_eq!(attache_parse::read_bounded_line(&mut input, &mut buf, 8)?, Some(11));
/// assert_eq!(buf.len(), 9, "a long line keeps limit + 1 bytes");
/// assert_eq!(attache_parse::read_bounded_line(&mut input, &mut buf, 8)?, Some(4));
/// assert_eq!(attache_parse::read_bounded_line(&mut input, &mut buf, 8)?, None);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read_bounded_line<R: BufRead + ?Sized>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    loop {
        let avail = match reader.fill_buf() {
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
        let room = (limit + 1).saturating_sub(buf.len());
        buf.extend_from_slice(&avail[..take.min(room)]);
        total += take;
        reader.consume(take);
        if found {
            return Ok(Some(total));
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
                    self.done = !resynced(&e);
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

#[cfg(feature = "compression")]
fn resynced(e: &io::Error) -> bool {
    crate::gz::resynced(e)
}

/// Without compression there is no gzip member to resynchronise on.
#[cfg(not(feature = "compression"))]
fn resynced(_: &io::Error) -> bool {
    false
}
