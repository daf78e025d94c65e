"""Articles kept in an SQLite file and read one at a time, so large packs open quickly."""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
import threading
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path

from guide.atomic import replaced_atomically
from guide.model import Article


class ArticleStore(Mapping[str, Article]):
    """A read-only mapping of article id to :class:`Article`, loaded on first use.

    Safe to read from several threads (the search index is built in the background).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        # closed when the store goes away, even if nobody calls close()
        self._closer = weakref.finalize(self, self._db.close)
        self._lock = threading.Lock()
        self._loaded: dict[str, Article] = {}
        self._length: int | None = None
        with self._lock:
            self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchall()  # fail early

    @staticmethod
    def write(path: Path, articles: Mapping[str, Article]) -> None:
        """Save ``articles`` to a new file at ``path`` (written aside, then renamed)."""
        with replaced_atomically(path) as tmp:
            db = sqlite3.connect(tmp)
            try:
                db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, position INTEGER, "
                           "data BLOB)")
                db.executemany("INSERT INTO articles VALUES (?, ?, ?)", (
                    (article_id, position, pickle.dumps(article, protocol=5))
                    for position, (article_id, article) in enumerate(articles.items())
                ))
                db.commit()
            finally:
                db.close()

    def __getitem__(self, article_id: str) -> Article:
        article = self._loaded.get(article_id)
        if article is None:
            with self._lock:
                row = self._db.execute("SELECT data FROM articles WHERE id = ?",
                                       (article_id,)).fetchone()
            if row is None:
                raise KeyError(article_id)
            article = self._loaded[article_id] = pickle.loads(row[0])  # noqa: S301 - our cache
        return article

    def __contains__(self, article_id: object) -> bool:
        if article_id in self._loaded:
            return True
        with self._lock:
            return self._db.execute("SELECT 1 FROM articles WHERE id = ?",
                                    (article_id,)).fetchone() is not None

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            ids = [row[0] for row in self._db.execute("SELECT id FROM articles ORDER BY position")]
        return iter(ids)

    def __len__(self) -> int:
        if self._length is None:
            with self._lock:
                (self._length,) = self._db.execute("SELECT count(*) FROM articles").fetchone()
        return self._length

    def __repr__(self) -> str:
        return f"ArticleStore({self.path})"

    def close(self) -> None:
        """Release the file."""
        with contextlib.suppress(sqlite3.Error):
            self._closer()
