//! A batch over JSON Lines with a sink of our own: it counts the people of
//! every briefing by country. Run it with
//!
//! ```text
//! cargo run --example batch_sink                                # examples/archives/wire.jsonl
//! cargo run --example batch_sink -- archive.jsonl.gz more.jsonl
//! ```
//!
//! [`Batch`] briefs the records on every core in bounded memory and hands
//! them to the sink one by one, in input order; the sink only has to say
//! what to do with a briefing (and, here, with a failure).

use std::collections::BTreeMap;
use std::sync::Arc;

use attache::Pipeline;
use attache::batch::{Batch, Briefed, Failure, Sink, Summary};

/// People per country over a batch (people without a known country are
/// counted under `""`), and the records that failed.
#[derive(Debug, Default)]
pub struct PeopleByCountry {
    /// Country → people named in the briefings (a person named in two
    /// briefings counts twice).
    pub counts: BTreeMap<String, usize>,
    /// Why records failed, in input order.
    pub failures: Vec<String>,
    /// The run's counts, once it is over.
    pub summary: Option<Summary>,
}

impl Sink for PeopleByCountry {
    type Error = std::io::Error;

    fn briefed(&mut self, record: Briefed) -> Result<bool, Self::Error> {
        for person in &record.brief.people {
            *self.counts.entry(person.country.clone().unwrap_or_default()).or_default() += 1;
        }
        Ok(true)
    }

    fn failed(&mut self, failure: Failure) -> Result<bool, Self::Error> {
        self.failures.push(failure.to_string());
        Ok(true)
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), Self::Error> {
        self.summary = Some(summary.clone());
        Ok(())
    }
}

/// Brief every record of `inputs` and count their people by country.
pub fn count_people(
    inputs: &[String],
    threads: usize,
) -> Result<PeopleByCountry, Box<dyn std::error::Error>> {
    let pipeline = Arc::new(Pipeline::builder().build()?);
    let sources = attache_parse::Sources::open(inputs)?;
    let mut sink = PeopleByCountry::default();
    Batch::new(pipeline).threads(threads).run(sources, &mut sink)?;
    Ok(sink)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut inputs: Vec<String> = std::env::args().skip(1).collect();
    if inputs.is_empty() {
        inputs.push("examples/archives/wire.jsonl".into());
    }
    let people = count_people(&inputs, 0)?;
    for (country, n) in &people.counts {
        println!("{n:>5}  {}", if country.is_empty() { "(country unknown)" } else { country });
    }
    for f in &people.failures {
        eprintln!("failed: {f}");
    }
    if let Some(s) = &people.summary {
        eprintln!("{} records, {} briefed, {} failed", s.read, s.briefed, s.failed);
    }
    Ok(())
}
