//! Content HTML flattened into body blocks: one block per block-level
//! element, so that list items and paragraphs never run together; page
//! furniture ("Advertisement", "Read more") dropped.

use dom_query::{Document, NodeRef};

use crate::article::{Block, BlockKind};
use crate::ws::collapse_ws;

/// Block-level elements: each starts and ends a body block.
const BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];
/// Elements whose content is never article text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "button",
    "canvas",
    "figcaption",
    "form",
    "head",
    "iframe",
    "input",
    "noscript",
    "object",
    "script",
    "select",
    "style",
    "svg",
    "template",
    "textarea",
    "title",
    "video",
    "audio",
    "math",
];
/// Whole blocks that are page furniture, compared case-insensitively.
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertisements",
    "skip advertisement",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading the main story",
    "read more",
    "related",
    "related articles",
    "share this article",
    "share",
];

pub(super) fn strip_by(byline: &str) -> String {
    let b = byline.trim();
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = b.strip_prefix(p) {
            return rest.trim().to_string();
        }
    }
    b.to_string()
}

/// Flatten extracted content HTML into body blocks.
pub(super) fn content_blocks(content_html: &str, title: Option<&str>) -> Vec<Block> {
    let doc = Document::from(content_html);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_heading = false;
    // Iterative depth-first walk: hostile pages nest elements thousands deep.
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave(bool),
    }
    let root = doc.root();
    let mut stack: Vec<Step<'_>> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    flush(&mut cur, &mut cur_heading, &mut out);
                }
            }
            Step::Enter(node) => {
                if node.is_text() {
                    cur.push_str(&node.text());
                    continue;
                }
                if !node.is_element() {
                    continue;
                }
                let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                if SKIPPED_ELEMENTS.contains(&name.as_str()) {
                    continue;
                }
                let block = BLOCK_ELEMENTS.contains(&name.as_str());
                if block {
                    flush(&mut cur, &mut cur_heading, &mut out);
                    cur_heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                }
                stack.push(Step::Leave(block));
                stack.extend(node.children_it(true).map(Step::Enter));
            }
        }
    }
    flush(&mut cur, &mut cur_heading, &mut out);

    let title_key = title.map(|t| collapse_ws(t).to_lowercase());
    out.retain(|b: &Block| {
        let key = b.text.to_lowercase();
        b.text.chars().any(char::is_alphanumeric)
            && !FURNITURE.contains(&key.as_str())
            && Some(&key) != title_key.as_ref()
    });
    out
}

fn flush(cur: &mut String, heading: &mut bool, out: &mut Vec<Block>) {
    let text = collapse_ws(cur);
    cur.clear();
    if !text.is_empty() {
        let kind = if *heading { BlockKind::Subhead } else { BlockKind::Paragraph };
        out.push(Block { kind, text });
    }
    *heading = false;
}
