//! Guards for a person at a terminal: binary output is not written to it, and
//! a command waiting for typed input says so.

use std::io::IsTerminal;
use std::path::Path;

use anyhow::bail;

/// How to end typed input on this platform.
const END_OF_INPUT: &str = if cfg!(windows) { "Ctrl-Z then Enter" } else { "Ctrl-D" };

/// Whether binary output would land on a terminal: there is no output file
/// (none given, or `-`) and standard output is a terminal.
pub(crate) fn binary_to_terminal(output: Option<&Path>, stdout_is_terminal: bool) -> bool {
    stdout_is_terminal && output.is_none_or(|p| p.as_os_str() == "-")
}

/// Refuse to print PDF bytes on a terminal, with a hint; `command` is the
/// subcommand's name for the message.
pub(crate) fn refuse_binary_on_terminal(command: &str, output: Option<&Path>) -> anyhow::Result<()> {
    if binary_to_terminal(output, std::io::stdout().is_terminal()) {
        bail!(
            "--format pdf writes binary PDF, which a terminal cannot show: \
             give a file with --output (attache {command} … --format pdf --output brief.pdf) \
             or redirect standard output (> brief.pdf)"
        );
    }
    Ok(())
}

/// The notice printed on standard error when an article is read from a
/// terminal, so that a command waiting for input does not look hung.
pub(crate) fn stdin_notice(command: &str) -> String {
    format!(
        "attache {command}: reading an article from standard input; type or paste it, then press \
         {END_OF_INPUT} on a new line to end it (or give a FILE: attache {command} --help)"
    )
}

/// Print [`stdin_notice`] when standard input is a terminal.
pub(crate) fn announce_stdin(command: &str) {
    if std::io::stdin().is_terminal() {
        eprintln!("{}", stdin_notice(command));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_is_refused_only_for_a_terminal_without_an_output_file() {
        assert!(binary_to_terminal(None, true));
        assert!(binary_to_terminal(Some(Path::new("-")), true));
        assert!(!binary_to_terminal(Some(Path::new("brief.pdf")), true));
        assert!(!binary_to_terminal(None, false));
    }

    #[test]
    fn the_notice_says_how_to_end_input() {
        let n = stdin_notice("brief");
        assert!(n.contains("standard input") && n.contains(END_OF_INPUT), "{n}");
    }
}
