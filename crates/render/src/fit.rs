use crate::model::Brief;

fn words(s: &str) -> usize {
    s.split_whitespace().count()
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
}

/// Keep the body of `brief` within `budget` words by dropping lower-ranked
/// items, never by cutting a sentence.
///
/// Items go in a fixed order, least valuable first: extra points of a party's
/// position, then parties, what-to-watch items past three, quotes past two,
/// people past six, then key points by rank (the last chosen first) down to
/// two, then the remaining optional sections down to one item each. The
/// bottom line and the first key point always stay. Returns how many items
/// were dropped; the count is also stored in `stats.dropped`.
pub fn fit_to_budget(brief: &mut Brief, budget: usize) -> usize {
    let mut dropped = 0;
    type Step = fn(&mut Brief) -> bool;
    let steps: [Step; 10] = [
        |b| b.positions.iter_mut().rev().find(|s| s.points.len() > 1).and_then(|s| s.points.pop()).is_some(),
        |b| b.positions.len() > 2 && b.positions.pop().is_some(),
        |b| b.what_next.len() > 3 && b.what_next.pop().is_some(),
        |b| b.quotes.len() > 2 && b.quotes.pop().is_some(),
        |b| b.people.len() > 6 && b.people.pop().is_some(),
        |b| b.key_points.len() > 2 && drop_lowest_ranked(b),
        |b| b.positions.pop().is_some(),
        |b| b.what_next.len() > 1 && b.what_next.pop().is_some(),
        |b| b.quotes.len() > 1 && b.quotes.pop().is_some(),
        |b| b.key_points.len() > 1 && drop_lowest_ranked(b),
    ];
    let mut words = body_words(brief);
    for step in steps {
        // Counting is only repeated while the page is over budget.
        while words > budget && step(brief) {
            dropped += 1;
            words = body_words(brief);
        }
    }
    brief.stats.brief_words = words;
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
