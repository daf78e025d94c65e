"""The content model: immutable dataclasses for a pack, its sections, articles and facts."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from guide.edition import Edition
from guide.glossary import Glossary
from guide.modes import KioskSettings
from guide.outline import Outline, Row
from guide.synonyms import Synonyms

DEFAULT_ORDER = 1000

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with a pack, located as precisely as we can (compiler style)."""

    path: str
    line: int | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return self.format()

    def format(self, prefix: str = "") -> str:
        """``path:line: severity: message``, the path optionally under ``prefix``."""
        parts = [part for part in (prefix.rstrip("/"), self.path) if part]
        path = "/".join(parts) or "."
        where = path if self.line is None else f"{path}:{self.line}"
        return f"{where}: {self.severity}: {self.message}"


class PackError(Exception):
    """The pack cannot be used at all (missing folder or manifest)."""


@dataclass(frozen=True)
class Source:
    """A reference an article or fact is based on."""

    title: str
    publisher: str = ""
    year: int | None = None
    url: str = ""
    doi: str = ""

    def citation(self) -> str:
        """Plain-text citation: publisher, title, year."""
        parts = [p for p in (self.publisher, self.title) if p]
        text = ". ".join(parts)
        return f"{text} ({self.year})" if self.year else text


@dataclass(frozen=True)
class Heading:
    """A ``##``/``###`` heading of an article, with its anchor."""

    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Article:
    """One Markdown article. ``error`` is set when the file could not be read or parsed."""

    id: str
    path: str
    title: str
    section_id: str = ""
    summary: str = ""
    order: int = DEFAULT_ORDER
    status: str = "draft"
    last_reviewed: dt.date | None = None
    next_review: dt.date | None = None
    reviewed_by: str = ""
    evidence: str = ""
    sources: tuple[Source, ...] = ()
    related: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also_called: tuple[str, ...] = ()
    body: str = ""
    body_line: int = 1
    headings: tuple[Heading, ...] = ()
    reading_grade: float | None = None
    glossary_terms: tuple[str, ...] = ()
    field_lines: tuple[tuple[str, int], ...] = ()
    error: str = ""

    def line_of(self, key: str) -> int | None:
        """Line of a front-matter key in the article's file, if it is there."""
        return dict(self.field_lines).get(key)

    @property
    def is_draft(self) -> bool:
        """True unless a named clinician has reviewed the article."""
        return self.status != "reviewed"

    def __repr__(self) -> str:
        return f"Article({self.id!r}, {self.title!r})"


@dataclass(frozen=True)
class Section:
    """A folder of articles. ``children`` holds sections and articles in display order."""

    id: str
    title: str
    order: int = DEFAULT_ORDER
    children: tuple[Section | Article, ...] = ()

    def walk(self) -> Iterator[Section | Article]:
        """Yield every descendant, depth first, in display order."""
        for child in self.children:
            yield child
            if isinstance(child, Section):
                yield from child.walk()

    def outline(self, indent: int = 0) -> str:
        """Readable tree, one node a line, for tests and debugging."""
        lines = []
        for child in self.children:
            if isinstance(child, Section):
                lines.append(f"{'  ' * indent}{child.title}/")
                lines.append(child.outline(indent + 1))
            else:
                lines.append(f"{'  ' * indent}{child.title} [{child.id}]")
        return "\n".join(line for line in lines if line)

    def __repr__(self) -> str:
        return f"Section({self.id!r}, {self.title!r}, {len(self.children)} children)"


@dataclass(frozen=True)
class Fact:
    """A "Did you know?" fact with its source."""

    text: str
    source: Source | None
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disclaimer:
    """The disclaimer text (Markdown) and the version a reader accepts."""

    text: str
    version: str


@dataclass(frozen=True)
class Pack:
    """A loaded content pack. ``problems`` lists everything that was wrong with it."""

    root: Path
    title: str
    publisher: str
    language: str
    home: str
    edition: Edition
    accent: str
    disclaimer: Disclaimer
    outline: Outline
    articles: Mapping[str, Article]
    facts: tuple[Fact, ...]
    glossary: Glossary = field(default_factory=Glossary)
    synonyms: Synonyms = field(default_factory=Synonyms)
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    problems: tuple[Problem, ...] = field(default=())

    @cached_property
    def tree(self) -> Section:
        """Sections and articles as objects (loads every article: prefer :attr:`outline`)."""
        return tree_of(self.outline, self.articles)

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or ``None``."""
        return self.articles.get(article_id)

    def facts_for(self, article_id: str) -> tuple[Fact, ...]:
        """Facts tied to an article by its id."""
        return tuple(fact for fact in self.facts if article_id in fact.articles)

    def __repr__(self) -> str:
        return f"Pack({self.title!r}, {len(self.articles)} articles, {len(self.problems)} problems)"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # mappingproxy cannot be pickled; rebuild it from a plain dict (for the start-up cache)
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["articles"] = dict(self.articles)
        return _restore_pack, (values,)


def _restore_pack(values: dict[str, Any]) -> Pack:
    values["articles"] = MappingProxyType(values["articles"])
    return Pack(**values)


def outline_of(tree: Section) -> Outline:
    """The outline of a parsed tree, to store instead of the tree."""
    rows: dict[str, tuple[Row, ...]] = {}
    titles: dict[str, tuple[str, int]] = {tree.id: (tree.title, tree.order)}
    locations: dict[str, tuple[str, int]] = {}

    def visit(section: Section) -> None:
        section_rows = []
        for number, child in enumerate(section.children):
            if isinstance(child, Section):
                titles[child.id] = (child.title, child.order)
                section_rows.append(Row(is_section=True, id=child.id, title=child.title,
                                        tooltip=f"Section: {child.title}"))
                visit(child)
            else:
                locations[child.id] = (section.id, number)
                section_rows.append(Row(is_section=False, id=child.id, title=child.title,
                                        tooltip=child.summary or child.title))
        rows[section.id] = tuple(section_rows)

    visit(tree)
    return Outline(rows, titles, locations)


def tree_of(outline: Outline, articles: Mapping[str, Article], section_id: str = "") -> Section:
    """The full :class:`Section` tree again from an outline (loads every article)."""
    children = tuple(tree_of(outline, articles, row.id) if row.is_section else articles[row.id]
                     for row in outline.rows(section_id))
    title, order = outline.section(section_id)
    return Section(section_id, title, order, children)


def contents_headings(headings: tuple[Heading, ...]) -> tuple[Heading, ...]:
    """The headings an "On this page" list shows: those of the highest level used.

    A single heading above all the others (an imported page's ``# Title``) is skipped, so
    its sections are listed instead.
    """
    levels = sorted({heading.level for heading in headings})
    if not levels:
        return ()
    top = [h for h in headings if h.level == levels[0]]
    if len(top) == 1 and len(levels) > 1 and headings[0] is top[0]:
        top = [h for h in headings if h.level == levels[1]]
    return tuple(top)


def slugify(text: str) -> str:
    """Anchor for a heading, as GitHub makes it (so a pack's links work on GitHub too).

    Lower case; letters, marks and digits of any script kept, with ``_`` and ``-``; every
    space a ``-``; anything else dropped: ``Côte d'Ivoire: A-Z?`` -> ``côte-divoire-a-z``.
    """
    return "".join(
        "-" if char == " " else char
        for char in text.strip().lower()
        if char in " -_" or unicodedata.category(char)[0] in "LMN"
    )
