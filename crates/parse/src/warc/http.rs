//! The HTTP side of a WARC response: headers checked with `httparse`, then
//! chunking, `Content-Encoding` and the charset undone before extraction.

use std::io::Read;

use crate::article::Article;
use crate::error::ParseError;
use crate::html::{decode_html, read_html};

/// The parts of an HTML response needed to extract its article.
pub(super) struct HtmlResponse {
    pub(super) body: Vec<u8>,
    pub(super) chunked: bool,
    pub(super) encoding: Option<String>,
    pub(super) content_type: Option<String>,
    pub(super) url: Option<String>,
    pub(super) date: Option<String>,
}

pub(super) fn http_error(reason: impl Into<String>) -> ParseError {
    ParseError::Malformed { format: "HTTP", reason: reason.into() }
}

/// Check an HTTP response's headers; `Ok(None)` when it carries no HTML
/// article (non-2xx status or a non-HTML content type).
pub(super) fn html_response(
    mut content: Vec<u8>,
    url: Option<String>,
    date: Option<String>,
) -> Result<Option<HtmlResponse>, ParseError> {
    let mut hdrs = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut hdrs);
    let body_at = match resp.parse(&content) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err(http_error("response headers are incomplete")),
        Err(e) => return Err(http_error(format!("bad response headers: {e}"))),
    };
    let code = resp.code.unwrap_or(0);
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let header = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = header("content-type");
    if let Some(ct) = &content_type {
        let ct = ct.to_ascii_lowercase();
        if !(ct.starts_with("text/html") || ct.starts_with("application/xhtml")) {
            return Ok(None);
        }
    }
    let chunked = header("transfer-encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let encoding = header("content-encoding").map(|e| e.to_ascii_lowercase());
    content.drain(..body_at);
    Ok(Some(HtmlResponse { body: content, chunked, encoding, content_type, url, date }))
}

impl HtmlResponse {
    /// Undo chunking and compression, decode the charset, extract the article.
    pub(super) fn article(&self) -> Result<Article, ParseError> {
        let mut body = std::borrow::Cow::Borrowed(&self.body[..]);
        if self.chunked {
            body = dechunk(&body)?.into();
        }
        match self.encoding.as_deref() {
            None | Some("identity") | Some("") => {}
            Some("gzip") | Some("x-gzip") => {
                body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?.into()
            }
            Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]))?.into(),
            Some(other) => return Err(http_error(format!("unsupported Content-Encoding {other:?}"))),
        }
        let html = decode_html(&body, self.content_type.as_deref())?;
        read_html(&html, self.url.as_deref())
    }
}

fn inflate(r: impl Read) -> Result<Vec<u8>, ParseError> {
    let mut out = Vec::new();
    let limit = crate::html::MAX_HTML_BYTES as u64 + 1;
    r.take(limit).read_to_end(&mut out)?;
    if out.len() as u64 >= limit {
        return Err(ParseError::TooLarge { size: out.len(), limit: crate::html::MAX_HTML_BYTES });
    }
    Ok(out)
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, ParseError> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let Some(eol) = memchr::memmem::find(data, b"\r\n") else {
            return Err(http_error("truncated chunked body"));
        };
        let size_text = String::from_utf8_lossy(&data[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| http_error("bad chunk size"))?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size {
            return Err(http_error("truncated chunked body"));
        }
        out.extend_from_slice(&data[..size]);
        data = data[size..].strip_prefix(b"\r\n").unwrap_or(&data[size..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined_and_bad_ones_refused() {
        assert_eq!(dechunk(b"5\r\nEnvoy\r\n3;ext=1\r\ns m\r\n0\r\n\r\n").unwrap(), b"Envoys m");
        assert!(dechunk(b"5\r\nEn").is_err());
        assert!(dechunk(b"zz\r\nEnvoy\r\n").is_err());
    }

    #[test]
    fn non_html_and_failed_responses_carry_no_article() {
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html></html>".to_vec();
        let r = html_response(ok, None, None).unwrap().unwrap();
        assert_eq!(r.body, b"<html></html>");
        let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG".to_vec();
        assert!(html_response(image, None, None).unwrap().is_none());
        let moved = b"HTTP/1.1 301 Moved\r\nLocation: /\r\n\r\n".to_vec();
        assert!(html_response(moved, None, None).unwrap().is_none());
        assert!(html_response(b"HTTP/1.1 200 OK\r\nContent-".to_vec(), None, None).is_err());
    }
}
