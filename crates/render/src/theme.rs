use std::collections::BTreeMap;
use std::path::Path;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    files: BTreeMap<String, String>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { files: DEFAULTS.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect() }
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
        }
        Ok(theme)
    }

    /// Write the default templates into `dir` (created if missing), for
    /// editing. Returns the paths written. Existing files are overwritten only
    /// when `overwrite` is true; otherwise an existing file is an error.
    pub fn export_defaults(dir: &Path, overwrite: bool) -> Result<Vec<std::path::PathBuf>, RenderError> {
        std::fs::create_dir_all(dir).map_err(|e| RenderError::Io { path: dir.to_path_buf(), source: e })?;
        let mut written = Vec::new();
        for (name, text) in DEFAULTS {
            let path = dir.join(name);
            if path.exists() && !overwrite {
                return Err(RenderError::Exists { path });
            }
            std::fs::write(&path, text).map_err(|e| RenderError::Io { path: path.clone(), source: e })?;
            written.push(path);
        }
        Ok(written)
    }

    /// The templates by file name.
    pub fn files(&self) -> impl Iterator<Item = (&str, &str)> {
        self.files.iter().map(|(n, t)| (n.as_str(), t.as_str()))
    }

    /// Add or replace one template.
    pub fn set(&mut self, name: impl Into<String>, text: impl Into<String>) {
        self.files.insert(name.into(), text.into());
    }
}
