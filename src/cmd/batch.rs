//! `attache batch`: brief a whole archive in parallel, streaming, in input order.
//!
//! The engine is the library's [`attache::batch`]: this command opens the
//! inputs and the outputs, watches for SIGINT and SIGTERM, shows progress,
//! and writes with [`Writer`], its [`Sink`](attache::batch::Sink). Memory is
//! bounded whatever the archive's size, and the output is the same, byte for
//! byte, for any number of threads.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};
use attache::batch::{Batch, Render};
use attache_parse::Sources;
use attache_render::Format;
use clap::ValueEnum;

use crate::cli::{BatchArgs, BatchFormatArg};
use crate::cmd::batch_out::{ErrorSink, Folder, Sink, Writer, open_file};
use crate::cmd::paths::{Output, check_outputs, errors_beside};

/// Prefix of the engine's worker threads' names (their panics become error
/// records, so the default report is quieted).
const WORKER: &str = "attache-batch";

/// SIGINT or SIGTERM received (the signal number, or 0), and the engine's
/// cancellation flag, set after the number.
fn watch_signals() -> anyhow::Result<(Arc<AtomicUsize>, Arc<AtomicBool>)> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let got = Arc::new(AtomicUsize::new(0));
    let again = Arc::new(AtomicBool::new(false));
    let cancel = Arc::new(AtomicBool::new(false));
    for sig in [SIGINT, SIGTERM] {
        // A second signal ends the run at once, with the usual status.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&again))
            .context("cannot watch for signals")?;
        signal_hook::flag::register(sig, Arc::clone(&again)).context("cannot watch for signals")?;
        signal_hook::flag::register_usize(sig, Arc::clone(&got), sig as usize)
            .context("cannot watch for signals")?;
        // Handlers run in the order registered: the number is set first.
        signal_hook::flag::register(sig, Arc::clone(&cancel)).context("cannot watch for signals")?;
    }
    Ok((got, cancel))
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
    let threads = super::worker_threads(args.jobs);
    super::quiet_worker_panics(WORKER);
    let (signal, cancel) = watch_signals()?;
    let progress = progress_bar(args.quiet, sources.total_bytes());
    writer.progress = progress.clone();
    let render = match format {
        None => Render::JsonLine,
        Some((f, _)) => Render::Format(f),
    };
    let bar = progress.clone();
    let summary = Batch::new(pipeline)
        .threads(threads)
        .render(render)
        .cancel(cancel)
        .panic_on_id(super::test_panic_id().map(str::to_string))
        .progress(move |p| {
            bar.set_position(p.bytes_read);
            let rate = p.read as f64 / started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!("{} articles ({rate:.0}/s), {} failed", p.read, p.failed));
        })
        .run(sources, &mut writer)
        .map_err(|e| e.0)?;
    progress.finish_and_clear();
    let stopped_by = signal.load(Ordering::Relaxed);

    if !args.quiet {
        let secs = started.elapsed().as_secs_f64();
        let skipped = summary.skipped;
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
            summary.read,
            summary.briefed,
            summary.failed,
            summary.read as f64 / secs.max(1e-9)
        ));
    }
    Ok(match stopped_by {
        0 if summary.failed > 0 => ExitCode::from(1),
        0 => ExitCode::SUCCESS,
        s => ExitCode::from(128 + s as u8),
    })
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
