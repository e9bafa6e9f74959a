from __future__ import annotations

from storyline.clean.people import split_byline


def test_two_people_joined_by_and() -> None:
    assert split_byline("by Dana Kim and Omar Haddad January 3, 2024")[0] == ["Dana Kim", "Omar Haddad"]


def test_role_glued_to_name_is_removed() -> None:
    assert split_byline("By Lena OrtizStaff Writer")[0] == ["Lena Ortiz"]


def test_link_texts_and_staff_are_not_people() -> None:
    assert split_byline("By Email the author")[0] == []
    assert split_byline("By Staff")[0] == []


def test_outlet_name_is_not_an_author() -> None:
    assert split_byline("By The Valley Courier", outlet="The Valley Courier")[0] == []


def test_wire_byline_sets_wire_not_author() -> None:
    people, wire = split_byline("By Dana Kim and The Associated Press")
    assert people == ["Dana Kim"]
    assert wire == "AP"
    assert split_byline("Reuters")[1] == "Reuters"


def test_news_desk_counts_as_author() -> None:
    assert split_byline("by Dana Kim and The Valley Courier news desk")[0] == [
        "Dana Kim", "The Valley Courier news desk"]
