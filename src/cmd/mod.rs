//! One module per subcommand; each exposes `execute(args) -> Result<ExitCode>`.

pub(crate) mod batch;
pub(crate) mod brief;
pub(crate) mod daily;
pub(crate) mod eval;
pub(crate) mod eval_extract;
pub(crate) mod eval_update;
pub(crate) mod extract;
pub(crate) mod parse;
pub(crate) mod templates;

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

/// Write bytes to `path`, or to standard output when `path` is `None`.
pub(crate) fn write_bytes(path: Option<&Path>, bytes: &[u8]) -> anyhow::Result<()> {
    match path {
        Some(p) => std::fs::write(p, bytes).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
            Ok(())
        }
    }
}

/// Write `text` to `path`, or to standard output when `path` is `None`.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match path {
        Some(p) => std::fs::write(p, text).with_context(|| format!("cannot write {}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
            Ok(())
        }
    }
}
