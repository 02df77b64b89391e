//! Shapes of personal names inside a capitalised chunk: courtesy titles, hyphenated
//! adjectives that start no name, family names that look like function words ("He", "An"),
//! month abbreviations that are name words, a given name or a middle initial after a place
//! (a region inside a title), and where a name ends.

use super::GazHit;
use crate::lexicon::{GIVEN, w};
use crate::tok::{Tok, shape};

/// Courtesy titles, which say nothing of an office: "Mr.", "Dr.", "Sir".
pub(super) fn courtesy(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    matches!(w.as_str(), "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "lord" | "lady" | "prof")
}

/// A capitalised hyphenated adjective: "Maoist-inspired", "Brezhnev-era", "Kremlin-backed".
pub(super) fn adjective_compound(word: &str) -> bool {
    let Some((head, tail)) = word.rsplit_once('-') else { return false };
    !head.is_empty()
        && tail.chars().next().is_some_and(char::is_lowercase)
        && (tail.ends_with("ed")
            || tail.ends_with("ing")
            || matches!(tail, "era" | "style" | "type" | "like"))
}

/// A two-letter function word inside a sentence, capitalised and followed by an unknown
/// capitalised word, is a family name: "said He Lan", "took An Wei away".
pub(super) fn short_surname(text: &str, toks: &[Tok], hits: &[Option<GazHit>], pos: usize, j: usize) -> bool {
    let t = &toks[pos];
    let word = t.text(text);
    // After a comma too: "his wife, He Ling," (a pronoun after a comma is lower case).
    let mid = pos > 0
        && toks[pos - 1].sent == t.sent
        && (!toks[pos - 1].is(shape::QUOTE | shape::PUNCT) || toks[pos - 1].text(text) == ",");
    mid && word.len() == 2
        && t.is(shape::CAP)
        && !t.is(shape::ALLCAPS)
        && pos + 1 < j
        && hits[pos + 1].is_none()
        && (toks[pos + 1].known() == 0
            || toks[pos + 1].known() == w::MONTH && bare_abbrev(text, toks, pos + 1))
}

/// A three-letter month abbreviation with no period and no number after it is a word of a
/// name, not a date: "An Jan" (but "Jun. 4", "Jun 4" and "May" are dates).
pub(super) fn bare_abbrev(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = toks[i].text(text);
    word.len() == 3
        && !word.eq_ignore_ascii_case("may")
        && !toks.get(i + 1).is_some_and(|t| t.is(shape::NUM) || t.text(text) == ".")
}

/// After a place's name, a personal name rather than a team or company: "Commander Europe
/// Brandon T. Ruiz".
pub(super) fn person_follows(text: &str, toks: &[Tok], end: usize) -> bool {
    let w = toks[end].text(text);
    let next = toks.get(end + 1).filter(|t| t.capword() && t.sent == toks[end].sent);
    // A middle initial says it too: "Commander Europe Brandon T. Ruiz".
    let initial = next.is_some_and(|t| {
        let s = t.text(text);
        s.len() == 2 && s.ends_with('.') && t.is(shape::CAP)
    });
    next.is_some() && (GIVEN.contains(w) || initial)
}

/// The end of a personal name starting at `k` inside chunk end `j`.
pub(super) fn name_end(toks: &[Tok], hits: &[Option<GazHit>], k: usize, j: usize) -> usize {
    let mut e = k + 1;
    while e < j && hits.get(e).is_none_or(Option::is_none) && !toks[e].has(w::TITLE_HEAD | w::HONORIFIC) {
        e += 1;
    }
    // "Ben Cardin of Maryland": the connector belongs to what follows.
    while e > k + 1 && toks[e - 1].has(w::CONNECTOR) && !toks[e - 1].is(shape::CAP) {
        e -= 1;
    }
    e
}

#[cfg(test)]
mod tests {
    use crate::EntityType::Per;
    use crate::testutil::{analysed, typed};

    #[test]
    fn family_names_that_look_like_function_words() {
        let t = typed("Police took An Jan away on Tuesday. His wife, He Ling, said nothing.");
        assert!(t.contains(&("An Jan".into(), Per)), "{t:?}");
        assert!(t.contains(&("He Ling".into(), Per)), "{t:?}");
    }

    #[test]
    fn a_middle_initial_after_a_place_starts_a_name() {
        let t = typed("He met Supreme Commander Europe Brandon T. Ruiz in Mons.");
        assert!(t.contains(&("Brandon T. Ruiz".into(), Per)), "{t:?}");
        let a = analysed("He met Supreme Commander Europe Brandon T. Ruiz in Mons.");
        let m = a.ms.iter().find(|m| m.ty == Per).unwrap();
        assert_eq!(m.role.as_deref(), Some("Supreme Commander Europe"));
    }
}
