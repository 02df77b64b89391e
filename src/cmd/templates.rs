use std::process::ExitCode;

use attache_render::Theme;

use crate::cli::TemplatesCommand;

pub(crate) fn execute(cmd: &TemplatesCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        TemplatesCommand::Export { dir, force } => {
            for path in Theme::export_defaults(dir, *force)? {
                println!("{}", path.display());
            }
        }
        TemplatesCommand::List => {
            for (name, _) in Theme::default().files() {
                println!("{name}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
