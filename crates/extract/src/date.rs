//! Date expressions in news copy and their resolution against the publication date.

use jiff::civil::{Date, Weekday};

use crate::lexicon::w;
use crate::tok::{Tok, shape};

/// A resolved date or date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct When {
    pub(crate) start: Date,
    pub(crate) end: Date,
}

impl When {
    fn day(d: Date) -> When {
        When { start: d, end: d }
    }
    /// ISO form: a whole year (`2027`), a whole month (`2026-11`), else the
    /// first day (`2026-11-09`: a week or a range gives its first day).
    pub(crate) fn iso(&self) -> String {
        let (s, e) = (self.start, self.end);
        // More than a week: the rest of a month or year reads as that month or year.
        let long = s.checked_add(jiff::Span::new().days(7)).is_ok_and(|x| e > x)
            || s.day() == 1 && s != e && e == s.last_of_month();
        if long && e.year() == s.year() && e.month() == 12 && e.day() == 31 && s.month() < 12 {
            return format!("{:04}", s.year());
        }
        if long && e.month() == s.month() && e.year() == s.year() && e == s.last_of_month() {
            return format!("{:04}-{:02}", s.year(), s.month());
        }
        s.to_string()
    }
}

/// A date expression found in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct DateExpr {
    /// Byte range of the expression.
    pub(crate) span: std::ops::Range<usize>,
    pub(crate) when: Option<When>,
}

/// Parse the first ten characters of a publication timestamp (`2026-11-03`, `2026-11-03T09:30Z`).
/// Other forms with a full date ("4 November 2026", "Nov. 4, 2026", "Wed, 04 Nov 2026 09:30:00
/// GMT") are read with the same rules as dates in the text.
pub(crate) fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(|d| d.parse::<Date>().ok()) {
        return Some(d);
    }
    let mut toks = Vec::new();
    crate::tok::tokenize(s, 0..s.len(), 0, &[], &mut toks);
    find_dates(s, &toks, None, false)
        .into_iter()
        .find_map(|d| d.when.filter(|w| w.start == w.end).map(|w| w.start))
}

/// A short ASCII word lower-cased on the stack (empty when longer than 15
/// bytes or not ASCII): the date rules compare words without allocating.
#[derive(Clone, Copy)]
struct Low {
    b: [u8; 15],
    n: u8,
}

impl Low {
    fn new(s: &str) -> Low {
        let mut b = [0u8; 15];
        if s.len() > 15 || !s.is_ascii() {
            return Low { b, n: 0 };
        }
        for (d, c) in b.iter_mut().zip(s.bytes()) {
            *d = c.to_ascii_lowercase();
        }
        Low { b, n: s.len() as u8 }
    }
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.b[..self.n as usize]).unwrap_or("")
    }
}

impl PartialEq<&str> for Low {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl std::ops::Deref for Low {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match Low::new(word).as_str() {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

fn month(word: &str) -> Option<i8> {
    let l = Low::new(word.trim_end_matches('.'));
    let l = l.as_str();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    // Only full names or the standard abbreviations.
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if l == full[m as usize - 1] || l.len() <= 4 { Some(m) } else { None }
}

fn year_of(word: &str) -> Option<i16> {
    let y: i16 = word.parse().ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

fn day_of(word: &str) -> Option<i8> {
    // "12-15" (a range of days) starts on the 12th.
    let word = word.split_once('-').map_or(word, |(a, _)| a);
    let d = word.trim_end_matches(|c: char| c.is_alphabetic());
    let d: i8 = d.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn month_range(y: i16, m: i8) -> Option<When> {
    let s = Date::new(y, m, 1).ok()?;
    Some(When { start: s, end: s.last_of_month() })
}

/// How far ahead (days) a date read in the past may still lie.
const NEAR_DAYS: i64 = 70;

/// Words that start relative date phrases.
static RELATIVE: std::sync::LazyLock<crate::lexicon::WordSet> = std::sync::LazyLock::new(|| {
    crate::lexicon::WordSet::new(
        "next last this later early earlier tomorrow yesterday today weekend in within over \
         summer spring autumn fall winter for",
    )
});

/// Whether token `t` may start a relative date phrase: a flag test and the
/// first letter before the word probe.
fn relative(t: &Tok, text: &str) -> bool {
    let l = t.text(text);
    let f = l.as_bytes().first().map_or(0, |b| b | 0x20);
    let stop_first = matches!(f, b't' | b'i' | b'o' | b'f');
    let other_first = matches!(f, b'n' | b'l' | b'e' | b't' | b'y' | b'w' | b's' | b'a' | b'f');
    (if t.has(w::STOP) { stop_first } else { other_first }) && RELATIVE.contains(l)
}

/// A count written as a word or in digits ("a", "two", "40").
pub(crate) fn count(word: &str) -> Option<i64> {
    if word.is_empty() || word.len() > 6 {
        return None;
    }
    if word.as_bytes()[0].is_ascii_digit() {
        return word.parse().ok().filter(|n| (1..=400).contains(n));
    }
    let n = match Low::new(word).as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        w => return w.parse().ok().filter(|n| (1..=400).contains(n)),
    };
    Some(n)
}

/// `p` moved by `n` days, weeks, months or years (singular or plural unit).
fn shift(p: Date, n: i64, unit: &str) -> Option<Date> {
    let span = match unit.trim_end_matches('s') {
        "day" => jiff::Span::new().days(n),
        "week" => jiff::Span::new().weeks(n),
        "month" => jiff::Span::new().months(n),
        "year" => jiff::Span::new().years(n),
        _ => return None,
    };
    p.checked_add(span).ok()
}

/// The first day of a season ("summer" → June) on or after `p`, or in the
/// year after when `next` and the season has begun.
fn season(p: Date, word: &str, offset: i16) -> Option<When> {
    let m = match word {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    let mut y = p.year() + offset;
    if offset == 0 && p.month() > m + 2 {
        y += 1;
    }
    // Its first month: "by next summer" is due in June.
    month_range(y, m)
}

/// Find date expressions in the tokens `toks` (one sentence) and resolve them against `pubd`.
/// `future` is the tense of the sentence.
pub(crate) fn find_dates(text: &str, toks: &[Tok], pubd: Option<Date>, future: bool) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let lw = |i: usize| -> Low { toks.get(i).map_or(Low::new(""), |t| Low::new(t.text(text))) };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is(shape::WORD) || !(t.has(w::MONTH | w::WEEKDAY) || t.is(shape::NUM) || relative(t, text)) {
            i += 1;
            continue;
        }
        let word = t.text(text);
        let lower = Low::new(word);
        // Weekdays.
        if let Some(wd) = weekday(word).filter(|_| t.is(shape::CAP)) {
            let prev = if i > 0 { lw(i - 1) } else { Low::new("") };
            let s0 = if matches!(
                prev.as_str(),
                "next" | "last" | "this" | "on" | "until" | "by" | "since" | "from"
            ) {
                i - 1
            } else {
                i
            };
            let fut = match prev.as_str() {
                "next" | "until" | "by" => true,
                "last" | "since" => false,
                _ => future,
            };
            let when = pubd.and_then(|p| {
                let d = if fut {
                    if p.weekday() == wd && prev != "next" { Some(p) } else { p.nth_weekday(1, wd).ok() }
                } else if p.weekday() == wd {
                    Some(p)
                } else {
                    p.nth_weekday(-1, wd).ok()
                }?;
                Some(When::day(d))
            });
            out.push(DateExpr { span: toks[s0].s as usize..t.e as usize, when });
            i += 1;
            continue;
        }
        // ISO dates.
        if t.is(shape::NUM)
            && word.len() == 10
            && let Ok(d) = word.parse::<Date>()
        {
            out.push(DateExpr { span: t.s as usize..t.e as usize, when: Some(When::day(d)) });
            i += 1;
            continue;
        }
        // "March 5, 2026", "March 5", "March 2026", "in March"; "5 March 2026".
        if let Some(m) = month(word).filter(|_| {
            t.is(shape::CAP)
                && (word != "May"
                    || toks.get(i + 1).is_some_and(|n| n.is(shape::NUM))
                    || i > 0
                        && [
                            "in", "by", "until", "since", "from", "early", "late", "mid", "next", "last",
                            "of", "this",
                        ]
                        .iter()
                        .any(|p| toks[i - 1].text(text).eq_ignore_ascii_case(p)))
        }) {
            let mut e = i + 1;
            let mut day = None;
            let mut year = None;
            if let Some(d) =
                toks.get(e).and_then(|n| day_of(n.text(text))).filter(|_| toks[e].text(text).len() <= 5)
            {
                day = Some(d);
                e += 1;
                if toks.get(e).is_some_and(|n| n.text(text) == ",")
                    && toks.get(e + 1).and_then(|n| year_of(n.text(text))).is_some()
                {
                    e += 1;
                }
            }
            if let Some(y) = toks.get(e).and_then(|n| year_of(n.text(text))) {
                year = Some(y);
                e += 1;
            }
            let mut s0 = i;
            if i > 0
                && let Some(d) =
                    day_of(toks[i - 1].text(text)).filter(|_| day.is_none() && toks[i - 1].is(shape::NUM))
            {
                day = Some(d);
                s0 = i - 1;
            }
            let year = year.or_else(|| {
                let p = pubd?;
                // The nearest year in the direction of the tense.
                let y = p.year();
                let probe = Date::new(y, m, day.unwrap_or(1)).ok()?;
                // Read in the past, a date at most ten weeks ahead is still ahead: a
                // story cannot report it as done ("a trip set on Dec. 12").
                let near = p.checked_add(jiff::Span::new().days(NEAR_DAYS)).is_ok_and(|n| probe <= n);
                Some(if future && probe < p.first_of_month() {
                    y + 1
                } else if !future && probe > p.last_of_month() && !near {
                    y - 1
                } else {
                    y
                })
            });
            let when = year.and_then(|y| match day {
                Some(d) => Date::new(y, m, d).ok().map(When::day),
                None => month_range(y, m),
            });
            out.push(DateExpr { span: toks[s0].s as usize..toks[e - 1].e as usize, when });
            i = e;
            continue;
        }
        // A year on its own: "in 2000", "the 1999 debut".
        if t.is(shape::NUM)
            && word.len() == 4
            && let Some(y) = year_of(word)
        {
            let when = Date::new(y, 1, 1)
                .ok()
                .zip(Date::new(y, 12, 31).ok())
                .map(|(s, e)| When { start: s, end: e });
            out.push(DateExpr { span: t.s as usize..t.e as usize, when });
            i += 1;
            continue;
        }
        // Spans of time: "in two weeks", "within 40 days", "in four to six years",
        // "40 days from last Friday", "within days", "over the next five years".
        let n1 = lw(i + 1);
        let n2 = lw(i + 2);
        if let Some((e, when)) = span_phrase(text, toks, i, pubd, future) {
            out.push(DateExpr { span: t.s as usize..toks[e - 1].e as usize, when });
            i = e;
            continue;
        }
        // Relative phrases.
        let unit_range = |p: Date, unit: &str, offset: i64| -> Option<When> {
            match unit {
                "week" => {
                    let monday = p
                        .checked_sub(jiff::Span::new().days(p.weekday().to_monday_zero_offset() as i64))
                        .ok()?;
                    let s = monday.checked_add(jiff::Span::new().weeks(offset)).ok()?;
                    Some(When { start: s, end: s.checked_add(jiff::Span::new().days(6)).ok()? })
                }
                "month" => {
                    let s = p.first_of_month().checked_add(jiff::Span::new().months(offset)).ok()?;
                    Some(When { start: s, end: s.last_of_month() })
                }
                "year" => {
                    let y = p.year() + offset as i16;
                    Some(When { start: Date::new(y, 1, 1).ok()?, end: Date::new(y, 12, 31).ok()? })
                }
                _ => None,
            }
        };
        let rel = match (lower.as_str(), n1.as_str()) {
            ("next" | "last" | "this", "week" | "month" | "year") => {
                let off = match lower.as_str() {
                    "next" => 1,
                    "last" => -1,
                    _ => 0,
                };
                let w = pubd.and_then(|p| {
                    let r = unit_range(p, &n1, off)?;
                    // "this week" from a weekend is the coming one; midweek, what is left of it.
                    Some(match (off, n1.as_str(), p.weekday()) {
                        (0, "week", Weekday::Saturday | Weekday::Sunday) => unit_range(p, "week", 1)?,
                        (0, "week", _) => When { start: p, end: r.end },
                        _ => r,
                    })
                });
                Some((i + 2, w))
            }
            ("later" | "early" | "earlier", "this" | "next")
                if matches!(n2.as_str(), "week" | "month" | "year") =>
            {
                let off = if n1 == "next" { 1 } else { 0 };
                let w = pubd.and_then(|p| {
                    let r = unit_range(p, &n2, off)?;
                    let weekend = matches!(p.weekday(), Weekday::Saturday | Weekday::Sunday);
                    Some(match lower.as_str() {
                        // From a weekend, "later this week" is the coming one.
                        "later" if off == 0 && n2 == "week" && weekend => unit_range(p, "week", 1)?,
                        "later" if off == 0 => When { start: p, end: r.end },
                        "earlier" if off == 0 => When { start: r.start, end: p },
                        _ => r,
                    })
                });
                Some((i + 3, w))
            }
            (
                "next" | "last" | "this" | "by" | "in" | "until" | "early" | "late",
                "summer" | "spring" | "autumn" | "winter",
            )
            | ("next" | "last" | "this", "fall") => {
                let off = match lower.as_str() {
                    "next" => 1,
                    "last" => -1,
                    _ => 0,
                };
                let w = pubd.and_then(|p| {
                    let r = season(p, &n1, 0)?;
                    // "next summer" once this year's has begun or passed: the one after.
                    match off {
                        1 if r.start.year() == p.year() && p.month() >= r.start.month() => season(p, &n1, 1),
                        -1 => season(p, &n1, -1).filter(|x| x.end < p).or_else(|| season(p, &n1, -2)),
                        _ => Some(r),
                    }
                });
                Some((i + 2, w))
            }
            ("weekend", _) => {
                let prev = if i > 0 { lw(i - 1) } else { Low::new("") };
                let fut = prev != "last" && future;
                let w = pubd.and_then(|p| {
                    let d = match p.weekday() {
                        Weekday::Saturday | Weekday::Sunday if prev != "next" => p,
                        _ if fut => p.nth_weekday(1, Weekday::Saturday).ok()?,
                        _ => p.nth_weekday(-1, Weekday::Saturday).ok()?,
                    };
                    Some(When::day(d))
                });
                Some((i + 1, w))
            }
            ("tomorrow", _) => Some((i + 1, pubd.and_then(|p| p.tomorrow().ok()).map(When::day))),
            ("yesterday", _) => Some((i + 1, pubd.and_then(|p| p.yesterday().ok()).map(When::day))),
            ("today", _) => Some((i + 1, pubd.map(When::day))),
            _ => None,
        };
        if let Some((e, when)) = rel {
            out.push(DateExpr { span: t.s as usize..toks[e - 1].e as usize, when });
            i = e;
            continue;
        }
        i += 1;
    }
    out
}

/// A span of time starting at token `i`: "in two weeks", "within 40 days",
/// "in four to six years" (pub + the first count), "within days" (from
/// publication), "over the next five years" (from publication), "40 days
/// from last Friday" (the date + 40 days). The end token and the date.
fn span_phrase(
    text: &str,
    toks: &[Tok],
    i: usize,
    pubd: Option<Date>,
    future: bool,
) -> Option<(usize, Option<When>)> {
    // No allocation: most calls (every "in") fail at the first or second word.
    let tw = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let is = |k: usize, w: &str| tw(k).eq_ignore_ascii_case(w);
    let unit = |s: &str| {
        let s = s.strip_suffix(['s', 'S']).unwrap_or(s);
        ["day", "week", "month", "year"].iter().any(|u| s.eq_ignore_ascii_case(u))
    };
    // "within days", "within weeks".
    if is(i, "within") && unit(tw(i + 1)) && tw(i + 1).ends_with('s') {
        return Some((i + 2, pubd.map(When::day)));
    }
    // "over/in/within the next five years": from publication.
    if ["over", "in", "within", "during"].iter().any(|w| is(i, w))
        && is(i + 1, "the")
        && is(i + 2, "next")
        && count(tw(i + 3)).is_some()
        && unit(tw(i + 4))
    {
        return Some((i + 5, pubd.map(When::day)));
    }
    // "for N units" ahead: it starts now ("will stay for five days"); "for N more
    // units" and "not … for N units" end then ("not expected for a week or two").
    if is(i, "for") {
        if !future {
            return None;
        }
        let k = i + 1 + usize::from(is(i + 1, "perhaps") || is(i + 1, "about") || is(i + 1, "another"));
        let n = count(tw(k))?;
        let mut u = k + 1;
        if (is(u, "to") || is(u, "or")) && count(tw(u + 1)).is_some() {
            u += 2;
        }
        let more = is(u, "more") || is(k - 1, "another");
        u += usize::from(is(u, "more"));
        let unit_word = Low::new(tw(u));
        if !unit(&unit_word) {
            return None;
        }
        let not = toks[i.saturating_sub(4)..i].iter().any(|t| {
            let x = t.text(text);
            x.eq_ignore_ascii_case("not") || x.eq_ignore_ascii_case("n't")
        });
        let when = pubd.and_then(|p| if more || not { shift(p, n, &unit_word) } else { Some(p) });
        return Some((u + 1, when.map(When::day)));
    }
    // "[in|within] N [to|or M] units [from DATE]".
    let (k, lead) = if is(i, "in") || is(i, "within") { (i + 1, true) } else { (i, false) };
    let n = count(tw(k))?;
    let mut u = k + 1;
    if (is(u, "to") || is(u, "or")) && count(tw(u + 1)).is_some() {
        u += 2;
    }
    if is(u, "more") {
        u += 1;
    }
    let unit_word = Low::new(tw(u));
    if !unit(&unit_word) {
        return None;
    }
    if is(u + 1, "from") {
        let rest = &toks[u + 2..];
        let base = find_dates(text, rest, pubd, future).into_iter().next()?;
        if base.span.start != rest[0].s as usize {
            return None;
        }
        let end = u + 2 + rest.partition_point(|t| (t.e as usize) <= base.span.end);
        let when = base.when.and_then(|b| shift(b.start, n, &unit_word)).map(When::day);
        return Some((end, when));
    }
    if !lead || !future {
        return None;
    }
    Some((u + 1, pubd.and_then(|p| shift(p, n, &unit_word)).map(When::day)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, pubd: &str, future: bool) -> Vec<(String, Option<String>)> {
        let mut toks = Vec::new();
        crate::tok::tokenize(s, 0..s.len(), 0, &[], &mut toks);
        find_dates(s, &toks, parse_published(pubd), future)
            .into_iter()
            .map(|d| (s[d.span].to_string(), d.when.map(|w| w.iso())))
            .collect()
    }

    #[test]
    fn weekdays_follow_tense() {
        // 2026-11-04 is a Wednesday.
        assert_eq!(
            run("They met on Monday.", "2026-11-04", false),
            [("on Monday".into(), Some("2026-11-02".into()))]
        );
        assert_eq!(
            run("They will meet on Friday.", "2026-11-04", true),
            [("on Friday".into(), Some("2026-11-06".into()))]
        );
        assert_eq!(
            run("Talks run until Thursday.", "2026-11-04", false),
            [("until Thursday".into(), Some("2026-11-05".into()))]
        );
        assert_eq!(run("They met on Monday.", "", false), [("on Monday".into(), None)]);
    }

    #[test]
    fn publication_dates_in_several_forms() {
        for s in [
            "2026-11-04",
            "2026-11-04T09:30:00Z",
            "4 November 2026",
            "Nov. 4, 2026",
            "Wed, 04 Nov 2026 09:30:00 GMT",
        ] {
            assert_eq!(parse_published(s).map(|d| d.to_string()).as_deref(), Some("2026-11-04"), "{s}");
        }
        assert_eq!(parse_published("yesterday"), None);
    }

    #[test]
    fn the_relative_gate_agrees_with_the_word_list() {
        let s = "next last this later early earlier tomorrow yesterday today weekend in within over \
                 summer spring autumn fall winter for Next In This the of and said ruling";
        let mut toks = Vec::new();
        crate::tok::tokenize(s, 0..s.len(), 0, &[], &mut toks);
        for t in &toks {
            assert_eq!(relative(t, s), RELATIVE.contains(t.text(s)), "{}", t.text(s));
        }
        assert!(!relative(&toks[toks.len() - 1], s));
    }

    #[test]
    fn spans_for_a_time() {
        // 2026-11-04 is a Wednesday.
        assert_eq!(
            run("The ship will stay for five days.", "2026-11-04", true),
            [("for five days".into(), Some("2026-11-04".into()))]
        );
        assert_eq!(
            run("He will be held for perhaps two more weeks.", "2026-11-04", true),
            [("for perhaps two more weeks".into(), Some("2026-11-18".into()))]
        );
        assert_eq!(
            run("A ruling is not expected for a week or two.", "2026-11-04", true),
            [("for a week".into(), Some("2026-11-11".into()))]
        );
        // Read in the past, it is no date ahead.
        assert!(run("She waited for two weeks.", "2026-11-04", false).is_empty());
    }

    #[test]
    fn later_this_week_from_a_weekend() {
        // 2026-11-08 is a Sunday: the coming week; midweek, what is left of it.
        assert_eq!(
            run("a vote later this week", "2026-11-08", true),
            [("later this week".into(), Some("2026-11-09".into()))]
        );
        assert_eq!(
            run("a vote later this week", "2026-11-04", true),
            [("later this week".into(), Some("2026-11-04".into()))]
        );
    }

    #[test]
    fn months_and_relative_phrases() {
        assert_eq!(
            run("since February 2022", "2026-11-04", false),
            [("February 2022".into(), Some("2022-02".into()))]
        );
        assert_eq!(
            run("a vote on March 5", "2026-11-04", true),
            [("March 5".into(), Some("2027-03-05".into()))]
        );
        assert_eq!(
            run("a summit later this year", "2026-11-04", true),
            [("later this year".into(), Some("2026".into()))]
        );
        assert_eq!(
            run("talks next week", "2026-11-04", true),
            [("next week".into(), Some("2026-11-09".into()))]
        );
    }
}
