//! The threads of a batch run and the bounds that keep its memory flat (see
//! the [parent module](super)).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use attache_parse::{InputRef, Pending, Sources};
use rayon::prelude::*;

use super::record::{Outcome, brief_guarded};
use super::{Batch, Progress, Sink, SinkError, Summary, WORKER_STACK};

/// Most records briefed together; the sink's `chunk_done` follows each chunk.
const CHUNK_RECORDS: usize = 256;
/// A chunk is closed early once its article text reaches this many bytes.
const CHUNK_BYTES: usize = 24 << 20;
/// Records the reader may run ahead of the workers.
const QUEUE_RECORDS: usize = 256;
/// Input bytes (JSON lines, pages, responses) that may be read but not yet
/// briefed and handed over.
const BUDGET_BYTES: usize = 64 << 20;
/// Chunks briefed or waiting on the pool at once.
const CHUNKS_IN_FLIGHT: usize = 3;
/// How long to wait for more input before briefing a partial chunk (keeps
/// streaming use on a pipe responsive).
const GATHER_WAIT: Duration = Duration::from_millis(50);
/// Prefix of the worker threads' names.
const WORKER: &str = "attache-batch";

/// A chunk's records, with a reference to the file each comes from (one
/// [`InputRef`] per run of records from that file, so that a record whose
/// decoding panics can still be named without a copy per record).
struct Chunk {
    records: Vec<(Pending, u32)>,
    files: Vec<InputRef>,
    bytes: usize,
}

/// A briefed chunk: its outcomes in input order and the bytes of input it held.
type Briefed = (Vec<Outcome>, usize);

pub(super) fn run<S: Sink>(
    batch: &mut Batch<'_>,
    sources: Sources,
    mut sink: S,
) -> Result<Summary, S::Error> {
    let started = Instant::now();
    let err = |what: &str, e: &dyn std::fmt::Display| S::Error::error_message(format!("{what}: {e}"));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(batch.threads)
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("{WORKER}-{i}"))
        .build()
        .map_err(|e| err("cannot start the worker threads", &e))?;
    let cancel = batch.cancel.clone().unwrap_or_default();
    // Set when the sink stops the run or fails: the reader and the
    // briefing thread stop as on cancellation.
    let stop = Arc::new(AtomicBool::new(false));
    let total_bytes = sources.total_bytes();
    let consumed = sources.bytes_read_counter();
    let skipped = sources.skipped_counter();
    let (render, panic_on) = (batch.render, batch.panic_on_id.as_deref());

    // Reader thread: records in input order, bounded queue, bounded bytes.
    let (tx, rx) = mpsc::sync_channel::<Pending>(QUEUE_RECORDS);
    let budget = Arc::new(Budget::default());
    let reader_budget = budget.clone();
    let (reader_cancel, reader_stop) = (Arc::clone(&cancel), Arc::clone(&stop));
    let reader = std::thread::Builder::new()
        .name("attache-reader".into())
        .spawn(move || {
            let mut sources = sources;
            while !reader_cancel.load(Ordering::Relaxed)
                && !reader_stop.load(Ordering::Relaxed)
                && let Some(record) = sources.next_pending()
            {
                reader_budget.acquire(record.size());
                if tx.send(record).is_err() {
                    break;
                }
            }
        })
        .map_err(|e| err("cannot start the reader thread", &e))?;

    let mut summary = Summary::default();
    let interrupted = || cancel.load(Ordering::Relaxed) || stop.load(Ordering::Relaxed);
    let pipeline = &batch.pipeline;
    let progress = &mut batch.progress;
    std::thread::scope(|scope| -> Result<(), S::Error> {
        // Briefing thread: chunks of records in input order, each briefed in
        // parallel on the pool. Up to CHUNKS_IN_FLIGHT chunks are on the
        // pool at once, so workers never wait for a chunk to be gathered or
        // handed over; this thread passes their results on in input order.
        // Once cancelled it briefs what it has gathered and stops.
        let (done_tx, done_rx) = mpsc::sync_channel::<mpsc::Receiver<Briefed>>(CHUNKS_IN_FLIGHT - 1);
        let pool = &pool;
        let panic_on = panic_on.map(str::to_string);
        std::thread::Builder::new()
            .name("attache-brief".into())
            .spawn_scoped(scope, move || {
                while let Some(chunk) = gather(&rx, &interrupted) {
                    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Briefed>(1);
                    if done_tx.send(chunk_rx).is_err() {
                        break;
                    }
                    let pipeline = Arc::clone(pipeline);
                    let panic_on = panic_on.clone();
                    pool.spawn(move || {
                        let Chunk { records, files, bytes } = chunk;
                        let panic_on = panic_on.as_deref();
                        let outcomes = records
                            .into_par_iter()
                            .map(|(r, f)| brief_guarded(&pipeline, r, &files[f as usize], render, panic_on))
                            .collect();
                        let _ = chunk_tx.send((outcomes, bytes));
                    });
                    if interrupted() {
                        break;
                    }
                }
            })
            .map_err(|e| err("cannot start the briefing thread", &e))?;

        let mut hand_over = |done_rx: &mpsc::Receiver<mpsc::Receiver<Briefed>>| -> Result<(), S::Error> {
            for chunk_rx in done_rx.iter() {
                let (outcomes, bytes) = chunk_rx
                    .recv()
                    .map_err(|_| S::Error::error_message("a briefing job ended without its results"))?;
                for outcome in outcomes {
                    summary.read += 1;
                    let go = match outcome {
                        Ok(mut b) => {
                            summary.briefed += 1;
                            b.number = summary.read;
                            sink.briefed(b)?
                        }
                        Err(mut f) => {
                            summary.failed += 1;
                            f.number = summary.read;
                            sink.failed(f)?
                        }
                    };
                    if !go {
                        summary.stopped = true;
                        return Ok(());
                    }
                }
                if !sink.chunk_done()? {
                    summary.stopped = true;
                    return Ok(());
                }
                budget.release(bytes);
                if let Some(report) = progress.as_mut() {
                    report(&Progress {
                        bytes_read: consumed.load(Ordering::Relaxed),
                        total_bytes,
                        read: summary.read,
                        failed: summary.failed,
                        elapsed: started.elapsed(),
                    });
                }
            }
            Ok(())
        };
        let handed = hand_over(&done_rx);
        if handed.is_err() || summary.stopped {
            stop.store(true, Ordering::Relaxed);
        }
        if handed.is_err() || summary.stopped || cancel.load(Ordering::Relaxed) {
            // Let the reader and the briefing thread run out instead of
            // waiting for budget or room that will never come.
            budget.close();
            drop(done_rx);
        }
        handed
    })?;
    summary.cancelled = cancel.load(Ordering::Relaxed);
    if !summary.cancelled && !summary.stopped {
        // The reader only stops early if the channel closed, which we never do.
        reader.join().map_err(|_| S::Error::error_message("the input reader thread panicked"))?;
    }
    // Otherwise the reader may be blocked on its input (a pipe): leave it.
    summary.skipped = skipped.load(Ordering::Relaxed);
    sink.finish(&summary)?;
    Ok(summary)
}

/// Gather a chunk: wait for the first record, then take what arrives
/// promptly, up to the record and byte limits. `None` when the input is done
/// or the run was stopped before any record.
fn gather(rx: &mpsc::Receiver<Pending>, interrupted: &dyn Fn() -> bool) -> Option<Chunk> {
    let first = loop {
        match rx.recv_timeout(GATHER_WAIT) {
            Ok(r) => break r,
            Err(mpsc::RecvTimeoutError::Timeout) if !interrupted() => {}
            Err(_) => return None,
        }
    };
    let mut chunk = Chunk { records: Vec::with_capacity(CHUNK_RECORDS), files: Vec::new(), bytes: 0 };
    let add = |chunk: &mut Chunk, r: Pending| {
        chunk.bytes += r.size();
        if chunk.files.last().map(|f| &f.file) != Some(&r.input().file) {
            chunk.files.push(r.input().clone());
        }
        let f = (chunk.files.len() - 1) as u32;
        chunk.records.push((r, f));
    };
    add(&mut chunk, first);
    while chunk.records.len() < CHUNK_RECORDS && chunk.bytes < CHUNK_BYTES && !interrupted() {
        match rx.recv_timeout(GATHER_WAIT) {
            Ok(r) => add(&mut chunk, r),
            Err(_) => break,
        }
    }
    Some(chunk)
}

/// Bytes of article text in flight between the reader and the sink. The
/// reader waits while the budget is spent, unless nothing is in flight (so a
/// single huge record still passes).
#[derive(Default)]
struct Budget {
    in_flight: Mutex<usize>,
    freed: Condvar,
    closed: AtomicBool,
}

impl Budget {
    fn acquire(&self, n: usize) {
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        while *used > 0 && *used + n > BUDGET_BYTES && !self.closed.load(Ordering::Relaxed) {
            used = self.freed.wait(used).unwrap_or_else(|e| e.into_inner());
        }
        *used += n;
    }

    fn release(&self, n: usize) {
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        *used = used.saturating_sub(n);
        self.freed.notify_all();
    }

    /// Stop limiting: the run is over and nothing will be released.
    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        *used = 0;
        self.freed.notify_all();
    }
}
