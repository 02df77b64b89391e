use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::Ordering;

use anyhow::{Context, bail};
use attache::daily::{DailyOptions, Day, Previous, ReadOptions};
use attache_render::Format;

use crate::cli::{DailyArgs, FormatArg, PaperArg};
use crate::cmd::{write_bytes, write_output};

pub(crate) fn execute(args: &DailyArgs) -> anyhow::Result<ExitCode> {
    if args.format == FormatArg::Pdf {
        crate::cmd::terminal::refuse_binary_on_terminal("daily", args.output.as_deref())?;
    }
    let mut options = attache::Options::default();
    options.templates = args.templates.clone();
    options.paper = match args.paper {
        PaperArg::A4 => attache_render::Paper::A4,
        PaperArg::Letter => attache_render::Paper::Letter,
    };
    let pipeline = attache::Pipeline::new(&options)?;
    let previous = match &args.since {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            Some(Previous::from_json(&text).with_context(|| {
                format!("{} is not a daily page written with --format json", path.display())
            })?)
        }
        None => None,
    };
    // Read every input the way `attache batch` does (files, directories,
    // JSON Lines plain or compressed, HTML, WARC, `-`), brief chunk by chunk
    // in parallel, and keep only the compact day.
    let sources = attache_parse::Sources::open(&args.inputs)?;
    let progress = progress_bar(args.quiet, sources.total_bytes());
    let consumed = sources.bytes_read_counter();
    let pool = crate::cmd::worker_pool(args.jobs, "attache-daily")?;
    crate::cmd::quiet_worker_panics("attache-daily");
    let mut read_options = ReadOptions::default();
    read_options.date = args.date.clone();
    read_options.panic_on_id = crate::cmd::test_panic_id().map(str::to_string);
    let started = std::time::Instant::now();
    let mut day = Day::new();
    let counts = pool.install(|| {
        day.read(
            &pipeline,
            sources,
            &read_options,
            |e| progress.suspend(|| eprintln!("attache: skipped {e}")),
            |c| {
                progress.set_position(consumed.load(Ordering::Relaxed));
                let rate = c.read as f64 / started.elapsed().as_secs_f64().max(1e-9);
                progress.set_message(format!("{} articles ({rate:.0}/s), {} failed", c.read, c.failed));
            },
        )
    });
    let (read, other_days) = (counts.read, counts.other_days);
    progress.set_message(format!("grouping {} articles into stories", day.len()));

    if read == 0 {
        bail!(
            "no articles found in {}",
            args.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    if day.is_empty() {
        if other_days > 0 {
            bail!(
                "none of the {read} articles was published on {} ({other_days} from other days)",
                args.date.as_deref().unwrap_or("the day")
            );
        }
        bail!("none of the {} articles could be briefed", day.failed);
    }
    let failed = day.failed;
    let mut daily_options = DailyOptions::default();
    daily_options.stories = args.stories as usize;
    daily_options.points = args.points as usize;
    // US Letter holds about 96% of an A4 page's text area (wider, shorter);
    // the daily page, in smaller type than a briefing, gets the same budget on
    // both and prints on one page either way (tests/integration/onepage.rs).
    daily_options.words = args.words as usize;
    daily_options.date = args.date.clone();
    let daily = day.brief(&daily_options, previous.as_ref());
    progress.finish_and_clear();
    if !args.quiet && other_days > 0 {
        eprintln!(
            "attache daily: {} articles of {}, {other_days} from other days left out",
            daily.stats.articles,
            args.date.as_deref().unwrap_or("the day")
        );
    }
    let renderer = pipeline.renderer();
    match args.format {
        FormatArg::Pdf => {
            let pdf = attache::pdf::print_one_page(daily_options.words, |words| {
                let mut d = daily.clone();
                attache_render::fit_daily(&mut d, words);
                Ok(renderer.render_named("daily", &d, Format::Html)?)
            })?;
            write_bytes(args.output.as_deref(), &pdf)?;
        }
        other => {
            let text = renderer.render_named("daily", &daily, other.render_format())?;
            write_output(args.output.as_deref(), &text)?;
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A progress bar on standard error when it is a terminal, as `attache batch` shows.
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
