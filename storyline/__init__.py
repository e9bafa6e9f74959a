"""storyline: news pages from many outlets into stories with reconciled, sourced facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Storyline", "__version__"]

if TYPE_CHECKING:
    from storyline.app import Storyline


def __getattr__(name: str) -> Any:
    # imported on first use: the pipeline pulls in spaCy, which `storyline --help` does not need
    if name == "Storyline":
        from storyline.app import Storyline

        return Storyline
    raise AttributeError(name)
