//! What changed since the previous page (`attache daily --since PREVIOUS.json`).
//!
//! A story of today continues a story of the previous page when their
//! content words (TF-IDF in today's term space) and actors are close; it is
//! *developing* when it has sentences the previous page did not show, and
//! *continuing* otherwise. A sentence counts as shown before when more than
//! half of its word pairs (bigrams of lower-cased words) were on the
//! previous page. What-to-watch items of the previous page that are due are
//! shown as happened when today's articles on the page report them.

use attache_render::{Daily, Story};
use rustc_hash::FxHashSet;

/// A daily page written earlier with `--format json`.
#[derive(Debug, Clone)]
pub struct Previous {
    page: Daily,
    bigrams: FxHashSet<(u64, u64)>,
    people: FxHashSet<String>,
}

impl Previous {
    /// Read a page written by `attache daily --format json`.
    pub fn from_json(text: &str) -> Result<Previous, serde_json::Error> {
        Ok(Previous::new(serde_json::from_str(text)?))
    }

    /// Compare with `page`.
    pub fn new(page: Daily) -> Previous {
        let mut bigrams = FxHashSet::default();
        let mut people = FxHashSet::default();
        for s in &page.stories {
            for p in s.bottom_line.iter().chain(&s.key_points) {
                bigrams.extend(word_pairs(&p.text));
            }
            people.extend(s.people.iter().map(|p| p.name.to_lowercase()));
        }
        for e in &page.what_next {
            bigrams.extend(word_pairs(&e.text));
        }
        people.extend(page.people.iter().map(|p| p.person.name.to_lowercase()));
        Previous { page, bigrams, people }
    }

    /// The previous page's date.
    pub fn date(&self) -> Option<&str> {
        self.page.date.as_deref()
    }

    /// The previous page.
    pub fn page(&self) -> &Daily {
        &self.page
    }

    /// Its stories.
    pub(crate) fn stories(&self) -> &[Story] {
        &self.page.stories
    }

    /// Whether the previous page already showed more than half of the word pairs of `text`.
    pub fn shown_before(&self, text: &str) -> bool {
        let pairs = word_pairs(text);
        if pairs.is_empty() {
            return false;
        }
        let seen = pairs.iter().filter(|p| self.bigrams.contains(p)).count();
        2 * seen > pairs.len()
    }

    /// Whether the previous page named this person.
    pub(crate) fn knows_person(&self, name: &str) -> bool {
        self.people.contains(&name.to_lowercase())
    }
}

/// Hashed pairs of consecutive lower-cased words (letters and digits).
pub fn word_pairs(text: &str) -> Vec<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.to_lowercase().hash(&mut h);
            h.finish()
        })
        .collect();
    let mut pairs: Vec<(u64, u64)> = words.windows(2).map(|w| (w[0], w[1])).collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use attache_render::DailyPoint;

    #[test]
    fn a_sentence_shown_before_is_one_with_most_of_its_word_pairs_on_the_page() {
        let mut page = Daily::default();
        page.stories.push(Story {
            bottom_line: vec![DailyPoint {
                text: "The ministers agreed to meet again in Lisbon next week.".into(),
                ..DailyPoint::default()
            }],
            ..Story::default()
        });
        let p = Previous::new(page);
        assert!(p.shown_before("The ministers agreed to meet again in Lisbon."));
        assert!(p.shown_before("THE MINISTERS agreed to meet again in Lisbon next week, officials said."));
        assert!(!p.shown_before("The ministers met in Lisbon and signed a grain accord on Tuesday."));
        assert!(!p.shown_before(""));
    }
}
