"""Counts: numbers, qualifiers, categories, casualty phrasing, periods. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.extract.counts import Count, casualty_summary, find_counts
from storyline.extract.counts_numbers import parse_simple


@dataclass
class FakeTimex:
    start: int
    end: int
    text: str
    value: str
    type: str
    anchor_date: date | None = None
    end_date: date | None = None


def timex_for(text: str, words: str, value: str, kind: str = "DATE") -> FakeTimex:
    start = text.index(words)
    return FakeTimex(start, start + len(words), words, value, kind)


def only(counts: list[Count], category: str) -> Count:
    found = [c for c in counts if c.category == category]
    assert len(found) == 1, [(c.text, c.category) for c in counts]
    return found[0]


def test_qualified_combined_category() -> None:
    count = only(find_counts("The army fired at least 320 rockets and drones at the port."), "rockets_and_drones")
    assert (count.value, count.low, count.qualifier, count.text) == (
        320,
        320,
        "at least",
        "at least 320 rockets and drones",
    )


def test_killed_and_more_injured_in_one_sentence() -> None:
    counts = find_counts("Seven people died, and 45 more were hurt, the mayor said.")
    assert casualty_summary(counts) == {"killed": 7, "injured": 45}


def test_active_verbs_before_numbers() -> None:
    counts = find_counts("The blast killed 14 people and wounded another 60 in the market.")
    assert casualty_summary(counts) == {"killed": 14, "injured": 60}


def test_shot_and_killed_one_person() -> None:
    assert casualty_summary(find_counts("A woman was shot and killed late Friday.")) == {"killed": 1}


def test_plural_wounded() -> None:
    assert casualty_summary(find_counts("Three boys were wounded near the park.")) == {"injured": 3}


def test_dead_and_injured_list() -> None:
    counts = find_counts("The crash left one person dead and four injured.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 4}


def test_killing_and_injuring_is_not_killed() -> None:
    counts = find_counts("The raids ended up killing and injuring dozens of residents.")
    assert "killed" not in casualty_summary(counts)
    assert counts[0].category == "killed_or_injured"


def test_vague_plural_is_a_lower_bound() -> None:
    count = find_counts("They fired dozens of missiles overnight.")[0]
    assert (count.value, count.low, count.high, count.qualifier, count.vague) == (24, 24, None, "at least", True)


def test_left_dead() -> None:
    assert casualty_summary(find_counts("The gunfire left a teenager dead.")) == {"killed": 1}


def test_pronounced_dead() -> None:
    assert casualty_summary(find_counts("He was pronounced dead at the scene.")) == {"killed": 1}


def test_died_at_hospital() -> None:
    assert casualty_summary(find_counts("The victim died at the hospital on Monday.")) == {"killed": 1}


def test_non_life_threatening_injuries_of_one_victim() -> None:
    text = "A 19-year-old man was found in a car. The victim suffered non-life-threatening injuries."
    assert casualty_summary(find_counts(text)) == {"injured": 1}


def test_described_victim_who_survived_is_injured() -> None:
    assert casualty_summary(find_counts("A 31-year-old man was shot in the leg Sunday.")) == {"injured": 1}


def test_shot_then_died_is_killed_only() -> None:
    text = "A 40-year-old man was shot in the chest. He was rushed to the hospital but died."
    assert casualty_summary(find_counts(text)) == {"killed": 1}


def test_shot_one_fatally() -> None:
    assert casualty_summary(find_counts("Four people were shot, one fatally, police said.")) == {
        "killed": 1,
        "injured": 3,
    }


def test_two_described_victims_are_two() -> None:
    assert casualty_summary(find_counts("A man and a 2-year-old boy were killed on Tuesday.")) == {"killed": 2}


def test_active_shooter_is_not_a_victim() -> None:
    assert casualty_summary(find_counts("Police said he shot the clerk twice.")) == {"injured": 1}
    assert casualty_summary(find_counts("The man who killed the clerk fled on foot.")) == {"killed": 1}


def test_nobody_died() -> None:
    assert "killed" not in casualty_summary(find_counts("Nobody died in the fire."))


def test_largest_total_not_a_sum() -> None:
    text = "Five people were wounded in the shooting. Two of the wounded were taken to hospital in a helicopter."
    assert casualty_summary(find_counts(text)) == {"injured": 5}


def test_murder_suicide_counts_the_shooter() -> None:
    counts = find_counts("Police said the man shot four relatives, killing two, then himself.")
    assert casualty_summary(counts)["killed"] == 3


@pytest.mark.parametrize(
    "text",
    [
        "The 52-year-old told reporters about it.",
        "He asked for missiles with 250-kilometer ranges.",
        "It happened at 3:15 p.m. on Jan. 5, 2016.",
        "Prices rose 12 percent and cost $40 million.",
        "She finished 3rd in the 2019 race.",
        "Martin Lopez, 23, said he was at home.",
        "Officers searched the 3200 block of Elm Street for 10 minutes.",
    ],
)
def test_numbers_that_are_not_counts(text: str) -> None:
    assert find_counts(text) == []


def test_range() -> None:
    count = find_counts("Witnesses heard 10 to 15 shots.")[0]
    assert (count.qualifier, count.low, count.high, count.category) == ("range", 10, 15, "shots")
    count = find_counts("Witnesses heard 10-15 shots.")[0]
    assert (count.low, count.high) == (10, 15)


def test_troops_count() -> None:
    assert only(find_counts("The army said it has lost 12,400 soldiers so far."), "troops").value == 12400


def test_period_from_duration_ends_at_publication() -> None:
    text = "The army fired at least 200 drones over the past week."
    timex = timex_for(text, "the past week", "P1W", "DURATION")
    count = find_counts(text, [timex], date(2024, 3, 8))[0]
    assert (count.period, count.period_text) == ("2024-03-01/2024-03-08", "the past week")


def test_period_from_date_in_sentence() -> None:
    text = "Rebels fired at least 40 rockets early on March 3."
    count = find_counts(text, [timex_for(text, "March 3", "2024-03-03")], date(2024, 3, 5))[0]
    assert count.period == "2024-03-03"


def test_period_carried_from_previous_sentence() -> None:
    text = "On Feb. 11, the city was shelled for hours. The shelling killed 9 people and wounded another 30."
    counts = find_counts(text, [timex_for(text, "Feb. 11", "2024-02-11")], date(2024, 2, 12))
    assert {c.category: c.period for c in counts} == {"killed": "2024-02-11", "injured": "2024-02-11"}


def test_period_not_carried_two_sentences() -> None:
    text = "On Feb. 11, the city was shelled. Crews worked all night. Nine people were killed."
    counts = find_counts(text, [timex_for(text, "Feb. 11", "2024-02-11")], date(2024, 2, 12))
    assert counts[0].period is None


def test_offsets_point_at_the_words() -> None:
    text = "Intro line.\n\nLater, 12 people were wounded."
    count = find_counts(text)[0]
    assert text[count.start : count.end] == count.text == "12 people were wounded"


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_commas_round_trip(value: int) -> None:
    assert parse_simple(f"{value:,}") == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-one", 21),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three hundred and five", 305),
        ("one thousand two hundred", 1200),
        ("4 million", 4_000_000),
        ("half a dozen", 6),
    ],
)
def test_number_words(words: str, value: float) -> None:
    assert parse_simple(words) == value


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for count in find_counts(text):
        assert 0 <= count.start <= count.end <= len(text)


def test_killed_several_and_himself_counts_the_shooter() -> None:
    summary = casualty_summary(find_counts("The student killed four classmates and himself."))
    assert summary == {"killed": 5.0}


def test_next_figure_stops_the_died_chain() -> None:
    summary = casualty_summary(find_counts("Four people were shot, three dead, when a gunman opened fire."))
    assert summary == {"killed": 3.0, "injured": 1.0}


def test_one_of_several_wounded_who_died_leaves_the_rest_injured() -> None:
    summary = casualty_summary(find_counts("One of four women wounded in a late night shooting has died."))
    assert summary == {"killed": 1.0, "injured": 3.0}


def test_other_people_shot_besides_the_dead_are_all_injured() -> None:
    text = "One man died at the scene. Six other people were treated for gunshot wounds."
    assert casualty_summary(find_counts(text)) == {"killed": 1.0, "injured": 6.0}


def test_a_duration_longer_than_the_calendar_has_no_period() -> None:
    from datetime import date as _date

    from storyline.extract.counts import _period

    class _T:
        start, end, text, value, type = 0, 5, "x", "P9000000Y", "DURATION"

    assert _period(_T(), _date(2019, 11, 19)) is None


def test_a_person_who_shot_himself_is_one_victim_hit() -> None:
    counts = find_counts("A 13-year-old boy accidentally shot himself in the foot while hunting.")
    assert casualty_summary(counts) == {"injured": 1.0}
    counts = find_counts("The gunman killed two people and then shot himself, police said.")
    assert casualty_summary(counts).get("injured", 0) == 0


def test_an_adverb_between_auxiliary_and_verb_is_read_through() -> None:
    assert casualty_summary(find_counts("A 16-year-old was accidentally shot in the neck Tuesday night.")) == {
        "injured": 1
    }


def test_people_suffering_from_gunshot_wounds_were_shot() -> None:
    counts = find_counts("Officers found two men suffering from gunshot wounds.")
    assert [(c.value, c.category) for c in counts] == [(2.0, "shot")]


def test_a_quadruple_shooting_hit_four_people() -> None:
    counts = find_counts("Police are investigating a quadruple shooting in Chinatown.")
    assert casualty_summary(counts) == {"injured": 4.0}
    assert [c for c in find_counts("Police investigated double shootings overnight.") if c.category == "shot"] == []


def test_a_headline_number_after_a_colon_is_read() -> None:
    counts = find_counts("Police: 4 people shot in southeast Fresno")
    assert [(c.value, c.category) for c in counts] == [(4.0, "shot")]


def test_at_home_after_the_verb_says_where_not_whom() -> None:
    counts = find_counts("3 people shot to death at home in Atlanta suburbs")
    assert [(c.value, c.category) for c in counts] == [(3.0, "killed")]
    assert find_counts("A man reportedly shot at officers.") == []


def test_a_headline_adverb_without_auxiliary_is_read_through() -> None:
    counts = find_counts("a man accidentally shot in Kennewick")
    assert casualty_summary(counts) == {"injured": 1.0}


def test_a_shooter_who_kills_himself_after_the_dead_is_one_more_dead() -> None:
    counts = find_counts("Two boys were killed, and their father committed suicide.")
    assert casualty_summary(counts) == {"killed": 3.0}
    assert casualty_summary(find_counts("He killed two children, then shot himself.")) == {"killed": 3.0}


def test_a_figure_of_one_does_not_hide_people_described_one_by_one() -> None:
    text = "Two men were killed and another man was critically injured. One person was taken to the hospital."
    assert casualty_summary(find_counts(text)) == {"killed": 2.0, "injured": 1.0}


def test_a_fatal_shooting_named_as_a_noun_is_one_dead() -> None:
    counts = find_counts("Her neighbour was charged on Monday in the fatal shooting of the cook.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_non_fatal_shooting_is_no_death() -> None:
    assert casualty_summary(find_counts("The man was charged in a non-fatal shooting of his cousin.")) == {}


def test_a_death_noun_does_not_add_to_the_dead_counted() -> None:
    counts = find_counts("Two men were killed in the deadly shooting at the depot.")
    assert casualty_summary(counts) == {"killed": 2}


def test_a_victim_shot_in_a_fatal_shooting_is_not_also_injured() -> None:
    text = "A woman was shot in the chest at her home. Her husband was charged in the shooting death on Tuesday."
    assert casualty_summary(find_counts(text)) == {"killed": 1}


def test_a_list_of_victims_is_one_count() -> None:
    counts = find_counts("Two customers and a clerk were wounded outside the store.")
    assert casualty_summary(counts) == {"injured": 3}


def test_the_objects_of_a_fatal_shooting_and_the_shooter_who_died() -> None:
    counts = find_counts("The driver fatally shot his brother and two sons before killing himself.")
    assert casualty_summary(counts) == {"killed": 4}


def test_a_subject_who_fatally_shoots_someone_is_not_dead() -> None:
    counts = find_counts("Investigators say a guard fatally shooting a clerk acted alone.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_headline_verb_with_a_person_object_is_the_shooters() -> None:
    assert casualty_summary(find_counts("Teen shot brother while cleaning rifle")) == {}


def test_shot_at_and_missed_is_no_casualty() -> None:
    assert casualty_summary(find_counts("The driver was shot at but no one was hurt.")) == {}


def test_shot_at_a_place_is_a_casualty() -> None:
    assert casualty_summary(find_counts("A woman was shot at a bus stop.")) == {"injured": 1}


def test_an_intent_to_kill_is_no_death() -> None:
    assert casualty_summary(find_counts("Prosecutors say he tried to kill another man.")) == {}


def test_a_shooter_who_killed_himself_was_not_among_those_he_shot() -> None:
    counts = find_counts("A man shot three neighbors, killing one, then himself.")
    assert casualty_summary(counts) == {"killed": 2, "injured": 2}


def test_a_person_and_others_is_one_more_than_the_others() -> None:
    counts = find_counts("She said her son and two others were wounded near the park.")
    assert casualty_summary(counts) == {"injured": 3}


@pytest.mark.parametrize(
    "text",
    [
        "The crash claimed the life of a local grocer.",
        "The hunter was found with a fatal gunshot wound.",
        "Rescuers said the body was found near the river.",
        "Officers are looking into the death of Mara Quill.",
        "A clerk fatally shot himself at the range.",
    ],
)
def test_more_words_for_one_death(text: str) -> None:
    assert casualty_summary(find_counts(text)) == {"killed": 1}


def test_a_body_camera_is_no_death() -> None:
    assert casualty_summary(find_counts("A body camera was found in the car.")) == {}


def test_a_shooting_after_a_determiner_is_a_noun() -> None:
    text = "Police said that in that shooting a 9-year-old found the gun in a closet."
    assert not [c for c in find_counts(text) if c.category == "shot"]


def test_a_possessive_after_killed_starts_its_object() -> None:
    counts = find_counts('Her mother screamed, "He killed my daughter," as officers arrived.')
    assert not [c for c in counts if c.category == "killed" and c.single and c.text.lower().startswith("he")]


def test_a_possessive_noun_is_not_the_person_hit() -> None:
    counts = find_counts("Police say the woman's 23-year-old boyfriend was also shot in the leg.")
    assert [(c.category, c.value) for c in counts] == [("shot", 1)]
    assert "boyfriend" in counts[0].text


def test_another_as_a_subject_is_one_more_person() -> None:
    counts = find_counts("One man died and another was wounded in the parking lot.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 1}


def test_a_spelled_out_age_is_one_person() -> None:
    counts = find_counts("The gunman wounded a six-year-old before he fled.")
    assert only(counts, "injured").value == 1


def test_a_name_after_an_age_without_hyphens_is_one_person() -> None:
    counts = find_counts("The coroner said 23 year old Ana Ruiz died at a hospital in the city.")
    assert only(counts, "killed").value == 1


@pytest.mark.parametrize(
    "text", ["A stray bullet went through a wall, grazing a child inside.", "A round grazed a man."]
)
def test_grazed_is_hit(text: str) -> None:
    assert casualty_summary(find_counts(text)) == {"injured": 1}


def test_a_hospital_name_with_an_ampersand_is_still_a_hospital() -> None:
    counts = find_counts("Another woman was rushed to Bay Scott & White Hospital in Temple.")
    assert only(counts, "hospitalized").value == 1


def test_the_victim_of_a_shooting_who_died() -> None:
    counts = find_counts("The victim of last week's shooting on Elm Street has died.")
    assert only(counts, "killed").value == 1


def test_everyone_taken_to_hospital_is_hurt_when_nobody_died() -> None:
    counts = find_counts(
        "A man was arrested for accidentally shooting his nephew. "
        "Both the boy and the man were taken to Mercy Hospital, police said."
    )
    assert casualty_summary(counts) == {"injured": 2}


def test_other_people_taken_to_hospital_beside_the_dead_are_hurt() -> None:
    counts = find_counts("A man was fatally wounded and at least eight other people were hospitalized on Sunday.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 8}


def test_shot_in_a_murder_suicide_is_a_death() -> None:
    counts = find_counts("A woman was shot in an apparent murder-suicide on Elm Street.")
    assert casualty_summary(counts) == {"killed": 1}


def test_this_one_is_a_pronoun() -> None:
    assert find_counts('"This one hurt, a lot," the coach said.') == []


def test_me_after_shot_is_its_object() -> None:
    counts = find_counts('"He hit me on the hand and he shot me," she said.')
    assert not [c for c in counts if c.text.lower().startswith("he")]


def test_people_wounded_in_a_murder_suicide_lived() -> None:
    counts = find_counts("Three dead, two wounded in an apparent murder-suicide on Oak Lane.")
    assert casualty_summary(counts) == {"killed": 3, "injured": 2}


@pytest.mark.parametrize(
    "sentence",
    [
        "Deputies said one shot was fired through the kitchen window.",
        "The clerk fired one shot before the robber ran off.",
        "Neighbors heard two shots around midnight.",
        "At least one shot rang out in the parking lot.",
    ],
)
def test_a_shot_fired_is_a_gunshot_not_a_person_shot(sentence: str) -> None:
    assert [c.category for c in find_counts(sentence)] == ["shots"]


def test_a_number_of_people_shot_is_still_read_beside_a_shot_fired() -> None:
    counts = find_counts("One shot was fired and two men were shot in the legs.")
    assert [(c.value, c.category) for c in counts] == [(1, "shots"), (2, "shot")]


def test_relative_clause_after_a_comma_tells_what_happened() -> None:
    count = only(find_counts("The boy, who suffered a graze wound, is not related to the driver."), "injured")
    assert (count.value, count.single) == (1, True)


def test_plural_relative_clause_is_read_for_the_list_not_the_last_person() -> None:
    counts = find_counts("Police found a woman and her 6-year-old son, who were shot in their car.")
    assert [(c.value, c.category, c.single) for c in counts] == [(2, "shot", False)]


def test_appositive_names_the_one_person_hit() -> None:
    count = only(find_counts("One of the teens, a 15-year-old boy, was grazed in the leg."), "shot")
    assert count.value == 1


def test_appositive_after_a_plural_number_is_not_its_toll() -> None:
    counts = find_counts("One of the five, a 30-year-old woman, died at the hospital.")
    assert [c.value for c in counts if c.category == "killed"] == [1]


def test_shot_and_died_is_one_death() -> None:
    count = only(find_counts("The suspect was shot by deputies and died at the scene."), "killed")
    assert (count.value, count.single) == (1, True)


def test_the_shooting_of_a_person_names_one_person_hit() -> None:
    count = only(find_counts("Deputies are investigating the accidental shooting of a 52-year-old hunter."), "shot")
    assert (count.value, count.single) == (1, True)


def test_the_shooting_of_a_list_names_each_person_hit() -> None:
    count = only(find_counts("Police are looking into the shooting of a woman and two men on Main Street."), "shot")
    assert count.value == 3


def test_a_fatal_shooting_of_a_person_is_a_death_not_a_wound() -> None:
    counts = find_counts("Police are investigating the fatal shooting of a 30-year-old man.")
    assert [(c.category, c.value) for c in counts] == [("killed", 1)]


def test_the_shooting_of_nobody_named_is_no_count() -> None:
    assert find_counts("The shooting of the film resumed on Monday.") == []


def test_a_headline_in_the_present_suffers_a_wound() -> None:
    count = only(find_counts("a man suffers gunshot wound in field accident"), "shot")
    assert (count.value, count.single) == (1, True)


def test_an_abbreviation_in_a_hospital_name_is_read_through() -> None:
    count = only(find_counts("The boy was flown to St. Mary Hospital in critical condition."), "hospitalized")
    assert count.value == 1


def test_a_number_in_a_station_name_does_not_take_the_next_figure_noun() -> None:
    counts = find_counts("Channel 11 News Two brothers, ages 11 and 16, were shot inside a home.")
    assert [(c.value, c.category) for c in counts] == [(2, "shot")]


def test_taken_to_hospital_with_injuries_is_hit() -> None:
    count = only(find_counts("Two men were taken to a hospital with non-life-threatening injuries."), "shot")
    assert count.value == 2


def test_taken_to_hospital_with_wounds_then_one_died_leaves_the_rest_hurt() -> None:
    counts = find_counts("All four victims were taken to Mercy Hospital with serious injuries. One of them died.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 3}


def test_taken_to_hospital_with_a_gunshot_wound_is_shot() -> None:
    count = only(find_counts("The woman was taken to the hospital by ambulance with a gunshot wound."), "shot")
    assert count.single


def test_a_medical_center_is_a_hospital() -> None:
    count = only(find_counts("The man was airlifted to Riverside Regional Medical Center."), "hospitalized")
    assert count.single


def test_the_one_who_drove_the_victim_to_hospital_is_not_hospitalized() -> None:
    assert find_counts("The father rushed the girl to Mercy Hospital.") == []


def test_taken_to_hospital_alone_is_hospitalized() -> None:
    assert only(find_counts("He was taken to a hospital, with officers close behind."), "hospitalized").value == 1


def test_another_after_a_figure_of_the_hurt_is_one_more() -> None:
    counts = find_counts("Two men were wounded in the leg, and another man suffered a graze wound.")
    assert [(c.value, c.category) for c in counts] == [(3, "injured")]


def test_another_person_killed_is_not_added_to_the_hurt() -> None:
    counts = find_counts("Two people were wounded and another was killed.")
    assert casualty_summary(counts) == {"killed": 1, "injured": 2}


def test_a_person_of_another_sex_or_age_after_a_figure_is_one_more() -> None:
    counts = find_counts("Two women were shot, and a 9-year-old boy was hit by a bullet fragment.")
    assert [(c.value, c.category) for c in counts] == [(3, "shot")]


def test_a_person_who_may_be_one_of_the_figure_is_not_added() -> None:
    counts = find_counts("Two people were shot and a man was hit in the leg.")
    assert casualty_summary(counts) == {"injured": 2}


def test_at_after_injured_says_where() -> None:
    count = only(find_counts("The brawl left six others injured at a nightclub on Main Street."), "injured")
    assert count.value == 6
