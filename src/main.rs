//! The `attache` command line. See `attache --help` and the README.
//!
//! Exit codes: 0 success; 1 some input could not be briefed (bad article,
//! failed records in a batch); 2 the run could not proceed (usage error,
//! unreadable input, unwritable output, bad templates).

mod cli;
mod cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Briefing allocates many small vectors and strings per article; mimalloc's
/// per-thread free lists serve them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let result = match &cli.command {
        cli::Command::Brief(args) => cmd::brief::execute(args),
        cli::Command::Daily(args) => cmd::daily::execute(args),
        cli::Command::Templates(c) => cmd::templates::execute(c),
        cli::Command::Batch(args) => cmd::batch::execute(args),
        cli::Command::Parse(args) => cmd::parse::execute(args),
        cli::Command::Eval(c) => cmd::eval::execute(c),
        cli::Command::Extract(args) => cmd::extract::execute(args),
        cli::Command::Completions { shell } => cmd::completions::completions(*shell),
        cli::Command::Man => cmd::completions::man(),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`attache … | head`) is not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            // A closed standard error must not turn the failure into a panic.
            let _ = writeln!(std::io::stderr(), "attache: error: {err:#}");
            if err.downcast_ref::<cmd::InputFailed>().is_some() {
                ExitCode::from(1)
            } else {
                ExitCode::from(2)
            }
        }
    }
}
