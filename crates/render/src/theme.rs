use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::RenderError;

/// The default templates, compiled into the binary. Names are file names in
/// the top-level `templates/` directory.
const DEFAULTS: &[(&str, &str)] = &[
    ("brief.md.hbs", include_str!("../../../templates/brief.md.hbs")),
    ("brief.txt.hbs", include_str!("../../../templates/brief.txt.hbs")),
    ("brief.html.hbs", include_str!("../../../templates/brief.html.hbs")),
    ("page.css.hbs", include_str!("../../../templates/page.css.hbs")),
    ("daily.md.hbs", include_str!("../../../templates/daily.md.hbs")),
    ("daily.txt.hbs", include_str!("../../../templates/daily.txt.hbs")),
    ("daily.html.hbs", include_str!("../../../templates/daily.html.hbs")),
];

/// A set of Handlebars templates by file name: the embedded defaults, with
/// any file from a user directory replacing the default of the same name.
///
/// Every `*.hbs` file is registered both as a template and as a partial,
/// named by its file name without `.hbs` (`brief.html`, `page.css`), so a
/// template can include another with `{{> page.css}}`.
///
/// Two themes are equal when they hold the same templates, wherever the
/// files came from.
#[derive(Debug, Clone)]
pub struct Theme {
    files: BTreeMap<String, String>,
    /// Where each user file came from, for error messages.
    paths: BTreeMap<String, PathBuf>,
}

impl PartialEq for Theme {
    fn eq(&self, other: &Theme) -> bool {
        self.files == other.files
    }
}

impl Eq for Theme {}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            files: DEFAULTS.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect(),
            paths: BTreeMap::new(),
        }
    }
}

impl Theme {
    /// The defaults, overridden file by file from `dir`: a `*.hbs` file there
    /// replaces the default of the same name, new names are added, and the
    /// other defaults stay.
    pub fn from_dir(dir: &Path) -> Result<Theme, RenderError> {
        let mut theme = Theme::default();
        let io = |e: std::io::Error| RenderError::Io { path: dir.to_path_buf(), source: e };
        let mut entries: Vec<_> =
            std::fs::read_dir(dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !name.ends_with(".hbs") || !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| RenderError::Io { path: path.clone(), source: e })?;
            theme.files.insert(name.to_string(), text);
            theme.paths.insert(name.to_string(), path);
        }
        Ok(theme)
    }

    /// Write the default templates into `dir` (created if missing), for
    /// editing. Returns the paths written. Existing files (or links, which
    /// are never followed) are replaced only when `overwrite` is true;
    /// otherwise every target is checked first and nothing is written if
    /// any exists.
    pub fn export_defaults(dir: &Path, overwrite: bool) -> Result<Vec<PathBuf>, RenderError> {
        let targets: Vec<(PathBuf, &str)> = DEFAULTS.iter().map(|(n, t)| (dir.join(n), *t)).collect();
        if !overwrite && let Some((path, _)) = targets.iter().find(|(p, _)| p.symlink_metadata().is_ok()) {
            return Err(RenderError::Exists { path: path.clone() });
        }
        std::fs::create_dir_all(dir).map_err(|e| RenderError::Io { path: dir.to_path_buf(), source: e })?;
        let mut written = Vec::new();
        for (path, text) in targets {
            let io = |e| RenderError::Io { path: path.clone(), source: e };
            if overwrite && path.symlink_metadata().is_ok_and(|m| !m.is_dir()) {
                // Replace the entry itself: a link is removed, not followed.
                std::fs::remove_file(&path).map_err(io)?;
            }
            let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&path).map_err(io)?;
            std::io::Write::write_all(&mut f, text.as_bytes()).map_err(io)?;
            written.push(path);
        }
        Ok(written)
    }

    /// Where the template `file` (`brief.md.hbs`) came from, as shown in
    /// messages: the user's file, or `built-in brief.md.hbs`.
    pub fn origin(&self, file: &str) -> String {
        match self.paths.get(file) {
            Some(p) => p.display().to_string(),
            None => format!("built-in {file}"),
        }
    }

    /// The templates by file name.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(n, t)| (n.as_str(), t.as_str()))
    }

    /// Add or replace one template.
    pub fn set(&mut self, name: impl Into<String>, text: impl Into<String>) {
        let name = name.into();
        self.paths.remove(&name);
        self.files.insert(name, text.into());
    }
}
