"""What the renderer's own parser finds in an article: headings, links, pictures, HTML.

``health-guide check`` and the pack loader read articles through the same dialect as the
renderer (:mod:`guide.markdown_dialect`), so a heading link that works is never reported and
one that fails always is; reference links, autolinks, links with spaces and ``<img>``
pictures are found like any other.
"""

from __future__ import annotations

import re
import threading
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Literal

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from guide.markdown_dialect import extension, new_markdown
from guide.markdown_headings import HEADING_TAGS, HeadingsExtension
from guide.markdown_html import RawHtmlExtension
from guide.model import Heading
from guide.sanitise import ALLOWED_ATTRIBUTES, HtmlTreatment

LinkKind = Literal["link", "image"]
_UNDEFINED_REFERENCE = re.compile(r"\[[^\[\]]+\]\[([^\[\]]*)\]")
_GENERATED_LINKS = frozenset({"footnote-ref", "footnote-backref"})


@dataclass(frozen=True)
class Link:
    """A link or picture of an article, as written, at its line of the body (from 1)."""

    line: int | None
    kind: LinkKind
    target: str


@dataclass(frozen=True)
class Scan:
    """Everything the checker needs from one article body."""

    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    html: tuple[tuple[HtmlTreatment, str, int], ...] = ()
    """``(treatment, tag, count)`` of each HTML tag the author wrote."""
    ignored_attributes: tuple[tuple[str, int], ...] = ()
    """``(attribute, count)`` of HTML attributes the viewer ignores (``style``, ``align``)."""
    undefined_references: tuple[str, ...] = ()
    """``[text][name]`` links whose ``[name]: address`` is nowhere in the article."""
    details: int = 0
    """``<details>`` blocks, shown open."""
    diagrams: int = 0
    """Mermaid diagrams, shown as their source."""


class _Collector(Treeprocessor):
    """Records links and pictures from the finished tree, in document order."""

    def __init__(self, md: markdown.Markdown, extension: ScanExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: ET.Element) -> None:
        found = self.extension
        for element in root.iter():
            if element.tag == "a" and "href" in element.attrib:
                if not _GENERATED_LINKS & set(element.get("class", "").split()):
                    found.targets.append(("link", _as_written(element.get("href", ""))))
            elif element.tag == "img":
                found.targets.append(("image", _as_written(element.get("src", ""))))
            elif element.tag == "details":
                found.details += 1
            if element.tag not in {"code", "pre", *HEADING_TAGS}:
                for text in (element.text, element.tail):
                    if text and "][" in text:
                        found.references.extend(_UNDEFINED_REFERENCE.findall(text))

    def raw_tag(self, name: str, attributes: dict[str, str]) -> str | None:
        """Record an author's ``<img>``/``<a>`` target and ignored attributes; change nothing."""
        if name.startswith("/"):
            return None
        if name == "img" and "src" in attributes:
            self.extension.targets.append(("image", attributes["src"]))
        elif name == "a" and "href" in attributes:
            self.extension.targets.append(("link", attributes["href"]))
        allowed = ALLOWED_ATTRIBUTES.get(name, set()) | ALLOWED_ATTRIBUTES["*"]
        for attribute in attributes:
            if attribute not in allowed and attribute != "markdown":
                self.extension.ignored[attribute] += 1
        return None


def _as_written(href: str) -> str:
    if AMP_SUBSTITUTE in href:  # e-mail addresses come out of Python-Markdown as entities
        from html import unescape  # noqa: PLC0415 - rare

        return unescape(href.replace(AMP_SUBSTITUTE, "&"))
    return href


class ScanExtension(Extension):
    """Python-Markdown extension registered as ``guide_scan``: collects for the checker."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.targets: list[tuple[LinkKind, str]] = []
        self.references: list[str] = []
        self.ignored: Counter[str] = Counter()
        self.details = 0

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        collector = _Collector(md, self)
        md.treeprocessors.register(collector, "guide_scan", 4)
        raw_html = extension(md, RawHtmlExtension).filter
        assert raw_html is not None
        raw_html.rewrite = collector.raw_tag

    def reset(self) -> None:
        """Forget the last document."""
        self.targets = []
        self.references = []
        self.ignored = Counter()
        self.details = 0


class _HeadingsOnly(Treeprocessor):
    """Drops everything but headings before inline markup is read: a quicker outline."""

    def run(self, root: ET.Element) -> None:
        headings = [element for element in root.iter() if element.tag in HEADING_TAGS]
        for child in list(root):
            root.remove(child)
        root.extend(headings)


class _OutlineExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.registerExtension(self)
        # after the block parser, before inline markup ("inline", 20)
        md.treeprocessors.register(_HeadingsOnly(md), "guide_headings_only", 22)


_local = threading.local()


def _converter(name: str, *extra: Extension) -> markdown.Markdown:
    """One converter of each kind per thread (a converter is not thread-safe)."""
    md: markdown.Markdown | None = getattr(_local, name, None)
    if md is None:
        md = new_markdown(*extra)
        setattr(_local, name, md)
    md.reset()
    return md


def outline(body: str) -> tuple[Heading, ...]:
    """The headings of ``body`` with their anchors, as :func:`scan` and the renderer give them.

    Reads only what headings need (blocks, then the headings' own inline markup), so loading
    a pack stays quick.
    """
    md = _converter("outline", _OutlineExtension())
    md.convert(body)
    return tuple(extension(md, HeadingsExtension).headings)


def scan(body: str) -> Scan:
    """Headings, links, pictures and HTML of ``body``, read as the renderer reads it."""
    md = _converter("scan", ScanExtension())
    md.convert(body)
    found = extension(md, ScanExtension)
    raw_html = extension(md, RawHtmlExtension).filter
    assert raw_html is not None
    lines = _LineFinder(body)
    defined = {name.lower() for name in md.references}
    return Scan(
        headings=tuple(extension(md, HeadingsExtension).headings),
        links=tuple(Link(lines.find(target), kind, target) for kind, target in found.targets),
        html=tuple(sorted((kind, tag, count) for (kind, tag), count in raw_html.seen.items())),
        ignored_attributes=tuple(sorted(found.ignored.items())),
        undefined_references=tuple(dict.fromkeys(
            ref for ref in found.references if ref and ref.lower() not in defined)),
        details=found.details,
        diagrams=sum(isinstance(block, str) and 'class="language-mermaid"' in block
                     for block in md.htmlStash.rawHtmlBlocks),  # fenced code is stashed
    )


class _LineFinder:
    """Line numbers of targets, found in the text in document order."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.offset = 0

    def find(self, target: str) -> int | None:
        """The line where ``target`` is written next (or anywhere), else ``None``."""
        candidates = [target, target.removeprefix("mailto:")]
        if "://" in target:
            candidates.append(target.split("://", 1)[1])
        for start in (self.offset, 0):
            for candidate in candidates:
                position = self.body.find(candidate, start) if candidate else -1
                if position >= 0:
                    self.offset = position + len(candidate)
                    return self.body.count("\n", 0, position) + 1
        return None
