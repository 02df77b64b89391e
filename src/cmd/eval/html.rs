//! `attache eval html DIR`: main-content extraction against the
//! article-extraction benchmark.
//!
//! Each page is decoded and read by `attache_parse::read_html`, as `attache
//! brief page.html` reads it; its body text is scored against the ground
//! truth with `attache_eval::html` (4-token shingles, bootstrap spreads).

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::bail;
use attache_eval::html::{PageScore, bootstrap, corpus, read_ground_truth, read_page, score_page};

pub(super) fn html(dir: &Path, pages_out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let gt = read_ground_truth(dir)?;
    if gt.is_empty() {
        bail!("{} holds no pages", dir.join("ground-truth.json").display());
    }
    let mut scores: Vec<PageScore> = Vec::with_capacity(gt.len());
    let mut lines = Vec::new();
    let mut extract_secs = 0.0;
    let mut bytes = 0usize;
    let mut failures = 0;
    for (id, truth) in &gt {
        let page = read_page(dir, id)?;
        bytes += page.len();
        let t = Instant::now();
        let result = attache_parse::decode_html(&page, None).and_then(|h| attache_parse::read_html(&h, None));
        extract_secs += t.elapsed().as_secs_f64();
        let prediction = match &result {
            Ok(a) => a.body_text(),
            Err(e) => {
                failures += 1;
                eprintln!("attache eval html: {id}: {e}");
                String::new()
            }
        };
        let s = score_page(truth, &prediction);
        lines.push(serde_json::json!({
            "id": id, "precision": s.precision(), "recall": s.recall(), "exact": s.exact,
            "error": result.as_ref().err().map(|e| e.to_string()),
        }));
        scores.push(s);
    }
    let c = corpus(&scores);
    let (sp, sr, sf, sa) = bootstrap(&scores, 1000, 0x5eed);
    println!("HTML extraction on {} pages ({:.1} MB of HTML)", c.pages, bytes as f64 / 1e6);
    println!("precision  {:.3} ± {:.3}", c.precision, sp);
    println!("recall     {:.3} ± {:.3}", c.recall, sr);
    println!("F1         {:.3} ± {:.3}", c.f1, sf);
    println!("accuracy   {:.3} ± {:.3}", c.accuracy, sa);
    println!("empty      {} (reader errors: {failures})", c.empty);
    println!(
        "speed      {:.1} pages/s on one thread (extraction only)",
        c.pages as f64 / extract_secs.max(1e-9)
    );
    if let Some(p) = pages_out {
        let mut w = std::io::BufWriter::new(crate::cmd::create_file(p)?);
        for l in lines {
            writeln!(w, "{l}")?;
        }
        w.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}
