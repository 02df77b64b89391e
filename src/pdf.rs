//! Printing HTML to PDF with headless Chromium, and counting PDF pages.
//!
//! Chromium is found as `$ATTACHE_CHROMIUM`, else `chromium`,
//! `chromium-browser`, `google-chrome` or `google-chrome-stable` on `PATH`.

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Print an HTML page to PDF bytes with headless Chromium. The page's own
/// `@page` rules set paper size and margins; no header or footer is added.
pub fn html_to_pdf(html: &str) -> Result<Vec<u8>, PdfError> {
    let browser = find_chromium().ok_or(PdfError::NoChromium)?;
    let dir = tempfile::tempdir()?;
    let page = dir.path().join("page.html");
    let pdf = dir.path().join("page.pdf");
    std::fs::write(&page, html)?;
    print(&browser, &page, &pdf, &dir.path().join("profile"))?;
    Ok(std::fs::read(&pdf)?)
}

fn print(browser: &Path, page: &Path, pdf: &Path, profile: &Path) -> Result<(), PdfError> {
    let out = Command::new(browser)
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
        .arg(format!("file://{}", page.display()))
        .output()
        .map_err(|e| PdfError::Failed { browser: browser.to_path_buf(), detail: e.to_string() })?;
    if !pdf.is_file() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: String = err.lines().rev().take(3).collect::<Vec<_>>().join(" | ");
        return Err(PdfError::Failed {
            browser: browser.to_path_buf(),
            detail: format!("{}: {tail}", out.status),
        });
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
    use super::page_count;

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
