//! The grammar of a speaker: the subject before a speech verb (past
//! auxiliaries, parentheses, appositions and relative clauses), the subject
//! after it ("said X"), speaker noun phrases, and pronouns resolved to the
//! person they stand for.

use std::ops::Range;

use super::{BEFORE_VERB, Ctx, SPEAKER_NOUN_SET, Speaker, is_determiner};
use crate::entity::{EntityType, Mention, PersonCluster, Sense};
use crate::lexicon::w;
use crate::tok::shape;

impl Ctx<'_> {
    // Mentions are in reading order and do not overlap: binary searches.
    pub(super) fn mention_ending_at(&self, t_end: usize) -> Option<usize> {
        let i = self.ms.partition_point(|m| (m.t1 as usize) < t_end);
        (self.ms.get(i)?.t1 as usize == t_end).then_some(i)
    }
    pub(super) fn mention_starting_at(&self, t: usize) -> Option<usize> {
        let i = self.ms.partition_point(|m| (m.t0 as usize) < t);
        (self.ms.get(i)?.t0 as usize == t).then_some(i)
    }
    /// Index of the first mention starting at or after token `t`.
    pub(super) fn mentions_from(&self, t: usize) -> usize {
        self.ms.partition_point(|m| (m.t0 as usize) < t)
    }

    /// The subject before token `v` (a speech verb), within its clause.
    pub(super) fn subject_before(&self, v: usize, floor: usize) -> Option<Speaker> {
        if v == 0 || v <= floor {
            return None;
        }
        let mut k = v;
        // Skip auxiliaries and adverbs: "has said", "also said", "later told".
        while k > floor + 1 && BEFORE_VERB.contains(self.toks[k - 1].text(self.text)) {
            k -= 1;
        }
        // A parenthesis before the verb: "Rep. Gwen Moore (D-Wis.) said".
        if self.toks[k - 1].text(self.text) == ")" {
            let mut o = k - 1;
            while o > floor && self.toks[o].text(self.text) != "(" && k - o < 8 {
                o -= 1;
            }
            if self.toks[o].text(self.text) == "(" && o > floor {
                k = o;
            }
        }
        // A participle ("…, saying", "…, adding") takes the main clause's subject.
        let vt = self.toks[v].text(self.text);
        if vt.ends_with("ing") && self.toks[k - 1].text(self.text) == "," {
            let acts = |m: &Mention| {
                self.toks
                    .get(m.t1 as usize)
                    .is_some_and(|t| t.is(shape::WORD) && !t.is(shape::CAP) && !t.has(w::STOP))
            };
            if let Some(mi) = self.ms.iter().position(|m| {
                (m.t0 as usize) >= floor
                    && (m.t1 as usize) < k
                    && matches!(m.sense, Sense::Person | Sense::Org | Sense::Country)
                    && acts(m)
                    && !self.in_quote(self.toks[m.t0 as usize].s as usize)
            }) {
                return Some(Speaker::Mention(mi));
            }
        }
        let p = &self.toks[k - 1];
        if p.has(w::PRONOUN_PER | w::PRONOUN_GRP) {
            return Some(Speaker::Phrase((k - 1)..k));
        }
        // Apposition: "Jaishankar, India's foreign minister, said" or
        // "the White House spokesman, Josh Earnest, said".
        if p.text(self.text) == "," {
            let mut c = k - 1;
            while c > floor && self.toks[c - 1].text(self.text) != "," && k - c < 14 {
                c -= 1;
            }
            if c > floor && self.toks[c - 1].text(self.text) == "," {
                if let Some(mi) = self
                    .ms
                    .iter()
                    .position(|m| m.t0 as usize == c && m.t1 as usize == k - 1 && m.ty == EntityType::Per)
                {
                    return Some(Speaker::Mention(mi));
                }
                if c >= 2 {
                    if let Some(mi) = self.mention_ending_at(c - 1) {
                        return Some(Speaker::Mention(mi));
                    }
                    return self.subject_before(c - 1, floor);
                }
            }
            return None;
        }
        if let Some(mi) = self.mention_ending_at(k) {
            return Some(Speaker::Mention(mi));
        }
        // A relative clause: "a White House official who spoke anonymously said".
        let mut r = k;
        while r > floor + 1 && k - r < 14 {
            let t = &self.toks[r - 1];
            if t.is(shape::PUNCT) && !t.is(shape::POSS) {
                break;
            }
            let l = t.text(self.text);
            if l == "who" || l == "which" {
                if let Some(sp) = self.subject_before(r - 1, floor) {
                    return Some(sp);
                }
                break;
            }
            r -= 1;
        }
        // A noun phrase back to the clause start: "a ministry spokesman".
        let mut s = k;
        while s > floor && k - s < 10 {
            let t = &self.toks[s - 1];
            if t.is(shape::PUNCT) && !t.is(shape::POSS) || t.has(w::SPEECH) {
                break;
            }
            s -= 1;
        }
        self.noun_phrase(s, k)
    }

    /// A speaker noun phrase over tokens `[s, k)`: a person named at its head, or the
    /// phrase itself when it starts with a determiner or holds a speaker noun.
    pub(super) fn noun_phrase(&self, s: usize, k: usize) -> Option<Speaker> {
        if s >= k || !self.toks[s..k].iter().any(|t| t.is(shape::WORD) && !t.has(w::STOP)) {
            return None;
        }
        let prep_at = (s..k).find(|&i| {
            matches!(
                self.toks[i].text(self.text),
                "of" | "with"
                    | "for"
                    | "from"
                    | "at"
                    | "in"
                    | "on"
                    | "by"
                    | "about"
                    | "to"
                    | "familiar"
                    | "close"
            )
        });
        let head_end = prep_at.unwrap_or(k);
        // A person or organisation in the head of the phrase (not after "of", "with").
        let det_start = is_determiner(self.toks[s].text(self.text));
        if let Some(mi) = self.ms.iter().rposition(|m| {
            (m.t0 as usize) >= s
                && (m.t0 as usize) < head_end
                && (m.t1 as usize) <= k
                && m.ty == EntityType::Per
                && (!det_start
                    || m.t1 as usize == head_end
                    || self.toks.get(m.t1 as usize).is_some_and(|t| t.is(shape::PUNCT)))
        }) {
            return Some(Speaker::Mention(mi));
        }
        if let Some(mi) = self.ms.iter().rposition(|m| (m.t0 as usize) >= s && (m.t1 as usize) == k)
            && prep_at.is_none()
        {
            return Some(Speaker::Mention(mi));
        }
        let mut d = s;
        while d < k && !is_determiner(self.toks[d].text(self.text)) {
            d += 1;
        }
        let nounish = self.toks[s..k]
            .iter()
            .any(|t| t.has(w::TITLE_HEAD) || SPEAKER_NOUN_SET.contains(t.text(self.text)));
        if nounish {
            return Some(Speaker::Phrase(if d < k { d..k } else { s..k }));
        }
        if d < k && k - d <= 4 && d + 1 < k {
            return Some(Speaker::Phrase(d..k));
        }
        None
    }

    /// The subject after token `v` ("said Guterres", "said the foreign minister").
    pub(super) fn subject_after(&self, v: usize, ceil: usize) -> Option<Speaker> {
        let k = v + 1;
        if k >= ceil {
            return None;
        }
        let t = &self.toks[k];
        if t.has(w::PRONOUN_PER | w::PRONOUN_GRP) {
            return Some(Speaker::Phrase(k..k + 1));
        }
        if t.has(w::WEEKDAY | w::MONTH)
            || matches!(t.text(self.text), "on" | "in" | "last" | "this" | "that" | "to" | "at")
        {
            return None;
        }
        // "said presiding Judge Ann Okoro", "said State Department Spokesman James Rubin".
        if let Some(mi) = self.person_after_titles(k, ceil) {
            return Some(Speaker::Mention(mi));
        }
        if let Some(mi) = self.mention_starting_at(k).filter(|&mi| self.ms[mi].ty != EntityType::Misc) {
            return Some(Speaker::Mention(mi));
        }
        let mut e = k;
        while e < ceil && e - k < 9 {
            let u = &self.toks[e];
            if u.is(shape::PUNCT) && !u.is(shape::POSS)
                || u.has(w::SPEECH)
                || matches!(u.text(self.text), "who" | "which" | "that")
            {
                break;
            }
            e += 1;
        }
        if is_determiner(self.toks[k].text(self.text)) || self.toks[k].is(shape::CAP) {
            // "said his wife, Lin Mei": the name.
            if let Some(mi) = self.apposed_person(e) {
                return Some(Speaker::Mention(mi));
            }
            return self.noun_phrase(k, e);
        }
        None
    }

    /// "quoted X as saying": X, for the token `k` of "quoted".
    pub(super) fn quoted_as(&self, k: usize) -> Option<Speaker> {
        if self.toks.get(k)?.text(self.text) != "quoted" {
            return None;
        }
        let end = (k + 12).min(self.toks.len().saturating_sub(1));
        let as_at = (k + 2..end)
            .find(|&j| self.toks[j].text(self.text) == "as" && self.toks[j + 1].has(w::SPEECH))?;
        self.person_after_titles(k + 1, as_at)
            .or_else(|| self.mention_starting_at(k + 1).filter(|&mi| (self.ms[mi].t1 as usize) <= as_at))
            .map(Speaker::Mention)
            .or_else(|| self.noun_phrase(k + 1, as_at))
    }

    /// A person named after a run of title words from token `k` (at most five: capitalised
    /// words, titles, "of"): "presiding Judge Ann Okoro", "EU Trade Commissioner Piet Smit".
    pub(super) fn person_after_titles(&self, k: usize, ceil: usize) -> Option<usize> {
        if self.toks.get(k).is_none_or(|t| matches!(t.text(self.text), "of" | "for")) {
            return None;
        }
        let mut j = k;
        while j < ceil && j - k <= 5 {
            if let Some(mi) = self.mention_starting_at(j)
                && self.ms[mi].ty == EntityType::Per
            {
                return (j > k || self.ms[mi].sense == Sense::Person).then_some(mi);
            }
            let t = &self.toks[j];
            // Any describing word but a verb or a function word: "9/11 widow Ann Okoro".
            let tx = t.text(self.text);
            let titleish = matches!(tx, "of" | "for" | "/")
                || tx.bytes().any(|b| b.is_ascii_digit())
                || !t.has(w::SPEECH | w::STOP | w::GOV_VERB) && t.is(shape::WORD);
            if !titleish {
                return None;
            }
            j += 1;
        }
        None
    }

    pub(crate) fn in_quote(&self, b: usize) -> bool {
        self.quoted.iter().any(|r| r.start <= b && b < r.end)
    }

    /// The person a "he" or "she" before token `before_tok` most likely means: the latest
    /// person who is the subject of a clause (first person of the sentence, or followed by
    /// a verb), outside quotes, else the latest person named.
    pub(crate) fn resolve_person(&self, before_tok: usize) -> Option<&Mention> {
        let sent_now = self.toks.get(before_tok.min(self.toks.len().saturating_sub(1)))?.sent;
        let mut fallback = None;
        for (idx, m) in self.ms.iter().enumerate().rev() {
            if (m.t1 as usize) > before_tok || m.ty != EntityType::Per {
                continue;
            }
            let t0 = &self.toks[m.t0 as usize];
            if sent_now.saturating_sub(t0.sent) > 6 {
                break;
            }
            if self.in_quote(t0.s as usize) {
                continue;
            }
            fallback.get_or_insert(m);
            let first_in_sent = !self.ms[..idx]
                .iter()
                .rev()
                .take_while(|o| self.toks[o.t0 as usize].sent == t0.sent)
                .any(|o| o.ty == EntityType::Per && !self.in_quote(self.toks[o.t0 as usize].s as usize));
            // "Ray Verth, said" and "Rubin also said" count as the subject too.
            let mut a = m.t1 as usize;
            while self
                .toks
                .get(a)
                .is_some_and(|t| t.text(self.text) == "," || BEFORE_VERB.contains(t.text(self.text)))
                && a < m.t1 as usize + 2
            {
                a += 1;
            }
            let verb_after = self
                .toks
                .get(a)
                .is_some_and(|v| (v.has(w::SPEECH) || v.has(w::GOV_VERB)) && !v.is(shape::CAP));
            // A sentence whose subject is a pronoun ("He said he was going at the request of
            // Netanyahu") continues the chain: its first name is an object.
            let sent_start =
                self.toks[..m.t0 as usize].iter().rposition(|t| t.sent != t0.sent).map_or(0, |p| p + 1);
            let pronoun_subject = self.toks[sent_start..m.t0 as usize]
                .iter()
                .any(|t| t.has(w::PRONOUN_PER) && !self.in_quote(t.s as usize));
            if verb_after || first_in_sent && !pronoun_subject {
                return Some(m);
            }
        }
        fallback
    }

    /// Resolve a speaker to its display name, following pronouns and titles.
    pub(crate) fn display(&self, sp: &Speaker, before_tok: usize) -> Option<String> {
        match sp {
            Speaker::Mention(mi) => self.mention_name(*mi),
            Speaker::Phrase(r) => {
                let t = &self.toks[r.start];
                if r.len() == 1 && t.has(w::PRONOUN_PER) {
                    let m = self.resolve_person(before_tok)?;
                    return self
                        .ms
                        .iter()
                        .position(|o| std::ptr::eq(o, m))
                        .and_then(|mi| self.mention_name(mi));
                }
                if r.len() == 1 && t.has(w::PRONOUN_GRP) {
                    let lw = t.text(self.text).to_ascii_lowercase();
                    if lw == "we" {
                        return None;
                    }
                    return self
                        .ms
                        .iter()
                        .rev()
                        .find(|m| {
                            (m.t1 as usize) <= before_tok
                                && (m.sense == Sense::Org || m.sense == Sense::Country)
                        })
                        .map(|m| m.canonical.clone());
                }
                let phrase = &self.text[self.toks[r.start].s as usize..self.toks[r.end - 1].e as usize];
                // A title alone, linked when one person holds it: "the foreign minister".
                let low = phrase.to_lowercase();
                let low = low.trim_start_matches("the ").trim_start_matches("a ").trim_start_matches("an ");
                let holders: Vec<&PersonCluster> = self
                    .people
                    .iter()
                    .filter(|p| p.role.as_ref().is_some_and(|r| r.to_lowercase().ends_with(low)))
                    .collect();
                if holders.len() == 1 {
                    return Some(holders[0].name.clone());
                }
                if let Some(named) = self.describe(r, before_tok) {
                    return named;
                }
                Some(phrase.to_string())
            }
        }
    }

    /// Token range of the clause-level sentence holding token `t`: bounded by the
    /// paragraph and by stand-alone `.`, `!`, `?` tokens (abbreviation periods stay
    /// inside their words, so "Ms." or "Sen." never end it).
    pub(super) fn sentence_toks(&self, t: usize) -> Range<usize> {
        let end_mark = |k: usize| matches!(self.toks[k].text(self.text), "." | "!" | "?");
        let para_break =
            |a: usize, b: usize| self.text[self.toks[a].e as usize..self.toks[b].s as usize].contains('\n');
        let mut a = t;
        while a > 0 && !end_mark(a - 1) && !para_break(a - 1, a) {
            a -= 1;
        }
        let mut b = t;
        while b < self.toks.len() && !end_mark(b) && !(b > t && para_break(b - 1, b)) {
            b += 1;
        }
        a..b.min(self.toks.len())
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::quotes;

    fn speaker(text: &str) -> Option<String> {
        quotes(text).into_iter().next().and_then(|q| q.1)
    }

    #[test]
    fn subject_before_and_after_the_verb() {
        assert_eq!(speaker("“We will win this vote,” said Maria Lopez.").as_deref(), Some("Maria Lopez"));
        assert_eq!(speaker("“We will win this vote,” Maria Lopez said.").as_deref(), Some("Maria Lopez"));
        assert_eq!(
            speaker("“We will win this vote,” Maria Lopez has also said.").as_deref(),
            Some("Maria Lopez")
        );
    }

    #[test]
    fn a_pronoun_resolves_to_the_person_before_it() {
        let text = "Maria Lopez spoke in Lima. “We will win this vote,” she said.";
        assert_eq!(speaker(text).as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn a_pronoun_subject_carries_the_chain_past_an_object() {
        let text = "President Jan Lund flew to Oslo on Monday. ``This is a good start,'' he said. \
                    He said he had come at the request of Omar Haddad. ``Haddad asked me to come,'' he said.";
        let got: Vec<Option<String>> = quotes(text).into_iter().map(|q| q.1).collect();
        assert_eq!(got, [Some("Jan Lund".to_string()), Some("Jan Lund".to_string())]);
    }

    #[test]
    fn a_named_apposition_beats_its_title() {
        let text = "``The talks are over,'' the ministry spokesman, Ivo Kral, said.";
        assert_eq!(speaker(text).as_deref(), Some("Ivo Kral"));
        let text = "``My husband is innocent,'' said his wife, Maria Lopez.";
        assert_eq!(speaker(text).as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn describing_words_before_a_name_after_the_verb() {
        assert_eq!(
            speaker("``The verdict stands,'' said presiding Judge Ann Okoro.").as_deref(),
            Some("Ann Okoro")
        );
        assert_eq!(
            speaker("``We are ready to go,'' said commander Robert Lane.").as_deref(),
            Some("Robert Lane")
        );
        assert_eq!(speaker("``It is wrong,'' said 9/11 widow Ann Okoro.").as_deref(), Some("Ann Okoro"));
    }

    #[test]
    fn the_listener_is_no_speaker() {
        let text = "Ivo Kral told the court that guards beat him ``until my ribs cracked.''";
        assert_eq!(speaker(text).as_deref(), Some("Ivo Kral"));
    }

    #[test]
    fn a_pronoun_subject_speaks_a_partial_quote() {
        let text = "Maria Lopez was questioned again on Friday. She called the interviews ``pressure and nothing else.''";
        assert_eq!(speaker(text).as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn quoted_as_saying() {
        let text = "``We will not leave the city,'' the agency quoted Interior Minister Karl Vos as saying.";
        assert_eq!(speaker(text).as_deref(), Some("Karl Vos"));
        let text = "The agency quoted Karl Vos as saying that ``the border will stay closed for a week.''";
        assert_eq!(speaker(text).as_deref(), Some("Karl Vos"));
    }

    #[test]
    fn the_subject_of_a_content_clause_is_no_speaker() {
        let text = "The report by the London-based press freedom group says Carl Ames bears \
                    ``the main responsibility for the arrests.''";
        let got = speaker(text);
        assert!(got.as_deref().is_some_and(|s| s.contains("group")), "{got:?}");
    }

    #[test]
    fn a_noun_phrase_speaker() {
        let text = "“The talks are over,” a ministry spokesman said.";
        assert_eq!(speaker(text).as_deref(), Some("a ministry spokesman"));
    }
}
