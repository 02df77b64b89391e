//! Quotation spans and their speakers.

use std::ops::Range;

use crate::entity::{EntityType, Mention, PersonCluster, Sense};
use std::sync::LazyLock;

use crate::lexicon::{WordSet, w};
use crate::tok::{Tok, shape};

/// A quoted segment found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// Byte range of the quoted words, marks and inner white space excluded.
    pub(crate) span: Range<usize>,
    /// Byte offset of the opening mark.
    pub(crate) open: usize,
    /// Byte offset just past the closing mark (paragraph end when unclosed).
    pub(crate) close: usize,
    /// Segments of one quotation share a group.
    pub(crate) group: u32,
    pub(crate) direct: bool,
}

fn is_open_ctx(prev: Option<char>, next: Option<char>) -> bool {
    let p_open =
        prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | ':' | '/'));
    let n_word = next.is_some_and(|c| !c.is_whitespace());
    p_open && n_word
}

/// Find quoted segments in each paragraph (`paras` are byte ranges of `text`).
pub(crate) fn find_segments(text: &str, paras: &[Range<usize>]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut group = 0u32;
    let mut carry_open = false;
    for para in paras {
        let p = &text[para.clone()];
        let mut open_at: Option<usize> = None;
        let bytes = p.as_bytes();
        let mut starts_with_open = false;
        let mut first_mark = true;
        // Only these lead bytes can start a quotation mark: find them with `memchr`.
        let mut ascii = memchr::memchr3_iter(b'"', b'\'', b'`', bytes).peekable();
        let mut lead = memchr::memchr2_iter(0xE2, 0xC2, bytes).peekable();
        let mut i = 0;
        loop {
            while ascii.next_if(|&x| x < i).is_some() {}
            while lead.next_if(|&x| x < i).is_some() {}
            i = match (ascii.peek(), lead.peek()) {
                (Some(&a), Some(&b)) => a.min(b),
                (Some(&a), None) => a,
                (None, Some(&b)) => b,
                (None, None) => break,
            };
            let c = p[i..].chars().next().unwrap_or(' ');
            let prev = p[..i].chars().next_back();
            let following = p[i + c.len_utf8()..].chars().next();
            let mut mark_len = 0;
            let mut kind = 0u8; // 1 open, 2 close, 3 ambiguous
            match c {
                '“' | '„' | '«' => {
                    mark_len = c.len_utf8();
                    kind = 1;
                }
                '”' | '»' => {
                    mark_len = c.len_utf8();
                    kind = 2;
                }
                '"' => {
                    mark_len = 1;
                    kind = 3;
                }
                '\'' if following == Some('\'') => {
                    mark_len = 2;
                    kind = 3;
                }
                '`' if following == Some('`') => {
                    mark_len = 2;
                    kind = 1;
                }
                _ => {}
            }
            if mark_len == 0 {
                i += c.len_utf8();
                continue;
            }
            let next = p[i + mark_len..].chars().next();
            let abs = para.start + i;
            match open_at {
                None => {
                    let opener = kind == 1
                        || is_open_ctx(prev, next)
                        || kind == 3 && !prev.is_some_and(char::is_alphanumeric);
                    if opener {
                        if first_mark && p[..i].trim().is_empty() {
                            starts_with_open = true;
                        }
                        open_at = Some(abs);
                        if !(starts_with_open && carry_open && first_mark) {
                            group += 1;
                        }
                    }
                }
                Some(o) => {
                    // A fresh opening mark right after a space while a quote is open: the
                    // earlier one was stray; restart here.
                    if kind == 1
                        && prev.is_some_and(char::is_whitespace)
                        && next.is_some_and(char::is_alphanumeric)
                    {
                        open_at = Some(abs);
                        group += 1;
                    } else {
                        push_seg(text, o, abs, abs + mark_len, group, &mut out);
                        open_at = None;
                    }
                }
            }
            first_mark = false;
            i += mark_len;
        }
        carry_open = false;
        if let Some(o) = open_at {
            push_seg(text, o, para.end, para.end, group, &mut out);
            carry_open = true;
        }
    }
    out
}

fn push_seg(text: &str, open: usize, inner_end: usize, close: usize, group: u32, out: &mut Vec<Segment>) {
    let mark_len = text[open..].chars().next().map_or(1, char::len_utf8);
    let mark_len =
        if text[open..].starts_with("''") || text[open..].starts_with("``") { 2 } else { mark_len };
    let inner = &text[open + mark_len..inner_end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let s = open + mark_len + lead;
    let e = inner_end - trail;
    if e > s {
        out.push(Segment { span: s..e, open, close, group, direct: false });
    }
}

/// Token index range covering byte range `r` (tokens fully inside).
fn tok_range(toks: &[Tok], r: Range<usize>) -> Range<usize> {
    let a = toks.partition_point(|t| (t.s as usize) < r.start);
    let b = toks.partition_point(|t| (t.e as usize) <= r.end);
    a..b.max(a)
}

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Speaker {
    /// A mention (index into the mentions).
    Mention(usize),
    /// A noun phrase that is not a named entity ("a spokesman for the ministry").
    Phrase(Range<usize>),
}

/// Attribution context shared by the rules.
pub(crate) struct Ctx<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: &'a [Tok],
    pub(crate) ms: &'a [Mention],
    pub(crate) people: &'a [PersonCluster],
    /// Byte ranges of sentences.
    pub(crate) sents: &'a [Range<usize>],
    /// Byte ranges of quoted segments, marks included.
    pub(crate) quoted: &'a [Range<usize>],
}

const DETERMINERS: &str = "a an the his her their its our one another some many several two three other";
const SPEAKER_NOUNS: &str = "source sources statement aide aides people spokesman spokeswoman spokesperson official officials \
    supporter supporters voter voters campaign report memo letter post tweet ad release email resident residents \
    witness witnesses critic critics analyst analysts expert experts observer observers lawyer lawyers attorney \
    member members friend friends leader leaders adviser advisers advisor advisors staff organizer organizers \
    protester protesters delegate delegates woman man";

static DETERMINER_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(DETERMINERS));
static SPEAKER_NOUN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(SPEAKER_NOUNS));
/// Auxiliaries and adverbs between a subject and its speech verb: "has said", "also said".
static BEFORE_VERB: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(
        "has had have also later then again further previously once repeatedly recently would will \
         reportedly quickly back simply publicly privately bluntly flatly forcefully",
    )
});

fn is_determiner(word: &str) -> bool {
    DETERMINER_SET.contains(word)
}

impl Ctx<'_> {
    fn mention_ending_at(&self, t_end: usize) -> Option<usize> {
        self.ms.iter().position(|m| m.t1 as usize == t_end)
    }
    fn mention_starting_at(&self, t: usize) -> Option<usize> {
        self.ms.iter().position(|m| m.t0 as usize == t)
    }

    /// The subject before token `v` (a speech verb), within its clause.
    fn subject_before(&self, v: usize, floor: usize) -> Option<Speaker> {
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
                    && matches!(m.sense, Sense::Person | Sense::Org)
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
        while s > floor && k - s < 7 {
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
    fn noun_phrase(&self, s: usize, k: usize) -> Option<Speaker> {
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
    fn subject_after(&self, v: usize, ceil: usize) -> Option<Speaker> {
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
            return self.noun_phrase(k, e);
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
            let verb_after = self
                .toks
                .get(m.t1 as usize)
                .is_some_and(|v| (v.has(w::SPEECH) || v.has(w::GOV_VERB)) && !v.is(shape::CAP));
            if first_in_sent || verb_after {
                return Some(m);
            }
        }
        fallback
    }

    /// Resolve a speaker to its display name, following pronouns and titles.
    pub(crate) fn display(&self, sp: &Speaker, before_tok: usize) -> Option<String> {
        match sp {
            Speaker::Mention(mi) => Some(self.ms[*mi].canonical.clone()),
            Speaker::Phrase(r) => {
                let t = &self.toks[r.start];
                if r.len() == 1 && t.has(w::PRONOUN_PER) {
                    return self.resolve_person(before_tok).map(|m| m.canonical.clone());
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
                Some(phrase.to_string())
            }
        }
    }

    /// Token range of the clause-level sentence holding token `t`: bounded by the
    /// paragraph and by stand-alone `.`, `!`, `?` tokens (abbreviation periods stay
    /// inside their words, so "Ms." or "Sen." never end it).
    fn sentence_toks(&self, t: usize) -> Range<usize> {
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

    /// Attribution for a quote whose marks span `q` (bytes): in the words right after it
    /// up to the end of their sentence, else in the words before it from the start of theirs.
    fn attribute_in(&self, q: &Range<usize>, quotes: &[Range<usize>]) -> Option<(Speaker, usize)> {
        let inside = |t: &Tok| quotes.iter().any(|r| (t.s as usize) >= r.start && (t.e as usize) <= r.end);
        let same_para = |a: usize, b: usize| !self.text[a.min(b)..a.max(b)].contains('\n');
        // After the quote: ", X said" / ", said X" / "X told".
        let after = self.toks.partition_point(|t| (t.s as usize) < q.end);
        if after < self.toks.len() && same_para(q.end, self.toks[after].s as usize) {
            // A dash signature: "“…” — Carla Sanchez".
            if matches!(self.toks[after].text(self.text), "—" | "―" | "–" | "-")
                && let Some(mi) =
                    self.mention_starting_at(after + 1).filter(|&mi| self.ms[mi].ty == EntityType::Per)
            {
                return Some((Speaker::Mention(mi), after));
            }
            let trange = self.sentence_toks(after);
            // After a quote that ends its sentence ("…war.”), only a verb close by attributes it.
            let inner_end = self.text[..q.end].trim_end_matches(['”', '"', '\'', '»', ' ']).chars().last();
            let limit = if matches!(inner_end, Some(',' | '—' | '–' | '-')) { 12 } else { 8 };
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
            if lead.is_some() || lead_phrase {
                let mut k = after;
                while k < trange.end && k - after < 30 && !inside(&self.toks[k]) {
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
                                self.noun_phrase(after, e)
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
                if t.is(shape::WORD) {
                    words += 1;
                }
                k += 1;
            }
        }
        let before = self.toks.partition_point(|t| (t.e as usize) <= q.start);
        if before == 0 || !same_para(self.toks[before - 1].e as usize, q.start) {
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
        let mut k = before;
        while k > trange.start {
            let t = &self.toks[k - 1];
            if inside(t) {
                break;
            }
            if t.text(self.text).eq_ignore_ascii_case("according")
                && let Some(sp) = self.subject_after(k, before)
            {
                return Some((sp, k - 1));
            }
            if t.has(w::SPEECH) && !t.is(shape::CAP) {
                let mut floor = trange.start;
                // Do not read back across another quote.
                for r in quotes {
                    if r.end <= t.s as usize {
                        floor = floor.max(self.toks.partition_point(|x| (x.s as usize) < r.end));
                    }
                }
                let sp = self
                    .subject_before(k - 1, floor)
                    .or_else(|| self.subject_after(k - 1, before))
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

/// Decide direct quotes and attribute each group. Returns (segment index, speaker display, speaker mention).
pub(crate) fn attribute(ctx: &Ctx<'_>, segs: &mut [Segment]) -> Vec<Option<String>> {
    let text = ctx.text;
    // Direct or partial, per segment.
    for i in 0..segs.len() {
        let s = &segs[i];
        let sent_start =
            ctx.sents.iter().find(|r| r.start <= s.open && s.open < r.end).map_or(0, |r| r.start);
        let mut floor = sent_start;
        if i > 0 && segs[i - 1].close <= s.open && segs[i - 1].close > floor {
            floor = segs[i - 1].close;
        }
        let pre = text[floor.min(s.open)..s.open].trim_end();
        let first = text[s.span.clone()].chars().next().unwrap_or(' ');
        let continuation = i > 0 && segs[i - 1].group == s.group;
        let pre_ok = pre.is_empty()
            || pre.ends_with([':', ',', '.', '?', '!', ';', '—', '–', '-'])
            || pre
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|wd| crate::lexicon::flags(wd) & w::SPEECH != 0);
        let lower_start = first.is_lowercase();
        // Only whether it has three words matters.
        let words = text[s.span.clone()].split_whitespace().take(3).count();
        let close = s.close;
        let after_attr = || {
            let after = &text[close.min(text.len())..];
            let after_words = after.split(['.', '!', '?', '\n', '“', '"']).next().unwrap_or("");
            after.trim_start().starts_with(',')
                || after.trim_start().is_empty()
                || after_words
                    .split_whitespace()
                    .take(5)
                    .any(|wd| crate::lexicon::flags(wd.trim_matches(',')) & w::SPEECH != 0)
        };
        segs[i].direct = pre_ok
            && (!lower_start || continuation || pre.ends_with(':'))
            && (words >= 3 || after_attr() && !pre.ends_with(|c: char| c.is_alphanumeric()));
        // A quote that is a fragment ending mid-sentence ("the “Quad” format") is not direct.
        if segs[i].direct && !pre.is_empty() && pre.ends_with(',') && lower_start && !continuation {
            segs[i].direct = false;
        }
    }
    let ranges: Vec<Range<usize>> = segs.iter().map(|s| s.open..s.close).collect();
    let mut speakers: Vec<Option<String>> = vec![None; segs.len()];
    let mut group_sp: Vec<(u32, Option<String>)> = Vec::new();
    let mut last_speaker: Option<(String, usize)> = None; // (name, sentence index)
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
        let sent_idx =
            ctx.sents.iter().position(|r| r.start <= segs[i].open && segs[i].open < r.end).unwrap_or(0);
        for j in i..segs.len() {
            if segs[j].group != g || found.is_some() {
                break;
            }
            let q = segs[j].open..segs[j].close;
            if let Some((sp, at)) = ctx.attribute_in(&q, &ranges) {
                let before = ctx.toks.partition_point(|t| (t.s as usize) < segs[i].open);
                found = ctx.display(&sp, before.min(at));
            }
            if found.is_some() {
                break;
            }
        }
        // No attribution in the sentence: the speaker of the previous quote nearby, or the
        // subject of the previous sentence when it introduces speech.
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
                    if let Some(m) = ctx.ms.iter().find(want) {
                        found = Some(m.canonical.clone());
                    } else if let Some(p) = ctx.toks[tr.clone()].iter().position(|t| t.has(w::PRONOUN_PER)) {
                        found = ctx.display(&Speaker::Phrase(tr.start + p..tr.start + p + 1), tr.start + p);
                    }
                }
            }
        } else if found.is_none() {
            // Phrases inside reported speech go to the sentence subject.
            let sr = ctx.sents[sent_idx].clone();
            let tr = tok_range(ctx.toks, sr);
            if let Some(m) = ctx.ms.iter().find(|m| {
                (m.t0 as usize) >= tr.start
                    && (m.t1 as usize) <= tr.end
                    && matches!(m.sense, Sense::Person | Sense::Org | Sense::Country)
            }) {
                let before = ctx.toks.partition_point(|t| (t.s as usize) < segs[i].open);
                if (m.t1 as usize) <= before {
                    found = Some(m.canonical.clone());
                }
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
