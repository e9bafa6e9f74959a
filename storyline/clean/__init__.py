"""clean stage: article body and metadata from raw page text or HTML.

Public API: ``Cleaner`` (observe a batch, then clean each article) and ``TemplateMemory``
(per-outlet line statistics, persisted by the store as bytes).
"""

from storyline.clean.cleaner import Cleaner
from storyline.clean.template import TemplateMemory

__all__ = ["Cleaner", "TemplateMemory"]
