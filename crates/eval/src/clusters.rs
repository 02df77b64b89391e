//! Multi-document clusters (the DUC 2004 Task 2 layout) and the recall
//! scoring of a daily page against their references.
//!
//! Input is JSON Lines, one cluster per line:
//! `{"id","documents":[{"doc_id","title","text"}],"summaries":[…]}`
//! ([`read_clusters`] → [`Cluster`]). `attache eval daily` and `attache eval
//! update` (in the `attache` package, `src/cmd/eval/`) brief the documents
//! with the product and score what it shows here ([`mean_recall`]).
//!
//! ```
//! use attache_eval::clusters::{first_bytes, id_date, mean_recall, read_clusters};
//!
//! let line = r#"{"id":"c1","documents":[{"doc_id":"APW19981019.0307","text":"Envoys met in Geneva."}],"summaries":["Envoys met."]}"#;
//! let clusters = read_clusters(line)?;
//! let (id, doc) = clusters[0].document(0);
//! assert_eq!((id.as_str(), doc["id"].as_str()), ("APW19981019.0307", Some("APW19981019.0307")));
//! assert_eq!(id_date(&id).as_deref(), Some("1998-10-19"));
//! assert_eq!(first_bytes("Envoys met.", 6), "Envoys");
//! let (r1, r2) = mean_recall(&mut attache_eval::rouge::Rouge::new(), &clusters[0].summaries, "Envoys met.");
//! assert_eq!((r1, r2), (1.0, 1.0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Deserialize;

use crate::rouge::Rouge;
use crate::summaries::EvalError;

/// One multi-document cluster: its documents and its reference summaries.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Cluster {
    /// Cluster id.
    pub id: String,
    /// The documents, as article objects (`doc_id` or `id`, `title`, `text`, …).
    pub documents: Vec<serde_json::Value>,
    /// Reference summaries (none for sets used only by `eval update`).
    #[serde(default)]
    pub summaries: Vec<String>,
}

impl Cluster {
    /// Document `k`'s id (its `doc_id`, else its `id`, else `CLUSTER-k`) and
    /// the document as an article object whose `id` is that id.
    ///
    /// # Panics
    ///
    /// If `k` is out of range.
    pub fn document(&self, k: usize) -> (String, serde_json::Value) {
        let d = &self.documents[k];
        let id = d
            .get("doc_id")
            .or_else(|| d.get("id"))
            .and_then(|v| v.as_str())
            .map_or_else(|| format!("{}-{k}", self.id), str::to_string);
        let mut obj = d.clone();
        if obj.is_object() {
            obj["id"] = id.clone().into();
        }
        (id, obj)
    }
}

/// Parse JSON Lines clusters, skipping blank lines; a bad line is an error
/// naming its line.
pub fn read_clusters(input: &str) -> Result<Vec<Cluster>, EvalError> {
    let mut out = Vec::new();
    for (i, line) in input.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let c: Cluster = serde_json::from_str(line).map_err(|e| EvalError::Record {
            line: i + 1,
            id: None,
            message: e.to_string(),
        })?;
        out.push(c);
    }
    Ok(out)
}

/// `YYYY-MM-DD` from a DUC-style document id: letters, then eight digits
/// (`APW19981019.0307` → `1998-10-19`).
pub fn id_date(id: &str) -> Option<String> {
    let digits = id.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let d = digits.get(..8)?;
    d.bytes().all(|b| b.is_ascii_digit()).then(|| format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8]))
}

/// The first `max` bytes of `text`, cut back to a character boundary (the
/// DUC convention cuts summaries to 665 bytes).
pub fn first_bytes(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ROUGE-1 and ROUGE-2 recall of `candidate`, averaged over `references`
/// (0 when there are none).
pub fn mean_recall(rouge: &mut Rouge, references: &[String], candidate: &str) -> (f64, f64) {
    let (mut r1, mut r2) = (0.0, 0.0);
    for reference in references {
        let s = rouge.score(reference, candidate);
        r1 += s.rouge1.recall;
        r2 += s.rouge2.recall;
    }
    let n = references.len().max(1) as f64;
    (r1 / n, r2 / n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_from_document_ids() {
        assert_eq!(id_date("APW19981019.0307").as_deref(), Some("1998-10-19"));
        assert_eq!(id_date("NYT19981202.0001").as_deref(), Some("1998-12-02"));
        assert_eq!(id_date("doc-7"), None);
    }

    #[test]
    fn document_ids_fall_back_to_the_cluster() {
        let c = &read_clusters(
            "\n{\"id\":\"c9\",\"documents\":[{\"text\":\"A.\"},{\"id\":\"x\",\"text\":\"B.\"}]}\n",
        )
        .unwrap()[0];
        assert!(c.summaries.is_empty());
        assert_eq!(c.document(0).0, "c9-0");
        assert_eq!(c.document(1).0, "x");
        assert_eq!(c.document(0).1["id"], "c9-0");
        let e = read_clusters("{}\n{").unwrap_err().to_string();
        assert!(e.starts_with("line 1"), "{e}");
    }

    #[test]
    fn cuts_keep_characters_whole() {
        assert_eq!(first_bytes("Genève", 4), "Gen");
        assert_eq!(first_bytes("Genève", 5), "Genè");
        assert_eq!(first_bytes("ab", 10), "ab");
    }

    #[test]
    fn recall_is_averaged_over_references() {
        let refs = vec!["Envoys met.".to_string(), "Ministers talked.".to_string()];
        let (r1, r2) = mean_recall(&mut Rouge::new(), &refs, "Envoys met today.");
        assert_eq!((r1, r2), (0.5, 0.5));
        assert_eq!(mean_recall(&mut Rouge::new(), &[], "x"), (0.0, 0.0));
    }
}
