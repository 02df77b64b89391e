//! Attribution: for each quotation, where its speaker is named (after the
//! quote up to the end of the sentence, else before it), transcript labels,
//! and the fall-backs (the previous quote's speaker, the previous sentence's
//! subject, the subject of the sentence a partial quote sits in).

use std::ops::Range;

use super::direct::decide_direct;
use super::{Ctx, Segment, Speaker, is_determiner, tok_range};
use crate::entity::{EntityType, Mention, Sense};
use crate::lexicon::w;
use crate::tok::{Tok, shape};

impl Ctx<'_> {
    /// Attribution for a quote whose marks span `q` (bytes): in the words right after it
    /// up to the end of their sentence, else in the words before it from the start of theirs.
    /// A partial quote (a phrase inside reported speech) looks before itself first: the
    /// verb that reports it ("X warned that “…”") governs it more than a verb after it.
    pub(super) fn attribute_in(
        &self,
        q: &Range<usize>,
        quotes: &[Range<usize>],
        partial: bool,
    ) -> Option<(Speaker, usize)> {
        // "… “if nothing is done,” the spokesman said": the attribution right after it.
        let inner_end = self.text[..q.end].trim_end_matches(['”', '"', '\'', '»', ' ']).chars().last();
        if partial && inner_end != Some(',') {
            self.attribute_before(q, quotes)
                .or_else(|| self.attribute_after(q, quotes))
                .or_else(|| self.sentence_final(q, quotes))
        } else {
            self.attribute_after(q, quotes)
                .or_else(|| self.attribute_before(q, quotes))
                .or_else(|| self.sentence_final(q, quotes))
        }
    }

    fn same_para(&self, a: usize, b: usize) -> bool {
        !self.text[a.min(b)..a.max(b)].contains('\n')
    }

    /// The speaker named after the quote: ", X said" / ", said X" / "X told"; after a quote
    /// that ends its sentence ("…war.”) only a short attribution sentence ("Kim said.").
    fn attribute_after(&self, q: &Range<usize>, quotes: &[Range<usize>]) -> Option<(Speaker, usize)> {
        let inside = |t: &Tok| quotes.iter().any(|r| (t.s as usize) >= r.start && (t.e as usize) <= r.end);
        let after = self.toks.partition_point(|t| (t.s as usize) < q.end);
        if after < self.toks.len() && self.same_para(q.end, self.toks[after].s as usize) {
            // A dash signature: "“…” — Carla Sanchez".
            if matches!(self.toks[after].text(self.text), "—" | "―" | "–" | "-")
                && let Some(mi) =
                    self.mention_starting_at(after + 1).filter(|&mi| self.ms[mi].ty == EntityType::Per)
            {
                return Some((Speaker::Mention(mi), after));
            }
            // "“…,” when Clinton blasted him": a clause of its own, no attribution.
            if matches!(
                self.toks[after].text(self.text),
                "when" | "while" | "after" | "before" | "because" | "if" | "as" | "since" | "until"
            ) {
                return None;
            }
            let trange = self.sentence_toks(after);
            // After a quote that ends its sentence ("…war.”), only a verb close by attributes it.
            let inner_end = self.text[..q.end].trim_end_matches(['”', '"', '\'', '»', ' ']).chars().last();
            let limit = if matches!(inner_end, Some(',' | '—' | '–' | '-')) { 12 } else { 8 };
            // "…war.” Kim said." attributes it; "…war.” Kim said the talks would fail." is the
            // next sentence and says something else.
            let closed = inner_end == Some('.');
            // After the verb only circumstances: "Kim said on Monday.", "said Kim."
            let short_tail = |k: usize| {
                let tail = &self.toks[k + 1..trange.end];
                let circumstance = tail.first().is_none_or(|t| {
                    t.has(w::WEEKDAY)
                        || matches!(
                            t.text(self.text),
                            "on" | "at"
                                | "in"
                                | "to"
                                | "during"
                                | "after"
                                | "before"
                                | "from"
                                | "today"
                                | "yesterday"
                                | "later"
                                | "earlier"
                                | "late"
                                | "last"
                                | "this"
                        )
                });
                !closed
                    || k - after <= 7
                        && (k == after || circumstance)
                        && tail.iter().filter(|t| t.is(shape::WORD)).count() <= 8
                        && !tail.iter().any(|t| t.is(shape::QUOTE) || t.text(self.text) == "that")
            };
            // A subject right after the quote, then a long apposition or relative clause,
            // then the verb: "“…” Cruz, who has proposed repealing it, said at the time."
            let lead = (after..(after + 6).min(trange.end))
                .take_while(|&k| {
                    k == after
                        || self.toks[k - 1].is(shape::CAP)
                        || self.toks[k - 1].has(w::TITLE_HEAD | w::TITLE_MOD)
                })
                .find_map(|k| self.mention_starting_at(k).filter(|&mi| self.ms[mi].ty == EntityType::Per));
            let lead_phrase = lead.is_none() && is_determiner(self.toks[after].text(self.text));
            if (lead.is_some() || lead_phrase) && !closed {
                let mut k = after;
                while k < trange.end && k - after < 30 && !inside(&self.toks[k]) {
                    if let Some(sp) = self.quoted_as(k) {
                        return Some((sp, k));
                    }
                    if self.toks[k].has(w::SPEECH) && !self.toks[k].is(shape::CAP) {
                        let sp = match lead {
                            Some(mi) => Some(Speaker::Mention(mi)),
                            None => {
                                let mut e = after + 1;
                                while e < k
                                    && !self.toks[e].is(shape::PUNCT)
                                    && !matches!(self.toks[e].text(self.text), "who" | "which" | "that")
                                {
                                    e += 1;
                                }
                                // "the State Department spokesman, James Rubin, said": the name.
                                self.apposed_person(e)
                                    .map(Speaker::Mention)
                                    .or_else(|| self.noun_phrase(after, e))
                            }
                        };
                        if let Some(sp) = sp {
                            return Some((sp, k));
                        }
                        break;
                    }
                    k += 1;
                }
            }
            let mut k = after;
            let mut words = 0;
            while k < trange.end && words < limit {
                let t = &self.toks[k];
                if inside(t) || t.is(shape::QUOTE) && words > 0 {
                    break;
                }
                if t.has(w::SPEECH) && !t.is(shape::CAP) {
                    if !short_tail(k) {
                        return None;
                    }
                    let sp = self.subject_before(k, after).or_else(|| self.subject_after(k, trange.end));
                    if let Some(sp) = sp {
                        return Some((sp, k));
                    }
                }
                if t.text(self.text) == "according"
                    && let Some(sp) = self.subject_after(k + 1, trange.end)
                {
                    return Some((sp, k));
                }
                // "“…,” the agency quoted Karl Vos as saying."
                if let Some(sp) = self.quoted_as(k) {
                    return Some((sp, k));
                }
                if t.is(shape::WORD) {
                    words += 1;
                }
                k += 1;
            }
        }
        None
    }

    /// The speaker named before the quote, from the start of its sentence: "X said: “…",
    /// "X said “…", "X warned that “…", "according to X, “…".
    fn attribute_before(&self, q: &Range<usize>, quotes: &[Range<usize>]) -> Option<(Speaker, usize)> {
        let inside = |t: &Tok| quotes.iter().any(|r| (t.s as usize) >= r.start && (t.e as usize) <= r.end);
        let before = self.toks.partition_point(|t| (t.e as usize) <= q.start);
        // A quote that opens its sentence has nothing before it.
        if before == 0
            || !self.same_para(self.toks[before - 1].e as usize, q.start)
            || matches!(self.toks[before - 1].text(self.text), "." | "!" | "?")
        {
            return None;
        }
        let trange = self.sentence_toks(before - 1);
        let trange = trange.start..before;
        // Before the quote: "X said: “…", "X said “…".
        // A colon lead-in without a speech verb: "Guterres on the ceasefire: “…".
        if before > trange.start && self.toks[before - 1].text(self.text) == ":" {
            let has_verb =
                self.toks[trange.start..before].iter().any(|t| t.has(w::SPEECH) && !t.is(shape::CAP));
            if !has_verb {
                // The nearest actor followed by a verb: "When Trump suggested …, Rubio fired back: “…".
                let acts = |m: &Mention| {
                    self.toks.get(m.t1 as usize).is_some_and(|t| t.is(shape::WORD) && !t.is(shape::CAP))
                };
                let cands = |m: &&Mention| {
                    (m.t0 as usize) >= trange.start
                        && (m.t1 as usize) < before
                        && matches!(m.sense, Sense::Person | Sense::Org)
                };
                let pick = self.ms.iter().enumerate().rfind(|(_, m)| cands(m) && acts(m)).map(|(i, _)| i);
                let pick = pick.or_else(|| self.ms.iter().position(|m| cands(&m)));
                if let Some(mi) = pick {
                    return Some((Speaker::Mention(mi), before - 1));
                }
            }
        }
        // A name, then a dash and the quote: "the former candidate Ann Okoro -- “…”".
        let mut d = before;
        while d > trange.start + 1
            && d + 2 > before
            && matches!(self.toks[d - 1].text(self.text), "-" | "—" | "–")
        {
            d -= 1;
        }
        if d < before
            && let Some(mi) = self.mention_ending_at(d).filter(|&mi| self.ms[mi].ty == EntityType::Per)
        {
            return Some((Speaker::Mention(mi), d));
        }
        let mut k = before;
        while k > trange.start {
            let t = &self.toks[k - 1];
            if inside(t) {
                break;
            }
            // "As Ann Okoro recently put it, “…”".
            let put_it =
                t.text(self.text) == "put" && self.toks.get(k).is_some_and(|n| n.text(self.text) == "it");
            if t.text(self.text).eq_ignore_ascii_case("according")
                && let Some(sp) = self.subject_after(k, before)
            {
                return Some((sp, k - 1));
            }
            // "The agency quoted Karl Vos as saying “…".
            if k >= 2
                && self.toks[k - 2].text(self.text) == "as"
                && t.has(w::SPEECH)
                && let Some(sp) =
                    (k.saturating_sub(12).max(trange.start)..k - 2).rev().find_map(|j| self.quoted_as(j))
            {
                return Some((sp, k - 1));
            }
            if t.has(w::SPEECH) && !t.is(shape::CAP) || put_it {
                let mut floor = trange.start;
                // Do not read back across another quote.
                for r in quotes {
                    if r.end <= t.s as usize {
                        floor = floor.max(self.toks.partition_point(|x| (x.s as usize) < r.end));
                    }
                }
                // "told the court", "asked the crowd": the object is the listener.
                let listener = matches!(t.text(self.text), "told" | "tell" | "tells" | "telling" | "asked");
                // "said X" only where no subject can precede the verb: "…, said X: “…".
                let inverted = k < 2 || k - 1 <= floor || self.toks[k - 2].is(shape::PUNCT);
                let sp = self
                    .subject_before(k - 1, floor)
                    .or_else(|| if listener || !inverted { None } else { self.subject_after(k - 1, before) })
                    .or_else(|| {
                        // The clause's first person: "James Lewis, a former expert who now studies …, said".
                        self.ms
                            .iter()
                            .position(|m| {
                                (m.t0 as usize) >= floor
                                    && (m.t1 as usize) < k
                                    && m.ty == EntityType::Per
                                    && !self.in_quote(self.toks[m.t0 as usize].s as usize)
                            })
                            .map(Speaker::Mention)
                    });
                if let Some(sp) = sp {
                    return Some((sp, k - 1));
                }
            }
            k -= 1;
        }
        None
    }
}

/// Decide direct quotes and attribute each group: one speaker (display name) per segment.
pub(crate) fn attribute(ctx: &Ctx<'_>, segs: &mut [Segment]) -> Vec<Option<String>> {
    let text = ctx.text;
    // Direct or partial, per segment.
    decide_direct(ctx, segs);
    let ranges: Vec<Range<usize>> = segs.iter().map(|s| s.open..s.close).collect();
    let mut speakers: Vec<Option<String>> = vec![None; segs.len()];
    let mut group_sp: Vec<(u32, Option<String>)> = Vec::new();
    let mut last_speaker: Option<(String, usize)> = None; // (name, sentence index)
    let mut last_doc: Option<(&str, String)> = None; // (document noun, its speaker)
    for i in 0..segs.len() {
        let g = segs[i].group;
        // Transcripts name the speaker inside the quote: "“WALLACE: …".
        let label: Option<String> = transcript_label(&text[segs[i].span.clone()]).map(|label| {
            ctx.people
                .iter()
                .find(|p| p.name.rsplit(' ').next().is_some_and(|l| l.eq_ignore_ascii_case(label)))
                .map_or_else(|| title_case(label), |p| p.name.clone())
        });
        if let Some((_, sp)) = group_sp.iter().find(|(gg, _)| *gg == g).filter(|_| label.is_none())
            && sp.is_some()
        {
            speakers[i].clone_from(sp);
            continue;
        }
        let mut found = label;
        // “A” and “B” quoted in one breath: the speaker of the first.
        if found.is_none() && !segs[i].direct && i > 0 && coordinated(text, &segs[i - 1], &segs[i]) {
            found.clone_from(&speakers[i - 1]);
        }
        let sent_idx =
            ctx.sents.iter().position(|r| r.start <= segs[i].open && segs[i].open < r.end).unwrap_or(0);
        for j in i..segs.len() {
            if segs[j].group != g || found.is_some() {
                break;
            }
            let q = segs[j].open..segs[j].close;
            if let Some((sp, at)) = ctx.attribute_in(&q, &ranges, !segs[j].direct) {
                let before = ctx.toks.partition_point(|t| (t.s as usize) < segs[i].open);
                found = ctx.display(&sp, before.min(at));
                // "the statement added": the statement quoted last, with its author.
                if let Speaker::Phrase(r) = &sp
                    && let Some(noun) = ctx.document_noun(r)
                {
                    match &last_doc {
                        Some((n, name)) if r.len() == 2 && *n == noun => found = Some(name.clone()),
                        _ => last_doc = found.clone().map(|f| (noun, f)),
                    }
                }
            }
            if found.is_some() {
                break;
            }
        }
        // No attribution in the sentence: the speaker of the previous quote nearby, or the
        // subject of the previous sentence when it introduces speech.
        // A direct quote inside a sentence with no speech verb: the sentence's subject
        // ("Okoro hardly answered, treating it as praise -- “That is smart”").
        if found.is_none() && segs[i].direct {
            let before = ctx.toks.partition_point(|t| (t.s as usize) < segs[i].open);
            let tr = tok_range(ctx.toks, ctx.sents[sent_idx].clone());
            let acts = |m: &Mention| {
                ctx.toks.get(m.t1 as usize).is_some_and(|t| t.is(shape::WORD) && !t.is(shape::CAP))
            };
            let from = ctx.mentions_from(tr.start);
            if let Some(mi) = ctx.ms[from..].iter().take_while(|m| (m.t1 as usize) < before).position(|m| {
                (m.t0 as usize) >= tr.start
                    && (m.t1 as usize) < before
                    && m.sense == Sense::Person
                    && acts(m)
                    && !ctx.in_quote(ctx.toks[m.t0 as usize].s as usize)
            }) {
                found = ctx.mention_name(from + mi);
            }
        }
        if found.is_none() && segs[i].direct {
            if sent_idx > 0 {
                let prev = ctx.sents[sent_idx - 1].clone();
                let tr = tok_range(ctx.toks, prev.clone());
                let ptext = &text[prev.clone()];
                let has_speech = ctx.toks[tr.clone()].iter().any(|t| t.has(w::SPEECH) && !t.is(shape::CAP));
                let quoted_prev = ranges.iter().any(|r| r.start >= prev.start && r.start < prev.end);
                if let Some((name, si)) = &last_speaker
                    && (quoted_prev || *si + 2 >= sent_idx)
                {
                    found = Some(name.clone());
                }
                let same_para = !text[prev.end..segs[i].open].contains('\n');
                if found.is_none() && (has_speech || ptext.trim_end().ends_with(':') || same_para) {
                    // Subject: the first person or organisation of that sentence.
                    let want = |m: &&Mention| {
                        (m.t0 as usize) >= tr.start
                            && (m.t1 as usize) <= tr.end
                            && !ctx.in_quote(ctx.toks[m.t0 as usize].s as usize)
                            && (m.sense == Sense::Person || has_speech && m.sense == Sense::Org)
                    };
                    if let Some(mi) = ctx.ms.iter().position(|m| want(&m)) {
                        found = ctx.mention_name(mi);
                    } else if let Some(p) = ctx.toks[tr.clone()].iter().position(|t| t.has(w::PRONOUN_PER)) {
                        found = ctx.display(&Speaker::Phrase(tr.start + p..tr.start + p + 1), tr.start + p);
                    }
                }
            }
        } else if found.is_none() {
            // Phrases inside reported speech go to the sentence subject.
            let sr = ctx.sents[sent_idx].clone();
            let tr = tok_range(ctx.toks, sr);
            let before = ctx.toks.partition_point(|t| (t.s as usize) < segs[i].open);
            let subj = ctx.ms.iter().find(|m| {
                (m.t0 as usize) >= tr.start
                    && (m.t1 as usize) <= tr.end
                    && matches!(m.sense, Sense::Person | Sense::Org | Sense::Country)
                    && !ctx.in_quote(ctx.toks[m.t0 as usize].s as usize)
            });
            // "She called the interviews “pressure and harassment”": the pronoun's person.
            let lim = subj.map_or(before, |m| (m.t0 as usize).min(before));
            let pron = (tr.start..lim).find(|&k| {
                ctx.toks[k].has(w::PRONOUN_PER) && !ctx.toks[k].is(shape::CAP)
                    || k == tr.start && ctx.toks[k].has(w::PRONOUN_PER)
            });
            if let Some(k) = pron {
                found = ctx.display(&Speaker::Phrase(k..k + 1), k);
            } else if let Some(m) = subj
                && (m.t1 as usize) <= before
            {
                // "EU Trade Commissioner Piet Smit “condemned …”": the person, not the EU.
                let person = if m.sense == Sense::Person {
                    None
                } else {
                    ctx.person_after_titles(m.t0 as usize, before).map(|mi| &ctx.ms[mi])
                };
                let m = person.unwrap_or(m);
                found = ctx.ms.iter().position(|o| std::ptr::eq(o, m)).and_then(|mi| ctx.mention_name(mi));
            }
        }
        if let Some(f) = &found {
            last_speaker = Some((f.clone(), sent_idx));
        }
        group_sp.push((g, found.clone()));
        speakers[i] = found;
    }
    speakers
}

/// Is `b` quoted right after `a`, joined by a conjunction or a comma only
/// ("“we wish it” and “we shall help”", "from “A,” to “B”")?
fn coordinated(text: &str, a: &Segment, b: &Segment) -> bool {
    if a.close > b.open {
        return false;
    }
    let gap = &text[a.close..b.open];
    gap.split_whitespace().count() <= 3
        && gap
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w, "and" | "or" | "but" | "also" | "as" | "well" | "to" | "then" | "nor"))
        && !gap.contains(['.', ';', '?', '!'])
}

/// A transcript speaker label at the start of a quote: "WALLACE:", "MR. TRUMP:".
fn transcript_label(q: &str) -> Option<&str> {
    let colon = q.find(':')?;
    let label = q[..colon].trim();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (2..=30).contains(&label.len())
        && letters >= 2
        && label.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        && label.split(' ').count() <= 3;
    // The surname: the last word of the label.
    ok.then(|| label.rsplit(' ').next().unwrap_or(label))
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{title_case, transcript_label};
    use crate::testutil::quotes;

    #[test]
    fn transcript_labels() {
        assert_eq!(transcript_label("HARRIS: We are ready."), Some("HARRIS"));
        assert_eq!(transcript_label("MR. OKAFOR: Yes."), Some("OKAFOR"));
        assert_eq!(transcript_label("Note: we are ready."), None);
        assert_eq!(title_case("OKAFOR"), "Okafor");
        assert_eq!(title_case("O'NEILL-SMITH"), "O'Neill-Smith");
    }

    #[test]
    fn a_quote_continued_in_a_second_segment_keeps_its_speaker() {
        let got = quotes("“We will stay,” Maria Lopez said, “and we will win.”");
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(speakers, [Some("Maria Lopez"), Some("Maria Lopez")]);
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>, bool)> {
        quotes(text)
    }

    #[test]
    fn wire_marks_are_quotes() {
        let got = speakers("``We will not retreat,'' said Defence Minister Alan Price.");
        assert_eq!(got, [("We will not retreat,".into(), Some("Alan Price".into()), true)]);
    }

    #[test]
    fn a_quote_ending_its_sentence_is_not_attributed_by_the_next_sentence() {
        let got = speakers(
            "``We need more boats,'' said Lena Park, a fisherman. ``The island has none of them.'' \
             Officials said the roads were closed.",
        );
        let names: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(names, [Some("Lena Park"), Some("Lena Park")]);
    }

    #[test]
    fn a_quote_split_by_he_said_is_two_quotes() {
        let got = speakers(
            "Omar Haddad landed in Cairo. ``We came in peace,'' he said, ``and we will leave in peace.''",
        );
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|q| q.1.as_deref() == Some("Omar Haddad")), "{got:?}");
    }

    #[test]
    fn a_partial_quote_belongs_to_the_verb_that_reports_it() {
        let got = speakers(
            "Foreign Minister Tomas Berg warned that ``if nothing is done soon the region will burn'' and left.",
        );
        assert_eq!(
            got,
            [("if nothing is done soon the region will burn".into(), Some("Tomas Berg".into()), false)]
        );
    }

    #[test]
    fn a_partial_quote_attributed_right_after_it() {
        let got = speakers(
            "The ministers said strikes could follow ``if the blockade is not lifted at once,'' \
             spokesman Ivo Kral told reporters.",
        );
        assert_eq!(got[0].1.as_deref(), Some("Ivo Kral"));
    }

    #[test]
    fn partial_quotes_in_one_breath_share_their_speaker() {
        let got = speakers("Ivo Kral said that ``we want a ceasefire now'' and ``we will talk to anyone.''");
        let names: Vec<Option<&str>> = got.iter().map(|q| q.1.as_deref()).collect();
        assert_eq!(names, [Some("Ivo Kral"), Some("Ivo Kral")]);
    }

    #[test]
    fn a_sentence_ending_with_its_attribution() {
        let got = speakers(
            "The president arrived for ``a visit of friendship and rest'' at the invitation of the king, \
             an official statement said.",
        );
        assert_eq!(got[0].1.as_deref(), Some("an official statement"));
    }

    #[test]
    fn a_country_warning_in_a_participle() {
        let got = speakers(
            "Turkey stepped up pressure on Rome on Sunday, warning that asylum would amount to \
             ``opening the doors to terror.''",
        );
        assert_eq!(got[0].1.as_deref(), Some("Turkey"));
    }

    #[test]
    fn a_name_before_a_dash() {
        let got = speakers(
            "Many agreed, including the former candidate Carl Ames -- ``It is wrong to hide the returns'' -- and others.",
        );
        assert_eq!(got[0].1.as_deref(), Some("Carl Ames"));
    }

    #[test]
    fn an_unattributed_quote_takes_the_previous_speaker() {
        let got = quotes("“We will win this vote,” said Maria Lopez. She added: “The count starts now.”");
        assert_eq!(got[1], ("The count starts now.".into(), Some("Maria Lopez".into()), true));
        let got = quotes("Maria Lopez told reporters in Lima on Monday.\n“The count starts now.”");
        assert_eq!(got[0].1.as_deref(), Some("Maria Lopez"));
    }
}
