//! One module per subcommand; each exposes `execute(args) -> Result<ExitCode>`.

pub(crate) mod batch;
pub(crate) mod brief;
pub(crate) mod completions;
pub(crate) mod daily;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod parse;
pub(crate) mod paths;
pub(crate) mod templates;
pub(crate) mod terminal;

mod batch_out;

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::Context;

/// At most this many worker threads per core (and [`MAX_JOBS`] in all).
pub(crate) const JOBS_PER_CORE: usize = 4;
/// The most worker threads `--jobs` gives, whatever the core count.
pub(crate) const MAX_JOBS: usize = 256;

/// Worker threads for `--jobs`: `jobs` (0, the default, is one per core),
/// capped at [`JOBS_PER_CORE`] × cores and [`MAX_JOBS`] (with a note on
/// standard error).
pub(crate) fn worker_threads(jobs: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let max = (cores * JOBS_PER_CORE).min(MAX_JOBS);
    match jobs {
        Some(n) if n > max => {
            eprint_line(&format!(
                "attache: --jobs {n} is more than the {max} threads allowed here ({JOBS_PER_CORE} per core, at most {MAX_JOBS}); using {max}"
            ));
            max
        }
        Some(n) => n,
        None => 0,
    }
}

/// A worker pool of [`worker_threads`] threads, each with a
/// [`WORKER_STACK`](attache::batch::WORKER_STACK) stack, as the batch engine's.
pub(crate) fn worker_pool(jobs: Option<usize>, name: &'static str) -> anyhow::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(jobs))
        .stack_size(attache::batch::WORKER_STACK)
        .thread_name(move |i| format!("{name}-{i}"))
        .build()
        .context("cannot start the worker threads")
}

/// Write one line to standard error, ignoring failure: a closed or broken
/// standard error must not stop (or crash) a run.
pub(crate) fn eprint_line(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(line.as_bytes()).and_then(|()| err.write_all(b"\n"));
}

/// Test hook, read once: with `ATTACHE_TEST_PANIC_ON_ID=ID` in the
/// environment, briefing the record whose id is `ID` panics, so that tests
/// can check that one record's failure stays that record's. Not for users.
pub(crate) fn test_panic_id() -> Option<&'static str> {
    static ID: OnceLock<Option<String>> = OnceLock::new();
    ID.get_or_init(|| std::env::var("ATTACHE_TEST_PANIC_ON_ID").ok()).as_deref()
}

/// Quiet the default panic report for worker threads named `prefix-…`:
/// their panics become error records, which say it. Other threads report as
/// usual.
pub(crate) fn quiet_worker_panics(prefix: &'static str) {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !std::thread::current().name().is_some_and(|n| n.starts_with(prefix)) {
            default(info);
        }
    }));
}

/// A batch sink's error: the command's error, made from the engine's
/// messages too (see [`attache::batch::SinkError`]).
#[derive(Debug)]
pub(crate) struct CliError(pub(crate) anyhow::Error);

impl From<anyhow::Error> for CliError {
    fn from(e: anyhow::Error) -> CliError {
        CliError(e)
    }
}

impl attache::batch::SinkError for CliError {
    fn error_message<T: std::fmt::Display>(message: T) -> CliError {
        CliError(anyhow::anyhow!("{message}"))
    }
}

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
