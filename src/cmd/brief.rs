use std::process::ExitCode;

use crate::cli::BriefArgs;
use crate::cmd::{InputFailed, write_bytes, write_output};

pub(crate) fn execute(args: &BriefArgs) -> anyhow::Result<ExitCode> {
    if args.format == crate::cli::FormatArg::Pdf {
        crate::cmd::terminal::refuse_binary_on_terminal("brief", args.output.as_deref())?;
    }
    let pipeline = attache::Pipeline::new(&args.options.to_options())?;
    let path = args.input.as_deref().filter(|p| p.as_os_str() != "-");
    let name = path.map_or("<stdin>".to_string(), |p| p.display().to_string());
    let fail = |reason: String| InputFailed { input: name.clone(), reason };
    // The same reading as `batch`: formats, size limits (checked while
    // reading) and ids come from `attache_parse::Sources`.
    let article = match path {
        None => {
            crate::cmd::terminal::announce_stdin("brief");
            attache::input::read_article_from("-", std::io::stdin(), None)
        }
        Some(p) => match std::fs::metadata(p) {
            Err(e) => return Err(anyhow::Error::new(e).context(format!("cannot read {}", p.display()))),
            Ok(m) if m.is_dir() => {
                return Err(fail(
                    "it is a folder; `attache brief` reads one article (`attache batch` reads folders)"
                        .into(),
                )
                .into());
            }
            Ok(_) => attache::input::read_article_file(p),
        },
    }
    .map_err(|e| match e {
        attache_parse::ParseError::SeveralArticles => fail(format!(
            "{e}; `attache brief` reads one article (`attache batch` reads JSON Lines and WARC files)"
        )),
        e => fail(e.to_string()),
    })?;
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
