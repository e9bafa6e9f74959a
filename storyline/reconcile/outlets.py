"""Where each outlet reports from, as its own articles tell.

A local outlet covers its own area: a TV station's reports of "a shooting on Baldwin near Greenwood" are of its
city's streets, not of Baldwin, New York. Its host rarely says where that is ("wafb.com", "kcci.com"), its
articles do: the datelines, "City, State" pairs and headline branding they carry. ``OutletHomes`` counts, per
outlet, the articles that name each state and town that way, as articles arrive, and gives an outlet's home
state (and town) once most of its articles agree: a national outlet, whose datelines name many states, has none.
The reconcile step reads an article's unanchored towns in its outlet's home state and places an article that
names no town in its outlet's home town (``storyline.reconcile._article_location``).

The counts are kept in the store beside the grouper's index (``storyline.pipeline``) and grow with the feed;
a story is placed with what was known of its outlets when it was last reconciled.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.extract.places import Place, find_places
from storyline.model import Article

__all__ = ["STATE_KEY", "OutletHome", "OutletHomes", "branding_region", "branding_towns"]

STATE_KEY = "reconcile.outlets"  # the store's state blob of OutletHomes (storyline.pipeline writes it)

# The outlet's branding after a headline: "... - WMC Action News 5 - Memphis, Tennessee", "| Charleston, SC |
# News, Weather, Sports", "- 13 WTHR Indianapolis": a segment naming a station, news or weather.
BRANDING = re.compile(
    r"\s+(?:[-|–—]|::)\s+(?=[^-|–—]*(?:\bNews\b|\bWeather\b|\bSports\b|\bChannel\b|\bTV\b|\.com\b|"
    r"\b[KW][A-Z]{2,3}\b|\bFOX\b|\bABC\b|\bNBC\b|\bCBS\b)).*$",
    re.S,
)

# An outlet's home is the state that at least HOME_MIN_ARTICLES of its articles name firmly (dateline, "City, State",
# branding) and at least HOME_SHARE of those that name any; its home town the town that at least HOME_MIN_ARTICLES
# and HOME_CITY_SHARE of the articles naming a town firmly name, in the home state. gva-dev rules mode
# (benchmarks/eval_gva.py --stories rules), see storyline.reconcile.OUTLET_HOMES for the figures: half A the same
# for HOME_SHARE 0.5 to 0.8 and HOME_CITY_SHARE 0.34 to 0.67, HOME_MIN_ARTICLES 3 lost A 0.8264 -> 0.8244.
HOME_MIN_ARTICLES = 2
HOME_SHARE = 0.8
HOME_CITY_SHARE = 0.5
# An outlet that never writes a dateline ("7-year-old boy among 4 shot on Daisy Street" of a paper whose reports say
# "Chattanooga police") has a home town all the same where at least PLACED_MIN_ARTICLES of its reports, and
# PLACED_SHARE of those placed in a town, are placed in one town (each report's own place, as reconciling reads it
# alone). Used only as the home town (what a report naming no town takes), never to read towns in a state. gva-dev
# pipeline (eval_gva.py) city 0.8484 -> 0.8503 (half A 0.8388 -> 0.8430: reports of kmbc.com and wisn.com naming no
# town placed in Kansas City and Milwaukee; held-out B 0.8571 unchanged; none lost), region 0.9019 -> 0.9049; rules
# mode city A 0.8388 -> 0.8409. In rules mode, with a prototype of this reading: (3, 0.8) and (2, 0.5) gave the same
# half A, (3, 0.6) and (4, 0.7) gained none on A and lost one on B; the same counts read as a home state too: region
# +0.012 but city A -0.004 (a state restricts the towns read).
PLACED_TOWNS = True
PLACED_MIN_ARTICLES = 3
PLACED_SHARE = 0.8
_FIRM_SOURCES = frozenset(["dateline", "city_state"])
_VERSION = 1


@lru_cache(maxsize=4096)  # read for each article when it is stored and at every reconcile of its story
def branding_towns(title: str, url: str | None) -> tuple[Place, ...]:
    """The towns of the outlet's branding after a headline ("- WMC Action News 5 - Memphis, Tennessee"): shared
    (cached), not to be changed."""
    brand = BRANDING.search(title)
    return tuple(p for p in find_places(brand.group(0), url=url) if p.kind == "city") if brand else ()


def branding_region(article: Article) -> str | None:
    """The state of the outlet's branding after the headline ("- WMC Action News 5 - Memphis, Tennessee")."""
    regions = {p.region for p in branding_towns(article.title or "", article.url) if p.region}
    return regions.pop() if len(regions) == 1 else None


def firm_places(article: Article) -> tuple[set[str], set[tuple[str, str]]]:
    """The US states and (town, state) pairs an article names firmly: datelines, "City, State", branding."""
    states: set[str] = set()
    towns: set[tuple[str, str]] = set()
    for f in article.facts:
        if f.type != "location" or f.attrs.get("source") not in _FIRM_SOURCES:
            continue
        region, city = f.attrs.get("region"), f.attrs.get("city")
        if f.attrs.get("country") != "United States" or not isinstance(region, str):
            continue
        states.add(region)
        if f.attrs.get("kind") == "city" and isinstance(city, str):
            towns.add((city, region))
    brand = branding_region(article)
    if brand is not None:
        states.add(brand)
    return states, towns


@dataclass(frozen=True, slots=True)
class OutletHome:
    """What the feed so far tells of where one outlet reports from."""

    outlet: str  # Article.site: the host, or the outlet's name
    stating: int  # its articles that name a US state firmly (dateline, "City, State", branding)
    state: str | None  # its home state, None while its articles do not agree enough
    state_articles: int  # its articles naming the most named state
    town: str | None  # its home town, in ``state``


@dataclass(slots=True)
class OutletHomes:
    """Per outlet: how many of its articles name each state and town firmly, and how many name any."""

    states: dict[str, Counter[str]] = field(default_factory=dict)
    stating: Counter[str] = field(default_factory=Counter)
    towns: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    naming: Counter[str] = field(default_factory=Counter)
    placed: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)  # reports' own places (towns)
    placing: Counter[str] = field(default_factory=Counter)

    def observe(self, article: Article, place: tuple[str | None, str | None, str | None] | None = None) -> None:
        """Count one new article (each article once: the pipeline observes articles as they are first stored);
        ``place``: the article's own place as reconciling reads it alone (storyline.reconcile.article_place)."""
        outlet = article.site
        if outlet is None:
            return
        town, state, country = place if place is not None else (None, None, None)
        if town and state and country == "United States" and not town.endswith((" County", " Parish")):
            self.placing[outlet] += 1
            self.placed.setdefault(outlet, Counter())[(town, state)] += 1
        states, towns = firm_places(article)
        if states:
            self.stating[outlet] += 1
            self.states.setdefault(outlet, Counter()).update(states)
        if towns:
            self.naming[outlet] += 1
            self.towns.setdefault(outlet, Counter()).update(towns)

    def home_state(self, article: Article) -> str | None:
        """The state most of the article's outlet's articles name, or None (unknown, or a national outlet)."""
        outlet = article.site
        return self.home(outlet)[0] if outlet else None

    def home_town(self, article: Article) -> tuple[str, str] | None:
        """(town, state) that most of the article's outlet's articles name, in its home state, or None."""
        outlet = article.site
        return self.home(outlet)[1] if outlet else None

    def home(self, outlet: str) -> tuple[str | None, tuple[str, str] | None]:
        """The home state and home town of an outlet (``Article.site``), each None where its articles do not agree."""
        state, town = self._firm_home(outlet)
        if town is None and PLACED_TOWNS and self.placed.get(outlet):
            placed, k = max(self.placed[outlet].items(), key=lambda kv: (kv[1], kv[0]))
            if k >= PLACED_MIN_ARTICLES and k >= PLACED_SHARE * self.placing[outlet]:
                town = placed
        return state, town

    def _firm_home(self, outlet: str) -> tuple[str | None, tuple[str, str] | None]:
        counts = self.states.get(outlet)
        if not counts:
            return None, None
        state, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if n < HOME_MIN_ARTICLES or n < HOME_SHARE * self.stating[outlet]:
            return None, None
        towns = self.towns.get(outlet)
        if not towns:
            return state, None
        town, k = max(towns.items(), key=lambda kv: (kv[1], kv[0]))
        enough = k >= HOME_MIN_ARTICLES and k >= HOME_CITY_SHARE * self.naming[outlet]
        return state, (town if enough and town[1] == state else None)

    def table(self) -> list[OutletHome]:
        """Every outlet seen naming a state or placed in a town, those whose articles name most first."""
        rows = []
        for outlet in self.states.keys() | self.placed.keys():
            state, town = self.home(outlet)
            most = max(self.states.get(outlet, Counter()).values(), default=0)
            rows.append(OutletHome(outlet, self.stating[outlet], state, most, town[0] if town else None))
        return sorted(rows, key=lambda r: (-r.stating, r.outlet))

    def dumps(self) -> bytes:
        return json.dumps(
            {
                "version": _VERSION,
                "states": {o: dict(c) for o, c in self.states.items()},
                "stating": dict(self.stating),
                "towns": {o: [[t, s, n] for (t, s), n in c.items()] for o, c in self.towns.items()},
                "naming": dict(self.naming),
                "placed": {o: [[t, s, n] for (t, s), n in c.items()] for o, c in self.placed.items()},
                "placing": dict(self.placing),
            },
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def loads(cls, blob: bytes | None) -> OutletHomes:
        """The counts stored by ``dumps``; empty for no blob or a blob of another version (they are learned again)."""
        if not blob:
            return cls()
        data = json.loads(blob)
        if data.get("version") != _VERSION:
            return cls()
        return cls(
            states={o: Counter(c) for o, c in data["states"].items()},
            stating=Counter(data["stating"]),
            towns={o: Counter({(t, s): n for t, s, n in rows}) for o, rows in data["towns"].items()},
            naming=Counter(data["naming"]),
            placed={o: Counter({(t, s): n for t, s, n in rows}) for o, rows in data.get("placed", {}).items()},
            placing=Counter(data.get("placing", {})),
        )
