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

/// Words in the body of a briefing: every sentence, quote and item shown.
pub fn body_words(b: &Brief) -> usize {
    b.bottom_line.iter().map(|p| words(&p.text)).sum::<usize>()
        + b.key_points.iter().map(|p| words(&p.text)).sum::<usize>()
        + b.quotes.iter().map(|q| words(&q.text) + q.speaker.as_deref().map_or(0, words)).sum::<usize>()
        + b.positions
            .iter()
            .map(|s| words(&s.party) + s.points.iter().map(|p| words(&p.text)).sum::<usize>())
            .sum::<usize>()
        + b.what_next.iter().map(|e| words(&e.text)).sum::<usize>()
        + b.people.iter().map(|p| words(&p.name) + p.role.as_deref().map_or(0, words) + 1).sum::<usize>()
        + b.organisations.iter().chain(&b.countries).chain(&b.places).map(|m| words(&m.name)).sum::<usize>()
}

/// Words a list item costs on the page beyond its own words: the rest of the
/// line it ends, the bullet, the spacing. Short items (a person, a quote's
/// speaker line) fill less of the page than their words suggest otherwise.
pub const ITEM_COST: usize = 4;

/// How much of a page a briefing fills, in words: [`body_words`] plus
/// [`ITEM_COST`] for every list item and section shown. This is what
/// [`fit_to_budget`] keeps within its budget.
pub fn page_cost(b: &Brief) -> usize {
    let items = b.key_points.len()
        + b.quotes.len()
        + b.positions.iter().map(|s| s.points.len()).sum::<usize>()
        + b.what_next.len()
        + b.people.len()
        + [!b.organisations.is_empty(), !b.countries.is_empty(), !b.places.is_empty()]
            .iter()
            .filter(|x| **x)
            .count();
    let sections = [
        !b.quotes.is_empty(),
        !b.positions.is_empty(),
        !b.what_next.is_empty(),
        !b.people.is_empty() || !b.organisations.is_empty(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    // People sit in a half-width column, where a name with its role often
    // takes two lines: they cost one more item each.
    body_words(b) + ITEM_COST * (items + b.people.len()) + 2 * ITEM_COST * sections
}

/// Keep the page cost of `brief` ([`page_cost`]: its words plus a few for
/// every list item) within `budget` by dropping lower-ranked items, never by
/// cutting a sentence.
///
/// Items go in a fixed order, least valuable first: extra points of a party's
/// position, parties past two, places and organisations past four,
/// what-to-watch items past three, quotes past two, people past six, then key
/// points by rank (the last chosen first) down to two, then the remaining
/// positions, what-to-watch items and quotes down to one, people down to
/// three, places and organisations, the last key points but one, and finally
/// the remaining quotes, what-to-watch items, people and countries past three.
/// The bottom line and the first key point always stay. Returns how many items
/// were dropped; the count is also stored in `stats.dropped`.
pub fn fit_to_budget(brief: &mut Brief, budget: usize) -> usize {
    let mut dropped = 0;
    type Step = fn(&mut Brief) -> bool;
    let steps: [Step; 17] = [
        |b| b.positions.iter_mut().rev().find(|s| s.points.len() > 1).and_then(|s| s.points.pop()).is_some(),
        |b| b.positions.len() > 2 && b.positions.pop().is_some(),
        |b| b.places.len() > 4 && b.places.pop().is_some(),
        |b| b.organisations.len() > 4 && b.organisations.pop().is_some(),
        |b| b.what_next.len() > 3 && b.what_next.pop().is_some(),
        |b| b.quotes.len() > 2 && b.quotes.pop().is_some(),
        |b| b.people.len() > 6 && b.people.pop().is_some(),
        |b| b.key_points.len() > 2 && drop_lowest_ranked(b),
        |b| b.positions.pop().is_some(),
        |b| b.what_next.len() > 1 && b.what_next.pop().is_some(),
        |b| b.quotes.len() > 1 && b.quotes.pop().is_some(),
        |b| b.people.len() > 3 && b.people.pop().is_some(),
        |b| b.places.pop().is_some() || b.organisations.pop().is_some(),
        |b| b.key_points.len() > 1 && drop_lowest_ranked(b),
        |b| b.what_next.pop().is_some() || b.quotes.pop().is_some(),
        |b| b.people.pop().is_some(),
        |b| b.countries.len() > 3 && b.countries.pop().is_some(),
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
