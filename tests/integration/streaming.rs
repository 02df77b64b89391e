//! `attache batch -` as a streaming filter, the way Spark's script transform
//! drives it (examples/spark): each input line is answered on standard output
//! before the next one is written, and the exit status tells what happened.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::Value;

const WAIT: Duration = Duration::from_secs(60);

fn article(n: usize) -> String {
    serde_json::json!({
        "id": format!("wire-{n}"),
        "title": "Envoys agree to resume grain corridor talks",
        "text": format!(
            "ISTANBUL (Wire) — Negotiators agreed on Thursday to resume talks on the grain corridor in round {n}.\n\
             The talks collapsed in July after a dispute over inspections of ships in the Bosphorus.\n\
             \"We have a basis for an agreement,\" the mediator told reporters after the meeting.\n\
             The next round is due in Geneva within two weeks, officials said."
        ),
    })
    .to_string()
}

/// Start `attache batch - --format json --errors - --quiet` and a thread
/// that forwards its output lines.
fn start() -> (Child, ChildStdin, Receiver<String>) {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("attache"))
        .args(["batch", "-", "--format", "json", "--errors", "-", "--quiet", "--jobs", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("attache starts");
    let stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    (child, stdin, rx)
}

fn send(stdin: &mut ChildStdin, line: &str) {
    stdin.write_all(line.as_bytes()).unwrap();
    stdin.write_all(b"\n").unwrap();
    stdin.flush().unwrap();
}

fn answer(rx: &Receiver<String>) -> Value {
    let line = rx.recv_timeout(WAIT).expect("an answer before standard input is closed");
    serde_json::from_str(&line).expect("one JSON object per line")
}

#[test]
fn each_line_is_answered_before_the_next_is_sent() {
    let (mut child, mut stdin, rx) = start();
    // Input stays open throughout: every answer must arrive while attache is
    // still waiting for more, or a consumer like Spark would stall.
    send(&mut stdin, &article(1));
    let first = answer(&rx);
    assert_eq!(first["id"], "wire-1");
    assert_eq!(first["input"]["file"], "-");
    assert_eq!(first["input"]["line"], 1);
    assert!(!first["bottom_line"].as_array().unwrap().is_empty());

    send(&mut stdin, r#"{"id": "wire-2", "title": "Cut off", "text": "The talks"#);
    let second = answer(&rx);
    assert!(second["error"].as_str().unwrap().contains("JSON"), "{second}");
    assert_eq!(second["input"]["line"], 2);

    send(&mut stdin, "   ");
    send(&mut stdin, &article(4));
    let fourth = answer(&rx);
    assert_eq!(fourth["id"], "wire-4", "a blank line is not a record");
    assert_eq!(fourth["input"]["line"], 4);

    drop(stdin);
    assert!(rx.recv_timeout(WAIT).is_err(), "nothing more after the input ends");
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "some records failed: exit status 1");
}

#[test]
fn all_briefed_exits_zero_and_order_is_kept() {
    let (mut child, mut stdin, rx) = start();
    let input: String = (0..40).map(|n| article(n) + "\n").collect();
    // Feed from another thread, as Spark does, so a full pipe cannot block us.
    let feeder = std::thread::spawn(move || {
        stdin.write_all(input.as_bytes()).unwrap();
    });
    let ids: Vec<String> = (0..40).map(|_| answer(&rx)["id"].as_str().unwrap().to_string()).collect();
    feeder.join().unwrap();
    let want: Vec<String> = (0..40).map(|n| format!("wire-{n}")).collect();
    assert_eq!(ids, want);
    assert!(rx.recv_timeout(WAIT).is_err());
    assert!(child.wait().unwrap().success());
}
