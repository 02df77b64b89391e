//! Page metadata: JSON-LD (`NewsArticle` and its relatives) first, then
//! `<meta>` tags and Open Graph, then heuristics (`<title>`, `<time datetime>`).

use dom_query::Document;
use serde_json::Value;

use super::blocks::strip_by;
use crate::ws::collapse_ws;

/// Largest JSON-LD script, in bytes, that is decoded.
const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// Deepest JSON-LD nesting searched for an article object.
const MAX_JSON_LD_DEPTH: usize = 8;

/// Metadata gathered from the page head, best source first.
#[derive(Default)]
pub(super) struct Meta {
    pub(super) title: Option<String>,
    pub(super) author: Option<String>,
    pub(super) published: Option<String>,
    pub(super) url: Option<String>,
    pub(super) site: Option<String>,
}

impl Meta {
    pub(super) fn read(doc: &Document) -> Meta {
        let mut m = Meta::default();
        if let Some(ld) = json_ld_article(doc) {
            m.title = str_field(&ld, "headline").or_else(|| str_field(&ld, "name"));
            m.author = ld.get("author").and_then(person_names);
            m.published = str_field(&ld, "datePublished").or_else(|| str_field(&ld, "dateCreated"));
            m.site = ld
                .get("publisher")
                .and_then(|p| str_field(p, "name").or_else(|| p.as_str().map(str::to_string)));
            m.url = str_field(&ld, "url").or_else(|| {
                ld.get("mainEntityOfPage")
                    .and_then(|e| e.as_str().map(str::to_string).or_else(|| str_field(e, "@id")))
            });
        }
        let meta = |keys: &[&str]| -> Option<String> {
            for k in keys {
                for attr in ["property", "name", "itemprop"] {
                    let sel = format!("meta[{attr}=\"{k}\" i]");
                    if let Some(v) = doc.select(&sel).attr("content") {
                        let v = collapse_ws(&v);
                        if !v.is_empty() {
                            return Some(v);
                        }
                    }
                }
            }
            None
        };
        m.title = m.title.or_else(|| meta(&["og:title", "twitter:title", "dc.title"]));
        m.author = m.author.or_else(|| {
            meta(&["author", "byl", "parsely-author", "sailthru.author", "dc.creator", "article:author"])
                .filter(|a| !a.starts_with("http"))
                .map(|a| strip_by(&a))
        });
        m.published = m.published.or_else(|| {
            meta(&[
                "article:published_time",
                "datePublished",
                "parsely-pub-date",
                "pubdate",
                "publish-date",
                "date",
                "dc.date",
                "dc.date.issued",
                "sailthru.date",
            ])
            .or_else(|| {
                doc.select("time[datetime]")
                    .attr("datetime")
                    .map(|d| collapse_ws(&d))
                    .filter(|d| !d.is_empty())
            })
        });
        m.site = m.site.or_else(|| meta(&["og:site_name", "application-name"]));
        let canonical = doc.select("link[rel=\"canonical\" i]").attr("href").map(|h| collapse_ws(&h));
        m.url = canonical.filter(|u| u.starts_with("http")).or(m.url).or_else(|| meta(&["og:url"]));
        m
    }
}

fn str_field(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(|x| x.as_str().map(str::to_string)),
        _ => None,
    }
}

fn person_names(v: &Value) -> Option<String> {
    let names: Vec<String> = match v {
        Value::String(s) => vec![s.clone()],
        Value::Object(_) => str_field(v, "name").into_iter().collect(),
        Value::Array(a) => a.iter().filter_map(person_names).collect(),
        _ => Vec::new(),
    };
    let names: Vec<String> = names.into_iter().map(|n| collapse_ws(&n)).filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Rank of a schema.org type as the page's article object (lower is better).
fn article_rank(v: &Value) -> Option<u8> {
    let types: Vec<&str> = match v.get("@type")? {
        Value::String(s) => vec![s.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => return None,
    };
    types
        .iter()
        .filter_map(|t| match *t {
            "NewsArticle"
            | "ReportageNewsArticle"
            | "AnalysisNewsArticle"
            | "BackgroundNewsArticle"
            | "OpinionNewsArticle"
            | "ReviewNewsArticle"
            | "LiveBlogPosting" => Some(0),
            "Article" | "BlogPosting" | "Report" | "ScholarlyArticle" => Some(1),
            _ => None,
        })
        .min()
}

fn json_ld_article(doc: &Document) -> Option<Value> {
    let mut best: Option<(u8, Value)> = None;
    for script in doc.select("script[type=\"application/ld+json\" i]").iter() {
        let text = script.text();
        if text.len() > MAX_JSON_LD_BYTES {
            continue;
        }
        let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
        find_articles(v, 0, &mut best);
    }
    best.map(|(_, v)| v)
}

fn find_articles(v: Value, depth: usize, best: &mut Option<(u8, Value)>) {
    if depth > MAX_JSON_LD_DEPTH {
        return;
    }
    match v {
        Value::Array(items) => items.into_iter().for_each(|i| find_articles(i, depth + 1, best)),
        Value::Object(mut map) => {
            let graph = map.remove("@graph");
            let obj = Value::Object(map);
            if let Some(rank) = article_rank(&obj)
                && best.as_ref().is_none_or(|(r, _)| rank < *r)
            {
                *best = Some((rank, obj));
            }
            if let Some(g) = graph {
                find_articles(g, depth + 1, best);
            }
        }
        _ => {}
    }
}
