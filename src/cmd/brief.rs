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
    // The same bounded reading as `batch`: the size limit is checked while
    // reading, never after reading everything.
    let article = match path {
        None => read_stdin().and_then(|bytes| attache::input::read_article(None, &bytes)),
        Some(p) => {
            if let Err(e) = std::fs::metadata(p) {
                return Err(anyhow::Error::new(e).context(format!("cannot read {}", p.display())));
            }
            attache::input::read_article_file(p)
        }
    }
    .map_err(|e| fail(e.to_string()))?;
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

fn read_stdin() -> Result<Vec<u8>, attache_parse::ParseError> {
    crate::cmd::terminal::announce_stdin("brief");
    attache::input::read_bounded(std::io::stdin().lock(), attache_parse::MAX_ARTICLE_BYTES, None)
}
