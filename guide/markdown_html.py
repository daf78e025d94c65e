"""HTML written inside Markdown: tags the guide shows are kept, any other tag is shown as text.

Python-Markdown passes an author's HTML through untouched, and the sanitiser then deletes
what follows an unclosed ``<script>`` or ``<template>`` and shows what follows ``<title>``
as source. GitHub's answer (its "tag filter") is to show such tags as text; this does the
same for every tag the viewer does not show, before the sanitiser runs. ``<details>``
blocks are read as Markdown (as GitHub does when they hold blank lines).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from html import escape

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from guide.sanitise import HtmlTreatment, treatment

_ATTRIBUTE = r"""\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
TAG = re.compile(
    rf"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attributes>(?:{_ATTRIBUTE})*)\s*/?>"
    r"|<!--.*?-->|<![A-Za-z][^>]*>|<\?.*?\?>",
    re.DOTALL,
)
"""An HTML start or end tag, comment, declaration or processing instruction."""
_ATTRIBUTE_VALUE = re.compile(
    r"""(?P<name>[A-Za-z_:][\w.:-]*)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?""")
_DETAILS = re.compile(r"^(?P<indent>[ ]{0,3})<details(?P<rest>(?:\s[^>]*)?)>", re.IGNORECASE)

TagRewriter = Callable[[str, dict[str, str]], str | None]
"""Given a kept tag's name (``/name`` for an end tag) and attributes, the HTML to write instead.

``None`` keeps the tag as it is.
"""


def parse_attributes(text: str) -> dict[str, str]:
    """The attributes of a tag (from the text after its name), names in lower case."""
    values: dict[str, str] = {}
    for match in _ATTRIBUTE_VALUE.finditer(text):
        value = match.group("dq") or match.group("sq") or match.group("bare") or ""
        values.setdefault(match.group("name").lower(), value)
    return values


class RawHtmlFilter(Postprocessor):
    """Rewrites each piece of stashed raw HTML before it is put back into the page.

    ``seen`` counts, for the checker, each ``(treatment, tag)`` met in the last document.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.rewrite: TagRewriter | None = None
        self.seen: Counter[tuple[HtmlTreatment, str]] = Counter()
        self.done = 0
        """Stash entries already filtered (postprocessors also run for each heading)."""

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        for index in range(self.done, len(stash)):
            block = stash[index]
            if isinstance(block, str):
                stash[index] = self.filter(block)
        self.done = len(stash)
        return text

    def filter(self, html: str) -> str:
        """``html`` with every tag the guide does not show turned into visible text."""
        return TAG.sub(self._tag, html)

    def _tag(self, match: re.Match[str]) -> str:
        name = match.group("name")
        if name is None:  # a comment or declaration: hidden, as on GitHub
            return match.group(0)
        name = name.lower()
        if name == "input" and not match.group("close"):
            return self._task_box(parse_attributes(match.group("attributes")))
        kind = treatment(name)
        if not match.group("close"):
            self.seen[kind, name] += 1
        if kind == "shown as text":
            return escape(match.group(0), quote=False)
        if kind == "unwrapped" or self.rewrite is None:
            return match.group(0)
        if match.group("close"):
            rewritten = self.rewrite(f"/{name}", {})
        else:
            rewritten = self.rewrite(name, parse_attributes(match.group("attributes")))
        return match.group(0) if rewritten is None else rewritten


    def _task_box(self, attributes: dict[str, str]) -> str:
        """A task list's box (``- [x]``) as a character: the viewer shows no form fields."""
        if attributes.get("type") != "checkbox":
            self.seen["shown as text", "input"] += 1
            return escape(f"<input{''.join(f' {k}' for k in attributes)}>", quote=False)
        self.seen["kept", "input"] += 1
        if "checked" in attributes:
            return '<span class="task task-done" title="Done">\u2611</span>'
        return '<span class="task task-open" title="Not done yet">\u2610</span>'


class DetailsPreprocessor(Preprocessor):
    """Marks ``<details>`` blocks so that ``md_in_html`` reads their content as Markdown."""

    def run(self, lines: list[str]) -> list[str]:
        return [_DETAILS.sub(_mark_details, line) if "<" in line else line for line in lines]


def _mark_details(match: re.Match[str]) -> str:
    rest = match.group("rest")
    if "markdown=" in rest:
        return match.group(0)
    return f'{match.group("indent")}<details markdown="1"{rest}>'


class RawHtmlExtension(Extension):
    """Python-Markdown extension registered as ``guide_raw_html``."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.filter: RawHtmlFilter | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        self.filter = RawHtmlFilter(md)
        # before the stash is put back into the page ("raw_html", 30)
        md.postprocessors.register(self.filter, "guide_raw_html", 31)
        # after fences are stashed (25), before HTML blocks are (20)
        md.preprocessors.register(DetailsPreprocessor(md), "guide_details", 21)

    def reset(self) -> None:
        """Forget what the last document held."""
        if self.filter is not None:
            self.filter.seen.clear()
            self.filter.done = 0


def makeExtension(**kwargs: object) -> RawHtmlExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_html"])``."""
    return RawHtmlExtension(**kwargs)
