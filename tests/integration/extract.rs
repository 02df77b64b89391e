use crate::util::attache;

#[test]
fn extract_writes_one_line_per_input_with_code_point_spans() {
    let input = concat!(
        r#"{"id":"a1","text":"Zoë Müller, an envoy of Austria, met Chinese officials in Geneva.\n“Talks will resume,” Müller said."}"#,
        "\n",
        "not json at all\n",
        r#"{"id":7,"text":"Tokyo and Seoul welcomed the deal.","lang":"en"}"#,
        "\n"
    );
    let out = attache().arg("extract").write_stdin(input).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a bad line makes the exit code 1");
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "one output line per input line, the bad one included");

    let a = &lines[0];
    assert_eq!(a["id"], "a1");
    let text: Vec<char> = a1_text().chars().collect();
    for e in a["entities"].as_array().unwrap() {
        let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert_eq!(text[s..t].iter().collect::<String>(), e["text"].as_str().unwrap());
    }
    let ty = |t: &str| {
        a["entities"].as_array().unwrap().iter().find(|e| e["text"] == t).map(|e| e["type"].clone())
    };
    assert_eq!(ty("Zoë Müller"), Some("PER".into()));
    assert_eq!(ty("Chinese"), Some("MISC".into()));
    assert_eq!(ty("Geneva"), Some("LOC".into()));
    let q = &a["quotes"][0];
    let (s, t) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..t].iter().collect::<String>(), "Talks will resume,");
    assert_eq!(q["speaker"], "Zoë Müller");

    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"), "{}", lines[1]);
    let c = &lines[2];
    assert_eq!(c["id"], 7);
    let canon: Vec<&str> =
        c["entities"].as_array().unwrap().iter().map(|e| e["canonical"].as_str().unwrap()).collect();
    assert_eq!(canon, ["Japan", "South Korea"], "capitals used for governments are countries");
}

fn a1_text() -> &'static str {
    "Zoë Müller, an envoy of Austria, met Chinese officials in Geneva.\n“Talks will resume,” Müller said."
}

#[test]
fn eval_commands_report_and_fail_cleanly_on_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    let ner = dir.path().join("ner.jsonl");
    std::fs::write(
        &ner,
        r#"{"id":"d1","text":"Angela Merkel visited Paris .","entities":[{"start":0,"end":13,"type":"PER"},{"start":22,"end":27,"type":"LOC"}]}"#,
    )
    .unwrap();
    let out = attache().args(["eval", "ner"]).arg(&ner).arg("--json").output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["report"]["micro"]["f1"], 1.0);

    let quotes = dir.path().join("quotes.jsonl");
    std::fs::write(&quotes, "{\"id\":\"q1\",\"text\":\"Bad record\"\n").unwrap();
    let out = attache().args(["eval", "quotes"]).arg(&quotes).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));
}
