#!/usr/bin/env python3
"""Regenerate the sample archives in this folder from files this project wrote.

    python3 examples/archives/make-samples.py

writes, deterministically (same bytes on every run):

- sample.warc.gz: a small crawl in the Common Crawl News layout, one gzip
  member per record: a warcinfo record, then for each page in examples/pages/
  a request and a 200 text/html response, plus a robots.txt response and a
  301 redirect (records `attache batch` counts as skipped: they carry no
  article);
- wire.jsonl.gz: wire.jsonl, gzip-compressed.
"""
import gzip
import io
import pathlib
import uuid

HERE = pathlib.Path(__file__).resolve().parent
PAGES = HERE.parent / "pages"
# The address each saved page was fetched from, and when.
FETCHED = {
    "nile-dam-talks.html": ("https://harbourline.example.com/africa/2026/11/25/nile-dam-talks", "2026-11-25T10:02:11Z"),
    "balkan-border-crossings.html": ("https://adriaticobserver.example.eu/politics/serbia-kosovo-crossings", "2026-11-24T17:40:09Z"),
}
NS = uuid.UUID("6f1d2c1e-8a51-4d8e-9a3c-2f6f0e7b9a10")


def record(kind, uri, date, block, content_type, extra=()):
    rid = uuid.uuid5(NS, f"{kind} {uri} {date}")
    head = [
        "WARC/1.0",
        f"WARC-Type: {kind}",
        f"WARC-Record-ID: <urn:uuid:{rid}>",
        f"WARC-Date: {date}",
    ]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += list(extra)
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    raw = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0) as z:
        z.write(raw)
    return out.getvalue()


def http_response(status, headers, body):
    lines = [f"HTTP/1.1 {status}"] + [f"{k}: {v}" for k, v in headers] + [f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def http_request(uri):
    host = uri.split("/")[2]
    path = "/" + "/".join(uri.split("/")[3:])
    return f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: attache-sample/1.0\r\nAccept: text/html\r\n\r\n".encode()


def main():
    parts = []
    info = b"software: examples/archives/make-samples.py\r\nformat: WARC File Format 1.0\r\ndescription: sample crawl for the Attache README\r\n"
    parts.append(record("warcinfo", None, "2026-11-25T10:00:00Z", info, "application/warc-fields",
                        ["WARC-Filename: sample.warc.gz"]))
    robots_uri = "https://harbourline.example.com/robots.txt"
    parts.append(record("response", robots_uri, "2026-11-25T10:01:58Z",
                        http_response("200 OK", [("Content-Type", "text/plain")], b"User-agent: *\nAllow: /\n"),
                        "application/http; msgtype=response"))
    for name, (uri, date) in FETCHED.items():
        body = (PAGES / name).read_bytes()
        parts.append(record("request", uri, date, http_request(uri), "application/http; msgtype=request"))
        parts.append(record("response", uri, date,
                            http_response("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                     ("Server", "nginx")], body),
                            "application/http; msgtype=response"))
    moved = "https://adriaticobserver.example.eu/politics/latest"
    parts.append(record("response", moved, "2026-11-24T17:40:12Z",
                        http_response("301 Moved Permanently",
                                      [("Location", FETCHED["balkan-border-crossings.html"][0]),
                                       ("Content-Type", "text/html")], b""),
                        "application/http; msgtype=response"))
    (HERE / "sample.warc.gz").write_bytes(b"".join(parts))

    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as z:
        z.write((HERE / "wire.jsonl").read_bytes())
    (HERE / "wire.jsonl.gz").write_bytes(out.getvalue())


if __name__ == "__main__":
    main()
