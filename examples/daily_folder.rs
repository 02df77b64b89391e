//! A daily page from a folder of articles, with the library alone. Run it with
//!
//! ```text
//! cargo run --example daily_folder                      # examples/articles
//! cargo run --example daily_folder -- examples/pages    # or any folder or files
//! ```
//!
//! Every file the folder holds (text, Markdown, JSON, HTML, JSON Lines,
//! compressed or not) is read with [`attache_parse::Sources`], briefed, and
//! added to a [`Day`]; the day groups the articles into stories and the page
//! is printed as Markdown, as `attache daily FOLDER` prints it.

use attache::Pipeline;
use attache::daily::{DailyOptions, Day};
use attache_render::{Daily, Format};

/// The daily page of the articles under `inputs` (files or folders), with
/// at most `stories` stories. Records that cannot be read or briefed are
/// counted on the page.
pub fn daily_page(
    pipeline: &Pipeline,
    inputs: &[String],
    stories: usize,
) -> Result<Daily, Box<dyn std::error::Error>> {
    let mut day = Day::new();
    for record in attache_parse::Sources::open(inputs)? {
        let added = match record.result {
            Ok(article) => day.add(pipeline, article).map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        if let Err(e) = added {
            eprintln!("skipped {}: {e}", record.input);
            day.failed += 1;
        }
    }
    let mut options = DailyOptions::default();
    options.stories = stories;
    Ok(day.brief(&options, None))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut inputs: Vec<String> = std::env::args().skip(1).collect();
    if inputs.is_empty() {
        inputs.push("examples/articles".into());
    }
    let pipeline = Pipeline::builder().build()?;
    let page = daily_page(&pipeline, &inputs, 6)?;
    println!("{}", pipeline.render_daily(&page, Format::Markdown)?);
    Ok(())
}
