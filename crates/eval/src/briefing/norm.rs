//! Text normalisation, country aliases and the name and speaker rules of the
//! briefing metric (README of the evaluation data, "Briefing gold").

/// Normalise a text for matching: lower case, `'s` folded (dropped), quotation
/// marks removed, `.,;:!?()[]—–-` turned into spaces, white space collapsed.
///
/// Apostrophes and single quotation marks are removed everywhere, on both
/// sides of every comparison, so `don't` and `dont` agree.
///
/// ```
/// use attache_eval::briefing::normalise;
/// assert_eq!(normalise("``We will NOT sign,'' the envoy's aide said."), "we will not sign the envoy aide said");
/// assert_eq!(normalise("U.S.-led (talks)"), "u s led talks");
/// ```
pub fn normalise(s: &str) -> String {
    let lower = s.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let apostrophe = matches!(c, '\'' | '’' | '‘' | '`' | '´');
        // `'s` at the end of a word: the possessive, folded away.
        if apostrophe
            && chars.get(i + 1) == Some(&'s')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && !chars.get(i + 2).is_some_and(|n| n.is_alphanumeric())
        {
            i += 2;
            continue;
        }
        if apostrophe || matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            i += 1;
            continue;
        }
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '—' | '–' | '-') {
            out.push(' ');
        } else {
            out.push(c);
        }
        i += 1;
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does `hay` contain `needle` after [`normalise`]? An empty needle never matches.
pub fn contains(hay: &str, needle: &str) -> bool {
    let n = normalise(needle);
    !n.is_empty() && normalise(hay).contains(&n)
}

/// Other names of countries (and of the parties that stand for them), in
/// [`normalise`]d form, with the normalised short English name the gold uses.
/// A part of a country (England, Scotland) is not an alias of it.
pub const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("us", "united states"),
    ("u s", "united states"),
    ("usa", "united states"),
    ("u s a", "united states"),
    ("america", "united states"),
    ("united states of america", "united states"),
    ("britain", "united kingdom"),
    ("great britain", "united kingdom"),
    ("uk", "united kingdom"),
    ("u k", "united kingdom"),
    ("united kingdom of great britain and northern ireland", "united kingdom"),
    ("holland", "netherlands"),
    ("russian federation", "russia"),
    ("federal republic of yugoslavia", "yugoslavia"),
    ("dprk", "north korea"),
    ("democratic people republic of korea", "north korea"),
    ("republic of korea", "south korea"),
    ("rok", "south korea"),
    ("people republic of china", "china"),
    ("prc", "china"),
    ("bosnia and herzegovina", "bosnia"),
    ("bosnia herzegovina", "bosnia"),
    ("palestine", "palestinian territories"),
    ("occupied palestinian territories", "palestinian territories"),
    // As a party: the body that speaks for the territories.
    ("palestinian authority", "palestinian territories"),
    ("uae", "united arab emirates"),
    ("u a e", "united arab emirates"),
    ("islamic republic of iran", "iran"),
    ("syrian arab republic", "syria"),
    ("czechia", "czech republic"),
    ("burma", "myanmar"),
    ("holy see", "vatican"),
    ("vatican city", "vatican"),
    ("cote d ivoire", "ivory coast"),
    ("côte d ivoire", "ivory coast"),
];

/// A country name in the form the metric compares: normalised, without a
/// leading "the", and with [aliases](COUNTRY_ALIASES) replaced (`U.S.` and `America`
/// → `united states`, `Britain` → `united kingdom`, …).
///
/// ```
/// use attache_eval::briefing::country_key;
/// assert_eq!(country_key("the U.S."), country_key("United States"));
/// assert_eq!(country_key("Britain"), "united kingdom");
/// ```
pub fn country_key(s: &str) -> String {
    let n = normalise(s);
    let n = n.strip_prefix("the ").map(str::to_string).unwrap_or(n);
    COUNTRY_ALIASES.iter().find(|(a, _)| *a == n).map_or(n, |(_, c)| (*c).to_string())
}

/// How a predicted name matches a gold person, if it does. The first two
/// are the README's "full" matches, taken before subset matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// Equal to the gold name.
    Exact,
    /// Equal to one of the gold person's `also` forms.
    Also,
    /// One name's words are a subset of the other's.
    Subset,
}

/// Does the predicted name `pred` match the gold person `name` (with its other
/// forms `also`)? Equal names are a [`NameMatch::Exact`] match, the
/// prediction equal to an `also` form a [`NameMatch::Also`] match, and one
/// name's words being a subset of the other's a [`NameMatch::Subset`] match.
/// Names with no words never match.
///
/// ```
/// use attache_eval::briefing::{NameMatch, name_match};
/// assert_eq!(name_match("Tomas Varga", "Tomas Varga", &[]), Some(NameMatch::Exact));
/// assert_eq!(name_match("Varga", "Tomas Varga", &["Varga".into()]), Some(NameMatch::Also));
/// assert_eq!(name_match("Varga", "Tomas Varga", &[]), Some(NameMatch::Subset));
/// assert_eq!(name_match("Tomas Vargas", "Tomas Varga", &["Vargas".into()]), None);
/// ```
pub fn name_match(pred: &str, name: &str, also: &[String]) -> Option<NameMatch> {
    let p = normalise(pred);
    if p.is_empty() {
        return None;
    }
    let g = normalise(name);
    if p == g {
        return Some(NameMatch::Exact);
    }
    if also.iter().any(|a| normalise(a) == p) {
        return Some(NameMatch::Also);
    }
    let pw: Vec<&str> = p.split(' ').collect();
    let gw: Vec<&str> = g.split(' ').filter(|w| !w.is_empty()).collect();
    if gw.is_empty() {
        return None;
    }
    let subset = |a: &[&str], b: &[&str]| a.iter().all(|w| b.contains(w));
    (subset(&pw, &gw) || subset(&gw, &pw)).then_some(NameMatch::Subset)
}

/// Words that do not count when an organisation or unnamed source is compared.
const SPEAKER_STOP: &[&str] = &["the", "a", "an", "of"];

/// Do two organisation or unnamed-source speakers share a word other than
/// the/a/an/of (after [`normalise`])?
///
/// ```
/// use attache_eval::briefing::share_word;
/// assert!(share_word("the Foreign Ministry", "a ministry statement"));
/// assert!(!share_word("the ministry", "the government"));
/// ```
pub fn share_word(pred: &str, gold: &str) -> bool {
    let p = normalise(pred);
    let g = normalise(gold);
    let gw: Vec<&str> = g.split(' ').filter(|w| !w.is_empty() && !SPEAKER_STOP.contains(w)).collect();
    p.split(' ').any(|w| !SPEAKER_STOP.contains(&w) && gw.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_folds_case_marks_possessives_and_punctuation() {
        assert_eq!(normalise("  The Minister’s   \"firm\" NO! "), "the minister firm no");
        assert_eq!(normalise("``a fair deal,'' she said"), "a fair deal she said");
        assert_eq!(normalise("cease-fire—now; [maybe] (later)?"), "cease fire now maybe later");
        // Only a word-final `'s` is a possessive; a quote opening on an s-word keeps it.
        assert_eq!(normalise("'sovereign' rights"), "sovereign rights");
        assert_eq!(normalise("it's"), "it");
        assert_eq!(normalise("don't"), "dont");
        assert_eq!(normalise("...!?"), "");
    }

    #[test]
    fn contains_compares_normalised_texts() {
        assert!(contains("``We will return to Geneva,'' he said.", "we will return to geneva"));
        assert!(contains("the premier's plan", "Premier plan"));
        assert!(!contains("talks in Oslo", "talks in Bergen"));
        assert!(!contains("anything", " , "));
    }

    #[test]
    fn countries_compare_after_aliases() {
        assert_eq!(country_key("U.S."), "united states");
        assert_eq!(country_key("America"), "united states");
        assert_eq!(country_key("UK"), "united kingdom");
        assert_eq!(country_key("the Netherlands"), "netherlands");
        assert_eq!(country_key("Freedonia"), "freedonia");
    }

    #[test]
    fn names_match_equal_also_or_by_word_subset() {
        let also = vec!["Haddad".to_string(), "Dr. Haddad".to_string()];
        assert_eq!(name_match("Samir K. Haddad", "Samir K. Haddad", &also), Some(NameMatch::Exact));
        assert_eq!(name_match("samir k haddad", "Samir K. Haddad", &also), Some(NameMatch::Exact));
        assert_eq!(name_match("dr haddad", "Samir K. Haddad", &also), Some(NameMatch::Also));
        // Subsets either way.
        assert_eq!(name_match("Samir Haddad", "Samir K. Haddad", &also), Some(NameMatch::Subset));
        assert_eq!(name_match("President Samir K. Haddad", "Samir K. Haddad", &[]), Some(NameMatch::Subset));
        // Overlapping but neither a subset: no match.
        assert_eq!(name_match("Samir Nassar", "Samir K. Haddad", &also), None);
        // An `also` form is matched only whole, not by subset.
        assert_eq!(name_match("Dr. Nassar", "Samir K. Haddad", &also), None);
        assert_eq!(name_match("", "Samir K. Haddad", &also), None);
        assert_eq!(name_match("``", "Samir K. Haddad", &also), None);
    }

    #[test]
    fn organisations_share_a_content_word() {
        assert!(share_word("Interior Ministry", "the interior ministry statement"));
        assert!(share_word("the ruling party's newspaper", "a party newspaper"));
        assert!(!share_word("the Council of the League", "an office of the mayor"));
        assert!(!share_word("", "the army"));
    }
}
