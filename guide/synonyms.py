"""A pack's search vocabulary: names for the same thing, classes and their members, stop words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from guide.stop_words import normalise

NAME_PART = re.compile(r"[^\W_]+")
"""A run of letters and digits: the unit names are compared by (and SQLite FTS5 indexes)."""

Key = tuple[str, ...]


def name_key(name: str) -> Key:
    """How a name is compared: its letters and digits, lower case ("Can't" -> "can", "t")."""
    return tuple(part.casefold() for part in NAME_PART.findall(name))


@dataclass(frozen=True)
class Concept:
    """Names of one thing (``words``) and the narrower things it covers (``includes``).

    Searching for any word finds the others; searching for the concept also finds its
    members (a drug class finds its medicines), and a member also finds pages about its class.
    """

    words: tuple[str, ...]
    includes: tuple[str, ...] = ()

    def __repr__(self) -> str:
        members = f" > {', '.join(self.includes)}" if self.includes else ""
        return f"Concept({' = '.join(self.words)}{members})"


@dataclass(frozen=True)
class Expansion:
    """Other ways of writing some words: ``same`` says the same or narrower, ``wider`` more."""

    same: tuple[str, ...] = ()
    wider: tuple[str, ...] = ()


class Synonyms:
    """The concepts of a pack, and the words a question can do without in its language."""

    def __init__(self, concepts: Sequence[Concept] = (), stop_words: Iterable[str] = ()) -> None:
        self.concepts = tuple(concepts)
        self.stop_words = frozenset(normalise(word) for word in stop_words)
        self._named: dict[Key, list[Concept]] = {}  # concepts by each of their words
        self._parents: dict[Key, list[Concept]] = {}  # concepts by each member they include
        for concept in self.concepts:
            for word in concept.words:
                self._named.setdefault(name_key(word), []).append(concept)
            for member in concept.includes:
                self._parents.setdefault(name_key(member), []).append(concept)
        self._named.pop((), None)
        self._parents.pop((), None)
        self.longest = max(map(len, [*self._named, *self._parents]), default=0)
        """The most words any name has: how far a query is scanned for a name."""

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Synonyms) and other.concepts == self.concepts
                and other.stop_words == self.stop_words)

    def __hash__(self) -> int:
        return hash((self.concepts, self.stop_words))

    def __repr__(self) -> str:
        return f"Synonyms({len(self.concepts)} concepts, {len(self.stop_words)} stop words)"

    def __reduce__(self) -> tuple[type[Synonyms], tuple[tuple[Concept, ...], frozenset[str]]]:
        return Synonyms, (self.concepts, self.stop_words)

    def is_stop_word(self, word: str) -> bool:
        """Whether ``word`` carries no meaning in a question ("how", "my", "won't")."""
        return normalise(word) in self.stop_words

    def knows(self, key: Key) -> Key | None:
        """``key``, or its singular, if some concept names it; else ``None``."""
        for candidate in _singulars(key):
            if candidate in self._named or candidate in self._parents:
                return candidate
        return None

    def expand(self, key: Key) -> Expansion:
        """Every other name for the words ``key`` (a name known to :meth:`knows`)."""
        own = self._named.get(key, [])
        names = {key} | {name_key(word) for concept in own for word in concept.words}
        same: dict[str, None] = {}
        seen: set[Concept] = set()
        pending = list(own)
        while pending:  # the concept, then everything it includes, all the way down
            concept = pending.pop(0)
            if concept in seen:
                continue
            seen.add(concept)
            same.update(dict.fromkeys(concept.words))
            for member in concept.includes:
                same[member] = None
                pending.extend(self._named.get(name_key(member), ()))
        wider: dict[str, None] = {}
        for name in names:  # the classes it belongs to, one level up
            for parent in self._parents.get(name, ()):
                wider.update(dict.fromkeys(w for w in parent.words if w not in same))
        return Expansion(tuple(w for w in same if name_key(w) != key),
                         tuple(w for w in wider if name_key(w) != key))


def _singulars(key: Key) -> Iterable[Key]:
    yield key
    last = key[-1] if key else ""
    for suffix in ("es", "s"):
        if last.endswith(suffix) and len(last) > len(suffix) + 1:
            yield (*key[:-1], last[: -len(suffix)])
