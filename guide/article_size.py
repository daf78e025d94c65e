"""How big an article may be: where the checker warns, and how much of a huge one is shown.

Reading Markdown and laying out the page both grow with an article's length; a 5 MB
article pasted from elsewhere would hold the window for a minute or more. Above :data:`SHOWN_LIMIT`
only the first part is shown, with a notice saying so.
"""

from __future__ import annotations

SLOW_SIZE = 100_000
"""Bytes of Markdown above which the checker warns that an article opens slowly."""
SHOWN_LIMIT = 200_000
"""Bytes of Markdown shown at most; the rest of a larger article is left out, with a notice.

Measured (2 cores, offscreen): 200 KB of prose, tables and short lists render and lay out in
about 0.4 s; as one list of 5,500 items, about 1.2 s (Qt lays out long lists slowly).
"""


def describe_size(size: int) -> str:
    """A size in bytes as people say it: ``480 KB``, ``5.2 MB``."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def shown_part(body: str) -> str:
    """The part of ``body`` that is shown.

    That is all of it, or its first :data:`SHOWN_LIMIT` bytes cut at the last blank line, so
    no list or table is cut in half.
    """
    data = body.encode("utf-8")
    if len(data) <= SHOWN_LIMIT:
        return body
    head = data[:SHOWN_LIMIT].decode("utf-8", errors="ignore")
    cut = head.rfind("\n\n")
    return head[:cut] if cut > 0 else head
