//! Integration tests: each module runs the real `attache` binary.
//!
//! - `batch`: `batch` and `parse` on generated archives: hostile records, WARC, order, exit codes.
//! - `util`: a temp-dir helper and the binary's path.
//! - `cli`: `brief` on files and standard input, formats, errors and exit codes, templates.
//! - `briefing`: the briefings of the bundled example articles are sensible.
//! - `eval`: `eval rouge` on a small set this project wrote.
//! - `extract`: `extract` and `eval ner|quotes` on small inputs written here.
//! - `fuzz_readers`: property tests of the readers and the brief path (`PROPTEST_CASES=N`).
//! - `readers`: bounded reading in `brief` and `extract`, ids, FIFOs.
//! - `streaming`: `batch -` answers line by line while its input is still open (for Spark).
//! - `daily`: `daily` grouping, redundancy, inputs, errors; `onepage`: Chromium page counts.
//! - `snapshots`: every output format of one fixture, as insta snapshots
//!   (update with `INSTA_UPDATE=always cargo test`).

mod batch;
mod briefing;
mod cli;
mod daily;
mod eval;
mod extract;
mod fuzz_readers;
mod onepage;
mod readers;
mod snapshots;
mod streaming;
mod util;
