//! The ordered parallel batch: brief a whole archive on every core,
//! streaming, handing the results to a [`Sink`] in input order.
//!
//! A reader thread reads and frames the inputs ([`Sources`], records not yet
//! decoded) and sends them down a bounded channel; a briefing thread gathers
//! them into chunks (at most 256 records or 24 MB of text, or what arrived
//! within 50 ms, so that streaming input on a pipe stays responsive) and
//! briefs each chunk on a pool of worker threads, decoding (JSON, HTML
//! extraction) included, order kept within the chunk. Up to three chunks are
//! on the pool at once, so workers never wait for one to be gathered or
//! handed over. The calling thread hands each chunk's results to the sink in
//! input order, then calls [`Sink::chunk_done`], before taking the next.
//!
//! Memory is bounded whatever the archive's size: by the queue length (256
//! records) and a budget of 64 MB of input read but not yet handed over (a
//! single larger record still passes). The records the sink gets are the same,
//! in the same order, for any number of threads.
//!
//! - **Nothing lost.** Every record read gives exactly one
//!   [`Sink::briefed`] or [`Sink::failed`]. Work on a record runs under
//!   `catch_unwind` on a thread with a 64 MB stack ([`WORKER_STACK`]), so a
//!   panic while briefing it becomes its [`Failure`] (with
//!   [`Failure::panicked`] set) and the run goes on. Worker threads are named
//!   `attache-batch-N`; the default panic hook still prints such a panic, so a
//!   program that reports failures itself may quiet it for these threads
//!   (the `attache` binary does).
//! - **Cancellation.** With [`Batch::cancel`], setting the flag (from a
//!   signal handler, say) stops reading: what was read is briefed and
//!   handed over, then [`Sink::finish`] gets [`Summary::cancelled`]. The
//!   input reader thread may then be left blocked on its input (a pipe).
//! - **Stopping.** The sink stops the run by returning `Ok(false)` or an
//!   error (see [`Sink`]).
//!
//! ```
//! use std::sync::Arc;
//! use attache::batch::{Batch, Briefed, Sink};
//!
//! struct Titles(Vec<String>);
//! impl Sink for Titles {
//!     type Error = std::io::Error;
//!     fn briefed(&mut self, r: Briefed) -> Result<bool, std::io::Error> {
//!         self.0.push(r.brief.title.unwrap_or_default());
//!         Ok(true)
//!     }
//! }
//!
//! let sources = attache_parse::Sources::open(&["examples/archives/wire.jsonl"])?;
//! let pipeline = Arc::new(attache::Pipeline::builder().build()?);
//! let mut titles = Titles(Vec::new());
//! let summary = Batch::new(pipeline).threads(1).run(sources, &mut titles)?;
//! assert_eq!(summary.read, summary.briefed + summary.failed);
//! assert_eq!(titles.0.len() as u64, summary.briefed);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod engine;
mod record;
mod sink;

use std::fmt;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use attache_parse::Sources;
use attache_render::Format;

pub(crate) use record::panic_message;
pub use sink::{Briefed, Failure, Progress, Sink, SinkError, Summary};

use crate::Pipeline;

/// Stack of each worker thread. Generous, so that a deeply nested page or
/// a deep recursion in a library has room; untouched pages cost nothing.
pub const WORKER_STACK: usize = 64 << 20;

/// What the workers render besides the [`Brief`](attache_render::Brief), into
/// [`Briefed::rendered`]: rendering on the workers keeps the calling thread
/// free to hand results over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Render {
    /// One JSON line: the briefing's JSON with an `"input"` object naming
    /// where it came from appended, ending in a newline (what `attache batch
    /// --format json` writes). A briefing that cannot be serialised becomes
    /// a failure.
    JsonLine,
    /// The briefing rendered in a format with the pipeline's templates
    /// ([`Pipeline::render`]). A briefing that cannot be rendered becomes a
    /// failure.
    Format(Format),
}

/// A progress report callback (see [`Batch::progress`]).
type ProgressFn<'a> = Box<dyn FnMut(&Progress) + 'a>;

/// A batch run over [`Sources`], configured with builder methods, started
/// with [`Batch::run`].
pub struct Batch<'a> {
    pipeline: Arc<Pipeline>,
    threads: usize,
    render: Option<Render>,
    cancel: Option<Arc<AtomicBool>>,
    progress: Option<ProgressFn<'a>>,
    panic_on_id: Option<String>,
}

impl fmt::Debug for Batch<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Batch")
            .field("threads", &self.threads)
            .field("render", &self.render)
            .field("cancel", &self.cancel)
            .field("progress", &self.progress.is_some())
            .finish_non_exhaustive()
    }
}

impl<'a> Batch<'a> {
    /// A batch with `pipeline`: one worker thread per core, nothing
    /// rendered, no cancellation flag, no progress reports.
    pub fn new(pipeline: Arc<Pipeline>) -> Batch<'a> {
        Batch { pipeline, threads: 0, render: None, cancel: None, progress: None, panic_on_id: None }
    }

    /// Worker threads; 0 (the default) is one per core. The threads are
    /// started by [`Batch::run`] and end with it.
    pub fn threads(mut self, n: usize) -> Batch<'a> {
        self.threads = n;
        self
    }

    /// Render each briefing on the workers too (see [`Render`]).
    pub fn render(mut self, render: Render) -> Batch<'a> {
        self.render = Some(render);
        self
    }

    /// Stop reading once `flag` is set (see the [module documentation](self)).
    pub fn cancel(mut self, flag: Arc<AtomicBool>) -> Batch<'a> {
        self.cancel = Some(flag);
        self
    }

    /// Call `report` on the calling thread after each chunk of records has
    /// been handed to the sink.
    pub fn progress(mut self, report: impl FnMut(&Progress) + 'a) -> Batch<'a> {
        self.progress = Some(Box::new(report));
        self
    }

    /// Test hook: briefing the record whose id is `id` panics, so that tests
    /// can check that one record's failure stays that record's. Not for users.
    #[doc(hidden)]
    pub fn panic_on_id(mut self, id: Option<String>) -> Batch<'a> {
        self.panic_on_id = id;
        self
    }

    /// Brief every record of `sources` and hand the results to `sink` in
    /// input order; returns the counts [`Sink::finish`] got.
    ///
    /// # Errors
    ///
    /// The first error a sink method returned, or an error made with
    /// [`SinkError::error_message`] if a thread could not be started or a
    /// briefing job ended without its results. Records that cannot be read
    /// or briefed are not errors: they go to [`Sink::failed`].
    pub fn run<S: Sink>(&mut self, sources: Sources, sink: S) -> Result<Summary, S::Error> {
        engine::run(self, sources, sink)
    }
}
