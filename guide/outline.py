"""The navigation outline: sections and article titles in display order, cheap to store."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Row(NamedTuple):
    """One line of the navigation tree."""

    is_section: bool
    id: str
    title: str
    tooltip: str


class Outline:
    """Rows of each section, and where every article sits.

    Built from a :class:`~guide.model.Section` tree when a pack is parsed
    (:func:`guide.model.outline_of`), and stored in the start-up
    cache as plain tuples, so a large pack's tree opens without rebuilding thousands of
    objects: the view asks only for the sections it shows.
    """

    def __init__(self, rows: Mapping[str, tuple[Row, ...]],
                 titles: Mapping[str, tuple[str, int]],
                 locations: Mapping[str, tuple[str, int]]) -> None:
        self._rows = dict(rows)
        self._titles = dict(titles)
        self._locations = dict(locations)

    def article_count(self) -> int:
        """How many articles the outline lists."""
        return len(self._locations)

    def rows(self, section_id: str = "") -> tuple[Row, ...]:
        """The children of a section ("" is the top level)."""
        return self._rows.get(section_id, ())

    def section_title(self, section_id: str) -> str:
        """A section's title ("" for the top level or an unknown id)."""
        return self._titles.get(section_id, ("", 0))[0] if section_id else ""

    def locate(self, article_id: str) -> tuple[str, int] | None:
        """Section id and row of an article, or ``None``."""
        return self._locations.get(article_id)

    def parent_of(self, section_id: str) -> str:
        """The section holding ``section_id`` (sections live in folders, so by path)."""
        return section_id.rpartition("/")[0]

    def article_ids(self) -> list[str]:
        """Every article id, in display order."""
        ids: list[str] = []

        def visit(section_id: str) -> None:
            for row in self.rows(section_id):
                if row.is_section:
                    visit(row.id)
                else:
                    ids.append(row.id)

        visit("")
        return ids

    def section(self, section_id: str) -> tuple[str, int]:
        """A section's title and order, as its folder gave them (``("", 0)`` if unknown)."""
        return self._titles.get(section_id, ("", 0))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Outline) and (self._rows, self._titles, self._locations) == (
            other._rows, other._titles, other._locations)

    def __hash__(self) -> int:
        return hash(tuple(self._rows))

    def __repr__(self) -> str:
        return f"Outline({len(self._locations)} articles, {len(self._rows)} sections)"

    def __reduce__(self) -> tuple[type[Outline], tuple[object, ...]]:
        return Outline, (self._rows, self._titles, self._locations)
