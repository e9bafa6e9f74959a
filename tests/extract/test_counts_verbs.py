"""The casualty verb phrase after a subject (``counts_verbs``): wounds suffered, taken to a hospital, an active verb
with its object, shot at. Sentences written for these tests.
"""

from __future__ import annotations

from storyline.extract.counts import casualty_summary, find_counts
from tests.extract.conftest import only


def test_people_suffering_from_gunshot_wounds_were_shot() -> None:
    counts = find_counts("Officers found two men suffering from gunshot wounds.")
    assert [(c.value, c.category) for c in counts] == [(2.0, "shot")]


def test_at_home_after_the_verb_says_where_not_whom() -> None:
    counts = find_counts("3 people shot to death at home in Atlanta suburbs")
    assert [(c.value, c.category) for c in counts] == [(3.0, "killed")]
    assert find_counts("A man reportedly shot at officers.") == []


def test_a_subject_who_fatally_shoots_someone_is_not_dead() -> None:
    counts = find_counts("Investigators say a guard fatally shooting a clerk acted alone.")
    assert casualty_summary(counts) == {"killed": 1}


def test_a_headline_verb_with_a_person_object_is_the_shooters() -> None:
    assert casualty_summary(find_counts("Teen shot brother while cleaning rifle")) == {}


def test_shot_at_and_missed_is_no_casualty() -> None:
    assert casualty_summary(find_counts("The driver was shot at but no one was hurt.")) == {}


def test_shot_at_a_place_is_a_casualty() -> None:
    assert casualty_summary(find_counts("A woman was shot at a bus stop.")) == {"injured": 1}


def test_a_possessive_after_killed_starts_its_object() -> None:
    counts = find_counts('Her mother screamed, "He killed my daughter," as officers arrived.')
    assert not [c for c in counts if c.category == "killed" and c.single and c.text.lower().startswith("he")]


def test_a_hospital_name_with_an_ampersand_is_still_a_hospital() -> None:
    counts = find_counts("Another woman was rushed to Bay Scott & White Hospital in Temple.")
    assert only(counts, "hospitalized").value == 1


def test_me_after_shot_is_its_object() -> None:
    counts = find_counts('"He hit me on the hand and he shot me," she said.')
    assert not [c for c in counts if c.text.lower().startswith("he")]


def test_a_headline_in_the_present_suffers_a_wound() -> None:
    count = only(find_counts("a man suffers gunshot wound in field accident"), "shot")
    assert (count.value, count.single) == (1, True)


def test_an_abbreviation_in_a_hospital_name_is_read_through() -> None:
    count = only(find_counts("The boy was flown to St. Mary Hospital in critical condition."), "hospitalized")
    assert count.value == 1


def test_people_who_went_to_a_hospital_themselves_are_hospitalized_not_visitors() -> None:
    assert only(find_counts("Two men later drove themselves to a hospital."), "hospitalized").value == 2
    assert only(find_counts("Three victims showed up at a local hospital."), "hospitalized").value == 3
    assert only(find_counts("Two men went to the hospital with gunshot wounds."), "shot").value == 2
    assert not [c for c in find_counts("His mother went to the hospital to see him.") if c.category == "hospitalized"]


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


def test_at_after_injured_says_where() -> None:
    count = only(find_counts("The brawl left six others injured at a nightclub on Main Street."), "injured")
    assert count.value == 6


def test_active_shooter_is_not_a_victim() -> None:
    assert casualty_summary(find_counts("Police said he shot the clerk twice.")) == {"injured": 1}
    assert casualty_summary(find_counts("The man who killed the clerk fled on foot.")) == {"killed": 1}
