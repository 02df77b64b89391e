//! Run the extractor over every `text` (and cut-up variants) of a JSON Lines file to check that
//! nothing panics: `cargo run --release -p attache-extract --example smoke -- FILE.jsonl`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: smoke FILE.jsonl")?;
    let ex = attache_extract::Extractor::new();
    let mut n = 0;
    for line in std::fs::read_to_string(path)?.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let texts: Vec<String> = match v["text"].as_str() {
            Some(t) => vec![t.to_string()],
            None => v["documents"]
                .as_array()
                .map(|d| d.iter().filter_map(|x| x["text"].as_str().map(str::to_string)).collect())
                .unwrap_or_default(),
        };
        for text in texts {
            // The text, and prefixes cut at character boundaries every 97 characters.
            let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(97).collect();
            for &c in cuts.iter().take(30) {
                let t = &text[..c];
                let s = ex.spans(t);
                let doc = attache_parse::Document::new(attache_parse::Article::from_body(t));
                let x = ex.extract(&doc);
                n += s.entities.len() + x.quotes.len();
            }
            let doc = attache_parse::Document::new(attache_parse::Article::from_body(&text));
            n += ex.extract(&doc).people.len() + ex.spans(&text).entities.len();
        }
    }
    println!("ok ({n} items)");
    Ok(())
}
