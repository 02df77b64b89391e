//! Property tests: random and broken template text, loaded as a user theme
//! and rendered, never panics, never overflows the stack and stays fast.
//!
//! Cases per property: proptest's default (256), or `PROPTEST_CASES`:
//!
//! ```sh
//! PROPTEST_CASES=20000 cargo test --release -p attache-render --test fuzz_templates
//! ```

use std::time::{Duration, Instant};

use attache_render::{Brief, Format, Point, Renderer, SourceRef, Theme};
use proptest::prelude::*;

/// Pieces templates are made of, well-formed or not.
const PIECES: &[&str] = &[
    "{{",
    "}}",
    "{{{",
    "}}}",
    "{{#if title}}",
    "{{/if}}",
    "{{else}}",
    "{{^}}",
    "{{#unless url}}",
    "{{/unless}}",
    "{{#each key_points}}",
    "{{#each ../key_points}}",
    "{{/each}}",
    "{{#with stats}}",
    "{{/with}}",
    "{{> brief.md}}",
    "{{> brief.txt}}",
    "{{> b}}",
    "{{> x}}",
    "{{> page.css}}",
    "{{#*inline \"x\"}}",
    "{{#*inline \"b\"}}",
    "{{/inline}}",
    "{{#> b}}",
    "{{/b}}",
    "{{> @partial-block}}",
    "{{> (upper title)}}",
    "{{title}}",
    "{{{url}}}",
    "{{titel}}",
    "{{text}}",
    "{{@index}}",
    "{{../title}}",
    "{{this}}",
    "{{web_url url}}",
    "{{#if (web_url url)}}",
    "{{len people}}",
    "{{upper title}}",
    "{{inc @index}}",
    "{{pct score}}",
    "{{lookup this \"title\"}}",
    "{{lookup key_points 0}}",
    "(",
    ")",
    "{{!-- c --}}",
    "{{! c }}",
    "{{~",
    "~}}",
    "{{{{raw}}}}",
    "{{{{/raw}}}}",
    "\\{{",
    "text ",
    "\n",
    "<a href=\"",
    "\"",
    "é",
    "{{#each}}",
    "{{#if}}",
    "{{/nope}}",
    "{{*inline}}",
    "{{@root.title}}",
    "{{#each people as |p|}}{{p.name}}",
];

fn template() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(PIECES), 0..48).prop_map(|v| v.concat()),
        1 => any::<String>(),
        1 => (1usize..4000, prop::sample::select(&["{{#if title}}", "{{#each key_points}}", "{{> b}}", "(", "{{#*inline \"x\"}}"][..]))
            .prop_map(|(n, p)| p.repeat(n)),
    ]
}

/// A briefing whose text tries to break out of every format.
fn hostile() -> Brief {
    let mut b = Brief {
        id: Some("../x".into()),
        title: Some("[a](javascript:x) <script>}}{{title}}".into()),
        url: Some(" javascript:alert(1)".into()),
        method: "default".into(),
        ..Brief::default()
    };
    for i in 0..3 {
        b.bottom_line.push(Point::new(format!("Point {i} {{{{> b}}}} <b>"), i, 0.5));
        b.key_points.push(Point::new(format!("Key {i} `x` \\"), i, 0.5));
    }
    b.sources.push(SourceRef { url: Some("https://example.org/a".into()), ..SourceRef::default() });
    b
}

/// Time one case may take, generous for a busy machine and a debug build.
const CASE_LIMIT: Duration = Duration::from_secs(5);

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_templates_load_or_fail_cleanly_and_render_fast(
        md in template(), b in template(), txt in template(), html in template()
    ) {
        let started = Instant::now();
        let mut theme = Theme::default();
        theme.set("brief.md.hbs", md);
        theme.set("b.hbs", b);
        theme.set("brief.txt.hbs", txt);
        theme.set("brief.html.hbs", html);
        if let Ok(renderer) = Renderer::new(&theme) {
            for format in [Format::Markdown, Format::Text, Format::Html, Format::Json] {
                let _ = renderer.render(&hostile(), format);
            }
        }
        prop_assert!(started.elapsed() < CASE_LIMIT, "took {:?}", started.elapsed());
    }

    #[test]
    fn default_templates_never_link_a_script(url in "[ \t]{0,2}(?i:javascript|data|vbscript|file|http|https)[:]{0,1}[a-z/()<>\"' ]{0,12}") {
        static RENDERER: std::sync::OnceLock<Renderer> = std::sync::OnceLock::new();
        let renderer = RENDERER.get_or_init(|| Renderer::new(&Theme::default()).unwrap());
        let mut b = hostile();
        b.url = Some(url.clone());
        b.sources[0].url = Some(url.clone());
        let html = renderer.render(&b, Format::Html).unwrap().to_lowercase();
        for bad in ["href=\"javascript", "href=\"data", "href=\"vbscript", "href=\"file", "href=\" ", "href=\"\t"] {
            prop_assert!(!html.contains(bad), "{url:?}: {bad}");
        }
        let md = renderer.render(&b, Format::Markdown).unwrap();
        // Escaped angle brackets are text; look at the others.
        let lower = md.replace("\\<", "").to_lowercase();
        prop_assert!(!lower.contains("<javascript") && !lower.contains("<data") && !lower.contains("<script"), "{md}");
    }
}
