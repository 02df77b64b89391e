//! The WARC reader: HTTP response records with HTML bodies become articles.
//!
//! A small framing reader of our own rather than the `warc` crate, because
//! that crate reads headers and bodies with unbounded `read_until` (binary
//! junk or a lying `Content-Length` can exhaust memory) and cannot tell a
//! truncated record from the end of the file. This one reads at most
//! [`MAX_WARC_HEADER_BYTES`] of headers and [`MAX_WARC_RECORD_BYTES`] of
//! content per record, skips over larger ones, and reports a truncated
//! record as an error for that record. HTTP headers are parsed with
//! `httparse`.

use std::io::{self, BufRead, Read};

use crate::article::Article;
use crate::error::ParseError;

mod http;

use http::{HtmlResponse, html_response};

/// Largest WARC header block accepted, in bytes.
pub const MAX_WARC_HEADER_BYTES: usize = 64 << 10;
/// Largest record content read into memory; larger records are skipped with
/// [`ParseError::TooLarge`].
pub const MAX_WARC_RECORD_BYTES: usize = 32 << 20;

/// One article-bearing record read from a WARC file.
#[derive(Debug)]
#[non_exhaustive]
pub struct WarcRecord {
    /// 1-based position of the record in the file (all record types count).
    pub record: u64,
    /// The record's `WARC-Record-ID`, without angle brackets, if it was read.
    pub record_id: Option<String>,
    /// The article, or why this record gave none.
    pub result: Result<Article, ParseError>,
}

/// Reads WARC records from a (decompressed) stream.
///
/// Iterating yields one [`WarcRecord`] per `response` record with an HTML
/// body (and one error record per malformed or truncated record). Other
/// record types (`warcinfo`, `request`, `metadata`, …), non-HTML responses
/// and non-2xx responses carry no article; they are counted in
/// [`skipped`](WarcReader::skipped). After a framing error (junk where a
/// header should be, a missing or invalid `Content-Length`, an oversized
/// header) the reader gives one error record for the broken region, naming
/// how many bytes it skipped, and resynchronises on the next line that
/// starts with `WARC/`. A record cut short by the end of the file, or a read
/// error of the underlying stream (a corrupt compressed stream), ends the
/// iteration after its error record.
///
/// ```
/// let html = "<html><body><article><p>Negotiators met in Geneva on Thursday and agreed to resume the talks that broke down in the spring, officials from both delegations said afterwards.</p></article></body></html>";
/// let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
/// let warc = format!(
///     "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-11-20T10:00:00Z\r\n\
///      WARC-Target-URI: https://news.example/talks\r\nContent-Type: application/http; msgtype=response\r\n\
///      Content-Length: {}\r\n\r\n{http}\r\n\r\n",
///     http.len()
/// );
/// let mut records = attache_parse::WarcReader::new(warc.as_bytes());
/// let r = records.next().unwrap();
/// let a = r.result?;
/// assert_eq!(r.record_id.as_deref(), Some("urn:uuid:1"));
/// assert_eq!(a.url.as_deref(), Some("https://news.example/talks"));
/// assert_eq!(a.published.as_deref(), Some("2026-11-20T10:00:00Z"));
/// assert!(records.next().is_none());
/// # Ok::<(), attache_parse::ParseError>(())
/// ```
pub struct WarcReader<R> {
    inner: R,
    record: u64,
    skipped: u64,
    done: bool,
    /// A `WARC/` version line found while resynchronising, not yet used.
    pending: Option<Vec<u8>>,
}

impl<R: BufRead> WarcReader<R> {
    /// Read records from `inner`, which must already be decompressed.
    pub fn new(inner: R) -> Self {
        WarcReader { inner, record: 0, skipped: 0, done: false, pending: None }
    }

    /// Number of records read that carry no article (not an HTML response).
    pub fn skipped(&self) -> u64 {
        self.skipped
    }
}

fn malformed(reason: impl Into<String>) -> ParseError {
    ParseError::Malformed { format: "WARC", reason: reason.into() }
}

/// Read one line of at most `limit` bytes (including the newline).
/// Returns `Ok(None)` at end of stream.
fn read_line_bounded<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, limit: usize) -> io::Result<Option<()>> {
    buf.clear();
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok(if buf.is_empty() { None } else { Some(()) });
        }
        let (take, found) = match memchr::memchr(b'\n', avail) {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        if take > room {
            buf.extend_from_slice(&avail[..room]);
            r.consume(room);
            return Err(io::Error::new(io::ErrorKind::InvalidData, "header line too long"));
        }
        buf.extend_from_slice(&avail[..take]);
        r.consume(take);
        if found {
            return Ok(Some(()));
        }
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = WarcRecord;

    fn next(&mut self) -> Option<WarcRecord> {
        self.next_raw().map(RawWarc::into_record)
    }
}

/// A framed WARC response whose HTML is not decoded yet: framing must be
/// sequential, extraction can run on any thread.
pub(crate) struct RawWarc {
    pub(crate) record: u64,
    pub(crate) record_id: Option<String>,
    body: Result<HtmlResponse, ParseError>,
}

impl RawWarc {
    /// Bytes held, for memory accounting.
    pub(crate) fn size(&self) -> usize {
        self.body.as_ref().map_or(0, |b| b.body.len())
    }

    /// Decode the response and extract its article.
    pub(crate) fn into_record(self) -> WarcRecord {
        let RawWarc { record, record_id, body } = self;
        let result = body.and_then(|r| {
            let mut article = r.article()?;
            article.id = record_id.clone();
            if r.url.is_some() {
                article.url = r.url;
            }
            if article.published.is_none() {
                article.published = r.date;
            }
            Ok(article)
        });
        WarcRecord { record, record_id, result }
    }
}

impl<R: BufRead> WarcReader<R> {
    fn fail_raw(&mut self, record_id: Option<String>, e: ParseError) -> Option<RawWarc> {
        // After a corrupt gzip member the stream goes on at the next member.
        self.done = !matches!(&e, ParseError::Io(io) if crate::gz::resynced(io));
        Some(RawWarc { record: self.record, record_id, body: Err(e) })
    }

    /// A framing error: skip to the next `WARC/` line and report the region.
    fn fail_resync(&mut self, record_id: Option<String>, reason: &str) -> Option<RawWarc> {
        self.fail_resync_after(0, record_id, reason)
    }

    /// [`fail_resync`](Self::fail_resync) after `already` bytes of the region were read.
    fn fail_resync_after(
        &mut self,
        already: u64,
        record_id: Option<String>,
        reason: &str,
    ) -> Option<RawWarc> {
        let skipped = self.resync().map(|n| n + already);
        let reason = match skipped {
            Some(0) => format!("{reason}; resynchronised on the next record"),
            Some(n) => format!("{reason}; skipped {n} bytes to the next record"),
            None => format!("{reason}; nothing readable follows"),
        };
        Some(RawWarc { record: self.record, record_id, body: Err(malformed(reason)) })
    }

    /// Read lines up to one starting with `WARC/` (kept for the next record);
    /// the bytes skipped, or `None` when the stream ended first.
    fn resync(&mut self) -> Option<u64> {
        let mut skipped = 0u64;
        let mut line = Vec::new();
        loop {
            match read_line_bounded(&mut self.inner, &mut line, MAX_WARC_HEADER_BYTES) {
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                // A record may start right after junk that ends without a newline.
                Ok(Some(())) if let Some(at) = memchr::memmem::find(&line, b"WARC/1.") => {
                    self.pending = Some(line.split_off(at));
                    return Some(skipped + at as u64);
                }
                Ok(Some(())) => skipped += line.len() as u64,
                // A long line of junk: keep skipping.
                Err(e) if e.kind() == io::ErrorKind::InvalidData => skipped += line.len() as u64,
                Err(_) => {
                    self.done = true;
                    return None;
                }
            }
        }
    }

    /// The next response record with an HTML body (or error), framed and
    /// with its HTTP headers checked, but not yet decoded or extracted.
    pub(crate) fn next_raw(&mut self) -> Option<RawWarc> {
        loop {
            if self.done {
                return None;
            }
            let mut line = self.pending.take().unwrap_or_default();
            // Skip blank lines between records; stop cleanly at the end.
            while line.is_empty() {
                match read_line_bounded(&mut self.inner, &mut line, MAX_WARC_HEADER_BYTES) {
                    Ok(None) => {
                        self.done = true;
                        return None;
                    }
                    Ok(Some(())) if line.iter().all(|b| b.is_ascii_whitespace()) => line.clear(),
                    Ok(Some(())) => {}
                    Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                        self.record += 1;
                        return self
                            .fail_resync(None, "a line of more than 64 kB where a record should start");
                    }
                    Err(e) => {
                        self.record += 1;
                        return self.fail_raw(None, e.into());
                    }
                }
            }
            self.record += 1;
            if !line.starts_with(b"WARC/") {
                if let Some(at) = memchr::memmem::find(&line, b"WARC/1.") {
                    // Junk glued to the front of a record's version line.
                    self.pending = Some(line.split_off(at));
                    return Some(RawWarc {
                        record: self.record,
                        record_id: None,
                        body: Err(malformed(format!(
                            "expected a \"WARC/1.x\" version line; skipped {at} bytes to the next record"
                        ))),
                    });
                }
                return self.fail_resync_after(
                    line.len() as u64,
                    None,
                    "expected a \"WARC/1.x\" version line (not a WARC file, or junk between records)",
                );
            }

            // Header fields.
            let mut headers: Vec<(String, String)> = Vec::new();
            let mut header_bytes = line.len();
            loop {
                match read_line_bounded(&mut self.inner, &mut line, MAX_WARC_HEADER_BYTES) {
                    Ok(None) => return self.fail_raw(None, malformed("truncated in the header block")),
                    Ok(Some(())) => {}
                    Err(e) if e.kind() == io::ErrorKind::InvalidData => {
                        return self.fail_resync(None, "header block larger than 64 kB");
                    }
                    Err(e) => return self.fail_raw(None, e.into()),
                }
                header_bytes += line.len();
                if header_bytes > MAX_WARC_HEADER_BYTES {
                    return self.fail_resync(None, "header block larger than 64 kB");
                }
                let text = String::from_utf8_lossy(&line);
                let text = text.trim_end_matches(['\r', '\n']);
                if text.is_empty() {
                    break;
                }
                if let Some((k, v)) = text.split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
            let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
            let record_id =
                get("warc-record-id").map(|v| v.trim_start_matches('<').trim_end_matches('>').to_string());
            let Some(len) = get("content-length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail_resync(record_id, "missing or invalid Content-Length");
            };

            // Content, bounded.
            let wanted = len.min(MAX_WARC_RECORD_BYTES as u64 + 1);
            let mut content = Vec::with_capacity(wanted.min(1 << 20) as usize);
            let read = match (&mut self.inner).take(wanted).read_to_end(&mut content) {
                Ok(n) => n as u64,
                Err(e) => return self.fail_raw(record_id, e.into()),
            };
            if read < wanted {
                return self.fail_raw(
                    record_id,
                    malformed(format!(
                        "record truncated: Content-Length is {len} bytes but the file ends after {read}"
                    )),
                );
            }
            let too_large = len > MAX_WARC_RECORD_BYTES as u64;
            if too_large {
                drop(content);
                let rest = len - wanted;
                match io::copy(&mut (&mut self.inner).take(rest), &mut io::sink()) {
                    Ok(n) if n == rest => {}
                    Ok(n) => {
                        return self.fail_raw(
                            record_id,
                            malformed(format!(
                                "record truncated: Content-Length is {len} bytes but the file ends after {}",
                                wanted + n
                            )),
                        );
                    }
                    Err(e) => return self.fail_raw(record_id, e.into()),
                }
                content = Vec::new();
            }

            let warc_type = get("warc-type").unwrap_or("").to_ascii_lowercase();
            let is_http =
                get("content-type").is_some_and(|ct| ct.to_ascii_lowercase().starts_with("application/http"));
            if warc_type != "response" || !is_http {
                self.skipped += 1;
                continue;
            }
            if too_large {
                let limit = MAX_WARC_RECORD_BYTES;
                return Some(RawWarc {
                    record: self.record,
                    record_id,
                    body: Err(ParseError::TooLarge { size: len as usize, limit }),
                });
            }
            let url = get("warc-target-uri").map(str::to_string);
            let date = get("warc-date").map(str::to_string);
            match html_response(content, url, date) {
                Ok(None) => {
                    self.skipped += 1;
                    continue;
                }
                Ok(Some(r)) => return Some(RawWarc { record: self.record, record_id, body: Ok(r) }),
                Err(e) => return Some(RawWarc { record: self.record, record_id, body: Err(e) }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><title>Grain deal extended</title></head><body><article>\
        <p>Ministers agreed on Friday to extend the grain corridor for another ninety days, \
        the mediators said after a night of talks in Istanbul that ran past the deadline.</p>\
        <p>Shipping insurers said they would resume cover from Monday, though premiums would \
        stay high until the first convoys had passed without incident.</p></article></body></html>";

    fn record(kind: &str, id: &str, content_type: &str, content: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <{id}>\r\nWARC-Date: 2026-11-21T06:00:00Z\r\n\
             WARC-Target-URI: https://wire.example/{id}\r\nContent-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n{content}\r\n\r\n",
            content.len()
        )
    }

    fn response(id: &str, http_headers: &str, body: &str) -> String {
        record(
            "response",
            id,
            "application/http; msgtype=response",
            &format!("HTTP/1.1 200 OK\r\n{http_headers}\r\n{body}"),
        )
    }

    #[test]
    fn reads_responses_and_skips_other_records() {
        let warc = [
            record("warcinfo", "info", "application/warc-fields", "software: test\r\n"),
            record("request", "req", "application/http; msgtype=request", "GET / HTTP/1.1\r\n\r\n"),
            response("a", "Content-Type: text/html\r\n", PAGE),
            response("img", "Content-Type: image/png\r\n", "\u{89}PNG"),
            response(
                "b",
                "Transfer-Encoding: chunked\r\n",
                &format!("{:x}\r\n{PAGE}\r\n0\r\n\r\n", PAGE.len()),
            ),
        ]
        .concat();
        let mut r = WarcReader::new(warc.as_bytes());
        let got: Vec<WarcRecord> = r.by_ref().collect();
        assert_eq!(got.len(), 2);
        assert_eq!(r.skipped(), 3);
        assert_eq!(got[0].record, 3);
        assert_eq!(got[1].record, 5);
        let a = got[0].result.as_ref().unwrap();
        assert_eq!(a.id.as_deref(), Some("a"));
        assert_eq!(a.url.as_deref(), Some("https://wire.example/a"));
        assert_eq!(a.published.as_deref(), Some("2026-11-21T06:00:00Z"));
        assert!(a.body_text().starts_with("Ministers agreed on Friday"));
        assert_eq!(got[1].result.as_ref().unwrap().body_text(), a.body_text());
    }

    #[test]
    fn gzip_content_encoding_is_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(PAGE.as_bytes()).unwrap();
        let body = gz.finish().unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        http.extend_from_slice(&body);
        let mut warc = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        warc.extend_from_slice(&http);
        warc.extend_from_slice(b"\r\n\r\n");
        let got: Vec<WarcRecord> = WarcReader::new(&warc[..]).collect();
        assert!(got[0].result.as_ref().unwrap().body_text().contains("grain corridor"));
    }

    #[test]
    fn truncated_record_is_an_error_after_the_good_ones() {
        let mut warc = [response("a", "", PAGE), response("b", "", PAGE)].concat();
        warc.truncate(warc.len() - 100);
        let got: Vec<WarcRecord> = WarcReader::new(warc.as_bytes()).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].result.is_ok());
        assert_eq!(got[1].record, 2);
        assert_eq!(got[1].record_id.as_deref(), Some("b"));
        let err = got[1].result.as_ref().unwrap_err().to_string();
        assert!(err.contains("truncated"), "{err}");
    }

    #[test]
    fn junk_is_one_error() {
        let junk: Vec<u8> = (0..100_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        let got: Vec<WarcRecord> = WarcReader::new(&junk[..]).collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].result.is_err());
        let mut warc = response("a", "", PAGE).into_bytes();
        warc.extend_from_slice(&junk);
        let got: Vec<WarcRecord> = WarcReader::new(&warc[..]).collect();
        assert_eq!(got.len(), 2);
        assert!(got[0].result.is_ok() && got[1].result.is_err());
    }

    #[test]
    fn framing_errors_resynchronise_on_the_next_record() {
        let bad_length = response("bad", "", PAGE).replacen("Content-Length: ", "Content-Length: x", 1);
        let warc = [
            response("a", "", PAGE),
            "some junk\r\nbetween records\r\n".to_string(),
            response("b", "", PAGE),
            bad_length,
            response("c", "", PAGE),
        ]
        .concat();
        let got: Vec<WarcRecord> = WarcReader::new(warc.as_bytes()).collect();
        let summary: Vec<(Option<&str>, bool)> =
            got.iter().map(|r| (r.record_id.as_deref(), r.result.is_ok())).collect();
        assert_eq!(
            summary,
            [(Some("a"), true), (None, false), (Some("b"), true), (Some("bad"), false), (Some("c"), true)]
        );
        let junk = got[1].result.as_ref().unwrap_err().to_string();
        assert!(junk.contains("skipped 28 bytes to the next record"), "{junk}");
        let bad = got[3].result.as_ref().unwrap_err().to_string();
        assert!(bad.contains("Content-Length") && bad.contains("skipped"), "{bad}");
        // Junk without a final newline, glued to the next record.
        let glued = [response("a", "", PAGE), "junk".into(), response("b", "", PAGE)].concat();
        let got: Vec<WarcRecord> = WarcReader::new(glued.as_bytes()).collect();
        let ok: Vec<bool> = got.iter().map(|r| r.result.is_ok()).collect();
        assert_eq!(ok, [true, false, true]);
        // Junk at the end is one error, then the end.
        let tail = [response("a", "", PAGE), "trailing junk\n".into()].concat();
        let got: Vec<WarcRecord> = WarcReader::new(tail.as_bytes()).collect();
        assert_eq!(got.len(), 2);
        assert!(got[1].result.as_ref().unwrap_err().to_string().contains("nothing readable follows"));
    }

    #[test]
    fn lying_content_length_does_not_allocate_it() {
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 99999999999\r\n\r\nshort";
        let got: Vec<WarcRecord> = WarcReader::new(warc.as_bytes()).collect();
        assert_eq!(got.len(), 1);
        assert!(got[0].result.as_ref().unwrap_err().to_string().contains("truncated"));
    }
}
