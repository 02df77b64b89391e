//! Sourcing: how an article knows what each sentence says.
//!
//! Every sentence gets a [`Sourcing`]: attributed to a named person or body,
//! to officials, to state media, to unnamed sources, or unattributed (the
//! article's own voice), with the hedges that qualify it ("reportedly",
//! "allegedly", "is expected to", "according to"). The cues are the ones wire
//! copy uses: a speech verb with its subject ("the ministry said", "said Ana
//! Ruiz", "he told reporters"), "according to X", a quotation with its
//! speaker, descriptions of anonymity ("speaking on condition of anonymity",
//! "who asked not to be named") and of state outlets ("state television",
//! "the official news agency").
//!
//! One pass over each sentence's tokens; words inside quotation marks are
//! what someone said, not how the article knows it, and are skipped.

use attache_model::{Attribution, Sourcing};

use crate::analysis::Analysis;
use crate::entity::Sense;
use std::sync::LazyLock;

use crate::lexicon::{WordSet, w};

/// Verbs that attribute what a sentence reports to a source ("said",
/// "told", "reported"); verbs of asking or urging do not.
const ATTRIBUTION_VERBS: &str = "said says say told tells added adds stated states announced announces \
    reported reports claimed claims declared declares confirmed confirms insisted insists warned warns \
    noted notes wrote writes tweeted posted explained acknowledged admitted alleged quoted cited \
    disclosed revealed estimated";

/// Words that hedge a claim by themselves.
const HEDGE_WORDS: &str = "reportedly allegedly purportedly apparently supposedly unconfirmed possibly";

/// `… to` phrases after a form of "be" that hedge a claim: "is expected to".
const HEDGE_BE_TO: &str = "expected believed thought said understood alleged reported";

/// Words after which a sentence's source is anonymous whatever its head:
/// "on condition of anonymity", "an unnamed diplomat", "not to be named".
const ANONYMOUS: &str = "anonymity anonymous unnamed unidentified";

/// Words that can open a state outlet: "state television", "the official
/// news agency".
const STATE_WORDS: &str = "state state-run state-owned state-controlled official";

/// Every word a rule of this module starts from, flagged
/// [`w::SOURCE_CUE`] in the lexicon: a token without the flag is passed
/// over with one bit test.
pub(crate) const CUE_WORDS: [&str; 6] =
    [ATTRIBUTION_VERBS, HEDGE_WORDS, HEDGE_BE_TO, ANONYMOUS, STATE_WORDS, "according not"];

/// Heads of an unnamed official source ("officials said", "a spokesman said").
static OFFICIAL_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        "official officials spokesman spokeswoman spokesperson spokesmen authorities ministry \
         government police military army embassy administration",
    )
});

/// Heads of an unnamed source ("diplomats said", "sources told").
static UNNAMED_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        "source sources diplomat diplomats insider insiders witness witnesses resident residents \
         analysts people aides aide",
    )
});

/// Outlets of the state: "state television", "state-run media", "the
/// official news agency".
static STATE_OUTLETS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new("media television tv radio broadcaster agency newspaper press news outlet outlets")
});

/// The word lists that decide what a cue word does.
static HEDGES: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEDGE_WORDS));
static HEDGES_BE_TO: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEDGE_BE_TO));
static ANONYMITY: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ANONYMOUS));
static STATE: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STATE_WORDS));
static ATTRIBUTING: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ATTRIBUTION_VERBS));

/// The sourcing of every sentence of the analysed text, by sentence index.
pub(crate) fn sourcing(text: &str, a: &Analysis, quote_speakers: &[(usize, &str)]) -> Vec<Sourcing> {
    let mut out = Vec::with_capacity(a.sents.len());
    let mut ti = 0;
    for si in 0..a.sents.len() {
        let t0 = ti;
        while ti < a.toks.len() && a.toks[ti].sent as usize == si {
            ti += 1;
        }
        let quoted = quote_speakers.iter().find(|(s, _)| *s == si).map(|(_, sp)| *sp);
        out.push(sentence(text, a, t0..ti, quoted));
    }
    out
}

/// The sourcing of the sentence made of tokens `r`, whose quotation (if
/// any) is attributed to `quoted`.
fn sentence<'t>(text: &'t str, a: &Analysis, r: std::ops::Range<usize>, quoted: Option<&str>) -> Sourcing {
    let toks = &a.toks[r.clone()];
    let word = |k: usize| -> &'t str { toks.get(k).map_or("", |t| t.text(text)) };
    let is = |k: usize, x: &str| word(k).eq_ignore_ascii_case(x);
    let outside = |k: usize| !a.quoted_tok[r.start + k];
    let mut hedges: Vec<String> = Vec::new();
    let mut hedge = |h: String| {
        if !hedges.contains(&h) {
            hedges.push(h);
        }
    };
    let (mut anonymous, mut state, mut according) = (false, false, None);
    let mut verb = None;
    for (k, t) in toks.iter().enumerate() {
        // One bit test turns away the words that cue nothing.
        if !t.has(w::SOURCE_CUE) || !outside(k) {
            continue;
        }
        let l = word(k);
        if HEDGES.contains(l) {
            hedge(l.to_ascii_lowercase());
        } else if HEDGES_BE_TO.contains(l)
            && k > 0
            && ["is", "are", "was", "were", "be", "been"].iter().any(|b| is(k - 1, b))
            && is(k + 1, "to")
        {
            hedge(format!("{} to", l.to_ascii_lowercase()));
        } else if l.eq_ignore_ascii_case("according") && is(k + 1, "to") {
            hedge("according to".into());
            according = according.or(Some(k + 2));
        } else if ANONYMITY.contains(l)
            || (l.eq_ignore_ascii_case("not") && is(k + 1, "to") && is(k + 2, "be"))
        {
            anonymous = true;
        } else if STATE.contains(l)
            && (1..=2).any(|d| STATE_OUTLETS.contains(word(k + d)))
            // "official news agency", not "an official said"
            && !(l.eq_ignore_ascii_case("official") && !(is(k + 1, "news") || is(k + 1, "media")))
        {
            state = true;
        } else if verb.is_none() && t.has(w::SPEECH | w::GOV_VERB) && !t.capword() && ATTRIBUTING.contains(l)
        {
            verb = Some(k);
        }
    }
    let (kind, by) = if state {
        (Attribution::StateMedia, body_near(a, r.clone(), according.or(verb)))
    } else if anonymous {
        (Attribution::Unnamed, None)
    } else if let Some(k) = according {
        source_at(a, r.clone(), k, k + 6, &word)
    } else if let Some(sp) = quoted {
        (Attribution::Named, Some(sp.to_string()))
    } else if let Some(v) = verb {
        speaker_of(a, r.clone(), v, &word)
    } else {
        (Attribution::Unattributed, None)
    };
    let mut tag = match (&by, kind) {
        (Some(b), Attribution::Named) => short(b, a),
        (Some(b), Attribution::StateMedia) => format!("state media: {b}"),
        _ => kind.label().to_string(),
    };
    if !hedges.is_empty() {
        tag.push_str("; ");
        tag.push_str(&hedges.join(", "));
    }
    Sourcing { kind, by, hedges, tag }
}

/// A named person goes by the last word of their name ("Lavrov"); a body by
/// its name.
fn short(by: &str, a: &Analysis) -> String {
    let person = a.people.iter().any(|p| p.name == by);
    match by.rsplit(' ').next() {
        Some(last) if person => last.to_string(),
        _ => by.to_string(),
    }
}

/// The person, organisation or country mentioned in tokens `from..to` of the
/// sentence `r` (relative indices), first one first.
fn mention_in<'a>(a: &'a Analysis, r: &std::ops::Range<usize>, from: usize, to: usize) -> Option<&'a str> {
    let (from, to) = (r.start + from, (r.start + to).min(r.end));
    let first = a.ms.partition_point(|m| (m.t0 as usize) < from);
    a.ms[first..]
        .iter()
        .take_while(|m| (m.t1 as usize) <= to)
        .find(|m| {
            !a.quoted_tok[m.t0 as usize] && matches!(m.sense, Sense::Person | Sense::Org | Sense::Country)
        })
        .map(|m| m.canonical.as_str())
}

/// The nearest mention before `k` in the sentence (the subject of a verb).
fn mention_before<'a>(a: &'a Analysis, r: &std::ops::Range<usize>, k: usize) -> Option<&'a str> {
    let end = r.start + k;
    let first = a.ms.partition_point(|m| (m.t0 as usize) < r.start);
    a.ms[first..]
        .iter()
        .take_while(|m| (m.t1 as usize) <= end)
        .filter(|m| {
            !a.quoted_tok[m.t0 as usize] && matches!(m.sense, Sense::Person | Sense::Org | Sense::Country)
        })
        .last()
        .map(|m| m.canonical.as_str())
}

/// The source named from token `k` on ("according to the ministry"), up to
/// token `end`: a mention, else an official or unnamed head.
fn source_at<'t>(
    a: &Analysis,
    r: std::ops::Range<usize>,
    k: usize,
    end: usize,
    word: &dyn Fn(usize) -> &'t str,
) -> (Attribution, Option<String>) {
    if let Some(m) = mention_in(a, &r, k, end) {
        return (Attribution::Named, Some(m.to_string()));
    }
    head_kind((k..end.min(r.len())).map(word)).unwrap_or((Attribution::Unnamed, None))
}

/// An official or unnamed head among `words`.
fn head_kind<'w>(words: impl Iterator<Item = &'w str>) -> Option<(Attribution, Option<String>)> {
    for l in words {
        if OFFICIAL_HEADS.contains(l) {
            return Some((Attribution::Officials, None));
        }
        if UNNAMED_HEADS.contains(l) {
            return Some((Attribution::Unnamed, None));
        }
    }
    None
}

/// Who speaks through the speech verb at token `v`: the subject before it
/// ("the ministry said"), the name after it ("said Ana Ruiz"), a pronoun's
/// last named person, or an unnamed head ("officials said").
fn speaker_of<'t>(
    a: &Analysis,
    r: std::ops::Range<usize>,
    v: usize,
    word: &dyn Fn(usize) -> &'t str,
) -> (Attribution, Option<String>) {
    // An unnamed head right before the verb wins over a name earlier in the
    // sentence: "Talks with Iran stalled, officials said."
    let near = v.saturating_sub(3);
    if let Some(h) = head_kind((near..v).rev().map(word))
        && mention_in(a, &r, near, v).is_none()
    {
        return h;
    }
    // "Ana Ruiz, an analyst at the Lima Institute, said": the subject is
    // the person before the apposition, not the body inside it.
    if v > 0 && word(v - 1) == "," {
        let first = a.ms.partition_point(|m| (m.t0 as usize) < r.start);
        let subject = a.ms[first..]
            .iter()
            .take_while(|m| (m.t1 as usize) <= r.start + v)
            .find(|m| !a.quoted_tok[m.t0 as usize] && m.sense == Sense::Person);
        if let Some(m) = subject {
            return (Attribution::Named, Some(m.canonical.clone()));
        }
    }
    if let Some(m) = mention_before(a, &r, v) {
        return (Attribution::Named, Some(m.to_string()));
    }
    if let Some(m) = mention_in(a, &r, v + 1, v + 5) {
        return (Attribution::Named, Some(m.to_string()));
    }
    if let Some(h) = head_kind((v + 1..(v + 5).min(r.len())).map(word)) {
        return h;
    }
    let pronoun = (near..v).any(|k| a.toks[r.start + k].has(w::PRONOUN_PER));
    if pronoun {
        let before = a.ms.partition_point(|m| (m.t0 as usize) < r.start);
        if let Some(m) = a.ms[..before].iter().rev().find(|m| m.sense == Sense::Person) {
            return (Attribution::Named, Some(m.canonical.clone()));
        }
    }
    (Attribution::Unattributed, None)
}

/// The outlet named near token `k` ("Xinhua", "Iran's state television").
fn body_near(a: &Analysis, r: std::ops::Range<usize>, k: Option<usize>) -> Option<String> {
    let first = a.ms.partition_point(|m| (m.t0 as usize) < r.start);
    let k = r.start + k.unwrap_or(0);
    a.ms[first..]
        .iter()
        .take_while(|m| (m.t0 as usize) < r.end)
        .filter(|m| m.sense == Sense::Org && !a.quoted_tok[m.t0 as usize])
        .min_by_key(|m| (m.t0 as usize).abs_diff(k))
        .map(|m| m.canonical.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::analysed;

    /// The sourcing of each sentence of `text` (one sentence per line), as
    /// (kind, by, tag).
    fn of(text: &str) -> Vec<(Attribution, Option<String>, String)> {
        let a = analysed(text);
        let spoken: Vec<(usize, String)> = a
            .segs
            .iter()
            .zip(&a.speakers)
            .filter_map(|(s, sp)| Some((crate::analysis::sentence_of(&a, s.span.start), sp.clone()?)))
            .collect();
        let spoken: Vec<(usize, &str)> = spoken.iter().map(|(s, sp)| (*s, sp.as_str())).collect();
        sourcing(text, &a, &spoken).into_iter().map(|s| (s.kind, s.by, s.tag)).collect()
    }

    fn one(text: &str) -> (Attribution, Option<String>, String) {
        of(text).remove(0)
    }

    #[test]
    fn a_named_speaker_is_the_source() {
        let (k, by, tag) = one("Foreign Minister Ana Ruiz said the talks would resume in Lima.");
        assert_eq!((k, by.as_deref(), tag.as_str()), (Attribution::Named, Some("Ana Ruiz"), "Ruiz"));
        let (k, by, _) = one("The talks would resume in Lima, said Ana Ruiz, the foreign minister.");
        assert_eq!((k, by.as_deref()), (Attribution::Named, Some("Ana Ruiz")));
    }

    #[test]
    fn the_subject_before_an_apposition_is_the_source() {
        let (k, by, _) = one("Ana Ruiz, an analyst at the Lima Institute, said the talks were useful.");
        assert_eq!((k, by.as_deref()), (Attribution::Named, Some("Ana Ruiz")));
    }

    #[test]
    fn a_pronoun_speaker_is_the_last_person_named() {
        let v = of("Ana Ruiz arrived in Lima on Monday.\nShe said the border would stay open.");
        assert_eq!((v[1].0, v[1].1.as_deref()), (Attribution::Named, Some("Ana Ruiz")));
    }

    #[test]
    fn according_to_names_the_source_and_is_a_hedge() {
        let (k, by, tag) = one("The convoy was stopped at the border, according to the Red Cross.");
        assert_eq!(k, Attribution::Named);
        assert!(by.as_deref().is_some_and(|b| b.contains("Red Cross")), "{by:?}");
        assert!(tag.ends_with("; according to"), "{tag}");
    }

    #[test]
    fn unnamed_officials_and_sources() {
        assert_eq!(one("Talks with the rebels stalled on Friday, officials said.").0, Attribution::Officials);
        assert_eq!(one("A government spokesman said the curfew would be lifted.").0, Attribution::Officials);
        assert_eq!(one("Two diplomats said the draft had been withdrawn.").0, Attribution::Unnamed);
        let (k, _, tag) =
            one("An official, speaking on condition of anonymity, said the envoy had resigned.");
        assert_eq!((k, tag.as_str()), (Attribution::Unnamed, "unnamed sources"));
    }

    #[test]
    fn state_media() {
        assert_eq!(
            one("State television said the president had returned to the capital.").0,
            Attribution::StateMedia
        );
        assert_eq!(
            one("The official news agency reported that the dam had been repaired.").0,
            Attribution::StateMedia
        );
        // "An official said" is an official, not an outlet.
        assert_eq!(one("An official said the dam had been repaired.").0, Attribution::Officials);
    }

    #[test]
    fn the_articles_own_voice_is_unattributed_and_hedges_stay_visible() {
        let (k, by, tag) = one("The ceasefire took effect at midnight along the whole front.");
        assert_eq!((k, by, tag.as_str()), (Attribution::Unattributed, None, "unattributed"));
        let (_, _, tag) =
            one("The rebels reportedly seized two villages, and the army is expected to respond.");
        assert_eq!(tag, "unattributed; reportedly, expected to");
        let (_, _, tag) = one("The general allegedly ordered the raid.");
        assert_eq!(tag, "unattributed; allegedly");
    }

    #[test]
    fn words_inside_quotation_marks_are_not_the_source() {
        // "reportedly" and "officials said" are the speaker's words here.
        let (k, by, tag) = one("“Officials said it reportedly failed,” Ana Ruiz told reporters.");
        assert_eq!((k, by.as_deref(), tag.as_str()), (Attribution::Named, Some("Ana Ruiz"), "Ruiz"));
    }
}
