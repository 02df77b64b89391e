//! Property tests of the readers and the brief path (issue 13, "How we
//! know"): arbitrary bytes and structured-but-broken inputs, asserting no
//! panic, bounded time and one outcome per record. `PROPTEST_CASES=N` sets
//! the cases per property (default 24, about half a minute of debug build
//! in all); see `docs/reliability.md` for a longer run.

use std::io::Write;
use std::time::{Duration, Instant};

use attache_parse::{ParseError, Sources, WarcReader};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(24)
}

fn config() -> ProptestConfig {
    ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() }
}

/// Time one input may take, debug build (the slowest case seen is far below).
const BOUND: Duration = Duration::from_secs(20);

const PAGE: &str = "<html><head><title>Grain deal extended</title></head><body><article>\
    <p>Ministers agreed on Friday to extend the grain corridor for another ninety days, \
    the mediators said after a night of talks in Istanbul that ran past the deadline.</p>\
    <p>Shipping insurers said they would resume cover from Monday, though premiums would \
    stay high until the first convoys had passed without incident.</p></article></body></html>";

fn warc_response(id: usize) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{PAGE}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <r{id}>\r\nContent-Type: application/http\r\n\
         Content-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

/// A piece of a WARC file: a good record, or one kind of breakage.
#[derive(Debug, Clone)]
enum Piece {
    Good,
    /// Junk lines (never starting with `WARC/`).
    Junk(String),
    BadLength,
    NoLength,
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => Just(Piece::Good),
        1 => "[a-z <>&\\r\\n]{1,200}".prop_map(Piece::Junk),
        1 => Just(Piece::BadLength),
        1 => Just(Piece::NoLength),
    ]
}

/// Tag soup: the constructs the HTML guard and the entity fix are about.
fn html_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<div/>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<p>".to_string()),
        Just("<svg><path/>".to_string()),
        Just("</svg>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("&amp;".to_string()),
        Just("&nbsp;".to_string()),
        Just("&#x41;".to_string()),
        Just("<a href=x>".to_string()),
        "[A-Za-z ,.]{0,80}",
    ];
    (proptest::collection::vec((token, 1usize..400), 0..40)).prop_map(|parts| {
        let body: String = parts.into_iter().map(|(t, n)| t.repeat(n)).collect();
        format!("<html><body>{body}</body></html>")
    })
}

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    assert!(start.elapsed() < BOUND, "{what} took {:?}", start.elapsed());
    out
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn warc_reader_survives_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096), prefix in any::<bool>()) {
        let mut data = if prefix { b"WARC/1.0\r\n".to_vec() } else { Vec::new() };
        data.extend_from_slice(&bytes);
        let records: Vec<_> = timed("WARC", || WarcReader::new(&data[..]).collect());
        // Record numbers only grow: every region is reported once.
        prop_assert!(records.windows(2).all(|w| w[0].record < w[1].record));
    }

    #[test]
    fn warc_reader_resynchronises_after_each_broken_region(pieces in proptest::collection::vec(piece(), 1..12)) {
        let mut data = String::new();
        let mut good = 0;
        for (i, p) in pieces.iter().enumerate() {
            match p {
                Piece::Good => {
                    good += 1;
                    data.push_str(&warc_response(i));
                }
                Piece::Junk(j) => data.push_str(&j.replace("WARC/", "warc/")),
                Piece::BadLength => data.push_str(&warc_response(i).replacen("Content-Length: ", "Content-Length: -", 1)),
                Piece::NoLength => data.push_str(&warc_response(i).replacen("Content-Length", "X-Length", 1)),
            }
        }
        let records: Vec<_> = timed("WARC", || WarcReader::new(data.as_bytes()).collect());
        let ok = records.iter().filter(|r| r.result.is_ok()).count();
        prop_assert_eq!(ok, good, "every good record is read: {:?}", pieces);
        let broken = pieces.iter().filter(|p| !matches!(p, Piece::Good)).count();
        prop_assert!(records.len() - ok <= broken, "at most one error per broken piece");
    }

    #[test]
    fn json_lines_give_one_record_per_line(
        lines in proptest::collection::vec(prop_oneof![
            "[a-zA-Z .]{1,60}".prop_map(|t| format!("{{\"text\":\"{t}\"}}").into_bytes()),
            "[{}\":a-z ]{0,40}".prop_map(String::into_bytes),
            proptest::collection::vec(1u8..=255, 0..60).prop_map(|mut v| { v.retain(|&b| b != b'\n'); v }),
        ], 0..30),
        compression in 0u8..3,
        cut in proptest::option::of(0.0f64..1.0),
    ) {
        let mut plain = Vec::new();
        for l in &lines {
            plain.extend_from_slice(l);
            plain.push(b'\n');
        }
        let stored = match compression {
            0 => plain.clone(),
            1 => {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                gz.write_all(&plain).unwrap();
                gz.finish().unwrap()
            }
            _ => zstd::encode_all(&plain[..], 1).unwrap(),
        };
        let stored = match cut {
            Some(f) => stored[..(stored.len() as f64 * f) as usize].to_vec(),
            None => stored,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.jsonl");
        std::fs::write(&path, &stored).unwrap();
        let records: Vec<_> = timed("JSON Lines", || Sources::open(&[&path]).unwrap().collect());
        let records_len = records.len();
        let expected = lines.iter().filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
        if cut.is_none() && !plain[..plain.len().min(8192)].contains(&0) {
            prop_assert_eq!(records_len, expected);
            let numbers: Vec<u64> = records.iter().filter_map(|r| r.input.line).collect();
            prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        } else {
            // Truncated or binary: never more records than lines, plus one error.
            prop_assert!(records_len <= expected + 1);
        }
    }

    #[test]
    fn html_pages_cost_bounded_time(page in html_soup()) {
        let r = timed("HTML", || attache_parse::read_html(&page, None));
        match r {
            Ok(a) => prop_assert!(!a.blocks.is_empty()),
            Err(ParseError::Empty | ParseError::Unsupported(_)) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    #[test]
    fn the_brief_path_never_panics(
        text in "[A-Za-z“”\"'.,;:!? \\n—-]{0,3000}",
        html in any::<bool>(),
        method in 0usize..attache_score::METHODS.len(),
    ) {
        let mut options = attache::Options::default();
        options.method = attache_score::METHODS[method].to_string();
        let pipeline = attache::Pipeline::new(&options).unwrap();
        let (name, bytes) = if html {
            ("page.html", format!("<html><body><p>{}</p></body></html>", text.replace('\n', "</p><p>")))
        } else {
            ("wire.txt", text.clone())
        };
        timed("brief", || {
            // One outcome: an article and its briefing in every format, or an error.
            if let Ok(article) = attache::input::read_article(Some(name), bytes.as_bytes())
                && let Ok(brief) = pipeline.brief(article)
            {
                for format in [attache_render::Format::Markdown, attache_render::Format::Html, attache_render::Format::Json] {
                    pipeline.render(&brief, format).unwrap();
                }
            }
        });
    }
}
