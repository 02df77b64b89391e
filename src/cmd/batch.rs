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

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use attache_parse::{InputRef, Pending, Record, Sources};
use attache_render::Format;
use rayon::prelude::*;

use crate::cli::{BatchArgs, BatchFormatArg};

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

/// What became of one input record.
enum Outcome {
    /// A JSON briefing line (without the trailing newline).
    Json(String),
    /// A rendered briefing to write to its own file, named from `id`.
    File { id: Option<String>, text: String },
    /// Why the record gave no briefing.
    Failed { input: InputRef, id: Option<String>, reason: String },
}

/// A briefed chunk: its outcomes in input order (or the panic that stopped
/// it) and the bytes of input it held.
type Briefed = (std::thread::Result<Vec<Outcome>>, usize);

/// Counts for the summary line.
#[derive(Default)]
struct Counts {
    read: u64,
    briefed: u64,
    failed: u64,
}

enum Sink {
    Stdout(std::io::Stdout),
    File(BufWriter<File>),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

/// Where error records go.
enum ErrorSink {
    /// Interleaved with the briefings on standard output (`--errors -`).
    Output,
    Stderr,
    File(BufWriter<File>, PathBuf),
}

fn open_file(path: &Path) -> anyhow::Result<BufWriter<File>> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let f = File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 16, f))
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

    // Outputs: a JSON Lines file or stdout, or a directory of files.
    let mut sink = match (&format, &args.output) {
        (None, Some(p)) if p.as_os_str() != "-" => Some(Sink::File(open_file(p)?)),
        (None, _) => Some(Sink::Stdout(std::io::stdout())),
        (Some(_), None) => {
            let name = clap::ValueEnum::to_possible_value(&args.format).map(|v| v.get_name().to_owned());
            bail!(
                "--format {} writes one file per article: give a directory with --output",
                name.unwrap_or_default()
            )
        }
        (Some(_), Some(dir)) => {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create directory {}", dir.display()))?;
            None
        }
    };
    let out_dir = format.as_ref().and(args.output.clone());
    let mut errors = match (&args.errors, &args.output) {
        (Some(p), _) if p.as_os_str() == "-" => {
            if format.is_some() {
                bail!("--errors - puts error records among the JSON briefings; it needs --format json");
            }
            ErrorSink::Output
        }
        (Some(p), _) => ErrorSink::File(open_file(p)?, p.clone()),
        (None, Some(out)) if out.as_os_str() != "-" => {
            let mut name = out.as_os_str().to_owned();
            name.push(".errors.jsonl");
            let p = PathBuf::from(name);
            ErrorSink::File(open_file(&p)?, p)
        }
        (None, _) => ErrorSink::Stderr,
    };

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .thread_name(|i| format!("attache-batch-{i}"))
        .build()
        .context("cannot start the worker threads")?;

    let progress = progress_bar(args.quiet, sources.total_bytes());
    let consumed = sources.bytes_read_counter();
    let skipped = sources.skipped_counter();

    // Reader thread: records in input order, bounded queue, bounded bytes.
    let (tx, rx) = mpsc::sync_channel::<Pending>(QUEUE_RECORDS);
    let budget = Arc::new(Budget::default());
    let reader_budget = budget.clone();
    let reader = std::thread::Builder::new()
        .name("attache-reader".into())
        .spawn(move || {
            let mut sources = sources;
            while let Some(record) = sources.next_pending() {
                reader_budget.acquire(record.size());
                if tx.send(record).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the reader thread")?;

    let mut counts = Counts::default();
    let mut used_names: HashSet<String> = HashSet::new();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // Briefing thread: chunks of records in input order, each briefed in
        // parallel on the pool. Up to CHUNKS_IN_FLIGHT chunks are on the
        // pool at once, so workers never wait for a chunk to be gathered or
        // written; this thread hands their results over in input order.
        let (done_tx, done_rx) = mpsc::sync_channel::<mpsc::Receiver<Briefed>>(CHUNKS_IN_FLIGHT - 1);
        let (pipeline, pool) = (&pipeline, &pool);
        std::thread::Builder::new()
            .name("attache-brief".into())
            .spawn_scoped(scope, move || {
                loop {
                    // Gather a chunk: block for the first record, then take
                    // what arrives promptly, up to the record and byte limits.
                    let mut chunk: Vec<Pending> = Vec::with_capacity(CHUNK_RECORDS);
                    let mut bytes = 0usize;
                    let Ok(first) = rx.recv() else { break };
                    bytes += first.size();
                    chunk.push(first);
                    while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
                        match rx.recv_timeout(GATHER_WAIT) {
                            Ok(r) => {
                                bytes += r.size();
                                chunk.push(r);
                            }
                            Err(_) => break,
                        }
                    }
                    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<Briefed>(1);
                    if done_tx.send(chunk_rx).is_err() {
                        break;
                    }
                    let pipeline = Arc::clone(pipeline);
                    pool.spawn(move || {
                        // A panic is carried to the writer, which re-raises it.
                        let outcomes = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            chunk
                                .into_par_iter()
                                .map(|r| brief_record(&pipeline, r.decode(), format))
                                .collect()
                        }));
                        let _ = chunk_tx.send((outcomes, bytes));
                    });
                }
            })
            .context("cannot start the briefing thread")?;

        let mut write_outcomes = |done_rx: &mpsc::Receiver<mpsc::Receiver<Briefed>>| -> anyhow::Result<()> {
            for chunk_rx in done_rx.iter() {
                let (outcomes, bytes) =
                    chunk_rx.recv().context("a briefing job ended without its results")?;
                let outcomes = outcomes.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                for outcome in outcomes {
                    counts.read += 1;
                    match outcome {
                        Outcome::Json(line) => {
                            counts.briefed += 1;
                            let sink = sink.as_mut().expect("JSON output has a sink");
                            sink.write_all(line.as_bytes())
                                .and_then(|()| sink.write_all(b"\n"))
                                .context("cannot write the output")?;
                        }
                        Outcome::File { id, text } => {
                            counts.briefed += 1;
                            let (_, ext) = format.expect("file outcomes come with a format");
                            let dir = out_dir.as_deref().expect("file output has a directory");
                            let name = unique_name(&mut used_names, id.as_deref(), counts.read, ext);
                            let path = dir.join(&name);
                            std::fs::write(&path, text)
                                .with_context(|| format!("cannot write {}", path.display()))?;
                        }
                        Outcome::Failed { input, id, reason } => {
                            counts.failed += 1;
                            let line = error_line(&input, id.as_deref(), &reason);
                            match &mut errors {
                                ErrorSink::Output => {
                                    let sink = sink.as_mut().expect("--errors - needs JSON output");
                                    sink.write_all(line.as_bytes())
                                        .and_then(|()| sink.write_all(b"\n"))
                                        .context("cannot write the output")?;
                                }
                                ErrorSink::Stderr => {
                                    progress.suspend(|| eprintln!("{line}"));
                                }
                                ErrorSink::File(w, p) => {
                                    writeln!(w, "{line}")
                                        .with_context(|| format!("cannot write {}", p.display()))?;
                                }
                            }
                        }
                    }
                }
                if let Some(s) = sink.as_mut() {
                    s.flush().context("cannot write the output")?;
                }
                budget.release(bytes);
                progress.set_position(consumed.load(Ordering::Relaxed));
                let rate = counts.read as f64 / started.elapsed().as_secs_f64().max(1e-9);
                progress
                    .set_message(format!("{} articles ({rate:.0}/s), {} failed", counts.read, counts.failed));
            }
            Ok(())
        };
        let written = write_outcomes(&done_rx);
        if written.is_err() {
            // Let the reader and the briefing thread run out instead of
            // waiting for budget or room that will never come.
            budget.close();
            drop(done_rx);
        }
        written
    })?;
    // The reader only stops early if the channel closed, which we never do.
    reader.join().map_err(|_| anyhow::anyhow!("the input reader thread panicked"))?;
    if let Some(mut s) = sink {
        s.flush().context("cannot write the output")?;
    }
    if let ErrorSink::File(mut w, p) = errors {
        w.flush().with_context(|| format!("cannot write {}", p.display()))?;
    }
    progress.finish_and_clear();

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let skipped = skipped.load(Ordering::Relaxed);
        let skipped =
            if skipped > 0 { format!(", skipped {skipped} non-article WARC records") } else { String::new() };
        eprintln!(
            "attache batch: read {}, briefed {}, failed {}{skipped} in {secs:.2} s ({:.0} articles/s)",
            counts.read,
            counts.briefed,
            counts.failed,
            counts.read as f64 / secs.max(1e-9)
        );
    }
    Ok(if counts.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
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

fn brief_record(pipeline: &attache::Pipeline, record: Record, format: Option<(Format, &str)>) -> Outcome {
    let Record { input, result, declared_id, .. } = record;
    let article = match result {
        Ok(a) => a,
        Err(e) => return Outcome::Failed { input, id: declared_id, reason: e.to_string() },
    };
    let id = article.id.clone();
    let brief = match pipeline.brief(article) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed { input, id, reason: e.to_string() },
    };
    match format {
        None => match json_line(&brief, &input) {
            Ok(line) => Outcome::Json(line),
            Err(e) => Outcome::Failed { input, id, reason: format!("cannot serialise the briefing: {e}") },
        },
        Some((f, _)) => match pipeline.render(&brief, f) {
            Ok(text) => Outcome::File { id, text },
            Err(e) => Outcome::Failed { input, id, reason: e.to_string() },
        },
    }
}

/// The briefing as one JSON line, with `"input"` naming where it came from.
fn json_line(brief: &attache_render::Brief, input: &InputRef) -> serde_json::Result<String> {
    let mut line = serde_json::to_string(brief)?;
    debug_assert!(line.ends_with('}'));
    line.pop();
    if !line.ends_with('{') {
        line.push(',');
    }
    line.push_str("\"input\":");
    line.push_str(&serde_json::to_string(input)?);
    line.push('}');
    Ok(line)
}

/// One error record: `{"input":{"file",…},"id":…,"error":"…"}`.
fn error_line(input: &InputRef, id: Option<&str>, reason: &str) -> String {
    serde_json::json!({ "input": input, "id": id, "error": reason }).to_string()
}

/// A file name for an article: its id made safe (letters, digits, `-`, `_`,
/// `.`; no leading dot; at most 100 bytes), made unique within the run.
fn unique_name(used: &mut HashSet<String>, id: Option<&str>, n: u64, ext: &str) -> String {
    let base = id.map(sanitize).filter(|s| !s.is_empty()).unwrap_or_else(|| format!("article-{n}"));
    let mut name = format!("{base}.{ext}");
    let mut k = 2;
    while !used.insert(name.to_lowercase()) {
        name = format!("{base}-{k}.{ext}");
        k += 1;
    }
    name
}

fn sanitize(id: &str) -> String {
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
    fn sanitised_names_stay_inside_the_directory() {
        assert_eq!(sanitize("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitize("..\\..\\windows"), "windows");
        assert_eq!(sanitize("/abs/path"), "abs_path");
        assert_eq!(sanitize("..."), "");
        assert_eq!(sanitize("urn:uuid:1234"), "urn_uuid_1234");
        assert_eq!(sanitize(&"x".repeat(500)).len(), 100);
        let mut used = HashSet::new();
        assert_eq!(unique_name(&mut used, Some("a/b"), 1, "md"), "a_b.md");
        assert_eq!(unique_name(&mut used, Some("a:b"), 2, "md"), "a_b-2.md");
        assert_eq!(unique_name(&mut used, Some(".."), 3, "md"), "article-3.md");
        assert_eq!(unique_name(&mut used, None, 4, "md"), "article-4.md");
    }

    #[test]
    fn json_line_appends_input() {
        let b = attache_render::Brief::default();
        let input = test_ref();
        let line = json_line(&b, &input).unwrap();
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
