"""WARC read-and-filter speed: FastWARC vs warcio through storyline's reader, printed as a table.

Builds a WARC in a temporary folder from the HTML pages of the dev feeds (zyte-html-dev and
trafilatura-eval-dev; never committed), with what a crawl also holds: a request record per
page, 404 pages and images. Then times ``read_warc`` (parse, keep 2xx HTML responses, decode,
hash: the Article input, not cleaning) over the plain and the gzip-compressed file with each parser,
in wall time and in the process's CPU time (the figure that does not move with the machine's load).

    .venv/bin/python benchmarks/bench_warc.py [--pages 6000]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
SOURCES = ["zyte-html-dev.jsonl.gz", "trafilatura-eval-dev.jsonl.gz"]


def load_pages() -> list[tuple[str, bytes]]:
    pages = []
    for name in SOURCES:
        with gzip.open(EVAL / "data" / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("html"):
                    url = record.get("url") or ""
                    if not url.startswith(("http://", "https://")):  # some eval urls are placeholders
                        url = f"https://example.org/{record['id']}"
                    pages.append((url.replace(" ", "%20"), record["html"].encode()))
    return pages


def build(path: Path, pages: list[tuple[str, bytes]], n: int, compress: bool) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for i in range(n):
            url, body = pages[i % len(pages)]
            url = f"{url}#copy{i}"
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            status, ctype = "200 OK", "text/html; charset=utf-8"
            if i % 10 == 7:
                status = "404 Not Found"
            elif i % 10 == 9:
                ctype, body = "image/jpeg", b"\xff\xd8\xff\xe0" + bytes(20_000)
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            )
            records += 2
    return records


def time_read(path: Path, backend: str) -> tuple[float, float, int]:
    """Wall and CPU seconds of one pass, and the articles kept. On a shared machine the wall time
    grows with the other processes' load; the CPU time is what the reader itself costs."""
    from storyline.ingest.warc import read_warc
    from storyline.model import Article

    start, cpu = time.perf_counter(), time.process_time()
    kept = sum(isinstance(item, Article) for item in read_warc(path, backend))
    return time.perf_counter() - start, time.process_time() - cpu, kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=6000, help="response records (plus as many requests)")
    args = parser.parse_args()
    if not (EVAL / "data" / SOURCES[0]).exists():
        print(f"dev sets not found under {EVAL}; set STORYLINE_EVAL_DIR", file=sys.stderr)
        return 2
    pages = load_pages()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-warc-") as tmp:
        for compress in (False, True):
            path = Path(tmp) / ("crawl.warc.gz" if compress else "crawl.warc")
            records = build(path, pages, args.pages, compress)
            size = path.stat().st_size / 2**20
            for backend in ("fastwarc", "warcio"):
                seconds, cpu, kept = time_read(path, backend)
                rows.append((path.name, f"{size:.0f}", backend, records, kept, seconds, cpu))
    print(
        f"{len(pages)} distinct dev pages, {args.pages} responses + {args.pages} requests per file; "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end"
    )
    print(
        f"{'file':<14} {'MB':>5} {'parser':<9} {'records':>8} {'html kept':>9} {'wall s':>7} {'records/s':>10}"
        f" {'cpu s':>7} {'records/cpu-s':>13}"
    )
    for name, size_mb, backend, records, kept, seconds, cpu in rows:
        print(
            f"{name:<14} {size_mb:>5} {backend:<9} {records:>8} {kept:>9} {seconds:>7.2f} {records / seconds:>10,.0f}"
            f" {cpu:>7.2f} {records / cpu:>13,.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
