//! The library without the binary: the examples' code (compiled in here
//! from `examples/`), the pipeline builder with a user scorer, and the batch
//! engine's sink control flow, each checked against what the CLI writes.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use attache::batch::{Batch, Briefed, Failure, Render, Sink, Summary};
use attache::{Options, Pipeline};
use attache_parse::{Document, Sources};
use attache_score::{Features, Scorer};

use crate::util::{attache, root};

#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/custom_scorer.rs"]
mod custom_scorer;

#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/daily_folder.rs"]
mod daily_folder;

#[allow(dead_code, unreachable_pub)]
#[path = "../../examples/batch_sink.rs"]
mod batch_sink;

fn wire() -> String {
    root().join("examples/archives/wire.jsonl").display().to_string()
}

#[test]
fn a_custom_scorer_gives_a_full_briefing() {
    let pipeline = custom_scorer::pipeline().unwrap();
    let brief = custom_scorer::briefing(&pipeline, custom_scorer::STORY).unwrap();
    assert_eq!(brief.method, "numbers");
    assert_eq!(brief.bottom_line.len(), 1);
    assert!(!brief.key_points.is_empty() && brief.key_points.len() <= 3, "{:?}", brief.key_points);
    // The scorer decides: the sentences naming numbers (besides the bottom
    // line) are key points, and the score breakdown names the scorer.
    let chosen: Vec<usize> = brief.key_points.iter().map(|p| p.sentence).collect();
    assert!(chosen.contains(&2) && chosen.contains(&3), "{chosen:?}");
    assert!(brief.key_points.iter().all(|p| p.parts.contains_key("numbers")), "{:?}", brief.key_points);
    // Extraction fills the rest as for the built-in methods.
    assert!(brief.people.iter().any(|p| p.name == "Linda Thomas-Greenfield"), "{:?}", brief.people);
    assert!(brief.countries.iter().any(|c| c.name == "Russia"), "{:?}", brief.countries);
    assert_eq!(brief.dateline.as_deref(), Some("New York"));
    let md = pipeline.render(&brief, attache::Format::Markdown).unwrap();
    assert!(md.starts_with("# Council extends peacekeeping mission"), "{md}");
}

/// Scores the last sentence highest: nothing like the built-in methods.
struct Last;

impl Scorer for Last {
    fn name(&self) -> &'static str {
        "last"
    }
    fn score(&self, _doc: &Document, features: &Features, out: &mut [f32]) {
        for (i, o) in out.iter_mut().enumerate().take(features.len()) {
            *o = i as f32;
        }
    }
}

#[test]
fn the_scorer_chooses_the_points_and_the_bottom_line() {
    let pipeline = Pipeline::builder().scorer(Last).points(1).build().unwrap();
    let brief = custom_scorer::briefing(&pipeline, custom_scorer::STORY).unwrap();
    // The bottom line is the best of the lead (the first three sentences).
    assert_eq!(brief.bottom_line[0].sentence, 2);
    assert_eq!(brief.key_points.len(), 1);
    assert_eq!(brief.key_points[0].sentence, 5, "{:?}", brief.key_points);
}

#[test]
fn options_and_the_builder_make_the_same_pipeline() {
    let mut options = Options::default();
    options.points = 2;
    options.words = 300;
    let from_options = Pipeline::new(&options).unwrap();
    let built = Pipeline::builder().points(2).words(300).build().unwrap();
    assert_eq!(built.options().method, "default");
    let text = std::fs::read_to_string(root().join("examples/articles/un-sudan-vote.md")).unwrap();
    let a = from_options.brief(attache_parse::read_text(&text).unwrap()).unwrap();
    let b = built.brief(attache_parse::read_text(&text).unwrap()).unwrap();
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    assert!(a.key_points.len() <= 2);
    let unknown = Pipeline::new(&{
        let mut o = Options::default();
        o.method = "nonesuch".into();
        o
    });
    assert!(matches!(unknown, Err(attache::Error::Method(_))));
}

#[test]
fn the_daily_example_makes_the_page_the_cli_makes() {
    let folder = root().join("examples/articles");
    let pipeline = Pipeline::builder().build().unwrap();
    let page = daily_folder::daily_page(&pipeline, &[folder.display().to_string()], 6).unwrap();
    assert_eq!(page.stats.articles, 3);
    assert_eq!(page.stories.len(), 3);
    let md = pipeline.render_daily(&page, attache::Format::Markdown).unwrap();
    let cli = attache().arg("daily").arg(&folder).output().unwrap();
    assert!(cli.status.success(), "{}", String::from_utf8_lossy(&cli.stderr));
    assert_eq!(md, String::from_utf8(cli.stdout).unwrap());
}

#[test]
fn the_batch_example_counts_the_people_the_cli_briefs() {
    let one = batch_sink::count_people(&[wire()], 1).unwrap();
    let two = batch_sink::count_people(&[wire()], 2).unwrap();
    assert_eq!(one.counts, two.counts);
    let s = one.summary.as_ref().expect("finish was called");
    assert_eq!((s.read, s.briefed, s.failed, s.cancelled, s.stopped), (3, 3, 0, false, false));
    assert!(one.failures.is_empty());

    let cli = attache().args(["batch", &wire()]).output().unwrap();
    assert!(cli.status.success());
    let mut expected = std::collections::BTreeMap::<String, usize>::new();
    for line in String::from_utf8(cli.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for p in v["people"].as_array().unwrap() {
            *expected.entry(p["country"].as_str().unwrap_or_default().to_string()).or_default() += 1;
        }
    }
    assert_eq!(one.counts, expected);
    assert!(expected.values().sum::<usize>() > 0);
}

/// Records every call, and stops (or fails) at a given record.
#[derive(Default)]
struct Log {
    calls: Vec<String>,
    stop_at: Option<u64>,
    fail_at: Option<u64>,
}

impl Log {
    fn at(&mut self, n: u64, call: String) -> Result<bool, std::io::Error> {
        self.calls.push(call);
        if self.fail_at == Some(n) {
            return Err(std::io::Error::other("sink full"));
        }
        Ok(self.stop_at != Some(n))
    }
}

impl Sink for Log {
    type Error = std::io::Error;
    fn briefed(&mut self, r: Briefed) -> Result<bool, std::io::Error> {
        let call = format!("briefed {} {}", r.number, r.rendered.unwrap_or_default().trim_end());
        self.at(r.number, call)
    }
    fn failed(&mut self, f: Failure) -> Result<bool, std::io::Error> {
        let call = format!("failed {} {} {}", f.number, f.input.line.unwrap_or(0), f.id.unwrap_or_default());
        self.at(f.number, call)
    }
    fn chunk_done(&mut self) -> Result<bool, std::io::Error> {
        self.calls.push("chunk".into());
        Ok(true)
    }
    fn finish(&mut self, s: &Summary) -> Result<(), std::io::Error> {
        self.calls.push(format!("finish {} {} {} {}", s.read, s.briefed, s.failed, s.stopped));
        Ok(())
    }
}

/// Five JSON lines, the third without text, and what `attache batch` makes of them.
fn mixed(dir: &std::path::Path) -> (std::path::PathBuf, String) {
    let path = dir.join("mixed.jsonl");
    let good = |id: &str| {
        format!(
            "{{\"id\":\"{id}\",\"title\":\"Talks in {id}\",\"text\":\"Envoys met in Geneva on Monday to resume talks on the border dispute.\"}}\n"
        )
    };
    let text = [good("a"), good("b"), "{\"id\":\"c\",\"title\":\"No text\"}\n".into(), good("d"), good("e")]
        .concat();
    std::fs::write(&path, text).unwrap();
    let cli = attache().args(["batch", "--errors", "-"]).arg(&path).output().unwrap();
    assert_eq!(cli.status.code(), Some(1));
    (path.clone(), String::from_utf8(cli.stdout).unwrap())
}

#[test]
fn a_sink_gets_every_record_in_order_and_can_stop_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let (path, cli) = mixed(dir.path());
    let pipeline = Arc::new(Pipeline::builder().build().unwrap());
    let run = |log: &mut Log, threads| {
        Batch::new(Arc::clone(&pipeline))
            .threads(threads)
            .render(Render::JsonLine)
            .run(Sources::open(&[&path]).unwrap(), log)
    };

    let mut log = Log::default();
    let summary = run(&mut log, 2).unwrap();
    assert_eq!((summary.read, summary.briefed, summary.failed), (5, 4, 1));
    // A chunk ends before the run does (how records fall into chunks
    // depends on timing, so the chunk ends are set aside).
    assert_eq!(log.calls[log.calls.len() - 2], "chunk");
    log.calls.retain(|c| c != "chunk");
    let briefed: Vec<&str> = cli.lines().filter(|l| !l.contains("\"error\"")).collect();
    assert_eq!(log.calls[0], format!("briefed 1 {}", briefed[0]));
    assert_eq!(log.calls[2], "failed 3 3 c");
    assert_eq!(log.calls[4], format!("briefed 5 {}", briefed[3]));
    assert_eq!(&log.calls[5..], ["finish 5 4 1 false"]);

    // Ok(false) stops: nothing more is handed over, finish says so.
    let mut log = Log { stop_at: Some(2), ..Log::default() };
    let summary = run(&mut log, 1).unwrap();
    assert!(summary.stopped && !summary.cancelled);
    log.calls.retain(|c| c != "chunk");
    assert_eq!(log.calls.len(), 3, "{:?}", log.calls);
    assert_eq!(log.calls[2], "finish 2 2 0 true");

    // An error stops at once: no finish, the error is the run's.
    let mut log = Log { fail_at: Some(3), ..Log::default() };
    let err = run(&mut log, 1).unwrap_err();
    assert_eq!(err.to_string(), "sink full");
    log.calls.retain(|c| c != "chunk");
    assert_eq!(log.calls.len(), 3, "{:?}", log.calls);
}

#[test]
fn a_cancelled_run_reads_nothing_more() {
    let pipeline = Arc::new(Pipeline::builder().build().unwrap());
    let mut log = Log::default();
    let summary = Batch::new(pipeline)
        .cancel(Arc::new(AtomicBool::new(true)))
        .run(Sources::open(&[wire()]).unwrap(), &mut log)
        .unwrap();
    assert!(summary.cancelled);
    assert_eq!(summary.read, 0);
    assert_eq!(log.calls, ["finish 0 0 0 false"]);
}

#[test]
fn progress_is_reported_after_each_chunk() {
    let pipeline = Arc::new(Pipeline::builder().build().unwrap());
    let mut reports = Vec::new();
    let summary = Batch::new(pipeline)
        .threads(1)
        .progress(|p| reports.push((p.read, p.bytes_read, p.total_bytes)))
        .run(Sources::open(&[wire()]).unwrap(), &mut Log::default())
        .unwrap();
    let size = std::fs::metadata(wire()).unwrap().len();
    assert_eq!(summary.read, 3);
    assert_eq!(reports.last(), Some(&(3, size, Some(size))));
}
