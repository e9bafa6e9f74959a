"""Eval gate: story-level tolls, event date, place and counting questions on gva-dev.

Runs ``benchmarks/eval_gva.py --stories rules`` in-process (the feed text as body, the extract rules,
the gold clusters as stories; about 1-3 minutes), so it measures extraction and reconciliation, not cleaning
or clustering. Floors sit just below the measured figures; raise them when the figures rise, never
lower them silently.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = Path(os.environ.get("STORYLINE_EVAL_DIR", REPO.parent / "shared" / "eval"))
DATA = EVAL_DIR / "data"

# measured with `python benchmarks/eval_gva.py --stories rules` at commit 03d2454 (all 1,009 incidents, 313 questions);
# event date, city, region and questions again after this session's place and event-day rules (see git log)
FLOORS = {
    "killed": 0.908,  # measured 0.9098 (this session's counts branch, --stories rules; 0.9019 at f199189)
    "injured": 0.856,  # measured 0.8583 (eighth session, "sent to the hospital"; 0.8573 on the counts branch)
    "event_date": 0.855,  # measured 0.8573
    # measured 0.8503 at the eighth session's end (0.8494 at the merge of outlet homes and the places3 branch, 0.8385
    # with outlet homes alone, 0.8315 on the seventh session's city2 branch, 0.8196 at cd3bc8a)
    "city": 0.848,
    "region": 0.906,  # measured 0.9088 (same run; 0.8999 with outlet homes, 0.8930 on city2, 0.8771 before)
    # measured 0.7444 at cd3bc8a (0.7316 at the fifth session's end, when the floor was lowered from 0.735 on purpose:
    # right cities made stories count in city questions whose gold leaves out a same-city, same-month story)
    # 0.7476 on the seventh session's city2 branch, 0.7540 with outlet homes, 0.7668 at the eighth session's merge
    "questions": 0.764,
}


@pytest.mark.skipif(not (DATA / "gva-dev.jsonl.gz").exists(), reason="no gva-dev data")
@pytest.mark.slow
def test_gva_dev_story_figures_stay_above_their_floors(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from eval_gva import figures, gold_answers, rules_export

    export = rules_export(DATA, tmp_path)
    answers = gold_answers(DATA, export, tmp_path)
    measured = figures(DATA, tmp_path, export, answers)["all"]
    low = {k: round(measured[k], 4) for k, floor in FLOORS.items() if measured[k] < floor}
    assert not low, f"below the floor: {low}"
