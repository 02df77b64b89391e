//! Print what the extractor finds in an article: `cargo run -p attache-extract --example dump -- FILE`.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump FILE")?;
    let text = std::fs::read_to_string(path)?;
    let doc = attache_parse::Document::new(attache_parse::read_text(&text)?);
    let x = attache_extract::Extractor::new().extract(&doc);
    for m in &x.mentions {
        println!("{:<5} {:<40} -> {}", m.ty.as_str(), m.text, m.canonical);
    }
    println!("{}", serde_json::to_string_pretty(&x)?);
    Ok(())
}
