from __future__ import annotations

from datetime import date

from storyline.extract.places import find_places
from storyline.extract.stage import place_attrs
from storyline.model import Article, Fact
from storyline.reconcile import article_place, reconcile_story
from storyline.reconcile.outlets import OutletHomes, branding_region

STATION = "https://www.kxyz.com/news/"


def _article(aid: str, body: str, url: str = STATION, title: str = "Man hurt in shooting") -> Article:
    """An article of ``url`` whose location facts are the places of ``body``, as the extract stage writes them."""
    a = Article(id=aid, url=url, published=date(2024, 3, 5), body=body, title=title, story_id=f"s{aid}")
    for i, p in enumerate(find_places(body)):
        a.facts.append(
            Fact(
                f"{aid}#{i}",
                aid,
                "location",
                p.text,
                body,
                p.start,
                p.end,
                "places",
                "0",
                value=p.name,
                attrs=place_attrs(p),
            )
        )
    return a


def _homes(*articles: Article) -> OutletHomes:
    homes = OutletHomes()
    for a in articles:
        homes.observe(a)
    return homes


def _local_reports(n: int = 3, url: str = STATION) -> list[Article]:
    return [
        _article(f"d{i}", f"CORPUS CHRISTI, Texas -- A man was hurt in shooting number {i}.", url) for i in range(n)
    ]


def test_an_outlets_home_is_the_state_and_town_its_datelines_name() -> None:
    homes = _homes(*_local_reports())
    probe = _article("p", "No place here.")
    assert homes.home_state(probe) == "Texas"
    assert homes.home_town(probe) == ("Corpus Christi", "Texas")


def test_one_report_is_no_home_and_an_outlet_of_many_states_has_none() -> None:
    probe = _article("p", "No place here.")
    assert _homes(*_local_reports(1)).home_state(probe) is None
    national = [
        _article("a", "DENVER, Colorado -- A man was hurt."),
        _article("b", "MEMPHIS, Tennessee -- A man was hurt."),
        _article("c", "BOISE, Idaho -- A man was hurt."),
        _article("d", "MEMPHIS, Tennessee -- A woman was hurt."),
    ]
    assert _homes(*national).home_state(probe) is None


def test_homes_are_per_outlet_host_without_www() -> None:
    homes = _homes(*_local_reports())
    assert _article("p", "", "https://m.kxyz.com/a").site == "kxyz.com"
    assert homes.home_state(_article("p", "", "https://kxyz.com/other/page")) == "Texas"
    assert homes.home_state(_article("p", "", "https://www.elsewhere.com/a")) is None


def test_branding_after_the_headline_names_the_outlets_state() -> None:
    a = _article("a", "", title="Boy hurt - KXYZ News 4 - Tucson, Arizona")
    assert branding_region(a) == "Arizona"
    assert _homes(a, _article("b", "", title="Man hurt - KXYZ News 4 - Tucson, Arizona")).home_state(a) == "Arizona"


def test_homes_survive_dumps_and_loads() -> None:
    homes = _homes(*_local_reports())
    back = OutletHomes.loads(homes.dumps())
    probe = _article("p", "")
    assert back.home_town(probe) == homes.home_town(probe) == ("Corpus Christi", "Texas")
    assert OutletHomes.loads(None).home_state(probe) is None
    assert OutletHomes.loads(b'{"version": 0}').home_state(probe) is None  # another version: learned again


def test_a_town_named_without_its_state_is_read_in_the_outlets_home_state() -> None:
    station = "https://www.wxyz-upstate.com/news/"
    reports = [
        _article(f"c{i}", f"COLUMBIA, S.C. -- A man was hurt in shooting number {i}.", station) for i in range(3)
    ]
    report = _article("x", "A man was shot in Abbeville on Sunday night, deputies said.", station)
    alone = reconcile_story("s", [report]).location
    assert (alone.city, alone.region) == ("Abbeville", "Louisiana")  # read alone: the bigger Abbeville
    placed = reconcile_story("s", [report], _homes(*reports, report)).location
    assert (placed.city, placed.region) == ("Abbeville", "South Carolina")


def test_an_article_naming_no_town_is_placed_in_its_outlets_home_town() -> None:
    report = _article("x", "A man was hurt in a shooting late Sunday, police said.")
    assert reconcile_story("s", [report]).location.city is None
    placed = reconcile_story("s", [report], _homes(*_local_reports(), report)).location
    assert (placed.city, placed.region) == ("Corpus Christi", "Texas")


def test_a_town_the_article_names_with_its_state_stands_against_the_outlets_home() -> None:
    report = _article("x", "A man was hurt in a shooting in Shreveport, Louisiana, police said.")
    placed = reconcile_story("s", [report], _homes(*_local_reports(), report)).location
    assert (placed.city, placed.region) == ("Shreveport", "Louisiana")


def test_an_article_naming_only_a_county_keeps_it_unless_the_county_holds_the_outlets_home_town() -> None:
    collar = _article("x", "A man was hurt in a shooting in rural San Patricio County on Sunday, deputies said.")
    placed = reconcile_story("s", [collar], _homes(*_local_reports(), collar)).location
    assert (placed.city, placed.region) == ("San Patricio County", "Texas")
    own = _article("y", "A man was hurt in a shooting in Nueces County on Sunday, deputies said.")
    placed = reconcile_story("s", [own], _homes(*_local_reports(), own)).location
    assert (placed.city, placed.region) == ("Corpus Christi", "Texas")


def test_a_county_without_its_state_is_read_in_the_state_of_the_city_the_outlets_host_names() -> None:
    report = _article(
        "x",
        "Orange County deputies said a man was hurt in a shooting late Sunday.",
        url="https://www.orlandosentinel.com/a",
    )
    assert reconcile_story("s", [report]).location.region == "Florida"


def test_an_outlet_that_never_writes_a_dateline_takes_the_town_its_reports_are_placed_in() -> None:
    paper = "https://www.daily-paper.example/news/"
    reports = [
        _article(f"p{i}", f"Springfield police said a man was hurt in shooting number {i}.", paper) for i in range(4)
    ]
    homes = OutletHomes()
    for a in reports:
        homes.observe(a, article_place(a))
    teaser = _article("t", "A man was hurt in a shooting late Sunday.", paper)
    assert homes.home_state(teaser) is None  # no dateline: no state to read towns in
    town = homes.home_town(teaser)
    assert town is not None and town[0] == "Springfield"
    placed = reconcile_story("s", [teaser], homes).location
    assert placed.city == "Springfield"
    back = OutletHomes.loads(homes.dumps())
    assert back.home_town(teaser) == town
    few = OutletHomes()
    for a in reports[:2]:
        few.observe(a, article_place(a))
    assert few.home_town(teaser) is None  # two reports are too few


def test_homes_stored_before_report_places_were_kept_still_load() -> None:
    old = b'{"version": 1, "states": {}, "stating": {}, "towns": {}, "naming": {}}'
    assert OutletHomes.loads(old).home_town(_article("p", "")) is None
