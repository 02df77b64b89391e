//! Attribution at a sentence's end ("…, an official statement said.") and
//! names in apposition (", James Rubin,") after a speaker's title.

use std::ops::Range;

use super::{Ctx, Speaker};
use crate::entity::EntityType;
use crate::lexicon::w;
use crate::tok::{Tok, shape};

impl Ctx<'_> {
    /// A sentence that ends with its attribution: "…, an official statement said." or
    /// "…, said the ministry." holds a quote anywhere in it.
    pub(super) fn sentence_final(
        &self,
        q: &Range<usize>,
        quotes: &[Range<usize>],
    ) -> Option<(Speaker, usize)> {
        let inside = |t: &Tok| quotes.iter().any(|r| (t.s as usize) >= r.start && (t.e as usize) <= r.end);
        let after = self.toks.partition_point(|t| (t.s as usize) < q.end);
        if after >= self.toks.len() {
            return None;
        }
        let tr = self.sentence_toks(after);
        // The sentence must hold the quote, not start after it.
        let open_tok = self.toks.partition_point(|t| (t.s as usize) < q.start);
        if tr.end <= after + 1 || tr.start > open_tok {
            return None;
        }
        // Trailing time words: "…, the ministry said Monday."
        let mut last = tr.end - 1;
        while last > after + 1
            && tr.end - last <= 2
            && (self.toks[last].has(w::WEEKDAY)
                || matches!(self.toks[last].text(self.text), "today" | "yesterday" | "tonight"))
        {
            last -= 1;
        }
        let verb = |t: &Tok| t.has(w::SPEECH) && !t.is(shape::CAP) && !inside(t);
        let plain = |t: &Tok| (!t.is(shape::PUNCT) || t.is(shape::POSS)) && !inside(t) && !t.has(w::SPEECH);
        // ", X said."
        if verb(&self.toks[last]) {
            let mut c = last;
            while c > after && last - c < 10 && plain(&self.toks[c - 1]) {
                c -= 1;
            }
            if c > after && c < last && self.toks[c - 1].text(self.text) == "," {
                return self.subject_before(last, c).map(|sp| (sp, last));
            }
        }
        // ", said X."
        let mut v = last + 1;
        while v > after + 1 && last + 1 - v < 10 && plain(&self.toks[v - 1]) {
            v -= 1;
        }
        if v > after + 1 && v <= last && verb(&self.toks[v - 1]) && self.toks[v - 2].text(self.text) == "," {
            return self.subject_after(v - 1, last + 1).map(|sp| (sp, v - 1));
        }
        None
    }

    /// A person named in apposition at token `e`: ", James Rubin," after "the spokesman".
    pub(super) fn apposed_person(&self, e: usize) -> Option<usize> {
        if self.toks.get(e)?.text(self.text) != "," {
            return None;
        }
        let mi = self.mention_starting_at(e + 1).filter(|&mi| self.ms[mi].ty == EntityType::Per)?;
        let next = self.toks.get(self.ms[mi].t1 as usize);
        next.is_none_or(|t| t.is(shape::PUNCT) || t.has(w::SPEECH)).then_some(mi)
    }
}
