use std::io::Read;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::BriefArgs;
use crate::cmd::{InputFailed, write_bytes, write_output};

pub(crate) fn execute(args: &BriefArgs) -> anyhow::Result<ExitCode> {
    if args.format == crate::cli::FormatArg::Pdf {
        crate::cmd::terminal::refuse_binary_on_terminal("brief", args.output.as_deref())?;
    }
    let pipeline = attache::Pipeline::new(&args.options.to_options())?;
    let (name, bytes) = match args.input.as_deref() {
        None => ("<stdin>".to_string(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("<stdin>".to_string(), read_stdin()?),
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            (p.display().to_string(), bytes)
        }
    };
    let fail = |reason: String| InputFailed { input: name.clone(), reason };
    let file_name = args.input.as_deref().and_then(|p| p.file_name()).and_then(|n| n.to_str());
    let article = attache::input::read_article(file_name, &bytes).map_err(|e| fail(e.to_string()))?;
    let brief = pipeline.brief(article).map_err(|e| fail(e.to_string()))?;
    if args.format == crate::cli::FormatArg::Pdf {
        let budget = pipeline.page_budget(pipeline.options().words);
        let pdf = attache::pdf::print_one_page(budget, |words| {
            let mut b = brief.clone();
            attache_render::fit_to_budget(&mut b, words);
            pipeline.render(&b, attache_render::Format::Html)
        })?;
        write_bytes(args.output.as_deref(), &pdf)?;
    } else {
        write_output(args.output.as_deref(), &pipeline.render(&brief, args.format.render_format())?)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn read_stdin() -> anyhow::Result<Vec<u8>> {
    crate::cmd::terminal::announce_stdin("brief");
    let mut buf = Vec::new();
    std::io::stdin().lock().read_to_end(&mut buf).context("cannot read standard input")?;
    Ok(buf)
}
