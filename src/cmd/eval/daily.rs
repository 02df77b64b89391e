//! `attache eval daily FILE`: ROUGE-1/2 recall of the daily page on
//! multi-document clusters (DUC 2004 Task 2).
//!
//! Each cluster's documents are briefed by the product's pipeline and
//! grouped into a daily page as `attache daily` groups a day's articles; the
//! page's story sentences (each story's bottom line, then its key points, in
//! page order) are cut to the first `--bytes` bytes and scored against every
//! reference summary (`attache_eval::clusters`). The newest article's first
//! bytes are scored beside it as a baseline.

use std::fmt::Write as _;
use std::process::ExitCode;

use attache_eval::clusters::{Cluster, first_bytes, mean_recall, read_clusters};
use attache_eval::summaries::EvalError;

use crate::cli::EvalDailyArgs;
use crate::cmd::{InputFailed, write_output};

/// Mean ROUGE-1 and ROUGE-2 recall of one system over the clusters.
#[derive(Debug, Default, serde::Serialize)]
struct RecallReport {
    system: &'static str,
    rouge1_recall: f64,
    rouge2_recall: f64,
    mean_bytes: f64,
    clusters_per_second: f64,
}

/// The clusters of the set at `path`; a bad line is an input failure naming `path:LINE`.
pub(super) fn clusters(path: &std::path::Path, limit: Option<usize>) -> anyhow::Result<Vec<Cluster>> {
    let name = path.display().to_string();
    let mut clusters = read_clusters(&super::read_set(path)?).map_err(|e| match e {
        EvalError::Record { line, message, .. } => {
            InputFailed { input: format!("{name}:{line}"), reason: message }
        }
        e => InputFailed { input: name.clone(), reason: e.to_string() },
    })?;
    if let Some(n) = limit {
        clusters.truncate(n);
    }
    Ok(clusters)
}

/// Document `k` of `c`, read as `attache batch` reads a JSON Lines record.
pub(super) fn article(c: &Cluster, k: usize) -> Option<(String, attache_parse::Article)> {
    let (id, obj) = c.document(k);
    serde_json::from_value::<attache_parse::JsonArticle>(obj)
        .map_err(attache_parse::ParseError::from)
        .and_then(attache_parse::JsonArticle::into_article)
        .ok()
        .map(|a| (id, a))
}

pub(super) fn daily(args: &EvalDailyArgs) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;

    let name = args.file.display().to_string();
    let clusters = clusters(&args.file, args.limit)?;
    anyhow::ensure!(!clusters.is_empty(), "{name}: no clusters to evaluate");
    let pipeline = attache::Pipeline::new(&attache::Options::default())?;
    let mut options = attache::daily::DailyOptions::default();
    options.points = args.points as usize;

    let started = std::time::Instant::now();
    let summaries: Vec<(String, String)> = clusters
        .par_iter()
        .map(|c| {
            let analyses = (0..c.documents.len())
                .filter_map(|k| article(c, k))
                .filter_map(|(_, a)| pipeline.analyse(a).ok())
                .collect();
            let daily = attache::daily::build_daily(analyses, &options, 0);
            let mut page = Vec::new();
            for s in &daily.stories {
                page.extend(s.bottom_line.iter().chain(&s.key_points).map(|p| p.text.as_str()));
            }
            let newest = c.documents.last().and_then(|d| d["text"].as_str()).unwrap_or("");
            (
                first_bytes(&page.join(" "), args.bytes).to_string(),
                first_bytes(newest, args.bytes).to_string(),
            )
        })
        .collect();
    let seconds = started.elapsed().as_secs_f64();

    let mut rouge = attache_eval::rouge::Rouge::new();
    let mut reports = [
        RecallReport { system: "daily", ..RecallReport::default() },
        RecallReport { system: "newest-article", ..RecallReport::default() },
    ];
    for (c, (daily, newest)) in clusters.iter().zip(&summaries) {
        for (report, candidate) in reports.iter_mut().zip([daily, newest]) {
            let (r1, r2) = mean_recall(&mut rouge, &c.summaries, candidate);
            report.rouge1_recall += r1;
            report.rouge2_recall += r2;
            report.mean_bytes += candidate.len() as f64;
        }
    }
    let n = clusters.len() as f64;
    for r in &mut reports {
        r.rouge1_recall /= n;
        r.rouge2_recall /= n;
        r.mean_bytes /= n;
    }
    reports[0].clusters_per_second = n / seconds;

    let mut out = String::new();
    writeln!(
        out,
        "{name}: {} clusters, summaries cut to {} bytes, recall against every reference",
        clusters.len(),
        args.bytes
    )?;
    writeln!(out, "{:<15} {:>8} {:>8} {:>7}", "system", "ROUGE-1", "ROUGE-2", "bytes")?;
    for r in &reports {
        writeln!(
            out,
            "{:<15} {:>8.4} {:>8.4} {:>7.0}",
            r.system, r.rouge1_recall, r.rouge2_recall, r.mean_bytes
        )?;
    }
    writeln!(out, "daily briefings built at {:.1} clusters/s", reports[0].clusters_per_second)?;
    write_output(None, &out)?;
    if let Some(path) = &args.json {
        let json = serde_json::json!({
            "file": name,
            "clusters": clusters.len(),
            "bytes": args.bytes,
            "rouge": "rouge-score 0.1.2 compatible, use_stemmer=True, recall averaged over references",
            "systems": reports,
        });
        super::write_json(path, &json)?;
    }
    Ok(ExitCode::SUCCESS)
}
