//! `attache parse`: what the readers get from each input, as JSON lines.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use attache_parse::Sources;

use crate::cli::ParseArgs;

pub(crate) fn execute(args: &ParseArgs) -> anyhow::Result<ExitCode> {
    if let Some(out) = &args.output {
        let output = crate::cmd::paths::Output { option: "--output", path: out, folder: false };
        crate::cmd::paths::check_outputs(&args.inputs, &[output])?;
    }
    let sources = Sources::open(&args.inputs)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(crate::cmd::create_file(p)?)),
        _ => Box::new(BufWriter::new(std::io::stdout())),
    };
    let mut failed = 0u64;
    for record in sources {
        match record.result {
            Ok(a) => {
                let line = serde_json::json!({
                    "id": a.id,
                    "title": a.title,
                    "author": a.author,
                    "published": a.published,
                    "url": a.url,
                    "source": a.source,
                    "text": a.body_text(),
                    "input": record.input,
                });
                writeln!(out, "{line}")?;
            }
            Err(e) => {
                failed += 1;
                out.flush()?;
                let line = serde_json::json!({ "input": record.input, "error": e.to_string() });
                crate::cmd::eprint_line(&line.to_string());
            }
        }
    }
    out.flush().context("cannot write the output")?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
