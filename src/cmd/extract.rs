//! `attache extract`: entity and quote spans for JSON Lines input.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use attache_extract::Extractor;
use serde::Deserialize;

use crate::cli::ExtractArgs;

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
}

/// One output line for an input line.
pub(crate) fn extract_line(ex: &Extractor, line: &str, lineno: usize) -> (String, bool) {
    match serde_json::from_str::<Record>(line) {
        Ok(r) => {
            let s = ex.spans(&r.text);
            let v = serde_json::json!({"id": r.id, "entities": s.entities, "quotes": s.quotes});
            (v.to_string(), true)
        }
        Err(e) => {
            // Keep the id when the line has one, so the record can be found.
            let id = serde_json::from_str::<serde_json::Value>(line).ok().and_then(|v| v.get("id").cloned());
            let v = serde_json::json!({"id": id, "line": lineno, "error": format!("line {lineno}: {e}")});
            (v.to_string(), false)
        }
    }
}

pub(crate) fn execute(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let ex = Extractor::new();
    let reader: Box<dyn BufRead> = match args.input.as_deref() {
        None => Box::new(std::io::stdin().lock()),
        Some(p) if p.as_os_str() == "-" => Box::new(std::io::stdin().lock()),
        Some(p) => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot read {}", p.display()))?,
        )),
    };
    let out: Box<dyn Write> = match args.output.as_deref() {
        Some(p) => Box::new(crate::cmd::create_file(p)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let mut failed = 0usize;
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read input line {}", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (json, ok) = extract_line(&ex, &line, i + 1);
        if !ok {
            failed += 1;
        }
        writeln!(out, "{json}")?;
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("attache: {failed} input line(s) could not be read; see the error records");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
