//! `attache batch`: brief a whole archive in parallel, streaming, in input order.
//!
//! A reader thread reads and frames the inputs ([`attache_parse::Sources`],
//! records not yet decoded) and sends them down a bounded channel; the main
//! thread gathers them into chunks, decodes (JSON, HTML extraction) and briefs
//! each chunk on the rayon pool (order kept by `collect`), and
//! writes the chunk's results before taking the next. Memory is bounded by
//! the queue length and a byte budget for article text in flight, whatever
//! the archive's size, and the output is the same, byte for byte, for any
//! number of threads.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use attache_parse::{InputRef, Pending, Record, Sources};
use attache_render::Format;
use clap::ValueEnum;
use rayon::prelude::*;

use crate::cli::{BatchArgs, BatchFormatArg};
use crate::cmd::batch_out::{ErrorSink, Folder, Sink, Writer, open_file};
use crate::cmd::paths::{Output, check_outputs, errors_beside};

/// Most records briefed together; the writer flushes after each chunk.
const CHUNK_RECORDS: usize = 256;
/// A chunk is closed early once its article text reaches this many bytes.
const CHUNK_BYTES: usize = 24 << 20;
/// Records the reader may run ahead of the workers.
const QUEUE_RECORDS: usize = 256;
/// Input bytes (JSON lines, pages, responses) that may be read but not yet
/// briefed and written.
const BUDGET_BYTES: usize = 64 << 20;
/// Chunks briefed or waiting on the pool at once.
const CHUNKS_IN_FLIGHT: usize = 3;
/// How long to wait for more input before briefing a partial chunk (keeps
/// streaming use on a pipe responsive).
const GATHER_WAIT: Duration = Duration::from_millis(50);
/// Prefix of the worker threads' names (their panics become error records).
const WORKER: &str = "attache-batch";

/// What became of one input record.
enum Outcome {
    /// A JSON briefing line, ending in a newline.
    Json(String),
    /// A rendered briefing to write to its own file, named from `id`.
    File { id: Option<String>, text: String },
    /// Why the record gave no briefing.
    Failed { input: InputRef, id: Option<String>, reason: String },
    /// The record's work panicked; where it came from, as the writer shows it.
    Panicked { file: String, line: Option<u64>, record: Option<u64>, id: Option<String>, reason: String },
}

/// A chunk's records, with the names of the files they come from (each name
/// stored once per run of records from that file, so that a record whose
/// decoding panics can still be named without a copy per record).
struct Chunk {
    records: Vec<(Pending, u32)>,
    files: Vec<String>,
    bytes: usize,
}

/// A briefed chunk: its outcomes in input order and the bytes of input it held.
type Briefed = (Vec<Outcome>, usize);

/// Counts for the summary line.
#[derive(Default)]
struct Counts {
    read: u64,
    briefed: u64,
    failed: u64,
}

/// SIGINT or SIGTERM received (the signal number), or 0.
fn watch_signals() -> anyhow::Result<Arc<AtomicUsize>> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let got = Arc::new(AtomicUsize::new(0));
    let again = Arc::new(AtomicBool::new(false));
    for sig in [SIGINT, SIGTERM] {
        // A second signal ends the run at once, with the usual status.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&again))
            .context("cannot watch for signals")?;
        signal_hook::flag::register(sig, Arc::clone(&again)).context("cannot watch for signals")?;
        signal_hook::flag::register_usize(sig, Arc::clone(&got), sig as usize)
            .context("cannot watch for signals")?;
    }
    Ok(got)
}

fn format_name(f: BatchFormatArg) -> String {
    f.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
}

/// Open the outputs after checking that none is an input or another output.
fn open_outputs(args: &BatchArgs, format: Option<(Format, &'static str)>) -> anyhow::Result<Writer> {
    let fmt = format_name(args.format);
    let dash = |p: &PathBuf| p.as_os_str() == "-";
    let folder_output = format.is_some();
    match (&format, &args.output) {
        (Some(_), None) => {
            bail!("--format {fmt} writes one file per article: give a folder with --output DIR")
        }
        (Some(_), Some(p)) if dash(p) => bail!(
            "--format {fmt} writes one file per article into a folder, so it cannot write to standard output (`--output -`); give a folder, or use --format json"
        ),
        _ => {}
    }
    if format.is_some() && args.errors.as_ref().is_some_and(dash) {
        bail!("--errors - puts error records among the JSON briefings; it needs --format json");
    }
    let errors_path = match (&args.errors, &args.output) {
        (Some(p), _) if dash(p) => None,
        (Some(p), _) => Some(p.clone()),
        (None, Some(out)) if !dash(out) => Some(errors_beside(out)?),
        (None, _) => None,
    };
    let mut outputs = Vec::new();
    if let Some(out) = &args.output {
        outputs.push(Output { option: "--output", path: out, folder: folder_output });
    }
    if let Some(p) = &errors_path {
        let option = if args.errors.is_some() { "--errors" } else { "the errors file" };
        outputs.push(Output { option, path: p, folder: false });
    }
    check_outputs(&args.inputs, &outputs)?;

    let (sink, folder) = match (&format, &args.output) {
        (None, Some(p)) if !dash(p) => (Some(Sink::File(open_file(p)?, p.clone())), None),
        (None, _) => (Some(Sink::Stdout(std::io::stdout())), None),
        (Some((_, ext)), Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create folder {}", dir.display()))?;
            (None, Some(Folder::new(dir.clone(), ext, args.force)))
        }
        (Some(_), None) => unreachable!("refused above"),
    };
    let errors = match (&args.errors, errors_path) {
        (Some(p), _) if dash(p) => ErrorSink::Output,
        (_, Some(p)) => ErrorSink::File(open_file(&p)?, p),
        (_, None) => ErrorSink::Stderr,
    };
    Ok(Writer::new(sink, errors, folder))
}

pub(crate) fn execute(args: &BatchArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let pipeline = Arc::new(attache::Pipeline::new(&args.options.to_options())?);
    let format: Option<(Format, &'static str)> = match args.format {
        BatchFormatArg::Json => None,
        BatchFormatArg::Md => Some((Format::Markdown, "md")),
        BatchFormatArg::Txt => Some((Format::Text, "txt")),
        BatchFormatArg::Html => Some((Format::Html, "html")),
    };
    let sources = Sources::open(&args.inputs)?;
    let mut writer = open_outputs(args, format)?;
    let pool = super::worker_pool(args.jobs, WORKER)?;
    super::quiet_worker_panics(WORKER);
    let signal = watch_signals()?;
    let panic_on = super::test_panic_id();

    let progress = progress_bar(args.quiet, sources.total_bytes());
    let consumed = sources.bytes_read_counter();
    let skipped = sources.skipped_counter();

    // Reader thread: records in input order, bounded queue, bounded bytes.
    let (tx, rx) = mpsc::sync_channel::<Pending>(QUEUE_RECORDS);
    let budget = Arc::new(Budget::default());
    let reader_budget = budget.clone();
    let reader_signal = Arc::clone(&signal);
    let reader = std::thread::Builder::new()
        .name("attache-reader".into())
        .spawn(move || {
            let mut sources = sources;
            while reader_signal.load(Ordering::Relaxed) == 0
                && let Some(record) = sources.next_pending()
            {
                reader_budget.acquire(record.size());
                if tx.send(record).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the reader thread")?;

    let mut counts = Counts::default();
    let interrupted = || signal.load(Ordering::Relaxed) != 0;
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // Briefing thread: chunks of records in input order, each briefed in
        // parallel on the pool. Up to CHUNKS_IN_FLIGHT chunks are on the
        // pool at once, so workers never wait for a chunk to be gathered or
        // written; this thread hands their results over in input order. On
        // SIGINT or SIGTERM it briefs what it has gathered and stops.
        let (done_tx, done_rx) = mpsc::sync_channel::<mpsc::Receiver<Briefed>>(CHUNKS_IN_FLIGHT - 1);
        let (pipeline, pool) = (&pipeline, &pool);
        std::thread::Builder::new()
            .name("attache-brief".into())
            .spawn_scoped(scope, move || {
                while let Some(chunk) = gather(&rx, &interrupted) {
                    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Briefed>(1);
                    if done_tx.send(chunk_rx).is_err() {
                        break;
                    }
                    let pipeline = Arc::clone(pipeline);
                    pool.spawn(move || {
                        let Chunk { records, files, bytes } = chunk;
                        let outcomes = records
                            .into_par_iter()
                            .map(|(r, f)| brief_guarded(&pipeline, r, &files[f as usize], format, panic_on))
                            .collect();
                        let _ = chunk_tx.send((outcomes, bytes));
                    });
                    if interrupted() {
                        break;
                    }
                }
            })
            .context("cannot start the briefing thread")?;

        let mut write_outcomes = |done_rx: &mpsc::Receiver<mpsc::Receiver<Briefed>>| -> anyhow::Result<()> {
            for chunk_rx in done_rx.iter() {
                let (outcomes, bytes) =
                    chunk_rx.recv().context("a briefing job ended without its results")?;
                for outcome in outcomes {
                    counts.read += 1;
                    match outcome {
                        Outcome::Json(line) => {
                            counts.briefed += 1;
                            writer.briefing_line(&line)?;
                        }
                        Outcome::File { id, text } => {
                            counts.briefed += 1;
                            writer.briefing_file(id.as_deref(), counts.read, &text)?;
                        }
                        Outcome::Failed { input, id, reason } => {
                            counts.failed += 1;
                            let input = serde_json::to_value(&input).unwrap_or_default();
                            writer.error(&error_line(input, id.as_deref(), &reason), &progress)?;
                        }
                        Outcome::Panicked { file, line, record, id, reason } => {
                            counts.failed += 1;
                            let mut input = serde_json::json!({ "file": file });
                            if let Some(l) = line {
                                input["line"] = l.into();
                            }
                            if let Some(r) = record {
                                input["record"] = r.into();
                            }
                            writer.error(&error_line(input, id.as_deref(), &reason), &progress)?;
                        }
                    }
                }
                writer.end_chunk()?;
                budget.release(bytes);
                progress.set_position(consumed.load(Ordering::Relaxed));
                let rate = counts.read as f64 / started.elapsed().as_secs_f64().max(1e-9);
                progress
                    .set_message(format!("{} articles ({rate:.0}/s), {} failed", counts.read, counts.failed));
            }
            Ok(())
        };
        let written = write_outcomes(&done_rx);
        if written.is_err() || interrupted() {
            // Let the reader and the briefing thread run out instead of
            // waiting for budget or room that will never come.
            budget.close();
            drop(done_rx);
        }
        written
    })?;
    writer.end_chunk()?;
    progress.finish_and_clear();
    let stopped_by = signal.load(Ordering::Relaxed);
    if stopped_by == 0 {
        // The reader only stops early if the channel closed, which we never do.
        reader.join().map_err(|_| anyhow::anyhow!("the input reader thread panicked"))?;
    }
    // Otherwise the reader may be blocked on its input (a pipe): leave it.

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let skipped = skipped.load(Ordering::Relaxed);
        let skipped =
            if skipped > 0 { format!(", skipped {skipped} non-article WARC records") } else { String::new() };
        let stop = match stopped_by {
            0 => String::new(),
            s => format!(
                "; interrupted by {}, the rest was not read",
                if s == signal_hook::consts::SIGINT as usize { "SIGINT" } else { "SIGTERM" }
            ),
        };
        super::eprint_line(&format!(
            "attache batch: read {}, briefed {}, failed {}{skipped} in {secs:.2} s ({:.0} articles/s){stop}",
            counts.read,
            counts.briefed,
            counts.failed,
            counts.read as f64 / secs.max(1e-9)
        ));
    }
    Ok(match stopped_by {
        0 if counts.failed > 0 => ExitCode::from(1),
        0 => ExitCode::SUCCESS,
        s => ExitCode::from(128 + s as u8),
    })
}

/// Gather a chunk: wait for the first record, then take what arrives
/// promptly, up to the record and byte limits. `None` when the input is done
/// or a signal came before any record.
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
        if chunk.files.last() != Some(&r.input().file) {
            chunk.files.push(r.input().file.clone());
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

/// Bytes of article text in flight between the reader and the writer. The
/// reader waits while the budget is spent, unless nothing is in flight (so a
/// single huge record still passes).
#[derive(Default)]
struct Budget {
    in_flight: Mutex<usize>,
    freed: Condvar,
    closed: std::sync::atomic::AtomicBool,
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

    /// Stop limiting: the writer has failed and nothing will be released.
    fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
        let mut used = self.in_flight.lock().unwrap_or_else(|e| e.into_inner());
        *used = 0;
        self.freed.notify_all();
    }
}

/// Decode and brief one record; a panic anywhere in its work becomes its
/// error record.
fn brief_guarded(
    pipeline: &attache::Pipeline,
    pending: Pending,
    file: &str,
    format: Option<(Format, &str)>,
    panic_on: Option<&str>,
) -> Outcome {
    let (line, record) = (pending.input().line, pending.input().record);
    let mut id = None;
    let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        brief_record(pipeline, pending.decode(), format, &mut id, panic_on)
    }));
    work.unwrap_or_else(|panic| Outcome::Panicked {
        file: file.to_string(),
        line,
        record,
        id,
        reason: format!(
            "internal error while briefing this record (please report it): {}",
            super::panic_message(panic.as_ref())
        ),
    })
}

/// Brief one decoded record. `id` holds the record's id while the work that
/// may panic runs.
fn brief_record(
    pipeline: &attache::Pipeline,
    record: Record,
    format: Option<(Format, &str)>,
    id: &mut Option<String>,
    panic_on: Option<&str>,
) -> Outcome {
    let Record { input, result, declared_id, .. } = record;
    let article = match result {
        Ok(a) => a,
        Err(e) => return Outcome::Failed { input, id: declared_id, reason: e.to_string() },
    };
    *id = article.id.clone();
    super::test_panic_hook(panic_on, id.as_deref());
    let brief = match pipeline.brief(article) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed { input, id: id.take(), reason: e.to_string() },
    };
    match format {
        None => match json_line(&brief, &input) {
            Ok(line) => Outcome::Json(line),
            Err(e) => Outcome::Failed {
                input,
                id: id.take(),
                reason: format!("cannot serialise the briefing: {e}"),
            },
        },
        Some((f, _)) => match pipeline.render(&brief, f) {
            Ok(text) => Outcome::File { id: id.take(), text },
            Err(e) => Outcome::Failed { input, id: id.take(), reason: e.to_string() },
        },
    }
}

/// The briefing as one JSON line, with `"input"` naming where it came from,
/// ending in a newline.
fn json_line(brief: &attache_render::Brief, input: &InputRef) -> serde_json::Result<String> {
    let mut line = serde_json::to_string(brief)?;
    debug_assert!(line.ends_with('}'));
    line.pop();
    if !line.ends_with('{') {
        line.push(',');
    }
    line.push_str("\"input\":");
    line.push_str(&serde_json::to_string(input)?);
    line.push_str("}\n");
    Ok(line)
}

/// One error record, ending in a newline: `{"input":{"file",…},"id":…,"error":"…"}`.
fn error_line(input: serde_json::Value, id: Option<&str>, reason: &str) -> String {
    let mut line = serde_json::json!({ "input": input, "id": id, "error": reason }).to_string();
    line.push('\n');
    line
}

fn progress_bar(quiet: bool, total: Option<u64>) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style = |t: &str| indicatif::ProgressStyle::with_template(t).expect("valid progress template");
    match total {
        Some(total) => indicatif::ProgressBar::new(total).with_style(style(
            "{bar:30} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta} · {msg}",
        )),
        None => indicatif::ProgressBar::new_spinner().with_style(style("{spinner} {elapsed} · {msg}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_appends_input() {
        let b = attache_render::Brief::default();
        let input = test_ref();
        let line = json_line(&b, &input).unwrap();
        assert!(line.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["input"]["file"], "a.jsonl");
        assert_eq!(v["input"]["line"], 3);
        assert!(v.get("key_points").is_some());
    }

    fn test_ref() -> InputRef {
        // InputRef is non-exhaustive: build one the way the readers do.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, "\n\n{broken\n").unwrap();
        let r = Sources::open(&[&p]).unwrap().next().unwrap();
        let mut input = r.input;
        input.file = "a.jsonl".into();
        input
    }
}
