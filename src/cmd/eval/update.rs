//! `attache eval update FILE`: does `daily --since` tell what changed?
//!
//! Each cluster's documents are ordered by the date in their id
//! (`APW19981019.0307` → 1998-10-19; id order when there is none) and split
//! at the median: the first half is day 1, the rest day 2. Day 1's page is
//! the cluster's day-1 documents alone; day 2 is the cluster's day-2
//! documents together with every other cluster's day-2 documents, briefed
//! with `--since` day 1's page and, for comparison, without it. All stories
//! are kept on the page (no story limit, no word budget), so every cluster's
//! story can be scored.

use std::fmt::Write as _;
use std::process::ExitCode;

use attache::daily::{DailyOptions, Day, DayArticle, Previous};
use attache_render::{Daily, Story, StoryStatus};
use rayon::prelude::*;

use crate::cli::EvalUpdateArgs;
use attache_eval::clusters::id_date;

use crate::cmd::write_output;

/// The results, as printed and as JSON.
#[derive(Debug, Default, serde::Serialize)]
struct UpdateReport {
    clusters: usize,
    /// Clusters whose day-2 story is marked developing.
    developing: f64,
    /// Newly shown day-2 sentences of the cluster's story that repeat day 1's page, with --since.
    repeated_since: f64,
    /// The same share without --since.
    repeated_without: f64,
    /// Other clusters' stories marked new.
    others_new: f64,
    /// Sentences counted for the repetition shares (with, without).
    sentences: (usize, usize),
    /// Other clusters' stories counted.
    other_stories: usize,
    seconds: f64,
}

pub(super) fn update(args: &EvalUpdateArgs) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let clusters = super::daily::clusters(&args.file, args.limit)?;
    anyhow::ensure!(clusters.len() >= 2, "{name}: at least two clusters are needed");
    let pipeline = attache::Pipeline::new(&attache::Options::default())?;
    let started = std::time::Instant::now();

    // Analyse every document once: (cluster, day 1, day 2).
    let days: Vec<(Vec<DayArticle>, Vec<DayArticle>)> = clusters
        .par_iter()
        .map(|c| {
            // (date, id, document) in date order, then id order.
            let mut docs: Vec<(Option<String>, String, usize)> = (0..c.documents.len())
                .map(|k| {
                    let (id, _) = c.document(k);
                    (id_date(&id), id, k)
                })
                .collect();
            docs.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
            let half = docs.len() / 2;
            let mut out = (Vec::new(), Vec::new());
            for (pos, (_, _, k)) in docs.into_iter().enumerate() {
                let Some((_, article)) = super::daily::article(c, k) else { continue };
                if let Ok(a) = pipeline.analyse(article) {
                    if pos < half { out.0.push(DayArticle::new(a)) } else { out.1.push(DayArticle::new(a)) }
                }
            }
            out
        })
        .collect();

    let mut options = DailyOptions::default();
    options.stories = usize::MAX;
    options.words = usize::MAX;
    options.points = 3;
    let brief = |arts: Vec<DayArticle>, previous: Option<&Previous>| {
        let mut day = Day::new();
        for a in arts {
            day.push(a);
        }
        day.brief(&options, previous)
    };
    struct Outcome {
        developing: bool,
        repeated: (usize, usize),
        repeated_without: (usize, usize),
        others: (usize, usize),
    }
    let outcomes: Vec<Outcome> = (0..clusters.len())
        .into_par_iter()
        .map(|c| {
            let page1 = brief(days[c].0.clone(), None);
            let previous = Previous::new(page1);
            let mine: Vec<String> = days[c].1.iter().map(|a| a.id().to_string()).collect();
            let mut arts = days[c].1.clone();
            for (k, d) in days.iter().enumerate() {
                if k != c {
                    arts.extend(d.1.iter().cloned());
                }
            }
            let with = brief(arts.clone(), Some(&previous));
            let without = brief(arts, None);
            let (story, others) = split_stories(&with, &mine);
            let developing = story.is_some_and(|s| s.status == Some(StoryStatus::Developing));
            let others_new = others.iter().filter(|s| s.status == Some(StoryStatus::New)).count();
            let repeated = |page: &Daily| {
                let (s, _) = split_stories(page, &mine);
                let texts: Vec<&str> = s
                    .map(|s| s.bottom_line.iter().chain(&s.key_points).map(|p| p.text.as_str()).collect())
                    .unwrap_or_default();
                (texts.iter().filter(|t| previous.shown_before(t)).count(), texts.len())
            };
            Outcome {
                developing,
                repeated: repeated(&with),
                repeated_without: repeated(&without),
                others: (others_new, others.len()),
            }
        })
        .collect();

    let n = outcomes.len();
    let sum = |f: &dyn Fn(&Outcome) -> (usize, usize)| {
        outcomes.iter().map(f).fold((0, 0), |acc, x| (acc.0 + x.0, acc.1 + x.1))
    };
    let share = |(a, b): (usize, usize)| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (rep, rep_all) = sum(&|o| o.repeated);
    let (rep_wo, rep_wo_all) = sum(&|o| o.repeated_without);
    let others = sum(&|o| o.others);
    let report = UpdateReport {
        clusters: n,
        developing: outcomes.iter().filter(|o| o.developing).count() as f64 / n as f64,
        repeated_since: share((rep, rep_all)),
        repeated_without: share((rep_wo, rep_wo_all)),
        others_new: share(others),
        sentences: (rep_all, rep_wo_all),
        other_stories: others.1,
        seconds: started.elapsed().as_secs_f64(),
    };
    let mut out = String::new();
    writeln!(out, "{name}: {n} clusters split at the median date; day 2 mixed with the others' day 2")?;
    writeln!(out, "day-2 story marked developing           {:.3}  (target >= 0.9)", report.developing)?;
    writeln!(
        out,
        "shown sentences repeating day 1, --since {:.3}  (target <= 0.05; {} sentences)",
        report.repeated_since, rep_all
    )?;
    writeln!(
        out,
        "  the same without --since              {:.3}  ({} sentences)",
        report.repeated_without, rep_wo_all
    )?;
    writeln!(
        out,
        "other clusters' stories marked new      {:.3}  (target >= 0.9; {} stories)",
        report.others_new, others.1
    )?;
    writeln!(out, "in {:.1} s", report.seconds)?;
    write_output(None, &out)?;
    if let Some(path) = &args.json {
        super::write_json(path, &serde_json::json!({ "file": name, "update": report }))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The story holding most of `mine` (the cluster's day-2 articles), and the
/// stories made mostly of other clusters' articles.
fn split_stories<'a>(page: &'a Daily, mine: &[String]) -> (Option<&'a Story>, Vec<&'a Story>) {
    let count = |s: &Story| s.articles.iter().filter(|a| mine.contains(a)).count();
    let best = page.stories.iter().filter(|s| count(s) > 0).max_by_key(|s| count(s));
    let others = page.stories.iter().filter(|s| 2 * count(s) < s.articles.len()).collect();
    (best, others)
}
