from __future__ import annotations

from storyline.extract.sentences import sentence_at, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_titles_and_months_do_not_end_sentences() -> None:
    text = "Gov. Ann Lee spoke on Jan. 4 in St. Paul. Then she left."
    assert _texts(text) == ["Gov. Ann Lee spoke on Jan. 4 in St. Paul.", "Then she left."]


def test_initials_stay_inside_a_name() -> None:
    assert _texts("John F. Kennedy arrived. Crowds cheered.") == ["John F. Kennedy arrived.", "Crowds cheered."]


def test_quote_after_a_single_letter_starts_a_sentence() -> None:
    assert _texts("She wrote on X. “We will rebuild,” she added.") == [
        "She wrote on X.",
        "“We will rebuild,” she added.",
    ]


def test_paragraph_break_ends_a_sentence_without_a_period() -> None:
    assert _texts("A headline\n\nThe body starts here.") == ["A headline", "The body starts here."]


def test_offsets_point_into_the_text() -> None:
    text = "  First one.  Second one!  "
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert sentence_at(split_sentences(text), text.index("Second")).text == "Second one!"  # type: ignore[union-attr]
