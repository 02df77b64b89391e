//! The plain-text and Markdown article reader.
//!
//! Layout accepted (documented in the README, "Input formats"):
//!
//! ```text
//! Date: 2026-11-20          <- optional metadata lines, before anything else
//! Source: Example Wire         (Date, Published, Source, URL, ID, Author)
//!
//! Headline on the first line   (or "# Headline" in Markdown)
//! Optional standfirst
//! By A. Reporter            <- optional byline
//!
//! GENEVA (Wire) — First paragraph. One paragraph per line, or paragraphs
//! separated by blank lines; a line that does not end a sentence is joined
//! with the next one.
//!
//! ‘Red lines’               <- a short line without final punctuation is a subhead
//! ```

use crate::article::{Article, Block, BlockKind};
use crate::error::ParseError;
use crate::ws::{collapse_ws, words};

/// The largest article, in bytes, that the readers accept.
///
/// Real news articles are well under 200 kB; anything past this is a broken
/// record (a whole archive in one field, binary junk) and is rejected with
/// [`ParseError::TooLarge`] rather than slowing a batch down.
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;

/// Longest line, in words, that can be a subhead.
const SUBHEAD_MAX_WORDS: usize = 8;
/// Longest paragraph, in words, that can be a standfirst.
const STANDFIRST_MAX_WORDS: usize = 50;
/// Longest line, in words, that can be a headline.
const HEADLINE_MAX_WORDS: usize = 30;

/// Read a plain-text or Markdown article.
///
/// ```
/// let a = attache_parse::read_text("Date: 2026-11-20\n\n# Talks resume in Geneva\n\nEnvoys met on Monday. They agreed to meet again.\n\n## Next steps\n\nA vote is due in March.")?;
/// assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
/// assert_eq!(a.published.as_deref(), Some("2026-11-20"));
/// assert_eq!(a.blocks.len(), 3);
/// # Ok::<(), attache_parse::ParseError>(())
/// ```
pub fn read_text(input: &str) -> Result<Article, ParseError> {
    check_size(input)?;
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut article = Article::default();
    let mut lines = input.lines().map(|l| l.trim_end_matches('\r')).peekable();

    // Metadata lines, then the headline.
    while let Some(line) = lines.peek() {
        let t = line.trim();
        if t.is_empty() || t == "---" {
            lines.next();
            continue;
        }
        if let Some((k, v)) = metadata_line(t) {
            let v = Some(v.to_string());
            match k {
                MetaKey::Date => article.published = v,
                MetaKey::Source => article.source = v,
                MetaKey::Url => article.url = v,
                MetaKey::Id => article.id = v,
                MetaKey::Author => article.author = v,
                MetaKey::Title => article.title = v,
            }
            lines.next();
            continue;
        }
        break;
    }
    let rest: Vec<&str> = lines.collect();
    let mut blocks = split_blocks(&rest);
    if article.title.is_none()
        && let Some(first) = blocks.first()
        && looks_like_headline(first)
    {
        article.title = Some(strip_markdown_heading(&first.text).to_string());
        blocks.remove(0);
    }
    finish_body(&mut article, blocks);
    if article.blocks.is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(article)
}

/// Build body blocks from a text with no headline (the `text` of a JSON article).
pub(crate) fn read_body(article: &mut Article, body: &str) {
    let lines: Vec<&str> = body.lines().collect();
    let blocks = split_blocks(&lines);
    finish_body(article, blocks);
}

pub(crate) fn check_size(input: &str) -> Result<(), ParseError> {
    if input.len() > MAX_ARTICLE_BYTES {
        return Err(ParseError::TooLarge { size: input.len(), limit: MAX_ARTICLE_BYTES });
    }
    if input.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum MetaKey {
    Date,
    Source,
    Url,
    Id,
    Author,
    Title,
}

fn metadata_line(line: &str) -> Option<(MetaKey, &str)> {
    let (k, v) = line.split_once(':')?;
    let v = v.trim();
    if v.is_empty() {
        return None;
    }
    let key = match k.trim().to_ascii_lowercase().as_str() {
        "date" | "published" => MetaKey::Date,
        "source" => MetaKey::Source,
        "url" => MetaKey::Url,
        "id" => MetaKey::Id,
        "author" => MetaKey::Author,
        "title" => MetaKey::Title,
        _ => return None,
    };
    Some((key, v))
}

/// A raw block before classification: its text and whether the source marked
/// it (Markdown heading, italics).
struct RawBlock {
    text: String,
    heading: bool,
    emphasis: bool,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(['”', '’', '"', '\'', ')', '»', '*', '_']);
    t.ends_with(['.', '!', '?', ':', '…', ';'])
}

/// Group lines into blocks.
///
/// Blank lines always separate blocks. Within a run of lines, each line is
/// its own block ("one paragraph per line", the usual wire layout), except
/// that a line starting with a lower-case letter continues the previous one,
/// and in hard-wrapped text (most lines longer than a headline and not ending
/// a sentence) the lines of a run are joined. The first line is always a
/// block of its own, so a headline never merges with what follows.
fn split_blocks(lines: &[&str]) -> Vec<RawBlock> {
    let nonempty: Vec<&str> = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()).collect();
    let long = nonempty.iter().filter(|l| l.len() >= 40).count();
    let open = nonempty.iter().filter(|l| l.len() >= 40 && !ends_sentence(l)).count();
    let wrapped = long >= 3 && open * 2 > long && nonempty.iter().all(|l| l.len() <= 100);
    let mut blocks = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, blocks: &mut Vec<RawBlock>| {
        let t = collapse_ws(cur);
        cur.clear();
        if t.is_empty() {
            return;
        }
        let heading = t.starts_with('#');
        let emphasis = (t.starts_with('*') && t.ends_with('*') && !t.starts_with("* "))
            || (t.starts_with('_') && t.ends_with('_'));
        let text = clean_markdown(&t);
        if !text.is_empty() {
            blocks.push(RawBlock { text, heading, emphasis });
        }
    };
    let mut first = true;
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if l.is_empty() {
            flush(&mut cur, &mut blocks);
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(l);
        let next = lines.get(i + 1).map(|n| n.trim()).unwrap_or("");
        let continues = next.chars().next().is_some_and(char::is_lowercase)
            || (wrapped && !next.is_empty() && !ends_sentence(l) && !l.starts_with('#'));
        if first || !continues || l.starts_with('#') {
            flush(&mut cur, &mut blocks);
        }
        first = false;
    }
    flush(&mut cur, &mut blocks);
    blocks
}

fn strip_markdown_heading(s: &str) -> &str {
    s.trim_start_matches('#').trim()
}

/// Remove the Markdown that commonly wraps article text: heading marks,
/// emphasis, block quotes, list bullets and inline links.
fn clean_markdown(s: &str) -> String {
    let mut t = s.trim();
    if t.starts_with('#') {
        t = t.trim_start_matches('#').trim_start();
    }
    if let Some(r) = t.strip_prefix("> ") {
        t = r;
    }
    if let Some(r) = t.strip_prefix("- ").or_else(|| t.strip_prefix("* ")) {
        t = r;
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    // [text](url) -> text
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        if let Some(close) = after.find("](")
            && let Some(end) = after[close + 2..].find(')')
        {
            out.push_str(&rest[..open]);
            out.push_str(&after[..close]);
            rest = &after[close + 2 + end + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    // Bold marks; most paragraphs have no `*` or `_` at all.
    let out = if memchr::memchr2(b'*', b'_', out.as_bytes()).is_some() {
        out.replace("**", "").replace("__", "")
    } else {
        out
    };
    let trimmed = out.trim();
    let unwrapped = if trimmed.len() > 2
        && ((trimmed.starts_with('*') && trimmed.ends_with('*'))
            || (trimmed.starts_with('_') && trimmed.ends_with('_')))
    {
        &trimmed[1..trimmed.len() - 1]
    } else {
        trimmed
    };
    unwrapped.trim().to_string()
}

/// Does `s` have more than `n` white-space separated words? Reads no further
/// than the word past `n`.
fn more_words_than(s: &str, n: usize) -> bool {
    words(s).nth(n).is_some()
}

fn looks_like_headline(b: &RawBlock) -> bool {
    if b.heading {
        return true;
    }
    !more_words_than(&b.text, HEADLINE_MAX_WORDS) && !b.text.trim_end().ends_with('.')
}

/// A short line with no sentence-final punctuation, or a short line wholly in
/// quotation marks (`‘Red lines’`), is a subhead.
fn is_subhead(b: &RawBlock) -> bool {
    if b.heading {
        return true;
    }
    let t = b.text.trim();
    // A subhead is a few words: skip counting the words of a long paragraph.
    if t.len() > 160
        || more_words_than(t, SUBHEAD_MAX_WORDS)
        || !t.starts_with(|c: char| c.is_uppercase() || "‘“'\"".contains(c))
    {
        return false;
    }
    let quoted_whole = (t.starts_with('‘') && t.ends_with('’'))
        || (t.starts_with('“') && t.ends_with('”'))
        || (t.len() > 1 && t.starts_with('\'') && t.ends_with('\''))
        || (t.len() > 1 && t.starts_with('"') && t.ends_with('"'));
    if quoted_whole {
        let inner = t.trim_matches(['‘', '’', '“', '”', '\'', '"']);
        return !inner.trim_end().ends_with(['.', '!', '?', ',']);
    }
    !ends_sentence(t) && !t.ends_with(',')
}

fn byline(t: &str) -> Option<&str> {
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("BY "))?;
    (!more_words_than(rest, 10) && rest.starts_with(char::is_uppercase)).then_some(rest.trim())
}

/// Wire credits such as "(Reporting by …; Editing by …)" are not article text.
fn is_credit(t: &str) -> bool {
    let t = t.trim_start_matches('(');
    t.starts_with("Reporting by") || t.starts_with("Additional reporting by") || t.starts_with("Editing by")
}

/// The place in a wire dateline: `GENEVA (Wire) —`, `NEW DELHI, Nov 26 —`.
pub(crate) fn dateline_place(t: &str) -> Option<&str> {
    let end = t.find(|c: char| !(c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\''))?;
    let place = t[..end].trim();
    let rest = t[end..].trim_start();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let after_ok = rest.starts_with(',') || rest.starts_with('(') || rest.starts_with(['—', '–', '-']);
    (letters >= 3 && after_ok && (t[..end].ends_with(' ') || t[end..].starts_with(','))).then_some(place)
}

fn finish_body(article: &mut Article, raw: Vec<RawBlock>) {
    let mut blocks: Vec<Block> = Vec::with_capacity(raw.len());
    let mut first_para_seen = false;
    for (i, b) in raw.iter().enumerate() {
        let t = b.text.as_str();
        if !first_para_seen
            && article.author.is_none()
            && let Some(by) = byline(t)
        {
            article.author = Some(by.to_string());
            continue;
        }
        if is_credit(t) {
            continue;
        }
        let kind = if !first_para_seen && is_standfirst(&raw, i) {
            BlockKind::Standfirst
        } else if is_subhead(b)
            && raw[i + 1..].iter().find(|r| !is_credit(&r.text)).is_some_and(|r| !is_subhead(r))
        {
            BlockKind::Subhead
        } else {
            BlockKind::Paragraph
        };
        if kind == BlockKind::Paragraph {
            first_para_seen = true;
        }
        blocks.push(Block { kind, text: t.to_string() });
    }
    article.blocks = blocks;
}

/// The first block is a standfirst when the source marks it (italics), when a
/// byline follows it, or when it has no dateline but the next block does.
fn is_standfirst(raw: &[RawBlock], i: usize) -> bool {
    if i > 1 || i + 1 >= raw.len() {
        return false;
    }
    let b = &raw[i];
    if b.heading || more_words_than(&b.text, STANDFIRST_MAX_WORDS) || byline(&b.text).is_some() {
        return false;
    }
    if i == 1 && byline(&raw[0].text).is_none() {
        return false;
    }
    let next = &raw[i + 1].text;
    b.emphasis
        || (byline(next).is_some() && i == 0)
        || (dateline_place(&b.text).is_none() && dateline_place(next).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "\
Date: 2026-11-20
Source: Example Wire

Envoys agree to resume Black Sea grain talks
Negotiators set a deadline of the end of the month for a new deal.
By Ana Ruiz

ISTANBUL (Example Wire) — Negotiators from both sides agreed on Thursday to resume talks.
The talks will take place in Istanbul next week.

‘Red lines’

Diplomats said each side had set out conditions.
Shipping through the Bosporus
continued as normal, port officials said.
Turkey's navy kept watch
(Reporting by Ana Ruiz; Editing by Tom Lee)
";

    #[test]
    fn wire_story_layout() {
        let a = read_text(WIRE).unwrap();
        assert_eq!(a.title.as_deref(), Some("Envoys agree to resume Black Sea grain talks"));
        assert_eq!(a.published.as_deref(), Some("2026-11-20"));
        assert_eq!(a.source.as_deref(), Some("Example Wire"));
        assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, [Standfirst, Paragraph, Paragraph, Subhead, Paragraph, Paragraph, Paragraph]);
        assert_eq!(a.blocks[6].text, "Turkey's navy kept watch");
        assert_eq!(a.blocks[3].text, "‘Red lines’");
        assert_eq!(
            a.blocks[5].text,
            "Shipping through the Bosporus continued as normal, port officials said."
        );
        assert_eq!(dateline_place(&a.blocks[1].text), Some("ISTANBUL"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let a = read_text("Talks stall over grain corridor inspections\n\nGENEVA — Negotiators from both sides met for a third day on\nThursday but failed to agree on how ships should be inspected\nbefore they enter the corridor, diplomats said.\n\nThe next round is planned for early December in Istanbul, with\nobservers from the United Nations expected to attend the talks.\n").unwrap();
        assert_eq!(a.title.as_deref(), Some("Talks stall over grain corridor inspections"));
        assert_eq!(a.blocks.len(), 2);
        assert!(a.blocks[0].text.ends_with("before they enter the corridor, diplomats said."));
    }

    #[test]
    fn long_headline_stays_apart_from_standfirst() {
        let a = read_text("ASEAN ministers back talks on South China Sea code after tense Manila meeting\nMinisters agreed to a new round in January but split over binding rules.\n\nMANILA (Wire) — Ministers agreed on Wednesday to open new talks.").unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("ASEAN ministers back talks on South China Sea code after tense Manila meeting")
        );
        assert_eq!(a.blocks[0].kind, BlockKind::Standfirst);
    }

    #[test]
    fn markdown_headings_and_emphasis() {
        let a = read_text("# Summit ends\n\n*Leaders sign a joint statement.*\n\nLONDON — Leaders met. They agreed.\n\n## What next\n\nA review is due in **May**.").unwrap();
        assert_eq!(a.title.as_deref(), Some("Summit ends"));
        assert_eq!(a.blocks[0].kind, BlockKind::Standfirst);
        assert_eq!(a.blocks[0].text, "Leaders sign a joint statement.");
        assert_eq!(a.blocks[2], Block { kind: BlockKind::Subhead, text: "What next".into() });
        assert_eq!(a.blocks[3].text, "A review is due in May.");
    }

    #[test]
    fn body_without_headline() {
        let a = read_text(
            "Ministers met in Geneva on Monday to discuss the ceasefire. They agreed to meet again.",
        )
        .unwrap();
        assert_eq!(a.title, None);
        assert_eq!(a.blocks.len(), 1);
    }

    #[test]
    fn empty_and_huge_inputs_are_errors() {
        assert!(matches!(read_text(" \n\n "), Err(ParseError::Empty)));
        let huge = "word ".repeat(MAX_ARTICLE_BYTES / 4);
        assert!(matches!(read_text(&huge), Err(ParseError::TooLarge { .. })));
    }
}
