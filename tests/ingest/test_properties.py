"""Property tests (hypothesis) for the ingest parsers: whatever the bytes, a reader yields
``Article`` or ``Rejected`` and never raises; what it accepts round-trips and can be stored."""

from __future__ import annotations

import gzip
import json
import string
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest import read_paths
from storyline.ingest.decode import MAX_PAGE_BYTES, clean_text, decode_bytes, drop_surrogates, looks_binary
from storyline.ingest.jsonl import article_from_record, parse_day
from storyline.model import Article, Rejected

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILE_SETTINGS = settings(SETTINGS, max_examples=80)  # each example writes and reads a file
text_or_none = st.none() | st.text(max_size=200)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FEED_KEYS = ("id", "text", "html", "url", "title", "published", "outlet")
# feed records with the contract's keys holding values of any JSON type, plus unknown keys
records = st.dictionaries(st.sampled_from(FEED_KEYS) | st.text(max_size=6), json_values, max_size=9)


def _storable(value: str | None) -> bool:
    """sqlite3 and UTF-8 export files refuse lone surrogates."""
    if value is None:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _assert_well_formed(item: Article | Rejected) -> None:
    assert isinstance(item, Article | Rejected)
    if isinstance(item, Rejected):
        assert item.reason and _storable(item.id) and _storable(item.reason) and _storable(item.source)
        return
    assert item.id and (item.raw_text or item.raw_html)
    for value in (item.id, item.raw_text, item.raw_html, item.url, item.feed_title, item.feed_outlet, item.source):
        assert _storable(value)
        assert value is None or "\x00" not in value


# -- decode -------------------------------------------------------------------------------------
@SETTINGS
@given(st.binary(max_size=3000), st.booleans())
@example(b"\xff\xfe", False)
@example(b"\x00\x00\xfe\xff\x00", False)
@example(b'<meta charset="x-no-such">\xe9', True)
def test_decode_returns_text_or_refuses_with_input_error(data: bytes, html: bool) -> None:
    try:
        text = decode_bytes(data, html=html)
    except InputError as exc:
        assert str(exc)
        return
    assert isinstance(text, str)


@SETTINGS
@given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_decodes_to_itself(text: str) -> None:
    data = drop_surrogates(text).encode("utf-8")
    if looks_binary(data):
        return  # control-character soup is refused, not decoded
    assert decode_bytes(data) == drop_surrogates(text).removeprefix("\ufeff")


# everyday Russian and Ukrainian news words, written for this test
CYRILLIC_WORDS = (
    "город ночью обстрел ракеты погибли ранены полиция сообщили власти области человек двое трое "
    "сегодня вчера больница пожар взрыв район улица дом місто вночі загинули поранені поліція"
)


@SETTINGS
# distinct words: detection is statistical, and six times the same word reads as Big5 to it
@given(st.lists(st.sampled_from(CYRILLIC_WORDS.split()), min_size=6, max_size=26, unique=True))
def test_cyrillic_news_text_in_cp1251_decodes_to_itself(words: list[str]) -> None:
    text = " ".join(words).capitalize() + "."
    assert decode_bytes(text.encode("cp1251")) == text


@SETTINGS
@given(st.text(max_size=300))
def test_clean_text_is_idempotent_and_leaves_no_nul_cr_or_surrogate(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\x00" not in once and "\r" not in once and _storable(once)


@SETTINGS
@given(st.binary(max_size=2000))
def test_looks_binary_is_false_for_printable_ascii(data: bytes) -> None:
    printable = bytes(b for b in data if chr(b) in string.printable)
    assert not looks_binary(printable)


# -- feed records --------------------------------------------------------------------------------
@SETTINGS
@given(json_values | st.text())
@example("20240-01-03")
@example("2024-02-30")
@example("0000-01-01")
@example("2024-01-03T25:00:00Z")
def test_parse_day_returns_a_date_none_or_input_error(value: object) -> None:
    try:
        day = parse_day(value)
    except InputError as exc:
        assert "published" in str(exc)
        return
    assert day is None or isinstance(day, date)


@SETTINGS
@given(st.dates())
def test_parse_day_round_trips_iso_days(day: date) -> None:
    assert parse_day(day.isoformat()) == day


@SETTINGS
@given(records | json_values)
def test_any_json_value_becomes_an_article_or_input_error(record: object) -> None:
    try:
        article = article_from_record(record, "feed:1")
    except InputError as exc:
        assert str(exc)
        return
    _assert_well_formed(article)


@SETTINGS
@given(
    st.text(min_size=1, max_size=40).filter(str.strip),
    st.text(min_size=1, max_size=300).filter(str.strip),
    text_or_none,
    text_or_none,
    st.none() | st.dates(),
)
def test_valid_record_round_trips_its_fields(
    rid: str, text: str, url: str | None, title: str | None, day: date | None
) -> None:
    record = {"id": rid, "text": text, "url": url, "title": title, "published": day and day.isoformat()}
    article = article_from_record(json.loads(json.dumps(record)), "feed:1")
    assert article.id == drop_surrogates(rid)
    assert article.raw_text == clean_text(text)
    assert article.url == (drop_surrogates(url) if url is not None else None)
    assert article.feed_title == (drop_surrogates(title) if title is not None else None)
    assert article.feed_published == day
    assert article.hash == Article(id="x", raw_text=article.raw_text, url=article.url).hash


# -- whole readers on arbitrary bytes ----------------------------------------------------------------
SUFFIXES = (".txt", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss", ".xml")


def _read_bytes(suffix: str, data: bytes) -> list[Article | Rejected]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_paths([path]))


@SETTINGS
@given(st.sampled_from(SUFFIXES), st.binary(max_size=4000))
def test_any_bytes_in_any_input_kind_yield_articles_or_rejections(suffix: str, data: bytes) -> None:
    for item in _read_bytes(suffix, data):
        _assert_well_formed(item)


@FILE_SETTINGS
@given(st.sampled_from((".jsonl", ".jsonl.gz")), st.lists(records | json_values, max_size=8))
def test_every_feed_line_gives_exactly_one_item(suffix: str, lines: list[object]) -> None:
    payload = "".join(json.dumps(line) + "\n" for line in lines).encode("utf-8")
    data = gzip.compress(payload) if suffix.endswith(".gz") else payload
    items = _read_bytes(suffix, data)
    non_blank = [line for line in lines if json.dumps(line).strip()]
    assert len(items) == len(non_blank)
    for item in items:
        _assert_well_formed(item)


@FILE_SETTINGS
@given(st.lists(records, min_size=1, max_size=6), st.data())
def test_a_feed_cut_anywhere_yields_its_whole_lines_then_at_most_one_rejection(
    lines: list[dict[str, object]], data: st.DataObject
) -> None:
    payload = gzip.compress("".join(json.dumps(line) + "\n" for line in lines).encode("utf-8"))
    cut = data.draw(st.integers(min_value=1, max_value=len(payload)))
    items = _read_bytes(".jsonl.gz", payload[:cut])
    assert len(items) <= len(lines) + 1
    for item in items:
        _assert_well_formed(item)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_page_just_over_the_limit_is_rejected_and_just_under_is_read(tmp_path: Path, suffix: str) -> None:
    under, over = tmp_path / f"under{suffix}", tmp_path / f"over{suffix}"
    under.write_bytes(b"a" * MAX_PAGE_BYTES)
    over.write_bytes(b"a" * (MAX_PAGE_BYTES + 1))
    items = {i.id: i for i in read_paths([under, over])}
    assert isinstance(items["under"], Article) and isinstance(items["over"], Rejected)
