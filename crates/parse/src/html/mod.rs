//! The HTML article reader: main-content extraction and metadata.
//!
//! Extraction wraps [`dom_smoothie`] (a port of Mozilla's Readability), chosen
//! after measuring it against `trafilatura` on the project's HTML evaluation
//! pages (see `docs/benchmarks.md`). Its content HTML is flattened into body
//! blocks here, one block per block-level element, so that list items and
//! paragraphs never run together.
//!
//! Metadata is read from JSON-LD (`NewsArticle` and its relatives) first,
//! then `<meta>` tags and Open Graph, then heuristics (`<title>`, the
//! Readability byline, `<time datetime>`).
//!
//! The module's parts: `guard` (the bounded cost of every page: nesting and
//! entity-dense text, checked before and after parsing), `blocks` (content
//! HTML flattened into body blocks), `meta` (metadata from JSON-LD, `<meta>`
//! tags and heuristics).

use dom_query::Document;

use crate::article::Article;
use crate::error::ParseError;
use crate::ws::collapse_ws;

mod blocks;
mod guard;
mod meta;

use blocks::{content_blocks, strip_by};
use guard::{nesting_estimate, tame_tree, too_deep};
use meta::Meta;

/// The largest HTML page, in bytes, that [`read_html`] accepts.
///
/// Real article pages are rarely over 2 MB; larger inputs are rejected with
/// [`ParseError::TooLarge`] before any parsing.
pub const MAX_HTML_BYTES: usize = 16 << 20;

/// Most element nodes a page may hold before extraction gives up on it.
const MAX_ELEMENTS: usize = 250_000;
/// Deepest element nesting accepted (estimated before parsing). Tree building
/// and Readability both slow down super-linearly with depth, so a page of
/// ten thousand nested `<div>`s would stall a batch; real pages stay far below.
const MAX_NESTING: usize = 600;

/// Read an HTML page: extract the article body and its metadata.
///
/// `url` is where the page came from, if known (a WARC target URI, say); it is
/// used when the page declares no canonical URL.
///
/// ```
/// let html = r#"<html><head><title>Talks resume | Example News</title>
/// <meta property="og:site_name" content="Example News">
/// <script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume in Geneva",
///  "datePublished":"2026-11-20T08:00:00Z","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
/// </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
/// <article><h1>Talks resume in Geneva</h1>
/// <p>Negotiators from both delegations met in Geneva on Thursday for the first time since the spring,
/// diplomats said, and agreed to keep meeting weekly until a text is ready.</p>
/// <p>The envoy said the talks had been constructive and that a draft could be ready by March,
/// though several questions, including the sequencing of the ceasefire, remain open.</p>
/// </article><footer>© Example News</footer></body></html>"#;
/// let a = attache_parse::read_html(html, None)?;
/// assert_eq!(a.title.as_deref(), Some("Talks resume in Geneva"));
/// assert_eq!(a.author.as_deref(), Some("Ana Ruiz"));
/// assert_eq!(a.published.as_deref(), Some("2026-11-20T08:00:00Z"));
/// assert_eq!(a.source.as_deref(), Some("Example News"));
/// assert_eq!(a.blocks.len(), 2);
/// assert!(a.body_text().starts_with("Negotiators from both delegations"));
/// # Ok::<(), attache_parse::ParseError>(())
/// ```
pub fn read_html(html: &str, url: Option<&str>) -> Result<Article, ParseError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(ParseError::TooLarge { size: html.len(), limit: MAX_HTML_BYTES });
    }
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    if html.trim().is_empty() {
        return Err(ParseError::Empty);
    }
    if nesting_estimate(html, MAX_NESTING) > MAX_NESTING {
        return Err(too_deep());
    }
    let doc = Document::from(html);
    tame_tree(&doc)?;
    let meta = Meta::read(&doc);

    let cfg = dom_smoothie::Config { max_elements_to_parse: MAX_ELEMENTS, ..Default::default() };
    // No document URL: links are not resolved, so a bad URL cannot fail the page.
    let mut readability = dom_smoothie::Readability::with_document(doc, None, Some(cfg))
        .map_err(|e| ParseError::Unsupported(format!("HTML: {e}")))?;
    let extracted = readability.parse().map_err(|e| match e {
        dom_smoothie::ReadabilityError::GrabFailed => ParseError::Empty,
        other => ParseError::Unsupported(format!("HTML: {other}")),
    })?;

    let clean = |s: Option<String>| s.map(|s| collapse_ws(&s)).filter(|s| !s.is_empty());
    let title = clean(meta.title.clone()).or_else(|| clean(Some(extracted.title.clone())));
    let mut article = Article {
        id: None,
        author: clean(meta.author).or_else(|| clean(extracted.byline.clone()).map(|b| strip_by(&b))),
        published: clean(meta.published).or_else(|| clean(extracted.published_time.clone())),
        url: clean(meta.url).or_else(|| clean(url.map(str::to_string))),
        source: clean(meta.site).or_else(|| clean(extracted.site_name.clone())),
        blocks: content_blocks(&extracted.content, title.as_deref()),
        title,
    };
    // A byline left in the body ("By Maren Holm") is metadata, not text.
    if let Some(author) = article.author.as_deref() {
        article.blocks.retain(|b| {
            let t = b.text.trim();
            !(t.len() < 120 && t.starts_with("By ") && t.contains(author))
        });
    }
    if article.blocks.is_empty() {
        return Err(ParseError::Empty);
    }
    if article.title.as_deref() == Some("") {
        article.title = None;
    }
    Ok(article)
}

/// Decode the bytes of an HTML page to text.
///
/// The charset comes from `content_type` (an HTTP `Content-Type` value), else
/// from a `<meta charset>` or `http-equiv` declaration in the first 2 kB, else
/// UTF-8. Pages declared or defaulting to UTF-8 must be valid UTF-8; other
/// declared encodings (windows-1252, Shift_JIS, …) are decoded with
/// [`encoding_rs`].
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Result<String, ParseError> {
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| sniff_meta_charset(&bytes[..bytes.len().min(2048)]))
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(bytes);
    match declared {
        Some(enc)
            if enc != encoding_rs::UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE =>
        {
            let (text, _, _) = enc.decode(bytes);
            Ok(text.into_owned())
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(ParseError::InvalidUtf8 { offset: e.valid_up_to() }),
        },
    }
}

fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

fn sniff_meta_charset(head: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let rest = head[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn decodes_declared_charsets_and_rejects_bad_utf8() {
        let latin =
            b"<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 talks</p></body></html>";
        assert!(decode_html(latin, None).unwrap().contains("Café talks"));
        assert!(
            decode_html(b"<p>Caf\xe9</p>", Some("text/html; charset=ISO-8859-1")).unwrap().contains("Café")
        );
        assert!(matches!(
            decode_html(b"<p>ok \xff\xfe</p>", None),
            Err(ParseError::InvalidUtf8 { offset: 6 })
        ));
        assert_eq!(decode_html("<p>Zürich</p>".as_bytes(), Some("text/html")).unwrap(), "<p>Zürich</p>");
    }

    const PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Ceasefire talks stall over sequencing - The Example Tribune</title>
<meta property="og:title" content="Ceasefire talks stall over sequencing">
<meta property="og:site_name" content="The Example Tribune">
<meta name="author" content="By Lina Haddad">
<meta property="article:published_time" content="2026-11-18T07:30:00+00:00">
<link rel="canonical" href="https://tribune.example/world/ceasefire-talks-stall">
<script>var tracking = "<p>not article text</p>";</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article>
<h1>Ceasefire talks stall over sequencing</h1>
<p class="byline">By Lina Haddad</p>
<p>Mediators in Doha failed on Tuesday to bridge a gap over the order in which hostages would be released and troops withdrawn, officials from two delegations said, leaving the talks without a date for their next round.</p>
<p>“We are close on the text but far apart on the sequence,” one mediator said, adding that the gap was “political, not technical” and would need a decision at the highest level in both capitals.</p>
<h2>Pressure from Washington</h2>
<p>The U.S. envoy is expected in the region next week, according to two diplomats briefed on the plans, who asked not to be named because the visit has not been announced.</p>
<ul><li>Phase one: an exchange of prisoners lasting six weeks under international monitoring.</li><li>Phase two: a withdrawal from populated areas and the opening of additional crossings for aid.</li></ul>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Doha on Tuesday.</figcaption></figure>
<p>Advertisement</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Storm hits coast</a></li><li><a href="/b">Cup final tonight</a></li></ul></aside>
<footer><p>© 2026 The Example Tribune. All rights reserved.</p></footer>
</body></html>"#;

    #[test]
    fn extracts_body_and_meta_tags() {
        let a = read_html(PAGE, None).unwrap();
        assert_eq!(a.title.as_deref(), Some("Ceasefire talks stall over sequencing"));
        assert_eq!(a.author.as_deref(), Some("Lina Haddad"));
        assert_eq!(a.published.as_deref(), Some("2026-11-18T07:30:00+00:00"));
        assert_eq!(a.source.as_deref(), Some("The Example Tribune"));
        assert_eq!(a.url.as_deref(), Some("https://tribune.example/world/ceasefire-talks-stall"));
        let body = a.body_text();
        assert!(
            body.starts_with("By Lina Haddad\n\nMediators in Doha") || body.starts_with("Mediators in Doha"),
            "{body}"
        );
        assert!(body.contains("\n\nPhase one: an exchange"), "list items are separate blocks: {body}");
        assert!(body.contains("crossings for aid."));
        assert!(!body.contains("not article text"));
        assert!(!body.contains("Delegates arrive"), "captions are dropped");
        assert!(!body.contains("Advertisement"));
        assert!(!body.contains("Storm hits coast"));
        assert!(!body.contains("All rights reserved"));
        assert!(!body.contains("Ceasefire talks stall over sequencing"), "no headline in the body");
        let sub = a.blocks.iter().find(|b| b.kind == BlockKind::Subhead).unwrap();
        assert_eq!(sub.text, "Pressure from Washington");
    }

    #[test]
    fn json_ld_news_article_wins_over_meta_tags() {
        let page = PAGE.replace(
            "</head>",
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"Page name"},
              {"@type":"NewsArticle","headline":"Doha talks stall","datePublished":"2026-11-18",
               "author":[{"@type":"Person","name":"Lina Haddad"},{"@type":"Person","name":"Omar Said"}],
               "publisher":{"@type":"Organization","name":"Tribune Group"},
               "mainEntityOfPage":{"@id":"https://tribune.example/x"}}]}</script></head>"#,
        );
        let a = read_html(&page, None).unwrap();
        assert_eq!(a.title.as_deref(), Some("Doha talks stall"));
        assert_eq!(a.author.as_deref(), Some("Lina Haddad, Omar Said"));
        assert_eq!(a.published.as_deref(), Some("2026-11-18"));
        assert_eq!(a.source.as_deref(), Some("Tribune Group"));
        // The canonical link is the page's own statement of its URL.
        assert_eq!(a.url.as_deref(), Some("https://tribune.example/world/ceasefire-talks-stall"));
    }

    #[test]
    fn given_url_is_a_fallback() {
        let page = PAGE.replace(
            r#"<link rel="canonical" href="https://tribune.example/world/ceasefire-talks-stall">"#,
            "",
        );
        let a = read_html(&page, Some("https://tribune.example/from-warc")).unwrap();
        assert_eq!(a.url.as_deref(), Some("https://tribune.example/from-warc"));
    }

    #[test]
    fn hostile_pages_are_safe() {
        // Deep nesting is refused before parsing (it would take minutes).
        let deep = format!(
            "<html><body>{}<p>Deep text here.</p>{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let err = read_html(&deep, None).unwrap_err().to_string();
        assert!(err.contains("nested more than 600 elements deep"), "{err}");
        // Unclosed paragraphs and list items are not nesting.
        let flat =
            format!("<html><body><div>{}</div></body></html>", "<p>Paragraph of text.<li>item".repeat(5_000));
        assert_eq!(nesting_estimate(&flat, 600), 1);
        assert_eq!(
            nesting_estimate("<div><script>if (a<b) { '<div><div>' }</SCRIPT><!-- <div> --><br/></div>", 600),
            1
        );
        // Entity flood and a script that writes markup.
        let flood = format!(
            "<html><body><script>document.write('<p>{}</p>')</script><p>{}</p></body></html>",
            "x".repeat(10_000),
            "&amp;&lt;&#x41;&#65;&nbsp;".repeat(100_000)
        );
        let a = read_html(&flood, None);
        if let Ok(a) = a {
            assert!(!a.body_text().contains("document.write"));
        }
        assert!(matches!(read_html("   ", None), Err(ParseError::Empty)));
        assert!(matches!(read_html("<html><body></body></html>", None), Err(ParseError::Empty)));
    }
}
