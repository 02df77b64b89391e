use attache_model::{Point, Shown, Stance};

use crate::Brief;

/// White-space separated words of `s` (ASCII text is counted byte by byte).
pub(crate) fn words(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut n = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let space = matches!(b, b' ' | b'\t'..=b'\r');
        n += usize::from(!space && !in_word);
        in_word = !space;
    }
    n
}

fn shown<T: Shown>(v: &[T]) -> impl Iterator<Item = &T> {
    v.iter().filter(|x| x.shown())
}

fn count<T: Shown>(v: &[T]) -> usize {
    shown(v).count()
}

/// Hide the last shown item of `v` if more than `keep` are shown.
fn hide_past<T: Shown>(v: &mut [T], keep: usize) -> bool {
    if count(v) <= keep {
        return false;
    }
    v.iter_mut().rev().find(|x| x.shown()).map(|x| x.set_shown(false)).is_some()
}

/// Points shown of a party, none if the party is hidden.
fn shown_points(s: &Stance) -> impl Iterator<Item = &Point> {
    s.points.iter().filter(move |p| s.shown && p.shown)
}

/// Parties shown: shown themselves, with a shown point.
fn parties(b: &Brief) -> usize {
    b.positions.iter().filter(|s| shown_points(s).next().is_some()).count()
}

/// Hide the last shown party if more than `keep` are shown.
fn hide_party_past(b: &mut Brief, keep: usize) -> bool {
    if parties(b) <= keep {
        return false;
    }
    let last = b.positions.iter_mut().rev().find(|s| s.shown && s.points.iter().any(|p| p.shown));
    last.map(|s| s.shown = false).is_some()
}

/// A point's words with its sourcing tag.
fn point_words(p: &Point) -> usize {
    words(&p.text) + p.sourcing.as_ref().map_or(0, |s| words(&s.tag))
}

/// Words in the body of a briefing: every sentence, quote and item shown.
pub fn body_words(b: &Brief) -> usize {
    b.bottom_line.iter().map(point_words).sum::<usize>()
        + b.key_points.iter().map(point_words).sum::<usize>()
        + shown(&b.quotes).map(|q| words(&q.text) + q.speaker.as_deref().map_or(0, words)).sum::<usize>()
        + b.positions
            .iter()
            .filter(|s| shown_points(s).next().is_some())
            .map(|s| words(&s.party) + shown_points(s).map(point_words).sum::<usize>())
            .sum::<usize>()
        + shown(&b.what_next).map(|e| words(&e.text)).sum::<usize>()
        + shown(&b.people).map(|p| words(&p.name) + p.role.as_deref().map_or(0, words) + 1).sum::<usize>()
        + shown(&b.organisations)
            .chain(shown(&b.countries))
            .chain(shown(&b.places))
            .map(|m| words(&m.name))
            .sum::<usize>()
}

/// Words a list item costs on the page beyond its own words: the rest of the
/// line it ends, the bullet, the spacing. Short items (a person, a quote's
/// speaker line) fill less of the page than their words suggest otherwise.
pub const ITEM_COST: usize = 4;

/// How much of a page a briefing fills, in words: [`body_words`] plus
/// [`ITEM_COST`] for every list item and section shown. This is what
/// [`fit_to_budget`] keeps within its budget.
pub fn page_cost(b: &Brief) -> usize {
    let (quotes, what_next, people) = (count(&b.quotes), count(&b.what_next), count(&b.people));
    let (orgs, countries, places) = (count(&b.organisations), count(&b.countries), count(&b.places));
    let points: usize = b.positions.iter().map(|s| shown_points(s).count()).sum();
    let items = b.key_points.len()
        + quotes
        + points
        + what_next
        + people
        + [orgs > 0, countries > 0, places > 0].iter().filter(|x| **x).count();
    let sections =
        [quotes > 0, points > 0, what_next > 0, people > 0 || orgs > 0].iter().filter(|x| **x).count();
    // People sit in a half-width column, where a name with its role often
    // takes two lines: they cost one more item each.
    body_words(b) + ITEM_COST * (items + people) + 2 * ITEM_COST * sections
}

/// Keep the page cost of `brief` ([`page_cost`]: its words plus a few for
/// every list item) within `budget` by hiding lower-ranked items (their
/// `shown` flag turns false; they stay in the lists), never by cutting a
/// sentence. Key points past the first are removed, not hidden.
///
/// Items go in a fixed order, least valuable first: extra points of a party's
/// position, parties past two, places and organisations past four,
/// what-to-watch items past three, quotes past two, people past six, parties
/// past one, what-to-watch items and quotes down to one, people down to
/// three, then key points by rank (the last chosen first) down to two, the
/// last party, places and organisations, the last key points but one, and
/// finally the remaining quotes, what-to-watch items, people, countries past
/// three and the last countries. Key points outrank the extracted sections:
/// those are cut to one item each before a key point goes. The bottom line
/// and the first key point always stay. Returns how many items were dropped
/// or hidden; the count is also stored in `stats.dropped`.
pub fn fit_to_budget(brief: &mut Brief, budget: usize) -> usize {
    let mut dropped = 0;
    type Step = fn(&mut Brief) -> bool;
    let steps: [Step; 19] = [
        |b| {
            let s = b.positions.iter_mut().rev().find(|s| s.shown && count(&s.points) > 1);
            s.is_some_and(|s| hide_past(&mut s.points, 1))
        },
        |b| hide_party_past(b, 2),
        |b| hide_past(&mut b.places, 4),
        |b| hide_past(&mut b.organisations, 4),
        |b| hide_past(&mut b.what_next, 3),
        |b| hide_past(&mut b.quotes, 2),
        |b| hide_past(&mut b.people, 6),
        |b| hide_party_past(b, 1),
        |b| hide_past(&mut b.what_next, 1),
        |b| hide_past(&mut b.quotes, 1),
        |b| hide_past(&mut b.people, 3),
        |b| b.key_points.len() > 2 && drop_lowest_ranked(b),
        |b| hide_party_past(b, 0),
        |b| hide_past(&mut b.places, 0) || hide_past(&mut b.organisations, 0),
        |b| b.key_points.len() > 1 && drop_lowest_ranked(b),
        |b| hide_past(&mut b.what_next, 0) || hide_past(&mut b.quotes, 0),
        |b| hide_past(&mut b.people, 0),
        |b| hide_past(&mut b.countries, 3),
        |b| hide_past(&mut b.countries, 0),
    ];
    let mut cost = page_cost(brief);
    for step in steps {
        // Counting is only repeated while the page is over budget.
        while cost > budget && step(brief) {
            dropped += 1;
            cost = page_cost(brief);
        }
    }
    brief.stats.brief_words = body_words(brief);
    brief.stats.dropped = dropped;
    dropped
}

fn drop_lowest_ranked(b: &mut Brief) -> bool {
    let Some(k) = b.key_points.iter().enumerate().max_by_key(|(_, p)| p.rank).map(|(k, _)| k) else {
        return false;
    };
    b.key_points.remove(k);
    true
}
