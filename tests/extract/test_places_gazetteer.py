"""The gazetteer's files and their build: each US town's county, counties ranked by their towns."""

from __future__ import annotations

from storyline.extract.places_build import county_of
from storyline.extract.places_gazetteer import key, load


def _town(name: str, lat: float, lon: float, county: str = "") -> dict[str, object]:
    return {"name": name, "city": name, "latitude": lat, "longitude": lon, "county": county}


def test_county_of_a_town_is_its_own_entry() -> None:
    towns = [_town("Millbrook", 40.0, -80.0, "Oak County"), _town("Ferris", 40.01, -80.0, "Elm County")]
    assert county_of(_town("Millbrook", 40.001, -80.0), towns) == "Oak County"


def test_county_of_a_small_town_is_its_nearest_neighbour_within_reach() -> None:
    towns = [_town("Millbrook", 40.0, -80.0, "Oak County"), _town("Ferris", 40.5, -80.0, "Elm County")]
    assert county_of(_town("Hamlet", 40.01, -80.0), towns) == "Oak County"  # about 1 km away
    assert county_of(_town("Far Hamlet", 40.25, -80.0), towns) == ""  # 28 km from either: unknown


def test_shipped_towns_carry_their_county() -> None:
    gaz = load()
    spring = next(e for e in gaz.cities[key("Spring")] if e.region == "TX" and e.kind == "city")
    assert spring.county == "Harris County"


def test_a_county_name_shared_by_states_ranks_the_one_with_bigger_towns_first() -> None:
    harris = [e for e in load().cities[key("Harris County")] if e.kind == "county"]
    assert harris[0].region == "TX"


def test_a_county_spelt_with_saint_gets_the_people_of_its_towns() -> None:
    # GeoNames writes the towns' county "Saint Johns County", the county list "St. Johns County"
    county = next(e for e in load().cities[key("St. Johns County")] if e.region == "FL")
    assert county.population > 0
