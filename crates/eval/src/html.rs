//! Scoring of article-body extraction from HTML.
//!
//! The metric is the one of the article-extraction benchmark used for
//! `attache eval html` (see the evaluation notes shipped beside the data):
//!
//! 1. tokens are the runs of word characters (`\w+`: letters, digits and `_`),
//!    case kept, everything else separates;
//! 2. each text becomes the multiset of its 4-token shingles (a text of one to
//!    three tokens gives one shorter shingle, an empty text none);
//! 3. per page, `tp` counts shingles shared by truth and prediction (minimum
//!    of the two counts), `fp` the prediction's excess and `fn` the truth's;
//!    precision is `tp/(tp+fp)`, recall `tp/(tp+fn)`, both 1 when `fp = fn = 0`;
//! 4. over the corpus, P is the mean page precision over pages with
//!    `tp+fp > 0`, R the mean page recall over pages with `tp+fn > 0`, and
//!    F1 = 2PR/(P+R) of those two means;
//! 5. accuracy is the share of pages whose token sequence equals the truth's;
//! 6. the ± figures are standard deviations over bootstrap resamples of pages.
//!
//! ```
//! use attache_eval::html::{PageScore, score_page, tokens};
//!
//! assert_eq!(tokens("a b,cd:e(foo,bar) "), ["a", "b", "cd", "e", "foo", "bar"]);
//! let s: PageScore = score_page("a b c d e f", "a b c d e f");
//! assert_eq!((s.precision(), s.recall(), s.exact), (Some(1.0), Some(1.0), true));
//! ```

use std::collections::{BTreeMap, HashMap};
use std::io::Read as _;
use std::path::Path;

/// Shingle length used by the benchmark.
pub const SHINGLE: usize = 4;

/// The word tokens of `text`: maximal runs of alphanumeric characters and `_`.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles<'a>(toks: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, usize> {
    let mut map = HashMap::new();
    if toks.is_empty() {
        return map;
    }
    if toks.len() < n {
        map.insert(toks.to_vec(), 1);
        return map;
    }
    for w in toks.windows(n) {
        *map.entry(w.to_vec()).or_insert(0) += 1;
    }
    map
}

/// The comparison of one predicted body with its ground truth.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct PageScore {
    /// Shared shingles, normalised by `tp + fp + fn`.
    pub tp: f64,
    /// Predicted shingles not in the truth, normalised likewise.
    pub fp: f64,
    /// Truth shingles missing from the prediction, normalised likewise.
    pub fn_: f64,
    /// Whether the token sequences are identical.
    pub exact: bool,
    /// Whether the prediction had no tokens at all.
    pub empty: bool,
}

impl PageScore {
    /// Page precision, `None` when the prediction holds no shingles.
    pub fn precision(&self) -> Option<f64> {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            return Some(1.0);
        }
        (self.tp + self.fp > 0.0).then(|| self.tp / (self.tp + self.fp))
    }

    /// Page recall, `None` when the truth holds no shingles.
    pub fn recall(&self) -> Option<f64> {
        if self.fp == 0.0 && self.fn_ == 0.0 {
            return Some(1.0);
        }
        (self.tp + self.fn_ > 0.0).then(|| self.tp / (self.tp + self.fn_))
    }
}

/// Score one page with the default shingle length.
pub fn score_page(truth: &str, prediction: &str) -> PageScore {
    score_page_n(truth, prediction, SHINGLE)
}

/// Score one page with shingles of `n` tokens.
pub fn score_page_n(truth: &str, prediction: &str, n: usize) -> PageScore {
    let t = tokens(truth);
    let p = tokens(prediction);
    let ts = shingles(&t, n);
    let ps = shingles(&p, n);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (k, &c) in &ps {
        let tc = ts.get(k).copied().unwrap_or(0);
        tp += c.min(tc);
        fp += c.saturating_sub(tc);
    }
    for (k, &c) in &ts {
        let pc = ps.get(k).copied().unwrap_or(0);
        fn_ += c.saturating_sub(pc);
    }
    let total = (tp + fp + fn_).max(1) as f64;
    PageScore {
        tp: tp as f64 / total,
        fp: fp as f64 / total,
        fn_: fn_ as f64 / total,
        exact: t == p,
        empty: p.is_empty(),
    }
}

/// Corpus-level figures over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct CorpusScore {
    /// Number of pages.
    pub pages: usize,
    /// Mean page precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean page recall.
    pub recall: f64,
    /// Harmonic mean of `precision` and `recall`.
    pub f1: f64,
    /// Share of pages whose token sequence equals the truth's.
    pub accuracy: f64,
    /// Number of pages with an empty prediction.
    pub empty: usize,
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut s, mut n) = (0.0, 0usize);
    for x in xs {
        s += x;
        n += 1;
    }
    if n == 0 { 0.0 } else { s / n as f64 }
}

/// Aggregate page scores.
pub fn corpus(pages: &[PageScore]) -> CorpusScore {
    let precision = mean(pages.iter().filter_map(PageScore::precision));
    let recall = mean(pages.iter().filter_map(PageScore::recall));
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    CorpusScore {
        pages: pages.len(),
        precision,
        recall,
        f1,
        accuracy: mean(pages.iter().map(|p| if p.exact { 1.0 } else { 0.0 })),
        empty: pages.iter().filter(|p| p.empty).count(),
    }
}

/// Standard deviations of (precision, recall, F1, accuracy) over `rounds`
/// bootstrap resamples of the pages, with a fixed seed (deterministic).
pub fn bootstrap(pages: &[PageScore], rounds: usize, seed: u64) -> (f64, f64, f64, f64) {
    if pages.is_empty() || rounds == 0 {
        return (0.0, 0.0, 0.0, 0.0);
    }
    let mut state = seed;
    let mut next = move || {
        // SplitMix64.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let mut samples = Vec::with_capacity(rounds);
    let mut buf = Vec::with_capacity(pages.len());
    for _ in 0..rounds {
        buf.clear();
        for _ in 0..pages.len() {
            buf.push(pages[(next() % pages.len() as u64) as usize]);
        }
        samples.push(corpus(&buf));
    }
    let sd = |f: &dyn Fn(&CorpusScore) -> f64| {
        let m = mean(samples.iter().map(f));
        mean(samples.iter().map(|s| (f(s) - m).powi(2))).sqrt()
    };
    (sd(&|s| s.precision), sd(&|s| s.recall), sd(&|s| s.f1), sd(&|s| s.accuracy))
}

/// The benchmark's ground truth, `DIR/ground-truth.json`: page id → the
/// article body (`articleBody`) the extraction should give.
pub fn read_ground_truth(dir: &Path) -> std::io::Result<BTreeMap<String, String>> {
    #[derive(serde::Deserialize)]
    struct Truth {
        #[serde(rename = "articleBody")]
        article_body: String,
    }
    let path = dir.join("ground-truth.json");
    let bytes = std::fs::read(&path).map_err(|e| with_path(&path, "cannot read", e))?;
    let map: BTreeMap<String, Truth> = serde_json::from_slice(&bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{} is not a ground-truth map: {e}", path.display()),
        )
    })?;
    Ok(map.into_iter().map(|(id, t)| (id, t.article_body)).collect())
}

/// The HTML bytes of page `id`: `DIR/pages/ID.html.gz` (decompressed), else
/// `DIR/pages/ID.html`.
pub fn read_page(dir: &Path, id: &str) -> std::io::Result<Vec<u8>> {
    let gz = dir.join("pages").join(format!("{id}.html.gz"));
    let plain = dir.join("pages").join(format!("{id}.html"));
    let mut bytes = Vec::new();
    if gz.exists() {
        let file = std::fs::File::open(&gz).map_err(|e| with_path(&gz, "cannot read", e))?;
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|e| with_path(&gz, "cannot decompress", e))?;
    } else {
        bytes = std::fs::read(&plain).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot read {} (nor {}): {e}", plain.display(), gz.display()),
            )
        })?;
    }
    Ok(bytes)
}

fn with_path(path: &Path, what: &str, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn tokenizer_splits_on_punctuation_and_keeps_case() {
        assert_eq!(tokens("a b,cd:e(foo,bar) "), ["a", "b", "cd", "e", "foo", "bar"]);
        assert_eq!(tokens("Oil\nGas"), ["Oil", "Gas"]);
        assert_eq!(tokens("Moscow’s snake_case 3.5"), ["Moscow", "s", "snake_case", "3", "5"]);
        assert_eq!(tokens("  "), Vec::<&str>::new());
    }

    #[test]
    fn benchmark_reference_checks_with_trigrams() {
        let s = score_page_n("a b c d", "a b c", 3);
        assert!(close(s.tp, 0.5) && close(s.fp, 0.0) && close(s.fn_, 0.5), "{s:?}");
        let s = score_page_n("a b c a b c", "a b c", 3);
        assert!(close(s.tp, 0.25) && close(s.fp, 0.0) && close(s.fn_, 0.75), "{s:?}");
    }

    #[test]
    fn empty_prediction_counts_for_recall_only() {
        let pages = [score_page("one two three four five", ""), score_page("a b c d e", "a b c d e")];
        assert_eq!(pages[0].precision(), None);
        assert_eq!(pages[0].recall(), Some(0.0));
        let c = corpus(&pages);
        assert!(close(c.precision, 1.0));
        assert!(close(c.recall, 0.5));
        assert!(close(c.f1, 2.0 * 0.5 / 1.5));
        assert_eq!(c.empty, 1);
        assert!(close(c.accuracy, 0.5));
    }

    #[test]
    fn extra_text_lowers_precision_not_recall() {
        let s = score_page(
            "the envoy met the minister in Geneva",
            "Menu the envoy met the minister in Geneva Subscribe now",
        );
        assert_eq!(s.recall(), Some(1.0));
        assert!(s.precision().unwrap() < 1.0);
        assert!(!s.exact);
    }

    #[test]
    fn bootstrap_is_deterministic_and_zero_on_identical_pages() {
        let pages = vec![score_page("a b c d e", "a b c d e"); 10];
        assert_eq!(bootstrap(&pages, 50, 7), (0.0, 0.0, 0.0, 0.0));
        let mixed = [score_page("a b c d e", "a b c d e"), score_page("a b c d e", "x y z w v")];
        assert_eq!(bootstrap(&mixed, 100, 1), bootstrap(&mixed, 100, 1));
        assert!(bootstrap(&mixed, 100, 1).2 > 0.0);
    }
}
