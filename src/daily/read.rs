//! [`Day::read`]: a day's articles from [`Sources`], briefed in parallel.

use attache_parse::Sources;
use rayon::prelude::*;

use super::{Day, DayArticle, on_day};
use crate::Pipeline;

/// Records briefed together; the raw records of one chunk are all that is
/// held besides the compact day.
const CHUNK_RECORDS: usize = 512;
/// A chunk is closed early once its input reaches this many bytes.
const CHUNK_BYTES: usize = 16 << 20;

/// Settings of [`Day::read`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// Keep only articles of this day (`YYYY-MM-DD`, see [`on_day`]);
    /// default: every article.
    pub date: Option<String>,
    /// Test hook: briefing the article whose id this is panics. Not for users.
    #[doc(hidden)]
    pub panic_on_id: Option<String>,
}

/// What [`Day::read`] did with the records of its sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReadCounts {
    /// Records read.
    pub read: usize,
    /// Articles added to the day.
    pub added: usize,
    /// Records that could not be read or briefed (also added to [`Day::failed`]).
    pub failed: usize,
    /// Articles left out because they were published on another day.
    pub other_days: usize,
}

enum Outcome {
    Article(Box<DayArticle>),
    OtherDay,
    Failed(String),
}

impl Day {
    /// Read every record of `sources`, brief the articles chunk by chunk in
    /// parallel (on the current rayon pool: call it inside
    /// `ThreadPool::install` to choose the threads), and add them in input
    /// order, keeping only the compact [`DayArticle`]s. A panic in one
    /// article's work fails that article only.
    ///
    /// `skipped` gets `INPUT: REASON` for each record that fails;
    /// `progress` gets the counts so far after each chunk. Both run on the
    /// calling thread.
    pub fn read(
        &mut self,
        pipeline: &Pipeline,
        mut sources: Sources,
        options: &ReadOptions,
        mut skipped: impl FnMut(&str),
        mut progress: impl FnMut(&ReadCounts),
    ) -> ReadCounts {
        let mut counts = ReadCounts::default();
        let (date, panic_on) = (options.date.as_deref(), options.panic_on_id.as_deref());
        loop {
            let mut chunk = Vec::with_capacity(CHUNK_RECORDS);
            let mut bytes = 0;
            while chunk.len() < CHUNK_RECORDS && bytes < CHUNK_BYTES {
                let Some(p) = sources.next_pending() else { break };
                bytes += p.size();
                chunk.push(p);
            }
            if chunk.is_empty() {
                break;
            }
            counts.read += chunk.len();
            let outcomes: Vec<Outcome> = chunk
                .into_par_iter()
                .map(|p| {
                    let input = p.input().to_string();
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        let record = p.decode();
                        let article = match record.result {
                            Ok(a) => a,
                            Err(e) => return Outcome::Failed(format!("{input}: {e}")),
                        };
                        if let Some(d) = date
                            && !on_day(article.published.as_deref(), d)
                        {
                            return Outcome::OtherDay;
                        }
                        if let Some(h) = panic_on
                            && article.id.as_deref() == Some(h)
                        {
                            panic!("test panic on record {h} (ATTACHE_TEST_PANIC_ON_ID)");
                        }
                        match pipeline.analyse(article) {
                            Ok(a) => Outcome::Article(Box::new(DayArticle::new(a))),
                            Err(e) => Outcome::Failed(format!("{input}: {e}")),
                        }
                    }))
                    .unwrap_or_else(|panic| {
                        let message = crate::batch::panic_message(panic.as_ref());
                        Outcome::Failed(format!("{input}: internal error: {message}"))
                    })
                })
                .collect();
            for o in outcomes {
                match o {
                    Outcome::Article(a) => {
                        self.push(*a);
                        counts.added += 1;
                    }
                    Outcome::OtherDay => counts.other_days += 1,
                    Outcome::Failed(e) => {
                        self.failed += 1;
                        counts.failed += 1;
                        skipped(&e);
                    }
                }
            }
            progress(&counts);
        }
        counts
    }
}
