"""Read and check a pack's synonyms file (``synonyms.yml``): its concepts and stop words."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path

from guide.fields import Collector, Fields, load_yaml, read_text
from guide.model import Article
from guide.stop_words import normalise, stop_words_for
from guide.synonyms import Concept, Synonyms, name_key

SYNONYMS_FILE = "synonyms.yml"
CONCEPT_KEYS = ("words", "includes")
TOP_KEYS = ("concepts", "stop_words")
_PUNCTUATION = str.maketrans(dict.fromkeys(string.punctuation + "\u2019\u2018", " "))


def load_synonyms(root: Path, language: str, articles: Mapping[str, Article],
                  problems: Collector) -> Synonyms:
    """The pack's concepts and stop words (the built-in ones when it has no synonyms file).

    Problems: a file that is not a mapping with a ``concepts`` list, entries without words,
    names without letters, unknown keys, a word given to two concepts, a concept no article
    uses, and names that are stop words.
    """
    path = root / SYNONYMS_FILE
    if not path.is_file():
        return Synonyms((), stop_words_for(language))
    text = read_text(path, SYNONYMS_FILE, problems)
    data = load_yaml(text, SYNONYMS_FILE, 1, problems) if text is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("concepts", []), list):
        if data is not None:
            problems.add(SYNONYMS_FILE, 1, "should hold a 'concepts:' list")
        return Synonyms((), stop_words_for(language))
    top = Fields(data, SYNONYMS_FILE, problems, text or "")
    _unknown_keys(top, TOP_KEYS, "")
    stop_words = stop_words_for(language, top.text_list("stop_words"))
    entry_lines = _entry_lines(text or "")
    concepts: list[Concept] = []
    lines: list[int | None] = []
    for number, entry in enumerate(data.get("concepts") or [], start=1):
        line = entry_lines[number - 1] if number <= len(entry_lines) else None
        concept = _concept(entry, number, line, problems)
        if concept is not None:
            concepts.append(concept)
            lines.append(line)
    _check_words(concepts, lines, stop_words, problems)
    _check_use(concepts, lines, articles, problems)
    return Synonyms(concepts, stop_words)


def _entry_lines(text: str) -> list[int]:
    """The line of each item of the top-level ``concepts:`` list."""
    found: list[int] = []
    indent: str | None = None
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(r"concepts\s*:", line):
            inside = True
        elif inside and line[:1].strip() and not line.startswith(("-", "#")):
            break  # the next top-level key
        elif inside and (item := re.match(r"(\s*)-(\s|$)", line)):
            indent = item.group(1) if indent is None else indent
            if item.group(1) == indent:
                found.append(number)
    return found


def _concept(entry: object, number: int, line: int | None, problems: Collector
             ) -> Concept | None:
    if not isinstance(entry, dict):
        problems.add(SYNONYMS_FILE, line, f"concept {number} should be a mapping with 'words'")
        return None
    fields = Fields(entry, SYNONYMS_FILE, problems)
    fields.lines = dict.fromkeys(entry, line or 1)
    _unknown_keys(fields, CONCEPT_KEYS, f"concept {number}: ")
    names = {key: fields.text_list(key) for key in CONCEPT_KEYS}
    for key, values in names.items():
        for value in values:
            if not name_key(value):
                problems.add(SYNONYMS_FILE, line, f"concept {number}: '{value}' in '{key}' has "
                             "no letters or digits, so search cannot use it")
    words = tuple(w for w in names["words"] if name_key(w))
    if not words:
        problems.add(SYNONYMS_FILE, line, f"concept {number} has no 'words'")
        return None
    return Concept(words, tuple(w for w in names["includes"] if name_key(w)))


def _unknown_keys(fields: Fields, known: tuple[str, ...], where: str) -> None:
    for key in fields.data:
        if key not in known:
            fields.add(str(key), f"{where}unknown key '{key}' (known: {', '.join(known)})",
                       "warning")


def _check_words(concepts: list[Concept], lines: list[int | None], stop_words: frozenset[str],
                 problems: Collector) -> None:
    """Warn about a word given to two concepts, and names made of stop words only."""
    owners: dict[tuple[str, ...], str] = {}
    for concept, line in zip(concepts, lines, strict=True):
        for word in concept.words:
            key = name_key(word)
            if key in owners and owners[key] != concept.words[0]:
                problems.add(SYNONYMS_FILE, line, f"'{word}' is also a word of the concept "
                             f"'{owners[key]}': merge the two, or use 'includes'", "warning")
            owners.setdefault(key, concept.words[0])
        for name in (*concept.words, *concept.includes):
            if normalise(name) in stop_words or all(
                    part in stop_words for part in name_key(name)):
                problems.add(SYNONYMS_FILE, line, f"'{name}' is a stop word: search takes it "
                             "as a name only when it is typed in capitals", "warning")


def _check_use(concepts: list[Concept], lines: list[int | None],
               articles: Mapping[str, Article], problems: Collector) -> None:
    """Warn about concepts that search can never match: no article uses any name it finds."""
    if not concepts:
        return
    used: set[str] = set()
    for article in articles.values():
        text = " ".join((article.title, *article.also_called, article.summary, article.body))
        used.update(text.casefold().translate(_PUNCTUATION).split())

    def mentioned(name: str) -> bool:
        return all(part in used or part + "s" in used for part in name_key(name))

    synonyms = Synonyms(concepts)
    for concept, line in zip(concepts, lines, strict=True):
        key = name_key(concept.words[0])
        expansion = synonyms.expand(key)
        if not any(map(mentioned, (concept.words[0], *expansion.same, *expansion.wider))):
            problems.add(SYNONYMS_FILE, line, f"no article uses '{concept.words[0]}' or any "
                         "name it stands for, so searching for it finds nothing", "warning")
