"""Slots: casualty tolls per article, the event date, headline counts, on small hand-built articles."""

from __future__ import annotations

from datetime import date
from typing import Any

from storyline.model import Article, Fact
from storyline.reconcile import read_event_day, reconcile_story
from storyline.reconcile.slots import article_event_date, own_event_day, scored_event_date, slot_values


def _article(aid: str = "a", published: date = date(2024, 3, 5), title: str = "", outlet: str = "A") -> Article:
    return Article(id=aid, published=published, outlet=outlet, body="", title=title, story_id="s1")


def _fact(a: Article, type_: str, text: str, sentence: str, sentence_start: int = 0, **fields: Any) -> Fact:
    fact = Fact(
        fact_id=f"{a.id}#{len(a.facts) + 1}",
        article_id=a.id,
        type=type_,  # type: ignore[arg-type]  # the tests pass a FactType literal as str
        text=text,
        sentence=sentence,
        start=sentence_start + sentence.find(text),
        end=sentence_start + len(text),
        extractor="test",
        extractor_version="0",
        sentence_start=sentence_start,
        **fields,
    )
    a.facts.append(fact)
    return fact


def _with_places(a: Article, body: str) -> None:
    """Location facts for the places of ``body``, with the attributes the extract stage gives them."""
    from storyline.extract.places import find_places
    from storyline.extract.stage import place_attrs

    for i, p in enumerate(find_places(body)):
        attrs = place_attrs(p)
        a.facts.append(
            Fact(
                f"{a.id}#{i}", a.id, "location", p.text, body, p.start, p.end, "places", "0", value=p.name, attrs=attrs
            )
        )


def _slots(a: Article, event_day: date | None = None) -> dict[str, float]:
    return {v.slot: v.value for v in slot_values(a, event_day)}


def test_people_shot_beyond_the_dead_become_the_injured_figure() -> None:
    a = _article()
    sentence = "Four people were shot, one fatally, early Sunday."
    _fact(a, "count", "Four people were shot", sentence, value=4.0, qualifier="exact", category="shot")
    _fact(a, "count", "one fatally", sentence, value=1.0, qualifier="exact", category="killed")
    assert _slots(a) == {"killed": 1.0, "injured": 3.0}


def test_roundup_sentences_do_not_make_the_toll() -> None:
    a = _article()
    _fact(
        a, "count", "a man was killed", "Police said a man was killed.", value=1.0, qualifier="exact", category="killed"
    )
    _fact(
        a,
        "count",
        "40 people have been killed",
        "So far this year 40 people have been killed in the city.",
        sentence_start=40,
        value=40.0,
        qualifier="exact",
        category="killed",
    )
    assert _slots(a) == {"killed": 1.0}


def test_headline_counts_join_the_body() -> None:
    a = _article(title="Teen killed, three others wounded in park shooting")
    _fact(
        a, "count", "The teen died", "The teen died at the hospital.", value=1.0, qualifier="exact", category="killed"
    )
    assert _slots(a) == {"killed": 1.0, "injured": 3.0}


def test_only_other_day_of_an_article_is_the_story_day() -> None:
    a = _article()
    sentence = "A man was shot and killed on Friday."
    _fact(
        a,
        "count",
        "A man was shot and killed",
        sentence,
        value=1.0,
        qualifier="exact",
        category="killed",
        period="2024-03-01",
    )
    assert _slots(a, event_day=date(2024, 3, 2)) == {"killed": 1.0}


def test_two_other_days_keep_their_own_slots() -> None:
    a = _article()
    _fact(
        a,
        "count",
        "Five were killed",
        "Five were killed on March 1.",
        value=5.0,
        qualifier="exact",
        category="killed",
        period="2024-03-01",
    )
    _fact(
        a,
        "count",
        "Nine were killed",
        "Nine were killed on Feb. 20.",
        sentence_start=30,
        value=9.0,
        qualifier="exact",
        category="killed",
        period="2024-02-20",
    )
    assert _slots(a, event_day=date(2024, 3, 4)) == {"killed@2024-03-01": 5.0, "killed@2024-02-20": 9.0}


def test_event_date_prefers_the_day_the_shooting_happened() -> None:
    a = _article(published=date(2024, 3, 5))
    _fact(a, "time", "Tuesday", "Posted: Tuesday, March 5, 2024", value="2024-03-05", timex_type="DATE")
    _fact(
        a,
        "time",
        "Monday",
        "Police chief Ann Roe said Monday the case is open.",
        sentence_start=40,
        value="2024-03-04",
        timex_type="DATE",
    )
    _fact(
        a,
        "time",
        "early Sunday",
        "The man was shot early Sunday outside a bar.",
        sentence_start=95,
        value="2024-03-03TMO",
        timex_type="TIME",
    )
    assert article_event_date(a) == date(2024, 3, 3)


def test_story_date_ties_go_to_the_earliest_day() -> None:
    first, later = _article("a", date(2024, 3, 4)), _article("b", date(2024, 3, 6), outlet="B")
    _fact(first, "time", "Sunday", "A man was shot Sunday.", value="2024-03-03", timex_type="DATE")
    _fact(later, "time", "Tuesday", "The suspect was shot by police Tuesday.", value="2024-03-05", timex_type="DATE")
    assert reconcile_story("s1", [first, later]).event_date == date(2024, 3, 3)


def test_story_date_ties_go_to_the_day_read_more_surely() -> None:
    vague, sure = _article("a", date(2024, 3, 6)), _article("b", date(2024, 3, 6), outlet="B")
    s1 = "Classmates wrote messages on the rock in a Facebook post on Monday."
    _fact(vague, "time", "Monday", s1, sentence_start=300, value="2024-03-04", timex_type="DATE")
    s2 = "A teen was shot and killed Tuesday evening on a rural road."
    _fact(sure, "time", "Tuesday evening", s2, value="2024-03-05TEV", timex_type="TIME")
    assert reconcile_story("s1", [vague, sure]).event_date == date(2024, 3, 5)


def test_conflicting_tolls_tie_to_the_largest() -> None:
    a, b = _article("a", date(2024, 3, 2)), _article("b", date(2024, 3, 2), outlet="B")
    _fact(a, "count", "Three were killed", "Three were killed.", value=3.0, qualifier="exact", category="killed")
    _fact(b, "count", "Two were killed", "Two were killed.", value=2.0, qualifier="exact", category="killed")
    claim = next(c for c in reconcile_story("s1", [a, b]).claims if c.slot == "killed")
    assert (claim.status, claim.value) == ("conflict", 3)


def test_wounded_victim_who_died_later_is_not_also_injured() -> None:
    early, later = _article("a", date(2024, 3, 3)), _article("b", date(2024, 3, 4), outlet="B")
    _fact(
        early, "count", "A man was shot", "A man was shot outside a bar.", value=1.0, qualifier="exact", category="shot"
    )
    _fact(
        later, "count", "The man died", "The man died at the hospital.", value=1.0, qualifier="exact", category="killed"
    )
    claims = {c.slot: c for c in reconcile_story("s1", [early, later]).claims}
    assert claims["killed"].value == 1 and claims["injured"].value == 0
    assert claims["injured"].status == "updated"


def test_a_later_report_of_one_hurt_is_not_the_dead_victim() -> None:
    dead, later = _article("a", date(2024, 3, 3)), _article("b", date(2024, 3, 5), outlet="B")
    _fact(
        dead,
        "count",
        "A man was killed",
        "A man was killed outside a bar.",
        value=1.0,
        qualifier="exact",
        category="killed",
    )
    _fact(
        later, "count", "A woman was shot", "A woman was shot on the same block.", value=1.0, qualifier="exact",
        category="shot",
    )  # fmt: skip
    claims = {c.slot: c for c in reconcile_story("s1", [dead, later]).claims}
    assert claims["killed"].value == 1 and claims["injured"].value == 1  # reported after the death: another victim


def test_headline_style_without_articles_is_read() -> None:
    a = _article(title="Medical Examiner Identifies Man Shot & Killed In North Side Shooting")
    assert _slots(a) == {"killed": 1.0}
    b = _article(title="Douglas teen shot to death; girl in custody")
    assert _slots(b) == {"killed": 1.0}


def test_story_date_is_never_after_the_first_report() -> None:
    first, later = _article("a", date(2024, 3, 4)), _article("b", date(2024, 3, 8), outlet="B")
    _fact(
        later,
        "time",
        "Thursday",
        "The man shot on Sunday was charged in court Thursday.",
        value="2024-03-07",
        timex_type="DATE",
    )
    assert reconcile_story("s1", [first, later]).event_date == date(2024, 3, 4)


def test_a_clock_time_alone_does_not_date_the_event() -> None:
    a = _article(published=date(2024, 3, 7))
    s1 = "A girl was shot Wednesday in the woods, deputies said."
    _fact(a, "time", "Wednesday", s1, value="2024-03-06", timex_type="DATE")
    s2 = "The shooting was reported around 3:45 p.m. near the river."
    _fact(a, "time", "around 3:45 p.m.", s2, sentence_start=len(s1) + 1, value="2024-03-07T15:45", timex_type="TIME")
    assert article_event_date(a) == date(2024, 3, 6)


def test_headline_places_drop_the_outlet_branding() -> None:
    from storyline.reconcile import headline_places

    places = headline_places("Three hurt in Atlanta shooting - WXYZ Action News - Memphis, Tennessee", None)
    assert {p.city for p in places} == {"Atlanta"}
    assert {p.city for p in headline_places("4 People Injured In Zanesville Bar Shooting", None)} == {"Zanesville"}


def test_the_headline_day_dates_an_article_whose_body_names_none() -> None:
    a = _article("a", date(2024, 3, 8), title="Gang activity suspected in Thursday night shooting")
    assert article_event_date(a) == date(2024, 3, 7)


def test_two_days_of_one_sentence_go_to_the_earlier() -> None:
    a = _article("a", date(2024, 3, 5))
    sentence = "A boy remains in the hospital Monday after a shooting on Sunday."
    _fact(a, "time", "Monday", sentence, value="2024-03-04", timex_type="DATE")
    _fact(a, "time", "Sunday", sentence, value="2024-03-03", timex_type="DATE")
    assert article_event_date(a) == date(2024, 3, 3)


def test_a_bare_weekday_most_of_a_week_back_loses_to_the_report_day() -> None:
    a = _article("a", date(2024, 3, 11))  # a Monday
    _fact(a, "time", "Tuesday", "The victim died Tuesday at a hospital.", value="2024-03-05", timex_type="DATE")
    _fact(
        a,
        "time",
        "Monday night",
        "She was shot at a party Monday night.",
        sentence_start=80,
        value="2024-03-11TNI",
        timex_type="TIME",
    )
    assert article_event_date(a) == date(2024, 3, 11)


def test_a_furniture_body_gives_no_toll_or_day() -> None:
    a = _article("a", date(2024, 3, 5), title="Man shot on Main Street")
    a.body = "Sign up for our newsletter. You'll get an email from us every morning. Check your inbox."
    _fact(a, "count", "Two were killed", a.body, value=2.0, qualifier="exact", category="killed")
    _fact(a, "time", "every morning", a.body, value="2024-03-04", timex_type="DATE")
    story = reconcile_story("s1", [a])
    assert "killed" not in {c.slot for c in story.claims}
    assert story.event_date != date(2024, 3, 4)


def test_an_article_naming_no_town_takes_its_outlets_city() -> None:
    a = _article("a", date(2024, 3, 5), title="Boy, 15, hurt in drive-by - KXYZ News 4 - Tucson, Arizona")
    assert reconcile_story("s1", [a]).location.city == "Tucson"


def test_a_toll_dated_a_day_off_the_story_joins_its_event() -> None:
    a = _article("a", date(2024, 3, 6))
    _fact(
        a,
        "count",
        "the child was shot",
        "Police said the child was shot.",
        value=1.0,
        category="shot",
        attrs={"single": True},
    )
    _fact(
        a,
        "count",
        "a girl shot and killed",
        "The father of a girl shot and killed was charged.",
        sentence_start=40,
        value=1.0,
        category="killed",
        period="2024-03-06",
        attrs={"single": True},
    )
    slots = _slots(a, date(2024, 3, 5))
    assert slots.get("killed") == 1 and "injured" not in slots


def test_a_follow_up_report_dates_the_event_by_its_written_date() -> None:
    a = _article("a", date(2024, 10, 28))
    sentence = "Detectives on Monday arrested two more men in the Sept. 13 shooting outside a nightclub."
    _fact(a, "time", "Monday", sentence, value="2024-10-28", timex_type="DATE")
    _fact(a, "time", "Sept. 13", sentence, value="2024-09-13", timex_type="DATE")
    assert article_event_date(a) == date(2024, 9, 13)


def test_a_report_naming_its_event_by_a_past_month_takes_a_day_of_that_month() -> None:
    a = _article("a", date(2024, 10, 24))
    s1 = "A man charged with shooting two people in August was held for trial today."
    _fact(a, "time", "August", s1, value="2024-08", timex_type="DATE")
    _fact(a, "time", "today", s1, value="2024-10-24", timex_type="DATE")
    s2 = "The shooting happened Aug. 2 outside a tavern."
    _fact(a, "time", "Aug. 2", s2, sentence_start=1200, value="2024-08-02", timex_type="DATE")
    assert article_event_date(a) == date(2024, 8, 2)


def test_a_written_day_after_the_report_is_read_in_the_past_years_period() -> None:
    a = _article("a", date(2024, 2, 12))
    s1 = "A second suspect was arrested in a shooting last year that wounded four people."
    _fact(a, "time", "last year", s1, value="2023", timex_type="DATE")
    s2 = "The shooting happened about 4:30 p.m. June 8."
    _fact(a, "time", "about 4:30 p.m. June 8", s2, sentence_start=200, value="2024-06-08T16:30", timex_type="TIME")
    assert article_event_date(a) == date(2023, 6, 8)


def test_a_past_month_beside_a_day_of_the_week_is_background() -> None:
    a = _article("a", date(2024, 3, 8))  # a Friday
    s1 = "Four people were wounded in a Thursday shooting a block from a December one."
    _fact(a, "time", "Thursday", s1, value="2024-03-07", timex_type="DATE")
    _fact(a, "time", "December", s1, value="2023-12", timex_type="DATE")
    s2 = "That shooting on Dec. 3 wounded five people at a bus stop."
    _fact(a, "time", "Dec. 3", s2, sentence_start=500, value="2023-12-03", timex_type="DATE")
    assert article_event_date(a) == date(2024, 3, 7)


def test_midnight_alone_does_not_date_the_event() -> None:
    a = _article("a", date(2024, 3, 5))
    s1 = "Police were called to the banquet hall just before midnight after shots were fired."
    _fact(a, "time", "just before midnight", s1, value="2024-03-05T24:00", timex_type="TIME")
    s2 = "Five people were shot at the party early Sunday."
    _fact(a, "time", "early Sunday", s2, sentence_start=len(s1) + 1, value="2024-03-03", timex_type="DATE")
    assert article_event_date(a) == date(2024, 3, 3)


def test_a_day_naming_the_shooting_dates_it() -> None:
    a = _article("a", date(2024, 3, 6))  # a Wednesday
    s1 = "Late Monday the other side of the story began emerging in the shooting of a teenager."
    _fact(a, "time", "Late Monday", s1, value="2024-03-04", timex_type="DATE")
    s2 = "Nearly a week later, neighbours still talk of the Feb. 28 shooting between two homes."
    _fact(a, "time", "Feb. 28", s2, sentence_start=300, value="2024-02-28", timex_type="DATE")
    assert article_event_date(a) == date(2024, 2, 28)


def test_a_day_next_to_a_later_steps_verb_does_not_date_the_event() -> None:
    a = _article("a", date(2024, 3, 6))  # a Wednesday
    s1 = "Six people were wounded in the shooting, the police chief said Tuesday."
    _fact(a, "time", "Tuesday", s1, value="2024-03-05", timex_type="DATE")
    s2 = "Shell casings marked the spot where the gunman opened fire Monday evening."
    _fact(a, "time", "Monday evening", s2, sentence_start=len(s1) + 1, value="2024-03-04TEV", timex_type="TIME")
    assert article_event_date(a) == date(2024, 3, 4)


def test_a_lead_dated_only_by_page_furniture_reads_on_to_the_event() -> None:
    a = _article("a", date(2024, 3, 5))
    s1 = "Boy shoots uncle Posted: Monday, March 4, 2024 9:45 PM"
    _fact(a, "time", "Monday, March 4, 2024", s1, value="2024-03-04", timex_type="DATE")
    s2 = "Police said the shooting happened at noon Saturday afternoon."
    _fact(a, "time", "Saturday afternoon", s2, sentence_start=800, value="2024-03-02TAF", timex_type="TIME")
    assert article_event_date(a) == date(2024, 3, 2)


def test_a_town_is_read_in_the_state_of_the_outlets_branding() -> None:
    from storyline.extract.places import Place
    from storyline.reconcile import _in_region

    elsewhere = Place("Brookhaven", 0, 10, "Brookhaven", "city", "Brookhaven", "Georgia", "United States", 0.6)
    moved = _in_region(elsewhere, "Mississippi")
    assert moved is not None and (moved.city, moved.region) == ("Brookhaven", "Mississippi")
    shop = Place("Allgood", 0, 7, "Allgood", "city", "Allgood", "Alabama", "United States", 0.6)
    assert _in_region(shop, "Tennessee") is None


def test_an_article_naming_no_town_takes_the_city_its_outlets_host_names() -> None:
    a = _article("a", date(2024, 3, 5), title="Boy, 15, hurt in drive-by")
    a.url = "https://www.fox9tucson.com/news/boy-hurt"
    assert reconcile_story("s1", [a]).location.city == "Tucson"


def test_a_town_of_another_state_gives_way_when_the_outlets_city_is_named() -> None:
    from storyline.reconcile import _article_location

    body = "Two men were shot in Austin late Sunday, Chicago police said."
    a = _article("a", date(2024, 3, 5), title="Two men shot in Austin")
    a.url, a.body = "https://www.abc7chicago.com/news/two-shot/1/", body
    _with_places(a, body)
    assert _article_location(a) == ("Chicago", "Illinois", "United States")


def test_victims_listed_with_commas_in_a_headline_are_two_people() -> None:
    a = _article("a", date(2024, 3, 5), title="Mother, boy fatally shot in head in southwest Baltimore")
    assert _slots(a, date(2024, 3, 5)).get("killed") == 2
    b = _article("b", date(2024, 3, 5), title="Woman and 5-year-old child injured in shooting")
    assert _slots(b, date(2024, 3, 5)).get("injured") == 2


def test_a_part_of_a_big_city_gives_way_to_the_city_whose_police_are_named() -> None:
    from storyline.extract.places import Place
    from storyline.reconcile import _police_city

    part = Place("GAGE PARK", 0, 9, "Gage Park", "city", "Gage Park", "Illinois", "United States", 0.95)
    police = Place("Chicago", 20, 27, "Chicago", "city", "Chicago", "Illinois", "United States", 0.8)
    where = ("Gage Park", "Illinois", "United States")
    assert _police_city(where, [part, police])[0] == "Chicago"
    own = Place("Gage Park", 40, 49, "Gage Park", "city", "Gage Park", "Illinois", "United States", 0.8)
    assert _police_city(where, [part, police, own])[0] == "Gage Park"


def test_the_event_day_is_read_once_with_the_facts_and_kept() -> None:
    a = _article("a", date(2024, 3, 6))
    _fact(a, "time", "Tuesday", "A man was shot Tuesday.", value="2024-03-05", timex_type="DATE")
    assert (a.event_day, a.event_day_score, own_event_day(a)) == (None, None, scored_event_date(a))  # not read: now
    read_event_day(a)
    assert (a.event_day_score, a.event_day) == scored_event_date(a)
    a.facts = []  # a long story's older report, reloaded without its facts, keeps the day it was read with
    assert reconcile_story("s1", [a]).event_date == date(2024, 3, 5)
    b = _article("b", date(2024, 3, 6))
    read_event_day(b)
    assert (b.event_day, b.event_day_score, own_event_day(b)) == (None, 0.0, None)  # read: no day named


def test_a_furniture_body_is_read_for_its_title_day_only() -> None:
    a = _article("a", date(2024, 3, 5), title="Man shot on Main Street")
    a.body = "Sign up for our newsletter. You'll get an email from us every morning. Check your inbox."
    _fact(a, "time", "every morning", a.body, value="2024-03-04", timex_type="DATE")
    read_event_day(a)
    assert a.event_day != date(2024, 3, 4)


def test_an_article_naming_only_a_county_takes_its_local_outlets_city() -> None:
    from storyline.reconcile import _article_location

    body = "Pima County deputies said a woman was shot in the arm at her home on Sunday."
    a = _article("a", date(2024, 3, 5), title="Woman shot in arm at home - KXYZ | Tucson, Arizona")
    a.body = body
    _with_places(a, body)
    assert _article_location(a) == ("Tucson", "Arizona", "United States")
    a.title = "Woman shot in arm at home"
    assert _article_location(a) == ("Pima County", "Arizona", "United States")


def test_a_bare_age_in_a_headline_is_one_person() -> None:
    a = _article("a", date(2024, 3, 5), title="Dog bit officer, but 4-year-old was shot")
    assert _slots(a, date(2024, 3, 5)) == {"injured": 1.0}
    b = _article("b", date(2024, 3, 5), title="3-Year-Old Girl Shot In Leg")
    assert _slots(b, date(2024, 3, 5)) == {"injured": 1.0}


def test_one_person_hit_in_every_report_and_dead_in_one_is_one_victim() -> None:
    dead, hurt = _article("a", date(2024, 3, 3)), _article("b", date(2024, 3, 3), outlet="B")
    _fact(
        dead,
        "count",
        "A teen was killed",
        "A teen was killed on Elm Street.",
        value=1.0,
        qualifier="exact",
        category="killed",
        attrs={"single": True, "subject": "A teen"},
    )
    _fact(
        hurt, "count", "a 16-year-old boy was shot", "Police said a 16-year-old boy was shot on Elm Street.", value=1.0,
        qualifier="exact", category="shot", attrs={"single": True, "subject": "a 16-year-old boy"},
    )  # fmt: skip
    claims = {c.slot: c for c in reconcile_story("s1", [hurt, dead]).claims}
    assert claims["killed"].value == 1 and claims["injured"].value == 0


def test_a_toll_of_a_span_before_the_event_day_is_another_time() -> None:
    a = _article("a", date(2024, 3, 14))
    _fact(
        a,
        "count",
        "Four men were shot",
        "Four men were shot near the park on Tuesday.",
        value=4.0,
        qualifier="exact",
        category="shot",
        period="2024-03-12",
    )
    _fact(
        a, "count", "a man was shot and killed", "Last week a man was shot and killed on the same block.", value=1.0,
        qualifier="exact", category="killed", period="2024-03-04/2024-03-10", attrs={"single": True},
    )  # fmt: skip
    assert _slots(a, date(2024, 3, 12)) == {"injured": 4.0}


def test_a_span_after_the_event_day_is_not_left_out() -> None:
    a = _article("a", date(2024, 3, 14))
    _fact(
        a, "count", "He was rushed to the hospital", "He was rushed to the hospital, where he spent three days.",
        value=1.0, qualifier="exact", category="hospitalized", period="2024-03-11/2024-03-14", attrs={"single": True},
    )  # fmt: skip
    assert _slots(a, date(2024, 3, 10)) == {"injured": 1.0}


def _placed(aid: str, body: str) -> Article:
    """An article whose location facts are the places of ``body``, as the extract stage writes them."""
    a = _article(aid, date(2024, 3, 5), title="Boy, 3, hurt in shooting")
    a.body = body
    _with_places(a, body)
    return a


def test_a_county_and_the_town_in_it_named_by_two_outlets_give_the_town() -> None:
    county = _placed("a", "The boy was hurt at a home in north Harris County, deputies said.")
    town = _placed("b", "The boy was hurt at a home in Spring, Texas, deputies said.")
    for order in ([county, town], [town, county]):
        assert reconcile_story("s1", order).location.city == "Spring"


def test_of_two_towns_with_a_vote_each_the_one_named_as_the_event_place_wins() -> None:
    home = _placed("a", "A Nampa man was shot in a hunting accident on Sunday, Idaho deputies said.")
    scene = _placed("b", "The man was shot in a hunting accident in Kuna, Idaho, on Sunday.")
    for order in ([home, scene], [scene, home]):
        assert reconcile_story("s1", order).location.city == "Kuna"


def test_a_headline_town_is_read_in_the_state_its_body_places_the_event() -> None:
    from storyline.reconcile import _article_location

    # Sandy, Utah is the biggest Sandy; the body places the event in Oregon, where a Sandy lies too
    a = _placed("a", "PORTLAND, Ore. — A man shot his wife by accident at their home in Sandy, deputies said.")
    a.title = "Man shoots wife by accident in Sandy"
    assert _article_location(a) == ("Sandy", "Oregon", "United States")


def test_a_headline_town_of_no_state_the_body_names_weighs_little() -> None:
    from storyline.reconcile import _article_location

    a = _placed("a", "SAN FRANCISCO — One man died and three were hurt late Sunday, San Francisco police said.")
    a.title = "Mission shooting: 1 killed, 3 wounded in Mission"  # Mission, Texas, or San Francisco's Mission District
    assert _article_location(a) == ("San Francisco", "California", "United States")


def test_of_two_towns_tied_in_votes_the_one_all_reports_name_more_strongly_wins() -> None:
    dateline = _placed("a", "SPRINGFIELD, Ill. -- A man was shot on Sunday, deputies said.")
    named = _placed("b", "A man was shot in Chatham on Sunday. Chatham police are looking for the gunman.")
    for order in ([dateline, named], [named, dateline]):
        assert reconcile_story("s1", order).location.city == "Chatham"
