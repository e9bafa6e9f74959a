"""WARC reader: HTML responses become articles, everything else is skipped; both parsers agree."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.ingest.warc import read_warc
from storyline.model import Article, Rejected

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = (
    "<html><head><title>Ferry resumes</title></head><body><p>The ferry ran again on Monday.</p></body></html>"
)
BACKENDS = ["fastwarc", "warcio"]


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    status: str = "200 OK",
    ctype: str = "text/html",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
    )


def build_warc(path: Path, compress: bool) -> None:
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=compress)
        w.write_record(w.create_warc_record("https://a.example/1", "request", payload=io.BytesIO(b"GET /")))
        _response(w, "https://a.example/1", PAGE.encode())
        _response(
            w,
            "https://a.example/2",
            "<p>Привет, мир: паром снова ходит.</p>".encode("cp1251"),
            ctype="text/html; charset=windows-1251",
        )
        _response(w, "https://a.example/missing", PAGE.encode(), status="404 Not Found")
        _response(w, "https://a.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), ctype="image/png")
        _response(
            w,
            "https://a.example/3",
            gzip.compress(PAGE.replace("Monday", "Tuesday").encode()),
            extra=[("Content-Encoding", "gzip")],
        )
        w.write_record(
            w.create_warc_record(
                "https://a.example/4",
                "resource",
                payload=io.BytesIO(PAGE.encode()),
                warc_headers_dict={"Content-Type": "text/html"},
            )
        )
        _response(w, "https://a.example/bin", b"\x00\x01\x02" * 400)


@pytest.fixture(params=[False, True], ids=["warc", "warc.gz"])
def warc_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / ("crawl.warc.gz" if request.param else "crawl.warc")
    build_warc(path, request.param)
    return path


@pytest.mark.parametrize("backend", BACKENDS)
def test_html_responses_become_articles(warc_file: Path, backend: str) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    items = list(read_warc(warc_file, backend))
    articles = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in articles] == [
        "https://a.example/1",
        "https://a.example/2",
        "https://a.example/3",
        "https://a.example/4",
    ]
    assert "ran again on Monday" in (articles[0].raw_html or "")
    assert "паром снова ходит" in (articles[1].raw_html or "")
    assert "Tuesday" in (articles[2].raw_html or "")  # Content-Encoding undone
    assert all(a.id and ":" not in a.id for a in articles)  # the record UUID, not urn:uuid:
    assert len({a.id for a in articles}) == 4


@pytest.mark.parametrize("backend", BACKENDS)
def test_binary_html_record_is_rejected_with_reason(warc_file: Path, backend: str) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    rejected = [i for i in read_warc(warc_file, backend) if isinstance(i, Rejected)]
    assert len(rejected) == 1 and "binary" in rejected[0].reason


def test_both_parsers_read_the_same_articles(warc_file: Path) -> None:
    pytest.importorskip("fastwarc")
    fast = [(a.id, a.url, a.raw_html) for a in read_warc(warc_file, "fastwarc") if isinstance(a, Article)]
    slow = [(a.id, a.url, a.raw_html) for a in read_warc(warc_file, "warcio") if isinstance(a, Article)]
    assert fast == slow


def test_read_paths_dispatches_warc_suffixes(warc_file: Path) -> None:
    items = list(read_paths([warc_file.parent]))
    assert sum(isinstance(i, Article) for i in items) == 4


def test_a_file_that_is_not_a_warc_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "notes.warc"
    bad.write_text("this is not an archive\n" * 20)
    items = list(read_paths([bad]))
    assert items and all(isinstance(i, Rejected) for i in items)


def test_article_hash_is_the_models_content_hash(warc_file: Path) -> None:
    from storyline.model import content_hash

    for backend in BACKENDS:
        for a in read_warc(warc_file, backend):
            if isinstance(a, Article):
                assert a.hash == content_hash(None, a.raw_html, a.url)


@pytest.mark.slow
def test_warc_read_speed_gate(tmp_path: Path, eval_dir: Path) -> None:
    """Gate: zyte-html-dev pages as a crawl, read and filtered at a pinned floor of records/s.

    benchmarks/bench_warc.py measured 2,886 records/s (FastWARC, 770 MB plain WARC of the
    zyte and trafilatura-eval dev pages) on the 2-core dev machine at load 9; the floor is far
    below that because CI machines are shared. Do not lower it without re-running the benchmark.
    """
    import gzip
    import json
    import time

    feed = eval_dir / "data" / "zyte-html-dev.jsonl.gz"
    pytest.importorskip("fastwarc")
    with gzip.open(feed, "rt", encoding="utf-8") as handle:
        pages = [json.loads(line) for line in handle]
    path = tmp_path / "zyte.warc"
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=False)
        for copy in range(10):
            for page in pages:
                _response(w, f"https://example.org/{page['id']}/{copy}", page["html"].encode())
    start = time.perf_counter()
    kept = sum(isinstance(a, Article) for a in read_warc(path))
    rate = 10 * len(pages) / (time.perf_counter() - start)
    assert kept == 10 * len(pages)
    assert rate >= 800, f"{rate:.0f} records/s is under the 800 floor"
