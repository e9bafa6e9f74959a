"""Quotes and attributions: rules on short sentences written for these tests, and the dev-set gate."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from storyline.errors import StorylineError
from storyline.extract.nlp import load_spacy
from storyline.extract.quotes import Mode, find_article_quotes, find_quotes
from storyline.extract.quotes_cues import has_cue, quote_spans
from storyline.extract.quotes_names import build_index, split_title
from tests.extract.conftest import by_content

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", ROOT.parent / "shared" / "eval"))

nlp = load_spacy()
needs_model = pytest.mark.skipif(nlp is None, reason="no spaCy English model installed")


@pytest.fixture(params=["fast", "accurate"])
def mode(request: pytest.FixtureRequest) -> Mode:
    """Every behaviour holds in both modes; the accurate one needs the spaCy model."""
    if request.param == "accurate" and nlp is None:
        pytest.skip("no spaCy English model installed")
    return cast(Mode, request.param)


def test_quote_spans_finds_curly_straight_and_doubled_apostrophes() -> None:
    text = "He said “we will win this” and ''they will lose it'' and \"nobody knows why\"."
    assert [text[s:e] for s, e in quote_spans(text)] == [
        "“we will win this”",
        "''they will lose it''",
        '"nobody knows why"',
    ]


def test_has_cue_only_for_sentences_worth_parsing() -> None:
    assert has_cue("The mayor said the bridge would reopen.")
    assert not has_cue("The bridge reopened on Monday.")


def test_split_title_keeps_title_apart_from_the_name() -> None:
    assert split_title(["Deputy", "Minister", "Lena", "Varga"]) == ("Deputy Minister", ["Lena", "Varga"], None)
    assert split_title(["Mrs.", "Varga"]) == (None, ["Varga"], "f")


def test_name_index_gives_the_fullest_form_of_a_surname() -> None:
    index = build_index("Interior Minister Tomas Brandt arrived. Later Brandt spoke.")
    full = index.fullest(("Brandt",), 45)
    assert full is not None and full.name == ("Tomas", "Brandt") and full.title == "Interior Minister"


def test_pronoun_before_a_quote_resolves_to_the_person_named_before(mode: Mode) -> None:
    text = (
        "On Monday, Interior Minister Tomas Brandt visited the flooded towns. "
        "He called the relief effort “a test of our solidarity in a hard season.”"
    )
    a = by_content(find_quotes(text, nlp, mode=mode), "test of our solidarity")
    assert a.speaker == "Tomas Brandt" and a.direct and a.title == "Interior Minister"
    assert text[a.speaker_start : a.speaker_end] == "He"


def test_the_minister_resolves_to_the_titled_person(mode: Mode) -> None:
    text = (
        "Finance Minister Lena Varga presented the budget on Friday. "
        "The minister described the plan as “a bridge to a calmer economy.”"
    )
    a = by_content(find_quotes(text, nlp, mode=mode), "bridge to a calmer economy")
    assert a.speaker == "Lena Varga"


def test_surname_resolves_to_full_name_in_indirect_speech(mode: Mode) -> None:
    text = "Mayor Olga Petrenko opened the school. Petrenko said that the town would hire ten teachers."
    a = by_content(find_quotes(text, nlp, mode=mode), "hire ten teachers")
    assert a.speaker == "Olga Petrenko" and a.cue == "said" and not a.direct


def test_content_before_the_cue(mode: Mode) -> None:
    text = "The reservoir is almost empty, the water board said on Tuesday."
    a = by_content(find_quotes(text, nlp, mode=mode), "reservoir is almost empty")
    assert a.speaker is not None and "water board" in a.speaker


def test_according_to(mode: Mode) -> None:
    text = "According to the regional health office, twelve clinics closed last year."
    a = by_content(find_quotes(text, nlp, mode=mode), "twelve clinics closed")
    assert a.cue.lower() == "according to" and a.speaker == "regional health office"


def test_told_with_listener(mode: Mode) -> None:
    text = "Coach Rita Moll told reporters that the team would play without its captain."
    a = by_content(find_quotes(text, nlp, mode=mode), "play without its captain")
    assert a.speaker == "Rita Moll" and "reporters" not in a.content


def test_offsets_point_into_the_text(mode: Mode) -> None:
    text = "“We are ready for the vote,” said Senator Ada Kim. “Nobody will stop us now.”"
    for a in find_quotes(text, nlp, mode=mode):
        for s, e in a.parts:
            assert text[s:e] in a.content
        assert a.cue == text[a.cue_start : a.cue_end]


def test_empty_text_has_no_quotes() -> None:
    assert find_quotes("   ") == []


def test_unknown_mode_is_refused() -> None:
    with pytest.raises(StorylineError):
        find_quotes("The mayor said the bridge would reopen.", mode="slow")  # type: ignore[arg-type]


def test_fast_mode_needs_no_model() -> None:
    a = by_content(find_quotes("Officials said on Tuesday that the bridge would reopen soon.", None), "reopen")
    assert a.speaker == "Officials" and a.cue == "said"


def test_seed_shape_quote_with_verb_outside_the_lexicon(mode: Mode) -> None:
    text = (
        "On May 4, Transport Minister Ilse Vogt praised the new rail link. "
        "She termed the opening a “turning point for every small town along the valley.”"
    )
    a = by_content(find_quotes(text, nlp, mode=mode), "turning point")
    assert a.speaker == "Ilse Vogt" and a.direct


def test_seed_shape_the_minister_called_it(mode: Mode) -> None:
    text = (
        "The council approved the plan, Transport Minister Ilse Vogt said on May 4. "
        "The minister called the vote “a turning point for every small town along the valley.”"
    )
    found = find_quotes(text, nlp, mode=mode)
    assert by_content(found, "turning point").speaker == "Ilse Vogt"
    assert by_content(found, "council approved the plan").speaker == "Ilse Vogt"


def test_content_before_the_speaker_and_a_platform() -> None:
    text = "The new bridge will open in the spring, Mayor Ann Vos said on X (formerly Twitter)."
    a = by_content(find_quotes(text), "bridge will open")
    assert a.speaker == "Ann Vos" and "Twitter" not in a.content


def test_scare_quotes_without_a_cue_are_not_speech() -> None:
    assert find_quotes("The senator earned his “political revolution” at home.") == []


def test_inverted_speaker_after_the_quote(mode: Mode) -> None:
    text = "“The plan will not survive the winter,” said Senator Ada Kim, a member of the budget panel."
    a = by_content(find_quotes(text, nlp, mode=mode), "survive the winter")
    assert a.speaker == "Ada Kim" and "budget panel" not in a.content


def test_every_attribution_has_a_speaker(mode: Mode) -> None:
    text = "“We will not give up,” they said. It said the talks would resume in June."
    assert all(a.speaker for a in find_quotes(text, nlp, mode=mode))


# quotes-dev (PolNeAR, 924 articles), `benchmarks/eval_quotes.py --halves` full run in the default fast mode
# (rules + cue model + attribution judge, both trained on half A): content token F1 0.8214, source F1 0.7514
# after the round-3 assembly rules (new clauses split, contained and trailing-into-a-speaker contents; was
# 0.814 / 0.732 with the judge, 0.808 / 0.721 before it; rules alone now 0.794 / 0.692; v1 with the parser:
# 0.745 / 0.619); 0.8221 / 0.7533 with title-case headlines ("X Says Y"); 0.8280 / 0.7582 with the fifth session's
# rules (passages after "X writes:", message senders, "told" never inverted, ...); 0.8287 / 0.7603 with the sixth
# session's ("in the polls", compound nouns, "referring to", time words as speakers, ...); 0.8311 / 0.7620 with the
# seventh's ("Name: “…”" asides, hometowns never the speaker, "asked by", ...). Floors sit just below;
# do not lower them silently. The held-out half B gate is in
# test_quotes_model.py.
CONTENT_F1_FLOOR = 0.829
SOURCE_F1_FLOOR = 0.760


@pytest.mark.slow
@needs_model
def test_eval_gate_on_quotes_dev(tmp_path: Path) -> None:
    if not (EVAL_DIR / "data" / "quotes-dev.gold.jsonl.gz").exists():
        pytest.skip("quotes-dev is not present (STORYLINE_EVAL_DIR)")
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "eval_quotes.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    figures = {}
    for line in run.stdout.splitlines():
        if line.startswith("content token overlap"):
            figures["content"] = float(line.rsplit("F1", 1)[1])
        elif line.startswith("source F1"):
            figures["source"] = float(line.split()[2])
    assert figures["content"] >= CONTENT_F1_FLOOR, run.stdout
    assert figures["source"] >= SOURCE_F1_FLOOR, run.stdout


def test_inverted_speaker_may_open_in_lower_case() -> None:
    found = find_quotes("“The new bridge will never pay for itself,” said former state senator Jane Doe.", mode="rules")
    assert [a.speaker for a in found] == ["Jane Doe"]


def test_inverted_speaker_may_be_followed_by_the_venue() -> None:
    text = "“The new bridge will never pay for itself,” said Mayor Tom Reyes in a statement."
    found = find_quotes(text, mode="rules")
    assert [a.speaker for a in found] == ["Tom Reyes"]


def test_trailing_speaker_stays_on_the_quote_line() -> None:
    text = (
        "Reyes spoke at the opening.\n\n“We built this bridge for everyone who crosses it.”\n\n"
        "Downtown traffic returns\n"
    )
    assert all(a.speaker != "Downtown traffic" for a in find_quotes(text, mode="rules"))


def test_a_capitalised_name_ending_in_ly_is_not_an_adverb() -> None:
    found = find_quotes("Kelly said the bridge would reopen in May.", mode="rules")
    assert [(a.speaker, a.cue) for a in found] == [("Kelly", "said")]


def test_a_quote_may_close_with_the_other_kind_of_mark() -> None:
    text = '“The bridge will reopen. We are sure of it," Mayor Ann Vos said.'
    found = find_quotes(text, mode="rules")
    assert [a.speaker for a in found] == ["Ann Vos"] and "bridge will reopen" in found[0].content


def test_a_quoted_question_keeps_the_speaker_after_it() -> None:
    text = "“Why would anyone close the bridge?” Vos said about the council’s plan for the river."
    a = by_content(find_quotes(text, mode="rules"), "close the bridge")
    assert a.speaker == "Vos" and a.direct


def test_an_inverted_speaker_may_run_on_into_a_modifier() -> None:
    text = "“We have a lot of work to do,” said a longtime adviser to the mayor, who asked not to be named."
    a = by_content(find_quotes(text, mode="rules"), "lot of work")
    assert a.speaker is not None and "adviser" in a.speaker


def test_a_participle_after_a_quote_is_its_own_attribution() -> None:
    text = "Vos said, “We will change how we do it,” promising the council will return to its roots."
    found = find_quotes(text, mode="rules")
    assert [(a.speaker, a.cue) for a in found] == [("Vos", "said"), ("Vos", "promising")]
    assert "roots" not in found[0].content


def test_an_adverb_before_a_participle_ends_the_clause() -> None:
    text = "“We were never part of that,” Vos said, instead seeking to talk about the bridge."
    found = find_quotes(text, mode="rules")
    assert [(a.speaker, a.cue) for a in found] == [("Vos", "said"), ("Vos", "seeking")]
    assert "never part" in found[0].content


def test_an_appositive_may_join_two_descriptions() -> None:
    text = "“It was the right call,” Ann Vos, a local engineer and former council member, said of the plan."
    a = by_content(find_quotes(text, mode="rules"), "right call")
    assert a.speaker == "Ann Vos"


def test_an_appositive_opening_in_lower_case_may_join_two_descriptions() -> None:
    text = "“It was the right call,” Ann Vos, director of the bridge trust and a former engineer, said."
    a = by_content(find_quotes(text, mode="rules"), "right call")
    assert a.speaker == "Ann Vos"


def test_what_follows_the_cue_after_a_closed_quote_is_not_content() -> None:
    text = "Still, the farm is “barely breaking even,” Mr. Odell said from his barn near Lyle."
    a = by_content(find_quotes(text, mode="rules"), "breaking even")
    assert a.speaker == "Odell" and "barn" not in a.content


def test_a_paragraph_ending_in_a_colon_introduces_the_next_one() -> None:
    text = "The review was harsh.\n\nColumnist Lena Marsh writes:\n\nThe play never finds its footing in act two."
    a = by_content(find_quotes(text), "never finds its footing")
    assert a.speaker == "Lena Marsh" and a.cue == "writes"


def test_a_colon_after_a_sentence_with_its_own_content_opens_no_passage() -> None:
    text = "As the mayor praised the new budget for its schools, the council turned to the roads:\n\nMain Street first."
    assert all("Main Street" not in a.content for a in find_quotes(text))


def test_a_message_saying_something_is_its_senders_speech() -> None:
    text = "The city council released a statement Tuesday saying the bridge is safe."
    a = by_content(find_quotes(text, mode="rules"), "bridge is safe")
    assert a.speaker == "city council" and a.cue.startswith("released")


def test_a_verb_ends_the_subject_that_opens_the_sentence() -> None:
    text = "Both senators stiffened their stance toward Governor Ann Lee, saying it would cost too much."
    a = by_content(find_quotes(text, mode="rules"), "cost too much")
    assert a.speaker == "Both senators"


def test_a_description_after_a_name_is_not_the_subject_of_a_participle() -> None:
    text = "Vos was blunt about her rival Tom Reyes, the current council leader, saying the town needs a new road."
    a = by_content(find_quotes(text, mode="rules"), "needs a new road")
    assert a.speaker == "Vos"


def test_told_is_never_inverted_so_what_follows_it_is_the_listener() -> None:
    text = "“The dam will hold,” Ann Vos, the county engineer and a former mayor, told the Ledger."
    a = by_content(find_quotes(text, mode="rules"), "dam will hold")
    assert a.speaker == "Ann Vos"


def test_a_question_closing_a_nested_quote_joins_the_speaker_after_it() -> None:
    text = "“She asked, ‘What can we do to help?’” Vos told reporters during the call."
    a = by_content(find_quotes(text, mode="rules"), "What can we do")
    assert a.speaker == "Vos" and "reporters" not in a.content


def test_an_office_named_with_of_is_part_of_the_title() -> None:
    text = "Secretary of State Ann Vos arrived. “We will talk,” Vos said."
    a = by_content(find_quotes(text), "We will talk")
    assert a.speaker == "Ann Vos" and a.title == "Secretary of State"


def test_a_role_of_an_office_is_no_name() -> None:
    a = by_content(find_quotes("“We will talk,” the former secretary of State said."), "We will talk")
    assert a.speaker == "former secretary of State"


def test_the_place_after_a_name_is_not_the_speaker() -> None:
    a = by_content(find_quotes("“We will talk,” said Representative Tom L. Reyes of New Mexico."), "We will talk")
    assert a.speaker == "Tom L. Reyes"


def test_a_spokesman_for_someone_is_not_that_person() -> None:
    text = "Ann Vos spoke first. “No comment,” a spokesman for Mayor Ann Vos told the Ledger."
    a = by_content(find_quotes(text), "No comment")
    assert a.speaker == "spokesman for Mayor Ann Vos"


def test_the_model_takes_no_speaker_from_inside_a_quotation() -> None:
    text = "“I think it is coming,” said a strategist for one of these candidates, speaking on condition of anonymity."
    assert all(a.speaker != "I" for a in find_quotes(text))


def test_a_headline_speaker_takes_the_fullest_name_the_body_gives() -> None:
    title = "Okafor: 'The bridge will reopen before winter.'"
    body = "Mayor Grace Okafor told residents on Monday that repairs were ahead of schedule."
    in_title, _ = find_article_quotes(title, body)
    (a,) = in_title
    assert a.speaker == "Grace Okafor"
    assert title[a.content_start : a.content_end] == "'The bridge will reopen before winter.'"
    assert title[a.speaker_start : a.speaker_end] == "Okafor"


def test_reading_a_headline_leaves_the_body_attributions_as_they_were() -> None:
    title = "Governor Says Flood Defences Held"
    body = 'Water levels fell overnight, officials said. "We were lucky," Governor Ann Vos told reporters.'
    in_title, in_body = find_article_quotes(title, body)
    assert [(a.speaker, a.cue, a.content) for a in in_title] == [("Governor", "Says", "Flood Defences Held")]
    assert [(a.speaker, a.content, a.content_start, a.cue_start) for a in in_body] == [
        (a.speaker, a.content, a.content_start, a.cue_start) for a in find_quotes(body)
    ]
    for a in in_body:
        assert body[a.content_start : a.content_end] == a.content
        assert body[a.cue_start : a.cue_end] == a.cue


def test_without_a_title_only_the_body_is_read() -> None:
    body = "Water levels fell overnight, officials said."
    assert find_article_quotes(None, body) == ([], find_quotes(body))
    assert find_article_quotes("  ", body)[0] == []


def test_a_source_poll_is_named_but_the_polls_in_general_are_not() -> None:
    (a,) = find_quotes("The mayor leads by nine points in the latest Courier poll of the city.", mode="rules")
    assert a.speaker == "latest Courier poll"
    assert find_quotes("A string of gaffes has handed the mayor a wide lead in the polls.", mode="rules") == []
    assert find_quotes("Voters in Eastbrook head to the polls on Tuesday to pick a mayor.", mode="rules") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared on a Sunday talk show with her rival.",
        "The campaign made phone calls to every voter in the ward.",
        "Most workers buy private health insurance plans from their employers.",
        "She worked for years at a liberal think tank in the capital.",
        "The office did not return calls and emails seeking comment.",
    ],
)
def test_a_cue_word_heading_a_noun_is_no_attribution(text: str) -> None:
    assert find_quotes(text) == []


def test_the_same_cue_words_as_verbs_still_attribute() -> None:
    assert by_content(find_quotes("Polls show the mayor ahead in every ward."), "the mayor ahead").speaker == "Polls"
    assert by_content(find_quotes("The mayor calls the plan a failure."), "the plan a failure").speaker == "mayor"


def test_a_gerund_after_the_cue_leaves_the_content_before_it() -> None:
    text = "Most residents opposed the toll, Councillor Ana Berg said in closing the debate."
    a = by_content(find_quotes(text, mode="rules"), "opposed the toll")
    assert (a.speaker or "").endswith("Ana Berg") and "closing" not in a.content


def test_a_video_message_is_where_it_was_said_not_what() -> None:
    text = "The bridge will reopen in May, the mayor said in a video message to the council."
    a = by_content(find_quotes(text, mode="rules"), "The bridge will reopen in May")
    assert a.speaker == "mayor" and "message" not in a.content


def test_the_president_is_not_the_vice_president() -> None:
    text = (
        "President Ana Vos met Vice President Tom Reyes on Monday. "
        '"We will win," the vice president said. "I agree," the president said.'
    )
    found = find_quotes(text)
    assert by_content(found, "We will win").speaker == "Tom Reyes"
    assert by_content(found, "I agree").speaker == "Ana Vos"


def test_referring_to_attributes_what_is_referred_to() -> None:
    found = find_quotes("The mayor called it a costly mistake, referring to the new toll on the bridge.", mode="rules")
    a = by_content(found, "the new toll on the bridge")
    assert a.speaker == "mayor" and a.cue == "referring"
    assert "costly mistake" not in a.content
