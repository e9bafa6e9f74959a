from __future__ import annotations

from datetime import date

import pytest

from storyline.group import evidence
from storyline.group.evidence import Evidence, adjustment, evidence_of
from storyline.model import Fact
from tests.group.conftest import make


def _fact(kind: str, **fields: object) -> Fact:
    base: dict[str, object] = dict(
        fact_id="f",
        article_id="a",
        type=kind,
        text="x",
        sentence="x",
        start=0,
        end=1,
        extractor="test",
        extractor_version="0",
    )
    base.update(fields)
    return Fact(**base)  # type: ignore[arg-type]


def _rare(_term: str) -> float:
    return 99.0


def test_an_article_without_facts_has_no_evidence() -> None:
    found = evidence_of(make("a", "Title", "A long enough body. " * 20, date(2024, 3, 5)), 400)
    assert found == Evidence(short=False)


def test_main_place_people_and_tolls_are_read_from_facts() -> None:
    article = make("a", "Title", "Body.", date(2024, 3, 5))
    article.facts = [
        _fact("location", attrs={"kind": "main", "city": "Dunmore", "region": "Ostvale", "country": "XX"}),
        _fact("entity", value="Petra Osgood", attrs={"label": "PERSON", "key": "osgood"}),
        _fact("count", value=3, category="injured"),
    ]
    found = evidence_of(article, 5)
    assert (found.city, found.region, found.persons, found.tolls, found.short) == (
        "dunmore",
        "ostvale",
        ("osgood",),
        ("injured:3",),
        True,
    )


def test_a_later_report_must_match_better(monkeypatch: object) -> None:
    same_day = adjustment(Evidence(), Evidence(), 0, _rare)
    month_later = adjustment(Evidence(), Evidence(), 30, _rare)
    assert same_day == 0.0 and month_later < same_day


def test_fact_weights_add_and_subtract_when_switched_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(evidence, "SAME_CITY_BONUS", 0.05)
    monkeypatch.setattr(evidence, "REGION_CONFLICT_PENALTY", 0.1)
    monkeypatch.setattr(evidence, "SHARED_NAME_BONUS", 0.05)
    a = Evidence(city="dunmore", region="ostvale", persons=("osgood",))
    assert adjustment(a, Evidence(city="dunmore", region="ostvale", persons=("osgood",)), 0, _rare) > 0
    assert adjustment(a, Evidence(city="harlan", region="quill", persons=("reyburn",)), 0, _rare) < 0
    # a surname that is common in the window is no evidence
    assert adjustment(a, Evidence(persons=("osgood",)), 0, lambda _t: 1.0) == 0.0


def test_evidence_survives_its_dump() -> None:
    found = Evidence("dunmore", "ostvale", 738000, ("osgood",), ("killed:1",), True, ("osgood",), 6)
    assert Evidence.load(found.dump()) == found
    assert Evidence.load(None) == Evidence()


def test_an_undated_pair_pays_a_fixed_penalty_whatever_the_window() -> None:
    assert adjustment(Evidence(), Evidence(), None, _rare) == -evidence.UNDATED_PENALTY
    assert adjustment(Evidence(), Evidence(), None, _rare) < adjustment(Evidence(), Evidence(), 1, _rare)


def test_the_most_mentioned_person_is_the_main_participant() -> None:
    article = make("a", "Title", "A long enough body. " * 20, date(2024, 3, 5))
    names = ["reyburn"] * evidence.MAIN_MENTIONS + ["osgood"]
    article.facts = [_fact("entity", value=n, attrs={"label": "PERSON", "key": n}) for n in names]
    found = evidence_of(article, 400)
    assert found.main_persons == ("reyburn",)
    assert found.persons == ("osgood", "reyburn")


def test_undated_reports_whose_main_participants_differ_are_kept_apart() -> None:
    # two fights of one champion: each report's main opponent is never named in the other
    a = Evidence(persons=("halvorsen", "osgood"), main_persons=("osgood",))
    b = Evidence(persons=("halvorsen", "reyburn"), main_persons=("reyburn",))
    base = adjustment(Evidence(), Evidence(), None, _rare)
    assert adjustment(a, b, None, _rare) == pytest.approx(base - evidence.NAME_CONFLICT_PENALTY)


def test_a_report_that_names_the_other_main_participant_is_no_conflict() -> None:
    a = Evidence(persons=("halvorsen", "osgood"), main_persons=("osgood",))
    names_both = Evidence(persons=("osgood", "reyburn"), main_persons=("reyburn",))
    no_main = Evidence(persons=("reyburn",))
    base = adjustment(Evidence(), Evidence(), None, _rare)
    assert adjustment(a, names_both, None, _rare) == base
    assert adjustment(a, no_main, None, _rare) == base


def test_dated_pairs_do_not_pay_the_name_conflict() -> None:
    a = Evidence(persons=("osgood",), main_persons=("osgood",))
    b = Evidence(persons=("reyburn",), main_persons=("reyburn",))
    assert adjustment(a, b, 1, _rare) == adjustment(Evidence(), Evidence(), 1, _rare)


def test_a_version_2_evidence_row_loads_without_main_participants() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, ["osgood"], ["killed:1"], False]
    assert Evidence.load(row) == Evidence("dunmore", "ostvale", 738000, ("osgood",), ("killed:1",), False)


def test_a_version_3_evidence_row_loads_without_a_weekday() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, ["osgood"], ["killed:1"], False, ["osgood"]]
    assert Evidence.load(row).weekday == 0


def test_an_undated_report_takes_the_weekday_its_lead_names() -> None:
    article = make("a", "Title", "The mill closed on Saturday. " * 20, None)
    article.facts = [_fact("time", value="XXXX-WXX-6", timex_type="DATE", sentence_start=0)]
    assert evidence_of(article, 400).weekday == 6


def test_a_weekday_named_past_the_lead_is_not_the_event_weekday() -> None:
    article = make("a", "Title", "The mill closed. " * 60, None)
    late = evidence.WEEKDAY_LEAD + 1
    article.facts = [_fact("time", value="XXXX-WXX-6", timex_type="DATE", sentence_start=late)]
    assert evidence_of(article, 1000).weekday == 0


def test_undated_reports_of_events_on_distant_weekdays_are_kept_apart() -> None:
    base = adjustment(Evidence(), Evidence(), None, _rare)
    tuesday, saturday = Evidence(weekday=2), Evidence(weekday=6)
    assert adjustment(tuesday, saturday, None, _rare) == pytest.approx(base - evidence.WEEKDAY_PENALTY)


def test_a_next_day_weekday_is_no_conflict() -> None:
    # a Monday report of a Sunday event; Sunday (7) and Monday (1) are one day apart across the week's end
    base = adjustment(Evidence(), Evidence(), None, _rare)
    assert adjustment(Evidence(weekday=7), Evidence(weekday=1), None, _rare) == base


def test_dated_pairs_do_not_pay_the_weekday_conflict() -> None:
    assert adjustment(Evidence(weekday=2), Evidence(weekday=6), 1, _rare) == adjustment(
        Evidence(), Evidence(), 1, _rare
    )


def test_undated_reports_whose_tolls_share_no_value_pay_the_toll_conflict() -> None:
    base = adjustment(Evidence(), Evidence(), None, _rare)
    five_hurt, ten_dead = Evidence(tolls=("injured:5",)), Evidence(tolls=("killed:10",))
    assert adjustment(five_hurt, ten_dead, None, _rare) == pytest.approx(base - evidence.UNDATED_TOLL_PENALTY)
    assert adjustment(five_hurt, Evidence(tolls=("injured:5", "killed:1")), None, _rare) == base


def test_an_undated_pair_of_a_short_and_a_long_page_pays_the_short_penalty() -> None:
    base = adjustment(Evidence(), Evidence(), None, _rare)
    short, long = Evidence(short=True), Evidence(short=False)
    assert adjustment(short, long, None, _rare) == pytest.approx(base - evidence.UNDATED_SHORT_PENALTY)
    assert adjustment(short, Evidence(short=True), None, _rare) == base  # two snippets of one event
    assert adjustment(short, long, 1, _rare) == adjustment(Evidence(), Evidence(), 1, _rare)  # both dated


def test_street_blocks_far_apart_count_against_a_pair() -> None:
    base = adjustment(Evidence(), Evidence(), 1, _rare)
    elm, oak = Evidence(blocks=("3200",)), Evidence(blocks=("700",))
    assert adjustment(elm, oak, 1, _rare) == base - evidence.BLOCK_CONFLICT_PENALTY
    assert adjustment(elm, Evidence(), 1, _rare) == base  # one side names no block


def test_the_next_block_or_a_rounded_one_is_the_same_place() -> None:
    base = adjustment(Evidence(), Evidence(), 1, _rare)
    assert adjustment(Evidence(blocks=("3200",)), Evidence(blocks=("3300",)), 1, _rare) == base
    assert adjustment(Evidence(blocks=("12000",)), Evidence(blocks=("12500",)), 1, _rare) == base
    assert adjustment(Evidence(blocks=("900", "3200")), Evidence(blocks=("3200",)), 1, _rare) == base


def test_evidence_rows_of_state_version_4_read_without_blocks() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, ["osgood"], ["killed:1"], False, ["osgood"], 6]
    assert Evidence.load(row).blocks == ()
    assert Evidence.load(Evidence(blocks=("3200",)).dump()).blocks == ("3200",)


def test_a_later_report_of_another_day_that_names_no_one_in_common_pays() -> None:
    base = adjustment(Evidence(), Evidence(), 20, _rare)
    first = Evidence(event_day=738000, persons=("osgood",), participants=("osgood",))
    later = Evidence(event_day=738020, persons=("reyburn",), participants=("reyburn",))
    assert adjustment(first, later, 20, _rare) == base - evidence.STRANGER_PENALTY


def test_a_follow_up_that_names_the_same_person_does_not_pay() -> None:
    base = adjustment(Evidence(), Evidence(), 20, _rare)
    first = Evidence(event_day=738000, persons=("osgood",), participants=("osgood",))
    arrest = Evidence(event_day=738020, persons=("osgood", "reyburn"), participants=("osgood", "reyburn"))
    assert adjustment(first, arrest, 20, _rare) == base


def test_a_later_report_that_shares_only_a_police_spokesperson_pays() -> None:
    base = adjustment(Evidence(), Evidence(), 30, _rare)
    first = Evidence(event_day=738000, persons=("whitlock", "fenn"), participants=("fenn",))
    other = Evidence(event_day=738030, persons=("whitlock", "marsh"), participants=("marsh",))
    assert adjustment(first, other, 30, _rare) == base - evidence.STRANGER_PENALTY


def test_reports_a_few_days_apart_do_not_pay_for_their_days() -> None:
    base = adjustment(Evidence(), Evidence(), 3, _rare)
    assert adjustment(Evidence(event_day=738000), Evidence(event_day=738010), 3, _rare) == base


def _person(body: str, name: str, key: str) -> Fact:
    start = body.index(name)
    return _fact(
        "entity",
        value=name,
        text=name,
        sentence=body,
        start=start,
        end=start + len(name),
        attrs={"label": "PERSON", "key": key},
    )


@pytest.mark.parametrize(
    "body",
    [
        "Police spokeswoman Dana Whitlock said the boy was hit once in the leg.",
        "The boy was hit once in the leg, Sgt. Dana Whitlock said.",
        "Dana Whitlock, a sheriff's office spokeswoman, said the boy was hit once.",
    ],
)
def test_a_person_introduced_by_an_office_is_no_participant(body: str) -> None:
    article = make("a", "Boy shot in Dunmore", body, date(2024, 3, 5))
    article.facts = [_person(body, "Dana Whitlock", "whitlock")]
    found = evidence_of(article, len(body))
    assert (found.persons, found.participants, found.names) == (("whitlock",), (), ())


def test_a_victim_named_in_full_is_a_participant() -> None:
    body = "Marcus Fenn Jr., 19, was shot on Elm Road. Fenn was taken to Dunmore General, police said."
    article = make("a", "Man shot in Dunmore", body, date(2024, 3, 5))
    article.facts = [_person(body, "Marcus Fenn Jr.", "fenn")]
    found = evidence_of(article, len(body))
    assert (found.participants, found.names) == (("fenn",), ("marcus fenn",))


def test_evidence_rows_of_state_version_5_read_without_names_or_first_reports() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, ["osgood"], ["killed:1"], False, ["osgood"], 6, ["3200"]]
    assert (Evidence.load(row).names, Evidence.load(row).participants) == ((), ())
    kept = Evidence(names=("marcus fenn",), participants=("fenn",), fresh=True)
    assert Evidence.load(kept.dump()) == kept


def test_a_report_published_the_day_after_its_event_is_a_first_report() -> None:
    body = "Marcus Fenn Jr., 19, was shot on Elm Road on Friday night."
    fresh, recalled = make("a", "Man shot", body, date(2024, 3, 9)), make("b", "Man charged", body, date(2024, 3, 20))
    for article in (fresh, recalled):
        article.facts = [_person(body, "Marcus Fenn Jr.", "fenn")]
        article.event_day, article.event_day_score = date(2024, 3, 8), 1.0
    assert evidence_of(fresh, len(body)).fresh and not evidence_of(recalled, len(body)).fresh


def test_two_first_reports_of_one_city_about_different_days_pay() -> None:
    base = adjustment(Evidence(), Evidence(), 2, _rare)
    wednesday = Evidence(city="dunmore", event_day=738000, participants=("fenn",), fresh=True)
    saturday = Evidence(city="dunmore", event_day=738003, participants=("marsh",), fresh=True)
    assert adjustment(wednesday, saturday, 2, _rare) == base - evidence.FRESH_PENALTY


@pytest.mark.parametrize(
    "later",
    [
        Evidence(city="dunmore", event_day=738003, participants=("fenn",), fresh=True),  # names the victim
        Evidence(city="harlan", event_day=738003, participants=("marsh",), fresh=True),  # another city
        Evidence(city="dunmore", event_day=738003, participants=("marsh",), fresh=False),  # recalls the day
        Evidence(city="dunmore", event_day=738001, participants=("marsh",), fresh=True),  # "Tuesday" read a day off
    ],
)
def test_reports_that_may_be_of_one_shooting_do_not_pay_for_their_days(later: Evidence) -> None:
    base = adjustment(Evidence(), Evidence(), 2, _rare)
    first = Evidence(city="dunmore", event_day=738000, participants=("fenn",), fresh=True)
    assert adjustment(first, later, 2, _rare) >= base


def test_a_later_report_of_the_story_day_in_its_city_pays_no_gap() -> None:
    recalled = adjustment(
        Evidence(city="dunmore", event_day=738000), Evidence(city="dunmore", event_day=738000), 180, _rare
    )
    assert recalled == adjustment(Evidence(), Evidence(), 0, _rare) + evidence.SAME_DAY_BONUS
    elsewhere = adjustment(
        Evidence(city="dunmore", event_day=738000), Evidence(city="harlan", event_day=738000), 180, _rare
    )
    assert elsewhere == adjustment(Evidence(), Evidence(), 180, _rare) + evidence.SAME_DAY_BONUS


def test_a_later_report_of_the_next_day_in_the_same_city_also_recalls_it() -> None:
    first, later = Evidence(city="dunmore", event_day=738000), Evidence(city="dunmore", event_day=738001)
    assert adjustment(first, later, 180, _rare) == adjustment(Evidence(), Evidence(), 0, _rare)
    week_on = Evidence(city="dunmore", event_day=738007)
    assert adjustment(first, week_on, 180, _rare) < adjustment(Evidence(), Evidence(), 0, _rare)


def _dated(body: str, town: str, region: str) -> Evidence:
    """The evidence of an article whose body opens with a dateline, as the extract stage reads it."""
    article = make("a", "Man shot", body, date(2024, 3, 9))
    end = len(town)
    article.facts = [
        _fact("location", text=town, start=0, end=end, attrs={"kind": "city", "source": "dateline", "region": region})
    ]
    return evidence_of(article, len(body))


def test_a_dateline_that_writes_its_state_gives_a_firm_state() -> None:
    assert _dated("HARTWELL, Ga. — A man was shot on Elm Road.", "HARTWELL", "Georgia").dateline_state == "georgia"


def test_a_dateline_without_its_state_gives_none() -> None:
    # the extract stage guessed the state from the town's name: no firm place
    assert _dated("HARTWELL — A man was shot on Elm Road.", "HARTWELL", "Georgia").dateline_state is None


def test_datelines_in_different_states_count_against_a_pair() -> None:
    norfolk, dunmore = Evidence(dateline_state="virginia"), Evidence(dateline_state="michigan")
    assert adjustment(norfolk, dunmore, 0, _rare) == pytest.approx(-evidence.DATELINE_CONFLICT_PENALTY)
    assert adjustment(norfolk, Evidence(dateline_state="virginia"), 0, _rare) == 0.0
    assert adjustment(norfolk, Evidence(), 0, _rare) == 0.0  # a report without a dateline: nothing known


def test_evidence_rows_of_state_version_6_read_without_a_dateline_state() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, [], [], False, [], 6, [], [], [], True]
    assert Evidence.load(row).dateline_state is None
    kept = Evidence(city="dunmore", dateline_state="virginia")
    assert Evidence.load(kept.dump()) == kept


def test_a_dateline_against_a_main_place_in_another_state_counts_a_little() -> None:
    norfolk = Evidence(dateline_state="virginia")
    elsewhere = Evidence(city="dunmore", region="michigan")
    penalty = adjustment(norfolk, elsewhere, 0, _rare)
    assert penalty == pytest.approx(-evidence.DATELINE_MAIN_PENALTY) == adjustment(elsewhere, norfolk, 0, _rare)
    assert -evidence.DATELINE_CONFLICT_PENALTY < penalty < 0  # a main place is weaker evidence than a dateline
    assert adjustment(norfolk, Evidence(city="hartwell", region="virginia"), 0, _rare) == 0.0


def test_a_later_report_of_the_day_in_a_suburb_with_the_same_tolls_recalls_it() -> None:
    first = Evidence(city="dunmore", region="ostvale", event_day=738000, tolls=("injured:5", "killed:1"))
    court = Evidence(city="harlan", region="ostvale", event_day=738000, tolls=("injured:5", "killed:1"))
    assert evidence.same_day_and_place(first, court)
    assert adjustment(first, court, 83, _rare) == adjustment(first, court, 0, _rare)  # no gap paid


@pytest.mark.parametrize(
    "other",
    [
        Evidence(city="harlan", region="ostvale", event_day=738000, tolls=("killed:1",)),  # another toll
        Evidence(city="harlan", region="brenmark", event_day=738000, tolls=("injured:5", "killed:1")),  # another state
        Evidence(city="harlan", region="ostvale", event_day=738000),  # no toll given
        Evidence(city="harlan", region="ostvale", event_day=738009, tolls=("injured:5", "killed:1")),  # another day
    ],
)
def test_another_town_recalls_the_day_only_with_the_state_and_every_toll(other: Evidence) -> None:
    first = Evidence(city="dunmore", region="ostvale", event_day=738000, tolls=("injured:5", "killed:1"))
    assert not evidence.same_day_and_place(first, other)


@pytest.mark.parametrize(
    ("title", "body", "ages"),
    [
        ("14-year-old shot in west Dunmore", "Police said the boy was hit once.", (14,)),
        ("Boy, 16, wounded in Harlan shooting", "A 20-year-old man was also hurt.", (16, 20)),
        ("Baby, 20-year-old man hurt in Dunmore", "Both were taken to hospital.", (20,)),  # no "Baby, 20"
        ("Man shot in Dunmore", "The victim, whose age was not given, is 2 blocks from home.", ()),
    ],
)
def test_the_ages_a_title_and_lead_give_are_read(title: str, body: str, ages: tuple[int, ...]) -> None:
    assert evidence_of(make("a", title, body, date(2024, 3, 9)), len(body)).ages == ages


def test_reports_whose_ages_all_differ_count_against_a_pair() -> None:
    fourteen, sixteen = Evidence(ages=(14,)), Evidence(ages=(16,))
    assert adjustment(fourteen, sixteen, 1, _rare) == pytest.approx(
        adjustment(Evidence(), Evidence(), 1, _rare) - evidence.AGE_CONFLICT_PENALTY
    )
    both = Evidence(ages=(16, 20))  # a report that also gives the suspect's age
    assert adjustment(sixteen, both, 1, _rare) == adjustment(Evidence(), Evidence(), 1, _rare)
    assert adjustment(fourteen, Evidence(), 1, _rare) == adjustment(Evidence(), Evidence(), 1, _rare)


def test_evidence_rows_without_ages_read_back() -> None:
    row: list[object] = ["dunmore", "ostvale", 738000, [], [], False, [], 6, [], [], [], True, "virginia"]
    assert Evidence.load(row).ages == ()
    kept = Evidence(city="dunmore", ages=(4, 16))
    assert Evidence.load(kept.dump()) == kept
