"""Fuzzing the cleaners and extractors: no crash, no fact outside its body (issue 8).

A short run of benchmarks/fuzz.py per target in CI; the long run (figures in
docs/reliability.md) is ``benchmarks/fuzz.py --examples 2000``.
"""

from __future__ import annotations

import sys
import time

import pytest

from storyline.model import Article
from tests.conftest import ROOT
from tests.reliability.conftest import needs_pipeline

sys.path.insert(0, str(ROOT / "benchmarks"))
fuzz = pytest.importorskip("fuzz")

CI_EXAMPLES = 40  # per target: about 30 s for all targets on the 2-core dev machine
TARGETS = [t.name for t in fuzz.all_targets(accurate=True)]


@needs_pipeline
@pytest.mark.parametrize("name", TARGETS)
def test_target_survives_fuzzed_input(name: str) -> None:
    (target,) = [t for t in fuzz.all_targets(accurate=True) if t.name == name]
    result = fuzz.Result()
    fuzz.fuzz_target(target, CI_EXAMPLES, result, hang_s=30.0, seed=0)
    failures = [f"{f.kind} {f.error} at {f.where}: {f.shortest!r:.200}" for f in result.failures.values()]
    assert failures == []


@pytest.mark.slow
def test_long_fuzz_run_finds_no_crash() -> None:
    result = fuzz.Result()
    for target in fuzz.all_targets(accurate=True):
        fuzz.fuzz_target(target, 500, result, hang_s=30.0, seed=1)
    assert result.total("crash") == 0 and result.total("violation") == 0


def test_entities_of_a_long_punctuation_run_take_under_two_seconds() -> None:
    from storyline.config import ExtractConfig
    from storyline.extract.stage import Extractor

    extractor = Extractor(ExtractConfig(mode="accurate"))
    extractor.process(Article(id="warm", body="Two people were hurt in Kyiv, police said."))
    body = "Two people were hurt in Kyiv, police said.\n" + "=" * 3_000 + "\nMore text follows here."
    started = time.process_time()  # CPU time: other jobs on a shared machine do not count
    extractor.process(Article(id="divider", body=body))
    assert time.process_time() - started < 2.0
