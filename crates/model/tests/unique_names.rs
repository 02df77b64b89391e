//! One model: no two public types of the workspace share a name.
//!
//! The briefing's types are defined once, in this crate, and re-exported by
//! the crates that use them; a second `pub struct Quote` elsewhere would be a
//! copy of the model (or a clash a user has to disambiguate). This test reads
//! the sources of every crate of the workspace (`src/` and `crates/*/src/`)
//! and lists each `pub struct|enum|trait|type Name` (re-exports with `pub use`
//! are not definitions and do not count). It is the same check as
//!
//! ```text
//! grep -rhoE '^\s*pub (struct|enum|trait|type) [A-Z][A-Za-z0-9]*' src crates/*/src \
//!   | awk '{print $3}' | sort | uniq -d
//! ```

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Names still defined twice on purpose until another branch lands, with the
/// reason. Each entry must still be a duplicate: once the renames are merged,
/// delete it.
const PENDING: &[(&str, &str)] = &[];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The type a line defines publicly, if any: `pub struct Name`, `pub enum
/// Name`, `pub trait Name` or `pub type Name`, with an upper-case first letter.
fn public_type(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix("pub ")?;
    let rest = ["struct ", "enum ", "trait ", "type "].iter().find_map(|k| rest.strip_prefix(k))?;
    let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
    let name = &rest[..end];
    name.starts_with(|c: char| c.is_ascii_uppercase()).then_some(name)
}

#[test]
fn public_type_reads_definitions_only() {
    assert_eq!(public_type("pub struct Brief {"), Some("Brief"));
    assert_eq!(public_type("    pub enum Format {"), Some("Format"));
    assert_eq!(public_type("pub trait Scorer: Send + Sync {"), Some("Scorer"));
    assert_eq!(public_type("pub type Result<T> = std::result::Result<T, Error>;"), Some("Result"));
    assert_eq!(public_type("pub(crate) struct Mention {"), None);
    assert_eq!(public_type("pub use attache_model::Quote;"), None);
    assert_eq!(public_type("pub struct lower;"), None);
    assert_eq!(public_type("// pub struct Commented;"), None);
}

#[test]
fn no_two_public_types_share_a_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let is_workspace = fs::read_to_string(root.join("Cargo.toml")).is_ok_and(|t| t.contains("[workspace]"));
    if !is_workspace {
        // Built outside the workspace (a packaged crate): nothing to compare with.
        return;
    }
    let mut dirs = vec![root.join("src")];
    for c in fs::read_dir(root.join("crates")).expect("crates/").flatten() {
        dirs.push(c.path().join("src"));
    }
    let mut files = Vec::new();
    for d in &dirs {
        rust_files(d, &mut files);
    }
    assert!(files.len() > 20, "found only {} source files under {}", files.len(), root.display());

    let mut defs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        let text = fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(&root).unwrap_or(f).display().to_string();
        for (i, line) in text.lines().enumerate() {
            if let Some(name) = public_type(line) {
                defs.entry(name.to_string()).or_default().push(format!("{rel}:{}", i + 1));
            }
        }
    }
    assert!(defs.contains_key("Brief") && defs.contains_key("Extraction"), "the scan missed the crates");

    let pending = |n: &str| PENDING.iter().any(|(p, _)| *p == n);
    let clashes: Vec<String> = defs
        .iter()
        .filter(|(n, at)| at.len() > 1 && !pending(n))
        .map(|(n, at)| format!("{n}: {}", at.join(", ")))
        .collect();
    assert!(clashes.is_empty(), "public types defined more than once:\n{}", clashes.join("\n"));
    let stale: Vec<&str> =
        PENDING.iter().map(|(n, _)| *n).filter(|n| defs.get(*n).is_none_or(|at| at.len() < 2)).collect();
    assert!(stale.is_empty(), "no longer duplicated, delete from PENDING in {}: {stale:?}", file!());
}
