//! Listing the inputs: directories walked in name order, file stems for ids.

use std::path::{Path, PathBuf};

use super::SourceError;
use super::format::InputFormat;

/// The files of `dir` and its subdirectories that [`InputFormat::from_name`]
/// knows, in name order, appended to `out`.
pub(super) fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), SourceError> {
    let unreadable = |e| SourceError::Unreadable { path: dir.to_path_buf(), source: e };
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(unreadable)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    entries.sort();
    for p in entries {
        // Symbolic links to directories are not followed (no loops); links
        // to files are read like files.
        let linked = std::fs::symlink_metadata(&p).is_ok_and(|m| m.file_type().is_symlink());
        if p.is_dir() {
            if !linked {
                walk(&p, out)?;
            }
        } else if known(&p) {
            // Only regular files (or links to them): a FIFO would block the
            // run forever, a device could be endless.
            if std::fs::metadata(&p).is_ok_and(|m| m.is_file()) {
                out.push(p);
            } else {
                eprintln!("attache: skipping {}: not a regular file", p.display());
            }
        }
    }
    Ok(())
}

fn known(path: &Path) -> bool {
    path.file_name().is_some_and(|n| InputFormat::from_name(&n.to_string_lossy()).is_some())
}

/// The id a one-article file gets when it declares none: its name without
/// the extension (and without `.gz`/`.zst`/`.zstd`), e.g. `talks` for
/// `dir/talks.html.gz`.
pub(super) fn file_stem(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    stem_of(&name)
}

/// [`file_stem`] of a name given as a string.
pub(super) fn stem_of(name: &str) -> String {
    let mut stem = name;
    for suffix in [".gz", ".zst", ".zstd"] {
        stem = stem.strip_suffix(suffix).unwrap_or(stem);
    }
    stem.rsplit_once('.').map(|(s, _)| s).filter(|s| !s.is_empty()).unwrap_or(stem).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_the_extension_and_compression() {
        assert_eq!(file_stem(Path::new("dir/talks.txt")), "talks");
        assert_eq!(file_stem(Path::new("a.b.html.gz")), "a.b");
        assert_eq!(file_stem(Path::new("noext")), "noext");
        assert_eq!(file_stem(Path::new(".hidden")), ".hidden");
    }
}
