"""Reconciliation statuses, on small stories built by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.model import Article, Fact
from storyline.reconcile import reconcile_story


def _article(aid: str, published: date, outlet: str, body: str = "", duplicate_of: str | None = None) -> Article:
    return Article(
        id=aid,
        published=published,
        outlet=outlet,
        body=body,
        title=f"title {aid}",
        duplicate_of=duplicate_of,
        story_id="s1",
    )


def _fact(a: Article, n: int, type_: str, sentence: str, **fields: Any) -> Fact:
    fact = Fact(
        fact_id=f"{a.id}#{n}",
        article_id=a.id,
        type=type_,  # type: ignore[arg-type]  # the tests pass a FactType literal as str
        text=sentence,
        sentence=sentence,
        start=0,
        end=len(sentence),
        extractor="test",
        extractor_version="0",
        **fields,
    )
    a.facts.append(fact)
    return fact


def _claims(articles: list[Article]) -> dict[str, Any]:
    return {c.slot: c for c in reconcile_story("s1", articles).claims}


def test_same_count_from_two_outlets_is_agreed() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 1), "B")
    for x in (a, b):
        _fact(x, 1, "count", "Four people were killed.", value=4.0, qualifier="exact", category="killed")
    claim = _claims([a, b])["killed"]
    assert (claim.status, claim.value, len(claim.support)) == ("agreed", 4, 2)


def test_rising_toll_in_later_report_is_an_update_not_a_conflict() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 2), "B")
    _fact(a, 1, "count", "Two people were killed.", value=2.0, qualifier="exact", category="killed")
    _fact(b, 1, "count", "The toll rose to five.", value=5.0, qualifier="exact", category="killed")
    claim = _claims([a, b])["killed"]
    assert (claim.status, claim.value, claim.low, claim.high) == ("updated", 5, 2.0, 5.0)


def test_different_figures_on_the_same_day_are_a_conflict() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 1), "B")
    _fact(a, 1, "count", "Three were injured.", value=3.0, qualifier="exact", category="injured")
    _fact(b, 1, "count", "Seven were injured.", value=7.0, qualifier="exact", category="injured")
    claim = _claims([a, b])["injured"]
    assert claim.status == "conflict" and "A: 3.0" in claim.note and "B: 7.0" in claim.note


def test_wire_copy_counts_once() -> None:
    a = _article("a", date(2024, 3, 1), "Wire")
    b = _article("b", date(2024, 3, 1), "Reprinter", duplicate_of="a")
    for x in (a, b):
        _fact(x, 1, "count", "Four people were killed.", value=4.0, qualifier="exact", category="killed")
    assert _claims([a, b])["killed"].status == "single"


def test_counts_of_another_day_get_their_own_slot() -> None:
    a = _article("a", date(2024, 3, 5), "A")
    _fact(a, 1, "time", "On March 4 the city was shelled.", value="2024-03-04", timex_type="DATE")
    _fact(
        a,
        2,
        "count",
        "Two were killed on March 4.",
        value=2.0,
        qualifier="exact",
        category="killed",
        period="2024-03-04",
    )
    _fact(
        a,
        3,
        "count",
        "Nine were killed on Feb. 20.",
        value=9.0,
        qualifier="exact",
        category="killed",
        period="2024-02-20",
    )
    claims = _claims([a])
    assert claims["killed"].value == 2 and claims["killed@2024-02-20"].value == 9


def test_meeting_date_given_later_after_an_absence_is_updated() -> None:
    early = _article("e", date(2024, 5, 1), "Early")
    late = _article("l", date(2024, 5, 2), "Late")
    _fact(
        early,
        1,
        "absence",
        "She did not say when the meeting would take place.",
        attrs={"what": ["date"], "about": "meeting"},
    )
    _fact(
        late, 1, "time", "The council will meet on May 9 to discuss the crisis.", value="2024-05-09", timex_type="DATE"
    )
    claim = _claims([early, late])["meeting_date"]
    assert (claim.status, claim.value) == ("updated", "2024-05-09")
    assert {s.article_id for s in claim.support} == {"e", "l"}


def test_same_quote_from_two_outlets_is_agreed_and_other_quotes_kept_apart() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 1), "B")
    _fact(a, 1, "quote", "q", speaker="Ana Lima", content="a firm sign of unity in hard times", direct=True)
    _fact(b, 1, "quote", "q", speaker="Ana Lima", content="a firm sign of unity in hard times", direct=True)
    _fact(b, 2, "quote", "q", speaker="Ana Lima", content="we will rebuild every school", direct=True)
    claims = _claims([a, b])
    quote_claims = sorted((slot, c.status) for slot, c in claims.items() if slot.startswith("quote:"))
    assert [status for _, status in quote_claims] == ["agreed", "single"]


def test_a_city_refines_its_country_without_a_conflict() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 1), "B")
    for x, place in ((a, {"city": "Lyon", "country": "France"}), (b, {"country": "France"})):
        _fact(x, 1, "location", "In Lyon.", value="x", attrs={"kind": "main", **place})
    claim = _claims([a, b])["location"]
    assert (claim.status, claim.value) == ("agreed", "Lyon, France")


def test_agreed_quote_value_is_the_quoted_words() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 1), "B")
    _fact(a, 1, "quote", "q", speaker="Ana Lima", content="the plan a “firm sign of unity in hard times”", direct=True)
    _fact(b, 1, "quote", "q", speaker="Ana Lima", content="it a “firm sign of unity in hard times”", direct=True)
    (claim,) = [c for slot, c in _claims([a, b]).items() if slot.startswith("quote:")]
    assert (claim.status, claim.value) == ("agreed", "firm sign of unity in hard times")


def test_a_rising_injured_figure_is_a_conflict_tied_to_the_smallest() -> None:
    a, b = _article("a", date(2024, 3, 1), "A"), _article("b", date(2024, 3, 2), "B")
    _fact(a, 1, "count", "Four people were wounded.", value=4.0, qualifier="exact", category="injured")
    _fact(b, 1, "count", "Six people were wounded.", value=6.0, qualifier="exact", category="injured")
    claim = _claims([a, b])["injured"]
    assert (claim.status, claim.value, claim.low, claim.high) == ("conflict", 4, 4.0, 6.0)
