"""Flesch-Kincaid reading grade of Markdown text, as pack authors' style guides ask for."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_CODE = re.compile(r"```.*?```|`[^`]*`", re.DOTALL)
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_HTML = re.compile(r"<[^>]+>")
_CALLOUT = re.compile(r'^\s*!!!\s+\w+(?:\s+"([^"]*)")?\s*$', re.MULTILINE)
_LIST_OR_HEADING = re.compile(r"^\s*(?:[-*+]|\d+[.)]|#{1,6}|>|\|)\s*", re.MULTILINE)
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-*+]|\d+[.)]|#))")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")

MAX_READING_GRADE = 8.0
"""Highest Flesch-Kincaid grade the checker accepts (CONTENT.md aims for 6-8)."""
MIN_WORDS_TO_MEASURE = 10
"""Shorter texts are not graded: one long word decides the grade of "About pacing."."""


@dataclass(frozen=True)
class Readability:
    """Counts and the Flesch-Kincaid grade level of a text."""

    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """US school grade needed to read the text (0 for empty text)."""
        if not self.words:
            return 0.0
        return (0.39 * self.words / max(self.sentences, 1)
                + 11.8 * self.syllables / self.words - 15.59)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Syllables in an English word, by the usual vowel-group heuristic."""
    word = word.lower().replace("\u2019", "'").split("'")[0]
    if len(word) <= 3:
        return 1
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        word = word[:-1]
    elif word.endswith(("es", "ed")) and not word.endswith(("ted", "ded", "ses", "zes", "ces")):
        word = word[:-2]
    return max(1, len(_VOWEL_GROUPS.findall(word)))


def plain_text(markdown: str) -> str:
    """Markdown with code, links, HTML and markup stripped to the words a reader reads."""
    text = _CODE.sub(" ", markdown)
    text = _LINK.sub(r"\1", text)
    text = _HTML.sub(" ", text)
    text = _CALLOUT.sub(lambda m: (m.group(1) or "") + ".", text)
    return text.replace("*", "").replace("_", " ")


def reading_text(markdown: str) -> str:
    """The words of a Markdown body as a reader sees them: no list, heading or table marks."""
    return _LIST_OR_HEADING.sub("", plain_text(markdown)).replace("|", " ")


def measure(markdown: str) -> Readability:
    """Readability of a Markdown body. List items and headings count as sentences."""
    text = plain_text(markdown)
    sentences = [s for s in _SENTENCE_END.split(text) if _WORD.search(s)]
    words = _WORD.findall(_LIST_OR_HEADING.sub("", text))
    return Readability(
        words=len(words),
        sentences=len(sentences),
        syllables=sum(count_syllables(w) for w in words),
    )


def grade_above_limit(markdown: str) -> float | None:
    """The text's grade when it is above :data:`MAX_READING_GRADE`, else ``None``."""
    counts = measure(markdown)
    if counts.words < MIN_WORDS_TO_MEASURE:
        return None
    return counts.grade if counts.grade > MAX_READING_GRADE else None


def as_passage(lines: Sequence[str]) -> str:
    """Short lines (a sidebar's "at a glance" points) as one passage, one sentence a line."""
    return " ".join(line if line.rstrip().endswith((".", "!", "?")) else f"{line}."
                    for line in lines)
