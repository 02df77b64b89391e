//! Refusing output paths that would destroy an input or each other.
//!
//! Two paths are the same file when both exist and share device and inode
//! (hard links, symbolic links, `./x` and `x`), or when their canonical forms
//! agree (for outputs that do not exist yet: the canonical form of the
//! longest existing ancestor, with the rest appended). An output may also not
//! lie inside an input directory, where it would be read back as an input,
//! and an input may not lie inside an output folder, where a briefing could
//! replace it.

use std::path::{Component, Path, PathBuf};

use anyhow::bail;

/// Canonical form of a path that may not exist yet.
pub(crate) fn canonical(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let abs =
        if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(p) };
    let mut rest = Vec::new();
    let mut base = abs.as_path();
    loop {
        if let Ok(c) = base.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::Normal(n) => out.push(n),
                    _ => {}
                }
            }
            return out;
        }
        match (base.parent(), base.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                base = parent;
            }
            _ => return abs,
        }
    }
}

#[cfg(unix)]
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => canonical(a) == canonical(b),
    }
}

#[cfg(not(unix))]
fn same_file(a: &Path, b: &Path) -> bool {
    canonical(a) == canonical(b)
}

/// An output path with the option that named it (`--output`, `--errors`).
pub(crate) struct Output<'a> {
    /// The option, as the user typed it.
    pub(crate) option: &'a str,
    /// The path (`-` is standard output and is never checked).
    pub(crate) path: &'a Path,
    /// Whether the output is a folder of files rather than one file.
    pub(crate) folder: bool,
}

/// Refuse (before anything is opened for writing) outputs that are an input,
/// lie inside an input directory, contain an input (folders), or are the same
/// file as another output. `-` is never checked.
pub(crate) fn check_outputs(inputs: &[PathBuf], outputs: &[Output<'_>]) -> anyhow::Result<()> {
    let outputs: Vec<&Output<'_>> = outputs.iter().filter(|o| o.path.as_os_str() != "-").collect();
    let inputs: Vec<&PathBuf> = inputs.iter().filter(|p| p.as_os_str() != "-").collect();
    for out in &outputs {
        let shown = out.path.display();
        let canon = canonical(out.path);
        for input in &inputs {
            let input_canon = canonical(input);
            if same_file(out.path, input) {
                bail!(
                    "{} {shown} is the input {}: writing it would destroy the input; choose another path",
                    out.option,
                    input.display()
                );
            }
            if input.is_dir() && canon.starts_with(&input_canon) {
                bail!(
                    "{} {shown} is inside the input folder {}, where it would be read as an input; choose a path outside it",
                    out.option,
                    input.display()
                );
            }
            if out.folder && input_canon.starts_with(&canon) {
                bail!(
                    "the input {} is inside the output folder {shown} ({}), where a briefing could replace it; choose another folder",
                    input.display(),
                    out.option
                );
            }
        }
    }
    for (i, a) in outputs.iter().enumerate() {
        for b in &outputs[i + 1..] {
            if same_file(a.path, b.path) {
                bail!(
                    "{} {} and {} {} are the same file; give them different paths",
                    a.option,
                    a.path.display(),
                    b.option,
                    b.path.display()
                );
            }
        }
    }
    Ok(())
}

/// The default errors file beside an output: `OUT.errors.jsonl` next to the
/// file or folder `OUT` (`dir/` gives `dir.errors.jsonl`, never a file hidden
/// inside the folder).
pub(crate) fn errors_beside(out: &Path) -> anyhow::Result<PathBuf> {
    let named = |p: &Path| -> Option<PathBuf> {
        let name = p.file_name()?;
        let mut file = name.to_owned();
        file.push(".errors.jsonl");
        Some(p.parent().unwrap_or(Path::new("")).join(file))
    };
    // `.`, `..` and `dir/..` have no name of their own: use the real one.
    let trailing_dots =
        matches!(out.components().next_back(), Some(Component::CurDir | Component::ParentDir));
    let named = if trailing_dots { named(&canonical(out)) } else { named(out) };
    match named {
        Some(p) => Ok(p),
        None => bail!("cannot put the errors file beside {}: give one with --errors PATH", out.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_file_goes_beside_the_output() {
        assert_eq!(errors_beside(Path::new("out.jsonl")).unwrap(), Path::new("out.jsonl.errors.jsonl"));
        assert_eq!(errors_beside(Path::new("dir/")).unwrap(), Path::new("dir.errors.jsonl"));
        assert_eq!(errors_beside(Path::new("a/dir//")).unwrap(), Path::new("a/dir.errors.jsonl"));
        assert!(errors_beside(Path::new("/")).is_err());
        let here = std::env::current_dir().unwrap();
        let beside = errors_beside(Path::new(".")).unwrap();
        assert_eq!(beside.parent(), here.parent());
    }

    #[test]
    fn canonical_form_of_a_missing_path() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        assert_eq!(canonical(&dir.path().join("a/b/../c.jsonl")), real.join("a/c.jsonl"));
    }
}
