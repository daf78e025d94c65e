"""Full-text search over a pack with SQLite FTS5: forgiving matching, ranked, safe queries.

Articles that match every word of a query come first; when there are not enough of them,
articles that match some of the words follow, those whose matched words are rarer in the pack
first (weighted as BM25 weighs a word). Within each tier, words in an article's title or other
names count first, then BM25.
"""

from __future__ import annotations

import math
import re
import sqlite3
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from html import escape
from pathlib import Path

from guide.atomic import replaced_atomically
from guide.model import Article, Pack
from guide.query import NO_SYNONYMS, Query, in_names, parse_query
from guide.readability import reading_text
from guide.synonyms import Synonyms

SCHEMA_VERSION = 2
TOKENIZER = "porter unicode61 remove_diacritics 2"
CREATE_TABLE = (
    "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, also, glossary, body, "
    f"section UNINDEXED, tokenize='{TOKENIZER}', prefix='2 3')"
)
CREATE_NAMES_TABLE = (
    f"CREATE VIRTUAL TABLE names USING fts5(title, also, tokenize='{TOKENIZER}', prefix='2 3')"
)
"""Titles and other names again, on their own: searching them as a reader types then reads
short lists, where the same search in ``docs`` reads every article that uses the words."""
# title, also-called names, glossary names used in the article, body
RANK = "bm25(0.0, 12.0, 8.0, 3.0, 1.0)"
NAMES_RANK = "bm25(12.0, 8.0)"
MAX_PARTIAL_GROUPS = 10
"""At most this many sets of matched words are listed after the articles that match all."""
SNIPPET_WORDS = 16
_WORD = re.compile(r"\w+", re.UNICODE)
_START, _END = "\ue000", "\ue001"  # private-use markers around matches, swapped after escaping
# the reader's words only ever reach SQLite as the bound MATCH parameter
_SELECT = (
    f"SELECT rowid, id, title, section, snippet(docs, 4, '{_START}', '{_END}', '\u2026', "  # noqa: S608
    f"{SNIPPET_WORDS}) FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"
)
_SELECT_NAMES = "SELECT rowid FROM names WHERE names MATCH ? ORDER BY rank LIMIT ?"


@dataclass(frozen=True)
class Hit:
    """One search result, with the reader's words it matched and those it did not."""

    article_id: str
    title: str
    section: str
    snippet_html: str
    matched: tuple[str, ...] = ()
    missed: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether the article matched every word that counts."""
        return not self.missed


def rarity(matches: int, articles: int) -> float:
    """How much matching a word says about an article: BM25's inverse document frequency."""
    return math.log(1 + (articles - matches + 0.5) / (matches + 0.5))


class SearchError(Exception):
    """The index could not answer (a damaged file, a full disk): not the reader's fault."""


class BuildCancelledError(Exception):
    """Building the index was stopped (the app is closing)."""


BUILD_BATCH = 250
"""Articles indexed between two checks for a request to stop."""


class SearchIndex:
    """An FTS5 index of a pack's articles. Build it once; query it from one thread.

    ``synonyms`` (the pack's concepts and stop words) shape every query.
    """

    def __init__(self, connection: sqlite3.Connection,
                 synonyms: Synonyms = NO_SYNONYMS) -> None:
        self._db = connection
        self._closer = weakref.finalize(self, connection.close)  # closed with the index
        self.synonyms = synonyms
        self._titles: list[tuple[str, str, str]] = [
            (row[0], row[1], row[2]) for row in
            self._db.execute("SELECT id, title, section FROM docs ORDER BY title")
        ]

    @classmethod
    def build(cls, pack: Pack, path: Path | None = None,
              cancelled: Callable[[], bool] = lambda: False) -> SearchIndex:
        """Index every article of ``pack``, in memory, then copy to ``path`` if given.

        ``cancelled`` is asked between batches of articles; when it says yes the work stops
        with :class:`BuildCancelledError` (so closing the app never waits for a large pack).
        """
        db = sqlite3.connect(":memory:", check_same_thread=False)
        try:
            cls._fill(db, pack, cancelled)
        except BaseException:
            db.close()
            raise
        if path is not None:
            try:
                with replaced_atomically(path) as tmp:
                    disk = sqlite3.connect(tmp)
                    try:
                        db.backup(disk)
                    finally:
                        disk.close()
            except (OSError, sqlite3.Error):
                pass  # the cache is an optimisation: searching still works from memory
        return cls(db, pack.synonyms)

    @staticmethod
    def _fill(db: sqlite3.Connection, pack: Pack, cancelled: Callable[[], bool]) -> None:
        db.execute(CREATE_TABLE)
        db.execute(f"INSERT INTO docs(docs, rank) VALUES('rank', '{RANK}')")
        batch: list[tuple[str, str, str, str, str, str]] = []
        for article in pack.articles.values():
            batch.append(_row(pack, article, pack.outline.section_title(article.section_id)))
            if len(batch) == BUILD_BATCH:
                if cancelled():
                    raise BuildCancelledError
                db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", batch)
                batch.clear()
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", batch)
        db.execute(CREATE_NAMES_TABLE)
        db.execute(f"INSERT INTO names(names, rank) VALUES('rank', '{NAMES_RANK}')")
        db.execute("INSERT INTO names(rowid, title, also) SELECT rowid, title, also FROM docs")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.commit()

    @classmethod
    def open(cls, path: Path, synonyms: Synonyms = NO_SYNONYMS) -> SearchIndex | None:
        """Open an index saved by :meth:`build`, or ``None`` if it is missing or unusable."""
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        except sqlite3.Error:
            return None
        try:
            (version,) = db.execute("PRAGMA user_version").fetchone()
            if version == SCHEMA_VERSION:
                return cls(db, synonyms)
        except sqlite3.Error:
            pass
        db.close()
        return None

    def parse(self, text: str) -> Query:
        """What the reader typed, with this pack's concepts and stop words."""
        return parse_query(text, self.synonyms)

    def search(self, text: str, limit: int = 50, *, names_only: bool = False) -> list[Hit]:
        """Ranked results for what the reader typed. Never raises for odd input.

        ``names_only`` looks only at titles and other names: in a large pack
        that is several times faster than ranking every article whose text has the words,
        so the list can follow each keystroke, and the full search can follow a pause.
        """
        words = _WORD.findall(text)
        if len(words) == 1 and len(words[0]) == 1:  # a single letter: titles starting with it
            letter = words[0].casefold()
            return [Hit(i, t, s, "") for i, t, s in self._titles
                    if t.casefold().startswith(letter)][:limit]
        query = self.parse(text)
        if not query:
            return []
        try:
            return _Ranking(self._db, query, len(self._titles), names_only=names_only) \
                .best(limit)
        except sqlite3.Error as exc:  # queries are built safely: this is a damaged index
            raise SearchError(str(exc)) from exc

    @property
    def article_count(self) -> int:
        """How many articles the index holds."""
        return len(self._titles)

    def terms(self, text: str) -> list[str]:
        """Words and phrases of a query, synonyms included, for highlighting in an article."""
        return self.parse(text).terms()

    def close(self) -> None:
        """Release the database (it is also released when the index is garbage)."""
        self._closer()


class _Ranking:
    """The results of one query, best first.

    Tiers: articles whose title or other names hold the words just as typed; articles that
    match every slot (as typed and by synonyms, then also by wider classes); articles that
    match some slots, the rarer slots first. Within a tier, articles with the words in their
    title (or other names) come first, then BM25 decides: BM25 alone gives almost no weight
    to a word most articles use, so in a guide about pain "pain" in a title would otherwise
    count for nothing. ``names_only`` searches the small ``names`` table alone.
    """

    def __init__(self, db: sqlite3.Connection, query: Query, articles: int, *,
                 names_only: bool) -> None:
        self._db = db
        self._query = query
        self._articles = articles
        self._names_only = names_only
        self._seen: set[int] = set()
        self._hits: list[Hit] = []

    def best(self, limit: int) -> list[Hit]:
        """Up to ``limit`` hits."""
        query = self._query
        every = frozenset(range(len(query.slots)))
        if query.whole and self._rowids("names", query.whole):  # a name just as typed
            if self._names_only:
                self._take(query.whole, every, limit, names=True)
            else:  # with every word, so that the snippet shows them
                self._take(f"{in_names(query.whole)} AND ({query.every_word()})", every, limit)
        self._add(query.every_word(), every, limit)
        if query.widens:
            self._add(query.every_word(wide=True), every, limit)
        if len(every) > 1 and len(self._hits) < limit:
            # rarer words first; groups of equal weight in a fixed order
            ranked = sorted(self._groups(), key=lambda group: (
                -sum(self._weights[n] for n in group), sorted(group)))
            for group in ranked[:MAX_PARTIAL_GROUPS]:
                self._add(query.only(group), group, limit)
        return self._hits

    def _rowids(self, table: str, expression: str) -> set[int]:
        return {row[0] for row in self._db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (expression,))}  # noqa: S608

    @cached_property
    def _found(self) -> list[set[int]]:
        """The articles each slot matches (widely)."""
        table = "names" if self._names_only else "docs"
        return [self._rowids(table, slot.wide) for slot in self._query.slots]

    @cached_property
    def _weights(self) -> list[float]:
        """How much matching each slot counts: more for rarer words."""
        if len(self._query.slots) == 1:
            return [1.0]
        return [rarity(len(found), self._articles) for found in self._found]

    @cached_property
    def _name_weights(self) -> dict[int, float]:
        """By article, the weight of the slots in its title (counted twice) or other names."""
        weights: dict[int, float] = {}
        for weight, slot in zip(self._weights, self._query.slots, strict=True):
            for expression in (f"{{title}} : ({slot.wide})", slot.wide):
                for rowid in self._rowids("names", expression):
                    weights[rowid] = weights.get(rowid, 0.0) + weight
        return weights

    def _groups(self) -> set[frozenset[int]]:
        """Each set of slots that some article not listed yet matches, and no more."""
        found = self._found
        return {frozenset(n for n, rowids in enumerate(found) if rowid in rowids)
                for rowid in set[int]().union(*found) - self._seen}

    def _add(self, expression: str, group: frozenset[int], limit: int) -> None:
        """List articles that match ``expression``: with the words in their names first."""
        if not self._names_only and self._name_weights:  # (none: no word is in a name)
            named = " OR ".join(f"({self._query.slots[n].wide})" for n in sorted(group))
            self._take(f"({expression}) AND {in_names(named)}", group, limit)
        self._take(expression, group, limit, names=self._names_only)

    def _take(self, expression: str, group: frozenset[int], limit: int, *,
              names: bool = False) -> None:
        """List the best articles for ``expression`` not listed yet, up to ``limit`` in all.

        ``names`` looks in the names table; otherwise titles and other names are
        looked at in the full index, where a snippet of the text shows the words.
        """
        wanted = limit - len(self._hits)
        if wanted <= 0:
            return
        fetch = wanted + len(self._seen)
        if names:
            rowids = [row[0] for row in self._db.execute(_SELECT_NAMES, (expression, fetch))]
            rows = self._plain_rows([rowid for rowid in rowids if rowid not in self._seen])
        else:
            rows = [(rowid, article_id, title, section, _marked_html(snippet))
                    for rowid, article_id, title, section, snippet
                    in self._db.execute(_SELECT, (expression, fetch))]
        rows = [row for row in rows if row[0] not in self._seen][:wanted]
        rows.sort(key=lambda row: -self._name_weights.get(row[0], 0.0))  # stable: BM25 next
        labels = self._query.labels
        matched = tuple(label for n, label in enumerate(labels) if n in group)
        missed = tuple(label for n, label in enumerate(labels) if n not in group)
        for rowid, article_id, title, section, snippet_html in rows:
            self._seen.add(rowid)
            self._hits.append(Hit(article_id, title, section, snippet_html, matched, missed))

    def _plain_rows(self, rowids: list[int]) -> list[tuple[int, str, str, str, str]]:
        """Articles by rowid, in that order, with the start of their text as the snippet."""
        if not rowids:
            return []
        marks = ", ".join("?" * len(rowids))
        found = {row[0]: row for row in self._db.execute(
            "SELECT rowid, id, title, section, substr(body, 1, 300) FROM docs "  # noqa: S608
            f"WHERE rowid IN ({marks})", rowids)}
        rows = []
        for rowid in rowids:
            if rowid in found:
                _rowid, article_id, title, section, start = found[rowid]
                words = start.split()[:SNIPPET_WORDS]
                rows.append((rowid, article_id, title, section,
                             escape(" ".join(words)) + "\u2026" * bool(words)))
        return rows


def _row(pack: Pack, article: Article, section: str) -> tuple[str, str, str, str, str, str]:
    body = reading_text(article.body)
    names: list[str] = []
    for used in article.glossary_terms:
        term = pack.glossary.term(used)
        if term is not None:
            names.extend(term.forms)
    return (article.id, article.title, " ; ".join(article.also_called),
            " ; ".join(dict.fromkeys(names)), body, section)


def _marked_html(text: str) -> str:
    return escape(" ".join(text.split())).replace(_START, "<b>").replace(_END, "</b>")
