use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use attache::daily::{DailyOptions, build_daily};
use attache_render::Format;
use rayon::prelude::*;

use crate::cli::{DailyArgs, DailyFormatArg, PaperArg};
use crate::cmd::{write_bytes, write_output};

/// One input article: where it came from, and its bytes.
struct Input {
    name: String,
    file_name: Option<String>,
    /// Id for an article that has none: the file's stem.
    default_id: Option<String>,
    bytes: Vec<u8>,
}

pub(crate) fn execute(args: &DailyArgs) -> anyhow::Result<ExitCode> {
    let mut options = attache::Options::default();
    options.templates = args.templates.clone();
    options.paper = match args.paper {
        PaperArg::A4 => attache_render::Paper::A4,
        PaperArg::Letter => attache_render::Paper::Letter,
    };
    let pipeline = attache::Pipeline::new(&options)?;
    let mut inputs = Vec::new();
    for path in &args.inputs {
        collect(path, &mut inputs)?;
    }
    if inputs.is_empty() {
        bail!(
            "no articles found in {}",
            args.inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.jobs.unwrap_or(0)).build()?;
    let results: Vec<Result<attache::Analysis, String>> = pool.install(|| {
        inputs
            .par_iter()
            .map(|inp| {
                let mut article = attache::input::read_article(inp.file_name.as_deref(), &inp.bytes)
                    .map_err(|e| format!("{}: {e}", inp.name))?;
                if article.id.is_none() {
                    article.id = inp.default_id.clone();
                }
                pipeline.analyse(article).map_err(|e| format!("{}: {e}", inp.name))
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
    daily_options.words = args.words as usize;
    daily_options.date = args.date.clone();
    let daily = build_daily(&analyses, &daily_options, failed);
    let renderer = pipeline.renderer();
    match args.format {
        DailyFormatArg::Pdf => {
            let html = renderer.render_named("daily", &daily, Format::Html)?;
            let pdf = attache::pdf::html_to_pdf(&html)?;
            write_bytes(args.output.as_deref(), &pdf)?;
        }
        other => {
            let format = match other {
                DailyFormatArg::Md => Format::Markdown,
                DailyFormatArg::Txt => Format::Text,
                DailyFormatArg::Html => Format::Html,
                _ => Format::Json,
            };
            write_output(args.output.as_deref(), &renderer.render_named("daily", &daily, format)?)?;
        }
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Gather articles from a file, a directory (recursively, sorted by path),
/// a JSON Lines file (one article per line) or `-` (JSON Lines on stdin).
fn collect(path: &Path, out: &mut Vec<Input>) -> anyhow::Result<()> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)
            .context("cannot read standard input")?;
        push_lines("<stdin>", &buf, out);
        return Ok(());
    }
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for p in entries {
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
            if p.is_dir() || matches!(ext.as_str(), "txt" | "md" | "json" | "jsonl") {
                collect(&p, out)?;
            }
        }
        return Ok(());
    }
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.display().to_string();
    if path.extension().is_some_and(|e| e == "jsonl") {
        push_lines(&name, &bytes, out);
    } else {
        let file_name = path.file_name().and_then(|n| n.to_str()).map(str::to_string);
        let default_id = path.file_stem().and_then(|n| n.to_str()).map(str::to_string);
        out.push(Input { name, file_name, default_id, bytes });
    }
    Ok(())
}

fn push_lines(name: &str, bytes: &[u8], out: &mut Vec<Input>) {
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        out.push(Input {
            name: format!("{name}:{}", i + 1),
            file_name: Some("line.json".into()),
            default_id: None,
            bytes: line.to_vec(),
        });
    }
}
