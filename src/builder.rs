//! [`PipelineBuilder`]: a [`Pipeline`] with the scorer, extractor and theme
//! of the caller's choice.

use std::path::PathBuf;

use attache_extract::Extractor;
use attache_render::{Paper, Renderer, Theme};
use attache_score::{Combined, Method, Scorer};

use crate::{Error, Options, Pipeline};

/// Builds a [`Pipeline`]; start with [`Pipeline::builder`].
///
/// Every part has a default: the `default` scoring method, the standard
/// extractor, the built-in templates, 5 key points, 500 words, A4.
///
/// A scorer of your own ([`PipelineBuilder::scorer`]) gives a full briefing
/// like the built-in methods: its scores choose the bottom line (the best of
/// the first three sentences) and the key points (with the usual redundancy
/// control), and the extractor fills in people, places, quotes, positions
/// and what to watch.
///
/// ```
/// use attache::Pipeline;
/// use attache_parse::Document;
/// use attache_score::{Features, Scorer};
///
/// /// Prefers long sentences.
/// struct Longest;
/// impl Scorer for Longest {
///     fn name(&self) -> &'static str { "longest" }
///     fn score(&self, _doc: &Document, features: &Features, out: &mut [f32]) {
///         for (o, &w) in out.iter_mut().zip(&features.words) {
///             *o = w as f32;
///         }
///     }
/// }
///
/// let pipeline = Pipeline::builder().scorer(Longest).points(3).build()?;
/// assert_eq!(pipeline.options().method, "longest");
/// # Ok::<(), attache::Error>(())
/// ```
#[derive(Debug, Default)]
#[must_use]
pub struct PipelineBuilder {
    method: Option<Method>,
    extractor: Option<Extractor>,
    theme: Option<Theme>,
    templates: Option<PathBuf>,
    points: Option<usize>,
    words: Option<usize>,
    paper: Option<Paper>,
}

impl PipelineBuilder {
    /// Score with a named or custom [`Method`] (default:
    /// [`Method::default_method`]). Replaces an earlier
    /// [`scorer`](PipelineBuilder::scorer).
    pub fn method(mut self, method: Method) -> PipelineBuilder {
        self.method = Some(method);
        self
    }

    /// Score with any [`Scorer`], yours included: it becomes a method named
    /// after [`Scorer::name`], with the selector's redundancy control.
    /// Replaces an earlier [`method`](PipelineBuilder::method).
    pub fn scorer(self, scorer: impl Scorer + 'static) -> PipelineBuilder {
        let name = scorer.name();
        self.method(Method::new(name, Combined::new().with(scorer, 1.0)))
    }

    /// The entity, quote and event extractor (default: [`Extractor::new`]).
    pub fn extractor(mut self, extractor: Extractor) -> PipelineBuilder {
        self.extractor = Some(extractor);
        self
    }

    /// The templates (default: the built-in [`Theme`]). Replaces an earlier
    /// [`templates`](PipelineBuilder::templates).
    pub fn theme(mut self, theme: Theme) -> PipelineBuilder {
        self.theme = Some(theme);
        self.templates = None;
        self
    }

    /// The built-in templates overridden by the `*.hbs` files of `dir`
    /// (see [`Theme::from_dir`]), read by [`build`](PipelineBuilder::build).
    /// Replaces an earlier [`theme`](PipelineBuilder::theme).
    pub fn templates(mut self, dir: impl Into<PathBuf>) -> PipelineBuilder {
        self.templates = Some(dir.into());
        self.theme = None;
        self
    }

    /// Key points to show at most, besides the bottom line (default 5).
    pub fn points(mut self, points: usize) -> PipelineBuilder {
        self.points = Some(points);
        self
    }

    /// Word budget of the briefing body (default 500).
    pub fn words(mut self, words: usize) -> PipelineBuilder {
        self.words = Some(words);
        self
    }

    /// Paper size of the HTML page (default A4).
    pub fn paper(mut self, paper: Paper) -> PipelineBuilder {
        self.paper = Some(paper);
        self
    }

    /// Build the pipeline: read the templates (with
    /// [`templates`](PipelineBuilder::templates)) and check them.
    ///
    /// # Errors
    ///
    /// [`Error::Render`] when a template cannot be read, does not parse or
    /// is refused.
    pub fn build(self) -> Result<Pipeline, Error> {
        let defaults = Options::default();
        let method = self.method.unwrap_or_else(Method::default_method);
        let theme = match (&self.templates, self.theme) {
            (Some(dir), _) => Theme::from_dir(dir)?,
            (None, Some(theme)) => theme,
            (None, None) => Theme::default(),
        };
        let paper = self.paper.unwrap_or(defaults.paper);
        let mut renderer = Renderer::new(&theme)?;
        renderer.paper(paper);
        let options = Options {
            points: self.points.unwrap_or(defaults.points),
            words: self.words.unwrap_or(defaults.words),
            method: method.name().to_string(),
            templates: self.templates,
            paper,
        };
        Ok(Pipeline { method, renderer, extractor: self.extractor.unwrap_or_default(), options })
    }
}
