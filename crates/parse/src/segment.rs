//! Sentence segmentation tuned for news copy.
//!
//! The rules come from [`sentencex`] (Wikimedia's rule set: abbreviation
//! lists, initials, decimals, ellipses, closing quotes). We add two things it
//! does not do on its own:
//!
//! * **Sentences inside quotations.** `sentencex` never splits inside a
//!   quotation, so `“We came in good faith. We leave disappointed,” he said.`
//!   would stay one sentence. We segment a copy of the paragraph in which every
//!   quotation mark is replaced by spaces of the same byte length, so the rule
//!   set sees ordinary sentence ends, and byte offsets stay valid for the
//!   original text.
//! * **Paragraph scoping.** We segment one paragraph at a time, so a headline
//!   or subhead without final punctuation never merges with the next line.

use std::ops::Range;
use std::sync::LazyLock;

use sentencex::languages::Language;

static ENGLISH: LazyLock<Box<dyn Language + Send + Sync>> =
    LazyLock::new(|| Box::new(sentencex::languages::English {}));

/// Quotation marks that are masked before segmentation. Straight and curly,
/// double and single (closing single quotes only when they cannot be an
/// apostrophe, see [`mask_quotes`]).
fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Copy `text`, replacing quotation marks with spaces of equal byte length.
///
/// Single quotes are masked only at word edges that are not apostrophes: an
/// opening ‘ or ' after white space, and a closing ’ or ' before white space
/// that follows sentence punctuation (`accept that.’ Then`).
fn mask_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        let next = it.peek().copied();
        let mask = if is_double_quote(c) {
            true
        } else if c == '‘' || c == '\'' || c == '’' {
            let opening = prev.is_none_or(char::is_whitespace) && c != '’';
            let closing = matches!(prev, Some('.' | '!' | '?' | ',')) && next.is_none_or(char::is_whitespace);
            opening || closing
        } else {
            false
        };
        if mask {
            for _ in 0..c.len_utf8() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Split one paragraph into sentences, as byte ranges into `para`.
///
/// Ranges are trimmed of surrounding white space and never empty. Closing
/// quotation marks stay with the sentence they close.
///
/// ```
/// let p = "The U.S. envoy, Gen. Ruiz, met Mr. Okafor at 3.5 p.m. on Feb. 4. “We will not accept that.” From the outset, talks stalled.";
/// let s: Vec<&str> = attache_parse::split_sentences(p).into_iter().map(|r| &p[r]).collect();
/// assert_eq!(s, [
///     "The U.S. envoy, Gen. Ruiz, met Mr. Okafor at 3.5 p.m. on Feb. 4.",
///     "“We will not accept that.”",
///     "From the outset, talks stalled.",
/// ]);
/// ```
pub fn split_sentences(para: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let caseless = !crate::fast::has_uppercase(para);
    // Tokenized copy marks every sentence end with a stand-alone stop; there
    // the rule set's guesses (made for cased text) are not needed.
    let stops = if caseless { spaced_stops(para) } else { Vec::new() };
    let mut starts: Vec<usize> = if stops.is_empty() {
        // Most paragraphs have no quotation mark: segment them in place.
        let has_quotes = para.contains(['"', '“', '”', '„', '«', '»', '‘', '’', '\'']);
        let masked = if has_quotes {
            std::borrow::Cow::Owned(mask_quotes(para))
        } else {
            std::borrow::Cow::Borrowed(para)
        };
        ENGLISH.get_sentence_boundaries(&masked).into_iter().map(|b| b.start_byte).collect()
    } else {
        stops
    };
    starts.retain(|&s| s > 0 && s < para.len());
    starts.push(para.len());
    let mut begin = 0;
    for end in starts {
        push_trimmed(para, begin..end, &mut out);
        begin = end;
    }
    move_openers_forward(para, &mut out);
    merge_fragments(para, &mut out, caseless);
    out
}

/// Sentence starts in tokenized, lower-cased copy (`… went bankrupt . the
/// team …`), where no capital letter marks a new sentence: the token after a
/// stand-alone `.`, `?` or `!` (and after any `''` closing quotes that follow
/// it). An ellipsis token (`...`) is not a sentence end. Tokens are runs of
/// bytes between ASCII white space.
fn spaced_stops(para: &str) -> Vec<usize> {
    let b = para.as_bytes();
    let space = |i: usize| b[i].is_ascii_whitespace();
    let token_end = |mut i: usize| {
        while i < b.len() && !space(i) {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr3(b'.', b'?', b'!', &b[from..]) {
        let p = from + found;
        let start = (p.saturating_sub(2)..p).rev().take_while(|&i| !space(i)).last().unwrap_or(p);
        let end = token_end(p);
        from = end.max(p + 1);
        if !((start == 0 || space(start - 1)) && is_stop(&b[start..end])) {
            continue;
        }
        // The next token that is neither a closing `''` nor another stop starts a sentence.
        let mut i = end;
        loop {
            while i < b.len() && space(i) {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            let e = token_end(i);
            let tok = &b[i..e];
            if tok == b"''" {
                i = e;
                continue;
            }
            if !is_stop(tok) {
                out.push(i);
            }
            break;
        }
    }
    out
}

/// A stand-alone stop token of tokenized copy: `.`, `?`, `!` or two of them.
fn is_stop(tok: &[u8]) -> bool {
    !tok.is_empty() && tok.len() <= 2 && tok.iter().all(|c| matches!(c, b'.' | b'?' | b'!'))
}

/// An opening quotation mark left at the end of a piece starts the next one.
fn move_openers_forward(para: &str, out: &mut [Range<usize>]) {
    for i in 0..out.len().saturating_sub(1) {
        let piece = &para[out[i].clone()];
        let mut cut = piece.len();
        for (idx, c) in piece.char_indices().rev() {
            let opener =
                matches!(c, '“' | '‘' | '«') || (c == '"' && piece[..idx].ends_with(char::is_whitespace));
            if opener {
                cut = idx;
            } else {
                break;
            }
        }
        if cut < piece.len() {
            let new_end = out[i].start + piece[..cut].trim_end().len();
            out[i + 1].start = out[i].start + cut;
            out[i].end = new_end;
        }
    }
}

/// Move a boundary that fell just after an opening quote's masked spaces or
/// before a closing quote: masking turns `that.” From` into `that.   From`,
/// and the rule set may start the next sentence at the masked quote. Trimming
/// puts the quote back with the sentence it closes.
fn push_trimmed(para: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &para[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    let mut start = r.start + lead;
    let end = r.end - trail;
    if start >= end {
        return;
    }
    // A closing quote (and trailing spaces) at the start of this piece belongs
    // to the previous sentence.
    let piece = &para[start..end];
    let closing: usize = piece
        .char_indices()
        .take_while(|&(_, c)| matches!(c, '”' | '’' | '"' | '»') || c.is_whitespace())
        .map(|(_, c)| c.len_utf8())
        .sum();
    if closing > 0 && !out.is_empty() && closing < piece.len() {
        let q = &piece[..closing];
        // Only when the quote is a closer: previous piece has an unbalanced opener.
        if let Some(prev) = out.last_mut()
            && opens_more_than_closes(&para[prev.clone()])
        {
            prev.end = start + q.trim_end().len();
            start += closing;
        }
    }
    if start < end {
        out.push(start..end);
    }
}

fn opens_more_than_closes(s: &str) -> bool {
    let opens = s.chars().filter(|&c| c == '“' || c == '‘').count();
    let closes = s.chars().filter(|&c| c == '”').count();
    let straight = s.chars().filter(|&c| c == '"').count();
    opens > closes || straight % 2 == 1
}

/// Join pieces that cannot stand alone as sentences: a piece made only of
/// punctuation or quotation marks, or one that starts with a lower-case
/// attribution after a quoted question (`“Why now?” he asked.`).
///
/// In caseless text (no capital letter anywhere) a lower-case start says
/// nothing, so only the punctuation rule applies.
fn merge_fragments(para: &str, out: &mut Vec<Range<usize>>, caseless: bool) {
    let mut i = 1;
    while i < out.len() {
        let piece = &para[out[i].clone()];
        let no_letters = !piece.chars().any(char::is_alphanumeric);
        let starts_lower = !caseless && piece.chars().next().is_some_and(char::is_lowercase);
        if no_letters || starts_lower {
            let end = out[i].end;
            out[i - 1].end = end;
            out.remove(i);
        } else {
            i += 1;
        }
    }
    if out.len() > 1 && !para[out[0].clone()].chars().any(char::is_alphanumeric) {
        let end = out[0].end;
        out[1].start = out[0].start.min(out[1].start);
        out[1].end = out[1].end.max(end);
        out.remove(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Token by token: the plain statement of what [`spaced_stops`] finds.
    fn spaced_stops_reference(para: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut after_stop = false;
        let mut offset = 0;
        for piece in para.split(|c: char| c.is_ascii_whitespace()) {
            let tok_start = offset;
            offset += piece.len() + 1;
            if piece.is_empty() {
                continue;
            }
            let is_stop = piece.len() <= 2 && piece.bytes().all(|b| matches!(b, b'.' | b'?' | b'!'));
            if is_stop {
                after_stop = true;
            } else if after_stop && piece != "''" {
                out.push(tok_start);
                after_stop = false;
            }
        }
        out
    }

    #[test]
    fn spaced_stops_agree_with_the_token_by_token_reference() {
        let alphabet =
            ["a", "talks", " ", "  ", "\n", ".", "..", "...", "?", "!", "?!", "''", "``", ",", "u.s.", "x."];
        for s in crate::testutil::random_strings(&alphabet, 4000, 30, 0x51_7cc1_b727_220a) {
            assert_eq!(spaced_stops(&s), spaced_stops_reference(&s), "{s:?}");
        }
    }

    fn split(p: &str) -> Vec<&str> {
        split_sentences(p).into_iter().map(|r| &p[r]).collect()
    }

    #[test]
    fn tokenized_lowercase_copy_splits_at_standalone_stops() {
        assert_eq!(
            split(
                "the talks in geneva ended on friday . `` we will return , '' the envoy said . u.s. officials ... declined to comment ? no date was set"
            ),
            [
                "the talks in geneva ended on friday .",
                "`` we will return , '' the envoy said .",
                "u.s. officials ... declined to comment ?",
                "no date was set",
            ]
        );
        // `''` closing a quotation stays with its sentence.
        assert_eq!(split("he said `` no . '' talks ended ."), ["he said `` no . ''", "talks ended ."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. and Gen. Ortiz met Mr. Abe on Feb. 3 in Room No. 4. Talks began."),
            ["The U.S. and Gen. Ortiz met Mr. Abe on Feb. 3 in Room No. 4.", "Talks began."]
        );
    }

    #[test]
    fn initials_are_not_sentence_ends() {
        assert_eq!(
            split("Antony J. Blinken met John F. Kennedy Jr. in Washington. They spoke."),
            ["Antony J. Blinken met John F. Kennedy Jr. in Washington.", "They spoke."]
        );
    }

    #[test]
    fn decimals_and_money() {
        assert_eq!(
            split("Growth slowed to 3.5 percent. Aid of $1.2bn was pledged, up from £0.9 billion."),
            ["Growth slowed to 3.5 percent.", "Aid of $1.2bn was pledged, up from £0.9 billion."]
        );
    }

    #[test]
    fn ellipsis_inside_a_sentence() {
        assert_eq!(
            split("He paused... and then continued. Nobody replied."),
            ["He paused... and then continued.", "Nobody replied."]
        );
    }

    #[test]
    fn quote_closing_after_full_stop() {
        assert_eq!(
            split("She said: “We will not accept that.” From the outset, the talks were tense."),
            ["She said: “We will not accept that.”", "From the outset, the talks were tense."]
        );
        assert_eq!(
            split("He said: \"We will not accept that.\" From the outset, the talks were tense."),
            ["He said: \"We will not accept that.\"", "From the outset, the talks were tense."]
        );
    }

    #[test]
    fn quote_running_over_several_sentences() {
        assert_eq!(
            split("“We came in good faith. We leave disappointed,” the envoy said. Talks end today."),
            ["“We came in good faith.", "We leave disappointed,” the envoy said.", "Talks end today."]
        );
    }

    #[test]
    fn quoted_question_with_lowercase_attribution() {
        assert_eq!(
            split("“Why now?” he asked. Nobody answered."),
            ["“Why now?” he asked.", "Nobody answered."]
        );
    }

    #[test]
    fn line_without_final_punctuation_is_one_sentence() {
        assert_eq!(
            split("Ministers agreed to meet again next month in Jakarta"),
            ["Ministers agreed to meet again next month in Jakarta"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            split("Japan's envoy said the allies' plan was fine. Seoul's reply came later."),
            ["Japan's envoy said the allies' plan was fine.", "Seoul's reply came later."]
        );
    }
}
