"""One function per rule of ``timex_rules``: a match and its context in, (type, value) or None out.

``HANDLERS`` maps each rule to its handler: calendar dates in ``timex_dates``, quarters and report periods in
``timex_quarters``, times counted from the document date in ``timex_relative``, durations and sets in
``timex_durations``. The ambiguous choices are listed in ``timex_resolve``'s docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from storyline.extract.timex_dates import DATE_HANDLERS
from storyline.extract.timex_durations import DURATION_HANDLERS
from storyline.extract.timex_quarters import QUARTER_HANDLERS
from storyline.extract.timex_relative import RELATIVE_HANDLERS
from storyline.extract.timex_resolve import Context, Resolved

Handler = Callable[[re.Match[str], Context], Resolved | None]

HANDLERS: dict[str, Handler] = {**DATE_HANDLERS, **QUARTER_HANDLERS, **RELATIVE_HANDLERS, **DURATION_HANDLERS}
