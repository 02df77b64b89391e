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
/// options), nested ones (`attache eval rouge`) included, as `man attache`
/// readers expect of a multi-command tool.
fn render_man(out: &mut Vec<u8>) -> std::io::Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    writeln!(out, "Each command has a section below; \\fBattache help\\fR COMMAND prints the same.")?;
    render_subcommands(&cmd, "attache", out)?;
    man.render_version_section(out)?;
    Ok(())
}

fn render_subcommands(cmd: &clap::Command, prefix: &str, out: &mut Vec<u8>) -> std::io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("{prefix} {}", sub.get_name());
        writeln!(out, ".SH \"{}\"", name.to_uppercase())?;
        let page = clap_mangen::Man::new(sub.clone().bin_name(name.clone()));
        // The synopsis, description and options of the command, without a new title.
        let mut part = Vec::new();
        page.render_synopsis_section(&mut part)?;
        page.render_description_section(&mut part)?;
        if sub.get_arguments().any(|a| !a.is_hide_set()) {
            page.render_options_section(&mut part)?;
        }
        out.extend(demote_sections(&part));
        render_subcommands(sub, &name, out)?;
    }
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
