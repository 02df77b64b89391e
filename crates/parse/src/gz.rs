//! Gzip input member by member, resynchronising after a corrupt member.
//!
//! `flate2`'s multi-member decoder stops at the first corrupt byte, which
//! loses every later member of the file. Archives (WARC files, chunked JSON
//! Lines) are usually one member per record or chunk, so after a corrupt or
//! cut member [`GzMembers`] reports one error ([`resynced`] tells it apart)
//! and goes on from the next gzip header in the raw bytes.

use std::fmt;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// Decodes consecutive gzip members, skipping to the next member after a
/// corrupt one.
pub(crate) struct GzMembers<R> {
    dec: Option<GzDecoder<R>>,
    raw: Option<R>,
}

/// The error returned once for each corrupt region skipped.
#[derive(Debug)]
struct Resynced {
    cause: String,
    skipped: u64,
    found: bool,
}

impl fmt::Display for Resynced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.found {
            write!(
                f,
                "corrupt gzip data ({}); skipped {} bytes to the next gzip member",
                self.cause, self.skipped
            )
        } else {
            write!(
                f,
                "corrupt gzip data ({}); no gzip member follows ({} bytes skipped)",
                self.cause, self.skipped
            )
        }
    }
}

impl std::error::Error for Resynced {}

/// Whether `e` reports a corrupt region after which reading goes on.
pub(crate) fn resynced(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|i| i.downcast_ref::<Resynced>().is_some_and(|r| r.found))
}

const MAGIC: &[u8] = b"\x1f\x8b\x08";

impl<R: BufRead> GzMembers<R> {
    pub(crate) fn new(raw: R) -> Self {
        GzMembers { dec: None, raw: Some(raw) }
    }

    /// Skip to the next gzip header (at least one byte on): bytes skipped
    /// and whether one was found.
    fn scan(raw: &mut R) -> io::Result<(u64, bool)> {
        let mut skipped = 0u64;
        let mut first = true;
        loop {
            let avail = raw.fill_buf()?;
            if avail.is_empty() {
                return Ok((skipped, false));
            }
            let from = usize::from(first);
            first = false;
            if let Some(at) = memchr::memmem::find(&avail[from.min(avail.len())..], MAGIC) {
                let at = at + from;
                raw.consume(at);
                return Ok((skipped + at as u64, true));
            }
            // Keep the last two bytes: a header may straddle two reads.
            let keep = if avail.len() >= MAGIC.len() { MAGIC.len() - 1 } else { 0 };
            let n = (avail.len() - keep).max(from).min(avail.len());
            raw.consume(n);
            skipped += n as u64;
            if n == 0 {
                // Fewer than three bytes left and no header in them.
                let rest = raw.fill_buf()?.len();
                raw.consume(rest);
                return Ok((skipped + rest as u64, false));
            }
        }
    }

    fn broken(&mut self, mut raw: R, cause: String) -> io::Error {
        let result = Self::scan(&mut raw);
        self.raw = Some(raw);
        match result {
            Ok((skipped, found)) => {
                io::Error::new(io::ErrorKind::InvalidData, Resynced { cause, skipped, found })
            }
            Err(e) => e,
        }
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if let Some(dec) = &mut self.dec {
                match dec.read(buf) {
                    Ok(0) if !buf.is_empty() => {
                        let dec = self.dec.take().expect("decoder present");
                        self.raw = Some(dec.into_inner());
                    }
                    Ok(n) => return Ok(n),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        let dec = self.dec.take().expect("decoder present");
                        return Err(self.broken(dec.into_inner(), e.to_string()));
                    }
                }
                continue;
            }
            let Some(mut raw) = self.raw.take() else { return Ok(0) };
            let head = match raw.fill_buf() {
                Ok(h) => h,
                Err(e) => {
                    self.raw = Some(raw);
                    return Err(e);
                }
            };
            if head.is_empty() {
                self.raw = Some(raw);
                return Ok(0);
            }
            if head.starts_with(&MAGIC[..2]) {
                self.dec = Some(GzDecoder::new(raw));
                continue;
            }
            return Err(self.broken(raw, "bytes that are not a gzip member".into()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(text.as_bytes()).unwrap();
        gz.finish().unwrap()
    }

    /// Read everything, collecting text and errors.
    fn drain(data: &[u8]) -> (String, Vec<String>) {
        let mut r = GzMembers::new(data);
        let (mut text, mut errors) = (Vec::new(), Vec::new());
        let mut buf = [0u8; 4096];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => text.extend_from_slice(&buf[..n]),
                Err(e) => {
                    let go_on = resynced(&e);
                    errors.push(e.to_string());
                    if !go_on {
                        break;
                    }
                }
            }
        }
        (String::from_utf8_lossy(&text).into_owned(), errors)
    }

    #[test]
    fn members_are_read_in_turn_and_a_cut_one_is_skipped() {
        let (a, b, c) = (member("first\n"), member("second\n"), member("third\n"));
        let whole = [a.clone(), b.clone(), c.clone()].concat();
        assert_eq!(drain(&whole), ("first\nsecond\nthird\n".to_string(), vec![]));
        // The second member cut in half: the decoder reads on into the
        // third as if it were the rest of the second, so the third is lost
        // with it; the fourth is read again.
        let d = member("fourth\n");
        let cut = [a.clone(), b[..b.len() / 2].to_vec(), c.clone(), d.clone()].concat();
        let (text, errors) = drain(&cut);
        assert!(text.starts_with("first\n") && text.ends_with("fourth\n"), "{text:?}");
        assert!(!errors.is_empty() && errors.len() <= 2, "{errors:?}");
        assert!(errors[0].contains("to the next gzip member"), "{errors:?}");
        // Junk between members.
        let junk = [a.clone(), b"junk junk".to_vec(), c.clone()].concat();
        let (text, errors) = drain(&junk);
        assert_eq!(text, "first\nthird\n");
        assert!(errors[0].contains("skipped 9 bytes"), "{errors:?}");
        // A cut at the very end: one error, then the end.
        let tail = [a.clone(), c[..c.len() - 4].to_vec()].concat();
        let (text, errors) = drain(&tail);
        assert!(text.starts_with("first\n"));
        assert_eq!(errors.len(), 1);
    }
}
