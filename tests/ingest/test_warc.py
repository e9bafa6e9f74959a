"""WARC reader: HTML responses become articles, everything else is skipped; both parsers agree."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.ingest.warc import read_warc
from storyline.model import Article, Rejected

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE = "<html><head><title>Ferry resumes</title></head><body><p>The ferry ran again on Monday.</p></body></html>"
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
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


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
    """Gate: zyte-html-dev pages as a crawl, read and filtered at a pinned floor of records per CPU second.

    CPU time, not wall time: on the shared 2-core dev machine the wall time follows the other processes'
    load (4.4 s wall for 1.24 s CPU at load 11 in benchmarks/bench_warc.py). This test measured
    2,900 to 3,100 records per CPU second (pages of 200 KB on average); the floor is half that, for slower
    CI cores. Do not lower it without
    re-running the benchmark.
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
    start = time.process_time()
    kept = sum(isinstance(a, Article) for a in read_warc(path))
    rate = 10 * len(pages) / (time.process_time() - start)
    assert kept == 10 * len(pages)
    assert rate >= 1500, f"{rate:.0f} records per CPU second is under the 1,500 floor"


# --- truncated archives, crawler-cut records, transfer and content encodings ------------------------


def _pages_warc(path: Path, compress: bool, pages: int = 3) -> bytes:
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=compress)
        for i in range(pages):
            _response(w, f"https://a.example/{i}", PAGE.replace("Monday", f"day {i} " + "and more " * 300).encode())
    return path.read_bytes()


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_a_record_cut_by_the_end_of_the_file_is_rejected_and_the_earlier_ones_kept(
    tmp_path: Path, backend: str, compress: bool
) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    data = _pages_warc(tmp_path / "whole", compress)
    cut = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    cut.write_bytes(data[: len(data) - 40])  # inside the last record's page
    items = list(read_warc(cut, backend))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Rejected"]
    assert "truncated" in items[-1].reason  # type: ignore[union-attr]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_gzip_member_cut_inside_its_header_is_rejected(tmp_path: Path, backend: str) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    data = _pages_warc(tmp_path / "whole", True)
    starts = [m.start() for m in re.finditer(b"\x1f\x8b\x08", data)]  # each record is a gzip member
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: starts[2] + 20])  # 20 bytes into the third member, inside its WARC header
    items = list(read_warc(cut, backend))
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) == 3
    assert isinstance(items[-1], Rejected) and "truncated" in items[-1].reason


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_record_the_crawler_truncated_is_rejected(tmp_path: Path, backend: str) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=False)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w.write_record(
            w.create_warc_record(
                "https://a.example/big",
                "response",
                payload=io.BytesIO(PAGE.encode()),
                http_headers=headers,
                warc_headers_dict={"WARC-Truncated": "length"},
            )
        )
        _response(w, "https://a.example/ok", PAGE.encode())
    items = list(read_warc(path, backend))
    assert isinstance(items[0], Rejected) and "crawler" in items[0].reason
    assert isinstance(items[1], Article) and items[1].url == "https://a.example/ok"


def _chunked(body: bytes, size: int = 50) -> bytes:
    parts = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + b"0\r\n\r\n"


@pytest.mark.parametrize("backend", BACKENDS)
def test_chunked_and_deflated_pages_are_decoded(tmp_path: Path, backend: str) -> None:
    import zlib

    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=False)
        _response(w, "https://a.example/c", _chunked(PAGE.encode()), extra=[("Transfer-Encoding", "chunked")])
        _response(w, "https://a.example/d", zlib.compress(PAGE.encode()), extra=[("Content-Encoding", "deflate")])
        _response(
            w,
            "https://a.example/g",
            _chunked(gzip.compress(PAGE.encode())),
            extra=[("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
        )
    items = list(read_warc(path, backend))
    assert [i.raw_html for i in items if isinstance(i, Article)] == [PAGE] * 3


def test_a_cut_gzip_body_is_rejected_not_read_in_part(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        w = WARCWriter(out, gzip=False)
        _response(w, "https://a.example/g", gzip.compress(PAGE.encode())[:-12], extra=[("Content-Encoding", "gzip")])
    (item,) = read_warc(path, "fastwarc")
    assert isinstance(item, Rejected) and "truncated" in item.reason


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_quoted_declared_charset_is_used(tmp_path: Path, backend: str) -> None:
    if backend == "fastwarc":
        pytest.importorskip("fastwarc")
    text = "<p>Le préfet est arrivé à la gare très tôt.</p>"
    path = tmp_path / "crawl.warc"
    with path.open("wb") as out:
        _response(
            WARCWriter(out, gzip=False),
            "https://a.example/fr",
            text.encode("cp1252"),
            ctype='TEXT/HTML; Charset="windows-1252"',
        )
    (item,) = read_warc(path, backend)
    assert isinstance(item, Article) and item.raw_html == text


def test_a_warc_gzipped_as_one_stream_is_read_whole_and_its_cut_reported(tmp_path: Path) -> None:
    pytest.importorskip("fastwarc")
    data = gzip.compress(_pages_warc(tmp_path / "plain.warc", False))
    whole, cut = tmp_path / "whole.warc.gz", tmp_path / "cut.warc.gz"
    whole.write_bytes(data)
    cut.write_bytes(data[:-3])  # only the gzip trailer is missing: every record is whole
    assert [type(i).__name__ for i in read_warc(whole, "fastwarc")] == ["Article"] * 3
    items = list(read_warc(cut, "fastwarc"))
    assert [type(i).__name__ for i in items] == ["Article"] * 3 + ["Rejected"]
    assert "truncated" in items[-1].reason  # type: ignore[union-attr]
