//! Where `attache batch` writes, and in which order: the [`Writer`] is the
//! batch engine's [`Sink`](attache::batch::Sink).
//!
//! Briefings go to a JSON Lines sink (a file or standard output) or to one
//! file per article in a folder; error records to their own file, standard
//! error, or the JSON sink. Writes reach the disk in input order across both
//! files: before writing to one buffered file, the other is flushed if it
//! holds anything, so at most one of them has unwritten data at any time and
//! whatever an interruption (even SIGKILL) leaves on disk is a prefix of the
//! records, each with exactly one briefing or one error. Lines are written
//! whole (one buffered write each), so a run that stops, even on SIGINT or
//! SIGTERM, leaves files that end on a line. Only SIGKILL can cut the write
//! in progress (Linux ends a write to a regular file between pages when a
//! fatal signal is pending): the last line may then be partial, and the
//! whole lines before it are the prefix.
//!
//! Files in the output folder are created new (`O_CREAT|O_EXCL`), which never
//! follows a symbolic link and never replaces a file the run did not create:
//! an existing name gets the next free `-2`, `-3`, … name, unless `--force`
//! lets the run replace it (a link is then removed, not followed).

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use attache::batch::{Briefed, Failure, Summary};

use crate::cmd::CliError;

/// The JSON Lines sink.
pub(crate) enum Sink {
    Stdout(std::io::Stdout),
    File(BufWriter<File>, PathBuf),
}

/// Where error records go.
pub(crate) enum ErrorSink {
    /// Interleaved with the briefings on standard output (`--errors -`).
    Output,
    Stderr,
    File(BufWriter<File>, PathBuf),
}

/// The output folder of `--format md|txt|html`.
pub(crate) struct Folder {
    pub(crate) dir: PathBuf,
    pub(crate) ext: &'static str,
    pub(crate) force: bool,
    /// Names this run created, lower-cased (for case-insensitive file systems).
    used: HashSet<String>,
}

impl Folder {
    pub(crate) fn new(dir: PathBuf, ext: &'static str, force: bool) -> Folder {
        Folder { dir, ext, force, used: HashSet::new() }
    }
}

/// Open a file for writing (parents created), replacing what is there.
pub(crate) fn open_file(path: &Path) -> anyhow::Result<BufWriter<File>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let f = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 16, f))
}

/// Both outputs, written in input order (see the module documentation).
pub(crate) struct Writer {
    pub(crate) sink: Option<Sink>,
    pub(crate) errors: ErrorSink,
    pub(crate) folder: Option<Folder>,
    /// The JSON sink's buffer holds data not yet written.
    out_dirty: bool,
    /// The errors file's buffer holds data not yet written.
    err_dirty: bool,
    /// Error lines to standard error are written with the bar suspended.
    pub(crate) progress: indicatif::ProgressBar,
}

impl Writer {
    pub(crate) fn new(sink: Option<Sink>, errors: ErrorSink, folder: Option<Folder>) -> Writer {
        let progress = indicatif::ProgressBar::hidden();
        Writer { sink, errors, folder, out_dirty: false, err_dirty: false, progress }
    }

    fn flush_errors(&mut self) -> anyhow::Result<()> {
        if self.err_dirty
            && let ErrorSink::File(w, p) = &mut self.errors
        {
            w.flush().with_context(|| format!("cannot write {}", p.display()))?;
        }
        self.err_dirty = false;
        Ok(())
    }

    fn flush_output(&mut self) -> anyhow::Result<()> {
        if self.out_dirty
            && let Some(Sink::File(w, p)) = &mut self.sink
        {
            w.flush().with_context(|| format!("cannot write the output {}", p.display()))?;
        }
        self.out_dirty = false;
        Ok(())
    }

    fn write_sink(&mut self, line: &str) -> anyhow::Result<()> {
        match self.sink.as_mut().expect("JSON output has a sink") {
            Sink::Stdout(s) => s.write_all(line.as_bytes()).context("cannot write the output"),
            Sink::File(w, p) => {
                self.out_dirty = true;
                w.write_all(line.as_bytes())
                    .with_context(|| format!("cannot write the output {}", p.display()))
            }
        }
    }

    /// One JSON briefing line (ending in a newline).
    pub(crate) fn briefing_line(&mut self, line: &str) -> anyhow::Result<()> {
        self.flush_errors()?;
        self.write_sink(line)
    }

    /// One briefing file, named from `id` (or `article-N`).
    pub(crate) fn briefing_file(&mut self, id: Option<&str>, n: u64, text: &str) -> anyhow::Result<()> {
        self.flush_errors()?;
        let folder = self.folder.as_mut().expect("file output has a folder");
        let (path, mut file) = create_unique(folder, id, n)?;
        file.write_all(text.as_bytes()).with_context(|| format!("cannot write {}", path.display()))
    }

    /// One error record line (ending in a newline).
    pub(crate) fn error(&mut self, line: &str) -> anyhow::Result<()> {
        match &mut self.errors {
            ErrorSink::Output => self.write_sink(line),
            ErrorSink::Stderr => {
                // A closed standard error loses these lines but not the run.
                self.progress.suspend(|| {
                    let _ = std::io::stderr().lock().write_all(line.as_bytes());
                });
                Ok(())
            }
            ErrorSink::File(..) => {
                self.flush_output()?;
                let ErrorSink::File(w, p) = &mut self.errors else { unreachable!() };
                self.err_dirty = true;
                w.write_all(line.as_bytes()).with_context(|| format!("cannot write {}", p.display()))
            }
        }
    }

    /// Write out what a chunk left in the buffers.
    pub(crate) fn end_chunk(&mut self) -> anyhow::Result<()> {
        self.flush_output()?;
        self.flush_errors()?;
        if let Some(Sink::Stdout(s)) = &mut self.sink {
            s.flush().context("cannot write the output")?;
        }
        Ok(())
    }
}

/// Briefings in input order, each with its `rendered` text (a JSON line or
/// a page); failures as error records; buffers flushed after each chunk.
impl attache::batch::Sink for Writer {
    type Error = CliError;

    fn briefed(&mut self, record: Briefed) -> Result<bool, CliError> {
        let text = record.rendered.as_deref().unwrap_or_default();
        if self.folder.is_some() {
            self.briefing_file(record.brief.id.as_deref(), record.number, text)?;
        } else {
            self.briefing_line(text)?;
        }
        Ok(true)
    }

    fn failed(&mut self, failure: Failure) -> Result<bool, CliError> {
        let input = serde_json::to_value(&failure.input).unwrap_or_default();
        self.error(&error_line(input, failure.id.as_deref(), &failure.reason))?;
        Ok(true)
    }

    fn chunk_done(&mut self) -> Result<bool, CliError> {
        self.end_chunk()?;
        Ok(true)
    }

    fn finish(&mut self, _summary: &Summary) -> Result<(), CliError> {
        Ok(self.end_chunk()?)
    }
}

/// One error record, ending in a newline: `{"input":{"file",…},"id":…,"error":"…"}`.
fn error_line(input: serde_json::Value, id: Option<&str>, reason: &str) -> String {
    let mut line = serde_json::json!({ "input": input, "id": id, "error": reason }).to_string();
    line.push('\n');
    line
}

/// Create the briefing file for `id` in the folder: the first free name of
/// `base.ext`, `base-2.ext`, … that this run has not used and that does not
/// exist (or, with `force`, that is not a directory: it is replaced).
fn create_unique(folder: &mut Folder, id: Option<&str>, n: u64) -> anyhow::Result<(PathBuf, File)> {
    let base = id.map(sanitize).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("article-{n}"));
    for k in 1u64.. {
        let name =
            if k == 1 { format!("{base}.{}", folder.ext) } else { format!("{base}-{k}.{}", folder.ext) };
        if !folder.used.insert(name.to_lowercase()) {
            continue;
        }
        let path = folder.dir.join(&name);
        let cannot = || format!("cannot write {}", path.display());
        match create_new(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(cannot),
        }
        if folder.force && path.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
            std::fs::remove_file(&path).with_context(cannot)?;
            match create_new(&path) {
                Ok(f) => return Ok((path, f)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e).with_context(cannot),
            }
        }
    }
    unreachable!("an unbounded range ends")
}

fn create_new(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new().write(true).create_new(true).open(path)
}

/// An id made safe as a file name: letters, digits, `-`, `_`, `.`; no
/// leading dot; at most 100 bytes.
pub(crate) fn sanitize(id: &str) -> String {
    let mut out = String::with_capacity(id.len().min(100));
    for c in id.chars() {
        let c = if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') { c } else { '_' };
        if c == '_' && out.ends_with('_') {
            continue;
        }
        if out.len() >= 100 {
            break;
        }
        out.push(c);
    }
    out.trim_start_matches(['.', '_']).trim_end_matches(['.', '_']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitised_names_stay_inside_the_directory() {
        assert_eq!(sanitize("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitize("..\\..\\windows"), "windows");
        assert_eq!(sanitize("/abs/path"), "abs_path");
        assert_eq!(sanitize("..."), "");
        assert_eq!(sanitize("urn:uuid:1234"), "urn_uuid_1234");
        assert_eq!(sanitize(&"x".repeat(500)).len(), 100);
    }

    #[test]
    fn names_are_unique_and_existing_files_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a_b.md"), "theirs").unwrap();
        let mut folder = Folder::new(dir.path().to_path_buf(), "md", false);
        let mut name = |id: Option<&str>, n| {
            let (p, _) = create_unique(&mut folder, id, n).unwrap();
            p.file_name().unwrap().to_str().unwrap().to_string()
        };
        assert_eq!(name(Some("a/b"), 1), "a_b-2.md");
        assert_eq!(name(Some("a:b"), 2), "a_b-3.md");
        assert_eq!(name(Some(".."), 3), "article-3.md");
        assert_eq!(name(None, 4), "article-4.md");
        assert_eq!(std::fs::read_to_string(dir.path().join("a_b.md")).unwrap(), "theirs");
    }
}
