from __future__ import annotations

import json
import subprocess
import sys
import zlib
from datetime import date, timedelta

import pytest

from storyline.config import GroupConfig
from storyline.group import Grouper, GroupStateError
from storyline.group import grouper as grouper_module
from storyline.model import Article, Fact
from tests.group.conftest import COUNCIL_A, COUNCIL_B, FIRE_NORTH, FIRE_SOUTH, make

DAY = date(2024, 3, 5)


def test_same_event_from_two_outlets_is_one_story(config: GroupConfig) -> None:
    grouper = Grouper(config)
    a = make("a", *COUNCIL_A, DAY, "one.example")
    b = make("b", *COUNCIL_B, DAY + timedelta(days=1), "two.example")
    grouper.add(a)
    grouper.add(b)
    assert a.story_id is not None and a.story_id == b.story_id


def test_same_kind_of_event_in_other_places_is_another_story(config: GroupConfig) -> None:
    grouper = Grouper(config)
    north, south = make("n", *FIRE_NORTH, DAY), make("s", *FIRE_SOUTH, DAY)
    grouper.add(north)
    grouper.add(south)
    assert north.story_id != south.story_id


def test_copy_points_to_the_earliest_article(config: GroupConfig) -> None:
    grouper = Grouper(config)
    body = COUNCIL_A[1] + " " + COUNCIL_B[1]
    first = make("first", COUNCIL_A[0], body, DAY, "wire.example")
    second = make("second", "Council meets on dam breach", body, DAY, "paper.example")
    third = make("third", COUNCIL_A[0], body + " Updated.", DAY + timedelta(days=1), "other.example")
    for article in (first, second, third):
        grouper.add(article)
    assert first.duplicate_of is None
    assert second.duplicate_of == "first"
    assert third.duplicate_of == "first"
    assert first.story_id == second.story_id == third.story_id


def test_bridging_article_merges_stories_and_reports_it(config: GroupConfig) -> None:
    grouper = Grouper(config)
    north, south = make("n", *FIRE_NORTH, DAY), make("s", *FIRE_SOUTH, DAY)
    grouper.add(north)
    grouper.add(south)
    assert grouper.take_merges() == {}
    bridge = make("b", "Two warehouse fires", FIRE_NORTH[1] + " " + FIRE_SOUTH[1], DAY)
    grouper.add(bridge)
    merges = grouper.take_merges()
    assert merges == {south.story_id: north.story_id}
    assert bridge.story_id == north.story_id
    assert grouper.take_merges() == {}


def test_articles_outside_the_window_start_a_new_story(config: GroupConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grouper_module, "MIN_WINDOW_ARTICLES", 0)
    grouper = Grouper(config)
    old = make("old", *COUNCIL_A, DAY)
    late = make("late", *COUNCIL_B, DAY + timedelta(days=config.window_days + 30))
    grouper.add(old)
    grouper.add(late)
    assert old.story_id != late.story_id
    assert len(grouper._entries) == 1  # the old article left the in-memory index


def test_an_undated_article_leaves_the_window_with_the_articles_around_it(
    config: GroupConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grouper_module, "MIN_WINDOW_ARTICLES", 0)
    grouper = Grouper(config)
    grouper.add(make("undated", *FIRE_NORTH, None))  # before any dated article: no clock to date it by
    grouper.add(make("old", *COUNCIL_A, DAY))
    assert len(grouper._entries) == 2
    grouper.add(make("late", *COUNCIL_B, DAY + timedelta(days=config.window_days + 30)))
    # the undated page arrived before an article that has left: it leaves too, and holds nothing back
    assert len(grouper._entries) == 1


def test_an_older_report_arriving_after_newer_news_still_joins_its_story(config: GroupConfig) -> None:
    # an archive out of publication order: the clock has moved on past the window when it arrives
    grouper = Grouper(config)
    first = make("first", *COUNCIL_A, DAY)
    grouper.add(first)
    grouper.add(make("later", *FIRE_NORTH, DAY + timedelta(days=config.window_days + 100)))
    follow_up = make("follow-up", *COUNCIL_B, DAY + timedelta(days=1))
    grouper.add(follow_up)
    assert follow_up.story_id == first.story_id


def test_resuming_from_dumps_gives_the_same_stories(config: GroupConfig) -> None:
    def articles() -> list:
        return [
            make("a", *COUNCIL_A, DAY),
            make("n", *FIRE_NORTH, DAY),
            make("s", *FIRE_SOUTH, DAY),
            make("b", *COUNCIL_B, DAY + timedelta(days=1)),
        ]

    straight = Grouper(config)
    expected = []
    for article in articles():
        straight.add(article)
        expected.append(article.story_id)
    first = Grouper(config)
    got = []
    batch = articles()
    for article in batch[:2]:
        first.add(article)
    resumed = Grouper(config, state=first.dumps())
    for article in batch[2:]:
        resumed.add(article)
    got = [a.story_id for a in batch]
    assert got == expected


def test_unreadable_state_raises_a_storyline_error(config: GroupConfig) -> None:
    with pytest.raises(GroupStateError):
        Grouper(config, state=b"not a state")


def test_batch_mode_agrees_with_incremental_on_fixtures(config: GroupConfig) -> None:
    batch = [make("a", *COUNCIL_A, DAY), make("n", *FIRE_NORTH, DAY), make("b", *COUNCIL_B, DAY)]
    stories = Grouper(config).cluster_batch(batch)
    assert stories["a"] == stories["b"] != stories["n"]


def test_default_install_does_not_import_torch() -> None:
    code = "import sys, storyline.group; assert 'torch' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_topic_match_with_one_member_of_a_big_story_does_not_join_it(config: GroupConfig) -> None:
    grouper = Grouper(config)
    reports = [make(f"c{i}", *COUNCIL_A, DAY, f"o{i}.example") for i in range(3)]
    for article in reports:
        grouper.add(article)
    scores = grouper._story_scores({0: 0.9, 1: 0.12})  # strong with one member, weak with another
    assert list(scores.values()) == [pytest.approx(0.51)]
    assert grouper._story_scores({1: 0.15}) == {}  # mean of 0.15 and a missing 0 is below the link


def test_a_page_without_title_is_matched_on_its_first_paragraph(config: GroupConfig) -> None:
    grouper = Grouper(config)
    a = make("a", *COUNCIL_A, DAY)
    b = make("b", "", COUNCIL_B[0] + "\n" + COUNCIL_B[1], DAY)
    grouper.add(a)
    grouper.add(b)
    assert a.story_id == b.story_id


@pytest.mark.parametrize(("version", "fields"), [(2, 6), (3, 7), (4, 8), (6, 12)])
def test_an_older_state_is_still_read(config: GroupConfig, version: int, fields: int) -> None:
    first = Grouper(config)
    a = make("a", *COUNCIL_A, DAY)
    first.add(a)
    state = json.loads(zlib.decompress(first.dumps()))
    state["version"] = version
    for entry in state["entries"]:
        entry[-1] = entry[-1][:fields]  # version 2 evidence rows had no main participants, 3 no weekday, 4 no blocks,
        # 6 no dateline state or ages
    resumed = Grouper(config, state=zlib.compress(json.dumps(state).encode()))
    b = make("b", *COUNCIL_B, DAY + timedelta(days=1))
    resumed.add(b)
    assert b.story_id == a.story_id


def _named(article: Article, *keys: str) -> Article:
    """The article with the PERSON facts the extract stage would have left on it."""
    article.facts = [
        Fact(
            f"{article.id}-{key}",
            article.id,
            "entity",
            key,
            key,
            0,
            1,
            "test",
            "0",
            value=key,
            attrs={"label": "PERSON", "key": key},
        )
        for key in keys
    ]
    return article


def test_a_close_follow_up_beyond_the_window_still_joins(config: GroupConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    # a trial months later names the event and its people as the first reports did
    late = DAY + timedelta(days=config.window_days + 120)
    grouper = Grouper(config)
    first, follow_up = (
        _named(make("first", *COUNCIL_A, DAY), "halvorsen", "gellert"),
        _named(make("follow-up", *COUNCIL_B, late), "halvorsen", "gellert"),
    )
    grouper.add(first)
    grouper.add(follow_up)
    assert follow_up.story_id == first.story_id
    monkeypatch.setattr(grouper_module, "FAR_MIN_COSINE", 0.0)  # switched off: the window is a hard limit
    strict = Grouper(config)
    first, follow_up = (
        _named(make("first", *COUNCIL_A, DAY), "halvorsen", "gellert"),
        _named(make("follow-up", *COUNCIL_B, late), "halvorsen", "gellert"),
    )
    strict.add(first)
    strict.add(follow_up)
    assert follow_up.story_id != first.story_id


def test_a_report_beyond_the_window_that_names_no_one_in_common_starts_a_new_story(config: GroupConfig) -> None:
    grouper = Grouper(config)
    first = _named(make("first", *COUNCIL_A, DAY), "halvorsen", "gellert")
    other = _named(make("other", *COUNCIL_B, DAY + timedelta(days=config.window_days + 120)), "osgood")
    grouper.add(first)
    grouper.add(other)
    assert other.story_id != first.story_id


def test_a_weak_match_beyond_the_window_starts_a_new_story(config: GroupConfig) -> None:
    grouper = Grouper(config)
    north = make("n", *FIRE_NORTH, DAY)
    south = make("s", *FIRE_SOUTH, DAY + timedelta(days=config.window_days + 120))
    grouper.add(north)
    grouper.add(south)
    assert north.story_id != south.story_id


def test_two_pages_whose_bodies_are_one_sign_up_box_are_not_one_story(config: GroupConfig) -> None:
    box = (
        "Get alerts from Dana Whitlow by email!\n"
        "Whenever Dana Whitlow files a story, you'll get a message in your inbox with a link.\n"
        "Alerts are sent at most once a day."
    )
    grouper = Grouper(config)
    north = make("n", "Dunmore warehouse blaze injures three workers", box, DAY, "paper.example")
    south = make("s", "Quillfield night guard dies in textile mill blaze", box, DAY, "paper.example")
    grouper.add(north)
    grouper.add(south)
    assert north.story_id != south.story_id and south.duplicate_of is None


SHOT = (
    "Teen wounded in Dunmore shooting on Calloway Street",
    "DUNMORE — Marcus Fenn, 17, was shot in the leg outside a corner store on Calloway Street on Friday "
    "night, police said. Fenn was taken to Dunmore General Hospital. No arrest has been made.",
)
CHARGED = (
    "Man charged in Calloway Street shooting of Dunmore teen",
    "DUNMORE — A 22-year-old man was charged on Monday with shooting Marcus Fenn outside a corner store "
    "on Calloway Street last spring, prosecutors said. Fenn, now 18, has recovered.",
)


def _victim(article: Article, name: str, city: str, region: str) -> Article:
    """The victim's full name and the main place as the extract stage would leave them."""
    body = article.body or ""
    at = body.index(name)
    place = {"kind": "main", "city": city, "region": region}
    article.facts = [
        Fact(f"{article.id}-p", article.id, "entity", name, body, at, at + len(name), "test", "0", value=name,
             attrs={"label": "PERSON", "key": name.split()[-1].lower()}),
        Fact(f"{article.id}-l", article.id, "location", city, body, 0, len(city), "test", "0", value=city, attrs=place),
    ]  # fmt: skip
    return article


def test_a_charge_months_later_naming_the_victim_in_full_joins_in_the_same_city(config: GroupConfig) -> None:
    late = DAY + timedelta(days=config.window_days + 170)
    grouper = Grouper(config)
    first = _victim(make("first", *SHOT, DAY), "Marcus Fenn", "Dunmore", "Ostvale")
    charge = _victim(make("charge", *CHARGED, late), "Marcus Fenn", "Dunmore", "Ostvale")
    grouper.add(first)
    grouper.add(charge)
    assert charge.story_id == first.story_id


def test_the_same_full_name_in_another_region_months_later_is_another_story(config: GroupConfig) -> None:
    late = DAY + timedelta(days=config.window_days + 170)
    grouper = Grouper(config)
    first = _victim(make("first", *SHOT, DAY), "Marcus Fenn", "Dunmore", "Ostvale")
    other = _victim(make("other", *CHARGED, late), "Marcus Fenn", "Harlan", "Quill")
    grouper.add(first)
    grouper.add(other)
    assert other.story_id != first.story_id


def test_a_late_follow_up_joins_a_story_whose_other_reports_name_no_one(config: GroupConfig) -> None:
    # the story's second report gives no names, so only the first can be compared beyond the window;
    # the follow-up's one match is not averaged with a report it could never be compared with
    grouper = Grouper(config)
    first = _victim(make("first", *SHOT, DAY), "Marcus Fenn", "Dunmore", "Ostvale")
    second = make("second", "Dunmore teen hurt in Friday shooting", "A teenager was shot in Dunmore.", DAY)
    title, body = "Man charged in Dunmore shooting of teen", CHARGED[1].replace(" on Calloway Street", "")
    charge = _victim(make("charge", title, body, DAY + timedelta(days=300)), "Marcus Fenn", "Dunmore", "Ostvale")
    for article in (first, second, charge):
        grouper.add(article)
    assert first.story_id == second.story_id and charge.story_id == first.story_id


def _dated(article: Article, day: date, city: str) -> Article:
    """The event day and main city the extract stage would read from the article's lead."""
    place = {"kind": "main", "city": city, "region": "Ostvale"}
    body = article.body or ""
    article.facts = [
        Fact(f"{article.id}-l", article.id, "location", city, body, 0, len(city), "test", "0", attrs=place)
    ]
    article.event_day, article.event_day_score = day, 1.0
    return article


PLEA = (
    "Third man pleads guilty in Calloway Street bar shooting",
    "DUNMORE — A third man pleaded guilty on Tuesday in the shooting at the Anchor bar on Calloway Street on "
    "March 4 that wounded a doorman, the county prosecutor said. Sentencing is set for next month.",
)
BAR = (
    "Doorman wounded in Calloway Street bar shooting",
    "DUNMORE — A doorman was wounded when shots were fired at the Anchor bar on Calloway Street early on "
    "Monday, police said. Three men fled in a gray car.",
)


@pytest.mark.parametrize(("city", "joins"), [("Dunmore", True), ("Harlan", False)])
def test_a_plea_months_later_dated_to_the_story_day_joins_in_its_city(
    config: GroupConfig, city: str, joins: bool
) -> None:
    grouper = Grouper(config)
    shooting = _dated(make("bar", *BAR, DAY), DAY - timedelta(days=1), "Dunmore")
    plea = _dated(make("plea", *PLEA, DAY + timedelta(days=200)), DAY - timedelta(days=1), city)
    grouper.add(shooting)
    grouper.add(plea)
    assert (plea.story_id == shooting.story_id) is joins


JAIL = (
    "Deputy accidentally shoots himself in foot at city jail",
    "HARTWELL, Ga. — A deputy was shot in the foot on Thursday when his gun went off at the jail's clearing "
    "station, the sheriff's office said. He was taken to a hospital with an injury that is not life-threatening.",
)
PLAYING = (
    "Two teens hurt when gun goes off while playing",
    "DUNMORE, Mich. — Two teenagers were shot on Thursday when a gun went off while they were playing with it "
    "in a house, police said. Both were taken to a hospital with injuries that are not life-threatening.",
)


def _dateline(article: Article, town: str, region: str) -> Article:
    """The dateline place the extract stage would read from the article's first words."""
    body = article.body or ""
    place = {"kind": "city", "source": "dateline", "region": region}
    dateline = Fact(f"{article.id}-d", article.id, "location", town, body, 0, len(town), "test", "0", attrs=place)
    article.facts = [dateline]
    return article


@pytest.mark.parametrize(("region", "joins"), [("Georgia", True), ("Michigan", False)])
def test_two_accidents_of_one_afternoon_with_datelines_in_two_states_are_two_stories(
    config: GroupConfig, region: str, joins: bool
) -> None:
    grouper = Grouper(config)
    jail = _dateline(make("jail", *JAIL, DAY), "HARTWELL", "Georgia")
    body = PLAYING[1].replace("Mich.", "Ga." if region == "Georgia" else "Mich.")
    playing = _dateline(make("playing", PLAYING[0], body, DAY), "DUNMORE", region)
    grouper.add(jail)
    grouper.add(playing)
    assert (playing.story_id == jail.story_id) is joins
