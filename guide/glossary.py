"""The glossary: terms with plain-language definitions, and finding them in article text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

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


_TOKEN = re.compile(r"\w+(?:[-/'\u2019]\w+)*")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _words(text: str) -> tuple[list[tuple[int, int]], list[str], list[bool]]:
    """Spans and words of ``text``, and whether only spaces part each word from the next.

    A name never runs across punctuation: "For chronic pain, clinics give" holds no
    "pain clinic".
    """
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [text[a:b] for a, b in spans]
    spaced = [text[spans[n][1] : spans[n + 1][0]].isspace() for n in range(len(spans) - 1)]
    return spans, words, spaced


class Glossary:
    """All terms, and a fast way to find any of them in text.

    Matching works on words (a hyphen or slash joins words, so "CBT" is not found in
    "CBT-I" and "infusion" not in "infusion-like"): every run of words that spells a term's
    name, or its name with a plural "s"/"es", is a use of it.
    """

    def __init__(self, terms: tuple[Term, ...] = ()) -> None:
        self.terms = terms
        self._by_form: dict[str, Term] = {}
        self._exact: dict[tuple[str, ...], Term] = {}  # abbreviations, exact case
        self._folded: dict[tuple[str, ...], Term] = {}  # other names, any case
        self._prefixes: set[tuple[str, ...]] = set()  # every leading run of a name's words
        for term in terms:
            for form in term.forms:
                self._by_form.setdefault(form.casefold(), term)
                words = _tokens(form)
                if not words:
                    continue
                if is_abbreviation(form):
                    self._exact.setdefault(tuple(words), term)
                else:
                    words = [w.casefold() for w in words]
                    self._folded.setdefault(tuple(words), term)
                self._prefixes.update(tuple(words[:n]) for n in range(1, len(words) + 1))
        self._firsts = {key[0] for key in self._prefixes}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Glossary) and other.terms == self.terms

    def __hash__(self) -> int:
        return hash(self.terms)

    def __repr__(self) -> str:
        return f"Glossary({len(self.terms)} terms)"

    def __reduce__(self) -> tuple[type[Glossary], tuple[tuple[Term, ...]]]:
        return Glossary, (self.terms,)

    def by_anchor(self, anchor: str) -> Term | None:
        """The entry whose anchor on the glossary page is ``anchor``."""
        return next((t for t in self.terms if t.anchor == anchor), None)

    def term(self, name: str) -> Term | None:
        """The entry whose term or other name is ``name`` (any case)."""
        return self._by_form.get(name.casefold())

    def _lookup(self, words: tuple[str, ...], folded: tuple[str, ...]) -> Term | None:
        term = self._exact.get(words) or self._folded.get(folded)
        if term is not None:
            return term
        last, last_folded = words[-1], folded[-1]
        for suffix in ("es", "s"):
            if last_folded.endswith(suffix) and len(last) > len(suffix) + 1:
                cut = len(last) - len(suffix)
                term = (self._exact.get((*words[:-1], last[:cut]))
                        or self._folded.get((*folded[:-1], last_folded[:cut])))
                if term is not None:
                    return term
        return None

    def find(self, text: str) -> Iterator[Match]:
        """Every use of a term in ``text``, left to right, longest names first."""
        spans, words, spaced = _words(text)
        for term, first, last in self._scan(words, spaced):
            yield Match(term, spans[first][0], spans[last][1])

    def terms_in(self, text: str) -> tuple[str, ...]:
        """Names of the terms used in ``text``, in order of first use."""
        _spans, words, spaced = _words(text)
        found = (term.term for term, _first, _last in self._scan(words, spaced))
        return tuple(dict.fromkeys(found))

    def _scan(self, words: list[str], spaced: list[bool]) -> Iterator[tuple[Term, int, int]]:
        """Terms among ``words``: (term, index of first word, index of last word).

        ``spaced[n]`` says whether only spaces part word ``n`` from the next.
        """
        if not self.terms:
            return
        folded = [w.casefold() for w in words]
        index, count = 0, len(words)
        firsts = self._firsts
        while index < count:
            word, low = words[index], folded[index]
            if (word not in firsts and low not in firsts and low[:-1] not in firsts
                    and low[:-2] not in firsts and word[:-1] not in firsts
                    and word[:-2] not in firsts):  # fast path: most words start no term
                index += 1
                continue
            best: Term | None = None
            best_length = 0
            length = 1
            while index + length <= count:
                if length > 1 and not spaced[index + length - 2]:
                    break  # punctuation between the words: a name never runs across it
                key = tuple(words[index : index + length])
                folded_key = tuple(folded[index : index + length])
                term = self._lookup(key, folded_key)
                if term is not None:
                    best, best_length = term, length
                if key not in self._prefixes and folded_key not in self._prefixes:
                    break
                length += 1
            if best is None:
                index += 1
                continue
            yield best, index, index + best_length - 1
            index += best_length


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
