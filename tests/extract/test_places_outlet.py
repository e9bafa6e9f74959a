"""What an outlet's URL says of where it reports from. URLs written for these tests."""

from __future__ import annotations

from storyline.extract.places_outlet import outlet_city, outlet_country_from_url


def test_outlet_country_from_tld() -> None:
    assert outlet_country_from_url("https://www.example.co.uk/news/1") == "GB"
    assert outlet_country_from_url("https://kyivindependent.com/x") is None


def test_an_outlets_host_names_its_city() -> None:
    assert outlet_city("https://www.abc7chicago.com/news/a-story/1/") == ("Chicago", "Illinois")
    assert outlet_city("https://pittsburgh.example-local.com/2016/03/21/x/") == ("Pittsburgh", "Pennsylvania")
    assert outlet_city("https://www.example.com/chicago/20160619/woodlawn/x") == ("Chicago", "Illinois")


def test_a_host_naming_no_big_city_or_an_ambiguous_one_names_none() -> None:
    assert outlet_city("https://www.wxyz.com/news/story") is None
    assert outlet_city("https://www.springfieldnewsdaily.com/x") is None  # a big Springfield in three states
    assert outlet_city("https://www.example.com/washington/x") is None  # a folder naming a state, not a city
    assert outlet_city(None) is None
