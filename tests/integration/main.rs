//! Integration tests: each module runs the real `attache` binary.
//!
//! - `batch`: `batch` and `parse` on generated archives: hostile records, WARC, order, exit codes.
//! - `util`: a temp-dir helper and the binary's path.
//! - `cli`: `brief` on files and standard input, formats, errors and exit codes, templates.
//! - `briefing`: the briefings of the bundled example articles are sensible.
//! - `eval`: `eval rouge` on a small set this project wrote.
//! - `eval_briefing`: `eval briefing` on a two-article gold file and hand-written briefings.
//! - `library`: the library alone: the examples' code, a user scorer, batch sinks.
//! - `extract`: `extract` and `eval ner|quotes` on small inputs written here.
//! - `fuzz_readers`: property tests of the readers and the brief path (`PROPTEST_CASES=N`).
//! - `input`: one way to read an input: `brief` and `batch` share formats, limits and ids.
//! - `readers`: bounded reading in `brief` and `extract`, ids, FIFOs.
//! - `streaming`: `batch -` answers line by line while its input is still open (for Spark).
//! - `faults`: a panic in one record is its error record; `--jobs` capped; closed stderr.
//! - `outputs`: outputs that are inputs, planted links, `--force`, link and Markdown safety.
//! - `signals`: SIGINT, SIGTERM and SIGKILL leave a consistent prefix on disk.
//! - `pdf_browser`: a fake browser that hangs, writes junk, or meets a `#` in TMPDIR.
//! - `templates`: template loops, misspelt fields and their messages.
//! - `daily`: `daily` grouping, redundancy, inputs, errors; `onepage`: Chromium page counts.
//! - `newcomer`: completions, man page, messages, output folders, terminal guards.
//! - `samples`: the README's sample pages, WARC crawl and JSON Lines.
//! - `since`: `daily --since` over two days written here (develops, ends, starts, was due), `--date`.
//! - `snapshots`: every output format of one fixture, as insta snapshots
//!   (update with `INSTA_UPDATE=always cargo test`).

mod batch;
mod briefing;
mod cli;
mod daily;
mod eval;
mod eval_briefing;
mod extract;
mod faults;
mod fuzz_readers;
mod input;
mod library;
mod newcomer;
mod onepage;
mod outputs;
mod pdf_browser;
mod readers;
mod samples;
mod signals;
mod since;
mod snapshots;
mod streaming;
mod templates;
mod util;
