"""Outlet names from URL hosts: a small documented table, else the host's main label.

``storyline/data/clean/outlets.json`` maps registrable domains to the name the outlet uses for
itself. It is generic data (large international outlets and wires), not a list of the dev sets'
sites; extend it freely. A host missing from it gives its main label ("kyivindependent.com" ->
"Kyivindependent"), which ``textmeta`` first tries to find spelled out on the page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    text = resources.files("storyline").joinpath("data/clean/outlets.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {str(k).lower(): str(v) for k, v in data.items() if not str(k).startswith("_")}


def registrable(host: str) -> str:
    """``www.bbc.co.uk`` -> ``bbc.co.uk``; ``edition.cnn.com`` -> ``cnn.com`` (no public-suffix list)."""
    labels = host.lower().strip(".").removeprefix("www.").split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def outlet_from_host(host: str | None) -> str | None:
    if not host:
        return None
    domain = registrable(host)
    table = _table()
    if domain in table:
        return table[domain]
    label = domain.split(".")[0]
    return label.capitalize() if label else None
