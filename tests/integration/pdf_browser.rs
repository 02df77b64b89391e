//! `--format pdf` with a fake browser (ATTACHE_CHROMIUM): one that hangs is
//! stopped after ATTACHE_PDF_TIMEOUT, one that writes junk is an error, and a
//! `#` or spaces in TMPDIR reach the browser as a proper file URL. The
//! temporary files are gone in every case.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::faults::{p, tree};
use crate::util::{attache, example, examples};

/// A shell script standing in for Chromium: `body` runs with `$out` set to
/// the `--print-to-pdf=` path and `$url` to the last argument.
fn browser(dir: &Path, body: &str) -> PathBuf {
    let path = dir.join("fake-chromium");
    let script = format!(
        "#!/bin/sh\nout=\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) out=\"${{a#--print-to-pdf=}}\";; esac; url=\"$a\"; done\n{body}\n"
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

fn article() -> PathBuf {
    examples().into_iter().next().unwrap_or_else(|| example("missing"))
}

struct Setup {
    _dir: tempfile::TempDir,
    root: PathBuf,
    tmp: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let tmp = root.join("tmp #1 with spaces");
    std::fs::create_dir(&tmp).unwrap();
    Setup { _dir: dir, root, tmp }
}

fn brief_pdf(s: &Setup, browser: &Path, timeout: &str) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let out = attache()
        .arg("brief")
        .arg(article())
        .args(["--format", "pdf", "--output", p(&s.root.join("out.pdf"))])
        .env("ATTACHE_CHROMIUM", browser)
        .env("ATTACHE_PDF_TIMEOUT", timeout)
        .env("TMPDIR", &s.tmp)
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), started.elapsed())
}

#[test]
fn a_hung_browser_is_stopped_and_its_files_removed() {
    let s = setup();
    let b = browser(&s.root, "exec sleep 30");
    let (code, stderr, took) = brief_pdf(&s, &b, "1");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("did not finish printing within 1 s"), "{stderr}");
    assert!(took < Duration::from_secs(20), "{took:?}");
    assert!(tree(&s.tmp).is_empty(), "{:?}", tree(&s.tmp));
    assert!(!s.root.join("out.pdf").exists());
    let (code, stderr, _) = brief_pdf(&s, &b, "soon");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("ATTACHE_PDF_TIMEOUT=\"soon\""), "{stderr}");
}

#[test]
fn junk_from_the_browser_is_not_a_pdf() {
    let s = setup();
    let b = browser(&s.root, "printf 'junk, not a PDF' > \"$out\"");
    let (code, stderr, _) = brief_pdf(&s, &b, "30");
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("not a PDF"), "{stderr}");
    assert!(tree(&s.tmp).is_empty(), "{:?}", tree(&s.tmp));
    assert!(!s.root.join("out.pdf").exists());
    // A browser that fails and prints nothing.
    let b = browser(&s.root, "echo 'GPU exploded' >&2; exit 3");
    let (code, stderr, _) = brief_pdf(&s, &b, "30");
    assert_eq!(code, Some(2));
    assert!(stderr.contains("did not print the page") && stderr.contains("GPU exploded"), "{stderr}");
    assert!(tree(&s.tmp).is_empty());
}

fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn a_hash_and_spaces_in_tmpdir_make_a_proper_file_url() {
    let s = setup();
    let log = s.root.join("url.log");
    let pdf = s.root.join("tiny.pdf");
    std::fs::write(&pdf, "%PDF-1.4\n1 0 obj <</Type /Page>> endobj\n%%EOF\n").unwrap();
    let b = browser(
        &s.root,
        &format!(
            "[ -f \"$(dirname \"$out\")/page.html\" ] || exit 9\nprintf '%s' \"$url\" > '{}'\ncp '{}' \"$out\"",
            log.display(),
            pdf.display()
        ),
    );
    let (code, stderr, _) = brief_pdf(&s, &b, "30");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(std::fs::read(s.root.join("out.pdf")).unwrap().starts_with(b"%PDF-"));
    let url = std::fs::read_to_string(&log).unwrap();
    assert!(url.starts_with("file:///") && !url.contains('#') && !url.contains(' '), "{url}");
    assert!(url.contains("%23") && url.contains("%20"), "{url}");
    let path = PathBuf::from(String::from_utf8(percent_decode(&url["file://".len()..])).unwrap());
    assert!(path.starts_with(s.tmp.canonicalize().unwrap()) || path.starts_with(&s.tmp), "{path:?}");
    assert!(path.ends_with("page.html"));
    assert!(tree(&s.tmp).is_empty(), "{:?}", tree(&s.tmp));
}

#[test]
fn sigint_while_printing_stops_the_browser_and_removes_the_files() {
    let s = setup();
    let b = browser(&s.root, "exec sleep 30");
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("attache"))
        .arg("brief")
        .arg(article())
        .args(["--format", "pdf", "--output", p(&s.root.join("out.pdf"))])
        .env("ATTACHE_CHROMIUM", &b)
        .env("TMPDIR", &s.tmp)
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Wait until the page is written and the browser runs.
    while tree(&s.tmp).is_empty() {
        assert!(started.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert!(started.elapsed() < Duration::from_secs(25));
    assert!(tree(&s.tmp).is_empty(), "{:?}", tree(&s.tmp));
}
