//! `attache eval …`: quality measurements against reference sets, made with
//! the product itself.
//!
//! Every evaluation is split in two, on either side of a package boundary:
//!
//! - **What is measured, and against what** lives in the `attache-eval`
//!   crate: the metrics (ROUGE as `rouge-score`, conlleval-style NER, quote
//!   and speaker matching, HTML shingle scores) and the readers of the
//!   evaluation sets. Its functions take the system's output as input and
//!   never brief anything, so `attache-eval` does not depend on this package
//!   (this package depends on it, under the `cli` feature; the reverse would
//!   be a cycle).
//! - **The runners**, here, make that output with the code users run and
//!   hand it over: one module per command.
//!
//! | command | runner | what it runs | scored with |
//! |---|---|---|---|
//! | `eval rouge` | `rouge.rs` | `attache::Pipeline::brief`, options as `attache brief --points N` | `attache_eval::summaries` |
//! | `eval daily` | `daily.rs` | `Pipeline::analyse` and the daily briefing | `attache_eval::clusters` |
//! | `eval update` | `update.rs` | the daily briefing with and without `--since` | (counts of story marks) |
//! | `eval ner`, `eval quotes` | `extract.rs` | `attache_extract::Extractor::spans`, as `attache extract` | `attache_eval::{ner, quotes}` |
//! | `eval briefing` | `briefing.rs` | `Pipeline::brief` as `attache brief --format json --words 5000 --points 1`, and `Extractor::spans` | `attache_eval::briefing` |
//! | `eval html` | `html.rs` | `attache_parse::read_html`, as `brief page.html` | `attache_eval::html` |
//!
//! So a figure in the README or `docs/benchmarks.md` is a figure of what
//! `attache brief`, `attache daily` or `attache extract` print.

mod briefing;
mod daily;
mod extract;
mod html;
pub(crate) mod rouge;
mod update;

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::EvalCommand;

pub(crate) fn execute(cmd: &EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Rouge(args) => rouge::rouge(args),
        EvalCommand::Daily(args) => daily::daily(args),
        EvalCommand::Update(args) => update::update(args),
        EvalCommand::Html { dir, pages } => html::html(dir, pages.as_deref()),
        EvalCommand::Ner(args) => extract::ner(args),
        EvalCommand::Quotes(args) => extract::quotes(args),
        EvalCommand::Briefing(args) => briefing::briefing(args),
    }
}

/// The whole evaluation file as text (the sets are small enough to hold).
fn read_set(path: &std::path::Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Write `value` as pretty JSON, with a final newline, to `path`.
fn write_json(path: &std::path::Path, value: &serde_json::Value) -> anyhow::Result<()> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    crate::cmd::write_output(Some(path), &s)
}
