//! Helpers for the unit tests of the rule modules.

use crate::EntityType;
use crate::analysis::{Analysis, analyse, line_paragraphs};

/// The analysis of raw text, one paragraph per line (as [`Extractor::spans`] reads it).
pub(crate) fn analysed(text: &str) -> Analysis {
    let (sents, paras) = line_paragraphs(text);
    analyse(text, sents, &paras, None)
}

/// The mentions of an analysis: (surface, type, canonical name).
pub(crate) fn mentions(text: &str, a: &Analysis) -> Vec<(String, EntityType, String)> {
    a.ms.iter()
        .map(|m| {
            let span = a.toks[m.t0 as usize].s as usize..a.toks[m.t1 as usize - 1].e as usize;
            (text[span].to_string(), m.ty, m.canonical.clone())
        })
        .collect()
}

/// The surface and type of every mention of `text`.
pub(crate) fn typed(text: &str) -> Vec<(String, EntityType)> {
    mentions(text, &analysed(text)).into_iter().map(|(s, t, _)| (s, t)).collect()
}

/// Each quote of `text` with its speaker and whether it is direct.
pub(crate) fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
    let a = analysed(text);
    a.segs
        .iter()
        .zip(&a.speakers)
        .map(|(s, sp)| (text[s.span.clone()].to_string(), sp.clone(), s.direct))
        .collect()
}
