//! `attache extract`: entity and quote spans for JSON Lines input.

use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Context;
use attache_extract::Extractor;
use serde::Deserialize;

use crate::cli::ExtractArgs;

#[derive(Deserialize)]
struct Record {
    /// Optional: without it the line number is the id, as in `batch`.
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
}

/// One output line for an input line.
pub(crate) fn extract_line(ex: &Extractor, line: &str, lineno: usize) -> (String, bool) {
    match serde_json::from_str::<Record>(line) {
        Ok(r) => {
            let s = ex.spans(&r.text);
            let id = r.id.filter(|v| !v.is_null()).unwrap_or_else(|| lineno.to_string().into());
            let v = serde_json::json!({"id": id, "entities": s.entities, "quotes": s.quotes});
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
    let mut reader = reader;
    let mut buf = Vec::new();
    let limit = attache_parse::MAX_ARTICLE_BYTES;
    let mut lineno = 0usize;
    while let Some(len) = attache_parse::read_bounded_line(&mut reader, &mut buf, limit)
        .with_context(|| format!("cannot read input line {}", lineno + 1))?
    {
        lineno += 1;
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let (json, ok) = if len > limit {
            // Only the head was kept: enough for a declared id.
            let head = String::from_utf8_lossy(&line[..line.len().min(4096)]);
            error_line(
                declared_id(&head),
                lineno,
                &format!("the line is {len} bytes, more than the limit of {limit} bytes"),
            )
        } else {
            match std::str::from_utf8(line) {
                Ok(l) if l.trim().is_empty() => continue,
                Ok(l) => extract_line(&ex, l, lineno),
                Err(e) => error_line(
                    None,
                    lineno,
                    &format!("the input is not valid UTF-8 (first bad byte at offset {})", e.valid_up_to()),
                ),
            }
        };
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

fn error_line(id: Option<serde_json::Value>, lineno: usize, reason: &str) -> (String, bool) {
    let v = serde_json::json!({"id": id, "line": lineno, "error": format!("line {lineno}: {reason}")});
    (v.to_string(), false)
}

/// The `"id"` at the start of a JSON line cut short (`{"id":"a1","text":…`).
fn declared_id(head: &str) -> Option<serde_json::Value> {
    let rest = head.trim_start().strip_prefix('{')?.trim_start().strip_prefix("\"id\"")?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    serde_json::Deserializer::from_str(rest)
        .into_iter::<serde_json::Value>()
        .next()?
        .ok()
        .filter(|v| v.is_string() || v.is_number())
}
