use crate::*;

fn sample() -> Brief {
    let mut b = Brief {
        title: Some("Envoys <b>agree</b> & sign".into()),
        method: "default".into(),
        ..Brief::default()
    };
    b.bottom_line.push(Point::new("Envoys agreed on Monday.", 0, 1.0));
    for (i, t) in ["Point one is here.", "Point two follows.", "Point three ends."].iter().enumerate() {
        let mut p = Point::new(*t, i + 1, 0.9 - i as f32 * 0.1);
        p.rank = i;
        b.key_points.push(p);
    }
    b.sources.push(SourceRef {
        title: b.title.clone(),
        url: Some("https://example.org/a?x=1&y=<2>".into()),
        ..SourceRef::default()
    });
    b
}

#[test]
fn html_escapes_article_text_and_markdown_escapes_markup() {
    let r = Renderer::new(&Theme::default()).unwrap();
    let html = r.render(&sample(), Format::Html).unwrap();
    assert!(html.contains("Envoys &lt;b&gt;agree&lt;/b&gt; &amp; sign"));
    assert!(!html.contains("<b>agree"));
    assert!(html.contains("@page { size: A4;"));
    let md = r.render(&sample(), Format::Markdown).unwrap();
    assert!(md.starts_with("# Envoys \\<b\\>agree\\</b\\> & sign\n"), "{md}");
    assert!(md.contains("- Point two follows."));
    let txt = r.render(&sample(), Format::Text).unwrap();
    assert!(txt.starts_with("ENVOYS <B>AGREE</B> & SIGN\n"), "{txt}");
}

#[test]
fn letter_paper() {
    let mut r = Renderer::new(&Theme::default()).unwrap();
    r.paper(Paper::Letter);
    assert!(r.render(&sample(), Format::Html).unwrap().contains("size: letter;"));
}

#[test]
fn strict_mode_rejects_unknown_fields_at_load() {
    let mut t = Theme::default();
    t.set("brief.md.hbs", "{{#if title}}{{titel}}{{/if}}");
    let err = Renderer::new(&t).unwrap_err();
    assert!(matches!(err, RenderError::Render { .. }), "{err}");
    let msg = err.to_string();
    assert_eq!(
        msg,
        "template built-in brief.md.hbs cannot be rendered: line 1, column 14: `titel` is not a field of the data"
    );
    // The empty sample catches what only an article without a title reaches.
    t.set("brief.md.hbs", "{{#if title}}{{title}}{{else}}{{headline}}{{/if}}");
    assert!(Renderer::new(&t).unwrap_err().to_string().contains("`headline` is not a field"));
}

#[test]
fn user_directory_overrides_one_template() {
    let dir = std::env::temp_dir().join(format!("attache-theme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("brief.txt.hbs"), "CUSTOM {{title}}").unwrap();
    std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
    let r = Renderer::new(&Theme::from_dir(&dir).unwrap()).unwrap();
    assert_eq!(r.render(&sample(), Format::Text).unwrap(), "CUSTOM Envoys <b>agree</b> & sign");
    assert!(r.render(&sample(), Format::Markdown).unwrap().starts_with("# Envoys"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_writes_defaults_and_refuses_to_overwrite() {
    let dir = std::env::temp_dir().join(format!("attache-export-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let written = Theme::export_defaults(&dir, false).unwrap();
    assert_eq!(written.len(), 7);
    assert_eq!(Theme::from_dir(&dir).unwrap(), Theme::default());
    assert!(matches!(Theme::export_defaults(&dir, false), Err(RenderError::Exists { .. })));
    assert!(Theme::export_defaults(&dir, true).is_ok());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn json_has_the_contract_fields() {
    let r = Renderer::new(&Theme::default()).unwrap();
    let v: serde_json::Value = serde_json::from_str(&r.render(&sample(), Format::Json).unwrap()).unwrap();
    for k in ["id", "title", "published", "source", "url", "bottom_line", "key_points", "stats"] {
        assert!(v.get(k).is_some(), "{k}");
    }
    assert_eq!(v["key_points"][1]["sentence"], 2);
    assert!(v["key_points"][0]["score"].is_number());
    assert!(v["stats"]["words"].is_number() && v["stats"]["sentences"].is_number());
}

#[test]
fn fitting_drops_lowest_ranked_points_first_and_never_cuts() {
    let mut b = sample();
    let full = body_words(&b);
    let cost = page_cost(&b);
    assert_eq!(cost, full + 3 * ITEM_COST, "three key points, no section with a header of its own");
    let dropped = fit_to_budget(&mut b, cost - 1);
    assert_eq!(dropped, 1);
    let texts: Vec<&str> = b.key_points.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, ["Point one is here.", "Point two follows."]);
    assert!(b.stats.brief_words < full);
    assert!(page_cost(&b) < cost);
    // A tiny budget keeps the bottom line and one key point, whole.
    let mut b = sample();
    fit_to_budget(&mut b, 3);
    assert_eq!(b.bottom_line.len(), 1);
    assert_eq!(b.key_points.len(), 1);
    assert_eq!(b.key_points[0].text, "Point one is here.");
}

/// Fitting hides list items instead of removing them: the JSON keeps every
/// item found, the page shows what fits.
#[test]
fn fitting_hides_list_items_and_the_page_leaves_them_out() {
    let mut b = sample();
    for k in 0..5 {
        b.quotes.push(Quote {
            text: format!("We will keep talking until the ceasefire holds, round {k}"),
            speaker: Some("A. Envoy".into()),
            sentence: 10 + k,
            ..Quote::default()
        });
    }
    let cost = page_cost(&b);
    let dropped = fit_to_budget(&mut b, cost - 1);
    assert_eq!(dropped, 1);
    assert_eq!(b.quotes.len(), 5, "hidden, not removed");
    assert!(!b.quotes[4].shown && b.quotes[..4].iter().all(|q| q.shown), "the last one goes first");
    assert!(page_cost(&b) < cost);
    let r = Renderer::new(&Theme::default()).unwrap();
    let md = r.render(&b, Format::Markdown).unwrap();
    assert!(md.contains("round 3") && !md.contains("round 4"), "{md}");
    let json = r.render(&b, Format::Json).unwrap();
    assert!(json.contains("round 4") && json.contains(r#""shown": false"#));
}

#[test]
fn word_counts_agree_with_split_whitespace() {
    for s in [
        "",
        "  ",
        "Talks resume",
        " Envoys\tmet \n in\u{a0}Geneva\u{2009}on\u{3000}Monday ",
        "“We came in good faith,” she said — in Kyiv’s old town.",
        "£2bn\u{85}for 14,000 applicants\u{202f}here",
        "日本語 テキスト",
    ] {
        assert_eq!(crate::fit::words(s), s.split_whitespace().count(), "{s:?}");
    }
}
