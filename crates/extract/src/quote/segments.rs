//! Quoted segments: opening and closing marks paired within each paragraph
//! (curly, straight, doubled and guillemet marks), a quotation left open at a
//! paragraph's end carried into the next one as the same group.

use std::ops::Range;

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

impl Segment {
    /// A quotation reproduces someone's words: three words or more. Scare quotes and
    /// names of things ("the “Quad” format", “reform”) are quoted, but no quotation.
    /// A title after "titled", "called" … in title case (“How to Win the Peace”) is a name.
    pub(crate) fn is_quotation(&self, text: &str) -> bool {
        let q = &text[self.span.clone()];
        if q.split_whitespace().nth(2).is_none() {
            return false;
        }
        let lead = text[..self.open].trim_end().rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let named = matches!(lead, "titled" | "entitled" | "called" | "named" | "headlined" | "dubbed");
        let title_case = q
            .split_whitespace()
            .filter(|w| w.len() >= 4)
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic()));
        !(named && title_case)
    }
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
                    // A fresh opening mark right after a space while a quote is open: a
                    // quotation running on into a new paragraph (its opening mark repeated,
                    // the paragraphs joined) when the open part reads as one, else a stray
                    // mark; restart here either way.
                    if kind == 1
                        && prev.is_some_and(char::is_whitespace)
                        && next.is_some_and(char::is_alphanumeric)
                    {
                        let open_part = &text[o..abs];
                        let run_on = open_part.trim_end().ends_with(['.', '?', '!'])
                            && open_part.split_whitespace().nth(3).is_some();
                        if run_on {
                            push_seg(text, o, abs, abs, group, &mut out);
                        } else {
                            group += 1;
                        }
                        open_at = Some(abs);
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

#[cfg(test)]
mod tests {
    use super::find_segments;

    fn segs(text: &str) -> Vec<(&str, u32)> {
        let paras: Vec<std::ops::Range<usize>> = {
            let mut off = 0;
            text.split('\n')
                .map(|l| {
                    let r = off..off + l.len();
                    off += l.len() + 1;
                    r
                })
                .collect()
        };
        find_segments(text, &paras).iter().map(|s| (&text[s.span.clone()], s.group)).collect()
    }

    #[test]
    fn curly_straight_and_doubled_marks() {
        assert_eq!(
            segs("“We agree,” she said. He said \"no deal\" and ``maybe later''."),
            [("We agree,", 1), ("no deal", 2), ("maybe later", 3)]
        );
    }

    #[test]
    fn an_apostrophe_opens_nothing() {
        assert_eq!(segs("The envoy's plan is Kyiv’s too."), []);
    }

    #[test]
    fn scare_quotes_and_titles_are_no_quotations() {
        let text = "She called it “reform” and cited a paper titled “Roads to a Lasting Peace in the Region” \
                    that warned of “a war nobody can win.”";
        let paras: Vec<std::ops::Range<usize>> = std::iter::once(0..text.len()).collect();
        let got: Vec<(&str, bool)> = find_segments(text, &paras)
            .iter()
            .map(|s| (&text[s.span.clone()], s.is_quotation(text)))
            .collect();
        assert_eq!(
            got,
            [
                ("reform", false),
                ("Roads to a Lasting Peace in the Region", false),
                ("a war nobody can win.", true)
            ]
        );
    }

    #[test]
    fn a_quote_reopened_after_a_full_stop_runs_on() {
        let got = segs("``We lost the harvest. We lost the house. ``Now we wait,'' she said.");
        assert_eq!(got, [("We lost the harvest. We lost the house.", 1), ("Now we wait,", 1)]);
    }

    #[test]
    fn a_stray_mark_is_dropped() {
        let got = segs("He called it “historic and “We will go,” she said.");
        assert_eq!(got, [("We will go,", 2)]);
    }

    #[test]
    fn a_quote_open_at_a_paragraph_end_continues_in_the_next() {
        let got = segs("“We will stay the course.\n“And we will win,” he said.");
        assert_eq!(got, [("We will stay the course.", 1), ("And we will win,", 1)]);
    }
}
