//! `attache completions SHELL` and `attache man`: generated from the clap
//! definitions, so they always match `attache --help`.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;

/// Write the completion script for `shell` to standard output.
pub(crate) fn completions(shell: clap_complete::Shell) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "attache", &mut out);
    write_stdout(&out)
}

/// Write the manual page (roff) of `attache` and all its subcommands to
/// standard output.
pub(crate) fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    render_man(&mut out)?;
    write_stdout(&out)
}

/// One page: the top-level command, then a section per subcommand (with its
/// options), as `man attache` readers expect of a multi-command tool.
fn render_man(out: &mut Vec<u8>) -> std::io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("attache {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let sub = sub.clone().bin_name(name);
        let page = clap_mangen::Man::new(sub);
        // The synopsis, description and options of the subcommand, without a new title.
        let mut part = Vec::new();
        page.render_synopsis_section(&mut part)?;
        page.render_description_section(&mut part)?;
        page.render_options_section(&mut part)?;
        page.render_subcommands_section(&mut part)?;
        out.extend(demote_sections(&part));
    }
    man.render_version_section(out)?;
    Ok(())
}

/// Turn a subcommand's `.SH` headings into `.SS` so they sit under its section.
fn demote_sections(roff: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(roff);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        match line.strip_prefix(".SH ") {
            Some(rest) => out.push_str(&format!(".SS {rest}")),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out.into_bytes()
}

fn write_stdout(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
