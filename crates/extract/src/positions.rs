//! Positions: what each party states, demands, accuses, denies, rejects,
//! warns, offers, pledges, supports or opposes.
//!
//! A sentence is a point of a party when a stance verb ("said", "accused",
//! "rejected", "urged", "is against" …) has an actor the party is resolved
//! from: a country or its demonym ("Britain", "the Russians"), an
//! organisation (NATO, the UN Security Council; a national institution such
//! as a ministry speaks for its country), or a person, who speaks for the
//! organisation or country their title names ("NATO Secretary-General X",
//! "Russian Foreign Minister Y", "Z, Egypt's foreign minister"), else for the
//! country the entity linker gave them. A sentence that merely names a party
//! is not a point. A clause after a comma led by a participle (", warning
//! that …") is its sentence's subject's. An actor in a prepositional phrase
//! ("pressure on X", "the invitation of X") is not the subject of the verb
//! after it.
//!
//! Strong points (a stance verb other than a plain "said", a stance noun)
//! are all kept; a weak one (a plain "said", a quotation's speaker) only
//! when it is its party's first point: later plain reports of a party are
//! mostly facts, not where it stands. An action that is no stance ("X
//! arrived", "X founded") is not a point.
//!
//! Cost: a sentence is read only when it has a cue (an actor mention, a
//! pronoun or a quotation); per token, lexicon flag tests before any word
//! probe, and no allocation.

mod party;

use attache_model::{Point, Quote, Stance};

use crate::analysis::Analysis;
use crate::entity::{Mention, Sense};
use crate::lexicon::{WordSet, w};
use crate::tok::shape;
use party::{affiliations, full_names, party_name, party_of};

/// Verbs (and verb forms) by which an actor takes a position, flagged
/// [`w::STANCE`] in the lexicon (one bit test per token).
pub(crate) const STANCE_VERBS: &str = "say says said saying told tell tells stated states declared declares announced announces \
         demand demands demanded demanding urge urges urged urging call calls called calling \
         accuse accuses accused accusing deny denies denied denying reject rejects rejected rejecting \
         insist insists insisted insisting warn warns warned warning offer offers offered offering \
         pledge pledges pledged pledging promise promises promised vow vows vowed threaten threatens \
         threatened threatening support supports supported back backs backed oppose opposes opposed \
         condemn condemns condemned criticize criticizes criticized criticise criticises criticised \
         blame blames blamed welcome welcomes welcomed agree agrees agreed refuse refuses refused \
         propose proposes proposed want wants wanted ask asks asked appeal appeals appealed argue \
         argues argued claim claims claimed charged protest protests protested approve approves \
         approved ordered decided expects hopes hoped believes repeated reiterated stressed \
         acknowledged admitted confirmed praised praises dismissed dismisses sought seeks \
         objected objects vetoed recommended suggested suggests contended maintained \
         favor favors favored favour favours favoured consider considers considered described \
         describes pushed pushes pressed presses recognized recognizes recognised imposed imposes \
         barred bars banned prohibited ratified expressed deplored deplores insisted refusing \
         blocked endorsed endorses accepted accepts demanded complained complains suspects \
         vetoes threatened cautioned predicted estimated";

/// Plain reporting verbs: a point they give is weak.
static PLAIN: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new("say says said saying told tell tells stated states announced announces confirmed")
});

/// Words after which a plain "against" states opposition ("is against").
static COPULA: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new("is are was were remain remains remained"));

/// Nouns after a country or its demonym that make it an actor ("Yugoslav
/// officials said"); any other noun makes it a modifier ("Yugoslav army
/// vehicles", "Scottish law").
static ACTOR_NOUN: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new(
        "officials official authorities leadership leaders leader government forces delegation \
         diplomats diplomat negotiators negotiator side sources envoys envoy spokesman spokeswoman \
         spokesmen representatives politicians lawmakers legislators counterparts counterpart \
         statement declaration proposal plan demand demands offer call warning rejection refusal \
         position stance insistence accusation accusations refusal decision",
    )
});

/// Nouns naming a position: "a U.S.-British proposal", "the backing of Syria".
static STANCE_NOUN: std::sync::LazyLock<WordSet> = std::sync::LazyLock::new(|| {
    WordSet::new(
        "statement declaration proposal proposals plan demand demands offer call warning \
         rejection refusal backing support opposition insistence accusation accusations decision \
         pressure position stance veto ultimatum",
    )
});

/// Prepositions that LOC_PREP leaves out.
static PREP: std::sync::LazyLock<WordSet> =
    std::sync::LazyLock::new(|| WordSet::new("on of with by against about over for within among"));

/// How many mentions back a pronoun's antecedent is looked for.
const LOOK_BACK: usize = 40;

/// How far (in tokens) an actor may stand before its verb.
const MAX_GAP: usize = 8;

/// A point of a party before it becomes a [`Point`].
struct Found {
    party: String,
    sentence: usize,
    speaker: Option<String>,
    /// Stated by a stance verb or noun, not only reported.
    strong: bool,
}

/// Whether the tokens before mention `m` (titles left out) make it the object
/// of a preposition ("pressure on President X", "the invitation of X"), not a
/// subject; "spokesman for X" speaks for X.
fn in_pp(text: &str, a: &Analysis, m: &Mention, t0: usize) -> bool {
    let mut j = m.t0 as usize;
    // Titles and articles left out: "on President X", "within the Y".
    while j > t0
        && (a.toks[j - 1].has(w::TITLE_HEAD | w::TITLE_MOD | w::HONORIFIC) && a.toks[j - 1].is(shape::CAP)
            || matches!(a.toks[j - 1].text(text), "the" | "a" | "an"))
    {
        j -= 1;
    }
    if j <= t0 {
        return false;
    }
    let p = &a.toks[j - 1];
    let prep = p.has(w::LOC_PREP) || PREP.contains(p.text(text));
    prep && !(j >= t0 + 2
        && (a.toks[j - 2].has(w::TITLE_HEAD) || ACTOR_NOUN.contains(a.toks[j - 2].text(text))))
}

/// The positions of the parties, most points first; points in reading order.
#[inline(never)]
pub(crate) fn positions(text: &str, a: &Analysis, quotes: &[Quote]) -> Vec<Stance> {
    let aff = affiliations(text, a);
    let mut found: Vec<Found> = Vec::new();
    let actor = |m: &Mention| match m.sense {
        Sense::Person | Sense::Org => true,
        // "Britain said", "the Russians are", "Yugoslav officials said"; not "Scottish law".
        Sense::Country => a.toks.get(m.t1 as usize).is_none_or(|n| {
            !n.is(shape::WORD)
                || n.is(shape::CAP)
                || n.has(w::GOV_VERB | w::SPEECH | w::TITLE_HEAD | w::TITLE_MOD | w::STOP)
                || n.has(w::STANCE)
                || ACTOR_NOUN.contains(n.text(text))
        }),
        _ => false,
    };
    // "from Spain, which wants …": the antecedent of a relative pronoun is its subject.
    let relative = |m: &Mention| {
        let e = m.t1 as usize;
        a.toks.get(e).is_some_and(|t| t.text(text) == ",")
            && a.toks.get(e + 1).is_some_and(|t| matches!(t.text(text), "which" | "who"))
    };
    let mut ti = 0;
    let mut mi = 0;
    let mut qi = 0;
    let mut last_group: Vec<String> = Vec::new();
    for si in 0..a.sents.len() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let m0 = mi;
        while mi < a.ms.len() && (a.ms[mi].t0 as usize) < ti {
            mi += 1;
        }
        let ms = &a.ms[m0..mi];
        // The direct quotes of this sentence (quotes come in reading order).
        while qi < quotes.len() && quotes[qi].sentence < si {
            qi += 1;
        }
        let q1 = qi + quotes[qi..].iter().take_while(|q| q.sentence == si).count();
        let sent_quotes = &quotes[qi..q1];
        // The cheap cue: an actor, a pronoun or a quotation.
        let cue = !sent_quotes.is_empty()
            || ms.iter().any(|m| matches!(m.sense, Sense::Person | Sense::Org | Sense::Country))
            || a.toks[t0..ti].iter().any(|t| {
                t.has(w::PRONOUN_PER) || t.has(w::PRONOUN_GRP) && t.text(text).eq_ignore_ascii_case("they")
            });
        if !cue {
            continue;
        }
        let before = found.len();
        let mut push = |parties: Vec<String>, speaker: Option<String>, strong: bool| {
            for party in parties {
                match found[before..].iter_mut().find(|f| f.party == party) {
                    Some(f) => f.strong |= strong,
                    None => found.push(Found { party, sentence: si, speaker: speaker.clone(), strong }),
                }
            }
        };
        // The actor of the sentence's last stance verb: a participle clause's subject.
        let mut subject: Option<&Mention> = None;
        for v in t0..ti {
            let t = &a.toks[v];
            if a.quoted_tok[v] || t.is(shape::CAP) || !t.is(shape::WORD) {
                continue;
            }
            let l = t.text(text);
            let against = t.has(w::STOP)
                && l.eq_ignore_ascii_case("against")
                && v > t0
                && COPULA.contains(a.toks[v - 1].text(text));
            if t.has(w::STOP) && !against {
                continue;
            }
            let stance = against || t.has(w::STANCE);
            let according = l.eq_ignore_ascii_case("according")
                && a.toks.get(v + 1).is_some_and(|n| n.text(text).eq_ignore_ascii_case("to"));
            if !stance && !according {
                continue;
            }
            // A plain verb in the perfect states a standing position: "X has long said …".
            let perfect = || {
                (v.saturating_sub(3).max(t0)..v)
                    .any(|j| matches!(a.toks[j].text(text), "has" | "have" | "had" | "Has" | "Have"))
            };
            let strong = stance && (!PLAIN.contains(l) || perfect());
            // A participle after a comma: the subject of the sentence's clause
            // (", warning that …", ", calling it …").
            let participle = l.ends_with("ing") && v > t0 && a.toks[v - 1].text(text) == ",";
            let main = if participle {
                subject.or_else(|| {
                    let first = ms.iter().position(|m| {
                        (m.t1 as usize) < v
                            && actor(m)
                            && !a.quoted_tok[m.t0 as usize]
                            && !in_pp(text, a, m, t0)
                    })?;
                    // The last of coordinated subjects: "Japan and Korea …".
                    let mut k = first;
                    while k + 1 < ms.len()
                        && ms[k + 1].t1 as usize <= v
                        && ms[k + 1].sense == ms[k].sense
                        && ms[k + 1].t0 == ms[k].t1 + 1
                        && matches!(a.toks[ms[k].t1 as usize].text(text), "and" | ",")
                    {
                        k += 1;
                    }
                    Some(&ms[k])
                })
            } else {
                None
            };
            // The actor: the nearest before the verb ("X, Y's minister, said"),
            // a pronoun's antecedent, or one right after ("said X", "according to X").
            let mut who: Option<&Mention> = main;
            if !according && who.is_none() {
                let k = ms.partition_point(|m| (m.t1 as usize) <= v);
                let cand = ms[..k].iter().rev().find(|m| {
                    actor(m) && !a.quoted_tok[m.t0 as usize] && (relative(m) || !in_pp(text, a, m, t0))
                });
                let lo = cand.map_or(t0, |m| m.t1 as usize).max(v.saturating_sub(MAX_GAP));
                let blocked = (lo..v).any(|j| {
                    let x = &a.toks[j];
                    !a.quoted_tok[j] && (!x.has(w::STOP) && x.has(w::STANCE) || x.text(text) == "that")
                });
                let pron = (lo..v).rev().find(|&j| a.toks[j].has(w::PRONOUN_PER) && !a.quoted_tok[j]);
                let they = (lo..v).rev().find(|&j| {
                    a.toks[j].has(w::PRONOUN_GRP)
                        && a.toks[j].text(text).eq_ignore_ascii_case("they")
                        && !a.quoted_tok[j]
                });
                if they.is_some() && pron.is_none_or(|p| they > Some(p)) {
                    // "They" take the position of the last group or country that took one.
                    if !last_group.is_empty() {
                        push(last_group.clone(), None, strong);
                    }
                    continue;
                }
                if let Some(j) = pron {
                    // The speaker of the sentence's quote, else the last person named before.
                    let sp = sent_quotes.iter().find(|q| q.direct).and_then(|q| q.speaker.as_deref());
                    let g0 = a.ms.partition_point(|m| (m.t1 as usize) <= j);
                    // The antecedent is near: a bounded look back.
                    let back = &a.ms[g0.saturating_sub(LOOK_BACK)..g0];
                    who = back
                        .iter()
                        .rev()
                        .filter(|m| m.sense == Sense::Person)
                        .find(|m| sp.is_none_or(|s| m.canonical == s))
                        .or_else(|| back.iter().rev().find(|m| m.sense == Sense::Person));
                } else if let Some(m) = cand.filter(|m| !blocked && v - m.t1 as usize <= MAX_GAP) {
                    who = Some(m);
                }
            }
            if who.is_none() {
                let k = ms.partition_point(|m| (m.t0 as usize) <= v);
                let lim = if according { 2 } else { 4 };
                who = ms[k..].iter().take(2).find(|m| actor(m) && (m.t0 as usize) <= v + lim);
                if !according && who.is_some() && !t.has(w::SPEECH) {
                    who = None;
                }
            }
            if let Some(m) = who {
                subject = Some(m);
                let speaker = (m.sense == Sense::Person).then(|| m.canonical.clone());
                let mut parties = party_of(text, a, m, &aff);
                // Coordinated subjects share the stance: "Tokyo and Seoul welcomed …".
                let mut k = a.ms.partition_point(|x| x.t0 < m.t0);
                while k > 0 && k < a.ms.len() && m.sense != Sense::Person {
                    let (prev, cur) = (&a.ms[k - 1], &a.ms[k]);
                    let gap = cur.t0 as usize - prev.t1 as usize;
                    let joined = gap == 1 && matches!(a.toks[prev.t1 as usize].text(text), "and" | ",");
                    if !joined || prev.sense != m.sense || (prev.t0 as usize) < t0 {
                        break;
                    }
                    for p in party_of(text, a, prev, &aff) {
                        if !parties.contains(&p) {
                            parties.insert(0, p);
                        }
                    }
                    k -= 1;
                }
                if m.sense != Sense::Person && !parties.is_empty() {
                    last_group.clone_from(&parties);
                }
                push(parties, speaker, strong);
            }
        }
        // A stance named by its holder: "a U.S.-British proposal", "the backing of Syria".
        for (k, m) in ms.iter().enumerate() {
            if a.quoted_tok[m.t0 as usize] || !matches!(m.sense, Sense::Country | Sense::Org) {
                continue;
            }
            let e = m.t1 as usize;
            let noun_after = a.toks.get(e).is_some_and(|n| STANCE_NOUN.contains(n.text(text)))
                || a.toks.get(e).is_some_and(|n| matches!(n.text(text), "'s" | "’s"))
                    && a.toks.get(e + 1).is_some_and(|n| STANCE_NOUN.contains(n.text(text)));
            let s0 = m.t0 as usize;
            let noun_before = s0 >= 2
                && a.toks[s0 - 1].text(text) == "of"
                && STANCE_NOUN.contains(a.toks[s0 - 2].text(text))
                && (k == 0 || ms[k - 1].t1 as usize <= s0 - 2);
            if noun_after || noun_before {
                push(party_of(text, a, m, &aff), None, true);
            }
        }
        // A direct quote's speaker takes a position in the sentence it is in.
        for q in sent_quotes.iter().filter(|q| q.direct) {
            let Some(sp) = &q.speaker else { continue };
            let Some(p) = a.people.iter().position(|p| &p.name == sp) else { continue };
            push(aff[p].as_deref().map(party_name).into_iter().collect(), Some(sp.clone()), false);
        }
    }
    // An acronym the text spells out is listed under its full name.
    let names = full_names(text, a);
    let mut out: Vec<Stance> = Vec::new();
    for f in found {
        let party = names.iter().find(|(x, _)| *x == f.party).map_or(f.party, |(_, full)| full.clone());
        let has = out.iter().position(|s| s.party == party);
        // A weak point only as its party's first.
        if !f.strong && has.is_some() {
            continue;
        }
        let mut point = Point::new(&text[a.sents[f.sentence].clone()], f.sentence, 0.0);
        point.speaker = f.speaker;
        match has {
            Some(i) => out[i].points.push(point),
            None => out.push(Stance { party, points: vec![point], shown: true }),
        }
    }
    // Stable: ties keep first-appearance order.
    out.sort_by_key(|s| std::cmp::Reverse(s.points.len()));
    out
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    /// (party, sentence texts) of the positions of `text`.
    fn positions(text: &str) -> Vec<(String, Vec<String>)> {
        let line = serde_json::json!({ "text": text, "published": "2026-03-04" }).to_string();
        let doc = attache_parse::Document::new(attache_parse::read_json(&line).unwrap());
        let x = Extractor::new().extract(&doc);
        x.positions.into_iter().map(|s| (s.party, s.points.into_iter().map(|p| p.text).collect())).collect()
    }

    fn text_of_norway() -> String {
        "Norwegian Foreign Minister Ingrid Halvorsen said the talks must go on. \
         Halvorsen warned that the ceasefire was fragile."
            .to_string()
    }

    /// Who states each point of the first party.
    fn speakers(text: &str) -> Vec<Option<String>> {
        let line = serde_json::json!({ "text": text, "published": "2026-03-04" }).to_string();
        let doc = attache_parse::Document::new(attache_parse::read_json(&line).unwrap());
        let x = Extractor::new().extract(&doc);
        x.positions[0].points.iter().map(|p| p.speaker.clone()).collect()
    }

    fn points_of(ps: &[(String, Vec<String>)], party: &str) -> Vec<String> {
        ps.iter().find(|p| p.0 == party).map(|p| p.1.clone()).unwrap_or_default()
    }

    #[test]
    fn a_mention_is_not_a_position() {
        let ps = positions(
            "Trade between Brazil and Argentina grew last year. \
             Flights to Argentina resumed in March after a long strike.",
        );
        assert!(ps.is_empty(), "{ps:?}");
        // An action is not a stance.
        let ps = positions("Belarus closed two border crossings on Monday. Belarus reopened them later.");
        assert!(ps.is_empty(), "{ps:?}");
    }

    #[test]
    fn attributed_stances_of_countries() {
        let ps = positions(
            "Lithuania accused Belarus of pushing migrants across the border. \
             Belarus rejected the charge on Tuesday. \
             Trade between the two countries has fallen.",
        );
        assert_eq!(
            points_of(&ps, "Lithuania"),
            ["Lithuania accused Belarus of pushing migrants across the border."]
        );
        assert_eq!(points_of(&ps, "Belarus"), ["Belarus rejected the charge on Tuesday."]);
        // The party itself speaks: no person.
        assert_eq!(speakers("Lithuania accused Belarus of pushing migrants across the border."), [None]);
    }

    #[test]
    fn a_minister_speaks_for_the_country_in_the_title() {
        let ps = positions(
            "Norwegian Foreign Minister Ingrid Halvorsen said the talks must go on. \
             Halvorsen warned that the ceasefire was fragile.",
        );
        let norway = points_of(&ps, "Norway");
        assert_eq!(norway.len(), 2, "{ps:?}");
        assert!(norway[1].starts_with("Halvorsen warned"));
        assert_eq!(speakers(&text_of_norway()), vec![Some("Ingrid Halvorsen".to_string()); 2]);
    }

    #[test]
    fn an_organisation_and_its_officials_are_parties() {
        let ps = positions(
            "NATO Secretary-General Anders Lindqvist urged both sides to withdraw. \
             The U.N. Security Council demanded an immediate ceasefire.",
        );
        assert_eq!(points_of(&ps, "NATO").len(), 1, "{ps:?}");
        assert_eq!(points_of(&ps, "United Nations Security Council").len(), 1, "{ps:?}");
    }

    #[test]
    fn a_pronoun_speaks_for_the_last_person_named() {
        let ps = positions(
            "Greek Prime Minister Nikos Andreou arrived in Brussels on Monday. \
             He insisted that the debt deal be reopened.",
        );
        assert_eq!(points_of(&ps, "Greece"), ["He insisted that the debt deal be reopened."], "{ps:?}");
    }

    #[test]
    fn a_demonym_plural_against_something() {
        let ps = positions("The Russians are against any use of force in the region.");
        assert_eq!(points_of(&ps, "Russia").len(), 1, "{ps:?}");
    }

    #[test]
    fn a_plain_report_counts_only_as_the_first_point() {
        let ps = positions(
            "Belarus said the border would stay open. \
             Belarus said the harvest was poor this year. \
             Belarus rejected the new sanctions. \
             Belarus has long said the lake belongs to it.",
        );
        assert_eq!(
            points_of(&ps, "Belarus"),
            [
                "Belarus said the border would stay open.",
                "Belarus rejected the new sanctions.",
                "Belarus has long said the lake belongs to it."
            ],
            "{ps:?}"
        );
    }

    #[test]
    fn a_participle_clause_is_the_subject_s() {
        let ps = positions(
            "Spain and Portugal raised the pressure on President Ana Costa of Moldova, warning that sanctions were near.",
        );
        assert_eq!(points_of(&ps, "Spain").len(), 1, "{ps:?}");
        assert_eq!(points_of(&ps, "Portugal").len(), 1, "{ps:?}");
        assert!(points_of(&ps, "Moldova").is_empty(), "{ps:?}");
    }

    #[test]
    fn an_object_of_a_preposition_is_not_the_speaker() {
        let ps = positions("The talks were held at the invitation of Norway, the statement said.");
        assert!(points_of(&ps, "Norway").is_empty(), "{ps:?}");
        // The antecedent of "which" is the subject of its clause.
        let ps = positions(
            "Papers told of a split within the Ruritanian Liberation Front and said that its grip was weakening.",
        );
        assert!(ps.is_empty(), "{ps:?}");
        let ps = positions("The request came from Spain, which wants to question the general.");
        assert_eq!(points_of(&ps, "Spain").len(), 1, "{ps:?}");
    }

    #[test]
    fn an_acronym_takes_the_full_name() {
        let ps = positions(
            "The Ruritanian Liberation Front vowed to fight on. \
             Later the RLF rejected the offer of talks.",
        );
        assert_eq!(points_of(&ps, "Ruritanian Liberation Front").len(), 2, "{ps:?}");
    }
}
