from __future__ import annotations

from pathlib import Path

from storyline.ingest import read_paths
from storyline.model import Article, Rejected


def test_folder_is_walked_and_ids_are_file_stems(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second page.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><p>First</p></html>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    items = list(read_paths([tmp_path]))
    assert [(i.id, type(i).__name__) for i in items] == [("a", "Article"), ("b", "Article")]


def test_cp1251_page_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Киев подвергся ракетному удару, сообщили власти города.".encode("cp1251"))
    (article,) = read_paths([path])
    assert isinstance(article, Article) and "Киев" in (article.raw_text or "")


def test_empty_and_binary_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    items = {i.id: i for i in read_paths([tmp_path])}
    assert isinstance(items["empty"], Rejected) and "empty" in items["empty"].reason
    assert isinstance(items["bin"], Rejected) and "binary" in items["bin"].reason


def test_missing_path_is_rejected_not_raised(tmp_path: Path) -> None:
    (item,) = read_paths([tmp_path / "nope.txt"])
    assert isinstance(item, Rejected) and "no such file" in item.reason


def test_nul_bytes_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Some words here\x00 and more words after a stray NUL byte in the page text.")
    (article,) = read_paths([path])
    assert isinstance(article, Article) and "\x00" not in (article.raw_text or "")
