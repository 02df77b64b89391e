//! Links, Markdown escaping and templates refused at load.

use crate::*;

fn with_url(url: &str, title: &str) -> Brief {
    let mut b = Brief { title: Some(title.into()), method: "default".into(), ..Brief::default() };
    b.bottom_line.push(Point::new("Envoys met.", 0, 1.0));
    b.url = Some(url.into());
    b.sources.push(SourceRef { title: Some(title.into()), url: Some(url.into()), ..SourceRef::default() });
    b
}

#[test]
fn only_web_urls_are_links() {
    assert_eq!(web_url("https://example.org/a"), Some("https://example.org/a"));
    assert_eq!(web_url("  HTTP://Example.org/a?b=1\t"), Some("HTTP://Example.org/a?b=1"));
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "file:///etc/passwd",
        "https://",
        "http://a b",
        "https://x\"onmouseover=\"alert(1)",
        "https://x/<script>",
        "//example.org",
        "",
    ] {
        assert_eq!(web_url(bad), None, "{bad:?}");
    }
}

#[test]
fn html_links_only_web_urls_and_shows_others_as_text() {
    let r = Renderer::new(&Theme::default()).unwrap();
    let html = r.render(&with_url("  JavaScript:alert(document.cookie) ", "T"), Format::Html).unwrap();
    assert!(!html.contains("href=\"  JavaScript") && !html.to_lowercase().contains("href=\"javascript"));
    assert!(html.contains("JavaScript:alert(document.cookie)"), "shown as text");
    let html = r.render(&with_url(" HTTPS://example.org/x?a=1&b=2 ", "T"), Format::Html).unwrap();
    assert!(html.contains("<a href=\"HTTPS://example.org/x?a&#x3D;1&amp;b&#x3D;2\">"), "{html}");
}

#[test]
fn markdown_cannot_inject_links_or_html() {
    let r = Renderer::new(&Theme::default()).unwrap();
    let title = "[Click](javascript:alert(1)) <img src=x onerror=alert(1)> `code`";
    let md = r.render(&with_url("javascript:alert(1)", title), Format::Markdown).unwrap();
    assert!(
        md.starts_with("# \\[Click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\`code\\`\n"),
        "{md}"
    );
    assert!(!md.contains("<javascript:"), "not an autolink: {md}");
    assert!(!md.contains(" <img"));
    let md = r.render(&with_url("https://example.org/a_b", "T"), Format::Markdown).unwrap();
    assert!(md.contains(" <https://example.org/a_b>\n"), "{md}");
    assert_eq!(markdown_escape("a\\b"), "a\\\\b");
}

fn refused(files: &[(&str, &str)]) -> String {
    let mut t = Theme::default();
    for (name, text) in files {
        t.set(*name, *text);
    }
    let err = Renderer::new(&t).expect_err("refused");
    assert!(!matches!(err, RenderError::Render { .. }), "refused at load, not while rendering: {err}");
    err.to_string()
}

#[test]
fn recursive_partials_are_refused_at_load() {
    let msg = refused(&[("brief.md.hbs", "{{> b}}"), ("b.hbs", "x {{> brief.md}}")]);
    assert!(
        msg.contains("loop") && (msg.contains("brief.md → b → brief.md") || msg.contains("b → brief.md → b")),
        "{msg}"
    );
    let msg = refused(&[("brief.txt.hbs", "{{#*inline \"x\"}}a{{> x}}{{/inline}}{{> x}}")]);
    assert!(msg.contains("built-in brief.txt.hbs") && msg.contains("loop"), "{msg}");
    // Through two inline partials of two templates.
    let msg = refused(&[
        ("brief.html.hbs", "{{#*inline \"p\"}}{{> q}}{{/inline}}{{> p}}"),
        ("other.hbs", "{{#*inline \"q\"}}{{> p}}{{/inline}}"),
    ]);
    assert!(msg.contains("loop"), "{msg}");
    let msg = refused(&[("brief.md.hbs", "{{> (lookup this \"title\")}}")]);
    assert!(msg.contains("written out"), "{msg}");
    let msg = refused(&[("brief.md.hbs", "{{#> brief.md}}x{{/brief.md}}")]);
    assert!(msg.contains("loop"), "{msg}");
}

#[test]
fn deep_nesting_and_exponential_partials_are_refused() {
    let deep = "{{#if title}}".repeat(50_000) + &"{{/if}}".repeat(50_000);
    assert!(refused(&[("brief.md.hbs", &deep)]).contains("nest 50000 deep"));
    let subexpr = format!("{{{{len {}title{}}}}}", "(len ".repeat(20_000), ")".repeat(20_000));
    assert!(refused(&[("brief.md.hbs", &subexpr)]).contains("deep"));
    // Each level includes the next twice: 2^20 expansions.
    let mut files: Vec<(String, String)> =
        (0..20).map(|i| (format!("p{i}.hbs"), format!("{{{{> p{0}}}}}{{{{> p{0}}}}}", i + 1))).collect();
    files.push(("p20.hbs".into(), "leaf".into()));
    let files: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert!(refused(&files).contains("expand"));
    // Loops in loops, through a partial: time would grow as n^6.
    let msg = refused(&[
        (
            "brief.md.hbs",
            "{{#each key_points}}{{#each ../key_points}}{{#each ../../key_points}}{{> inner}}{{/each}}{{/each}}{{/each}}",
        ),
        (
            "inner.hbs",
            "{{#each people}}{{#each ../people}}{{#each ../../people}}x{{/each}}{{/each}}{{/each}}",
        ),
    ]);
    assert!(msg.contains("loops nest 6 deep"), "{msg}");
}

#[test]
fn non_recursive_partials_still_work() {
    let mut t = Theme::default();
    t.set(
        "brief.md.hbs",
        "{{#*inline \"row\"}}- {{text}}\n{{/inline}}{{#each bottom_line}}{{> row}}{{/each}}{{> foot}}",
    );
    t.set("foot.hbs", "({{method}})");
    let r = Renderer::new(&t).unwrap();
    let md = r.render(&with_url("https://e.org", "T"), Format::Markdown).unwrap();
    assert_eq!(md, "- Envoys met.\n(default)");
}
