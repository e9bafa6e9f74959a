"""Template evidence for a plain-text page: what recurs across an outlet's stories, not within one story."""

from __future__ import annotations

import numpy as np

from storyline.clean import TemplateMemory
from storyline.clean.lines import split_lines
from storyline.clean.textpage import page_keys, template_evidence, title_anchor

FOOTER = "Copyright 2024 Valley Courier. All rights reserved."
BACKGROUND = (
    "The bridge, built in 1931, carries about twelve thousand vehicles a day across the river between the two "
    "halves of the town, and has been closed to lorries since a crack was found in one of its piers last spring."
)


def _page(*paragraphs: str) -> str:
    return "\n\n".join((*paragraphs, FOOTER))


PAGES = {
    "first-report": _page(
        "Council votes to close the old bridge for repairs.",
        "Councillors voted by nine to two on Tuesday evening to close the old bridge for at least six months, "
        "after engineers told them that the damaged pier could not safely carry traffic through another winter.",
        BACKGROUND,
    ),
    "follow-up": _page(
        "Repairs on the old bridge begin on Monday, the council said.",
        "Work crews will put up barriers at both ends of the bridge on Monday morning, and buses will be sent "
        "along the ring road until the repairs are done, a spokeswoman for the council said on Friday.",
        "Shop owners on the east bank said they feared losing customers during the closure and asked the "
        "council for help with their rents, which the council said it would consider at its next meeting.",
        BACKGROUND,
    ),
    **{
        f"other-{i}": _page(f"Item {i}: the town's news in brief, from the library to the football club.")
        for i in range(20)
    },
}


def _evidence(page: str) -> dict[str, int]:
    memory = TemplateMemory()
    for name, text in PAGES.items():
        memory.observe("outlet:valley courier", name, set(page_keys(split_lines(text))))
    lines = split_lines(PAGES[page])
    evidence = template_evidence(memory, "outlet:valley courier", page, lines)
    assert evidence is not None
    return {line.text: count for line, count in zip(lines, evidence, strict=True)}


def test_a_paragraph_two_reports_of_one_story_share_is_not_template() -> None:
    assert _evidence("follow-up")[BACKGROUND] == 0


def test_a_line_on_the_outlet_s_other_stories_stays_template() -> None:
    assert _evidence("follow-up")[FOOTER] == len(PAGES) - 1


def test_the_pages_own_url_printed_above_the_headline_is_not_the_title() -> None:
    url = "https://news.example/local/article/Eastbrook-votes-to-rebuild-the-river-bridge-1234.php"
    lines = split_lines("\n\n".join(["Home", url, "Eastbrook votes to rebuild the river bridge", BACKGROUND]))
    cover = np.array([0.0, 1.0, 1.0, 0.0])  # the share of the slug's words on each line
    assert title_anchor(lines, url, None, cover) == 2
    assert title_anchor(lines, url, None) == 2
