from __future__ import annotations

from datetime import date

from storyline.model import Article, Claim, Fact, Story
from storyline.reconcile.digest import digest, timeline

LEAD = "Flood waters closed the main bridge in the river town on Monday, officials said."


def _article(aid: str, outlet: str, body: str, published: date) -> Article:
    return Article(id=aid, outlet=outlet, body=body, published=published, title=f"{outlet} report", story_id="s")


def test_a_sentence_two_outlets_state_cites_both_and_comes_first() -> None:
    a = _article("a", "Alpha", f"{LEAD} A bakery stayed open for rescuers.", date(2024, 4, 2))
    b = _article(
        "b", "Beta", f"{LEAD.replace('officials said', 'the mayor said')} Schools closed early today.", date(2024, 4, 2)
    )
    lines = digest(Story("s"), [a, b], size=2)
    assert lines[0].outlets == ["Alpha", "Beta"]
    assert lines[0].sentence == LEAD


def test_wire_copies_are_not_second_sources() -> None:
    a = _article("a", "Wire", LEAD, date(2024, 4, 2))
    b = _article("b", "Reprint", LEAD, date(2024, 4, 2))
    b.duplicate_of = "a"
    assert digest(Story("s"), [a, b])[0].outlets == ["Wire"]


def test_timeline_orders_dated_counts_reports_and_dated_claims() -> None:
    a = _article("a", "Alpha", LEAD, date(2024, 4, 2))
    a.facts.append(
        Fact(
            "a#1",
            "a",
            "count",
            "two died",
            LEAD,
            0,
            8,
            "t",
            "0",
            value=2.0,
            qualifier="exact",
            category="killed",
            period="2024-04-01",
        )
    )
    story = Story("s", claims=[Claim("s", "meeting_date", "2024-04-09", "single")])
    kinds = [(e.day.isoformat(), e.kind) for e in timeline(story, [a])]
    assert kinds == [("2024-04-01", "event"), ("2024-04-02", "report"), ("2024-04-09", "event")]
