from __future__ import annotations

import pytest

from storyline.clean import TemplateMemory
from storyline.clean.template import MIN_OTHER_PAGES, PROSE_WORDS, site_key, without_shared_prose
from storyline.errors import InputError


def test_memory_round_trips_through_bytes() -> None:
    memory = TemplateMemory()
    memory.observe("a.example", "p1", {"k1", "k2"})
    memory.observe("a.example", "p2", {"k1"})
    again = TemplateMemory.loads(memory.dumps())
    assert again.others("a.example", "p3", ["k1", "k2", "k3"]) == [2, 1, 0]


def test_a_page_does_not_count_itself() -> None:
    memory = TemplateMemory()
    memory.observe("a.example", "p1", {"k1"})
    memory.observe("a.example", "p1", {"k1"})  # observed twice: still one page
    assert memory.others("a.example", "p1", ["k1"]) == [0]


def test_unreadable_blob_is_an_input_error() -> None:
    with pytest.raises(InputError):
        TemplateMemory.loads(b"not a memory")


def test_site_key_prefers_host_then_feed_outlet_then_copyright() -> None:
    assert site_key("https://www.news.example/a", "X", None) == "news.example"
    assert site_key(None, "Valley Courier", None) == "outlet:valley courier"
    assert (
        site_key(None, None, "Menu\nCopyright © 2023 Valley Courier. All rights reserved.") == "outlet:valley courier"
    )


def test_other_pages_leave_the_page_itself_out() -> None:
    memory = TemplateMemory()
    for page in ("p1", "p2", "p3"):
        memory.observe("a.example", page, {"k"})
    assert memory.other_pages("a.example", "p1") == 2
    assert memory.other_pages("a.example", "p9") == 3
    assert memory.other_pages("b.example", "p1") == 0


def test_prose_on_just_one_other_page_is_shared_story_text() -> None:
    # a menu line on one other page, a paragraph on one other page, a paragraph on two others
    words = [3, PROSE_WORDS, PROSE_WORDS + 20]
    assert without_shared_prose([1, 1, 2], words, other_pages=MIN_OTHER_PAGES) == [1, 0, 2]


def test_with_few_pages_to_compare_a_shared_paragraph_is_still_template_evidence() -> None:
    # with one other page, a line on it is on every other page of the outlet
    assert without_shared_prose([1, 1], [3, PROSE_WORDS], other_pages=1) == [1, 1]
    assert without_shared_prose([1, 1], [3, PROSE_WORDS], other_pages=MIN_OTHER_PAGES - 1) == [1, 1]
