//! Time `read_html` and the raw parse on hostile pages: `hostile_html KIND N`.
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kind = args.get(1).map(String::as_str).unwrap_or("amp");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let page = match kind {
        "amp" => format!("<html><body><p>{}</p></body></html>", "&amp;".repeat(n)),
        "divs" => format!("<html><body>{}<p>Text here.</p></body></html>", "<div/>".repeat(n)),
        "plain" => format!("<html><body><p>{}</p></body></html>", "a ".repeat(n)),
        _ => panic!("kind"),
    };
    if args.get(3).is_some() {
        let t = Instant::now();
        let doc = dom_query::Document::from(page.as_str());
        println!("parse: {:?} ({} nodes)", t.elapsed(), doc.root().descendants().len());
    }
    let t = Instant::now();
    let r = attache_parse::read_html(&page, None);
    println!("read_html: {:?} -> {:?}", t.elapsed(), r.map(|a| a.body_text().len()));
}
