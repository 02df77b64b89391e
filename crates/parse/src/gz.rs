//! Gzip input member by member, resynchronising after a corrupt member.
//!
//! `flate2`'s multi-member decoder stops at the first corrupt byte, which
//! loses every later member of the file. Archives (WARC files, chunked JSON
//! Lines) are usually one member per record or chunk, so after a corrupt or
//! cut member [`GzMembers`] reports one error ([`resynced`] tells it apart)
//! and goes on from the next gzip header in the raw bytes.
//!
//! A member cut short is only found corrupt after the decoder has read on
//! into the member that follows it. So the compressed bytes of the current
//! member are kept (up to [`REPLAY_CAP`]) and, after an error, the next
//! header is looked for from the start of the broken member, and what
//! follows it is read again. A member longer than the cap that breaks is
//! resynchronised from the point of the error instead, which can lose the
//! member after it.

use std::fmt;
use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// Decodes consecutive gzip members, skipping to the next member after a
/// corrupt one.
pub(crate) struct GzMembers<R> {
    dec: Option<GzDecoder<Tape<R>>>,
    raw: Option<Tape<R>>,
}

/// Compressed bytes of one member kept for a rescan after an error.
pub(crate) const REPLAY_CAP: usize = 8 << 20;

/// The raw reader, recording what the decoder consumes of the current
/// member and replaying bytes put back after an error.
struct Tape<R> {
    inner: R,
    replay: Vec<u8>,
    at: usize,
    record: Vec<u8>,
    overflow: bool,
}

impl<R: BufRead> Tape<R> {
    fn new(inner: R) -> Self {
        Tape { inner, replay: Vec::new(), at: 0, record: Vec::new(), overflow: false }
    }

    /// A member starts here: record it from now on.
    fn start_member(&mut self) {
        self.record.clear();
        self.overflow = false;
    }

    /// After an error: put back the recorded bytes of the broken member
    /// after its first byte, so that the next header is looked for from
    /// there. `false` when there is nothing to put back (or the record was
    /// cut at the cap).
    fn rewind(&mut self) -> bool {
        if self.overflow || self.record.len() < 2 {
            return false;
        }
        let mut back = self.record.split_off(1);
        back.extend_from_slice(&self.replay[self.at..]);
        self.replay = back;
        self.at = 0;
        self.record.clear();
        true
    }

    /// Like `fill_buf`, but at least `min` bytes unless the input ends, so
    /// that a header that straddles two reads is seen whole.
    fn fill_min(&mut self, min: usize) -> io::Result<&[u8]> {
        while self.replay.len() - self.at < min {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                break;
            }
            if self.at > 0 {
                self.replay.drain(..self.at);
                self.at = 0;
            }
            let n = chunk.len();
            self.replay.extend_from_slice(chunk);
            self.inner.consume(n);
        }
        self.fill_buf()
    }
}

impl<R: BufRead> Read for Tape<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Tape<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.at < self.replay.len() {
            return Ok(&self.replay[self.at..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        let keep = !self.overflow && self.record.len() + n <= REPLAY_CAP;
        if !keep && !self.overflow {
            self.overflow = true;
            self.record = Vec::new();
        }
        if self.at < self.replay.len() {
            let n = n.min(self.replay.len() - self.at);
            if keep {
                self.record.extend_from_slice(&self.replay[self.at..self.at + n]);
            }
            self.at += n;
            if self.at == self.replay.len() {
                self.replay = Vec::new();
                self.at = 0;
            }
            return;
        }
        if keep && let Ok(avail) = self.inner.fill_buf() {
            self.record.extend_from_slice(&avail[..n.min(avail.len())]);
        }
        self.inner.consume(n);
    }
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
        GzMembers { dec: None, raw: Some(Tape::new(raw)) }
    }

    /// Skip to the next gzip header, from the second byte of the broken
    /// member when its bytes were kept, else at least one byte on from here:
    /// bytes skipped and whether one was found.
    fn scan(raw: &mut Tape<R>) -> io::Result<(u64, bool)> {
        let rewound = raw.rewind();
        let mut skipped = u64::from(rewound);
        let mut from = usize::from(!rewound);
        loop {
            let avail = raw.fill_min(MAGIC.len())?;
            if avail.len() < MAGIC.len().max(from + 1) {
                let rest = avail.len();
                raw.consume(rest);
                return Ok((skipped + rest as u64, false));
            }
            if let Some(at) = memchr::memmem::find(&avail[from..], MAGIC) {
                let at = at + from;
                raw.consume(at);
                return Ok((skipped + at as u64, true));
            }
            // Keep the last two bytes: a header may straddle two reads.
            let n = avail.len() - (MAGIC.len() - 1);
            raw.consume(n);
            skipped += n as u64;
            from = 0;
        }
    }

    fn broken(&mut self, mut raw: Tape<R>, cause: String) -> io::Error {
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
                        let mut raw = self.dec.take().expect("decoder present").into_inner();
                        // The member ended well: nothing of it to rescan.
                        raw.start_member();
                        self.raw = Some(raw);
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
            let head = match raw.fill_min(MAGIC.len()) {
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
                raw.start_member();
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
    fn a_header_split_across_small_reads_is_found() {
        let (a, b, c) = (member("first\n"), member("second\n"), member("third\n"));
        for cap in [1, 2, 3, 5, 7, 16] {
            for junk in [&b"x"[..], b"xy", b"junk junk junk"] {
                let data = [a.clone(), junk.to_vec(), b[..b.len() - 3].to_vec(), c.clone()].concat();
                let mut r = GzMembers::new(io::BufReader::with_capacity(cap, &data[..]));
                let (mut text, mut errors) = (Vec::new(), 0);
                let mut buf = [0u8; 3];
                loop {
                    match r.read(&mut buf) {
                        Ok(0) => break,
                        Ok(n) => text.extend_from_slice(&buf[..n]),
                        Err(e) => {
                            errors += 1;
                            assert!(errors < 10 && resynced(&e), "{e}");
                        }
                    }
                }
                let text = String::from_utf8_lossy(&text);
                assert!(text.starts_with("first\n") && text.ends_with("third\n"), "{cap} {text:?}");
            }
        }
    }

    #[test]
    fn members_are_read_in_turn_and_a_cut_one_is_skipped() {
        let (a, b, c) = (member("first\n"), member("second\n"), member("third\n"));
        let whole = [a.clone(), b.clone(), c.clone()].concat();
        assert_eq!(drain(&whole), ("first\nsecond\nthird\n".to_string(), vec![]));
        // The second member cut in half: the decoder reads on into the
        // third as if it were the rest of the second; the rescan from the
        // start of the second finds the third, which is read again.
        let d = member("fourth\n");
        let cut = [a.clone(), b[..b.len() / 2].to_vec(), c.clone(), d.clone()].concat();
        let (text, errors) = drain(&cut);
        assert!(text.starts_with("first\n") && text.ends_with("third\nfourth\n"), "{text:?}");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].contains("to the next gzip member"), "{errors:?}");
        // Junk between members.
        let junk = [a.clone(), b"junk junk".to_vec(), c.clone()].concat();
        let (text, errors) = drain(&junk);
        assert_eq!(text, "first\nthird\n");
        assert!(errors[0].contains("skipped 9 bytes"), "{errors:?}");
        // Every member but the last cut short: each later one is still read.
        let many: Vec<Vec<u8>> = (0..20).map(|i| member(&format!("record {i}\n"))).collect();
        let mut chopped = Vec::new();
        for m in &many[..19] {
            chopped.extend_from_slice(&m[..m.len() - 5]);
        }
        chopped.extend_from_slice(&many[19]);
        let (text, errors) = drain(&chopped);
        assert!(text.ends_with("record 19\n"), "{text:?}");
        assert_eq!(errors.len(), 19, "{errors:?}");
        // A cut at the very end: one error, then the end.
        let tail = [a.clone(), c[..c.len() - 4].to_vec()].concat();
        let (text, errors) = drain(&tail);
        assert!(text.starts_with("first\n"));
        assert_eq!(errors.len(), 1);
    }
}
