//! Integration tests: each module runs the real `attache` binary.
//!
//! - `util`: a temp-dir helper and the binary's path.
//! - `cli`: `brief` on files and standard input, formats, errors and exit codes, templates.
//! - `briefing`: the briefings of the bundled example articles are sensible.
//! - `eval`: `eval rouge` on a small set this project wrote.
//! - `snapshots`: every output format of one fixture, as insta snapshots
//!   (update with `INSTA_UPDATE=always cargo test`).

mod briefing;
mod cli;
mod daily;
mod eval;
mod onepage;
mod snapshots;
mod util;
