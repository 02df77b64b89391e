//! One module per subcommand; each exposes `execute(args) -> Result<ExitCode>`.

pub(crate) mod batch;
pub(crate) mod brief;
pub(crate) mod completions;
pub(crate) mod daily;
pub(crate) mod eval;
pub(crate) mod eval_extract;
pub(crate) mod extract;
pub(crate) mod parse;
pub(crate) mod templates;
pub(crate) mod terminal;

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// An input that could not be briefed: exit code 1, unlike failures of the
/// run itself (unreadable files, unwritable output), which exit with 2.
#[derive(Debug, thiserror::Error)]
#[error("{input}: {reason}")]
pub(crate) struct InputFailed {
    pub(crate) input: String,
    pub(crate) reason: String,
}

/// Create `path` for writing, and the folders it needs: every `--output` (and
/// `--errors`, `--json`, `--pages`) file of every command follows this rule.
pub(crate) fn create_file(path: &Path) -> anyhow::Result<std::fs::File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))
}

/// Write bytes to `path` (see [`create_file`]), or to standard output when
/// `path` is `None` or `-`.
pub(crate) fn write_bytes(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(p) if p.as_os_str() != "-" => {
            create_file(p)?.write_all(bytes).with_context(|| format!("cannot write {}", p.display()))
        }
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Write `text` to `path` (see [`create_file`]), or to standard output when
/// `path` is `None` or `-`.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> anyhow::Result<()> {
    write_bytes(path, text.as_bytes())
}
