//! One record's work on a worker thread: decode, brief, render, with a
//! panic caught and made into the record's failure.

use attache_parse::{InputRef, Pending, Record};
use attache_render::Brief;

use super::{Briefed, Failure, Render};
use crate::Pipeline;

/// What became of one record, before it is numbered and handed to the sink.
pub(super) type Outcome = Result<Briefed, Failure>;

/// Decode and brief one record; a panic anywhere in its work becomes its
/// failure. `file` is a copy of an earlier record's [`InputRef`] from the
/// same file, to name the record if the work panics.
pub(super) fn brief_guarded(
    pipeline: &Pipeline,
    pending: Pending,
    file: &InputRef,
    render: Option<Render>,
    panic_on: Option<&str>,
) -> Outcome {
    let (line, record) = (pending.input().line, pending.input().record);
    let mut id = None;
    let work = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        brief_record(pipeline, pending.decode(), render, &mut id, panic_on)
    }));
    work.unwrap_or_else(|panic| {
        let mut input = file.clone();
        input.line = line;
        input.record = record;
        Err(Failure {
            input,
            id,
            reason: format!(
                "internal error while briefing this record (please report it): {}",
                panic_message(panic.as_ref())
            ),
            panicked: true,
            number: 0,
        })
    })
}

/// Brief one decoded record. `id` holds the record's id while the work that
/// may panic runs.
fn brief_record(
    pipeline: &Pipeline,
    record: Record,
    render: Option<Render>,
    id: &mut Option<String>,
    panic_on: Option<&str>,
) -> Outcome {
    let Record { input, result, declared_id, .. } = record;
    let fail = |input, id, reason| Err(Failure { input, id, reason, panicked: false, number: 0 });
    let article = match result {
        Ok(a) => a,
        Err(e) => return fail(input, declared_id, e.to_string()),
    };
    *id = article.id.clone();
    if let Some(h) = panic_on
        && id.as_deref() == Some(h)
    {
        panic!("test panic on record {h} (ATTACHE_TEST_PANIC_ON_ID)");
    }
    let brief = match pipeline.brief(article) {
        Ok(b) => b,
        Err(e) => return fail(input, id.take(), e.to_string()),
    };
    let rendered = match render {
        None => None,
        Some(Render::JsonLine) => match json_line(&brief, &input) {
            Ok(line) => Some(line),
            Err(e) => return fail(input, id.take(), format!("cannot serialise the briefing: {e}")),
        },
        Some(Render::Format(f)) => match pipeline.render(&brief, f) {
            Ok(text) => Some(text),
            Err(e) => return fail(input, id.take(), e.to_string()),
        },
    };
    Ok(Briefed { input, brief, rendered, number: 0 })
}

/// The briefing as one JSON line, with `"input"` naming where it came from,
/// ending in a newline.
pub(super) fn json_line(brief: &Brief, input: &InputRef) -> serde_json::Result<String> {
    let mut line = serde_json::to_string(brief)?;
    debug_assert!(line.ends_with('}'));
    line.pop();
    if !line.ends_with('{') {
        line.push(',');
    }
    line.push_str("\"input\":");
    line.push_str(&serde_json::to_string(input)?);
    line.push_str("}\n");
    Ok(line)
}

/// The message of a caught panic.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_line_appends_input() {
        let b = Brief::default();
        let input = test_ref();
        let line = json_line(&b, &input).unwrap();
        assert!(line.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["input"]["file"], "a.jsonl");
        assert_eq!(v["input"]["line"], 3);
        assert!(v.get("key_points").is_some());
    }

    fn test_ref() -> InputRef {
        // InputRef is non-exhaustive: build one the way the readers do.
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.jsonl");
        std::fs::write(&p, "\n\n{broken\n").unwrap();
        let r = attache_parse::Sources::open(&[&p]).unwrap().next().unwrap();
        let mut input = r.input;
        input.file = "a.jsonl".into();
        input
    }
}
