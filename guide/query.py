"""What a reader typed, as SQLite FTS5 match expressions: words, quoted phrases and concepts.

Every expression is built from double-quoted strings of letters and digits joined by AND, OR
and NOT, so nothing a reader types can be an FTS5 operator or a syntax error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from guide.synonyms import NAME_PART, Key, Synonyms, name_key

MAX_QUERY_CHARS = 500
MAX_QUERY_WORDS = 16
"""Words and phrases beyond this are ignored (a question rarely has more)."""
NAME_COLUMNS = "{title also}"
"""The index columns that hold an article's title and other names."""

_READER_WORD = re.compile(r'"([^"]*)"|([^\W_]+(?:[\'\u2019/-][^\W_]+)*)')
"""A quoted phrase, or a word with its apostrophes, hyphens and slashes ("won't", "ME/CFS")."""

NO_SYNONYMS = Synonyms()


@dataclass(frozen=True)
class Slot:
    """One thing the reader asked for: a word, a quoted phrase, or words that name a concept.

    ``narrow`` finds the words as typed (the last one as a prefix), their synonyms and the
    members of a class they name; ``wide`` also finds the classes they belong to.
    """

    label: str
    narrow: str
    wide: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Query:
    """The slots of a query, and the FTS5 expressions that combine them."""

    slots: tuple[Slot, ...] = ()
    whole: str = ""
    """All the reader's words as one phrase ("what is fibromyalgia"), if more than one."""

    def __bool__(self) -> bool:
        return bool(self.slots)

    @property
    def labels(self) -> tuple[str, ...]:
        """The reader's words and phrases that count, in the order typed."""
        return tuple(slot.label for slot in self.slots)

    @property
    def widens(self) -> bool:
        """Whether some slot also matches wider classes."""
        return any(slot.wide != slot.narrow for slot in self.slots)

    def every_word(self, *, wide: bool = False) -> str:
        """Articles that match every slot."""
        return " AND ".join(f"({slot.wide if wide else slot.narrow})" for slot in self.slots)

    def only(self, matched: Collection[int]) -> str:
        """Articles that match the slots numbered in ``matched`` (widely) and none of the others."""
        ours = " AND ".join(f"({s.wide})" for n, s in enumerate(self.slots) if n in matched)
        others = " OR ".join(f"({s.wide})" for n, s in enumerate(self.slots) if n not in matched)
        return f"({ours}) NOT ({others})" if others else ours

    def terms(self) -> list[str]:
        """Words and phrases to highlight in an article, synonyms included."""
        return list(dict.fromkeys(term for slot in self.slots for term in slot.terms))


def in_names(expression: str) -> str:
    """``expression`` looking only at titles and other names."""
    return f"{NAME_COLUMNS} : ({expression})"


def parse_query(text: str, synonyms: Synonyms = NO_SYNONYMS) -> Query:
    """The slots of what the reader typed (an empty query when nothing is searchable).

    Words that carry no meaning in a question are left out, unless that leaves nothing or
    they are written in capitals in a query that is not ("ME", "WHO"). Runs of words that
    name a concept become one slot that any of its names can match.
    """
    text = text[:MAX_QUERY_CHARS]
    items: list[str | Slot] = []  # the reader's words, and a slot for each quoted phrase
    for match in _READER_WORD.finditer(text):
        phrase, word = match.groups()
        if word is not None:
            items.append(word)
        elif parts := NAME_PART.findall(phrase):
            expression = _phrase(parts, prefix=False)
            items.append(Slot(f'"{" ".join(parts)}"', expression, expression,
                              (" ".join(parts),)))
    shouting = text.isupper()

    def meaningful(word: str) -> bool:
        capitals = word.isupper() and sum(c.isalpha() for c in word) > 1 and not shouting
        return capitals or not synonyms.is_stop_word(word)

    keep_all = not any(isinstance(item, Slot) or meaningful(item) for item in items)
    slots: list[Slot] = []
    at = 0
    while at < len(items):
        item = items[at]
        if isinstance(item, Slot):
            slots.append(item)
            at += 1
            continue
        run, key = _longest_name(items, at, synonyms, meaningful)
        at += len(run)
        kept = [word for word in run if keep_all or meaningful(word)]
        if kept or key is not None:
            slots.append(_slot(run, kept, key, synonyms))
    first = {slot.narrow.casefold(): slot for slot in reversed(slots)}  # the first of equals
    unique = tuple(s for s in slots if first[s.narrow.casefold()] is s)[:MAX_QUERY_WORDS]
    parts = [part for item in items if isinstance(item, str) for part in NAME_PART.findall(item)]
    whole = _phrase(parts, prefix=True) if len(parts) > 1 and len(items) <= MAX_QUERY_WORDS \
        and all(isinstance(item, str) for item in items) else ""
    return Query(unique, whole if unique else "")


def _longest_name(items: list[str | Slot], at: int, synonyms: Synonyms,
                  meaningful: Callable[[str], bool]) -> tuple[list[str], Key | None]:
    """The words from ``at`` that name a concept, and the name's key (one word if none do).

    A name made of stop words only counts when typed in capitals ("ME", not "me").
    """
    run: list[str] = []
    for item in items[at : at + synonyms.longest]:
        if isinstance(item, Slot):
            break
        run.append(item)
    while run:
        if any(meaningful(word) for word in run):
            key = synonyms.knows(tuple(part for word in run for part in name_key(word)))
            if key is not None:
                return run, key
        run.pop()
    word = items[at]
    assert isinstance(word, str)
    return [word], None


def _slot(run: list[str], kept: list[str], key: Key | None, synonyms: Synonyms) -> Slot:
    """A slot for words typed together: as typed (AND), or any other name of their concept."""
    typed_words = kept or run
    literal = [_phrase(NAME_PART.findall(word), prefix=True) for word in typed_words]
    typed = literal[0] if len(literal) == 1 else "(" + " AND ".join(literal) + ")"
    label = " ".join(run)
    if key is None:
        return Slot(label, typed, typed, tuple(typed_words))
    expansion = synonyms.expand(key)
    same = [_phrase(parts, prefix=False) for name in expansion.same
            if (parts := NAME_PART.findall(name))]
    wider = [_phrase(parts, prefix=False) for name in expansion.wider
             if (parts := NAME_PART.findall(name))]
    narrow = " OR ".join(dict.fromkeys([typed, *same]))
    wide = " OR ".join(dict.fromkeys([typed, *same, *wider]))
    return Slot(label, narrow, wide, (*typed_words, *expansion.same))


def _phrase(parts: list[str], *, prefix: bool) -> str:
    """An FTS5 string: letters and digits only, so never an operator or a syntax error."""
    text = '"' + " ".join(parts) + '"'
    return text + "*" if prefix and len(parts[-1]) >= 2 else text
