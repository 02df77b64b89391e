//! Tests of [`Sources`] as a whole: formats, ids, faults, order.

use super::*;
use crate::text::MAX_ARTICLE_BYTES;

const ARTICLE: &str = r#"{"id":"w1","title":"Talks resume","text":"Envoys met in Geneva on Monday.\nThey agreed to meet again."}"#;

fn collect(paths: &[&Path]) -> Vec<Record> {
    Sources::open(paths).unwrap().collect()
}

#[test]
fn json_lines_with_hostile_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.jsonl");
    let mut data = Vec::new();
    data.extend_from_slice(ARTICLE.as_bytes());
    data.extend_from_slice(b"\n\n{\"text\": \"Second article without id.\"}\n{broken\n");
    data.extend_from_slice(b"{\"text\":\"bad \xff\xfe utf8\"}\n{\"id\":\"empty\",\"text\":\"\"}\n");
    data.extend_from_slice(format!("{{\"text\":\"{}\"}}\n", "word ".repeat(1_000_000)).as_bytes());
    data.extend_from_slice(b"{\"id\":\"last\",\"text\":\"Final line, no newline.\"}");
    std::fs::write(&p, &data).unwrap();
    let r = collect(&[&p]);
    let lines: Vec<u64> = r.iter().map(|r| r.input.line.unwrap()).collect();
    assert_eq!(lines, [1, 3, 4, 5, 6, 7, 8]);
    assert_eq!(r[0].result.as_ref().unwrap().id.as_deref(), Some("w1"));
    assert_eq!(r[1].result.as_ref().unwrap().id.as_deref(), Some("3"));
    assert!(matches!(r[2].result, Err(ParseError::Json(_))));
    assert!(matches!(r[3].result, Err(ParseError::InvalidUtf8 { offset: 13 })));
    assert!(matches!(r[4].result, Err(ParseError::MissingField(_))));
    assert!(matches!(r[5].result, Err(ParseError::TooLarge { size: 5_000_012, .. })));
    assert_eq!(r[5].declared_id, None);
    let big = dir.path().join("big.jsonl");
    std::fs::write(&big, format!("{{\"id\": 42, \"text\":\"{}\"}}\n", "word ".repeat(1_000_000))).unwrap();
    let rb = collect(&[&big]);
    assert!(matches!(rb[0].result, Err(ParseError::TooLarge { .. })));
    assert_eq!(rb[0].declared_id.as_deref(), Some("42"), "an oversized line still names its id");
    assert_eq!(r[6].result.as_ref().unwrap().id.as_deref(), Some("last"));
}

#[cfg(feature = "compression")]
#[test]
fn gzip_zstd_and_truncation() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let body: String = (0..200)
        .map(|i| format!("{{\"id\":\"n{i}\",\"text\":\"Story number {i} about the summit.\"}}\n"))
        .collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(body.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let p = dir.path().join("a.jsonl.gz");
    std::fs::write(&p, &gz).unwrap();
    let z = dir.path().join("b.data");
    std::fs::write(&z, zstd::encode_all(body.as_bytes(), 3).unwrap()).unwrap();
    let cut = dir.path().join("c.jsonl.gz");
    std::fs::write(&cut, &gz[..gz.len() / 2]).unwrap();
    let r = collect(&[&p, &z]);
    assert_eq!(r.len(), 400);
    assert!(r.iter().all(|r| r.result.is_ok()));
    assert_eq!(r[399].result.as_ref().unwrap().id.as_deref(), Some("n199"));
    let r = collect(&[&cut]);
    let (ok, err): (Vec<_>, Vec<_>) = r.iter().partition(|r| r.result.is_ok());
    assert!(!ok.is_empty() && ok.len() < 200);
    assert_eq!(err.len(), 1);
    assert!(matches!(err[0].result, Err(ParseError::Io(_)) | Err(ParseError::Json(_))));
}

#[test]
fn directories_in_name_order_with_ids_from_files() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Summit ends\n\nLeaders left Rome on Sunday. The communique was short.",
    )
    .unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"text":"Sanctions were extended."}"#).unwrap();
    std::fs::write(dir.path().join("notes.png"), b"\x89PNG").unwrap();
    std::fs::write(sub.join("c.md"), "# Vote delayed\n\nThe assembly delayed the vote.").unwrap();
    std::fs::write(sub.join("junk.txt"), b"\x00\x01\x02binary").unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"\x00\x01\n\n\x02\n\x03\xff\n").unwrap();
    let r = collect(&[&junk]);
    assert_eq!(r.len(), 1, "binary junk is one error");
    assert!(r[0].result.is_err());
    let r = collect(&[dir.path()]);
    let ids: Vec<String> = r
        .iter()
        .map(|r| r.result.as_ref().map(|a| a.id.clone().unwrap()).unwrap_or_else(|e| format!("error: {e}")))
        .collect();
    assert_eq!(ids[..3], ["a", "b", "c"]);
    assert!(ids[3].starts_with("error: unsupported input: binary data"), "{ids:?}");
    assert_eq!(r.len(), 4);
    assert!(r[3].input.file.ends_with("junk.txt"));
}

#[cfg(unix)]
#[test]
fn directory_symlink_loops_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"text":"Envoys met in Geneva."}"#).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let r = collect(&[dir.path()]);
    assert_eq!(r.len(), 1);
}

#[test]
fn pending_records_decode_to_the_same_records_on_any_thread() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("w.jsonl");
    std::fs::write(&p, format!("{ARTICLE}\n{{bad\n{{\"text\":\"No id here.\"}}\n")).unwrap();
    let direct: Vec<String> =
        collect(&[&p]).into_iter().map(|r| format!("{:?} {:?}", r.input, r.result)).collect();
    let mut sources = Sources::open(&[&p]).unwrap();
    let mut pending = Vec::new();
    while let Some(r) = sources.next_pending() {
        assert!(r.size() > 0);
        pending.push(r);
    }
    assert_eq!(pending[1].input().line, Some(2));
    let decoded: Vec<String> = std::thread::spawn(move || {
        pending.into_iter().map(|p| p.decode()).map(|r| format!("{:?} {:?}", r.input, r.result)).collect()
    })
    .join()
    .unwrap();
    assert_eq!(decoded, direct);
    assert!(direct[2].contains("Some(\"3\")"), "{}", direct[2]);
}

#[cfg(unix)]
#[test]
fn fifos_in_folders_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), r#"{"text":"Envoys met in Geneva."}"#).unwrap();
    let fifo = dir.path().join("b.jsonl");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    std::fs::write(dir.path().join("c.txt"), "Talks\n\nThe talks resumed on Monday.").unwrap();
    let r = collect(&[dir.path()]);
    let files: Vec<&str> = r.iter().map(|r| r.input.file.rsplit('/').next().unwrap()).collect();
    assert_eq!(files, ["a.json", "c.txt"]);
    assert!(r.iter().all(|r| r.result.is_ok()));
}

#[test]
fn missing_input_is_fatal() {
    assert!(matches!(Sources::open(&["/nonexistent/x.jsonl"]), Err(SourceError::Unreadable { .. })));
}

#[test]
fn input_ref_serialises_without_empty_fields() {
    let r = InputRef { file: "a.warc".into(), line: None, record: Some(3) };
    assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"file":"a.warc","record":3}"#);
    assert_eq!(r.to_string(), "a.warc record 3");
}

const PAGE: &str = "<!DOCTYPE html><html><head><title>Talks resume</title></head><body><article>\
    <p>Envoys met in Geneva on Monday and agreed to meet again next week, officials said.</p>\
    <p>The talks collapsed in July after a dispute over inspections.</p></article></body></html>";

#[test]
fn readers_are_read_like_files() {
    let lines = format!("{ARTICLE}\n\n{{\"text\":\"Second story.\"}}\n");
    let r: Vec<Record> = Sources::from_reader("-", io::Cursor::new(lines.clone()), None).collect();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].input.file, "-");
    assert_eq!(r[1].input.line, Some(3));
    assert_eq!(r[1].result.as_ref().unwrap().id.as_deref(), Some("3"));
    // A named reader: the name's extension decides, its stem is the id.
    let a = Sources::from_reader("saved/talks.html", PAGE.as_bytes(), None).into_article().unwrap();
    assert_eq!((a.id.as_deref(), a.title.as_deref()), (Some("talks"), Some("Talks resume")));
    // Unnamed: the content decides, and there is no id.
    let a = Sources::from_reader("-", PAGE.as_bytes(), None).into_article().unwrap();
    assert_eq!((a.id, a.title.as_deref()), (None, Some("Talks resume")));
    let pretty = "{\n  \"title\": \"Talks resume\",\n  \"text\": \"Envoys met in Geneva.\"\n}\n";
    let a = Sources::from_reader("-", pretty.as_bytes(), None).into_article().unwrap();
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
    let a =
        Sources::from_reader("", &b"Talks resume\n\nEnvoys met in Geneva."[..], None).into_article().unwrap();
    assert_eq!((a.id, a.title.as_deref()), (None, Some("Talks resume")));
}

#[test]
fn a_format_given_overrides_detection() {
    let saved = format!("Saved page\n\n{PAGE}");
    let a = Sources::from_reader("talks.html", io::Cursor::new(saved), Some(InputFormat::Text))
        .into_article()
        .unwrap();
    assert_eq!(a.title.as_deref(), Some("Saved page"));
    assert!(a.blocks[0].text.starts_with("<!DOCTYPE"), "{:?}", a.blocks[0]);
    let braces = "{Talks} resume\n\nEnvoys met in Geneva on Monday.\n";
    assert_eq!(InputFormat::sniff(braces.as_bytes()), InputFormat::JsonLines);
    let r: Vec<Record> = Sources::from_reader("-", braces.as_bytes(), Some(InputFormat::Text)).collect();
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].result.as_ref().unwrap().title.as_deref(), Some("{Talks} resume"));
    // For files too.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wire.txt");
    std::fs::write(&p, format!("{ARTICLE}\n{ARTICLE}\n")).unwrap();
    let r: Vec<Record> = Sources::open(&[&p]).unwrap().with_format(InputFormat::JsonLines).collect();
    assert_eq!(r.len(), 2);
    assert_eq!(r[1].result.as_ref().unwrap().id.as_deref(), Some("w1"));
}

#[test]
fn one_article_wanted() {
    let two = format!("{ARTICLE}\n{ARTICLE}\n");
    let e = Sources::from_reader("-", io::Cursor::new(two), None).into_article().unwrap_err();
    assert!(matches!(e, ParseError::SeveralArticles), "{e}");
    let e = Sources::from_reader("none.jsonl", &b"\n \n"[..], None).into_article().unwrap_err();
    assert_eq!(e.to_string(), "the input holds no article");
    let e = Sources::from_reader("-", &b"{\"text\": 3}\n"[..], None).into_article().unwrap_err();
    assert!(matches!(e, ParseError::MissingField(_) | ParseError::Json(_)), "{e}");
}

#[test]
fn limits_are_the_formats_whoever_reads() {
    // Over 4 MB of HTML is a page (the HTML limit is 16 MB), read the same
    // way from a file and from a reader; text that large is refused.
    let filler = format!("<!-- {} -->", "x".repeat(5 << 20));
    let page = PAGE.replace("</head>", &format!("{filler}</head>"));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.html");
    std::fs::write(&p, &page).unwrap();
    #[cfg(feature = "html")]
    {
        let from_file = Sources::open(&[&p]).unwrap().into_article().unwrap();
        let from_reader =
            Sources::from_reader("-", io::Cursor::new(page.clone()), None).into_article().unwrap();
        assert_eq!(from_file.title, from_reader.title);
        assert_eq!(from_file.blocks, from_reader.blocks);
    }
    let t = dir.path().join("big.txt");
    std::fs::write(&t, &page).unwrap();
    let e = Sources::open(&[&t]).unwrap().into_article().unwrap_err();
    assert!(
        matches!(e, ParseError::TooLarge { limit: MAX_ARTICLE_BYTES, size } if size == page.len()),
        "{e}"
    );
    let e =
        Sources::from_reader("-", io::Cursor::new(page), Some(InputFormat::Text)).into_article().unwrap_err();
    assert!(matches!(e, ParseError::TooLarge { limit: MAX_ARTICLE_BYTES, .. }), "{e}");
}

#[cfg(feature = "compression")]
#[test]
fn compressed_readers_are_undone_first() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let a = Sources::from_reader("-", io::Cursor::new(gz.clone()), None).into_article().unwrap();
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
    let a = Sources::from_reader("page.html.gz", io::Cursor::new(gz), None).into_article().unwrap();
    assert_eq!(a.id.as_deref(), Some("page"));
    let z = zstd::encode_all(format!("{ARTICLE}\n").as_bytes(), 3).unwrap();
    let r: Vec<Record> = Sources::from_reader("-", io::Cursor::new(z), None).collect();
    assert_eq!(r[0].result.as_ref().unwrap().id.as_deref(), Some("w1"));
}

#[test]
fn files_without_a_known_extension_are_read_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("TALKS");
    std::fs::write(&text, "Talks resume\n\nEnvoys met in Geneva on Monday.").unwrap();
    let lines = dir.path().join("wire.data");
    std::fs::write(&lines, format!("{ARTICLE}\n{{\"text\":\"Second.\"}}\n")).unwrap();
    let r = collect(&[&text, &lines]);
    let ids: Vec<_> = r.iter().map(|r| r.result.as_ref().unwrap().id.clone().unwrap()).collect();
    assert_eq!(ids, ["TALKS", "w1", "2"]);
}

/// A reader that hands out its bytes a few at a time, like a slow pipe.
struct Trickle(Vec<u8>, usize);

impl Read for Trickle {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf.len().min(3).min(self.0.len() - self.1);
        buf[..n].copy_from_slice(&self.0[self.1..self.1 + n]);
        self.1 += n;
        Ok(n)
    }
}

#[test]
fn short_reads_do_not_change_the_outcome() {
    let lines = format!("{ARTICLE}\n{{bad\n{{\"text\":\"No id here.\"}}\n");
    let slow: Vec<String> = Sources::from_reader("-", Trickle(lines.clone().into_bytes(), 0), None)
        .map(|r| format!("{:?} {:?}", r.input, r.result))
        .collect();
    let fast: Vec<String> = Sources::from_reader("-", io::Cursor::new(lines), None)
        .map(|r| format!("{:?} {:?}", r.input, r.result))
        .collect();
    assert_eq!(slow, fast);
    assert_eq!(slow.len(), 3);
    let a = Sources::from_reader("-", Trickle(PAGE.as_bytes().to_vec(), 0), None).into_article().unwrap();
    assert_eq!(a.title.as_deref(), Some("Talks resume"));
}
