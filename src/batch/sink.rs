//! What a batch run hands over: the [`Sink`] trait and its records.

use std::fmt;
use std::time::Duration;

use attache_parse::InputRef;
use attache_render::Brief;

/// Receives the results of a batch run, one record at a time, in input order.
///
/// Modelled on ripgrep's `grep_searcher::Sink`. All methods run on the thread
/// that called [`Batch::run`](super::Batch::run), one after the other, so a
/// sink needs no locking. For every record read the sink gets exactly one
/// call, [`briefed`](Sink::briefed) or [`failed`](Sink::failed), in the
/// order of the inputs, whatever the number of threads.
///
/// # Control flow
///
/// - `Ok(true)` from [`briefed`](Sink::briefed), [`failed`](Sink::failed) or
///   [`chunk_done`](Sink::chunk_done) goes on.
/// - `Ok(false)` stops the run: no further record is handed over (records
///   already briefed are dropped, the input is not read further), then
///   [`finish`](Sink::finish) is called with [`Summary::stopped`] set.
/// - `Err(e)` stops the run at once: [`finish`](Sink::finish) is *not*
///   called and [`Batch::run`](super::Batch::run) returns `Err(e)`.
///
/// Only [`briefed`](Sink::briefed) must be written; by default failures are
/// skipped, chunk ends and the end of the run do nothing.
///
/// ```
/// use attache::batch::{Briefed, Sink};
///
/// /// Counts the quotes of every briefing.
/// #[derive(Default)]
/// struct Quotes(usize);
///
/// impl Sink for Quotes {
///     type Error = std::io::Error;
///     fn briefed(&mut self, record: Briefed) -> Result<bool, Self::Error> {
///         self.0 += record.brief.quotes.len();
///         Ok(true)
///     }
/// }
/// ```
pub trait Sink {
    /// What the sink's methods fail with; the run's own failures (a thread
    /// that cannot start) are made into one with [`SinkError::error_message`].
    type Error: SinkError;

    /// One briefed record.
    fn briefed(&mut self, record: Briefed) -> Result<bool, Self::Error>;

    /// One record that gave no briefing: it could not be read or decoded,
    /// had nothing to brief, could not be rendered, or its work panicked.
    /// The default skips it.
    fn failed(&mut self, failure: Failure) -> Result<bool, Self::Error> {
        let _ = failure;
        Ok(true)
    }

    /// The records of one chunk (at most a few hundred, see the
    /// [module documentation](super)) have all been handed over: a good
    /// moment to flush buffered output, so that what is on disk is always a
    /// prefix of the records. The default does nothing.
    fn chunk_done(&mut self) -> Result<bool, Self::Error> {
        Ok(true)
    }

    /// The run is over (the input ended, the run was cancelled, or the sink
    /// stopped it): the counts of every record handed over. Not called when
    /// a method returned an error. The default does nothing.
    fn finish(&mut self, summary: &Summary) -> Result<(), Self::Error> {
        let _ = summary;
        Ok(())
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    type Error = S::Error;
    fn briefed(&mut self, record: Briefed) -> Result<bool, Self::Error> {
        (**self).briefed(record)
    }
    fn failed(&mut self, failure: Failure) -> Result<bool, Self::Error> {
        (**self).failed(failure)
    }
    fn chunk_done(&mut self) -> Result<bool, Self::Error> {
        (**self).chunk_done()
    }
    fn finish(&mut self, summary: &Summary) -> Result<(), Self::Error> {
        (**self).finish(summary)
    }
}

/// An error type a [`Sink`] can fail with; the batch engine makes its own
/// failures (a thread that cannot start) into one.
pub trait SinkError: Sized {
    /// An error from a message.
    fn error_message<T: fmt::Display>(message: T) -> Self;
}

impl SinkError for std::io::Error {
    fn error_message<T: fmt::Display>(message: T) -> Self {
        std::io::Error::other(message.to_string())
    }
}

impl SinkError for Box<dyn std::error::Error + Send + Sync> {
    fn error_message<T: fmt::Display>(message: T) -> Self {
        message.to_string().into()
    }
}

/// A briefed record.
#[derive(Debug)]
#[non_exhaustive]
pub struct Briefed {
    /// The record's place in the run: 1 for the first record handed to the
    /// sink (briefed or failed), 2 for the next, and so on.
    pub number: u64,
    /// Where the record came from.
    pub input: InputRef,
    /// Its briefing.
    pub brief: Brief,
    /// The briefing rendered on the worker thread, as
    /// [`Batch::render`](super::Batch::render) asked; `None` without it.
    pub rendered: Option<String>,
}

/// A record that gave no briefing.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Failure {
    /// The record's place in the run, as [`Briefed::number`].
    pub number: u64,
    /// Where the record came from.
    pub input: InputRef,
    /// The record's id, when it declared or was given one.
    pub id: Option<String>,
    /// Why, in one line.
    pub reason: String,
    /// Whether the record's work panicked (an internal error, caught:
    /// `reason` then starts `internal error while briefing this record`).
    pub panicked: bool,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.input, self.reason)
    }
}

/// The counts of a batch run, for [`Sink::finish`] and
/// [`Batch::run`](super::Batch::run)'s result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Records handed to the sink.
    pub read: u64,
    /// Of which briefed.
    pub briefed: u64,
    /// Of which failed.
    pub failed: u64,
    /// WARC records skipped as not articles (requests, metadata, images).
    pub skipped: u64,
    /// The cancellation flag stopped the run: the rest of the input was not
    /// read (what had been read was briefed and handed over).
    pub cancelled: bool,
    /// The sink stopped the run by returning `Ok(false)`.
    pub stopped: bool,
}

/// How far a run is, for a progress display (see
/// [`Batch::progress`](super::Batch::progress)).
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Progress {
    /// Input bytes read so far (compressed size for compressed files).
    pub bytes_read: u64,
    /// Total input bytes, when every input is a regular file.
    pub total_bytes: Option<u64>,
    /// Records handed to the sink so far.
    pub read: u64,
    /// Of which failed.
    pub failed: u64,
    /// Time since the run started.
    pub elapsed: Duration,
}
