//! The daily briefing: a day's articles grouped into stories, on one page.
//!
//! 1. Every article goes through the single-article [`Pipeline`](crate::Pipeline)
//!    ([`Analysis`]): sentences, scores, and its briefing with people and countries.
//! 2. Articles are compared in one day-wide term space: TF-IDF cosine of their
//!    content words (IDF over the day's articles), blended with the overlap of
//!    their principal actors and places, and discounted when their dates are
//!    far apart. Average-linkage clustering above a threshold groups them into
//!    stories, so three outlets reporting the same talks make one story.
//! 3. Stories are ranked by coverage (articles and distinct outlets) and by
//!    how central their actors are across the day.
//! 4. Sentences are chosen story by story, most important first, from
//!    whichever article says it best: a sentence's story score is 0.4 × its
//!    score in its own article + 0.6 × its cosine with the story's centroid
//!    (centroid-based multi-document summarization, as in MEAD). A
//!    sentence that repeats anything already on the page (cosine or term
//!    containment above the thresholds) is never chosen, across stories too.
//! 5. The page-wide sections (who's who, what to watch, sources) are merged
//!    from the stories shown, and the page is fitted to a word budget.

use std::collections::BTreeMap;

use attache_render::{
    Daily, DailyEvent, DailyPoint, DailyStats, Mention, Person, SourceGroup, SourceRef, Story, fit_daily,
};
use attache_score::{containment, cosine};
use rustc_hash::FxHashMap;

use crate::Analysis;

/// Settings of a daily briefing.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct DailyOptions {
    /// Stories shown at most. Default 6.
    pub stories: usize,
    /// Key points per story besides the bottom line, at most. Default 2.
    pub points: usize,
    /// Word budget of the page body. Default 520.
    pub words: usize,
    /// The day covered (`YYYY-MM-DD`); by default the most common publication date.
    pub date: Option<String>,
    /// Similarity above which articles join one story. Default 0.12.
    pub threshold: f32,
    /// Cosine similarity above which a sentence repeats one on the page. Default 0.5.
    pub redundancy: f32,
    /// Term containment above which a sentence repeats one on the page. Default 0.6.
    pub containment: f32,
    /// Cosine similarity above which a sentence repeats one already chosen
    /// for the same story: stricter than on the page, because articles about
    /// one event restate it in different words. Default 0.3.
    pub story_redundancy: f32,
}

impl Default for DailyOptions {
    fn default() -> Self {
        DailyOptions {
            stories: 6,
            points: 2,
            words: 520,
            date: None,
            threshold: 0.12,
            redundancy: 0.5,
            containment: 0.6,
            story_redundancy: 0.3,
        }
    }
}

type Vector = Vec<(u32, f32)>;

/// Per-article data in the day-wide term space.
struct DayArticle<'a> {
    a: &'a Analysis,
    id: String,
    /// Content-word vector with day-wide IDF, unit length.
    vector: Vector,
    /// Sentence vectors (per-article weights) in day-wide term ids.
    sentences: Vec<Vector>,
    /// Lower-cased names of people, countries and places.
    actors: Vec<String>,
    /// Day number of the publication date, when parseable.
    day: Option<i64>,
}

/// Build the daily briefing from analysed articles (in input order).
/// `failed` counts inputs that could not be read or briefed, for the page's counts.
pub fn build_daily(analyses: &[Analysis], options: &DailyOptions, failed: usize) -> Daily {
    let arts = day_articles(analyses);
    let n = arts.len();
    let sims = similarity_matrix(&arts);
    let clusters = cluster(&sims, n, options.threshold);

    // How many articles mention each actor, for actor centrality.
    let mut actor_articles: FxHashMap<&str, usize> = FxHashMap::default();
    for a in &arts {
        for name in &a.actors {
            *actor_articles.entry(name.as_str()).or_default() += 1;
        }
    }

    let mut ranked: Vec<(f32, Vec<usize>)> = clusters
        .into_iter()
        .map(|members| {
            let outlets = distinct_outlets(&arts, &members);
            let mut actors: Vec<&str> =
                members.iter().flat_map(|&i| arts[i].actors.iter().map(String::as_str)).collect();
            actors.sort_unstable();
            actors.dedup();
            let centrality = if actors.is_empty() || n == 0 {
                0.0
            } else {
                actors.iter().map(|a| actor_articles[a] as f32 / n as f32).sum::<f32>() / actors.len() as f32
            };
            let score = members.len() as f32 + outlets.len().max(1) as f32 + 2.0 * centrality;
            (score, members)
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1[0].cmp(&b.1[0])));
    let found = ranked.len();

    let mut page: Vec<Vector> = Vec::new();
    let mut stories = Vec::new();
    let mut groups = Vec::new();
    for (score, members) in ranked.into_iter().take(options.stories) {
        let Some(story) = build_story(&arts, &sims, &members, score, options, &mut page) else { continue };
        groups.push(SourceGroup {
            headline: story.headline.clone(),
            articles: members.iter().map(|&i| source_ref(&arts[i])).collect(),
        });
        stories.push(story);
    }

    let shown: Vec<usize> = stories
        .iter()
        .flat_map(|s| s.articles.iter())
        .filter_map(|id| arts.iter().position(|a| &a.id == id))
        .collect();
    let mut daily = Daily {
        date: options.date.clone().or_else(|| common_date(analyses)),
        people: merge_people(shown.iter().map(|&i| &arts[i].a.brief.people), 8),
        countries: merge_mentions(shown.iter().map(|&i| &arts[i].a.brief.countries), 10),
        what_next: merge_events(&arts, &shown),
        sources: groups,
        stats: DailyStats { articles: n + failed, stories: found, failed, ..DailyStats::default() },
        stories,
    };
    fit_daily(&mut daily, options.words);
    daily
}

fn day_articles(analyses: &[Analysis]) -> Vec<DayArticle<'_>> {
    let mut terms: FxHashMap<&str, u32> = FxHashMap::default();
    let mut counts: Vec<FxHashMap<u32, f32>> = Vec::with_capacity(analyses.len());
    let mut sentence_vectors = Vec::with_capacity(analyses.len());
    for a in analyses {
        let vocab = &a.doc.vocab;
        let local: Vec<u32> = (0..vocab.len() as u32)
            .map(|t| {
                let next = terms.len() as u32;
                *terms.entry(vocab.term(t)).or_insert(next)
            })
            .collect();
        let mut tf: FxHashMap<u32, f32> = FxHashMap::default();
        for tok in a.doc.tokens.iter().filter(|t| !t.is_stop()) {
            *tf.entry(local[tok.term as usize]).or_default() += 1.0;
        }
        counts.push(tf);
        sentence_vectors.push(
            a.features
                .vectors
                .iter()
                .map(|v| {
                    let mut g: Vector = v.iter().map(|&(t, w)| (local[t as usize], w)).collect();
                    g.sort_unstable_by_key(|p| p.0);
                    g
                })
                .collect::<Vec<_>>(),
        );
    }
    let n = analyses.len().max(1) as f32;
    let mut df: FxHashMap<u32, f32> = FxHashMap::default();
    for tf in &counts {
        for &t in tf.keys() {
            *df.entry(t).or_default() += 1.0;
        }
    }
    analyses
        .iter()
        .zip(counts)
        .zip(sentence_vectors)
        .enumerate()
        .map(|(i, ((a, tf), sentences))| {
            let mut vector: Vector =
                tf.into_iter().map(|(t, c)| (t, (1.0 + c.ln()) * (1.0 + n / df[&t]).ln())).collect();
            vector.sort_unstable_by_key(|p| p.0);
            normalize(&mut vector);
            let b = &a.brief;
            let mut actors: Vec<String> = b
                .people
                .iter()
                .map(|p| p.name.to_lowercase())
                .chain(b.countries.iter().chain(&b.places).map(|m| m.name.to_lowercase()))
                .collect();
            actors.sort();
            actors.dedup();
            DayArticle {
                a,
                id: b.id.clone().unwrap_or_else(|| format!("article-{}", i + 1)),
                vector,
                sentences,
                actors,
                day: b.published.as_deref().and_then(day_number),
            }
        })
        .collect()
}

fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|p| p.1 * p.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for p in v.iter_mut() {
            p.1 /= norm;
        }
    }
}

/// Article similarity: content cosine blended with actor overlap, discounted
/// for articles published more than two days apart.
fn similarity_matrix(arts: &[DayArticle<'_>]) -> Vec<f32> {
    let n = arts.len();
    let mut sims = vec![0.0f32; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (&arts[i], &arts[j]);
            let content = cosine(&a.vector, &b.vector);
            let mut s = if a.actors.is_empty() || b.actors.is_empty() {
                content
            } else {
                0.7 * content + 0.3 * jaccard(&a.actors, &b.actors)
            };
            if let (Some(x), Some(y)) = (a.day, b.day)
                && (x - y).abs() > 2
            {
                s *= 0.5;
            }
            sims[i * n + j] = s;
            sims[j * n + i] = s;
        }
    }
    sims
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    let inter = a.iter().filter(|x| b.binary_search(x).is_ok()).count();
    let union = a.len() + b.len() - inter;
    if union == 0 { 0.0 } else { inter as f32 / union as f32 }
}

/// Average-linkage agglomerative clustering: merge the most similar pair of
/// clusters while their average similarity is at least `threshold`.
fn cluster(sims: &[f32], n: usize, threshold: f32) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut alive: Vec<bool> = vec![true; n];
    let mut link = sims.to_vec();
    loop {
        let mut best: Option<(usize, usize, f32)> = None;
        for i in 0..n {
            if !alive[i] {
                continue;
            }
            for j in i + 1..n {
                if alive[j] && link[i * n + j] >= threshold && best.is_none_or(|b| link[i * n + j] > b.2) {
                    best = Some((i, j, link[i * n + j]));
                }
            }
        }
        let Some((i, j, _)) = best else { break };
        let (si, sj) = (members[i].len() as f32, members[j].len() as f32);
        for k in 0..n {
            if alive[k] && k != i && k != j {
                let v = (si * link[i * n + k] + sj * link[j * n + k]) / (si + sj);
                link[i * n + k] = v;
                link[k * n + i] = v;
            }
        }
        let moved = std::mem::take(&mut members[j]);
        members[i].extend(moved);
        members[i].sort_unstable();
        alive[j] = false;
    }
    members.into_iter().zip(alive).filter(|(_, a)| *a).map(|(m, _)| m).collect()
}

fn distinct_outlets(arts: &[DayArticle<'_>], members: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = members.iter().filter_map(|&i| arts[i].a.brief.source.clone()).collect();
    v.sort();
    v.dedup();
    v
}

fn build_story(
    arts: &[DayArticle<'_>],
    sims: &[f32],
    members: &[usize],
    score: f32,
    options: &DailyOptions,
    page: &mut Vec<Vector>,
) -> Option<Story> {
    let n = arts.len();
    // Centroid of the story's article vectors.
    let mut acc: BTreeMap<u32, f32> = BTreeMap::new();
    for &i in members {
        for &(t, w) in &arts[i].vector {
            *acc.entry(t).or_default() += w;
        }
    }
    let mut centroid: Vector = acc.into_iter().collect();
    normalize(&mut centroid);

    // Candidates: (story score, article, sentence).
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for &i in members {
        let a = arts[i].a;
        for s in 0..a.doc.sentences.len() {
            if a.features.words[s] < 6 || a.features.quote_fragment[s] {
                continue;
            }
            let relevance = cosine(&arts[i].sentences[s], &centroid);
            candidates.push((0.4 * a.scores[s] + 0.6 * relevance, i, s));
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    let repeats = |page: &[Vector], v: &Vector| {
        page.iter().any(|p| cosine(p, v) > options.redundancy || containment(p, v) > options.containment)
    };
    let repeats_story = |chosen: &[Vector], v: &Vector| {
        chosen.iter().any(|p| cosine(p, v) > options.story_redundancy || containment(p, v) > 0.4)
    };
    let point = |&(score, i, s): &(f32, usize, usize)| DailyPoint {
        text: arts[i].a.doc.sentence_text(s).to_string(),
        article: arts[i].id.clone(),
        sentence: s,
        score,
    };
    // Bottom line: the best lead sentence not already on the page.
    let bottom = candidates.iter().find(|&&(_, i, s)| s < 3 && !repeats(page, &arts[i].sentences[s]))?;
    page.push(arts[bottom.1].sentences[bottom.2].clone());
    let mut chosen = vec![arts[bottom.1].sentences[bottom.2].clone()];
    let mut key_points = Vec::new();
    for c in &candidates {
        if key_points.len() >= options.points {
            break;
        }
        let v = &arts[c.1].sentences[c.2];
        if (c.1, c.2) == (bottom.1, bottom.2) || repeats(page, v) || repeats_story(&chosen, v) {
            continue;
        }
        page.push(v.clone());
        chosen.push(v.clone());
        key_points.push(point(c));
    }

    // Headline: the title of the article most similar to the rest of the story.
    let central = *members
        .iter()
        .max_by(|&&x, &&y| {
            let avg = |i: usize| members.iter().map(|&j| sims[i * n + j]).sum::<f32>();
            avg(x).total_cmp(&avg(y)).then(y.cmp(&x))
        })
        .expect("a story has articles");
    let people = merge_people(members.iter().map(|&i| &arts[i].a.brief.people), 4);
    let countries = merge_mentions(members.iter().map(|&i| &arts[i].a.brief.countries), 4);
    let headline = members
        .iter()
        .map(|&i| &arts[i])
        .find(|a| std::ptr::eq(a.a, arts[central].a))
        .and_then(|a| a.a.brief.title.clone())
        .or_else(|| members.iter().find_map(|&i| arts[i].a.brief.title.clone()))
        .unwrap_or_else(|| {
            let names: Vec<&str> = countries
                .iter()
                .map(|c| c.name.as_str())
                .chain(people.iter().map(|p| p.name.as_str()))
                .take(3)
                .collect();
            if names.is_empty() { "Untitled story".to_string() } else { names.join(", ") }
        });
    Some(Story {
        headline,
        bottom_line: vec![point(bottom)],
        key_points,
        articles: members.iter().map(|&i| arts[i].id.clone()).collect(),
        people,
        countries,
        outlets: distinct_outlets(arts, members),
        score,
    })
}

fn source_ref(a: &DayArticle<'_>) -> SourceRef {
    let b = &a.a.brief;
    SourceRef {
        id: Some(a.id.clone()),
        title: b.title.clone(),
        source: b.source.clone(),
        url: b.url.clone(),
        published: b.published.clone(),
    }
}

fn merge_people<'a>(lists: impl Iterator<Item = &'a Vec<Person>>, max: usize) -> Vec<Person> {
    let mut by_name: BTreeMap<String, (Person, usize)> = BTreeMap::new();
    for list in lists {
        for p in list {
            let e = by_name.entry(p.name.clone()).or_insert_with(|| (Person { mentions: 0, ..p.clone() }, 0));
            e.0.mentions += p.mentions;
            e.0.role = e.0.role.take().or_else(|| p.role.clone());
            e.0.country = e.0.country.take().or_else(|| p.country.clone());
            e.1 += 1;
        }
    }
    let mut v: Vec<(Person, usize)> = by_name.into_values().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.mentions.cmp(&a.0.mentions)).then(a.0.name.cmp(&b.0.name)));
    v.into_iter().take(max).map(|(p, _)| p).collect()
}

fn merge_mentions<'a>(lists: impl Iterator<Item = &'a Vec<Mention>>, max: usize) -> Vec<Mention> {
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    for list in lists {
        for m in list {
            *by_name.entry(m.name.clone()).or_default() += m.mentions;
        }
    }
    let mut v: Vec<Mention> =
        by_name.into_iter().map(|(name, mentions)| Mention { name, mentions }).collect();
    v.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    v.truncate(max);
    v
}

/// Forward-looking items of the shown articles: duplicates (same sentence
/// content) merged, sorted by date with undated items last.
fn merge_events(arts: &[DayArticle<'_>], shown: &[usize]) -> Vec<DailyEvent> {
    let mut out: Vec<(DailyEvent, &Vector)> = Vec::new();
    for &i in shown {
        for e in &arts[i].a.brief.what_next {
            let Some(v) = arts[i].sentences.get(e.sentence) else { continue };
            if out.iter().any(|(_, w)| containment(v, w) > 0.6) {
                continue;
            }
            let ev = DailyEvent {
                text: e.text.clone(),
                when: e.when.clone(),
                article: arts[i].id.clone(),
                sentence: e.sentence,
            };
            out.push((ev, v));
        }
    }
    let mut events: Vec<DailyEvent> = out.into_iter().map(|(e, _)| e).collect();
    events.sort_by(|a, b| match (&a.when, &b.when) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    events
}

/// The most common `YYYY-MM-DD` publication date (the latest on ties).
fn common_date(analyses: &[Analysis]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for a in analyses {
        if let Some(p) = a.brief.published.as_deref()
            && p.len() >= 10
            && day_number(p).is_some()
        {
            *counts.entry(&p[..10]).or_default() += 1;
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0))).map(|(d, _)| d.to_string())
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD`.
fn day_number(s: &str) -> Option<i64> {
    let (y, m, d) = (
        s.get(0..4)?.parse::<i64>().ok()?,
        s.get(5..7)?.parse::<i64>().ok()?,
        s.get(8..10)?.parse::<i64>().ok()?,
    );
    if s.as_bytes().get(4) != Some(&b'-') || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (H. Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2026-11-27T08:00:00Z"), Some(20_784));
        assert_eq!(day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(), 2);
        assert_eq!(day_number("27 Nov 2026"), None);
    }

    #[test]
    fn clustering_merges_only_above_threshold() {
        // 0 and 1 similar, 2 apart.
        let sims = vec![0.0, 0.8, 0.1, 0.8, 0.0, 0.05, 0.1, 0.05, 0.0];
        assert_eq!(cluster(&sims, 3, 0.3), vec![vec![0, 1], vec![2]]);
        assert_eq!(cluster(&sims, 3, 0.9), vec![vec![0], vec![1], vec![2]]);
    }
}
