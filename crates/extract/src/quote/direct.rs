//! Direct or partial: a segment is a direct quote when what precedes it
//! opens a quotation (nothing, punctuation, or a speech verb) and it reads as
//! a statement (capitalised, or continuing one, and three words or more, or
//! attributed right after its close). A quoted phrase inside a sentence ("the
//! “Quad” format") is partial.

use super::{Ctx, Segment};
use crate::lexicon::w;

/// Set [`Segment::direct`] for each segment.
pub(super) fn decide_direct(ctx: &Ctx<'_>, segs: &mut [Segment]) {
    let text = ctx.text;
    for i in 0..segs.len() {
        let s = &segs[i];
        let sent_start =
            ctx.sents.iter().find(|r| r.start <= s.open && s.open < r.end).map_or(0, |r| r.start);
        let mut floor = sent_start;
        if i > 0 && segs[i - 1].close <= s.open && segs[i - 1].close > floor {
            floor = segs[i - 1].close;
        }
        let pre = text[floor.min(s.open)..s.open].trim_end();
        let first = text[s.span.clone()].chars().next().unwrap_or(' ');
        let continuation = i > 0 && segs[i - 1].group == s.group;
        let pre_ok = pre.is_empty()
            || pre.ends_with([':', ',', '.', '?', '!', ';', '—', '–', '-'])
            || pre
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|wd| crate::lexicon::flags(wd) & w::SPEECH != 0);
        let lower_start = first.is_lowercase();
        // Only whether it has three words matters.
        let words = text[s.span.clone()].split_whitespace().take(3).count();
        let close = s.close;
        let after_attr = || {
            let after = &text[close.min(text.len())..];
            let after_words = after.split(['.', '!', '?', '\n', '“', '"']).next().unwrap_or("");
            after.trim_start().starts_with(',')
                || after.trim_start().is_empty()
                || after_words
                    .split_whitespace()
                    .take(5)
                    .any(|wd| crate::lexicon::flags(wd.trim_matches(',')) & w::SPEECH != 0)
        };
        segs[i].direct = pre_ok
            && (!lower_start || continuation || pre.ends_with(':'))
            && (words >= 3 || after_attr() && !pre.ends_with(|c: char| c.is_alphanumeric()));
        // A quote that is a fragment ending mid-sentence ("the “Quad” format") is not direct.
        if segs[i].direct && !pre.is_empty() && pre.ends_with(',') && lower_start && !continuation {
            segs[i].direct = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::quotes;

    fn direct(text: &str) -> Vec<(String, bool)> {
        quotes(text).into_iter().map(|(q, _, d)| (q, d)).collect()
    }

    #[test]
    fn statements_are_direct_phrases_are_partial() {
        assert_eq!(direct("“We will not accept it,” she said."), [("We will not accept it,".into(), true)]);
        assert_eq!(
            direct("Washington backed the “rules-based order” on Monday."),
            [("rules-based order".into(), false)]
        );
    }

    #[test]
    fn a_speech_verb_before_the_mark_opens_a_direct_quote() {
        assert_eq!(direct("He said “It is over now” and left."), [("It is over now".into(), true)]);
    }

    #[test]
    fn a_clause_quoted_in_reported_speech_is_partial() {
        assert_eq!(
            direct("He warned that ``if decisive steps are not taken'' the war would spread."),
            [("if decisive steps are not taken".into(), false)]
        );
    }

    #[test]
    fn a_lower_case_fragment_after_a_comma_is_partial() {
        assert_eq!(
            direct("The plan, “a step back for everyone,” failed."),
            [("a step back for everyone,".into(), false)]
        );
    }
}
