//! Agreement tests: every fast path against its plain twin.

use unicode_segmentation::UnicodeSegmentation;

use super::intern::{LEXICON_LIMIT, reset_lexicon};
use super::space::{collapse_ws, count_words, words};
use super::words::{AsciiWords, for_each_word, is_plain};
use super::{has_uppercase, similarities, with_tokenizer};
use crate::testutil::random_strings;
use crate::token::{STEMMER, Token, Vocabulary, lower_into};

/// Strings from an alphabet rich in white space of every kind, ASCII and not.
fn space_samples() -> Vec<String> {
    let alphabet: Vec<&str> = vec![
        " ", " ", "  ", "\t", "\n", "\r\n", "\x0b", "\x0c", "\u{85}", "\u{a0}", "\u{1680}", "\u{2009}",
        "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "a", "Kyiv", "talks", ".", ",", "“", "”", "—", "é",
        "日本", "\u{e2}", "©", "1", "x",
    ];
    let mut out = vec![String::new(), " ".into(), "word".into(), " a ".into()];
    out.extend(random_strings(&alphabet, 3000, 40, 0x9e37_79b9_7f4a_7c15));
    out
}

#[test]
fn space_agrees_with_split_whitespace() {
    for s in space_samples() {
        let std: Vec<&str> = s.split_whitespace().collect();
        assert_eq!(words(&s).collect::<Vec<_>>(), std, "{s:?}");
        assert_eq!(count_words(&s), std.len(), "{s:?}");
        assert_eq!(collapse_ws(&s), std.join(" "), "{s:?}");
    }
}

#[test]
fn ascii_words_agree_with_unicode_segmentation() {
    let alphabet: &[&str] = &[
        "a", "Z", "k", "7", "0", "_", ".", ",", ";", ":", "'", "\"", "-", " ", "  ", "\n", "\r\n", "\t", "(",
        ")", "$", "%", "/", "&", "!", "?", "U.S.", "3.5", "1,000", "don't", "a:b", "x_1", "__", "e-mail",
        "_a", "a_",
    ];
    let mut cases: Vec<String> = vec![
        "The U.S. envoy's 3.5% rise, 1,000 troops; at 10:30 on Feb. 4 -- talks_2 resumed.".into(),
        "rotor volgograd , one of russia 's leading clubs in the 1990s ( www.rotor-fc.com ) .".into(),
    ];
    cases.extend(random_strings(alphabet, 5000, 24, 0x2545_f491_4f6c_dd1d));
    for s in &cases {
        let ours: Vec<(usize, &str, bool)> = AsciiWords::new(s).collect();
        let lib: Vec<(usize, &str, bool)> =
            s.unicode_word_indices().map(|(o, w)| (o, w, is_plain(w))).collect();
        assert_eq!(ours, lib, "{s:?}");
    }
}

#[test]
fn mixed_text_words_agree_with_unicode_segmentation() {
    let alphabet: &[&str] = &[
        "a", "Z", "7", "_", ".", ",", "'", ":", " ", "  ", "\n", "\t", "\r\n", "é", "Kyiv’s", "’", "‘", "“",
        "”", "—", "–", "\u{a0}", "\u{2009}", "\u{301}", "\u{200d}", "\u{200b}", "日本", "한국", "£5", "€",
        "½", "٣", "ß", "İ", "👍", "🇺🇦", "x\u{308}", "·", "״", "א", "ー", "カ", "\u{ad}", "\u{feff}",
    ];
    for s in random_strings(alphabet, 20_000, 20, 0x9e37_79b9_7f4a_7c15) {
        let mut ours: Vec<(usize, &str, bool)> = Vec::new();
        for_each_word(&s, |off, w, plain| ours.push((off, w, plain)));
        let lib: Vec<(usize, &str, bool)> =
            s.unicode_word_indices().map(|(o, w)| (o, w, is_plain(w))).collect();
        assert_eq!(ours, lib, "{s:?}");
    }
}

#[test]
fn uppercase_agrees_with_chars() {
    let fixed = [
        "",
        "a",
        "Z",
        "@[`{",
        "all lower case text , here .",
        "lower then X",
        "é and É",
        "ß ẞ",
        "ǅ",
        "@@@@@@@@Z",
        "[[[[[[[[A",
        "ωΩ",
        "straße",
        "日本語 A",
    ];
    // Bytes around `A`..`Z` in every position of an eight-byte chunk, and non-ASCII cases.
    let alphabet: &[&str] = &[
        "a", "z", "@", "[", "`", "{", "A", "Z", " ", "1", "é", "É", "ǅ", "ß", "ω", "Ω", "日", "\u{2160}",
        "ⓐ", "Ⓐ",
    ];
    let random = random_strings(alphabet, 20_000, 24, 0x0bad_5eed_1234_5678);
    for s in fixed.iter().copied().chain(random.iter().map(String::as_str)) {
        assert_eq!(has_uppercase(s), s.chars().any(char::is_uppercase), "{s:?}");
    }
}

/// Tokenize `docs` one after another (each its own vocabulary) and return, per
/// document, each token's term as a string, checking that equal terms have
/// equal ids and different terms different ones.
fn tokenized_terms(docs: &[String]) -> Vec<Vec<String>> {
    docs.iter()
        .map(|d| {
            let mut vocab = Vocabulary::default();
            let mut toks: Vec<Token> = Vec::new();
            with_tokenizer(&mut vocab, |tk| tk.tokenize(d, 0, &mut toks));
            let terms: Vec<String> = toks.iter().map(|t| vocab.term(t.term).to_string()).collect();
            for (a, ta) in toks.iter().zip(&terms) {
                for (b, tb) in toks.iter().zip(&terms) {
                    assert_eq!(a.term == b.term, ta == tb, "{d:?}: {ta} vs {tb}");
                }
            }
            assert_eq!(vocab.len(), terms.iter().collect::<std::collections::HashSet<_>>().len(), "{d:?}");
            terms
        })
        .collect()
}

/// The plain twin: stem every word.
fn plain_terms(docs: &[String]) -> Vec<Vec<String>> {
    let mut lower = String::new();
    docs.iter()
        .map(|d| {
            d.unicode_words()
                .map(|w| {
                    lower_into(w, &mut lower);
                    STEMMER.stem(&lower).into_owned()
                })
                .collect()
        })
        .collect()
}

fn documents() -> Vec<String> {
    let alphabet: &[&str] = &[
        "talks ",
        "Talks ",
        "TALKS ",
        "talked ",
        "negotiations ",
        "negotiate ",
        "envoy ",
        "envoys ",
        "the ",
        "and ",
        "Geneva ",
        "Kyiv’s ",
        "ministers’ ",
        "résumé ",
        "a-very-long-compound-word-beyond-the-inline-key ",
        "Überraschung ",
        "x1 ",
        "y2 ",
        "z3 ",
        "q4 ",
        "w5 ",
        "v6 ",
        "u7 ",
        "t8 ",
    ];
    random_strings(alphabet, 300, 30, 0x1357_9bdf_2468_ace0)
}

#[test]
fn interning_agrees_with_plain_stemming() {
    let docs = documents();
    reset_lexicon(LEXICON_LIMIT);
    assert_eq!(tokenized_terms(&docs), plain_terms(&docs));
    // Twice: the second pass hits the lexicon for every word.
    assert_eq!(tokenized_terms(&docs), plain_terms(&docs));
}

#[test]
fn lexicon_reset_and_overflow_agree_with_plain_stemming() {
    let docs = documents();
    // A lexicon of 5 words fills within most documents (the overflow path)
    // and is cleared before the next one (the reset path).
    for limit in [1, 5, 12] {
        reset_lexicon(limit);
        assert_eq!(tokenized_terms(&docs), plain_terms(&docs), "limit {limit}");
    }
    reset_lexicon(LEXICON_LIMIT);
}

/// Plain dot product and shared-term count of two sorted vectors (merge joins).
fn merge_join(a: &[(u32, f32)], b: &[(u32, f32)]) -> (f32, f32) {
    let (mut i, mut j, mut dot, mut common) = (0, 0, 0.0f32, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = a.len().min(b.len());
    (dot, if shorter == 0 { 0.0 } else { common as f32 / shorter as f32 })
}

#[test]
fn similarities_agree_with_merge_joins() {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let terms = 40u32;
    let mut dense = vec![0.0f32; terms as usize];
    for _ in 0..500 {
        let vectors: Vec<Vec<(u32, f32)>> = (0..8)
            .map(|_| {
                let mut v: Vec<(u32, f32)> = Vec::new();
                for t in 0..terms {
                    if next() % 4 == 0 {
                        v.push((t, 0.05 + (next() % 1000) as f32 / 1000.0));
                    }
                }
                let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
                v.iter_mut().for_each(|x| x.1 /= norm);
                v
            })
            .collect();
        for (i, a) in vectors.iter().enumerate() {
            let mut seen = 0;
            similarities(
                a,
                vectors.iter().enumerate().map(|(j, b)| (j, b.as_slice())),
                &mut dense,
                |j, dot, c| {
                    assert_eq!((dot, c), merge_join(a, &vectors[j]), "{i} {j}");
                    seen += 1;
                },
            );
            assert_eq!(seen, vectors.len());
            assert!(dense.iter().all(|&x| x == 0.0));
        }
    }
}
