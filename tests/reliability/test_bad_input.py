"""Bad input of every kind becomes a ``Rejected`` with a clear reason, and reading goes on (issue 8).

These run at the reader level (``read_paths``), so they need no spaCy model and no cleaner; the
pipeline-level versions, which also check ``rejected.jsonl``, are in test_pipeline_input.py.
"""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from storyline.ingest import read_paths
from storyline.ingest.decode import MAX_PAGE_BYTES, decode_bytes
from storyline.model import Article, Rejected
from tests.reliability.conftest import write

GOOD = "Two people were hurt when a car hit a bus shelter on Main Street on Tuesday, police said."


def _read(*paths: Path) -> list[Article | Rejected]:
    return list(read_paths(list(paths)))


def _by_id(items: list[Article | Rejected]) -> dict[str, Article | Rejected]:
    return {i.id: i for i in items}


def _feed_line(**fields: object) -> str:
    return json.dumps(fields)


def test_every_kind_of_bad_file_is_rejected_and_the_good_file_is_still_read(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.html", b"  \n\t \n")
    write(tmp_path / "png.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    write(tmp_path / "zip.txt", b"PK\x03\x04" + bytes(range(256)) * 40)
    write(tmp_path / "good.txt", GOOD)
    items = _by_id(_read(tmp_path))
    assert isinstance(items["good"], Article)
    for name in ("empty", "blank", "png", "zip"):
        item = items[name]
        assert isinstance(item, Rejected), name
        assert item.reason and item.source and name in item.source


def test_rejected_reason_says_what_is_wrong(tmp_path: Path) -> None:
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "bin.txt", bytes(range(256)) * 40)
    items = _by_id(_read(tmp_path))
    assert "empty" in items["empty"].reason  # type: ignore[union-attr]
    assert "binary" in items["bin"].reason  # type: ignore[union-attr]


def test_cp1251_html_page_with_declared_charset_is_decoded(tmp_path: Path) -> None:
    body = "Харьков: ночью город обстреляли ракетами, сообщили власти."
    page = b'<html><head><meta charset="windows-1251"></head><body><p>' + body.encode("cp1251") + b"</p>"
    (article,) = _read(write(tmp_path / "ru.html", page))
    assert isinstance(article, Article) and body in (article.raw_html or "")


def test_cp1251_page_without_declared_charset_is_detected(tmp_path: Path) -> None:
    body = "Ночью город обстреляли ракетами, сообщили власти Харькова. Пострадали три человека."
    (article,) = _read(write(tmp_path / "ru.html", b"<p>" + body.encode("cp1251") + b"</p>"))
    assert isinstance(article, Article) and body in (article.raw_html or "")


def test_page_with_wrong_declared_charset_still_decodes_its_utf8(tmp_path: Path) -> None:
    page = '<meta charset="iso-8859-1"><p>Київ, Львів і Одеса.</p>'.encode()
    (article,) = _read(write(tmp_path / "wrong.html", page))
    assert isinstance(article, Article) and "Київ" in (article.raw_html or "")


def test_unknown_declared_charset_does_not_stop_decoding(tmp_path: Path) -> None:
    page = b'<meta charset="no-such-codec"><p>caf\xe9 cr\xe8me and a longer sentence of plain words.</p>'
    (article,) = _read(write(tmp_path / "odd.html", page))
    assert isinstance(article, Article) and "caf" in (article.raw_html or "")


def test_mixed_utf8_and_cp1251_keeps_both_parts_readable(tmp_path: Path) -> None:
    utf8_part = "Заголовок новости: обстрел Харькова ночью. "
    cp1251_part = "Пострадали три человека, сообщили в полиции города."
    data = utf8_part.encode("utf-8") + cp1251_part.encode("cp1251")
    (article,) = _read(write(tmp_path / "mixed.txt", data))
    assert isinstance(article, Article)
    text = article.raw_text or ""
    assert utf8_part.strip() in text
    assert cp1251_part in text


def test_utf16_page_with_bom_is_decoded_not_called_binary(tmp_path: Path) -> None:
    (article,) = _read(write(tmp_path / "u16.txt", GOOD.encode("utf-16")))
    assert isinstance(article, Article) and article.raw_text == GOOD


def test_a_stray_nul_byte_in_a_short_page_is_dropped(tmp_path: Path) -> None:
    (article,) = _read(write(tmp_path / "nul.html", b"<p>Police said\x00 two were hurt.</p>"))
    assert isinstance(article, Article) and "\x00" not in (article.raw_html or "")


def test_nul_bytes_in_a_feed_line_are_dropped(tmp_path: Path) -> None:
    (article,) = _read(write(tmp_path / "f.jsonl", _feed_line(id="n", text="a\u0000b " + GOOD) + "\n"))
    assert isinstance(article, Article) and "\x00" not in (article.raw_text or "")


def test_page_over_the_size_limit_is_rejected_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # 50 MB of plausible HTML
        chunk = b"<p>" + GOOD.encode() + b"</p>\n"
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    write(tmp_path / "good.txt", GOOD)
    items = _by_id(_read(tmp_path))
    assert isinstance(items["good"], Article)
    huge = items["huge"]
    assert isinstance(huge, Rejected) and "50 MB" in huge.reason and "limit" in huge.reason


def test_oversized_page_is_refused_before_it_is_read_into_memory(tmp_path: Path) -> None:
    path = tmp_path / "sparse.txt"
    with path.open("wb") as handle:  # a sparse 4 GB file: reading it whole would exhaust memory
        handle.seek(4 * 1024**3)
        handle.write(b"x")
    (item,) = _read(path)
    assert isinstance(item, Rejected) and "limit" in item.reason


def test_decode_refuses_a_page_over_the_limit() -> None:
    with pytest.raises(Exception, match="limit"):
        decode_bytes(b"a" * (MAX_PAGE_BYTES + 1))


def test_html_nested_ten_thousand_deep_is_read(tmp_path: Path) -> None:
    page = b"<div>" * 10_000 + GOOD.encode() + b"</div>" * 10_000
    (article,) = _read(write(tmp_path / "deep.html", page))
    assert isinstance(article, Article)


def test_json_nested_too_deep_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    lines = ["[" * 100_000 + "]" * 100_000, _feed_line(id="after", text=GOOD)]
    items = _read(write(tmp_path / "deep.jsonl", "\n".join(lines) + "\n"))
    assert isinstance(items[0], Rejected) and "deep" in items[0].reason
    assert isinstance(items[1], Article) and items[1].id == "after"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "malformed JSON"),
        ('{"id": "x", "text": "unterminated', "malformed JSON"),
        ("[1, 2, 3]", "JSON object"),
        ('"just a string"', "JSON object"),
        ("null", "JSON object"),
        ('{"text": "no id"}', "id"),
        ('{"id": "", "text": "empty id"}', "id"),
        ('{"id": true, "text": "boolean id"}', "id"),
        ('{"id": "no-body"}', "neither"),
        ('{"id": "n", "text": 42}', "'text' must be a string"),
        ('{"id": "u", "text": "x", "url": ["a"]}', "'url' must be a string"),
        ('{"id": "y", "text": "x", "published": "20240-01-03"}', "published"),
        ('{"id": "m", "text": "x", "published": "2024-13-45"}', "published"),
        ('{"id": "p", "text": "x", "published": 20240103}', "published"),
    ],
)
def test_malformed_feed_line_is_rejected_with_reason(tmp_path: Path, line: str, reason: str) -> None:
    path = write(tmp_path / "f.jsonl", line + "\n" + _feed_line(id="ok", text=GOOD) + "\n")
    first, second = _read(path)
    assert isinstance(first, Rejected) and reason in first.reason
    assert first.source and "f.jsonl:1" in first.source
    assert isinstance(second, Article) and second.id == "ok"


def test_lone_surrogate_escapes_in_a_feed_become_replacement_characters(tmp_path: Path) -> None:
    line = '{"id": "s\\udc80", "text": "bad \\ud800 half", "title": "t\\udfff", "outlet": "o\\ud801"}'
    (article,) = _read(write(tmp_path / "f.jsonl", line + "\n"))
    assert isinstance(article, Article)
    for value in (article.id, article.raw_text, article.feed_title, article.feed_outlet):
        assert value is not None
        value.encode("utf-8")  # storable: sqlite3 refuses strings with lone surrogates


def test_cp1251_feed_line_is_rejected_with_an_encoding_reason(tmp_path: Path) -> None:
    data = _feed_line(id="c", text="Харьков").encode("ascii")  # \u escapes: valid
    raw = '{"id": "r", "text": "Харьков"}'.encode("cp1251")
    items = _read(write(tmp_path / "f.jsonl", raw + b"\n" + data + b"\n"))
    assert isinstance(items[0], Rejected) and "utf-8" in items[0].reason.lower()
    assert isinstance(items[1], Article)


def _gzip_feed(n: int) -> bytes:
    payload = "".join(_feed_line(id=f"n{i}", text=f"{GOOD} Line {i}.") + "\n" for i in range(n))
    return gzip.compress(payload.encode())


def test_truncated_gzip_feed_keeps_what_came_before_the_cut(tmp_path: Path) -> None:
    data = _gzip_feed(500)
    items = _read(write(tmp_path / "cut.jsonl.gz", data[: len(data) * 2 // 3]))
    articles = [i for i in items if isinstance(i, Article)]
    assert articles and [a.id for a in articles] == [f"n{i}" for i in range(len(articles))]
    assert isinstance(items[-1], Rejected) and "truncated" in items[-1].reason


@pytest.mark.parametrize("cut", [0, 3, 10, 20])
def test_gzip_feed_cut_in_its_header_is_rejected(tmp_path: Path, cut: int) -> None:
    items = _read(write(tmp_path / "cut.jsonl.gz", _gzip_feed(5)[:cut]))
    assert all(isinstance(i, Rejected) for i in items)
    if cut:  # an empty .gz is an empty feed
        assert items and "truncated" in items[-1].reason  # type: ignore[union-attr]


def test_gzip_feed_with_corrupt_middle_is_rejected_after_the_good_part(tmp_path: Path) -> None:
    data = bytearray(_gzip_feed(2000))
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    items = _read(write(tmp_path / "bad.jsonl.gz", bytes(data)))
    assert isinstance(items[-1], Rejected)
    assert any(isinstance(i, Article) for i in items)


def test_plain_file_named_gz_is_rejected(tmp_path: Path) -> None:
    (item,) = _read(write(tmp_path / "plain.jsonl.gz", _feed_line(id="x", text=GOOD) + "\n"))
    assert isinstance(item, Rejected) and "corrupt" in item.reason


def _warc(gz: bool, pages: int = 3) -> bytes:
    warcwriter = pytest.importorskip("warcio.warcwriter")
    headers = pytest.importorskip("warcio.statusandheaders")
    buf = io.BytesIO()
    writer = warcwriter.WARCWriter(buf, gzip=gz)
    for i in range(pages):
        body = f"<html><body><p>Page {i}. {GOOD * 40}</p></body></html>".encode()
        http = headers.StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=http
            )
        )
    return buf.getvalue()


def test_warc_that_is_not_a_warc_is_rejected(tmp_path: Path) -> None:
    write(tmp_path / "junk.warc", b"this is not a web archive\n" * 20)
    write(tmp_path / "good.txt", GOOD)
    items = _by_id(_read(tmp_path))
    assert isinstance(items["good"], Article)
    assert [i for i in items.values() if isinstance(i, Rejected)] or len(items) == 1


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_keeps_whole_records_and_rejects_the_cut_one(tmp_path: Path, gz: bool) -> None:
    data = _warc(gz)
    path = write(tmp_path / ("cut.warc.gz" if gz else "cut.warc"), data[: int(len(data) * 0.8)])
    items = _read(path)
    assert isinstance(items[-1], Rejected) and "truncated" in items[-1].reason
    assert all(isinstance(i, Article) for i in items[:-1]) and len(items) >= 2


def test_file_that_is_a_folder_named_like_a_page_is_walked(tmp_path: Path) -> None:
    (tmp_path / "trap.txt").mkdir()
    write(tmp_path / "trap.txt" / "inner.txt", GOOD)
    assert [i.id for i in _read(tmp_path)] == ["inner"]


def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", GOOD)
    path.chmod(0)
    try:
        with path.open("rb"):  # running as root: permissions do not apply
            pytest.skip("permissions are not enforced for this user")
    except PermissionError:
        pass
    try:
        (item,) = _read(path)
        assert isinstance(item, Rejected) and "cannot read" in item.reason
    finally:
        path.chmod(0o644)


def test_page_with_an_undecodable_file_name_gets_a_storable_id(tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name: not UTF-8
    (article,) = _read(write(name, GOOD))
    assert isinstance(article, Article)
    article.id.encode("utf-8")
    (article.source or "").encode("utf-8")


def test_rejected_file_with_an_undecodable_name_gets_a_storable_id(tmp_path: Path) -> None:
    name = tmp_path / os.fsdecode(b"\xff\xfe.txt")
    (item,) = _read(write(name, b""))
    assert isinstance(item, Rejected)
    item.id.encode("utf-8")
    (item.source or "").encode("utf-8")
