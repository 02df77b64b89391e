//! Printing HTML to PDF with headless Chromium, and counting PDF pages.
//!
//! Chromium is found as `$ATTACHE_CHROMIUM`, else `chromium`,
//! `chromium-browser`, `google-chrome` or `google-chrome-stable` on `PATH`.
//! A browser that has not finished after `$ATTACHE_PDF_TIMEOUT` seconds
//! (default [`DEFAULT_TIMEOUT_SECS`]) is killed; what it writes must start
//! with `%PDF-`. The page and the browser profile live in a temporary folder
//! that is removed in every case: success, failure, time-out, and (with the
//! `cli` feature, which the `attache` binary needs) SIGINT or SIGTERM while
//! the browser runs (the browser is killed, the folder removed, and the
//! process exits with 130 or 143). Without that feature the library installs
//! no signal handler.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Seconds the browser may take to print one page, unless
/// `ATTACHE_PDF_TIMEOUT` says otherwise.
pub const DEFAULT_TIMEOUT_SECS: f64 = 60.0;

/// Why printing failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// No Chromium binary was found.
    #[error(
        "PDF output needs headless Chromium, and none was found (install the Debian package `chromium`, or set ATTACHE_CHROMIUM to the browser's path)"
    )]
    NoChromium,
    /// Chromium ran but produced no PDF.
    #[error("Chromium ({browser}) did not print the page: {detail}")]
    Failed {
        /// The browser binary.
        browser: PathBuf,
        /// Exit status and the end of its standard error.
        detail: String,
    },
    /// Chromium did not finish in time and was killed.
    #[error(
        "Chromium ({browser}) did not finish printing within {secs} s and was stopped (set ATTACHE_PDF_TIMEOUT to allow more seconds)"
    )]
    Timeout {
        /// The browser binary.
        browser: PathBuf,
        /// The time allowed, in seconds.
        secs: f64,
    },
    /// What Chromium wrote is not a PDF.
    #[error("Chromium ({browser}) wrote a file that is not a PDF (it does not start with %PDF-)")]
    NotPdf {
        /// The browser binary.
        browser: PathBuf,
    },
    /// `ATTACHE_PDF_TIMEOUT` is not a positive number of seconds.
    #[error("ATTACHE_PDF_TIMEOUT={0:?} is not a positive number of seconds")]
    BadTimeout(String),
    /// A temporary file could not be written or read.
    #[error("PDF printing: {0}")]
    Io(#[from] std::io::Error),
}

/// The Chromium binary to use, if any.
pub fn find_chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ATTACHE_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

/// The time allowed for one print: `ATTACHE_PDF_TIMEOUT` seconds, or
/// [`DEFAULT_TIMEOUT_SECS`].
pub fn timeout() -> Result<Duration, PdfError> {
    match std::env::var("ATTACHE_PDF_TIMEOUT") {
        Err(_) => Ok(Duration::from_secs_f64(DEFAULT_TIMEOUT_SECS)),
        Ok(v) => match v.trim().parse::<f64>() {
            Ok(s) if s > 0.0 && s.is_finite() && s < 1e9 => Ok(Duration::from_secs_f64(s)),
            _ => Err(PdfError::BadTimeout(v)),
        },
    }
}

/// A `file://` URL for an absolute path, every byte outside the unreserved
/// set (and `/`) percent-encoded, so that `#`, `?`, `%` and spaces in the
/// path (from `TMPDIR`) stay part of it.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'/' | b'-' | b'_' | b'.' | b'~') {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Print an HTML page to PDF bytes with headless Chromium. The page's own
/// `@page` rules set paper size and margins; no header or footer is added.
///
/// With the `cli` feature, SIGINT and SIGTERM are caught while the browser
/// runs (handlers installed once per process, the first time this is called)
/// so that the browser can be stopped and the temporary folder removed before
/// the process exits with 130 or 143.
pub fn html_to_pdf(html: &str) -> Result<Vec<u8>, PdfError> {
    let browser = find_chromium().ok_or(PdfError::NoChromium)?;
    let limit = timeout()?;
    let dir = tempfile::tempdir()?;
    // The page's path is absolute, so its URL is too.
    let page = std::path::absolute(dir.path().join("page.html"))?;
    let pdf = dir.path().join("page.pdf");
    std::fs::write(&page, html)?;
    let result = print(&browser, &page, &pdf, &dir.path().join("profile"), limit);
    let bytes = result.and_then(|()| Ok(std::fs::read(&pdf)?));
    drop(dir);
    let bytes = bytes?;
    if !bytes.starts_with(b"%PDF-") {
        return Err(PdfError::NotPdf { browser });
    }
    Ok(bytes)
}

/// SIGINT or SIGTERM seen while printing (the signal number), or 0.
#[cfg(feature = "cli")]
fn signals() -> Option<&'static Arc<AtomicUsize>> {
    static GOT: std::sync::OnceLock<Option<Arc<AtomicUsize>>> = std::sync::OnceLock::new();
    GOT.get_or_init(|| {
        let got = Arc::new(AtomicUsize::new(0));
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            signal_hook::flag::register_usize(sig, Arc::clone(&got), sig as usize).ok()?;
        }
        Some(got)
    })
    .as_ref()
}

/// Without the `cli` feature the library installs no signal handler.
#[cfg(not(feature = "cli"))]
fn signals() -> Option<&'static Arc<AtomicUsize>> {
    None
}

fn print(browser: &Path, page: &Path, pdf: &Path, profile: &Path, limit: Duration) -> Result<(), PdfError> {
    let failed = |detail: String| PdfError::Failed { browser: browser.to_path_buf(), detail };
    let err_path = profile.with_file_name("stderr.txt");
    let err_file = std::fs::File::create(&err_path)?;
    let signal = signals();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(err_file)
        .spawn()
        .map_err(|e| failed(e.to_string()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        let sig = signal.map_or(0, |s| s.load(Ordering::Relaxed));
        if sig != 0 || started.elapsed() >= limit {
            let _ = child.kill();
            let _ = child.wait();
            if sig != 0 {
                // Remove the temporary folder before leaving.
                if let Some(dir) = profile.parent() {
                    let _ = std::fs::remove_dir_all(dir);
                }
                std::process::exit(128 + sig as i32);
            }
            return Err(PdfError::Timeout { browser: browser.to_path_buf(), secs: limit.as_secs_f64() });
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !pdf.is_file() {
        let err = std::fs::read(&err_path).unwrap_or_default();
        let err = String::from_utf8_lossy(&err);
        let tail: String = err.lines().rev().take(3).collect::<Vec<_>>().join(" | ");
        return Err(failed(format!("{status}: {tail}")));
    }
    Ok(())
}

/// Number of pages of a PDF: the page objects (`/Type /Page`, not
/// `/Pages`) it declares. Returns `None` when there is none, which means the
/// bytes are not a PDF this function understands.
pub fn page_count(pdf: &[u8]) -> Option<usize> {
    let mut count = 0;
    let needle = b"/Type";
    let mut i = 0;
    while i + needle.len() < pdf.len() {
        if &pdf[i..i + needle.len()] == needle {
            let mut j = i + needle.len();
            while j < pdf.len() && (pdf[j] == b' ' || pdf[j] == b'\n' || pdf[j] == b'\r') {
                j += 1;
            }
            if pdf[j..].starts_with(b"/Page") && !pdf[j..].starts_with(b"/Pages") {
                count += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    (count > 0).then_some(count)
}

#[cfg(test)]
mod tests {
    use super::{file_url, page_count};

    #[test]
    fn file_urls_escape_what_a_url_would_read_as_syntax() {
        let url = file_url(std::path::Path::new("/tmp/a #1/%x?y/é.html"));
        assert_eq!(url, "file:///tmp/a%20%231/%25x%3Fy/%C3%A9.html");
    }

    #[test]
    fn counts_page_objects_not_the_page_tree() {
        let pdf = b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R 4 0 R] /Count 2>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n4 0 obj <</Type/Page /Parent 2 0 R>> endobj";
        assert_eq!(page_count(pdf), Some(2));
        assert_eq!(page_count(b"not a pdf"), None);
    }
}

/// How many times [`print_one_page`] shrinks the content before giving up.
const SHRINK_TRIES: usize = 4;

/// Print to PDF, and if the page overflows, shrink the content and print
/// again: `render(budget)` renders HTML for a word budget, starting at
/// `budget` and losing 15% each try. The page fitting keeps most pages
/// within one page already; this guards the rest (unusual fonts, very
/// long names). Returns the PDF of the last try.
pub fn print_one_page(
    budget: usize,
    mut render: impl FnMut(usize) -> Result<String, crate::Error>,
) -> Result<Vec<u8>, PrintError> {
    let mut budget = budget;
    let mut pdf = html_to_pdf(&render(budget)?)?;
    for _ in 0..SHRINK_TRIES {
        if page_count(&pdf).is_none_or(|n| n <= 1) {
            break;
        }
        budget = budget * 85 / 100;
        pdf = html_to_pdf(&render(budget)?)?;
    }
    Ok(pdf)
}

/// Why [`print_one_page`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PrintError {
    /// Rendering the HTML failed.
    #[error(transparent)]
    Render(#[from] crate::Error),
    /// Printing failed.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}
