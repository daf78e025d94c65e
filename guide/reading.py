"""Where a reader has been: recently read articles and the place reached in each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

RECENT_LIMIT = 20
"""How many recently read articles are listed."""
PLACES_LIMIT = 200
"""How many articles' reading places are kept (the oldest go first)."""


@dataclass(frozen=True)
class ReadingPlace:
    """A place in an article that survives a change of text size or window width.

    ``anchor`` names the heading at or above the place ("" for the start of the page), and
    ``offset`` counts the characters from that heading to the first one on screen.
    """

    anchor: str
    offset: int


def with_recent(recent: Sequence[str], article_id: str, limit: int = RECENT_LIMIT) -> list[str]:
    """``recent`` (newest first) after reading ``article_id``: it moves to the front."""
    return [article_id, *(item for item in recent if item != article_id)][:limit]
