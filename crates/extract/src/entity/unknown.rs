//! Capitalised runs the gazetteer does not know: typed by their shape
//! (acronyms, initials, currency signs) and their neighbours (an honorific
//! before, a speech verb after, a preposition of place, a table number).

use super::{EntityType, GazHit, Mention, Sense};
use crate::lexicon::{GAZETTEER, GIVEN, GazKind, w};
use crate::tok::{Tok, shape};

/// Upper-case abbreviations that are not organisations.
fn not_org_acronym(word: &str) -> bool {
    matches!(
        word,
        "GMT"
            | "GDP"
            | "CPI"
            | "PCT"
            | "RBI"
            | "NOTE"
            | "CAPS"
            | "AM"
            | "PM"
            | "TV"
            | "CEO"
            | "CFO"
            | "IPO"
            | "VAT"
            | "EST"
            | "EDT"
            | "BST"
            | "CET"
            | "ERA"
            | "OK"
            | "ID"
            | "DNA"
            | "HIV"
            | "AIDS"
            | "COVID"
            | "PPP"
            | "GNP"
            | "FDI"
            | "OTC"
            | "NYSE"
            | "YTD"
            | "QB"
    )
}

/// A contraction ("We've", "They'll", "Don't"): a capitalised word, never a name.
pub(super) fn is_contraction(word: &str) -> bool {
    let Some(i) = word.rfind(['\'', '’']) else { return false };
    let tail = &word[i..];
    let tail = &tail[tail.chars().next().map_or(0, char::len_utf8)..];
    matches!(tail, "ve" | "re" | "ll" | "d" | "m" | "t")
}

/// Roman numerals and number words that end names of things ("War II", "Air Force One").
fn number_word(word: &str) -> bool {
    matches!(word, "II" | "III" | "IV" | "One" | "Two" | "Three" | "Four" | "Five")
        || word.bytes().any(|b| b.is_ascii_digit())
}

/// Unknown runs that are no person, whatever their shape: storms, numbered things,
/// contractions, names with "of" inside. `Some(None)`: nothing; `Some(Some(m))`: typed.
fn not_a_name(text: &str, toks: &[Tok], s: usize, e: usize) -> Option<Option<Mention>> {
    let n = e - s;
    let first = &toks[s];
    let last = &toks[e - 1];
    if toks[s..e].iter().any(|t| is_contraction(t.text(text))) {
        return Some(None);
    }
    // "Hurricane Mitch", "Tropical Storm Alberto".
    if n >= 2 && first.has(w::STORM) {
        return Some(Some(Mention::new(s, e, EntityType::Misc, Sense::Other)));
    }
    // "Hercules C-137", "Air Force One", "World War II" (but "John Paul II" after a given name).
    if n >= 2
        && number_word(last.text(text))
        && (toks[e - 2].has(w::MISC_HEAD | w::ORG_HEAD)
            || last.text(text).bytes().any(|b| b.is_ascii_digit()))
    {
        return Some(Some(Mention::new(s, e, EntityType::Misc, Sense::Other)));
    }
    // "Nation of Islam", "Island of Youth": personal names have no "of" inside.
    if n >= 3 && toks[s + 1..e - 1].iter().any(|t| t.text(text) == "of") {
        return Some(Some(Mention::new(s, e, EntityType::Org, Sense::Org)));
    }
    None
}

/// Type the unknown run of tokens `[s, e)`; `None` when it is no entity.
pub(super) fn classify_unknown(
    text: &str,
    toks: &[Tok],
    hits: &[Option<GazHit>],
    s: usize,
    e: usize,
    caps_sent: bool,
    tabular: bool,
) -> Option<Mention> {
    let n = e - s;
    let first = &toks[s];
    let last = &toks[e - 1];
    if let Some(m) = not_a_name(text, toks, s, e) {
        return m;
    }
    if let Some(m) = super::things::named_thing(text, toks, s, e) {
        return Some(m);
    }
    if n >= 2 && last.has(w::LOC_HEAD) {
        return Some(Mention::new(s, e, EntityType::Loc, Sense::Place));
    }
    if n >= 2 && first.has(w::LOC_START) {
        return Some(Mention::new(s, e, EntityType::Loc, Sense::Place));
    }
    if n >= 2 && (last.has(w::ORG_HEAD) || first.has(w::ORG_START)) {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    if n >= 2 && last.has(w::MISC_HEAD) {
        return Some(Mention::new(s, e, EntityType::Misc, Sense::Other));
    }
    // Month and weekday names are dates, not entities.
    if n == 1 && first.has(w::MONTH | w::WEEKDAY) {
        return None;
    }
    if n == 1 && first.has(w::COMMON_START | w::STOP | w::TITLE_HEAD | w::TITLE_MOD | w::SPEECH | w::EVENT) {
        return None;
    }
    let word = first.text(text);
    // Currencies: "C$", "HK$".
    if word.ends_with('$') {
        return Some(Mention::new(s, e, EntityType::Misc, Sense::Other));
    }
    if n == 1 && GAZETTEER.famous.contains_key(word) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    if n >= 2 && GIVEN.contains(word) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    let prev = if s > 0 && toks[s - 1].sent == first.sent { Some(&toks[s - 1]) } else { None };
    let next = toks.get(e).filter(|t| t.sent == first.sent);
    if prev.is_some_and(|p| p.has(w::HONORIFIC)) {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    if let Some(kin) = super::things::relative_apposition(text, toks, s, e) {
        let mut m = Mention::new(s, e, EntityType::Per, Sense::Person);
        // Named by a given name alone, the person has no office the text gives: the relation
        // is the role. A full name may have an office elsewhere, which is the role then.
        if e == s + 1 {
            m.role = Some(kin.to_string());
        }
        return Some(m);
    }
    // "Germany's Baerbock": a bare name after a country's possessive.
    if n <= 2 && s >= 2 && prev.is_some_and(|p| p.is(shape::POSS)) && !caps_sent {
        let country = (s.saturating_sub(5)..s - 1).any(|k| {
            matches!(hits[k], Some(GazHit { t1, kind: GazKind::Country(_) | GazKind::Capital(_) }) if t1 as usize == s - 1)
        });
        if country && !toks[s..e].iter().any(|t| t.has(w::ORG_HEAD | w::LOC_HEAD | w::MISC_HEAD)) {
            return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
        }
    }
    // "said Bozell." and "M. Waugh".
    let said_before = prev.is_some_and(|p| p.has(w::SPEECH) && !p.is(shape::CAP))
        && next.is_none_or(|t| t.is(shape::PUNCT));
    let initial = n >= 2 && word.len() == 2 && word.ends_with('.') && first.is(shape::CAP);
    if said_before || initial {
        return Some(Mention::new(s, e, EntityType::Per, Sense::Person));
    }
    if next.is_some_and(|t| t.has(w::SPEECH) && !t.is(shape::CAP)) {
        let mut m = Mention::new(s, e, EntityType::Per, Sense::Person);
        m.weak = n == 1;
        return Some(m);
    }
    if n == 1 && first.is(shape::ALLCAPS) && !caps_sent && word.len() <= 6 && !not_org_acronym(word) {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    // "in Puerto Lempira", and "In La Paz, ..." at the start of a sentence.
    let sentence_first = |p: &Tok| s < 2 || toks[s - 2].sent != p.sent;
    if prev.is_some_and(|p| p.has(w::LOC_PREP) && (!p.is(shape::CAP) || sentence_first(p))) && n <= 2 {
        let mut m = Mention::new(s, e, EntityType::Loc, Sense::Place);
        m.weak = true;
        return Some(m);
    }
    // Runs of upper-case words in mixed text are slugs and table headers ("PRESS DIGEST", "W L PCT").
    if n >= 2 && toks[s..e].iter().all(|t| !t.text(text).chars().any(char::is_lowercase)) && !caps_sent {
        return None;
    }
    // A sentence-initial verb or plural noun is not a first name: "Dealers said", "Played Friday".
    let first_word = s == 0 || toks[s - 1].sent != first.sent || toks[s - 1].is(shape::QUOTE);
    if n >= 2
        && first_word
        && !GIVEN.contains(word)
        && ["s", "ed", "ing", "ly"].iter().any(|x| word.ends_with(x))
    {
        return classify_unknown(text, toks, hits, s + 1, e, caps_sent, tabular);
    }
    if let Some(t) = next.filter(|t| t.is(shape::NUM) && tabular) {
        // Bowling figures "3-45" follow players; plain scores follow teams.
        let figures = t.text(text).contains(['-', '/']);
        return Some(if figures {
            Mention::new(s, e, EntityType::Per, Sense::Person)
        } else {
            Mention::new(s, e, EntityType::Org, Sense::Org)
        });
    }
    // A name in parentheses before a dash is the agency of a dateline: "MANILA (Meridian Wire) —".
    let dash_after = toks.get(e + 1).is_some_and(|t| matches!(t.text(text), "—" | "–" | "-"));
    if n >= 2
        && prev.is_some_and(|p| p.text(text) == "(")
        && next.is_some_and(|t| t.text(text) == ")")
        && dash_after
    {
        return Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    }
    if n >= 2 && !caps_sent {
        let mut m = Mention::new(s, e, EntityType::Per, Sense::Person);
        m.weak = true;
        return Some(m);
    }
    let mut m = Mention::new(s, e, if n >= 2 { EntityType::Per } else { EntityType::Misc }, Sense::Other);
    m.weak = true;
    Some(m)
}

#[cfg(test)]
mod tests {
    use crate::EntityType::{Org, Per};
    use crate::testutil::typed;

    #[test]
    fn a_word_before_a_speech_verb_is_a_person() {
        assert_eq!(typed("Kessler said the offer stood."), [("Kessler".into(), Per)]);
    }

    #[test]
    fn short_acronyms_are_organisations_but_not_economic_ones() {
        assert_eq!(
            typed("The rebels of the FLQ group and the GDP data came in March."),
            [("FLQ".into(), Org)]
        );
    }

    #[test]
    fn months_and_weekdays_alone_are_no_entities() {
        assert_eq!(typed("Talks resume in March or on Friday."), []);
    }

    #[test]
    fn two_unknown_capitalised_words_in_mixed_text_are_a_person() {
        assert_eq!(typed("The envoy met Tarik Osmani in the morning."), [("Tarik Osmani".into(), Per)]);
    }
}
