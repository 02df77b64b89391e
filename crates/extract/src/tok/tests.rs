//! The tokenizer against its first, character-by-character version, and
//! with the parse crate's tokens against without them.

use super::*;

fn words(t: &str) -> Vec<String> {
    let mut v = Vec::new();
    tokenize(t, 0..t.len(), 0, &[], &mut v);
    v.iter().map(|k| k.text(t).to_string()).collect()
}

#[test]
fn splits_possessives_keeps_abbreviations() {
    assert_eq!(
        words("India’s Mr. Jaishankar met U.S. envoys in Indo-Pacific talks, England 's J. Smith."),
        [
            "India",
            "’s",
            "Mr.",
            "Jaishankar",
            "met",
            "U.S.",
            "envoys",
            "in",
            "Indo-Pacific",
            "talks",
            ",",
            "England",
            "'s",
            "J.",
            "Smith",
            "."
        ]
    );
    assert_eq!(words("O'Neill's “quote”"), ["O'Neill", "'s", "“", "quote", "”"]);
}

/// The first, character-by-character tokenizer, kept as the reference the byte-level
/// one must agree with token for token.
fn reference(text: &str, range: std::ops::Range<usize>, sent: u32, out: &mut Vec<Tok>) {
    let s = &text[range.clone()];
    let base = range.start;
    let bytes = s.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let i = pos;
        let b0 = bytes[i];
        // ASCII fast path; other characters are decoded.
        let c = if b0 < 0x80 { b0 as char } else { s[i..].chars().next().unwrap_or(' ') };
        pos += c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut has_dot = false;
            loop {
                let rest = &s[end..];
                let mut chars = rest.chars();
                let Some(n) = chars.next() else { break };
                if n.is_ascii_alphanumeric() || !n.is_ascii() && n.is_alphanumeric() {
                    end += n.len_utf8();
                    continue;
                }
                if matches!(n, '-' | '.' | '\'' | '’' | '&')
                    && let Some(n2) = chars.next()
                    && n2.is_alphanumeric()
                {
                    // Possessive `'s` at a word end is split off below.
                    if is_apos(n)
                        && (n2 == 's' || n2 == 'S')
                        && !chars.next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    if n == '.' {
                        has_dot = true;
                    }
                    end += n.len_utf8() + n2.len_utf8();
                    continue;
                }
                break;
            }
            let word = &s[i..end];
            // Abbreviation periods: "U.S.", "Mr.", "J." initials.
            if s[end..].starts_with('.') {
                let single_cap = word.chars().count() == 1 && c.is_uppercase();
                let lw = lexicon::flags(&s[i..end + 1]);
                // A period followed by a comma or a closing parenthesis ends no sentence: "(D-Ore.)".
                let abbrev_next = matches!(s[end + 1..].chars().next(), Some(',' | ')'));
                if has_dot
                    || single_cap
                    || abbrev_next
                    || lw & w::HONORIFIC != 0
                    || lexicon::flags(word) & w::MONTH != 0 && word.len() <= 4
                {
                    end += 1;
                    // "U.S.-brokered": the compound goes on after the period.
                    let mut rest = s[end..].chars();
                    if rest.next() == Some('-') && rest.next().is_some_and(char::is_alphanumeric) {
                        end += 1;
                        while let Some(n) =
                            s[end..].chars().next().filter(|n| n.is_alphanumeric() || *n == '-')
                        {
                            end += n.len_utf8();
                        }
                    }
                }
            }
            // Currency symbols: "C$", "HK$", "US$".
            if s[end..].starts_with('$') && end - i <= 3 && s[i..end].chars().all(|c| c.is_ascii_uppercase())
            {
                end += 1;
            }
            let word = &s[i..end];
            let mut sh = shape::WORD;
            if c.is_uppercase() {
                sh |= shape::CAP;
                let letters = word.chars().filter(|c| c.is_alphabetic());
                let mut n = 0;
                let mut all = true;
                for l in letters {
                    n += 1;
                    if !l.is_uppercase() {
                        all = false;
                        break;
                    }
                }
                if all && n >= 2 {
                    sh |= shape::ALLCAPS;
                }
            } else if c.is_ascii_digit() {
                sh |= shape::NUM;
            }
            out.push(Tok {
                s: (base + i) as u32,
                e: (base + end) as u32,
                flags: lexicon::flags(word),
                shape: sh,
                sent,
            });
            pos = end;
            continue;
        }
        if is_apos(c) {
            let rest = &s[i + c.len_utf8()..];
            let mut ch = rest.chars();
            if matches!(ch.next(), Some('s' | 'S')) && !ch.next().is_some_and(char::is_alphanumeric) {
                let end = i + c.len_utf8() + 1;
                out.push(Tok {
                    s: (base + i) as u32,
                    e: (base + end) as u32,
                    flags: 0,
                    shape: shape::POSS,
                    sent,
                });
                pos = end;
                continue;
            }
        }
        let mut sh = shape::PUNCT;
        if matches!(c, '"' | '“' | '”' | '«' | '»') {
            sh |= shape::QUOTE;
        }
        out.push(Tok {
            s: (base + i) as u32,
            e: (base + i + c.len_utf8()) as u32,
            flags: 0,
            shape: sh,
            sent,
        });
    }
}

fn toks_of(t: &str, new: bool) -> Vec<(u32, u32, u32, u8)> {
    // Tokenize sentence-sized pieces, as the extractor does.
    let mut v = Vec::new();
    let mut start = 0;
    for (k, piece) in t.split_inclusive(['\n', '.']).enumerate() {
        let n = v.len();
        if new {
            let c = tokenize(t, start..start + piece.len(), k as u32, &[], &mut v);
            // The counts agree with the tokens.
            let words: Vec<&Tok> = v[n..].iter().filter(|t| t.is(shape::WORD)).collect();
            assert_eq!(c.words as usize, words.len());
            assert_eq!(c.nums as usize, words.iter().filter(|t| t.is(shape::NUM)).count());
            assert_eq!(c.letter_words + c.nums, c.words);
            let upper = words.iter().filter(|t| !t.is(shape::NUM) && t.is(shape::ALLCAPS)).count();
            assert_eq!(c.upper as usize, upper);
        } else {
            reference(t, start..start + piece.len(), k as u32, &mut v);
        }
        start += piece.len();
    }
    v.iter().map(|k| (k.s, k.e, k.flags, k.shape)).collect()
}

/// Tokens of each sentence of `text` read as a document: built on the parse
/// crate's tokens (`with_words`) or from the text alone.
fn doc_toks(text: &str, with_words: bool) -> Vec<(u32, u32, u32, u8, u32)> {
    let Ok(article) = attache_parse::read_text(text) else { return Vec::new() };
    let doc = attache_parse::Document::new(article);
    let mut v = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let words = if with_words { doc.sentence_tokens(i) } else { &[] };
        tokenize(&doc.text, s.span.clone(), i as u32, words, &mut v);
    }
    v.iter().map(|k| (k.s, k.e, k.flags, k.shape, k.sent)).collect()
}

#[test]
fn parse_tokens_change_nothing() {
    let fixed = [
        "Talks\n\nIndia’s Mr. Jaishankar met U.S. envoys in Indo-Pacific talks, England 's J. Smith.",
        "Deal\n\nthe u.s.-brokered deal , sen. (D-Ore.) said ; HK$ 5 and C$10, US$ 3 — “NATO” «UE» O’Neill’S",
        "Dates\n\nJan. 5 Sept. 30 MAR. may. AT&T Procter & Gamble rock'n'roll don't it’s 1,000.50 3-45 x'",
        "Names\n\nÜnal ÇELİK and ΑΘΗΝΑ met Straße’s İstanbul\u{a0}team\u{2009}at 9.30 a.m. x_1 a:b 10:30.",
    ];
    for t in fixed {
        let with = doc_toks(t, true);
        assert!(with.len() > 10, "{t}");
        assert_eq!(with, doc_toks(t, false), "{t}");
    }
    let alphabet: &[&str] = &[
        "a", "s", "S", "B", "Mr", "Jan", "U", "é", "É", "ß", "9", "0", "-", ".", "'", "’", "&", "$", ",",
        ")", "(", ":", ";", "_", " ", " ", "  ", "\n", "\n\n", "\t", "\u{a0}", "“", "”", "\"", "—", "x",
        "HK", "said", "Talks", "talks", "NATO", "1990s",
    ];
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    for _ in 0..3000 {
        let mut t = String::from("Title\n\n");
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        for _ in 0..(seed % 40) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        assert_eq!(doc_toks(&t, true), doc_toks(&t, false), "{t:?}");
    }
}

#[test]
fn agrees_with_the_reference_tokenizer() {
    let fixed = [
        "India’s Mr. Jaishankar met U.S. envoys in Indo-Pacific talks, England 's J. Smith.",
        "the u.s.-brokered deal , sen. (D-Ore.) said ; HK$ 5 and C$10, US$ 3 — “NATO” «UE» O’Neill’S",
        "Jan. 5 Sept. 30 MAR. may. AT&T Procter & Gamble rock'n'roll don't it’s 1,000.50 3-45 x'",
        "Ünal ÇELİK and ΑΘΗΝΑ met Straße’s İstanbul\u{a0}team\u{2009}at 9.30 a.m. and\u{b}p.m.",
    ];
    for t in fixed {
        assert_eq!(toks_of(t, true), toks_of(t, false), "{t}");
    }
    // Generated strings over the characters the rules look at.
    let alphabet: Vec<&str> = vec![
        "a",
        "s",
        "S",
        "B",
        "Mr",
        "mr",
        "Jan",
        "sept",
        "U",
        "é",
        "É",
        "ß",
        "İ",
        "9",
        "0",
        "-",
        ".",
        "'",
        "’",
        "&",
        "$",
        ",",
        ")",
        "(",
        " ",
        " ",
        "\n",
        "\t",
        "\u{b}",
        "\u{a0}",
        "“",
        "”",
        "\"",
        "«",
        "»",
        "—",
        "x",
        "Gen",
        "Maj",
        "HK",
        "said",
        "Secretary-General",
        "ab",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..20_000 {
        let mut t = String::new();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let len = (seed % 24) as usize;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        assert_eq!(toks_of(&t, true), toks_of(&t, false), "{t:?}");
    }
}
