//! Briefing data model and rendering for Attaché.
//!
//! # Brief overview
//!
//! [`Brief`] is the one serde data model of a single-article briefing; every
//! output format is rendered from it. A [`Theme`] holds the Handlebars
//! templates (defaults embedded in the binary, each overridable by a user
//! file of the same name), and a [`Renderer`] renders a brief to a
//! [`Format`]: Markdown, plain text, printable HTML (escaped, with `@page`
//! rules for A4 or Letter), or JSON straight from serde. [`fit_to_budget`]
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
//! assert!(md.starts_with("# Talks resume <in Geneva>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The default templates live in the workspace's top-level `templates/`
//! directory and are compiled in with `include_str!`; to publish this crate
//! on its own, they would move inside it.
#![deny(missing_docs)]

mod daily;
mod fit;
mod model;
mod renderer;
mod theme;

pub use daily::{
    Daily, DailyEvent, DailyMention, DailyPerson, DailyPoint, DailySource, DailyStats, PreviousStory,
    SourceGroup, Story, StoryStatus, daily_words, fit_daily,
};
pub use fit::{ITEM_COST, body_words, fit_to_budget, page_cost};
pub use model::{Brief, Event, Mention, Person, Point, Quote, SourceRef, Stance, Stats};
pub use renderer::{Format, Paper, Renderer};
pub use theme::Theme;

use std::path::PathBuf;

/// What went wrong while rendering.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A template did not parse.
    #[error("template {name} does not parse: {source}")]
    Template {
        /// File name of the template.
        name: String,
        /// The parser's message.
        source: Box<handlebars::TemplateError>,
    },
    /// Rendering failed, for example a strict-mode reference to a missing field.
    #[error("rendering {name} failed: {source}")]
    Render {
        /// Template name.
        name: String,
        /// Handlebars' message.
        source: Box<handlebars::RenderError>,
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
    #[error("{}: {source}", path.display())]
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
