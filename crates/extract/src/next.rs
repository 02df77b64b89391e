//! What next: forward-looking sentences (scheduled, planned, expected) with their dates.

use attache_model::Event;

use crate::analysis::Analysis;
use crate::date;
use crate::lexicon::w;

/// Forward-looking items of an article, dated ones first by date.
pub(crate) fn what_next(text: &str, a: &Analysis, pubd: Option<jiff::civil::Date>) -> Vec<Event> {
    let mut items: Vec<(Option<date::When>, Event)> = Vec::new();
    let mut ti = 0;
    for (si, r) in a.sents.iter().enumerate() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let toks = &a.toks[t0..ti];
        let next_is = |k: usize, words: &[&str]| {
            toks.get(k + 1).is_some_and(|t| words.iter().any(|x| t.text(text).eq_ignore_ascii_case(x)))
        };
        let mut future = false;
        let mut event = false;
        for (k, t) in toks.iter().enumerate() {
            if !t.has(w::FUTURE | w::EVENT) || a.quoted_tok[t0 + k] {
                continue;
            }
            event |= t.has(w::EVENT);
            let l = t.text(text);
            let is = |x: &str| l.eq_ignore_ascii_case(x);
            let cue = if is("will") || is("shall") {
                !next_is(k, &["not"])
            } else if is("plans") || is("plan") || is("intends") || is("aims") {
                next_is(k, &["to"])
            } else if is("expected") || is("scheduled") || is("due") || is("set") {
                next_is(k, &["to", "for", "on"])
            } else if is("upcoming") || is("forthcoming") {
                true
            } else if is("next") {
                next_is(k, &["week", "month", "year"])
            } else if is("later") {
                next_is(k, &["this"])
            } else {
                false
            };
            future |= cue;
        }
        if !future {
            continue;
        }
        let dates = date::find_dates(text, toks, pubd, true);
        // Future dates only: a resolved date before publication is background.
        let d = dates.iter().find(|d| d.when.is_none_or(|w| pubd.is_none_or(|p| w.end >= p)));
        if !event && d.is_none() {
            continue;
        }
        let (when, resolved, key) = match d {
            Some(d) => match d.when {
                Some(wh) => (Some(wh.iso()), true, Some(wh)),
                None => (Some(text[d.span.clone()].to_string()), false, None),
            },
            None => (None, false, None),
        };
        items.push((key, Event { text: text[r.clone()].to_string(), when, sentence: si, resolved }));
    }
    // Dated items by date, then undated in reading order.
    items.sort_by(|x, y| match (&x.0, &y.0) {
        (Some(a), Some(b)) => a.cmp(b).then(x.1.sentence.cmp(&y.1.sentence)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.1.sentence.cmp(&y.1.sentence),
    });
    items.into_iter().map(|(_, w)| w).collect()
}
