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


# French news sentences written for these tests: "à", "è" and "é" are the bytes E0, E8 and E9 in cp1252,
# and "ŕ", "č" and "é" in cp1250, so only the reading of whole words tells the two apart
FRENCH = [
    "Les pompiers sont arrivés à temps; la mère et le bébé ont été évacués.",
    "Après la crue, la rivière a débordé près de la gare et les élèves sont rentrés très tôt.",
    "Le préfet a déclaré à la presse que la crise était réglée après une longue négociation.",
    "Élève plus dans sur chère très pour.",
]


def test_french_cp1252_page_is_not_read_as_another_code_page(tmp_path: Path) -> None:
    for n, sentence in enumerate(FRENCH):
        path = tmp_path / f"fr{n}.txt"
        path.write_bytes(sentence.encode("cp1252"))
        (article,) = read_paths([path])
        assert isinstance(article, Article) and article.raw_text == sentence


def test_french_cp1252_stretch_in_a_utf8_page_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "mixed.html"
    template = "<p>Accueil — Société — Actualités — Météo</p>".encode()
    path.write_bytes(template + b"<p>" + FRENCH[1].encode("cp1252") + b"</p>")
    (article,) = read_paths([path])
    assert isinstance(article, Article) and FRENCH[1] in (article.raw_html or "")
    assert "Société" in (article.raw_html or "")


def test_polish_cp1250_page_stays_cp1250(tmp_path: Path) -> None:
    sentence = "Pociąg przyjechał późno w nocy, a pasażerowie czekali na peronie przez godzinę."
    path = tmp_path / "pl.txt"
    path.write_bytes(sentence.encode("cp1250"))
    (article,) = read_paths([path])
    assert isinstance(article, Article) and article.raw_text == sentence
