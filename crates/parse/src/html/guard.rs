//! The bounded cost of every page: element nesting estimated before parsing
//! and checked on the parsed tree, and entity-dense text split so that
//! serialising it costs linear time.

use dom_query::{Document, NodeRef};

use super::MAX_NESTING;
use crate::error::ParseError;

/// Void elements: they never have content and never nest, whatever their
/// syntax (`<br>`, `<br/>`, `<br></br>`).
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose end tag may be omitted and which the parser closes on its
/// own when a sibling starts (`<p>…<p>`, `<li>…<li>`, table parts), plus the
/// document's own frame: they do not count towards the nesting estimate.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt",
    "rp", "colgroup", "caption", "html", "head", "body",
];
/// Elements whose content is text up to their end tag (no markup inside).
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];
/// Elements an HTML parser never nests in themselves: a new one first closes
/// the open one (`<a>` by the adoption agency, headings, buttons…).
const NO_SELF_NESTING: &[&str] = &["a", "nobr", "button", "form"];
/// Headings: one starting right inside another closes it.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

fn is_one_of(name: &[u8], set: &[&str]) -> bool {
    set.iter().any(|s| s.as_bytes().eq_ignore_ascii_case(name))
}

/// The element nesting an HTML parser builds from `html`, estimated in one
/// linear pass, stopping as soon as it exceeds `limit`.
///
/// It models what a parser does rather than what the markup seems to say:
/// a start tag opens an element unless it is void (`<div/>` opens a `<div>`:
/// only void elements and elements inside `<svg>`/`<math>` self-close); an
/// end tag closes the nearest open element of its name and everything
/// opened inside it, and is ignored when there is none (a stray `</b>` does
/// not lower the depth). Comments and raw-text elements (`<script>`, …) are
/// skipped; elements with implied end tags (`<p>`, `<li>`, table parts) are
/// not counted. The exact depth is checked again on the parsed tree.
pub(super) fn nesting_estimate(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let mut open: Vec<&[u8]> = Vec::new();
    let (mut foreign, mut max) = (0usize, 0usize);
    let mut i = 0usize;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = memchr::memmem::find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = if close { i + 1 } else { i };
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let end = b[start..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-'))
            .map_or(b.len(), |e| start + e);
        let name = &b[start..end];
        let gt = memchr::memchr(b'>', &b[end..]).map_or(b.len(), |e| end + e);
        let self_closing = gt > end && b[gt - 1] == b'/';
        i = gt.min(b.len());
        if is_one_of(name, VOID) || is_one_of(name, IMPLIED_END) {
            continue;
        }
        if close {
            if let Some(at) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                foreign -= open[at..].iter().filter(|n| is_one_of(n, &["svg", "math"])).count();
                open.truncate(at);
            }
            continue;
        }
        if foreign > 0 && self_closing {
            max = max.max(open.len() + 1);
            continue;
        }
        if foreign == 0 && is_one_of(name, RAW_TEXT) {
            i = find_end_tag(&b[i..], name).map_or(b.len(), |e| i + e);
            continue;
        }
        if is_one_of(name, NO_SELF_NESTING)
            && let Some(at) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name))
        {
            foreign -= open[at..].iter().filter(|n| is_one_of(n, &["svg", "math"])).count();
            open.truncate(at);
        }
        if is_one_of(name, HEADINGS) && open.last().is_some_and(|n| is_one_of(n, HEADINGS)) {
            open.pop();
        }
        if is_one_of(name, &["svg", "math"]) {
            foreign += 1;
        }
        open.push(name);
        max = max.max(open.len());
        if max > limit {
            break;
        }
    }
    max
}

pub(super) fn too_deep() -> ParseError {
    ParseError::Unsupported(format!(
        "HTML nested more than {MAX_NESTING} elements deep; refusing a page built to exhaust the parser"
    ))
}

/// A text node longer than this many bytes, holding at least
/// [`DENSE_ESCAPES`] characters that serialising escapes (`&`, no-break
/// space), is split into pieces of at most [`TEXT_PIECE`] bytes (attribute
/// values are dropped instead).
///
/// Why: Readability hands its content back as HTML, and `html5ever`'s
/// serialiser looks for the next `<`/`>` from each escaped character to the
/// end of its text node, so a text of `n` bytes with `k` escapes costs
/// `k · n` (one `<p>` of 2,000,000 `&amp;` took minutes). Split, a node
/// costs at most `TEXT_PIECE` bytes of scanning per escape. Adjacent text
/// nodes serialise to the same HTML, and pages this dense in entities are
/// not articles anyway.
const DENSE_TEXT: usize = 1024;
/// See [`DENSE_TEXT`].
const DENSE_ESCAPES: usize = 256;
/// See [`DENSE_TEXT`].
const TEXT_PIECE: usize = 256;

/// Characters (counted by their first byte) that `html5ever` escapes when
/// serialising text or attribute values.
fn escapes(s: &str) -> usize {
    memchr::memchr3_iter(b'&', 0xC2, b'"', s.as_bytes()).count()
}

fn is_dense(s: &str) -> bool {
    s.len() > DENSE_TEXT && escapes(s) >= DENSE_ESCAPES
}

/// Check the parsed tree before extraction: refuse one nested deeper than
/// [`MAX_NESTING`] (whatever the markup looked like), and take the quadratic
/// cost out of entity-dense text (see [`DENSE_TEXT`]). One iterative pass.
pub(super) fn tame_tree(doc: &Document) -> Result<(), ParseError> {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_NESTING + 2 {
            return Err(too_deep());
        }
        if node.is_text() {
            let dense = node.query_or(false, |n| match &n.data {
                dom_query::NodeData::Text { contents } => is_dense(contents),
                _ => false,
            });
            if dense {
                split_text(doc, &node);
            }
            continue;
        }
        if node.is_element() {
            node.update(|n| {
                if let Some(el) = n.as_element_mut() {
                    el.attrs.retain(|a| !is_dense(&a.value));
                }
            });
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth + 1));
        }
    }
    Ok(())
}

/// Replace a text node by pieces of at most [`TEXT_PIECE`] bytes.
fn split_text(doc: &Document, node: &NodeRef<'_>) {
    let text = node.text().to_string();
    let mut pieces = Vec::with_capacity(text.len() / TEXT_PIECE + 1);
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let mut at = rest.len().min(TEXT_PIECE);
        while !rest.is_char_boundary(at) {
            at -= 1;
        }
        let (piece, tail) = rest.split_at(at);
        pieces.push(piece);
        rest = tail;
    }
    let Some((first, more)) = pieces.split_first() else { return };
    node.set_text(*first);
    let mut prev = *node;
    for piece in more {
        let next = doc.tree.new_text(*piece);
        prev.insert_after(&next);
        prev = next;
    }
}

/// Offset of the first `</name` (ASCII case-insensitive) in `b`.
fn find_end_tag(b: &[u8], name: &[u8]) -> Option<usize> {
    memchr::memmem::find_iter(b, b"</")
        .find(|&at| b.get(at + 2..at + 2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::read_html;

    /// The depth of the tree `html5ever` builds, for comparison.
    fn parsed_depth(html: &str) -> usize {
        let doc = Document::from(html);
        let mut max = 0;
        let mut stack = vec![(doc.root(), 0usize)];
        while let Some((n, d)) = stack.pop() {
            let name = n.node_name().map(|s| s.to_ascii_lowercase()).unwrap_or_default();
            let counted =
                n.is_element() && !IMPLIED_END.contains(&name.as_str()) && !VOID.contains(&name.as_str());
            let d = d + usize::from(counted);
            max = max.max(d);
            stack.extend(n.children_it(false).map(|c| (c, d)));
        }
        max
    }

    #[test]
    fn the_estimate_follows_the_parser() {
        let cases = [
            // `<div/>` is not self-closing in HTML: each one opens a div.
            ("<div/><div/><div/>", 3),
            ("<span/><span/>", 2),
            // Void elements never nest, however they are written.
            ("<div><br/><img><hr></hr><input/></div>", 1),
            // Stray end tags close nothing.
            ("<div></b></i></span><div></b><div></div></div></div>", 3),
            // An end tag closes what was opened inside its element.
            ("<div><span><b><i></div><div></div>", 4),
            // `<a>` and headings do not nest in themselves.
            ("<a>1<a>2<a>3", 1),
            ("<h1>a<h2>b<h3>c", 1),
            // Self-closing is honoured inside SVG.
            ("<svg><path/><path/><g><path/></g></svg>", 3),
        ];
        for (html, want) in cases {
            assert_eq!(nesting_estimate(html, 600), want, "{html}");
            assert_eq!(parsed_depth(html), want, "the parser disagrees on {html}");
        }
    }

    #[test]
    fn self_closed_divs_and_stray_end_tags_are_refused_quickly() {
        let start = std::time::Instant::now();
        for page in [
            format!("<html><body>{}<p>Text of the page.</p></body></html>", "<div/>".repeat(100_000)),
            format!("<html><body>{}<p>Text.</p></body></html>", "<div></b>".repeat(100_000)),
            format!("<html><body>{}<p>Text.</p></body></html>", "<b><i>".repeat(50_000)),
        ] {
            let err = read_html(&page, None).unwrap_err().to_string();
            assert!(err.contains("nested more than 600 elements deep"), "{err}");
        }
        assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
        // Just under the limit is read.
        let page = format!(
            "<html><body>{}<p>Negotiators met in Geneva on Thursday and agreed to meet again next week, officials said.</p>{}</body></html>",
            "<div>".repeat(500),
            "</div>".repeat(500)
        );
        assert!(read_html(&page, None).is_ok());
    }

    #[test]
    fn the_parsed_tree_is_checked_too() {
        // Formatting elements reopened by the parser are not in the estimate:
        // the tree itself is checked before extraction.
        let doc = Document::from(
            format!("<html><body>{}x</body></html>", "<div>".repeat(MAX_NESTING + 10)).as_str(),
        );
        assert!(tame_tree(&doc).is_err());
        let doc = Document::from("<html><body><div><p>fine</p></div></body></html>");
        assert!(tame_tree(&doc).is_ok());
    }

    #[test]
    fn entity_dense_text_is_split_not_changed() {
        let text = "R&D; Q&A\u{a0}".repeat(2_000);
        let doc = Document::from(
            format!("<html><body><p title=\"{}\">{text}</p></body></html>", "&amp;".repeat(2000)).as_str(),
        );
        let before = doc.select("p").text().to_string();
        tame_tree(&doc).unwrap();
        let p = doc.select("p");
        assert_eq!(p.text().to_string(), before, "the text is unchanged");
        assert_eq!(before, text);
        assert!(p.nodes()[0].children().len() > 1, "the text node was split");
        assert!(p.attr("title").is_none(), "the entity-dense attribute is dropped");
        // Readability's HTML of the split text parses back to the same text.
        let back = Document::from(p.html().to_string().as_str());
        assert_eq!(back.select("p").text().to_string(), text);
        // Ordinary text is left alone.
        let doc = Document::from("<p title=\"a &amp; b\">Fish &amp; chips, R&amp;D.</p>");
        tame_tree(&doc).unwrap();
        assert_eq!(doc.select("p").nodes()[0].children().len(), 1);
        assert!(doc.select("p").attr("title").is_some());
    }

    #[test]
    fn entity_floods_cost_linear_time() {
        let start = std::time::Instant::now();
        let page = format!(
            "<html><body><p>Negotiators met in Geneva on Thursday and agreed to meet again.</p><p>{}</p></body></html>",
            "&amp;".repeat(200_000)
        );
        let r = read_html(&page, None);
        let took = start.elapsed();
        // 200,000 took 200 s before the split (quadratic); about 6 s now in a debug build.
        assert!(took.as_secs() < 60, "took {took:?}");
        let _ = r;
    }
}
