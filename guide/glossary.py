"""The glossary: terms with plain-language definitions, and finding them in article text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

GLOSSARY_ID = "glossary"
"""Article id of the generated glossary page."""


def is_abbreviation(form: str) -> bool:
    """Abbreviations ("IV", "ME/CFS", "CBT-I") match in exact case; other words in any case."""
    return any(c.isalpha() for c in form) and form == form.upper()


@dataclass(frozen=True)
class Term:
    """One glossary entry. ``forms`` are the words that count as a use of the term."""

    term: str
    definition: str
    anchor: str
    also: tuple[str, ...] = ()
    see: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        """The term and its other names."""
        return (self.term, *self.also)


@dataclass(frozen=True)
class Match:
    """A use of a glossary term in some text."""

    term: Term
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Glossary:
    """All terms, with one regular expression that finds any of them."""

    terms: tuple[Term, ...] = ()
    _by_form: dict[str, Term] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for term in self.terms:
            for form in term.forms:
                self._by_form.setdefault(form.casefold(), term)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Glossary) and other.terms == self.terms

    def __hash__(self) -> int:
        return hash(self.terms)

    def __getstate__(self) -> dict[str, object]:
        return {"terms": self.terms}

    def __setstate__(self, state: dict[str, object]) -> None:
        object.__setattr__(self, "terms", state["terms"])
        object.__setattr__(self, "_by_form", {})
        self.__post_init__()

    def by_anchor(self, anchor: str) -> Term | None:
        """The entry whose anchor on the glossary page is ``anchor``."""
        return next((t for t in self.terms if t.anchor == anchor), None)

    def term(self, name: str) -> Term | None:
        """The entry whose term or other name is ``name`` (any case)."""
        return self._by_form.get(name.casefold())

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        forms = sorted(self._by_form_original(), key=len, reverse=True)
        if not forms:
            return None
        parts = [
            re.escape(form) if is_abbreviation(form) else f"(?i:{re.escape(form)})"
            for form in forms
        ]
        return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?:e?s)?(?![\w-])")

    def _by_form_original(self) -> Iterator[str]:
        for term in self.terms:
            yield from term.forms

    def find(self, text: str) -> Iterator[Match]:
        """Every use of a term in ``text``, left to right, longest names first."""
        pattern = self._pattern
        if pattern is None:
            return
        for found in pattern.finditer(text):
            word = found.group(0)
            term = self.term(word)
            for suffix in ("es", "s"):
                if term is None and word.endswith(suffix):
                    term = self.term(word[: -len(suffix)])
            if term is not None:
                yield Match(term, found.start(), found.end())


def glossary_markdown(glossary: Glossary) -> str:
    """The glossary page: terms in alphabetical order under letter headings."""
    lines: list[str] = []
    letter = ""
    for term in sorted(glossary.terms, key=lambda t: t.term.casefold()):
        initial = term.term[:1].upper()
        initial = initial if initial.isalpha() else "0\u20139"
        if initial != letter:
            letter = initial
            lines += [f"## {letter}", ""]
        lines += [f"### {term.term}", "", term.definition, ""]
        if term.also:
            lines += [f"*Also called:* {', '.join(term.also)}", ""]
        see = [glossary.term(name) for name in term.see]
        links = [f"[{t.term}](#{t.anchor})" for t in see if t is not None]
        if links:
            lines += [f"*See also:* {', '.join(links)}", ""]
    return "\n".join(lines)
