//! `attache eval briefing FILE`: the briefing gold metric (people, roles,
//! countries, quotes and speakers, positions, what next).
//!
//! Each gold line is briefed exactly as `attache brief --format json --words
//! 5000 --points 1` briefs the JSON article `{"id","text","published"}` made
//! from it: the same reader, the same pipeline options, the same serde JSON.
//! Every item of the scored lists (`people`, `quotes`, `positions`,
//! `what_next`, `countries`) counts, shown on the page or not. The extractor
//! alone (`attache_extract::Extractor::spans`, what `attache extract` prints)
//! is scored too, for its quotes. `--briefs FILE` scores briefing JSON lines
//! made elsewhere (by `attache batch --format json`, say, of another build),
//! matched to the gold by `id`, instead of briefing. Matching and scoring are
//! `attache_eval::briefing`.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context;
use attache_eval::briefing::{BriefingPredQuote, BriefingReport, BriefingTally, GoldArticle};
use attache_extract::Extractor;
use rayon::prelude::*;

use crate::cli::{BriefOptions, EvalBriefingArgs, PaperArg};
use crate::cmd::write_output;

/// The options of `attache brief --format json --words 5000 --points 1`.
fn brief_options() -> attache::Options {
    BriefOptions { points: 1, words: 5000, method: "default".into(), templates: None, paper: PaperArg::A4 }
        .to_options()
}

/// Brief one gold article as `attache brief ARTICLE.json --format json` would; its JSON.
fn brief(pipeline: &attache::Pipeline, g: &GoldArticle) -> anyhow::Result<serde_json::Value> {
    let json = serde_json::json!({"id": g.id, "text": g.text, "published": g.published});
    let article = attache_parse::read_json(&json.to_string())?;
    let brief = pipeline.brief(article)?;
    Ok(serde_json::to_value(&brief)?)
}

/// Briefing JSON lines read from `path`, by id.
fn read_briefs(path: &std::path::Path) -> anyhow::Result<HashMap<String, serde_json::Value>> {
    let text = super::read_set(path)?;
    let values: Vec<serde_json::Value> =
        attache_eval::read_jsonl(&text).with_context(|| format!("bad briefing in {}", path.display()))?;
    Ok(values.into_iter().filter_map(|v| Some((v["id"].as_str()?.to_string(), v))).collect())
}

pub(super) fn briefing(args: &EvalBriefingArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let text = super::read_set(&args.file)?;
    let gold: Vec<GoldArticle> =
        attache_eval::read_jsonl(&text).with_context(|| format!("bad gold record in {name}"))?;
    anyhow::ensure!(!gold.is_empty(), "{name}: no articles to evaluate");

    let pool = crate::cmd::worker_pool(None, "eval-briefing")?;
    let briefs: Vec<serde_json::Value> = match &args.briefs {
        Some(path) => {
            let mut by_id = read_briefs(path)?;
            gold.iter()
                .map(|g| {
                    by_id
                        .remove(&g.id)
                        .with_context(|| format!("{}: no briefing with id {}", path.display(), g.id))
                })
                .collect::<anyhow::Result<_>>()?
        }
        None => {
            let pipeline = attache::Pipeline::new(&brief_options())?;
            pool.install(|| {
                gold.par_iter()
                    .map(|g| brief(&pipeline, g).with_context(|| format!("{name}: cannot brief {}", g.id)))
                    .collect::<anyhow::Result<_>>()
            })?
        }
    };
    let ex = Extractor::new();
    let extracted: Vec<Vec<BriefingPredQuote>> = pool.install(|| {
        gold.par_iter()
            .map(|g| {
                ex.spans(&g.text)
                    .quotes
                    .into_iter()
                    .map(|q| BriefingPredQuote { text: q.text, speaker: q.speaker })
                    .collect()
            })
            .collect()
    });

    let mut tally = BriefingTally::default();
    let mut per_article = String::new();
    for ((g, b), x) in gold.iter().zip(&briefs).zip(&extracted) {
        let mut errors =
            tally.add(g, b).with_context(|| format!("briefing of {} has the wrong shape", g.id))?;
        errors.extractor_quotes = Some(tally.add_extractor_quotes(g, x));
        if args.per_article.is_some() {
            writeln!(per_article, "{}", serde_json::to_string(&errors)?)?;
        }
    }
    if let Some(path) = &args.per_article {
        let mut w = std::io::BufWriter::new(crate::cmd::create_file(path)?);
        w.write_all(per_article.as_bytes())?;
        w.flush()?;
    }
    let r = tally.report();
    let out = if args.json {
        let source = if args.briefs.is_some() {
            "--briefs"
        } else {
            "attache brief --format json --words 5000 --points 1"
        };
        let v = serde_json::json!({"file": name, "briefs": source, "report": r});
        format!("{v}\n")
    } else {
        table(&name, args.briefs.is_some(), &r)?
    };
    write_output(None, &out)?;
    Ok(ExitCode::SUCCESS)
}

/// The report as a table: one row per figure, with its counts.
fn table(name: &str, given: bool, r: &BriefingReport) -> anyhow::Result<String> {
    let mut s = String::new();
    let how = if given {
        "briefings given with --briefs"
    } else {
        "briefed as `attache brief --format json --words 5000 --points 1`"
    };
    writeln!(s, "{name}: {} articles, {how}; every listed item scored, shown or not", r.articles)?;
    let mut row =
        |figure: &str, value: String, counts: String| writeln!(s, "{figure:<54} {value:<24} {counts}");
    let (p, q, x) = (&r.people, &r.quotes, &r.extractor_quotes);
    row("figure", "value".into(), "counts".into())?;
    row(
        "people P / R / F1",
        format!("{:.3} / {:.3} / {:.3}", p.precision, p.recall, p.f1),
        format!("{} matched, {} predicted, {} gold", p.matched, p.predicted, p.gold),
    )?;
    row(
        "role accuracy (wrong roles)",
        format!("{:.3} ({:.3})", p.role_accuracy, p.roles_wrong_share),
        format!(
            "{} of {} gold roles right; {} of {} predicted roles wrong",
            p.roles_right, p.roles_gold, p.roles_wrong, p.roles_predicted
        ),
    )?;
    row(
        "person's country accuracy (wrong)",
        format!("{:.3} ({:.3})", p.country_accuracy, p.countries_wrong_share),
        format!(
            "{} of {} gold countries right; {} of {} predicted wrong",
            p.countries_right, p.countries_gold, p.countries_wrong, p.countries_predicted
        ),
    )?;
    for (label, c) in [("attache extract", x), ("briefing JSON", q)] {
        row(
            &format!("quotes found ({label})"),
            format!("{:.3}", c.recall),
            format!("{} of {} gold quotes", c.counts.found, c.counts.gold),
        )?;
    }
    for (label, c) in [("attache extract", x), ("briefing JSON", q)] {
        row(
            &format!("quote + right speaker / speaker acc. ({label})"),
            format!("{:.3} / {:.3}", c.speaker_recall, c.speaker_accuracy),
            format!("{} right speakers of {} found", c.counts.speaker_hits, c.counts.found),
        )?;
    }
    for (label, c) in [("attache extract", x), ("briefing JSON", q)] {
        row(
            &format!("quote precision ({label})"),
            format!("{:.3}", c.precision),
            format!("{} of {} predicted quotes", c.counts.predicted_right, c.counts.predicted),
        )?;
    }
    let s_ = &r.positions;
    row(
        "positions P / R / F1",
        format!("{:.3} / {:.3} / {:.3}", s_.precision, s_.recall, s_.f1),
        format!(
            "{} of {} points with evidence; {} of {} gold positions found",
            s_.points_right, s_.points, s_.found, s_.gold
        ),
    )?;
    let n = &r.what_next;
    row(
        "what next P / R, dates right",
        format!("{:.3} / {:.3}, {:.3}", n.precision, n.recall, n.date_accuracy),
        format!(
            "{} of {} predicted; {} of {} gold found; {} of {} dates",
            n.predicted_right, n.predicted, n.found, n.gold, n.dates_right, n.dated
        ),
    )?;
    let c = &r.countries;
    row(
        "countries P / R / F1",
        format!("{:.3} / {:.3} / {:.3}", c.precision, c.recall, c.f1),
        format!("{} matched, {} predicted, {} gold", c.matched, c.predicted, c.gold),
    )?;
    Ok(s)
}
