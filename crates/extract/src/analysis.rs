//! The shared analysis of one text (tokens, mentions, people, quotes and
//! their speakers), which every part of an [`Extraction`](crate::Extraction)
//! is read from, and the per-thread buffers it reuses.

use std::ops::Range;

use attache_parse::Document;

use crate::entity::{self, Mention};
use crate::quote;
use crate::tok::{self, Tok};

/// The shared analysis of one text.
pub(crate) struct Analysis {
    pub(crate) toks: Vec<Tok>,
    pub(crate) ms: Vec<Mention>,
    pub(crate) people: Vec<entity::PersonCluster>,
    pub(crate) segs: Vec<quote::Segment>,
    pub(crate) speakers: Vec<Option<String>>,
    pub(crate) sents: Vec<Range<usize>>,
    /// Per token: inside a quotation.
    pub(crate) quoted_tok: Vec<bool>,
    /// The gazetteer hits buffer (kept for reuse).
    hits: Vec<Option<entity::GazHit>>,
}

/// Per-token buffers kept between documents on a thread: large allocations per document
/// cost more than the work done in them.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    hits: Vec<Option<entity::GazHit>>,
    quoted_tok: Vec<bool>,
}

impl Drop for Analysis {
    fn drop(&mut self) {
        // Keep the buffers for the next document on this thread, unless they are huge.
        if self.toks.capacity() <= SPARE_TOKENS {
            let mut s = Scratch {
                toks: std::mem::take(&mut self.toks),
                hits: std::mem::take(&mut self.hits),
                quoted_tok: std::mem::take(&mut self.quoted_tok),
            };
            s.toks.clear();
            s.hits.clear();
            s.quoted_tok.clear();
            SPARE.with(|c| c.set(s));
        }
    }
}

/// The largest token buffer kept between documents (about 2.5 MB, with the others 4.5 MB).
const SPARE_TOKENS: usize = 1 << 17;

thread_local! {
    static SPARE: std::cell::Cell<Scratch> = const {
        std::cell::Cell::new(Scratch { toks: Vec::new(), hits: Vec::new(), quoted_tok: Vec::new() })
    };
}

/// Tokenize and analyse `text`: its sentences and paragraphs (byte ranges),
/// and, when the text is a document's, the document (whose tokens the
/// extractor's tokens are built on).
pub(crate) fn analyse(
    text: &str,
    sents: Vec<Range<usize>>,
    paras: &[Range<usize>],
    doc: Option<&Document>,
) -> Analysis {
    let Scratch { mut toks, mut hits, mut quoted_tok } = SPARE.with(|c| c.take());
    toks.reserve(text.len() / 4);
    let mut caps = Vec::with_capacity(sents.len());
    let mut tabular = Vec::with_capacity(sents.len());
    for (i, r) in sents.iter().enumerate() {
        let words = doc.map_or(&[][..], |d| d.sentence_tokens(i));
        let (c, t) = entity::sentence_kind(&tok::tokenize(text, r.clone(), i as u32, words, &mut toks));
        caps.push(c);
        tabular.push(t);
    }
    let mut ms = entity::find_mentions(text, &toks, &caps, &tabular, &mut hits);
    entity::table_teams(&toks, &mut ms, &tabular);
    entity::context_rules(text, &toks, &mut ms);
    let date =
        doc.and_then(|d| d.article.published.as_deref()).and_then(crate::lexicon::ymd).unwrap_or(u32::MAX);
    let people = entity::link(text, &toks, &mut ms, &caps, date);
    let mut segs = quote::find_segments(text, paras);
    let quoted: Vec<Range<usize>> = segs.iter().map(|s| s.open..s.close).collect();
    let ctx = quote::Ctx { text, toks: &toks, ms: &ms, people: &people, sents: &sents, quoted: &quoted };
    let speakers = quote::attribute(&ctx, &mut segs);
    quoted_tok.resize(toks.len(), false);
    for sg in &segs {
        let a = toks.partition_point(|t| (t.s as usize) < sg.span.start);
        let b = toks.partition_point(|t| (t.s as usize) < sg.span.end);
        quoted_tok[a..b].iter_mut().for_each(|q| *q = true);
    }
    Analysis { toks, ms, people, segs, speakers, sents, quoted_tok, hits }
}

/// Sentences and paragraphs of raw text whose lines are paragraphs (white
/// space around each line left out).
pub(crate) fn line_paragraphs(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut paras = Vec::new();
    let mut sents = Vec::new();
    let mut off = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let body_t = body.trim();
        if !body_t.is_empty() {
            let base = off + lead;
            paras.push(base..base + body_t.len());
            for r in attache_parse::split_sentences(body_t) {
                sents.push(base + r.start..base + r.end);
            }
        }
        off += line.len();
    }
    (sents, paras)
}

/// Converts increasing byte offsets to code-point offsets.
pub(crate) struct CharIndex<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        CharIndex { text, byte: 0, chars: 0 }
    }
    pub(crate) fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// Index of the sentence holding byte `byte` (the last one for a byte past the end).
pub(crate) fn sentence_of(a: &Analysis, byte: usize) -> usize {
    a.sents.partition_point(|r| r.end <= byte).min(a.sents.len().saturating_sub(1))
}
