//! `attache batch` and `attache parse` on archives generated here: hostile
//! records, every input kind, order across thread counts, exit codes.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::attache;

const CITIES: [&str; 6] = ["GENEVA", "NAIROBI", "JAKARTA", "BRUSSELS", "BRASÍLIA", "ANKARA"];
const TOPICS: [(&str, &str); 6] = [
    ("a ceasefire along the northern border", "monitors from the regional bloc"),
    ("the renewal of a grain export corridor", "shipping insurers and port authorities"),
    ("sanctions on the state oil company", "finance ministers of the group"),
    ("a water-sharing treaty on the river basin", "engineers from both delegations"),
    ("the release of detained aid workers", "the International Committee of the Red Cross"),
    ("a debt restructuring plan", "the country's bilateral creditors"),
];

/// A realistic wire story, different for every `n`.
fn story(n: usize) -> (String, String) {
    let city = CITIES[n % CITIES.len()];
    let (topic, party) = TOPICS[(n / 6) % TOPICS.len()];
    let day = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][n % 5];
    let title = format!("Talks on {topic} resume, round {n}");
    let text = format!(
        "{city} (Wire) — Negotiators met on {day} to discuss {topic}, officials said, in the {n}th round of talks this year.\n\
         The two sides agreed to set up a working group with {party}, according to a statement issued after the meeting.\n\
         “We have made progress, but the difficult questions remain open,” the chief mediator told reporters.\n\
         Diplomats said a draft text could be ready by the end of the month if both capitals approve it.\n\
         The next round is expected in {} weeks, and observers will report on compliance before then.",
        2 + n % 4
    );
    (title, text)
}

fn json_line(n: usize) -> String {
    let (title, text) = story(n);
    serde_json::json!({ "id": format!("story-{n}"), "title": title, "text": text, "source": "Example Wire" })
        .to_string()
}

fn jsonl(range: std::ops::Range<usize>) -> String {
    range.map(|n| json_line(n) + "\n").collect()
}

fn html_page(n: usize) -> String {
    let (title, text) = story(n);
    let paras: String = text.lines().map(|l| format!("<p>{}</p>\n", l.replace('&', "&amp;"))).collect();
    format!(
        "<!doctype html><html><head><title>{title} | Example Wire</title>\n\
         <meta property=\"og:site_name\" content=\"Example Wire\">\n\
         <meta property=\"article:published_time\" content=\"2026-11-{:02}T09:00:00Z\">\n\
         <script>for (var i = 0; i < 10; i++) document.write('<p>injected</p>');</script>\n\
         </head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>\n\
         <article><h1>{title}</h1>\n{paras}</article>\n<footer>© Example Wire</footer></body></html>",
        1 + n % 28
    )
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

fn warc_response(id: &str, uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{id}>\r\nWARC-Date: 2026-11-20T12:00:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = attache();
    cmd.args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s.to_vec());
    }
    let out = cmd.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn lines(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn hostile_json_lines_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("wire.jsonl");
    let mut data = Vec::new();
    data.extend_from_slice(jsonl(0..3).as_bytes()); // lines 1-3
    data.extend_from_slice(b"{\"id\":\"broken\",\"text\":\"unterminated\n"); // 4
    data.extend_from_slice(b"{\"id\":\"latin1\",\"text\":\"Caf\xe9 diplomacy in the capital.\"}\n"); // 5
    data.extend_from_slice(b"{\"id\":\"notext\",\"title\":\"Headline only\"}\n"); // 6
    data.extend_from_slice(b"{\"id\":\"emptytext\",\"text\":\"   \"}\n"); // 7
    let (_, text) = story(3);
    let evil = serde_json::json!({"id": "../../etc/passwd", "text": text}).to_string();
    data.extend_from_slice(evil.as_bytes()); // 8
    data.push(b'\n');
    let huge =
        format!("{{\"id\":\"huge\",\"text\":\"{}\"}}\n", "The delegation waited. ".repeat(50 << 20 >> 4));
    assert!(huge.len() > 50 << 20);
    data.extend_from_slice(huge.as_bytes()); // 9
    data.extend_from_slice(b"\x00\x01\x02\x03 junk \xff\n"); // 10
    data.extend_from_slice(jsonl(4..6).as_bytes()); // 11-12
    std::fs::write(&input, &data).unwrap();
    drop(data);
    drop(huge);

    let out = dir.path().join("out/briefs.jsonl");
    let r = run(&["batch", p(&input), "--output", p(&out), "--jobs", "2"], None);
    assert_eq!(r.code, 1, "some records failed: {}", r.stderr);
    assert!(r.stderr.contains("read 12, briefed 6, failed 6"), "{}", r.stderr);

    let briefs = lines(&std::fs::read_to_string(&out).unwrap());
    let ids: Vec<&str> = briefs.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["story-0", "story-1", "story-2", "../../etc/passwd", "story-4", "story-5"]);
    let input_lines: Vec<u64> = briefs.iter().map(|b| b["input"]["line"].as_u64().unwrap()).collect();
    assert_eq!(input_lines, [1, 2, 3, 8, 11, 12]);
    for b in &briefs {
        assert!(b["input"]["file"].as_str().unwrap().ends_with("wire.jsonl"));
        assert!(
            !b["key_points"].as_array().unwrap().is_empty()
                || !b["bottom_line"].as_array().unwrap().is_empty()
        );
    }

    let errors_path = dir.path().join("out/briefs.jsonl.errors.jsonl");
    let errors = lines(&std::fs::read_to_string(&errors_path).unwrap());
    let err_lines: Vec<u64> = errors.iter().map(|e| e["input"]["line"].as_u64().unwrap()).collect();
    assert_eq!(err_lines, [4, 5, 6, 7, 9, 10]);
    let reasons: Vec<&str> = errors.iter().map(|e| e["error"].as_str().unwrap()).collect();
    assert!(reasons[0].contains("invalid JSON"), "{reasons:?}");
    assert!(reasons[1].contains("not valid UTF-8"), "{reasons:?}");
    assert!(reasons[2].contains("\"text\" field") && reasons[3].contains("\"text\" field"), "{reasons:?}");
    assert!(reasons[4].contains("more than the limit"), "{reasons:?}");
    assert!(reasons[5].contains("not valid UTF-8") || reasons[5].contains("invalid JSON"), "{reasons:?}");
}

#[test]
fn output_is_in_input_order_and_identical_across_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl.gz");
    std::fs::write(&a, jsonl(0..400)).unwrap();
    std::fs::write(&b, gzip(jsonl(400..700).as_bytes())).unwrap();
    let one = run(&["batch", p(&a), p(&b), "--jobs", "1", "--quiet"], None);
    let two = run(&["batch", p(&a), p(&b), "--jobs", "2", "--quiet"], None);
    let four = run(&["batch", p(&a), p(&b), "-j", "4", "--quiet"], None);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(one.stderr.is_empty(), "--quiet prints nothing: {}", one.stderr);
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<String> = lines(&one.stdout).iter().map(|v| v["id"].as_str().unwrap().to_string()).collect();
    let want: Vec<String> = (0..700).map(|n| format!("story-{n}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn truncated_gzip_keeps_what_came_before() {
    let dir = tempfile::tempdir().unwrap();
    let gz = gzip(jsonl(0..300).as_bytes());
    let cut = dir.path().join("cut.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() * 2 / 3]).unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, jsonl(300..302)).unwrap();
    let r = run(&["batch", p(&cut), p(&good)], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let briefs = lines(&r.stdout);
    let errors: Vec<Value> =
        r.stderr.lines().filter(|l| l.starts_with('{')).map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    let bad_line = errors[0]["input"]["line"].as_u64().unwrap() as usize;
    assert!(errors[0]["input"]["file"].as_str().unwrap().ends_with("cut.jsonl.gz"));
    // Everything before the cut was briefed, in order, then the other file.
    assert_eq!(briefs.len(), bad_line - 1 + 2);
    assert!(bad_line > 10 && bad_line < 300);
    assert_eq!(briefs.last().unwrap()["id"], "story-301");
    assert!(
        r.stderr.contains(&format!("read {}, briefed {}, failed 1", bad_line + 2, bad_line + 1)),
        "{}",
        r.stderr
    );
}

#[test]
fn warc_records_hostile_html_and_truncation() {
    let dir = tempfile::tempdir().unwrap();
    let mut warc = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 14\r\n\r\nsoftware: t\r\n\r\n\r\n".to_vec();
    warc.extend(warc_response("urn:uuid:0001", "https://wire.example/a", &html_page(1)));
    let bomb = html_page(2).replace(
        "<article>",
        &format!(
            "<article><p>{}</p><div>{}</div>",
            "&amp;amp;&lt;script&gt;&#x26;&#38;".repeat(20_000),
            "<script>alert(1)</script><style>p{}</style>".repeat(2_000)
        ),
    );
    warc.extend(warc_response("urn:uuid:0002", "https://wire.example/b", &bomb));
    let deep = format!("<html><body>{}<p>Deep.</p></body></html>", "<div>".repeat(30_000));
    warc.extend(warc_response("urn:uuid:0003", "https://wire.example/c", &deep));
    let mut last = warc_response("urn:uuid:0004", "https://wire.example/d", &html_page(4));
    last.truncate(last.len() - 200);
    let path = dir.path().join("crawl.warc.gz");
    // One gzip member per record, as Common Crawl writes them.
    let mut gz = gzip(&warc);
    gz.extend(gzip(&last));
    std::fs::write(&path, gz).unwrap();

    let r = run(&["batch", p(&path), "--errors", "-"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 4, "{}", r.stdout);
    assert_eq!(out[0]["id"], "urn:uuid:0001");
    assert_eq!(out[0]["url"], "https://wire.example/a");
    assert_eq!(out[0]["input"]["record"], 2);
    assert_eq!(out[0]["source"], "Example Wire");
    assert_eq!(out[1]["id"], "urn:uuid:0002");
    let text = serde_json::to_string(&out[1]).unwrap();
    assert!(!text.contains("alert(1)") && !text.contains("injected"), "scripts never reach the briefing");
    assert_eq!(out[2]["input"]["record"], 4);
    assert!(out[2]["error"].as_str().unwrap().contains("nested"), "{}", out[2]);
    assert_eq!(out[3]["input"]["record"], 5);
    assert!(out[3]["error"].as_str().unwrap().contains("truncated"), "{}", out[3]);
    assert!(r.stderr.contains("read 4, briefed 2, failed 2, skipped 1"), "{}", r.stderr);
    assert!(!r.stderr.contains("\"error\""), "with --errors -, errors are not on stderr");
}

#[test]
fn a_gzip_member_cut_short_loses_only_its_own_record() {
    let dir = tempfile::tempdir().unwrap();
    let members: Vec<Vec<u8>> = (1..=5)
        .map(|n| gzip(&warc_response(&format!("urn:uuid:000{n}"), "https://wire.example/x", &html_page(n))))
        .collect();
    let mut data = Vec::new();
    for (i, m) in members.iter().enumerate() {
        // The second member is cut in half, mid-file: its successor follows at once.
        data.extend_from_slice(if i == 1 { &m[..m.len() / 2] } else { m });
    }
    let path = dir.path().join("crawl.warc.gz");
    std::fs::write(&path, data).unwrap();
    let r = run(&["batch", p(&path), "--errors", "-"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let out = lines(&r.stdout);
    let ids: Vec<&str> = out.iter().filter_map(|v| v["id"].as_str()).collect();
    assert_eq!(ids, ["urn:uuid:0001", "urn:uuid:0003", "urn:uuid:0004", "urn:uuid:0005"], "{}", r.stdout);
    let errors: Vec<&Value> = out.iter().filter(|v| v.get("error").is_some()).collect();
    assert_eq!(errors.len(), 1, "{}", r.stdout);
    assert!(errors[0]["error"].as_str().unwrap().contains("gzip"), "{}", errors[0]);
    assert!(r.stderr.contains("briefed 4, failed 1"), "{}", r.stderr);
}

#[test]
fn directories_formats_and_safe_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    std::fs::create_dir_all(inp.join("nested")).unwrap();
    let (title, text) = story(7);
    std::fs::write(inp.join("a-wire.txt"), format!("{title}\n\n{text}")).unwrap();
    std::fs::write(inp.join("nested/b-page.html"), html_page(8)).unwrap();
    let (title, text) = story(9);
    std::fs::write(
        inp.join("nested/c.json"),
        serde_json::json!({"id": "../../etc/passwd", "title": title, "text": text}).to_string(),
    )
    .unwrap();
    std::fs::write(inp.join("nested/d.md"), format!("# {}\n\n{}", story(10).0, story(10).1)).unwrap();
    std::fs::write(inp.join("nested/e.jsonl"), jsonl(11..13)).unwrap();
    std::fs::write(inp.join("junk.json"), b"\x7fELF\x02\x01\x01\x00\x00\x00binary").unwrap();
    std::fs::write(inp.join("photo.jpg"), b"\xff\xd8\xff").unwrap();

    let out = dir.path().join("out");
    let r = run(&["batch", p(&inp), "--format", "md", "--output", p(&out)], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("read 7, briefed 6, failed 1"), "{}", r.stderr);
    let mut names: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["a-wire.md", "b-page.md", "d.md", "etc_passwd.md", "story-11.md", "story-12.md"]);
    assert!(!dir.path().join("etc").exists());
    let md = std::fs::read_to_string(out.join("b-page.md")).unwrap();
    assert!(md.contains("Talks on") && !md.contains("injected"), "{md}");
    let errors = lines(&std::fs::read_to_string(dir.path().join("out.errors.jsonl")).unwrap());
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["input"]["file"].as_str().unwrap().ends_with("junk.json"));
    assert!(errors[0]["error"].as_str().unwrap().contains("binary"));

    // HTML pages for the same inputs; the directory is created.
    let html_out = dir.path().join("html");
    let r = run(&["batch", p(&inp.join("nested")), "--format", "html", "-o", p(&html_out), "--quiet"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = std::fs::read_to_string(html_out.join("etc_passwd.html")).unwrap();
    assert!(page.starts_with("<!") || page.contains("<html"), "{page}");
}

#[test]
fn binary_junk_file_is_one_error_and_the_rest_survives() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    let bytes: Vec<u8> = (0..200_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8).collect();
    std::fs::write(&junk, &bytes).unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, jsonl(0..5)).unwrap();
    let r = run(&["batch", p(&junk), p(&good)], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(lines(&r.stdout).len(), 5);
    assert!(r.stderr.contains("read 6, briefed 5, failed 1"), "{}", r.stderr);
}

#[test]
fn stdin_streaming_with_errors_on_stdout() {
    let mut input = jsonl(0..2);
    input.push_str("not json at all\n");
    input.push_str(&jsonl(2..3));
    let r = run(&["batch", "-", "--format", "json", "--errors", "-", "--quiet"], Some(input.as_bytes()));
    assert_eq!(r.code, 1);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 4, "one line per input record");
    assert_eq!(out[0]["input"], serde_json::json!({"file": "-", "line": 1}));
    assert!(out[2]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(out[2]["input"]["line"], 3);
    assert_eq!(out[3]["id"], "story-2");
    assert!(r.stderr.is_empty(), "{}", r.stderr);

    // Without --errors, error records go to stderr, never to stdout.
    let r = run(&["batch", "-"], Some(input.as_bytes()));
    assert_eq!(lines(&r.stdout).len(), 3);
    assert!(
        r.stderr.contains("\"line\":3") && r.stderr.contains("read 4, briefed 3, failed 1"),
        "{}",
        r.stderr
    );
}

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.jsonl");
    std::fs::write(&good, jsonl(0..3)).unwrap();
    let r = run(&["batch", p(&good)], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("read 3, briefed 3, failed 0"), "{}", r.stderr);

    let r = run(&["batch", p(&good), p(&dir.path().join("missing.jsonl"))], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.jsonl"), "{}", r.stderr);
    assert!(r.stdout.is_empty());

    let blocked: PathBuf = good.join("out.jsonl"); // parent is a file
    let r = run(&["batch", p(&good), "--output", p(&blocked)], None);
    assert_eq!(r.code, 2, "{}", r.stderr);

    let r = run(&["batch", p(&good), "--format", "md"], None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--output"), "{}", r.stderr);
}

/// Output that fails after it was opened (a full disk) stops the run with
/// exit code 2 and a message, instead of hanging the reader and workers.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("many.jsonl");
    std::fs::write(&many, jsonl(0..600)).unwrap();
    let r =
        run(&["batch", p(&many), "--output", "/dev/full", "--errors", p(&dir.path().join("e.jsonl"))], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("cannot write the output"), "{}", r.stderr);
}

#[test]
fn parse_prints_what_the_readers_got() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html_page(5)).unwrap();
    let wire = dir.path().join("wire.jsonl");
    std::fs::write(&wire, format!("{}\n{{oops\n", json_line(6))).unwrap();
    let r = run(&["parse", p(&page), p(&wire)], None);
    assert_eq!(r.code, 1);
    let out = lines(&r.stdout);
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "page");
    assert_eq!(out[0]["title"], story(5).0);
    assert_eq!(out[0]["source"], "Example Wire");
    assert_eq!(out[0]["published"], "2026-11-06T09:00:00Z");
    let text = out[0]["text"].as_str().unwrap();
    assert_eq!(text, story(5).1.replace('\n', "\n\n"));
    assert_eq!(out[1]["id"], "story-6");
    assert!(out[1]["author"].is_null());
    assert!(r.stderr.contains("\"line\":2"), "{}", r.stderr);
}

#[test]
fn error_records_name_the_id_the_line_declared() {
    let input = "{\"id\":\"ok-1\",\"text\":\"Envoys met in Geneva on Monday to discuss the ceasefire.\"}\n\
                 {\"id\":\"no-text\",\"title\":\"Headline only\"}\n\
                 {\"id\":42,\"text\":5}\n\
                 {broken\n";
    let out = crate::util::attache()
        .args(["batch", "-", "--errors", "-", "--quiet"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 4, "one output line per input line");
    assert_eq!(lines[0]["id"], "ok-1");
    assert!(lines[0].get("error").is_none());
    assert_eq!((lines[1]["id"].as_str(), lines[1]["input"]["line"].as_u64()), (Some("no-text"), Some(2)));
    assert_eq!(lines[2]["id"], "42");
    assert!(lines[3]["id"].is_null() && lines[3]["error"].as_str().unwrap().contains("invalid JSON"));
}
