//! Page-wide sections merged from the stories shown: who's who, countries,
//! what to watch, sources.

use std::collections::BTreeMap;

use attache_render::{DailyEvent, DailyMention, DailyPerson, DailySource, Mention, Person, SourceRef};
use attache_score::containment;

use super::{DayArticle, Vector};

/// People of the articles, most widely reported first; `story` gives the
/// story index of each list.
pub(crate) fn merge_people<'a>(
    lists: impl Iterator<Item = (usize, &'a Vec<Person>)>,
    max: usize,
) -> Vec<DailyPerson> {
    let mut by_name: BTreeMap<String, (DailyPerson, usize)> = BTreeMap::new();
    for (story, list) in lists {
        for p in list {
            let e = by_name.entry(p.name.clone()).or_insert_with(|| {
                (DailyPerson { person: Person { mentions: 0, ..p.clone() }, ..DailyPerson::default() }, 0)
            });
            let q = &mut e.0.person;
            q.mentions += p.mentions;
            q.role = q.role.take().or_else(|| p.role.clone());
            q.country = q.country.take().or_else(|| p.country.clone());
            if !e.0.stories.contains(&story) {
                e.0.stories.push(story);
            }
            e.1 += 1;
        }
    }
    let mut v: Vec<(DailyPerson, usize)> = by_name.into_values().collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(b.0.person.mentions.cmp(&a.0.person.mentions))
            .then(a.0.person.name.cmp(&b.0.person.name))
    });
    v.into_iter().take(max).map(|(p, _)| p).collect()
}

/// Mentions merged by name, most mentioned first.
pub(crate) fn merge_mentions<'a>(
    lists: impl Iterator<Item = (usize, &'a Vec<Mention>)>,
    max: usize,
) -> Vec<DailyMention> {
    let mut by_name: BTreeMap<String, (usize, Vec<usize>)> = BTreeMap::new();
    for (story, list) in lists {
        for m in list {
            let e = by_name.entry(m.name.clone()).or_default();
            e.0 += m.mentions;
            if !e.1.contains(&story) {
                e.1.push(story);
            }
        }
    }
    let mut v: Vec<DailyMention> = by_name
        .into_iter()
        .map(|(name, (mentions, stories))| DailyMention {
            mention: Mention { name, mentions, shown: true },
            stories,
        })
        .collect();
    v.sort_by(|a, b| b.mention.mentions.cmp(&a.mention.mentions).then(a.mention.name.cmp(&b.mention.name)));
    v.truncate(max);
    v
}

/// Forward-looking items of the shown articles (with their story index):
/// duplicates (same sentence content) merged, sorted by date with undated
/// items last.
/// Items whose sentence is a point on the page (`on_page`: article id and
/// sentence) are left out.
pub(crate) fn merge_events(
    arts: &[DayArticle],
    shown: &[(usize, usize)],
    on_page: &[(&str, usize)],
) -> Vec<DailyEvent> {
    let mut out: Vec<(DailyEvent, &Vector)> = Vec::new();
    for &(story, i) in shown {
        for (e, v) in &arts[i].events {
            if v.is_empty()
                || on_page.contains(&(arts[i].id.as_str(), e.sentence))
                || out.iter().any(|(_, w)| containment(v, w) > 0.6)
            {
                continue;
            }
            let ev = DailyEvent {
                text: e.text.clone(),
                when: e.when.clone(),
                article: arts[i].id.clone(),
                sentence: e.sentence,
                story: Some(story),
                happened: None,
                reported_in: None,
            };
            out.push((ev, v));
        }
    }
    let mut events: Vec<DailyEvent> = out.into_iter().map(|(e, _)| e).collect();
    sort_events(&mut events);
    events
}

/// By date, undated items last (stable otherwise).
pub(crate) fn sort_events(events: &mut [DailyEvent]) {
    events.sort_by(|a, b| match (&a.when, &b.when) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

/// An article in the sources: the URL becomes a link and a printed address
/// only when it is `http` or `https`.
pub(crate) fn source(a: &DayArticle) -> DailySource {
    let href = a.url.as_deref().filter(|u| web_url(u).is_some()).map(str::to_string);
    DailySource {
        address: a.url.as_deref().and_then(web_url).map(|rest| short_address(rest, 40)),
        href,
        day: a.published.as_deref().filter(|p| super::day_number(p).is_some()).map(|p| p[..10].to_string()),
        article: SourceRef {
            id: Some(a.id.clone()),
            title: a.title.clone(),
            source: a.source.clone(),
            url: a.url.clone(),
            published: a.published.clone(),
        },
    }
}

/// The part after `http://` or `https://` (scheme case-insensitive) of a
/// URL with a host and no white space or control characters; `None` for any
/// other scheme (`javascript:`, `data:`, `file:`…).
pub(crate) fn web_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let clean =
        !rest.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    (!host.is_empty() && clean).then_some(rest)
}

/// `www.example.org/world/2026/talks-resume?id=3` → `example.org/world/2026/tal…`:
/// host without `www.`, path without query or fragment, cut to about `max`
/// characters.
pub(crate) fn short_address(rest: &str, max: usize) -> String {
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let rest = rest.strip_prefix("www.").unwrap_or(rest).trim_end_matches('/');
    if rest.chars().count() <= max {
        return rest.to_string();
    }
    let mut out: String = rest.chars().take(max).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(web_url("https://example.org/a"), Some("example.org/a"));
        assert_eq!(web_url("HTTP://example.org"), Some("example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "https://",
            "http:///path",
            "https://ex ample.org",
            "https://example.org/\"onmouseover=x",
            "ftp://example.org/file",
        ] {
            assert_eq!(web_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn addresses_are_short() {
        assert_eq!(short_address("www.example.org/world/?id=3#top", 40), "example.org/world");
        let long =
            short_address("news.example.org/world/2026/11/25/ministers-resume-the-talks-in-vienna", 32);
        assert_eq!(long.chars().count(), 33);
        assert!(long.starts_with("news.example.org/world/") && long.ends_with('…'));
    }
}
