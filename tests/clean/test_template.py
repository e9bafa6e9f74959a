from __future__ import annotations

import pytest

from storyline.clean import TemplateMemory
from storyline.clean.template import site_key
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
