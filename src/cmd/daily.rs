use std::process::ExitCode;

use anyhow::bail;
use attache::daily::{DailyOptions, build_daily};
use attache_render::Format;
use rayon::prelude::*;

use crate::cli::{DailyArgs, FormatArg, PaperArg};
use crate::cmd::{write_bytes, write_output};

pub(crate) fn execute(args: &DailyArgs) -> anyhow::Result<ExitCode> {
    let mut options = attache::Options::default();
    options.templates = args.templates.clone();
    options.paper = match args.paper {
        PaperArg::A4 => attache_render::Paper::A4,
        PaperArg::Letter => attache_render::Paper::Letter,
    };
    let pipeline = attache::Pipeline::new(&options)?;
    // Read every input the way `attache batch` does (files, directories,
    // JSON Lines plain or compressed, HTML, WARC, `-`), then brief in parallel.
    let mut sources = attache_parse::Sources::open(&args.inputs)?;
    let mut pending = Vec::new();
    while let Some(p) = sources.next_pending() {
        pending.push(p);
    }
    if pending.is_empty() {
        bail!(
            "no articles found in {}",
            args.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let pool = crate::cmd::worker_pool(args.jobs, "attache-daily")?;
    crate::cmd::quiet_worker_panics("attache-daily");
    let panic_on = crate::cmd::test_panic_id();
    let results: Vec<Result<attache::Analysis, String>> = pool.install(|| {
        pending
            .into_par_iter()
            .map(|p| {
                // A panic in one article's work skips that article only.
                let input = p.input().to_string();
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let record = p.decode();
                    let article = record.result.map_err(|e| format!("{input}: {e}"))?;
                    crate::cmd::test_panic_hook(panic_on, article.id.as_deref());
                    pipeline.analyse(article).map_err(|e| format!("{input}: {e}"))
                }))
                .unwrap_or_else(|panic| {
                    Err(format!("{input}: internal error: {}", crate::cmd::panic_message(panic.as_ref())))
                })
            })
            .collect()
    });
    let mut analyses = Vec::with_capacity(results.len());
    let mut failed = 0;
    for r in results {
        match r {
            Ok(a) => analyses.push(a),
            Err(e) => {
                failed += 1;
                eprintln!("attache: skipped {e}");
            }
        }
    }
    if analyses.is_empty() {
        bail!("none of the {failed} articles could be briefed");
    }
    let mut daily_options = DailyOptions::default();
    daily_options.stories = args.stories as usize;
    daily_options.points = args.points as usize;
    daily_options.words = pipeline.page_budget(args.words as usize);
    daily_options.date = args.date.clone();
    let daily = build_daily(&analyses, &daily_options, failed);
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
