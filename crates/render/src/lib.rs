//! Rendering of Attaché briefings, and the daily page's data model.
//!
//! # Brief overview
//!
//! [`Brief`] is the one serde data model of a single-article briefing; every
//! output format is rendered from it. It and its parts ([`Point`],
//! [`Person`], [`Mention`], [`Quote`], [`Stance`], [`Event`], [`SourceRef`],
//! [`Stats`]) are defined in [`attache_model`] and re-exported here; the
//! daily page ([`Daily`]) is built from them and defined here. A [`Theme`] holds the Handlebars
//! templates (defaults embedded in the binary, each overridable by a user
//! file of the same name), and a [`Renderer`] renders a brief to a
//! [`Format`]: Markdown (escaped so that article text cannot add links or
//! HTML), plain text, printable HTML (escaped, with `@page` rules for A4 or
//! Letter; only `http`/`https` URLs become links), or JSON straight from serde. [`fit_to_budget`]
//! keeps a briefing on one page by dropping lower-ranked items.
//!
//! ```
//! use attache_render::{Brief, Format, Point, Renderer, Theme};
//!
//! let mut brief = Brief::default();
//! brief.title = Some("Talks resume <in Geneva>".into());
//! brief.bottom_line.push(Point::new("Envoys met on Monday & agreed to talk again.", 0, 1.0));
//! let renderer = Renderer::new(&Theme::default())?;
//! let html = renderer.render(&brief, Format::Html)?;
//! assert!(html.contains("Talks resume &lt;in Geneva&gt;"));
//! let md = renderer.render(&brief, Format::Markdown)?;
//! assert!(md.starts_with(r"# Talks resume \<in Geneva\>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The default templates live in the workspace's top-level `templates/`
//! directory and are compiled in with `include_str!`; to publish this crate
//! on its own, they would move inside it.
#![deny(missing_docs)]

mod check;
mod daily;
mod fit;
mod renderer;
mod sample;
mod theme;

/// The briefing's data types, defined in [`attache_model`] and re-exported here.
pub use attache_model::{
    Attribution, Brief, Event, Mention, Person, Point, Quote, Shown, SourceRef, Sourcing, Stance, Stats,
};
pub use daily::{
    Daily, DailyEvent, DailyMention, DailyPerson, DailyPoint, DailySource, DailyStats, PreviousStory,
    SourceGroup, Story, StoryStatus, daily_words, fit_daily,
};
pub use fit::{ITEM_COST, body_words, fit_to_budget, page_cost};
pub use renderer::{Format, Paper, Renderer, markdown_escape, web_url};
pub use theme::Theme;

use std::path::PathBuf;

/// What went wrong while rendering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A template did not parse.
    #[error("template {path} does not parse: {message}")]
    Template {
        /// The template's file (or `built-in NAME`).
        path: String,
        /// Where and why, on one line.
        message: String,
    },
    /// A template whose rendering could not be bounded: partials that
    /// include each other, a partial name computed at render time, or
    /// nesting too deep.
    #[error("template {path} is refused: {reason}")]
    Unsafe {
        /// The template's file (or `built-in NAME`).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Rendering failed, for example a strict-mode reference to a missing
    /// field. When loading checks a template, `name` is its file.
    #[error("template {name} cannot be rendered: {message}")]
    Render {
        /// Template name, or its file when found at load.
        name: String,
        /// Where and why, on one line, in the template's own spelling.
        message: String,
    },
    /// No template for the requested format.
    #[error("no template named {name}")]
    MissingTemplate {
        /// The template name looked for.
        name: String,
    },
    /// JSON serialization failed.
    #[error("JSON output failed: {0}")]
    Json(serde_json::Error),
    /// Reading or writing template files failed.
    #[error("{}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Export refused to overwrite a file.
    #[error("{} already exists (use --force to overwrite)", path.display())]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Renderer>();
};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod safety_tests;
