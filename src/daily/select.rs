//! Ranking the stories and choosing their sentences.

use attache_render::{
    Daily, DailyEvent, DailyPoint, DailyStats, PreviousStory, SourceGroup, Story, StoryStatus, fit_daily,
};
use attache_score::{containment, cosine};
use rustc_hash::{FxHashMap, FxHashSet};

use super::coverage::Concepts;
use super::merge::{merge_events, merge_mentions, merge_people, sort_events, source};
use super::{DailyOptions, DayArticle, DaySentence, Previous, Space, Vector, day_number, group, normalize};

/// Weight of a sentence's score in its own article, for the story.
const ARTICLE_WEIGHT: f32 = 0.4;
/// Weight of a sentence's cosine similarity to the story's centroid.
const CENTROID_WEIGHT: f32 = 0.6;
/// Weight of a sentence's coverage of the story's concepts ([`Concepts`]).
const COVERAGE_WEIGHT: f32 = 0.6;
/// Candidates examined per key point wanted, at most (some repeat the page).
const EXAMINED_PER_POINT: usize = 4;

/// Similarity above which a story of today continues one of the previous page.
const SAME_STORY: f32 = 0.2;

/// Articles listed in a story's sources at most (one per outlet first).
const SOURCES_LISTED: usize = 4;

/// The articles of a story to list: one per distinct outlet first, in input order.
fn sources_listed(arts: &[DayArticle], members: &[usize]) -> Vec<usize> {
    let mut seen: Vec<&Option<String>> = Vec::new();
    let mut first: Vec<usize> = Vec::new();
    let mut rest: Vec<usize> = Vec::new();
    for &i in members {
        if arts[i].source.is_some() && seen.contains(&&arts[i].source) {
            rest.push(i);
        } else {
            seen.push(&arts[i].source);
            first.push(i);
        }
    }
    first.extend(rest);
    first.truncate(SOURCES_LISTED);
    first.sort_unstable();
    first
}

/// Build the page from the day's articles (vectors weighted).
pub(super) fn build(
    arts: &[DayArticle],
    space: &Space<'_>,
    options: &DailyOptions,
    previous: Option<&Previous>,
    date: Option<String>,
    counts: (usize, usize),
) -> Daily {
    let (failed, undated) = counts;
    let n = arts.len();
    let graph = group::graph(arts);
    let clusters = group::cluster(&graph, options.threshold);

    // How many articles mention each actor, for actor centrality.
    let mut actor_articles: FxHashMap<&str, usize> = FxHashMap::default();
    for a in arts {
        for name in &a.actors {
            *actor_articles.entry(name.as_str()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(f32, Vec<usize>)> = clusters
        .into_iter()
        .map(|members| {
            let outlets = distinct_outlets(arts, &members);
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

    let before: Vec<(Vector, Vec<String>)> =
        previous.map(|p| p.stories().iter().map(|s| story_terms(s, space)).collect()).unwrap_or_default();
    let mut page: Vec<Vector> = Vec::new();
    let mut built: Vec<(Story, Vec<usize>)> = Vec::new();
    for (score, members) in ranked {
        if built.len() >= options.stories {
            break;
        }
        let continues = previous.and_then(|p| {
            let (centroid, actors) = cluster_terms(arts, &members);
            best_match(&centroid, &actors, &before).map(|k| PreviousStory {
                headline: p.stories()[k].headline.clone(),
                date: p.date().map(str::to_string),
            })
        });
        let Some(story) = build_story(arts, &graph, &members, score, options, previous, continues, &mut page)
        else {
            continue;
        };
        built.push((story, members));
    }
    // Stories with nothing new go last: they are the first to go when space is short.
    built.sort_by_key(|(s, _)| s.status == Some(StoryStatus::Continuing));

    let shown: Vec<(usize, usize)> =
        built.iter().enumerate().flat_map(|(k, (_, m))| m.iter().map(move |&i| (k, i))).collect();
    let on_page: Vec<(&str, usize)> = built
        .iter()
        .flat_map(|(s, _)| s.bottom_line.iter().chain(&s.key_points))
        .map(|p| (p.article.as_str(), p.sentence))
        .collect();
    let mut what_next = merge_events(arts, &shown, &on_page);
    if let Some(p) = previous {
        what_next = since_events(arts, space, &shown, what_next, p, date.as_deref());
    }
    let mut people = merge_people(shown.iter().map(|&(k, i)| (k, &arts[i].people)), 8);
    if let Some(p) = previous {
        for person in &mut people {
            person.new = Some(!p.knows_person(&person.person.name));
        }
    }
    let mut daily = Daily {
        date,
        people,
        countries: merge_mentions(shown.iter().map(|&(k, i)| (k, &arts[i].countries)), 10),
        what_next,
        sources: built
            .iter()
            .map(|(s, m)| SourceGroup {
                headline: s.headline.clone(),
                articles: sources_listed(arts, m).into_iter().map(|i| source(&arts[i])).collect(),
                more: m.len().saturating_sub(SOURCES_LISTED),
            })
            .collect(),
        stats: DailyStats { articles: n + failed, stories: found, failed, undated, ..DailyStats::default() },
        stories: built.into_iter().map(|(s, _)| s).collect(),
        since: previous.and_then(|p| p.date().map(str::to_string)),
        compared: previous.is_some(),
    };
    fit_daily(&mut daily, options.words);
    daily
}

/// Unit TF-IDF vector of `text` in the day's term space (terms the day never saw are left out).
pub(super) fn text_vector(text: &str, space: &Space<'_>) -> Vector {
    let doc = attache_parse::Document::new(attache_parse::Article::from_body(text));
    let mut tf: FxHashMap<u32, f32> = FxHashMap::default();
    for tok in doc.tokens.iter().filter(|t| !t.is_stop()) {
        if let Some(&id) = space.terms.get(&super::term_hash(doc.vocab.term(tok.term))) {
            *tf.entry(id).or_default() += 1.0;
        }
    }
    let mut v: Vector = tf
        .into_iter()
        .map(|(t, c)| (t, (1.0 + c.ln()) * (1.0 + space.n / space.df[t as usize] as f32).ln()))
        .collect();
    v.sort_unstable_by_key(|p| p.0);
    normalize(&mut v);
    v
}

fn story_terms(s: &Story, space: &Space<'_>) -> (Vector, Vec<String>) {
    let mut text = s.headline.clone();
    for p in s.bottom_line.iter().chain(&s.key_points) {
        text.push('\n');
        text.push_str(&p.text);
    }
    let mut actors: Vec<String> = s
        .people
        .iter()
        .map(|p| p.name.to_lowercase())
        .chain(s.countries.iter().map(|c| c.name.to_lowercase()))
        .collect();
    actors.sort();
    actors.dedup();
    (text_vector(&text, space), actors)
}

fn cluster_terms(arts: &[DayArticle], members: &[usize]) -> (Vector, Vec<String>) {
    let mut actors: Vec<String> = members.iter().flat_map(|&i| arts[i].actors.iter().cloned()).collect();
    actors.sort();
    actors.dedup();
    (centroid(arts, members), actors)
}

/// The previous story closest to a cluster, when close enough.
fn best_match(centroid: &Vector, actors: &[String], before: &[(Vector, Vec<String>)]) -> Option<usize> {
    before
        .iter()
        .enumerate()
        .map(|(k, (v, names))| {
            let content = cosine(centroid, v);
            let inter = actors.iter().filter(|a| names.binary_search(a).is_ok()).count();
            let shared = if names.is_empty() { 0.0 } else { inter as f32 / names.len() as f32 };
            (k, 0.7 * content + 0.3 * shared)
        })
        .filter(|&(_, s)| s >= SAME_STORY)
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

fn centroid(arts: &[DayArticle], members: &[usize]) -> Vector {
    let mut acc: FxHashMap<u32, f32> = FxHashMap::default();
    for &i in members {
        for &(t, w) in &arts[i].vector {
            *acc.entry(t).or_default() += w;
        }
    }
    let mut c: Vector = acc.into_iter().collect();
    c.sort_unstable_by_key(|p| p.0);
    normalize(&mut c);
    c
}

fn distinct_outlets(arts: &[DayArticle], members: &[usize]) -> Vec<String> {
    let mut v: Vec<String> = members.iter().filter_map(|&i| arts[i].source.clone()).collect();
    v.sort();
    v.dedup();
    v
}

#[allow(clippy::too_many_arguments)]
fn build_story(
    arts: &[DayArticle],
    graph: &group::Graph,
    members: &[usize],
    score: f32,
    options: &DailyOptions,
    previous: Option<&Previous>,
    continues: Option<PreviousStory>,
    page: &mut Vec<Vector>,
) -> Option<Story> {
    let centroid = centroid(arts, members);
    let concepts = Concepts::new(arts, members);
    // How a sentence scores before coverage: its own article's score and its
    // closeness to the story's centroid.
    let base = |i: usize, s: &DaySentence| {
        ARTICLE_WEIGHT * s.score + CENTROID_WEIGHT * cosine(arts[i].sentence_vector(s), &centroid)
    };
    // Candidates: (story score, article, sentence position in the DayArticle).
    let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
    for &i in members {
        for (k, s) in arts[i].sentences.iter().enumerate() {
            let coverage = concepts.coverage(arts[i].sentence_vector(s), None);
            candidates.push((base(i, s) + COVERAGE_WEIGHT * coverage, i, k));
        }
    }
    candidates.sort_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(x.1.cmp(&y.1))
            .then(arts[x.1].sentences[x.2].index.cmp(&arts[y.1].sentences[y.2].index))
    });
    if let Some(p) = previous {
        candidates.retain(|&(_, i, k)| !p.shown_before(arts[i].sentence_text(&arts[i].sentences[k])));
    }
    let vector = |&(_, i, k): &(f32, usize, usize)| arts[i].sentence_vector(&arts[i].sentences[k]);
    let repeats = |page: &[Vector], v: &[(u32, f32)]| {
        page.iter().any(|p| cosine(p, v) > options.redundancy || containment(p, v) > options.containment)
    };
    let repeats_story = |chosen: &[Vector], v: &[(u32, f32)]| {
        chosen.iter().any(|p| cosine(p, v) > options.story_redundancy || containment(p, v) > 0.4)
    };
    let point = |&(score, i, k): &(f32, usize, usize)| DailyPoint {
        text: arts[i].sentence_text(&arts[i].sentences[k]).to_string(),
        article: arts[i].id.clone(),
        sentence: arts[i].sentences[k].index as usize,
        score,
        new: previous.map(|_| true),
    };
    // Bottom line: the best lead sentence not already on the page; in a
    // developing story, whatever sentence says best what is new.
    let lead = candidates.iter().find(|c| arts[c.1].sentences[c.2].index < 3 && !repeats(page, vector(c)));
    let bottom = match (lead, &continues) {
        (Some(b), _) => Some(*b),
        (None, Some(_)) => candidates.iter().find(|c| !repeats(page, vector(c))).copied(),
        (None, None) => None,
    };
    let status = previous.map(|_| match (&continues, bottom) {
        (None, _) => StoryStatus::New,
        (Some(_), Some(_)) => StoryStatus::Developing,
        (Some(_), None) => StoryStatus::Continuing,
    });
    if bottom.is_none() && status != Some(StoryStatus::Continuing) {
        return None;
    }
    let mut bottom_line = Vec::new();
    let mut key_points = Vec::new();
    if let Some(bottom) = bottom {
        page.push(vector(&bottom).to_vec());
        let mut chosen = vec![vector(&bottom).to_vec()];
        // Key points, greedily: each time the candidate that scores best with
        // the coverage of what the story does not show yet. A bounded number
        // of candidates is examined, so the cost stays linear in the story.
        let mut covered: FxHashSet<u32> = vector(&bottom).iter().map(|p| p.0).collect();
        let mut taken: Vec<bool> = candidates.iter().map(|c| (c.1, c.2) == (bottom.1, bottom.2)).collect();
        let static_base: Vec<f32> =
            candidates.iter().map(|&(_, i, k)| base(i, &arts[i].sentences[k])).collect();
        for _ in 0..options.points * EXAMINED_PER_POINT {
            if key_points.len() >= options.points {
                break;
            }
            let mut best: Option<(usize, f32)> = None;
            for (j, c) in candidates.iter().enumerate() {
                if taken[j] {
                    continue;
                }
                let gain = static_base[j] + COVERAGE_WEIGHT * concepts.coverage(vector(c), Some(&covered));
                if best.is_none_or(|b| gain > b.1) {
                    best = Some((j, gain));
                }
            }
            let Some((j, _)) = best else { break };
            taken[j] = true;
            let c = &candidates[j];
            let v = vector(c);
            if repeats(page, v) || repeats_story(&chosen, v) {
                continue;
            }
            covered.extend(v.iter().map(|p| p.0));
            page.push(v.to_vec());
            chosen.push(v.to_vec());
            key_points.push(point(c));
        }
        bottom_line.push(point(&bottom));
    }

    // Headline: the title of the article most similar to the rest of the story.
    let central = *members
        .iter()
        .max_by(|&&x, &&y| graph.affinity(x, members).total_cmp(&graph.affinity(y, members)).then(y.cmp(&x)))
        .expect("a story has articles");
    let people: Vec<_> = merge_people(members.iter().map(|&i| (0, &arts[i].people)), 4)
        .into_iter()
        .map(|p| p.person)
        .collect();
    let countries: Vec<_> = merge_mentions(members.iter().map(|&i| (0, &arts[i].countries)), 4)
        .into_iter()
        .map(|c| c.mention)
        .collect();
    let headline = arts[central]
        .title
        .clone()
        .or_else(|| members.iter().find_map(|&i| arts[i].title.clone()))
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
        bottom_line,
        key_points,
        articles: members.iter().map(|&i| arts[i].id.clone()).collect(),
        people,
        countries,
        outlets: distinct_outlets(arts, members),
        score,
        status,
        previous: continues,
    })
}

/// With a previous page: today's items whose date has passed are dropped;
/// the previous page's items that are due are shown as happened when a
/// sentence of today's shown articles reports them, and dropped otherwise.
fn since_events(
    arts: &[DayArticle],
    space: &Space<'_>,
    shown: &[(usize, usize)],
    mut events: Vec<DailyEvent>,
    previous: &Previous,
    date: Option<&str>,
) -> Vec<DailyEvent> {
    let Some(today) = date.and_then(day_number) else { return events };
    let passed = |when: &Option<String>| when.as_deref().and_then(day_number).is_some_and(|d| d < today);
    events.retain(|e| !passed(&e.when));
    for e in &previous.page().what_next {
        let due = e.when.as_deref().and_then(day_number).is_some_and(|d| d <= today);
        if !due {
            continue;
        }
        let announced = text_vector(&e.text, space);
        if announced.len() < 2 {
            continue;
        }
        let report = shown
            .iter()
            .flat_map(|&(k, i)| arts[i].sentences.iter().map(move |s| (k, i, s)))
            .map(|(k, i, s)| (k, i, s, shared_share(&announced, arts[i].sentence_vector(s))))
            .filter(|x| x.3 >= 0.5)
            .max_by(|a, b| a.3.total_cmp(&b.3));
        if let Some((k, i, _, _)) = report {
            events.push(DailyEvent {
                story: Some(k),
                happened: Some(true),
                reported_in: Some(arts[i].id.clone()),
                ..e.clone()
            });
        }
    }
    // Happened items first, then the rest by date.
    sort_events(&mut events);
    events.sort_by_key(|e| e.happened != Some(true));
    events
}

/// Share of `a`'s terms found in `b` (both sorted by term).
fn shared_share(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|(t, _)| b.binary_search_by_key(t, |p| p.0).is_ok()).count();
    common as f32 / a.len() as f32
}
