"""Full-text search over a pack with SQLite FTS5: forgiving matching, ranked, safe queries."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from html import escape
from pathlib import Path

from guide.model import Article, Pack
from guide.readability import reading_text

SCHEMA_VERSION = 1
MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 500
TOKENIZER = "porter unicode61 remove_diacritics 2"
# title, also-called names, glossary names used in the article, body
RANK = "bm25(0.0, 12.0, 8.0, 3.0, 1.0)"
_WORD = re.compile(r"\w+", re.UNICODE)
_PHRASE = re.compile(r'"([^"]*)"')
_START, _END = "\ue000", "\ue001"  # private-use markers around matches, swapped after escaping
_SELECT = (  # the reader's words only ever reach SQLite as the bound MATCH parameter
    f"SELECT id, highlight(docs, 1, '{_START}', '{_END}'), section, "  # noqa: S608
    f"snippet(docs, 4, '{_START}', '{_END}', '\u2026', 16) "
    "FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ?"
)


@dataclass(frozen=True)
class Hit:
    """One search result."""

    article_id: str
    title: str
    section: str
    snippet_html: str

    @property
    def snippet_text(self) -> str:
        """The snippet without markup (for screen readers)."""
        return re.sub(r"<[^>]+>", "", self.snippet_html).replace("&amp;", "&") \
            .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def query_terms(text: str) -> list[str]:
    """The words and quoted phrases of what the reader typed (for highlighting)."""
    phrases = [p.strip() for p in _PHRASE.findall(text) if _WORD.search(p)]
    rest = _PHRASE.sub(" ", text)
    return phrases + _WORD.findall(rest)


def to_fts_query(text: str) -> str:
    """Turn anything a reader types into a safe FTS5 query ("" when there is nothing).

    Words are quoted, so FTS5 operators and punctuation (AND, OR, NEAR, *, -, brackets) are
    just text; quoted phrases must match in order; every word also matches as a prefix, so
    results appear while typing.
    """
    text = text[:MAX_QUERY_CHARS]
    parts: list[str] = []
    for phrase in _PHRASE.findall(text):
        words = _WORD.findall(phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    for word in _WORD.findall(_PHRASE.sub(" ", text)):
        parts.append(f'"{word}"*' if len(word) >= 2 else f'"{word}"')
    return " ".join(parts[:MAX_QUERY_WORDS])


class SearchIndex:
    """An FTS5 index of a pack's articles. Build it once; query it from one thread."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._titles: list[tuple[str, str, str]] = [
            (row[0], row[1], row[2]) for row in
            self._db.execute("SELECT id, title, section FROM docs ORDER BY title")
        ]

    @classmethod
    def build(cls, pack: Pack, path: Path | None = None) -> SearchIndex:
        """Index every article of ``pack``, in memory, then copy to ``path`` if given."""
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, also, glossary, body, "
            f"section UNINDEXED, tokenize='{TOKENIZER}', prefix='2 3')")
        db.execute(f"INSERT INTO docs(docs, rank) VALUES('rank', '{RANK}')")
        db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)", (
            _row(pack, article, pack.outline.section_title(article.section_id))
            for article in pack.articles.values()
        ))
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.commit()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.unlink(missing_ok=True)
                with sqlite3.connect(tmp) as disk:
                    db.backup(disk)
                disk.close()
                tmp.replace(path)
            except (OSError, sqlite3.Error):
                pass  # the cache is an optimisation: searching still works from memory
        return cls(db)

    @classmethod
    def open(cls, path: Path) -> SearchIndex | None:
        """Open an index saved by :meth:`build`, or ``None`` if it is missing or unusable."""
        if not path.is_file():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            (version,) = db.execute("PRAGMA user_version").fetchone()
            if version != SCHEMA_VERSION:
                db.close()
                return None
            return cls(db)
        except sqlite3.Error:
            return None

    def search(self, text: str, limit: int = 50, *, names_only: bool = False) -> list[Hit]:
        """Ranked results for what the reader typed. Never raises for odd input.

        ``names_only`` looks only at titles and other names: in a large pack
        that is several times faster than ranking every article whose text has the words,
        so the list can follow each keystroke, and the full search can follow a pause.
        """
        query = to_fts_query(text)
        if not query:
            return []
        if names_only:
            query = f"{{title also}} : ({query})"
        words = _WORD.findall(text)
        if len(words) == 1 and len(words[0]) == 1:  # a single letter: titles starting with it
            letter = words[0].casefold()
            return [Hit(i, t, s, "") for i, t, s in self._titles
                    if t.casefold().startswith(letter)][:limit]
        try:
            rows = self._db.execute(_SELECT, (query, limit)).fetchall()
        except sqlite3.Error:
            return []
        return [Hit(row[0], _strip_markers(row[1]), row[2], _marked_html(row[3]))
                for row in rows]

    def close(self) -> None:
        """Release the database."""
        self._db.close()


def _row(pack: Pack, article: Article, section: str) -> tuple[str, str, str, str, str, str]:
    body = reading_text(article.body)
    names: list[str] = []
    for used in article.glossary_terms:
        term = pack.glossary.term(used)
        if term is not None:
            names.extend(term.forms)
    return (article.id, article.title, " ; ".join(article.also_called),
            " ; ".join(dict.fromkeys(names)), body, section)


def _strip_markers(text: str) -> str:
    return text.replace(_START, "").replace(_END, "")


def _marked_html(text: str) -> str:
    return escape(" ".join(text.split())).replace(_START, "<b>").replace(_END, "</b>")
