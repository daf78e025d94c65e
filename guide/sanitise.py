"""Which HTML may reach the article viewer, and the last pass that enforces it (nh3)."""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Final, Literal

import nh3

from guide.links import PACK_SCHEME, PAGE_SCHEMES

ALLOWED_TAGS: Final = frozenset({
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dfn", "div", "dl",
    "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol",
    "p", "pre", "s", "samp", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
})
"""Tags the viewer shows (QTextBrowser's rich text understands each of them)."""

ALLOWED_ATTRIBUTES: Final = {
    "*": {"class", "title"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "table": {"width", "cellpadding", "cellspacing", "border", "bgcolor"},
    "td": {"bgcolor", "colspan", "rowspan", "align", "width"},
    "th": {"colspan", "rowspan", "align"},
    **{f"h{level}": {"id"} for level in range(1, 7)},
    "ol": {"start"},
}

UNWRAPPED_TAGS: Final = frozenset({
    "article", "aside", "bdi", "bdo", "big", "caption", "center", "data", "figcaption",
    "figure", "font", "footer", "header", "ins", "main", "mark", "nav", "picture", "q", "rp",
    "rt", "ruby", "section", "source", "time", "wbr",
})
"""Formatting and layout tags the viewer cannot show: dropped, their text kept."""

HtmlTreatment = Literal["kept", "unwrapped", "shown as text"]


def treatment(tag: str) -> HtmlTreatment:
    """What becomes of an author's ``<tag>``: shown, dropped around its text, or shown as text.

    Everything that is neither shown nor harmless formatting - ``<script>``, ``<style>``,
    ``<iframe>``, ``<template>``, a ``<name>`` in a sentence - appears as the text it is,
    so a tag mentioned in prose never hides the words after it.
    """
    name = tag.lower()
    if name in ALLOWED_TAGS or name in {"details", "summary"}:
        return "kept"
    if name in UNWRAPPED_TAGS:
        return "unwrapped"
    return "shown as text"


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop any image source that is not a file of the pack, so nothing remote is fetched."""
    if tag == "img" and attribute == "src" and not value.startswith(f"{PACK_SCHEME}:"):
        return None
    return value


_CLEANER: Final = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_keep_attribute,
    link_rel=None,
    url_schemes=set(PAGE_SCHEMES),
)
_IMAGE_WITHOUT_SOURCE: Final = re.compile(r"<img(?![^>]*\bsrc=)[^>]*>")


def sanitise(html: str) -> str:
    """Remove scripts, event handlers, styles and remote resources from ``html``."""
    cleaned = _CLEANER.clean(html)
    return _IMAGE_WITHOUT_SOURCE.sub(
        '<span class="broken">[Picture not loaded: only pictures inside this guide are shown]'
        "</span>",
        cleaned,
    )


_TAG: Final = re.compile(r"<[^>]+>")


def html_to_text(html: str) -> str:
    """``html`` without its tags, and with ``&#x27;`` and the like back as the characters."""
    return unescape(_TAG.sub("", html))


def keeps_address(href: str) -> bool:
    """Whether a link to ``href`` keeps its address through :func:`sanitise`.

    It does when ``href`` is relative or a valid address of a scheme pages may use
    (:data:`guide.links.PAGE_SCHEMES`); ``http://[oops`` or ``https://exa mple.org`` do not.
    """
    return "href=" in _CLEANER.clean(f'<a href="{escape(href)}"></a>')
