#!/usr/bin/env python3
"""Write a JSON Lines archive of articles for trying Attaché on Spark.

The articles are variations of the example articles in examples/articles/
(written for this project): each record keeps the lede of one example, a
seeded selection of its other paragraphs, and its own id, date and URL. A few
deliberately broken records (bad JSON, missing or empty text) show how error
records travel through the job. The output is deterministic: the same
arguments give byte-identical files.

    python3 examples/spark/make_archive.py OUT.jsonl [--count 3000] [--gzip OUT.jsonl.gz]

Standard library only, so it runs before any virtual environment exists.
"""

import argparse
import datetime
import gzip
import json
import random
import re
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "articles"
META = re.compile(r"^(Date|Published|Source|URL|ID|Author|Title):\s*(.*)$", re.IGNORECASE)


def read_text_article(path):
    """A small reader for the example wire copy: metadata, headline, paragraphs.

    Subheads (short lines, or lines without final punctuation), bylines and Markdown
    standfirsts are dropped; only the headline and body paragraphs are kept.
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    meta = {}
    while lines and (META.match(lines[0]) or not lines[0].strip()):
        m = META.match(lines.pop(0))
        if m:
            meta[m.group(1).lower()] = m.group(2).strip()
    title = lines.pop(0).lstrip("#").strip()
    paragraphs = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or line.startswith("By "):
            continue
        if line.startswith("*") and line.endswith("*"):
            continue
        if not line.endswith((".", "”", '"', "’", "?", "!")) or len(line.split()) < 6:
            continue
        paragraphs.append(line)
    # The first paragraph after the headline in the .txt example is a standfirst.
    if paragraphs and "—" not in paragraphs[0] and len(paragraphs) > 1 and "—" in paragraphs[1]:
        paragraphs.pop(0)
    return {
        "title": title,
        "paragraphs": paragraphs,
        "source": meta.get("source"),
        "url": meta.get("url"),
    }


def read_json_article(path):
    obj = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [p.strip() for p in obj["text"].split("\n") if p.strip()]
    return {"title": obj["title"], "paragraphs": paragraphs, "source": obj.get("source"), "url": obj.get("url")}


def load_bases():
    bases = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".json":
            bases.append(read_json_article(path))
        elif path.suffix in (".txt", ".md"):
            bases.append(read_text_article(path))
    if not bases:
        raise SystemExit(f"make_archive: no example articles in {EXAMPLES}")
    return bases


def article(i, base):
    rng = random.Random(i)
    lede, rest = base["paragraphs"][0], base["paragraphs"][1:]
    keep = max(3, len(rest) - rng.randrange(0, 4))
    body = sorted(rng.sample(range(len(rest)), min(keep, len(rest))))
    paragraphs = [lede] + [rest[j] for j in body]
    if len(paragraphs) > 4 and rng.random() < 0.3:
        k = rng.randrange(2, len(paragraphs) - 1)
        paragraphs[k], paragraphs[k + 1] = paragraphs[k + 1], paragraphs[k]
    day = datetime.date(2026, 1, 1) + datetime.timedelta(days=i % 330)
    record = {
        "id": f"spark-{i:05d}",
        "title": base["title"] if rng.random() < 0.8 else f"{base['title']} (updated)",
        "text": "\n\n".join(paragraphs),
        "published": day.isoformat(),
    }
    if base["source"]:
        record["source"] = base["source"]
    if base["url"]:
        record["url"] = f"{base['url']}?v={i}"
    return record


# Broken records, placed at fixed line numbers: every one must come back as an
# error record naming its line, and the records around it must be briefed.
def broken(i):
    kind = (i // 500) % 3
    if kind == 0:
        return '{"id": "spark-%05d", "title": "Truncated record", "text": "The talks' % i
    if kind == 1:
        return json.dumps({"id": f"spark-{i:05d}", "title": "No body"})
    return json.dumps({"id": f"spark-{i:05d}", "title": "Empty body", "text": "   "})


def lines(count):
    bases = load_bases()
    for i in range(count):
        if i % 500 == 250:
            yield broken(i)
        else:
            yield json.dumps(article(i, bases[i % len(bases)]), ensure_ascii=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("output", help="JSON Lines file to write")
    ap.add_argument("--count", type=int, default=3000, help="number of records (default 3000)")
    ap.add_argument("--gzip", metavar="PATH", help="also write a gzip-compressed copy here")
    args = ap.parse_args()
    data = "".join(line + "\n" for line in lines(args.count)).encode("utf-8")
    Path(args.output).write_bytes(data)
    if args.gzip:
        # mtime=0 keeps the compressed file byte-identical between runs.
        with open(args.gzip, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(data)


if __name__ == "__main__":
    main()
