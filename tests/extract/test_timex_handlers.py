"""The rule table of timex_handlers: one handler for every rule of timex_rules."""

from __future__ import annotations

from storyline.extract.timex_dates import DATE_HANDLERS
from storyline.extract.timex_durations import DURATION_HANDLERS
from storyline.extract.timex_handlers import HANDLERS
from storyline.extract.timex_quarters import QUARTER_HANDLERS
from storyline.extract.timex_relative import RELATIVE_HANDLERS
from storyline.extract.timex_rules import RULES


def test_every_rule_has_a_handler_and_every_handler_a_rule() -> None:
    assert {rule.name for rule in RULES} == set(HANDLERS)


def test_no_rule_is_handled_in_two_modules() -> None:
    tables = [DATE_HANDLERS, QUARTER_HANDLERS, RELATIVE_HANDLERS, DURATION_HANDLERS]
    assert sum(len(t) for t in tables) == len(HANDLERS)
