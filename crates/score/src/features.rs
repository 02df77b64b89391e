use attache_parse::Document;

/// Per-sentence TF-IDF vectors of a document, computed once and shared by
/// every scorer and by the selector's redundancy check.
///
/// Terms are the document's content words (stopwords dropped, stems merged).
/// IDF is computed over the document's own sentences (inverse sentence
/// frequency), the usual choice for single-document LexRank/TextRank.
#[derive(Debug, Clone)]
pub struct Features {
    /// Unit-length sparse vector per sentence, sorted by term id.
    pub vectors: Vec<Vec<(u32, f32)>>,
    /// Unit-length sparse vector of the headline (empty without one).
    pub title: Vec<(u32, f32)>,
    /// Word count per sentence.
    pub words: Vec<usize>,
    /// Sentences that are a piece of a quotation rather than a statement of
    /// the article: unbalanced quotation marks (a quote running over several
    /// sentences), or a sentence that is nothing but a quotation. They belong
    /// in a quotes section with their speaker, not among key points.
    pub quote_fragment: Vec<bool>,
    /// Number of sentences containing each term, indexed by term id.
    pub df: Vec<u32>,
}

impl Features {
    /// Compute the features of `doc`.
    pub fn new(doc: &Document) -> Features {
        let n = doc.sentences.len();
        let mut df = vec![0u32; doc.vocab.len()];
        let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(n);
        for i in 0..n {
            let v = term_counts(doc.sentence_tokens(i));
            for &(t, _) in &v {
                df[t as usize] += 1;
            }
            raw.push(v);
        }
        let nf = n.max(1) as f32;
        // IDF depends only on a term's sentence count (0..=n): one logarithm per count.
        let by_count: Vec<f32> = (0..=n).map(|d| (nf / (1.0 + d as f32)).ln().max(0.0) + 1.0).collect();
        let idf = |t: u32| -> f32 { by_count[df.get(t as usize).map_or(0, |&d| d as usize)] };
        for v in &mut raw {
            weigh(v, idf);
        }
        debug_assert_eq!(raw.len(), n);
        let mut title = term_counts(&doc.title_tokens);
        weigh(&mut title, idf);
        let words = (0..n).map(|i| doc.sentence_words(i)).collect();
        let quote_fragment = (0..n).map(|i| is_quote_fragment(doc.sentence_text(i))).collect();
        Features { vectors: raw, title, words, quote_fragment, df }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.vectors.len()
    }

    /// Is the document without sentences?
    pub fn is_empty(&self) -> bool {
        self.vectors.is_empty()
    }

    /// Share of the shorter sentence's distinct content terms that the other
    /// sentence also has: 1.0 when one sentence's content is contained in
    /// the other's, whatever their lengths (which cosine similarity misses
    /// when a standfirst restates part of a long lead).
    pub fn containment(&self, i: usize, j: usize) -> f32 {
        containment(&self.vectors[i], &self.vectors[j])
    }

    /// Cosine similarity of sentences `i` and `j`.
    pub fn sim(&self, i: usize, j: usize) -> f32 {
        cosine(&self.vectors[i], &self.vectors[j])
    }
}

/// Unbalanced double quotation marks, or a sentence wholly inside one quotation.
pub(crate) fn is_quote_fragment(s: &str) -> bool {
    // Curly quotes are encoded from a 0xE2 lead byte: without it or `"`, no quote.
    if memchr::memchr2(b'"', 0xE2, s.as_bytes()).is_none() {
        return false;
    }
    let (mut open, mut close, mut straight) = (0, 0, 0);
    for c in s.chars() {
        match c {
            '“' => open += 1,
            '”' => close += 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    if open != close || straight % 2 == 1 {
        return true;
    }
    let t = s.trim();
    (t.starts_with('“') && t.ends_with('”') && open == 1)
        || (t.starts_with('"') && t.ends_with('"') && straight == 2)
}

fn term_counts(tokens: &[attache_parse::Token]) -> Vec<(u32, f32)> {
    let mut out: Vec<(u32, f32)> = tokens.iter().filter(|t| !t.is_stop()).map(|t| (t.term, 1.0)).collect();
    out.sort_unstable_by_key(|&(t, _)| t);
    // Equal terms are adjacent now: fold each run into its first entry.
    out.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 += 1.0;
        }
        same
    });
    out
}

fn weigh(v: &mut [(u32, f32)], idf: impl Fn(u32) -> f32) {
    let mut norm = 0.0;
    for (t, w) in v.iter_mut() {
        *w *= idf(*t);
        norm += *w * *w;
    }
    let norm = norm.sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Share of the shorter vector's terms that the other has too (weights ignored).
pub fn containment(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let shorter = a.len().min(b.len());
    if shorter == 0 {
        return 0.0;
    }
    let (mut x, mut y, mut common) = (0, 0, 0usize);
    while x < a.len() && y < b.len() {
        match a[x].0.cmp(&b[y].0) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                x += 1;
                y += 1;
            }
        }
    }
    common as f32 / shorter as f32
}

/// Dot product of two sorted unit vectors.
pub fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::is_quote_fragment;

    #[test]
    fn quote_fragments() {
        assert!(is_quote_fragment("“We have waited long enough."));
        assert!(is_quote_fragment("A code is only a press release,” she said."));
        assert!(is_quote_fragment("“Every week counts.”"));
        assert!(is_quote_fragment("\"Every week counts.\""));
        assert!(!is_quote_fragment("“We will not accept it,” she said."));
        assert!(!is_quote_fragment("Washington backed “a rules-based order at sea” on Monday."));
        assert!(!is_quote_fragment("Talks resumed on Monday."));
    }
}
