"""The main event location of an article, from the places found in it (``places.find_places``).

``main_location(places, parts)`` weighs every city, county and region named, early mentions most;
``neighbourhoods(text)`` reads the names the text calls a part of a city, so that such a part gives way to the
big city named beside it; ``may_be_a_part`` says when that costly reading is worth doing.
"""

from __future__ import annotations

import re

from storyline.extract.places import Place
from storyline.extract.places_gazetteer import key, load
from storyline.extract.places_patterns import CAPS

# Without any town, the best-supported county stands for the event's place ("Itasca County"), as event
# records do. Counties competing with the towns lost: gva-dev half A city accuracy 0.729 (never) ->
# 0.717 / 0.707 / 0.703 at 0.3 / 0.5 / 0.8 of a town's weight; as a fallback only, see git log.
COUNTY_AS_CITY = True

# A neighbourhood the gazetteer holds as a town ("Gage Park", "Kingsessing"), called one by the text ("the
# Kingsessing section", "Chicago's South Shore"), beside a big city of its state ("Chicago Police"): event
# records give the city. gva-dev pipeline stories re-reconciled, city half A 0.7355 -> 0.7479 (held-out B
# 0.7352 -> 0.7410); 400,000 / 0.05 gave A 0.7459. Without the text's word, the suburbs went too (Park Ridge to
# Chicago, Beech Grove to Indianapolis): A 0.7397, B unchanged.
BIG_CITY = 100_000
PART_SHARE = 0.2  # the part has at most this share of the big city's people


_PART_CUE = re.compile(
    rf"(?P<a>{CAPS})\s+(?:neighbou?rhoods?|section|community\s+area)\b|"
    rf"\b(?:neighbou?rhoods?|section|community\s+area)\s+of\s+(?P<b>{CAPS})|"
    rf"\b(?:{CAPS})['’]s\s+(?P<c>{CAPS})\s+(?:neighbou?rhood|section|area)"
)


_PART_WORD = re.compile(r"neighbou?rhood|section|community\s+area", re.I)


# A name placed inside a big city by the text itself: "Brooklyn's Coney Island", "in Coney Island, Brooklyn". Event
# records give the big city (a New York borough, "Brooklyn"). Only when the whole is a big city of the gazetteer
# (BIG_CITY) and not a state, so "Smith's Honda" and "Marysville, Washington" are no cue. gva-dev rules mode
# (eval_gva.py --stories rules), city half A 0.7975 unchanged, held-out B 0.7886 -> 0.7943 (3 right, none lost).
WHOLE_CUES = True
_WHOLE_OF = re.compile(rf"(?P<w>{CAPS})['’]s\s+(?P<p>{CAPS})|\b(?:in|at|of)\s+(?P<q>{CAPS}),\s+(?P<v>{CAPS})\b")


def _big_city_name(name: str) -> bool:
    if load().state_code(name) is not None:
        return False  # "Marysville, Washington": the state, not the capital
    return any(e.country == "US" and e.population >= BIG_CITY for e in load().cities.get(key(name), ()))


def neighbourhoods(text: str) -> frozenset[str]:
    """Names the text calls a part of a city: "the Gage Park neighborhood", "the section of Kingsessing",
    "Brooklyn's Coney Island", "Coney Island, Brooklyn"."""
    found: set[str] = set()
    if _PART_WORD.search(text):  # most articles name no neighbourhood: skip the costly pattern
        for m in _PART_CUE.finditer(text):
            name = m.group("a") or m.group("b") or m.group("c")
            found.add(key(re.sub(r"^(?:The|In|On|At)\s+", "", name)))
    if WHOLE_CUES:
        for m in _WHOLE_OF.finditer(text):
            part, whole = (m.group("p"), m.group("w")) if m.group("p") else (m.group("q"), m.group("v"))
            if _big_city_name(whole):
                found.add(key(re.sub(r"^(?:The)\s+", "", part)))
    return frozenset(found)


def _population(city: str, region: str | None) -> int:
    gaz = load()
    code = gaz.state_code(region) if region else None
    return max((e.population for e in gaz.cities.get(key(city), ()) if e.region == code), default=0)


def _big_city_over_its_part(
    best: tuple[str, str | None, str | None], cities: dict[tuple[str, str | None, str | None], float]
) -> tuple[str, str | None, str | None]:
    if best[2] != "United States" or best[1] is None:
        return best
    size = _population(best[0], best[1])
    bigger = [
        c
        for c in cities
        if c != best
        and c[1:] == best[1:]
        and (p := _population(c[0], c[1])) >= BIG_CITY
        and size <= PART_SHARE * p
        and _may_share_a_county(best[0], c[0], best[1])
    ]
    return max(bigger, key=cities.__getitem__) if bigger else best


# A part of a city lies in the city's county: a town of another county ("St. Augustine" beside Jacksonville) is no
# part of it, whatever the text's cues. Where the gazetteer knows no county for either, the cues decide as before.
# gva-dev rules mode (eval_gva.py --stories rules), city half A 0.8079 -> 0.8099 (St. Augustine), held-out B 0.8190
# unchanged. The same test on the police rule (reconcile._police_city) lost 2 on A and B: there the town given up is
# mostly a word ("Cadillac", "Hamilton"), which a county cannot tell.
PART_IN_COUNTY = True


def _counties(city: str, region: str | None) -> set[str]:
    gaz = load()
    code = gaz.state_code(region or "")
    return {key(e.county) for e in gaz.cities.get(key(city), ()) if e.region == code and e.kind == "city" and e.county}


def _may_share_a_county(part: str, whole: str, region: str | None) -> bool:
    """False only when the gazetteer places ``part`` and ``whole`` (towns of ``region``) in different counties."""
    if not PART_IN_COUNTY:
        return True
    ours, theirs = _counties(part, region), _counties(whole, region)
    return not ours or not theirs or bool(ours & theirs)


def may_be_a_part(where: tuple[str | None, str | None, str | None], places: list[Place]) -> bool:
    """Whether ``main_location``'s city could give way to a big city named beside it: only then are the part cues
    (``neighbourhoods``, a regex over the whole text) worth reading."""
    if where[0] is None or where[2] != "United States" or where[1] is None:
        return False
    size = _population(where[0], where[1])
    return any(
        p.kind == "city"
        and p.city
        and p.region == where[1]
        and p.city != where[0]
        and (big := _population(p.city, p.region)) >= BIG_CITY
        and size <= PART_SHARE * big
        and _may_share_a_county(where[0], p.city, where[1])
        for p in places
    )


# A town that lies in a county the article names ("Washington County deputies ... in Campbellsburg") gains this much
# weight over towns outside it (the hospital's city, the suspect's home town). gva-dev rules mode (eval_gva.py --stories
# rules), city held-out B 0.8133 -> 0.8190 (3 right), half A 0.8099 -> 0.8079 (1 lost: White Plains, Kentucky has
# no county in the gazetteer, 872 people, and Nortonville of the county named won), region A 0.8884 -> 0.8926.
IN_NAMED_COUNTY = 0.5


def _lies_in(
    where: tuple[str, str | None, str | None], counties: dict[tuple[str, str | None, str | None], float]
) -> bool:
    """Whether the gazetteer places the town ``where`` in one of ``counties`` (name, region, country)."""
    gaz = load()
    code = gaz.state_code(where[1] or "")
    if code is None:
        return False
    holders = {key(e.county) for e in gaz.cities.get(key(where[0]), ()) if e.region == code and e.kind == "city"}
    return any(key(name) in holders for name, region, country in counties if (region, country) == where[1:])


# A county the article names wins over towns it names only as where someone lives ("a Tyler teen ... in Webb County")
# or as a landmark ("west of Richmond") when the town lies in another county: the event happened outside any town, and
# event records give the county. A town named as the event's place (a dateline, "in Laredo", its police) still wins.
# gva-dev rules mode (eval_gva.py --stories rules), city half A 0.8099 -> 0.8140, held-out B 0.8286 -> 0.8305 (Webb,
# Charlotte, Pike counties; none lost); letting a home town inside the county give way too ("a Janesville man ... in
# Rock County"): A 0.8182 but B 0.8171 (Knoxville, Salinas, Oklahoma City lost to their counties).
COUNTY_OVER_WEAK_TOWNS = True
WEAK_SOURCES = frozenset(["reference", "residence"])


def main_location(
    places: list[Place], parts: frozenset[str] = frozenset()
) -> tuple[str | None, str | None, str | None]:
    """(city, region, country) of the main event: the best-supported city, early mentions weighing most.

    ``parts`` are the names (``key``) the text calls a neighbourhood of a city (``neighbourhoods``): when the
    best is one of them and a big city of its state is named too, the big city is the event's city.
    """
    if not places:
        return None, None, None
    cities: dict[tuple[str, str | None, str | None], float] = {}
    regions: dict[tuple[str | None, str | None], float] = {}
    counties: dict[tuple[str, str | None, str | None], float] = {}
    firm: set[tuple[str | None, str | None, str | None]] = set()  # towns named once at least as more than WEAK_SOURCES
    for rank, place in enumerate(sorted(places, key=lambda p: p.start)):
        weight = place.confidence / (1.0 + 0.1 * rank)  # earlier mentions (title, lead) weigh more
        if place.kind == "city" and place.city:
            where = (place.city, place.region, place.country)
            cities[where] = cities.get(where, 0.0) + weight
            if place.source not in WEAK_SOURCES:
                firm.add(where)
        elif place.kind == "region" and place.name.endswith((" County", " Parish")) and COUNTY_AS_CITY:
            # event records name the county where no town is given ("Itasca County")
            where = (place.name, place.region, place.country)
            counties[where] = counties.get(where, 0.0) + weight
        if place.region or place.country:
            regions[(place.region, place.country)] = regions.get((place.region, place.country), 0.0) + weight
    top_region = max(regions, key=regions.__getitem__) if regions else (None, None)
    if cities:
        if counties and IN_NAMED_COUNTY:
            for c in cities:
                if _lies_in(c, counties):
                    cities[c] += IN_NAMED_COUNTY
        # a city in the article's main region wins over a bigger mention count elsewhere
        best = max(cities, key=lambda c: cities[c] + (0.5 if (c[1], c[2]) == top_region else 0.0))
        if COUNTY_OVER_WEAK_TOWNS and best not in firm:
            around = [c for c in counties if c[1:] == best[1:]]
            if around and not _lies_in(best, dict.fromkeys(around, 0.0)):
                return max(around, key=counties.__getitem__)
        return _big_city_over_its_part(best, cities) if key(best[0]) in parts else best
    if counties:
        return max(counties, key=lambda c: counties[c] + (0.5 if (c[1], c[2]) == top_region else 0.0))
    if top_region == ("District of Columbia", "United States"):
        return "Washington", *top_region  # "Southwest D.C.": the district's one city
    return None, *top_region
