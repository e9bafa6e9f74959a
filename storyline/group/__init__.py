"""group stage: near-duplicates and story clustering.

``Grouper`` places each article, in publication order, into a story (``story_id``) and marks
near-copies (``duplicate_of``); ``take_merges`` reports stories joined by a bridging article.
"""

from storyline.group.grouper import Grouper, GroupStateError

__all__ = ["GroupStateError", "Grouper"]
