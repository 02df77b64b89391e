//! Capitalised names of things that a person-shaped name could be taken for, read from the
//! words the news writes around them:
//! - the noun the name qualifies: "the Dravik news agency", "Hubei province", "the Solidarity
//!   movement", "a Lufthansa jet" (but "the Merkel government" is a leader's name
//!   before the body they lead, and stays open);
//! - the noun before it: "the newspaper Kommersant", "the daily Le Soir";
//! - an apposition that says what it is: "Orbitel, a Bulgarian cable firm";
//! - a weekday inside a title after a possessive or "the": "Lagos's Sunday Courier".
//!
//! Also the short apposition of a relative: "Smith's wife, Alma," names a person.
//! Each check looks at a few tokens next to one unknown run.

use super::{EntityType, Mention, Sense};
use crate::lexicon::w;
use crate::tok::{Tok, shape};

fn lower(t: &Tok, text: &str) -> bool {
    t.text(text).starts_with(|c: char| c.is_lowercase())
}

/// Nouns a leader's name qualifies: the name stays a name ("the Orbán government").
fn follower_noun(word: &str) -> bool {
    matches!(
        word,
        "government"
            | "administration"
            | "cabinet"
            | "camp"
            | "party"
            | "team"
            | "family"
            | "army"
            | "forces"
    )
}

/// The unknown run `[s, e)` is a thing, by the nouns around it; `None` when nothing says so.
pub(super) fn named_thing(text: &str, toks: &[Tok], s: usize, e: usize) -> Option<Mention> {
    let sent = toks[s].sent;
    let at = |i: usize| toks.get(i).filter(|t| t.sent == sent);
    let org = || Some(Mention::new(s, e, EntityType::Org, Sense::Org));
    let place = || Some(Mention::new(s, e, EntityType::Loc, Sense::Place));
    // A common word capitalised only because it opens the sentence ("Coast guard
    // vessels …") names nothing.
    if e == s + 1 && (s == 0 || toks[s - 1].sent != sent) && toks[s].known() != 0 {
        return None;
    }
    // The noun after it.
    if let Some(t) = at(e).filter(|t| lower(t, text)) {
        let word = t.text(text);
        if t.has(w::LOC_HEAD) {
            return place();
        }
        if t.has(w::ORG_HEAD) && !follower_noun(word) {
            return org();
        }
        // An airline: "a Zelmar jet", "the Zelmar bombing" (of its plane).
        if matches!(
            word,
            "passenger" | "plane" | "jet" | "jetliner" | "airliner" | "flight" | "flights" | "bombing"
        ) {
            return org();
        }
    }
    // The noun before it.
    if s > 0
        && let Some(p) = at(s - 1).filter(|t| lower(t, text))
        && matches!(
            p.text(text),
            "newspaper" | "daily" | "weekly" | "magazine" | "agency" | "broadcaster" | "network" | "firm"
        )
    {
        return org();
    }
    // A weekday in a title: "the Sunday Courier", "Moscow's Sunday Herald".
    if s >= 2
        && let Some(p) = at(s - 1).filter(|t| t.has(w::WEEKDAY) && t.is(shape::CAP))
        && toks[s - 2].sent == p.sent
        && (toks[s - 2].is(shape::POSS) || toks[s - 2].text(text).eq_ignore_ascii_case("the"))
    {
        return org();
    }
    // An apposition that says what it is: ", a Dutch shipping firm".
    if at(e).is_some_and(|t| t.text(text) == ",")
        && at(e + 1).is_some_and(|t| matches!(t.text(text), "a" | "an"))
    {
        let mut k = e + 2;
        while k < e + 8
            && at(k).is_some_and(|t| {
                t.is(shape::WORD)
                    && !t.has(w::LOC_PREP | w::CONNECTOR)
                    && !matches!(t.text(text), "that" | "which" | "who" | "based" | "with" | "for" | "on")
            })
        {
            k += 1;
        }
        let head = &toks[k - 1];
        if k > e + 2 && lower(head, text) {
            match head.text(text) {
                "colony" | "province" | "region" | "island" | "town" | "city" | "village" | "port" => {
                    return place();
                }
                "company" | "firm" | "corporation" | "agency" | "newspaper" | "daily" | "weekly"
                | "airline" | "bank" | "network" | "broadcaster" | "channel" | "station" | "organisation"
                | "organization" | "association" | "foundation" | "movement" | "group" | "party" => {
                    return org();
                }
                _ => {}
            }
        }
    }
    None
}

/// The relatives whose names follow them in apposition.
fn relative(word: &str) -> bool {
    matches!(
        word,
        "wife"
            | "husband"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "father"
            | "mother"
            | "widow"
            | "nephew"
            | "niece"
            | "cousin"
    )
}

/// "Her husband, Alan," "the general's son, Marco, said": a short name after a relative and a
/// comma, closed by punctuation or a speech verb, is a person of its own.
/// Returns the relative's word ("husband"), which is the person's role when no office is given.
pub(super) fn relative_apposition<'t>(text: &'t str, toks: &[Tok], s: usize, e: usize) -> Option<&'t str> {
    let sent = toks[s].sent;
    let at = |i: usize| toks.get(i).filter(|t| t.sent == sent);
    let ok = e - s <= 2
        && s >= 2
        && at(s - 1).is_some_and(|t| t.text(text) == ",")
        && at(s - 2).is_some_and(|t| lower(t, text) && relative(t.text(text)))
        && at(e).is_none_or(|t| t.is(shape::PUNCT) || t.has(w::SPEECH));
    ok.then(|| toks[s - 2].text(text))
}

#[cfg(test)]
mod tests {
    use crate::EntityType::{Loc, Org, Per};
    use crate::testutil::typed;

    #[test]
    fn the_noun_a_name_qualifies_says_what_it_is() {
        assert_eq!(typed("Floods hit Quvaro province on Monday."), [("Quvaro".into(), Loc)]);
        assert_eq!(typed("The Dravik news agency said nothing."), [("Dravik".into(), Org)]);
        assert_eq!(typed("A bomb downed a Zelmar passenger plane."), [("Zelmar".into(), Org)]);
        assert_eq!(
            typed("Libya paid for the Zelmar bombing."),
            [("Libya".into(), Loc), ("Zelmar".into(), Org)]
        );
    }

    #[test]
    fn a_leaders_name_before_his_government_stays_a_name() {
        let t = typed("Critics of the Okonkwo government met on Monday.");
        assert!(t.iter().all(|(n, ty)| n != "Okonkwo" || *ty != Org), "{t:?}");
    }

    #[test]
    fn a_publication_after_its_kind_or_with_a_weekday() {
        assert_eq!(typed("An editor of the newspaper Vestrovia wrote."), [("Vestrovia".into(), Org)]);
        let t = typed("Bergen's Sunday Posten reported the deal.");
        assert!(t.contains(&("Posten".into(), Org)), "{t:?}");
    }

    #[test]
    fn an_apposition_naming_a_company() {
        let t = typed("They worked for Kelvar Netcom, a Danish cable firm, in the city.");
        assert_eq!(t[0], ("Kelvar Netcom".into(), Org));
        let t = typed("Tom Varga, a senior analyst at the ministry, said talks would go on.");
        assert_eq!(t[0], ("Tom Varga".into(), Per));
        let t = typed("Omar Begic, a prison guard, was convicted.");
        assert_eq!(t[0], ("Omar Begic".into(), Per));
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_organisation() {
        let t = typed("Border police patrols were doubled. Coast guard boats left the port.");
        assert!(t.iter().all(|(n, _)| n != "Coast"), "{t:?}");
    }

    #[test]
    fn a_relative_named_in_apposition_is_a_person() {
        let t = typed("The senator and her husband, Alan, dined with friends.");
        assert_eq!(t, [("Alan".into(), Per)]);
        let a = crate::testutil::analysed("The senator and her husband, Alan, dined with friends.");
        assert_eq!(a.ms[0].role.as_deref(), Some("husband"));
        let a = crate::testutil::analysed("The senator and her husband, Alan Moss, dined with friends.");
        assert_eq!(a.ms[0].role.as_deref(), None, "a full name may hold an office");
    }
}
