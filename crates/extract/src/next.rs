//! What next: everything scheduled, planned, expected, threatened or due,
//! with its date resolved against the publication date.
//!
//! A sentence is an item when it has a future cue: "will", "shall", "is to
//! meet", "plans to", "plans for", "expected", "scheduled", "due to", "set
//! to", "upcoming", "preparing", "threatening to", "agreed to" with a verb,
//! "must", "en route", reported "would" ("said he would"), a modal ("may",
//! "could", "would") with a date ahead, or a date phrase that only looks
//! ahead ("next week", "later this month"). Its date is the first date
//! expression at or after publication that does not date the reporting
//! itself ("said Monday"). A sentence whose only dates lie in the past and
//! whose cue is a weak one (a modal, "agreed to", "must") is background, not
//! an item. Items are sorted by date; undated ones follow in reading order.

use attache_model::Event;

use crate::analysis::Analysis;
use crate::date;
use crate::lexicon::{WordSet, w};
use crate::tok::shape;

/// Words after which "to" + verb or "expected" states a plan ("is to meet").
static COPULA: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new("is are was were am be been 's"));

/// Verbs that take "to" + verb for a plan.
static PLAN_TO: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new(
        "plan plans planned planning intend intends intended intending aim aims aimed aiming \
         threaten threatens threatened threatening vowed vows pledged pledges promised promises \
         agreed agrees going due set scheduled expected bound",
    )
});

/// Every word that may start a cue, and the hedges: the filter before the
/// detailed checks, flagged [`w::NEXT_CUE`] in the lexicon (the stopwords
/// among them are told apart in place, see `cue`).
pub(crate) const CUE_WORDS: &str = "will shall 'll wo would to plan plans planned planning intend intends intended intending \
         aim aims aimed aiming threaten threatens threatened threatening vowed vows pledged pledges \
         promised promises agreed agrees going due set scheduled expected bound upcoming \
         forthcoming preparing drafting en must may might could next later has have \
         hope hopes hoped hoping fear fears feared fearing believe believes believed think thinks \
         thought worry worries worried doubt doubts if unless whether predicted predict predicts";

/// Words after a reported "would" that make it a wish, a judgement or a
/// negation rather than a plan.
static REPORTED_NOT: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new("be have not like rather never hardly prefer"));

/// Words before "plan to" that make it a noun ("no plan to", "his plan to").
static DETERMINER: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new("a an the no his her its their our my your this that 's new any every")
});

/// Words after which a future is an opinion or a condition ("many hope he
/// will", "if talks fail, it will").
static HEDGE: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new(
        "hope hopes hoped hoping fear fears feared fearing believe believes believed think thinks \
         thought worry worries worried doubt doubts if unless whether predicted predict predicts",
    )
});

/// Strength of a sentence's future cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    None,
    /// Needs a date ahead: a modal, a plan stated in the past.
    Weak,
    /// Enough on its own.
    Strong,
}

/// The future cue of one sentence's tokens (`quoted`: per token, inside a
/// quotation, where a cue needs a date ahead) and the first cue's token.
fn cue(text: &str, toks: &[crate::tok::Tok], quoted: &[bool]) -> (Cue, usize) {
    let lw = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let is = |k: usize, x: &str| lw(k).eq_ignore_ascii_case(x);
    let mut best = Cue::None;
    let mut first = toks.len();
    // After "hope", "fear", "if": an opinion or a condition, not a plan.
    let mut hedged = false;
    for (k, t) in toks.iter().enumerate() {
        if !t.is(shape::WORD) {
            continue;
        }
        let l = t.text(text);
        // A flag test first: of the stopwords only "to", "will", "has", "have"
        // and "if" are cues (compared in place); other words take one probe.
        if t.has(w::STOP) {
            // By length and first letter, then one comparison.
            let cand = match (l.len(), l.as_bytes()[0] | 0x20) {
                (2, b't') => "to",
                (2, b'i') => "if",
                (3, b'h') => "has",
                (4, b'w') => "will",
                (4, b'h') => "have",
                _ => "",
            };
            let cue_stop = !cand.is_empty() && l.eq_ignore_ascii_case(cand);
            if !cue_stop {
                continue;
            }
        } else if !t.has(w::NEXT_CUE) {
            continue;
        }
        let lc = |x: &str| l.eq_ignore_ascii_case(x);
        // A past copula: "was to lift off", "were preparing" tell of a plan then.
        let past = k > 0 && (is(k - 1, "was") || is(k - 1, "were"));
        let c = if lc("will") || lc("shall") || lc("'ll") || lc("wo") && is(k + 1, "n't") {
            // "which will be used", "who will succeed him": a description, not a plan.
            if k > 0 && (is(k - 1, "which") || is(k - 1, "who")) { Cue::Weak } else { Cue::Strong }
        } else if lc("would") {
            // Reported: "said he would appeal", "adding that it would ask"; not
            // "would be", "would not", "would like".
            let reported = toks[k.saturating_sub(4)..k].iter().any(|t| t.has(w::SPEECH) && !t.is(shape::CAP));
            let plain = toks.get(k + 1).is_some_and(|n| {
                n.is(shape::WORD) && !n.is(shape::CAP) && !REPORTED_NOT.contains(n.text(text))
            });
            if reported && plain { Cue::Strong } else { Cue::Weak }
        } else if lc("to")
            && k > 0
            && (toks[k - 1].has(w::STOP) || toks[k - 1].is(shape::POSS))
            && COPULA.contains(lw(k - 1))
        {
            // "is to meet", not "is to blame".
            let next = toks.get(k + 1);
            if next.is_some_and(|n| n.is(shape::WORD) && !n.is(shape::CAP)) && !is(k + 1, "blame") {
                if past { Cue::Weak } else { Cue::Strong }
            } else {
                Cue::None
            }
        } else if PLAN_TO.contains(l) && is(k + 1, "to") && !(k > 0 && DETERMINER.contains(lw(k - 1))) {
            // A plan stated in the past may be over: it needs a date ahead.
            let state = lc("scheduled") || lc("expected") || lc("bound");
            if !state && l.ends_with("ed") || lc("set") || lc("vowed") { Cue::Weak } else { Cue::Strong }
        } else if (lc("plans") || lc("plan")) && is(k + 1, "for") {
            Cue::Strong
        } else if lc("expected") || lc("scheduled") || lc("due") {
            let after = is(k + 1, "for") || is(k + 1, "on") || is(k + 1, "in") || is(k + 1, "at");
            if after || k > 0 && COPULA.contains(lw(k - 1)) || k > 0 && lw(k - 1).ends_with("ly") {
                Cue::Strong
            } else {
                Cue::Weak
            }
        } else if (lc("has") || lc("have")) && date::count(lw(k + 1)).is_some() && unit(lw(k + 2)) {
            // A deadline: "has 40 days to apply".
            Cue::Strong
        } else if lc("upcoming") || lc("forthcoming") {
            Cue::Strong
        } else if lc("preparing") || lc("drafting") {
            if past {
                Cue::Weak
            } else if k > 0 && COPULA.contains(lw(k - 1)) {
                Cue::Strong
            } else {
                Cue::None
            }
        } else if lc("en") && is(k + 1, "route") {
            Cue::Strong
        } else if lc("must") || lc("may") || lc("might") || lc("could") || lc("next") || lc("later") {
            // Modals and date words need a date ahead.
            Cue::Weak
        } else {
            Cue::None
        };
        hedged |= if t.has(w::STOP) { lc("if") } else { HEDGE.contains(l) };
        let c = if hedged || quoted.get(k).copied().unwrap_or(false) { c.min(Cue::Weak) } else { c };
        if c != Cue::None && first == toks.len() {
            first = k;
        }
        best = best.max(c);
        // Nothing later can raise the cue or move its first token.
        if best == Cue::Strong {
            break;
        }
    }
    (best, first)
}

/// Whether a date expression says by itself that it lies ahead ("next
/// week", "until Friday", "later this month").
fn starts_ahead(text: &str, span: &std::ops::Range<usize>) -> bool {
    let first = text[span.clone()].split_whitespace().next().unwrap_or("");
    ["next", "until", "by", "later", "within", "tomorrow", "over", "during"]
        .iter()
        .any(|w| first.eq_ignore_ascii_case(w))
}

/// A unit of time, singular or plural.
fn unit(word: &str) -> bool {
    let l = word.to_ascii_lowercase();
    matches!(l.trim_end_matches('s'), "day" | "week" | "month" | "year")
}

/// Whether the date expression starting at token `k` dates the reporting:
/// "said Monday", "told reporters on Monday", "Monday's statement said".
fn reporting_date(text: &str, toks: &[crate::tok::Tok], k: usize, end: usize) -> bool {
    let said = |t: &crate::tok::Tok| t.has(w::SPEECH) && !t.is(shape::CAP);
    let before = toks[k.saturating_sub(3)..k].iter().any(said);
    let after =
        toks.get(end).is_some_and(said) || toks.get(end + 1).is_some_and(|t| said(t) && t.text(text) != "to");
    before || after
}

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
        let (c, first) = cue(text, toks, &a.quoted_tok[t0..ti]);
        if c == Cue::None {
            continue;
        }
        // Dates before the first cue read in the past ("cut rates Thursday, and
        // analysts expect …"), the others ahead.
        let cut = toks.get(first).map_or(usize::MAX, |t| t.s as usize);
        let mut dates = date::find_dates(text, toks, pubd, true);
        let before_cue = dates.iter().any(|d| d.span.end <= cut);
        let past_read = if before_cue { date::find_dates(text, toks, pubd, false) } else { Vec::new() };
        for (d, p) in dates.iter_mut().zip(past_read) {
            if d.span.end <= cut && d.span == p.span && !starts_ahead(text, &d.span) {
                // Read in the past, the day of publication or before is the news, not what is next.
                d.when = p.when;
                if let (Some(w), Some(pd)) = (&mut d.when, pubd)
                    && w.end <= pd
                {
                    w.end = pd.yesterday().unwrap_or(pd);
                    w.start = w.start.min(w.end);
                }
            }
        }
        let ahead = |d: &&date::DateExpr| d.when.is_none_or(|w| pubd.is_none_or(|p| w.end >= p));
        let own = |d: &&date::DateExpr| {
            let k = toks.partition_point(|t| (t.s as usize) < d.span.start);
            let e = toks.partition_point(|t| (t.e as usize) <= d.span.end);
            !reporting_date(text, toks, k, e)
        };
        // The event's own date: ahead, not the reporting's, starting after publication first.
        let after = |d: &&date::DateExpr| d.when.is_none_or(|w| pubd.is_none_or(|p| w.start >= p));
        let d = dates
            .iter()
            .filter(ahead)
            .filter(own)
            .find(after)
            .or_else(|| dates.iter().filter(ahead).find(own));
        let past = !dates.is_empty() && dates.iter().all(|d| !ahead(&d));
        // A weak cue needs a date after publication ("later" today will do); a
        // strong one stands alone unless every date is past.
        let later = d.is_some_and(|d| {
            d.when.is_none_or(|w| pubd.is_none_or(|p| w.start > p))
                || starts_ahead(text, &d.span)
                || text[d.span.clone()].starts_with("later")
        });
        if c == Cue::Weak && !later || past && c != Cue::Strong {
            continue;
        }
        let (when, resolved, key) = match d {
            Some(d) => match d.when {
                Some(wh) => (Some(wh.iso()), true, Some(wh)),
                None => (Some(text[d.span.clone()].to_string()), false, None),
            },
            None => (None, false, None),
        };
        items.push((
            key,
            Event { text: text[r.clone()].to_string(), when, sentence: si, resolved, shown: true },
        ));
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

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// (when, text) of the what-next items of `text` published on `published`.
    fn next(text: &str, published: &str) -> Vec<(Option<String>, String)> {
        let line = serde_json::json!({ "text": text, "published": published }).to_string();
        let doc = attache_parse::Document::new(attache_parse::read_json(&line).unwrap());
        Extractor::new().extract(&doc).what_next.into_iter().map(|e| (e.when, e.text)).collect()
    }

    fn when(text: &str, published: &str) -> Option<String> {
        let items = next(text, published);
        assert_eq!(items.len(), 1, "{items:?}");
        items[0].0.clone()
    }

    // 2026-11-04 is a Wednesday.
    const PUB: &str = "2026-11-04";

    #[test]
    fn weekdays_resolve_to_the_next_such_day() {
        assert_eq!(when("The envoy will fly to Oslo on Friday.", PUB).as_deref(), Some("2026-11-06"));
        // Said Monday dates the reporting, not the trip.
        assert_eq!(
            when("The minister said Monday she would visit Ankara on Saturday.", PUB).as_deref(),
            Some("2026-11-07")
        );
        // The same weekday as publication is that day.
        assert_eq!(when("The council is to meet later Wednesday.", PUB).as_deref(), Some("2026-11-04"));
    }

    #[test]
    fn weeks_months_and_spans() {
        assert_eq!(when("Talks are expected to resume next week.", PUB).as_deref(), Some("2026-11-09"));
        assert_eq!(when("A vote is due later this month.", PUB).as_deref(), Some("2026-11"));
        assert_eq!(when("The army must withdraw within 40 days.", PUB).as_deref(), Some("2026-12-14"));
        assert_eq!(when("The summit will open Dec. 12 in Lisbon.", PUB).as_deref(), Some("2026-12-12"));
        assert_eq!(when("The new bridge will open by next summer.", PUB).as_deref(), Some("2027-06"));
        assert_eq!(
            when("The plant will be running in four to six years.", PUB).as_deref(),
            Some("2030-11-04")
        );
        assert_eq!(when("She said she would run again in 2028.", PUB).as_deref(), Some("2028"));
        // A date before the cue reads in the past, but one a few weeks ahead stays ahead.
        assert_eq!(when("On Dec. 12 the talks are to resume.", PUB).as_deref(), Some("2026-12-12"));
        assert_eq!(when("The team that won on Monday will play again.", PUB), None);
        assert_eq!(
            when("Rome has 30 days from last Friday to file the request, officials said.", PUB).as_deref(),
            Some("2026-11-29")
        );
    }

    #[test]
    fn plans_threats_and_reported_futures() {
        let items = next(
            "The rebels are threatening to cut the road. \
             The president is to address the nation. \
             Officials are preparing a new budget. \
             The talks ended on Monday. \
             Many hope the truce will hold. \
             The minister said she would resign. \
             The minister said she would like a new deal. \
             Aides said the plan would be costly.",
            PUB,
        );
        let texts: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The rebels are threatening to cut the road.",
                "The president is to address the nation.",
                "Officials are preparing a new budget.",
                "The minister said she would resign."
            ]
        );
        // A reported "would" with a date ahead is an item.
        assert_eq!(
            when("The government said it would open a corridor on Friday.", PUB).as_deref(),
            Some("2026-11-06")
        );
    }

    #[test]
    fn the_past_is_not_ahead() {
        let items =
            next("The two leaders met in May 2025 and could meet again. The court may rule in 2024.", PUB);
        assert!(items.is_empty(), "{items:?}");
    }

    #[test]
    fn descriptions_and_past_plans_need_a_date_ahead() {
        let items = next(
            "The bridge, which will be painted blue, opened in May. \
             Nobody knows who will lead the party. \
             The probe was to pass close to a comet. \
             Engineers were preparing a second launch. \
             The rocket was to lift off on Friday.",
            PUB,
        );
        let texts: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
        assert_eq!(texts, ["The rocket was to lift off on Friday."]);
    }

    #[test]
    fn items_are_sorted_by_date() {
        let items = next(
            "The treaty will be signed on Dec. 12. Ministers will meet on Friday. \
             The union will strike at some point.",
            PUB,
        );
        let whens: Vec<Option<&str>> = items.iter().map(|i| i.0.as_deref()).collect();
        assert_eq!(whens, [Some("2026-11-06"), Some("2026-12-12"), None]);
    }
}
