use handlebars::{Handlebars, handlebars_helper};
use serde::Serialize;

use crate::{Brief, RenderError, Theme};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Markdown, for mail and chat.
    Markdown,
    /// Plain text.
    Text,
    /// A self-contained printable HTML page.
    Html,
    /// JSON, straight from the data model.
    Json,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Html => "html",
            Format::Json => "json",
        }
    }

    /// Parse `md`, `txt`, `html` or `json` (and `markdown`, `text`).
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name {
            "md" | "markdown" => Format::Markdown,
            "txt" | "text" => Format::Text,
            "html" => Format::Html,
            "json" => Format::Json,
            _ => return None,
        })
    }
}

/// Paper size for the printable page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// Renders briefings with a [`Theme`]'s templates in strict mode: a template
/// that names a field the data does not have is an error, not an empty string.
///
/// HTML output escapes all article text; Markdown and plain text are written
/// as is. Build one renderer and reuse it: registration parses every template
/// once, and rendering is `&self` and thread-safe.
pub struct Renderer {
    html: Handlebars<'static>,
    plain: Handlebars<'static>,
    paper: Paper,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer").field("paper", &self.paper).finish_non_exhaustive()
    }
}

#[derive(Serialize)]
struct Context<'a, T: Serialize> {
    #[serde(flatten)]
    data: &'a T,
    page: PageCtx,
}

#[derive(Serialize)]
struct PageCtx {
    size: &'static str,
}

handlebars_helper!(len: |v: Json| match v {
    serde_json::Value::Array(a) => a.len(),
    serde_json::Value::Object(o) => o.len(),
    serde_json::Value::String(s) => s.chars().count(),
    _ => 0,
});
handlebars_helper!(inc: |n: u64| n + 1);
handlebars_helper!(pct: |x: f64| format!("{:.0}", x * 100.0));
handlebars_helper!(upper: |s: str| s.to_uppercase());
handlebars_helper!(day: |s: str| display_date(s).to_string());

/// The day of a publication date, however precise the input was:
/// `2026-11-25T09:30:00Z` and `2026-11-25` both print as `2026-11-25`, so
/// every briefing shows its date one way. Anything not starting with a
/// `YYYY-MM-DD` date is printed as given.
pub(crate) fn display_date(s: &str) -> &str {
    let b = s.as_bytes();
    let is_day = b.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..10].iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(b.get(10), None | Some(b'T' | b't' | b' '));
    if is_day { &s[..10] } else { s }
}

fn registry(theme: &Theme, escape: bool) -> Result<Handlebars<'static>, RenderError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    if !escape {
        hb.register_escape_fn(handlebars::no_escape);
    }
    hb.register_helper("len", Box::new(len));
    hb.register_helper("inc", Box::new(inc));
    hb.register_helper("pct", Box::new(pct));
    hb.register_helper("upper", Box::new(upper));
    hb.register_helper("day", Box::new(day));
    for (file, text) in theme.files() {
        let name = file.strip_suffix(".hbs").unwrap_or(file);
        let tmpl = |e| RenderError::Template { name: file.to_string(), source: Box::new(e) };
        hb.register_template_string(name, text).map_err(tmpl)?;
        hb.register_partial(name, text).map_err(tmpl)?;
    }
    Ok(hb)
}

impl Renderer {
    /// A renderer over `theme`, A4 paper.
    pub fn new(theme: &Theme) -> Result<Renderer, RenderError> {
        Ok(Renderer { html: registry(theme, true)?, plain: registry(theme, false)?, paper: Paper::A4 })
    }

    /// Paper size for HTML output. By default, A4.
    pub fn paper(&mut self, paper: Paper) -> &mut Renderer {
        self.paper = paper;
        self
    }

    /// Render a briefing. JSON comes from serde (pretty-printed); the other
    /// formats from the `brief.<ext>` template.
    pub fn render(&self, brief: &Brief, format: Format) -> Result<String, RenderError> {
        self.render_named("brief", brief, format)
    }

    /// Render any serializable data with the template `<stem>.<ext>`, e.g.
    /// `daily.html` for `render_named("daily", …, Format::Html)`.
    pub fn render_named<T: Serialize>(
        &self,
        stem: &str,
        data: &T,
        format: Format,
    ) -> Result<String, RenderError> {
        if format == Format::Json {
            let mut s = serde_json::to_string_pretty(data).map_err(RenderError::Json)?;
            s.push('\n');
            return Ok(s);
        }
        let name = format!("{stem}.{}", format.extension());
        let hb = if format == Format::Html { &self.html } else { &self.plain };
        if !hb.has_template(&name) {
            return Err(RenderError::MissingTemplate { name });
        }
        let size = match self.paper {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        };
        let ctx = Context { data, page: PageCtx { size } };
        hb.render(&name, &ctx).map_err(|e| RenderError::Render { name, source: Box::new(e) })
    }
}

#[cfg(test)]
mod date_tests {
    use super::display_date;
    use crate::{Brief, Format, Renderer, SourceRef, Theme};

    #[test]
    fn dates_print_as_the_day() {
        assert_eq!(display_date("2026-11-25T09:30:00Z"), "2026-11-25");
        assert_eq!(display_date("2026-11-25T23:30:00-05:00"), "2026-11-25");
        assert_eq!(display_date("2026-11-25 09:30"), "2026-11-25");
        assert_eq!(display_date("2026-11-25"), "2026-11-25");
        assert_eq!(display_date("25 November 2026"), "25 November 2026");
        assert_eq!(display_date("2026-11-2x"), "2026-11-2x");
        assert_eq!(display_date("2026-11"), "2026-11");
    }

    #[test]
    fn every_format_shows_a_timestamp_as_its_day_and_json_keeps_it() {
        let stamp = "2026-11-25T09:30:00Z";
        let b = Brief {
            title: Some("Envoys meet".into()),
            published: Some(stamp.into()),
            sources: vec![SourceRef {
                title: Some("Envoys meet".into()),
                published: Some(stamp.into()),
                ..SourceRef::default()
            }],
            ..Brief::default()
        };
        let r = Renderer::new(&Theme::default()).unwrap();
        for f in [Format::Markdown, Format::Text, Format::Html] {
            let out = r.render(&b, f).unwrap();
            assert!(out.contains("2026-11-25"), "{f:?}: {out}");
            assert!(!out.contains("09:30"), "{f:?}: {out}");
        }
        assert!(r.render(&b, Format::Json).unwrap().contains(stamp));
    }
}
