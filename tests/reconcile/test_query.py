from __future__ import annotations

from datetime import date

import pytest

from storyline.errors import InputError
from storyline.model import Claim, Location, Story
from storyline.reconcile.query import EventQuery, answer_query, normalise_place, period_bounds
from storyline.store import Batch
from storyline.store.sqlite import SQLiteStore


def _story(sid: str, day: date, city: str, region: str, killed: int, injured: int) -> Story:
    return Story(
        story_id=sid,
        title=sid,
        article_ids=[f"{sid}-a"],
        event_date=day,
        location=Location(city, region, "United States"),
        event_types=["shooting"],
        claims=[Claim(sid, "killed", killed, "single"), Claim(sid, "injured", injured, "single")],
    )


@pytest.fixture
def store() -> SQLiteStore:
    s = SQLiteStore(":memory:")
    s.commit(
        Batch(
            stories=[
                _story("s1", date(2017, 1, 5), "Memphis", "Tennessee", 1, 0),
                _story("s2", date(2017, 1, 20), "Memphis", "Tennessee", 0, 2),
                _story("s3", date(2017, 2, 1), "Memphis", "Tennessee", 2, 1),
                _story("s4", date(2017, 1, 9), "Nashville", "Tennessee", 1, 1),
            ]
        )
    )
    return s


def test_killing_in_a_city_and_month(store: SQLiteStore) -> None:
    result = answer_query(store, EventQuery("killing", "Memphis", "Tennessee", period="2017-01"))
    assert (result.answer, result.story_ids) == (1, ["s1"])


def test_state_level_question_with_postal_code(store: SQLiteStore) -> None:
    assert answer_query(store, EventQuery("injuring", None, "TN", period="2017")).answer == 3


def test_day_period(store: SQLiteStore) -> None:
    assert answer_query(store, EventQuery("killing", None, "Tennessee", period="2017-01-09")).story_ids == ["s4"]


def test_bad_period_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="YYYY"):
        period_bounds("January 2017")
    with pytest.raises(InputError, match="real date"):
        period_bounds("2017-02-30")


def test_place_names_are_normalised() -> None:
    assert normalise_place("St. Louis") == normalise_place("saint louis")
    assert normalise_place("MO") == "missouri"
