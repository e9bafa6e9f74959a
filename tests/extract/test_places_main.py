"""The main event location: cities, counties and regions weighed, parts of a big city. Texts written for these tests."""

from __future__ import annotations

from storyline.extract.places import find_places
from storyline.extract.places_main import main_location, neighbourhoods


def test_no_places() -> None:
    assert main_location(find_places("Nothing to see here.")) == (None, None, None)


def test_county_stands_for_the_place_when_no_town_is_named() -> None:
    text = "A teen was killed in a hunting accident in Itasca County, Minnesota, on Sunday."
    assert main_location(find_places(text))[:2] == ("Itasca County", "Minnesota")


def test_a_neighbourhood_named_as_one_gives_way_to_its_big_city() -> None:
    text = "Four people were shot in the Gage Park neighborhood, Chicago police said."
    parts = neighbourhoods(text)
    assert "gage park" in parts
    assert main_location(find_places(text), parts)[0] == "Chicago"


def test_a_suburb_not_called_a_neighbourhood_keeps_its_name() -> None:
    text = "A man was shot in Park Ridge, Ill., and taken to a hospital in Chicago."
    assert main_location(find_places(text), neighbourhoods(text))[0] == "Park Ridge"


def test_the_district_of_columbia_is_the_city_of_washington() -> None:
    places = find_places("Six people were injured in a shooting in Southwest D.C. early Sunday.")
    assert main_location(places) == ("Washington", "District of Columbia", "United States")


def test_a_part_placed_in_a_big_city_by_the_text_gives_way_to_it() -> None:
    text = "Two men were shot in Coney Island, Brooklyn, on Friday. Officers in Brooklyn made an arrest."
    assert main_location(find_places(text), neighbourhoods(text))[0] == "Brooklyn"
    text = "Two men were shot in Brooklyn's Coney Island on Friday."
    assert "coney island" in neighbourhoods(text)


def test_a_town_followed_by_its_state_is_no_part_of_a_city() -> None:
    assert neighbourhoods("A boy was shot at a school in Marysville, Washington, on Friday.") == frozenset()


def test_a_town_in_the_county_the_article_names_wins_over_a_town_outside_it() -> None:
    text = (
        "Cobb County deputies said a boy was shot in Mableton on Sunday, and Atlanta police helped them find the "
        "suspect."
    )
    assert main_location(find_places(text))[:2] == ("Mableton", "Georgia")


def test_a_town_of_another_county_is_no_part_of_the_big_city() -> None:
    text = (
        "A boy was shot in the St. Augustine section on Sunday, Jacksonville police said. "
        "Deputies in St. Augustine came."
    )
    places = find_places(text)
    where = main_location(places, neighbourhoods(text))
    assert where[:2] == ("Saint Augustine", "Florida")


def test_a_neighbourhood_of_the_big_citys_county_gives_way_to_it() -> None:
    text = "A boy was shot in the Germantown section on Sunday, Philadelphia police said. Germantown was quiet later."
    places = find_places(text)
    assert main_location(places, neighbourhoods(text))[:2] == ("Philadelphia", "Pennsylvania")


def test_a_county_wins_over_a_town_of_another_county_named_only_as_a_home() -> None:
    text = "A Tyler teen was killed Sunday while hunting on a ranch in Webb County, Texas, deputies said."
    assert main_location(find_places(text))[:2] == ("Webb County", "Texas")


def test_a_county_wins_over_a_landmark_town_of_another_county() -> None:
    text = "A hunter was shot in Charlotte County, Virginia, on Friday, about 80 miles west of Richmond."
    assert main_location(find_places(text))[:2] == ("Charlotte County", "Virginia")


def test_a_home_town_inside_the_county_named_keeps_its_name() -> None:
    text = "A Janesville man was shot Sunday while hunting in Rock County, Wisconsin, deputies said."
    assert main_location(find_places(text))[:2] == ("Janesville", "Wisconsin")


def test_a_town_named_as_the_event_place_wins_over_the_county() -> None:
    text = "A teen was shot in Laredo on Sunday, Webb County deputies said."
    assert main_location(find_places(text))[:2] == ("Laredo", "Texas")
