//! Scoring one article: the counts of every figure, and the errors behind them.

use super::errors::{
    ArticleErrors, CountryErrors, MissedPosition, NextErrors, NextMiss, PeopleErrors, PositionErrors,
    QuoteErrors, QuoteMiss, SpeakerError, UnsupportedPoint, WrongCountry, WrongDate, WrongRole,
};
use super::norm::{NameMatch, contains, country_key, name_match, share_word};
use super::report::QuoteCounts;
use super::{
    BriefingGoldQuote, BriefingPredQuote, GoldArticle, GoldNext, GoldPerson, Predicted, SpeakerKind,
};

/// Micro-averaged counts of every figure.
#[derive(Debug, Clone, Default)]
pub(super) struct Counts {
    pub(super) people_gold: usize,
    pub(super) people_predicted: usize,
    pub(super) people_matched: usize,
    /// Matched gold people with a role, and those given a right one.
    pub(super) roles_gold: usize,
    pub(super) roles_right: usize,
    /// Matched predictions with a role, and those whose role is wrong.
    pub(super) roles_predicted: usize,
    pub(super) roles_wrong: usize,
    /// Matched gold people with a country, and those given the same one.
    pub(super) person_countries_gold: usize,
    pub(super) person_countries_right: usize,
    /// Matched predictions with a country, and those whose country is wrong.
    pub(super) person_countries_predicted: usize,
    pub(super) person_countries_wrong: usize,
    pub(super) quotes: QuoteCounts,
    pub(super) extractor_quotes: QuoteCounts,
    pub(super) positions_gold: usize,
    pub(super) positions_found: usize,
    pub(super) points: usize,
    pub(super) points_right: usize,
    pub(super) next_gold: usize,
    pub(super) next_found: usize,
    pub(super) next_predicted: usize,
    pub(super) next_predicted_right: usize,
    pub(super) next_dated: usize,
    pub(super) next_dates_right: usize,
    pub(super) countries_gold: usize,
    pub(super) countries_predicted: usize,
    pub(super) countries_matched: usize,
}

/// Score `pred` against `gold`, adding to `c`; the article's errors.
pub(super) fn article(gold: &GoldArticle, pred: &Predicted, c: &mut Counts) -> ArticleErrors {
    ArticleErrors {
        id: gold.id.clone(),
        people: people(gold, pred, c),
        quotes: quotes(gold, &pred.quotes, &mut c.quotes),
        extractor_quotes: None,
        positions: positions(gold, pred, c),
        what_next: what_next(gold, pred, c),
        countries: countries(gold, pred, c),
    }
}

/// One-to-one matching of predicted to gold people, full matches first: for
/// each gold person in order, the first free prediction with the same name;
/// then, for those left, the first free prediction equal to one of their
/// `also` forms; then the first free prediction that matches by word subset.
/// The index of the prediction matched to each gold person.
pub(super) fn match_people(gold: &[GoldPerson], pred: &[String]) -> Vec<Option<usize>> {
    let mut taken = vec![false; pred.len()];
    let mut out = vec![None; gold.len()];
    for tier in [NameMatch::Exact, NameMatch::Also, NameMatch::Subset] {
        for (g, slot) in gold.iter().zip(out.iter_mut()) {
            if slot.is_some() {
                continue;
            }
            let hit = pred
                .iter()
                .enumerate()
                .position(|(i, p)| !taken[i] && name_match(p, &g.name, &g.also) == Some(tier));
            if let Some(i) = hit {
                taken[i] = true;
                *slot = Some(i);
            }
        }
    }
    out
}

fn people(gold: &GoldArticle, pred: &Predicted, c: &mut Counts) -> PeopleErrors {
    let names: Vec<String> = pred.people.iter().map(|p| p.name.clone()).collect();
    let matches = match_people(&gold.people, &names);
    let mut e = PeopleErrors::default();
    c.people_gold += gold.people.len();
    c.people_predicted += pred.people.len();
    let mut matched = vec![false; pred.people.len()];
    for (g, m) in gold.people.iter().zip(&matches) {
        let Some(i) = *m else {
            e.missed.push(g.name.clone());
            continue;
        };
        matched[i] = true;
        c.people_matched += 1;
        let p = &pred.people[i];
        let role_right =
            p.role.as_deref().is_some_and(|r| g.role.is_some() && g.role_ok.iter().any(|ok| contains(r, ok)));
        c.roles_gold += usize::from(g.role.is_some());
        c.roles_right += usize::from(role_right);
        c.roles_predicted += usize::from(p.role.is_some());
        c.roles_wrong += usize::from(p.role.is_some() && !role_right);
        if !role_right && (g.role.is_some() || p.role.is_some()) {
            e.wrong_roles.push(WrongRole {
                name: g.name.clone(),
                predicted_name: p.name.clone(),
                gold: g.role.clone(),
                role_ok: g.role_ok.clone(),
                predicted: p.role.clone(),
            });
        }
        let country_right = match (&p.country, &g.country) {
            (Some(pc), Some(gc)) => country_key(pc) == country_key(gc),
            _ => false,
        };
        c.person_countries_gold += usize::from(g.country.is_some());
        c.person_countries_right += usize::from(country_right);
        c.person_countries_predicted += usize::from(p.country.is_some());
        c.person_countries_wrong += usize::from(p.country.is_some() && !country_right);
        if !country_right && (g.country.is_some() || p.country.is_some()) {
            e.wrong_countries.push(WrongCountry {
                name: g.name.clone(),
                predicted_name: p.name.clone(),
                gold: g.country.clone(),
                predicted: p.country.clone(),
            });
        }
    }
    e.false_positives =
        pred.people.iter().zip(&matched).filter(|(_, m)| !**m).map(|(p, _)| p.name.clone()).collect();
    e
}

/// Does the predicted speaker `pred` match the gold quote's speaker? A person
/// is matched with the people rule (name, its `also` forms from the gold
/// people list, word subset); an organisation or unnamed source by a shared
/// word other than the/a/an/of. A quote without a gold speaker matches no one.
pub(super) fn speaker_matches(gold: &GoldArticle, q: &BriefingGoldQuote, pred: &str) -> bool {
    let Some(speaker) = q.speaker.as_deref() else { return false };
    match q.speaker_kind {
        SpeakerKind::Person => {
            let also = gold
                .people
                .iter()
                .find(|p| super::normalise(&p.name) == super::normalise(speaker))
                .map_or(&[][..], |p| &p.also[..]);
            name_match(pred, speaker, also).is_some()
        }
        SpeakerKind::Org | SpeakerKind::Unnamed => share_word(pred, speaker),
    }
}

/// Score predicted quotes against the gold quotes of `gold`, adding to `c`; the errors.
pub(super) fn quotes(gold: &GoldArticle, pred: &[BriefingPredQuote], c: &mut QuoteCounts) -> QuoteErrors {
    let mut e = QuoteErrors::default();
    c.gold += gold.quotes.len();
    c.predicted += pred.len();
    for q in &gold.quotes {
        let found: Vec<&BriefingPredQuote> = pred.iter().filter(|p| contains(&p.text, &q.contains)).collect();
        if found.is_empty() {
            e.missed.push(QuoteMiss { contains: q.contains.clone(), speaker: q.speaker.clone() });
            continue;
        }
        c.found += 1;
        let hit = found.iter().any(|p| p.speaker.as_deref().is_some_and(|s| speaker_matches(gold, q, s)));
        if hit {
            c.speaker_hits += 1;
        } else {
            e.wrong_speakers.push(SpeakerError {
                contains: q.contains.clone(),
                gold: q.speaker.clone(),
                predicted: found.iter().map(|p| p.speaker.clone()).collect(),
            });
        }
    }
    for p in pred {
        if gold.quotes.iter().any(|q| contains(&p.text, &q.contains)) {
            c.predicted_right += 1;
        } else {
            e.unmatched.push(p.clone());
        }
    }
    e
}

fn positions(gold: &GoldArticle, pred: &Predicted, c: &mut Counts) -> PositionErrors {
    let mut e = PositionErrors::default();
    c.positions_gold += gold.positions.len();
    for g in &gold.positions {
        let party = country_key(&g.party);
        let points: Vec<&str> = pred
            .positions
            .iter()
            .filter(|p| country_key(&p.party) == party)
            .flat_map(|p| p.points.iter().map(|t| t.text.as_str()))
            .collect();
        if points.iter().any(|t| g.evidence.iter().any(|ev| contains(t, ev))) {
            c.positions_found += 1;
        } else {
            e.missed.push(MissedPosition {
                party: g.party.clone(),
                evidence: g.evidence.clone(),
                predicted_points: points.iter().map(|t| (*t).to_string()).collect(),
            });
        }
    }
    for p in &pred.positions {
        let party = country_key(&p.party);
        let evidence: Vec<&str> = gold
            .positions
            .iter()
            .filter(|g| country_key(&g.party) == party)
            .flat_map(|g| g.evidence.iter().map(String::as_str))
            .collect();
        for t in &p.points {
            c.points += 1;
            if evidence.iter().any(|ev| contains(&t.text, ev)) {
                c.points_right += 1;
            } else {
                e.unsupported_points.push(UnsupportedPoint { party: p.party.clone(), text: t.text.clone() });
            }
        }
    }
    e
}

/// Is the predicted `when` right for the gold item (it starts with the gold date)?
pub(super) fn date_right(g: &GoldNext, when: Option<&str>) -> bool {
    match (g.when.as_deref(), when) {
        (Some(gw), Some(pw)) => pw.trim().starts_with(gw.trim()),
        _ => false,
    }
}

fn what_next(gold: &GoldArticle, pred: &Predicted, c: &mut Counts) -> NextErrors {
    let mut e = NextErrors::default();
    c.next_gold += gold.what_next.len();
    c.next_predicted += pred.what_next.len();
    for g in &gold.what_next {
        let found: Vec<_> = pred.what_next.iter().filter(|p| contains(&p.text, &g.contains)).collect();
        if found.is_empty() {
            e.missed.push(NextMiss { contains: g.contains.clone(), when: g.when.clone() });
            continue;
        }
        c.next_found += 1;
        if g.when.is_some() {
            c.next_dated += 1;
            if found.iter().any(|p| date_right(g, p.when.as_deref())) {
                c.next_dates_right += 1;
            } else {
                e.wrong_dates.push(WrongDate {
                    contains: g.contains.clone(),
                    gold: g.when.clone(),
                    predicted: found.iter().map(|p| p.when.clone()).collect(),
                });
            }
        }
    }
    for p in &pred.what_next {
        if gold.what_next.iter().any(|g| contains(&p.text, &g.contains)) {
            c.next_predicted_right += 1;
        } else {
            e.unmatched.push(p.clone());
        }
    }
    e
}

fn countries(gold: &GoldArticle, pred: &Predicted, c: &mut Counts) -> CountryErrors {
    fn set<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(String, &'a str)> {
        let mut out: Vec<(String, &str)> = Vec::new();
        for n in names {
            let k = country_key(n);
            if !k.is_empty() && !out.iter().any(|(o, _)| *o == k) {
                out.push((k, n));
            }
        }
        out
    }
    let g = set(gold.countries.iter().map(String::as_str));
    let p = set(pred.countries.iter().map(|m| m.name.as_str()));
    let tp = g.iter().filter(|(k, _)| p.iter().any(|(o, _)| o == k)).count();
    c.countries_gold += g.len();
    c.countries_predicted += p.len();
    c.countries_matched += tp;
    CountryErrors {
        missed: g
            .iter()
            .filter(|(k, _)| !p.iter().any(|(o, _)| o == k))
            .map(|(_, n)| (*n).to_string())
            .collect(),
        false_positives: p
            .iter()
            .filter(|(k, _)| !g.iter().any(|(o, _)| o == k))
            .map(|(_, n)| (*n).to_string())
            .collect(),
    }
}
