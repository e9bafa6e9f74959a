from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from storyline.ingest import read_paths
from storyline.model import Article, Rejected


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_feed_line_becomes_article_with_feed_fields(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "text": "Body text.",
        "url": "https://example.org/x",
        "published": "2024-01-03",
        "title": "T",
        "outlet": "Example",
        "extra": 1,
    }
    items = list(read_paths([_write(tmp_path / "f.jsonl", [json.dumps(record)])]))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article)
    assert (article.id, article.feed_published, article.feed_title, article.feed_outlet) == (
        "a1",
        date(2024, 1, 3),
        "T",
        "Example",
    )


def test_gzip_feed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g", "html": "<p>x</p>"}) + "\n")
    (article,) = read_paths([path])
    assert isinstance(article, Article) and article.raw_html == "<p>x</p>"


def test_malformed_line_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    path = _write(tmp_path / "f.jsonl", ['{"id": "ok", "text": "fine"}', "{not json", '{"id": "ok2", "text": "x"}'])
    items = list(read_paths([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Rejected", "Article"]
    assert "malformed JSON" in items[1].reason  # type: ignore[union-attr]


def test_record_without_text_or_html_is_rejected(tmp_path: Path) -> None:
    (item,) = read_paths([_write(tmp_path / "f.jsonl", ['{"id": "e", "text": "  ", "html": null}'])])
    assert isinstance(item, Rejected) and item.id == "e" and "neither" in item.reason


def test_impossible_date_is_rejected_with_reason(tmp_path: Path) -> None:
    (item,) = read_paths([_write(tmp_path / "f.jsonl", ['{"id": "d", "text": "x", "published": "20240-01-03"}'])])
    assert isinstance(item, Rejected) and "published" in item.reason


def test_truncated_gzip_feed_keeps_lines_before_the_break(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    payload = "".join(json.dumps({"id": f"n{i}", "text": "word " * 50}) + "\n" for i in range(200))
    data = gzip.compress(payload.encode())
    path.write_bytes(data[: len(data) // 2])
    items = list(read_paths([path]))
    assert isinstance(items[-1], Rejected) and "truncated" in items[-1].reason
    assert sum(isinstance(i, Article) for i in items) > 0
