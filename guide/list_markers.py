"""List bullets and numbers written into the text, so screen readers read them.

QTextBrowser draws list markers itself and leaves them out of the text it gives assistive
technology: a blind reader hears "one two three" and "Cochrane review" without "1.". So lists
are marked here in the text ("•", "1."), drawn without Qt's own markers, and given a hanging
indent by the viewer's style sheet (classes ``m1``-``m4`` for bullets, ``n1``-``n4`` for
numbers, ``c1``-``c4`` for a list item's later paragraphs).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

BULLETS = ("\u2022", "\u25e6", "\u25aa", "\u2022")
"""Bullets by depth: disc, white circle, small square, then disc again."""
MAX_DEPTH = 4
NBSP = "\u00a0"
_BLOCKS = {"p", "ul", "ol", "div", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5",
           "h6"}


def _add_class(element: ET.Element, name: str) -> None:
    classes = element.get("class", "").split()
    element.set("class", " ".join([*classes, name]))


def mark_lists(root: ET.Element) -> None:
    """Write markers into every list under ``root`` (task lists keep their boxes)."""
    depth_of: dict[ET.Element, int] = {}
    for parent in root.iter():
        for child in parent:
            inside = depth_of.get(parent, 0)
            depth_of[child] = inside + (child.tag in {"ul", "ol"})
    for element, depth in depth_of.items():
        if element.tag not in {"ul", "ol"} or "task-list" in element.get("class", ""):
            continue
        _add_class(element, "marked")
        start = int(element.get("start", "1") or 1) if element.tag == "ol" else 0
        level = min(depth, MAX_DEPTH)
        for number, item in enumerate((c for c in element if c.tag == "li"), start=start):
            marker = f"{number}." if element.tag == "ol" else BULLETS[level - 1]
            _mark_item(item, marker, f"{'n' if element.tag == 'ol' else 'm'}{level}", level)


def _mark_item(item: ET.Element, marker: str, style: str, level: int) -> None:
    first = item[0] if len(item) else None
    opens_with_block = not (item.text or "").strip() and first is not None \
        and first.tag in _BLOCKS
    target = first if opens_with_block and first is not None and first.tag == "p" else item
    target.text = f"{marker}{NBSP}{(target.text or '').lstrip()}"
    _add_class(target, style)
    if target is not item:  # a loose list: the item's other paragraphs line up with the text
        for later in item:
            # a placeholder paragraph (a fenced block stashed by Python-Markdown) must stay
            # bare, or it is not swapped for its block
            if later is not target and later.tag == "p" and "\x02" not in (later.text or ""):
                _add_class(later, f"c{level}")


def marked_items(items: Iterable[str], *, ordered: bool) -> str:
    """``<li>`` elements (already safe HTML inside) with markers, for generated lists."""
    return "".join(
        f'<li class="{"n1" if ordered else "m1"}">{f"{n}." if ordered else BULLETS[0]}'
        f"{NBSP}{item}</li>" for n, item in enumerate(items, start=1))


_WRITTEN_MARKER = re.compile(
    r"(<(?:li|p)) class=\"[mnc]\d\">(?:(?:[\u2022\u25e6\u25aa]|\d+\.)(?:\u00a0|&nbsp;))?")


def unmarked(html: str) -> str:
    """The HTML as it was before :func:`mark_lists` (the list's structure, for comparisons)."""
    return _WRITTEN_MARKER.sub(r"\1>", html).replace(' class="marked"', "")
