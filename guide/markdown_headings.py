"""Heading anchors as GitHub makes them, and the list of headings of the last document.

This is the one source of headings and anchors: the page's ``id`` attributes, its "On this
page" list, the sidebar and ``health-guide check`` all read :attr:`HeadingsExtension.headings`.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from guide.model import Heading, slugify

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def unique_anchor(anchor: str, used: dict[str, int]) -> str:
    """``anchor``, or ``anchor-1``, ``anchor-2``... if taken, as GitHub numbers repeats."""
    if anchor not in used:
        used[anchor] = 0
        return anchor
    while True:
        used[anchor] += 1
        candidate = f"{anchor}-{used[anchor]}"
        if candidate not in used:
            used[candidate] = 0
            return candidate


class HeadingAnchors(Treeprocessor):
    """Gives every heading an ``id`` and records it."""

    def __init__(self, md: markdown.Markdown, extension: HeadingsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        used: dict[str, int] = {}
        for element in root.iter():
            if element.tag not in HEADING_TAGS:
                continue
            text = html.unescape(strip_tags(render_inner_html(remove_fnrefs(element), self.md)))
            anchor = unique_anchor(slugify(text), used)
            element.set("id", anchor)
            self.extension.headings.append(Heading(int(element.tag[1]), text, anchor))


class HeadingsExtension(Extension):
    """Python-Markdown extension registered as ``guide_headings``."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.headings: list[Heading] = []

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # after inline markup (20) and abbreviations (7), where "toc" would be
        md.treeprocessors.register(HeadingAnchors(md, self), "guide_headings", 5)

    def reset(self) -> None:
        """Forget the last document's headings."""
        self.headings = []


def makeExtension(**kwargs: object) -> HeadingsExtension:
    """Entry point for ``markdown.Markdown(extensions=["guide.markdown_headings"])``."""
    return HeadingsExtension(**kwargs)
