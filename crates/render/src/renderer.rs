use handlebars::{Handlebars, handlebars_helper};
use serde::Serialize;

use crate::{Brief, RenderError, Theme, check};

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
/// Every `{{value}}` is escaped for its format: HTML output escapes all
/// article text; Markdown output backslash-escapes the characters that could
/// start a link, an image, an autolink or raw HTML (`\ [ ] < > ` and `` ` ``),
/// so an article's title or text cannot inject either; plain text is written
/// as is. `{{{value}}}` writes a value unescaped. The helper `web_url`
/// returns a URL only when it is `http:` or `https:` (trimmed, any case, no
/// spaces or quotes), else the empty string, so templates link only those.
///
/// Loading refuses templates whose rendering could not be bounded (partials
/// that include each other, partial names computed at render time, nesting
/// deeper than 100, `{{#each}}` loops nested more than 4 deep) and `brief.*` templates that fail on a sample briefing
/// (a misspelt field). Build one renderer and reuse it: registration parses
/// every template once, and rendering is `&self` and thread-safe.
pub struct Renderer {
    html: Handlebars<'static>,
    markdown: Handlebars<'static>,
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
handlebars_helper!(web_url_helper: |v: Json| match v {
    serde_json::Value::String(s) => web_url(s).unwrap_or_default(),
    _ => "",
});
handlebars_helper!(date_only: |s: str| display_date(s).to_string());

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

/// `url` trimmed, if it is an `http:` or `https:` URL (scheme in any case)
/// with no white space, control characters, quotes or angle brackets: the
/// only URLs that become links.
pub fn web_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let scheme = u.get(..8).map(|p| p.to_ascii_lowercase());
    let ok_scheme = scheme.as_deref().is_some_and(|p| p == "https://" || p.starts_with("http://"));
    let clean = u.bytes().all(|b| b > b' ' && b != 0x7f && !matches!(b, b'"' | b'\'' | b'<' | b'>' | b'`'));
    (ok_scheme && clean && u.len() > 8).then_some(u)
}

/// Backslash-escape what could start Markdown markup that links or embeds:
/// `\`, `[`, `]`, `<`, `>` and `` ` ``. Other text is unchanged.
pub fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']' | '<' | '>' | '`') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[derive(Clone, Copy)]
enum Escape {
    Html,
    Markdown,
    None,
}

fn registry(theme: &Theme, escape: Escape) -> Result<Handlebars<'static>, RenderError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    match escape {
        Escape::Html => {}
        Escape::Markdown => hb.register_escape_fn(markdown_escape),
        Escape::None => hb.register_escape_fn(handlebars::no_escape),
    }
    hb.register_helper("len", Box::new(len));
    hb.register_helper("inc", Box::new(inc));
    hb.register_helper("pct", Box::new(pct));
    hb.register_helper("upper", Box::new(upper));
    hb.register_helper("web_url", Box::new(web_url_helper));
    hb.register_helper("date_only", Box::new(date_only));
    for (file, text) in theme.files() {
        let name = file.strip_suffix(".hbs").unwrap_or(file);
        let origin = || theme.origin(file);
        let (depth, partials) = check::nesting(text);
        if depth > check::MAX_NESTING {
            return Err(RenderError::Unsafe {
                path: origin(),
                reason: format!("blocks nest {depth} deep (at most {})", check::MAX_NESTING),
            });
        }
        if partials > check::MAX_EXPANSIONS {
            return Err(RenderError::Unsafe {
                path: origin(),
                reason: format!("it includes partials {partials} times (at most {})", check::MAX_EXPANSIONS),
            });
        }
        hb.register_template_string(name, text)
            .map_err(|e| RenderError::Template { path: origin(), message: template_message(&e) })?;
    }
    let templates: Vec<(&str, &handlebars::Template)> = theme
        .files()
        .filter_map(|(file, _)| {
            let name = file.strip_suffix(".hbs").unwrap_or(file);
            hb.get_template(name).map(|t| (name, t))
        })
        .collect();
    check::check_partials(templates.into_iter()).map_err(|u| RenderError::Unsafe {
        path: theme.origin(&format!("{}.hbs", u.template)),
        reason: u.reason,
    })?;
    Ok(hb)
}

/// A parse error as one line: position and reason, no source excerpt.
fn template_message(e: &handlebars::TemplateError) -> String {
    match e.pos() {
        Some((line, col)) => format!("line {line}, column {col}: {}", e.reason()),
        None => e.reason().to_string(),
    }
}

/// A render error as one line, in the template's words: a missing field is
/// named as the template spells it.
fn render_message(e: &handlebars::RenderError) -> String {
    use handlebars::RenderErrorReason as R;
    let reason = match e.reason() {
        R::MissingVariable(Some(name)) => format!("`{name}` is not a field of the data"),
        R::MissingVariable(None) => "a field the template names is not in the data".to_string(),
        R::PartialNotFound(name) => format!("no partial named `{name}`"),
        R::HelperNotFound(name) => format!("no helper named `{name}`"),
        other => other.to_string(),
    };
    match (e.line_no, e.column_no) {
        (Some(line), Some(col)) => format!("line {line}, column {col}: {reason}"),
        _ => reason,
    }
}

impl Renderer {
    /// A renderer over `theme`, A4 paper. Fails on a template that does not
    /// parse, whose rendering could not be bounded, or (for `brief.md`,
    /// `brief.txt` and `brief.html`) that fails on sample briefings, one
    /// with every field filled and one with only what every briefing has.
    pub fn new(theme: &Theme) -> Result<Renderer, RenderError> {
        let renderer = Renderer {
            html: registry(theme, Escape::Html)?,
            markdown: registry(theme, Escape::Markdown)?,
            plain: registry(theme, Escape::None)?,
            paper: Paper::A4,
        };
        for sample in [crate::sample::full(), crate::sample::minimal()] {
            for format in [Format::Markdown, Format::Text, Format::Html] {
                let name = format!("brief.{}", format.extension());
                match renderer.render(&sample, format) {
                    Ok(_) | Err(RenderError::MissingTemplate { .. }) => {}
                    Err(RenderError::Render { message, .. }) => {
                        return Err(RenderError::Render {
                            name: theme.origin(&format!("{name}.hbs")),
                            message,
                        });
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(renderer)
    }

    /// Paper size for HTML output. By default, A4.
    pub fn paper(&mut self, paper: Paper) -> &mut Renderer {
        self.paper = paper;
        self
    }

    /// Render a briefing. JSON comes from serde (pretty-printed) and holds
    /// every item found; the other formats come from the `brief.<ext>`
    /// template, which sees the page ([`Brief::page`]): only the items shown.
    pub fn render(&self, brief: &Brief, format: Format) -> Result<String, RenderError> {
        if format == Format::Json {
            return self.render_named("brief", brief, format);
        }
        self.render_named("brief", &brief.page(), format)
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
        let hb = match format {
            Format::Html => &self.html,
            Format::Markdown => &self.markdown,
            _ => &self.plain,
        };
        if !hb.has_template(&name) {
            return Err(RenderError::MissingTemplate { name });
        }
        let size = match self.paper {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        };
        let ctx = Context { data, page: PageCtx { size } };
        hb.render(&name, &ctx).map_err(|e| RenderError::Render { message: render_message(&e), name })
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
