"""The attribution judge's proposals (quotes_attr) and how find_quotes uses the judge."""

from __future__ import annotations

from storyline.extract.quotes import find_quotes
from storyline.extract.quotes_attr import Proposal, judge_features, propose
from storyline.extract.quotes_features import subject_side
from storyline.extract.quotes_model import CueModel, load_judge
from storyline.extract.quotes_words import tokens
from storyline.extract.sentences import Sentence


def _propose(text: str, cue: str) -> Proposal | None:
    sent = Sentence(0, len(text), text)
    toks = tokens(text)
    i = next(k for k, t in enumerate(toks) if t.low == cue)
    return propose(sent, toks, i, subject_side(text, toks, i))


def _speaker(text: str, p: Proposal | None) -> str:
    assert p is not None and p.hit.speaker is not None
    return text[p.hit.speaker[0] : p.hit.speaker[1]]


def test_passive_cue_takes_its_agent_after_by() -> None:
    text = "The closure of the plant was confirmed by the city council on Monday."
    p = _propose(text, "confirmed")
    assert p is not None and p.how == "agent-by"
    assert _speaker(text, p).startswith("the city council")
    assert p.content_side == "lead"


def test_noun_cue_takes_its_source_after_from() -> None:
    text = "The budget has drawn criticism from local farmers across the valley."
    p = _propose(text, "criticism")
    assert p is not None and p.how == "agent-from"
    assert _speaker(text, p).startswith("local farmers")


def test_lower_case_plural_subject_is_proposed() -> None:
    text = "Economists estimate the new plant will cost twice as much as planned."
    p = _propose(text, "estimate")
    assert p is not None and p.how == "np"
    assert _speaker(text, p) == "Economists"
    assert p.content_side == "after"


def test_relative_pronoun_points_back_to_the_noun() -> None:
    text = "She hired a lawyer who argued that the new fee was illegal."
    p = _propose(text, "argued")
    assert p is not None and p.how == "rel"
    assert _speaker(text, p).endswith("lawyer")


def test_judge_features_name_the_strategy_and_speaker_shape() -> None:
    text = "Economists estimate the new plant will cost twice as much as planned."
    p = _propose(text, "estimate")
    assert p is not None
    feats = judge_features(p, 0.45, "estimate", strict=False, busy=False)
    assert {"how=np", "shape=low", "cp>=4", "l=estimate"} <= set(feats)
    assert "cp>=5" not in feats


def test_a_judge_that_rejects_everything_leaves_the_rules() -> None:
    cue = CueModel({"w=harrumphed": 10.0}, -5.0, 0.5)
    never = CueModel({}, -20.0, 0.5)
    text = "Senator Jane Doe has harrumphed against the new tariffs on steel imports for months."
    assert find_quotes(text, cue_model=cue, judge=never) == []


def test_a_judge_that_accepts_keeps_the_cue_models_attribution() -> None:
    cue = CueModel({"w=harrumphed": 10.0}, -5.0, 0.5)
    always = CueModel({}, 20.0, 0.5)
    text = "Local farmers have harrumphed against the new tariffs on steel imports for months."
    found = find_quotes(text, cue_model=cue, judge=always)
    assert [(a.speaker, a.cue) for a in found] == [("Local farmers", "harrumphed")]


def test_bundled_judge_is_installed() -> None:
    judge = load_judge()
    assert judge is not None and 0.0 < judge.threshold < 1.0
